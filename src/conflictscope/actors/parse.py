"""Dependency-parse helpers for role assignment: which actor a token denotes.

Shared by :mod:`conflictscope.actors.roles` and :mod:`conflictscope.actors.fallback`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from conflictscope.actors.dictionary import load_dictionary
from conflictscope.actors.resolve import ActorContext
from conflictscope.document import Sentence
from conflictscope.models import ActorMention, EventCandidate, Span

#: Lemmas of verbs of saying: their subject is a speaker, their clause complement the news.
SAYING = frozenset(("say", "tell", "report", "confirm", "state", "add", "announce", "claim", "allege"))

if TYPE_CHECKING:
    from spacy.tokens import Token

_BACKING_VERBS = frozenset(("back", "support", "aid", "assist", "help", "reinforce", "arm"))
_SUPPORT_NOUNS = frozenset(("support", "help", "backing", "assistance", "aid", "cover"))
_ALONGSIDE = frozenset(("alongside", "with"))
_VICTIM_VERBS = frozenset(
    [
        "kill",
        "injure",
        "wound",
        "behead",
        "execute",
        "abduct",
        "kidnap",
        "shoot",
        "massacre",
        "murder",
    ]
)


def noun_chain(token: Token) -> list[Token]:
    """The noun and the nouns it hangs from up to the clause's verb ("support of air strikes")."""
    chain, current = [token], token
    for _ in range(4):
        current = current.head
        if current.i == chain[-1].i or current.pos_ in ("VERB", "AUX"):
            break
        if current.pos_ in ("NOUN", "PROPN"):
            chain.append(current)
    return chain


def token_owner(sentence: Sentence, mentions: list[ActorMention]) -> dict[int, ActorMention]:
    owner: dict[int, ActorMention] = {}
    assert sentence.doc is not None
    for token in sentence.doc:
        begin = sentence.start + token.idx
        for mention in mentions:
            if mention.span.start <= begin < mention.span.end:
                owner[token.i] = mention
                break
    return owner


def trigger_tokens(sentence: Sentence, trigger: Span) -> list[Token]:
    assert sentence.doc is not None
    begin, end = trigger.start - sentence.start, trigger.end - sentence.start
    tokens = [t for t in sentence.doc if t.idx < end and t.idx + len(t) > begin]
    if not tokens:
        tokens = [min(sentence.doc, key=lambda t: abs(t.idx - begin))] if len(sentence.doc) else []
    return tokens


def governing(tokens: list[Token]) -> Token:
    """The token of the trigger highest in the tree (prefer verbs)."""
    verbs = [t for t in tokens if t.pos_ in ("VERB", "AUX")]
    pool = verbs or tokens
    return min(pool, key=lambda t: len(list(t.ancestors)))


def actor_at(token: Token, owner: dict[int, ActorMention], depth: int = 0) -> ActorMention | None:
    """The actor a noun phrase headed by ``token`` denotes (its own words or modifiers)."""
    if token.i in owner:
        return owner[token.i]
    if depth > 2:
        return None
    for child in token.children:
        if child.dep_ in ("compound", "amod", "nmod", "poss", "appos", "nummod") or (
            child.dep_ == "prep" and child.lower_ == "of"
        ):
            target = (
                child
                if child.dep_ != "prep"
                else next((c for c in child.children if c.dep_ == "pobj"), None)
            )
            if target is not None:
                found = actor_at(target, owner, depth + 1)
                if found is not None:
                    return found
    return None


def backed_by(
    sentence: Sentence, mentions: list[ActorMention]
) -> list[tuple[ActorMention, ActorMention | None]]:
    """(backer, backed or None) pairs of "X backed by Y", "with the support of Y", "alongside Y"."""
    doc = sentence.doc
    if doc is None:
        return []
    owner = token_owner(sentence, mentions)
    pairs: list[tuple[ActorMention, ActorMention | None]] = []
    for token in doc:
        if token.lemma_.lower() in _BACKING_VERBS and token.pos_ == "VERB":
            agent = next((c for c in token.children if c.dep_ == "agent"), None)
            pobj = (
                next((c for c in agent.children if c.dep_ == "pobj"), None)
                if agent is not None
                else None
            )
            backer = deep_actor(pobj, owner) if pobj is not None else None
            if backer is None:
                continue
            patient = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
            if patient is None and token.dep_ == "acl":
                patient = token.head
            pairs.append((backer, actor_at(patient, owner) if patient is not None else None))
        elif token.dep_ == "prep" and (
            token.lower_ in _ALONGSIDE
            and token.lower_ != "with"
            or token.lower_ == "with"
            and any(c.lemma_.lower() in _SUPPORT_NOUNS for c in token.children)
        ):
            pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
            backer = deep_actor(pobj, owner) if pobj is not None else None
            if backer is not None:
                pairs.append((backer, None))
    return pairs


def deep_actor(token: Token, owner: dict[int, ActorMention]) -> ActorMention | None:
    for t in token.subtree:
        if t.i in owner and owner[t.i].actor.inter not in (6, 7):
            return owner[t.i]
    return None


def victim(
    sentence: Sentence,
    candidate: EventCandidate,
    context: ActorContext,
    mentions: list[ActorMention] | None = None,
) -> ActorMention | None:
    """Civilian victims: "killing 6 civilians", or the object of violence against civilians."""
    doc = sentence.doc
    assert doc is not None
    trigger = trigger_tokens(sentence, candidate.trigger)
    if not trigger:
        return None
    head = governing(trigger)
    owner = token_owner(sentence, mentions or [])
    vac = candidate.event_type == "Violence against civilians"
    links = ("advcl", "xcomp", "conj") if vac else ("advcl", "xcomp")
    scope = [head, *(t for t in head.children if t.dep_ in links and t.lemma_ in _VICTIM_VERBS)]
    objects = [c for verb in scope for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    for child in objects:  # a civilian actor the text names ("6 civilians")
        found = actor_at(child, owner)
        if found is not None and found.actor.inter == 7:
            return found
    if not vac:
        return None
    for child in objects:
        if child.ent_type_ in ("GPE", "LOC", "FAC", "ORG", "NORP") or child.pos_ == "PRON":
            continue
        if actor_at(child, owner) is not None:
            continue
        actor = load_dictionary().generic_actor("civilians", context.country)
        return ActorMention(
            actor, sentence.span(doc[child.left_edge.i : child.i + 1]), generic=True
        )
    return None


def country_subjects(sentence: Sentence, context: ActorContext) -> list[ActorMention]:
    """Country names that act ("Saudi Arabia executed 81 people", "attacked by Russia")."""
    doc = sentence.doc
    if doc is None:
        return []
    found: list[ActorMention] = []
    for span, iso2 in context.country_refs:
        if not sentence.start <= span.start < sentence.end:
            continue
        tokens = [t for t in doc if span.start <= sentence.start + t.idx < span.end]
        if not tokens or any(t.pos_ == "ADJ" for t in tokens):
            continue
        head = min(tokens, key=lambda t: len(list(t.ancestors)))
        agent = head.dep_ == "pobj" and head.head.dep_ == "agent"
        if head.dep_ in ("nsubj", "nsubjpass") or agent:
            actor = load_dictionary().state_actor(iso2, "military", context.published)
            found.append(ActorMention(actor, span, generic=True))
    return found
