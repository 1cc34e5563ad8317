"""CLI: `events`/`export` give canonical events (`--mentions` each report's), `event ID` shows a
cluster, `merge-events`, `split-event` and `overrides` record analyst decisions."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from conflictscope.cli import main
from conflictscope.store import open_store

from .test_canonical import article, event
from .test_contract import V1


def _db(tmp_path: Path) -> str:
    db = str(tmp_path / "c.db")
    with open_store(db) as store:
        for n, publisher in ((1, "Outlet One"), (2, "Outlet Two")):
            art = article(n, publisher)
            store.save_article(art, [event(art, 0, fatalities=n)], pipeline_version=V1)
        far = article(3, "Outlet Three")
        store.save_article(far, [event(far, 0, town="Qaryatayn")], pipeline_version=V1)
    return db


def test_events_export_and_event(tmp_path: Path) -> None:
    db, runner = _db(tmp_path), CliRunner()
    canonical = runner.invoke(main, ["events", "--db", db, "--format", "csv"])
    mentions = runner.invoke(main, ["events", "--db", db, "--format", "csv", "--mentions"])
    assert canonical.exit_code == 0 and mentions.exit_code == 0
    assert len(list(csv.DictReader(io.StringIO(canonical.stdout)))) == 2
    assert len(list(csv.DictReader(io.StringIO(mentions.stdout)))) == 3
    out = tmp_path / "a.csv"
    assert runner.invoke(main, ["export", "--db", db, "--format", "acled-csv", "-o", str(out)]).exit_code == 0
    rows = {r["location"]: r for r in csv.DictReader(out.open())}
    assert rows["Palmyra"]["source"] == "Outlet One; Outlet Two" and rows["Palmyra"]["fatalities"] == "1"
    assert runner.invoke(main, ["export", "--db", db, "--format", "acled-csv", "-o", str(out),
                                "--mentions"]).exit_code == 0
    assert len(list(csv.DictReader(out.open()))) == 3
    shown = runner.invoke(main, ["event", "r2-ev0", "--db", db])
    assert shown.exit_code == 0, shown.output
    assert "r1-ev0 (Outlet One)" in shown.stdout and "r2-ev0 (Outlet Two)" in shown.stdout
    assert "fatalities: 1 from mention r1-ev0 (article r1" in shown.stdout
    as_json = json.loads(runner.invoke(main, ["event", "r1-ev0", "--db", db, "--json"]).stdout)
    assert [m["event_id"] for m in as_json["mentions"]] == ["r1-ev0", "r2-ev0"]
    assert as_json["provenance"]["source_count"] == 2
    missing = runner.invoke(main, ["event", "nope", "--db", db])
    assert missing.exit_code != 0 and "no event" in missing.output


def test_merge_split_and_overrides(tmp_path: Path) -> None:
    db, runner = _db(tmp_path), CliRunner()
    merged = runner.invoke(main, ["merge-events", "r1-ev0", "r3-ev0", "--db", db, "--reason", "one takeover",
                                  "--author", "ana"])
    assert merged.exit_code == 0, merged.output
    assert "now one event: r1-ev0" in merged.stdout
    split = runner.invoke(main, ["split-event", "r1-ev0", "--mention", "r2-ev0", "--db", db,
                                 "--reason", "rumour", "--author", "ben"])
    assert split.exit_code == 0, split.output
    listed = runner.invoke(main, ["overrides", "--db", db, "--json"])
    records = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [(r["kind"], r["author"], r["reason"]) for r in records] == [
        ("merge", "ana", "one takeover"), ("split", "ben", "rumour")]
    assert all(r["created_at"] for r in records)
    no_reason = runner.invoke(main, ["merge-events", "r1-ev0", "r2-ev0", "--db", db, "--reason", " "])
    assert no_reason.exit_code != 0 and "reason" in no_reason.output
    with open_store(db) as store:
        assert store.count_events() == 2
