"""Cutting a parsed sentence into clauses, one per reported action.

A clause head is the root verb, a verb conjoined to a clause head ("destroyed
monuments and beheaded the director"), or a verb in a complement, adverbial or
relative clause. Every token belongs to its nearest clause-head ancestor.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_CLAUSE_DEPS = {"ROOT", "conj", "ccomp", "advcl", "relcl", "parataxis", "xcomp"}


@dataclass(frozen=True, slots=True)
class Clause:
    """A clause: its head verb and its tokens' character range and text."""

    head: Token
    token_ids: tuple[int, ...]
    text: str


def _heads(doc: Doc) -> list[int]:
    """Indices of clause-head tokens (read from arrays: token access is slow)."""
    heads = []
    for token in doc:
        dep = token.dep_
        if dep == "ROOT":
            heads.append(token.i)
        elif dep in _CLAUSE_DEPS and token.pos_ in ("VERB", "AUX"):
            if dep == "xcomp" and token.head.pos_ not in ("VERB", "AUX"):
                continue
            heads.append(token.i)
    return heads


def clauses_of(doc: Doc) -> list[Clause]:
    """The clauses of a sentence's doc, in text order (one clause when nothing splits)."""
    if not len(doc):
        return []
    heads = _heads(doc)
    if len(heads) <= 1:
        only = doc[heads[0]] if heads else doc[0]
        return [Clause(only, tuple(range(len(doc))), doc.text)]
    head_set = set(heads)
    parent = [t.head.i for t in doc]
    owner: dict[int, list[int]] = {i: [] for i in heads}
    for i in range(len(parent)):
        current = i
        for _ in range(64):
            if current in head_set or parent[current] == current:
                break
            current = parent[current]
        owner[current if current in head_set else heads[0]].append(i)
    words = [t.text for t in doc]
    clauses = []
    for head_index in heads:
        ids = owner[head_index]
        if ids:
            clauses.append(Clause(doc[head_index], tuple(ids), " ".join(words[i] for i in ids)))
    return clauses
