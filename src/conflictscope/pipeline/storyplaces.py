"""Where the sentences of a report put its events, beyond each clause's own words (read by the
`places` stage, :mod:`conflictscope.pipeline.places`).

A demonstration in a list of towns is one event per town; an event whose clause names no place goes
on where the sentences just before placed the same kind of event, or where "the area" points; a
sentence just after that says where the event happened ("The attack took place in Dori") places it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

import regex as re

from conflictscope.document import Sentence
from conflictscope.models import EventCandidate, PlaceMention

#: Event types ACLED codes once per town of a list ("Protesters in Paris, London and Berlin").
_PER_TOWN_TYPES = frozenset({"Protests", "Riots"})
#: Between the towns of a list.
_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
#: A list that is one route or border ("between Kabul and Jalalabad", "from Aleppo and Homs").
_ROUTE_BEFORE = re.compile(r"(?i)\b(?:between|from)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}$")


def listed_copies(candidate: EventCandidate, mentions: Sequence[PlaceMention], text: str) -> list[EventCandidate]:
    """One copy of a demonstration per further town listed with its place ("Protesters in Paris, London
    and Berlin" are three events for ACLED); the copies carry the first town's span as 'listed_with'."""
    chosen = own_place(candidate)
    if (candidate.event_type not in _PER_TOWN_TYPES or chosen is None or chosen.place.feature != "city"
            or _ROUTE_BEFORE.search(text, max(0, chosen.span.start - 40), chosen.span.start)):
        return []
    following = sorted((m for m in mentions if chosen.span.end <= m.span.start < candidate.sentence.end),
                       key=lambda m: m.span.start)
    copies: list[EventCandidate] = []
    end = chosen.span.end
    for mention in following:
        if mention.place.feature != "city" or not _LIST_GAP.fullmatch(text, end, mention.span.start):
            break
        geo, where = precision_codes(mention, near=False, region_part=False)
        place = replace(mention, confidence=round(mention.confidence * 0.9, 3))
        copy = replace(candidate, place=place, geo_precision=geo, where_prec=where)
        copies.append(copy.with_evidence("location", mention.span).with_evidence("listed_with", chosen.span))
        end = mention.span.end
    return copies


#: How many sentences on an event of the same type still continues the one placed before it.
CONTINUED_WITHIN = 2


def continued_place(candidate: EventCandidate, earlier: Sequence[tuple[EventCandidate, PlaceMention | None]],
                     starts: Sequence[int], *, same_type: bool = True) -> PlaceMention | None:
    """The place of the event of the same type that the sentences just before placed in their own
    words ("Turkish jets struck YPG positions near Qamishli. The strikes killed 12 fighters."): the
    story goes on there, not at the report's main place. ``earlier``: the events so far, each with
    the place its own words gave it (None if none). With ``same_type`` False, an event of any type:
    where "the area" or "there" of the next clause points."""
    here = bisect_right(starts, candidate.sentence.start)
    for other, place in reversed(earlier):
        if place is None or (same_type and other.sub_event_type != candidate.sub_event_type):
            continue
        if 0 < here - bisect_right(starts, other.sentence.start) <= CONTINUED_WITHIN:
            return place
        return None
    return None


#: A sentence that says where the event just told happened: "The attack took place on Saturday in Dori".
_TOLD_WHERE = re.compile(
    r"(?i)^\W*(?:the|this|that)\s+(?:\w+\s+){0,2}?(?:attack|assault|ambush|killings?|massacre|raid|incident|"
    r"explosion|blast|bombing|abduction|kidnapping|clash(?:es)?|fighting|shooting|strike|protest|demonstration)"
    r"\s+(?:\w+\s+){0,2}?(?:took\s+place|happened|occurred|was\s+carried\s+out)\b"
)
#: How many sentences after its event such a sentence may come.
TOLD_WHERE_WITHIN = 2


def told_where(candidate: EventCandidate, sentences: Sequence[Sentence], mentions: Sequence[PlaceMention],
                filed: Sequence[tuple[int, int]]) -> tuple[EventCandidate, PlaceMention | None]:
    """The event placed where a sentence just after it says it happened, when its own clause gave no
    town ("killed 12 people in a village in northern Burkina Faso. The attack took place on Saturday
    in Dori"): the town, if it lies in the event's country (and the town, None if not moved)."""
    place = candidate.place
    if place is not None and place.place.feature in {"city", "site"} and stated_place(candidate, filed) is not None:
        return candidate, None
    after = [s for s in sentences if s.start >= candidate.sentence.end][:TOLD_WHERE_WITHIN]
    for sentence in after:
        told = _TOLD_WHERE.match(sentence.text)
        if told is None:
            continue
        towns = [m for m in mentions if sentence.start + told.end() <= m.span.start < sentence.end
                 and m.place.feature in {"city", "site"} and not in_filed(m.span.start, filed)
                 and (place is None or m.place.iso3 == place.place.iso3)]
        if not towns:
            return candidate, None
        geo, where = precision_codes(towns[0], near=False, region_part=False)
        moved = replace(candidate, place=towns[0], geo_precision=geo, where_prec=where)
        return moved.with_evidence("location", towns[0].span, sentence.char_span(0, told.end())), towns[0]
    return candidate, None


def town_in_county(candidate: EventCandidate, mentions: Sequence[PlaceMention],
                   filed: Sequence[tuple[int, int]]) -> EventCandidate:
    """An event placed at a county or district (second-level region) the report names exactly one town
    of happened in or near that town: the county is only the coarsest reading of where ("the Bexar County
    Sheriff's Office ... near Rockport"). The town, at geo precision 2 (near a town), with the county's
    evidence and its own; the event as it is when the report names no town of the county, or several."""
    place = candidate.place
    if place is None or place.place.feature != "admin2":
        return candidate
    county = place.place
    towns = {m.place.gazetteer_id: m for m in mentions
             if m.place.feature == "city" and m.place.admin2 == county.name and m.place.admin1 == county.admin1
             and m.place.iso3 == county.iso3 and not in_filed(m.span.start, filed)}
    if len(towns) != 1:
        return candidate
    town = next(iter(towns.values()))
    moved = replace(candidate, place=town, geo_precision=2, where_prec=2)
    return moved.with_evidence("location", *candidate.evidence.get("location", ()), town.span)


def in_filed(start: int, filed: Sequence[tuple[int, int]]) -> bool:
    """Whether a name starting at ``start`` lies in the report's dateline (its spans ``filed``)."""
    return any(b <= start < e for b, e in filed)


def stated_place(candidate: EventCandidate, filed: Sequence[tuple[int, int]]) -> PlaceMention | None:
    """:func:`own_place`, unless it is the dateline's town the report's main place stood in for."""
    own = own_place(candidate)
    return None if own is None or in_filed(own.span.start, filed) else own


def own_place(candidate: EventCandidate) -> PlaceMention | None:
    """The candidate's place when its own sentence names it (not the report's main place)."""
    located = candidate.evidence.get("location", ())
    place = candidate.place
    if place is None or not located or located[0] != place.span:
        return None
    return place if candidate.sentence.start <= place.span.start < candidate.sentence.end else None


def precision_codes(mention: PlaceMention, *, near: bool, region_part: bool) -> tuple[int, int]:
    """(ACLED geo_precision, UCDP where_prec) of an event placed at ``mention``."""
    feature = mention.place.feature
    if feature == "site":
        return 2, 2
    if feature == "city":
        return (2, 2) if near else (1, 1)
    if region_part:
        return 3, 5
    return {"admin2": (3, 3), "admin1": (3, 4)}.get(feature, (3, 6))


#: A named kind of building or site the clause refers back to ("abducted from the seminary").
_THE_INSTITUTION = re.compile(
    r"(?i)\bthe\s+(?P<noun>seminary|school|church|mosque|market|hospital|prison|jail|university|college|"
    r"monastery|convent|factory|mine|hotel|barracks|police\s+station|stadium|checkpoint|courthouse|embassy|"
    r"consulate|refugee\s+camp|camp)\b"
)
#: How far back (characters) the institution's first mention with its town is looked for.
INSTITUTION_LOOKBACK = 800


def institution_place(clause: str, offset: int, text: str, mentions: Sequence[PlaceMention]) -> PlaceMention | None:
    """The town of the building a clause that names no place refers back to: "One of the seminarians
    who was abducted from the seminary" after "Good Shepherd Seminary in Kaduna" is at Kaduna (``offset``:
    where the clause starts in ``text``). A comma ends the building's phrase: "outside the embassy, at
    Westminster Magistrates' Court" is another venue."""
    found = _THE_INSTITUTION.search(clause)
    if found is None:
        return None
    noun = r"\s+".join(re.escape(word) for word in found.group("noun").split())
    told = re.compile(rf"(?i)\b{noun}\b[^.;,\n]{{0,40}}?\b(?:in|at|near|outside)\s+(?:the\s+)?")
    start = max(0, offset - INSTITUTION_LOOKBACK)
    towns = {m.span.start: m for m in mentions if m.place.feature in {"city", "site"}}
    last: PlaceMention | None = None
    for match in told.finditer(text, start, offset):
        town = towns.get(match.end())
        if town is not None:
            last = town
    return last
