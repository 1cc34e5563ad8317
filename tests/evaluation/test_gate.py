"""The regression gate itself: it must fail when a metric drops by more than a point."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conflictscope.cli import main
from conflictscope.errors import EvaluationError
from conflictscope.evaluation.gate import compare, load_baseline, run_gate, write_baseline
from conflictscope.evaluation.tasks import TASKS, _lazy, headline


def fake_tasks(figures: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Evaluators returning fixed results per task (raising when none is given)."""

    def make(task: str):  # type: ignore[no-untyped-def]
        def run(gold_path: Path, *, limit: int | None = None) -> dict[str, Any]:
            if task not in figures:
                raise EvaluationError(f"{task} unavailable")
            return {"task": task, **figures[task]}

        return run

    return {task: make(task) for task in TASKS}


def baseline_file(tmp_path: Path, metrics: dict[str, float]) -> Path:
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"metrics": metrics}), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "status"),
    [(0.50, 0.50, "ok"), (0.50, 0.491, "ok"), (0.50, 0.489, "DROP"), (0.50, 0.40, "DROP"),
     (0.50, 0.52, "improved"), (50.0, 48.5, "DROP"), (50.0, 49.5, "ok")],
)
def test_compare_tolerance(old: float, new: float, status: str) -> None:
    [row] = compare({"event-type/weighted_f1": old}, {"event-type/weighted_f1": new})
    assert row.status == status


@pytest.mark.parametrize(("old", "new", "status"), [(0.20, 0.25, "DROP"), (0.20, 0.15, "improved")])
def test_lower_is_better_for_error_auc(old: float, new: float, status: str) -> None:
    [row] = compare({"geoparse/auc": old}, {"geoparse/auc": new})
    assert row.status == status


def test_gate_fails_on_a_drop_and_passes_otherwise(tmp_path: Path) -> None:
    baseline = baseline_file(tmp_path, {"event-type/weighted_f1": 0.60, "event-type/accuracy": 0.5})
    good = fake_tasks({"event-type": {"weighted_f1": 0.61, "accuracy": 0.5}})
    assert not run_gate(baseline, tmp_path, only=["event-type"], tasks=good).failed
    bad = fake_tasks({"event-type": {"weighted_f1": 0.58, "accuracy": 0.5}})
    outcome = run_gate(baseline, tmp_path, only=["event-type"], tasks=bad)
    assert outcome.failed
    assert [r.metric for r in outcome.rows if r.status == "DROP"] == ["event-type/weighted_f1"]
    assert "FAILED" in outcome.report()


def test_a_baselined_run_that_cannot_run_fails(tmp_path: Path) -> None:
    baseline = baseline_file(tmp_path, {"geoparse/resolution.accuracy_161km": 0.7})
    outcome = run_gate(baseline, tmp_path, only=["geoparse"], tasks=fake_tasks({}))
    assert outcome.failed
    assert outcome.rows[0].status == "MISSING"
    assert "geoparse unavailable" in outcome.report()


def test_a_run_not_in_the_baseline_is_reported_not_failed(tmp_path: Path) -> None:
    outcome = run_gate(tmp_path / "none.json", tmp_path, only=["timex"],
                       tasks=fake_tasks({"timex": {"strict": {"f1": 0.3, "n": 100}}}))
    assert not outcome.failed
    assert [(r.metric, r.status) for r in outcome.rows] == [("timex/strict.f1", "new")]


def test_unknown_run_is_refused(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="unknown dev run"):
        run_gate(tmp_path / "b.json", tmp_path, only=["nope"], tasks=fake_tasks({}))


def test_update_round_trip_keeps_runs_not_computed(tmp_path: Path) -> None:
    path = baseline_file(tmp_path, {"timex/strict.f1": 0.3, "event-type/accuracy": 0.1})
    outcome = run_gate(path, tmp_path, only=["event-type"],
                       tasks=fake_tasks({"event-type": {"accuracy": 0.4}}))
    write_baseline(path, outcome, keep=load_baseline(path))
    assert load_baseline(path) == {"timex/strict.f1": 0.3, "event-type/accuracy": 0.4}


def test_generic_headline_skips_small_tables_and_km() -> None:
    result = {"task": "geoparse", "recognition": {"precision": 0.5, "recall": 0.4, "f1": 0.44},
              "resolution": {"accuracy_161km": 0.6, "mean_error_km": 300.0, "auc": 0.3},
              "by_type": {"SET": {"n": 3, "accuracy": 0.0}, "DATE": {"n": 80, "accuracy": 0.7}},
              "value_accuracy": {"TIME": {"gold": 4, "correct": 1, "accuracy": 0.25}}}
    assert headline(result) == {
        "recognition.precision": 0.5, "recognition.recall": 0.4, "recognition.f1": 0.44,
        "resolution.accuracy_161km": 0.6, "resolution.auc": 0.3, "by_type.DATE.accuracy": 0.7,
    }


def test_lazy_task_names_the_missing_module() -> None:
    run = _lazy("conflictscope.evaluation.not_written_yet", "evaluate_x", "x")
    with pytest.raises(EvaluationError, match="not available yet"):
        run("gold.jsonl")


def write_snippets(folder: Path) -> None:
    dev = folder / "data" / "dev"
    dev.mkdir(parents=True)
    rows = [("1", "Heavy rain flooded the market town.", None, False),
            ("2", "The ministers met to discuss fishing quotas.", None, False)]
    with (dev / "case2021_task2_dev.jsonl").open("w", encoding="utf-8") as handle:
        for id_, text, sub, acled in rows:
            handle.write(json.dumps({"id": id_, "text": text, "acled_sub_event_type": sub,
                                     "is_acled_type": acled}) + "\n")


def test_cli_gate_exit_code_follows_the_comparison(tmp_path: Path) -> None:
    """End to end with the real pipeline: an impossible baseline fails, a zero one passes."""
    write_snippets(tmp_path)
    runner = CliRunner()
    # No ACLED snippet in the file: acled_detected is 0 whatever the pipeline reads.
    high = baseline_file(tmp_path, {"event-type/acled_detected": 1.0})
    args = ["evaluate", "gate", "--shared", str(tmp_path), "--only", "event-type"]
    failed = runner.invoke(main, [*args, "--baseline", str(high)])
    assert failed.exit_code == 1, failed.output
    assert "Regression gate: FAILED" in failed.output
    low = tmp_path / "low.json"
    low.write_text(json.dumps({"metrics": {"event-type/no_event_precision": 0.0}}), encoding="utf-8")
    passed = runner.invoke(main, [*args, "--baseline", str(low)])
    assert passed.exit_code == 0, passed.output
    updated = runner.invoke(main, [*args, "--baseline", str(low), "--update"])
    assert updated.exit_code == 0, updated.output
    assert "event-type/weighted_f1" in load_baseline(low)


def test_cli_evaluate_json_and_bad_file(tmp_path: Path) -> None:
    write_snippets(tmp_path)
    gold = tmp_path / "data" / "dev" / "case2021_task2_dev.jsonl"
    runner = CliRunner()
    report = tmp_path / "r.md"
    result = runner.invoke(main, ["evaluate", "event-type", "--gold", str(gold), "--json",
                                  "--report", str(report)])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.output)
    assert metrics["n"] == 2
    assert "## Confusion matrix" in report.read_text(encoding="utf-8")
    with gold.open("a", encoding="utf-8") as handle:
        handle.write("{broken\n")
    bad = runner.invoke(main, ["evaluate", "event-type", "--gold", str(gold)])
    assert bad.exit_code == 1
    assert f"{gold}:3: not valid JSON" in bad.output


def test_a_crashing_task_is_reported_and_the_others_still_run(tmp_path: Path) -> None:
    tasks = fake_tasks({"event-type": {"accuracy": 0.5}})

    def broken(gold_path: Path, *, limit: int | None = None) -> dict[str, Any]:
        raise KeyError("lat")

    tasks["timex"] = broken
    baseline = baseline_file(tmp_path, {"timex/span_strict.f1": 0.5, "event-type/accuracy": 0.5})
    outcome = run_gate(baseline, tmp_path, only=["timex", "event-type"], tasks=tasks)
    assert outcome.errors == {"timex": "KeyError: 'lat'"}
    assert {r.metric: r.status for r in outcome.rows} == {
        "timex/span_strict.f1": "MISSING", "event-type/accuracy": "ok"}
    assert outcome.failed


def test_a_seeds_field_accuracies_are_watched_whatever_their_count() -> None:
    # the seed's takeover placed at Aleppo dropped location 1.0 -> 0.8 and the gate did not see it
    result = {"task": "event", "format": "expected", "must_recall": 1.0, "must_not_clean": 1.0,
              "fields": {"location": {"n": 5, "correct": 4, "accuracy": 0.8}, "date": {"n": 5, "correct": 5,
                                                                                     "accuracy": 1.0}}}
    assert headline(result) == {"must_recall": 1.0, "must_not_clean": 1.0, "location_accuracy": 0.8,
                                "date_accuracy": 1.0}
