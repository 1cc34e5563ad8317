"""The confidence map: monotonic, bounded, applied by the calibrate stage, off without the model."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources as package_files

from conflictscope.models import Article
from conflictscope.pipeline.calibration import CONFIDENCE_MAP, ConfidenceMap
from conflictscope.pipeline.core import Pipeline
from conflictscope.pipeline.registry import DEFAULT_STAGES
from conflictscope.resources import Resources, Settings

TEXT = "Gunmen killed four villagers in an attack on Kawuri in Borno State on Sunday, police said."


def test_the_map_is_monotonic_and_bounded() -> None:
    mapping = ConfidenceMap(0.8, -1.2)
    values = [mapping(c / 20) for c in range(21)]
    assert values == sorted(values) and all(0.0 < v < 1.0 for v in values)


def test_the_stage_applies_the_map_after_ranking() -> None:
    assert DEFAULT_STAGES[-1] == "calibrate" and DEFAULT_STAGES.index("rank") < DEFAULT_STAGES.index("calibrate")
    article = Article.from_text(TEXT, published=date(2024, 6, 3))
    raw = Pipeline(tuple(s for s in DEFAULT_STAGES if s != "calibrate"))(article).events
    halving = Resources(Settings()).provide(CONFIDENCE_MAP, ConfidenceMap(1.0, -30.0))
    squeezed = Pipeline(resources=halving)(article).events
    assert raw and [e.event_id for e in raw] == [e.event_id for e in squeezed]
    assert all(e.confidence < r.confidence for e, r in zip(squeezed, raw, strict=True))


def test_no_map_without_the_eventness_model() -> None:
    assert Resources(Settings(eventness=False)).get(CONFIDENCE_MAP) is None


def test_the_shipped_map_records_its_cross_validated_figures() -> None:
    data = json.loads(package_files.files("conflictscope.data").joinpath("eventness/calibration.json").read_text())
    for half in ("half_0", "half_1"):
        figures = data["cross_validated"][half]
        assert figures["fitted_on"] != half.replace("_", " ")
        assert figures["ece_calibrated"] < figures["ece_raw"]
