"""Modality (asserted / negated / hypothetical / future) and background cues.

Read from the dependency parse around the trigger: its governing verbs up to the
clause root, their ``neg`` and modal ``aux`` children, a governing verb of
intention ("plans to", "threatened to"), a conditional ``if``. Reporting verbs
("said", "reported") stop the climb, so "said it would attack" is hypothetical
but "said the rebels had seized" is asserted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex as re

from conflictscope.models import Modality
from conflictscope.numbers import small_number_words

if TYPE_CHECKING:
    from spacy.tokens import Token

_HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "can", "must", "ought"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_INTENT_VERBS = {
    "plan", "threaten", "vow", "intend", "want", "aim", "prepare", "seek", "promise",
    "pledge", "hope", "expect", "warn", "decide", "agree", "try", "attempt", "propose",
    "consider", "call", "urge", "order", "ask", "demand", "refuse", "fail", "going",
    "instigate", "incite", "encourage", "mobilise", "mobilize", "persuade", "plot",
}
#: "is set to stage a protest", "scheduled to hold a rally", "poised to attack", "about to storm":
#: a scheduled or imminent action, not one that happened.
_SCHEDULED = {"set", "schedule", "slate", "poise", "about"}
_DENIAL_VERBS = {"deny", "reject", "refute", "dismiss"}
_REPORTING_VERBS = {
    "say", "report", "tell", "claim", "state", "announce", "confirm", "add", "write",
    "allege", "accuse", "quote", "note", "insist", "according",
}
#: Verbs whose clause is true whether they are negated or not ("will never forget how he was killed").
_FACTIVE_VERBS = {"forget", "remember", "know", "regret", "recall", "realise", "realize", "learn",
                  "discover", "notice", "reveal", "acknowledge"}
_CONDITIONAL_MARKS = {"if", "unless", "whether"}
_HISTORY_ADVERBS = {"also", "previously", "already", "repeatedly", "often", "ever", "long"}
_NEGATIONS = {"not", "n't", "never", "no"}

#: Phrases that put an event in the past relative to the report's news.
BACKGROUND_CUES = re.compile(
    r"(?i)\b(?:earlier this (?:year|month)|last (?:year|month|spring|summer|autumn|fall|winter)|"
    r"(?:a|" + small_number_words(1, 12) + r"|several|many|\d+) (?:years?|months?|decades?) ago|"
    r"during (?:its|their|the|his|her) (?:[\w-]+ )*?(?:occupation|rule|reign|control|siege|war)|"
    r"in (?:the )?(?:past|previous)|previously|formerly|had (?:held|controlled|ruled|occupied)|"
    r"back in|in (?:19|20)\d\d|since (?:19|20)\d\d|(?:the )?scene of|"
    r"(?:a|an|the) (?:[\w-]+ )?(?:19|20)\d\d(?![-\u2013/]\d)(?= [a-z])|"
    r"in (?:early |late |mid-)?(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december)\b(?! \d))"
)


#: A history phrase that is not a possessive ("last year's crackdown" names a thing).
_HISTORY_PHRASE_IN = re.compile(BACKGROUND_CUES.pattern + r"(?!['\u2019]s\b)")


def _governors(token: Token) -> list[tuple[Token, str]]:
    """The trigger, its verb, and the verbs that govern that verb's clause.

    Each entry is (token, dep by which the previous entry hangs from it). A noun
    trigger climbs to its verb; from there the climb follows only ``xcomp``,
    ``conj`` and non-reported ``ccomp`` links, so a modal of a main clause never
    leaks into an adverbial clause ("will advance after seizing the town").
    """
    chain: list[tuple[Token, str]] = [(token, "")]
    current = token
    for _ in range(3):  # noun trigger -> its verb
        if current.pos_ in ("VERB", "AUX") or current.head is current:
            break
        link = current.dep_
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            chain.append((current, link))
    for _ in range(6):
        link = current.dep_
        head = current.head
        if head is current or link not in ("xcomp", "conj", "ccomp"):
            break
        if head.lemma_.lower() in _REPORTING_VERBS | _FACTIVE_VERBS and link == "ccomp":
            break  # "never forget how he was executed": a negated factive still asserts its clause
        chain.append((head, link))
        current = head
    return chain


def modality_of(trigger: Token) -> Modality:
    """The modality of the event whose trigger word is ``trigger``."""
    for position, (verb, link) in enumerate(_governors(trigger)):
        lemma = verb.lemma_.lower()
        if position > 0 and link in ("xcomp", "ccomp") and lemma in _DENIAL_VERBS:
            return "negated"
        if position > 0 and link == "xcomp" and lemma in _INTENT_VERBS:
            return "negated" if lemma in ("refuse", "fail") else "future"
        if position > 0 and link == "xcomp" and lemma in _SCHEDULED:
            return "future"
        for child in verb.children:
            word = child.lower_
            negation = child.dep_ == "neg" or (
                word in _NEGATIONS and child.dep_ in ("advmod", "det")
            )
            if negation and (position == 0 or verb.pos_ in ("VERB", "AUX")):
                return "negated"
            if child.dep_ in ("aux", "auxpass"):
                if word in _HYPOTHETICAL_AUX:
                    return "hypothetical"
                if word in _FUTURE_AUX:
                    return "future"
            if child.dep_ == "mark" and word in _CONDITIONAL_MARKS:
                return "hypothetical"
    return "asserted"


#: Dependents that qualify a noun with a clause of their own: a history phrase inside one
#: ("protesters who marched against last year's crackdown") dates that clause,
#: not the event of the trigger.
_SUBCLAUSE_DEPS = {"relcl", "acl", "appos"}


def own_clause_text(trigger: Token) -> str:
    """The trigger's sentence minus the dependent clauses that do not contain it."""
    doc = trigger.doc
    ancestors = {trigger.i, *(t.i for t in trigger.ancestors)}
    skip: set[int] = set()
    for token in doc:
        if token.dep_ in _SUBCLAUSE_DEPS and token.i not in ancestors and token.i not in skip:
            skip.update(t.i for t in token.subtree)
    return "".join(t.text_with_ws for t in doc if t.i not in skip)


def is_background(trigger: Token, clause_text: str = "") -> bool:
    """Whether the trigger's clause reports history: a background phrase or an unreported past perfect.

    The history phrase must stand in the trigger's own clause (``clause_text`` is
    kept for callers but the parse decides), and a possessive ("last year's
    crackdown") only qualifies its noun.
    """
    if _HISTORY_PHRASE_IN.search(own_clause_text(trigger)):
        return True
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    perfect = any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'s", "'ve") for c in verb.children)
    if perfect and (
        verb.dep_ == "relcl" or any(c.lower_ in _HISTORY_ADVERBS for c in verb.children)
    ):
        return True  # "which has also demolished ...": a characterisation, not the news
    has_had = any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in verb.children)
    if not has_had:
        return False
    reported = verb.dep_ in ("ccomp", "parataxis") and verb.head.lemma_.lower() in _REPORTING_VERBS
    return not reported
