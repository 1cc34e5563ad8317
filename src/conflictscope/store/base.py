"""The event store contract: the :class:`Store` protocol and the records it trades in.

Every backend (SQLite, PostgreSQL, in-memory SQLite) implements :class:`Store`;
one contract test suite (``tests/store/test_contract.py``) runs against each.

The unit of writing is one article: :meth:`Store.save_article` stores the
article, replaces its events and writes its journal row in ONE transaction, so a
run killed at any point leaves every article either fully stored or not at all.
:meth:`Store.save_articles` writes several in one transaction, each in a savepoint, so one
article's failure undoes that article alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal, Protocol, runtime_checkable

from conflictscope.errors import StoreError
from conflictscope.models import Article, Event

if TYPE_CHECKING:
    import pandas as pd

    from conflictscope.store.stats import AggregateParts, Aggregates, GridBase, GridCluster

JournalStatus = Literal["ok", "skipped", "duplicate", "near-duplicate", "failed", "warning"]


@dataclass(frozen=True, slots=True)
class ArticleSource:
    """One place an article was found (two URLs with the same text: two sources)."""

    url: str = ""
    publisher: str = ""
    published: date | None = None
    input: str = ""  # the file (and line) it was read from


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as stored: its text, metadata, content hash and every source."""

    article: Article
    content_hash: str
    pipeline_version: str
    sources: tuple[ArticleSource, ...] = ()
    event_count: int = 0


@dataclass(frozen=True, slots=True)
class TextSignature:
    """What near-duplicate detection keeps of a text (``conflictscope.ingest.neardup``).

    ``values`` are the MinHash hash values (little-endian uint32), ``bands`` the LSH
    band keys (signed 64-bit) the store indexes; ``scheme`` names the parameters, and
    signatures of different schemes are never compared.
    """

    scheme: str
    words: int
    shingles: int
    values: bytes
    bands: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class NearDuplicateCandidate:
    """A stored article sharing at least one LSH band with a new text."""

    article_id: str
    content_hash: str
    signature: TextSignature
    shared_bands: int = 0


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """What happened to one input (a file, or one record of a JSON Lines file)."""

    input: str
    status: JournalStatus
    pipeline_version: str = ""
    article_id: str = ""
    events: int = 0
    error: str = ""
    updated_at: str = ""
    similarity: float | None = None  # near-duplicate: estimated Jaccard with the kept text


@dataclass(frozen=True, slots=True)
class ArticleWrite:
    """One article for :meth:`Store.save_articles`: the arguments of :meth:`Store.save_article`."""

    article: Article
    events: Sequence[Event]
    pipeline_version: str
    source: ArticleSource | None = None
    journal: JournalEntry | None = None
    signature: TextSignature | None = None
    replaces: str | None = None
    similarity: float | None = None


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters for :meth:`Store.events`; every filter left at None is ignored.

    ``country`` matches the country name or ISO3 code (case-insensitive);
    ``actor`` matches actor1, actor2 or an associated actor (substring,
    case-insensitive); ``bbox`` is ``(min_lon, min_lat, max_lon, max_lat)``;
    ``text`` searches notes, actors, places and evidence text.

    By default the rows are **canonical events** (one per real event, merged across reports:
    docs/merge.md); ``mentions=True`` returns the per-article events (mentions) instead. On
    canonical events ``actor``, ``text`` and ``article_id`` match any of the event's mentions.

    ``include_background=False`` leaves out events told as history, ``background_only`` keeps
    only those. Rows an analyst marked "not an event" are left out unless ``include_not_events``. ``sort`` is one of :data:`SORTS` (``-`` first: descending; ties go by event
    id in the same direction); ``after`` is the ``(sort value, event id)`` of the last row of
    the previous page (keyset pagination: :func:`conflictscope.store.query.sort_value`).
    """

    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    bbox: tuple[float, float, float, float] | None = None
    min_confidence: float | None = None
    text: str | None = None
    article_id: str | None = None
    include_background: bool = True
    limit: int | None = None
    offset: int = 0
    mentions: bool = False
    background_only: bool = False
    include_not_events: bool = False
    sort: str = "date"
    after: tuple[Any, str] | None = None


#: The orders :class:`EventQuery` knows (each also with a leading ``-``: descending).
SORTS = ("date", "confidence", "deaths", "id")


@dataclass(frozen=True, slots=True)
class EventCluster:
    """A canonical event, where each of its fields came from, and its mentions (each report's
    own version of the event, by id)."""

    event: Event
    provenance: dict[str, Any]
    mentions: tuple[Event, ...]


@dataclass(frozen=True, slots=True)
class Override:
    """An analyst's merge or split of canonical events, with its audit record."""

    override_id: str
    kind: Literal["merge", "split"]
    event_id: str
    mention_ids: tuple[str, ...]
    reason: str
    author: str
    created_at: str


@dataclass(frozen=True, slots=True)
class Correction:
    """An analyst's correction of one field of an event (or "not an event"), with its audit
    record. ``mention_id`` is the mention it is anchored to (it follows that mention across
    re-extraction); ``active`` says whether that mention is still stored."""

    correction_id: str
    event_id: str
    mention_id: str
    article_id: str
    field: str
    old_value: Any
    new_value: Any
    reason: str
    author: str
    created_at: str
    active: bool = True


@dataclass(frozen=True, slots=True)
class StoreStats:
    """Counts of what a store holds."""

    articles: int
    events: int
    sources: int
    journal: dict[str, int] = field(default_factory=dict)
    schema_version: int = 0


@runtime_checkable
class Store(Protocol):
    """An event store. Backends: ``sqlite`` (default), ``memory``, ``postgresql``."""

    url: str

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
        """Store an article with its events and journal row in one transaction.

        The article's previous events are replaced. If a different article with
        the same text is already stored, only ``source`` is added to it and the
        events are not stored twice. ``signature`` is the text's near-duplicate
        signature (indexed by its band keys); ``replaces`` names a stored
        near-duplicate (``similarity`` apart) that this text displaces as the kept
        text: its sources and journal rows move to this article and it is deleted
        with its events. Returns the number of events stored.
        """
        ...

    def save_articles(self, writes: Sequence[ArticleWrite]) -> list[int | StoreError]:
        """Store several articles in one transaction, each as :meth:`save_article` would, in a
        savepoint of its own: an article whose write fails is undone alone and its error takes
        its place in the result (the others' event counts); the rest commit together. Raises
        :class:`StoreError` when the transaction as a whole fails or is lost (then nothing of
        it is stored, and the caller may write the articles one by one)."""
        ...

    def put_signature(self, article_id: str, signature: TextSignature) -> None:
        """Store (or replace) the near-duplicate signature of a stored article."""
        ...

    def add_source(self, article_id: str, source: ArticleSource) -> None:
        """Record one more place an already-stored article was found."""
        ...

    def delete_article(self, article_id: str) -> bool:
        """Delete an article with its events, sources and mentions (its clusters are re-clustered);
        returns whether it was stored."""
        ...

    def backfill_mentions(self, batch: int = 2000) -> int:
        """Make and cluster the mentions of stored events that have none; returns how many."""
        ...

    def merge_events(self, first: str, second: str, *, reason: str, author: str = "") -> Override:
        """Analyst override: the canonical events (or mentions) ``first`` and ``second`` are one."""
        ...

    def split_event(self, event_id: str, mention_ids: Sequence[str], *, reason: str,
                    author: str = "") -> Override:
        """Analyst override: ``mention_ids`` leave the canonical event ``event_id`` (together)."""
        ...

    def overrides(self) -> list[Override]:
        """Every analyst override, oldest first."""
        ...

    def correct_event(self, event_id: str, field: str, value: Any, *, reason: str,
                      author: str = "") -> Correction:
        """Analyst correction: ``field`` of the event ``event_id`` (a canonical event or a mention)
        is ``value`` (``not_an_event``: true marks the row not an event). Validated (StoreError
        on an invalid value), audited, and re-applied on every later write of the event."""
        ...

    def corrections(self, event_id: str | None = None) -> list[Correction]:
        """Every correction, oldest first (``event_id``: those applying to that event now)."""
        ...

    def record(self, entry: JournalEntry) -> None:
        """Write (or overwrite) the journal row of one input."""
        ...

    # -- reading ---------------------------------------------------------
    def processed_version(self, content_hash: str) -> tuple[str, str] | None:
        """``(article_id, pipeline_version)`` of the stored article with this text, or None."""
        ...

    def get_article(self, article_id: str) -> StoredArticle | None:
        """The stored article with its sources, or None."""
        ...

    def near_duplicate_candidates(
        self, signature: TextSignature, *, exclude_hash: str = "", limit: int = 20
    ) -> list[NearDuplicateCandidate]:
        """Stored texts sharing an LSH band with ``signature`` (an indexed query), most first."""
        ...

    def get_signature(self, article_id: str) -> TextSignature | None:
        """The stored near-duplicate signature of an article, or None."""
        ...

    def texts_without_signature(self, scheme: str, *, batch: int = 200) -> Iterator[tuple[str, str]]:
        """``(article_id, text)`` of stored articles lacking a signature of ``scheme``."""
        ...

    def set_setting(self, name: str, value: str) -> None:
        """Record a setting of the store (what the last ingest ran with)."""
        ...

    def settings(self) -> dict[str, str]:
        """Every recorded setting, by name."""
        ...

    def articles(self) -> Iterator[StoredArticle]:
        """Every stored article."""
        ...

    def get_event(self, event_id: str) -> Event | None:
        """One event by id, or None."""
        ...

    def cluster_name(self, event_id: str) -> str | None:
        """The canonical event holding the mention ``event_id`` (or named ``event_id``), or None."""
        ...

    def event_cluster(self, event_id: str) -> EventCluster | None:
        """The canonical event named ``event_id`` (or holding the mention ``event_id``) with its
        provenance and mentions, or None."""
        ...

    def events(self, query: EventQuery | None = None) -> Iterator[Event]:
        """Events matching ``query``, ordered by date then id."""
        ...

    def event_records(self, query: EventQuery | None = None) -> list[dict[str, Any]]:
        """The events :meth:`events` gives for ``query``, each as ``serialize.event_to_dict``
        would give it, read straight from the rows (no ``Event`` built; mind the limit)."""
        ...

    def count_events(self, query: EventQuery | None = None) -> int:
        """How many events match ``query``."""
        ...

    def aggregate(self, query: EventQuery | None = None, *, period: str = "month") -> Aggregates:
        """Counts of matching events: a timeline by ``period`` (day, week, month, year) with
        deaths, and counts by type, sub-event type, country and actor."""
        ...

    def aggregate_parts(self, query: EventQuery | None = None) -> AggregateParts:
        """What :meth:`aggregate` reads, for every period at once (``.by(period)`` buckets it)."""
        ...

    def grid_base(self, query: EventQuery | None = None) -> GridBase:
        """The fine map grid of the events matching ``query`` (its bbox ignored)."""
        ...

    def grid_clusters(self, query: EventQuery | None = None, *, cell: float = 1.0) -> list[GridCluster]:
        """Matching events with coordinates grouped on a grid of ``cell`` degrees (map clusters)."""
        ...

    def journal(self, status: str | None = None) -> list[JournalEntry]:
        """Journal rows, optionally only those with ``status``."""
        ...

    def journal_entry(self, input_key: str) -> JournalEntry | None:
        """The journal row of one input, or None."""
        ...

    def stats(self) -> StoreStats:
        """Counts of articles, events, sources and journal rows by status."""
        ...

    def to_dataframe(self, query: EventQuery | None = None) -> pd.DataFrame:
        """Matching events as a pandas DataFrame (one row per event, spec fields as columns)."""
        ...

    # -- bulk and lifecycle ---------------------------------------------
    def bulk_insert_events(self, events: Iterable[Event], *, batch_size: int = 10_000,
                           merge: bool = True) -> int:
        """Insert many events fast (benchmarks, imports); no article rows required. With
        ``merge`` they are clustered into canonical events too."""
        ...

    def close(self) -> None:
        """Release the connection."""
        ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: Any) -> None: ...
