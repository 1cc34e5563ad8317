"""Analyst corrections of event fields: which fields, their validation, and how they apply.

Pure functions, no store: :func:`coerce` turns a submitted value (JSON-typed, or the text a
command line gives) into the field's type or raises :class:`~conflictscope.errors.StoreError`
with a message fit for the analyst; :func:`apply` puts a list of corrections on an event, in
order (the later wins), and keeps the record consistent (a corrected sub-event type sets its
event type and disorder type; the corrected field names go to ``Event.corrected``).

The store keeps each correction as an audit record and re-applies them whenever the event's
rows are written again (``store/correcting.py``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from typing import Any

from conflictscope import taxonomy
from conflictscope.errors import StoreError
from conflictscope.models import Event


class InvalidCorrection(StoreError):
    """A correction refused: unknown field, invalid value, or a record it would make inconsistent."""


#: The pseudo-field of "not an event" (its value: true, or false to take it back).
NOT_AN_EVENT = "not_an_event"

_TEXT = ("actor1", "actor2", "country", "iso3", "admin1", "admin2", "location", "notes", "gazetteer_id")
_LISTS = ("assoc_actor_1", "assoc_actor_2")
_DATES = ("event_date", "date_start", "date_end")
_COUNTS = ("fatalities", "fatalities_low", "fatalities_best", "fatalities_high")
_BOOLS = ("is_background", "civilian_targeting", NOT_AN_EVENT)
_RANGES: dict[str, tuple[int, int]] = {"inter1": (0, 8), "inter2": (0, 8), "geo_precision": (1, 3),
                                       "where_prec": (1, 7), "time_precision": (1, 3), "date_prec": (1, 5)}
#: Every field an analyst may correct.
FIELDS: tuple[str, ...] = ("event_type", "sub_event_type", *_TEXT, *_LISTS, "latitude", "longitude",
                           *_RANGES, *_DATES, *_COUNTS, *_BOOLS)


def _text(name: str, value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidCorrection(f"{name} must be text")
    if "\x00" in value:
        raise InvalidCorrection(f"{name} cannot hold NUL characters")
    if len(value) > 500:
        raise InvalidCorrection(f"{name} is limited to 500 characters")
    return value.strip()


def _list(name: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):  # the command line: "a; b"
        try:
            value = json.loads(value) if value.strip().startswith("[") else value.split(";")
        except json.JSONDecodeError:
            raise InvalidCorrection(f"{name} must be a list of names (JSON, or separated by ';')") from None
    if not isinstance(value, list) or not all(isinstance(v, str) and "\x00" not in v for v in value):
        raise InvalidCorrection(f"{name} must be a list of names")
    return tuple(v.strip() for v in value if v.strip())


def _date(name: str, value: Any) -> date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InvalidCorrection(f"{name} must be a date (YYYY-MM-DD)")
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidCorrection(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


def _number(name: str, value: Any, *, integer: bool) -> float | int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise InvalidCorrection(f"{name} must be a number")
    if isinstance(value, str):
        try:
            value = int(value) if integer else float(value)
        except ValueError:
            raise InvalidCorrection(f"{name}: {value!r} is not {'a whole number' if integer else 'a number'}") from None
    if integer and isinstance(value, float) and value.is_integer():
        value = int(value)
    if integer and not isinstance(value, int):
        raise InvalidCorrection(f"{name} must be a whole number")
    if not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidCorrection(f"{name} must be a number")
    return value


def _bool(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "yes", "1", "false", "no", "0"):
        return value.strip().lower() in ("true", "yes", "1")
    raise InvalidCorrection(f"{name} must be true or false")


def coerce(name: str, value: Any) -> Any:
    """``value`` as the type of field ``name``, validated; raises StoreError saying what is wrong."""
    if name not in FIELDS:
        raise InvalidCorrection(f"{name!r} cannot be corrected; fields: {', '.join(FIELDS)}")
    if name == "sub_event_type":
        if not isinstance(value, str) or value not in taxonomy.EVENT_TYPE_OF:
            raise InvalidCorrection(f"unknown sub-event type {value!r}; one of: {', '.join(taxonomy.SUB_EVENT_TYPES)}")
        return value
    if name == "event_type":
        if not isinstance(value, str) or value not in taxonomy.TAXONOMY:
            raise InvalidCorrection(f"unknown event type {value!r}; one of: {', '.join(taxonomy.TAXONOMY)}")
        return value
    if name in _TEXT:
        return _text(name, value)
    if name in _LISTS:
        return _list(name, value)
    if name in _DATES:
        return _date(name, value)
    if name in _BOOLS:
        return _bool(name, value)
    if name in ("latitude", "longitude"):
        number = _number(name, value, integer=False)
        limit = 90 if name == "latitude" else 180
        if number is not None and not -limit <= number <= limit:
            raise InvalidCorrection(f"{name} must be between -{limit} and {limit}")
        return None if number is None else float(number)
    number = _number(name, value, integer=True)
    if name in _COUNTS and number is not None and number < 0:
        raise InvalidCorrection(f"{name} cannot be negative")
    low, high = _RANGES.get(name, (0, 10**9))
    if name in _RANGES and number is not None and not low <= number <= high:
        raise InvalidCorrection(f"{name} must be between {low} and {high}")
    return number


def to_json(value: Any) -> Any:
    """A corrected (or old) value as JSON-ready data."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def from_json(name: str, value: Any) -> Any:
    """A stored JSON value back as the field's type."""
    if name in _DATES:
        return date.fromisoformat(value) if value else None
    if name in _LISTS:
        return tuple(value or ())
    return value


def current(event: Event, name: str, not_event: bool = False) -> Any:
    """The value of ``name`` on ``event`` (``not_an_event``: whether it is marked so)."""
    if name == NOT_AN_EVENT:
        return not_event or NOT_AN_EVENT in event.corrected
    return getattr(event, name)


def apply(event: Event, changes: Iterable[tuple[str, Any]]) -> tuple[Event, bool]:
    """``event`` with the corrections ``changes`` (field, typed value) applied in order, and
    whether it is marked not an event. Checks the result (a start after the end is refused)."""
    values: dict[str, Any] = {}
    names: list[str] = []
    for name, value in changes:
        values[name] = value
        if name == "sub_event_type":
            values["event_type"] = taxonomy.EVENT_TYPE_OF[value]
        names.append(name)
    if not names:
        return event, False
    not_event = bool(values.pop(NOT_AN_EVENT, False))
    merged = replace(event, **values) if values else event
    if "event_type" in values and "sub_event_type" not in values \
            and taxonomy.EVENT_TYPE_OF.get(merged.sub_event_type) != merged.event_type:
        raise InvalidCorrection(f"{merged.sub_event_type!r} is not a sub-event type of {merged.event_type!r}: "
                         "correct sub_event_type instead")
    if merged.date_start and merged.date_end and merged.date_start > merged.date_end:
        raise InvalidCorrection("date_start cannot be after date_end")
    merged = _derived(merged, values)
    shown = [n for n in dict.fromkeys(names) if n != NOT_AN_EVENT or not_event]
    return replace(merged, corrected=tuple(shown)), not_event


_DERIVED: dict[str, Callable[[Event], dict[str, Any]]] = {
    "disorder_type": lambda e: {"disorder_type": taxonomy.disorder_type(e.event_type, e.sub_event_type)},
    "interaction": lambda e: {"interaction": taxonomy.interaction(e.inter1, e.inter2)},
}


def _derived(event: Event, values: dict[str, Any]) -> Event:
    """Keep the fields that follow from corrected ones consistent (disorder type, interaction)."""
    out = event
    if {"event_type", "sub_event_type"} & values.keys():
        out = replace(out, **_DERIVED["disorder_type"](out))
    if {"inter1", "inter2"} & values.keys():
        out = replace(out, **_DERIVED["interaction"](out))
    if "event_date" in values and values["event_date"] and not ({"date_start", "date_end"} & values.keys()):
        day = values["event_date"]
        if (out.date_start and day < out.date_start) or (out.date_end and day > out.date_end):
            out = replace(out, date_start=day, date_end=day)
    return out
