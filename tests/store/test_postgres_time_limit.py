"""The server's query time limit on PostgreSQL: each statement of a read connection is cancelled
past the limit (``statement_timeout``) and the request gets :class:`QueryTimeout`, as on SQLite
(written for this suite)."""

from __future__ import annotations

import pytest

from conflictscope.api.config import QueryTimeout, ServeConfig, StorePool
from conflictscope.errors import StoreError
from conflictscope.store import open_store

from .backends import _fresh_pg_database, postgres_url  # noqa: F401

pytestmark = pytest.mark.postgres


def test_a_postgresql_query_past_the_time_limit_is_interrupted(postgres_url: str) -> None:  # noqa: F811
    url = _fresh_pg_database(postgres_url)
    open_store(url).close()
    pool = StorePool(ServeConfig(db=url, query_seconds=0.05))
    try:
        with pytest.raises(QueryTimeout, match="longer than"), pool.reader() as store:
            store._one("SELECT pg_sleep(2)")  # type: ignore[attr-defined]
        with pool.reader() as store:  # the connection still serves the next request
            assert store.count_events() == 0
        with pool.reader(limit=False) as store:  # the unlimited reader (the cached map grid)
            store._one("SELECT pg_sleep(0.2)")  # type: ignore[attr-defined]
    finally:
        pool.close()


def test_the_statement_limit_is_the_store_s_own_error(postgres_url: str) -> None:  # noqa: F811
    with open_store(_fresh_pg_database(postgres_url)) as store:
        store.limit_statements(0.05)  # type: ignore[attr-defined]
        with pytest.raises(StoreError, match="interrupted"):
            store._one("SELECT pg_sleep(2)")  # type: ignore[attr-defined]
        store.limit_statements(None)  # type: ignore[attr-defined]
        store._one("SELECT pg_sleep(0.1)")  # type: ignore[attr-defined]
