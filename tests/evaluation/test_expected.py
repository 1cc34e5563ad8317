"""Scoring a seed-style expected reading (must / may / must_not) with hand-made events."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conflictscope.errors import EvaluationError
from conflictscope.evaluation.event import evaluate_event
from conflictscope.evaluation.expected import score_expected

from .helpers import fake_analyzer, make_event

TEXT = ("Rebels seized the town of Karo on Sunday after a day of fighting with the army, "
        "killing 12 soldiers. The army had taken Karo from the rebels in May. "
        "Officials fear the rebels could march on the capital Dalo next.")

EXPECTED: dict[str, Any] = {
    "article": "karo.txt",
    "published": "2021-06-07",
    "must": [
        {"what": "rebels take Karo", "event_type": "Battles",
         "sub_event_type": "Non-state actor overtakes territory", "actor1": "Rebels",
         "actor2": "Military Forces", "location": "Karo, North, Testland", "date": "2021-06-06",
         "fatalities_best": 12, "is_background": False, "time_precision": [1, 2]},
        {"what": "army took Karo in May", "event_type": "Battles",
         "sub_event_type": ["Government regains territory"], "actor1": "Military Forces",
         "date_start": "2021-05", "date_end": "2021-05", "is_background": True},
    ],
    "may": [{"what": "fighting", "event_type": "Battles", "sub_event_type": "Armed clash"}],
    "must_not": ["an event in Dalo from 'the rebels could march on the capital' (hypothetical)"],
}


def takeover(**fields: Any):  # type: ignore[no-untyped-def]
    values = {"actor1": "Rebels (Testland)", "actor2": "Military Forces of Testland",
              "location": "Karo", "event_date": "2021-06-06", "fatalities_best": 12,
              "time_precision": 1, "confidence": 0.9}
    values.update(fields)
    return make_event("Non-state actor overtakes territory", **values)


def test_everything_found() -> None:
    events = [
        takeover(),
        make_event("Government regains territory", actor1="Military Forces of Testland",
                   event_date="2021-05-15", is_background=True),
        make_event("Armed clash", actor1="Rebels"),
    ]
    result = score_expected(EXPECTED, events)
    assert (result["must_found"], result["must_total"], result["must_recall"]) == (2, 2, 1.0)
    assert result["must_not_violations"] == 0
    assert result["must_not_clean"] == 1.0
    assert result["unexpected_events"] == 0
    assert all(entry["accuracy"] == 1.0 for entry in result["fields"].values())
    assert result["fields"]["date"]["n"] == 2


def test_wrong_actor_is_not_a_match_and_fields_are_scored() -> None:
    events = [takeover(actor1="Military Forces of Testland"),  # wrong actor: no match
              takeover(confidence=0.5, fatalities_best=10, event_date="2021-06-01")]
    result = score_expected(EXPECTED, events)
    assert result["must_found"] == 1
    assert result["must_recall"] == 0.5
    first = result["items"][0]["fields"]
    assert first["fatalities_best"] is False
    assert first["date"] is False
    assert first["actor2"] is True
    assert first["location"] is True
    assert result["unexpected_events"] == 1


@pytest.mark.parametrize(
    ("event", "violated"),
    [
        (make_event("Armed clash", location="Dalo", confidence=0.2), True),
        (make_event("Attack", notes="On 7 June 2021: the rebels could march on the capital"), True),
        (make_event("Attack", location="Elsewhere"), False),
    ],
)
def test_must_not(event: Any, violated: bool) -> None:
    result = score_expected(EXPECTED, [takeover(), event])
    assert (result["must_not_violations"] > 0) is violated
    assert result["must_not_clean"] == (0.0 if violated else 1.0)


def test_evaluate_event_reads_the_article_beside_the_expected_file(tmp_path: Path) -> None:
    (tmp_path / "karo.txt").write_text(TEXT, encoding="utf-8")
    gold = tmp_path / "karo.expected.json"
    gold.write_text(json.dumps(EXPECTED), encoding="utf-8")
    result = evaluate_event(gold, analyzer=fake_analyzer({TEXT: [takeover()]}))
    assert result["format"] == "expected"
    assert result["must_found"] == 1


def test_missing_article_and_bad_json(tmp_path: Path) -> None:
    gold = tmp_path / "karo.expected.json"
    gold.write_text(json.dumps(EXPECTED), encoding="utf-8")
    with pytest.raises(EvaluationError, match="karo.txt is missing"):
        evaluate_event(gold, analyzer=fake_analyzer({}))
    gold.write_text('{\n  "must": [\n  oops\n]}', encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"expected\.json:3: not valid JSON"):
        evaluate_event(gold, analyzer=fake_analyzer({}))
