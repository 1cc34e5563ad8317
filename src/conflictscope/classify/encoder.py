"""The fine-tuned sentence encoder of the event classifier, run by onnxruntime.

``data/classifier/encoder/`` holds ``model.onnx`` (all-MiniLM-L6-v2 fine-tuned
on our labelled sentences, with its pooling and class head, int8), the
word-piece ``tokenizer.json`` and ``meta.json`` (class order, the temperature of
its logits and its weight in the blend with the word model, both set rather than
fitted; the training-data hash and parameters it was built with). They are made by
``scripts/train_encoder.py`` (``make train-encoder``, docs/training.md); at run
time only ``onnxruntime`` and ``tokenizers`` are needed and nothing is downloaded.

Set ``CONFLICTSCOPE_ENCODER=0`` to classify with the word model alone (faster,
less accurate). When the files or libraries are missing, :func:`load_encoder`
returns ``None`` with one warning and the word model serves.
"""

from __future__ import annotations

import json
import warnings
from collections import OrderedDict
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from conflictscope.resources import ENV_ENCODER, Resources, Settings, declare_resource, file_digest

ENCODER_DIR = "classifier/encoder"
ENV_SWITCH = ENV_ENCODER
#: Logits kept per process: a sentence is read by several stages and clauses.
CACHE_SIZE = 4096


class Encoder:
    """Class logits of texts from the packaged ONNX classifier, with a small cache."""

    def __init__(self, folder: str | Path) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        folder = Path(folder)
        meta = json.loads((folder / "meta.json").read_text("utf-8"))
        self.labels: tuple[str, ...] = tuple(meta["labels"])
        self.temperature = float(meta.get("temperature", 1.0))
        self.mix = float(meta.get("mix", 0.5))
        options = ort.SessionOptions()
        # one thread: the pipeline runs one process per core
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        # int8 products widened to int16 on CPUs without VNNI, so every x86 machine computes
        # the same logits (AVX2's u8*s8 pairs saturate otherwise, and borderline rows flip)
        options.add_session_config_entry("session.x64quantprecision", "1")
        self._session: Any = ort.InferenceSession(
            str(folder / "model.onnx"), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._tokenizer: Any = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(int(meta.get("max_tokens", 128)))
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()

    def logits(self, text: str) -> np.ndarray:
        """Raw class logits of one text (``len(labels)`` floats)."""
        row = self._cache.get(text)
        if row is None:
            row = self._run([text])[0]
            self._remember(text, row)
        else:
            self._cache.move_to_end(text)
        return row

    def log_proba(self, text: str) -> np.ndarray:
        """Calibrated class log-probabilities of one text."""
        return log_softmax(self.logits(text) / self.temperature)

    def _remember(self, text: str, row: np.ndarray) -> None:
        self._cache[text] = row
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)

    def _run(self, texts: Sequence[str]) -> np.ndarray:
        # One text per call: int8 activations are quantised per tensor, so a text's
        # logits would otherwise depend on the texts batched (and padded) with it.
        out = np.zeros((len(texts), len(self.labels)), dtype=np.float64)
        for row, encoding in enumerate(self._tokenizer.encode_batch([t if t.strip() else "." for t in texts])):
            ids = np.asarray([encoding.ids], dtype=np.int64)
            out[row] = self._session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})[0][0]
        return out


def log_softmax(z: np.ndarray) -> np.ndarray:
    """Log-probabilities of a vector of scores."""
    z = z - z.max()
    return z - np.log(np.exp(z).sum())


def encoder_enabled() -> bool:
    """False when ``CONFLICTSCOPE_ENCODER`` is set to 0/false/no/off."""
    return Settings.from_env().encoder


def load_encoder(folder: str | Path | None = None) -> Encoder | None:
    """The encoder in ``folder`` (default: the packaged one), or ``None`` with a warning when it
    cannot be loaded (missing onnxruntime, tokenizers or files: the word model serves alone)."""
    try:
        where = Path(folder) if folder else Path(str(resources.files("conflictscope.data").joinpath(ENCODER_DIR)))
        return Encoder(where)
    except Exception as exc:
        warnings.warn(
            f"event classifier encoder unavailable ({exc}); classifying with the word model only",
            RuntimeWarning,
            stacklevel=2,
        )
        return None


def _encoder_folder(settings: Settings) -> Path:
    return settings.classifier_file("encoder", ENCODER_DIR)


def _load_configured(loaded: Resources) -> Encoder | None:
    return load_encoder(_encoder_folder(loaded.settings)) if loaded.settings.encoder else None


def folder_digest(folder: Path) -> str:
    """The digest of an encoder folder's files (model, tokenizer and meta)."""
    return file_digest(folder / "model.onnx", folder / "tokenizer.json", folder / "meta.json")


def _encoder_fingerprint(settings: Settings) -> str:
    return folder_digest(_encoder_folder(settings)) if settings.encoder else "off"


#: The sentence encoder blended with the word model (None when ``Settings.encoder`` is off).
ENCODER = declare_resource("encoder", _load_configured, _encoder_fingerprint)
