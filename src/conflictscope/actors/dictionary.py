"""The curated actor dictionary: armed groups, state forces and generic actors.

Data files (``data/actors/``): ``armed_groups.json`` (named non-state groups,
ACLED-style names, inter codes, home country, aliases, and a ``suffix`` flag for
groups ACLED names per country, "Islamic State (Syria)"), ``state_aliases.json``
(extra names of state military and police forces: "FARDC", "IDF"),
``generic.json`` (civilians, protesters, rioters, unidentified armed groups, the
words that refer back to a report's main actor, and the nouns that make
"<demonym> <noun>" a state force) and ``countries.json`` (see
:mod:`conflictscope.actors.countries`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from conflictscope.actors.countries import CountryTable, load_countries
from conflictscope.actors.text import case_pattern, keys, tokenize
from conflictscope.models import Actor
from conflictscope.resources import Settings, current, declare_resource, file_digest

#: Inter codes (ACLED).
STATE, REBEL, POLITICAL_MILITIA, IDENTITY_MILITIA, RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = range(
    1, 9
)


@dataclass(frozen=True, slots=True)
class Group:
    """A named non-state armed group (or a named special unit) of the dictionary."""

    id: str
    name: str
    inter: int
    country: str | None  # home country ISO2
    suffix: bool
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Phrase:
    """One dictionary phrase: what it points to and the case it must appear in."""

    kind: str  # group | state | police | generic | ref | state_generic
    target: str  # group id, ISO2, generic key, or "military"/"police"
    surface: tuple[str, ...]
    case: tuple[int, ...]
    text: str


@dataclass
class ActorDictionary:
    """Every actor phrase, indexed by token keys for longest-match lookup."""

    countries: CountryTable
    groups: dict[str, Group]
    generic: dict[str, tuple[str, int]]  # key -> (name, inter)
    phrases: dict[tuple[str, ...], list[Phrase]] = field(default_factory=dict)
    state_heads: dict[tuple[str, ...], str] = field(default_factory=dict)
    weak_heads: frozenset[tuple[str, ...]] = frozenset()
    modifiers: frozenset[str] = frozenset()
    adjective_followers: frozenset[str] = frozenset()
    max_len: int = 1
    lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    conflicts: list[tuple[str, list[str]]] = field(default_factory=list)
    _cache: dict[tuple[str, str | None], Actor] = field(default_factory=dict)

    def add(self, text: str, kind: str, target: str) -> None:
        """Index ``text`` as a phrase of ``kind`` pointing to ``target``."""
        key = keys(text)
        if not key:
            return
        surface = tuple(t.text.replace("'", "").replace("’", "") for t in tokenize(text))
        bucket = self.phrases.setdefault(key, [])
        if any(p.kind == kind and p.target == target for p in bucket):
            return
        bucket.append(Phrase(kind, target, surface, case_pattern(text), text))
        self.max_len = max(self.max_len, len(key))
        known = set(self.lengths.get(key[0], ()))
        known.add(len(key))
        self.lengths[key[0]] = tuple(sorted(known, reverse=True))

    def lookup(self, key: tuple[str, ...]) -> list[Phrase]:
        """The phrases indexed under ``key``."""
        return self.phrases.get(key, [])

    # -- canonical actors -------------------------------------------------
    def group_actor(self, group_id: str, country: str | None) -> Actor:
        """The canonical actor of a group; suffixed with ``country`` when ACLED does so."""
        cached = self._cache.get((group_id, country))
        if cached is None:
            cached = self._cache[(group_id, country)] = _group_actor(self, group_id, country)
        return cached

    def state_actor(self, iso2: str | None, kind: str, when: date | None) -> Actor:
        """Military (``kind="military"``) or police forces of a country (None: unknown)."""
        return _state_actor(iso2, kind, when)

    def generic_actor(self, key: str, iso2: str | None) -> Actor:
        """A generic actor ("Civilians (Syria)"); without a country, the bare name."""
        cached = self._cache.get((f"generic:{key}", iso2))
        if cached is None:
            cached = self._cache[(f"generic:{key}", iso2)] = _generic_actor(self.generic[key], key, iso2)
        return cached

    def report_conflicts(self) -> list[tuple[str, list[str]]]:
        """Phrases that point to more than one named actor (resolved by country context)."""
        found: list[tuple[str, list[str]]] = []
        for bucket in self.phrases.values():
            targets = sorted(
                {f"{p.kind}:{p.target}" for p in bucket if p.kind in ("group", "state", "police")}
            )
            if len(targets) > 1:
                found.append((bucket[0].text, targets))
        return found


def _group_actor(dictionary: ActorDictionary, group_id: str, country: str | None) -> Actor:
    group = dictionary.groups[group_id]
    place = dictionary.countries.get(country) if group.suffix else None
    name = f"{group.name} ({place.name})" if place else group.name
    home = dictionary.countries.get(country if group.suffix and place else group.country)
    return Actor(
        id=f"group:{group.id}" + (f":{place.iso2}" if place else ""),
        name=name,
        inter=group.inter,
        country=home.name if home else None,
        kind="armed_group",
        aliases=group.aliases,
    )


@lru_cache(maxsize=4096)
def _state_actor(iso2: str | None, kind: str, when: date | None) -> Actor:
    country = load_countries().get(iso2)
    label = "military" if kind == "military" else "police"
    if country is None:
        base = "Military Forces" if label == "military" else "Police Forces"
        return Actor(id=f"{label}:unknown", name=base, inter=STATE, country=None, kind=label)
    return Actor(
        id=f"{label}:{country.iso2}",
        name=country.forces_name(label, when),
        inter=STATE,
        country=country.name,
        kind=label,
    )


def _generic_actor(named: tuple[str, int], key: str, iso2: str | None) -> Actor:
    name, inter = named
    country = load_countries().get(iso2)
    return Actor(
        id=f"{key}:{country.iso2 if country else 'unknown'}",
        name=f"{name} ({country.name})" if country else name,
        inter=inter,
        country=country.name if country else None,
        kind=key,
    )


#: The actor dictionary's files (the country table, ``countries.json``, is read apart: see
#: :func:`conflictscope.actors.countries.load_countries`).
DICTIONARY_FILES = ("armed_groups.json", "generic.json", "state_aliases.json")


def _folder(settings: Settings) -> Path:
    return Path(settings.actors) if settings.actors else Path(str(resources.files("conflictscope.data").joinpath("actors")))


def _read(folder: Path, name: str) -> Any:
    return json.loads((folder / name).read_text("utf-8"))


def load_dictionary() -> ActorDictionary:
    """The current resources' actor dictionary (built once per configuration, about 50 ms)."""
    return current().get(ACTOR_DICTIONARY)


def build_dictionary(folder: Path) -> ActorDictionary:
    """The actor dictionary of the JSON files in ``folder``."""
    countries = load_countries()
    groups = {
        g["id"]: Group(
            g["id"],
            g["name"],
            int(g["inter"]),
            g.get("country"),
            bool(g.get("suffix")),
            tuple(g.get("aliases", ())),
        )
        for g in _read(folder, "armed_groups.json")["groups"]
    }
    generic_data = _read(folder, "generic.json")
    generic = {g["key"]: (g["name"], int(g["inter"])) for g in generic_data["generic_actors"]}
    heads = generic_data["state_heads"]
    dictionary = ActorDictionary(
        countries=countries,
        groups=groups,
        generic=generic,
        state_heads={
            **{keys(h): "military" for h in heads["military"]},
            **{keys(h): "police" for h in heads["police"]},
        },
        weak_heads=frozenset(keys(h) for h in heads["military_weak"]),
        modifiers=frozenset(generic_data["state_modifiers"]),
        adjective_followers=frozenset(generic_data["adjective_followers"]),
    )
    for group in groups.values():
        for text in (group.name, *group.aliases):
            dictionary.add(text, "group", group.id)
    aliases = _read(folder, "state_aliases.json")
    for kind in ("state", "police"):
        for iso2, texts in aliases[kind].items():
            for text in texts:
                dictionary.add(text, kind, iso2)
    for entry in generic_data["generic_actors"]:
        for text in entry["triggers"]:
            dictionary.add(text, "generic", entry["key"])
    for text in generic_data["main_actor_refs"]:
        dictionary.add(text, "ref", "main")
    for kind, texts in generic_data["state_generic"].items():
        for text in texts:
            dictionary.add(text, "state_generic", kind)
    dictionary.conflicts = dictionary.report_conflicts()
    return dictionary


#: The actor dictionary (``Settings.actors``, the packaged one when None).
ACTOR_DICTIONARY = declare_resource(
    "actors",
    lambda loaded: build_dictionary(_folder(loaded.settings)),
    lambda settings: file_digest(
        *(_folder(settings) / name for name in DICTIONARY_FILES), _folder(Settings()) / "countries.json"
    ),
)


#: Generic actor kinds that ACLED names after the event's country ("Civilians (Syria)").
GENERIC_KINDS = ("civilians", "protesters", "rioters", "unidentified", "rebels")


def localize(actor: Actor, country: str | None) -> Actor:
    """The actor as coded for an event in ``country`` (name, ISO2 or ISO3).

    ACLED suffixes generic actors and groups active in several countries with the
    event's country ("Islamic State (Iraq)" for an event in Iraq, even when the
    report is mostly about Syria); state forces of no known country ("police") become the
    event country's. Other actors are returned unchanged.
    """
    dictionary = load_dictionary()
    place = dictionary.countries.find(country)
    if place is None:
        return actor
    if actor.kind in GENERIC_KINDS:
        return dictionary.generic_actor(actor.kind, place.iso2)
    parts = actor.id.split(":")
    if actor.kind in ("police", "military") and parts[-1] == "unknown":
        return dictionary.state_actor(place.iso2, actor.kind, None)  # "police" of an event in Russia
    if actor.kind == "armed_group" and parts[0] == "group" and len(parts) >= 2:
        group = dictionary.groups.get(parts[1])
        if group is not None and group.suffix:
            return dictionary.group_actor(group.id, place.iso2)
    return actor
