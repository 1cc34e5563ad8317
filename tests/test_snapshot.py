"""Every row and field ``extract`` gives on a fixed input set, against the checked-in snapshot.

A refactor leaves ``tests/snapshot/expected.jsonl`` as it is. A change of behaviour shows
here first: read the difference, name it in the commit, then run
``python scripts/snapshot.py update`` to accept it.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("snapshot", ROOT / "scripts" / "snapshot.py")
assert _spec is not None and _spec.loader is not None
snapshot = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(snapshot)


def test_extract_output_matches_the_snapshot() -> None:
    inputs = (snapshot.SNAPSHOT / "inputs.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in inputs if line.strip()]
    rows = snapshot.extract_rows(records)
    expected = snapshot.read_rows(snapshot.SNAPSHOT / "expected.jsonl")
    changes = snapshot.diff_rows(expected, rows)
    assert not changes, "extract output changed:\n" + "\n".join(changes[:60])


def test_snapshot_diff_names_a_changed_field() -> None:
    row = {"event_id": "e1", "article_id": "a", "sub_event_type": "Attack", "location": "X",
           "notes": "n", "fatalities": 1}
    assert snapshot.diff_rows([row], [row]) == []
    changed = snapshot.diff_rows([row], [{**row, "fatalities": 2}])
    assert changed == ['~ a e1 fatalities: 1 -> 2']
    assert snapshot.diff_rows([row], [])[0].startswith("- a Attack @ X")
