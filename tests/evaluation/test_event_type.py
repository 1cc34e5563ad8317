"""The event-type task on a hand-made gold file with known answers."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from conflictscope.errors import EvaluationError
from conflictscope.evaluation.event_type import NO_EVENT, evaluate_event_type, main_event, score
from conflictscope.evaluation.metrics import expected_calibration_error

from .helpers import make_event

ROWS = [
    ("1", "Jets bombed the depot.", "Air/drone strike", True),
    ("2", "Jets bombed the bridge.", "Air/drone strike", True),
    ("3", "Troops clashed with rebels.", "Armed clash", True),
    ("4", "A flood hit the valley.", None, False),
    ("5", "Ministers signed a trade deal.", None, False),
]
#: What the fake system answers for each text.
ANSWERS = {
    "Jets bombed the depot.": "Air/drone strike",
    "Jets bombed the bridge.": "Shelling/artillery/missile attack",
    "Troops clashed with rebels.": "Armed clash",
    "A flood hit the valley.": NO_EVENT,
    "Ministers signed a trade deal.": "Agreement",
}


def write_gold(path: Path, rows: Sequence[tuple[str, str, str | None, bool]]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for id_, text, sub, acled in rows:
            handle.write(json.dumps({"id": id_, "text": text, "label": "X",
                                     "acled_event_type": None, "acled_sub_event_type": sub,
                                     "is_acled_type": acled}) + "\n")
    return path


def fake(texts: Sequence[str]) -> list[str]:
    return [ANSWERS[t] for t in texts]


def test_known_answers(tmp_path: Path) -> None:
    result = evaluate_event_type(write_gold(tmp_path / "g.jsonl", ROWS), predictor=fake)
    # Air/drone strike: tp1 fn1 -> P1 R.5 F1 2/3; Armed clash: F1 1; macro 0.8333;
    # weighted (2 * 2/3 + 1 * 1) / 3 = 0.7778. no event: predicted once, right once -> P 1, R 1/2.
    assert result["n"] == 5
    assert result["accuracy"] == 0.6
    assert result["macro_f1"] == pytest.approx(0.8333, abs=1e-4)
    assert result["weighted_f1"] == pytest.approx(0.7778, abs=1e-4)
    assert result["no_event_precision"] == 1.0
    assert result["no_event_recall"] == 0.5
    assert result["acled_detected"] == 1.0
    assert result["per_class"]["Agreement"]["fp"] == 1
    assert result["per_class"]["Shelling/artillery/missile attack"]["fp"] == 1
    # Coarse: both strike answers are Explosions/Remote violence -> weighted F1 1.0 for it.
    assert result["event_type_weighted_f1"] == 1.0
    assert {e["id"] for e in result["errors"]} == {"2", "5"}


def test_limit(tmp_path: Path) -> None:
    result = evaluate_event_type(write_gold(tmp_path / "g.jsonl", ROWS), predictor=fake, limit=2)
    assert result["n"] == 2


def test_main_event_is_highest_confidence() -> None:
    events = [make_event("Armed clash", confidence=0.4),
              make_event("Air/drone strike", confidence=0.9, is_background=True),
              make_event("Attack", confidence=0.9)]
    assert main_event(events).sub_event_type == "Air/drone strike"  # type: ignore[union-attr]
    assert main_event([]) is None


def test_score_with_no_predictions_at_all() -> None:
    result = score(["Armed clash", NO_EVENT], [NO_EVENT, NO_EVENT])
    assert result["weighted_f1"] == 0.0
    assert result["no_event_precision"] == 0.5


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "not valid JSON"),
        ('["a list"]', "must be a JSON object"),
        ('{"id": "9", "text": "x", "is_acled_type": true}', "missing field 'acled_sub_event_type'"),
        ('{"id": "9", "text": "x", "acled_sub_event_type": "Bombing", "is_acled_type": true}',
         "not an ACLED sub-event type"),
        ('{"id": "9", "text": 3, "acled_sub_event_type": null, "is_acled_type": false}',
         "field 'text' must be a string"),
        ('{"id": "9", "text": "x", "acled_sub_event_type": null, "is_acled_type": "no"}',
         "must be true or false"),
    ],
)
def test_malformed_file_names_first_bad_line(tmp_path: Path, line: str, message: str) -> None:
    gold = write_gold(tmp_path / "g.jsonl", ROWS[:2])
    with gold.open("a", encoding="utf-8") as handle:
        handle.write("\n" + line + "\n")
        handle.write("also bad\n")
    with pytest.raises(EvaluationError) as caught:
        evaluate_event_type(gold, predictor=fake)
    assert f"{gold}:4:" in str(caught.value)  # line 3 is blank, line 4 is the first bad one
    assert message in str(caught.value)


@pytest.mark.parametrize("content", [b"", b"\n\n", b"\xff\xfe\x00bad"])
def test_empty_or_binary_gold(tmp_path: Path, content: bytes) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_bytes(content)
    with pytest.raises(EvaluationError):
        evaluate_event_type(gold, predictor=fake)


def test_missing_gold_file(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="no such file"):
        evaluate_event_type(tmp_path / "absent.jsonl", predictor=fake)


def test_calibration_is_measured_when_the_predictor_gives_confidences(tmp_path: Path) -> None:
    def fake(texts: Sequence[str]) -> list[tuple[str, float]]:
        return [("Armed clash", 0.9), ("Peaceful protest", 0.8), ("no event", 0.0)][: len(texts)]

    result = evaluate_event_type(write_gold(tmp_path / "g.jsonl", ROWS[:3]), predictor=fake)
    assert "confidence_ece" in result and 0.0 <= result["confidence_ece"] <= 1.0
    assert result["mean_confidence"] == 0.85


@pytest.mark.parametrize(
    "confidences, correct, expected",
    [([0.9, 0.9], [True, True], 0.1), ([0.5, 0.5], [True, False], 0.0), ([1.0], [False], 1.0), ([], [], 0.0)],
)
def test_expected_calibration_error(confidences: list[float], correct: list[bool], expected: float) -> None:
    assert expected_calibration_error(confidences, correct) == pytest.approx(expected)
