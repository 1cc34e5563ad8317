"""Stage `roles`: actor1, actor2 and associated actors of every event candidate.

The rules live in :mod:`conflictscope.actors.roles` (dependency parse of the
trigger's sentence, with fallbacks); each role's span is recorded as evidence.
A change of territorial control reported twice in one article ("retaken by the army
in May" ... "soldiers backed by allied jets retook it") shares its associated actors
between the two candidates.
"""

from __future__ import annotations

from dataclasses import replace

from conflictscope.actors.roles import assign_roles
from conflictscope.models import ActorMention, EventCandidate
from conflictscope.pipeline.base import AnalyzedArticle
from conflictscope.pipeline.registry import stage

#: Sub-event types whose repeated reports in one article are one change of control.
_CONTROL = ("Government regains territory", "Non-state actor overtakes territory")


@stage("roles", requires=("candidates", "actors"), provides=("candidates.actors",))
def roles(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Fill the actors of each candidate from the sentence structure."""
    if not analyzed.candidates:
        return analyzed
    candidates = share_allies([assign_roles(analyzed, c) for c in analyzed.candidates])
    return replace(analyzed, candidates=tuple(candidates))


def share_allies(candidates: list[EventCandidate]) -> list[EventCandidate]:
    """Give control changes with the same sub-type and dyad the union of their allies."""
    groups: dict[tuple[str, str, str], list[ActorMention]] = {}
    for c in candidates:
        key = _dyad(c)
        if key is not None:
            pool = groups.setdefault(key, [])
            pool.extend(m for m in c.assoc_actor_1 if all(m.actor.id != p.actor.id for p in pool))
    shared: list[EventCandidate] = []
    for c in candidates:
        key = _dyad(c)
        pool = groups.get(key, []) if key is not None else []
        if len(pool) > len(c.assoc_actor_1):
            allies = (*c.assoc_actor_1, *(m for m in pool if m not in c.assoc_actor_1))
            c = replace(c, assoc_actor_1=allies).with_evidence(
                "assoc_actor_1", *(m.span for m in allies)
            )
        shared.append(c)
    return shared


def _dyad(c: EventCandidate) -> tuple[str, str, str] | None:
    if c.sub_event_type not in _CONTROL or c.actor1 is None or c.actor2 is None:
        return None
    return c.sub_event_type, c.actor1.actor.id, c.actor2.actor.id
