"""Fit the confidence map (stage `calibrate`) on an all-events gold, cross-validated over its halves.

The pipeline runs without the ``calibrate`` stage on every report of the gold (a dev
file: only two numbers are fitted on it). Each row gets its raw confidence and whether
it pairs with a gold event of its sub-type (``conflictscope evaluate events``'s pairing).
A Platt map is fitted on each half and scored on the other (the figures printed are
those held-out halves'); the map written is fitted on both halves.

    .venv/bin/python scripts/calibrate_confidence.py --gold ../shared/data/dev/events_gold_dev.jsonl
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "conflictscope" / "data" / "eventness" / "calibration.json"


def rows_of(gold: str, half: int) -> list[tuple[float, bool]]:
    """(raw confidence, real event of its sub-type) of every row of one half."""
    from conflictscope.evaluation.event import pipeline_analyzer
    from conflictscope.evaluation.events import run_pairings, scored_rows
    from conflictscope.pipeline.core import Pipeline
    from conflictscope.pipeline.registry import DEFAULT_STAGES

    raw = Pipeline(tuple(s for s in DEFAULT_STAGES if s != "calibrate"))
    _, pairings = run_pairings(gold, half=half, analyzer=pipeline_analyzer(raw), progress=True)
    return scored_rows(pairings)


def _logit(values: np.ndarray) -> np.ndarray:
    clipped = np.clip(values, 1e-6, 1 - 1e-6)
    return np.log(clipped / (1 - clipped))


def fit(rows: list[tuple[float, bool]]) -> tuple[float, float]:
    """Platt scaling: (a, b) of a logistic regression of the label on the confidence's log-odds."""
    from sklearn.linear_model import LogisticRegression

    x = _logit(np.array([c for c, _ in rows])).reshape(-1, 1)
    y = np.array([int(ok) for _, ok in rows])
    model = LogisticRegression(C=1e6, max_iter=1000).fit(x, y)
    return float(model.coef_[0][0]), float(model.intercept_[0])


def ece(rows: list[tuple[float, bool]]) -> float:
    """Expected calibration error over the reliability table's bins (five of equal width)."""
    from conflictscope.evaluation.events import calibration_error

    return calibration_error(rows)


def mapped(rows: list[tuple[float, bool]], a: float, b: float) -> list[tuple[float, bool]]:
    """The rows with their confidences mapped by (a, b)."""
    return [(1 / (1 + math.exp(-(a * float(_logit(np.array([c]))[0]) + b))), ok) for c, ok in rows]


def auc(rows: list[tuple[float, bool]]) -> float | None:
    """How well the confidence ranks real rows above false ones (None with one class only)."""
    from sklearn.metrics import roc_auc_score

    labels = [int(ok) for _, ok in rows]
    return float(roc_auc_score(labels, [c for c, _ in rows])) if 0 < sum(labels) < len(labels) else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", required=True, help="An all-events gold (EVENTS_GOLD.md format).")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    halves = [rows_of(args.gold, 0), rows_of(args.gold, 1)]
    figures: dict[str, object] = {}
    for held in (0, 1):
        a, b = fit(halves[1 - held])
        before, after = ece(halves[held]), ece(mapped(halves[held], a, b))
        ranking = auc(halves[held])
        figures[f"half_{held}"] = {"rows": len(halves[held]), "fitted_on": f"half {1 - held}",
                                   "ece_raw": round(before, 4), "ece_calibrated": round(after, 4),
                                   "auc": None if ranking is None else round(ranking, 4)}
        print(f"half {held} ({len(halves[held])} rows), map fitted on half {1 - held}: "
              f"ECE {before:.4f} -> {after:.4f}, AUC {ranking}")
    a, b = fit(halves[0] + halves[1])
    payload = {"a": round(a, 5), "b": round(b, 5), "fitted_on": Path(args.gold).name + " (both halves)",
               "cross_validated": figures}
    args.out.write_text(json.dumps(payload, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: a={a:.4f} b={b:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
