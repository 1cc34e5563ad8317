"""Clustering mentions into events, under the constraint that one report's events stay apart.

Two mentions are linked when they pass the blocking and their pair score reaches the
threshold (:func:`conflictscope.merge.compare.linked`). The links depend on the two mentions
alone. The *components* are the connected parts of the link graph; inside each component,
:func:`conflictscope.merge.constrained.constrained_clusters` joins mentions along the links in
descending score order and refuses a join that would put two mentions of one article in one
cluster (a chain of links through other reports can no longer merge a report's distinct
events). So the clusters are the same whatever order the mentions come in, and adding
mentions to a clustering (:func:`add`) gives exactly the clustering of all of them at once
(:func:`cluster`): a new mention is compared only with the mentions its blocking window reaches
(an index by family and day), its links merge the components they reach, and only that
component is clustered again. A cluster is named by its smallest mention id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from types import MappingProxyType

from conflictscope.merge.compare import (
    DEFAULT_RULES,
    SAME_NEWS_DAYS,
    Rules,
    may_match,
    pair_score,
    window,
)
from conflictscope.merge.constrained import Link, components, constrained_clusters
from conflictscope.merge.mention import Mention

#: The index key of undated mentions (compared with every mention of their family).
_UNDATED = date.min


@dataclass(frozen=True, slots=True)
class Clustering:
    """Mentions and the clusters they form (build with :func:`cluster`, grow with :func:`add`)."""

    rules: Rules = DEFAULT_RULES
    mentions: Mapping[str, Mention] = field(default_factory=lambda: MappingProxyType({}))
    #: The cluster (its smallest mention id) of each mention.
    cluster_of: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    #: The mentions of each cluster, sorted.
    members: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    #: Mention ids by ("date", family, day of their window) (undated ones under ``date.min``) and
    #: by ("published", family, publication day).
    index: Mapping[tuple[str, str, date], tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    #: The links of each mention: linked mention id -> score.
    links: Mapping[str, Mapping[str, float]] = field(default_factory=lambda: MappingProxyType({}))
    #: The component (connected part of the link graph, named by its smallest id) of each mention.
    component_of: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def clusters(self) -> list[tuple[Mention, ...]]:
        """Every cluster's mentions, clusters in the order of their names."""
        return [tuple(self.mentions[m] for m in self.members[key]) for key in sorted(self.members)]

    def partition(self) -> frozenset[frozenset[str]]:
        """The clusters as sets of mention ids (for comparisons)."""
        return frozenset(frozenset(ids) for ids in self.members.values())


def _keys(mention: Mention) -> list[tuple[str, str, date]]:
    """The index keys a mention is filed under: each day of its date window, and its
    publication day."""
    span = window(mention)
    days = [span[0] + timedelta(days=n) for n in range((span[1] - span[0]).days + 1)] if span else [_UNDATED]
    keys = [("date", mention.family, day) for day in days]
    if mention.published is not None:
        keys.append(("published", mention.family, mention.published))
    return keys


def _lookups(mention: Mention) -> list[tuple[str, str, date]]:
    """The index keys of every mention the blocking may pair with ``mention``."""
    keys = [key for key in _keys(mention) if key[0] == "date"]
    keys.append(("date", mention.family, _UNDATED))
    if mention.published is not None:
        keys.extend(("published", mention.family, mention.published + timedelta(days=n))
                    for n in range(-SAME_NEWS_DAYS, SAME_NEWS_DAYS + 1))
    return keys


def add(clustering: Clustering, new: Iterable[Mention]) -> Clustering:
    """``clustering`` with the mentions ``new`` added (a mention already there is left as it is).

    Each new mention is scored against the mentions its blocking may pair it with (found by
    the index: the days of its date window, undated mentions, and articles published within
    a few days); its links merge the components they reach, and each merged component is
    clustered again under the cannot-link constraint.
    """
    rules = clustering.rules
    mentions = dict(clustering.mentions)
    cluster_of = dict(clustering.cluster_of)
    index = {key: list(ids) for key, ids in clustering.index.items()}
    links = {key: dict(found) for key, found in clustering.links.items()}
    component_of = dict(clustering.component_of)
    touched: set[str] = set()
    for mention in sorted({m.mention_id: m for m in new}.values(), key=lambda m: m.mention_id):
        if mention.mention_id in mentions:
            continue
        if window(mention) is None:  # undated: every dated mention of its family may match
            lookups = [key for key in index if key[0] == "date" and key[1] == mention.family]
        else:
            lookups = _lookups(mention)
        nearby = sorted({other for key in lookups for other in index.get(key, ())})
        mentions[mention.mention_id] = mention
        own = links.setdefault(mention.mention_id, {})
        for other in nearby:
            known = mentions[other]
            if not may_match(mention, known):
                continue
            score = pair_score(mention, known, rules)
            if score >= rules.threshold:
                own[other] = score
                links.setdefault(other, {})[mention.mention_id] = score
        component_of[mention.mention_id] = mention.mention_id
        touched.add(mention.mention_id)
        for filed in _keys(mention):
            index.setdefault(filed, []).append(mention.mention_id)
    if touched:  # the components the new mentions reach, merged and clustered again
        reached = set(touched)
        frontier = list(touched)
        while frontier:
            current = frontier.pop()
            for other in links.get(current, {}):
                if other not in reached:
                    reached.add(other)
                    frontier.append(other)
        edges = [(x, y) for x in reached for y in links.get(x, {}) if x < y]
        for part in components(reached, edges):
            name = part[0]
            for member in part:
                component_of[member] = name
            found = [Link(x, y, links[x][y]) for x in part for y in links.get(x, {}) if x < y]
            chosen = constrained_clusters({m: mentions[m].article_id for m in part}, found)
            cluster_of.update(chosen)
    members: dict[str, list[str]] = {}
    for member, name in cluster_of.items():
        members.setdefault(name, []).append(member)
    return Clustering(
        rules=rules, mentions=MappingProxyType(mentions), cluster_of=MappingProxyType(cluster_of),
        members=MappingProxyType({k: tuple(sorted(v)) for k, v in members.items()}),
        index=MappingProxyType({k: tuple(v) for k, v in index.items()}),
        links=MappingProxyType({k: MappingProxyType(v) for k, v in links.items()}),
        component_of=MappingProxyType(component_of),
    )


def cluster(mentions: Iterable[Mention], rules: Rules = DEFAULT_RULES) -> Clustering:
    """The clustering of ``mentions`` (all at once)."""
    return add(Clustering(rules=rules), mentions)
