"""Stores the API tests serve: the project's own sample reports (``samples/``) plus a hostile
report, ingested once per test process by the real pipeline (``conflictscope ingest``)."""

from __future__ import annotations

import functools
import json
import shutil
import tempfile
from pathlib import Path

from click.testing import CliRunner

from conflictscope.cli import main

ROOT = Path(__file__).resolve().parents[2]
HOSTILE_TITLE = "<script>alert('title')</script> Gunmen attack village"
HOSTILE_TEXT = (
    "MAIDUGURI, Nigeria (Samples) — Suspected Boko Haram gunmen killed four villagers in an attack "
    "on Kawuri village in Borno State on Saturday, residents said. <script>alert('text')</script> "
    "<img src=x onerror=alert('img')> The attackers burned houses before soldiers arrived, a local "
    "official said."
)


@functools.lru_cache(maxsize=1)
def sample_db() -> Path:
    """A SQLite store of ``samples/`` and the hostile report (built once; copy it to write)."""
    folder = Path(tempfile.mkdtemp(prefix="conflictscope-api-"))
    reports = folder / "reports"
    shutil.copytree(ROOT / "samples", reports)
    (reports / "2023-05-06-hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (reports / "2023-05-06-hostile.json").write_text(json.dumps({
        "id": "hostile", "published": "2023-05-06", "title": HOSTILE_TITLE,
        "url": "https://example.org/<script>", "publisher": "<b>Hostile</b> News"}), encoding="utf-8")
    db = folder / "samples.db"
    result = CliRunner().invoke(main, ["ingest", str(reports), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def writable_copy(target: Path) -> Path:
    """A copy of the sample store at ``target`` (for tests that write)."""
    shutil.copy(sample_db(), target)
    return target
