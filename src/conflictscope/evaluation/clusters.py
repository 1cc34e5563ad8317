"""Scores of a clustering of items against gold clusters: B3 and pairwise precision, recall, F1.

Both take two maps from item to cluster label (predicted, gold) over the same items.
B3 (Bagga and Baldwin 1998) averages over items: an item's precision is the share of its
predicted cluster that shares its gold cluster, its recall the share of its gold cluster that
shares its predicted cluster. Pairwise scores count the pairs of items put together.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Hashable, Mapping

from conflictscope.evaluation.metrics import ratio
from conflictscope.merge.constrained import components as connected_parts


def _f1(precision: float, recall: float) -> float:
    return round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0


def b_cubed(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable],
            only: Collection[str] | None = None) -> dict[str, float]:
    """B3 precision, recall and F1, averaged over ``only`` (default: every item)."""
    items = sorted(gold) if only is None else sorted(set(only) & set(gold))
    if not items:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "items": 0}
    pairs = Counter((predicted[i], gold[i]) for i in gold)
    sizes_p = Counter(predicted[i] for i in gold)
    sizes_g = Counter(gold.values())
    p = sum(pairs[(predicted[i], gold[i])] / sizes_p[predicted[i]] for i in items) / len(items)
    r = sum(pairs[(predicted[i], gold[i])] / sizes_g[gold[i]] for i in items) / len(items)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": _f1(p, r), "items": len(items)}


def _pairs(sizes: Counter[Hashable]) -> int:
    return sum(n * (n - 1) // 2 for n in sizes.values())


def pairwise(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> dict[str, float]:
    """Precision, recall and F1 of the pairs of items put in one cluster."""
    together = _pairs(Counter((predicted[i], gold[i]) for i in gold))
    said = _pairs(Counter(predicted[i] for i in gold))
    true = _pairs(Counter(gold.values()))
    p, r = ratio(together, said), ratio(together, true)
    return {"precision": p, "recall": r, "f1": _f1(p, r), "predicted_pairs": said, "gold_pairs": true}


def components(items: Collection[str], edges: Collection[tuple[str, str]]) -> dict[str, str]:
    """The connected components of a graph: each item's component, named by its smallest item."""
    return {item: part[0] for part in connected_parts(items, edges) for item in part}
