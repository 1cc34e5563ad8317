"""Stage `calibrate`: an event's confidence becomes the probability that it is a real event of its type.

Before this stage an event's confidence is its class's probability times the event
decision's; both come from models trained on our own clean sentences, so on real
reports they are overconfident. A two-number map (Platt scaling on the log-odds,
``p = 1 / (1 + exp(-(a * logit(c) + b)))``) fitted on an all-events gold turns it
into the share of rows of that confidence that are real events of their sub-type.
``scripts/calibrate_confidence.py`` fits it, cross-validated over the two halves of the
gold, and writes ``data/eventness/calibration.json`` with the figures; docs/pipeline.md
gives them. The map is monotonic, so it changes no ranking; it runs after ``rank``.
Without the event-ness model (``Settings.eventness`` off) the map, fitted on the model's
confidences, is not applied.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from pathlib import Path

from conflictscope.document import AnalyzedArticle
from conflictscope.pipeline.registry import stage
from conflictscope.resources import Resources, Settings, current, declare_resource, file_digest

CALIBRATION_RESOURCE = "eventness/calibration.json"


@dataclass(frozen=True, slots=True)
class ConfidenceMap:
    """Platt scaling of a confidence's log-odds."""

    a: float
    b: float

    def __call__(self, confidence: float) -> float:
        """The calibrated confidence."""
        c = min(max(confidence, 1e-6), 1 - 1e-6)
        z = self.a * math.log(c / (1 - c)) + self.b
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _path(settings: Settings) -> Path:
    return settings.classifier_file("calibration.json", CALIBRATION_RESOURCE)


def _load(loaded: Resources) -> ConfidenceMap | None:
    path = _path(loaded.settings)
    if not loaded.settings.eventness or not path.is_file():
        return None
    data = json.loads(path.read_text("utf-8"))
    return ConfidenceMap(float(data["a"]), float(data["b"]))


#: The confidence map (None: confidences are left as they are).
CONFIDENCE_MAP = declare_resource(
    "confidence_map", _load, lambda s: file_digest(_path(s)) if s.eventness else "off"
)


@stage("calibrate", requires=("events",), provides=("events",))
def calibrate(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Map each event's confidence to the calibrated probability that it is a real event of its type."""
    mapping = current().get(CONFIDENCE_MAP)
    if mapping is None or not analyzed.events:
        return analyzed
    events = tuple(replace(e, confidence=round(mapping(e.confidence), 3)) for e in analyzed.events)
    return replace(analyzed, events=events)
