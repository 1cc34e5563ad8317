"""Ingest: idempotence, duplicates, re-processing, bad input, and kill -9 at random points."""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictscope.cli import main
from conflictscope.errors import StoreError
from conflictscope.ingest.runner import ingest
from conflictscope.store import EventQuery, Store, open_store

from .backends import postgres_url, store_url  # noqa: F401
from .fake_pipeline import FakePipeline

HERE = Path(__file__).parent
WORDS = ["market", "checkpoint", "convoy", "village", "bridge", "airport", "school", "road"]


def write_reports(folder: Path, n: int = 30) -> Path:
    """Small made-up reports: text files with sidecars, a JSON Lines file, an HTML page."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    for i in range(n):
        place = WORDS[i % len(WORDS)]
        body = (f"Gunmen attacked the {place} number {i} on Monday. Residents fled the area. "
                f"A second attack hit a {rng.choice(WORDS)} nearby, officials said.")
        (folder / f"report{i:03}.txt").write_text(body, encoding="utf-8")
        if i % 3 == 0:
            (folder / f"report{i:03}.json").write_text(json.dumps(
                {"published": f"2020-05-0{1 + i % 9}", "url": f"http://news.example/{i}",
                 "publisher": "Example News"}), encoding="utf-8")
    records = [
        {"id": f"rec{i}", "published": "2021-01-02", "text": f"Rebels attacked post {i}. Calm later."}
        for i in range(10)
    ]
    records.append({"id": "copy", "text": (folder / "report001.txt").read_text(), "url": "http://b.example/x"})
    lines = [json.dumps(r) for r in records]
    lines.insert(4, "{not json")
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "nav.html").write_text("<html><body><nav>Home | About</nav></body></html>")
    return folder


def snapshot(url: str) -> dict[str, object]:
    """Everything a run leaves in the store, comparable across runs."""
    with open_store(url) as store:
        return snapshot_of(store)


def snapshot_of(store: Store) -> dict[str, object]:
    """Everything a run left in an open store."""
    return {
        "events": sorted((e.event_id, repr(e)) for e in store.events(EventQuery(mentions=True))),
        "canonical": sorted((e.event_id, repr(e)) for e in store.events()),
        "articles": sorted((a.article.id, a.content_hash, a.sources) for a in store.articles()),
        "journal": sorted((j.input, j.status, j.article_id, j.events, j.error)
                          for j in store.journal()),
    }


def _failing_save(store: Store, article_id: str, monkeypatch: pytest.MonkeyPatch, *,
                  lose_batch: bool = False) -> list[list[str]]:
    """Make storing ``article_id``'s events fail midway (its article row is written by then);
    with ``lose_batch`` the database also rolls the whole transaction back, as SQLite does on
    some errors. Returns the article ids of each ``save_articles`` batch, as they come."""
    insert = store._insert_events  # type: ignore[attr-defined]
    batches: list[list[str]] = []
    save_articles = store.save_articles

    def failing(events: list[object], stamp: str) -> int:
        found = list(events)
        if any(getattr(e, "article_id", "") == article_id for e in found):
            if lose_batch:
                store.connection.execute("ROLLBACK")  # type: ignore[attr-defined]
            raise StoreError(f"injected failure storing {article_id}")
        return int(insert(found, stamp))

    def recording(writes: list[object]) -> object:
        batches.append([w.article.id for w in writes])  # type: ignore[attr-defined]
        return save_articles(writes)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "_insert_events", failing)
    monkeypatch.setattr(store, "save_articles", recording)
    return batches


def _without(state: dict[str, object], input_key: str) -> dict[str, object]:
    return {**state, "journal": [j for j in state["journal"] if j[0] != input_key]}  # type: ignore[attr-defined]


def _unbatched_without(tmp_path: Path, victim: Path) -> dict[str, object]:
    """What an unbatched ingest of the reports leaves when ``victim`` is not among them."""
    aside = tmp_path / victim.name
    victim.rename(aside)
    with open_store(str(tmp_path / "unbatched.db")) as plain:
        ingest([str(victim.parent)], plain, FakePipeline(), batch=1)
        want = snapshot_of(plain)
    aside.rename(victim)
    assert len(want["events"]) > 30  # type: ignore[arg-type]
    return want


def test_batched_ingest_with_one_failing_save_equals_unbatched_ingest_minus_that_article(
        tmp_path: Path, store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    """...and the failure is journaled: one article's failure loses none of its batch."""
    folder = write_reports(tmp_path / "reports", n=30)
    victim = folder / "report013.txt"
    want = _unbatched_without(tmp_path, victim)
    with open_store(store_url) as store:
        batches = _failing_save(store, "report013", monkeypatch)
        summary = ingest([str(folder)], store, FakePipeline(), batch=8)
        got = snapshot_of(store)
        assert any("report013" in b and len(b) > 1 for b in batches), batches  # failed amid others
        assert store.get_article("report013") is None
        entry = store.journal_entry(str(victim))
    assert entry is not None and entry.status == "failed" and "injected failure" in entry.error
    assert sum("injected failure" in e for e in summary.errors) == 1
    assert _without(got, str(victim)) == want


def test_a_batch_the_database_rolls_back_whole_is_written_again_article_by_article(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite may roll a whole transaction back on an error (full disk, I/O error): the batch's
    other articles are then written one transaction each, and the result is the same."""
    folder = write_reports(tmp_path / "reports", n=30)
    victim = folder / "report013.txt"
    want = _unbatched_without(tmp_path, victim)
    with open_store(str(tmp_path / "batched.db")) as store:
        batches = _failing_save(store, "report013", monkeypatch, lose_batch=True)
        summary = ingest([str(folder)], store, FakePipeline(), batch=8)
        got = snapshot_of(store)
        entry = store.journal_entry(str(victim))
    assert any("report013" in b and len(b) > 1 for b in batches), batches
    assert entry is not None and entry.status == "failed" and "injected failure" in entry.error
    assert sum("injected failure" in e for e in summary.errors) == 1  # reported once
    assert _without(got, str(victim)) == want


def test_ingest_is_idempotent_and_reports_bad_input(tmp_path: Path) -> None:
    folder = write_reports(tmp_path / "reports")
    url = str(tmp_path / "a.db")
    with open_store(url) as store:
        first = ingest([str(folder)], store, FakePipeline())
    assert first.stored == 30 + 10
    assert first.duplicates == 1  # report001.txt: batch.jsonl#copy (read first) has its text
    assert first.failed == 4  # broken line, empty, binary, no-article HTML
    before = snapshot(url)
    with open_store(url) as store:
        second = ingest([str(folder)], store, FakePipeline())
        failed = {j.input: j.error for j in store.journal("failed")}
    assert second.stored == 0 and second.skipped == 40 and second.events == 0
    assert snapshot(url) == before
    assert any("not valid JSON" in e for k, e in failed.items() if k.startswith(str(folder / "batch")))
    assert "the input is empty" in failed[str(folder / "empty.txt")]
    assert "binary" in failed[str(folder / "binary.txt")]
    assert "no article text" in failed[str(folder / "nav.html")]
    with open_store(url) as store:
        assert store.get_article("report001") is None
        copy = store.get_article("copy")
        assert copy is not None
        assert {s.input.rsplit("/", 1)[-1] for s in copy.sources} == {"batch.jsonl#copy",
                                                                     "report001.txt"}
        sidecar = store.get_article("report003")
        assert sidecar is not None and sidecar.article.url == "http://news.example/3"
        assert str(sidecar.article.published) == "2020-05-04"


def test_new_pipeline_version_replaces_events(tmp_path: Path) -> None:
    folder = write_reports(tmp_path / "reports", n=5)
    url = str(tmp_path / "a.db")
    with open_store(url) as store:
        ingest([str(folder)], store, FakePipeline("fake-1"))
        old = store.count_events()
        ingest([str(folder)], store, FakePipeline("fake-2"))
        assert store.count_events() == old
        assert {e.pipeline_version for e in store.events()} == {"fake-2"}
        assert {a.pipeline_version for a in store.articles()} == {"fake-2"}


def test_read_only_database_is_left_untouched(tmp_path: Path) -> None:
    folder = write_reports(tmp_path / "reports", n=3)
    path = tmp_path / "a.db"
    with open_store(str(path)) as store:
        ingest([str(folder / "report000.txt")], store, FakePipeline())
    before = snapshot(str(path))
    with open_store(f"sqlite:///{path}?mode=ro") as store, pytest.raises(StoreError, match="read-only"):
        ingest([str(folder)], store, FakePipeline())
    assert snapshot(str(path)) == before


def test_full_disk_undoes_the_article_and_keeps_the_rest(tmp_path: Path) -> None:
    folder = write_reports(tmp_path / "reports", n=3)
    path = tmp_path / "a.db"
    with open_store(str(path)) as store:
        ingest([str(folder / "report000.txt")], store, FakePipeline())
    before = snapshot(str(path))
    big = tmp_path / "big.txt"
    big.write_text("Fighters attacked the town. " * 40000)
    with open_store(str(path)) as store:
        conn: sqlite3.Connection = store.connection  # type: ignore[attr-defined]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 40}")  # simulate a nearly full disk
        summary = ingest([str(big), str(folder / "report001.txt")], store, FakePipeline())
    assert summary.failed == 1 and "disk is full" in summary.errors[0]
    after = snapshot(str(path))
    assert set(before["events"]) <= set(after["events"])  # nothing stored was damaged
    with open_store(str(path)) as store:
        assert store.get_article("big") is None
        assert store.get_article("report001") is not None
        assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _stored_articles(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.Error:  # not created yet
        return 0


def _cli(folder: Path, db: Path, delay: str, batch: int | None = None) -> subprocess.Popen[bytes]:
    """``conflictscope ingest`` in a subprocess (``batch``: articles per transaction, else the
    default)."""
    path = os.pathsep.join(p for p in (str(HERE), os.environ.get("PYTHONPATH", "")) if p)
    env = {**os.environ, "PYTHONPATH": path, "FAKE_PIPELINE_DELAY": delay}  # keeps a src/ checkout
    return subprocess.Popen(
        [sys.executable, "-c", "from conflictscope.cli import main; main()", "ingest", str(folder), "--db", str(db),
         "--pipeline", "fake_pipeline:make_pipeline", "--no-progress",
         *(["--batch", str(batch)] if batch else [])],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def test_sigkill_at_random_points_then_rerun_equals_one_clean_run(tmp_path: Path) -> None:
    """The clean run writes 16 articles per transaction, the killed runs 3: batching changes
    nothing, and a run killed inside a batch loses only that uncommitted batch."""
    folder = write_reports(tmp_path / "reports", n=40)
    clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
    assert _cli(folder, clean, "0").wait(timeout=120) == 0
    want = snapshot(str(clean))
    rng = random.Random(2026)
    kills, partial = 0, []
    for _ in range(6):
        before = _stored_articles(killed)
        proc = _cli(folder, killed, "0.03", batch=3)  # killed between and inside batches
        deadline = time.monotonic() + 60
        while proc.poll() is None and _stored_articles(killed) <= before:  # wait: mid-ingest
            if time.monotonic() > deadline:
                break
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 0.4))  # then kill at a random point
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait(timeout=60)
        partial.append(_stored_articles(killed))
    assert kills >= 2, "the runs ended before they could be killed"
    assert any(0 < n < len(want["articles"]) for n in partial), partial  # killed mid-ingest
    assert _cli(folder, killed, "0").wait(timeout=120) == 0
    got = snapshot(str(killed))
    assert len(got["events"]) == len(want["events"]) > 40
    assert got["events"] == want["events"]
    assert got["canonical"] == want["canonical"]  # the same canonical events as one clean run
    assert 0 < len(want["canonical"]) < len(want["events"])  # reports were merged
    assert got["articles"] == want["articles"]
    assert got["journal"] == want["journal"]


def test_cli_ingest_events_export(tmp_path: Path) -> None:
    folder = write_reports(tmp_path / "reports", n=4)
    db = str(tmp_path / "c.db")
    runner = CliRunner()
    os.environ.setdefault("PYTHONPATH", "")
    sys.path.insert(0, str(HERE))
    try:
        result = runner.invoke(main, ["ingest", str(folder), "--db", db,
                                      "--pipeline", "fake_pipeline:make_pipeline"])
    finally:
        sys.path.remove(str(HERE))
    assert result.exit_code == 0, result.output
    assert "stored" in result.output
    listed = runner.invoke(main, ["events", "--db", db, "--country", "SYR", "--format", "jsonl",
                                  "--mentions"])
    assert listed.exit_code == 0
    assert len([ln for ln in listed.stdout.splitlines() if ln.startswith("{")]) > 4
    for fmt in ("table", "csv"):
        shown = runner.invoke(main, ["events", "--db", db, "--format", fmt, "--limit", "2",
                                     "--bbox", "-180,-90,180,90"])
        assert shown.exit_code == 0, shown.output
    bad = runner.invoke(main, ["events", "--db", db, "--bbox", "1,2,3"])
    assert bad.exit_code == 2 and "MIN_LON" in bad.output
    out = tmp_path / "e.csv"
    exported = runner.invoke(main, ["export", "--db", db, "--format", "acled-csv", "-o", str(out)])
    assert exported.exit_code == 0 and out.read_text().startswith("event_id_cnty,event_date,year")


def test_same_id_for_two_texts_in_one_run_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "dup.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "Rebels attacked a post."}) + "\n"
                    + json.dumps({"id": "x", "text": "Other words, attack."}) + "\n")
    with open_store("memory") as store:
        summary = ingest([str(path)], store, FakePipeline())
        assert summary.stored == 1 and summary.failed == 1
        assert "already used" in summary.errors[0]
        stored = store.get_article("x")
        assert stored is not None and stored.article.text == "Rebels attacked a post."
        assert sorted(j.status for j in store.journal()) == ["failed", "ok"]
