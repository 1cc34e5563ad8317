"""Event filters as a portable SQL WHERE clause (``?`` placeholders)."""

from __future__ import annotations

from typing import Any

from conflictscope.store.base import EventQuery


def build_where(q: EventQuery, *, canonical: bool = False) -> tuple[str, list[Any]]:
    """The WHERE clause (with leading space, or empty) and parameters for a query.

    With ``canonical`` the rows are canonical events (table ``canonical_events e``): the actor
    and article filters then match any of the event's mentions.
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
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _escape_like(text: str) -> str:
    # LIKE without ESCAPE: '_' and '%' stay wildcards; rare in names, harmless here.
    return text
