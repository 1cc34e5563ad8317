"""Stages `scope` and `mark-scope`: the coding scope (``Settings.scope``).

Under ACLED's scope (``"acled"``, the default) both stages leave the report as it is: ordinary
crime is no event (:func:`conflictscope.classify.rules.non_event`) and the event-ness model,
trained on conflict news, reads a shooting on a street corner as no conflict event.

Under ``"all-violence"`` violent crime is kept too, as ACLED's nearest class (Violence against
civilians / Attack, or whatever the classifier reads), its doer as the pipeline finds it (an
unidentified gunman is the country's "Unidentified Armed Group", police who shoot are the
police), and every such row is marked ``Event.scope == "violent-crime"`` so users can drop them:

- a sentence the non-event rule takes for crime or an accident (:data:`LET_THROUGH`) but that
  tells violence against a person (:data:`VIOLENCE_TO_PERSON`: shot, stabbed, murdered,
  gunfire, ...) is decided like any other (``pipeline/eventness.py`` asks
  :func:`no_event_in_scope`);
- stage ``scope`` (after ``eventness``) makes an event of every asserted candidate whose trigger
  tells violence against a person and that the decision left out, proposes an Attack in each
  parsed sentence that tells such violence but holds no candidate (the classifier, trained on
  conflict news, proposes none for "an 8-year-old shot the toddler"), and records which
  candidates only this scope keeps (:data:`VIOLENT_CRIME`, their triggers' offsets);
- stage ``mark-scope`` (after ``coreference``) marks each event all of whose triggers are such candidates:
  a row ACLED's scope would also give keeps ``scope == ""``.

So the rows with ``scope == ""`` are (up to how ``coreference`` joins the others) the rows of
ACLED's scope. An unintentional shooting is kept as well (the Gun Violence Archive counts it).
"""

from __future__ import annotations

from dataclasses import replace

import regex as re

from conflictscope.classify.labels import SUB_EVENT_OF, event_type_of
from conflictscope.classify.modality import is_background, modality_of
from conflictscope.classify.rules import non_event_reason
from conflictscope.document import AnalyzedArticle, Sentence, declare_layer
from conflictscope.models import EventCandidate
from conflictscope.pipeline.registry import stage
from conflictscope.resources import current
from conflictscope.textcase import lower_keeping_offsets

#: The scope that keeps violent crime.
ALL_VIOLENCE = "all-violence"
#: The mark of a row only :data:`ALL_VIOLENCE` keeps.
VIOLENT_CRIME_MARK = "violent-crime"
#: The non-event reasons a wider scope may let through.
LET_THROUGH = frozenset({"crime", "disaster"})
#: Words that tell violence done to a person with a weapon or by hand.
VIOLENCE_TO_PERSON = re.compile(
    r"\b(?:shot|shoots?|shooting|shootings|shootouts?|gunshots?|gunfire|gunned|gunm[ae]n|gunpoint|"
    r"stabb\w*|murder\w*|homicides?|slain|slaying|manslaughter|pistol-whipped|opened fire|"
    r"fired (?:\w+ )?(?:shots|rounds|at|into|on))\b"
)

#: The trigger offsets of the candidates only the wider scope keeps.
VIOLENT_CRIME = declare_layer(
    "violent_crime", frozenset, "trigger starts of the candidates only the all-violence scope keeps"
)


def wide_scope() -> bool:
    """Whether the running pipeline's scope keeps violent crime."""
    return current().settings.scope == ALL_VIOLENCE


def tells_violence(text: str) -> bool:
    """Whether a lower-cased text tells violence done to a person ("was shot", "stabbed")."""
    return VIOLENCE_TO_PERSON.search(text) is not None


def no_event_in_scope(text: str) -> bool:
    """Whether a lower-cased sentence tells no event under the running scope: the non-event
    rule's verdict, except that :data:`ALL_VIOLENCE` lets crime and accidents through when the
    sentence tells violence against a person."""
    reason = non_event_reason(text)
    if reason is None:
        return False
    return not (reason in LET_THROUGH and wide_scope() and tells_violence(text))


#: The class and confidence of an Attack the scope proposes itself.
_PROPOSED_CODE = "ATT"
_PROPOSED_CONFIDENCE = 0.5


def wants_parse(text: str) -> bool:
    """The stage's parse hint: under the wide scope, sentences that tell violence against a person."""
    return wide_scope() and tells_violence(text.lower())


def propose(sentence: Sentence) -> EventCandidate | None:
    """An Attack of a parsed sentence that tells violence against a person (its first such word is
    the trigger), or None when there is no parse or the non-event rule holds in this scope."""
    lowered = lower_keeping_offsets(sentence.text)  # its offsets are the trigger's
    hit = VIOLENCE_TO_PERSON.search(lowered)
    if sentence.doc is None or hit is None or no_event_in_scope(lowered):
        return None
    tokens = sentence.doc.char_span(hit.start(), hit.end(), alignment_mode="expand")
    if tokens is None or not len(tokens):
        return None
    trigger = sentence.char_span(hit.start(), hit.end())
    candidate = EventCandidate(
        sentence=sentence.char_span(0, len(sentence.text)), trigger=trigger,
        event_type=event_type_of(_PROPOSED_CODE), sub_event_type=SUB_EVENT_OF[_PROPOSED_CODE],
        confidence=_PROPOSED_CONFIDENCE, modality=modality_of(tokens.root),
        is_background=is_background(tokens.root, sentence.text),
    )
    return candidate.with_evidence("event_type", trigger).with_evidence("sub_event_type", trigger)


def _outside_acled(candidate: EventCandidate) -> bool:
    """Whether ACLED's scope keeps no event of the candidate."""
    return not candidate.is_event or non_event_reason(candidate.sentence.text.lower()) is not None


@stage("scope", requires=("sentences", "candidates", "candidates.eventness"),
       provides=("candidates", "candidates.eventness", "violent_crime"), parse_hint=wants_parse)
def scope(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Under the all-violence scope, keep the violent crime the event decision left out."""
    if not wide_scope():
        return analyzed
    decided: list[EventCandidate] = []
    only_here: set[int] = set()
    proposed = {c.sentence.start for c in analyzed.candidates}
    extra = [made for s in analyzed.sentences if s.start not in proposed and (made := propose(s)) is not None]
    ordered = sorted((*analyzed.candidates, *extra), key=lambda c: c.sentence.start)
    for candidate in ordered:
        violent = candidate.modality == "asserted" and tells_violence(candidate.trigger.text.lower())
        if _outside_acled(candidate) and (candidate.is_event or violent):
            only_here.add(candidate.trigger.start)
            candidate = replace(candidate, is_event=True)
        elif candidate.is_event is None:  # a proposal of this stage's that tells no asserted act
            candidate = replace(candidate, is_event=False, eventness=0.0)
        decided.append(candidate)
    return replace(analyzed, candidates=tuple(decided)).with_layer(VIOLENT_CRIME, frozenset(only_here))


@stage("mark-scope", requires=("events", "violent_crime"), provides=("events",))
def mark_scope(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Mark ``scope == "violent-crime"`` on each event all of whose triggers only the wide scope keeps."""
    only_here = analyzed.get(VIOLENT_CRIME)
    if not only_here or not analyzed.events:
        return analyzed
    events = []
    for event in analyzed.events:
        triggers = event.evidence.get("event_type", ())
        if triggers and all(span.start in only_here for span in triggers):
            event = replace(event, scope=VIOLENT_CRIME_MARK)
        events.append(event)
    return replace(analyzed, events=tuple(events))
