"""Find actor phrases in one sentence: longest dictionary match over word tokens.

The matcher is spaCy-free and cheap (dictionary lookups of token-key tuples,
tens of microseconds per sentence). It knows three kinds of phrase:

* dictionary phrases (named groups, state-force aliases, generic actors, words
  that refer back to the report's main actor), with case rules so the acronym
  "IS" never matches the verb "is";
* state-force phrases built from a country name or demonym, optional modifiers
  and a force noun ("Syrian government forces", "Syria's army", "Iraqi police");
* "<country>-backed X": the country's forces back the next actor.
"""

from __future__ import annotations

from dataclasses import dataclass

from conflictscope.actors.dictionary import ActorDictionary, Phrase
from conflictscope.actors.text import Token, case_ok, tokenize

#: Words that, right after a named actor, belong to its mention ("IS militants").
EXTEND = frozenset(
    [
        "fighters",
        "militants",
        "militia",
        "militias",
        "militiamen",
        "insurgents",
        "rebels",
        "jihadists",
        "gunmen",
        "forces",
        "troops",
        "soldiers",
        "members",
        "group",
        "units",
        "commanders",
        "loyalists",
        "guerrillas",
        "terrorists",
        "extremists",
        "elements",
        "cells",
        "operatives",
        "combatants",
        "police",
        "policemen",
        "officers",
    ]
)
#: "<actor>-backed": the actor backs the next one.
BACKING = frozenset({"backed", "supported", "sponsored", "funded", "armed", "trained", "allied"})
#: Modifiers that let a weak head ("fighters") make a state force.
_GOVERNMENT = frozenset({"government", "regime", "pro", "loyalist", "junta", "army", "military"})
_PRIORITY = {"group": 0, "state": 0, "police": 0, "generic": 1, "state_generic": 2, "ref": 3}
_NOT_COUNTRY_AFTER = frozenset(("State", "state", "Delta", "River", "Street", "Avenue", "County"))
#: Force nouns that are often adjectives ("military warehouse", "police spokesman").
_NOUN_ADJECTIVES = frozenset(("military", "army", "police"))
_LOCATIVE = frozenset(("in", "inside", "across", "throughout", "within", "near", "into"))
_JOINERS = frozenset(" -\u2010\u2011\u2013'’")


@dataclass(frozen=True, slots=True)
class RawMatch:
    """An actor phrase in a sentence (offsets relative to the sentence)."""

    start: int
    end: int
    kind: str  # group | state | police | generic | state_generic | ref
    targets: tuple[str, ...]  # group ids, ISO2 codes or a generic key
    country: str | None = None  # ISO2 named in the phrase ("Syrian civilians")
    backer: bool = False  # "<X>-backed ...": X backs the next actor
    acronym: bool = False  # matched only as a short acronym ("CNA"): needs support


@dataclass(frozen=True, slots=True)
class CountryRef:
    """A country name or demonym that is not part of an actor phrase."""

    start: int
    end: int
    iso2: str
    form: str
    locative: bool = False  # "in Syria": where things happen, not who acts


def _joined(text: str, left: Token, right: Token) -> bool:
    return all(ch in _JOINERS for ch in text[left.end : right.start])


def _dictionary_at(
    dictionary: ActorDictionary, tokens: list[Token], i: int, text: str
) -> tuple[int, list[Phrase]]:
    for length in dictionary.lengths.get(tokens[i].key, ()):
        if i + length > len(tokens):
            continue
        window = tokens[i : i + length]
        bucket = dictionary.lookup(tuple(t.key for t in window))
        valid = [p for p in bucket if case_ok(p.case, p.surface, window)]
        if valid and all(_joined(text, left, right) for left, right in zip(window, window[1:], strict=False)):
            # (only a phrase that reads as one: "NAIROBI, Kenya — Police in Ethiopia" is no "Kenya Police")
            best = min(_PRIORITY[p.kind] for p in valid)
            return length, [p for p in valid if _PRIORITY[p.kind] == best]
    return 0, []


def _head_at(dictionary: ActorDictionary, tokens: list[Token], k: int) -> tuple[int, str, bool]:
    """Longest state-force noun at token ``k``: (length, military|police, weak)."""
    for length in range(min(3, len(tokens) - k), 0, -1):
        key = tuple(t.key for t in tokens[k : k + length])
        kind = dictionary.state_heads.get(key)
        if kind:
            return length, kind, False
        if key in dictionary.weak_heads:
            return length, "military", True
    return 0, "", False


def _state_phrase(
    dictionary: ActorDictionary, text: str, tokens: list[Token], j: int
) -> tuple[int, str] | None:
    """After a country phrase ending before token ``j``: (end token, kind) of a force noun."""
    k, seen = j, set[str]()
    if k < len(tokens) and tokens[k].key == "s":
        k += 1
    for _ in range(5):
        if k >= len(tokens) or (k > 0 and not _joined(text, tokens[k - 1], tokens[k])):
            return None
        length, kind, weak = _head_at(dictionary, tokens, k)
        if length and (not weak or seen & _GOVERNMENT):
            end = k + length
            lone = tokens[end - 1].key in _NOUN_ADJECTIVES and length == 1
            if lone and end < len(tokens) and tokens[end].key in dictionary.adjective_followers:
                return None
            return end, kind
        if tokens[k].key in dictionary.modifiers:
            seen.add(tokens[k].key)
            k += 1
            continue
        return None
    return None


def _locative(text: str, tokens: list[Token], i: int) -> bool:
    """ "in Syria", "across the Sahel", "Idlib, Syria": the country says where, not who."""
    if i == 0:
        return False
    before = tokens[i - 1]
    if before.key in _LOCATIVE:
        return True
    if before.key == "the" and i > 1 and tokens[i - 2].key in _LOCATIVE:
        return True
    return "," in text[before.end : tokens[i].start] and before.text[:1].isupper()


def _short_acronym(phrase: Phrase) -> bool:
    """An all-capitals alias of at most three letters ("IS", "CNA", "M23")."""
    return all(rule == 2 for rule in phrase.case) and sum(len(t) for t in phrase.surface) <= 3


def _not_the_country(tokens: list[Token], i: int, end: int) -> bool:
    """ "New Jersey", "New Mexico", "Niger State", "Niger Delta": a country word naming something else."""
    if i > 0 and tokens[i - 1].text == "New":
        return True
    return end < len(tokens) and tokens[end].text in _NOT_COUNTRY_AFTER


def _extend(text: str, tokens: list[Token], end: int) -> int:
    while (
        end < len(tokens)
        and tokens[end].key in EXTEND
        and _joined(text, tokens[end - 1], tokens[end])
    ):
        end += 1
    return end


def _is_backing(text: str, tokens: list[Token], end: int) -> bool:
    return (
        end < len(tokens)
        and tokens[end].key in BACKING
        and "-" in text[tokens[end - 1].end : tokens[end].start]
    )


def match_sentence(
    dictionary: ActorDictionary, text: str
) -> tuple[list[RawMatch], list[CountryRef]]:
    """All actor phrases and free country references of one sentence, left to right."""
    tokens = tokenize(text)
    matches: list[RawMatch] = []
    refs: list[CountryRef] = []
    countries = dictionary.countries
    i, last_country = 0, (-1, "")
    letters = [c for c in text if c.isalpha()]
    shouting = len(letters) > 12 and sum(c.isupper() for c in letters) > 0.6 * len(letters)
    while i < len(tokens):
        c_len, c_phrase = countries.match_at(tokens, i) or (0, None)
        d_len, phrases = _dictionary_at(dictionary, tokens, i, text)
        if c_phrase is not None and c_len >= d_len:
            if _not_the_country(tokens, i, i + c_len):
                i += c_len
                continue
            state = _state_phrase(dictionary, text, tokens, i + c_len)
            if state is not None:
                end, kind = state
                end = _extend(text, tokens, end)
                backer = _is_backing(text, tokens, end)
                matches.append(
                    RawMatch(
                        tokens[i].start,
                        tokens[end - 1].end,
                        "state" if kind == "military" else "police",
                        (c_phrase.iso2,),
                        c_phrase.iso2,
                        backer,
                    )
                )
                i = end + (1 if backer else 0)
                continue
            if _is_backing(text, tokens, i + c_len):
                matches.append(
                    RawMatch(
                        tokens[i].start,
                        tokens[i + c_len - 1].end,
                        "state",
                        (c_phrase.iso2,),
                        c_phrase.iso2,
                        True,
                    )
                )
                i += c_len + 1
                continue
            locative = _locative(text, tokens, i)
            refs.append(
                CountryRef(
                    tokens[i].start,
                    tokens[i + c_len - 1].end,
                    c_phrase.iso2,
                    c_phrase.form,
                    locative,
                )
            )
            last_country = (i + c_len, c_phrase.iso2)
            i += c_len
            continue
        if not phrases:
            i += 1
            continue
        end = i + d_len
        kind = phrases[0].kind
        if (
            kind == "state_generic"
            and tokens[end - 1].key in _NOUN_ADJECTIVES
            and (end < len(tokens) and tokens[end].key in dictionary.adjective_followers)
        ):
            i = end
            continue
        if kind in ("group", "state", "police"):
            end = _extend(text, tokens, end)
        hint = last_country[1] if last_country[0] == i and kind == "generic" else None
        begin = tokens[i].start
        if hint is not None and refs:  # "Sudanese civilians": the demonym joins the mention
            begin = refs.pop().start
        mixed = len({p.kind for p in phrases}) > 1
        targets = tuple(
            dict.fromkeys(
                f"@{p.kind}:{p.target}" if mixed and p.kind != kind else p.target for p in phrases
            )
        )
        backer = _is_backing(text, tokens, end)
        # "IS fighters": an acronym with a force noun after it is a group's name, not a bare acronym
        acronym = kind == "group" and end == i + d_len and all(_short_acronym(p) for p in phrases)
        if acronym and shouting:
            i = end
            continue
        matches.append(RawMatch(begin, tokens[end - 1].end, kind, targets, hint, backer, acronym))
        i = end + (1 if backer else 0)
    return matches, refs
