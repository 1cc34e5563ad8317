"""The merge benchmark: incremental clustering of many stored mentions, and canonical queries.

``conflictscope bench-merge`` (docs/store.md). Synthetic reports of synthetic events: each event
(a country weighted like conflict news, a town scattered around its centre, a day over ten
years, a sub-event type) is told by 1-4 reports of different outlets, published 0-2 days
after it, whose evidence shares the event's words and adds its own; a fifth of the articles
tell a second event of the same country and week (cannot-link within one article). The
mentions are stored with ``bulk_insert_events`` (``merge=True``: the same incremental
clustering as ``save_article``), many articles per transaction, in date order with a little
shuffling, as news arrives.
"""

from __future__ import annotations

import random
import resource
import statistics
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from conflictscope.models import Event, Source, stable_id
from conflictscope.store.base import Store
from conflictscope.store.bench import COUNTRIES, DAYS, START, SUB_TYPES, bench_queries
from conflictscope.taxonomy import EVENT_TYPE_OF

#: Relative weights of :data:`COUNTRIES` (conflict news is not spread evenly).
WEIGHTS = (20, 12, 10, 9, 5, 6, 9, 10, 4, 3, 6, 5, 4, 4, 3, 3, 4, 3, 2, 1)
_VOCABULARY = [f"w{n}" for n in range(5000)]


@dataclass(frozen=True, slots=True)
class MergeBenchResult:
    """What ``bench-merge`` measured."""

    mentions: int
    canonical: int
    seconds: float
    peak_rss_mb: float
    #: Anonymous (heap) RSS at the end: RSS less the pages of the database file SQLite maps.
    anon_rss_mb: float
    query_p50_ms: float
    query_p95_ms: float
    query_rows: float

    @property
    def mentions_per_second(self) -> float:
        """Mentions stored and clustered per second."""
        return self.mentions / self.seconds if self.seconds else 0.0


@dataclass(frozen=True, slots=True)
class _Real:
    """A synthetic real event, before reports tell it."""

    country: tuple[str, str, float, float]
    sub: str
    day: date
    town: int
    lat: float
    lon: float
    deaths: int | None
    words: tuple[str, ...]
    actor: str


def _event(rng: random.Random, n: int, per_day: float) -> _Real:
    country = rng.choices(COUNTRIES, weights=WEIGHTS)[0]
    return _Real(
        country=country, sub=SUB_TYPES[rng.randrange(len(SUB_TYPES))],
        day=START + timedelta(days=min(DAYS - 1, int(n / per_day) + rng.randrange(3))),
        town=rng.randrange(400), lat=round(country[2] + rng.uniform(-3, 3), 4),
        lon=round(country[3] + rng.uniform(-3, 3), 4), deaths=rng.choice((None, 0, 1, 2, 5, 12)),
        words=tuple(rng.sample(_VOCABULARY, 12)), actor=f"Armed group {rng.randrange(200)}",
    )


def _mention(rng: random.Random, real: _Real, article: str, outlet: str, k: int) -> Event:
    country, iso3, _, _ = real.country
    day = real.day + timedelta(days=rng.choice((0, 0, 0, 1)))
    words = [w for w in real.words if rng.random() < 0.7] + rng.sample(_VOCABULARY, 4)
    return Event(
        event_id=stable_id("bench-merge", article, k), article_id=article, pipeline_version="bench",
        event_type=EVENT_TYPE_OF[real.sub], sub_event_type=real.sub, disorder_type="Political violence",
        civilian_targeting=False, confidence=round(rng.random(), 3), actor1=real.actor, inter1=2,
        country=country, iso3=iso3, admin1=f"Region {real.town % 12}", location=f"Town {real.town}",
        latitude=real.lat, longitude=real.lon, geo_precision=1, event_date=day, date_start=day,
        date_end=day, time_precision=1, date_prec=1, fatalities=real.deaths, fatalities_best=real.deaths,
        sources=(Source(article, outlet, "", day + timedelta(days=rng.randrange(3))),),
        notes=f"{' '.join(words)} town{real.town}",
    )


def synthetic_mentions(count: int, seed: int = 3) -> Iterator[Event]:
    """``count`` mentions of synthetic events (fixed seed) over ten years, in the order news
    arrives (by day, shuffled within a few days)."""
    rng = random.Random(seed)
    per_day = max(count / 2.6 / DAYS, 1e-3)  # about 2.6 mentions per event
    made = n = 0
    pending: list[Event] = []
    while made < count:
        real = _event(rng, n, per_day)
        n += 1
        for report in range(rng.choice((1, 1, 2, 2, 3, 4))):
            article = f"bm-{n}-{report}"
            outlet = f"Outlet {rng.randrange(60)}"
            pending.append(_mention(rng, real, article, outlet, 0))
            if rng.random() < 0.2:  # the same report tells a second event nearby that week
                other = replace(_event(rng, n, per_day), country=real.country, lat=real.lat, lon=real.lon,
                                day=real.day - timedelta(days=rng.randrange(1, 6)))
                pending.append(_mention(rng, other, article, outlet, 1))
        if len(pending) >= 2000 or made + len(pending) >= count:
            rng.shuffle(pending)
            chunk = pending[: count - made]
            made += len(chunk)
            pending = []
            yield from chunk


def _anon_mb() -> float:
    """The process's anonymous resident memory in MB (Linux; 0 elsewhere)."""
    try:
        for line in open("/proc/self/status", encoding="ascii"):  # noqa: SIM115
            if line.startswith("RssAnon:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def run_merge_bench(store: Store, mentions: int, *, batch: int = 2000, runs: int = 200) -> MergeBenchResult:
    """Store and cluster ``mentions`` synthetic mentions, then time canonical-event queries."""
    started = time.perf_counter()
    stored = store.bulk_insert_events(synthetic_mentions(mentions), batch_size=batch)
    seconds = time.perf_counter() - started
    timings = bench_queries(store, runs=runs, limit=1000, mentions=False)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    p50 = statistics.fmean(t.p50 for t in timings)
    return MergeBenchResult(stored, store.count_events(), seconds, rss, _anon_mb(), p50,
                            max(t.p95 for t in timings), statistics.fmean(t.mean_rows for t in timings))
