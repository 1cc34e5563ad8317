"""Clustering mentions into events: the connected parts of the graph of linked pairs.

Two mentions are linked when they pass the blocking and their pair score reaches the
threshold (:func:`conflictscope.merge.compare.linked`); an event is a set of mentions joined by
links (single link). Because the links depend on the two mentions alone, the clusters are the
same whatever order the mentions come in, and adding mentions to a clustering
(:func:`add`) gives exactly the clustering of all of them at once (:func:`cluster`): a new
mention is compared only with the mentions its blocking window reaches (an index by family and
day), and joins, or joins together, the clusters it links to. A cluster is named by its
smallest mention id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from types import MappingProxyType

from conflictscope.merge.compare import DEFAULT_RULES, SAME_NEWS_DAYS, Rules, linked, window
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
    a few days), and joins the clusters it links to.
    """
    rules = clustering.rules
    mentions = dict(clustering.mentions)
    cluster_of = dict(clustering.cluster_of)
    members = {key: list(ids) for key, ids in clustering.members.items()}
    index = {key: list(ids) for key, ids in clustering.index.items()}
    for mention in sorted({m.mention_id: m for m in new}.values(), key=lambda m: m.mention_id):
        if mention.mention_id in mentions:
            continue
        if window(mention) is None:  # undated: every dated mention of its family may match
            lookups = [key for key in index if key[0] == "date" and key[1] == mention.family]
        else:
            lookups = _lookups(mention)
        nearby = sorted({other for key in lookups for other in index.get(key, ())})
        joined = {cluster_of[other] for other in nearby if linked(mention, mentions[other], rules)}
        mentions[mention.mention_id] = mention
        ids = [mention.mention_id]
        for joined_name in joined:
            ids.extend(members.pop(joined_name))
        name = min(ids)
        members[name] = sorted(ids)
        for member in ids:
            cluster_of[member] = name
        for filed in _keys(mention):
            index.setdefault(filed, []).append(mention.mention_id)
    return Clustering(
        rules=rules, mentions=MappingProxyType(mentions), cluster_of=MappingProxyType(cluster_of),
        members=MappingProxyType({k: tuple(v) for k, v in members.items()}),
        index=MappingProxyType({k: tuple(v) for k, v in index.items()}),
    )


def cluster(mentions: Iterable[Mention], rules: Rules = DEFAULT_RULES) -> Clustering:
    """The clustering of ``mentions`` (all at once)."""
    return add(Clustering(rules=rules), mentions)
