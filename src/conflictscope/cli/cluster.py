"""CLI: one canonical event and its sources (`event`), analyst overrides (`merge-events`,
`split-event`, `overrides`)."""

from __future__ import annotations

import getpass
import json
from datetime import date
from typing import Any

import click

from conflictscope.cli.common import friendly_errors
from conflictscope.cli.ingest import DB_OPTION
from conflictscope.models import Event
from conflictscope.store.base import EventCluster, Override

#: The fields `event` shows, each source's value beside the canonical one.
FIELDS = ("event_type", "sub_event_type", "event_date", "time_precision", "actor1", "actor2",
          "country", "admin1", "location", "latitude", "longitude", "geo_precision",
          "fatalities", "is_background")


def _value(event: Event, name: str) -> str:
    value = getattr(event, name)
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else str(value)


def cluster_table(view: EventCluster) -> str:
    """The canonical event's fields beside each mention's (one column per source), with provenance."""
    mentions = view.mentions
    heads = ["field", "canonical", *(f"{m.event_id} ({_publisher(m)})" for m in mentions)]
    rows = [[name, _value(view.event, name), *(_value(m, name) for m in mentions)] for name in FIELDS]
    widths = [min(32, max(len(str(r[i])) for r in [heads, *rows])) for i in range(len(heads))]
    lines = ["  ".join(str(c).ljust(w)[:w] for c, w in zip(r, widths, strict=True)) for r in [heads, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    prov = view.provenance
    lines.append("")
    lines.append(f"sources: {prov['source_count']} ({', '.join(prov['sources'])}); "
                 f"event_clarity {prov['event_clarity']}; deaths low/best/high "
                 f"{prov['fatalities_low']}/{prov['fatalities_best']}/{prov['fatalities_high']}")
    for name, chosen in prov["fields"].items():
        if chosen:
            lines.append(f"{name}: {chosen['value']} from mention {chosen['mention_id']} "
                         f"(article {chosen['article_id']}, {chosen['support']} source(s))")
    return "\n".join(lines)


def _publisher(event: Event) -> str:
    return next((s.publisher for s in event.sources if s.publisher), event.article_id)


def cluster_json(view: EventCluster) -> dict[str, Any]:
    """The cluster as JSON: the canonical record, its provenance, each mention's record."""
    from conflictscope.serialize import event_to_dict

    return {"event": event_to_dict(view.event), "provenance": view.provenance,
            "mentions": [event_to_dict(m) for m in view.mentions]}


@click.command("event")
@DB_OPTION
@click.argument("event_id")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
@friendly_errors
def event(db: str, event_id: str, as_json: bool) -> None:
    """Show one canonical event (by its id or any of its mentions' ids): its fields, where each
    came from, and each source's version of each field."""
    from conflictscope.store import open_store

    with open_store(db) as store:
        view = store.event_cluster(event_id)
    if view is None:
        raise click.ClickException(f"no event {event_id!r} in {db}")
    click.echo(json.dumps(cluster_json(view), indent=2, ensure_ascii=False) if as_json else cluster_table(view))


def _describe(done: Override) -> str:
    return (f"{done.override_id} {done.created_at} {done.kind} {done.event_id} "
            f"[{', '.join(done.mention_ids)}] by {done.author or '-'}: {done.reason}")


AUTHOR = click.option("--author", default=lambda: getpass.getuser(), show_default="the user",
                      help="Who decided (kept in the audit record).")


@click.command("merge-events")
@DB_OPTION
@click.argument("first")
@click.argument("second")
@click.option("--reason", required=True, help="Why they are one event (kept in the audit record).")
@AUTHOR
@friendly_errors
def merge_events(db: str, first: str, second: str, reason: str, author: str) -> None:
    """Analyst override: the canonical events FIRST and SECOND are one event (survives
    re-clustering and re-ingest)."""
    from conflictscope.store import open_store

    with open_store(db) as store:
        done = store.merge_events(first, second, reason=reason, author=author)
        merged = store.cluster_name(first)
    click.echo(_describe(done))
    click.echo(f"now one event: {merged}")


@click.command("split-event")
@DB_OPTION
@click.argument("event_id")
@click.option("--mention", "mentions", multiple=True, required=True,
              help="A mention to split off (repeat for several: they leave together).")
@click.option("--reason", required=True, help="Why (kept in the audit record).")
@AUTHOR
@friendly_errors
def split_event(db: str, event_id: str, mentions: tuple[str, ...], reason: str, author: str) -> None:
    """Analyst override: the mentions named leave the canonical event EVENT_ID (survives
    re-clustering and re-ingest)."""
    from conflictscope.store import open_store

    with open_store(db) as store:
        done = store.split_event(event_id, mentions, reason=reason, author=author)
    click.echo(_describe(done))


@click.command("overrides")
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="JSON Lines instead of text.")
@friendly_errors
def overrides(db: str, as_json: bool) -> None:
    """List the analyst overrides (merges and splits), oldest first, with who, when and why."""
    from dataclasses import asdict

    from conflictscope.store import open_store

    with open_store(db) as store:
        found = store.overrides()
    for done in found:
        click.echo(json.dumps(asdict(done), ensure_ascii=False) if as_json else _describe(done))
    click.echo(f"{len(found)} override(s)", err=True)


COMMANDS: list[click.Command] = [event, merge_events, split_event, overrides]


@click.command("bench-merge")
@click.option("--db", "db", default="bench-merge.db", show_default=True,
              help="A new store to fill (SQLite path or postgresql://...); an existing file is replaced.")
@click.option("--mentions", "count", type=click.IntRange(min=1), default=1_000_000, show_default=True,
              help="Synthetic mentions to store and cluster.")
@click.option("--batch", type=click.IntRange(min=1), default=2000, show_default=True,
              help="Mentions per transaction.")
@click.option("--runs", type=click.IntRange(min=1), default=200, show_default=True,
              help="Queries of each kind timed on the canonical events.")
@friendly_errors
def bench_merge(db: str, count: int, batch: int, runs: int) -> None:
    """Incremental clustering speed (mentions/s), peak memory and canonical-query latency on
    synthetic mentions (targets: >= 2,000 mentions/s, <= 1 GB, query p95 <= 50 ms)."""
    from pathlib import Path

    from conflictscope.store import open_store
    from conflictscope.store.merge_bench import run_merge_bench

    if "://" not in db and Path(db).exists():
        for suffix in ("", "-wal", "-shm"):
            Path(db + suffix).unlink(missing_ok=True)
    with open_store(db) as store:
        result = run_merge_bench(store, count, batch=batch, runs=runs)
    click.echo(f"bench-merge: {result.mentions:,} mentions -> {result.canonical:,} canonical events "
               f"in {result.seconds:.1f} s: {result.mentions_per_second:,.0f} mentions/s "
               f"(target >= 2,000)")
    click.echo(f"bench-merge: peak RSS {result.peak_rss_mb:,.0f} MB (target <= 1,024; it counts the "
               f"database pages SQLite maps), anonymous RSS at the end {result.anon_rss_mb:,.0f} MB")
    click.echo(f"bench-merge: canonical-event queries (country + 90 days + type; 1x1 degree box), "
               f"p50 {result.query_p50_ms:.1f} ms, p95 {result.query_p95_ms:.1f} ms "
               f"(target <= 50), {result.query_rows:.0f} rows on average")


COMMANDS.append(bench_merge)
