"""Routes: aggregates (a timeline and counts by type, country, actor, with deaths) and map
clusters computed in SQL on a grid (the page never receives every point).

Thin over ``Store.aggregate`` and ``Store.grid_clusters`` (``conflictscope.store.stats``).
"""

from __future__ import annotations

import logging
import threading
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from starlette.concurrency import run_in_threadpool

from conflictscope.api.caches import SummaryCache, filter_key_without_box
from conflictscope.api.events import pool
from conflictscope.api.models import AggregateRecord, ClusterPage
from conflictscope.api.params import Filters, event_filters
from conflictscope.api.responses import FastJSON
from conflictscope.store import EventQuery
from conflictscope.store.stats import BASE_ZOOM, AggregateParts, GridBase, GridCluster, cell_size

router = APIRouter(prefix="/api", tags=["summaries"])
log = logging.getLogger("conflictscope.api")


def caches(pool: Any) -> tuple[SummaryCache[GridBase], SummaryCache[AggregateParts]]:
    """The server's caches: the fine map grid of each recent filter set (its box ignored) and
    the aggregate parts of each recent filter set (every period is bucketed from them)."""
    grids: SummaryCache[GridBase] = SummaryCache(lambda store, key: store.grid_base(key),
                                                 pool.generation, key=filter_key_without_box)
    parts: SummaryCache[AggregateParts] = SummaryCache(lambda store, key: store.aggregate_parts(key),
                                                       pool.generation)
    return grids, parts


def forget(app: Any) -> None:
    """Clear the summaries after a write through this server."""
    app.state.grids.clear()
    app.state.aggregates.clear()


def warm(app: Any) -> threading.Thread:
    """Start building the map grid and the aggregate parts of the unfiltered store (the page's
    first map view, timeline and sub-type list) on a thread of its own, so that the first
    requests find them built or being built; a failure is only logged (a request then builds
    them)."""
    def build() -> None:
        try:
            with app.state.pool.reader(limit=False) as store:
                app.state.grids.get(store, EventQuery())
                app.state.aggregates.get(store, EventQuery())
        except Exception as exc:  # noqa: BLE001 - a warm-up must never take the server down
            log.info("summary warm-up skipped: %s", exc)

    thread = threading.Thread(target=build, name="conflictscope-grid-warm-up", daemon=True)
    thread.start()
    return thread


@router.get("/aggregates", response_model=AggregateRecord, summary="Counts for a timeline")
def aggregates(
    request: Request,
    filters: Annotated[Filters, Depends(event_filters)],
    period: Annotated[Literal["day", "week", "month", "year"],
                      Query(description="Timeline bucket (weeks start on Monday).")] = "month",
) -> Any:
    """Counts of the events matching the filters: events and deaths per period, and the most
    frequent event types, sub-event types, countries and actors."""
    parts = request.app.state.aggregates.fresh(filters.query)
    if parts is None:
        with pool(request).reader() as store:
            parts = request.app.state.aggregates.get(store, filters.query)
    found = parts.by(period)
    return FastJSON({
        "period": found.period, "events": found.events, "deaths": found.deaths,
        "undated": found.undated,
        "timeline": [{"start": b.start, "events": b.events, "deaths": b.deaths} for b in found.timeline],
        "by_type": found.by_type, "by_sub_type": found.by_sub_type,
        "by_country": found.by_country, "by_actor": found.by_actor})


@router.get("/clusters", response_model=ClusterPage, summary="Map clusters of a view")
async def clusters(
    request: Request,
    filters: Annotated[Filters, Depends(event_filters)],
    zoom: Annotated[int, Query(ge=0, le=22, description="Web-map zoom level of the view.")] = 2,
) -> Any:
    """The events matching the filters (``bbox``: the map view) grouped on a grid fitted to
    ``zoom`` (about 64 screen pixels a cell): per cell the mean point, count, deaths, count per
    type, the dominant type, and the event id when the cell holds one event. Below zoom 9 the
    cells are summed from a cached fine grid (cells of zoom 9, 0.18 degrees, kept when their
    centre is in the view; cached up to 60 s)."""
    # A coarse view of a cached grid is summed here, on the event loop (arrays in memory, no
    # store: about a millisecond); building a grid and a close view read the store on a worker
    # thread.
    grid = request.app.state.grids.fresh(filters.query) if zoom < BASE_ZOOM else None
    if grid is not None:
        found = grid.clusters(zoom, filters.query.bbox)
    else:
        found = await run_in_threadpool(_read_clusters, request, filters.query, zoom)
    cell = (found[0].bbox[2] - found[0].bbox[0]) if found else cell_size(zoom)
    return FastJSON({"cell": cell, "total": sum(c.count for c in found), "clusters": [
        {"latitude": c.latitude, "longitude": c.longitude, "count": c.count, "deaths": c.deaths,
         "event_type": c.event_type, "by_type": c.by_type, "bbox": list(c.bbox),
         "event_id": c.event_id} for c in found]})


def _read_clusters(request: Request, query: EventQuery, zoom: int) -> list[GridCluster]:
    """Clusters that need the store: a coarse view whose grid is not cached (built without the
    query time limit: one GROUP BY over every matching event, once per filter set), or a close
    view (it holds few events: grouped in SQL directly)."""
    if zoom < BASE_ZOOM:
        with pool(request).reader(limit=False) as store:
            return list(request.app.state.grids.get(store, query).clusters(zoom, query.bbox))
    with pool(request).reader() as store:
        return list(store.grid_clusters(query, cell=cell_size(zoom)))
