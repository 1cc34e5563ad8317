"""The packaged classifier model, its features and its training material (no spaCy)."""

from __future__ import annotations

import json
from importlib import resources

import numpy as np
import pytest

from conflictscope.classify.examples import load_examples, load_heldout, parse_examples
from conflictscope.classify.features import featurize, stem
from conflictscope.classify.labels import CODE_OF, LABELS, NONE, SUB_EVENT_OF, event_type_of
from conflictscope.classify.model import LinearModel, default_model
from conflictscope.taxonomy import SUB_EVENT_TYPES


def test_model_file_is_json_and_loads() -> None:
    raw = resources.files("conflictscope.data").joinpath("classifier/model.json").read_text("utf-8")
    data = json.loads(raw)
    assert data["labels"] == list(LABELS)
    model = default_model()
    assert model.weights.shape == (len(model.index), len(LABELS))
    assert 0.2 <= model.temperature <= 5.0
    assert set(model.rule_precision) <= {*LABELS, "refine"}
    assert all(0.0 < p <= 1.0 for p in model.rule_precision.values())


def test_labels_cover_the_taxonomy() -> None:
    assert set(SUB_EVENT_OF.values()) == set(SUB_EVENT_TYPES)
    assert all(CODE_OF[SUB_EVENT_OF[c]] == c for c in SUB_EVENT_OF)
    assert event_type_of("GRT") == "Battles" and event_type_of(NONE) == ""


def test_training_material_covers_every_class() -> None:
    examples = load_examples()
    counts = {label: 0 for label in LABELS}
    for label, _ in examples:
        counts[label] += 1
    assert len(examples) >= 1000
    assert all(n >= 5 for n in counts.values()), counts


def test_parse_examples_rejects_unknown_labels() -> None:
    assert parse_examples("## ARR\nPolice arrested two men.\n") == [("ARR", "Police arrested two men.")]
    with pytest.raises(ValueError):
        parse_examples("## BOGUS\nSomething.\n")
    with pytest.raises(ValueError):
        parse_examples("A sentence before any header.\n")


def test_probabilities_are_a_distribution() -> None:
    probs = default_model().predict("Rebels shelled the town with mortars.")
    assert abs(sum(probs.values()) - 1.0) < 1e-9
    assert all(0.0 <= p <= 1.0 for p in probs.values())


@pytest.mark.parametrize("text", ["", "   ", "日本語のテキスト", "9" * 500, "\u202e\u0000odd"])
def test_odd_input_never_crashes(text: str) -> None:
    probs = default_model().predict(text)
    assert abs(sum(probs.values()) - 1.0) < 1e-9


def test_unknown_features_are_ignored() -> None:
    model = LinearModel(("NONE", "ATT"), {"w:kill": 0}, np.array([[0.0, 2.0]]), np.zeros(2))
    assert model.proba(["w:kill"])[1] > model.proba(["w:unseen"])[1]


def test_featurize_is_stable() -> None:
    assert stem("attacked") == "attack" and stem("2016") == "<num>"
    feats = featurize("Troops recaptured the town.")
    assert "w:troop" in feats and "cue:GRT" in feats and "actor:state" in feats


def test_heldout_snippets_are_separate() -> None:
    """The held-out snippets (reported on, never trained or fitted on) parse, cover many classes, are not examples."""
    heldout = load_heldout()
    assert len(heldout) >= 60
    assert len({label for label, _ in heldout}) >= 20
    training = {sentence for _, sentence in load_examples()}
    assert not training & {sentence for _, sentence in heldout}
