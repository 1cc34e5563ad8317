"""Which clause a time expression belongs to: the trigger's, a reporting verb's, or another verb's.

"Police said on Monday that gunmen *killed* two activists": "on Monday" dates the
report, not the killing. "They were released Monday after being *kidnapped* on
Christmas Eve": "Monday" belongs to "released". The parse gives each expression
its governing verb (the first verb among its syntactic ancestors); an expression
governed by the trigger's own verb is *attached*, one governed by a reporting
verb that is not the trigger's verb is a *reporting* date, and one governed by
another verb is *other*. Sentences without a parse fall back on the surface
pattern "said (on) Monday" for reporting dates.

A trigger in a subordinate clause tells an earlier event than its main clause:
"activist X, *who was arrested* in January, was granted bail on Friday",
"released Monday *after being kidnapped*", "detained on Tuesday over the
*killing* of 51 civilians". The main clause's dates are then *outer*: at most the
event's latest possible day, never its date. A date inside the trigger's own
phrase ("the Sept. 26, 2014 *kidnapping*") stays attached.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex as re

from conflictscope.models import Span
from conflictscope.timex.record import Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Lemmas of verbs that report an event rather than being one.
REPORTING_LEMMAS = frozenset(
    {
        "say", "tell", "announce", "confirm", "report", "add", "state", "claim", "tweet",
        "write", "post", "disclose", "reveal", "note", "explain", "allege", "insist",
        "deny", "quote", "publish", "declare", "call", "urge", "demand", "condemn",
        "speak", "comment",
    }
)

#: "said on Monday", "told reporters Tuesday", "announced on 3 May": a reporting date by surface.
_REPORTING_BEFORE = re.compile(
    r"(?i)\b(?:said|says|told\s+(?:\w+\s+){0,2}|announced|confirmed|reported|added|stated|tweeted|wrote|"
    r"posted|disclosed|revealed|claimed|declared|called|urged|demanded|condemned|"
    r"(?:in\s+)?a\s+statement|(?:at\s+)?a\s+(?:press\s+conference|news\s+briefing))\s*(?:on|late|early)?\s*$"
)

_VERB_TAGS = ("VERB",)
#: Subordinators of a clause that happened at another time than its main clause.
_TEMPORAL_MARKS = frozenset({"after", "before", "since", "following", "until", "till"})
#: Prepositions that make a nominal event the cause or antecedent of the main verb.
_CAUSE_PREPS = frozenset({"over", "for", "after", "following", "since", "before"})
#: Tags of a past (not progressive) verb form.
_PAST_TAGS = frozenset({"VBN", "VBD"})


@dataclass(frozen=True, slots=True)
class ClauseRoles:
    """The expressions of one sentence sorted by the clause they belong to.

    Expressions in none of them (no verb governs them) are neutral. ``prior`` are the
    dates of an "after" clause below the trigger's verb ("murdered *after being detained
    in November 1981*"): an earlier event's, never the trigger's.
    """

    attached: tuple[Timex, ...] = ()
    reporting: tuple[Timex, ...] = ()
    other: tuple[Timex, ...] = ()
    outer: tuple[Timex, ...] = ()
    prior: tuple[Timex, ...] = ()


def governing_verb(token: Token) -> Token | None:
    """The token itself when it is a verb, else its nearest verb ancestor (None at the root)."""
    if token.pos_ in _VERB_TAGS:
        return token
    for ancestor in token.ancestors:
        if ancestor.pos_ in _VERB_TAGS:
            return ancestor
    return None


def is_subordinate(trigger: Token, verb: Token | None) -> bool:
    """Whether the trigger tells an event prior to its main clause's (see the module docstring).

    A past relative clause ("who was arrested"), a past participle modifying a
    noun ("Kaur, arrested in Haryana, ..."), a clause after "after/before/since"
    ("after being kidnapped", "after he attacked"), or a nominal event under
    "over/for/after" ("arrested over the killing of ...").
    """
    if verb is None:
        return False
    if trigger != verb:
        head = trigger
        while head.dep_ in ("compound", "amod", "nmod", "conj") and head.head != head:
            head = head.head
        return head.dep_ == "pobj" and head.head.lower_ in _CAUSE_PREPS
    if verb.dep_ == "relcl":
        return verb.tag_ in _PAST_TAGS
    if verb.dep_ == "acl":
        return verb.tag_ == "VBN"
    if verb.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in _TEMPORAL_MARKS for c in verb.children)
    if verb.dep_ == "pcomp":
        return verb.head.lower_ in _TEMPORAL_MARKS
    return False


def _is_outer(timex_root: Token, trigger: Token, verb: Token, timex_verb: Token) -> bool:
    """A date of the main clause above a subordinate trigger (not inside the trigger's phrase)."""
    if timex_root in trigger.subtree:
        return False
    if trigger != verb:  # nominal trigger: the governing verb's own dates are the main clause's
        return timex_verb == verb or timex_verb in verb.ancestors
    return timex_verb in verb.ancestors


def _below_in_time(verb: Token, trigger_verb: Token) -> bool:
    """``verb`` heads an "after" clause ("after being detained") under the trigger's verb.

    ("since" is left out: "detained since Putin launched his invasion on Feb. 24" starts the span.)
    """
    return verb in trigger_verb.subtree and (
        (verb.dep_ == "pcomp" and verb.head.lower_ in ("after", "following"))
        or (verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "after" for c in verb.children))
    )


def _head_verb(root: Token) -> Token | None:
    """The verb governing an expression whose syntactic head is ``root`` (itself excluded)."""
    for ancestor in root.ancestors:
        if ancestor.pos_ in _VERB_TAGS:
            return ancestor
    return None


def _is_reporting(token: Token | None) -> bool:
    return token is not None and token.lemma_.casefold() in REPORTING_LEMMAS


def _reporting_by_surface(text: str, timex: Timex, trigger: Span) -> bool:
    """"... said on Monday" right before the expression, the trigger elsewhere."""
    window_start = max(0, timex.start - 40)
    before = text[window_start : timex.start]
    match = _REPORTING_BEFORE.search(before)
    if match is None:
        return False
    verb_start = window_start + match.start()
    return not (verb_start <= trigger.start < timex.start)


def clause_roles(
    text: str,
    sentence_start: int,
    doc: Doc | None,
    trigger: Span,
    timexes: Sequence[Timex],
) -> ClauseRoles:
    """Sort the expressions of a sentence (``timexes``, article offsets) by clause.

    ``doc`` is the sentence's parse (offsets relative to ``sentence_start``) or None.
    """
    attached: list[Timex] = []
    reporting: list[Timex] = []
    other: list[Timex] = []
    outer: list[Timex] = []
    prior: list[Timex] = []
    trigger_verb: Token | None = None
    trigger_token: Token | None = None
    if doc is not None:
        head = doc.char_span(
            trigger.start - sentence_start, trigger.end - sentence_start, alignment_mode="expand"
        )
        if head is not None and len(head) > 0:
            trigger_token = head.root
            trigger_verb = governing_verb(trigger_token)
    subordinate = trigger_token is not None and is_subordinate(trigger_token, trigger_verb)
    for timex in timexes:
        span = None
        if doc is not None:
            span = doc.char_span(
                timex.start - sentence_start, timex.end - sentence_start, alignment_mode="expand"
            )
        if span is None or len(span) == 0 or trigger_verb is None:
            if _reporting_by_surface(text, timex, trigger):
                reporting.append(timex)
            continue
        verb = _head_verb(span.root)
        if verb is None:
            continue
        own_phrase = subordinate and trigger_token is not None and span.root in trigger_token.subtree
        if subordinate and trigger_token is not None and _is_outer(span.root, trigger_token, trigger_verb, verb):
            outer.append(timex)
        elif verb != trigger_verb and _below_in_time(verb, trigger_verb):
            prior.append(timex)  # "was murdered after being detained ... in November 1981": the detention's
        elif own_phrase or verb == trigger_verb or verb in trigger_verb.conjuncts:
            attached.append(timex)
        elif (_is_reporting(verb) and not _is_reporting(trigger_verb)) or _reporting_by_surface(
            text, timex, trigger
        ):
            reporting.append(timex)
        else:
            other.append(timex)
    return ClauseRoles(tuple(attached), tuple(reporting), tuple(other), tuple(outer), tuple(prior))

