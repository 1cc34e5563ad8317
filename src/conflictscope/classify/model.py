"""The linear clause classifier: weights stored as JSON, scored with numpy.

``model.json`` holds ``labels`` (class codes), ``features`` (name -> row),
``weights`` (rows x classes, one list per feature), ``intercept`` and
``temperature`` (fitted on out-of-file predictions of the examples; see
docs/training.md for the split that fits it and the split that reports it).

When the fine-tuned encoder (:mod:`conflictscope.classify.encoder`) is attached,
the class probabilities are a weighted geometric mean of the word model's and the
encoder's (weight ``encoder.mix``, set in ``encoder/meta.json``, not fitted).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

import numpy as np

from conflictscope.classify.encoder import ENCODER, Encoder
from conflictscope.classify.features import featurize
from conflictscope.resources import Resources, Settings, current, declare_resource, file_digest

MODEL_RESOURCE = "classifier/model.json"


@dataclass(frozen=True)
class LinearModel:
    """A multinomial logistic-regression model over sparse binary features."""

    labels: tuple[str, ...]
    index: dict[str, int]
    weights: np.ndarray  # (n_features, n_classes)
    intercept: np.ndarray  # (n_classes,)
    temperature: float = 1.0
    rule_precision: dict[str, float] = field(default_factory=dict)
    encoder: Encoder | None = field(default=None, compare=False)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> LinearModel:
        """Build from the JSON structure written by the training script."""
        labels: tuple[str, ...] = tuple(str(label) for label in data["labels"])  # type: ignore[attr-defined]
        features = data["features"]
        weights = np.asarray(data["weights"], dtype=np.float64)
        intercept = np.asarray(data["intercept"], dtype=np.float64)
        if weights.ndim != 2 or weights.shape[1] != len(labels):
            raise ValueError("model weights do not match its labels")
        index = {str(name): int(row) for name, row in dict(features).items()}  # type: ignore[call-overload]
        temperature = float(data.get("temperature", 1.0))  # type: ignore[arg-type]
        rules = {str(k): float(v) for k, v in dict(data.get("rule_precision", {})).items()}  # type: ignore[call-overload]
        return cls(labels, index, weights, intercept, temperature, rules)

    @classmethod
    def load(cls, path: str | Path | None = None) -> LinearModel:
        """Load a model file (default: the packaged one)."""
        if path is None:
            text = resources.files("conflictscope.data").joinpath(MODEL_RESOURCE).read_text("utf-8")
        else:
            text = Path(path).read_text("utf-8")
        return cls.from_dict(json.loads(text))

    def scores(self, features: list[str]) -> np.ndarray:
        """Raw class scores (logits) of a feature list."""
        rows = [self.index[f] for f in set(features) if f in self.index]
        total = self.intercept.copy()
        if rows:
            total += self.weights[rows].sum(axis=0)
        return total

    def proba(self, features: list[str]) -> np.ndarray:
        """Calibrated class probabilities of a feature list."""
        logits = self.scores(features) / self.temperature
        logits -= logits.max()
        exp = np.exp(logits)
        return exp / exp.sum()

    def predict(
        self,
        text: str,
        context: str = "",
        context_cues: list[str] | None = None,
        own_cues: list[str] | None = None,
    ) -> dict[str, float]:
        """Class code -> probability for a clause of text (``context``: its sentence)."""
        probs = self.proba(featurize(text, context, context_cues, own_cues))
        encoder = self.encoder
        if encoder is not None and encoder.labels == self.labels and encoder.mix > 0:
            mixed = (1 - encoder.mix) * np.log(np.clip(probs, 1e-12, None))
            mixed += encoder.mix * encoder.log_proba(text)
            mixed -= mixed.max()
            probs = np.exp(mixed) / np.exp(mixed).sum()
        return dict(zip(self.labels, probs.tolist(), strict=True))

    def with_encoder(self, encoder: Encoder | None) -> LinearModel:
        """This model blended with a sentence encoder (``None``: the word model alone)."""
        return replace(self, encoder=encoder)


def _load_word_model(loaded: Resources) -> LinearModel:
    folder = loaded.settings.classifier
    model = LinearModel.load(Path(folder) / "model.json" if folder else None)
    return model.with_encoder(loaded.get(ENCODER))


def _word_model_fingerprint(settings: Settings) -> str:
    return file_digest(settings.classifier_file("model.json", MODEL_RESOURCE))


#: The word model, blended with the encoder of the same resources.
WORD_MODEL = declare_resource("word_model", _load_word_model, _word_model_fingerprint)


def default_model() -> LinearModel:
    """The current resources' classifier: the word model blended with the encoder (when on)."""
    return current().get(WORD_MODEL)
