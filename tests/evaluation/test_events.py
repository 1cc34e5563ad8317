"""`evaluate events`: every row scored against an all-events gold, on reports and rows we write."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conflictscope.cli import main
from conflictscope.errors import EvaluationError
from conflictscope.evaluation import event as event_module
from conflictscope.evaluation.events import (
    error_rows,
    evaluate_events,
    locate,
    pair_rows,
    read_events_gold,
    summarize,
)
from conflictscope.evaluation.split import half_of, select_half
from conflictscope.models import Event, Span

from .helpers import fake_analyzer, make_event

KARO, DALO, MIRNA = (10.0, 10.0), (12.0, 12.0), (8.0, 8.0)

TEXT = ("Gunmen killed four farmers in Karo village on Monday, police said. "
        "Hundreds of students marched in Dalo on Tuesday to demand lower fees. "
        "The army has controlled the district since 2019. "
        "Last year rebels seized the town of Mirna.")
QUIET = "The council approved a new budget on Friday. Markets were calm."
QUIETER = "The football season opened with a draw on Sunday."


def gold_event(**fields: Any) -> dict[str, Any]:
    values = {"event_type": "Violence against civilians", "sub_event_type": "Attack",
              "actor1": "Unidentified Armed Group (Testland)", "actor2": "Civilians (Testland)",
              "location": "Karo", "admin1": "North", "country": "Nigeria", "lat": KARO[0], "lon": KARO[1],
              "date_start": "2021-06-07", "date_end": "2021-06-07", "time_precision": 1,
              "is_background": False, "fatalities": 4,
              "evidence": "Gunmen killed four farmers in Karo village on Monday"}
    values.update(fields)
    return values


GOLD: list[dict[str, Any]] = [
    {"id": "r1", "source": "web", "published": "2021-06-09", "title": "", "text": TEXT,
     "events": [
         gold_event(),
         gold_event(event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Testland)",
                    actor2=None, location="Dalo", lat=DALO[0], lon=DALO[1], date_start="2021-06-08",
                    date_end="2021-06-08", fatalities=None,
                    evidence=["Hundreds of  students marched in Dalo on Tuesday"]),
         gold_event(event_type="Battles", sub_event_type="Non-state actor overtakes territory",
                    actor1="Rebels", actor2=None, location="Mirna", lat=MIRNA[0], lon=MIRNA[1],
                    date_start="2020-01-01", date_end="2020-12-31", time_precision=3, is_background=True,
                    fatalities=None, evidence="Last year rebels seized the town of Mirna"),
     ],
     "not_events": ["The army has controlled the district since 2019 (state: a standing situation)"]},
    {"id": "r2", "source": "news", "published": "2021-06-09", "text": QUIET, "events": [], "not_events": []},
    {"id": "r3", "source": "news", "published": "2021-06-09", "text": QUIETER, "events": [], "not_events": []},
]


def row(text: str, trigger: str, sub_event_type: str = "Attack", place: tuple[float, float] | None = KARO,
        **fields: Any) -> Event:
    start = text.index(trigger)
    values: dict[str, Any] = {"evidence": {"event_type": (Span(start, start + len(trigger), trigger),)},
                              "latitude": place[0] if place else None, "longitude": place[1] if place else None,
                              "event_date": "2021-06-07", "country": "Nigeria", "iso3": "NGA",
                              "actor1": "Unidentified Armed Group (Testland)", "actor2": "Civilians (Testland)",
                              "fatalities": 4, "confidence": 0.9}
    values.update(fields)
    return make_event(sub_event_type, **values)


def rows_by_text() -> dict[str, list[Event]]:
    return {
        TEXT: [
            row(TEXT, "killed"),  # right: sub-type, place, every field
            row(TEXT, "Gunmen", confidence=0.5),  # the same killing again: a duplicate
            row(TEXT, "marched", "Peaceful protest", place=(14.0, 14.0), actor1="Protesters (Testland)",
                actor2="", event_date="2021-06-08", fatalities=None, confidence=0.85),  # real, placed ~310 km off
            row(TEXT, "controlled", "Armed clash", place=None, confidence=0.95),  # a state, not an event
        ],
        QUIET: [row(QUIET, "approved", "Agreement", place=None, confidence=0.3)],
    }


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "events_gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in GOLD), encoding="utf-8")
    return path


def test_every_figure_on_a_small_gold(gold_file: Path) -> None:
    result = evaluate_events(gold_file, analyzer=fake_analyzer(rows_by_text()))
    assert (result["reports"], result["rows"], result["paired_rows"]) == (3, 5, 2)
    assert result["row_precision"] == 0.4
    assert (result["duplicates"], result["duplicate_share"]) == (1, 0.2)
    assert (result["fully_right"], result["fully_right_share"]) == (1, 0.2)
    assert (result["gold_current"], result["recall_current"]) == (2, 1.0)
    assert (result["gold_background"], result["recall_background"]) == (1, 0.0)
    assert result["no_event_reports"] == {"n": 2, "with_rows": 1, "with_rows_share": 0.5}
    assert result["confident"] == {"threshold": 0.8, "rows": 3, "paired": 2, "precision": 0.6667}
    assert result["rows_per_report"] == round(5 / 3, 4)
    fields = result["fields"]
    assert fields["sub_event_type"] == {"n": 2, "correct": 2, "accuracy": 1.0}
    assert fields["location"] == {"n": 2, "correct": 1, "accuracy": 0.5}  # the march is 310 km off
    assert fields["actor2"]["correct"] == 2  # none on either side of the march
    assert fields["fatalities"]["correct"] == 2  # null = 0
    assert result["false_rows_by_cause"] == {"duplicate": 1, "not-event": 1, "no-matching-gold": 1}
    assert result["headline"]["row_precision"] == 0.4
    assert result["by_source"]["news"]["no_event_reports_with_rows"] == 1


def test_a_row_pairs_by_family_date_and_place_without_evidence(gold_file: Path) -> None:
    _, reports = read_events_gold(gold_file)
    text = reports[0].text  # each row's trigger is outside every gold sentence
    moved = row(text, "The army", "Abduction/forced disappearance", place=(10.3, 10.3), event_date="2021-06-08")
    pairing = pair_rows(reports[0], [moved])
    assert pairing.pairs == {0: 0}  # same family, a day off, ~47 km away
    far = row(text, "The army", "Attack", place=(11.5, 11.5), event_date="2021-06-07")
    assert pair_rows(reports[0], [far]).pairs == {}  # ~230 km away: no pair
    late = row(text, "The army", "Attack", event_date="2021-06-10")
    assert pair_rows(reports[0], [late]).pairs == {}  # three days off
    other = row(text, "The army", "Peaceful protest", event_date="2021-06-07")
    assert pair_rows(reports[0], [other]).pairs == {}  # another family


def test_year_level_background_pairs_within_its_year(gold_file: Path) -> None:
    _, reports = read_events_gold(gold_file)
    text = reports[0].text
    seized = row(text, "The army", "Non-state actor overtakes territory", place=(8.1, 8.1),
                 event_date="2020-03-01", is_background=True)
    result = summarize([pair_rows(reports[0], [seized])])
    assert result["recall_background"] == 1.0 and result["recall_current"] == 0.0
    assert result["fully_right"] == 1


def test_best_evidence_pairs_first_and_the_rest_are_duplicates(gold_file: Path) -> None:
    _, reports = read_events_gold(gold_file)
    text = reports[0].text
    by_place = row(text, "The army", "Attack", place=KARO, confidence=0.99)  # date-place fit only
    by_evidence = row(text, "farmers", "Attack", place=(13.0, 13.0), confidence=0.1)
    pairing = pair_rows(reports[0], [by_place, by_evidence])
    assert pairing.pairs == {1: 0}
    assert pairing.duplicates == [0]


def test_errors_name_each_false_row_and_missed_event(gold_file: Path) -> None:
    _, reports = read_events_gold(gold_file)
    rows = rows_by_text()
    protest_at_karo = make_event("Peaceful protest", latitude=KARO[0], longitude=KARO[1], event_date="2021-06-07")
    text_rows = rows[TEXT] + [protest_at_karo]  # no evidence: at the killing's place and day
    pairings = [pair_rows(reports[0], text_rows), pair_rows(reports[1], rows[QUIET]),
                pair_rows(reports[2], [])]
    errors = error_rows(pairings)
    false_rows = [(e["report"], e["cause"], e["row"]["trigger"]) for e in errors if e["kind"] == "false-row"]
    assert false_rows == [("r1", "duplicate", ["Gunmen"]), ("r1", "not-event", ["controlled"]),
                          ("r1", "wrong-family", []), ("r2", "no-matching-gold", ["approved"])]
    assert [e.get("detail") for e in errors if e["kind"] == "false-row"] == [
        None, "state", "gold 0: Attack", "no-event report"]
    assert errors[0]["of"]["index"] == 0
    missed = [(e["report"], e["cause"], e["gold"]["index"]) for e in errors if e["kind"] == "missed"]
    assert missed == [("r1", "row elsewhere", 2)]  # the unmatched battle row, undated and unplaced


def test_missed_causes() -> None:
    text = "Soldiers shot two protesters in Dalo on Monday. Police arrested a journalist in Karo."
    record = {"id": "m", "published": "2021-06-09", "text": text, "events": [
        gold_event(evidence="Soldiers shot two protesters in Dalo on Monday", lat=DALO[0], lon=DALO[1]),
        gold_event(event_type="Strategic developments", sub_event_type="Arrests",
                   evidence="Police arrested a journalist in Karo", date_start=None, date_end=None),
    ]}
    from conflictscope.evaluation.events import _report

    report = _report(record)
    assert error_rows([pair_rows(report, [])])[0]["cause"] == "no rows"
    # an attack told elsewhere in the text, dated a week off: "row elsewhere"; no row in the arrest's sentence
    stray = make_event("Attack", latitude=DALO[0], longitude=DALO[1], event_date="2021-05-01")
    errors = error_rows([pair_rows(report, [stray])])
    assert [(e["cause"], e.get("detail")) for e in errors if e["kind"] == "missed"] == [
        ("row elsewhere", "date 2021-05-01"), ("no row in its sentence", None)]
    # two gold events told in one sentence, one row: the other is missed with the row in its sentence
    shared = "Soldiers shot two protesters and arrested a journalist in Dalo on Monday."
    report = _report({"id": "s", "text": shared, "events": [
        gold_event(evidence=shared, lat=DALO[0], lon=DALO[1]),
        gold_event(event_type="Strategic developments", sub_event_type="Arrests", evidence=shared),
    ]})
    errors = error_rows([pair_rows(report, [row(shared, "arrested", "Arrests", place=DALO)])])
    assert [(e["cause"], e["gold"]["index"], e["detail"]) for e in errors] == [
        ("row in its sentence paired with another gold event", 0, "gold 1")]


def test_quotes_are_found_across_whitespace_quotes_and_ellipses() -> None:
    text = "He said: \u201cWe   were\nattacked at dawn.\u201d Later, more came. Nothing else."
    spans = locate('"We were attacked at dawn." ... more came', text)
    assert [text[s:e] for s, e in spans] == ["\u201cWe   were\nattacked at dawn.\u201d", "more came"]
    assert locate("not in the text", text) == []


def test_a_quote_in_other_case_is_found_after_a_dotted_capital_i() -> None:
    # "İ" lower-cases to two characters: the case-blind search was switched off for such texts
    text = "Supporters of İmamoğlu said police detained 40 students in Ankara."
    assert [text[s:e] for s, e in locate("Police detained 40 students", text)] == ["police detained 40 students"]


def test_half_split_is_stable_and_partitions() -> None:
    ids = [f"report-{i}" for i in range(40)]
    for record_id in ids:
        assert half_of(record_id) == int(hashlib.sha1(record_id.encode()).hexdigest(), 16) % 2
    zero, one = select_half(ids, "0", key=str), select_half(ids, 1, key=str)
    assert sorted(zero + one) == sorted(ids) and not set(zero) & set(one)
    assert zero and one
    assert select_half(ids, "all", key=str) == ids
    with pytest.raises(ValueError):
        select_half(ids, "2", key=str)


def test_half_selects_gold_reports_by_id(gold_file: Path) -> None:
    halves = {h: [r.id for r in read_events_gold(gold_file, half=h)[1]] for h in (0, 1)}
    assert sorted(halves[0] + halves[1]) == ["r1", "r2", "r3"]
    for h, ids in halves.items():
        assert all(half_of(i) == h for i in ids)


def test_acled_notes_are_read_as_one_event_each(tmp_path: Path) -> None:
    notes = [
        {"event_id_cnty": "TST1", "event_date": "2020-03-02", "time_precision": 1,
         "event_type": "Riots", "sub_event_type": "Mob violence", "actor1": "Rioters (Testland)",
         "actor2": "Civilians (Testland)", "country": "Benin", "admin1": "North", "location": "Karo",
         "latitude": KARO[0], "longitude": KARO[1], "fatalities": 0, "published": "2020-03-03",
         "notes": "On 2 March 2020, a mob beat a man accused of theft in Karo."},
        {"event_id_cnty": "TST2", "event_date": "2020-03-05", "time_precision": 2,
         "event_type": "Protests", "sub_event_type": "Peaceful protest", "actor1": "Protesters (Testland)",
         "actor2": None, "country": "Benin", "admin1": "North", "location": "Dalo",
         "latitude": DALO[0], "longitude": DALO[1], "fatalities": 0,
         "notes": "Around 5 March 2020, traders protested market fees in Dalo."},
    ]
    path = tmp_path / "notes.jsonl"
    path.write_text("".join(json.dumps(n) + "\n" for n in notes), encoding="utf-8")
    kind, reports = read_events_gold(path)
    assert kind == "acled-notes" and [r.id for r in reports] == ["TST1", "TST2"]
    assert str(reports[1].events[0].date_start) == "2020-03-02"  # a week-level date: three days either side
    analyzer = fake_analyzer({
        notes[0]["notes"]: [row(notes[0]["notes"], "beat", "Mob violence", actor1="Rioters (Testland)",
                                event_date="2020-03-02", fatalities=None),
                            row(notes[0]["notes"], "accused", "Attack", event_date="2020-03-02")],
        notes[1]["notes"]: [row(notes[1]["notes"], "protested", "Protest with intervention", place=DALO,
                                actor2="", event_date="2020-03-07", fatalities=0)],
    })
    result = evaluate_events(path, analyzer=analyzer)
    assert result["format"] == "acled-notes"
    assert result["rows_per_note"] == 1.5 and result["notes_with_one_row"] == 1
    assert result["fields"]["event_type"]["accuracy"] == 1.0
    assert result["fields"]["sub_event_type"]["accuracy"] == 0.5
    assert result["fields"]["date"]["accuracy"] == 1.0
    assert result["fields"]["location"]["accuracy"] == 1.0
    assert result["duplicates"] == 1
    assert result["headline"]["rows_per_note_off_one"] == 0.5


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": "a", "text": "x", "events": []}\n{"id": "b", "text": "y"}\n', "gold.jsonl:2: missing field 'events'"),
        ('{"id": "a", "text": "x", "events": [{"event_type": "Riots", "evidence": "x"}]}\n',
         "gold.jsonl:1: events[0]: missing field 'sub_event_type'"),
        ('{"id": "a", "text": "x", "events": [], "published": "June"}\n', "'published' must be a YYYY-MM-DD"),
        ('{"id": "a", "text": "x", "events": []}\nnot json\n', "gold.jsonl:2: not valid JSON"),
        ('{"id": "a", "title": "x"}\n', "neither an all-events gold record"),
        ('\n\n', "no records"),
        ('{"event_id_cnty": "B1", "notes": "x", "event_type": "Riots", "sub_event_type": "Mob violence", '
         '"event_date": "soon"}\n', "'event_date' must be a YYYY-MM-DD date"),
    ],
)
def test_malformed_gold_is_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EvaluationError, match=message.replace("[", r"\[").replace("]", r"\]")):
        read_events_gold(path)


def test_cli_gives_the_library_figures(gold_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    analyzer = fake_analyzer(rows_by_text())
    monkeypatch.setattr(event_module, "pipeline_analyzer", lambda pipeline=None: analyzer)
    runner = CliRunner()
    outcome = runner.invoke(main, ["evaluate", "events", "--gold", str(gold_file), "--json", "--no-progress"])
    assert outcome.exit_code == 0, outcome.output
    printed = json.loads(outcome.output)
    expected = json.loads(json.dumps(evaluate_events(gold_file, analyzer=analyzer), default=str))
    assert printed == expected
    assert printed["row_precision"] == 0.4

    half = runner.invoke(main, ["evaluate", "events", "--gold", str(gold_file), "--json", "--half", "1",
                                "--no-progress"])
    assert half.exit_code == 0, half.output
    assert json.loads(half.output)["reports"] == sum(1 for r in GOLD if half_of(r["id"]) == 1)

    errors = runner.invoke(main, ["evaluate", "events", "--gold", str(gold_file), "--errors", "--no-progress"])
    assert errors.exit_code == 0, errors.output
    lines = [json.loads(line) for line in errors.output.splitlines()]
    assert [(e["kind"], e["cause"]) for e in lines] == [
        ("false-row", "duplicate"), ("false-row", "not-event"), ("missed", "row elsewhere"),
        ("false-row", "no-matching-gold")]


def test_cli_missing_gold_file(tmp_path: Path) -> None:
    outcome = CliRunner().invoke(main, ["evaluate", "events", "--gold", str(tmp_path / "nope.jsonl")])
    assert outcome.exit_code == 1
    assert "nope.jsonl: no such file" in outcome.output


def test_the_gate_watches_the_events_headline(gold_file: Path) -> None:
    from conflictscope.evaluation.gate import DEV_RUNS, compare
    from conflictscope.evaluation.tasks import headline, lower_is_better

    result = evaluate_events(gold_file, analyzer=fake_analyzer(rows_by_text()))
    assert headline(result) == {"row_precision": 0.4, "recall_current": 1.0, "duplicate_share": 0.2,
                                "fully_right_share": 0.2, "no_event_reports_with_rows_share": 0.5}
    assert DEV_RUNS["events-gold"][0] == DEV_RUNS["events-benin"][0] == "events"
    for metric in ("events-gold/duplicate_share", "events-gold/no_event_reports_with_rows_share",
                   "events-benin/rows_per_note_off_one"):
        assert lower_is_better(metric)
        [worse] = compare({metric: 0.20}, {metric: 0.25})
        assert worse.status == "DROP"
    assert not lower_is_better("events-gold/row_precision")
    [worse] = compare({"events-gold/row_precision": 0.40}, {"events-gold/row_precision": 0.35})
    assert worse.status == "DROP"


def test_reliability_bins_and_calibration_error(gold_file: Path) -> None:
    result = evaluate_events(gold_file, analyzer=fake_analyzer(rows_by_text()))
    calibration = result["reliability"]
    assert calibration["bins"] == [
        {"bin": "0.2-0.4", "rows": 1, "mean_confidence": 0.3, "right_share": 0.0},  # the approval: no event
        {"bin": "0.4-0.6", "rows": 1, "mean_confidence": 0.5, "right_share": 0.0},  # the duplicate
        {"bin": "0.8-1.0", "rows": 3, "mean_confidence": 0.9, "right_share": 0.6667},  # killing, march; a state
    ]
    assert calibration["ece"] == 0.3  # (0.3 + 0.5 + 3 * 0.2333) / 5


def test_min_confidence_scores_only_the_rows_that_confident(gold_file: Path) -> None:
    every = evaluate_events(gold_file, analyzer=fake_analyzer(rows_by_text()))
    confident = evaluate_events(gold_file, analyzer=fake_analyzer(rows_by_text()), min_confidence=0.8)
    assert confident["rows"] == every["confident"]["rows"]
    assert confident["row_precision"] == every["confident"]["precision"]
    assert confident["min_confidence"] == 0.8


def test_evaluate_events_rows_option_scores_that_operating_points_rows() -> None:
    from conflictscope.evaluation.event import pipeline_analyzer
    from conflictscope.evaluation.events import evaluate_events
    from conflictscope.pipeline.core import Pipeline
    from conflictscope.resources import Settings

    gold = Path(__file__).resolve().parents[2] / "src/conflictscope/data/reports/reports_deskmix.jsonl"
    runner = CliRunner()
    for rows, settings in (("all", Settings(rowcheck=False)), ("recall", Settings(rowcheck_mode="recall"))):
        outcome = runner.invoke(main, ["evaluate", "events", "--gold", str(gold), "--limit", "4", "--json",
                                       "--no-progress", "--rows", rows])
        assert outcome.exit_code == 0, outcome.output
        expected = evaluate_events(gold, limit=4, analyzer=pipeline_analyzer(Pipeline(settings=settings)))
        assert json.loads(outcome.stdout)["rows"] == expected["rows"]
    every = json.loads(runner.invoke(main, ["evaluate", "events", "--gold", str(gold), "--limit", "4", "--json",
                                            "--no-progress", "--rows", "all"]).stdout)
    default = json.loads(runner.invoke(main, ["evaluate", "events", "--gold", str(gold), "--limit", "4", "--json",
                                              "--no-progress"]).stdout)
    assert every["rows"] > default["rows"]  # the row model drops some rows of our own reports
