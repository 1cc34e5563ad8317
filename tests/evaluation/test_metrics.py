"""Metric arithmetic on tiny gold sets whose answers were worked out by hand."""

from __future__ import annotations

import random

import pytest

from conflictscope.evaluation.metrics import PRF, classification_report, confusion_matrix

GOLD = ["A", "A", "A", "B", "B", "none", "none", "C"]
PRED = ["A", "A", "B", "B", "none", "none", "A", "none"]
# By hand: A tp2 fp1 fn1 -> P 2/3 R 2/3 F1 2/3; B tp1 fp1 fn1 -> 1/2 1/2 1/2;
# C tp0 fp0 fn1 -> 0; none tp1 fp2 fn1 -> P 1/3 R 1/2.
# macro over gold classes A, B, C = (2/3 + 1/2 + 0) / 3 = 0.3889
# weighted = (3 * 2/3 + 2 * 1/2 + 1 * 0) / 6 = 0.5
# micro over A, B, C: tp 3, fp 2, fn 3 -> P 0.6, R 0.5, F1 0.5455


def test_per_class_counts() -> None:
    report = classification_report(GOLD, PRED, negative="none")
    per = report["per_class"]
    assert (per["A"]["tp"], per["A"]["fp"], per["A"]["fn"]) == (2, 1, 1)
    assert per["A"]["f1"] == pytest.approx(0.6667, abs=1e-4)
    assert (per["B"]["precision"], per["B"]["recall"]) == (0.5, 0.5)
    assert per["C"] == {"tp": 0, "fp": 0, "fn": 1, "precision": 0.0, "recall": 0.0, "f1": 0.0,
                        "support": 1}
    assert per["none"]["precision"] == pytest.approx(0.3333, abs=1e-4)
    assert per["none"]["recall"] == 0.5


def test_averages() -> None:
    report = classification_report(GOLD, PRED, negative="none")
    assert report["macro_f1"] == pytest.approx(0.3889, abs=1e-4)
    assert report["weighted_f1"] == 0.5
    assert report["micro"]["precision"] == 0.6
    assert report["micro"]["recall"] == 0.5
    assert report["micro"]["f1"] == pytest.approx(0.5455, abs=1e-4)
    assert report["accuracy"] == 0.5  # 4 of 8


def test_confusion_matrix_rows_are_gold() -> None:
    report = classification_report(GOLD, PRED, negative="none")
    assert report["labels"] == ["A", "B", "C", "none"]  # the negative label last
    assert report["confusion_matrix"] == [
        [2, 1, 0, 0],
        [0, 1, 0, 1],
        [0, 0, 0, 1],
        [1, 0, 0, 1],
    ]
    assert sum(map(sum, report["confusion_matrix"])) == len(GOLD)


def test_confusion_matrix_ignores_unknown_labels() -> None:
    assert confusion_matrix(["x", "y"], ["x", "z"], ["x", "y"]) == [[1, 0], [0, 0]]


@pytest.mark.parametrize(
    ("tp", "fp", "fn", "p", "r", "f"),
    [(0, 0, 0, 0.0, 0.0, 0.0), (5, 0, 0, 1.0, 1.0, 1.0), (1, 3, 0, 0.25, 1.0, 0.4),
     (3, 1, 2, 0.75, 0.6, 0.6667)],
)
def test_prf(tp: int, fp: int, fn: int, p: float, r: float, f: float) -> None:
    counts = PRF(tp, fp, fn)
    assert counts.precision == pytest.approx(p)
    assert counts.recall == pytest.approx(r)
    assert counts.f1 == pytest.approx(f, abs=1e-4)


def test_length_mismatch_is_refused() -> None:
    with pytest.raises(ValueError):
        classification_report(["a"], [])


def test_agrees_with_scikit_learn_on_random_labels() -> None:
    """An independent recount: scikit-learn with the positive classes as ``labels``."""
    metrics = pytest.importorskip("sklearn.metrics")
    rng = random.Random(7)
    classes = ["a", "b", "c", "d", "none"]
    for _ in range(20):
        gold = [rng.choice(classes) for _ in range(40)]
        pred = [rng.choice(classes) for _ in range(40)]
        ours = classification_report(gold, pred, negative="none")
        positives = sorted({g for g in gold if g != "none"})
        for average, key in (("macro", "macro_f1"), ("weighted", "weighted_f1")):
            theirs = metrics.f1_score(gold, pred, labels=positives, average=average, zero_division=0)
            assert ours[key] == pytest.approx(theirs, abs=1e-4)
        matrix = metrics.confusion_matrix(gold, pred, labels=ours["labels"]).tolist()
        assert ours["confusion_matrix"] == matrix
