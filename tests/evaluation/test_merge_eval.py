"""`evaluate merge` on a tiny invented set: the printed numbers equal the library's and a hand count.

Three incidents of our own: two reports of a bakery shooting in Springfield, one of a shooting
in Riverton, one report (of a third incident) from which nothing is read. The pipeline is
faked: each report's events are given.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictscope.cli import main
from conflictscope.evaluation import merge as merge_task
from conflictscope.evaluation.merge import evaluate_merge
from conflictscope.models import Article, Event, Span

REPORTS = [
    {"id": "r1", "incident_id": "I1", "published": "2021-03-02", "publisher": "one.example",
     "title": "Bakery clerk wounded on Maple Avenue", "text": "A gunman wounded a bakery clerk on Maple Avenue."},
    {"id": "r2", "incident_id": "I1", "published": "2021-03-02", "publisher": "two.example",
     "title": "Maple Avenue bakery clerk shot", "text": "A bakery clerk on Maple Avenue was shot by a gunman."},
    {"id": "r3", "incident_id": "I2", "published": "2021-03-06", "publisher": "one.example",
     "title": "Riverton man shot at Cedar Park", "text": "A man was shot at Cedar Park in Riverton."},
    {"id": "r4", "incident_id": "I3", "published": "2021-04-09", "publisher": "three.example",
     "title": "Council meets", "text": "The council met on Thursday."},
]
INCIDENTS = [
    {"incident_id": "I1", "date": "2021-03-01", "state": "Illinois", "city_or_county": "Springfield",
     "killed": 1, "injured": 0},
    {"incident_id": "I2", "date": "2021-03-03", "state": "Wyoming", "city_or_county": "Riverton",
     "killed": 0, "injured": 1},
    {"incident_id": "I3", "date": "2021-04-08", "state": "Wyoming", "city_or_county": "Casper",
     "killed": 0, "injured": 1},
]
PLACES = {"Springfield": ("Illinois", 39.80, -89.64), "Riverton": ("Wyoming", 43.02, -108.38)}


def _event(article_id: str, town: str, day: date, deaths: int | None, note: str) -> Event:
    region, lat, lon = PLACES[town]
    return Event(event_id=f"e-{article_id}", article_id=article_id, pipeline_version="fake",
                 event_type="Violence against civilians", sub_event_type="Attack", disorder_type="Political violence",
                 civilian_targeting=True, confidence=0.5, actor1="Unidentified Armed Group (United States)", inter1=3,
                 country="United States", admin1=region, location=town, latitude=lat, longitude=lon,
                 geo_precision=1, gazetteer_id=f"g:{town}", event_date=day, date_start=day, date_end=day,
                 time_precision=1, date_prec=1, fatalities=deaths, notes=note,
                 evidence={"event_date": (Span(0, 3, "Monday"),)})


EVENTS = {
    "r1": (_event("r1", "Springfield", date(2021, 3, 1), 1, "A gunman wounded a bakery clerk on Maple Avenue."),),
    "r2": (_event("r2", "Springfield", date(2021, 3, 1), 1, "A bakery clerk on Maple Avenue was shot by a gunman."),),
    "r3": (_event("r3", "Riverton", date(2021, 3, 5), None, "A man was shot at Cedar Park in Riverton."),),
    "r4": (),
}


def fake_extractor(articles: Sequence[Article]) -> Iterator[tuple[Event, ...]]:
    for article in articles:
        yield EVENTS[article.id]


def _write(path: Path, rows: Sequence[Mapping[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.setattr(merge_task, "pipeline_extractor", lambda scope="all-violence": (fake_extractor, "fake"))
    return _write(tmp_path / "docs.jsonl", REPORTS), _write(tmp_path / "incidents.jsonl", INCIDENTS)


def test_merge_cli_prints_the_library_numbers_and_the_hand_count(files: tuple[Path, Path], tmp_path: Path) -> None:
    docs, incidents = files
    cache = tmp_path / "cache.jsonl"
    args = ["evaluate", "merge", "--docs", str(docs), "--incidents", str(incidents), "--json", "--no-progress",
            "--cache", str(cache)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    printed = json.loads(result.output)
    assert printed["system"] == evaluate_merge(docs, incidents)["system"]
    assert printed["system"]["b3"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "items": 4}
    assert printed["system"]["count_accuracy"] == 0.6667  # Wyoming in April: the unread report counts no event
    assert printed["fields"] == {"events": 2, "date": 0.5, "date_exact": 0.5, "city": 1.0, "killed": 1.0}
    singletons = printed["baselines"]["singletons"]["b3"]
    assert (singletons["recall"], singletons["f1"]) == (0.75, 0.8571)
    assert printed["baselines"]["same_city_same_day"]["b3"]["f1"] == 1.0
    assert printed["headline"]["b3_f1"] == 1.0 and printed["reports_without_event"] == 1
    assert len(cache.read_text(encoding="utf-8").splitlines()) == 4


def test_the_cache_serves_a_second_run(files: tuple[Path, Path], tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    docs, incidents = files
    cache = tmp_path / "cache.jsonl"
    first = evaluate_merge(docs, incidents, cache=cache)

    def broken(articles: Sequence[Article]) -> Iterator[tuple[Event, ...]]:
        raise AssertionError("the cache should have served every report")
        yield ()

    monkeypatch.setattr(merge_task, "pipeline_extractor", lambda scope="all-violence": (broken, "fake"))
    assert evaluate_merge(docs, incidents, cache=cache)["system"] == first["system"]


def test_halves_split_by_incident(files: tuple[Path, Path]) -> None:
    docs, incidents = files
    halves = [evaluate_merge(docs, incidents, half=h)["n"] for h in ("0", "1")]
    assert sum(halves) == 4


def test_a_city_written_with_the_or_a_hyphen_is_the_same_city() -> None:
    from conflictscope.evaluation.merge import _cities, _city

    assert _city("The Bronx") in _cities("Bronx")
    assert _city("Opa-locka") in _cities("Opa Locka")
    assert _city("Saint Louis") == _city("St. Louis")
    assert _city("Theodore") == "theodore"
