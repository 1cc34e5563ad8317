"""The packaged fine-tuned encoder: loading, batching, caching, blending, switching off (no spaCy)."""

from __future__ import annotations

import json
import warnings
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from conflictscope.classify.encoder import (
    ENCODER,
    ENV_SWITCH,
    Encoder,
    encoder_enabled,
    load_encoder,
)
from conflictscope.classify.labels import LABELS, NONE
from conflictscope.classify.model import WORD_MODEL, LinearModel
from conflictscope.resources import Resources, Settings


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    found = Resources(Settings()).get(ENCODER)
    assert found is not None, "the packaged encoder must load (onnxruntime, tokenizers, files)"
    return found


def test_packaged_files_and_meta() -> None:
    folder = resources.files("conflictscope.data").joinpath("classifier/encoder")
    meta = json.loads(folder.joinpath("meta.json").read_text("utf-8"))
    assert meta["labels"] == list(LABELS)
    assert 0.2 <= meta["temperature"] <= 5.0 and 0.0 < meta["mix"] < 1.0
    assert folder.joinpath("model.onnx").is_file() and folder.joinpath("tokenizer.json").is_file()


def test_logits_have_one_score_per_class(encoder: Encoder) -> None:
    row = encoder.logits("Rebels shelled the town with mortars.")
    assert row.shape == (len(LABELS),) and np.isfinite(row).all()
    assert abs(np.exp(encoder.log_proba("Rebels shelled the town with mortars.")).sum() - 1) < 1e-9


def test_logits_do_not_depend_on_other_texts(encoder: Encoder) -> None:
    texts = [
        "Police arrested four journalists at the border crossing on Monday.",
        "Hundreds marched peacefully through the capital.",
        "A roadside bomb struck an army patrol.",
        "The central bank kept rates unchanged.",
    ]
    single = [encoder._run([t])[0] for t in texts]
    batched = encoder._run(texts)
    assert np.allclose(np.asarray(single), batched, atol=1e-6)


def test_logits_are_cached(encoder: Encoder) -> None:
    text = "Gunmen kidnapped three aid workers on the highway, officials said."
    first = encoder.logits(text)
    assert text in encoder._cache
    assert first is encoder.logits(text)
    assert np.array_equal(encoder.logits(text), encoder._cache[text])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Warplanes bombed the rebel-held town, killing seven people.", "AIR"),
        ("Police arrested twelve activists during a dawn raid on their offices.", "ARR"),
        ("Thousands of teachers marched peacefully to demand higher wages.", "PEACE"),
        ("The finance minister presented the annual budget to parliament.", NONE),
    ],
)
def test_encoder_reads_plain_sentences(encoder: Encoder, text: str, expected: str) -> None:
    assert encoder.labels[int(np.argmax(encoder.logits(text)))] == expected


@pytest.mark.parametrize("text", ["", "   ", "日本語のテキスト", "9" * 5000, "\u202e\u0000odd"])
def test_odd_input_never_crashes(encoder: Encoder, text: str) -> None:
    assert np.isfinite(encoder.logits(text)).all()


def test_blend_is_a_distribution_and_moves_the_word_model(encoder: Encoder) -> None:
    word = LinearModel.load()
    text = "Militants stormed the village and set fire to houses."
    alone = word.predict(text)
    blended = word.with_encoder(encoder).predict(text)
    assert abs(sum(blended.values()) - 1.0) < 1e-9
    assert alone != blended


def test_switched_off_by_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_SWITCH, "0")
    assert not encoder_enabled()
    off = Resources(Settings.from_env())
    assert off.get(ENCODER) is None and off.get(WORD_MODEL).encoder is None
    monkeypatch.delenv(ENV_SWITCH)
    assert Resources(Settings.from_env()).get(ENCODER) is not None


def test_missing_files_warn_and_fall_back(tmp_path: Path) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert load_encoder(tmp_path / "no-such-folder") is None
    assert any("word model only" in str(w.message) for w in caught)
    missing = Resources(Settings(classifier=str(tmp_path)))  # no encoder/ in that folder
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        assert missing.get(ENCODER) is None


_GOLDEN_OUTPUTS = Path(__file__).with_name("encoder_outputs.golden.json")


def test_encoder_outputs_same_on_cpus_without_vnni(encoder: Encoder) -> None:
    """Regression: on x86 CPUs without VNNI (AVX2 only), onnxruntime's int8 products saturated and
    the logits moved by up to 0.5, so the dev figures differed from one machine to the next.
    Widened products (``session.x64quantprecision``) give every CPU the exact values below."""
    from conflictscope.classify.eventness_encoder import EVENTNESS_ENCODER

    eventness = Resources(Settings()).get(EVENTNESS_ENCODER)
    assert eventness is not None
    for row in json.loads(_GOLDEN_OUTPUTS.read_text("utf-8")):
        assert np.allclose(encoder.logits(row["text"]), row["class_logits"], atol=1e-3), row["text"]
        assert abs(eventness.probability(row["text"]) - row["eventness"]) < 1e-3, row["text"]
