"""Reading the labelled example sentences shipped in ``conflictscope/data/classifier``."""

from __future__ import annotations

import hashlib
from importlib import resources
from importlib.resources.abc import Traversable

from conflictscope.classify.labels import LABELS

EXAMPLE_GLOB = "examples_"


def parse_examples(text: str) -> list[tuple[str, str]]:
    """(label code, sentence) pairs of one examples file (``## CODE`` headers)."""
    pairs: list[tuple[str, str]] = []
    label = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or (line.startswith("#") and not line.startswith("##")):
            continue
        if line.startswith("##"):
            label = line.lstrip("#").strip()
            if label not in LABELS:
                raise ValueError(f"unknown label {label!r} in examples")
            continue
        if not label:
            raise ValueError("an example sentence comes before any ## LABEL header")
        pairs.append((label, line))
    return pairs


def load_examples() -> list[tuple[str, str]]:
    """Every packaged (label code, sentence) example."""
    return [(label, sentence) for label, sentence, _ in load_examples_with_source()]


def load_examples_with_source() -> list[tuple[str, str, str]]:
    """Every packaged (label code, sentence, file name) example."""
    folder = resources.files("conflictscope.data").joinpath("classifier")
    rows: list[tuple[str, str, str]] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.startswith(EXAMPLE_GLOB) and entry.name.endswith(".txt"):
            rows.extend((lab, sen, entry.name) for lab, sen in parse_examples(entry.read_text("utf-8")))
    return rows


HELDOUT_FILE = "heldout_snippets.txt"


def load_heldout() -> list[tuple[str, str]]:
    """The held-out (label code, snippet) pairs: never trained or fitted on, only reported on."""
    entry = resources.files("conflictscope.data").joinpath("classifier").joinpath(HELDOUT_FILE)
    return parse_examples(entry.read_text("utf-8")) if entry.is_file() else []


def _classifier_folder() -> Traversable:
    return resources.files("conflictscope.data").joinpath("classifier")


def training_files(folder: Traversable | None = None) -> list[str]:
    """Names of the files the classifier training scripts read: the examples, then the held-out snippets."""
    folder = folder or _classifier_folder()
    names = sorted(
        entry.name
        for entry in folder.iterdir()
        if entry.name.startswith(EXAMPLE_GLOB) and entry.name.endswith(".txt")
    )
    if folder.joinpath(HELDOUT_FILE).is_file():
        names.append(HELDOUT_FILE)
    return names


def training_data_hash(folder: Traversable | None = None) -> str:
    """The sha256 of the labelled data the classifier artifacts are built from.

    The one definition of "the training data": every ``examples_*.txt`` file (trained
    on) and ``heldout_snippets.txt`` (only reported on, but the recorded figures
    depend on it), read as (file name, label, sentence)
    rows in file-name order, so comments and blank lines do not count but any
    change to a sentence, its label or its file does. The training scripts record
    it in ``model.json`` and ``encoder/meta.json``; ``tests/classify/test_artifacts.py``
    fails when the recorded hash is not that of the current files. ``folder``: another
    folder of such files (default: the packaged one).
    """
    folder = folder or _classifier_folder()
    digest = hashlib.sha256()
    for name in training_files(folder):
        for label, sentence in parse_examples(folder.joinpath(name).read_text("utf-8")):
            digest.update(f"{name}\t{label}\t{sentence}\n".encode())
    return digest.hexdigest()


def training_data_record(examples: int) -> dict[str, object]:
    """What an artifact records of the data it was trained on (its ``training_data`` entry)."""
    return {
        "sha256": training_data_hash(),
        "files": training_files(),
        "examples": examples,
        "heldout_snippets": "reported on only (never trained or fitted on)",
    }
