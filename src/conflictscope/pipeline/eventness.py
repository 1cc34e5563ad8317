"""Stage `eventness`: the one home of the decision whether a candidate is an event.

``classify`` proposes candidates: a clause whose sentence may report an event
(:func:`may_report_event`, a cue or an armed actor's word) and whose class the model
reads with at least :data:`PROPOSAL_FLOOR` (or a strong cue gives). This stage
decides which proposals become events and records the decision on each candidate
(``EventCandidate.eventness``, the probability that it reports a specific
occurrence that happened); ``assemble`` builds events from the candidates this
stage kept (:func:`is_kept`) and from no others.

The rule decision made here:

- a sentence that tells something other than a conflict event (a disaster or an
  accident, ordinary crime, diplomacy, a claim or denial of an attack: see
  :func:`conflictscope.classify.rules.non_event`) proposes nothing: its candidates
  are dropped before any later stage reads them;
- a candidate whose trigger is negated, hypothetical or future (its modality) is
  kept in the list, so that later stages read the report as before, but is no event
  (``eventness`` 0.0); an asserted one is an event (``eventness`` 1.0).

A learned event-ness model replaces this stage by registering a stage of its own
under another name and taking this one's place in the pipeline's stage list; it
provides the same layer, ``candidates.eventness``. The parse gate follows the
stages: this stage's ``parse_hint`` makes the spaCy stage parse every sentence
``classify`` would read, so no sentence it needs is left without a parse.
"""

from __future__ import annotations

from dataclasses import replace

from conflictscope.classify.cues import ACTOR_GATE, cue_codes
from conflictscope.classify.labels import NONE
from conflictscope.classify.rules import non_event
from conflictscope.document import AnalyzedArticle
from conflictscope.models import EventCandidate
from conflictscope.pipeline.registry import stage

#: A sentence's class must reach this probability for ``classify`` to propose a candidate.
PROPOSAL_FLOOR = 0.3
#: A further clause of the same sentence must reach this one.
CLAUSE_PROPOSAL_FLOOR = 0.45
#: A candidate whose ``eventness`` reaches this is an event.
EVENT_THRESHOLD = 0.5


def may_report_event(text: str) -> bool:
    """Whether a sentence may report an event: it holds a conflict cue or an armed actor's word."""
    lowered = text.lower()
    return any(code != NONE for code in cue_codes(lowered)) or ACTOR_GATE.search(lowered) is not None


def reads_as_event(text: str) -> bool:
    """Whether a sentence passes the rule decision's gates: it may report an event and is no
    known non-event."""
    return may_report_event(text) and not non_event(text.lower())


def rule_eventness(candidate: EventCandidate) -> float:
    """The rule decision's probability that a candidate is an event: its modality says."""
    return 1.0 if candidate.modality == "asserted" else 0.0


def is_kept(candidate: EventCandidate) -> bool:
    """Whether the decision made the candidate an event."""
    return candidate.eventness is not None and candidate.eventness >= EVENT_THRESHOLD


@stage(
    "eventness",
    requires=("sentences", "candidates"),
    provides=("candidates.eventness",),
    parse_hint=may_report_event,
)
def eventness(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Drop the candidates of sentences that tell no conflict event; decide each other one."""
    decided: list[EventCandidate] = []
    verdicts: dict[int, bool] = {}
    for candidate in analyzed.candidates:
        start = candidate.sentence.start
        if start not in verdicts:
            verdicts[start] = not non_event(candidate.sentence.text.lower())
        if verdicts[start]:
            decided.append(replace(candidate, eventness=rule_eventness(candidate)))
    return replace(analyzed, candidates=tuple(decided))
