"""Round 13: a place the text says an event happened at holds even abroad."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from conflictscope.gazetteer.index import Gazetteer
from conflictscope.models import EventCandidate
from conflictscope.pipeline.base import AnalyzedArticle
from conflictscope.pipeline.places import places

_SYRIA_REPORT = "Fighting raged across Syria on Sunday, with battles in Aleppo and in Homs.\n\n"


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        # "Khashoggi's murder, which happened in the Saudi consulate in Istanbul" was moved to
        # the report's main place (Riyadh): Turkey was named too seldom to hold an event
        ("He was linked to the engineer's murder, which happened in a hotel in Mosul last year.",
         "murder", "Mosul"),
        ("The kidnapping of the engineer took place in Mosul last year.", "kidnapping", "Mosul"),
        # a place abroad not said to be where it happened still defers to the main place (Homs)
        ("The kidnapping of the engineer, reported by a newspaper in Mosul, shocked his family.",
         "kidnapping", "Homs"),
    ],
)
def test_a_place_where_the_text_says_the_event_happened_holds_abroad(
        candidate_at: Callable[..., EventCandidate], parse: Callable[..., AnalyzedArticle],
        use_tiny: Gazetteer, sentence: str, trigger: str, expected: str) -> None:
    analyzed = parse(_SYRIA_REPORT + "Rebels attacked Homs again.\n\n" + sentence)
    candidate = candidate_at(analyzed, trigger, event_type="Violence against civilians", sub_event_type="Attack")
    (event,) = places(replace(analyzed, candidates=(candidate,))).candidates
    assert event.place is not None and event.place.place.name == expected
