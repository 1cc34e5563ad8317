"""CLI: analyst corrections of events (`correct`), their audit (`corrections`) and the corrected
articles as gold (`corrections export-gold`). Thin over ``Store.correct_event`` /
``Store.corrections`` and ``store.gold`` (docs/store.md, "Corrections")."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from conflictscope.cli.common import friendly_errors
from conflictscope.cli.ingest import DB_OPTION
from conflictscope.store.base import Correction


def describe(done: Correction) -> str:
    """One line of the audit: id, time, event, field, old -> new, who, why."""
    state = "" if done.active else " (inactive: its mention is gone)"
    return (f"{done.correction_id} {done.created_at} {done.event_id} [{done.mention_id}] {done.field}: "
            f"{json.dumps(done.old_value, ensure_ascii=False)} -> {json.dumps(done.new_value, ensure_ascii=False)}"
            f" by {done.author or '-'}: {done.reason}{state}")


@click.command("correct")
@DB_OPTION
@click.argument("event_id")
@click.option("--field", help="The field to correct (sub_event_type, actor1, location, latitude, "
                              "event_date, fatalities, is_background, ...).")
@click.option("--value", help="Its corrected value (dates YYYY-MM-DD, lists separated by ';', "
                              "'' for none).")
@click.option("--not-an-event", "not_event", is_flag=True,
              help="Mark the row not an event (left out of queries and exports).")
@click.option("--reason", required=True, help="Why (kept in the audit record).")
@click.option("--who", "--author", "author", default=None, help="Who corrected (default: the user).")
@friendly_errors
def correct(db: str, event_id: str, field: str | None, value: str | None, not_event: bool, reason: str,
            author: str | None) -> None:
    """Analyst correction of the event EVENT_ID (a canonical event or a mention): one field, or
    --not-an-event. Audited; re-applied after re-ingest, re-extraction and re-clustering."""
    import getpass

    from conflictscope.store import open_store

    if not_event == (field is not None):
        raise click.UsageError("give either --field with --value, or --not-an-event")
    if field is not None and value is None:
        raise click.UsageError("--field needs --value")
    with open_store(db) as store:
        done = store.correct_event(event_id, "not_an_event" if not_event else str(field),
                                   True if not_event else value, reason=reason,
                                   author=author or getpass.getuser())
    click.echo(describe(done))


@click.group("corrections", invoke_without_command=True)
@DB_OPTION
@click.option("--event", "event_id", help="Only the corrections applying to this event now.")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines instead of text.")
@click.pass_context
@friendly_errors
def corrections(ctx: click.Context, db: str, event_id: str | None, as_json: bool) -> None:
    """List the analyst corrections, oldest first, with who, when, old and new value and why."""
    if ctx.invoked_subcommand is not None:
        ctx.obj = db  # `corrections --db X export-gold`
        return
    from conflictscope.store import open_store

    with open_store(db) as store:
        found = store.corrections(event_id)
    for done in found:
        click.echo(json.dumps(asdict(done), ensure_ascii=False) if as_json else describe(done))
    click.echo(f"{len(found)} correction(s)", err=True)


@corrections.command("export-gold")
@click.option("--db", "db", default=None, envvar="CONFLICTSCOPE_DB",
              help="The store (default: the --db given to `corrections`).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The gold file to write (JSON Lines).")
@click.pass_context
@friendly_errors
def export_gold(ctx: click.Context, db: str | None, output: str) -> None:
    """Write the corrected articles as an all-events gold: `evaluate events --gold FILE` scores
    the pipeline against the analysts' corrections."""
    from conflictscope.store import open_store
    from conflictscope.store.gold import write_gold

    with open_store(db or ctx.obj) as store:
        count = write_gold(store, output)
    click.echo(f"{count} corrected article(s) -> {output}")


COMMANDS: list[click.Command] = [correct, corrections]
