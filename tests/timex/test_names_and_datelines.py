"""A month inside a name is no date; a dateline's date is not the date its first sentence states."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from conflictscope.document import AnalyzedArticle
from conflictscope.timex import find_timexes


@pytest.mark.parametrize(
    "text",
    [
        "The Women's March drew large crowds.",
        "Students joined the March for Our Lives in the capital.",
        "He spoke at the anniversary of the March on Washington.",
    ],
)
def test_a_month_inside_a_name_is_no_date(text: str) -> None:
    assert [t.text for t in find_timexes(text, date(2024, 6, 10))] == []


def test_a_month_in_a_range_is_still_a_date() -> None:
    found = [t.text for t in find_timexes("Police held him from December to February 2021.", date(2021, 6, 1))]
    assert any("December" in t for t in found), found


def test_the_dateline_date_does_not_date_the_first_sentence(analyze: Callable[..., AnalyzedArticle]) -> None:
    # regression: "DAMASCUS, March 3 - ... on Friday" took March 3, the filing date, not Friday (March 1)
    text = "DAMASCUS, March 3 (Reuters) - Government shelling killed five people in Douma on Friday, activists said."
    events = analyze(text, published="2024-03-03").events
    assert events and events[0].event_date == date(2024, 3, 1), [(e.event_date, e.date_start) for e in events]


def test_a_dateline_ended_by_a_colon_is_a_dateline(analyze: Callable[..., AnalyzedArticle]) -> None:
    # regression: "Quetta, March 14: ..." (a dateline style of South Asian outlets) was read as the
    # lead's own date, and the body's "on Wednesday evening" made a second row of the same blast
    text = ("Quetta, March 14: Four soldiers were killed in a roadside bomb blast in Pakistan's Balochistan "
            "province, officials said.\n\nThe bomb, planted by the roadside in the Turbat area, exploded on "
            "Wednesday evening as a military vehicle passed, a security official said.")
    events = analyze(text, published="2024-03-14").events
    assert [(e.sub_event_type, e.event_date) for e in events] == [
        ("Remote explosive/landmine/IED", date(2024, 3, 13))], [(e.event_date, e.location) for e in events]
