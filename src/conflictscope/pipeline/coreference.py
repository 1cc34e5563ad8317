"""Stage `coreference`: the events of one report that tell the same action become one.

A report tells its main event several times: in the headline, the lead, a recap or
a quote. Two events of one article are the same action when they have the same
sub-event type, compatible actors (equal, or one only the generic stand-in for an
unnamed armed group), the same dates, the same background flag, and places of which
one contains the other (the headline's "in Syria" and the lead's "Palmyra"). The
joined event keeps the first mention's fields, takes the most precise place, the
named actor over the generic one, the most conservative toll as ACLED's figure (and
the range across mentions), and the evidence and sources of all.

The headline is folded into the lead: a headline's event of the lead's event type,
country, tense and toll whose place contains the lead's (or names its state or
country) is the lead's event told in other words ("Russian strike on Odesa kills 8"
beside the lead's missile attack); the lead's event keeps its sub-type, place and
date. Campaign episodes on other days or at other places stay separate events, as
ACLED codes them.

Then a later mention that tells nothing new (no day, place or side of its own, nothing
that opens another occurrence) joins the event it tells again (:func:`_fold_rementions`).
(The stage ``continuations``, which earlier event a sentence with no candidate of its own
goes on with, is :mod:`conflictscope.pipeline.continuations`.)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any, TypeVar

import regex as re

from conflictscope.document import AnalyzedArticle
from conflictscope.gazetteer.resolve import distance_km
from conflictscope.models import Event, Span
from conflictscope.pipeline.continuations import NEW_EVENT
from conflictscope.pipeline.registry import stage
from conflictscope.taxonomy import (
    BATTLES,
    EXPLOSIONS,
    PROTESTS,
    RIOTS,
    VAC,
    civilian_targeting,
    interaction,
)

T = TypeVar("T")


@stage("coreference", requires=("sentences", "events"), provides=("events",))
def coreference(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Join the article's events that report the same action; fold the headline into the lead."""
    events: list[Event] = []
    for event in analyzed.events:
        # a mention that opens another occurrence joins only the mentions of its own sentence
        alone = _sentence_of(event, analyzed) if _opens_another(event, analyzed) else None
        duplicate = next((i for i, e in enumerate(events) if _same_event(e, event)
                          and (alone is None or _sentence_of(e, analyzed) == alone)), None)
        if duplicate is None:
            events.append(event)
        else:
            events[duplicate] = _joined(events[duplicate], event, analyzed, by_confidence=False)
    return replace(analyzed, events=tuple(_fold_rementions(_fold_headline(events, analyzed), analyzed)))


#: How many body sentences after the headline tell its event (the lead).
HEADLINE_LEAD = 3


def _headline_end(analyzed: AnalyzedArticle) -> int:
    """Where the report's headline ends: its first line when that is a short line of its own with no
    sentence end and text follows ("Ukraine says Russian strike on Odesa kills 8"); 0 if none."""
    if len(analyzed.sentences) < 2:
        return 0
    first = analyzed.sentences[0]
    line_end = analyzed.text.find("\n")
    if line_end < 0 or first.end > line_end or first.text.rstrip()[-1:] in ".!?\"”" or len(first.text.split()) > 20:
        return 0
    return first.end


def _fold_headline(events: list[Event], analyzed: AnalyzedArticle) -> list[Event]:
    """The headline's events folded into the lead's: a headline tells the event its lead tells, often in
    other words ("Russian strike on Odesa kills 8" is the lead's missile attack) and at a coarser place
    ("Gunmen abduct 15 in Zamfara": the lead's Tsafe). The lead's event keeps its type, place and date."""
    end = _headline_end(analyzed)
    if not end:
        return events
    body = [s for s in analyzed.sentences if s.start >= end][:HEADLINE_LEAD]
    lead_end = body[-1].end if body else end
    kept = list(events)
    # a headline event that already merged with a body event is the lead's event already
    titles = [e for e in events if all(s.start < end for s in e.evidence.get("sub_event_type", ()))
              and _trigger_start(e) >= 0]
    for title in titles:
        lead = next((e for e in kept if end <= _trigger_start(e) < lead_end and _tells(title, e, end)), None)
        if lead is None:
            continue
        merged = _merge(lead, title, analyzed)
        merged = replace(merged, sub_event_type=lead.sub_event_type, disorder_type=lead.disorder_type,
                         **{name: getattr(lead, name) for name in _PLACE_FIELDS})
        kept = [merged if e is lead else e for e in kept if e is not title]
    return kept


def _tells(title: Event, lead: Event, end: int) -> bool:
    """Whether the headline's event can be the lead's: the same event type, country and tense, actors
    that agree, the same toll if both give one, and a place that contains the lead's (the place the
    headline names, ``end`` being where it ends, when the report's main town stood in for it)."""
    named = {s.text.casefold() for s in title.evidence.get("location", ()) if s.start < end}
    within = {lead.location.casefold(), lead.admin1.casefold(), lead.admin2.casefold(), lead.country.casefold()}
    return (title.event_type == lead.event_type and title.is_background == lead.is_background
            and (_places_compatible(title, lead) or bool(named & within))
            and (not title.country or title.country == lead.country)
            and _actors_compatible(title.actor1, lead.actor1)
            and (None in (title.fatalities_best, lead.fatalities_best)
                 or title.fatalities_best == lead.fatalities_best))


def _trigger_start(event: Event) -> int:
    spans = _triggers(event)
    return spans[0].start if spans else -1


def _same_event(first: Event, second: Event) -> bool:
    """Two events of one article that report the same action.

    Always: the same dates and the same background flag. Then either the same sub-event
    type, actor1 equal or generic, actor2 equal or named by only one, and places equal or
    one a coarser place that contains the other (the headline's "in Syria" and the lead's
    "Palmyra"); or the same family of action (a violent one: battle, explosion, violence
    against civilians; or a crowd's: protest, riot) read under two sub-types at the very
    same place on a day the text states for both, by the same actor1 (a crowd's action also
    with a stand-in on one side: "police opened fire on the crowd" and "clashes" of one
    demonstration; the army's "attack" and "shelling" of one town that day). A day or place
    the report gives by default (its publication date, its main town) joins nothing across
    sub-types.
    """
    if (first.event_date != second.event_date
            or (first.date_start, first.date_end) != (second.date_start, second.date_end)
            or first.is_background != second.is_background):
        return False
    if first.sub_event_type == second.sub_event_type:
        return (
            _actors_compatible(first.actor1, second.actor1)
            and (first.actor2 == second.actor2 or _stand_in(first.actor2) or _stand_in(second.actor2))
            and _places_compatible(first, second)
        )
    return (
        _family(first) is not None and _family(first) == _family(second)
        and bool(first.location) and (first.location, first.admin1, first.country)
        == (second.location, second.admin1, second.country)
        and _sides_agree(first, second)
        and _told_day(first) and _told_day(second)
    )


#: Families of action whose sub-types the classifier may read differently in two mentions.
ACTION_FAMILY = {BATTLES: "violence", EXPLOSIONS: "violence", VAC: "violence", PROTESTS: "crowd", RIOTS: "crowd"}
#: Names that stand for a side without naming it.
_STAND_INS = ("Unidentified Armed Group", "Protesters", "Rioters", "Civilians")


def _stand_in(actor: str) -> bool:
    """No actor, or one that stands for a side without naming it ("Civilians (Nigeria)")."""
    return not actor or actor.startswith(_STAND_INS)


#: Looting or destruction of property: told with an attack on people at the same place and day,
#: it is part of that violent event (ACLED codes it apart only when no one is attacked).
_PROPERTY = "Looting/property destruction"


#: Sub-types that join the violent family whatever their event type: property destroyed in an
#: attack, and a crowd's violence against people (one mention tells it as an attack, the next as
#: a lynching). Joining needs doers of the same kind (:func:`_same_doers`).
_MOB = "Mob violence"
_JOINS_VIOLENCE = frozenset({_PROPERTY, _MOB})


def _family(event: Event) -> str | None:
    if event.sub_event_type in _JOINS_VIOLENCE:
        return "violence"
    return ACTION_FAMILY.get(event.event_type)


def _same_doers(first: Event, second: Event) -> bool:
    """The same kind of actor1 (inter code), or an unidentified armed group on one side."""
    unidentified = "Unidentified Armed Group"
    return (first.inter1 == second.inter1 or first.actor1.startswith(unidentified)
            or second.actor1.startswith(unidentified))


def _joined(kept: Event, other: Event, analyzed: AnalyzedArticle, *, by_confidence: bool) -> Event:
    """``other`` joined to ``kept``, typed as the violence against people when one of them is
    property destroyed in it; otherwise as ``kept`` or, ``by_confidence``, as the more confident
    reading ("killed" read as an attack, then "the air strike" that tells how)."""
    merged = _merge(kept, other, analyzed)
    if other.sub_event_type == kept.sub_event_type:
        return merged
    if _PROPERTY in (kept.sub_event_type, other.sub_event_type):
        source = kept if other.sub_event_type == _PROPERTY else other
    else:
        source = other if by_confidence and other.confidence > kept.confidence else kept
    if source is kept:
        return merged
    return replace(merged, event_type=source.event_type, sub_event_type=source.sub_event_type,
                   disorder_type=source.disorder_type,
                   civilian_targeting=civilian_targeting(source.event_type, merged.inter2))


def _sides_agree(first: Event, second: Event) -> bool:
    """The same actor1; for a crowd's action also a stand-in on one side (the same demonstration
    is "protesters" in one mention and "rioters" or "police" in the next)."""
    if first.actor1 == second.actor1:
        return True
    return _family(first) == "crowd" and (_stand_in(first.actor1) or _stand_in(second.actor1))


def _told_day(event: Event) -> bool:
    """Whether the text states the event's day (not a stand-in such as the publication date)."""
    return bool(event.evidence.get("event_date")) and event.date_prec == 1


def _actors_compatible(first: str, second: str) -> bool:
    """Equal, or one of them only the generic stand-in for an unnamed armed group."""
    generic = "Unidentified Armed Group"
    return first == second or first.startswith(generic) or second.startswith(generic)


_PLACE_FIELDS = (
    "country", "iso3", "admin1", "admin2", "location", "latitude", "longitude",
    "geo_precision", "where_prec", "gazetteer_id",
)


def _places_compatible(first: Event, second: Event) -> bool:
    if first.location == second.location or not first.location or not second.location:
        return True
    if first.country != second.country:
        return False
    coarse, fine = sorted((first, second), key=lambda e: -(e.where_prec or 0))
    if (coarse.where_prec or 0) >= 6:  # a whole country contains any place in it
        return True
    return (coarse.where_prec or 0) >= 4 and coarse.admin1 == fine.admin1


def _more_precise_place(kept: Event, other: Event) -> dict[str, Any]:
    if not other.location or (kept.location and (kept.where_prec or 9) <= (other.where_prec or 9)):
        return {}
    return {name: getattr(other, name) for name in _PLACE_FIELDS}


def _merge(kept: Event, other: Event, analyzed: AnalyzedArticle) -> Event:
    """``other`` merged into ``kept``: evidence of both, the lower toll, a named target for a stand-in,
    the doers a mention names in its own sentence for unidentified ones (doers given from the context
    name no one: "40 houses were burned down" after a sentence on soldiers), the finer place."""
    evidence = dict(kept.evidence)
    for name, spans in other.evidence.items():
        evidence[name] = _union(evidence.get(name, ()), spans)
    best = [v for v in (kept.fatalities_best, other.fatalities_best) if v is not None]
    highs = [v for v in (kept.fatalities_high, other.fatalities_high) if v is not None]
    named2 = other if _stand_in(kept.actor2) and not _stand_in(other.actor2) else kept
    actor2 = named2.actor2 or other.actor2
    inter2 = named2.inter2 if named2.actor2 else other.inter2
    named = other if (kept.actor1.startswith("Unidentified Armed Group")
                      and _own(other, "actor1", analyzed)) else kept
    return replace(
        kept,
        actor1=named.actor1,
        inter1=named.inter1,
        confidence=max(kept.confidence, other.confidence),
        fatalities=_min_or_none(kept.fatalities, other.fatalities),
        fatalities_low=_min_or_none(kept.fatalities_low, other.fatalities_low),
        fatalities_best=best[0] if best else None,
        fatalities_high=max(highs, default=None),
        fatalities_by_side=kept.fatalities_by_side or other.fatalities_by_side,
        actor2=actor2,
        inter2=inter2,
        interaction=interaction(named.inter1, inter2),
        civilian_targeting=civilian_targeting(kept.event_type, inter2),
        sources=_union(kept.sources, other.sources),
        assoc_actor_1=_union(kept.assoc_actor_1, other.assoc_actor_1),
        assoc_actor_2=_union(kept.assoc_actor_2, other.assoc_actor_2),
        evidence=evidence,
        **_more_precise_place(kept, other),
    )


def _union(first: Iterable[T], second: Iterable[T]) -> tuple[T, ...]:
    seen = list(first)
    seen.extend(item for item in second if item not in seen)
    return tuple(seen)


def _min_or_none(a: int | None, b: int | None) -> int | None:
    values = [v for v in (a, b) if v is not None]
    return min(values) if values else None


# -- re-mentions: a later mention that tells nothing new joins the event it tells again --

#: A determiner that introduces another occurrence right before the event's word ("another attack",
#: "a second blast", "a separate raid"; only before the event's own word: "another source said" is
#: not), or a response or a next step ("in retaliation", "troops later clashed with the attackers"):
#: such a mention is a new event even with nothing else new.
ANOTHER = re.compile(r"(?i)\b(?:another|a\s+(?:second|third|separate|further))\s+(?:[\w-]+\s+){0,2}$")
RESPONSE = re.compile(r"(?i)\bin\s+(?:retaliation|response)\b|\b(?:later|afterwards|subsequently|then)\b")


def _sentence_of(event: Event, analyzed: AnalyzedArticle) -> int:
    """The position of the sentence that holds the event's trigger (-1 if none)."""
    start = _trigger_start(event)
    return analyzed.sentence_position(start) if start >= 0 else -1


def _opens_another(event: Event, analyzed: AnalyzedArticle) -> bool:
    """Whether the event's mention opens another occurrence: its sentence opens one ("In another attack,
    ...", "Separately, ...", "In retaliation, ...") or its word follows "another", "a second", ..."""
    pos = _sentence_of(event, analyzed)
    if pos < 0:
        return False
    text = analyzed.sentences[pos].text
    if NEW_EVENT.search(text) or RESPONSE.search(text):
        return True
    return any(ANOTHER.search(analyzed.text, max(0, t.start - 40), t.start) for t in _triggers(event))


#: Places this close are one location as ACLED codes it (the town, not the street or the square).
SAME_LOCALITY_KM = 10.0


def _same_locality(first: Event, second: Event) -> bool:
    """Whether two events' places are within :data:`SAME_LOCALITY_KM` of each other."""
    coordinates = (first.latitude, first.longitude, second.latitude, second.longitude)
    if any(value is None for value in coordinates) or first.country != second.country:
        return False
    return distance_km(*coordinates) <= SAME_LOCALITY_KM  # type: ignore[arg-type]


def _own(event: Event, name: str, analyzed: AnalyzedArticle) -> list[str]:
    """The texts of ``name``'s evidence that lie in a sentence of one of the event's own mentions
    (an event joined from several mentions has the anchors of each)."""
    bounds = {(s.start, s.end) for s in (analyzed.sentence_at(t.start) for t in _triggers(event)) if s is not None}
    return [s.text for s in event.evidence.get(name, ()) if any(a <= s.start < b for a, b in bounds)]


def _triggers(event: Event) -> tuple[Span, ...]:
    return event.evidence.get("sub_event_type") or event.evidence.get("event_type") or ()


def _fold_rementions(events: list[Event], analyzed: AnalyzedArticle) -> list[Event]:
    """Later mentions that tell nothing new folded into the event they mention again.

    A report introduces an event with its anchors (its day, its place, its sides) and then
    elaborates it; a later mention of the same family of action whose own sentence states no
    day and no place other than the event's (or the event's own day again), with compatible
    sides and no opener of another occurrence ("another", "a second", "separately"), is given
    information: the same event.
    Its date and place, inherited from elsewhere, are not evidence of a distinct one.
    """
    kept: list[Event] = []
    for event in sorted(events, key=_trigger_start):
        pos = _sentence_of(event, analyzed)
        target = None
        if pos >= 0 and not _opens_another(event, analyzed):
            dated = _own(event, "event_date", analyzed)
            target = next((i for i in range(len(kept) - 1, -1, -1)
                           if (not dated or _same_stated_day(kept[i], event, analyzed))
                           and _mentions_again(kept[i], event, analyzed)), None)
        if target is None:
            kept.append(event)
        else:
            kept[target] = _joined(kept[target], event, analyzed, by_confidence=True)
    return kept


def _sides_told_apart(earlier: Event, later: Event) -> bool:
    """Whether the sides a mention names itself allow it to be the earlier event. (Sides a
    mention does not name, "30 houses were torched, he said", came from the context: like an
    inherited day or place, they are no evidence of another action.)"""
    if not (_sides_agree(earlier, later) or _stand_in(earlier.actor1) or _stand_in(later.actor1)):
        return False  # two named sides: two actions
    if _PROPERTY in (earlier.sub_event_type, later.sub_event_type) and not _same_doers(earlier, later):
        return False  # looters in the night of a riot are not the police who shot a man (a mob: _mentions_again)
    # the event's doers are the mention's targets: a response, another action
    return not (earlier.actor1 and later.actor2 == earlier.actor1 and later.actor1 != earlier.actor1)


def _country_only(event: Event) -> bool:
    """Whether the event is placed at its country only ("in northwestern Burkina Faso")."""
    return bool(event.country) and event.location == event.country


def _same_stated_day(earlier: Event, later: Event, analyzed: AnalyzedArticle) -> bool:
    """Both are of one sub-type, dated to the same single day ("on Saturday" twice), and the
    mention names no other place: a day the mention states that is the event's own tells nothing
    new (two towns' events of one day stay two, and so do a clash and a march of one day)."""
    same_day = (earlier.time_precision == later.time_precision == 1 and earlier.event_date is not None
                and earlier.event_date == later.event_date and earlier.sub_event_type == later.sub_event_type)
    return same_day and (not _own(later, "location", analyzed) or later.location == earlier.location)


def _mentions_again(earlier: Event, later: Event, analyzed: AnalyzedArticle) -> bool:
    """Whether ``later`` (whose sentence states no day, or ``earlier``'s day) can be a re-mention
    of ``earlier``."""
    if earlier.is_background != later.is_background:
        return False
    same_kind = earlier.sub_event_type == later.sub_event_type or (
        _family(earlier) is not None and _family(earlier) == _family(later))
    if not same_kind:
        return False
    if _MOB in (earlier.sub_event_type, later.sub_event_type) and not _same_doers(earlier, later):
        return False  # a crowd's lynching is no part of a battle between troops and rebels, named or not
    if _own(later, "actor1", analyzed) and not _sides_told_apart(earlier, later):
        return False
    if _own(later, "location", analyzed):
        # a place the sentence names itself must be the event's (ACLED's location: a landmark or a
        # quarter of the town is the town), or a coarser one that holds it
        return later.location == earlier.location or _same_locality(earlier, later) or (
            (later.where_prec or 0) > (earlier.where_prec or 0) and _places_compatible(earlier, later)) or (
            _country_only(earlier) and later.country == earlier.country)  # the lead's country, the body's village
    return _places_compatible(earlier, later)
