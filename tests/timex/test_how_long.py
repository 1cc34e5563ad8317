"""Expressions that say how long or when a report appeared do not date an event.

* "held a week for ransom": a duration tells how long, so the day stated elsewhere
  for the same event dates it ("kidnapped on 1 December");
* "the past two months" is a period up to now and still dates what happened in it;
* "a 5 December report", "in a 6 December statement": the day of a publication.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest

from conflictscope.models import EventCandidate
from conflictscope.pipeline.base import AnalyzedArticle
from conflictscope.pipeline.dates import dates
from conflictscope.timex import find_timexes
from conflictscope.timex.clauses import dates_publication

ABDUCTION = {"event_type": "Violence against civilians", "sub_event_type": "Abduction/forced disappearance"}


@pytest.mark.parametrize(
    ("text", "trigger", "occurrence", "expected", "stated"),
    [
        # a bare duration does not date the event; the day of another mention does
        ("A trader who was abducted near the market and held a week for ransom was freed, police said. "
         "He was kidnapped on 1 December by a gang.", "abducted", 0, date(2016, 12, 1), True),
        ("Two reporters were abducted and held for five days.", "abducted", 0, date(2016, 12, 11), False),
        # a period up to now is a date
        ("Over the past two weeks, gunmen abducted nine farmers.", "abducted", 0, date(2016, 12, 11), True),
        # the day of a report is not the day of the event
        # (at most its latest possible day)
        ("A 5 December report said gunmen abducted nine farmers.", "abducted", 0, date(2016, 12, 5), False),
    ],
)
def test_event_date(
    parse: Callable[..., AnalyzedArticle], candidate_at: Callable[..., EventCandidate],
    text: str, trigger: str, occurrence: int, expected: date, stated: bool,
) -> None:
    analyzed = parse(text, "2016-12-11")
    triggers = [trigger, "kidnapped"] if "kidnapped" in text else [trigger]
    candidates = tuple(candidate_at(analyzed, word, **ABDUCTION) for word in triggers)
    dated = dates(replace(analyzed, candidates=candidates)).candidates[occurrence]
    assert dated.time is not None
    assert (dated.time.event_date, dated.time.stated) == (expected, stated)


@pytest.mark.parametrize(
    ("text", "expression", "publication"),
    [
        ("A May 23 report by the group listed the killings.", "May 23", True),
        ("In a Dec. 12 statement, the ministry denied it.", "Dec. 12", True),
        ("Its 2 December annual report counted 40 arrests.", "2 December", True),
        ("Police beat protesters on Monday, video showed.", "Monday", False),
        ("Gunmen killed two farmers on 3 May.", "3 May", False),
    ],
)
def test_dates_publication(text: str, expression: str, publication: bool) -> None:
    timex = next(t for t in find_timexes(text, date(2016, 12, 11)) if t.text == expression)
    assert dates_publication(text, timex) is publication
