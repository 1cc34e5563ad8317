"""Task `event-type`: ACLED sub-event type of short snippets (CASE 2021 task 2 format).

Gold: JSON Lines of ``{id, text, label, acled_event_type, acled_sub_event_type,
is_acled_type}``. The gold label of a snippet is its ``acled_sub_event_type`` when
``is_acled_type`` is true, else ``"no event"`` (natural disasters, diplomacy,
organised crime... must yield no event).

Prediction: the sub-event type of the highest-confidence event the pipeline
returns for the snippet (background events included), or ``"no event"``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from conflictscope.evaluation.gold import is_bool, is_id, is_optional_str, is_text, read_jsonl
from conflictscope.evaluation.metrics import (
    classification_report,
    expected_calibration_error,
    ratio,
)
from conflictscope.models import Article, Event
from conflictscope.taxonomy import EVENT_TYPE_OF

if TYPE_CHECKING:
    from conflictscope.pipeline.core import Pipeline

NO_EVENT = "no event"

FIELDS = {
    "id": is_id,
    "text": is_text,
    "acled_sub_event_type": is_optional_str,
    "is_acled_type": is_bool,
}

#: Predicts one label per text.
#: Labels per text, or (label, confidence) pairs (then calibration is measured too).
Predictor = Callable[[Sequence[str]], "list[str] | list[tuple[str, float]]"]


def _valid_label(record: dict[str, Any]) -> str | None:
    sub = record.get("acled_sub_event_type")
    if record["is_acled_type"] and sub not in EVENT_TYPE_OF:
        return f"acled_sub_event_type {sub!r} is not an ACLED sub-event type"
    return None


def read_gold(path: str | Path, *, limit: int | None = None) -> list[tuple[str, str, str]]:
    """``(id, text, gold label)`` of each snippet, validated."""
    rows = read_jsonl(path, FIELDS, limit=limit, extra=_valid_label)
    return [
        (
            str(record["id"]),
            record["text"],
            record["acled_sub_event_type"] if record["is_acled_type"] else NO_EVENT,
        )
        for _, record in rows
    ]


def main_event(events: Sequence[Event]) -> Event | None:
    """The highest-confidence event (the first one on a tie), or None."""
    best: Event | None = None
    for event in events:
        if best is None or event.confidence > best.confidence:
            best = event
    return best


def pipeline_predictor(pipeline: Pipeline | None = None) -> Predictor:
    """A predictor running the conflictscope pipeline on each snippet."""

    def predict(texts: Sequence[str]) -> list[tuple[str, float]]:
        from conflictscope.pipeline.core import default_pipeline

        runner = pipeline or default_pipeline()
        articles = [Article.from_text(text, id=f"snippet-{i}") for i, text in enumerate(texts)]
        labels: list[tuple[str, float]] = []
        for analyzed in runner.run_many(articles):
            best = main_event(analyzed.events)
            labels.append((best.sub_event_type, best.confidence) if best else (NO_EVENT, 0.0))
        return labels

    return predict


def score(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    """Every event-type metric from aligned gold and predicted labels."""
    report = classification_report(gold, predicted, negative=NO_EVENT)
    no_event = report["per_class"].get(NO_EVENT, {"precision": 0.0, "recall": 0.0, "support": 0})
    coarse_gold = [EVENT_TYPE_OF.get(label, NO_EVENT) for label in gold]
    coarse_pred = [EVENT_TYPE_OF.get(label, NO_EVENT) for label in predicted]
    coarse = classification_report(coarse_gold, coarse_pred, negative=NO_EVENT)
    acled = [(g, p) for g, p in zip(gold, predicted, strict=True) if g != NO_EVENT]
    return {
        "task": "event-type",
        **report,
        "no_event_precision": no_event["precision"],
        "no_event_recall": no_event["recall"],
        "acled_detected": ratio(sum(1 for _, p in acled if p != NO_EVENT), len(acled)),
        "event_type_weighted_f1": coarse["weighted_f1"],
        "event_type_macro_f1": coarse["macro_f1"],
    }


def evaluate_event_type(
    gold_path: str | Path,
    *,
    limit: int | None = None,
    predictor: Predictor | None = None,
) -> dict[str, Any]:
    """Run the pipeline on the gold snippets and score its sub-event types."""
    rows = read_gold(gold_path, limit=limit)
    predict = predictor or pipeline_predictor()
    raw = predict([text for _, text, _ in rows])
    predicted = [p if isinstance(p, str) else p[0] for p in raw]
    gold = [label for _, _, label in rows]
    result = score(gold, predicted)
    scored: list[tuple[float, bool]] = [
        (float(p[1]), p[0] == g)
        for p, g in zip(raw, gold, strict=True)
        if not isinstance(p, str) and p[0] != NO_EVENT
    ]
    if scored:  # calibration of the confidence of the events given
        result["confidence_ece"] = expected_calibration_error([c for c, _ in scored], [ok for _, ok in scored])
        result["mean_confidence"] = round(sum(c for c, _ in scored) / len(scored), 4)
        result["accuracy_of_events_given"] = ratio(sum(1 for _, ok in scored if ok), len(scored))
    result["gold"] = str(gold_path)
    result["errors"] = [
        {"id": id_, "gold": label, "predicted": guess}
        for (id_, _, label), guess in zip(rows, predicted, strict=True)
        if label != guess
    ][:50]
    return result
