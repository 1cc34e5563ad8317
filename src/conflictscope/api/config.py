"""What a server runs with, and the store connections its requests use.

Reads go through one connection per worker thread (SQLite connections are not shared
between threads), opened read-only on a SQLite file, with a per-request time limit
enforced by SQLite's progress handler; on PostgreSQL each statement of a read connection
has the same limit (``statement_timeout``). Writes go through a single writer connection
behind a lock, and only when writes are enabled (a token is set and not ``read_only``).
"""

from __future__ import annotations

import hmac
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from conflictscope.errors import StoreError
from conflictscope.store import Store, open_store


class QueryTimeout(StoreError):
    """A query ran past the request's time limit and was interrupted."""


@dataclass(frozen=True, slots=True)
class ServeConfig:
    """Settings of ``conflictscope serve``: the store, whether and how writes are allowed,
    and the request limits."""

    db: str
    read_only: bool = False
    token: str | None = None
    max_body_bytes: int = 64 * 1024
    query_seconds: float = 10.0
    max_page: int = 500
    #: Build the unfiltered store's map grid at start, on a thread (``summaries.warm``).
    warm_grid: bool = True

    @property
    def writes_enabled(self) -> bool:
        """Writes need a token and a server not started ``--read-only``."""
        return bool(self.token) and not self.read_only

    def token_matches(self, given: str | None) -> bool:
        """Whether ``given`` is the write token (constant-time comparison)."""
        if not self.token or not given:
            return False
        return hmac.compare_digest(self.token.encode(), given.encode())


def read_only_url(db: str) -> str:
    """The URL opening ``db`` read-only when it is a SQLite file (others unchanged)."""
    text = db.strip()
    if text.startswith(("postgresql://", "postgres://")) or text in ("memory", ":memory:"):
        return text
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///"):].partition("?")[0]
    return f"sqlite:///{Path(text).resolve()}?mode=ro"


class StorePool:
    """Read connections per thread, one locked writer, and the request deadline."""

    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        if config.db.strip() in ("memory", ":memory:", "sqlite://"):
            raise StoreError("the server needs a database file or a PostgreSQL URL, not memory")
        # create and migrate it once before read-only connections (read-only: check it opens)
        open_store(read_only_url(config.db) if config.read_only else config.db).close()
        self._local = threading.local()
        self._opened: list[Store] = []
        self._guard = threading.Lock()
        self._write_lock = threading.Lock()
        self._writer: Store | None = None
        self._generation = 0
        self._watch: Store | None = None
        self._watch_lock = threading.Lock()
        self._watch_epoch = 0

    def _open_reader(self) -> Store:
        store = open_store(read_only_url(self.config.db))
        connection = getattr(store, "connection", None)
        if connection is not None:  # SQLite: interrupt a query past the deadline
            local = self._local

            def past_deadline() -> int:
                deadline = getattr(local, "deadline", None)
                return 1 if deadline is not None and time.monotonic() > deadline else 0

            connection.set_progress_handler(past_deadline, 4000)
        with self._guard:
            self._opened.append(store)
        return store

    @contextmanager
    def reader(self, *, limit: bool = True) -> Iterator[Store]:
        """This thread's read connection, with the query time limit armed (unless ``limit``
        is off); a query interrupted by the limit raises :class:`QueryTimeout`."""
        held = getattr(self._local, "held", None)
        if held is None or held[0] != self._generation:  # none yet, or closed since
            held = self._local.held = (self._generation, self._open_reader())
            self._local.statement_limit = None
        store = held[1]
        self._local.deadline = time.monotonic() + self.config.query_seconds if limit else None
        limit_statements = getattr(store, "limit_statements", None)
        wanted = self.config.query_seconds if limit else None
        if limit_statements is not None and self._local.statement_limit != wanted:  # PostgreSQL
            limit_statements(wanted)
            self._local.statement_limit = wanted
        try:
            yield store
        except StoreError as exc:
            if "interrupted" in str(exc):
                raise QueryTimeout(f"the query took longer than {self.config.query_seconds:g} s") from None
            raise
        finally:
            self._local.deadline = None

    def generation(self) -> tuple[int, int] | None:
        """A value that changes whenever the store changes, by this server or any other
        process (SQLite: ``PRAGMA data_version`` on a read connection of its own, which never
        writes); None where the backend has none (PostgreSQL)."""
        if self.config.db.strip().startswith(("postgresql://", "postgres://")):
            return None
        with self._watch_lock:
            if self._watch is None:
                self._watch = open_store(read_only_url(self.config.db))
                self._watch_epoch += 1
            connection = getattr(self._watch, "connection", None)
            if connection is None:
                return None
            try:
                return self._watch_epoch, int(connection.execute("PRAGMA data_version").fetchone()[0])
            except Exception:  # noqa: BLE001 - unknown is safe: the caches fall back to their ttl
                return None

    def stream_reader(self) -> Store:
        """A new read connection of its own (for a streamed export; the caller closes it)."""
        return open_store(read_only_url(self.config.db))

    @contextmanager
    def writer(self) -> Iterator[Store]:
        """The writer connection, held alone for the duration."""
        if not self.config.writes_enabled:
            raise StoreError("writes are disabled on this server")
        with self._write_lock:
            if self._writer is None:
                self._writer = open_store(self.config.db)
            yield self._writer

    def close(self) -> None:
        """Close every connection opened (a later request opens new ones)."""
        with self._guard:
            opened, self._opened = self._opened, []
            self._generation += 1
        for store in opened:
            store.close()
        with self._watch_lock:
            if self._watch is not None:
                self._watch.close()
                self._watch = None
        if self._writer is not None:
            self._writer.close()
            self._writer = None
