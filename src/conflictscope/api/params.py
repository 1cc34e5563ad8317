"""Query-string filters shared by the list, aggregate, cluster and export routes, and the opaque
pagination cursor.

The filters are those of ``conflictscope events`` (country, admin1, type, sub-type, actor,
dates, bbox, minimum confidence, text, background, mentions): they build the same
:class:`~conflictscope.store.EventQuery`, so the API and the CLI select the same events.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import Query
from fastapi.exceptions import RequestValidationError

from conflictscope.store import EventQuery

Background = Literal["any", "yes", "no"]
Sort = Literal["date", "-date", "confidence", "-confidence", "deaths", "-deaths", "id", "-id"]
_TEXT = {"max_length": 200}


def invalid(name: str, message: str) -> RequestValidationError:
    """The HTTP 422 error of a malformed query parameter (the shape FastAPI gives its own)."""
    return RequestValidationError([{"loc": ("query", name), "msg": message, "type": "value_error"}])


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``MIN_LON,MIN_LAT,MAX_LON,MAX_LAT`` as four floats (HTTP 422 when malformed)."""
    if value is None or value == "":
        return None
    try:
        parts = tuple(float(p) for p in value.split(","))
    except ValueError:
        parts = ()
    if (len(parts) != 4 or not all(math.isfinite(p) for p in parts)
            or parts[0] > parts[2] or parts[1] > parts[3]):
        raise invalid("bbox", "expected MIN_LON,MIN_LAT,MAX_LON,MAX_LAT (min <= max)")
    return parts


@dataclass(frozen=True, slots=True)
class Filters:
    """The filters of one request, as an :class:`EventQuery` without paging."""

    query: EventQuery


async def event_filters(
    country: Annotated[str | None, Query(description="Country name or ISO3 code.", **_TEXT)] = None,
    admin1: Annotated[str | None, Query(description="First-level region.", **_TEXT)] = None,
    event_type: Annotated[str | None, Query(description="ACLED event type, e.g. Battles.", **_TEXT)] = None,
    sub_event_type: Annotated[str | None, Query(description="ACLED sub-event type.", **_TEXT)] = None,
    actor: Annotated[str | None, Query(description="Part of an actor name.", **_TEXT)] = None,
    since: Annotated[date | None, Query(description="From this date (YYYY-MM-DD).")] = None,
    until: Annotated[date | None, Query(description="Up to this date (YYYY-MM-DD).")] = None,
    bbox: Annotated[str | None, Query(description="MIN_LON,MIN_LAT,MAX_LON,MAX_LAT.",
                                      max_length=120)] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1, description="Lowest confidence.")] = None,
    text: Annotated[str | None, Query(description="Words in notes, actors, places, evidence.",
                                      **_TEXT)] = None,
    background: Annotated[Background, Query(
        description="any: all events; no: only current events; yes: only events told as history.")] = "any",
    mentions: Annotated[bool, Query(
        description="Each report's own events (mentions) instead of canonical events.")] = False,
    not_events: Annotated[bool, Query(
        description="Also the rows an analyst marked not an event (hidden by default).")] = False,
) -> Filters:
    """FastAPI dependency: the request's filters (``async``: it only reads the query string, so
    it runs on the event loop instead of taking a worker-thread round trip of its own)."""
    return Filters(EventQuery(
        country=country or None, admin1=admin1 or None, event_type=event_type or None,
        sub_event_type=sub_event_type or None, actor=actor or None, date_from=since, date_to=until,
        bbox=parse_bbox(bbox), min_confidence=min_confidence, text=text or None,
        include_background=background != "no", background_only=background == "yes",
        mentions=mentions, include_not_events=not_events,
    ))


def encode_cursor(sort: str, value: Any, event_id: str) -> str:
    """An opaque cursor: the sort and the last row's key, URL-safe base64 of JSON."""
    raw = json.dumps([sort, value, event_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str) -> tuple[Any, str]:
    """The ``(value, event id)`` a cursor carries (HTTP 422 when it is not one of ours, or was
    made for another sort)."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        made_for, value, event_id = json.loads(raw)
    except (ValueError, TypeError, binascii.Error):
        raise invalid("cursor", "not a cursor this server made") from None
    if made_for != sort or not isinstance(event_id, str) or not (
            value is None or isinstance(value, str | int | float)) or isinstance(value, bool):
        raise invalid("cursor", "made for another sort, or damaged")
    return value, event_id
