"""The event-ness decision's sentence encoder, run by onnxruntime.

``data/eventness/encoder/`` holds ``model.onnx`` (all-MiniLM-L6-v2 fine-tuned as a
binary classifier on the event-ness sentences ``data/eventness/sentences_*.txt``:
does the sentence tell one specific occurrence that happened? int8, with its pooling
and head), the word-piece ``tokenizer.json`` and ``meta.json`` (the training data's
hash, parameters and held-out figures, and the blend with the logistic regression:
``blend.weight`` and ``blend.threshold``). They are made by
``scripts/train_eventness_encoder.py`` (``make train-eventness-encoder``,
docs/training.md); at run time only ``onnxruntime`` and ``tokenizers`` are needed.

The stage ``eventness`` blends the encoder's probability of a candidate's sentence
with the logistic regression's probability of the candidate
(:meth:`EventnessEncoder.blend`). It is switched off with the event-ness model
(``Settings.eventness``, ``CONFLICTSCOPE_EVENTNESS=0``); a blend weight of 0 in
meta.json leaves the logistic regression alone (the encoder is then never run).
When the files or libraries are missing, :func:`load_eventness_encoder` returns
``None`` with one warning and the logistic regression serves alone.
"""

from __future__ import annotations

import json
import math
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from conflictscope.classify.encoder import Encoder, folder_digest
from conflictscope.resources import Resources, Settings, declare_resource

ENCODER_DIR = "eventness/encoder"


class EventnessEncoder:
    """The probability that a sentence tells an event, from the packaged ONNX classifier: the
    class encoder's machinery (:class:`~conflictscope.classify.encoder.Encoder`, its session,
    tokenizer and cache) over a two-class model (other, event), made on first use."""

    def __init__(self, folder: str | Path) -> None:
        import onnxruntime  # noqa: F401  (missing libraries are found when loading, not mid-run)
        import tokenizers  # noqa: F401

        folder = Path(folder)
        meta = json.loads((folder / "meta.json").read_text("utf-8"))
        blend = meta.get("blend", {})
        #: The encoder's weight in the blend with the logistic regression (0: not used).
        self.weight = float(blend.get("weight", 0.0))
        #: The probability at which a blended candidate is an event.
        self.threshold = float(blend.get("threshold", 0.5))
        self.meta: dict[str, Any] = meta
        for name in ("model.onnx", "tokenizer.json"):
            if not (folder / name).is_file():
                raise FileNotFoundError(folder / name)
        self._folder = folder
        #: Made on first use: with a blend weight of 0 the model is never run.
        self._encoder: Encoder | None = None

    @property
    def active(self) -> bool:
        """Whether the blend uses the encoder at all."""
        return self.weight > 0.0

    def probability(self, text: str) -> float:
        """The probability that the sentence ``text`` tells an event."""
        return self._run([text])[0]

    def probabilities(self, texts: Iterable[str]) -> list[float]:
        """The probability of each text."""
        return self._run(list(texts))

    def blend(self, encoder_probability: float, model_probability: float) -> float:
        """weight * the encoder's probability + (1 - weight) * the logistic regression's."""
        return self.weight * encoder_probability + (1.0 - self.weight) * model_probability

    def _run(self, texts: list[str]) -> list[float]:
        if self._encoder is None:
            self._encoder = Encoder(self._folder)
        out: list[float] = []
        for text in texts:
            other, event = self._encoder.logits(text).astype(np.float32)  # the model's own precision
            margin = float(event - other)
            out.append(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, margin)))))
        return out


def load_eventness_encoder(folder: str | Path) -> EventnessEncoder | None:
    """The encoder in ``folder``, or ``None`` with a warning when it cannot be loaded (missing
    onnxruntime, tokenizers or files: the logistic regression decides alone)."""
    try:
        return EventnessEncoder(folder)
    except Exception as exc:
        warnings.warn(
            f"event-ness encoder unavailable ({exc}); deciding with the logistic regression only",
            RuntimeWarning,
            stacklevel=2,
        )
        return None


def _folder(settings: Settings) -> Path:
    return settings.classifier_file("eventness_encoder", ENCODER_DIR)


def _load(loaded: Resources) -> EventnessEncoder | None:
    return load_eventness_encoder(_folder(loaded.settings)) if loaded.settings.eventness else None


def _fingerprint(settings: Settings) -> str:
    return folder_digest(_folder(settings)) if settings.eventness else "off"


#: The event-ness encoder blended with the logistic regression (None when ``Settings.eventness``
#: is off or its files cannot be loaded).
EVENTNESS_ENCODER = declare_resource("eventness_encoder", _load, _fingerprint)
