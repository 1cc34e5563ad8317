"""`POST /api/events/{id}/corrections`: token required, refused read-only, validated (422),
audited, shown per field in `GET /api/events/{id}`; a row marked not an event leaves the list
(and comes back with `not_events=true`)."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from conflictscope.api import ServeConfig, create_app
from conflictscope.store import open_store

from .stores import writable_copy

AUTH = {"Authorization": "Bearer s3cret"}


def _event_ids(db: Path) -> dict[str, str]:
    with open_store(str(db)) as store:
        return {e.sub_event_type: e.event_id for e in store.events()}


def test_corrections_need_the_token_and_a_writable_server(tmp_path: Path) -> None:
    db = writable_copy(tmp_path / "c.db")
    clash = _event_ids(db)["Armed clash"]
    body = {"field": "fatalities", "value": 3, "reason": "toll"}
    for config, headers, status in (
            (ServeConfig(db=str(db), token="s3cret"), {}, 401),
            (ServeConfig(db=str(db), token="s3cret"), {"Authorization": "Bearer wrong"}, 401),
            (ServeConfig(db=str(db)), AUTH, 403),
            (ServeConfig(db=str(db), token="s3cret", read_only=True), AUTH, 403)):
        with TestClient(create_app(config), raise_server_exceptions=False) as client:
            response = client.post(f"/api/events/{clash}/corrections", json=body, headers=headers)
        assert response.status_code == status and "error" in response.json(), response.text
    with open_store(str(db)) as store:
        assert store.corrections() == []


def test_correct_a_field_and_mark_not_an_event(tmp_path: Path) -> None:
    db = writable_copy(tmp_path / "c.db")
    ids = _event_ids(db)
    clash, strike = ids["Armed clash"], ids["Air/drone strike"]
    with TestClient(create_app(ServeConfig(db=str(db), token="s3cret")),
                    raise_server_exceptions=False) as client:
        done = client.post(f"/api/events/{clash}/corrections", headers=AUTH, json={
            "field": "sub_event_type", "value": "Attack", "reason": "a raid", "author": "ana"})
        assert done.status_code == 200, done.text
        body = done.json()
        assert body["correction"]["old_value"] == "Armed clash" and body["event"]["event_type"] == (
            "Violence against civilians")
        detail = client.get(f"/api/events/{clash}").json()
        field = detail["fields"]["sub_event_type"]
        assert field["value"] == "Attack" and field["correction"]["author"] == "ana"
        assert field["correction"]["reason"] == "a raid" and detail["fields"]["actor1"]["correction"] is None
        assert [c["field"] for c in detail["corrections"]] == ["sub_event_type"]
        assert detail["event"]["corrected"] == ["sub_event_type"]
        for bad, message in (({"field": "sub_event_type", "value": "Skirmish"}, "unknown sub-event type"),
                             ({"field": "event_date", "value": "2019-02-30"}, "not a date"),
                             ({"field": "fatalities", "value": -1}, "negative"),
                             ({"field": "fatalities", "value": ["1"]}, "number"),
                             ({"field": "password", "value": "x"}, "cannot be corrected")):
            refused = client.post(f"/api/events/{clash}/corrections", headers=AUTH,
                                  json={**bad, "reason": "test"})
            assert refused.status_code == 422 and message in refused.json()["error"], refused.text
        same = client.post(f"/api/events/{clash}/corrections", headers=AUTH,
                           json={"field": "sub_event_type", "value": "Attack", "reason": "again"})
        assert same.status_code == 409
        missing = client.post("/api/events/nope/corrections", headers=AUTH,
                              json={"field": "fatalities", "value": 1, "reason": "r"})
        assert missing.status_code == 404
        hidden = client.post(f"/api/events/{strike}/corrections", headers=AUTH, json={
            "field": "not_an_event", "value": True, "reason": "a drill"})
        assert hidden.status_code == 200, hidden.text
        listed = {e["event_id"] for e in client.get("/api/events").json()["events"]}
        shown = {e["event_id"] for e in client.get("/api/events?not_events=true").json()["events"]}
        assert strike not in listed and strike in shown
        assert client.get(f"/api/events/{strike}").json()["not_an_event"] is True
        export = client.get("/api/export?format=acled-csv")
        assert strike not in export.text and "corrected=sub_event_type" in export.text
