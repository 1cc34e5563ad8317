"""CLI: `conflictscope export --format acled-csv|ucdp-csv|geojson|parquet|jsonl`."""

from __future__ import annotations

from typing import Any

import click

from conflictscope.cli.common import friendly_errors
from conflictscope.cli.events import filter_options, query_from
from conflictscope.cli.ingest import DB_OPTION
from conflictscope.export import FORMATS


@click.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="acled-csv (ACLED's exact columns), ucdp-csv, geojson, parquet or jsonl.")
@click.option("-o", "--output", default="-", show_default=True,
              help="Output file (- = standard output; Parquet needs a file).")
@filter_options
@friendly_errors
def export(db: str, fmt: str, output: str, **filters: Any) -> None:
    """Export stored events (all, or those matching the filters): canonical events, or each
    report's own events with --mentions."""
    from conflictscope.export import export_events
    from conflictscope.store import open_store

    with open_store(db) as store:
        count = export_events(store, fmt, output, query_from(filters))
    where = "standard output" if output == "-" else output
    click.echo(f"{count} event(s) written to {where} as {fmt}", err=True)


COMMANDS: list[click.Command] = [export]
