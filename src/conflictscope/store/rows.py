"""Events and articles to and from table rows (backend-independent).

The full event is kept as its JSON record (``serialize.event_to_dict``) so every
field round-trips exactly; the indexed columns, evidence, actors, sources and
places tables are derived from it for querying and for SQL users.
"""

from __future__ import annotations

import json
from dataclasses import MISSING, fields
from datetime import date
from typing import Any

from conflictscope.models import Event, stable_id
from conflictscope.serialize import event_from_dict, event_to_dict

EVENT_COLUMNS = (
    "event_id", "article_id", "pipeline_version", "event_type", "sub_event_type",
    "disorder_type", "country", "country_key", "iso3", "admin1_key", "location", "place_id",
    "latitude", "longitude", "event_date", "date_start", "date_end", "confidence",
    "fatalities", "is_background", "actor1", "actor2", "search_text", "record", "stored_at",
)


def _default_json() -> dict[str, Any]:
    """The JSON form of every Event field that has a default."""
    required: dict[str, Any] = {
        f.name: "" for f in fields(Event) if f.default is MISSING and f.default_factory is MISSING
    }
    required.update(civilian_targeting=False, confidence=0.0, inter1=0)
    data = event_to_dict(Event(**required))
    return {name: value for name, value in data.items() if name not in required}


_DEFAULTS = _default_json()


def compact_record(event: Event) -> str:
    """The event as JSON without fields left at their defaults (they are restored on read)."""
    data = event_to_dict(event)
    for name, default in _DEFAULTS.items():
        value = data[name]
        if value == default and type(value) is type(default):
            del data[name]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


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


def event_row(event: Event, stored_at: str) -> tuple[Any, ...]:
    """The ``events`` row of an event, in :data:`EVENT_COLUMNS` order."""
    record = compact_record(event)
    return (
        event.event_id, event.article_id, event.pipeline_version, event.event_type,
        event.sub_event_type, event.disorder_type, event.country, event.country.lower(),
        event.iso3.upper(), event.admin1.lower(), event.location, place_id(event),
        event.latitude, event.longitude, iso(event.event_date), iso(event.date_start),
        iso(event.date_end), event.confidence, event.fatalities, int(event.is_background),
        event.actor1, event.actor2, search_text(event), record, stored_at,
    )


def event_from_record(record: str) -> Event:
    """The event from its stored JSON record."""
    return event_from_dict(json.loads(record))


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
