"""The `timex` command and the MEANTIME-style evaluation on a small hand-written gold file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictscope.cli.timex import timex
from conflictscope.errors import EvaluationError
from conflictscope.evaluation.timex import evaluate_timex

REPORT = "Fighters attacked the base yesterday, nine months after losing it in March."


def test_timex_command_table(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    result = CliRunner().invoke(timex, [str(report), "--published", "2016-12-11"])
    assert result.exit_code == 0, result.output
    assert "2016-12-10" in result.output and "P9M" in result.output and "2016-03" in result.output


def test_timex_command_jsonl(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    result = CliRunner().invoke(timex, [str(report), "--published", "2016-12-11", "--format", "jsonl"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert [r["value"] for r in rows] == ["2016-12-10", "P9M", "2016-03"]
    assert rows[0]["date_start"] == "2016-12-10"


def test_timex_command_bad_inputs(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(timex, [str(tmp_path / "missing.txt")]).exit_code == 1
    assert runner.invoke(timex, ["-", "--published", "2016-02-31"], input="x").exit_code == 2
    result = runner.invoke(timex, ["-"], input="It happened yesterday.")
    assert result.exit_code == 0 and "XXXX-XX-XX" in result.output


def _gold(tmp_path: Path, lines: list[str]) -> str:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def _doc(text: str, dct: str | None, timexes: list[tuple[str, str, str]]) -> str:
    items = []
    for phrase, type_, value in timexes:
        start = text.index(phrase)
        items.append({"type": type_, "value": value, "start": start, "end": start + len(phrase), "text": phrase})
    items.append({"type": "DATE", "value": "2000", "start": None, "end": None, "text": None})
    return json.dumps({"text": text, "dct": {"value": dct} if dct else None, "timexes": items})


def test_evaluate_timex_scores(tmp_path: Path) -> None:
    path = _gold(tmp_path, [
        _doc("Troops left yesterday after two weeks.", "2016-12-11",
             [("yesterday", "DATE", "2016-12-10"), ("two weeks", "DURATION", "P2W")]),
        _doc("The deal was signed in March.", "2016-12-11", [("March", "DATE", "2016-03")]),
        _doc("Talks begin on Friday.", None, [("Friday", "DATE", "2016-12-16")]),
    ])
    report = evaluate_timex(path)
    assert report["documents"] == 3
    assert report["span_strict"]["tp"] == 4
    assert report["value_accuracy"]["DATE"] == {"gold": 3, "correct": 2, "accuracy": 0.6667}
    assert report["value_accuracy"]["DURATION"]["accuracy"] == 1.0
    assert report["date_value_accuracy"] == 0.6667
    assert 0 <= report["dateparser_date_value_accuracy"] <= 1
    assert evaluate_timex(path, limit=1)["documents"] == 1


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "gold.jsonl:2: not valid JSON"),
        ('{"dct": null}', "gold.jsonl:2: expected an object"),
        ('{"text": "abc", "timexes": {}}', "gold.jsonl:2: 'timexes' must be a list"),
        ('{"text": "abc", "timexes": [{"type": "DATE", "value": "x", "start": 2, "end": 9}]}', "not inside the text"),
        ('{"text": "abc", "timexes": [{"start": 0, "end": 1}]}', "needs 'type' and 'value'"),
    ],
)
def test_evaluate_timex_rejects_bad_lines(tmp_path: Path, line: str, message: str) -> None:
    path = _gold(tmp_path, [_doc("Fine yesterday.", "2016-12-11", [("yesterday", "DATE", "2016-12-10")]), line])
    with pytest.raises(EvaluationError, match=message.replace("'", ".").replace("{", ".")):
        evaluate_timex(path)


def test_evaluate_timex_missing_file(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="no such gold file"):
        evaluate_timex(str(tmp_path / "nope.jsonl"))
