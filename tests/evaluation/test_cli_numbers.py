"""The numbers the CLI prints equal a hand recount (the system under test is faked)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictscope.cli import main
from conflictscope.evaluation import event, event_type

from .helpers import fake_analyzer, make_event
from .test_event import gold_event, write_hrds
from .test_event_type import ROWS, fake, write_gold


def test_event_type_cli_prints_the_known_answers(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(event_type, "pipeline_predictor", lambda pipeline=None: fake)
    gold = write_gold(tmp_path / "g.jsonl", ROWS)
    result = CliRunner().invoke(main, ["evaluate", "event-type", "--gold", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.output)
    assert (printed["accuracy"], printed["no_event_precision"], printed["no_event_recall"]) == (
        0.6, 1.0, 0.5)
    assert (printed["macro_f1"], printed["weighted_f1"]) == (0.8333, 0.7778)
    text = CliRunner().invoke(main, ["evaluate", "event-type", "--gold", str(gold)]).output
    assert "| weighted_f1 | 0.7778 |" in text


@pytest.fixture
def hrds_gold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two gold articles; the faked pipeline reads one state attack (right date, country
    Nigeria) from the first and nothing from the second."""
    analyzer = fake_analyzer({"text 0": [make_event("Attack", event_date="2020-07-04",
                                                    country="Nigeria", iso3="NGA", inter1=1)]})
    monkeypatch.setattr(event, "pipeline_analyzer", lambda pipeline=None: analyzer)
    return write_hrds(tmp_path / "h.jsonl", [gold_event(), gold_event(country="Chad")])


def test_event_cli_prints_the_known_answers(hrds_gold: Path) -> None:
    result = CliRunner().invoke(main, ["evaluate", "event", "--gold", str(hrds_gold), "--json"])
    assert result.exit_code == 0, result.output
    fields = json.loads(result.output)["fields"]
    assert fields["event_found"]["accuracy"] == 0.5
    assert fields["date"]["accuracy"] == 0.5
    assert fields["country"]["accuracy"] == 0.5
    assert fields["city"]["correct"] == 0
    assert fields["actor"]["accuracy_when_found"] == 0.0  # state actor for a non-state perpetrator


def test_event_cli_lists_the_date_misses(hrds_gold: Path) -> None:
    result = CliRunner().invoke(main, ["evaluate", "event", "--gold", str(hrds_gold), "--errors"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == 1  # the article with no event; the other's date is right
    assert rows[0]["cause"]


def test_only_the_event_task_lists_date_misses() -> None:
    result = CliRunner().invoke(main, ["evaluate", "timex", "--gold", "x.jsonl", "--errors"])
    assert result.exit_code == 2 and "--errors" in result.output
