"""The ingest loop: inputs -> pipeline -> store, one transaction per article, with a journal.

Idempotent and crash-safe: an article whose text is already stored by the same
pipeline version is skipped before extraction; every stored article is written
with its events and journal row in one transaction, so a run killed at any
point and run again ends with exactly the events of one clean run. A newer
pipeline version re-extracts the article and replaces its events.
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
from conflictscope.ingest.files import InputItem, iter_items
from conflictscope.ingest.readers import InputProblem
from conflictscope.ingest.text import DEFAULT_MAX_CHARS
from conflictscope.models import Article
from conflictscope.store.base import ArticleSource, JournalEntry, JournalStatus, Store

#: Stop after this many store write failures in a row (full disk, lost server...).
MAX_STORE_FAILURES = 3


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
    failed: int = 0
    warnings: int = 0
    events: int = 0
    seconds: float = 0.0
    store_seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    @property
    def articles_per_second(self) -> float:
        """Articles stored or skipped per second of wall time."""
        return (self.stored + self.skipped + self.duplicates) / self.seconds if self.seconds else 0.0

    @property
    def store_share(self) -> float:
        """The share of wall time spent in the store."""
        return self.store_seconds / self.seconds if self.seconds else 0.0

    def describe(self) -> str:
        """A one-paragraph human summary."""
        return (
            f"{self.articles} article(s) read from {self.inputs} input(s): {self.stored} stored, "
            f"{self.skipped} already stored, {self.duplicates} duplicate(s), {self.failed} failed; "
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
) -> IngestSummary:
    """Ingest every input under ``paths`` into ``store``; returns the summary."""
    return _Run(store, pipeline, force, progress, report).run(
        iter_items(paths, published=published, max_chars=max_chars)
    )


class _Run:
    def __init__(self, store: Store, pipeline: PipelineLike, force: bool,
                 progress: bool | None, report: Reporter | None) -> None:
        self.store = store
        self.pipeline = pipeline
        self.version = pipeline.version
        self.force = force
        self.summary = IngestSummary()
        self.progress = _Progress(progress)
        self.report = report or (lambda level, msg: None)
        self.pending: deque[tuple[InputItem, Article]] = deque()
        self.deferred: list[tuple[InputItem, Article]] = []
        self.in_flight: set[str] = set()
        self.ids_seen: dict[str, str] = {}
        self.failures_in_row = 0
        self.seen_inputs: set[str] = set()

    def run(self, items: Iterable[InputItem]) -> IngestSummary:
        started = time.perf_counter()
        try:
            self._extract_and_store(self._to_extract(items))
            retry = self._resolve_deferred()
            if retry:
                self._extract_and_store(self._queue(retry))
        finally:
            self.progress.close()
            self.summary.seconds = time.perf_counter() - started
        return self.summary

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
            self.failures_in_row += 1
            self.summary.failed += 1
            message = f"{key}: not stored: {exc}"
            self.summary.errors.append(message)
            self.report("error", message)
            if "read-only" in str(exc) or self.failures_in_row >= MAX_STORE_FAILURES:
                raise StoreError(f"stopping the ingest: {exc}") from None
            with contextlib.suppress(StoreError):
                self._timed(self.store.record, JournalEntry(key, "failed", self.version, error=str(exc)))
            return None
        self.failures_in_row = 0
        return result

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
            if digest in self.in_flight:
                self.deferred.append((item, article))
                continue
            known = None if self.force else self._timed(self.store.processed_version, digest)
            if known is not None and known[1] == self.version:
                self._already_stored(item, article, known[0])
                continue
            if known is not None:  # stored by an older pipeline: re-extract under its id
                article = replace(article, id=known[0])
            self.in_flight.add(digest)
            self.pending.append((item, article))
            yield article

    def _queue(self, work: list[tuple[InputItem, Article]]) -> Iterator[Article]:
        for item, article in work:
            self.pending.append((item, article))
            yield article

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

    def _already_stored(self, item: InputItem, article: Article, stored_id: str) -> None:
        source = _source(item, article)
        self._write(self.store.add_source, stored_id, source, key=item.key)
        status: JournalStatus = "skipped" if stored_id == article.id else "duplicate"
        if status == "skipped":
            self.summary.skipped += 1
        else:
            self.summary.duplicates += 1
        previous = self._timed(self.store.journal_entry, item.key)
        if previous is None or previous.pipeline_version != self.version or (
            previous.status == "failed"
        ):  # an input already journaled for this version keeps its row from the first run
            self._write(self.store.record,
                        JournalEntry(item.key, status, self.version, article_id=stored_id),
                        key=item.key)
        self.progress.update(self.summary.events)

    def _extract_and_store(self, articles: Iterator[Article]) -> None:
        for analyzed in self.pipeline.run_many(articles):
            item, article = self.pending.popleft()
            warnings = tuple(getattr(analyzed, "warnings", ()))
            for message in warnings:
                self.summary.warnings += 1
                self.report("warning", f"{item.key}: {message}")
            events = list(analyzed.events)
            status: JournalStatus = "warning" if warnings else "ok"
            entry = JournalEntry(item.key, status, self.version,
                                 error="; ".join(warnings)[:2000])
            stored = self._write(self.store.save_article, article, events,
                                 pipeline_version=self.version, source=_source(item, article),
                                 journal=entry, key=item.key)
            if stored is not None:
                if stored == 0 and events:
                    self.summary.duplicates += 1
                else:
                    self.summary.stored += 1
                    self.summary.events += stored
            self.progress.update(self.summary.events)

    def _resolve_deferred(self) -> list[tuple[InputItem, Article]]:
        retry: list[tuple[InputItem, Article]] = []
        for item, article in self.deferred:
            known = self._timed(self.store.processed_version, article.content_hash)
            if known is not None and known[1] == self.version:
                self._already_stored(item, article, known[0])
            else:
                retry.append((item, article))
        return retry


def _source(item: InputItem, article: Article) -> ArticleSource:
    return ArticleSource(article.url, article.publisher, article.published, item.key)
