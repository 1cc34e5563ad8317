"""Exports: every field round-trips (Hypothesis); pandas, DuckDB and a GeoJSON check read them."""

from __future__ import annotations

import csv
import io
import json
import math
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conflictscope.export import FORMATS, export_events
from conflictscope.export.acled import ACLED_COLUMNS, write_acled_csv
from conflictscope.export.geojson import read_geojson, write_geojson
from conflictscope.export.jsonl import read_jsonl, write_jsonl
from conflictscope.export.parquet import read_parquet, write_parquet
from conflictscope.export.ucdp import write_ucdp_csv
from conflictscope.models import Event
from conflictscope.store import EventQuery, open_store

from .strategies import events as event_strategy
from .test_contract import make_article, make_event

event_lists = st.lists(event_strategy(), max_size=4, unique_by=lambda e: e.event_id)
SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])

#: ACLED's published column order (codebook / acledR documentation).
ACLED_ORDER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
    "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
    "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
    "notes,fatalities,tags,timestamp"
)


def validate_geojson(doc: dict) -> None:
    """RFC 7946 checks for a FeatureCollection of Points (what we write), and the
    `geojson` package's validator."""
    import geojson

    parsed = geojson.loads(json.dumps(doc))
    assert parsed.is_valid, parsed.errors()
    assert doc["type"] == "FeatureCollection" and "crs" not in doc
    assert isinstance(doc["features"], list)
    for item in doc["features"]:
        assert item["type"] == "Feature"
        assert isinstance(item["properties"], dict)
        assert isinstance(item.get("id"), str | int)
        geometry = item["geometry"]
        if geometry is None:
            continue
        assert geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]
        assert all(isinstance(v, int | float) and math.isfinite(v) for v in (lon, lat))
        assert -180 <= lon <= 180 and -90 <= lat <= 90


@SETTINGS
@given(events=event_lists)
def test_jsonl_round_trip(events: list[Event]) -> None:
    out = io.StringIO()
    write_jsonl(events, out)
    assert list(read_jsonl(out.getvalue().splitlines())) == events


@SETTINGS
@given(events=event_lists)
def test_geojson_round_trip_and_valid(events: list[Event]) -> None:
    out = io.StringIO()
    write_geojson(events, out)
    doc = json.loads(out.getvalue())
    validate_geojson(doc)
    assert list(read_geojson(out.getvalue())) == events


@SETTINGS
@given(events=event_lists)
def test_parquet_round_trip(tmp_path: Path, events: list[Event]) -> None:
    path = tmp_path / "e.parquet"
    write_parquet(events, path)
    assert list(read_parquet(path)) == events


@SETTINGS
@given(events=event_lists)
def test_acled_csv_round_trips_its_fields(events: list[Event]) -> None:
    out = io.StringIO()
    write_acled_csv(events, out, timestamp=1)
    text = out.getvalue()
    assert text.splitlines()[0] == ACLED_ORDER
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(events)
    for row, event in zip(rows, events, strict=True):
        assert row["event_id_cnty"] == event.event_id
        assert row["event_date"] == (event.event_date.isoformat() if event.event_date else "")
        assert row["sub_event_type"] == event.sub_event_type
        assert row["actor1"] == event.actor1 and row["actor2"] == event.actor2
        assert row["assoc_actor_1"] == "; ".join(event.assoc_actor_1)
        assert int(row["inter1"]) == event.inter1 and int(row["interaction"]) == event.interaction
        assert row["location"] == event.location and row["notes"] == event.notes
        assert row["admin1"] == event.admin1 and row["country"] == event.country
        assert (float(row["latitude"]) if row["latitude"] else None) == event.latitude
        assert int(row["fatalities"]) == (event.fatalities or 0)
        assert (row["civilian_targeting"] == "Civilian targeting") == event.civilian_targeting


@SETTINGS
@given(events=event_lists)
def test_ucdp_csv_round_trips_its_fields(events: list[Event]) -> None:
    out = io.StringIO()
    write_ucdp_csv(events, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    for row, event in zip(rows, events, strict=True):
        assert row["relid"] == event.event_id
        for column, value in (("best", event.fatalities_best), ("low", event.fatalities_low),
                              ("high", event.fatalities_high), ("where_prec", event.where_prec),
                              ("date_prec", event.date_prec)):
            assert row[column] == ("" if value is None else str(value))
        assert row["date_start"] == (event.date_start.isoformat() if event.date_start else "")
        assert row["date_end"] == (event.date_end.isoformat() if event.date_end else "")


def test_ucdp_number_of_sources_counts_reports_not_the_attributions_within_one() -> None:
    from dataclasses import replace

    from conflictscope.models import Source

    article = make_article(1, publisher="One")
    one = make_event(article)
    said = [Source(article.id, "One", "", None, who, "reported") for who in ("police", None, "a witness")]
    copy = Source(article.id, "Copy Wire", "https://copy.example/1", None, "police", "reported")
    other = Source("art-9", "Nine", "", None, "police", "reported")
    event = replace(one, sources=(*said, copy, other))
    out = io.StringIO()
    write_ucdp_csv([event], out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["number_of_sources"] == "3"  # One, its syndicated copy at Copy Wire, and Nine
    assert row["source_article"] == f"{article.id}; art-9"


#: The per-article events (the five reports below tell one clash: one canonical event).
MENTIONS = EventQuery(mentions=True)


@pytest.fixture
def stored(tmp_path: Path) -> str:
    url = str(tmp_path / "x.db")
    with open_store(url) as store:
        for n in range(5):
            art = make_article(n)
            lat = None if n == 4 else 34.0 + n
            store.save_article(art, [make_event(art, latitude=lat, longitude=None if lat is None
                                                else 38.0 + n, event_date=date(2016, 12, 1 + n))],
                               pipeline_version="v1")
    return url


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_exports_from_the_store(stored: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    with open_store(stored) as store:
        assert export_events(store, fmt, str(out), MENTIONS) == 5


def test_pandas_and_duckdb_read_the_exports(stored: str, tmp_path: Path) -> None:
    import duckdb
    import pandas as pd

    with open_store(stored) as store:
        for fmt in FORMATS:
            export_events(store, fmt, str(tmp_path / f"e.{fmt}"), MENTIONS)
    acled = pd.read_csv(tmp_path / "e.acled-csv")
    assert list(acled.columns) == list(ACLED_COLUMNS) and len(acled) == 5
    assert set(acled["iso"]) == {760} and set(acled["region"]) == {"Middle East"}
    frame = pd.read_parquet(tmp_path / "e.parquet")
    assert len(frame) == 5 and frame["fatalities_best"].tolist() == [12] * 5
    con = duckdb.connect()
    count, latest = con.execute(
        f"SELECT COUNT(*), MAX(event_date) FROM read_parquet('{tmp_path / 'e.parquet'}')"
    ).fetchone()
    assert count == 5 and latest == date(2016, 12, 5)
    assert con.execute(
        f"SELECT COUNT(*) FROM read_csv_auto('{tmp_path / 'e.acled-csv'}') WHERE iso = 760"
    ).fetchone()[0] == 5
    assert con.execute(
        f"SELECT COUNT(*) FROM read_json_auto('{tmp_path / 'e.jsonl'}')"
    ).fetchone()[0] == 5
    assert len(pd.read_csv(tmp_path / "e.ucdp-csv")) == 5
    doc = json.loads((tmp_path / "e.geojson").read_text())
    validate_geojson(doc)
    assert sum(f["geometry"] is None for f in doc["features"]) == 1


def test_parquet_needs_a_file(stored: str) -> None:
    from conflictscope.errors import StoreError

    with open_store(stored) as store, pytest.raises(StoreError, match="Parquet"):
        export_events(store, "parquet", "-")


@SETTINGS
@given(events=event_lists)
def test_store_then_export_round_trip(tmp_path: Path, events: list[Event]) -> None:
    with open_store("memory") as store:
        store.bulk_insert_events(events)
        for fmt, reader in (("jsonl", lambda p: read_jsonl(p.read_text().splitlines())),
                            ("geojson", lambda p: read_geojson(p.read_text())),
                            ("parquet", read_parquet)):
            path = tmp_path / f"rt.{fmt}"
            export_events(store, fmt, str(path), MENTIONS)
            assert sorted(reader(path), key=lambda e: e.event_id) == sorted(
                events, key=lambda e: e.event_id)
