"""The evaluation tasks by name, and the headline metrics of each result.

``geoparse`` and ``timex`` live in modules written separately; they are imported
only when asked for, and a clear error says so when they are not there yet.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import regex as re

from conflictscope.errors import EvaluationError

#: ``evaluate(gold_path, *, limit=None) -> dict``
Evaluator = Callable[..., dict[str, Any]]

#: The metrics smaller samples make too noisy to gate on.
MIN_SUPPORT = 20
_METRIC_KEY = re.compile(r"(precision|recall|f1|accuracy|acc|auc)", re.I)
#: Lower is better: error AUCs and errors; the `events` task's duplicate share, share of no-event
#: reports with rows and distance from one row per note.
_LOWER_IS_BETTER = re.compile(r"(auc|error|duplicate|with_rows|off_one)", re.I)


def _lazy(module: str, function: str, task: str) -> Evaluator:
    def run(gold_path: str | Path, *, limit: int | None = None) -> dict[str, Any]:
        try:
            loaded = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            raise EvaluationError(
                f"the {task!r} evaluation is not available yet ({module} is missing)"
            ) from None
        evaluate = getattr(loaded, function, None)
        if evaluate is None:
            raise EvaluationError(f"the {task!r} evaluation is not available yet "
                                  f"({module}.{function} is missing)")
        result = dict(evaluate(str(gold_path), limit=limit))
        result.setdefault("task", task)
        result.setdefault("gold", str(gold_path))
        return result

    return run


def _event_type(gold_path: str | Path, *, limit: int | None = None) -> dict[str, Any]:
    from conflictscope.evaluation.event_type import evaluate_event_type

    return evaluate_event_type(gold_path, limit=limit)


def _event(gold_path: str | Path, *, limit: int | None = None) -> dict[str, Any]:
    from conflictscope.evaluation.event import evaluate_event

    return evaluate_event(gold_path, limit=limit)


def _events(gold_path: str | Path, *, limit: int | None = None) -> dict[str, Any]:
    from conflictscope.evaluation.events import evaluate_events

    return evaluate_events(gold_path, limit=limit)


TASKS: dict[str, Evaluator] = {
    "event-type": _event_type,
    "geoparse": _lazy("conflictscope.evaluation.geoparse", "evaluate_geoparse", "geoparse"),
    "timex": _lazy("conflictscope.evaluation.timex", "evaluate_timex", "timex"),
    "event": _event,
    "events": _events,
}


def evaluate(task: str, gold_path: str | Path, *, limit: int | None = None) -> dict[str, Any]:
    """Run one task on one gold file."""
    if task not in TASKS:
        raise EvaluationError(f"unknown task {task!r} (expected one of {', '.join(TASKS)})")
    return TASKS[task](gold_path, limit=limit)


def headline(result: Mapping[str, Any]) -> dict[str, float]:
    """The metrics of a result that the regression gate watches, as ``name -> value``.

    A result may name its own (a ``headline`` dict); otherwise they are chosen by
    task, and for other tasks by key: every precision/recall/F1/accuracy/AUC leaf
    outside a sub-table whose ``n``/``support``/``gold`` count is under :data:`MIN_SUPPORT`.
    """
    if isinstance(result.get("headline"), Mapping):
        return {k: float(v) for k, v in result["headline"].items() if _is_number(v)}
    if result.get("task") == "event-type":
        keys = ("accuracy", "weighted_f1", "macro_f1", "no_event_precision", "no_event_recall",
                "acled_detected", "event_type_weighted_f1")
        found = {k: float(result[k]) for k in keys if _is_number(result.get(k))}
        if isinstance(result.get("micro"), Mapping):
            found["micro_f1"] = float(result["micro"]["f1"])
        return found
    if result.get("task") == "event" and result.get("format") == "expected":
        # a seed is small: each field of its must items is watched whatever its count (a place lost
        # by one event drops location from 1.0 to 0.8)
        found = {k: float(result[k]) for k in ("must_recall", "must_not_clean") if k in result}
        found.update({f"{name}_accuracy": float(entry["accuracy"])
                      for name, entry in result.get("fields", {}).items() if _is_number(entry.get("accuracy"))})
        return found
    if result.get("task") == "event":
        return {
            f"{name}_accuracy": float(entry["accuracy"])
            for name, entry in result.get("fields", {}).items()
            if entry.get("n", 0) >= MIN_SUPPORT
        }
    return _generic(result)


def _generic(tree: Mapping[str, Any], prefix: str = "") -> dict[str, float]:
    found: dict[str, float] = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            support = next((value[k] for k in ("n", "support", "gold", "count", "total")
                            if k in value), None)
            if isinstance(support, (int, float)) and support < MIN_SUPPORT:
                continue
            found.update(_generic(value, f"{name}."))
        elif _is_number(value) and _METRIC_KEY.search(str(key)):
            found[name] = float(value)
    return found


def lower_is_better(metric: str) -> bool:
    """Whether a smaller value of this metric is better (error AUCs, errors)."""
    return bool(_LOWER_IS_BETTER.search(metric.rsplit(".", 1)[-1]))


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
