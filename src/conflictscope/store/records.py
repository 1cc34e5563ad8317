"""JSON-ready event records straight from table rows, without building :class:`Event` objects:
the read path of the API's event lists (``Store.event_records``).

``record_from_row(row)`` equals ``serialize.event_to_dict(rows.event_from_row(row))`` for every
row the store writes (dates are kept as ISO text, so they are passed through as read) (``tests/store/test_records.py`` checks it with Hypothesis on every backend): the same keys
in the same order, the same values. A row whose ``nested`` column holds a field this code does
not know takes that slower path itself.
"""

from __future__ import annotations

import json
from operator import itemgetter
from typing import Any

try:
    import orjson as _orjson
except ImportError:  # pragma: no cover - the serve extra pins it
    _orjson = None  # type: ignore[assignment]

from conflictscope.serialize import EVENT_FIELDS, event_to_dict
from conflictscope.store import rows
from conflictscope.store.base import EventQuery
from conflictscope.store.query import select_sql

#: The nested fields every record has (empty when the row has none), in field order.
_ALWAYS_NESTED = ("assoc_actor_1", "assoc_actor_2", "fatalities_by_side", "sources", "evidence")
#: Nested fields written only when set (``serialize.ONLY_WHEN_SET``), last in field order.
_WHEN_SET = ("scope", "corrected")
_KNOWN = frozenset((*_ALWAYS_NESTED, *_WHEN_SET))
_SCALARS = len(rows.SCALAR_FIELDS)
#: Record keys in ``event_to_dict`` order, without the fields written only when set.
_KEYS = tuple(name for name in EVENT_FIELDS if name not in _WHEN_SET)
#: Picks each key's value from ``row scalars + nested values`` (in ``_ALWAYS_NESTED`` order).
_PICK = itemgetter(*(rows.SCALAR_FIELDS.index(name) if name in rows.SCALAR_FIELDS
                     else _SCALARS + _ALWAYS_NESTED.index(name) for name in _KEYS))
_BOOLS = ("civilian_targeting", "is_background")
_DATES = ("event_date", "date_start", "date_end")

if set(EVENT_FIELDS) != {*rows.SCALAR_FIELDS, *_KNOWN} or EVENT_FIELDS[-2:] != _WHEN_SET:
    raise RuntimeError("store.records is out of step with the Event fields")  # pragma: no cover


def _loads(text: str) -> Any:
    """``json.loads``, through orjson (3x faster) where the ``serve`` extra installed it; text
    orjson refuses (a lone surrogate, an integer beyond 64 bits) goes to the standard library."""
    if _orjson is not None:
        try:
            return _orjson.loads(text)
        except ValueError:  # orjson.JSONDecodeError is a ValueError
            pass
    return json.loads(text)


def _source(data: dict[str, Any]) -> dict[str, Any]:
    return {"article_id": data["article_id"], "publisher": data.get("publisher", ""),
            "url": data.get("url", ""), "published": data.get("published") or None,
            "attributed_to": data.get("attributed_to"), "certainty": data.get("certainty", "reported")}


def _nested_values(extra: dict[str, Any]) -> tuple[Any, ...]:
    return (
        list(extra.get("assoc_actor_1", ())),
        list(extra.get("assoc_actor_2", ())),
        [[str(side), int(n)] for side, n in extra.get("fatalities_by_side", ())],
        [_source(s) for s in extra.get("sources", ())],
        {key: [{"start": s["start"], "end": s["end"], "text": s["text"]} for s in spans]
         for key, spans in extra.get("evidence", {}).items()},
    )


def record_from_row(row: Any) -> dict[str, Any]:
    """The JSON-ready record (``event_to_dict``'s shape) of a row of :data:`rows.READ_COLUMNS`."""
    nested = row[_SCALARS]
    extra: dict[str, Any] = _loads(nested) if nested else {}
    if not extra.keys() <= _KNOWN:  # a field this code does not know: through Event
        return event_to_dict(rows.event_from_row(row))
    if extra:
        values = (*row[:_SCALARS], *_nested_values(extra))
    else:
        values = (*row[:_SCALARS], [], [], [], [], {})
    out = dict(zip(_KEYS, _PICK(values)))  # noqa: B905 (_PICK gives one value per key)
    for name in _BOOLS:
        out[name] = bool(out[name])
    for name in _DATES:  # stored as ISO text (rows.iso), read back as it is; '' is no date
        out[name] = out[name] or None
    for name in _WHEN_SET:
        if extra.get(name):
            out[name] = extra[name] if name == "scope" else list(extra[name])
    return out


def record_sort_value(record: dict[str, Any], sort: str) -> Any:
    """The value ``record`` has under ``sort`` (what ``query.sort_value`` gives for its event)."""
    key = sort.lstrip("-")
    if key == "date":
        return record["event_date"]
    if key == "confidence":
        return float(record["confidence"])
    if key == "deaths":
        return record["fatalities"]
    return record["event_id"]


class RecordReader:
    """``event_records``: a page of events as JSON-ready records (mixed into ``SqlStore``)."""

    dialect: str
    _exec: Any
    _visible: Any

    def event_records(self, query: EventQuery | None = None) -> list[dict[str, Any]]:
        """The events matching ``query`` (in its order; mind its ``limit``), each as
        ``serialize.event_to_dict`` would give it, read straight from the rows."""
        sql, params = select_sql(self._visible(query or EventQuery()), rows.READ_SQL,
                                 dialect=self.dialect)
        return [record_from_row(row) for row in self._exec(sql, params).fetchall()]
