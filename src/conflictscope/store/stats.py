"""Summaries of stored events for timelines and maps: counts by period, type, country and actor,
and grid clusters of points (one portable SQL statement each).

Mixed into :class:`~conflictscope.store.sql.SqlStore`; the filters are those of
:class:`~conflictscope.store.base.EventQuery` (canonical events by default, mentions with
``mentions=True``), so a timeline, a map and a list of the same query always agree.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cached_property
from typing import Any

from conflictscope.errors import StoreError
from conflictscope.store.base import EventQuery
from conflictscope.store.query import build_where

PERIODS = ("day", "week", "month", "year")
#: How many rows each "top" list of an aggregate keeps.
TOP = 25
#: At most this many grid cells: a finer grid over a wide box is coarsened until it fits.
MAX_CELLS = 20_000


@dataclass(frozen=True, slots=True)
class Bucket:
    """One period of a timeline: its first day, how many events and how many deaths."""

    start: str
    events: int
    deaths: int


@dataclass(frozen=True, slots=True)
class Aggregates:
    """Counts of the events matching a query (deaths: the sum of ``fatalities``)."""

    period: str
    events: int
    deaths: int
    timeline: tuple[Bucket, ...]
    by_type: dict[str, int] = field(default_factory=dict)
    by_sub_type: dict[str, int] = field(default_factory=dict)
    by_country: dict[str, int] = field(default_factory=dict)
    by_actor: dict[str, int] = field(default_factory=dict)
    undated: int = 0


@dataclass(frozen=True, slots=True)
class AggregateParts:
    """What an aggregate reads from the store, for every period at once: ``(day, events,
    deaths)`` per stored event date (None or '' for undated events) and the top counts."""

    days: tuple[tuple[str | None, int, int], ...]
    by_type: dict[str, int]
    by_sub_type: dict[str, int]
    by_country: dict[str, int]
    by_actor: dict[str, int]

    def by(self, period: str) -> Aggregates:
        """The aggregates with a timeline by ``period`` (day, week from Monday, month, year)."""
        if period not in PERIODS:
            raise StoreError(f"unknown period {period!r} (one of {', '.join(PERIODS)})")
        buckets: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        undated = 0
        for day, count, deaths in self.days:
            if not day:
                undated += count
                continue
            slot = buckets[_period_start(date.fromisoformat(day), period)]
            slot[0] += count
            slot[1] += deaths
        return Aggregates(
            period=period, events=sum(r[1] for r in self.days), deaths=sum(r[2] for r in self.days),
            timeline=tuple(Bucket(k, v[0], v[1]) for k, v in sorted(buckets.items())),
            by_type=dict(self.by_type), by_sub_type=dict(self.by_sub_type),
            by_country=dict(self.by_country), by_actor=dict(self.by_actor), undated=undated)


@dataclass(frozen=True, slots=True)
class GridCluster:
    """The events of one grid cell: their count, mean point, deaths, count per event type,
    the cell's box (min lon, min lat, max lon, max lat) and, for a single event, its id."""

    latitude: float
    longitude: float
    count: int
    deaths: int
    by_type: dict[str, int]
    bbox: tuple[float, float, float, float]
    event_id: str | None = None

    @property
    def event_type(self) -> str:
        """The most frequent event type in the cell (ties: alphabetical)."""
        return min(self.by_type, key=lambda t: (-self.by_type[t], t)) if self.by_type else ""


def cell_size(zoom: int) -> float:
    """The grid cell (degrees) for a web-map zoom level: about 64 screen pixels."""
    return 90.0 / (2 ** max(0, min(zoom, 22)))


#: The finest zoom a :class:`GridBase` serves: its cell is that zoom's, and every coarser
#: zoom's cell is a whole power of two of it, so coarse cells are unions of fine ones.
BASE_ZOOM = 9


@dataclass(frozen=True)
class GridBase:
    """Counts of the events of a query (its bbox ignored) on the fine grid of
    :data:`BASE_ZOOM`, per cell and event type, as arrays sorted by cell row then column
    (``gy``, ``gx``): map clusters of any coarser zoom and view are summed from it without
    reading the events again (:meth:`clusters`)."""

    gx: Any  # numpy int64 arrays, one entry per (cell, type)
    gy: Any
    kind: Any
    count: Any
    lon_sum: Any
    lat_sum: Any
    deaths: Any
    first: tuple[str, ...]
    types: tuple[str, ...]

    @cached_property
    def _levels(self) -> Any:
        from conflictscope.store.grid_levels import Levels

        return Levels(self)

    def clusters(self, zoom: int, bbox: tuple[float, float, float, float] | None) -> list[GridCluster]:
        """The clusters of ``zoom`` (<= :data:`BASE_ZOOM`) in ``bbox``: fine cells are taken
        when their centre lies in the box (an edge error below one fine cell). Ordered by
        cell column, then row. The coarse cells wholly in the view come from sums kept per
        zoom, only the view's border cells are summed from fine cells (``store.grid_levels``)."""
        from conflictscope.store.grid_levels import ROW_SPAN, centre_range

        if zoom > BASE_ZOOM:
            raise StoreError(f"a grid base serves zoom levels up to {BASE_ZOOM}")
        fine, cell = cell_size(BASE_ZOOM), cell_size(zoom)
        factor = 2 ** (BASE_ZOOM - max(zoom, 0))
        if bbox is None:
            sums = self._levels.level(factor)
        else:
            sums = self._levels.view(factor, centre_range(bbox[0], bbox[2], 180.0, fine),
                                     centre_range(bbox[1], bbox[3], 90.0, fine))
        out = []
        for k, total_f, lat_sum, lon_sum, dead, per_type, single in zip(
                sums.keys.tolist(), sums.count.tolist(), sums.lat.tolist(), sums.lon.tolist(),
                sums.deaths.tolist(), sums.by_type.tolist(), sums.alone, strict=True):
            x, y = divmod(k, ROW_SPAN)
            total = int(total_f)
            kinds = {self.types[t]: int(v) for t, v in enumerate(per_type) if v}
            box = (x * cell - 180.0, y * cell - 90.0, (x + 1) * cell - 180.0, (y + 1) * cell - 90.0)
            out.append(GridCluster(round(lat_sum / total, 5), round(lon_sum / total, 5),
                                   total, int(dead), kinds, box, single))
        return out


class StatsReader:
    """Aggregates and grid clusters in portable SQL (needs ``SqlStore``)."""

    dialect: str
    _all: Any
    _visible: Any

    def _source(self, q: EventQuery) -> tuple[str, str, list[Any]]:
        where, params = build_where(replace(self._visible(q), after=None), canonical=not q.mentions,
                                    dialect=self.dialect)
        return ("events" if q.mentions else "canonical_events"), where, params

    def aggregate(self, query: EventQuery | None = None, *, period: str = "month") -> Aggregates:
        """Counts of the events matching ``query``: a timeline by ``period`` (day, week from
        Monday, month, year) with events and deaths, and counts by type, sub-event type, country
        and actor (the :data:`TOP` most frequent each)."""
        if period not in PERIODS:
            raise StoreError(f"unknown period {period!r} (one of {', '.join(PERIODS)})")
        return self.aggregate_parts(query).by(period)

    def aggregate_parts(self, query: EventQuery | None = None) -> AggregateParts:
        """What :meth:`aggregate` reads, for every period at once: events and deaths per day
        and the counts by type, sub-event type, country and actor."""
        q = query or EventQuery()
        table, where, params = self._source(q)
        days = self._all(f"SELECT e.event_date, COUNT(*), SUM(COALESCE(e.fatalities, 0)) "
                         f"FROM {table} e{where} GROUP BY e.event_date", params)

        def counts(column: str) -> dict[str, int]:
            found = self._all(f"SELECT {column}, COUNT(*) FROM {table} e{where} GROUP BY {column} "
                              f"ORDER BY COUNT(*) DESC, {column} LIMIT {TOP}", params)
            return {str(k): int(n) for k, n in found if k}

        actors: Counter[str] = Counter()
        for column in ("e.actor1", "e.actor2"):
            actors.update({str(k): int(n) for k, n in self._all(
                f"SELECT {column}, COUNT(*) FROM {table} e{where} GROUP BY {column}", params) if k})
        return AggregateParts(
            days=tuple((day, int(count), int(deaths or 0)) for day, count, deaths in days),
            by_type=counts("e.event_type"), by_sub_type=counts("e.sub_event_type"),
            by_country=counts("e.country"),
            by_actor=dict(sorted(actors.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]))

    def grid_clusters(self, query: EventQuery | None = None, *, cell: float = 1.0) -> list[GridCluster]:
        """The events matching ``query`` that have coordinates, grouped on a grid of ``cell``
        degrees (cells anchored at -180, -90). A wide ``query.bbox`` with a fine cell is
        coarsened so that at most :data:`MAX_CELLS` cells can come back."""
        if not cell > 0 or not math.isfinite(cell):
            raise StoreError("the grid cell must be a positive number of degrees")
        q = query or EventQuery()
        west, south, east, north = q.bbox or (-180.0, -90.0, 180.0, 90.0)
        while ((east - west) / cell + 1) * ((north - south) / cell + 1) > MAX_CELLS:
            cell *= 2
        found = self._grid_rows(q, cell)
        cells: dict[tuple[int, int], list[Any]] = {}
        for x, y, kind, count, lon_sum, lat_sum, deaths, first in found:
            slot = cells.setdefault((int(x), int(y)), [0, 0.0, 0.0, 0, {}, first])
            slot[0] += int(count)
            slot[1] += float(lon_sum)
            slot[2] += float(lat_sum)
            slot[3] += int(deaths or 0)
            slot[4][kind] = int(count)
            slot[5] = min(slot[5], first)
        out = []
        for (x, y), (count, lon_sum, lat_sum, deaths, kinds, first) in sorted(cells.items()):
            box = (x * cell - 180.0, y * cell - 90.0, (x + 1) * cell - 180.0, (y + 1) * cell - 90.0)
            out.append(GridCluster(round(lat_sum / count, 5), round(lon_sum / count, 5), count, deaths,
                                   kinds, box, first if count == 1 else None))
        return out

    def _grid_rows(self, q: EventQuery, cell: float) -> list[tuple[Any, ...]]:
        """Per (grid cell of ``cell`` degrees, event type) of the located events matching ``q``:
        cell x and y, type, count, sums of longitudes, latitudes and deaths, smallest event id."""
        table, where, params = self._source(q)
        where += (" AND " if where else " WHERE ") + "e.latitude IS NOT NULL AND e.longitude IS NOT NULL"
        gx, gy = self._floor("(e.longitude + 180.0) / ?"), self._floor("(e.latitude + 90.0) / ?")
        return list(self._all(
            f"SELECT {gx} AS gx, {gy} AS gy, e.event_type, COUNT(*), SUM(e.longitude), "
            f"SUM(e.latitude), SUM(COALESCE(e.fatalities, 0)), MIN(e.event_id) "
            f"FROM {table} e{where} GROUP BY gx, gy, e.event_type", [cell, cell, *params]))

    def grid_base(self, query: EventQuery | None = None) -> GridBase:
        """The :class:`GridBase` of the events matching ``query`` (its bbox ignored): one
        ``GROUP BY`` over them, to be kept and reused for every coarser view."""
        import numpy as np

        q = replace(query or EventQuery(), bbox=None)
        found = sorted(self._grid_rows(q, cell_size(BASE_ZOOM)), key=lambda row: (row[1], row[0], row[2]))
        types = tuple(sorted({row[2] for row in found}))
        position = {t: i for i, t in enumerate(types)}
        column = lambda i, kind: np.array([row[i] for row in found], dtype=kind)  # noqa: E731
        return GridBase(column(0, np.int64), column(1, np.int64),
                        np.array([position[row[2]] for row in found], dtype=np.int64),
                        column(3, np.int64), column(4, np.float64), column(5, np.float64),
                        column(6, np.int64), tuple(row[7] for row in found), types)

    def _floor(self, expr: str) -> str:
        # Both operands are >= 0 here, so SQLite's truncating CAST is a floor; PostgreSQL's CAST
        # rounds, so it gets FLOOR.
        if self.dialect == "postgresql":
            return f"CAST(FLOOR({expr}) AS INTEGER)"
        return f"CAST({expr} AS INTEGER)"


def _period_start(day: date, period: str) -> str:
    if period == "week":
        return (day - timedelta(days=day.weekday())).isoformat()
    if period == "month":
        return day.replace(day=1).isoformat()
    if period == "year":
        return day.replace(month=1, day=1).isoformat()
    return day.isoformat()
