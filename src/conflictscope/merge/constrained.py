"""Constrained agglomeration: clusters of linked mentions that never join two events of one report.

Single link (every connected set of linked mentions is one event) lets a chain of links through
other reports' mentions pull two events one report keeps apart into one cluster: report A tells
a town's takeover and, separately, a clash days before; report B's takeover links to A's
takeover and, through shared words, to A's clash. This module clusters under *cannot-link*
constraints instead:

1. **Analyst merges** (must-links) are applied first, in sorted order; each joins its two
   clusters unless an analyst split (an analyst cannot-link) forbids it. A must-link may put two
   events of one report together: the analyst decided so.
2. **Links** are then applied in one total order: descending score, ties by the two mention ids.
   A link joins its two clusters unless they hold mentions of one article (the article's own
   coreference kept its events apart) or an analyst cannot-link pair.

The result depends only on the set of links and constraints, never on the order in which
mentions arrived, so it is **order-independent**. It is **incremental** because unions only
follow links: the clusters of one connected component of the link graph (links and must-links)
depend on that component alone. Adding a mention merges the components it links to and
re-runs this function on that one component; the rest of the store is not looked at, and the
outcome equals clustering everything at once.

A cluster is named by its smallest mention id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Link:
    """A scored link between two mentions (``a < b``)."""

    a: str
    b: str
    score: float

    @staticmethod
    def of(x: str, y: str, score: float) -> Link:
        """The link between ``x`` and ``y`` with its ids in order."""
        return Link(x, y, score) if x < y else Link(y, x, score)


def _pair(x: str, y: str) -> tuple[str, str]:
    return (x, y) if x < y else (y, x)


class _Sets:
    """Union-find over mention ids, with each root's members and articles."""

    def __init__(self, article_of: Mapping[str, str]) -> None:
        self.parent = {m: m for m in article_of}
        self.members: dict[str, set[str]] = {m: {m} for m in article_of}
        self.articles: dict[str, set[str]] = {m: {a} for m, a in article_of.items()}

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, x: str, y: str) -> None:
        big, small = (x, y) if len(self.members[x]) >= len(self.members[y]) else (y, x)
        self.parent[small] = big
        self.members[big] |= self.members.pop(small)
        self.articles[big] |= self.articles.pop(small)


def _forbidden(sets: _Sets, x: str, y: str, cannot: Mapping[str, frozenset[str]]) -> bool:
    """Whether an analyst cannot-link pair lies between the clusters rooted at x and y."""
    small, other = sorted((x, y), key=lambda r: len(sets.members[r]))
    members = sets.members[other]
    return any(not cannot.get(m, frozenset()).isdisjoint(members) for m in sets.members[small])


def constrained_clusters(
    article_of: Mapping[str, str],
    links: Iterable[Link],
    *,
    must: Iterable[tuple[str, str]] = (),
    cannot: Iterable[tuple[str, str]] = (),
) -> dict[str, str]:
    """The cluster (its smallest mention id) of each mention of ``article_of``.

    ``article_of`` maps every mention id to its article; ``links`` are the scored links between
    them, ``must`` analyst merges and ``cannot`` analyst splits (pairs of mention ids; pairs
    naming a mention not in ``article_of`` are ignored). Two mentions of one article end in one
    cluster only through a must-link.
    """
    sets = _Sets(article_of)
    forbidden: dict[str, set[str]] = {}
    for x, y in cannot:
        if x in article_of and y in article_of and x != y:
            forbidden.setdefault(x, set()).add(y)
            forbidden.setdefault(y, set()).add(x)
    frozen = {m: frozenset(s) for m, s in forbidden.items()}
    for x, y in sorted({_pair(x, y) for x, y in must if x in article_of and y in article_of}):
        rx, ry = sets.find(x), sets.find(y)
        if rx != ry and not _forbidden(sets, rx, ry, frozen):
            sets.union(rx, ry)
    ordered = sorted((link for link in links if link.a in article_of and link.b in article_of),
                     key=lambda link: (-link.score, link.a, link.b))
    for link in ordered:
        rx, ry = sets.find(link.a), sets.find(link.b)
        if rx == ry or not sets.articles[rx].isdisjoint(sets.articles[ry]):
            continue
        if frozen and _forbidden(sets, rx, ry, frozen):
            continue
        sets.union(rx, ry)
    names = {root: min(members) for root, members in sets.members.items()}
    return {m: names[sets.find(m)] for m in article_of}


def components(ids: Iterable[str], edges: Iterable[tuple[str, str]]) -> list[list[str]]:
    """The connected parts of the graph of ``ids`` and ``edges`` (edges to other ids ignored),
    each sorted, in the order of their smallest id."""
    parent = {m: m for m in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for x, y in edges:
        if x in parent and y in parent:
            rx, ry = find(x), find(y)
            if rx != ry:
                parent[max(rx, ry)] = min(rx, ry)
    groups: dict[str, list[str]] = {}
    for m in sorted(parent):
        groups.setdefault(find(m), []).append(m)
    return sorted(groups.values(), key=lambda g: g[0])
