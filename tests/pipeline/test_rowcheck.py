"""The report-context row model (stage ``rowcheck``): its features, its decision, its artifacts."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from importlib import resources as package_files
from pathlib import Path

import pytest

from builders import load_script
from conflictscope.classify.eventness import EventnessModel
from conflictscope.models import Article
from conflictscope.pipeline.core import Pipeline
from conflictscope.pipeline.registry import DEFAULT_STAGES
from conflictscope.pipeline.rowcheck import (
    ROWCHECK_MODEL,
    report_rows,
    sentence_eventness,
    threshold_of,
)
from conflictscope.resources import Resources, Settings

ROOT = Path(__file__).resolve().parents[2]
TITLE = "Gunmen kill four villagers in Borno attack"
TEXT = ("Gunmen killed four villagers in an attack on Kawuri in Borno State on Sunday, police said.\n\n"
        "\"They came at night and shot everyone they saw,\" said a resident, describing the attack.\n\n"
        "The state governor condemned the killings and promised to send more troops to the area.\n\n"
        "Attacks on villages have become common in the northeast since the insurgency began in 2009.\n\n"
        "Aid groups say thousands of families have fled their farms in the district this year.")
NOTE = "On 2 June 2024, gunmen killed four villagers in Kawuri (Borno). Fatalities: 4."
RAW_STAGES = tuple(s for s in DEFAULT_STAGES if s not in ("rowcheck", "calibrate"))


def _article() -> Article:
    return Article.from_text(TEXT, published=date(2024, 6, 3), title=TITLE)


def test_the_stage_runs_after_ranking_and_before_calibration() -> None:
    assert DEFAULT_STAGES.index("rank") < DEFAULT_STAGES.index("rowcheck") < DEFAULT_STAGES.index("calibrate")


def test_a_headline_event_told_in_the_lead_has_the_features_of_news() -> None:
    featured = report_rows(Pipeline(RAW_STAGES)(_article()))
    assert featured, "the attack is a row"
    top = featured[0][1]
    for name in ("top", "lead", "title_kind", "title_place", "dated_in_text", "report_lead_event", "deaths"):
        assert name in top, name
    assert "quoted" not in top and "retold" not in top


def test_a_row_carries_its_sentence_read_alone_by_the_eventness_encoder() -> None:
    analyzed = Pipeline(RAW_STAGES)(_article())
    eventness = sentence_eventness(Resources(Settings()))
    assert eventness is not None, "the packaged event-ness encoder loads"
    top = report_rows(analyzed, eventness)[0][1]
    assert "enc:5" in top or "enc:4" in top, top  # "Gunmen killed four villagers ..." reads as an event
    assert eventness("Attacks on villages have become common in the northeast.") < 0.5
    assert "enc:none" in report_rows(analyzed)[0][1]
    assert sentence_eventness(Resources(Settings(eventness=False))) is None


def test_rows_under_the_threshold_are_dropped_and_the_others_kept() -> None:
    article = _article()
    raw = Pipeline(RAW_STAGES)(article).events
    assert raw
    keep_all = Resources(Settings()).provide(ROWCHECK_MODEL, EventnessModel({}, 30.0))
    drop_all = Resources(Settings()).provide(ROWCHECK_MODEL, EventnessModel({}, -30.0))
    kept = Pipeline(resources=keep_all)(article).events
    assert [e.event_id for e in kept] == [e.event_id for e in raw]
    assert Pipeline(resources=drop_all)(article).events == ()


def test_a_short_note_has_no_report_around_it_and_keeps_its_rows() -> None:
    note = Article.from_text(NOTE, published=date(2024, 6, 3))
    raw = Pipeline(RAW_STAGES)(note).events
    drop_all = Resources(Settings()).provide(ROWCHECK_MODEL, EventnessModel({}, -30.0))
    assert raw and [e.event_id for e in Pipeline(resources=drop_all)(note).events] == [e.event_id for e in raw]


def test_the_recall_mode_reads_the_looser_threshold_and_the_environment_sets_it() -> None:
    model = Resources(Settings()).get(ROWCHECK_MODEL)
    assert model is not None
    assert threshold_of(model, "precision") == model.threshold
    assert threshold_of(model, "recall") < model.threshold
    assert threshold_of(EventnessModel({}, 0.0, 0.4), "recall") == 0.4  # a file with one threshold
    assert Settings.from_env({"CONFLICTSCOPE_ROWCHECK": "recall"}).rowcheck_mode == "recall"
    assert Settings.from_env({"CONFLICTSCOPE_ROWCHECK": "1"}).rowcheck_mode == "precision"
    assert Settings(rowcheck_mode="lenient").problems()


def test_a_misspelt_row_mode_in_the_environment_is_a_clear_error_not_the_default() -> None:
    from conflictscope.errors import PipelineError

    settings = Settings.from_env({"CONFLICTSCOPE_ROWCHECK": "recal"})
    assert settings.problems() == ["row model mode 'recal' is none of precision, recall"]
    with pytest.raises(PipelineError, match="recal"):
        Pipeline(settings=settings)
    assert Settings.from_env({"CONFLICTSCOPE_ROWCHECK": "off"}).rowcheck is False
    assert Settings.from_env({"CONFLICTSCOPE_ROWCHECK": "on"}).rowcheck_mode == "precision"


def test_a_row_between_the_two_thresholds_is_kept_only_in_recall_mode() -> None:
    article = _article()
    raw = Pipeline(RAW_STAGES)(article).events
    # every row scores 0.5: between the recall threshold (0.4) and the precision one (0.6)
    model = EventnessModel({}, 0.0, 0.6, {"thresholds": {"precision": 0.6, "recall": 0.4}})
    strict = Resources(Settings()).provide(ROWCHECK_MODEL, model)
    loose = Resources(Settings(rowcheck_mode="recall")).provide(ROWCHECK_MODEL, model)
    assert Pipeline(resources=strict)(article).events == ()
    assert [e.event_id for e in Pipeline(resources=loose)(article).events] == [e.event_id for e in raw]


def test_switched_off_the_model_is_not_loaded() -> None:
    assert Resources(Settings(rowcheck=False)).get(ROWCHECK_MODEL) is None
    assert Settings.from_env({"CONFLICTSCOPE_ROWCHECK": "off"}).rowcheck is False


def test_the_shipped_model_is_trained_on_the_current_reports() -> None:
    trainer = load_script("train_rowcheck")
    model = json.loads(package_files.files("conflictscope.data").joinpath("reports/rowcheck.json").read_text("utf-8"))
    assert model["meta"]["data_sha256"] == trainer.data_hash(), (
        "the row model is stale: run `.venv/bin/python scripts/train_rowcheck.py` and commit data/reports/rowcheck.json"
    )
    assert 0.0 < model["threshold"] < 1.0 and model["meta"]["held_out"]["auc"] > 0.6


def test_the_training_reports_are_well_formed() -> None:
    files = sorted((ROOT / "src" / "conflictscope" / "data" / "reports").glob("reports_*.jsonl"))
    assert files
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_report_gold.py"), *map(str, files)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout[-2000:]


CRIME = ("A man shot and killed his neighbour during an argument over a parking space in Dayton, Ohio, "
         "on Saturday night, police said.\n\n"
         "Officers found the 46-year-old victim in the driveway of his home on Elm Street.\n\n"
         "The suspect, 52, was taken into custody at the scene without incident.\n\n"
         "Neighbours said the two men had quarrelled for months over the shared driveway.\n\n"
         "The county prosecutor is expected to file murder charges on Monday.")


def test_a_violent_crime_row_of_the_all_violence_scope_is_not_judged_by_the_acled_trained_model() -> None:
    settings = Settings(scope="all-violence")
    article = Article.from_text(CRIME, published=date(2024, 6, 3), title="Man shot dead in Dayton parking dispute")
    raw = Pipeline(RAW_STAGES, settings=settings)(article).events
    crime = [e.event_id for e in raw if e.scope == "violent-crime"]
    assert crime, "the shooting is a violent-crime row of the all-violence scope"
    drop_all = Resources(settings).provide(ROWCHECK_MODEL, EventnessModel({}, -30.0))
    kept = [e.event_id for e in Pipeline(resources=drop_all)(article).events]
    assert kept == crime
