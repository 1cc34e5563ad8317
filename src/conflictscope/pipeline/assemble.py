"""Stage `assemble`: turn finished candidates into spec `Event` records.

Builds one event of each candidate the ``eventness`` stage kept: fills ACLED's
defaults (generic actors, disorder type, interaction), dates undated events by
the publication date with a precision that says so, gathers the sources and the
evidence, and writes the ACLED-style note. Joining events that report the same
action is the ``coreference`` stage's work.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TypeVar

import regex as re

from conflictscope.actors.dictionary import CIVILIANS, load_dictionary, localize
from conflictscope.actors.text import keys
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
from conflictscope.pipeline.eventness import is_kept
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


@stage(
    "assemble",
    requires=(
        "candidates", "candidates.eventness", "candidates.actors", "candidates.place", "candidates.time",
        "candidates.fatalities", "candidates.attribution", "attribution.supporting", "pipeline_version",
    ),
    provides=("events",),
)
def assemble(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Build one event of each candidate the event decision kept (``coreference`` then joins the
    events that report the same action)."""
    version = analyzed.get(PIPELINE_VERSION) or "unknown"
    events = tuple(_to_event(analyzed, c, version) for c in analyzed.candidates if is_kept(c))
    return replace(analyzed, events=events)


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
        actor1, inter1 = _state_force(place.iso3 if place else None, "police", on)
    if not actor1:
        base, inter1 = _DEFAULT_ACTOR1[candidate.event_type]
        actor1 = f"{base} ({country})" if country else base
    if not actor2 and (candidate.event_type == VAC or candidate.sub_event_type == "Arrests") and inter1 != CIVILIANS:
        # ACLED: violence against civilians targets civilians, and an arrest holds someone; when the
        # text names no other target, it is the civilians of the place
        actor2, inter2 = (f"Civilians ({country})" if country else "Civilians"), CIVILIANS
    if not actor2 and candidate.event_type in (BATTLES, EXPLOSIONS):
        actor2, inter2 = _force_of_the_dead(candidate, place.iso3 if place else None, on)
    if actor2 == actor1:
        actor2, inter2 = "", 0
    event_type, sub_event_type = _armed_target(candidate, inter1, inter2)
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
            "event", article.id, sub_event_type, candidate.trigger.start,
            candidate.trigger.end, *((place.gazetteer_id,) if listed and place else ()),
        ),
        article_id=article.id,
        pipeline_version=version,
        event_type=event_type,
        sub_event_type=sub_event_type,
        disorder_type=disorder_type(event_type, sub_event_type),
        civilian_targeting=civilian_targeting(event_type, inter2),
        confidence=round(event_confidence(candidate), 3),
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


#: ACLED's inter codes of armed, organised actors: state forces, rebels, political and identity
#: militias, external forces.
_ARMED = frozenset({1, 2, 3, 4, 8})


def _armed_target(candidate: EventCandidate, inter1: int, inter2: int) -> tuple[str, str]:
    """The event's type and sub-type, by ACLED's rule that violence against civilians targets
    unarmed people: an attack by an armed group on state forces or another armed group ("gunmen
    killed a policeman", "militants ambushed a patrol") is an armed clash, both sides armed."""
    if candidate.sub_event_type == "Attack" and inter1 in _ARMED and inter2 in _ARMED:
        return BATTLES, "Armed clash"
    return candidate.event_type, candidate.sub_event_type


def event_confidence(candidate: EventCandidate) -> float:
    """The probability that the row is a real event of its type: the class's probability times the
    event decision's (the rule decision's 1.0 leaves the class's as it was)."""
    return candidate.confidence * (1.0 if candidate.eventness is None else candidate.eventness)


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


def _force_of_the_dead(candidate: EventCandidate, iso3: str | None, on: date | None) -> tuple[str, int]:
    """The state force whose members the event's deaths are ("two soldiers were killed when gunmen
    ambushed a patrol": the military), as the other side of a fight or a strike that names none;
    ("", 0) when the dead are no state force."""
    deaths = candidate.fatalities
    sides = [deaths.side] if deaths and deaths.side else [name for name, _ in (deaths.by_side if deaths else ())]
    heads = load_dictionary().state_heads
    for side in sides:
        words = keys(side)
        kind = next(filter(None, (heads.get(words[i:]) for i in range(len(words)))), None)
        if kind:
            return _state_force(iso3, kind, on)
    return "", 0


def _state_force(iso3: str | None, kind: str, on: date | None) -> tuple[str, int]:
    """The name and inter code of the military (``kind="military"``) or police of the country ``iso3``."""
    dictionary = load_dictionary()
    home = dictionary.countries.find(iso3) if iso3 else None
    force = dictionary.state_actor(home.iso2 if home else None, kind, on)
    return force.name, force.inter


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


