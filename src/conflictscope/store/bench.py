"""Store benchmarks: ingest speed (store share of time) and query latency on synthetic events.

``conflictscope bench-store`` runs both; see docs/store.md for the numbers.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from conflictscope.models import Event, Source, stable_id
from conflictscope.store.base import EventQuery, Store
from conflictscope.taxonomy import EVENT_TYPE_OF

#: (country, iso3, latitude, longitude) centres the synthetic events scatter around.
COUNTRIES = (
    ("Syria", "SYR", 35.0, 38.5), ("Iraq", "IRQ", 33.2, 43.7), ("Yemen", "YEM", 15.5, 47.5),
    ("Nigeria", "NGA", 9.1, 8.7), ("Mali", "MLI", 17.6, -4.0), ("Somalia", "SOM", 5.2, 46.2),
    ("Afghanistan", "AFG", 33.9, 67.7), ("Ukraine", "UKR", 48.4, 31.2), ("Mexico", "MEX", 23.6, -102.6),
    ("Colombia", "COL", 4.6, -74.3), ("Myanmar", "MMR", 21.9, 95.9), ("Sudan", "SDN", 12.9, 30.2),
    ("Ethiopia", "ETH", 9.1, 40.5), ("Pakistan", "PAK", 30.4, 69.3), ("Libya", "LBY", 26.3, 17.2),
    ("Burkina Faso", "BFA", 12.2, -1.6), ("Democratic Republic of Congo", "COD", -4.0, 21.8),
    ("India", "IND", 20.6, 79.0), ("Philippines", "PHL", 12.9, 121.8), ("Brazil", "BRA", -14.2, -51.9),
)
SUB_TYPES = sorted(EVENT_TYPE_OF)
START = date(2015, 1, 1)
DAYS = 3650


def synthetic_events(count: int, seed: int = 1) -> Iterator[Event]:
    """``count`` plausible, varied events (fixed seed: the same events every time)."""
    rng = random.Random(seed)
    for n in range(count):
        country, iso3, lat, lon = COUNTRIES[rng.randrange(len(COUNTRIES))]
        sub = SUB_TYPES[rng.randrange(len(SUB_TYPES))]
        day = START + timedelta(days=rng.randrange(DAYS))
        article = f"bench-{n // 3}"
        deaths = rng.choice((None, 0, 1, 2, 5, 12))
        yield Event(
            event_id=stable_id("bench", n), article_id=article, pipeline_version="bench",
            event_type=EVENT_TYPE_OF[sub], sub_event_type=sub, disorder_type="Political violence",
            civilian_targeting=False, confidence=round(rng.random(), 3),
            actor1=f"Armed group {rng.randrange(200)}", inter1=rng.randrange(1, 9),
            actor2=f"Armed group {rng.randrange(200)}", inter2=rng.randrange(0, 9),
            country=country, iso3=iso3, admin1=f"Region {rng.randrange(12)}",
            location=f"Town {rng.randrange(500)}",
            latitude=round(lat + rng.uniform(-3, 3), 4), longitude=round(lon + rng.uniform(-3, 3), 4),
            geo_precision=1, event_date=day, date_start=day, date_end=day, time_precision=1,
            date_prec=1, fatalities=deaths, fatalities_best=deaths,
            sources=(Source(article, "Bench News"),), notes=f"Synthetic event {n}.",
        )


@dataclass
class QueryBench:
    """Latency of one kind of query, in milliseconds."""

    name: str
    runs: int
    p50: float
    p95: float
    mean_rows: float


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _bbox_query(rng: random.Random, limit: int, mentions: bool) -> EventQuery:
    _, _, lat, lon = rng.choice(COUNTRIES)
    west, south = lon + rng.uniform(-3.5, 2.5), lat + rng.uniform(-3.5, 2.5)
    return EventQuery(bbox=(west, south, west + 1.0, south + 1.0), limit=limit, mentions=mentions)


def bench_queries(store: Store, runs: int = 200, limit: int = 1000, seed: int = 2,
                  mentions: bool = True) -> list[QueryBench]:
    """Time country+date range+type queries and bounding-box queries (results fetched), on the
    per-article events (``mentions``) or on canonical events."""
    rng = random.Random(seed)
    event_types = sorted(set(EVENT_TYPE_OF.values()))
    makers = {
        "country + 90-day range + event type": lambda: EventQuery(
            country=str(rng.choice(COUNTRIES)[rng.choice((0, 1))]),
            event_type=rng.choice(event_types),
            date_from=(start := START + timedelta(days=rng.randrange(DAYS - 90))),
            date_to=start + timedelta(days=90), limit=limit, mentions=mentions),
        "bounding box 1x1 degree": lambda: _bbox_query(rng, limit, mentions),
    }
    results = []
    for name, make in makers.items():
        timings, sizes = [], []
        for _ in range(runs):
            query = make()
            started = time.perf_counter()
            found = list(store.events(query))
            timings.append(1000 * (time.perf_counter() - started))
            sizes.append(len(found))
        results.append(QueryBench(name, runs, statistics.median(timings),
                                  _percentile(timings, 0.95), statistics.fmean(sizes)))
    return results


def fill_serve_bench(store: Store, count: int, *, batch: int = 20_000) -> int:
    """Fill an empty store with ``count`` synthetic events, each its own canonical event (the
    read path of ``conflictscope bench-serve``; no merge clustering, which ``bench-merge``
    measures). Returns how many canonical events the store then holds."""
    from conflictscope.store.merging import _CANONICAL_COLUMNS
    from conflictscope.store.rows import EVENT_COLUMNS

    store.bulk_insert_events(synthetic_events(count), batch_size=batch, merge=False)
    columns = ", ".join(_CANONICAL_COLUMNS)
    with store.transaction():  # type: ignore[attr-defined]
        store._exec(  # type: ignore[attr-defined]
            f"INSERT INTO canonical_events ({columns}) SELECT {', '.join(EVENT_COLUMNS)}, 1, 1, 0, "
            "'{\"fields\": {}, \"mention_ids\": [], \"sources\": [], \"source_count\": 1}' "
            "FROM events WHERE 1 = 1 ON CONFLICT (event_id) DO NOTHING")
    return store.count_events()
