"""Tokens for dictionary matching: cheap, spaCy-free and offset-preserving.

Words are runs of letters and digits; an apostrophe inside a word is dropped
("Hay'at" -> "hayat") except a final possessive "'s", which becomes its own
token ("Syria's" -> "syria", "s"). Hyphens split words ("al-Shabaab" -> "al",
"shabaab"), so spelled variants with a space or a hyphen match alike.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex as re

_WORD = re.compile(r"[\p{L}\p{N}]+(?:['’ʼ`][\p{L}\p{N}]+)*")
_POSSESSIVE = re.compile(r"['’ʼ`][sS]$")
_APOSTROPHES = re.compile(r"['’ʼ`]")


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text: offsets, surface form and normalised key."""

    start: int
    end: int
    text: str
    key: str


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower-case, accent-free form of a word ("Côte" -> "cote")."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into word tokens with their character offsets."""
    tokens: list[Token] = []
    for match in _WORD.finditer(text):
        start, end = match.span()
        word = match.group(0)
        possessive = _POSSESSIVE.search(word)
        if possessive and possessive.start() > 0:
            stem = word[: possessive.start()]
            tokens.append(Token(start, start + len(stem), stem, fold(_APOSTROPHES.sub("", stem))))
            tokens.append(Token(end - 1, end, word[-1], "s"))
            continue
        tokens.append(Token(start, end, word, fold(_APOSTROPHES.sub("", word))))
    return tokens


def keys(phrase: str) -> tuple[str, ...]:
    """The token keys of a dictionary phrase."""
    return tuple(t.key for t in tokenize(phrase))


def case_pattern(phrase: str) -> tuple[int, ...]:
    """Per token of ``phrase``: 2 = exact case (acronym), 1 = capitalised, 0 = any case."""
    pattern: list[int] = []
    for token in tokenize(phrase):
        letters = [c for c in token.text if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            pattern.append(2)
        elif token.text[1:].isalpha() and any(c.isupper() for c in token.text[1:]):
            pattern.append(2)  # a mixed-case acronym ("LeT", "JeM"): never the word "Let"
        elif token.text[:1].isupper():
            pattern.append(1)
        else:
            pattern.append(0)
    return tuple(pattern)


def case_ok(pattern: tuple[int, ...], phrase_tokens: tuple[str, ...], found: list[Token]) -> bool:
    """Whether the text tokens ``found`` satisfy the phrase's case ``pattern``."""
    for rule, wanted, token in zip(pattern, phrase_tokens, found, strict=False):
        if rule == 2 and _strip(token.text) != wanted:
            return False
        if rule == 1 and not token.text[:1].isupper():
            return False
    return True


def _strip(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", _APOSTROPHES.sub("", word))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def gap(text: str, left: Token, right: Token) -> str:
    """The characters between two tokens ("-" in "Russian-backed")."""
    return text[left.end : right.start]
