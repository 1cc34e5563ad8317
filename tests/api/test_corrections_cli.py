"""CLI: `correct` (a field, or --not-an-event), `corrections` (the audit), `corrections export-gold`
and its round trip through `evaluate events`; every export format flags the corrected fields."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
from click.testing import CliRunner

from conflictscope.cli import main
from conflictscope.store import EventQuery, open_store

from .stores import writable_copy


def _ids(db: str) -> dict[str, str]:
    """sub_event_type -> event id of the sample store's canonical events."""
    with open_store(db) as store:
        return {e.sub_event_type: e.event_id for e in store.events()}


def test_correct_list_export_and_gold_round_trip(tmp_path: Path) -> None:
    db = str(writable_copy(tmp_path / "c.db"))
    runner = CliRunner()
    ids = _ids(db)
    clash, strike = ids["Armed clash"], ids["Air/drone strike"]
    done = runner.invoke(main, ["correct", clash, "--db", db, "--field", "sub_event_type", "--value", "Attack",
                                "--reason", "a raid on the village", "--who", "ana"])
    assert done.exit_code == 0, done.output
    assert '"Armed clash" -> "Attack" by ana: a raid on the village' in done.output
    refused = runner.invoke(main, ["correct", strike, "--db", db, "--field", "fatalities", "--value", "-2",
                                   "--reason", "typo"])
    assert refused.exit_code == 1 and "cannot be negative" in refused.output
    assert "Traceback" not in refused.output
    bad_type = runner.invoke(main, ["correct", strike, "--db", db, "--field", "sub_event_type",
                                    "--value", "Skirmish", "--reason", "x"])
    assert bad_type.exit_code == 1 and "unknown sub-event type" in bad_type.output
    gone = runner.invoke(main, ["correct", strike, "--db", db, "--not-an-event", "--reason", "a rehearsal"])
    assert gone.exit_code == 0, gone.output
    usage = runner.invoke(main, ["correct", strike, "--db", db, "--reason", "x"])
    assert usage.exit_code == 2
    audit = runner.invoke(main, ["corrections", "--db", db, "--json"])
    rows = [json.loads(line) for line in audit.stdout.splitlines()]
    assert [(r["field"], r["new_value"], r["reason"]) for r in rows] == [
        ("sub_event_type", "Attack", "a raid on the village"), ("not_an_event", True, "a rehearsal")]
    listed = runner.invoke(main, ["events", "--db", db, "--format", "jsonl"])
    events = {e["event_id"]: e for e in map(json.loads, listed.stdout.splitlines())}
    assert strike not in events and events[clash]["corrected"] == ["sub_event_type"]
    flagged = runner.invoke(main, ["events", "--db", db, "--format", "jsonl", "--not-events"])
    hidden = {e["event_id"]: e for e in map(json.loads, flagged.stdout.splitlines())}
    assert hidden[strike]["corrected"] == ["not_an_event"]
    # exports flag the corrected fields
    out = tmp_path / "out"
    out.mkdir()
    for fmt, name in (("acled-csv", "a.csv"), ("jsonl", "a.jsonl"), ("geojson", "a.geojson"),
                      ("parquet", "a.parquet")):
        result = runner.invoke(main, ["export", "--db", db, "--format", fmt, "-o", str(out / name)])
        assert result.exit_code == 0, result.output
    acled = {r["event_id_cnty"]: r for r in csv.DictReader((out / "a.csv").open(encoding="utf-8"))}
    assert "corrected=sub_event_type" in acled[clash]["tags"] and strike not in acled
    lines = {e["event_id"]: e for e in map(json.loads, (out / "a.jsonl").read_text().splitlines())}
    assert lines[clash]["corrected"] == ["sub_event_type"]
    features = json.loads((out / "a.geojson").read_text())["features"]
    assert [f["properties"]["corrected"] for f in features if f["properties"]["event_id"] == clash] == [
        ["sub_event_type"]]
    table = pq.read_table(out / "a.parquet").to_pylist()
    assert {r["event_id"]: r["corrected"] for r in table}[clash] == ["sub_event_type"]
    # the corrected articles as gold, scored by `evaluate events`
    gold = tmp_path / "gold.jsonl"
    exported = runner.invoke(main, ["corrections", "--db", db, "export-gold", "-o", str(gold)])
    assert exported.exit_code == 0, exported.output
    records = [json.loads(line) for line in gold.read_text().splitlines()]
    with open_store(db) as store:
        articles = {store.get_event(clash).article_id, store.get_event(strike).article_id}  # type: ignore[union-attr]
        expected = {a: sum(1 for e in store.events(EventQuery(article_id=a, mentions=True))) for a in articles}
    assert {r["id"]: len(r["events"]) for r in records} == expected
    borno = next(r for r in records if any(e["sub_event_type"] == "Attack" and e["note"] for e in r["events"]))
    assert all(e["evidence"] for e in borno["events"])
    mosul = next(r for r in records if r["not_events"])
    assert "not an event: a rehearsal" in mosul["not_events"][0]
    scored = runner.invoke(main, ["evaluate", "events", "--gold", str(gold), "--json", "--no-progress"])
    assert scored.exit_code == 0, scored.output
    metrics = json.loads(scored.stdout)
    assert metrics["reports"] == len(records) and metrics["gold_events"] == sum(expected.values())
