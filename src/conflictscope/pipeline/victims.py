"""One death told by the grammar of a parsed sentence: a single person as the one killed.

The rules of :mod:`conflictscope.pipeline.deathcount` read counts ("12 soldiers were killed") and a
few singular patterns; a single victim is often told in ways a pattern misses: "a Fulani man was
shot and killed", "unknown gunmen killed an economic operator at his home", "villagers hacked to
death a pastoralist", "the victim died". The dependency parse says who was killed whatever the
words between: the object of an active verb of killing, the subject of a passive one (or of
"died"), following a conjunction back to the verb that has it ("shot and killed"). When that
noun is one person (singular, no number above one, a noun of a person or a person's name), the
sentence tells one death.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from conflictscope.numbers import Count

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from conflictscope.pipeline.deathcount import Figure

#: Verbs whose object (or passive subject) is killed.
KILLING_VERBS = frozenset({"kill", "murder", "assassinate", "execute", "behead", "lynch", "slay", "slaughter",
                           "massacre", "strangle", "decapitate"})
#: Verbs that kill only with "to death" or "dead" ("hacked to death", "shot dead").
TO_DEATH_VERBS = frozenset({"hack", "stab", "beat", "burn", "stone", "shoot", "club", "bludgeon", "torture",
                            "gun"})
#: Nouns of people not shaped like agent nouns.
PERSON_NOUNS = frozenset({"man", "woman", "boy", "girl", "child", "baby", "victim", "person", "thief", "chief",
                          "youth", "teenager", "herder", "herdsman", "civilian", "soldier", "policeman", "guard",
                          "resident", "villager", "hostage", "suspect", "wife", "husband", "son", "daughter",
                          "father", "mother", "brother", "sister", "cousin", "uncle", "nephew", "elder",
                          "individual", "student", "pupil", "imam", "priest", "pastor", "monk", "nun",
                          "male", "female", "teen", "toddler", "juvenile", "adult", "kid", "relative", "friend",
                          "neighbor", "neighbour", "bystander", "pedestrian", "patient", "inmate", "deputy",
                          "trooper", "motorist", "grandmother", "grandfather", "grandson", "granddaughter",
                          "aunt", "niece", "girlfriend", "boyfriend", "stepfather", "stepson", "infant"})
#: Pronouns of one person ("he later died").
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
#: Verbs that tell a death with "dead" after their object: "found his wife dead", "pronounced one man dead".
FOUND_DEAD_VERBS = frozenset({"find", "pronounce"})
#: Endings of agent and demonym nouns ("pastoralist", "operator", "ranger", "Nigerian", "trainee").
PERSON_ENDINGS = ("ist", "er", "or", "ian", "man", "woman", "ant", "ent", "ee", "ier", "eer")
_DEATH_WORDS = ("death", "dead")


def single_deaths(doc: Doc) -> list[Figure]:
    """The single deaths the parse of one sentence tells (offsets relative to the sentence)."""
    from conflictscope.pipeline.deathcount import NONVIOLENT_CAUSE_AFTER, Figure

    found: list[Figure] = []
    for token in doc:
        if not _kills(token) or _negated_or_modal(token):
            continue
        victim = _victim(token)
        persons = _persons(victim) if victim is not None else 0
        if not persons or (token.lemma_.lower() == "die" and NONVIOLENT_CAUSE_AFTER.match(doc.text[token.idx + len(token.text):])):
            continue
        assert victim is not None
        last = max((t for t in victim.subtree if t.dep_ == "conj" or t is victim), key=lambda t: t.i)
        start = min(victim.idx, token.idx)
        dead = [c for c in token.children if c.lower_ == "dead"] if token.lemma_.lower() in FOUND_DEAD_VERBS else []
        end = max(last.idx + len(last.text), token.idx + len(token.text), *(d.idx + len(d.text) for d in dead))
        found.append(Figure(start, end, Count(persons, persons, persons, persons), token.idx, groups=persons))
    return found


#: Adverbs that make any verb of harm a killing ("was fatally shot", "fatally stabbed").
_FATAL_ADVERBS = frozenset({"fatally"})


def _kills(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB":
        return False
    if lemma in KILLING_VERBS or lemma == "die":
        return True
    if any(c.dep_ == "advmod" and c.lower_ in _FATAL_ADVERBS for c in token.children):
        return True  # "a woman was fatally shot": the harm killed
    if lemma in FOUND_DEAD_VERBS and any(c.lower_ == "dead" for c in token.children):
        return True  # "the victim was pronounced dead", "deputies found his wife and son dead"
    if lemma in TO_DEATH_VERBS:
        return any(t.lower_ in _DEATH_WORDS for t in token.subtree if t.i > token.i and t.i - token.i <= 4)
    return False


def _negated_or_modal(token: Token) -> bool:
    """"did not kill", "could kill", "threatened to kill": no death told."""
    chain = [token, token.head] if token.dep_ in ("conj", "xcomp") else [token]
    return any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") or (c.dep_ == "aux" and c.lower_ == "to")
               for t in chain for c in t.children)


def _victim(token: Token) -> Token | None:
    """Who ``token`` (a verb of killing or "died") kills."""
    wanted = ("nsubj",) if token.lemma_.lower() == "die" else ("dobj", "nsubjpass")
    if token.lemma_.lower() in FOUND_DEAD_VERBS:  # "found his wife dead": the subject of "dead"
        for dead in (c for c in token.children if c.lower_ == "dead"):
            subject = next((c for c in dead.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return subject
    found = [child for verb in ((token, token.head) if token.dep_ == "conj" else (token,))
             for child in verb.children
             if child.dep_ in wanted or (verb.i != token.i and child.dep_ == "nsubjpass")]
    # "SAN DIEGO — One San Diego police officer was shot": the person among the subjects
    return next((child for child in found if _persons(child)), found[0] if found else None)


def _persons(noun: Token) -> int:
    """How many people a victim noun and the nouns joined to it name ("his wife and their adopted
    son": 2), each a single person; 0 when any is not one."""
    count = 0
    current: Token | None = noun
    while current is not None:
        if not _one_person(current):
            return 0
        count += 1
        current = next((c for c in current.children if c.dep_ == "conj"), None)
    return count


def _one_person(noun: Token) -> bool:
    """A single person: a singular noun of a person, a person's name or a pronoun of one, with no
    number above one ("one man, 22")."""
    if noun.tag_ in ("NNS", "NNPS") or any(c.dep_ == "nummod" and c.lower_ not in ("one", "1") for c in noun.children):
        return False
    if noun.tag_ == "PRP":
        return noun.lower_ in PERSON_PRONOUNS
    if noun.ent_type_ == "PERSON":
        return True
    if noun.tag_ != "NN":
        return False
    lemma = noun.lemma_.lower()
    return lemma in PERSON_NOUNS or (len(lemma) > 4 and lemma.endswith(PERSON_ENDINGS))
