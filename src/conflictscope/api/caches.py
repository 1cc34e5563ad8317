"""Summaries of recent filter sets kept by the server (map grids, aggregate parts), valid while
the store is unchanged.

An entry is valid while the store's write generation (``StorePool.generation``: SQLite's
``PRAGMA data_version`` on a connection of the pool's own, which changes whenever any other
connection or process commits) is the one read before it was built; where no generation is
known (PostgreSQL) it lives ``ttl`` seconds. Writes through this server clear the caches too.
Each filter set is built once at a time; the requests asking for it meanwhile wait for it.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import replace
from typing import Any, Generic, TypeVar

from conflictscope.store import EventQuery

T = TypeVar("T")


def filter_key(query: EventQuery) -> EventQuery:
    """The filters of ``query`` without its paging (limit, offset, cursor, sort)."""
    return replace(query, limit=None, offset=0, after=None, sort="date")


def filter_key_without_box(query: EventQuery) -> EventQuery:
    """:func:`filter_key` without the box (a map grid serves every view)."""
    return replace(filter_key(query), bbox=None)


class SummaryCache(Generic[T]):
    """Up to ``size`` summaries built by ``build(store, key)``, by filter set."""

    def __init__(self, build: Callable[[Any, EventQuery], T], generation: Callable[[], Hashable | None],
                 *, key: Callable[[EventQuery], EventQuery] = filter_key, size: int = 32,
                 ttl: float = 60.0) -> None:
        self.build, self.generation, self.key = build, generation, key
        self.size, self.ttl = size, ttl
        self._entries: OrderedDict[EventQuery, tuple[float, Hashable | None, T]] = OrderedDict()
        self._lock = threading.Lock()
        self._building: dict[EventQuery, threading.Lock] = {}

    def _valid(self, entry: tuple[float, Hashable | None, T], generation: Hashable | None) -> bool:
        if generation is not None:
            return entry[1] == generation
        return time.monotonic() - entry[0] < self.ttl

    def fresh(self, query: EventQuery) -> T | None:
        """The summary of ``query`` when one is cached and valid, else None (never builds)."""
        key, generation = self.key(query), self.generation()
        with self._lock:
            found = self._entries.get(key)
            if found is None or not self._valid(found, generation):
                return None
            self._entries.move_to_end(key)
            return found[2]

    def get(self, store: Any, query: EventQuery) -> T:
        """The summary of ``query``, built (with ``store``) when none is valid."""
        key = self.key(query)
        with self._lock:
            lock = self._building.setdefault(key, threading.Lock())
        with lock:
            generation = self.generation()  # read before building: a write meanwhile invalidates
            with self._lock:
                found = self._entries.get(key)
                if found is not None and self._valid(found, generation):
                    self._entries.move_to_end(key)
                    return found[2]
            value = self.build(store, key)
            with self._lock:
                self._entries[key] = (time.monotonic(), generation, value)
                self._entries.move_to_end(key)
                while len(self._entries) > self.size:
                    self._entries.popitem(last=False)
            return value

    def clear(self) -> None:
        """Forget every summary (after a write)."""
        with self._lock:
            self._entries.clear()
