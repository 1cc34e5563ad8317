"""Small metric helpers shared by every evaluation task."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1 from true positives, false positives, false negatives."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 0 when there is no gold item."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """JSON-ready figures."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def prf_from_pairs(gold: Sequence[str], predicted: Sequence[str], label: str) -> PRF:
    """One class's counts from aligned gold and predicted labels."""
    tp = fp = fn = 0
    for g, p in zip(gold, predicted, strict=True):
        if p == label and g == label:
            tp += 1
        elif p == label:
            fp += 1
        elif g == label:
            fn += 1
    return PRF(tp, fp, fn)


def confusion_matrix(
    gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]
) -> list[list[int]]:
    """``matrix[i][j]``: items whose gold label is ``labels[i]`` and prediction ``labels[j]``.

    Labels not in ``labels`` are not counted.
    """
    index = {label: i for i, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, predicted, strict=True):
        if g in index and p in index:
            matrix[index[g]][index[p]] += 1
    return matrix


def classification_report(
    gold: Sequence[str],
    predicted: Sequence[str],
    *,
    negative: str | None = None,
) -> dict[str, Any]:
    """Per-class P/R/F1, macro and weighted F1, accuracy and the confusion matrix.

    ``negative`` names a "nothing" label (e.g. ``"no event"``): it gets its own row
    in ``per_class`` and in the confusion matrix but is left out of the macro and
    weighted averages, as scikit-learn does with ``labels=`` set to the positive
    classes. Macro F1 is the plain mean of the F1 of the positive classes that
    occur in the gold labels; weighted F1 weighs each by its gold support.
    """
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    labels = sorted(set(gold) | set(predicted), key=lambda x: (x == negative, x))
    per_class: dict[str, dict[str, float | int]] = {}
    for label in labels:
        counts = prf_from_pairs(gold, predicted, label)
        per_class[label] = {**counts.as_dict(), "support": counts.tp + counts.fn}
    in_gold = set(gold)
    averaged = [label for label in labels if label != negative and label in in_gold]
    support = sum(int(per_class[label]["support"]) for label in averaged)
    f1s = {label: prf_from_pairs(gold, predicted, label).f1 for label in averaged}
    macro = sum(f1s.values()) / len(f1s) if f1s else 0.0
    weighted = (
        sum(f1s[label] * int(per_class[label]["support"]) for label in averaged) / support
        if support
        else 0.0
    )
    positives = [label for label in labels if label != negative]
    micro = _micro(gold, predicted, positives)
    correct = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p)
    return {
        "n": len(gold),
        "accuracy": round(correct / len(gold), 4) if gold else 0.0,
        "macro_f1": round(macro, 4),
        "weighted_f1": round(weighted, 4),
        "micro": micro.as_dict(),
        "per_class": per_class,
        "labels": labels,
        "confusion_matrix": confusion_matrix(gold, predicted, labels),
    }


def _micro(gold: Sequence[str], predicted: Sequence[str], positives: Sequence[str]) -> PRF:
    """Pooled counts over the positive classes."""
    tp = fp = fn = 0
    for label in positives:
        counts = prf_from_pairs(gold, predicted, label)
        tp, fp, fn = tp + counts.tp, fp + counts.fp, fn + counts.fn
    return PRF(tp, fp, fn)


def ratio(correct: int, total: int) -> float:
    """``correct / total`` rounded to 4 places; 0 when ``total`` is 0."""
    return round(correct / total, 4) if total else 0.0


def expected_calibration_error(confidences: Sequence[float], correct: Sequence[bool], bins: int = 10) -> float:
    """ECE: the bin-weighted gap between mean confidence and accuracy (equal-width bins)."""
    if not confidences:
        return 0.0
    total = 0.0
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        members = [
            i for i, c in enumerate(confidences) if low < c <= high or (b == 0 and c == 0.0)
        ]
        if members:
            gap = sum(confidences[i] for i in members) / len(members)
            gap -= sum(1 for i in members if correct[i]) / len(members)
            total += abs(gap) * len(members)
    return round(total / len(confidences), 4)
