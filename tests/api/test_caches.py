"""The server's summary caches (map grids, aggregate parts): valid while the store's write
generation is unchanged, rebuilt after any write (this server's, or another process's), on a
time limit where no generation is known; the unfiltered store's summaries are built at start."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from fastapi.testclient import TestClient

from conflictscope.api import ServeConfig, create_app
from conflictscope.api.caches import SummaryCache, filter_key_without_box
from conflictscope.store import EventQuery, open_store

from .stores import writable_copy


def test_an_entry_lives_while_the_generation_is_unchanged() -> None:
    generation = [1]
    built: list[EventQuery] = []

    def build(store: object, key: EventQuery) -> int:
        built.append(key)
        return len(built)

    cache: SummaryCache[int] = SummaryCache(build, lambda: generation[0], ttl=0.0)
    query = EventQuery(country="SYR", limit=5, sort="-date")
    assert cache.fresh(query) is None
    assert cache.get(None, query) == 1 == cache.get(None, EventQuery(country="SYR"))  # paging ignored
    assert cache.fresh(query) == 1  # ttl 0, but the generation says unchanged
    generation[0] = 2
    assert cache.fresh(query) is None and cache.get(None, query) == 2
    cache.clear()
    assert cache.fresh(query) is None
    boxes: SummaryCache[int] = SummaryCache(build, lambda: 1, key=filter_key_without_box)
    assert boxes.get(None, EventQuery(bbox=(0, 0, 1, 1))) == boxes.get(None, EventQuery(bbox=(5, 5, 6, 6)))


def test_without_a_generation_an_entry_lives_ttl_seconds() -> None:
    cache: SummaryCache[float] = SummaryCache(lambda store, key: time.monotonic(), lambda: None, ttl=0.2)
    first = cache.get(None, EventQuery())
    assert cache.fresh(EventQuery()) == first
    time.sleep(0.25)
    assert cache.fresh(EventQuery()) is None and cache.get(None, EventQuery()) != first


def test_one_filter_set_is_built_once_at_a_time() -> None:
    calls = []

    def slow(store: object, key: EventQuery) -> int:
        calls.append(key)
        time.sleep(0.2)
        return 7

    cache: SummaryCache[int] = SummaryCache(slow, lambda: 1)
    found: list[int] = []
    threads = [threading.Thread(target=lambda: found.append(cache.get(None, EventQuery()))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert found == [7, 7, 7, 7] and len(calls) == 1


def test_a_write_by_another_process_shows_at_once_on_clusters_and_aggregates(tmp_path: Path) -> None:
    db = writable_copy(tmp_path / "c.db")
    app = create_app(ServeConfig(db=str(db), read_only=True))
    with TestClient(app) as client:
        before = client.get("/api/aggregates").json()
        clusters = client.get("/api/clusters", params={"zoom": 2}).json()
        assert clusters["total"] > 0 and before["events"] > 0
        assert client.get("/api/aggregates", params={"period": "year"}).json()["events"] == before["events"]
        with open_store(str(db)) as other:  # another connection: as another process would
            victim = next(iter(other.events()))
            other.correct_event(victim.event_id, "not_an_event", True, reason="a drill")
        after = client.get("/api/aggregates").json()
        assert after["events"] == before["events"] - 1
        moved = client.get("/api/clusters", params={"zoom": 2}).json()
        assert moved["total"] == clusters["total"] - (victim.latitude is not None)


def test_the_unfiltered_summaries_are_built_at_start(tmp_path: Path) -> None:
    db = writable_copy(tmp_path / "w.db")
    app = create_app(ServeConfig(db=str(db), read_only=True))
    with TestClient(app):
        deadline = time.monotonic() + 20
        while app.state.grids.fresh(EventQuery()) is None or app.state.aggregates.fresh(EventQuery()) is None:
            assert time.monotonic() < deadline, "the warm-up did not build the summaries"
            time.sleep(0.05)
    cold = create_app(ServeConfig(db=str(db), read_only=True, warm_grid=False))
    with TestClient(cold):
        time.sleep(0.2)
        assert cold.state.grids.fresh(EventQuery()) is None
