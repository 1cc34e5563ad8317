"""Exports of stored events: ACLED CSV, UCDP-GED-like CSV, GeoJSON, Parquet, JSON Lines.

``export_events(store, fmt, path, query)`` writes one file (``-`` = standard
output for the text formats) and returns the number of events written.

An article stored once for several copies of its text (identical or near-duplicate
copies: docs/store.md) has one ``article_sources`` row per copy. Every export lists
each copy's outlet: ACLED's ``source`` names every publisher, and the ``sources``
of the other formats gain one entry per copy (:func:`with_copies`).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from conflictscope.errors import StoreError
from conflictscope.export.acled import ACLED_COLUMNS, write_acled_csv
from conflictscope.export.geojson import write_geojson
from conflictscope.export.jsonl import write_jsonl
from conflictscope.export.parquet import write_parquet
from conflictscope.export.ucdp import UCDP_COLUMNS, write_ucdp_csv
from conflictscope.models import Event, Source

if TYPE_CHECKING:
    from conflictscope.store import ArticleSource, EventQuery, Store

FORMATS = ("acled-csv", "ucdp-csv", "geojson", "parquet", "jsonl")
EXTENSIONS = {"acled-csv": ".csv", "ucdp-csv": ".csv", "geojson": ".geojson",
              "parquet": ".parquet", "jsonl": ".jsonl"}


@contextmanager
def _text_out(path: str) -> Iterator[TextIO]:
    if path == "-":
        yield sys.stdout
        return
    try:
        handle = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {exc.strerror}") from None
    with handle:
        yield handle


def export_events(store: Store, fmt: str, path: str, query: EventQuery | None = None) -> int:
    """Write the store's events matching ``query`` to ``path`` in format ``fmt``."""
    events = with_copies(store, store.events(query))
    if fmt == "parquet":
        if path == "-":
            raise StoreError("Parquet is binary: give an output file with -o")
        try:
            return write_parquet(events, Path(path))
        except OSError as exc:
            raise StoreError(f"cannot write {path}: {exc}") from None
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    with _text_out(path) as out:
        return write_events(store, fmt, out, query, events=events)


def write_events(store: Store, fmt: str, out: TextIO, query: EventQuery | None = None, *,
                 events: Iterable[Event] | None = None) -> int:
    """Write the events matching ``query`` (or ``events``, already with their copies) to the
    text stream ``out`` in a text format (all but Parquet); returns how many."""
    if events is None:
        events = with_copies(store, store.events(query))
    if fmt == "acled-csv":
        events_list = list(events)
        publishers = _publishers(store, {e.article_id for e in events_list})
        return write_acled_csv(events_list, out, publishers=publishers)
    if fmt == "ucdp-csv":
        return write_ucdp_csv(events, out)
    if fmt == "geojson":
        return write_geojson(events, out)
    if fmt == "jsonl":
        return write_jsonl(events, out)
    raise StoreError(f"no text export format {fmt!r}")


def with_copies(store: Store, events: Iterable[Event], *, batch: int = 2000) -> Iterator[Event]:
    """``events`` with one more ``Source`` per other copy of their article's text.

    Streams: the sources are read for ``batch`` events at a time.
    """
    getter = getattr(store, "article_sources", None)
    iterator = iter(events)
    while chunk := list(islice(iterator, batch)):
        if getter is None:
            yield from chunk
            continue
        copies = getter({a for e in chunk for a in _articles(e)})
        for event in chunk:
            for article_id in _articles(event):
                event = add_copies(event, copies.get(article_id, ()), article_id=article_id)
            yield event


def _articles(event: Event) -> list[str]:
    """The articles an event came from: its own, and each source's (a canonical event's mentions)."""
    return list(dict.fromkeys([event.article_id, *(s.article_id for s in event.sources)]))


def add_copies(event: Event, copies: Sequence[ArticleSource], *, article_id: str | None = None) -> Event:
    """``event`` with a ``Source`` for each copy (of the article ``article_id``, by default the
    event's own) not already among its sources.

    A copy's entry repeats the attribution and certainty of the event's first source
    from the same article: the copies carry the same text.
    """
    article_id = article_id or event.article_id
    own = next((s for s in event.sources if s.article_id == article_id), None)
    urls = {s.url for s in event.sources if s.url}
    names = {(s.publisher, s.published) for s in event.sources if not s.url}
    added: list[Source] = []
    for copy in copies:
        if copy.url in urls or (not copy.url and (not copy.publisher or (
                copy.publisher, copy.published) in names)):
            continue
        urls.add(copy.url)
        names.add((copy.publisher, copy.published))
        added.append(Source(article_id, copy.publisher, copy.url, copy.published,
                            own.attributed_to if own else None,
                            own.certainty if own else "reported"))
    return replace(event, sources=(*event.sources, *added)) if added else event


def _publishers(store: Store, article_ids: set[str]) -> dict[str, list[str]]:
    getter = getattr(store, "article_sources", None)
    if getter is None:
        return {}
    return {aid: [s.publisher for s in sources if s.publisher]
            for aid, sources in getter(article_ids).items()}


__all__ = ["ACLED_COLUMNS", "FORMATS", "UCDP_COLUMNS", "add_copies", "export_events", "with_copies",
           "write_events"]
