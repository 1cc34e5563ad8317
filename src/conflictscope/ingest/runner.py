"""The ingest loop: inputs -> pipeline -> store, with a journal.

Idempotent and crash-safe: an article whose text is already stored by the same
pipeline version is skipped before extraction; every stored article is written
with its events and journal row in one transaction, so a run killed at any
point and run again ends with exactly the events of one clean run. A newer
pipeline version re-extracts the article and replaces its events.

Batching: extracted articles are written ``batch`` at a time (``Store.save_articles``: one
transaction, each article in a savepoint), or sooner once the oldest has waited
``BATCH_SECONDS``. An article whose write fails is undone alone, reported and journaled as
``failed``, as without batching; the others commit. When the batch's transaction itself fails
(it cannot commit, or the database rolled it back whole), its articles are written again one
per transaction, so no article is lost to another's failure.

Near-duplicates (``conflictscope.ingest.neardup``): a text not stored yet is
compared, before extraction, with the stored texts that share an LSH band with
it. A syndicated copy of a stored text is not extracted: it becomes one more
source of the stored article, with a ``near-duplicate`` journal row. When the
new copy is the one to keep (more words, or equal length and a smaller content
hash), it is extracted and takes the stored one's place in one transaction.
Texts of this run that are still on their way through the pipeline are
indexed in memory, so a copy of one of them waits until it is stored.
"""

from __future__ import annotations

import contextlib
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Protocol

from conflictscope.errors import StoreError
from conflictscope.ingest import neardup
from conflictscope.ingest.files import InputItem, iter_items
from conflictscope.ingest.neardup import Match, NearDuplicateSettings
from conflictscope.ingest.readers import InputProblem
from conflictscope.ingest.text import DEFAULT_MAX_CHARS
from conflictscope.models import Article
from conflictscope.store.base import (
    ArticleSource,
    ArticleWrite,
    JournalEntry,
    JournalStatus,
    NearDuplicateCandidate,
    Store,
    TextSignature,
)

#: The store setting where ingest records its near-duplicate settings (``conflictscope journal``).
NEAR_DUPLICATE_SETTING = "near_duplicates"

#: Stop after this many store write failures in a row (full disk, lost server...).
MAX_STORE_FAILURES = 3
#: Articles written per transaction by default (``conflictscope ingest --batch``).
DEFAULT_BATCH = 16
#: A batch is written once its oldest article has waited this long, full or not.
BATCH_SECONDS = 2.0


class PipelineLike(Protocol):
    """What the runner needs of a pipeline (``conflictscope.pipeline.core.Pipeline``)."""

    @property
    def version(self) -> str: ...

    def run_many(self, articles: Iterable[Article]) -> Iterator[Any]: ...


@dataclass
class IngestSummary:
    """What an ingest run did, and how fast."""

    inputs: int = 0
    articles: int = 0
    stored: int = 0
    skipped: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    failed: int = 0
    warnings: int = 0
    events: int = 0
    seconds: float = 0.0
    store_seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    @property
    def articles_per_second(self) -> float:
        """Articles stored or skipped per second of wall time."""
        done = self.stored + self.skipped + self.duplicates + self.near_duplicates
        return done / self.seconds if self.seconds else 0.0

    @property
    def store_share(self) -> float:
        """The share of wall time spent in the store."""
        return self.store_seconds / self.seconds if self.seconds else 0.0

    def describe(self) -> str:
        """A one-paragraph human summary."""
        return (
            f"{self.articles} article(s) read from {self.inputs} input(s): {self.stored} stored, "
            f"{self.skipped} already stored, {self.duplicates} duplicate(s), "
            f"{self.near_duplicates} near-duplicate(s), {self.failed} failed; "
            f"{self.events} event(s) stored; {self.seconds:.1f} s "
            f"({self.articles_per_second:.1f} articles/s, store {100 * self.store_share:.1f}% of time)"
        )


Reporter = Callable[[str, str], None]  # (level, message)


class _Progress:
    def __init__(self, enabled: bool | None) -> None:
        import sys

        from tqdm import tqdm

        disable = not sys.stderr.isatty() if enabled is None else not enabled
        self.bar = tqdm(unit=" articles", desc="ingest", disable=disable, dynamic_ncols=True,
                        mininterval=0.5, leave=True, file=sys.stderr)

    def update(self, events: int) -> None:
        self.bar.update(1)
        self.bar.set_postfix(events=events, refresh=False)

    def close(self) -> None:
        self.bar.close()


def ingest(
    paths: Iterable[str],
    store: Store,
    pipeline: PipelineLike,
    *,
    published: date | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    force: bool = False,
    progress: bool | None = None,
    report: Reporter | None = None,
    near_duplicates: NearDuplicateSettings | None = None,
    batch: int = DEFAULT_BATCH,
) -> IngestSummary:
    """Ingest every input under ``paths`` into ``store``; returns the summary.

    ``near_duplicates`` turns near-duplicate detection off or sets its threshold
    (default: on, :data:`conflictscope.ingest.neardup.DEFAULT_THRESHOLD`). ``batch``: articles
    written per transaction (1: one transaction per article).
    """
    return _Run(store, pipeline, force, progress, report,
                near_duplicates or NearDuplicateSettings(), batch=batch).run(
        iter_items(paths, published=published, max_chars=max_chars)
    )


@dataclass
class _Work:
    """An article on its way to the store, with what near-duplicate detection found."""

    item: InputItem
    article: Article
    signature: TextSignature | None = None
    replaces: Match | None = None


@dataclass
class _Ready:
    """An extracted article waiting in the batch for its write."""

    key: str
    write: ArticleWrite
    replaces: Match | None


class _Run:
    def __init__(self, store: Store, pipeline: PipelineLike, force: bool,
                 progress: bool | None, report: Reporter | None,
                 near: NearDuplicateSettings, *, batch: int = DEFAULT_BATCH) -> None:
        self.store = store
        self.batch = max(1, batch)
        self.ready: list[_Ready] = []
        self.ready_since = 0.0
        self.pipeline = pipeline
        self.version = pipeline.version
        self.force = force
        self.near = near
        self.summary = IngestSummary()
        self.progress = _Progress(progress)
        self.report = report or (lambda level, msg: None)
        self.pending: deque[_Work] = deque()
        self.deferred: list[tuple[InputItem, Article]] = []
        self.in_flight: set[str] = set()
        self.near_in_flight: dict[str, TextSignature] = {}  # content hash -> signature
        self.bands_in_flight: dict[int, set[str]] = {}  # band key -> content hashes
        self.ids_seen: dict[str, str] = {}
        self.failures_in_row = 0
        self.seen_inputs: set[str] = set()

    def run(self, items: Iterable[InputItem]) -> IngestSummary:
        started = time.perf_counter()
        try:
            self._prepare_near_duplicates()
            self._extract_and_store(self._to_extract(items))
            while self.deferred:  # copies of texts that were in flight: their originals are stored
                work, self.deferred = self.deferred, []
                self.in_flight.clear()
                self._extract_and_store(self._consider_all(work))
        finally:
            self.progress.close()
            self.summary.seconds = time.perf_counter() - started
        return self.summary

    def _prepare_near_duplicates(self) -> None:
        """Record the settings in the store; sign stored texts that have no signature yet."""
        described = self.near.describe()
        if self._timed(self.store.settings).get(NEAR_DUPLICATE_SETTING) != described:
            self._timed(self.store.set_setting, NEAR_DUPLICATE_SETTING, described)
        if not self.near.enabled:
            return
        for n, (article_id, text) in enumerate(
            self.store.texts_without_signature(neardup.SCHEME)
        ):
            if n == 0:
                self.report("info", "computing the near-duplicate signatures of stored articles "
                            "that have none (stored before, or with --no-near-duplicates)")
            self._write(self.store.put_signature, article_id, neardup.signature_of(text),
                        key=article_id)

    # -- bookkeeping -----------------------------------------------------
    def _timed(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            self.summary.store_seconds += time.perf_counter() - started

    def _write(self, func: Callable[..., Any], *args: Any, key: str, **kwargs: Any) -> Any:
        """A store write; store errors are reported, journaled if possible, and counted."""
        try:
            result = self._timed(func, *args, **kwargs)
        except StoreError as exc:
            self._failed(key, exc)
            return None
        self.failures_in_row = 0
        return result

    def _failed(self, key: str, exc: StoreError) -> None:
        """Report, count and journal a failed store write (its transaction was undone); stop
        the run on a read-only store or after too many failures in a row."""
        self.failures_in_row += 1
        self.summary.failed += 1
        message = f"{key}: not stored: {exc}"
        self.summary.errors.append(message)
        self.report("error", message)
        if "read-only" in str(exc) or self.failures_in_row >= MAX_STORE_FAILURES:
            raise StoreError(f"stopping the ingest: {exc}") from None
        with contextlib.suppress(StoreError):
            self._timed(self.store.record, JournalEntry(key, "failed", self.version, error=str(exc)))

    def _count_input(self, key: str) -> None:
        base = key.split("#", 1)[0]
        if base not in self.seen_inputs:
            self.seen_inputs.add(base)
            self.summary.inputs += 1

    # -- stages ----------------------------------------------------------
    def _to_extract(self, items: Iterable[InputItem]) -> Iterator[Article]:
        for item in items:
            self._count_input(item.key)
            if item.problem is not None:
                self._problem(item)
                continue
            assert item.article is not None
            self.summary.articles += 1
            article = item.article
            digest = article.content_hash
            if self.ids_seen.setdefault(article.id, digest) != digest:
                key = f"{item.key}~{digest[:8]}"  # keep the first text's journal row
                self._problem(InputItem(key, problem=InputProblem(
                    key, f"{item.key}: id {article.id!r} was already used by another "
                    "text in this run; give each report its own id")))
                continue
            yield from self._consider(item, article)

    def _consider_all(self, work: list[tuple[InputItem, Article]]) -> Iterator[Article]:
        for item, article in work:
            yield from self._consider(item, article)

    def _consider(self, item: InputItem, article: Article) -> Iterator[Article]:
        """Yield ``article`` for extraction, or settle it as stored, duplicate or deferred."""
        digest = article.content_hash
        if digest in self.in_flight:
            self.deferred.append((item, article))
            return
        stored = self._timed(self.store.processed_version, digest)
        known = None if self.force else stored
        if known is not None and known[1] == self.version:
            self._already_stored(item, article, known[0])
            return
        if known is not None:  # stored by an older pipeline: re-extract under its id
            article = replace(article, id=known[0])
        work = _Work(item, article)
        if self.near.enabled:
            work.signature = neardup.signature_of(article.text)
            if stored is None and work.signature.bands:
                if self._copy_in_flight(work.signature) is not None:
                    self.deferred.append((item, article))
                    return
                candidates = self._timed(
                    self.store.near_duplicate_candidates, work.signature, exclude_hash=digest,
                    limit=neardup.MAX_CANDIDATES)
                # an input stored before under this id with other words is an edited report:
                # it is extracted again and replaces the old text, as without this check
                match = neardup.best_match(
                    work.signature, [c for c in candidates if c.article_id != article.id],
                    self.near.threshold)
                if match is not None and neardup.keeps_first(
                    (match.candidate.signature, match.candidate.content_hash),
                    (work.signature, digest),
                ):
                    self._already_stored(item, article, match.candidate.article_id,
                                         similarity=match.similarity)
                    return
                work.replaces = match  # None, or the stored copy this one displaces
            self.near_in_flight[digest] = work.signature
            for key in work.signature.bands:
                self.bands_in_flight.setdefault(key, set()).add(digest)
        self.in_flight.add(digest)
        self.pending.append(work)
        yield article

    def _copy_in_flight(self, signature: TextSignature) -> Match | None:
        """A near-duplicate among the texts of this run not stored yet, or None."""
        hashes = {h for key in signature.bands for h in self.bands_in_flight.get(key, ())}
        candidates = [NearDuplicateCandidate("", h, self.near_in_flight[h]) for h in sorted(hashes)]
        return neardup.best_match(signature, candidates, self.near.threshold)

    def _landed(self, digest: str) -> None:
        """The text with this hash left the pipeline: drop it from the in-flight index."""
        signature = self.near_in_flight.pop(digest, None)
        for key in signature.bands if signature else ():
            keys = self.bands_in_flight.get(key)
            if keys is not None:
                keys.discard(digest)
                if not keys:
                    del self.bands_in_flight[key]

    def _problem(self, item: InputItem) -> None:
        problem = item.problem
        assert problem is not None
        if not problem.fatal:
            self.summary.warnings += 1
            self.report("warning", problem.message)
            return
        self.summary.failed += 1
        self.summary.errors.append(problem.message)
        self.report("error", problem.message)
        self._write(self.store.record,
                    JournalEntry(item.key, "failed", self.version, error=problem.message),
                    key=item.key)

    def _already_stored(self, item: InputItem, article: Article, stored_id: str,
                        similarity: float | None = None) -> None:
        """Add the source of a text already stored (itself, an identical or a near copy)."""
        source = _source(item, article)
        self._write(self.store.add_source, stored_id, source, key=item.key)
        status: JournalStatus = "skipped" if stored_id == article.id else "duplicate"
        if similarity is not None:
            status = "near-duplicate"
            self.summary.near_duplicates += 1
        elif status == "skipped":
            self.summary.skipped += 1
        else:
            self.summary.duplicates += 1
        previous = self._timed(self.store.journal_entry, item.key)
        if previous is None or previous.pipeline_version != self.version or (
            previous.status == "failed"
        ):  # an input already journaled for this version keeps its row from the first run
            self._write(self.store.record,
                        JournalEntry(item.key, status, self.version, article_id=stored_id,
                                     similarity=similarity),
                        key=item.key)
        self.progress.update(self.summary.events)

    def _extract_and_store(self, articles: Iterator[Article]) -> None:
        for analyzed in self.pipeline.run_many(articles):
            work = self.pending.popleft()
            item, article = work.item, work.article
            warnings = tuple(getattr(analyzed, "warnings", ()))
            for message in warnings:
                self.summary.warnings += 1
                self.report("warning", f"{item.key}: {message}")
            events = list(analyzed.events)
            status: JournalStatus = "warning" if warnings else "ok"
            entry = JournalEntry(item.key, status, self.version,
                                 error="; ".join(warnings)[:2000])
            replaces = work.replaces
            write = ArticleWrite(
                article, events, self.version, source=_source(item, article), journal=entry,
                signature=work.signature, replaces=replaces.candidate.article_id if replaces else None,
                similarity=replaces.similarity if replaces else None)
            if not self.ready:
                self.ready_since = time.monotonic()
            self.ready.append(_Ready(item.key, write, replaces))
            if len(self.ready) >= self.batch or time.monotonic() - self.ready_since >= BATCH_SECONDS:
                self._flush()
        self._flush()

    def _flush(self) -> None:
        """Write the extracted articles waiting in the batch (see the module's docstring)."""
        ready, self.ready = self.ready, []
        if not ready:
            return
        results: list[int | StoreError] | None = None
        if len(ready) > 1:
            try:
                results = self._timed(self.store.save_articles, [r.write for r in ready])
            except StoreError:
                results = None  # nothing of the batch was stored: one transaction per article
        for n, waiting in enumerate(ready):
            if results is None:
                write = waiting.write
                stored = self._write(
                    self.store.save_article, write.article, write.events,
                    pipeline_version=write.pipeline_version, source=write.source,
                    journal=write.journal, signature=write.signature, replaces=write.replaces,
                    similarity=write.similarity, key=waiting.key)
            else:
                outcome = results[n]
                if isinstance(outcome, StoreError):
                    self._failed(waiting.key, outcome)
                    stored = None
                else:
                    stored = outcome
                    self.failures_in_row = 0
            self._stored(waiting, stored)

    def _stored(self, waiting: _Ready, stored: int | None) -> None:
        """Count one written article (``stored``: its events, None when its write failed)."""
        self._landed(waiting.write.article.content_hash)
        if stored is not None:
            if stored == 0 and waiting.write.events:
                self.summary.duplicates += 1
            else:
                self.summary.stored += 1
                self.summary.events += stored
                if waiting.replaces is not None:
                    self.summary.near_duplicates += 1
        self.progress.update(self.summary.events)


def _source(item: InputItem, article: Article) -> ArticleSource:
    return ArticleSource(article.url, article.publisher, article.published, item.key)
