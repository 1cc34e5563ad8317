"""UCDP-GED-like CSV: UCDP GED's column names for what an extracted event can carry.

Deaths keep UCDP's low/best/high; where_prec and date_prec are UCDP's codes;
``type_of_violence`` is 1 state-based, 2 non-state, 3 one-sided, and empty for
events outside UCDP's scope (protests, riots without deaths, strategic
developments). ``relid`` is our event id; ``source_article`` our article id.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from conflictscope.export.countries import ucdp_region
from conflictscope.models import Event

UCDP_COLUMNS: tuple[str, ...] = (
    "id", "relid", "year", "type_of_violence", "conflict_name", "dyad_name", "side_a", "side_b",
    "number_of_sources", "source_article", "source_office", "source_date", "source_headline",
    "where_prec", "where_coordinates", "where_description", "adm_1", "adm_2", "latitude",
    "longitude", "geom_wkt", "country", "region", "event_clarity", "date_prec", "date_start",
    "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
)

_VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")


def reports_of(event: Event) -> set[tuple[str, str, str]]:
    """The reports an event comes from: one per article and outlet (a syndicated copy at another
    outlet counts, the several people a report quotes do not); at least the event's own article."""
    return {(s.article_id, s.publisher, s.url) for s in event.sources} or {(event.article_id, "", "")}


def type_of_violence(event: Event) -> int | None:
    """UCDP's type of violence of an event (None: outside UCDP's scope)."""
    if event.event_type not in _VIOLENT:
        return None
    if event.event_type == "Violence against civilians" or event.inter2 == 7:
        return 3
    return 1 if 1 in (event.inter1, event.inter2) else 2


def _deaths_by_side(event: Event) -> dict[str, int | None]:
    out: dict[str, int | None] = {"a": None, "b": None, "civilians": None}
    for side, count in event.fatalities_by_side:
        key = side.lower()
        if key in ("a", "side_a", "actor1") or side == event.actor1:
            out["a"] = (out["a"] or 0) + count
        elif key in ("b", "side_b", "actor2") or (event.actor2 and side == event.actor2):
            out["b"] = (out["b"] or 0) + count
        elif "civilian" in key:
            out["civilians"] = (out["civilians"] or 0) + count
    return out


def ucdp_row(event: Event, *, number: int = 0) -> dict[str, Any]:
    """One UCDP-GED-like row for ``event``."""
    by_side = _deaths_by_side(event)
    known = sum(v for v in by_side.values() if v is not None)
    best = event.fatalities_best
    unknown = best - known if best is not None and known <= best else None
    lat, lon = event.latitude, event.longitude
    source = event.sources[0] if event.sources else None
    side_b = event.actor2 or ("Civilians" if type_of_violence(event) == 3 else "")
    return {
        "id": number,
        "relid": event.event_id,
        "year": event.event_date.year if event.event_date else "",
        "type_of_violence": _blank(type_of_violence(event)),
        "conflict_name": f"{event.country}: {event.actor1}" if event.country else event.actor1,
        "dyad_name": f"{event.actor1} - {side_b}" if side_b else event.actor1,
        "side_a": event.actor1,
        "side_b": side_b,
        "number_of_sources": len(reports_of(event)),
        "source_article": "; ".join(dict.fromkeys(s.article_id for s in event.sources)) or event.article_id,
        "source_office": "; ".join(dict.fromkeys(s.publisher for s in event.sources if s.publisher)),
        "source_date": source.published.isoformat() if source and source.published else "",
        "source_headline": "",
        "where_prec": _blank(event.where_prec),
        "where_coordinates": event.location,
        "where_description": event.location,
        "adm_1": event.admin1,
        "adm_2": event.admin2,
        "latitude": _blank(lat),
        "longitude": _blank(lon),
        "geom_wkt": f"POINT ({lon} {lat})" if lat is not None and lon is not None else "",
        "country": event.country,
        "region": ucdp_region(event.iso3),
        "event_clarity": 1 if (event.time_precision or 1) == 1 else 2,
        "date_prec": _blank(event.date_prec),
        "date_start": event.date_start.isoformat() if event.date_start else "",
        "date_end": event.date_end.isoformat() if event.date_end else "",
        "deaths_a": _blank(by_side["a"]),
        "deaths_b": _blank(by_side["b"]),
        "deaths_civilians": _blank(by_side["civilians"]),
        "deaths_unknown": _blank(unknown),
        "best": _blank(best),
        "high": _blank(event.fatalities_high),
        "low": _blank(event.fatalities_low),
    }


def write_ucdp_csv(events: Iterable[Event], out: TextIO) -> int:
    """Write ``events`` as UCDP-GED-like CSV; returns how many."""
    writer = csv.DictWriter(out, fieldnames=list(UCDP_COLUMNS), lineterminator="\r\n")
    writer.writeheader()
    count = 0
    for count, event in enumerate(events, start=1):
        writer.writerow(ucdp_row(event, number=count))
    return count


def _blank(value: object) -> object:
    return "" if value is None else value
