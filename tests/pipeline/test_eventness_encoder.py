"""The event-ness encoder: trained on the current sentences, blended by the stage, in the version."""

from __future__ import annotations

import json
import shutil
from collections import OrderedDict
from datetime import date
from importlib import resources as package_files
from pathlib import Path

import pytest

from builders import load_script
from conflictscope.classify.eventness import EVENTNESS_MODEL
from conflictscope.classify.eventness_encoder import (
    EVENTNESS_ENCODER,
    EventnessEncoder,
    load_eventness_encoder,
)
from conflictscope.models import Article
from conflictscope.pipeline.core import Pipeline
from conflictscope.pipeline.eventness import candidate_features
from conflictscope.resources import Resources, Settings, declared_resources

#: Written for this test: one event and a plan in one report.
TEXT = ("Gunmen stormed a police post in Dikwa on Tuesday night and killed four officers. "
        "Troops are preparing to launch an assault on the rebel-held town of Dikwa.")


def _packaged(name: str) -> Path:
    return Path(str(package_files.files("conflictscope.data").joinpath(name)))


class FixedEncoder(EventnessEncoder):
    """An encoder that gives every sentence the same probability (no ONNX session)."""

    def __init__(self, value: float, weight: float, threshold: float) -> None:
        self.value, self.weight, self.threshold, self.meta = value, weight, threshold, {}
        self.seen: list[str] = []
        self._cache = OrderedDict()

    def _run(self, texts: list[str]) -> list[float]:
        self.seen.extend(texts)
        return [self.value for _ in texts]


def test_the_encoder_was_trained_on_the_current_sentences() -> None:
    trainer = load_script("train_eventness")
    meta = json.loads((_packaged("eventness/encoder") / "meta.json").read_text("utf-8"))
    assert meta["data_sha256"] == trainer.data_hash(), (
        "the event-ness encoder is stale: run `make train-eventness-encoder` and commit data/eventness/encoder/"
    )
    assert 0.0 <= meta["blend"]["weight"] <= 1.0 and 0.0 < meta["blend"]["threshold"] < 1.0


def test_the_packaged_encoder_tells_an_event_from_a_plan() -> None:
    encoder = load_eventness_encoder(_packaged("eventness/encoder"))
    assert encoder is not None
    event, plan = encoder.probabilities(TEXT.split(". "))
    assert event > 0.5 > plan
    assert encoder.probability(TEXT.split(". ")[0]) == event  # cached, the same


def _lr_probabilities(article: Article) -> list[float]:
    """The logistic regression's probability of each decided candidate (the encoder off)."""
    resources = Resources(Settings()).provide(EVENTNESS_ENCODER, None)
    pipeline = Pipeline(("actors", "classify"), resources=resources)
    model = resources.get(EVENTNESS_MODEL)
    assert model is not None
    analyzed = pipeline(article)
    out = []
    for candidate in analyzed.candidates:
        names = candidate_features(analyzed, candidate)
        assert names is not None
        out.append(model.probability(names))
    return out


def test_the_stage_blends_with_the_encoder_and_falls_back_without_it() -> None:
    article = Article.from_text(TEXT, published=date(2024, 6, 5))
    stages = ("actors", "classify", "eventness")
    lr = _lr_probabilities(article)
    assert lr

    alone = Pipeline(stages, resources=Resources(Settings()).provide(EVENTNESS_ENCODER, None))(article)
    assert [c.eventness for c in alone.candidates] == [round(p, 4) for p in lr]

    sure = FixedEncoder(1.0, weight=0.5, threshold=0.6)
    blended = Pipeline(stages, resources=Resources(Settings()).provide(EVENTNESS_ENCODER, sure))(article)
    assert [c.eventness for c in blended.candidates] == [round(0.5 + 0.5 * p, 4) for p in lr]
    assert all(c.is_event is (c.eventness is not None and c.eventness >= 0.6) for c in blended.candidates)
    assert set(sure.seen) <= {c.sentence.text for c in blended.candidates}

    off = FixedEncoder(1.0, weight=0.0, threshold=0.99)  # weight 0: the encoder is never run
    same = Pipeline(stages, resources=Resources(Settings()).provide(EVENTNESS_ENCODER, off))(article)
    assert [(c.eventness, c.is_event) for c in same.candidates] == [(c.eventness, c.is_event)
                                                                    for c in alone.candidates]
    assert off.seen == []


def test_missing_files_give_none_with_a_warning(tmp_path: Path) -> None:
    with pytest.warns(RuntimeWarning, match="event-ness encoder unavailable"):
        assert load_eventness_encoder(tmp_path) is None


def test_the_switch_turns_the_encoder_off() -> None:
    assert Resources(Settings(eventness=False)).get(EVENTNESS_ENCODER) is None


def test_the_version_covers_the_encoder(tmp_path: Path) -> None:
    assert "eventness_encoder" in declared_resources()
    folder = tmp_path / "classifier"
    folder.mkdir()
    (folder / "model.json").symlink_to(_packaged("classifier/model.json"))
    (folder / "encoder").symlink_to(_packaged("classifier/encoder"))
    (folder / "eventness.json").symlink_to(_packaged("eventness/model.json"))
    (folder / "calibration.json").symlink_to(_packaged("eventness/calibration.json"))
    mine = folder / "eventness_encoder"
    mine.mkdir()
    for name in ("model.onnx", "tokenizer.json"):
        (mine / name).symlink_to(_packaged("eventness/encoder") / name)
    shutil.copy(_packaged("eventness/encoder") / "meta.json", mine / "meta.json")
    kind = declared_resources()["eventness_encoder"]
    assert kind.fingerprint(Settings(classifier=str(folder))) == kind.fingerprint(Settings())  # same files
    before = Pipeline(settings=Settings(classifier=str(folder))).version
    meta = json.loads((mine / "meta.json").read_text("utf-8"))
    meta["blend"]["threshold"] = round(meta["blend"]["threshold"] + 0.01, 4)
    (mine / "meta.json").write_text(json.dumps(meta), "utf-8")
    assert Pipeline(settings=Settings(classifier=str(folder))).version != before
