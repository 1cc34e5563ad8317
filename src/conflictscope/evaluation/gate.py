"""The regression gate: recompute the dev-set metrics and compare them with a baseline.

The baseline (``benchmarks/baseline.json``) holds, for each dev run, the
headline metrics (:func:`conflictscope.evaluation.tasks.headline`). The gate
fails when any metric is worse than its baseline by more than the tolerance
(1 point: 0.01 on a 0-1 scale), or when a baselined metric can no longer be
computed. New metrics and improvements never fail; ``update`` rewrites the
baseline with the current figures (commit it with the change that improved them).
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from conflictscope.errors import ConflictscopeError, EvaluationError
from conflictscope.evaluation.report import table
from conflictscope.evaluation.tasks import TASKS, Evaluator, headline, lower_is_better

#: Dev runs: name -> (task, gold file relative to the shared folder).
DEV_RUNS: dict[str, tuple[str, str]] = {
    "event-type": ("event-type", "data/dev/case2021_task2_dev.jsonl"),
    "geoparse": ("geoparse", "data/dev/geowebnews.jsonl"),
    "timex": ("timex", "data/dev/meantime_en.jsonl"),
    "event": ("event", "data/dev/hrdsattack_dev.jsonl"),
    "event-seed": ("event", "seeds/palmyra-2016-12-11.expected.json"),
    "events-gold": ("events", "data/dev/events_gold_dev.jsonl"),
    "events-benin": ("events", "data/dev/acled_benin_notes.jsonl"),
}
#: A drop larger than this many points fails the gate.
TOLERANCE_POINTS = 1.0
UPDATE_COMMAND = (
    "conflictscope evaluate gate --baseline benchmarks/baseline.json --shared ../shared --update"
)


@dataclass
class GateRow:
    """One metric's comparison."""

    metric: str
    baseline: float | None
    current: float | None
    status: str  # ok | improved | DROP | MISSING | new

    @property
    def delta_points(self) -> float | None:
        """Current minus baseline, in points (signed so that positive is better)."""
        if self.baseline is None or self.current is None:
            return None
        sign = -1.0 if lower_is_better(self.metric) else 1.0
        return round(sign * (self.current - self.baseline) * _scale(self.baseline, self.current), 2)


@dataclass
class GateResult:
    """The comparison of every metric, the failed runs and the timings."""

    rows: list[GateRow] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    metrics: dict[str, float] = field(default_factory=dict)
    results: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def failed(self) -> bool:
        """Whether any metric dropped or went missing."""
        return any(row.status in ("DROP", "MISSING") for row in self.rows)

    def report(self, *, hint: bool = True) -> str:
        """The gate's Markdown report (``hint``: say how to record improvements)."""
        verdict = "FAILED" if self.failed else "passed"
        lines = [f"# Regression gate: {verdict}", "",
                 f"Tolerance: a drop of more than {TOLERANCE_POINTS:g} point fails.", ""]
        rows = [(r.metric, _fmt(r.baseline), _fmt(r.current),
                 "" if r.delta_points is None else f"{r.delta_points:+.2f}", r.status)
                for r in self.rows]
        lines += table(("metric", "baseline", "current", "change (points)", "status"), rows)
        if self.errors:
            lines += ["", "Runs that could not be computed:"]
            lines += [f"- {name}: {message}" for name, message in self.errors.items()]
        lines += ["", "Seconds per run: " + ", ".join(f"{k} {v:.1f}" for k, v in self.seconds.items())]
        if hint and any(r.status == "improved" for r in self.rows):
            lines += ["", f"Some metrics improved: update the baseline with `{UPDATE_COMMAND}`."]
        return "\n".join(lines) + "\n"


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.4f}"


def _scale(*values: float) -> float:
    """Points per unit: 100 for 0-1 fractions, 1 for figures already in percent."""
    return 100.0 if all(abs(v) <= 1.0 for v in values) else 1.0


def load_baseline(path: str | Path) -> dict[str, float]:
    """The baseline's metrics (``run/metric -> value``); empty when the file is absent."""
    baseline = Path(path)
    if not baseline.exists():
        return {}
    try:
        data = json.loads(baseline.read_text(encoding="utf-8"))
        return {str(k): float(v) for k, v in data["metrics"].items()}
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise EvaluationError(f"{baseline}: not a baseline file ({exc})") from None


def compare(baseline: Mapping[str, float], current: Mapping[str, float],
            runs: Sequence[str] | None = None) -> list[GateRow]:
    """One row per metric in either set (only the given runs' metrics when ``runs`` is set)."""
    rows: list[GateRow] = []
    for metric in sorted(set(baseline) | set(current)):
        if runs is not None and metric.split("/", 1)[0] not in runs:
            continue
        old, new = baseline.get(metric), current.get(metric)
        if old is None:
            status = "new"
        elif new is None:
            status = "MISSING"
        else:
            row = GateRow(metric, old, new, "")
            delta = row.delta_points or 0.0
            status = "DROP" if delta < -TOLERANCE_POINTS else "improved" if delta > TOLERANCE_POINTS else "ok"
        rows.append(GateRow(metric, old, new, status))
    return rows


def run_gate(
    baseline_path: str | Path,
    shared: str | Path,
    *,
    only: Sequence[str] | None = None,
    limit: int | None = None,
    tasks: Mapping[str, Evaluator] = TASKS,
) -> GateResult:
    """Compute every dev run found under ``shared`` and compare with the baseline."""
    baseline = load_baseline(baseline_path)
    names = list(only) if only else list(DEV_RUNS)
    unknown = [n for n in names if n not in DEV_RUNS]
    if unknown:
        raise EvaluationError(f"unknown dev run(s): {', '.join(unknown)} (known: {', '.join(DEV_RUNS)})")
    outcome = GateResult()
    for name in names:
        task, relative = DEV_RUNS[name]
        started = time.perf_counter()
        try:
            result = tasks[task](Path(shared) / relative, limit=limit)
        except (ConflictscopeError, OSError) as exc:
            outcome.errors[name] = str(exc)
            continue
        except Exception as exc:  # a bug in one task must not hide the other runs
            outcome.errors[name] = f"{type(exc).__name__}: {exc}"
            continue
        finally:
            outcome.seconds[name] = time.perf_counter() - started
        outcome.results[name] = result
        outcome.metrics.update({f"{name}/{k}": v for k, v in headline(result).items()})
    outcome.rows = compare(baseline, outcome.metrics, names)
    return outcome


def write_baseline(path: str | Path, outcome: GateResult, *, keep: Mapping[str, float] | None = None) -> None:
    """Write the current metrics as the new baseline (runs not computed keep ``keep``'s figures)."""
    metrics = {k: v for k, v in (keep or {}).items() if k.split("/", 1)[0] not in outcome.results}
    metrics.update(outcome.metrics)
    document = {
        "about": "Headline dev-set metrics; the CI gate fails when one drops by more than "
                 f"{TOLERANCE_POINTS:g} point. Recompute with: {UPDATE_COMMAND}",
        "generated": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "tolerance_points": TOLERANCE_POINTS,
        "lower_is_better": sorted(k for k in metrics if lower_is_better(k)),
        "metrics": dict(sorted(metrics.items())),
    }
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
