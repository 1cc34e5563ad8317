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
  (``eventness`` 0.0); an asserted one is an event (``eventness`` 1.0);
- a change of a group's activity or an agreement whose sentence names no political-violence actor (no
  state force, armed group or militia, no word like "troops", "fighters", "police",
  "authorities", no weapon) is no event (``eventness`` 0.0): ACLED's changes to a group's
  activity record what conflict actors do (:func:`no_conflict_actor`);
- a candidate whose trigger is a verb of showing, wanting, thinking or naming (show,
  want, call, label, write, ...) is no event (``eventness`` 0.0): the class model read the
  sentence, but none of its words tells an action (:func:`no_action_trigger`);
- a demonstration whose trigger is a strike or boycott in which people stay away (from
  work, from food) and whose sentence tells no gathering (no rally, march, picket, sit-in,
  crowd, dispersal) is no event (``eventness`` 0.0), with or without the learned model:
  ACLED codes a demonstration only where people physically gather
  (:func:`stays_away`).

With the learned event-ness model (``classify/eventness.py``, a logistic regression over
the candidate's words and grammar) a candidate's ``eventness`` is the model's probability
and the model's threshold decides. When the event-ness encoder
(``classify/eventness_encoder.py``, a fine-tuned MiniLM reading the candidate's sentence)
is loaded too and its blend weight is above 0, ``eventness`` is ``weight * encoder +
(1 - weight) * model`` and the blend's threshold decides (both in the encoder's
``meta.json``, chosen on half 0 of the dev gold); without it the model decides alone.

A learned event-ness model replaces this stage by registering a stage of its own
under another name and taking this one's place in the pipeline's stage list; it
provides the same layer, ``candidates.eventness``. The parse gate follows the
stages: this stage's ``parse_hint`` makes the spaCy stage parse every sentence
``classify`` would read, so no sentence it needs is left without a parse.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import regex as re

from conflictscope.classify.cues import ACTOR_GATE, GATHERING, STAYING_AWAY, cue_codes
from conflictscope.classify.eventness import EVENTNESS_MODEL, EventnessModel, features
from conflictscope.classify.eventness_encoder import EVENTNESS_ENCODER, EventnessEncoder
from conflictscope.classify.labels import CODE_OF, NONE
from conflictscope.classify.rules import non_event
from conflictscope.document import AnalyzedArticle
from conflictscope.lexicon.weapons import weapon_pattern
from conflictscope.models import EventCandidate
from conflictscope.pipeline.registry import stage
from conflictscope.pipeline.scope import no_event_in_scope
from conflictscope.resources import current
from conflictscope.taxonomy import PROTESTS

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

#: A sentence's class must reach this probability for ``classify`` to propose a candidate (low:
#: the event-ness model decides; "The government of Sudan said RSF fighters attacked El Fasher
#: overnight." reads CLASH 0.295 with the retrained classifier).
PROPOSAL_FLOOR = 0.25
#: A further clause of the same sentence must reach this one.
CLAUSE_PROPOSAL_FLOOR = 0.45
#: A candidate whose rule ``eventness`` reaches this is an event (a learned model has its own).
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


def _trigger_tokens(analyzed: AnalyzedArticle, candidate: EventCandidate) -> SpacySpan | None:
    """The parsed tokens of a candidate's trigger (None when its sentence has no parse)."""
    sentence = analyzed.sentence_at(candidate.trigger.start)
    if sentence is None or sentence.doc is None:
        return None
    span = sentence.doc.char_span(candidate.trigger.start - sentence.start, candidate.trigger.end - sentence.start,
                                  alignment_mode="expand")
    return span if span is not None and len(span) else None


def candidate_features(analyzed: AnalyzedArticle, candidate: EventCandidate) -> list[str] | None:
    """The event-ness model's features of a candidate (None when its sentence has no parse)."""
    span = _trigger_tokens(analyzed, candidate)
    if span is None:
        return None
    return features(span.doc, span.root, modality=candidate.modality, background=candidate.is_background,
                    code=CODE_OF.get(candidate.sub_event_type, ""))


def learned_eventness(model: EventnessModel, analyzed: AnalyzedArticle, candidate: EventCandidate,
                      encoder: EventnessEncoder | None = None) -> float:
    """The model's probability that a candidate is an event (the rule decision's without a parse),
    blended with the encoder's probability of its sentence when an active encoder is given."""
    names = candidate_features(analyzed, candidate)
    if names is None:
        return rule_eventness(candidate)
    probability = model.probability(names)
    if encoder is not None and encoder.active:
        probability = encoder.blend(encoder.probability(candidate.sentence.text), probability)
    return round(probability, 4)


def stays_away(candidate: EventCandidate) -> bool:
    """Whether a demonstration candidate tells only a strike or boycott, no public gathering:
    "Airport staff held a one-day strike on Saturday" (but not "striking teachers rallied
    outside the ministry")."""
    if candidate.event_type != PROTESTS or not STAYING_AWAY.fullmatch(candidate.trigger.text.lower()):
        return False
    return GATHERING.search(candidate.sentence.text.lower()) is None


#: Inter codes of political-violence actors: state forces, rebels, political and identity militias,
#: external forces.
_ARMED_INTERS = frozenset({1, 2, 3, 4, 8})
#: A government acting as one (a curfew lifted by "the authorities") or a weapon (a missile
#: intercepted) also tells a conflict actor's act.
_STATE_OR_WEAPON = re.compile(r"\b(?:authorities|government|regime|junta|coalition|" + weapon_pattern() + r")\b")


#: Strategic developments that ACLED records only between conflict actors: a change to a group's
#: activity, and an agreement (a ceasefire, a peace deal, a prisoner exchange).
_NEEDS_CONFLICT_ACTOR = frozenset({"CHG", "AGREE"})


def no_conflict_actor(analyzed: AnalyzedArticle, candidate: EventCandidate) -> bool:
    """Whether a change-of-activity or agreement candidate's sentence names no political-violence actor
    (no state force, armed group or militia, no word such as "troops", "fighters", "police" or
    "authorities", and no weapon):
    "the union wrote to the management", "rights groups called on the president to end the
    crackdown" are no one's strategic development in ACLED's sense."""
    if CODE_OF.get(candidate.sub_event_type, "") not in _NEEDS_CONFLICT_ACTOR:
        return False
    start, end = candidate.sentence.start, candidate.sentence.end
    if any(start <= m.span.start < end and m.actor.inter in _ARMED_INTERS for m in analyzed.actors):
        return False
    lowered = candidate.sentence.text.lower()
    return ACTOR_GATE.search(lowered) is None and _STATE_OR_WEAPON.search(lowered) is None


#: Verbs of showing, wanting, thinking, naming and urging: they tell what someone wants, thinks
#: or calls a thing, never an occurrence of the class the sentence was read as. (Verbs of
#: saying are left out: "the New York Times reports" may sit over a found parcel bomb whose
#: words the cue lists miss.)
_NO_ACTION_LEMMAS = frozenset({
    "show", "want", "wish", "think", "believe", "call", "label", "write", "describe", "urge", "ask",
    "argue", "mean", "seem",
})


def no_action_trigger(analyzed: AnalyzedArticle, candidate: EventCandidate) -> bool:
    """Whether the candidate's trigger is a verb of showing, wanting, thinking or naming ("Bradbury
    *wants* this witch hunt extended", "the party was *labelled* extremist"): the class model read
    the sentence, but no word of it tells an action."""
    span = _trigger_tokens(analyzed, candidate)
    if span is None or len(span) != 1:
        return False
    token = span[0]
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in _NO_ACTION_LEMMAS


def is_kept(candidate: EventCandidate) -> bool:
    """Whether the decision made the candidate an event."""
    return candidate.is_event is True


@stage(
    "eventness",
    requires=("sentences", "actors", "candidates"),
    provides=("candidates.eventness",),
    parse_hint=may_report_event,
)
def eventness(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Drop the candidates of sentences that tell no conflict event; decide each other one."""
    resources = current()
    model = resources.get(EVENTNESS_MODEL)
    encoder = resources.get(EVENTNESS_ENCODER) if model is not None else None
    if encoder is not None and not encoder.active:
        encoder = None
    decided: list[EventCandidate] = []
    verdicts: dict[int, bool] = {}
    for candidate in analyzed.candidates:
        start = candidate.sentence.start
        if start not in verdicts:
            verdicts[start] = not no_event_in_scope(candidate.sentence.text.lower())
        if verdicts[start]:
            if stays_away(candidate) or no_conflict_actor(analyzed, candidate) or no_action_trigger(
                    analyzed, candidate):
                score, threshold = 0.0, EVENT_THRESHOLD
            elif model is None:
                score, threshold = rule_eventness(candidate), EVENT_THRESHOLD
            else:
                score = learned_eventness(model, analyzed, candidate, encoder)
                threshold = encoder.threshold if encoder is not None else model.threshold
            decided.append(replace(candidate, eventness=score, is_event=score >= threshold))
    return replace(analyzed, candidates=tuple(decided))
