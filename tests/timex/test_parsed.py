"""The dates stage on spaCy-parsed sentences: syntactic attachment and the whole pipeline."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from builders import candidate_at
from conflictscope.document import AnalyzedArticle
from conflictscope.models import EventCandidate
from conflictscope.pipeline.dates import dates


def _candidate(analyzed: AnalyzedArticle, word: str) -> EventCandidate:
    return candidate_at(analyzed, word, confidence=0.8)


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
