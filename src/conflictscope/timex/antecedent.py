"""Dated antecedent events: a past event a sentence names only in passing, with its own date.

Follow-up reports (a trial, a release, a new arrest) name the event they follow
inside another clause: "a court jailed two men over the *killing* of X in March
2019", "a unionist who was among the seven *arrested* on Dec. 10, 2020", "the
Sept. 26, 2014 *kidnapping* remains ...". The sentence as a whole reports the
court step, so the classifier reads no event (or only the later one) there,
yet the antecedent is often the event the report is about, and the only place
its date is written.

:func:`antecedent_candidates` finds such phrases in a parsed sentence: a violence,
abduction or arrest word that is subordinate to the main clause
(:func:`conflictscope.timex.clauses.is_subordinate`) or the subject or object of a
sentence, whose own phrase holds a calendar date (a month name or a year), and
that no candidate of the sentence already covers. Each becomes a background
candidate of modest confidence; the dates stage then dates it by that date.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import regex as re

from conflictscope.classify.labels import SUB_EVENT_OF, event_type_of
from conflictscope.models import EventCandidate
from conflictscope.timex.clauses import governing_verb, is_subordinate

if TYPE_CHECKING:
    from spacy.tokens import Token

    from conflictscope.pipeline.base import Sentence

#: The confidence of an antecedent candidate (a passing mention, not the sentence's report).
ANTECEDENT_CONFIDENCE = 0.45

#: Trigger words (lower-case forms) -> label code.
_TRIGGERS: dict[str, str] = {
    **dict.fromkeys(("killing", "killings", "murder", "murders", "assassination", "shooting",
                     "shootings", "lynching", "beating", "torture", "stabbing", "massacre",
                     "killed", "murdered", "assassinated", "shot", "beaten", "tortured", "stabbed",
                     "attacked", "attack", "lynched"), "ATT"),
    **dict.fromkeys(("kidnapping", "kidnappings", "abduction", "abductions", "disappearance",
                     "kidnapped", "abducted"), "ABD"),
    **dict.fromkeys(("arrest", "arrests", "detention", "arrested", "detained", "jailed",
                     "imprisoned"), "ARR"),
    **dict.fromkeys(("rape", "raped"), "SEXV"),
}
#: A calendar date: a month name (not "may" the verb) or a year.
_CALENDAR = re.compile(
    r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?|\b(?:19[5-9]\d|20[0-4]\d)\b"
)
#: Dependencies of a nominal event that is what the sentence is about ("The 2014 kidnapping remains ...").
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})


def _phrase_dated(token: Token, text: str) -> bool:
    """Whether the token's own phrase (its syntactic subtree) writes a calendar date."""
    left, right = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
    return _CALENDAR.search(text, left, right) is not None


def _is_antecedent(token: Token) -> bool:
    verb = governing_verb(token)
    if is_subordinate(token, verb):
        return True
    # a nominal event as an argument: "the Sept. 26, 2014 kidnapping remains ..."
    return token.pos_ == "NOUN" and token.dep_ in _ARGUMENT_DEPS


def antecedent_candidates(sentence: Sentence, existing: Sequence[EventCandidate] = ()) -> list[EventCandidate]:
    """Background candidates for the dated antecedent events of one parsed sentence."""
    doc = sentence.doc
    if doc is None or not _CALENDAR.search(sentence.text):
        return []
    covered = {(c.sub_event_type, c.trigger.start) for c in existing}
    kinds = {c.sub_event_type for c in existing}
    found: list[EventCandidate] = []
    for token in doc:
        code = _TRIGGERS.get(token.lower_)
        if code is None or SUB_EVENT_OF[code] in kinds:
            continue
        if not _is_antecedent(token) or not _phrase_dated(token, sentence.text):
            continue
        trigger = sentence.span(token)
        if (SUB_EVENT_OF[code], trigger.start) in covered:
            continue
        candidate = EventCandidate(
            sentence=sentence.char_span(0, len(sentence.text)),
            trigger=trigger,
            event_type=event_type_of(code),
            sub_event_type=SUB_EVENT_OF[code],
            confidence=ANTECEDENT_CONFIDENCE,
            is_background=True,
        )
        found.append(candidate.with_evidence("event_type", trigger).with_evidence("sub_event_type", trigger))
        kinds.add(SUB_EVENT_OF[code])
    return found
