"""The inputs of ``evaluate merge``: reports with their gold incident, incidents, and a cache of
each report's extracted events.

Reports are JSON Lines ``{id, incident_id, published, title, text, url?, publisher?}``;
incidents are ``{incident_id, date, state, city_or_county, lat?, lon?, killed?, injured?}``
(the Gun Violence Archive's fields). The files are arguments: nothing of them ships.

Extraction is the slow part (10-20 reports a second), so :func:`extract_events` keeps each
report's events in a JSON Lines cache keyed by report id and pipeline version: a clustering
experiment re-runs in seconds, and a new pipeline version re-extracts.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from conflictscope.evaluation.gold import is_id, is_str, is_text, read_jsonl
from conflictscope.evaluation.split import select_half
from conflictscope.ingest.text import parse_date
from conflictscope.models import Article, Event
from conflictscope.serialize import event_from_dict, event_to_dict

#: Runs the pipeline over articles, yielding each one's events in order.
Extractor = Callable[[Sequence[Article]], Iterable[tuple[Event, ...]]]


@dataclass(frozen=True, slots=True)
class Report:
    """A news report and the gold incident it tells."""

    article: Article
    incident_id: str


@dataclass(frozen=True, slots=True)
class Incident:
    """A gold incident (some have no date, place or toll: they count for the clustering only)."""

    incident_id: str
    date: date | None
    state: str
    city: str
    latitude: float | None = None
    longitude: float | None = None
    killed: int | None = None
    injured: int | None = None


def read_reports(path: str | Path, *, half: str | None = None, limit: int | None = None) -> list[Report]:
    """The reports of ``path`` (one half by a stable hash of each incident id, then the first
    ``limit``). Halves split by incident so that no incident's reports straddle them; the key is
    ``incident:<id>``, not the bare id, because the dev file is itself one half of its corpus by
    the bare id's hash (every one of its incidents would fall in half 0)."""
    fields = {"id": is_id, "incident_id": is_id, "published": is_str, "text": is_text}
    records = [record for _, record in read_jsonl(path, fields)]
    records = select_half(records, half, key=lambda r: f"incident:{r['incident_id']}")[:limit]
    return [Report(Article.from_text(r["text"], id=str(r["id"]), published=parse_date(r["published"]),
                                     title=r.get("title") or "", url=r.get("url") or "",
                                     publisher=r.get("publisher") or ""), str(r["incident_id"]))
            for r in records]


def read_incidents(path: str | Path) -> dict[str, Incident]:
    """The incidents of ``path`` by id."""
    fields = {"incident_id": is_id}
    found: dict[str, Incident] = {}
    for _, r in read_jsonl(path, fields):
        found[str(r["incident_id"])] = Incident(
            str(r["incident_id"]), date.fromisoformat(r["date"]) if r.get("date") else None, r.get("state") or "",
            r.get("city_or_county") or "", _number(r.get("lat")), _number(r.get("lon")),
            _count(r.get("killed")), _count(r.get("injured")))
    return found


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _count(value: Any) -> int | None:
    return int(value) if isinstance(value, int | float) else None


def read_cache(path: Path, version: str) -> dict[str, tuple[Event, ...]]:
    """The cached events of each report extracted by ``version`` (others are ignored)."""
    cached: dict[str, tuple[Event, ...]] = {}
    if not path.is_file():
        return cached
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line cut short by an interrupted run
            if record.get("version") == version:
                cached[record["id"]] = tuple(event_from_dict(e) for e in record["events"])
    return cached


def extract_events(reports: Sequence[Report], extractor: Extractor, version: str, *,
                   cache: str | Path | None = None, progress: bool = False) -> dict[str, tuple[Event, ...]]:
    """Each report's events by article id: from the cache when it holds them for ``version``,
    else extracted now (and appended to the cache, one line per report, as they come)."""
    path = Path(cache) if cache else None
    found = read_cache(path, version) if path else {}
    missing = [r.article for r in reports if r.article.id not in found]
    if missing:
        handle = path.open("a", encoding="utf-8") if path else None
        try:
            for article, events in zip(missing, _bar(extractor(missing), len(missing), progress), strict=True):
                found[article.id] = tuple(events)
                if handle is not None:
                    handle.write(json.dumps({"id": article.id, "version": version,
                                             "events": [event_to_dict(e) for e in events]},
                                            ensure_ascii=False) + "\n")
                    handle.flush()
        finally:
            if handle is not None:
                handle.close()
    return found


def _bar(items: Iterable[tuple[Event, ...]], total: int, progress: bool) -> Iterator[tuple[Event, ...]]:
    if not progress:
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, total=total, desc="merge: extract", unit="report", file=sys.stderr, leave=False)


def pipeline_extractor(scope: str = "all-violence") -> tuple[Extractor, str]:
    """The default pipeline in coding scope ``scope``, as an extractor, and its version."""
    from conflictscope.pipeline.core import Pipeline
    from conflictscope.resources import Settings

    pipeline = Pipeline(settings=Settings.from_env().but(scope=scope))

    def run(articles: Sequence[Article]) -> Iterator[tuple[Event, ...]]:
        for analyzed in pipeline.run_many(articles):
            yield analyzed.events

    return run, pipeline.version
