"""The event store: articles, events with provenance, and the ingest journal.

``open_store(url)`` picks the backend from the URL:

* a path or ``sqlite:///path/to.db`` (the default, ``./conflictscope.db``);
  ``sqlite:///path?mode=ro`` opens it read-only;
* ``memory`` / ``:memory:`` / ``sqlite://`` for a throw-away in-memory store;
* ``postgresql://user@host:port/db`` (or ``postgres://``) for PostgreSQL.
"""

from __future__ import annotations

from pathlib import Path

from conflictscope.errors import StoreError
from conflictscope.store.base import (
    ArticleSource,
    ArticleWrite,
    Correction,
    EventQuery,
    JournalEntry,
    Store,
    StoredArticle,
    StoreStats,
)

DEFAULT_DB = "conflictscope.db"


def open_store(url: str | Path = DEFAULT_DB) -> Store:
    """Open (creating and migrating if needed) the store at ``url``."""
    text = str(url).strip()
    if not text:
        raise StoreError("no database given (use a path, sqlite:///PATH or postgresql://...)")
    if text.startswith(("postgresql://", "postgres://")):
        from conflictscope.store.postgres import PostgresStore

        return PostgresStore(text)
    from conflictscope.store.sqlite import SQLiteStore

    if text in ("memory", ":memory:", "sqlite://", "sqlite:///:memory:"):
        return SQLiteStore(":memory:", url="memory")
    read_only = False
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///"):]
        if "?" in text:
            text, _, options = text.partition("?")
            read_only = "mode=ro" in options.split("&")
    elif "://" in text:
        scheme = text.split("://", 1)[0]
        raise StoreError(f"unknown database URL scheme {scheme!r} (use sqlite:/// or postgresql://)")
    return SQLiteStore(text, read_only=read_only, url=str(url))


__all__ = [
    "DEFAULT_DB",
    "ArticleSource",
    "ArticleWrite",
    "Correction",
    "EventQuery",
    "JournalEntry",
    "Store",
    "StoreStats",
    "StoredArticle",
    "open_store",
]
