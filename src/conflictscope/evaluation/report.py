"""Markdown reports of evaluation results (what `evaluate --report` writes)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from conflictscope.evaluation.tasks import headline


def table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(_cell(value) for value in row) + " |" for row in rows)
    return lines


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value).replace("|", "/")


def render(result: Mapping[str, Any]) -> str:
    """A readable Markdown report of one result."""
    task = str(result.get("task", "?"))
    lines = [f"# conflictscope evaluate {task}", "", f"Gold: `{result.get('gold', '?')}`"]
    if "n" in result:
        lines.append(f"Items: {result['n']}")
    lines += ["", "## Headline", ""]
    lines += table(("metric", "value"), sorted(headline(result).items()))
    if task == "event-type":
        lines += _event_type(result)
    elif task == "event":
        lines += _event(result)
    elif task == "events":
        lines += _events(result)
    else:
        lines += ["", "## All figures", ""]
        lines += table(("figure", "value"), _leaves(result))
    return "\n".join(lines) + "\n"


def _event_type(result: Mapping[str, Any]) -> list[str]:
    lines = ["", "## Per class", ""]
    rows = [
        (label, m["support"], m["tp"], m["fp"], m["fn"], m["precision"], m["recall"], m["f1"])
        for label, m in result["per_class"].items()
    ]
    lines += table(("class", "support", "tp", "fp", "fn", "P", "R", "F1"), rows)
    labels = result["labels"]
    short = [f"c{i}" for i in range(len(labels))]
    lines += ["", "## Confusion matrix (rows: gold, columns: predicted)", ""]
    lines += table(("gold \\ predicted", *short),
                   [(f"{s} {label}", *row) for s, label, row in
                    zip(short, labels, result["confusion_matrix"], strict=True)])
    return lines


def _event(result: Mapping[str, Any]) -> list[str]:
    lines = ["", "## Per field", ""]
    rows = [
        (name, entry["n"], entry["correct"], entry["accuracy"], entry.get("accuracy_when_found", ""))
        for name, entry in result.get("fields", {}).items()
    ]
    lines += table(("field", "n", "correct", "accuracy", "accuracy when an event was found"), rows)
    if result.get("format") == "expected":
        lines += ["", f"Must items found: {result['must_found']} of {result['must_total']}; "
                      f"must_not violations: {result['must_not_violations']}; "
                      f"events matching no item: {result['unexpected_events']}", ""]
        lines += table(("must item", "found", "matched event"),
                       [(i["what"], i["found"], i["event"] or "") for i in result["items"]])
        for entry in result.get("violations", []):
            lines.append(f"- violates: {entry['statement']} ({entry['event']})")
    return lines


def _events(result: Mapping[str, Any]) -> list[str]:
    unit = "notes" if result.get("format") == "acled-notes" else "reports"
    confident, empty = result["confident"], result["no_event_reports"]
    lines = ["", f"Half: {result.get('half', 'all')}; {unit}: {result['reports']}; gold events: "
                 f"{result['gold_events']} ({result['gold_current']} current, {result['gold_background']} "
                 f"background); rows: {result['rows']}", "", "## Rows", ""]
    lines += table(("figure", "value", "count"), [
        ("row precision", result["row_precision"], f"{result['paired_rows']} of {result['rows']} rows"),
        ("recall", result["recall"], f"of {result['gold_events']} gold events"),
        ("recall, current events", result["recall_current"], f"of {result['gold_current']}"),
        ("recall, background events", result["recall_background"], f"of {result['gold_background']}"),
        ("duplicate share", result["duplicate_share"], f"{result['duplicates']} rows"),
        ("fully right share", result["fully_right_share"], f"{result['fully_right']} rows"),
        (f"precision at confidence >= {confident['threshold']}", confident["precision"],
         f"{confident['paired']} of {confident['rows']} rows"),
        (f"no-event {unit} with rows", empty["with_rows_share"], f"{empty['with_rows']} of {empty['n']}"),
        (f"rows per {unit[:-1]}", result["rows_per_report"], ""),
    ])
    calibration = result.get("reliability")
    if calibration:
        lines += ["", f"## Reliability of the confidence (expected calibration error {calibration['ece']})", "",
                  "Share of rows that are a real event of their sub-type, by confidence.", ""]
        lines += table(("confidence", "rows", "mean confidence", "right share"),
                       [(b["bin"], b["rows"], b["mean_confidence"], b["right_share"]) for b in calibration["bins"]])
    lines += ["", "## Fields of matched events", ""]
    lines += table(("field", "n", "correct", "accuracy"),
                   [(name, e["n"], e["correct"], e["accuracy"]) for name, e in result["fields"].items()])
    lines += ["", "## Causes", ""]
    lines += table(("kind", "cause", "count"),
                   [("false row", cause, n) for cause, n in result["false_rows_by_cause"].items()]
                   + [("missed", cause, n) for cause, n in result["missed_by_cause"].items()])
    if result.get("by_source"):
        lines += ["", "## By source", ""]
        lines += table(("source", "reports", "rows", "row precision", "recall current", "no-event with rows"),
                       [(name, s["reports"], s["rows"], s["row_precision"], s["recall_current"],
                         f"{s['no_event_reports_with_rows']} of {s['no_event_reports']}")
                        for name, s in result["by_source"].items()])
    return lines


def _leaves(tree: Mapping[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    rows: list[tuple[str, Any]] = []
    for key, value in tree.items():
        if isinstance(value, Mapping):
            rows.extend(_leaves(value, f"{prefix}{key}."))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            rows.append((f"{prefix}{key}", value))
    return rows
