"""Stage `assemble`: turn finished candidates into spec `Event` records.

Drops negated, hypothetical and future candidates, fills ACLED's defaults
(generic actors, disorder type, interaction), dates undated events by the
publication date with a precision that says so, merges candidates that report the
same event twice in one article, and writes the ACLED-style note.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import Any, TypeVar

import regex as re

from conflictscope.actors.dictionary import CIVILIANS, load_dictionary, localize
from conflictscope.document import AnalyzedArticle
from conflictscope.models import (
    ActorMention,
    Event,
    EventCandidate,
    EventTime,
    Source,
    Span,
    stable_id,
)
from conflictscope.pipeline.attribution import SUPPORTING_SOURCES
from conflictscope.pipeline.base import PIPELINE_VERSION
from conflictscope.pipeline.registry import stage
from conflictscope.taxonomy import (
    BATTLES,
    EXPLOSIONS,
    PROTESTS,
    RIOTS,
    STRATEGIC,
    VAC,
    civilian_targeting,
    disorder_type,
    interaction,
)

T = TypeVar("T")

#: The generic actor1 (name, inter) when the text names none, by event type.
_DEFAULT_ACTOR1 = {
    PROTESTS: ("Protesters", 6),
    RIOTS: ("Rioters", 5),
    BATTLES: ("Unidentified Armed Group", 3),
    EXPLOSIONS: ("Unidentified Armed Group", 3),
    VAC: ("Unidentified Armed Group", 3),
    STRATEGIC: ("Unidentified Armed Group", 3),
}


@stage("assemble", requires=("candidates", "pipeline_version"), provides=("events",))
def assemble(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Build the article's events from its asserted candidates."""
    version = analyzed.get(PIPELINE_VERSION) or "unknown"
    events: list[Event] = []
    for candidate in analyzed.candidates:
        if candidate.modality != "asserted":
            continue
        event = _to_event(analyzed, candidate, version)
        duplicate = next((i for i, e in enumerate(events) if _same_event(e, event)), None)
        if duplicate is None:
            events.append(event)
        else:
            events[duplicate] = _merge(events[duplicate], event)
    return replace(analyzed, events=tuple(_fold_headline(events, analyzed)))


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
        merged = _merge(lead, title)
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
    spans = event.evidence.get("sub_event_type") or event.evidence.get("event_type") or ()
    return spans[0].start if spans else -1


def _to_event(analyzed: AnalyzedArticle, candidate: EventCandidate, version: str) -> Event:
    article = analyzed.article
    place = candidate.place.place if candidate.place else None
    country = place.country if place else ""
    when = candidate.time or _publication_time(article.published)
    on = when.event_date if when else None
    actor1, inter1 = _actor_name(candidate.actor1, country, on)
    actor2, inter2 = _actor_name(candidate.actor2, country, on)
    held = candidate.sub_event_type == "Arrests" or (not actor1 and _IN_CUSTODY.search(candidate.sentence.text))
    if held and (not actor1 or _not_the_arrester(candidate, inter1)):
        # ACLED: arrests are made by the state (police forces) unless the text names another agent;
        # the civilian of "Journalist arrested" is the one arrested
        if actor1 and inter1 == CIVILIANS and not actor2:
            actor2, inter2 = actor1, inter1
        dictionary = load_dictionary()
        home = dictionary.countries.find(place.iso3) if place and place.iso3 else None
        police = dictionary.state_actor(home.iso2 if home else None, "police", when.event_date if when else None)
        actor1, inter1 = police.name, police.inter
    if not actor1:
        base, inter1 = _DEFAULT_ACTOR1[candidate.event_type]
        actor1 = f"{base} ({country})" if country else base
    if actor2 == actor1:
        actor2, inter2 = "", 0
    listed = "listed_with" in candidate.evidence  # a further town of a list: the toll stays with the first
    deaths = None if listed else candidate.fatalities
    attribution = candidate.attribution
    evidence: dict[str, tuple[Span, ...]] = {
        "event_type": (candidate.trigger,),
        "sub_event_type": (candidate.trigger,),
    }
    evidence.update(_actor_evidence(candidate))
    if candidate.place:
        evidence["location"] = (candidate.place.span,)
    evidence.update(candidate.evidence)
    source = Source(
        article_id=article.id,
        publisher=article.publisher,
        url=article.url,
        published=article.published,
        attributed_to=attribution.attributed_to if attribution else None,
        certainty=attribution.certainty if attribution else "reported",
    )
    event_date = when.event_date if when else None
    return Event(
        event_id=stable_id(
            "event", article.id, candidate.sub_event_type, candidate.trigger.start,
            candidate.trigger.end, *((place.gazetteer_id,) if listed and place else ()),
        ),
        article_id=article.id,
        pipeline_version=version,
        event_type=candidate.event_type,
        sub_event_type=candidate.sub_event_type,
        disorder_type=disorder_type(candidate.event_type, candidate.sub_event_type),
        civilian_targeting=civilian_targeting(candidate.event_type, inter2),
        confidence=round(candidate.confidence, 3),
        actor1=actor1,
        inter1=inter1,
        actor2=actor2,
        inter2=inter2,
        assoc_actor_1=tuple(_actor_name(a, country)[0] for a in candidate.assoc_actor_1),
        assoc_actor_2=tuple(_actor_name(a, country)[0] for a in candidate.assoc_actor_2),
        interaction=interaction(inter1, inter2),
        country=country,
        iso3=place.iso3 if place else "",
        admin1=place.admin1 if place else "",
        admin2=place.admin2 if place else "",
        location=place.name if place else "",
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geo_precision=candidate.geo_precision,
        where_prec=candidate.where_prec,
        gazetteer_id=place.gazetteer_id if place else "",
        event_date=event_date,
        date_start=when.date_start if when else None,
        date_end=when.date_end if when else None,
        time_precision=when.time_precision if when else None,
        date_prec=when.date_prec if when else None,
        is_background=candidate.is_background,
        fatalities=(deaths.acled if deaths.acled is not None else deaths.low) if deaths else None,
        fatalities_low=deaths.low if deaths else None,
        fatalities_best=deaths.best if deaths else None,
        fatalities_high=deaths.high if deaths else None,
        fatalities_by_side=deaths.by_side if deaths else (),
        sources=_sources(analyzed, candidate, source),
        evidence=evidence,
        notes=_note(event_date, candidate.sentence.text),
    )


def _sources(
    analyzed: AnalyzedArticle, candidate: EventCandidate, source: Source
) -> tuple[Source, ...]:
    """The event's source, plus the sources of its deaths and of sentences that continue it."""
    found = [source]
    key = (candidate.trigger.start, candidate.trigger.end, candidate.sub_event_type)
    for extra in (analyzed.get(SUPPORTING_SOURCES) or {}).get(key, ()):
        found.append(
            replace(source, attributed_to=extra["attributed_to"], certainty=extra["certainty"])
        )
    deaths = candidate.fatalities
    if deaths and deaths.attributed_to:
        for name in deaths.attributed_to.split("; "):
            found.append(replace(source, attributed_to=name, certainty="reported"))
    # one source once: the toll's "reported" does not repeat "an unconfirmed report" the event cites
    named: dict[str | None, Source] = {}
    for item in found:
        named.setdefault(item.attributed_to, item)
    return tuple(named.values())


def _actor_name(mention: ActorMention | None, country: str, on: date | None = None) -> tuple[str, int]:
    if mention is None:
        return "", 0
    actor = localize(mention.actor, country)
    if mention.generic and actor.kind == "police" and country:
        # unnamed police act at home: "NAIROBI, Kenya - Police in Ethiopia's Amhara region arrested ..."
        # are Ethiopia's, whatever country the report names most (soldiers may act abroad: not them)
        dictionary = load_dictionary()
        home = dictionary.countries.find(country)
        if home is not None and actor.country != home.name:
            actor = dictionary.state_actor(home.iso2, "police", on)
    return actor.name, actor.inter


#: An act done to someone the state holds ("tortured in custody", "died in police custody").
_IN_CUSTODY = re.compile(r"(?i)\b(?:in|into|while in|during)\s+(?:police\s+|military\s+|state\s+|their\s+|his\s+|her\s+)?"
                         r"(?:custody|detention|prison|jail|police station|police cell)s?\b")


def _not_the_arrester(candidate: EventCandidate, inter1: int) -> bool:
    """Whether an arrest's actor1 is no arresting agent: a civilian (the one arrested, as in
    "Journalist arrested"), or an actor taken from outside the clause's sentence (a fallback)."""
    mention = candidate.actor1
    if mention is None:
        return False
    outside = not candidate.sentence.start <= mention.span.start < candidate.sentence.end
    return inter1 == CIVILIANS or outside


def _actor_evidence(candidate: EventCandidate) -> dict[str, tuple[Span, ...]]:
    evidence: dict[str, tuple[Span, ...]] = {}
    if candidate.actor1:
        evidence["actor1"] = (candidate.actor1.span,)
    if candidate.actor2:
        evidence["actor2"] = (candidate.actor2.span,)
    if candidate.assoc_actor_1:
        evidence["assoc_actor_1"] = tuple(a.span for a in candidate.assoc_actor_1)
    if candidate.assoc_actor_2:
        evidence["assoc_actor_2"] = tuple(a.span for a in candidate.assoc_actor_2)
    return evidence


def _publication_time(published: date | None) -> EventTime | None:
    """No time expression: the publication date, flagged as not stated (precision: week)."""
    if published is None:
        return None
    return EventTime(published, published, published, time_precision=2, date_prec=3, stated=False)


def _note(event_date: date | None, sentence: str) -> str:
    text = " ".join(sentence.split())
    if event_date is None:
        return text
    return f"On {event_date.day} {event_date:%B %Y}: {text}"


def _same_event(first: Event, second: Event) -> bool:
    """Two candidates of one article that report the same action.

    The same sub-event type, actor1 and dates; actor2 equal or named by only one;
    places equal, or one a coarser place that contains the other (the headline's
    "in Syria" and the lead's "Palmyra").
    """
    return (
        first.sub_event_type == second.sub_event_type
        and _actors_compatible(first.actor1, second.actor1)
        and (first.actor2 == second.actor2 or not first.actor2 or not second.actor2)
        and _places_compatible(first, second)
        and first.event_date == second.event_date
        and (first.date_start, first.date_end) == (second.date_start, second.date_end)
        and first.is_background == second.is_background
    )


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


def _merge(kept: Event, other: Event) -> Event:
    evidence = dict(kept.evidence)
    for name, spans in other.evidence.items():
        evidence[name] = _union(evidence.get(name, ()), spans)
    best = [v for v in (kept.fatalities_best, other.fatalities_best) if v is not None]
    highs = [v for v in (kept.fatalities_high, other.fatalities_high) if v is not None]
    actor2 = kept.actor2 or other.actor2
    inter2 = kept.inter2 if kept.actor2 else other.inter2
    named = other if kept.actor1.startswith("Unidentified Armed Group") else kept
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
