"""The real server: `conflictscope serve` in a subprocess on loopback, and the same application
on a uvicorn thread, answered over HTTP."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from conflictscope.api import ServeConfig
from conflictscope.api.server import free_port, running

from .stores import HOSTILE_TITLE, sample_db, writable_copy


def fetch(url: str, *, data: dict[str, Any] | None = None, token: str | None = None) -> tuple[int, Any]:
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, data=json.dumps(data).encode() if data is not None else None,
                                     headers=headers, method="POST" if data is not None else "GET")
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def wait_for_health(server: subprocess.Popen[str], base: str) -> tuple[int, Any]:
    """The health answer of a ``serve`` process once it listens (fails if it dies or takes a minute)."""
    deadline = time.monotonic() + 60
    while True:
        try:
            return fetch(f"{base}/api/health")
        except (urllib.error.URLError, ConnectionError):
            assert server.poll() is None and time.monotonic() < deadline, "serve did not start"
            time.sleep(0.2)


def test_serve_command_answers_on_loopback_and_says_whether_writes_are_enabled(tmp_path: Path) -> None:
    db = writable_copy(tmp_path / "s.db")
    port = free_port()
    env = {**os.environ, "CONFLICTSCOPE_TOKEN": "tok"}
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "conflictscope"), "serve", "--db", str(db), "--port", str(port)],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        status, health = wait_for_health(server, base)
        assert status == 200 and health["writes_enabled"] is True
        status, page = fetch(f"{base}/api/events?limit=2&sort=-date")
        assert status == 200 and len(page["events"]) == 2 and page["next_cursor"]
        status, spec = fetch(f"{base}/openapi.json")
        assert {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/aggregates",
                "/api/clusters", "/api/export", "/api/health", "/api/version", "/api/events/merge",
                "/api/events/{event_id}/split"} <= set(spec["paths"])
        first, second = (e["event_id"] for e in page["events"])
        assert fetch(f"{base}/api/events/merge", data={"first": first, "second": second, "reason": "r"})[0] == 401
        status, merged = fetch(f"{base}/api/events/merge", token="tok",
                               data={"first": first, "second": second, "reason": "test"})
        assert status == 200 and merged["override"]["kind"] == "merge"
    finally:
        server.terminate()
        _, err = server.communicate(timeout=20)
    assert "writes ENABLED" in err and "tok" not in err.split("writes")[0]


def test_read_only_server_on_a_thread(tmp_path: Path) -> None:
    db = sample_db()
    with running(ServeConfig(db=str(db), read_only=True, token="tok")) as base:
        status, article = fetch(f"{base}/api/articles/hostile")
        assert status == 200 and article["title"] == HOSTILE_TITLE
        status, refused = fetch(f"{base}/api/events/merge", token="tok",
                                data={"first": "a", "second": "b", "reason": "r"})
        assert status == 403 and "read-only" in refused["error"]
        with urllib.request.urlopen(f"{base}/api/export?format=jsonl", timeout=20) as response:
            lines = response.read().decode().splitlines()
        assert lines and all(json.loads(line)["event_id"] for line in lines)


def test_serve_with_two_worker_processes_answers_and_stops(tmp_path: Path) -> None:
    db = writable_copy(tmp_path / "w.db")
    port = free_port()
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "conflictscope"), "serve", "--db", str(db), "--port", str(port),
         "--read-only", "--workers", "2", "--query-seconds", "7"],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        status, health = wait_for_health(server, base)
        assert status == 200 and health["writes_enabled"] is False and health["events"] > 0
        for _ in range(6):  # served by either process, each with its own connections and grids
            status, page = fetch(f"{base}/api/events?limit=3&sort=-date")
            assert status == 200 and len(page["events"]) == 3
            status, found = fetch(f"{base}/api/clusters?zoom=3")
            assert status == 200 and found["total"] > 0
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    assert "read-only: writes refused ; 2 worker processes" in err
    assert err.count("Started server process") == 2
