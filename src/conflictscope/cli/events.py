"""CLI: `conflictscope events` queries the store (table, JSON Lines or CSV)."""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable
from datetime import date
from typing import Any

import click

from conflictscope.cli.common import friendly_errors, parse_date_option
from conflictscope.cli.ingest import DB_OPTION
from conflictscope.export.jsonl import dumps_line
from conflictscope.models import Event
from conflictscope.serialize import event_to_dict
from conflictscope.store import EventQuery

TABLE = (("event_id", 16), ("date", 10), ("sub_event_type", 30), ("actor1", 26),
         ("actor2", 26), ("location", 18), ("country", 12), ("deaths", 6), ("conf", 4))
CSV_COLUMNS = ("event_id", "article_id", "event_date", "event_type", "sub_event_type", "actor1",
               "actor2", "country", "iso3", "admin1", "admin2", "location", "latitude",
               "longitude", "fatalities", "confidence", "is_background", "notes")


def _bbox(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    if not value:
        return None
    try:
        parts = tuple(float(p) for p in value.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4 or parts[0] > parts[2] or parts[1] > parts[3]:
        raise click.BadParameter("expected MIN_LON,MIN_LAT,MAX_LON,MAX_LAT")
    return parts


def filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The event filters shared by `events` and `export`."""
    options = [
        click.option("--country", help="Country name or ISO3 code."),
        click.option("--admin1", help="First-level region (province, governorate)."),
        click.option("--event-type", help="ACLED event type, e.g. Battles."),
        click.option("--sub-event-type", help="ACLED sub-event type, e.g. 'Armed clash'."),
        click.option("--actor", help="Part of an actor name (actor1, actor2 or associated)."),
        click.option("--since", "date_from", callback=parse_date_option, help="From YYYY-MM-DD."),
        click.option("--until", "date_to", callback=parse_date_option, help="To YYYY-MM-DD."),
        click.option("--bbox", callback=_bbox, help="MIN_LON,MIN_LAT,MAX_LON,MAX_LAT."),
        click.option("--min-confidence", type=click.FloatRange(0, 1), help="Lowest confidence."),
        click.option("--text", "text", help="Words in notes, actors, places or evidence."),
        click.option("--no-background", is_flag=True, help="Leave out events told as history."),
        click.option("--mentions", is_flag=True,
                     help="Each report's own events (mentions) instead of canonical events."),
        click.option("--not-events", "not_events", is_flag=True,
                     help="Also the rows an analyst marked not an event (hidden by default)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def query_from(options: dict[str, Any], limit: int | None = None) -> EventQuery:
    """An EventQuery from the filter options' values."""
    return EventQuery(
        country=options.get("country"), admin1=options.get("admin1"),
        event_type=options.get("event_type"), sub_event_type=options.get("sub_event_type"),
        actor=options.get("actor"), date_from=options.get("date_from"),
        date_to=options.get("date_to"), bbox=options.get("bbox"),
        min_confidence=options.get("min_confidence"), text=options.get("text"),
        include_background=not options.get("no_background", False), limit=limit,
        mentions=bool(options.get("mentions", False)),
        include_not_events=bool(options.get("not_events", False)),
    )


@click.command()
@DB_OPTION
@filter_options
@click.option("--format", "output_format", type=click.Choice(["table", "jsonl", "csv"]),
              default="table", show_default=True, help="Output format.")
@click.option("--limit", type=int, default=None, help="At most this many events.")
@friendly_errors
def events(db: str, output_format: str, limit: int | None, **filters: Any) -> None:
    """List stored events matching the filters: canonical events (one per real event, merged
    across reports), or each report's own events with --mentions."""
    from conflictscope.store import open_store

    with open_store(db) as store:
        query = query_from(filters, limit)
        found = store.events(query)
        if output_format == "jsonl":
            from conflictscope.export import with_copies

            count = 0
            for count, event in enumerate(with_copies(store, found), start=1):  # noqa: B007
                click.echo(dumps_line(event))
        elif output_format == "csv":
            writer = csv.DictWriter(sys.stdout, fieldnames=list(CSV_COLUMNS), lineterminator="\r\n",
                                    extrasaction="ignore")
            writer.writeheader()
            count = 0
            for count, event in enumerate(found, start=1):  # noqa: B007
                writer.writerow(event_to_dict(event))
        else:
            click.echo(" ".join(n.ljust(w)[:w] for n, w in TABLE))
            click.echo(" ".join("-" * w for _, w in TABLE))
            count = 0
            for count, event in enumerate(found, start=1):  # noqa: B007
                click.echo(_row(event))
    click.echo(f"{count} event(s)", err=True)


def _row(event: Event) -> str:
    when = event.event_date.isoformat() if isinstance(event.event_date, date) else ""
    deaths = "" if event.fatalities is None else str(event.fatalities)
    values = (event.event_id, when, event.sub_event_type, event.actor1, event.actor2,
              event.location, event.country, deaths, f"{event.confidence:.2f}")
    return " ".join(str(v).ljust(w)[:w] for v, (_, w) in zip(values, TABLE, strict=True))


COMMANDS: list[click.Command] = [events]
