"""The trained classifier artifacts were built from the training data now in the package.

Each artifact records ``training_data.sha256``, computed by the training script with
``conflictscope.classify.examples.training_data_hash`` (the examples files and the
held-out snippets). When a sentence, label or file changes, the artifact is stale and
these tests name the make target that rebuilds it (docs/training.md).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from conflictscope.classify.examples import HELDOUT_FILE, training_data_hash, training_files

ARTIFACTS = {
    # meta file inside data/classifier -> make target that rebuilds it
    "model.json": "make train-classifier",
    "encoder/meta.json": "make train-encoder",
}


def _recorded(path: str) -> dict[str, object]:
    folder = resources.files("conflictscope.data").joinpath("classifier")
    meta = json.loads(folder.joinpath(path).read_text("utf-8"))
    return dict(meta.get("training_data") or {})


@pytest.mark.parametrize("path", sorted(ARTIFACTS))
def test_artifact_was_built_from_the_current_training_data(path: str) -> None:
    recorded = _recorded(path)
    current = training_data_hash()
    assert recorded.get("sha256") == current, (
        f"data/classifier/{path} records training data sha256 {recorded.get('sha256')!r}, but the "
        f"current examples_*.txt and heldout_snippets.txt hash to {current!r}: the artifact is stale. "
        f"Rebuild it with `{ARTIFACTS[path]}` (docs/training.md) and commit the result."
    )
    assert recorded.get("files") == training_files(), f"rebuild data/classifier/{path} with `{ARTIFACTS[path]}`"


def test_hash_ignores_comments_but_not_sentences(tmp_path: Path) -> None:
    """The hash follows (file, label, sentence) rows: a comment is no retrain, a changed sentence is."""
    examples = tmp_path / "examples_a.txt"
    heldout = tmp_path / HELDOUT_FILE
    examples.write_text("## ARR\nPolice arrested two men.\n", "utf-8")
    heldout.write_text("## NONE\nThe bank kept rates.\n", "utf-8")
    first = training_data_hash(tmp_path)
    assert training_files(tmp_path) == ["examples_a.txt", HELDOUT_FILE]
    examples.write_text("# a comment\n## ARR\n\nPolice arrested two men.\n", "utf-8")
    assert training_data_hash(tmp_path) == first
    examples.write_text("## ARR\nPolice arrested three men.\n", "utf-8")
    assert training_data_hash(tmp_path) != first
    examples.write_text("## ARR\nPolice arrested two men.\n", "utf-8")
    heldout.write_text("## NONE\nThe bank raised rates.\n", "utf-8")
    assert training_data_hash(tmp_path) != first
    examples.rename(tmp_path / "examples_b.txt")
    heldout.write_text("## NONE\nThe bank kept rates.\n", "utf-8")
    assert training_data_hash(tmp_path) != first
