"""Role fallbacks: actors that the trigger's sentence does not name.

actor1 falls back to the previous sentence's first actor or the report's main
actor (the caller lowers the confidence); a battle's missing second side is the
report's main state force or main armed group.
"""

from __future__ import annotations

from collections.abc import Callable

import regex as re

from conflictscope.actors.resolve import ActorContext
from conflictscope.document import AnalyzedArticle, Sentence
from conflictscope.models import ActorMention, EventCandidate


def fallback_actor1(
    analyzed: AnalyzedArticle,
    sentence: Sentence | None,
    candidate: EventCandidate,
    context: ActorContext,
) -> ActorMention | None:
    """No actor in the sentence: the previous sentence's first actor, else the main actor."""
    if candidate.sub_event_type == "Government regains territory":
        state = context.main_state
        if state is not None:
            return nearest(analyzed, candidate, lambda m: m.actor.id == state.id)
        return nearest(
            analyzed,
            candidate,
            lambda m: m.actor.kind == "military" and m.actor.country is not None,
        )
    if sentence is not None and sentence.index > 0:
        previous = [
            m
            for m in analyzed.actors
            if m.span.end <= sentence.start and m.actor.inter not in (6, 7)
            and not speaks(analyzed.text, m)
        ]
        prior = (
            analyzed.sentences[sentence.index - 1]
            if sentence.index - 1 < len(analyzed.sentences)
            else None
        )
        if previous and prior is not None and previous[-1].span.start >= prior.start:
            first = next(m for m in previous if m.span.start >= prior.start)
            return ActorMention(first.actor, first.span, generic=True)
    if context.main_actor is not None:
        main = context.main_actor
        return nearest(
            analyzed, candidate, lambda m: m.actor.id == main.id and not speaks(analyzed.text, m)
        )
    return None


#: A verb of saying right after an actor ("police said", "a police spokesman told Reuters").
_SAID_AFTER = re.compile(
    r"\s*(?:[\w\-]+\s+){0,2}?(?:said|says|say|told|tells|reported|confirmed|stated|added)\b"
)


def speaks(text: str, mention: ActorMention) -> bool:
    """Whether an actor is named as the source of a report ("..., police said"): no perpetrator
    for an event whose own sentence names none."""
    return _SAID_AFTER.match(text, mention.span.end) is not None


def nearest(
    analyzed: AnalyzedArticle, candidate: EventCandidate, accept: Callable[[ActorMention], bool]
) -> ActorMention | None:
    pool = [m for m in analyzed.actors if accept(m)]
    if not pool:
        return None
    best = min(
        pool,
        key=lambda m: (
            m.span.start > candidate.trigger.start,
            abs(m.span.start - candidate.trigger.start),
        ),
    )
    return ActorMention(best.actor, best.span, generic=True)


def other_side(
    analyzed: AnalyzedArticle,
    actor1: ActorMention | None,
    candidate: EventCandidate,
    context: ActorContext,
    allies: set[str] | None = None,
) -> ActorMention | None:
    """A battle needs two sides: the report's main state force or main armed group."""
    if actor1 is None:
        return None
    if actor1.actor.inter == 1 and context.main_actor is not None:
        target = context.main_actor.id
    elif actor1.actor.inter != 1 and context.main_state is not None:
        target = context.main_state.id
    else:
        return None
    if target == actor1.actor.id or target in (allies or set()):
        return None
    return nearest(analyzed, candidate, lambda m: m.actor.id == target)
