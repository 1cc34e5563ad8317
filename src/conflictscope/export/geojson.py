"""GeoJSON (RFC 7946) FeatureCollection: one Point feature per event, for QGIS and web maps.

Coordinates are ``[longitude, latitude]`` in WGS 84 (no ``crs`` member, as RFC
7946 asks). Events without coordinates get ``"geometry": null`` (valid GeoJSON;
QGIS lists them without drawing them). Properties are the full event record.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from conflictscope.models import Event
from conflictscope.serialize import event_from_dict, event_to_dict


def feature(event: Event) -> dict[str, Any]:
    """The GeoJSON Feature of one event."""
    geometry = None
    if event.latitude is not None and event.longitude is not None:
        geometry = {"type": "Point", "coordinates": [event.longitude, event.latitude]}
    return {"type": "Feature", "id": event.event_id, "geometry": geometry,
            "properties": event_to_dict(event)}


def write_geojson(events: Iterable[Event], out: TextIO) -> int:
    """Stream a FeatureCollection of ``events`` to ``out``; returns how many."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    for event in events:
        if count:
            out.write(",\n")
        out.write(json.dumps(feature(event), ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count


def read_geojson(text: str) -> Iterator[Event]:
    """Events back from a FeatureCollection written by :func:`write_geojson`."""
    for item in json.loads(text)["features"]:
        yield event_from_dict(item["properties"])
