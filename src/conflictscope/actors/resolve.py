"""Article-level actor resolution: country context, main actor, generic mentions.

Every sentence (parsed or not) is matched with :func:`match_sentence`; the
article's country context is the most-named country (names and demonyms, a cheap
string scan); the main actor is the most-mentioned named non-state group. Generic
words ("the jihadist group", "militants", "fighters") resolve to that main actor
(``ActorMention.generic=True``); "troops", "government forces" and "police"
without a country resolve to the context country's state forces, or to forces of
an unknown country when the text names none (never a guess).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from conflictscope.actors.dictionary import ActorDictionary
from conflictscope.actors.matcher import RawMatch, match_sentence
from conflictscope.document import declare_layer
from conflictscope.models import Actor, ActorMention, Mention, Span

#: Main-actor references that, with no named group in the report, still denote an armed group.
_ARMED_REFS = frozenset(
    ["militants", "insurgents", "jihadists", "terrorists", "extremists", "islamists", "attackers"]
)
#: Country context weights: a country's name counts more than a demonym ("Chinese workers
#: kidnapped in DR Congo"), one more after "in"/"across", and the headline and lead count
#: more than the rest.
NAME_WEIGHT = 2
LEAD = 2
LEAD_WEIGHT = 2
#: Non-state inter codes that can be a report's main actor.
_NON_STATE = (2, 3, 4, 8)
#: Words that make an unknown ORG entity an armed group (NER fallback).
_ARMED_ORG = {
    "brigade": 2,
    "brigades": 2,
    "front": 2,
    "army": 2,
    "movement": 2,
    "battalion": 2,
    "liberation": 2,
    "jihad": 2,
    "militia": 3,
    "militias": 3,
    "forces": 2,
    "mujahideen": 2,
    "resistance": 2,
    "guerrilla": 2,
    "guerrillas": 2,
    "cartel": 3,
    "gang": 3,
}


@dataclass(frozen=True, slots=True)
class ActorContext:
    """What later stages need beyond the mentions (the layer :data:`ACTOR_CONTEXT`)."""

    country: str | None  # ISO2 of the most-named country, or None
    country_name: str | None
    country_counts: tuple[tuple[str, int], ...] = ()
    main_actor: Actor | None = None
    main_state: Actor | None = None  # most-mentioned state forces
    backing: tuple[tuple[Span, Span], ...] = ()  # (backer span, backed span)
    country_refs: tuple[tuple[Span, str], ...] = ()  # free country names (span, ISO2)
    published: date | None = None
    mentions_by_sentence: dict[int, tuple[int, ...]] = field(default_factory=dict)


#: The layer the ``actors`` stage adds beside the mentions.
ACTOR_CONTEXT = declare_layer(
    "actor_context", ActorContext, "the report's main country, main actor and state forces, for the roles"
)


@dataclass(frozen=True, slots=True)
class _Found:
    sentence: int
    span: Span
    raw: RawMatch


def resolve_article(
    dictionary: ActorDictionary,
    sentences: list[tuple[int, int, str]],
    *,
    published: date | None = None,
    entities: tuple[Mention, ...] = (),
) -> tuple[tuple[ActorMention, ...], ActorContext]:
    """Actor mentions of an article from its sentences ``(start, end, text)``."""
    found: list[_Found] = []
    refs: list[tuple[Span, str]] = []
    counts: Counter[str] = Counter()  # weighted mentions per country
    for index, (start, _end, text) in enumerate(sentences):
        matches, country_refs = match_sentence(dictionary, text)
        for m in matches:
            found.append(
                _Found(index, Span(start + m.start, start + m.end, text[m.start : m.end]), m)
            )
            if m.country and not m.backer:  # "Iranian-backed" says little about where
                counts[m.country] += LEAD_WEIGHT if index < LEAD else 1
        for r in country_refs:
            refs.append((Span(start + r.start, start + r.end, text[r.start : r.end]), r.iso2))
            weight = (NAME_WEIGHT if r.form == "name" else 1) + (1 if r.locative else 0)
            counts[r.iso2] += weight * (LEAD_WEIGHT if index < LEAD else 1)
    country = _top(
        counts, [*(f.span.start for f in found), *(s.start for s, _ in refs)], found, refs
    )
    groups = _pick_groups(dictionary, found, country, counts)
    found = _supported(dictionary, found, groups, counts)
    found.extend(_entity_candidates(dictionary, sentences, entities, found))
    main_id = _main_group(dictionary, found, groups)
    main = dictionary.group_actor(main_id, country) if main_id else None
    mentions: list[tuple[int, ActorMention]] = []
    for item in sorted(found, key=lambda f: f.span.start):
        mention = _resolve(dictionary, item, groups, country, main, published)
        if mention is not None:
            mentions.append((item.sentence, mention))
    states = Counter(m.actor for _, m in mentions if m.actor.kind == "military" and m.actor.country)
    by_sentence: dict[int, list[int]] = {}
    for position, (sentence, _) in enumerate(mentions):
        by_sentence.setdefault(sentence, []).append(position)
    place = dictionary.countries.get(country)
    context = ActorContext(
        country=country,
        country_name=place.name if place else None,
        country_counts=tuple(counts.most_common()),
        main_actor=main,
        main_state=states.most_common(1)[0][0] if states else None,
        backing=_backing(found),
        country_refs=tuple(refs),
        published=published,
        mentions_by_sentence={k: tuple(v) for k, v in by_sentence.items()},
    )
    return tuple(m for _, m in mentions), context


def _top(
    counts: Counter[str], _starts: list[int], found: list[_Found], refs: list[tuple[Span, str]]
) -> str | None:
    if not counts:
        return None
    first: dict[str, int] = {}
    for span, iso2 in refs:
        first.setdefault(iso2, span.start)
    for f in found:
        if f.raw.country:
            first[f.raw.country] = min(first.get(f.raw.country, f.span.start), f.span.start)
    return max(counts, key=lambda iso2: (counts[iso2], -first.get(iso2, 0)))


def _pick_groups(
    dictionary: ActorDictionary, found: list[_Found], country: str | None, counts: Counter[str]
) -> dict[tuple[str, ...], str]:
    """For each (possibly ambiguous) target tuple, the one target to use."""
    chosen: dict[tuple[str, ...], str] = {}
    for f in found:
        targets = f.raw.targets
        if len(targets) < 2 or targets in chosen:
            continue
        state_kind = f.raw.kind in ("state", "police")

        def score(target: str, state_kind: bool = state_kind) -> tuple[int, int]:
            group = dictionary.groups.get(target)
            if target.startswith("@"):
                home: str | None = target.rsplit(":", 1)[1]
            else:
                home = target if state_kind else (group.country if group else None)
            return (int(home == country and home is not None), counts.get(home or "", 0))

        chosen[targets] = max(targets, key=score)
    return chosen


def _supported(
    dictionary: ActorDictionary,
    found: list[_Found],
    groups: dict[tuple[str, ...], str],
    counts: Counter[str],
) -> list[_Found]:
    """Drop short acronyms ("CNA", "IS") the report gives no support: neither the group's home
    country nor a longer name of the group ("Islamic State", "IS fighters") appears in it.
    Acronyms of groups active in many countries ("ADF", "PKK") need none, unless they have two
    letters: those are common abbreviations too (a labour report's "the reorganisation of IS")."""
    spelled = {groups.get(f.raw.targets, f.raw.targets[0]) for f in found if not f.raw.acronym}
    kept: list[_Found] = []
    for f in found:
        if f.raw.acronym and f.raw.kind == "group":
            target = groups.get(f.raw.targets, f.raw.targets[0])
            group = dictionary.groups.get(target)
            if group is not None and not (
                (group.suffix and not _two_letters(f)) or target in spelled or counts.get(group.country or "", 0)
            ):
                continue
        kept.append(f)
    return kept


def _two_letters(found: _Found) -> bool:
    """A bare two-letter acronym ("IS", "JI")."""
    return found.raw.end - found.raw.start == 2


def _main_group(
    dictionary: ActorDictionary, found: list[_Found], groups: dict[tuple[str, ...], str]
) -> str | None:
    tally: Counter[str] = Counter()
    first: dict[str, int] = {}
    for f in found:
        if f.raw.kind != "group":
            continue
        target = groups.get(f.raw.targets, f.raw.targets[0])
        group = dictionary.groups.get(target)
        if group is None or group.inter not in _NON_STATE:
            continue
        tally[target] += 1
        first.setdefault(target, f.span.start)
    if not tally:
        return None
    return max(tally, key=lambda t: (tally[t], -first[t]))


def _resolve(
    dictionary: ActorDictionary,
    item: _Found,
    groups: dict[tuple[str, ...], str],
    country: str | None,
    main: Actor | None,
    published: date | None,
) -> ActorMention | None:
    raw = item.raw
    target = groups.get(raw.targets, raw.targets[0])
    if target.startswith("@"):  # an ambiguous phrase resolved to another kind ("SNA")
        kind, target = target[1:].split(":", 1)
        raw = RawMatch(raw.start, raw.end, kind, (target,), raw.country, raw.backer)
    if raw.kind == "group":
        if target.startswith("adhoc:"):
            return ActorMention(_adhoc(dictionary, target, country), item.span)
        return ActorMention(dictionary.group_actor(target, country), item.span)
    if raw.kind in ("state", "police"):
        kind = "military" if raw.kind == "state" else "police"
        return ActorMention(dictionary.state_actor(target, kind, published), item.span)
    if raw.kind == "state_generic":
        return ActorMention(
            dictionary.state_actor(country, target, published), item.span, generic=True
        )
    if raw.kind == "generic":
        return ActorMention(dictionary.generic_actor(target, raw.country or country), item.span)
    # a reference back to the report's main actor
    if main is not None:
        return ActorMention(main, item.span, generic=True)
    last = item.span.text.split()[-1].lower()
    if last in _ARMED_REFS:
        return ActorMention(
            dictionary.generic_actor("unidentified", country), item.span, generic=True
        )
    return None


def _adhoc(dictionary: ActorDictionary, target: str, country: str | None) -> Actor:
    _, inter, name = target.split(":", 2)
    place = dictionary.countries.get(country)
    return Actor(
        id=f"adhoc:{name}",
        name=name,
        inter=int(inter),
        country=place.name if place else None,
        kind="armed_group_unlisted",
    )


def _entity_candidates(
    dictionary: ActorDictionary,
    sentences: list[tuple[int, int, str]],
    entities: tuple[Mention, ...],
    found: list[_Found],
) -> list[_Found]:
    """NER ORG spans not in the dictionary that look like armed groups ("X Brigade")."""
    extra: list[_Found] = []
    taken = [(f.span.start, f.span.end) for f in found]
    for ent in entities:
        if ent.label != "ORG" or any(s < ent.end and ent.start < e for s, e in taken):
            continue
        words = ent.text.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        inter = next((_ARMED_ORG[w.lower()] for w in words if w.lower() in _ARMED_ORG), 0)
        if not inter or len(words) < 2 or not words[0][:1].isupper():
            continue
        index = next((i for i, (s, e, _) in enumerate(sentences) if s <= ent.start < e), None)
        if index is None:
            continue
        name = " ".join(words)
        start = ent.end - len(name)
        raw = RawMatch(0, 0, "group", (f"adhoc:{inter}:{name}",))
        extra.append(_Found(index, Span(start, ent.end, name), raw))
    return extra


def _backing(found: list[_Found]) -> tuple[tuple[Span, Span], ...]:
    pairs: list[tuple[Span, Span]] = []
    ordered = sorted(found, key=lambda f: f.span.start)
    for left, right in zip(ordered, ordered[1:], strict=False):
        if left.raw.backer and left.sentence == right.sentence:
            pairs.append((left.span, right.span))
    return tuple(pairs)
