"""A bounded load client for ``conflictscope bench-serve``: requests/s and latency percentiles of
event-list and map-cluster queries against a real server on loopback.

The client sends a fixed number of requests (never more) from a few threads, each over one
keep-alive connection; the mix is half event lists (a page of 100: country + event type +
90 days, a 1x1 degree box, or the newest events) and half map clusters (a random view at zoom
3-8), drawn with a fixed seed.
"""

from __future__ import annotations

import http.client
import random
import statistics
import threading
import time
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urlencode, urlsplit

from conflictscope.store.bench import COUNTRIES, DAYS, START

EVENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Protests",
               "Riots", "Strategic developments")


@dataclass
class KindResult:
    """Latencies (ms) and errors of one kind of request."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0

    def percentile(self, q: float) -> float:
        """The ``q`` quantile (0-1) of the latencies, in milliseconds."""
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


@dataclass
class LoadResult:
    """What one load run measured."""

    requests: int
    seconds: float
    concurrency: int
    kinds: dict[str, KindResult]

    @property
    def per_second(self) -> float:
        """Completed requests per second over the whole run."""
        return self.requests / self.seconds if self.seconds else 0.0


def _event_list(rng: random.Random) -> str:
    choice = rng.random()
    if choice < 0.4:
        country = rng.choice(COUNTRIES)
        start = START + timedelta(days=rng.randrange(DAYS - 90))
        params = {"country": country[1], "event_type": rng.choice(EVENT_TYPES),
                  "since": start.isoformat(), "until": (start + timedelta(days=90)).isoformat()}
    elif choice < 0.8:
        _, _, lat, lon = rng.choice(COUNTRIES)
        west, south = lon + rng.uniform(-3.5, 2.5), lat + rng.uniform(-3.5, 2.5)
        params = {"bbox": f"{west:.3f},{south:.3f},{west + 1:.3f},{south + 1:.3f}"}
    else:
        params = {"sort": "-date"}
    return "/api/events?" + urlencode({**params, "limit": 100})


def _clusters(rng: random.Random) -> str:
    zoom = rng.randrange(3, 9)
    _, _, lat, lon = rng.choice(COUNTRIES)
    half_w, half_h = 360 / 2 ** zoom, 170 / 2 ** zoom
    box = (max(-180, lon - half_w), max(-90, lat - half_h), min(180, lon + half_w), min(90, lat + half_h))
    return "/api/clusters?" + urlencode({"zoom": zoom, "bbox": ",".join(f"{v:.3f}" for v in box)})


def run_load(base_url: str, *, requests: int = 2000, concurrency: int = 8, seed: int = 3,
             timeout: float = 30.0) -> LoadResult:
    """Send ``requests`` requests (half event lists, half clusters) from ``concurrency`` threads
    to the server at ``base_url`` (loopback) and time each one."""
    parts = urlsplit(base_url)
    rng = random.Random(seed)
    plan = [("events", _event_list(rng)) if n % 2 == 0 else ("clusters", _clusters(rng))
            for n in range(requests)]
    kinds = {"events": KindResult(), "clusters": KindResult()}
    lock = threading.Lock()
    cursor = iter(range(requests))

    def worker() -> None:
        connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=timeout)
        try:
            while True:
                with lock:
                    n = next(cursor, None)
                if n is None:
                    return
                kind, path = plan[n]
                started = time.perf_counter()
                try:
                    connection.request("GET", path)
                    response = connection.getresponse()
                    response.read()
                    ok = response.status == 200
                except (OSError, http.client.HTTPException):
                    ok = False
                    connection.close()
                    connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port,
                                                            timeout=timeout)
                elapsed = 1000 * (time.perf_counter() - started)
                with lock:
                    if ok:
                        kinds[kind].latencies.append(elapsed)
                    else:
                        kinds[kind].errors += 1
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, name=f"load-{i}") for i in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    done = sum(len(k.latencies) for k in kinds.values())
    return LoadResult(done, seconds, concurrency, kinds)


def describe(result: LoadResult) -> list[str]:
    """Lines reporting a load run."""
    lines = [f"bench-serve: {result.requests:,} requests in {result.seconds:.1f} s from "
             f"{result.concurrency} connections: {result.per_second:,.0f} requests/s (target >= 500)"]
    for name, kind in result.kinds.items():
        if kind.latencies:
            lines.append(f"bench-serve: {name}: p50 {statistics.median(kind.latencies):.1f} ms, "
                         f"p99 {kind.percentile(0.99):.1f} ms (target <= 200), "
                         f"max {max(kind.latencies):.1f} ms, errors {kind.errors}")
        else:
            lines.append(f"bench-serve: {name}: no successful request, errors {kind.errors}")
    return lines
