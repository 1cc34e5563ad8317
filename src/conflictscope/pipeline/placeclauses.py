"""Where a clause's parse puts a place relative to its event's trigger.

Two readings of the spaCy parse used when locating an event (see
:mod:`conflictscope.pipeline.places`): a place inside a clause of contrast the
trigger is not in ("while the eyes of the world were on Aleppo, they struck") is
not the event's, and a place the text says the event happened at ("the murder,
which happened in the consulate in Istanbul") is, even abroad.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from conflictscope.document import Sentence
from conflictscope.models import Span
from conflictscope.pipeline.placecues import CONCESSIVE_MARKS

if TYPE_CHECKING:
    from spacy.tokens import Span as DocSpan
    from spacy.tokens import Token

#: Dependencies that keep a place inside the phrase it belongs to ("the consulate in Istanbul").
_PHRASE_DEPS = frozenset({"pobj", "prep", "compound", "appos", "nmod", "conj", "cc", "det", "amod", "poss"})
#: Prepositions that put the event of the verb they hang on at a place.
_AT_PLACE = frozenset({"in", "inside", "at", "near", "outside"})
#: The verb's object and agent, whose phrase the event's place may hang on ("killed protesters in
#: Homs", "wounded by men outside a cafe in Istanbul").
_VERB_ARGS = frozenset({"dobj", "agent"})
#: Clauses that describe an actor in passing, not the event the sentence tells.
_ASIDE_CLAUSES = frozenset({"relcl", "acl"})
#: Verbs that only say an event happened ("the murder, which happened in Istanbul"; "took place").
_OCCURRED = frozenset({"happen", "occur", "take"})


def _doc_spans(sentence: Sentence | None, place: Span, trigger: Span) -> tuple[DocSpan, DocSpan] | None:
    """The place's and the trigger's spans in the sentence's parse (None if unparsed or unaligned)."""
    doc = sentence.doc if sentence is not None else None
    if doc is None or sentence is None:
        return None
    place_span = doc.char_span(place.start - sentence.start, place.end - sentence.start, alignment_mode="expand")
    trigger_span = doc.char_span(trigger.start - sentence.start, trigger.end - sentence.start,
                                 alignment_mode="expand")
    if place_span is None or trigger_span is None or not len(place_span) or not len(trigger_span):
        return None
    return place_span, trigger_span


def in_concessive_clause(sentence: Sentence, place: Span, trigger: Span) -> bool:
    """The place sits in a clause of contrast ("while ...", "although ...") the trigger is not in."""
    spans = _doc_spans(sentence, place, trigger)
    if spans is None:
        return False
    place_span, trigger_span = spans
    for token in (place_span.root, *place_span.root.ancestors):
        if any(child.dep_ == "mark" and child.lower_ in CONCESSIVE_MARKS for child in token.children):
            return trigger_span.root.i not in {t.i for t in token.subtree}
    return False


def _hangs_on_trigger(place: Token, trigger: Token) -> bool:
    """The place's phrase hangs on the trigger verb (or a verb joined to it) only through
    "in/at/inside..." and the verb's object or agent: "executed and dismembered inside the
    Saudi consulate in Istanbul", "wounded by two men outside a cafe in Istanbul"."""
    if trigger.pos_ not in {"VERB", "AUX"} or trigger.dep_ in _ASIDE_CLAUSES:
        return False  # "the group, which has also demolished sites in neighbouring Iraq, ...": an aside
    verbs = {trigger.i, *(t.i for t in trigger.conjuncts)}
    token, hops = place, 0
    while token.head.i != token.i and hops < 8:
        if token.dep_ == "prep" and token.lower_ not in _AT_PLACE:
            return False  # "a man from a village in Homs"
        if token.dep_ not in _PHRASE_DEPS | _VERB_ARGS:
            return False
        if token.head.i in verbs:
            return token.dep_ == "prep" or token.dep_ in _VERB_ARGS and hops > 0
        token, hops = token.head, hops + 1
    return False


def said_to_happen_at(sentence: Sentence | None, place: Span, trigger: Span) -> bool:
    """Whether the text says outright that the event happened at the place.

    The place's phrase hangs on a verb of occurrence whose subject is the trigger noun
    ("Khashoggi's murder, which happened in the consulate in Istanbul"; "the killing
    took place in Kano"), or by "in/at/inside..." on the trigger verb itself ("was
    executed inside the Saudi consulate in Istanbul"). Such a place holds even abroad: the report's main place does
    not replace it.
    """
    spans = _doc_spans(sentence, place, trigger)
    if spans is None:
        return False
    place_span, trigger_span = spans
    if _hangs_on_trigger(place_span.root, trigger_span.root):
        return True
    token, hops = place_span.root, 0
    while token.dep_ in _PHRASE_DEPS and token.head.i != token.i and hops < 8:
        if token.dep_ == "prep" and token.head.pos_ in {"VERB", "AUX"}:
            break
        token, hops = token.head, hops + 1
    if token.dep_ != "prep":
        return False
    verb = token.head
    if verb.lemma_ not in _OCCURRED or (verb.lemma_ == "take" and not any(
            child.lower_ == "place" for child in verb.children)):
        return False
    subject = verb.head if verb.dep_ == "relcl" else next(
        (child for child in verb.children if child.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject is not None and subject.i == trigger_span.root.i


def of_a_person(sentence: Sentence | None, place: Span, trigger: Span) -> bool:
    """The place is a person's provenance: "of" joins it to a person's name ("photographer Nigel
    Brennan of Australia", "Ahmed Ali of Kirkuk"). It tells where the person is from, not where
    the event happened."""
    spans = _doc_spans(sentence, place, trigger)
    if spans is None:
        return False
    root = spans[0].root
    of = root.head
    return (root.dep_ == "pobj" and of.lower_ == "of" and of.head.i != of.i
            and of.head.ent_type_ == "PERSON" and of.head.pos_ == "PROPN")
