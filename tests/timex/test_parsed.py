"""The dates stage on spaCy-parsed sentences: syntactic attachment and the whole pipeline."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from conflictscope.models import EventCandidate, Span
from conflictscope.pipeline.base import AnalyzedArticle
from conflictscope.pipeline.dates import dates


def _candidate(analyzed: AnalyzedArticle, word: str) -> EventCandidate:
    start = analyzed.text.index(word)
    sentence = analyzed.sentence_at(start)
    assert sentence is not None
    return EventCandidate(
        sentence=Span(sentence.start, sentence.end, sentence.text),
        trigger=Span(start, start + len(word), word),
        event_type="Battles",
        sub_event_type="Armed clash",
        confidence=0.8,
    )


def test_attached_expression_beats_nearer_one(parse: Callable[..., AnalyzedArticle]) -> None:
    text = "Militants who had fled the town in March attacked the checkpoint on Friday."
    analyzed = parse(text, "2016-12-11")
    analyzed = replace(analyzed, candidates=(_candidate(analyzed, "attacked"),))
    time = dates(analyzed).candidates[0].time
    assert time is not None and time.event_date.isoformat() == "2016-12-09"


def test_pipeline_lists_timexes(analyze: Callable[..., AnalyzedArticle]) -> None:
    analyzed = analyze("Gunmen attacked a convoy near Mosul on Saturday, killing four soldiers.", "2016-12-11")
    assert [t.value for t in analyzed.timexes] == ["2016-12-10"]
    for candidate in analyzed.candidates:
        assert candidate.time is not None
