"""CLI: `conflictscope extract` prints the events of reports, without storing them."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date

import click

from conflictscope.cli.common import (
    friendly_errors,
    parse_date_option,
    rows_option,
    scope_option,
    scoped_pipeline,
    warn,
)
from conflictscope.ingest.readers import InputProblem, read_inputs
from conflictscope.ingest.text import DEFAULT_MAX_CHARS
from conflictscope.models import Article, Event
from conflictscope.serialize import event_to_dict

TABLE_COLUMNS = (
    ("article", 14),
    ("date", 10),
    ("sub_event_type", 34),
    ("actor1", 28),
    ("actor2", 28),
    ("location", 22),
    ("deaths", 6),
    ("conf", 4),
)


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--published",
    callback=parse_date_option,
    help="Publication date (YYYY-MM-DD) for inputs that do not carry their own.",
)
@click.option(
    "--format", "output_format", type=click.Choice(["jsonl", "table"]), default="jsonl",
    show_default=True, help="JSON Lines (one event per line) or a readable table.",
)
@click.option("--include-background/--no-background", default=True, show_default=True,
              help="Include events reported as history.")
@click.option("--max-chars", type=int, default=DEFAULT_MAX_CHARS, show_default=True,
              help="Read at most this many characters of one report.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Print only events at least this probable (the calibrated probability that the row is a "
                   "real event of its sub-type: docs/evaluation.md has precision and recall by floor).")
@scope_option
@rows_option
@friendly_errors
def extract(
    inputs: tuple[str, ...],
    published: date | None,
    output_format: str,
    include_background: bool,
    max_chars: int,
    min_confidence: float,
    scope: str | None,
    rows: str | None,
) -> None:
    """Print the conflict events reported in INPUTS.

    INPUTS are text files, JSON Lines files of {id, published, title, text, url,
    publisher} records, or - for standard input.
    """
    problems: list[InputProblem] = []
    articles_read = 0

    def articles() -> Iterator[Article]:
        nonlocal articles_read
        for item in read_inputs(inputs, published=published, max_chars=max_chars):
            if isinstance(item, InputProblem):
                warn(item.message) if not item.fatal else click.echo(f"error: {item.message}", err=True)
                if item.fatal:
                    problems.append(item)
                continue
            articles_read += 1
            yield item

    if output_format == "table":
        click.echo(_table_header())
    count = 0
    for analyzed in scoped_pipeline(scope, rows).run_many(articles()):
        for message in analyzed.warnings:
            warn(f"{analyzed.article.id}: {message}")
        for event in analyzed.events:
            if (event.is_background and not include_background) or event.confidence < min_confidence:
                continue
            count += 1
            if output_format == "table":
                click.echo(_table_row(event))
            else:
                click.echo(json.dumps(event_to_dict(event), ensure_ascii=False))
    click.echo(
        f"{count} event(s) from {articles_read} report(s); {len(problems)} input(s) unreadable",
        err=True,
    )
    if articles_read == 0:
        sys.exit(1)


def _table_header() -> str:
    header = " ".join(name.ljust(width)[:width] for name, width in TABLE_COLUMNS)
    return header + "\n" + " ".join("-" * width for _, width in TABLE_COLUMNS)


def _table_row(event: Event) -> str:
    deaths = "" if event.fatalities_best is None else str(event.fatalities_best)
    date_text = event.event_date.isoformat() if event.event_date else ""
    if event.is_background:
        date_text = date_text[:7] + " (bg)" if date_text else "(bg)"
    values = (
        event.article_id,
        date_text,
        event.sub_event_type,
        event.actor1,
        event.actor2,
        event.location,
        deaths,
        f"{event.confidence:.2f}",
    )
    return " ".join(
        str(value).ljust(width)[:width] for value, (_, width) in zip(values, TABLE_COLUMNS, strict=True)
    )


COMMANDS: list[click.Command] = [extract]
