"""`conflictscope extract`: inputs of every kind, bad ones included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from builders import FILED_FROM_THE_CAPITAL
from conflictscope.cli import main

REPORT = (
    "Rebels attack army base in north\n\n"
    "Rebel fighters attacked an army base near the town of Kidal on Sunday, killing four soldiers, "
    "the Malian army said on Monday.\n"
)


def run(*args: str, input: bytes | str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), input=input)


def events_of(output: str) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_extract_text_file_prints_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "kidal.txt"
    path.write_text(REPORT, encoding="utf-8")
    result = run("extract", str(path), "--published", "2019-03-04")
    assert result.exit_code == 0, result.output
    for event in events_of(result.stdout):
        assert event["article_id"] == "kidal"
        assert event["event_type"]


def test_extract_reads_stdin() -> None:
    result = run("extract", "-", "--published", "2019-03-04", input=REPORT)
    assert result.exit_code == 0, result.output
    assert "report(s)" in result.stderr


def test_extract_table_format(tmp_path: Path) -> None:
    path = tmp_path / "kidal.txt"
    path.write_text(REPORT, encoding="utf-8")
    result = run("extract", str(path), "--published", "2019-03-04", "--format", "table")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("article")


def test_extract_empty_file_is_named_and_fails(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = run("extract", str(path))
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr and "empty" in result.stderr


def test_extract_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 40)
    result = run("extract", str(path))
    assert result.exit_code == 1
    assert "binary" in result.stderr


def test_extract_missing_file_is_named(tmp_path: Path) -> None:
    result = run("extract", str(tmp_path / "nope.txt"))
    assert result.exit_code == 1
    assert "nope.txt" in result.stderr


def test_extract_invalid_utf8_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(REPORT.replace("north", "nörth").encode("latin-1"))
    result = run("extract", str(path), "--published", "2019-03-04")
    assert result.exit_code == 0
    assert "not valid UTF-8" in result.stderr


def test_extract_batch_goes_on_past_a_broken_line(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    good = {"id": "a1", "published": "2019-03-04", "text": REPORT}
    lines = [json.dumps(good), "{not json", json.dumps({"id": "a2", "text": ""}),
             json.dumps({**good, "id": "a3"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("extract", str(path))
    assert result.exit_code == 0
    assert "batch.jsonl:2" in result.stderr
    assert "batch.jsonl:3" in result.stderr
    assert "2 report(s)" in result.stderr
    ids = {event["article_id"] for event in events_of(result.stdout)}
    assert ids <= {"a1", "a3"}


def test_extract_non_english_yields_no_event_and_warns(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_text(
        "Des hommes armés ont attaqué une base de l'armée près de Kidal dimanche, tuant quatre "
        "soldats, a indiqué l'armée malienne. Les combats ont duré plusieurs heures dans la ville.",
        encoding="utf-8",
    )
    result = run("extract", str(path), "--published", "2019-03-04")
    assert result.exit_code == 0
    assert events_of(result.stdout) == []
    assert "English" in result.stderr


def test_extract_huge_input_is_cut_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    filler = "The committee met to discuss the budget of the school and the library. " * 20000
    path.write_text(filler, encoding="utf-8")
    result = run("extract", str(path), "--max-chars", "100000")
    assert result.exit_code == 0
    assert "only the first 100,000 are read" in result.stderr


def test_extract_bad_published_option() -> None:
    result = run("extract", "-", "--published", "yesterday", input=REPORT)
    assert result.exit_code == 2
    assert "not a date" in result.output


@pytest.mark.slow
def test_extract_50_megabyte_file(tmp_path: Path) -> None:
    path = tmp_path / "fifty.txt"
    block = "The committee met to discuss the budget of the school and the library. " * 1000
    with path.open("w", encoding="utf-8") as handle:
        while handle.tell() < 50_000_000:
            handle.write(block)
    result = run("extract", str(path))
    assert result.exit_code == 0
    assert "fifty.txt" in result.stderr and "characters" in result.stderr


def test_extract_min_confidence_keeps_the_events_at_least_that_probable(tmp_path: Path) -> None:
    from datetime import date

    from conflictscope import extract

    path = tmp_path / "kidal.txt"
    path.write_text(REPORT, encoding="utf-8")
    every = extract(REPORT, published=date(2019, 3, 4))
    assert every, "the report tells an event"
    floor = max(e.confidence for e in every)
    kept = events_of(run("extract", str(path), "--published", "2019-03-04", "--min-confidence", str(floor)).stdout)
    assert len(kept) == sum(e.confidence >= floor for e in every)
    assert all(e["confidence"] >= floor for e in kept)
    assert run("extract", str(path), "--min-confidence", "1.5").exit_code == 2




@pytest.mark.parametrize("rows, settings", [
    ("precision", {"rowcheck_mode": "precision"}),
    ("recall", {"rowcheck_mode": "recall"}),
    ("all", {"rowcheck": False}),
])
def test_extract_rows_option_picks_the_row_models_operating_point(
        tmp_path: Path, rows: str, settings: dict[str, object]) -> None:
    from datetime import date

    from conflictscope.models import Article
    from conflictscope.pipeline.core import Pipeline
    from conflictscope.resources import Settings

    path = tmp_path / "niger.txt"
    path.write_text(FILED_FROM_THE_CAPITAL, encoding="utf-8")
    result = run("extract", str(path), "--published", "2024-03-10", "--rows", rows)
    assert result.exit_code == 0, result.output
    article = Article.from_text(FILED_FROM_THE_CAPITAL, published=date(2024, 3, 10), id="niger")
    expected = Pipeline(settings=Settings.from_env().but(**settings))(article).events
    assert [e["event_id"] for e in events_of(result.stdout)] == [e.event_id for e in expected]


def test_extract_rows_all_keeps_what_the_row_model_drops(tmp_path: Path) -> None:
    path = tmp_path / "niger.txt"
    path.write_text(FILED_FROM_THE_CAPITAL, encoding="utf-8")
    kept = events_of(run("extract", str(path), "--published", "2024-03-10").stdout)
    every = events_of(run("extract", str(path), "--published", "2024-03-10", "--rows", "all").stdout)
    assert {e["event_id"] for e in kept} < {e["event_id"] for e in every}
    assert run("extract", str(path), "--rows", "lenient").exit_code == 2


def test_ingest_rows_option_stores_the_rows_of_that_operating_point(tmp_path: Path) -> None:
    from datetime import date

    from conflictscope.models import Article
    from conflictscope.pipeline.core import Pipeline
    from conflictscope.resources import Settings
    from conflictscope.store import open_store

    path = tmp_path / "niger.txt"
    path.write_text(FILED_FROM_THE_CAPITAL, encoding="utf-8")
    db = str(tmp_path / "rows.db")
    for rows, settings in (("precision", Settings()), ("all", Settings(rowcheck=False))):
        result = run("ingest", str(path), "--db", db, "--published", "2024-03-10", "--rows", rows)
        assert result.exit_code == 0, result.output
        article = Article.from_text(FILED_FROM_THE_CAPITAL, published=date(2024, 3, 10), id="niger")
        expected = Pipeline(settings=settings)(article).events
        with open_store(db) as store:  # another row mode is another pipeline version: re-extracted
            assert sorted(e.event_id for e in store.events()) == sorted(e.event_id for e in expected)
