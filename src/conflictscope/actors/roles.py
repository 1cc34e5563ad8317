"""Who did what to whom: actor1, actor2 and associated actors of one event candidate.

Rules over the dependency parse of the trigger's sentence:

* actor1: the subject (``nsubj``) of the trigger verb, the ``agent`` of a passive
  ("recaptured by X"), a named actor modifying a trigger noun ("an IS attack"),
  or a named actor just before the verb that the parser attached as aux (the
  small model reads "IS destroyed" as AUX + VERB). Subjects are inherited through
  ``conj``/``advcl``/``xcomp`` clauses; pronouns ("they", "it", "which") resolve to
  the main clause's subject or the last named actor before them.
* actor2: the object (``dobj``), the passive subject, "against/from/on X", the
  second side of "between X and Y" or of a reciprocal verb ("X and Y clashed"),
  victims ("killing 6 civilians"); for violence against civilians an object
  that is no actor becomes ``Civilians (<country>)``.
* assoc actors: conjoined actors ("X and Y fighters attacked"), "backed by X",
  "X-backed", "with the support of X", "alongside X".

With no actor in the sentence, actor1 falls back to the previous sentence's first
actor or the report's main actor, with lower confidence.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from conflictscope.actors.fallback import fallback_actor1, other_side
from conflictscope.actors.parse import (
    SAYING,
    actor_at,
    backed_by,
    country_subjects,
    governing,
    noun_chain,
    token_owner,
    trigger_tokens,
    victim,
)
from conflictscope.actors.resolve import ACTOR_CONTEXT, ActorContext
from conflictscope.document import AnalyzedArticle, Sentence
from conflictscope.models import ActorMention, EventCandidate

if TYPE_CHECKING:
    from spacy.tokens import Token

_SUBJECT = ("nsubj", "csubj", "expl")
_PRONOUNS = frozenset(
    ["they", "it", "he", "she", "which", "who", "that", "its", "their", "them", "we"]
)
_RECIPROCAL = frozenset(
    ["fight", "clash", "battle", "engage", "exchange", "skirmish", "fighting", "clashes"]
)
_TARGET_PREPS = frozenset(("against", "on", "from", "upon", "at", "targeting"))
_CLIMB = frozenset(("conj", "advcl", "xcomp", "pcomp", "prep", "acl", "ccomp", "relcl"))
#: Confidence factor when actor1 is not in the trigger's sentence.
FALLBACK_FACTOR = 0.85
_BACKED_WORDS = frozenset(
    (
        "back",
        "backed",
        "support",
        "supported",
        "sponsor",
        "sponsored",
        "fund",
        "funded",
        "arm",
        "armed",
        "train",
        "trained",
    )
)


def assign_roles(analyzed: AnalyzedArticle, candidate: EventCandidate) -> EventCandidate:
    """``candidate`` with actor1/actor2/assoc actors filled in, with their evidence."""
    context = analyzed.get(ACTOR_CONTEXT) or ActorContext(country=None, country_name=None)
    sentence = analyzed.sentence_at(candidate.trigger.start) or analyzed.sentence_at(
        candidate.sentence.start
    )
    mentions = [
        m for m in analyzed.actors if sentence and sentence.start <= m.span.start < sentence.end
    ]
    if sentence is not None:
        mentions = sorted(
            [*mentions, *country_subjects(sentence, context)], key=lambda m: m.span.start
        )
    roles = _Roles()
    if sentence is not None and sentence.doc is not None and mentions:
        _from_parse(roles, sentence, candidate, mentions, analyzed)
    elif sentence is not None and mentions:
        _from_order(roles, candidate, mentions)
    if sentence is not None and sentence.doc is not None and roles.actor2 is None:
        roles.actor2 = victim(sentence, candidate, context, mentions)
    confidence = candidate.confidence
    if roles.actor1 is None:
        roles.actor1 = fallback_actor1(analyzed, sentence, candidate, context)
        if roles.actor1 is not None:
            confidence *= FALLBACK_FACTOR
    _backing(roles, context, mentions)
    if sentence is not None and roles.actor1 is not None:
        for backer, backed in backed_by(sentence, mentions):
            if backed is None or backed.actor.id == roles.actor1.actor.id:
                roles.assoc1.append(backer)
    if roles.actor2 is None and candidate.event_type == "Battles":
        allies = {m.actor.id for m in roles.assoc1}
        roles.actor2 = other_side(analyzed, roles.actor1, candidate, context, allies)
    return _apply(candidate, roles, confidence)


class _Roles:
    def __init__(self) -> None:
        self.actor1: ActorMention | None = None
        self.actor2: ActorMention | None = None
        self.assoc1: list[ActorMention] = []
        self.assoc2: list[ActorMention] = []


def _apply(candidate: EventCandidate, roles: _Roles, confidence: float) -> EventCandidate:
    actor1, actor2 = roles.actor1, roles.actor2
    if actor1 is not None and actor2 is not None and actor1.actor.id == actor2.actor.id:
        actor2 = None
    taken = {a.actor.id for a in (actor1, actor2) if a is not None}
    assoc1 = _unique(roles.assoc1, taken)
    assoc2 = _unique(roles.assoc2, taken | {a.actor.id for a in assoc1})
    result = replace(
        candidate,
        actor1=actor1,
        actor2=actor2,
        assoc_actor_1=assoc1,
        assoc_actor_2=assoc2,
        confidence=confidence,
    )
    for name, values in (
        ("actor1", (actor1,)),
        ("actor2", (actor2,)),
        ("assoc_actor_1", assoc1),
        ("assoc_actor_2", assoc2),
    ):
        spans = tuple(m.span for m in values if m is not None)
        if spans:
            result = result.with_evidence(name, *spans)
    return result


def _unique(mentions: list[ActorMention], taken: set[str]) -> tuple[ActorMention, ...]:
    out: list[ActorMention] = []
    for mention in mentions:
        if mention.actor.id not in taken:
            taken = taken | {mention.actor.id}
            out.append(mention)
    return tuple(out)


def _from_parse(
    roles: _Roles,
    sentence: Sentence,
    candidate: EventCandidate,
    mentions: list[ActorMention],
    analyzed: AnalyzedArticle,
) -> None:
    doc = sentence.doc
    assert doc is not None
    owner = token_owner(sentence, mentions)
    trigger = trigger_tokens(sentence, candidate.trigger)
    if not trigger:
        return
    head = governing(trigger)
    # a named actor inside or modifying the trigger ("Russian air strikes", "an IS attack")
    for token in trigger:
        for t in (
            token,
            *(c for c in token.children if c.dep_ in ("compound", "amod", "poss", "nmod")),
        ):
            if t.i in owner and owner[t.i].actor.inter != 7:
                roles.actor1 = roles.actor1 or owner[t.i]
        if token.pos_ in ("NOUN", "PROPN") and roles.actor1 is None:
            # "air strikes by the Russian air force": the agent of a nominal trigger
            for prep in (
                c
                for n in noun_chain(token)
                for c in n.children
                if c.dep_ == "prep" and c.lower_ == "by"
            ):
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                found = actor_at(pobj, owner) if pobj is not None else None
                roles.actor1 = roles.actor1 or found
    verb = (
        head
        if head.pos_ in ("VERB", "AUX")
        else (head.head if head.dep_ in ("dobj", "pobj", "nsubj") else head)
    )
    subject = _subject(verb, owner, trigger, analyzed, sentence)
    if subject is None:
        subject = _left_subject(verb, owner)
    if subject is not None and roles.actor1 is None:
        reciprocal = _is_reciprocal(trigger, verb)
        inside = _phrase_actors(subject[1], owner)
        roles.actor1 = (
            inside[0] if inside and subject[0].span.start > inside[0].span.start else subject[0]
        )
        for other in inside:
            if other.actor.id != roles.actor1.actor.id:
                if reciprocal and roles.actor2 is None:
                    roles.actor2 = other
                else:
                    roles.assoc1.append(other)
        _conjuncts(roles, subject[1], owner, verb, reciprocal=reciprocal)
    for token in (*trigger, verb):
        _objects(roles, token, owner)
        _between(roles, token, owner)


def _subject(
    verb: Token,
    owner: dict[int, ActorMention],
    trigger: list[Token],
    analyzed: AnalyzedArticle,
    sentence: Sentence,
) -> tuple[ActorMention, Token] | None:
    current: Token | None = verb
    for _ in range(4):
        if current is None:
            return None
        for child in current.children:
            if child.dep_ in _SUBJECT:
                found = actor_at(child, owner) or _pronoun(
                    child, current, owner, analyzed, sentence
                )
                if found is not None:
                    return found, child
            if child.dep_ == "agent" and (by := _agent_actor(child, owner)) is not None:
                return by
        # "tortured and killed by police": conjoined passives share the last one's agent
        for conj in (c for c in current.children if c.dep_ == "conj" and c.tag_ == "VBN"):
            for agent in (c for c in conj.children if c.dep_ == "agent"):
                if (by := _agent_actor(agent, owner)) is not None:
                    return by
        for aux in (c for c in current.children if c.dep_ in ("aux", "auxpass")):
            for child in aux.children:
                found = actor_at(child, owner) if child.dep_ in _SUBJECT else None
                if found is not None:
                    return found, child
        # misparsed "IS destroyed": an actor word left of the verb, attached as aux
        for child in current.children:
            if (
                child.i < current.i
                and child.dep_ in ("aux", "auxpass", "ccomp", "npadvmod")
                and child.i in owner
            ):
                return owner[child.i], child
        if current.dep_ == "relcl" and current.head.i != current.i:
            found = actor_at(current.head, owner)
            if found is not None:
                return found, current.head
        if current.dep_ not in _CLIMB or current.head.i == current.i:
            break
        if current.head.lemma_ in SAYING and current.dep_ in ("ccomp", "advcl", "conj", "parataxis"):
            break  # "a car bomb exploded ..., police said": who said it is the source, not the bomber
        current = current.head
    return None


def _agent_actor(agent: Token, owner: dict[int, ActorMention]) -> tuple[ActorMention, Token] | None:
    """The actor of a passive's "by" phrase (``agent``) and its token, if one is named there."""
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
    found = actor_at(pobj, owner) if pobj is not None else None
    return (found, pobj) if found is not None and pobj is not None else None


def _left_subject(verb: Token, owner: dict[int, ActorMention]) -> tuple[ActorMention, Token] | None:
    """The nearest actor left of the verb that the parser made a subject of anything."""
    for token in reversed(list(verb.doc[: verb.i])):
        if (token.i in owner and token.dep_ in _SUBJECT and owner[token.i].actor.inter not in (7,)
                and token.head.lemma_ not in SAYING):  # "Ukraine says Russian strike ...": a speaker
            return owner[token.i], token
    return None


def _pronoun(
    token: Token,
    verb: Token,
    owner: dict[int, ActorMention],
    analyzed: AnalyzedArticle,
    sentence: Sentence,
) -> ActorMention | None:
    if token.lower_ not in _PRONOUNS:
        return None
    span = sentence.span(token)
    if verb.dep_ in ("advcl", "conj", "relcl", "ccomp") and verb.head.i != verb.i:
        for child in verb.head.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                found = actor_at(child, owner)
                if found is not None:
                    return ActorMention(found.actor, span, generic=True)
    before = [
        m for m in analyzed.actors if m.span.end <= span.start and m.actor.inter not in (6, 7)
    ]
    if before:
        return ActorMention(before[-1].actor, span, generic=True)
    return None


def _phrase_actors(token: Token, owner: dict[int, ActorMention]) -> list[ActorMention]:
    """Distinct actors named inside a noun phrase's own words ("ADF and CODECO fighters")."""
    found: list[ActorMention] = []
    for t in token.subtree:
        if t.i > token.i:
            break
        mention = owner.get(t.i)
        if mention is not None and t.head.lemma_.lower() in _BACKED_WORDS:
            continue  # "Iranian-backed Houthi fighters": the backer is not a co-author
        if (
            mention is not None
            and mention.actor.inter not in (6, 7)
            and all(m.actor.id != mention.actor.id for m in found)
        ):
            found.append(mention)
    return found


def _is_reciprocal(trigger: list[Token], verb: Token) -> bool:
    return any(t.lemma_.lower() in _RECIPROCAL or t.lower_ in _RECIPROCAL for t in (*trigger, verb))


def _conjuncts(
    roles: _Roles, token: Token, owner: dict[int, ActorMention], verb: Token, reciprocal: bool
) -> None:
    for conj in token.conjuncts:
        found = actor_at(conj, owner)
        if found is None or roles.actor1 is None or found.actor.id == roles.actor1.actor.id:
            continue
        if reciprocal and roles.actor2 is None:
            roles.actor2 = found
        else:
            roles.assoc1.append(found)


def _objects(roles: _Roles, token: Token, owner: dict[int, ActorMention]) -> None:
    for child in token.children:
        found, node = None, child
        if child.dep_ in ("dobj", "nsubjpass", "attr", "dative"):
            found = actor_at(child, owner)
            if found is None and child.dep_ == "dobj":
                for prep in (
                    c for c in child.children if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS
                ):
                    node = next((c for c in prep.children if c.dep_ == "pobj"), child)
                    found = found or (actor_at(node, owner) if node is not child else None)
        elif child.dep_ == "prep" and child.lower_ in _TARGET_PREPS:
            node = next((c for c in child.children if c.dep_ == "pobj"), child)
            found = actor_at(node, owner) if node is not child else None
        if found is None:
            continue
        if roles.actor1 is not None and found.actor.id == roles.actor1.actor.id:
            continue
        if roles.actor2 is None:
            roles.actor2 = found
            roles.assoc2.extend(f for c in node.conjuncts if (f := actor_at(c, owner)) is not None)
        elif found.actor.id != roles.actor2.actor.id:
            roles.assoc2.append(found)


def _between(roles: _Roles, token: Token, owner: dict[int, ActorMention]) -> None:
    for child in token.children:
        if child.dep_ != "prep" or child.lower_ != "between":
            continue
        sides = [m for t in child.subtree if (m := owner.get(t.i)) is not None]
        distinct: list[ActorMention] = []
        for mention in sides:
            if all(m.actor.id != mention.actor.id for m in distinct):
                distinct.append(mention)
        if len(distinct) >= 2:
            roles.actor1, roles.actor2 = distinct[0], distinct[1]


def _from_order(roles: _Roles, candidate: EventCandidate, mentions: list[ActorMention]) -> None:
    """Unparsed sentence: the last actor before the trigger acts, the first after it is acted on."""
    before = [m for m in mentions if m.span.end <= candidate.trigger.start and m.actor.inter != 7]
    after = [m for m in mentions if m.span.start >= candidate.trigger.end]
    if before:
        roles.actor1 = before[-1]
    if after:
        roles.actor2 = after[0]


def _backing(roles: _Roles, context: ActorContext, mentions: list[ActorMention]) -> None:
    if roles.actor1 is None:
        return
    by_span = {(m.span.start, m.span.end): m for m in mentions}
    for backer, backed in context.backing:
        mention = by_span.get((backer.start, backer.end))
        backed_mention = by_span.get((backed.start, backed.end))
        if (
            mention is not None
            and backed_mention is not None
            and backed_mention.actor.id == roles.actor1.actor.id
        ):
            roles.assoc1.append(mention)
