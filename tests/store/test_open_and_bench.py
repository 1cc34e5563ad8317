"""open_store URLs and errors; the store benchmark on a small synthetic store."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflictscope.errors import StoreError
from conflictscope.store import EventQuery, open_store
from conflictscope.store.bench import bench_queries, synthetic_events
from conflictscope.store.sqlite import SQLiteStore


@pytest.mark.parametrize("url", ["memory", ":memory:", "sqlite://"])
def test_memory_urls(url: str) -> None:
    with open_store(url) as store:
        assert store.stats().events == 0


def test_sqlite_urls(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    with open_store(f"sqlite:///{path}") as store:
        assert isinstance(store, SQLiteStore)
    assert path.exists()
    with open_store(f"sqlite:///{path}?mode=ro") as store:
        assert store.stats().schema_version >= 1


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://x/y", "unknown database URL scheme"),
        ("", "no database given"),
        ("/no/such/folder/x.db", "no folder"),
        ("sqlite:////no/such/x.db?mode=ro", "does not exist"),
    ],
)
def test_bad_urls_say_why(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        open_store(url)


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a conflictscope database"):
        open_store(str(path))


def test_synthetic_events_are_deterministic() -> None:
    first = list(synthetic_events(50))
    assert first == list(synthetic_events(50))
    assert len({e.event_id for e in first}) == 50


def test_bench_queries_on_a_small_store() -> None:
    with open_store("memory") as store:
        assert store.bulk_insert_events(synthetic_events(3000), batch_size=1000) == 3000
        results = bench_queries(store, runs=10)
        assert [r.name for r in results] == ["country + 90-day range + event type",
                                             "bounding box 1x1 degree"]
        assert all(r.p95 >= r.p50 >= 0 for r in results)
        assert store.count_events(EventQuery(country="SYR")) > 0


def test_old_database_is_migrated_on_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from conflictscope.store import sql
    from conflictscope.store.schema import LATEST_VERSION, MIGRATIONS

    path = tmp_path / "old.db"
    monkeypatch.setattr(sql, "MIGRATIONS", MIGRATIONS[:1])
    with open_store(str(path)) as store:
        store.bulk_insert_events(synthetic_events(10), merge=False)  # as the old code did
        assert store.stats().schema_version == 1
    monkeypatch.undo()
    with open_store(str(path)) as store:
        assert store.stats().schema_version == LATEST_VERSION
        assert store.count_events() == 10
    names = {row[0] for row in sqlite3.connect(path).execute(
        "SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "events_bbox" in names and "events_lat_lon" not in names
    applied = [row[0] for row in sqlite3.connect(path).execute(
        "SELECT version FROM schema_migrations ORDER BY version")]
    assert applied == list(range(1, LATEST_VERSION + 1))
