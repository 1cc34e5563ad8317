"""Hand-built event candidates over parsed test text (the classify stage is not needed)."""

from __future__ import annotations

from dataclasses import replace

from conflictscope.models import EventCandidate, Span
from conflictscope.pipeline.base import AnalyzedArticle


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
    text = analyzed.text
    start = -1
    for _ in range(nth + 1):
        start = text.index(trigger, start + 1)
    sentence = analyzed.sentence_at(start)
    assert sentence is not None
    return EventCandidate(
        sentence=Span(sentence.start, sentence.end, sentence.text),
        trigger=Span(start, start + len(trigger), trigger),
        event_type=event_type,
        sub_event_type=sub_event_type,
        confidence=confidence,
    )


def with_candidates(analyzed: AnalyzedArticle, *candidates: EventCandidate) -> AnalyzedArticle:
    """The article with these candidates."""
    return replace(analyzed, candidates=tuple(candidates))
