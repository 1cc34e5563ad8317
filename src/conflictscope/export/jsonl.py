"""JSON Lines export: one full event record (with evidence and sources) per line."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TextIO

from conflictscope.models import Event
from conflictscope.serialize import event_from_dict, event_to_dict

#: Line separators that some JSON Lines readers (str.splitlines) split on: keep them escaped.
_SEPARATORS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def dumps_line(event: Event) -> str:
    """One event as a single JSON line (UTF-8 kept, odd line separators escaped)."""
    line = json.dumps(event_to_dict(event), ensure_ascii=False)
    for char, escape in _SEPARATORS.items():
        line = line.replace(char, escape)
    return line


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    """Write ``events`` as JSON Lines to ``out``; returns how many."""
    count = 0
    for event in events:
        out.write(dumps_line(event) + "\n")
        count += 1
    return count


def read_jsonl(lines: Iterable[str]) -> Iterator[Event]:
    """Events back from JSON Lines text."""
    for line in lines:
        if line.strip():
            yield event_from_dict(json.loads(line))
