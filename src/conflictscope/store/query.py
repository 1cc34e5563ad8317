"""Event filters as a portable SQL WHERE clause (``?`` placeholders), and the SELECT of a page.

A box (``EventQuery.bbox``) on canonical events is also looked up by its 1-degree cells when it
spans few of them (the cell index of migration 6; the exact latitude/longitude test stays),
and a page of a box reads its rows after ordering and cutting the matches in that covering
index (:func:`select_sql`).
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from conflictscope.errors import StoreError
from conflictscope.models import Event
from conflictscope.store.base import SORTS, EventQuery
from conflictscope.store.schema import CELL_SQL

#: A box spanning at most this many 1-degree cells is looked up by cell (a wider one scans the
#: latitude band of ``canonical_bbox``, or whatever index the planner prefers).
MAX_BOX_CELLS = 64

#: The column each sort orders by, and whether it can be NULL (NULLs come first ascending,
#: last descending, on every backend).
_SORT_SQL = {
    "date": ("e.event_date", True),
    "confidence": ("e.confidence", False),
    "deaths": ("e.fatalities", True),
    "id": ("e.event_id", False),
}


def box_cells(bbox: tuple[float, float, float, float], dialect: str) -> list[int] | None:
    """The 1-degree cells (:data:`CELL_SQL` numbers) holding every point of ``bbox`` in
    ``dialect``'s flooring, or None when the box spans more than :data:`MAX_BOX_CELLS`. The
    rounding is monotonic, so a point in the box has a cell between those of its corners."""
    min_lon, min_lat, max_lon, max_lat = bbox
    if not all(math.isfinite(v) and abs(v) <= 1000.0 for v in bbox):
        return None
    floor = math.floor if dialect == "postgresql" else int  # SQLite's CAST truncates
    columns = range(floor(min_lon + 180.0), floor(max_lon + 180.0) + 1)
    rows = range(floor(min_lat + 90.0), floor(max_lat + 90.0) + 1)
    if len(columns) * len(rows) > MAX_BOX_CELLS:
        return None
    return [y * 360 + x for y in rows for x in columns]


def build_where(q: EventQuery, *, canonical: bool = False,
                dialect: str | None = None) -> tuple[str, list[Any]]:
    """The WHERE clause (with leading space, or empty) and parameters for a query.

    With ``canonical`` the rows are canonical events (table ``canonical_events e``): the actor
    and article filters then match any of the event's mentions; with a ``dialect`` too, a small
    box is also asked by cell (:func:`box_cells`: the cell index answers it).
    """
    clauses: list[str] = []
    params: list[Any] = []
    if q.country:
        value = q.country.strip()
        if len(value) == 3 and value.isalpha():
            clauses.append("e.iso3_key = ?")
            params.append(value.upper())
        else:
            clauses.append("e.country_key = ?")
            params.append(value.lower())
    if q.admin1:
        clauses.append("e.admin1_key = ?")
        params.append(q.admin1.strip().lower())
    if q.event_type:
        clauses.append("e.event_type = ?")
        params.append(q.event_type)
    if q.sub_event_type:
        clauses.append("e.sub_event_type = ?")
        params.append(q.sub_event_type)
    if q.date_from:
        clauses.append("e.event_date >= ?")
        params.append(q.date_from.isoformat())
    if q.date_to:
        clauses.append("e.event_date <= ?")
        params.append(q.date_to.isoformat())
    if q.bbox:
        min_lon, min_lat, max_lon, max_lat = q.bbox
        cells = box_cells(q.bbox, dialect) if canonical and dialect in CELL_SQL else None
        if cells:
            expression = CELL_SQL[str(dialect)].replace("latitude", "e.latitude").replace(
                "longitude", "e.longitude")
            clauses.append(f"{expression} IN ({', '.join('?' for _ in cells)})")
            params.extend(cells)
        clauses.append("e.latitude BETWEEN ? AND ? AND e.longitude BETWEEN ? AND ?")
        params.extend([min_lat, max_lat, min_lon, max_lon])
    if q.min_confidence is not None:
        clauses.append("e.confidence >= ?")
        params.append(q.min_confidence)
    if q.actor:
        if canonical:
            clauses.append(
                "EXISTS (SELECT 1 FROM mentions m JOIN event_actors a ON a.event_id = m.mention_id "
                "WHERE m.cluster_id = e.event_id AND a.name_key LIKE ?)"
            )
        else:
            clauses.append(
                "EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.event_id "
                "AND a.name_key LIKE ?)"
            )
        params.append(f"%{_escape_like(q.actor.lower())}%")
    if q.text:
        clauses.append("e.search_text LIKE ?")
        params.append(f"%{_escape_like(q.text.lower())}%")
    if q.article_id and canonical:
        clauses.append("EXISTS (SELECT 1 FROM mentions m WHERE m.cluster_id = e.event_id "
                       "AND m.article_id = ?)")
        params.append(q.article_id)
    elif q.article_id:
        clauses.append("e.article_id = ?")
        params.append(q.article_id)
    if not q.include_background:
        clauses.append("e.is_background = 0")
    if q.background_only:
        clauses.append("e.is_background = 1")
    if not q.include_not_events:  # rows an analyst marked "not an event" (store/correcting.py)
        clauses.append("e.not_event = 0")
    if q.after is not None:
        clause, values = _after(q.sort, q.after)
        clauses.append(clause)
        params.extend(values)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def select_sql(q: EventQuery, columns: str, *, dialect: str) -> tuple[str, list[Any]]:
    """The SELECT of ``columns`` of the rows matching ``q`` in its order, with its limit and
    offset (``q`` as the store sees it: see ``Store._visible``). A limited page of a box
    orders and cuts the matches by event id in a subquery, which the box's covering indexes
    answer without reading the rows, and reads only the page's rows."""
    table = "events" if q.mentions else "canonical_events"
    where, params = build_where(q, canonical=not q.mentions, dialect=dialect)
    order = order_by(q)
    limit = f" LIMIT {int(q.limit)} OFFSET {int(q.offset)}" if q.limit is not None else ""
    if q.bbox is not None and limit:
        return (f"SELECT {columns} FROM {table} e WHERE e.event_id IN (SELECT e.event_id FROM "
                f"{table} e{where}{order}{limit}){order}"), params
    return f"SELECT {columns} FROM {table} e{where}{order}{limit}", params


def order_by(q: EventQuery) -> str:
    """The ORDER BY clause (with leading space) of a query's sort: its key, then the event id."""
    column, nullable, descending = _sort(q.sort)
    direction = " DESC" if descending else ""
    if column == "e.event_id":
        return f" ORDER BY e.event_id{direction}"
    nulls = (" NULLS LAST" if descending else " NULLS FIRST") if nullable else ""
    return f" ORDER BY {column}{direction}{nulls}, e.event_id{direction}"


def _after(sort: str, after: tuple[Any, str]) -> tuple[str, list[Any]]:
    """The keyset condition: rows after ``(value, last id)`` in the order of ``sort``."""
    column, nullable, descending = _sort(sort)
    value, last_id = after
    op = "<" if descending else ">"
    if column == "e.event_id":
        return f"e.event_id {op} ?", [last_id]
    if value is None:  # the previous page ended among the NULLs
        if descending:  # NULLs are last: only more NULLs follow
            return f"({column} IS NULL AND e.event_id < ?)", [last_id]
        return f"({column} IS NOT NULL OR e.event_id > ?)", [last_id]
    clause = f"({column} {op} ? OR ({column} = ? AND e.event_id {op} ?)"
    if nullable and descending:
        clause += f" OR {column} IS NULL"
    return clause + ")", [value, value, last_id]


def sort_value(event: Event, sort: str) -> Any:
    """The value ``event`` has under ``sort`` (what :attr:`EventQuery.after` takes)."""
    key = sort.lstrip("-")
    if key == "date":
        return event.event_date.isoformat() if isinstance(event.event_date, date) else None
    if key == "confidence":
        return float(event.confidence)
    if key == "deaths":
        return event.fatalities
    return event.event_id


def _sort(sort: str) -> tuple[str, bool, bool]:
    descending = sort.startswith("-")
    key = sort[1:] if descending else sort
    if key not in SORTS:
        raise StoreError(f"unknown sort {sort!r} (one of {', '.join(SORTS)}, '-' first: descending)")
    column, nullable = _SORT_SQL[key]
    return column, nullable, descending


def _escape_like(text: str) -> str:
    # LIKE without ESCAPE: '_' and '%' stay wildcards; rare in names, harmless here.
    return text
