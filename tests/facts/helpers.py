"""Hand-built event candidates over parsed test text (the classify stage is not needed)."""

from __future__ import annotations

from builders import candidate_at, with_candidates
from conflictscope.document import AnalyzedArticle
from conflictscope.models import EventCandidate

__all__ = ["candidate", "with_candidates"]


def candidate(
    analyzed: AnalyzedArticle,
    trigger: str,
    *,
    nth: int = 0,
    event_type: str = "Battles",
    sub_event_type: str = "Armed clash",
    confidence: float = 0.8,
) -> EventCandidate:
    """A candidate whose trigger is the ``nth`` occurrence of ``trigger`` in the text."""
    return candidate_at(analyzed, trigger, event_type=event_type, sub_event_type=sub_event_type,
                        confidence=confidence, occurrence=nth)
