"""A clause that spreads its action over a whole year and several places is a tally, no event."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from conflictscope.document import AnalyzedArticle


@pytest.mark.parametrize(
    "text",
    [
        # regression: each became an abduction "event" dated mid-year at the first state named
        "In 2018, expatriates were kidnapped in Kaduna, Sokoto and Zamfara states, according to police records.",
        "Last year, gunmen abducted aid workers in Ituri, North Kivu and Tanganyika.",
    ],
)
def test_a_years_occurrences_over_several_places_are_no_event(
        analyze: Callable[..., AnalyzedArticle], text: str) -> None:
    analyzed = analyze(text, published="2024-06-20")
    assert analyzed.events == (), [(e.sub_event_type, e.location, e.event_date) for e in analyzed.events]


@pytest.mark.parametrize(
    ("text", "when"),
    [
        # one place, a year: one occurrence ("the 2008 kidnapping ...")
        ("The 2008 kidnapping of two journalists near Mogadishu ended after 15 months.", date(2008, 7, 1)),
        # several places, a day: events (one per place)
        ("On 3 March 2024, gunmen abducted aid workers in Kaduna and Sokoto.", date(2024, 3, 3)),
    ],
)
def test_a_year_at_one_place_or_a_day_at_several_stays_an_event(
        analyze: Callable[..., AnalyzedArticle], text: str, when: date) -> None:
    events = analyze(text, published="2024-06-20").events
    assert events and events[0].event_date == when, [(e.sub_event_type, e.event_date) for e in events]
