"""Reading the labelled example sentences shipped in ``conflictscope/data/classifier``."""

from __future__ import annotations

from importlib import resources

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
    """The held-out (label code, snippet) pairs: never trained on, used for calibration."""
    entry = resources.files("conflictscope.data").joinpath("classifier").joinpath(HELDOUT_FILE)
    return parse_examples(entry.read_text("utf-8")) if entry.is_file() else []
