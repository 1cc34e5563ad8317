"""Halves of a gold file, by a stable hash of each record's id.

Tune on one half, check on the other: a gain only on the tuning half is noise.
The half of a record depends on its id alone (not on the file's order, the
Python hash seed or the other records), so every command and every run agrees:

    half_of(id) = int(sha1(str(id).encode("utf-8")).hexdigest(), 16) % 2
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")

#: The values a ``--half`` option takes.
HALVES = ("0", "1", "all")


def half_of(record_id: object) -> int:
    """0 or 1: the half a record of this id belongs to."""
    digest = hashlib.sha1(str(record_id).encode("utf-8")).hexdigest()  # noqa: S324 - not security
    return int(digest, 16) % 2


def parse_half(half: str | int | None) -> int | None:
    """``"0"``/``0`` -> 0, ``"1"``/``1`` -> 1, ``"all"``/None -> None (every record)."""
    if half is None or str(half) == "all":
        return None
    if str(half) in ("0", "1"):
        return int(half)
    raise ValueError(f"half must be 0, 1 or all, not {half!r}")


def select_half(records: Iterable[T], half: str | int | None, key: Callable[[T], object]) -> list[T]:
    """The records of one half (by ``key(record)``, the record's id), or all of them."""
    chosen = parse_half(half)
    if chosen is None:
        return list(records)
    return [record for record in records if half_of(key(record)) == chosen]
