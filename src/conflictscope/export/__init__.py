"""Exports of stored events: ACLED CSV, UCDP-GED-like CSV, GeoJSON, Parquet, JSON Lines.

``export_events(store, fmt, path, query)`` writes one file (``-`` = standard
output for the text formats) and returns the number of events written.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from conflictscope.errors import StoreError
from conflictscope.export.acled import ACLED_COLUMNS, write_acled_csv
from conflictscope.export.geojson import write_geojson
from conflictscope.export.jsonl import write_jsonl
from conflictscope.export.parquet import write_parquet
from conflictscope.export.ucdp import UCDP_COLUMNS, write_ucdp_csv

if TYPE_CHECKING:
    from conflictscope.store import EventQuery, Store

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
    events = store.events(query)
    if fmt == "parquet":
        if path == "-":
            raise StoreError("Parquet is binary: give an output file with -o")
        try:
            return write_parquet(events, Path(path))
        except OSError as exc:
            raise StoreError(f"cannot write {path}: {exc}") from None
    with _text_out(path) as out:
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
    raise StoreError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")


def _publishers(store: Store, article_ids: set[str]) -> dict[str, list[str]]:
    getter = getattr(store, "article_sources", None)
    if getter is None:
        return {}
    return {aid: [s.publisher for s in sources if s.publisher]
            for aid, sources in getter(article_ids).items()}


__all__ = ["ACLED_COLUMNS", "FORMATS", "UCDP_COLUMNS", "export_events"]
