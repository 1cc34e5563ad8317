"""Hypothesis: for random filter combinations, sorts and page sizes, following the cursors of
``/api/events`` yields exactly the events the store selects, once each, in the sort order."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conflictscope.api import ServeConfig, create_app
from conflictscope.store import EventQuery, open_store
from conflictscope.store.bench import COUNTRIES, START, synthetic_events

TYPES = ["Battles", "Protests", "Riots", "Violence against civilians"]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, str]]:
    db = str(Path(tmp_path_factory.mktemp("paging")) / "p.db")
    with open_store(db) as store:
        store.bulk_insert_events(synthetic_events(600), merge=False)
    with TestClient(create_app(ServeConfig(db=db, read_only=True))) as client:
        yield client, db


filters = st.fixed_dictionaries({}, optional={
    "country": st.sampled_from([c[1] for c in COUNTRIES[:6]] + ["Syria", "Mali"]),
    "event_type": st.sampled_from(TYPES),
    "since": st.integers(0, 3000).map(lambda d: (START + timedelta(days=d)).isoformat()),
    "min_confidence": st.sampled_from([0.2, 0.5, 0.9]),
    "bbox": st.sampled_from(["30,25,50,40", "-10,0,20,20", "-180,-90,180,90"]),
})


@given(params=filters, sort=st.sampled_from(["date", "-date", "confidence", "-deaths", "-id"]),
       limit=st.integers(1, 60))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_cursor_pages_equal_the_store_selection(served: tuple[TestClient, str], params: dict[str, object],
                                                sort: str, limit: int) -> None:
    client, db = served
    got: list[str] = []
    cursor = None
    for _ in range(700):
        query = {**params, "sort": sort, "limit": limit, "mentions": "true"}
        if cursor:
            query["cursor"] = cursor
        body = client.get("/api/events", params=query).json()
        got += [e["event_id"] for e in body["events"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    bbox = tuple(float(v) for v in str(params["bbox"]).split(",")) if "bbox" in params else None
    since = date.fromisoformat(str(params["since"])) if "since" in params else None
    with open_store(db) as store:
        expected = [e.event_id for e in store.events(EventQuery(
            country=params.get("country"), event_type=params.get("event_type"), date_from=since,  # type: ignore[arg-type]
            min_confidence=params.get("min_confidence"), bbox=bbox, sort=sort, mentions=True))]  # type: ignore[arg-type]
    assert got == expected
