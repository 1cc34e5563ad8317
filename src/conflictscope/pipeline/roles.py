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
from conflictscope.document import AnalyzedArticle
from conflictscope.models import ActorMention, EventCandidate
from conflictscope.pipeline.registry import stage

#: Sub-event types whose repeated reports in one article are one change of control.
_CONTROL = ("Government regains territory", "Non-state actor overtakes territory")


@stage("roles", requires=("sentences", "candidates", "actors", "actor_context"), provides=("candidates.actors",))
def roles(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Fill the actors of each candidate from the sentence structure."""
    if not analyzed.candidates:
        return analyzed
    candidates = share_allies([assign_roles(analyzed, c) for c in analyzed.candidates])
    return replace(analyzed, candidates=tuple(acled_conventions(c) for c in candidates))


def acled_conventions(candidate: EventCandidate) -> EventCandidate:
    """ACLED's role conventions on top of the parse.

    Demonstrators are actor1 of protests and riots (police who intervene are actor2,
    and with no demonstrators named, or only civilians such as "students", assemble
    fills in the generic "Protesters (Country)"); civilians are never actor1 of
    violence against civilians; an actor is never on both sides of one event.
    """
    actor1, actor2 = candidate.actor1, candidate.actor2
    if actor1 and actor2 and actor1.actor.id == actor2.actor.id:
        actor2 = None
    if candidate.event_type == "Riots":
        # in a riot the protesters are the rioters (assemble names them "Rioters (Country)"), never
        # the other side: "police fire tear gas at protesters who stormed parliament"
        if actor2 is not None and actor2.actor.inter == 6:
            actor1, actor2 = None, (actor1 if actor1 is not None and actor1.actor.inter not in (5, 6) else None)
        elif actor1 is not None and actor1.actor.inter == 6:
            actor1 = None
    crowd = {"Protests": 6, "Riots": 5}.get(candidate.event_type)
    if crowd is not None and actor1 is not None and actor1.actor.inter not in (5, 6):
        if actor2 is not None and actor2.actor.inter in (5, 6):
            actor1, actor2 = actor2, actor1
        elif actor1.actor.inter in (1, 2, 3, 8) and (actor2 is None or actor2.actor.inter == 7):
            actor1, actor2 = None, actor1
        elif actor1.actor.inter == 7:
            actor1 = None  # "Students protested": civilians in a crowd are ACLED's Protesters (Country)
    victim_first = actor1 is not None and actor1.actor.inter == 7
    armed_or_none = actor2 is None or actor2.actor.inter != 7
    if candidate.event_type == "Violence against civilians" and victim_first and armed_or_none:
        actor1, actor2 = actor2, actor1
    if (actor1, actor2) == (candidate.actor1, candidate.actor2):
        return candidate
    changed = replace(candidate, actor1=actor1, actor2=actor2)
    evidence = dict(changed.evidence)
    for name, mention in (("actor1", actor1), ("actor2", actor2)):
        if mention is None:
            evidence.pop(name, None)
        else:
            evidence[name] = (mention.span,)
    return replace(changed, evidence=evidence)


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
