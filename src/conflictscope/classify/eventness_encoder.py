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
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from conflictscope.resources import Resources, Settings, declare_resource, file_digest

ENCODER_DIR = "eventness/encoder"
#: Probabilities kept per process: a sentence holds several candidates and is read again by re-runs.
CACHE_SIZE = 4096


class EventnessEncoder:
    """The probability that a sentence tells an event, from the packaged ONNX classifier, cached."""

    def __init__(self, folder: str | Path) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        folder = Path(folder)
        meta = json.loads((folder / "meta.json").read_text("utf-8"))
        blend = meta.get("blend", {})
        #: The encoder's weight in the blend with the logistic regression (0: not used).
        self.weight = float(blend.get("weight", 0.0))
        #: The probability at which a blended candidate is an event.
        self.threshold = float(blend.get("threshold", 0.5))
        self.meta: dict[str, Any] = meta
        self._model = folder / "model.onnx"
        if not self._model.is_file():
            raise FileNotFoundError(self._model)
        self._runtime: Any = ort
        #: Made on first use: with a blend weight of 0 the model is never run.
        self._session: Any = None
        self._tokenizer: Any = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(int(meta.get("max_tokens", 128)))
        self._cache: OrderedDict[str, float] = OrderedDict()

    @property
    def active(self) -> bool:
        """Whether the blend uses the encoder at all."""
        return self.weight > 0.0

    def probability(self, text: str) -> float:
        """The probability that the sentence ``text`` tells an event."""
        return self.probabilities([text])[0]

    def probabilities(self, texts: Iterable[str]) -> list[float]:
        """The probability of each text; those not cached are tokenised in one batch."""
        texts = list(texts)
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            for text, value in zip(missing, self._run(missing), strict=True):
                self._cache[text] = value
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        out: list[float] = []
        for text in texts:
            cached = self._cache.get(text)
            if cached is None:  # pushed out by the batch itself (more than CACHE_SIZE texts)
                out.append(self._run([text])[0])
            else:
                self._cache.move_to_end(text)
                out.append(cached)
        return out

    def blend(self, encoder_probability: float, model_probability: float) -> float:
        """weight * the encoder's probability + (1 - weight) * the logistic regression's."""
        return self.weight * encoder_probability + (1.0 - self.weight) * model_probability

    def _run(self, texts: list[str]) -> list[float]:
        # One text per call: int8 activations are quantised per tensor, so a text's
        # probability would otherwise depend on the texts batched (and padded) with it.
        if self._session is None:
            options = self._runtime.SessionOptions()
            # one thread: the pipeline runs one process per core
            options.intra_op_num_threads = 1
            options.inter_op_num_threads = 1
            self._session = self._runtime.InferenceSession(
                str(self._model), sess_options=options, providers=["CPUExecutionProvider"]
            )
        out: list[float] = []
        for encoding in self._tokenizer.encode_batch([t if t.strip() else "." for t in texts]):
            ids = np.asarray([encoding.ids], dtype=np.int64)
            logits = self._session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})[0][0]
            margin = float(logits[1] - logits[0])
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
    if not settings.eventness:
        return "off"
    folder = _folder(settings)
    return file_digest(folder / "model.onnx", folder / "tokenizer.json", folder / "meta.json")


#: The event-ness encoder blended with the logistic regression (None when ``Settings.eventness``
#: is off or its files cannot be loaded).
EVENTNESS_ENCODER = declare_resource("eventness_encoder", _load, _fingerprint)
