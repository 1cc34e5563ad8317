"""The SQL implementation of :class:`~conflictscope.store.base.Store`, shared by backends.

Backends supply a DB-API connection, a ``transaction()`` context manager, the
dialect name and the error mapping; all SQL lives here and is written once with
``?`` placeholders (converted for drivers that use ``%s``) and constructs that
SQLite (>= 3.24) and PostgreSQL both accept (``ON CONFLICT ... DO UPDATE``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from conflictscope.errors import StoreError
from conflictscope.models import Article, Event
from conflictscope.store import rows
from conflictscope.store.base import (
    ArticleSource,
    ArticleWrite,
    EventQuery,
    JournalEntry,
    StoredArticle,
    StoreStats,
    TextSignature,
)
from conflictscope.store.correcting import CorrectionWriter
from conflictscope.store.merging import MergeWriter, article_of_event
from conflictscope.store.overrides import OverrideWriter
from conflictscope.store.query import build_where, select_sql
from conflictscope.store.records import RecordReader
from conflictscope.store.schema import (
    MENTIONS_MIGRATION,
    MIGRATIONS,
    MIGRATIONS_TABLE,
    statements_for,
)
from conflictscope.store.signatures import SignatureStore
from conflictscope.store.stats import StatsReader

if TYPE_CHECKING:
    import pandas as pd

_EVENT_INSERT = (
    f"INSERT INTO events ({', '.join(rows.EVENT_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in rows.EVENT_COLUMNS)}) "
    "ON CONFLICT (event_id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in rows.EVENT_COLUMNS[1:])
)
_EVIDENCE_INSERT = "INSERT INTO event_evidence VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
_ACTOR_INSERT = "INSERT INTO event_actors VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
_SOURCE_INSERT = "INSERT INTO event_sources VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
_PLACE_INSERT = (
    "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (place_id) DO UPDATE SET "
    "name = excluded.name, country = excluded.country, iso3 = excluded.iso3, "
    "admin1 = excluded.admin1, admin2 = excluded.admin2, latitude = excluded.latitude, "
    "longitude = excluded.longitude, gazetteer_id = excluded.gazetteer_id"
)
_CHILD_TABLES = ("event_evidence", "event_actors", "event_sources")


def now() -> str:
    """The current UTC time as ISO text."""
    return datetime.now(UTC).isoformat(timespec="seconds")


class SqlStore(SignatureStore, MergeWriter, OverrideWriter, CorrectionWriter, StatsReader,
               RecordReader):
    """Everything a store does, in portable SQL. Subclasses provide the connection."""

    dialect = "sqlite"
    placeholder = "?"
    url: str

    # -- backend hooks ---------------------------------------------------
    def transaction(self) -> contextlib.AbstractContextManager[Any]:
        """A context manager: commit on success, roll back on error."""
        raise NotImplementedError

    def _cursor(self) -> Any:
        raise NotImplementedError

    def _wrap_error(self, exc: Exception) -> Exception:
        """The :class:`StoreError` to raise for a driver error (or ``exc`` itself)."""
        return exc

    def _in_transaction(self) -> bool:
        """Whether a transaction is open on the connection (a driver may roll one back whole
        on some errors: SQLite on a full disk or an I/O error, for instance)."""
        raise NotImplementedError

    def close(self) -> None:
        """Release the connection."""
        raise NotImplementedError

    # -- plumbing --------------------------------------------------------
    def _sql(self, sql: str) -> str:
        return sql if self.placeholder == "?" else sql.replace("?", self.placeholder)

    def _exec(self, sql: str, params: Sequence[Any] = ()) -> Any:
        cursor = self._cursor()
        try:
            cursor.execute(self._sql(sql), tuple(params))
        except Exception as exc:
            raise self._wrap_error(exc) from exc
        return cursor

    def _many(self, sql: str, params: Sequence[Sequence[Any]]) -> None:
        if not params:
            return
        cursor = self._cursor()
        try:
            cursor.executemany(self._sql(sql), params)
        except Exception as exc:
            raise self._wrap_error(exc) from exc

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        return list(self._exec(sql, params).fetchall())

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._exec(sql, params).fetchone()

    def migrate(self) -> int:
        """Apply the migrations this database lacks; returns the schema version."""
        try:  # a read-only, up-to-date database must open without any write
            applied = {row[0] for row in self._all("SELECT version FROM schema_migrations")}
        except Exception:
            with self.transaction():
                self._exec(MIGRATIONS_TABLE)
            applied = set()
        backfill = False
        for migration in MIGRATIONS:
            if migration.version in applied:
                continue
            backfill |= migration.version == MENTIONS_MIGRATION and bool(applied)
            with self.transaction():
                for statement in statements_for(migration, self.dialect):
                    self._exec(statement)
                self._exec(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    (migration.version, migration.name, now()),
                )
        if backfill:  # events stored before canonical events existed become mentions
            self.backfill_mentions()
        return self.schema_version()

    def schema_version(self) -> int:
        """The highest applied migration."""
        row = self._one("SELECT MAX(version) FROM schema_migrations")
        return int(row[0] or 0)

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- writing ---------------------------------------------------------
    def save_article(
        self,
        article: Article,
        events: Sequence[Event],
        *,
        pipeline_version: str,
        source: ArticleSource | None = None,
        journal: JournalEntry | None = None,
        signature: TextSignature | None = None,
        replaces: str | None = None,
        similarity: float | None = None,
    ) -> int:
        """Store an article, replace its events, add its source and journal row: one transaction.

        ``signature`` (near-duplicate detection) is stored with its band keys; without
        one, a signature stored before for this id is dropped (its text may have
        changed). ``replaces`` names a stored near-duplicate this text displaces as the
        kept text (``similarity`` apart): its sources and journal rows move here, its
        events and the article itself are deleted, all in the same transaction.
        """
        stamp = now()
        digest = article.content_hash
        with self.transaction():
            row = self._one("SELECT article_id FROM articles WHERE content_hash = ?", (digest,))
            if row is not None and row[0] != article.id:
                self._add_source(row[0], source or _source_of(article))
                if journal is not None:
                    self._record(_with(journal, status="duplicate", article_id=row[0], events=0))
                return 0
            self._exec(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (article_id) DO UPDATE SET content_hash = excluded.content_hash, "
                "text = excluded.text, title = excluded.title, published = excluded.published, "
                "url = excluded.url, publisher = excluded.publisher, language = excluded.language, "
                "pipeline_version = excluded.pipeline_version, stored_at = excluded.stored_at",
                (article.id, digest, article.text, article.title, rows.iso(article.published),
                 article.url, article.publisher, article.language, pipeline_version, stamp),
            )
            self._delete_events_of(article.id)
            self._insert_events(events, stamp)
            self._put_signature(article.id, signature)
            self._add_source(article.id, source or _source_of(article))
            if replaces is not None and replaces != article.id:
                self._absorb(replaces, article.id, similarity)
            self._replace_mentions([article.id, *([replaces] if replaces else [])], [(article, events)])
            if journal is not None:
                self._record(_with(journal, article_id=article.id, events=len(events)))
        return len(events)

    def save_articles(self, writes: Sequence[ArticleWrite]) -> list[int | StoreError]:
        """Several articles in one transaction, each in a savepoint (:meth:`save_article` nests):
        a failing article is undone alone and its :class:`StoreError` returned in its place; the
        others commit together. Raises :class:`StoreError` (nothing committed) when the
        transaction itself fails: it could not begin or commit, or the driver rolled it back
        whole after an article's error."""
        results: list[int | StoreError] = []
        with self.transaction():
            for write in writes:
                try:
                    results.append(self.save_article(
                        write.article, write.events, pipeline_version=write.pipeline_version,
                        source=write.source, journal=write.journal, signature=write.signature,
                        replaces=write.replaces, similarity=write.similarity))
                except StoreError as exc:
                    if not self._in_transaction():
                        raise StoreError(f"the batch's transaction was rolled back ({exc})") from exc
                    results.append(exc)
        return results

    def _absorb(self, old_id: str, new_id: str, similarity: float | None) -> None:
        """Fold the stored article ``old_id`` into ``new_id`` (inside a transaction)."""
        if self._one("SELECT 1 FROM articles WHERE article_id = ?", (old_id,)) is None:
            return
        self._exec(
            "INSERT INTO article_sources SELECT ?, source_key, url, publisher, published, input "
            "FROM article_sources WHERE article_id = ? ON CONFLICT DO NOTHING", (new_id, old_id))
        self._exec(
            "UPDATE ingest_journal SET status = 'near-duplicate', events = 0, similarity = ?, "
            "updated_at = ? WHERE article_id = ? AND status IN ('ok', 'warning', 'skipped', "
            "'duplicate')", (similarity, now(), old_id))
        self._exec("UPDATE ingest_journal SET article_id = ? WHERE article_id = ?",
                   (new_id, old_id))
        self._delete_events_of(old_id)
        self._put_signature(old_id, None)
        self._exec("DELETE FROM article_sources WHERE article_id = ?", (old_id,))
        self._exec("DELETE FROM articles WHERE article_id = ?", (old_id,))
    def _delete_events_of(self, article_id: str) -> None:
        for table in _CHILD_TABLES:
            self._exec(
                f"DELETE FROM {table} WHERE event_id IN "
                "(SELECT event_id FROM events WHERE article_id = ?)",
                (article_id,),
            )
        self._exec("DELETE FROM events WHERE article_id = ?", (article_id,))

    def _insert_events(self, events: Iterable[Event], stamp: str) -> int:
        batch = list(events)
        if not batch:
            return 0
        ids = [(e.event_id,) for e in batch]
        for table in _CHILD_TABLES:  # an event id re-used by another article: start clean
            self._many(f"DELETE FROM {table} WHERE event_id = ?", ids)
        self._many(_EVENT_INSERT, [rows.event_row(e, stamp) for e in batch])
        self._many(_EVIDENCE_INSERT, [r for e in batch for r in rows.evidence_rows(e)])
        self._many(_ACTOR_INSERT, [r for e in batch for r in rows.actor_rows(e)])
        self._many(_SOURCE_INSERT, [r for e in batch for r in rows.source_rows(e)])
        places = {p[0]: p for e in batch if (p := rows.place_row(e)) is not None}
        self._many(_PLACE_INSERT, list(places.values()))
        return len(batch)

    def bulk_insert_events(self, events: Iterable[Event], *, batch_size: int = 10_000,
                           merge: bool = True) -> int:
        """Insert many events in batches of ``batch_size`` (one transaction per batch).

        With ``merge`` (the default) each event also becomes a mention, clustered into canonical
        events like an ingested article's (its article is read from its first source);
        ``merge=False`` stores the events only (``EventQuery(mentions=True)`` finds them).
        """
        total = 0
        batch: list[Event] = []
        for event in events:
            batch.append(event)
            if len(batch) >= batch_size:
                total += self._bulk_batch(batch, merge)
                batch = []
        if batch:
            total += self._bulk_batch(batch, merge)
        return total

    def _bulk_batch(self, batch: list[Event], merge: bool) -> int:
        with self.transaction():
            count = self._insert_events(batch, now())
            if merge:
                by_article: dict[str, list[Event]] = {}
                for event in {e.event_id: e for e in batch}.values():
                    by_article.setdefault(event.article_id, []).append(event)
                added = [(article_of_event(events[0]), events) for _, events in sorted(by_article.items())]
                self._replace_mentions([], added, removed_ids=[e.event_id for e in batch])
        return count

    def delete_article(self, article_id: str) -> bool:
        """Delete an article with its events, sources, signature and mentions (its clusters are
        re-clustered); its journal rows stay. Returns whether it was stored."""
        with self.transaction():
            if self._one("SELECT 1 FROM articles WHERE article_id = ?", (article_id,)) is None:
                return False
            self._delete_events_of(article_id)
            self._put_signature(article_id, None)
            self._exec("DELETE FROM article_sources WHERE article_id = ?", (article_id,))
            self._exec("DELETE FROM articles WHERE article_id = ?", (article_id,))
            self._replace_mentions([article_id], [])
        return True

    def add_source(self, article_id: str, source: ArticleSource) -> None:
        """Record one more place an already-stored article was found."""
        with self.transaction():
            self._add_source(article_id, source)

    def _add_source(self, article_id: str, source: ArticleSource) -> None:
        key = source.url or source.input or "-"
        self._exec(
            "INSERT INTO article_sources VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (article_id, key, source.url, source.publisher, rows.iso(source.published), source.input),
        )

    def record(self, entry: JournalEntry) -> None:
        """Write (or overwrite) the journal row of one input."""
        with self.transaction():
            self._record(entry)

    def _record(self, entry: JournalEntry) -> None:
        self._exec(
            "INSERT INTO ingest_journal VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (input) DO UPDATE "
            "SET status = excluded.status, pipeline_version = excluded.pipeline_version, "
            "article_id = excluded.article_id, events = excluded.events, "
            "error = excluded.error, updated_at = excluded.updated_at, "
            "similarity = excluded.similarity",
            (entry.input, entry.status, entry.pipeline_version, entry.article_id, entry.events,
             entry.error, now(), entry.similarity),
        )

    # -- reading ---------------------------------------------------------
    def processed_version(self, content_hash: str) -> tuple[str, str] | None:
        """``(article_id, pipeline_version)`` of the stored article with this text, or None."""
        row = self._one(
            "SELECT article_id, pipeline_version FROM articles WHERE content_hash = ?",
            (content_hash,),
        )
        return (row[0], row[1]) if row else None

    def get_article(self, article_id: str) -> StoredArticle | None:
        """The stored article with its sources, or None."""
        found = self._all(_ARTICLE_SELECT + " WHERE a.article_id = ?", (article_id,))
        return self._stored_article(found[0]) if found else None

    def articles(self) -> Iterator[StoredArticle]:
        """Every stored article, by id."""
        for row in self._all(_ARTICLE_SELECT + " ORDER BY a.article_id"):
            yield self._stored_article(row)

    def _stored_article(self, row: Sequence[Any]) -> StoredArticle:
        (aid, digest, text, title, published, url, publisher, language, version, count) = row
        sources = tuple(
            ArticleSource(u, p, date.fromisoformat(d) if d else None, i)
            for u, p, d, i in self._all(
                "SELECT url, publisher, published, input FROM article_sources "
                "WHERE article_id = ? ORDER BY source_key",
                (aid,),
            )
        )
        article = Article(
            id=aid, text=text, published=date.fromisoformat(published) if published else None,
            title=title, url=url, publisher=publisher, language=language,
        )
        return StoredArticle(article, digest, version, sources, int(count))

    def get_event(self, event_id: str) -> Event | None:
        """One event by id, or None."""
        row = self._one(f"SELECT {rows.READ_SQL} FROM events e WHERE e.event_id = ?", (event_id,))
        return rows.event_from_row(row) if row else None

    def events(self, query: EventQuery | None = None) -> Iterator[Event]:
        """Events matching ``query``, in its sort order (by default date then id)."""
        sql, params = select_sql(self._visible(query or EventQuery()), rows.READ_SQL,
                                 dialect=self.dialect)
        cursor = self._exec(sql, params)
        while True:  # stream: an export of millions of events never holds them all
            batch = cursor.fetchmany(2000)
            if not batch:
                break
            for row in batch:
                yield rows.event_from_row(row)

    def count_events(self, query: EventQuery | None = None) -> int:
        """How many events match ``query``."""
        q = query or EventQuery()
        where, params = build_where(self._visible(q), canonical=not q.mentions, dialect=self.dialect)
        table = "events" if q.mentions else "canonical_events"
        return int(self._one(f"SELECT COUNT(*) FROM {table} e{where}", params)[0])

    def article_sources(self, article_ids: Iterable[str]) -> dict[str, list[ArticleSource]]:
        """Sources of each article id (for exports that list every publisher)."""
        out: dict[str, list[ArticleSource]] = {}
        for aid in set(article_ids):
            out[aid] = [
                ArticleSource(u, p, date.fromisoformat(d) if d else None, i)
                for u, p, d, i in self._all(
                    "SELECT url, publisher, published, input FROM article_sources "
                    "WHERE article_id = ? ORDER BY source_key", (aid,))
            ]
        return out

    def journal(self, status: str | None = None) -> list[JournalEntry]:
        """Journal rows (optionally one status), by input."""
        sql = f"SELECT {_JOURNAL_COLUMNS} FROM ingest_journal"
        params: tuple[Any, ...] = ()
        if status:
            sql, params = sql + " WHERE status = ?", (status,)
        return [JournalEntry(*row) for row in self._all(sql + " ORDER BY input", params)]

    def journal_entry(self, input_key: str) -> JournalEntry | None:
        """The journal row of one input, or None."""
        row = self._one(f"SELECT {_JOURNAL_COLUMNS} FROM ingest_journal WHERE input = ?",
                        (input_key,))
        return JournalEntry(*row) if row else None

    def set_setting(self, name: str, value: str) -> None:
        """Record a setting of the store (e.g. what the last ingest ran with)."""
        with self.transaction():
            self._exec(
                "INSERT INTO store_settings VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
                "value = excluded.value, updated_at = excluded.updated_at", (name, value, now()))

    def settings(self) -> dict[str, str]:
        """Every recorded setting, by name."""
        return dict(self._all("SELECT name, value FROM store_settings ORDER BY name"))

    def stats(self) -> StoreStats:
        """Counts of articles, events, sources and journal rows by status."""
        count = lambda table: int(self._one(f"SELECT COUNT(*) FROM {table}")[0])  # noqa: E731
        by_status = dict(self._all("SELECT status, COUNT(*) FROM ingest_journal GROUP BY status"))
        return StoreStats(count("articles"), count("events"), count("article_sources"),
                          {k: int(v) for k, v in by_status.items()}, self.schema_version())

    def to_dataframe(self, query: EventQuery | None = None) -> pd.DataFrame:
        """Matching events as a pandas DataFrame (dates as datetime64)."""
        from conflictscope.export.frame import events_to_dataframe

        return events_to_dataframe(self.events(query))


_ARTICLE_SELECT = (
    "SELECT a.article_id, a.content_hash, a.text, a.title, a.published, a.url, a.publisher, "
    "a.language, a.pipeline_version, "
    "(SELECT COUNT(*) FROM events e WHERE e.article_id = a.article_id) FROM articles a"
)


_JOURNAL_COLUMNS = (
    "input, status, pipeline_version, article_id, events, error, updated_at, similarity"
)


def _source_of(article: Article) -> ArticleSource:
    return ArticleSource(article.url, article.publisher, article.published, "")


def _with(entry: JournalEntry, **changes: Any) -> JournalEntry:
    from dataclasses import replace

    return replace(entry, **changes)
