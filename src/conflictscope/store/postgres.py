"""The PostgreSQL backend: the same SQL as SQLite, through psycopg 3.

Install with ``pip install 'conflictscope[postgres]'``; open with
``open_store("postgresql://user@host:5432/dbname")``. Each article is one
transaction; the connection runs in autocommit mode outside them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from conflictscope.errors import StoreError
from conflictscope.store.sql import SqlStore


class PostgresStore(SqlStore):
    """An event store in a PostgreSQL database."""

    dialect = "postgresql"
    placeholder = "%s"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError:  # pragma: no cover - depends on the install
            raise StoreError(
                "the PostgreSQL backend needs psycopg: pip install 'conflictscope[postgres]'"
            ) from None
        self.url = url
        self._psycopg = psycopg
        try:
            self._conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {_redact(url)}: {exc}".strip()) from None
        self.migrate()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """A (nestable) transaction: commit on success, roll back on error."""
        try:
            with self._conn.transaction():
                yield
        except self._psycopg.Error as exc:
            raise self._wrap_error(exc) from exc

    def _cursor(self) -> Any:
        return self._conn.cursor()

    def limit_statements(self, seconds: float | None) -> None:
        """Cancel any later statement of this connection that runs longer than ``seconds``
        (PostgreSQL's ``statement_timeout``; None: no limit). A cancelled statement raises a
        :class:`StoreError` saying it was interrupted."""
        milliseconds = 0 if seconds is None else max(1, round(seconds * 1000))
        try:
            self._conn.execute(f"SET statement_timeout = {int(milliseconds)}")
        except self._psycopg.Error as exc:
            raise self._wrap_error(exc) from exc

    def _in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return bool(self._conn.info.transaction_status == TransactionStatus.INTRANS)

    def _wrap_error(self, exc: Exception) -> Exception:
        if isinstance(exc, StoreError) or not isinstance(exc, self._psycopg.Error):
            return exc
        errors = self._psycopg.errors
        where = _redact(self.url)
        if isinstance(exc, errors.ReadOnlySqlTransaction | errors.InsufficientPrivilege):
            return StoreError(f"the database {where} is read-only for us; nothing was written")
        if isinstance(exc, errors.DiskFull):
            return StoreError(f"the disk of {where} is full; this write was undone")
        if isinstance(exc, errors.QueryCanceled):
            return StoreError(f"the query on {where} was interrupted: it ran past the statement time limit")
        return StoreError(f"database error in {where}: {exc}".strip())

    def close(self) -> None:
        """Close the connection (idempotent)."""
        with contextlib.suppress(Exception):
            self._conn.close()


def _redact(url: str) -> str:
    """The URL without its password."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    creds, host = rest.rsplit("@", 1)
    user = creds.split(":", 1)[0]
    return f"{scheme}://{user}@{host}"
