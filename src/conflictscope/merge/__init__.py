"""Merging the reports of one real event across articles (docs/merge.md).

Pure functions over typed records, no I/O: :func:`mention_of` makes a mention of an article's
event, :func:`cluster` and :func:`add` group mentions into events (order-independent and
incremental), :func:`canonical` chooses each event's fields by source agreement and precision.
"""

from conflictscope.merge.canonical import CanonicalEvent, Chosen, canonical
from conflictscope.merge.cluster import Clustering, add, cluster
from conflictscope.merge.compare import DEFAULT_RULES, Rules, linked, may_match, pair_score
from conflictscope.merge.mention import Mention, mention_of

__all__ = [
    "DEFAULT_RULES",
    "CanonicalEvent",
    "Chosen",
    "Clustering",
    "Mention",
    "Rules",
    "add",
    "canonical",
    "cluster",
    "linked",
    "may_match",
    "mention_of",
    "pair_score",
]
