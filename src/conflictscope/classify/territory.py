"""ACLED's territory rules: who gained control decides the sub-event type.

A change of control won by state forces (or their foreign allies) is *Government
regains territory*; one won by a non-state actor is *Non-state actor overtakes
territory*, whatever the verb ("recaptured", "seized"). The agent is the subject
of the trigger verb (or the ``by`` phrase of a passive); its kind comes from the
actor stage's mentions when they cover it, else from words like "troops".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import regex as re

from conflictscope.classify.features import NON_STATE_WORDS, STATE_WORDS
from conflictscope.models import ActorMention

if TYPE_CHECKING:
    from spacy.tokens import Token

STATE_INTERS = (1, 8)
_AFFILIATE = re.compile(
    r"\b(?:pro-government|government-backed|pro-regime|regime|loyal to the government|"
    r"government-allied|allied militias?)\b"
)


def agent_tokens(trigger: Token) -> list[Token]:
    """Tokens of the agent of the trigger's verb (active subject or passive ``by`` phrase)."""
    verb = trigger
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX"):
            break
        verb = verb.head
    candidates = [verb]
    # "... recaptured by X", conjoined verbs share the first verb's subject
    if verb.dep_ == "conj":
        candidates.append(verb.head)
    for v in candidates:
        for child in v.children:
            if child.dep_ == "agent":
                return [t for c in child.children for t in c.subtree]
            if child.dep_ == "nsubj":
                return list(child.subtree)
    return []


def agent_kind(
    agent: Sequence[Token], actors: Sequence[ActorMention], sentence_start: int
) -> str | None:
    """``"state"``, ``"nonstate"`` or ``None`` for the agent tokens."""
    if not agent:
        return None
    begin = sentence_start + agent[0].idx
    end = sentence_start + agent[-1].idx + len(agent[-1])
    # the mention holding the phrase's head noun decides: in "Turkey-backed rebel
    # fighters" the agent is the rebels, not their backer
    members = {t.i for t in agent}
    heads = [t for t in agent if t.head.i not in members or t.head.i == t.i]
    spans = [(sentence_start + t.idx, sentence_start + t.idx + len(t)) for t in heads]
    overlapping = [m for m in actors if m.span.start < end and begin < m.span.end]
    if overlapping:
        on_head = [m for m in overlapping if any(m.span.start < e and b < m.span.end for b, e in spans)]
        mention = (on_head or overlapping)[0]
        return "state" if mention.actor.inter in STATE_INTERS else "nonstate"
    text = " ".join(t.text for t in agent)
    lowered = text.lower()
    if _AFFILIATE.search(lowered):
        return "state"
    if re.search(r"\bIS\b", text):
        return "nonstate"
    state = [m.start() for m in STATE_WORDS.finditer(lowered)]
    nonstate = [m.start() for m in NON_STATE_WORDS.finditer(lowered)]
    if not state and not nonstate:
        return None
    # the head noun of an English noun phrase comes last: the later match wins
    return "state" if max(state, default=-1) > max(nonstate, default=-1) else "nonstate"


def resolve_control(code: str, kind: str | None) -> str:
    """The territory code implied by the agent kind (unchanged when unknown)."""
    if code not in ("GRT", "NSO") or kind is None:
        return code
    return "GRT" if kind == "state" else "NSO"
