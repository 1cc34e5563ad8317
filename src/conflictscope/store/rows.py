"""Events and articles to and from table rows (backend-independent).

Every scalar field of an event is its own column (fast to filter and to read
back); lists, sources, evidence and any field added to ``Event`` later are kept
in the ``nested`` JSON column, so every field round-trips exactly. The evidence,
actors, sources and places tables are derived copies for SQL users and filters.
"""

from __future__ import annotations

import json
from datetime import date
from operator import attrgetter
from typing import Any

from conflictscope.models import Event, Source, Span, stable_id
from conflictscope.serialize import EVENT_FIELDS, ONLY_WHEN_SET, event_from_dict, field_to_json

#: Event fields kept as their own columns (everything scalar); the rest (lists, sources,
#: evidence, and any field added to Event later) goes to the ``nested`` JSON column.
SCALAR_FIELDS = (
    "event_id", "article_id", "pipeline_version", "event_type", "sub_event_type",
    "disorder_type", "civilian_targeting", "confidence", "actor1", "inter1", "actor2", "inter2",
    "interaction", "country", "iso3", "admin1", "admin2", "location", "latitude", "longitude",
    "geo_precision", "where_prec", "gazetteer_id", "event_date", "date_start", "date_end",
    "time_precision", "date_prec", "is_background", "fatalities", "fatalities_low",
    "fatalities_best", "fatalities_high", "notes",
)
_BOOL_FIELDS = ("civilian_targeting", "is_background")
_DATE_FIELDS = ("event_date", "date_start", "date_end")
_SCALAR_SET = frozenset(SCALAR_FIELDS)
#: Columns derived for filtering only.
DERIVED_COLUMNS = ("country_key", "iso3_key", "admin1_key", "place_id", "search_text")
EVENT_COLUMNS = (*SCALAR_FIELDS, "nested", *DERIVED_COLUMNS, "stored_at")
#: What a query selects to rebuild an Event.
READ_COLUMNS = (*SCALAR_FIELDS, "nested")
READ_SQL = ", ".join(f"e.{c}" for c in READ_COLUMNS)


#: The fields kept in the ``nested`` column (every field that is not a column), in field order.
_NESTED_FIELDS = tuple(name for name in EVENT_FIELDS if name not in _SCALAR_SET)
_EMPTY: tuple[Any, ...] = ([], {}, None)


def nested_json(event: Event) -> str:
    """The non-scalar fields that are not empty, as JSON ('' when all are empty): the
    non-scalar part of ``serialize.event_to_dict``."""
    nested: dict[str, Any] = {}
    for name in _NESTED_FIELDS:
        value = getattr(event, name)
        if name in ONLY_WHEN_SET and not value:
            continue
        value = field_to_json(name, value)
        if value not in _EMPTY:
            nested[name] = value
    return json.dumps(nested, ensure_ascii=False, separators=(",", ":")) if nested else ""


def iso(value: date | None) -> str | None:
    """A date as ISO text, None stays None."""
    return value.isoformat() if value else None


def place_id(event: Event) -> str | None:
    """A stable id for the event's place (its gazetteer id, else name + country + point)."""
    if not event.location and event.latitude is None:
        return None
    if event.gazetteer_id:
        return f"gaz:{event.gazetteer_id}"
    return "p:" + stable_id(event.location, event.iso3, event.country, event.latitude, event.longitude)


def search_text(event: Event) -> str:
    """Lower-cased text the free-text filter searches."""
    parts = [event.notes, event.actor1, event.actor2, *event.assoc_actor_1, *event.assoc_actor_2,
             event.location, event.admin1, event.admin2, event.country]
    parts.extend(span.text for spans in event.evidence.values() for span in spans)
    return " \x1f ".join(p for p in parts if p).lower()


_SCALARS_OF = attrgetter(*SCALAR_FIELDS)
_BOOL_AT = tuple(SCALAR_FIELDS.index(name) for name in _BOOL_FIELDS)
_DATE_AT = tuple(SCALAR_FIELDS.index(name) for name in _DATE_FIELDS)


def event_row(event: Event, stored_at: str) -> tuple[Any, ...]:
    """The ``events`` row of an event, in :data:`EVENT_COLUMNS` order."""
    scalars = list(_SCALARS_OF(event))
    for at in _BOOL_AT:
        scalars[at] = int(scalars[at])
    for at in _DATE_AT:
        scalars[at] = iso(scalars[at])
    return (
        *scalars, nested_json(event), event.country.lower(), event.iso3.upper(),
        event.admin1.lower(), place_id(event), search_text(event), stored_at,
    )


def event_from_row(row: Any) -> Event:
    """The event from a row of :data:`READ_COLUMNS`."""
    data: dict[str, Any] = dict(zip(READ_COLUMNS, row, strict=True))
    nested = data.pop("nested")
    for name in _BOOL_FIELDS:
        data[name] = bool(data[name])
    for name in _DATE_FIELDS:
        value = data[name]
        data[name] = date.fromisoformat(value) if value else None
    if not nested:
        return Event(**data)
    extra = json.loads(nested)
    if not extra.keys() <= _KNOWN_NESTED:  # a field this code does not know: the slow path
        for name in _DATE_FIELDS:
            data[name] = iso(data[name])
        return event_from_dict({**data, **extra})
    for name in ("assoc_actor_1", "assoc_actor_2", "corrected"):
        if name in extra:
            data[name] = tuple(extra[name])
    if "sources" in extra:
        data["sources"] = tuple(
            Source(s["article_id"], s.get("publisher", ""), s.get("url", ""),
                   date.fromisoformat(s["published"]) if s.get("published") else None,
                   s.get("attributed_to"), s.get("certainty", "reported"))
            for s in extra["sources"]
        )
    if "evidence" in extra:
        data["evidence"] = {
            key: tuple(Span(s["start"], s["end"], s["text"]) for s in spans)
            for key, spans in extra["evidence"].items()
        }
    if "fatalities_by_side" in extra:
        data["fatalities_by_side"] = tuple((str(a), int(b)) for a, b in extra["fatalities_by_side"])
    return Event(**data)


_KNOWN_NESTED = frozenset({"assoc_actor_1", "assoc_actor_2", "sources", "evidence",
                           "fatalities_by_side", "corrected"})


def evidence_rows(event: Event) -> list[tuple[Any, ...]]:
    """``event_evidence`` rows: one per span of each field."""
    return [
        (event.event_id, name, i, span.start, span.end, span.text)
        for name, spans in event.evidence.items()
        for i, span in enumerate(spans)
    ]


def actor_rows(event: Event) -> list[tuple[Any, ...]]:
    """``event_actors`` rows: actor1, actor2 and associated actors."""
    rows: list[tuple[Any, ...]] = []
    if event.actor1:
        rows.append((event.event_id, "actor1", 0, event.actor1, event.actor1.lower(), event.inter1))
    if event.actor2:
        rows.append((event.event_id, "actor2", 0, event.actor2, event.actor2.lower(), event.inter2))
    for role, names in (("assoc_actor_1", event.assoc_actor_1), ("assoc_actor_2", event.assoc_actor_2)):
        rows.extend((event.event_id, role, i, n, n.lower(), None) for i, n in enumerate(names))
    return rows


def source_rows(event: Event) -> list[tuple[Any, ...]]:
    """``event_sources`` rows."""
    return [
        (event.event_id, i, s.article_id, s.publisher, s.url, iso(s.published),
         s.attributed_to, s.certainty)
        for i, s in enumerate(event.sources)
    ]


def place_row(event: Event) -> tuple[Any, ...] | None:
    """The ``places`` row of the event's place, or None."""
    pid = place_id(event)
    if pid is None:
        return None
    return (pid, event.location, event.country, event.iso3, event.admin1, event.admin2,
            event.latitude, event.longitude, event.gazetteer_id)
