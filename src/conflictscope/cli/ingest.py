"""CLI: `conflictscope ingest PATH...` stores the events of reports, with a journal."""

from __future__ import annotations

import importlib
import sys
from datetime import date
from typing import Any

import click

from conflictscope.cli.common import (
    friendly_errors,
    parse_date_option,
    rows_option,
    scope_option,
    scoped_pipeline,
)
from conflictscope.errors import ConflictscopeError
from conflictscope.ingest.neardup import DEFAULT_THRESHOLD
from conflictscope.ingest.runner import DEFAULT_BATCH
from conflictscope.ingest.text import DEFAULT_MAX_CHARS
from conflictscope.store import DEFAULT_DB

DB_OPTION = click.option(
    "--db", "db", default=DEFAULT_DB, show_default=True, envvar="CONFLICTSCOPE_DB",
    help="The store: a SQLite path, sqlite:///PATH, memory, or postgresql://USER@HOST/DB.",
)


def load_pipeline(spec: str | None, scope: str | None = None, rows: str | None = None) -> Any:
    """The default pipeline (in coding scope ``scope``, row mode ``rows``), or ``module:factory``
    (a callable returning a pipeline)."""
    if not spec:
        return scoped_pipeline(scope, rows)
    module_name, _, attr = spec.partition(":")
    try:
        factory = getattr(importlib.import_module(module_name), attr or "make_pipeline")
    except (ImportError, AttributeError) as exc:
        raise click.BadParameter(f"cannot load pipeline {spec!r}: {exc}") from None
    return factory()


def _report(level: str, message: str) -> None:
    from tqdm import tqdm

    tqdm.write(f"{level}: {message}", file=sys.stderr)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@click.option("--published", callback=parse_date_option,
              help="Publication date (YYYY-MM-DD) for inputs that carry none (a sidecar wins).")
@click.option("--max-chars", type=int, default=DEFAULT_MAX_CHARS, show_default=True,
              help="Read at most this many characters of one report.")
@click.option("--force", is_flag=True, help="Re-extract articles already stored by this version.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: when standard error is a terminal).")
@click.option("--near-duplicates/--no-near-duplicates", "near_duplicates", default=True,
              show_default=True,
              help="Store a syndicated copy of a stored text (small edits) as one more source of "
                   "it, without extracting it again (docs/store.md).")
@click.option("--near-duplicate-threshold", type=click.FloatRange(0.0, 1.0, min_open=True),
              default=DEFAULT_THRESHOLD, show_default=True,
              help="Estimated Jaccard similarity of word 5-grams from which two texts are copies.")
@click.option("--batch", type=click.IntRange(min=1), default=DEFAULT_BATCH, show_default=True,
              help="Articles written per transaction (1: one each). A failing article is undone "
                   "alone and journaled; the others are kept.")
@click.option("--pipeline", "pipeline_spec", hidden=True,
              help="module:factory of another pipeline (tests, experiments).")
@scope_option
@rows_option
@friendly_errors
def ingest(
    paths: tuple[str, ...],
    db: str,
    published: date | None,
    max_chars: int,
    force: bool,
    progress: bool | None,
    near_duplicates: bool,
    near_duplicate_threshold: float,
    batch: int,
    pipeline_spec: str | None,
    scope: str | None,
    rows: str | None,
) -> None:
    """Extract and store the events of PATHS (files or folders).

    PATHS are text files (a REPORT.json sidecar beside REPORT.txt may give
    published, title, url, publisher, id), JSON Lines files of {id, published,
    title, text, url, publisher} records, HTML pages, or folders of them.
    Running again adds nothing; a newer pipeline version replaces old events.
    """
    from conflictscope.ingest.neardup import NearDuplicateSettings
    from conflictscope.ingest.runner import ingest as run_ingest
    from conflictscope.store import open_store

    pipeline = load_pipeline(pipeline_spec, scope, rows)
    near = NearDuplicateSettings(near_duplicates, near_duplicate_threshold)
    with open_store(db) as store:
        try:
            summary = run_ingest(paths, store, pipeline, published=published, max_chars=max_chars,
                                 force=force, progress=progress, report=_report,
                                 near_duplicates=near, batch=batch)
        except ConflictscopeError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)
    click.echo(summary.describe(), err=True)
    if summary.failed:
        click.echo(f"{summary.failed} input(s) failed: see `conflictscope journal --db {db}`"
                   " or the messages above", err=True)
    if summary.articles == 0 and summary.failed:
        sys.exit(1)


@click.command()
@DB_OPTION
@click.option("--status", help="Only inputs with this status (ok, skipped, duplicate, "
                               "near-duplicate, failed, warning).")
@friendly_errors
def journal(db: str, status: str | None) -> None:
    """Print the ingest journal: one line per input with its status and error.

    The first line (starting with #) gives the near-duplicate settings of the last ingest.
    """
    from conflictscope.ingest.runner import NEAR_DUPLICATE_SETTING
    from conflictscope.store import open_store

    with open_store(db) as store:
        setting = store.settings().get(NEAR_DUPLICATE_SETTING)
        if setting:
            click.echo(f"# near-duplicates: {setting}")
        for entry in store.journal(status):
            detail = entry.error or (f"{entry.events} event(s)" if entry.status == "ok" else "")
            if entry.similarity is not None:
                detail = f"similarity {entry.similarity:.3f}" + (f"; {detail}" if detail else "")
            click.echo(f"{entry.status:9} {entry.input}  {entry.article_id}  {detail}".rstrip())


COMMANDS: list[click.Command] = [ingest, journal]


@click.command("bench-store")
@click.option("--bench-file", type=click.Path(exists=True, dir_okay=False),
              help="JSON Lines reports to ingest (e.g. news_bench.jsonl); omit to skip.")
@click.option("--limit", type=int, default=None, help="Ingest only the first N reports.")
@click.option("--query-db", default="bench-store.db", show_default=True,
              help="Store for the query benchmark (filled with synthetic events if short).")
@click.option("--events", "n_events", type=int, default=1_000_000, show_default=True,
              help="Synthetic events in the query store.")
@click.option("--runs", type=int, default=200, show_default=True, help="Queries per kind.")
@click.option("--page", type=int, default=1000, show_default=True,
              help="Events fetched per query (LIMIT), decoded to typed records.")
@click.option("--pipeline", "pipeline_spec", hidden=True)
@friendly_errors
def bench_store(bench_file: str | None, limit: int | None, query_db: str, n_events: int,
                runs: int, page: int, pipeline_spec: str | None) -> None:
    """Benchmark the store: ingest speed (store share) and query p50/p95 latency."""
    import tempfile
    from pathlib import Path

    from conflictscope.ingest.runner import ingest as run_ingest
    from conflictscope.store import open_store
    from conflictscope.store.bench import bench_queries, synthetic_events

    if bench_file:
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(bench_file)
            if limit:
                source = Path(tmp) / "bench.jsonl"
                with open(bench_file, encoding="utf-8") as handle:
                    lines = [line for _, line in zip(range(limit), handle, strict=False)]
                source.write_text("".join(lines), encoding="utf-8")
            pipeline = load_pipeline(pipeline_spec)
            list(pipeline.run_many([]))  # load models before the clock starts
            with open_store(str(Path(tmp) / "ingest.db")) as store:
                summary = run_ingest([str(source)], store, pipeline, progress=None)
            click.echo(f"ingest: {summary.describe()}")
            click.echo(f"ingest: {summary.articles_per_second:.2f} articles/s; store "
                       f"{summary.store_seconds:.2f} s = {100 * summary.store_share:.2f}% of "
                       f"{summary.seconds:.1f} s")
    if n_events > 0:
        with open_store(query_db) as store:
            have = store.count_events()
            if have < n_events:
                click.echo(f"query: filling {query_db} with {n_events - have:,} synthetic events...",
                           err=True)
                started = __import__("time").perf_counter()
                events = synthetic_events(n_events)
                for _ in range(have):  # resume: skip the ones already stored
                    next(events)
                store.bulk_insert_events(events, batch_size=20_000, merge=False)
                click.echo(f"query: filled in {__import__('time').perf_counter() - started:.0f} s",
                           err=True)
            total = store.count_events()
            for result in bench_queries(store, runs=runs, limit=page):
                click.echo(f"query ({total:,} events): {result.name}: p50 {result.p50:.1f} ms, "
                           f"p95 {result.p95:.1f} ms, {result.mean_rows:.0f} rows on average "
                           f"({result.runs} runs)")


COMMANDS.append(bench_store)
