"""ACLED-compatible CSV: exactly ACLED's columns, in ACLED's order.

Column list checked against ACLED's public codebook / acledR's documented
data frames (event_id_cnty ... civilian_targeting, iso ... timestamp). ``iso``
is ISO 3166-1 numeric; ``fatalities`` is 0 when no number was reported (ACLED's
convention), which is why the JSON Lines / Parquet exports keep None instead.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

from conflictscope.export.countries import acled_region, iso_numeric
from conflictscope.models import Event

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)


def acled_row(
    event: Event, *, publishers: Sequence[str] = (), timestamp: int | None = None
) -> dict[str, Any]:
    """One ACLED CSV row for ``event``; ``publishers`` adds the article's other sources."""
    names: list[str] = []
    for name in (*(s.publisher for s in event.sources), *publishers):
        if name and name not in names:
            names.append(name)
    tags = []
    if event.is_background:
        tags.append("background")
    certainties = sorted({s.certainty for s in event.sources if s.certainty != "reported"})
    tags.extend(f"certainty={c}" for c in certainties)
    if event.scope:
        tags.append(f"scope={event.scope}")
    if event.corrected:  # analyst corrections (store/corrections.py): the corrected fields
        tags.append(f"corrected={','.join(event.corrected)}")
    return {
        "event_id_cnty": event.event_id,
        "event_date": event.event_date.isoformat() if event.event_date else "",
        "year": event.event_date.year if event.event_date else "",
        "time_precision": _blank(event.time_precision),
        "disorder_type": event.disorder_type,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "assoc_actor_1": "; ".join(event.assoc_actor_1),
        "inter1": event.inter1,
        "actor2": event.actor2,
        "assoc_actor_2": "; ".join(event.assoc_actor_2),
        "inter2": event.inter2,
        "interaction": event.interaction,
        "civilian_targeting": "Civilian targeting" if event.civilian_targeting else "",
        "iso": _blank(iso_numeric(event.iso3)),
        "region": acled_region(event.iso3),
        "country": event.country,
        "admin1": event.admin1,
        "admin2": event.admin2,
        "admin3": "",
        "location": event.location,
        "latitude": _blank(event.latitude),
        "longitude": _blank(event.longitude),
        "geo_precision": _blank(event.geo_precision),
        "source": "; ".join(names),
        "source_scale": "",
        "notes": event.notes,
        "fatalities": event.fatalities if event.fatalities is not None else 0,
        "tags": "; ".join(tags),
        "timestamp": int(time.time()) if timestamp is None else timestamp,
    }


def write_acled_csv(
    events: Iterable[Event],
    out: TextIO,
    *,
    publishers: Mapping[str, Sequence[str]] | None = None,
    timestamp: int | None = None,
) -> int:
    """Write ``events`` as ACLED CSV; ``publishers`` maps article id -> extra publisher names."""
    writer = csv.DictWriter(out, fieldnames=list(ACLED_COLUMNS), lineterminator="\r\n")
    writer.writeheader()
    stamp = int(time.time()) if timestamp is None else timestamp
    count = 0
    for event in events:
        extra = (publishers or {}).get(event.article_id, ())
        writer.writerow(acled_row(event, publishers=extra, timestamp=stamp))
        count += 1
    return count


def _blank(value: object) -> object:
    return "" if value is None else value
