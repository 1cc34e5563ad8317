"""The SQLite backend (the embedded default) and the in-memory store.

The database runs in WAL mode with ``synchronous=NORMAL``: a committed article
survives a killed process (SIGKILL) and readers never block the writer. Each
article is written in one ``BEGIN IMMEDIATE`` transaction.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from conflictscope.errors import StoreError
from conflictscope.store.sql import SqlStore

#: SQLite's page cache per connection (KiB).
CACHE_KIB = 65536
#: How much of the database file SQLite maps into memory (bytes).
MMAP_BYTES = 256 * 1024 * 1024


class SQLiteStore(SqlStore):
    """An event store in one SQLite file (or in memory with ``path=":memory:"``)."""

    dialect = "sqlite"
    placeholder = "?"

    def __init__(self, path: str | Path, *, read_only: bool = False, url: str | None = None) -> None:
        self.path = str(path)
        self.url = url or f"sqlite:///{self.path}"
        self.read_only = read_only
        memory = self.path == ":memory:"
        if not memory and not read_only:
            parent = Path(self.path).resolve().parent
            if not parent.is_dir():
                raise StoreError(f"cannot create the database {self.path}: no folder {parent}")
        try:
            if read_only:
                if not Path(self.path).exists():
                    raise StoreError(f"the database {self.path} does not exist")
                uri = f"file:{Path(self.path).resolve()}?mode=ro"
                self._conn = sqlite3.connect(uri, uri=True, isolation_level=None,
                                             check_same_thread=False)
            else:
                self._conn = sqlite3.connect(self.path, isolation_level=None,
                                             check_same_thread=False, timeout=30)
            self._conn.execute("PRAGMA foreign_keys = ON")
            # Memory stays bounded whatever the database's size: a 64 MiB page cache and at most
            # MMAP_BYTES of the file mapped (mapped pages count in the resident set; beyond them
            # pages are read through the cache). docs/store.md, "Speed".
            self._conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            self._conn.execute("PRAGMA temp_store = MEMORY")
            self._conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            if not memory and not read_only:
                self._conn.execute("PRAGMA journal_mode = WAL")
                self._conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.Error as exc:
            raise self._wrap_error(exc) from exc
        self._depth = 0
        if read_only:
            if self._table_exists("schema_migrations") is False:
                raise StoreError(f"{self.path} is not a conflictscope database")
        else:
            self.migrate()

    def _table_exists(self, name: str) -> bool:
        row = self._conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        ).fetchone()
        return row is not None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """``BEGIN IMMEDIATE`` ... ``COMMIT``. A nested call is a savepoint inside the outer
        transaction: an error rolls back the nested block alone (as psycopg's nested
        transactions do), and its work commits with the outer transaction."""
        if self._depth:
            name = f"cs_sp{self._depth}"
            try:
                self._conn.execute(f"SAVEPOINT {name}")
            except sqlite3.Error as exc:
                raise self._wrap_error(exc) from exc
            self._depth += 1
            try:
                yield
            except BaseException:
                self._depth -= 1
                with contextlib.suppress(sqlite3.Error):
                    if self._conn.in_transaction:
                        self._conn.execute(f"ROLLBACK TO {name}")
                        self._conn.execute(f"RELEASE {name}")
                raise
            self._depth -= 1
            try:
                self._conn.execute(f"RELEASE {name}")
            except sqlite3.Error as exc:
                raise self._wrap_error(exc) from exc
            return
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self._wrap_error(exc) from exc
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")
            raise
        self._depth = 0
        try:
            self._conn.execute("COMMIT")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")
            raise self._wrap_error(exc) from exc

    def _cursor(self) -> Any:
        return self._conn.cursor()

    def _in_transaction(self) -> bool:
        return bool(self._conn.in_transaction)

    def _wrap_error(self, exc: Exception) -> Exception:
        if isinstance(exc, StoreError) or not isinstance(exc, sqlite3.Error):
            return exc
        text = str(exc)
        lowered = text.lower()
        if "readonly" in lowered or "read-only" in lowered:
            return StoreError(f"the database {self.path} is read-only; nothing was written")
        if "disk is full" in lowered or "database or disk is full" in lowered:
            return StoreError(f"the disk is full (database {self.path}); this write was undone")
        if "not a database" in lowered or "malformed" in lowered:
            return StoreError(f"{self.path} is not a conflictscope database or is damaged ({text})")
        if "locked" in lowered or "busy" in lowered:
            return StoreError(f"the database {self.path} is locked by another process ({text})")
        if "unable to open" in lowered:
            return StoreError(f"cannot open the database {self.path} ({text})")
        return StoreError(f"database error in {self.path}: {text}")

    def close(self) -> None:
        """Close the connection (idempotent); refreshes the planner's statistics first."""
        with contextlib.suppress(sqlite3.Error):
            if not self.read_only:
                self._conn.execute("PRAGMA optimize")
            self._conn.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The raw connection (for tests and tools; do not write through it)."""
        return self._conn
