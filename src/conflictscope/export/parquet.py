"""Parquet export (pyarrow): typed columns that pandas and DuckDB read directly.

Scalars keep their types (dates as date32, nullable int64, float64, bool);
associated actors are ``list<string>``; sources and per-side deaths are lists of
structs; evidence (a map of field -> spans) is a JSON string column.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any

from conflictscope.models import Event
from conflictscope.serialize import event_from_dict, event_to_dict

_INT = ("inter1", "inter2", "interaction", "geo_precision", "where_prec", "time_precision",
        "date_prec", "fatalities", "fatalities_low", "fatalities_best", "fatalities_high")
_FLOAT = ("confidence", "latitude", "longitude")
_BOOL = ("civilian_targeting", "is_background")
_DATE = ("event_date", "date_start", "date_end")


def schema() -> Any:
    """The Arrow schema of the events table."""
    import pyarrow as pa

    source = pa.struct([
        ("article_id", pa.string()), ("publisher", pa.string()), ("url", pa.string()),
        ("published", pa.date32()), ("attributed_to", pa.string()), ("certainty", pa.string()),
    ])
    columns = []
    for item in fields(Event):
        name = item.name
        if name in _INT:
            kind = pa.int64()
        elif name in _FLOAT:
            kind = pa.float64()
        elif name in _BOOL:
            kind = pa.bool_()
        elif name in _DATE:
            kind = pa.date32()
        elif name in ("assoc_actor_1", "assoc_actor_2", "corrected"):
            kind = pa.list_(pa.string())
        elif name == "sources":
            kind = pa.list_(source)
        elif name == "fatalities_by_side":
            kind = pa.list_(pa.struct([("side", pa.string()), ("count", pa.int64())]))
        else:  # strings and evidence (JSON text)
            kind = pa.string()
        columns.append(pa.field(name, kind))
    return pa.schema(columns)


def _row(event: Event) -> dict[str, Any]:
    data = event_to_dict(event)
    for name in _DATE:
        data[name] = getattr(event, name)
    data["sources"] = [
        {**s, "published": date.fromisoformat(s["published"]) if s["published"] else None}
        for s in data["sources"]
    ]
    data["fatalities_by_side"] = [{"side": s, "count": n} for s, n in event.fatalities_by_side]
    data["evidence"] = json.dumps(data["evidence"], ensure_ascii=False)
    data["scope"] = event.scope
    data["corrected"] = list(event.corrected)  # the corrected field names ([] when none)
    return data


def write_parquet(events: Iterable[Event], path: str | Path, *, batch_size: int = 50_000) -> int:
    """Write ``events`` to a Parquet file at ``path``; returns how many."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table_schema = schema()
    count = 0
    with pq.ParquetWriter(str(path), table_schema, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []
        for event in events:
            batch.append(_row(event))
            if len(batch) >= batch_size:
                writer.write_table(pa.Table.from_pylist(batch, schema=table_schema))
                count += len(batch)
                batch = []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=table_schema))
            count += len(batch)
    return count


def read_parquet(path: str | Path) -> Iterator[Event]:
    """Events back from a file written by :func:`write_parquet`."""
    import pyarrow.parquet as pq

    for data in pq.read_table(str(path)).to_pylist():
        for name in _DATE:
            data[name] = data[name].isoformat() if data[name] else None
        data["sources"] = [
            {**s, "published": s["published"].isoformat() if s["published"] else None}
            for s in data["sources"]
        ]
        data["fatalities_by_side"] = [[p["side"], p["count"]] for p in data["fatalities_by_side"]]
        data["evidence"] = json.loads(data["evidence"])
        yield event_from_dict(data)
