"""Routes: the event list (filtered, sorted, cursor-paginated), one event with the evidence of
every field, and one article with the offsets of every evidence span.

Each route is a thin shell over the store library (``Store.events``, ``Store.event_cluster``,
``Store.get_article``, ``Store.overrides``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, replace
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse

from conflictscope.api.models import ArticleRecord, ErrorRecord, EventDetail, EventPage
from conflictscope.api.params import Filters, Sort, decode_cursor, encode_cursor, event_filters
from conflictscope.api.responses import FastJSON
from conflictscope.models import Event, Source
from conflictscope.serialize import event_to_dict, source_to_dict
from conflictscope.store import EventQuery
from conflictscope.store.base import EventCluster
from conflictscope.store.records import record_sort_value

router = APIRouter(prefix="/api", tags=["events"])
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorRecord, "description": "No such record."}}
#: The fields the event view lists (with evidence where the text gave one).
DETAIL_FIELDS = ("event_type", "sub_event_type", "event_date", "actor1", "actor2", "country",
                 "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
                 "time_precision", "fatalities", "is_background", "civilian_targeting", "confidence")


def pool(request: Request) -> Any:
    """The server's :class:`~conflictscope.api.config.StorePool`."""
    return request.app.state.pool


@router.get("/events", response_model=EventPage, summary="List events")
def list_events(
    request: Request,
    filters: Annotated[Filters, Depends(event_filters)],
    sort: Annotated[Sort, Query(description="Order; '-' first: descending. Ties: event id.")] = "date",
    limit: Annotated[int, Query(ge=1, le=500, description="Events per page.")] = 100,
    cursor: Annotated[str | None, Query(max_length=1000,
                                        description="next_cursor of the previous page.")] = None,
) -> Any:
    """Events matching the filters (canonical events, or mentions with ``mentions=true``), one
    page at a time in a stable order; follow ``next_cursor`` for the next page."""
    after = decode_cursor(cursor, sort) if cursor else None
    query = replace(filters.query, sort=sort, after=after, limit=limit + 1)
    with pool(request).reader() as store:
        found = store.event_records(query)  # JSON-ready rows: no Event objects on this path
    more = len(found) > limit
    page = found[:limit]
    next_cursor = None
    if more and page:
        last = page[-1]
        next_cursor = encode_cursor(sort, record_sort_value(last, sort), last["event_id"])
    return FastJSON({"events": page, "next_cursor": next_cursor, "sort": sort, "limit": limit})


@router.get("/events/{event_id}", response_model=EventDetail, responses=NOT_FOUND,
            summary="One event, with the evidence of every field")
def get_event(request: Request, event_id: str) -> Any:
    """The canonical event named ``event_id`` (or holding the mention ``event_id``): its record,
    each field's value with the mention and article it came from and the evidence spans there,
    its provenance, each source's own version (mentions), the overrides touching it and the
    analyst corrections applying to it (each corrected field also names its correction)."""
    with pool(request).reader() as store:
        view = store.event_cluster(event_id)
        overrides = store.overrides() if view is not None else []
        corrections = store.corrections(event_id) if view is not None else []
    if view is None:
        return JSONResponse({"error": f"no event {event_id!r}"}, status_code=404)
    ids = {m.event_id for m in view.mentions} | {view.event.event_id}
    touching = [asdict(o) for o in overrides
                if o.event_id in ids or ids.intersection(o.mention_ids)]
    fields = field_values(view)
    for done in corrections:  # oldest first: each field shows the correction that set it last
        if done.field in fields and done.field in view.event.corrected:
            fields[done.field]["correction"] = asdict(done)
    return JSONResponse({
        "event": event_to_dict(view.event), "fields": fields,
        "provenance": view.provenance, "mentions": [event_to_dict(m) for m in view.mentions],
        "overrides": touching, "corrections": [asdict(c) for c in corrections],
        "not_an_event": "not_an_event" in view.event.corrected})


def field_values(view: EventCluster) -> dict[str, dict[str, Any]]:
    """Each field of a canonical event: value, the mention and article it came from, support,
    and the evidence spans in that mention's article."""
    chosen = view.provenance.get("fields", {})
    mentions = {m.event_id: m for m in view.mentions} or {view.event.event_id: view.event}
    names = list(dict.fromkeys([*DETAIL_FIELDS, *view.event.evidence,
                                *(n for n in view.event.corrected if n != "not_an_event")]))
    out: dict[str, dict[str, Any]] = {}
    for name in names:
        value = _json_value(getattr(view.event, name, None))
        source = chosen.get(name) or {}
        mention = mentions.get(source.get("mention_id", "")) or _holder(mentions.values(), name, view.event)
        spans = mention.evidence.get(name, ())
        out[name] = {"value": value, "mention_id": mention.event_id, "article_id": mention.article_id,
                     "support": source.get("support"), "evidence": [s.to_dict() for s in spans],
                     "correction": None}
    return out


def _holder(mentions: Iterable[Event], name: str, event: Event) -> Event:
    """The first mention with the canonical value of ``name`` and evidence for it."""
    value = getattr(event, name, None)
    for mention in mentions:
        if getattr(mention, name, None) == value and mention.evidence.get(name):
            return mention
    for mention in mentions:
        if getattr(mention, name, None) == value:
            return mention
    return event


def _json_value(value: Any) -> Any:
    if isinstance(value, Source):
        return source_to_dict(value)
    if isinstance(value, tuple):
        return [_json_value(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


@router.get("/articles/{article_id}", response_model=ArticleRecord, responses=NOT_FOUND,
            summary="One article with the offsets of every evidence span")
def get_article(request: Request, article_id: str) -> Any:
    """The article's text (untrusted: display it as text), metadata and sources, and every
    evidence span of its events (character offsets into ``text``)."""
    with pool(request).reader() as store:
        stored = store.get_article(article_id)
        events = list(store.events(EventQuery(article_id=article_id, mentions=True))) if stored else []
    if stored is None:
        return JSONResponse({"error": f"no article {article_id!r}"}, status_code=404)
    article = stored.article
    spans = [{**s.to_dict(), "event_id": e.event_id, "field": name}
             for e in events for name, found in e.evidence.items() for s in found]
    spans.sort(key=lambda s: (s["start"], s["end"], s["field"], s["event_id"]))
    return JSONResponse({
        "article_id": article.id, "title": article.title, "text": article.text,
        "published": article.published.isoformat() if article.published else None,
        "url": article.url, "publisher": article.publisher,
        "sources": [{"url": s.url, "publisher": s.publisher,
                     "published": s.published.isoformat() if s.published else None}
                    for s in stored.sources],
        "events": [e.event_id for e in events], "spans": spans})
