"""Records to and from JSON-ready dicts: the one place their JSON shape lives."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from typing import Any

from conflictscope.models import Event, Source, Span

#: Fields written only when they are set (a row of ACLED's scope has no ``scope`` key, as before it existed).
ONLY_WHEN_SET = frozenset({"scope", "corrected"})
_ONLY_WHEN_SET = ONLY_WHEN_SET


#: The fields of ``Event``, in their order (the order of the dict's keys).
EVENT_FIELDS = tuple(item.name for item in fields(Event))


def field_to_json(name: str, value: Any) -> Any:
    """One field's value of an event, JSON-ready (as :func:`event_to_dict` writes it)."""
    if name == "sources":
        return [source_to_dict(s) for s in value]
    if name == "evidence":
        return {key: [s.to_dict() for s in spans] for key, spans in value.items()}
    if name == "fatalities_by_side":
        return [list(pair) for pair in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def event_to_dict(event: Event) -> dict[str, Any]:
    """An event as a JSON-ready dict (dates as ISO strings, evidence as span lists)."""
    out: dict[str, Any] = {}
    for name in EVENT_FIELDS:
        value = getattr(event, name)
        if name in _ONLY_WHEN_SET and not value:
            continue
        out[name] = field_to_json(name, value)
    return out


def source_to_dict(source: Source) -> dict[str, Any]:
    """A source as a JSON-ready dict."""
    return {
        "article_id": source.article_id,
        "publisher": source.publisher,
        "url": source.url,
        "published": source.published.isoformat() if source.published else None,
        "attributed_to": source.attributed_to,
        "certainty": source.certainty,
    }


def event_from_dict(data: dict[str, Any]) -> Event:
    """The inverse of :func:`event_to_dict`."""
    values: dict[str, Any] = {}
    for item in fields(Event):
        if item.name not in data:
            continue
        value = data[item.name]
        if item.name == "sources":
            value = tuple(_source_from_dict(s) for s in value)
        elif item.name == "evidence":
            value = {k: tuple(Span(s["start"], s["end"], s["text"]) for s in v) for k, v in value.items()}
        elif item.name == "fatalities_by_side":
            value = tuple((str(side), int(n)) for side, n in value)
        elif item.name in ("event_date", "date_start", "date_end") and value:
            value = date.fromisoformat(value)
        elif item.name in ("assoc_actor_1", "assoc_actor_2", "corrected"):
            value = tuple(value)
        values[item.name] = value
    return Event(**values)


def _source_from_dict(data: dict[str, Any]) -> Source:
    published = data.get("published")
    return Source(
        article_id=data["article_id"],
        publisher=data.get("publisher", ""),
        url=data.get("url", ""),
        published=date.fromisoformat(published) if published else None,
        attributed_to=data.get("attributed_to"),
        certainty=data.get("certainty", "reported"),
    )
