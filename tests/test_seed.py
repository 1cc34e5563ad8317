"""The seed report (../shared/seeds), when it is there: its `must` events and no `must_not` ones.

The seed is third-party text, so it is read from ../shared and never copied into the
project; without ../shared this test is skipped.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conflictscope.evaluation.matching import any_accepts
from conflictscope.models import Article
from conflictscope.serialize import event_to_dict

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SEED = SEEDS / "palmyra-2016-12-11.txt"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="../shared/seeds is not there")


@pytest.fixture(scope="module")
def seed_events(pipeline) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    article = Article.from_text(
        SEED.read_text(encoding="utf-8"), id="palmyra", published=date(2016, 12, 11),
        publisher="BBC News",
    )
    return [event_to_dict(e) for e in pipeline(article).events]


def _expected() -> dict[str, Any]:
    return json.loads((SEEDS / "palmyra-2016-12-11.expected.json").read_text(encoding="utf-8"))


#: What finds a must event here: its sub-type, actor1, actor2 and background flag.
_KEYS = ("sub_event_type", "actor1", "actor2", "is_background")


def _found(must: dict[str, Any], events: list[dict[str, Any]]) -> bool:
    return any_accepts(must, events, _KEYS)


@pytest.mark.parametrize("index", range(5))
def test_seed_must_event_found(index: int, seed_events: list[dict[str, Any]]) -> None:
    must = _expected()["must"][index]
    assert _found(must, seed_events), (must["what"], [
        (e["sub_event_type"], e["actor1"], e["actor2"], e["is_background"]) for e in seed_events
    ])


def test_seed_places_nothing_outside_syria(seed_events: list[dict[str, Any]]) -> None:
    for event in seed_events:
        if not event["is_background"]:
            assert event["country"] in ("", "Syria"), event


def test_seed_fighting_in_aleppo_is_not_coded_at_palmyra(seed_events: list[dict[str, Any]]) -> None:
    text = SEED.read_text(encoding="utf-8")
    mention = text.index("turned their attention")
    start, end = text.rfind("\n", 0, mention), text.find("\n", mention)
    for event in seed_events:
        triggers = event["evidence"].get("event_type", [])
        if any(start <= span["start"] < end for span in triggers):
            assert event["location"] not in ("Tadmur", "Palmyra"), event


def test_seed_takeover_at_palmyra_on_publication_day(seed_events: list[dict[str, Any]]) -> None:
    takeovers = [
        e for e in seed_events
        if e["sub_event_type"] == "Non-state actor overtakes territory" and not e["is_background"]
    ]
    assert takeovers
    event = takeovers[0]
    assert abs(event["latitude"] - 34.56) < 0.05 and abs(event["longitude"] - 38.28) < 0.05
    assert event["admin1"] == "Homs"
    assert event["event_date"] in ("2016-12-10", "2016-12-11")


def test_seed_no_hypothetical_event(seed_events: list[dict[str, Any]]) -> None:
    text = SEED.read_text(encoding="utf-8")
    hinder = text.index("would hinder")
    sentence_start, sentence_end = text.rfind("\n", 0, hinder), text.find("\n", hinder)
    for event in seed_events:
        for span in event["evidence"].get("event_type", []):
            assert not sentence_start <= span["start"] < sentence_end, event
