"""Each route of the REST API against a real SQLite store of the sample reports (FastAPI's
TestClient: the whole application in process, no mock of the store)."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from conflictscope.api import ServeConfig, create_app
from conflictscope.store import EventQuery, open_store

from .stores import HOSTILE_TEXT, HOSTILE_TITLE, sample_db, writable_copy


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    app = create_app(ServeConfig(db=str(sample_db()), read_only=True))
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def store_ids(query: EventQuery) -> list[str]:
    with open_store(str(sample_db())) as store:
        return [e.event_id for e in store.events(query)]


def all_pages(client: TestClient, params: dict[str, object]) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    cursor = None
    for _ in range(100):
        page = client.get("/api/events", params={**params, **({"cursor": cursor} if cursor else {})})
        assert page.status_code == 200, page.text
        body = page.json()
        found.extend(body["events"])
        cursor = body["next_cursor"]
        if cursor is None:
            return found
    raise AssertionError("pagination did not end")


def test_events_are_canonical_by_default_and_mentions_on_request(client: TestClient) -> None:
    canonical = client.get("/api/events").json()["events"]
    mentions = client.get("/api/events", params={"mentions": "true"}).json()["events"]
    assert [e["event_id"] for e in canonical] == store_ids(EventQuery())
    assert [e["event_id"] for e in mentions] == store_ids(EventQuery(mentions=True))
    assert len(canonical) >= 5 and all(e["evidence"] for e in canonical)


@pytest.mark.parametrize(("params", "query"), [
    ({"country": "Nigeria"}, EventQuery(country="Nigeria")),
    ({"country": "IRQ"}, EventQuery(country="IRQ")),
    ({"event_type": "Battles"}, EventQuery(event_type="Battles")),
    ({"sub_event_type": "Armed clash"}, EventQuery(sub_event_type="Armed clash")),
    ({"actor": "boko haram"}, EventQuery(actor="boko haram")),
    ({"since": "2019-01-01", "until": "2021-12-31"},
     EventQuery(date_from=date(2019, 1, 1), date_to=date(2021, 12, 31))),
    ({"bbox": "10,5,50,40"}, EventQuery(bbox=(10, 5, 50, 40))),
    ({"min_confidence": "0.5"}, EventQuery(min_confidence=0.5)),
    ({"text": "mosul"}, EventQuery(text="mosul")),
    ({"background": "no"}, EventQuery(include_background=False)),
    ({"background": "yes"}, EventQuery(background_only=True)),
    ({"admin1": "Borno"}, EventQuery(admin1="Borno")),
    ({"mentions": "true", "country": "Iraq"}, EventQuery(mentions=True, country="Iraq")),
])
def test_each_filter_selects_what_the_store_selects(client: TestClient, params: dict[str, str],
                                                    query: EventQuery) -> None:
    got = [e["event_id"] for e in all_pages(client, {**params, "limit": 2})]
    assert got == store_ids(query)


def test_a_filter_that_matches_something_and_one_that_matches_nothing(client: TestClient) -> None:
    assert client.get("/api/events", params={"country": "Nigeria"}).json()["events"]
    assert client.get("/api/events", params={"country": "Atlantis"}).json()["events"] == []


@pytest.mark.parametrize("sort", ["date", "-date", "confidence", "-confidence", "deaths", "-deaths",
                                  "id", "-id"])
@pytest.mark.parametrize("limit", [1, 2, 3, 500])
def test_pages_cover_every_event_once_in_sort_order(client: TestClient, sort: str, limit: int) -> None:
    events = all_pages(client, {"sort": sort, "limit": limit, "mentions": "true"})
    ids = [e["event_id"] for e in events]
    assert sorted(ids) == sorted(store_ids(EventQuery(mentions=True))) and len(set(ids)) == len(ids)
    key = {"date": lambda e: e["event_date"] or "", "confidence": lambda e: e["confidence"],
           "deaths": lambda e: -1 if e["fatalities"] is None else e["fatalities"],
           "id": lambda e: e["event_id"]}[sort.lstrip("-")]
    expected = sorted(events, key=lambda e: (key(e), e["event_id"]), reverse=sort.startswith("-"))
    assert ids == [e["event_id"] for e in expected]


def test_a_cursor_belongs_to_its_sort_and_a_forged_one_is_refused(client: TestClient) -> None:
    cursor = client.get("/api/events", params={"limit": 1}).json()["next_cursor"]
    assert cursor
    other = client.get("/api/events", params={"limit": 1, "sort": "-date", "cursor": cursor})
    forged = client.get("/api/events", params={"cursor": "not-a-cursor!"})
    for response in (other, forged):
        assert response.status_code == 422 and "cursor" in response.text
        assert "Traceback" not in response.text


def test_event_detail_gives_each_field_its_mention_article_and_evidence(client: TestClient) -> None:
    first = client.get("/api/events", params={"country": "Iraq"}).json()["events"][0]
    detail = client.get(f"/api/events/{first['event_id']}").json()
    assert detail["event"]["event_id"] == first["event_id"]
    assert detail["mentions"] and detail["provenance"]["source_count"] >= 1
    with_evidence = {n: f for n, f in detail["fields"].items() if f["evidence"]}
    assert {"event_type", "actor1", "location"} <= set(with_evidence)
    for field in with_evidence.values():
        text = client.get(f"/api/articles/{field['article_id']}").json()["text"]
        for span in field["evidence"]:
            assert text[span["start"]:span["end"]] == span["text"]
    assert detail["event"]["sources"][0]["certainty"]
    by_mention = client.get(f"/api/events/{detail['mentions'][0]['event_id']}").json()
    assert by_mention["event"]["event_id"] == first["event_id"]


def test_article_gives_text_and_the_offsets_of_every_span(client: TestClient) -> None:
    article = client.get("/api/articles/sample-borno").json()
    assert article["title"].startswith("Gunmen kill 12") and article["events"]
    assert article["spans"]
    for span in article["spans"]:
        assert article["text"][span["start"]:span["end"]] == span["text"]
        assert span["event_id"] in article["events"] and span["field"]


def test_unknown_event_and_article_are_json_404s(client: TestClient) -> None:
    for path in ("/api/events/nope", "/api/articles/nope", "/api/nothing-here"):
        response = client.get(path)
        assert response.status_code == 404 and "error" in response.json()


def test_aggregates_agree_with_the_list(client: TestClient) -> None:
    events = client.get("/api/events", params={"limit": 500}).json()["events"]
    for period in ("day", "week", "month", "year"):
        body = client.get("/api/aggregates", params={"period": period}).json()
        assert body["events"] == len(events)
        assert sum(b["events"] for b in body["timeline"]) + body["undated"] == len(events)
        assert body["deaths"] == sum(e["fatalities"] or 0 for e in events)
        assert body["by_type"] == dict(Counter(e["event_type"] for e in events))
    weeks = client.get("/api/aggregates", params={"period": "week"}).json()["timeline"]
    assert all(date.fromisoformat(b["start"]).weekday() == 0 for b in weeks)
    nigeria = client.get("/api/aggregates", params={"country": "Nigeria"}).json()
    assert nigeria["by_country"] == {"Nigeria": nigeria["events"]} and nigeria["by_actor"]


def test_clusters_count_every_placed_event_and_follow_the_zoom(client: TestClient) -> None:
    events = client.get("/api/events", params={"limit": 500}).json()["events"]
    placed = [e for e in events if e["latitude"] is not None and e["longitude"] is not None]
    world = client.get("/api/clusters", params={"zoom": 0}).json()
    close = client.get("/api/clusters", params={"zoom": 12}).json()
    assert world["total"] == close["total"] == len(placed)
    assert len(world["clusters"]) <= len(close["clusters"]) == len({(e["latitude"], e["longitude"]) for e in placed})
    single = [c for c in close["clusters"] if c["count"] == 1]
    assert all(c["event_id"] for c in single)
    for cluster in world["clusters"]:
        west, south, east, north = cluster["bbox"]
        assert west <= cluster["longitude"] <= east and south <= cluster["latitude"] <= north
        assert sum(cluster["by_type"].values()) == cluster["count"]
    boxed = client.get("/api/clusters", params={"zoom": 4, "bbox": "40,30,50,40"}).json()
    assert boxed["total"] == len([e for e in placed if 40 <= e["longitude"] <= 50 and 30 <= e["latitude"] <= 40])


def test_exports_stream_every_format_with_the_filters(client: TestClient, tmp_path: Path) -> None:
    count = len(store_ids(EventQuery(country="Nigeria")))
    lines = client.get("/api/export", params={"format": "jsonl", "country": "Nigeria"})
    assert lines.headers["content-type"].startswith("application/x-ndjson")
    assert "attachment" in lines.headers["content-disposition"]
    assert len([json.loads(x) for x in lines.text.splitlines()]) == count
    geo = client.get("/api/export", params={"format": "geojson", "country": "Nigeria"}).json()
    assert len(geo["features"]) == count
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export", params={
        "format": "acled-csv", "country": "Nigeria"}).text)))
    assert len(rows) == count and rows[0]["source"]
    ucdp = client.get("/api/export", params={"format": "ucdp-csv"}).text
    assert len(ucdp.strip().splitlines()) == len(store_ids(EventQuery())) + 1
    parquet = client.get("/api/export", params={"format": "parquet", "mentions": "true"})
    (tmp_path / "e.parquet").write_bytes(parquet.content)
    assert pq.read_table(tmp_path / "e.parquet").num_rows == len(store_ids(EventQuery(mentions=True)))


def test_health_and_version(client: TestClient) -> None:
    health = client.get("/api/health").json()
    assert isinstance(health.pop("warm"), bool)  # the start-up summaries: built or being built
    assert health == {"status": "ok", "events": len(store_ids(EventQuery())), "writes_enabled": False}
    version = client.get("/api/version").json()
    assert version["schema_version"] >= 4 and version["version"]


@pytest.mark.parametrize("params", [{"bbox": "1,2,3"}, {"bbox": "5,5,1,1"}, {"since": "yesterday"},
                                    {"min_confidence": "2"}, {"limit": "0"}, {"sort": "evil"},
                                    {"background": "maybe"}])
def test_bad_parameters_are_json_422s_without_a_trace(client: TestClient, params: dict[str, str]) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "invalid request" and body["detail"]
    assert "Traceback" not in response.text and "File \"" not in response.text


def test_a_hostile_report_comes_back_as_data(client: TestClient) -> None:
    article = client.get("/api/articles/hostile")
    assert article.headers["content-type"] == "application/json"
    assert article.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in article.headers["content-security-policy"]
    body = article.json()
    assert body["title"] == HOSTILE_TITLE and body["text"] == HOSTILE_TEXT
    assert body["publisher"] == "<b>Hostile</b> News"
    found = client.get("/api/events", params={"text": "kawuri"}).json()["events"]
    for event in found:
        assert client.get(f"/api/events/{event['event_id']}").status_code == 200


def test_a_large_body_is_refused_before_it_is_read(client: TestClient) -> None:
    response = client.post("/api/events/merge", content=b"x" * (65 * 1024),
                           headers={"content-type": "application/json"})
    assert response.status_code == 413 and "limited" in response.json()["error"]


def test_a_query_past_the_time_limit_is_a_503(tmp_path: Path) -> None:
    from conflictscope.store.bench import synthetic_events

    db = str(tmp_path / "big.db")
    with open_store(db) as store:
        store.bulk_insert_events(synthetic_events(3000), merge=False)
    app = create_app(ServeConfig(db=db, query_seconds=0.000001))
    with TestClient(app, raise_server_exceptions=False) as slow:
        response = slow.get("/api/aggregates", params={"text": "no such words", "mentions": "true"})
    assert response.status_code == 503 and "longer than" in response.json()["error"]


@pytest.fixture()
def writable(tmp_path: Path) -> Path:
    return writable_copy(tmp_path / "w.db")


def _two_events(db: Path) -> tuple[str, str]:
    with open_store(str(db)) as store:
        found = [e.event_id for e in store.events(EventQuery(country="Nigeria"))]
    return found[0], found[1]


def test_writes_are_refused_without_the_token_and_on_a_read_only_server(writable: Path) -> None:
    a, b = _two_events(writable)
    body = {"first": a, "second": b, "reason": "same attack"}
    for config, headers, status in (
            (ServeConfig(db=str(writable), token="s3cret"), {}, 401),
            (ServeConfig(db=str(writable), token="s3cret"), {"Authorization": "Bearer wrong"}, 401),
            (ServeConfig(db=str(writable)), {"Authorization": "Bearer s3cret"}, 403),
            (ServeConfig(db=str(writable), token="s3cret", read_only=True),
             {"Authorization": "Bearer s3cret"}, 403)):
        with TestClient(create_app(config), raise_server_exceptions=False) as test_client:
            response = test_client.post("/api/events/merge", json=body, headers=headers)
            split = test_client.post(f"/api/events/{a}/split", json={"mentions": [a], "reason": "x"},
                                     headers=headers)
        assert response.status_code == status and split.status_code == status, response.text
        assert "error" in response.json()
    with open_store(str(writable)) as store:
        assert store.overrides() == []


def test_merge_then_split_with_the_token(writable: Path) -> None:
    a, b = _two_events(writable)
    auth = {"Authorization": "Bearer s3cret"}
    with TestClient(create_app(ServeConfig(db=str(writable), token="s3cret"))) as test_client:
        assert test_client.get("/api/health").json()["writes_enabled"] is True
        merged = test_client.post("/api/events/merge", headers=auth, json={
            "first": a, "second": b, "reason": "same attack", "author": "ana"})
        assert merged.status_code == 200, merged.text
        name = merged.json()["event_id"]
        detail = test_client.get(f"/api/events/{name}").json()
        assert {m["event_id"] for m in detail["mentions"]} >= {a, b}
        assert [(o["kind"], o["author"], o["reason"]) for o in detail["overrides"]] == [
            ("merge", "ana", "same attack")]
        again = test_client.post("/api/events/merge", headers=auth, json={
            "first": a, "second": b, "reason": "again"})
        assert again.status_code == 409
        moving = b if name == a else a
        split = test_client.post(f"/api/events/{name}/split", headers=auth, json={
            "mentions": [moving], "reason": "two attacks"})
        assert split.status_code == 200, split.text
        assert test_client.get(f"/api/events/{moving}").json()["event"]["event_id"] == moving
        missing = test_client.post("/api/events/nope/split", headers=auth, json={
            "mentions": ["x"], "reason": "r"})
        assert missing.status_code == 404
    with open_store(str(writable)) as store:
        assert [o.kind for o in store.overrides()] == ["merge", "split"]
