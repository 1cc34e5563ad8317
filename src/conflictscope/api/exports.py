"""Route: ``/api/export``, the CLI's exports streamed over HTTP with the same filters.

Text formats are written by ``conflictscope.export.write_events`` on a thread of their own
(with their own read connection) into a bounded queue the response drains, so an export of
millions of events is never held in memory (ACLED CSV excepted: it reads every event's
publishers first, as the CLI does). Parquet is written to a temporary file, then sent.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import tempfile
import threading
from collections.abc import AsyncIterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, StreamingResponse
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool

from conflictscope.api.events import pool
from conflictscope.api.params import Filters, event_filters
from conflictscope.export import with_copies, write_events
from conflictscope.export.parquet import write_parquet
from conflictscope.store import EventQuery

router = APIRouter(prefix="/api", tags=["export"])
log = logging.getLogger("conflictscope.api")
Format = Literal["acled-csv", "ucdp-csv", "geojson", "parquet", "jsonl"]
MEDIA = {"acled-csv": "text/csv; charset=utf-8", "ucdp-csv": "text/csv; charset=utf-8",
         "geojson": "application/geo+json", "jsonl": "application/x-ndjson",
         "parquet": "application/vnd.apache.parquet"}
NAMES = {"acled-csv": "events-acled.csv", "ucdp-csv": "events-ucdp.csv",
         "geojson": "events.geojson", "jsonl": "events.jsonl", "parquet": "events.parquet"}
CHUNK = 64 * 1024
_END = object()


class _Cancelled(Exception):
    """The client went away: the producer stops."""


class _QueueWriter:
    """A text stream whose writes reach a bounded queue in chunks of about 64 KiB."""

    def __init__(self, out: queue.Queue[Any], stop: threading.Event) -> None:
        self.out, self.stop = out, stop
        self.parts: list[str] = []
        self.size = 0

    def write(self, text: str) -> int:
        self.parts.append(text)
        self.size += len(text)
        if self.size >= CHUNK:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self.parts:
            self._put("".join(self.parts).encode("utf-8"))
            self.parts, self.size = [], 0

    def _put(self, item: Any) -> None:
        while True:
            if self.stop.is_set():
                raise _Cancelled
            with contextlib.suppress(queue.Full):
                self.out.put(item, timeout=0.5)
                return


def _stream_text(request: Request, fmt: str, query: EventQuery) -> AsyncIterator[bytes]:
    chunks: queue.Queue[Any] = queue.Queue(maxsize=8)
    stop = threading.Event()
    writer = _QueueWriter(chunks, stop)

    def produce() -> None:
        store = pool(request).stream_reader()
        try:
            write_events(store, fmt, writer, query)  # type: ignore[arg-type]
            writer.flush()
        except _Cancelled:
            return
        except Exception:  # the response has started: log, end the stream short
            log.exception("export %s failed", fmt)
        finally:
            store.close()
        with contextlib.suppress(_Cancelled):
            writer._put(_END)

    async def drain() -> AsyncIterator[bytes]:
        threading.Thread(target=produce, name="export", daemon=True).start()
        try:
            while (item := await run_in_threadpool(chunks.get)) is not _END:
                yield item
        finally:
            stop.set()

    return drain()


@router.get("/export", summary="Export matching events", response_class=StreamingResponse,
            responses={200: {"description": "The export file, streamed.", "content": {
                "text/csv": {}, "application/geo+json": {}, "application/x-ndjson": {},
                "application/vnd.apache.parquet": {}}}})
def export(
    request: Request,
    filters: Annotated[Filters, Depends(event_filters)],
    format: Annotated[Format, Query(description="Export format (as `conflictscope export`).")] = "jsonl",
) -> Any:
    """The events matching the filters as ACLED CSV, UCDP CSV, GeoJSON, Parquet or JSON Lines
    (canonical events, or mentions with ``mentions=true``), streamed as a download."""
    headers = {"Content-Disposition": f'attachment; filename="{NAMES[format]}"'}
    if format != "parquet":
        return StreamingResponse(_stream_text(request, format, filters.query),
                                 media_type=MEDIA[format], headers=headers)
    handle, path = tempfile.mkstemp(suffix=".parquet", prefix="conflictscope-")
    os.close(handle)
    store = pool(request).stream_reader()
    try:
        write_parquet(with_copies(store, store.events(filters.query)), path)
    except BaseException:
        os.unlink(path)
        raise
    finally:
        store.close()
    return FileResponse(path, media_type=MEDIA[format], filename=NAMES[format],
                        background=BackgroundTask(os.unlink, path))
