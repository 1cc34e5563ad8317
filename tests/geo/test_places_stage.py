"""The `places` stage: recognition in every sentence, event location, main place."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictscope.document import AnalyzedArticle
from conflictscope.errors import EvaluationError
from conflictscope.gazetteer.index import Gazetteer
from conflictscope.models import EventCandidate
from conflictscope.pipeline.places import main_place, places

REPORT = (
    "Jihadists storm Palmyra again\n\n"
    "Jihadist fighters stormed Palmyra on Sunday, a year after losing the desert city.\n\n"
    "Army reinforcements were sent from Aleppo to fight in the new battle.\n\n"
    "The London-based Syrian Observatory said fighters had reached the city's hospital.\n\n"
    "The group has also destroyed shrines in neighbouring Iraq.\n\n"
    "Palmyra lies in the desert of Homs province, east of the capital."
)



@pytest.fixture()
def located(
    parse: Callable[..., AnalyzedArticle], use_tiny: Gazetteer, candidate_at: Callable[..., EventCandidate]
) -> AnalyzedArticle:
    analyzed = parse(REPORT)
    triggers = ("stormed", "sent from", "reached", "destroyed shrines")
    candidates = tuple(candidate_at(analyzed, t) for t in triggers)
    return places(replace(analyzed, candidates=candidates))


def test_every_sentence_is_geoparsed(located: AnalyzedArticle) -> None:
    names = [m.place.name for m in located.places]
    assert names.count("Tadmur") >= 3  # incl. the unparsed last sentence
    assert all(m.place.country != "United Kingdom" for m in located.places)
    for mention in located.places:
        assert located.text[mention.span.start:mention.span.end] == mention.span.text


@pytest.mark.parametrize(
    ("index", "place", "geo_precision", "where_prec"),
    [(0, "Tadmur", 1, 1), (1, "Tadmur", 2, 2), (2, "Tadmur", 2, 2), (3, "Iraq", 3, 6)],
)
def test_candidate_location(located: AnalyzedArticle, index: int, place: str,
                            geo_precision: int, where_prec: int) -> None:
    candidate = located.candidates[index]
    assert candidate.place is not None
    assert candidate.place.place.name == place
    assert (candidate.geo_precision, candidate.where_prec) == (geo_precision, where_prec)
    assert candidate.evidence["location"]


def test_palmyra_coordinates(located: AnalyzedArticle) -> None:
    place = located.candidates[0].place
    assert place is not None
    assert place.place.latitude == pytest.approx(34.56, abs=0.01)
    assert place.place.longitude == pytest.approx(38.28, abs=0.01)
    assert place.place.admin1 == "Homs" and place.place.iso3 == "SYR"


def test_main_place(located: AnalyzedArticle) -> None:
    focus = main_place(located)
    assert focus is not None and focus.place.name == "Tadmur"


@pytest.mark.parametrize("text", ["", "   ", "no places here at all.", "Ωμέγα 北京 !!! 12345678901234567890",
                                  "Mr Homs said hello."])
def test_bad_input_never_crashes(parse: Callable[..., AnalyzedArticle], use_tiny: Gazetteer,
                                 text: str) -> None:
    result = places(parse(text))
    assert all(0 <= m.confidence <= 1 for m in result.places)


def test_geocode_cli(use_tiny: Gazetteer) -> None:
    from conflictscope.cli.geo import geocode

    result = CliRunner().invoke(geocode, ["Palmyra", "--context", "Syria", "--json"])
    assert result.exit_code == 0, result.output
    best = json.loads(result.output)["best"]
    assert best["name"] == "Tadmur" and best["iso3"] == "SYR"
    unknown = CliRunner().invoke(geocode, ["Xyzzyville"])
    assert unknown.exit_code == 0 and "no place" in unknown.output


@pytest.mark.parametrize(
    ("content", "line"),
    [('{"text": "a", "toponyms": []}\nnot json\n', 2),
     ('{"text": 5, "toponyms": []}\n', 1),
     ('{"text": "abc", "toponyms": [{"start": 0, "end": 9, "lat": 1, "lon": 2}]}\n', 1),
     ('{"text": "abc", "toponyms": [{"start": 0, "end": 2, "lat": 100, "lon": 2}]}\n', 1)],
)
def test_evaluation_names_first_bad_line(tmp_path: Path, content: str, line: int) -> None:
    from conflictscope.evaluation.geoparse import evaluate_geoparse

    gold = tmp_path / "gold.jsonl"
    gold.write_text(content, encoding="utf-8")
    with pytest.raises(EvaluationError, match=f"gold.jsonl:{line}:"):
        evaluate_geoparse(str(gold))


def test_evaluation_on_a_tiny_file(tmp_path: Path, use_tiny: Gazetteer) -> None:
    from conflictscope.evaluation.geoparse import evaluate_geoparse

    text = "Fighting was reported in Mosul and in Aleppo on Monday."
    toponyms = [{"start": text.index("Mosul"), "end": text.index("Mosul") + 5, "lat": 36.34, "lon": 43.13},
                {"start": text.index("Aleppo"), "end": text.index("Aleppo") + 6, "lat": 36.2, "lon": 37.16}]
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"text": text, "toponyms": toponyms}) + "\n", encoding="utf-8")
    result = evaluate_geoparse(str(gold))
    assert result["resolution_gold_spans"]["accuracy_161km"] == 1.0
    assert result["recognition"]["recall"] == 1.0
