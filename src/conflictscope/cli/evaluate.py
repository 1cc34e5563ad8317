"""CLI: `conflictscope evaluate TASK --gold FILE` and the regression gate."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from conflictscope.cli.common import friendly_errors, rows_option, scoped_pipeline

TASK_HELP = {
    "event-type": "ACLED sub-event type of snippets (CASE 2021 task 2 JSON Lines).",
    "geoparse": "Toponym recognition and resolution (GeoWebNews JSON Lines).",
    "timex": "Time expressions: spans and values (MEANTIME JSON Lines).",
    "event": "Whole-article events per field (HRDsAttack JSON Lines or a seed .expected.json).",
}


@click.group()
def evaluate() -> None:
    """Score conflictscope against a gold standard: `evaluate TASK --gold FILE`."""


def _emit(result: dict[str, Any], report: str | None, as_json: bool) -> None:
    from conflictscope.evaluation.report import render

    text = render(result)
    if report:
        Path(report).write_text(text, encoding="utf-8")
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, default=str))
    else:
        click.echo(text)


def _task_command(task: str) -> click.Command:
    @click.command(name=task, help=TASK_HELP[task])
    @click.option("--gold", required=True, type=click.Path(dir_okay=False),
                  help="The gold-standard file.")
    @click.option("--report", type=click.Path(dir_okay=False), help="Also write a Markdown report here.")
    @click.option("--json", "as_json", is_flag=True, help="Print the metrics as one JSON object.")
    @click.option("--limit", type=click.IntRange(min=1), help="Score only the first N gold records.")
    @friendly_errors
    def command(gold: str, report: str | None, as_json: bool, limit: int | None, errors: bool = False) -> None:
        if errors:
            _print_date_errors(gold, limit)
            return
        from conflictscope.evaluation.tasks import evaluate as run

        _emit(run(task, gold, limit=limit), report, as_json)

    if task == "event":
        command = click.option(
            "--errors", is_flag=True,
            help="Print each HRDsAttack article whose main event's date misses the gold date, "
                 "with its cause, as JSON Lines (instead of the metrics).",
        )(command)
    return command


def _print_date_errors(gold: str, limit: int | None) -> None:
    from conflictscope.evaluation.event import date_errors

    for row in date_errors(gold, limit=limit):
        click.echo(json.dumps(row, ensure_ascii=False, default=str))


for _task in TASK_HELP:
    evaluate.add_command(_task_command(_task))


@evaluate.command(name="events")
@click.option("--gold", required=True, type=click.Path(dir_okay=False),
              help="An all-events gold (EVENTS_GOLD.md format) or ACLED notes, JSON Lines.")
@click.option("--half", type=click.Choice(["0", "1", "all"]), default="all", show_default=True,
              help="Score one half of the gold (by a stable hash of each record's id) or all of it.")
@click.option("--errors", is_flag=True,
              help="Print each false row and each missed gold event with its cause, as JSON Lines "
                   "(instead of the metrics).")
@click.option("--report", type=click.Path(dir_okay=False), help="Also write a Markdown report here.")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as one JSON object.")
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N gold records (of the half).")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="Show a progress bar on standard error.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Score only the rows at least this confident (as `extract --min-confidence` prints them).")
@rows_option
@friendly_errors
def events_command(gold: str, half: str, errors: bool, report: str | None, as_json: bool,
                   limit: int | None, progress: bool, min_confidence: float, rows: str | None) -> None:
    """Every row the pipeline returns, scored against an all-events gold (or ACLED notes).

    Row precision, recall of current and background events, duplicate share, fully-right
    share, per-field accuracy on matched events, precision of confident rows, no-event
    reports with rows, rows per report (docs/evaluation.md, "Counting every row").
    """
    from conflictscope.evaluation.event import pipeline_analyzer
    from conflictscope.evaluation.events import evaluate_events, events_errors

    chosen = None if half == "all" else half
    analyzer = pipeline_analyzer(scoped_pipeline(None, rows)) if rows else None
    if errors:
        for row in events_errors(gold, limit=limit, half=chosen, analyzer=analyzer, progress=progress,
                                 min_confidence=min_confidence):
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
        return
    _emit(evaluate_events(gold, limit=limit, half=chosen, analyzer=analyzer, progress=progress,
                          min_confidence=min_confidence), report, as_json)


@evaluate.command(name="near-duplicates")
@click.option("--pairs", "n_pairs", type=click.IntRange(min=1), default=1000, show_default=True,
              help="Pairs of each kind (syndicated copy, same-wire report, next-day follow-up).")
@click.option("--seed", type=int, default=2026, show_default=True, help="Random seed of the texts.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@friendly_errors
def near_duplicates(n_pairs: int, seed: int, as_json: bool) -> None:
    """Similarity of syndicated copies vs distinct reports sharing boilerplate (texts we write).

    Prints, per kind of pair, the exact and estimated Jaccard similarity of word 5-grams
    and how many pairs ingest would merge at each threshold (docs/store.md).
    """
    from conflictscope.evaluation.neardup import measure, render

    result = measure(n_pairs, seed)
    click.echo(json.dumps(result) if as_json else render(result))


@evaluate.command(name="merge")
@click.option("--docs", required=True, type=click.Path(dir_okay=False),
              help="Reports, JSON Lines {id, incident_id, published, title, text, publisher}.")
@click.option("--incidents", required=True, type=click.Path(dir_okay=False),
              help="Gold incidents, JSON Lines {incident_id, date, state, city_or_county, killed, ...}.")
@click.option("--half", type=click.Choice(["0", "1", "all"]), default="all", show_default=True,
              help="Score one half of the incidents (by a stable hash of each incident id) or all.")
@click.option("--cache", type=click.Path(dir_okay=False),
              help="JSON Lines cache of each report's events (by report id and pipeline version).")
@click.option("--report", type=click.Path(dir_okay=False), help="Also write a Markdown report here.")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as one JSON object.")
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N reports (of the half).")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="Show a progress bar on standard error.")
@friendly_errors
def merge_command(docs: str, incidents: str, half: str, cache: str | None, report: str | None,
                  as_json: bool, limit: int | None, progress: bool) -> None:
    """Reports of one incident merged into one event: B3 and pairwise F1, counts per (state,
    month), merged fields, slices and baselines (docs/merge.md)."""
    from conflictscope.evaluation.merge import evaluate_merge

    _emit(evaluate_merge(docs, incidents, half=None if half == "all" else half, limit=limit, cache=cache,
                         progress=progress), report, as_json)


@evaluate.command()
@click.option("--baseline", default="benchmarks/baseline.json", show_default=True,
              type=click.Path(dir_okay=False), help="The committed baseline metrics.")
@click.option("--shared", default="../shared", show_default=True,
              type=click.Path(file_okay=False), help="The folder holding data/dev and seeds/.")
@click.option("--only", multiple=True, help="Run only these dev runs (repeatable).")
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N records of each file.")
@click.option("--update", is_flag=True, help="Write the current metrics as the new baseline.")
@click.option("--report", type=click.Path(dir_okay=False), help="Also write the report here.")
@click.option("--json", "as_json", is_flag=True, help="Print the comparison as one JSON object.")
@friendly_errors
def gate(baseline: str, shared: str, only: tuple[str, ...], limit: int | None, update: bool,
         report: str | None, as_json: bool) -> None:
    """Recompute the dev-set metrics; exit 1 if any dropped more than 1 point below BASELINE."""
    from conflictscope.evaluation.gate import load_baseline, run_gate, write_baseline

    if not Path(shared).is_dir():
        raise click.ClickException(f"{shared}: no such folder (pass --shared)")
    outcome = run_gate(baseline, shared, only=only or None, limit=limit)
    text = outcome.report(hint=not update)
    if report:
        Path(report).write_text(text, encoding="utf-8")
    if as_json:
        click.echo(json.dumps({
            "failed": outcome.failed,
            "rows": [{"metric": r.metric, "baseline": r.baseline, "current": r.current,
                      "delta_points": r.delta_points, "status": r.status} for r in outcome.rows],
            "errors": outcome.errors,
            "seconds": {k: round(v, 2) for k, v in outcome.seconds.items()},
        }))
    else:
        click.echo(text)
    if update:
        if limit:
            raise click.ClickException("--update with --limit would record partial figures")
        write_baseline(baseline, outcome, keep=load_baseline(baseline))
        click.echo(f"baseline written to {baseline}", err=True)
        return
    if outcome.failed:
        click.echo("regression gate failed: a metric dropped (see the report above)", err=True)
        sys.exit(1)


COMMANDS: list[click.Command] = [evaluate]
