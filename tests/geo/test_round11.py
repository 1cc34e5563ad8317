"""Round 11: a place acted on in the passive is said outright; a life story places no event."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from conflictscope.gazetteer.index import Gazetteer
from conflictscope.models import EventCandidate
from conflictscope.pipeline.base import AnalyzedArticle
from conflictscope.pipeline.places import main_place, places

_SYRIA_REPORT = "Fighting raged across Syria on Sunday, with battles in Aleppo and in Homs.\n\n"


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        # the subject of a passive act of force is where it happened, even abroad
        ("In a separate raid, Mosul was stormed by gunmen on Monday.", "stormed", "Mosul"),
        ("In a separate raid, Mosul had been stormed by gunmen on Monday.", "stormed", "Mosul"),
        # a place abroad that is not acted on still defers to the report's main place (Homs)
        ("In a separate raid, Mosul residents said gunmen stormed a checkpoint.", "stormed", "Homs"),
    ],
)
def test_a_place_acted_on_in_the_passive_is_said_outright(
        candidate_at: Callable[..., EventCandidate], parse: Callable[..., AnalyzedArticle],
        use_tiny: Gazetteer, sentence: str, trigger: str, expected: str) -> None:
    analyzed = parse(_SYRIA_REPORT + "Rebels attacked Aleppo again.\n\n" + sentence)
    candidate = candidate_at(analyzed, trigger, event_type="Battles", sub_event_type="Armed clash")
    (event,) = places(replace(analyzed, candidates=(candidate,))).candidates
    assert event.place is not None and event.place.place.name == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # where the victim was born or raised is no place of the abduction
        ("A journalist raised in Homs was abducted on Sunday.", "Aleppo"),
        ("A journalist, born and raised in Homs, was abducted on Sunday.", "Aleppo"),
        ("A journalist who grew up in Homs was abducted on Sunday.", "Aleppo"),
        # where it happened is
        ("A journalist was abducted in Homs on Sunday.", "Homs"),
    ],
)
def test_where_someone_was_born_or_raised_does_not_place_the_event(
        candidate_at: Callable[..., EventCandidate], parse: Callable[..., AnalyzedArticle],
        use_tiny: Gazetteer, sentence: str, expected: str) -> None:
    analyzed = parse("Gunmen abducted an aid worker in Aleppo, the third kidnapping in Aleppo this month."
                     f"\n\n{sentence}")
    candidate = candidate_at(analyzed, "abducted", event_type="Violence against civilians",
                             sub_event_type="Abduction/forced disappearance", occurrence=1)
    (event,) = places(replace(analyzed, candidates=(candidate,))).candidates
    assert event.place is not None and event.place.place.name == expected


def test_a_life_story_counts_less_in_the_reports_main_place(
        parse: Callable[..., AnalyzedArticle], use_tiny: Gazetteer) -> None:
    analyzed = places(parse("A journalist, raised in Homs, was abducted near Mosul on Sunday.\n\n"
                            "The journalist had grown up in Homs before moving abroad."))
    found = main_place(analyzed)
    assert found is not None and found.place.name == "Mosul"
