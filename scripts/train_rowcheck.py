"""Train the report-context row model (stage ``rowcheck``) on our own annotated reports.

A build step, never run at run time. Every report of
``src/conflictscope/data/reports/reports_*.jsonl`` (invented and annotated for this project
in the all-events gold format; ``scripts/check_report_gold.py`` checks them) is run through
the pipeline up to ``rank`` (without ``rowcheck`` and ``calibrate``). Each row is paired with
the report's gold events by the scorer of ``conflictscope evaluate events`` (its pairing rule:
docs/evaluation.md); a paired row is a real event (1), any other row (no event, a duplicate,
a wrong family) is not (0). Its features are :func:`conflictscope.pipeline.rowcheck.row_features`.

A logistic regression is fitted; its regularisation is chosen by cross-validation grouped by
file (each style of writing is held out in turn, so a style never scores itself) and the
threshold is the one of the held-out predictions that keeps at least ``--keep`` of the real
rows while dropping the most false ones (the default, "precision" mode), and a looser one keeps
``--recall-keep`` of them (the "recall" mode). The figures printed are those of the held-out folds.
The model (non-zero weights as JSON, the threshold, the data's hash and the figures) goes to
``src/conflictscope/data/reports/rowcheck.json``.

    .venv/bin/python scripts/train_rowcheck.py [--keep 0.97] [--recall-keep 0.995]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

DATA = ROOT / "src" / "conflictscope" / "data" / "reports"
OUT = DATA / "rowcheck.json"


def data_hash(folder: Path = DATA) -> str:
    """sha256 of the training files (names and contents)."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("reports_*.jsonl")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def labelled_rows(folder: Path = DATA) -> list[tuple[str, int, list[str]]]:
    """(file name, label, features) of every row the pipeline gives on the training reports."""
    from conflictscope.evaluation.events import pair_rows, read_events_gold
    from conflictscope.pipeline.core import Pipeline
    from conflictscope.pipeline.registry import DEFAULT_STAGES
    from conflictscope.pipeline.rowcheck import is_report, report_rows, sentence_eventness
    from conflictscope.resources import default_resources

    stages = [s for s in DEFAULT_STAGES if s not in ("rowcheck", "calibrate")]
    pipeline = Pipeline(stages)
    rows: list[tuple[str, int, list[str]]] = []
    eventness = sentence_eventness(default_resources())
    for path in sorted(folder.glob("reports_*.jsonl")):
        _, reports = read_events_gold(path)
        for report, analyzed in zip(reports, pipeline.run_many([r.article() for r in reports]), strict=True):
            if not is_report(analyzed):
                continue
            featured = report_rows(analyzed, eventness)
            pairing = pair_rows(report, [event for event, _ in featured])
            rows += [(path.name, int(i in pairing.pairs), names) for i, (_, names) in enumerate(featured)]
    return rows


def _matrix(rows: list[tuple[str, int, list[str]]], vocabulary: list[str]) -> np.ndarray:
    index = {name: i for i, name in enumerate(vocabulary)}
    x = np.zeros((len(rows), len(vocabulary)))
    for r, (_, _, names) in enumerate(rows):
        for name in names:
            if name in index:
                x[r, index[name]] = 1.0
    return x


def _threshold(probabilities: np.ndarray, labels: np.ndarray, keep: float) -> float:
    """The highest threshold that keeps at least ``keep`` of the real rows."""
    real = np.sort(probabilities[labels == 1])
    if not len(real):
        return 0.5
    return float(real[int(np.floor((1 - keep) * len(real)))])


def _figures(probabilities: np.ndarray, labels: np.ndarray, threshold: float) -> dict[str, float]:
    kept = probabilities >= threshold
    real = labels == 1
    return {
        "rows": int(len(labels)),
        "precision_before": round(float(real.mean()), 4),
        "precision_after": round(float(real[kept].mean()) if kept.any() else 0.0, 4),
        "real_rows_kept": round(float(kept[real].mean()) if real.any() else 0.0, 4),
        "false_rows_dropped": round(float((~kept[~real]).mean()) if (~real).any() else 0.0, 4),
    }


def main(argv: list[str] | None = None) -> int:
    """Train, cross-validate, write the model."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=float, default=0.97, help="share of real rows the threshold keeps")
    parser.add_argument("--recall-keep", type=float, default=0.995,
                        help="share of real rows the looser threshold of the 'recall' mode keeps")
    parser.add_argument("--data", type=Path, default=DATA, help="folder of reports_*.jsonl")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)

    rows = labelled_rows(args.data)
    counts = Counter(f for f, _, _ in rows)
    print(f"{len(rows)} rows, {sum(label for _, label, _ in rows)} real; by file: {dict(counts)}")
    vocabulary = sorted({name for _, _, names in rows for name in names})
    x = _matrix(rows, vocabulary)
    y = np.array([label for _, label, _ in rows])
    files = np.array([f for f, _, _ in rows])

    best: tuple[float, float, np.ndarray] | None = None
    for c in (0.03, 0.1, 0.3, 1.0, 3.0):
        held = np.zeros(len(y))
        for name in sorted(counts):
            test = files == name
            model = LogisticRegression(C=c, max_iter=2000).fit(x[~test], y[~test])
            held[test] = model.predict_proba(x[test])[:, 1]
        auc = float(roc_auc_score(y, held))
        print(f"C={c}: held-out AUC {auc:.4f}")
        if best is None or auc > best[1]:
            best = (c, auc, held)
    assert best is not None
    c, auc, held = best
    threshold = _threshold(held, y, args.keep)
    loose = _threshold(held, y, args.recall_keep)
    figures = {"auc": round(auc, 4), "C": c, **_figures(held, y, threshold)}
    per_file = {name: _figures(held[files == name], y[files == name], threshold) for name in sorted(counts)}
    print(json.dumps({"held_out": figures, "per_file": per_file,
                      "recall_mode": {"keep": args.recall_keep, **_figures(held, y, loose)}}, indent=1))

    model = LogisticRegression(C=c, max_iter=2000).fit(x, y)
    weights = {name: round(float(w), 5) for name, w in zip(vocabulary, model.coef_[0], strict=True)
               if abs(w) > 1e-6}
    out = {
        "weights": weights, "intercept": round(float(model.intercept_[0]), 5),
        "threshold": round(threshold, 4),
        "meta": {"data_sha256": data_hash(args.data), "trained_on": sorted(counts), "keep": args.keep,
                 "thresholds": {"precision": round(threshold, 4), "recall": round(loose, 4)},
                 "recall_keep": args.recall_keep,
                 "held_out": figures, "per_file": per_file},
    }
    args.out.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
