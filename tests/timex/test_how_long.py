"""A bare duration says how long, not when.

* "held a week for ransom": the day stated elsewhere for the same event dates it
  ("kidnapped on 1 December");
* "the past two months", "a three-day campaign" are periods and still date what
  happened in them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest

from conflictscope.document import AnalyzedArticle
from conflictscope.models import EventCandidate
from conflictscope.pipeline.dates import dates

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
        ("Gunmen abducted nine farmers in a three-day raid.", "abducted", 0, date(2016, 12, 11), True),
        # "a fortnight or so later" counts from another event: not a how-long
        ("Gunmen abducted the pastor a fortnight or so later.", "abducted", 0, date(2016, 12, 11), True),
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
    ("text", "trigger", "expected", "stated"),
    [
        # a month of a report is the latest possible month of what it reports; a later
        # salient day does not move the event past it
        ("A newspaper reported in November that two men had been tortured by police. "
         "On 9 December, police detained a lawyer.", "tortured", date(2016, 11, 30), False),
        # a reporting day bounds it the same way
        ("Gunmen abducted two teachers, police said on Tuesday 6 December. "
         "On 9 December, soldiers detained a lawyer.", "abducted", date(2016, 12, 6), False),
        # without a report, the salient day dates it
        ("Two men were tortured by police. On 9 December, police detained a lawyer.", "tortured",
         date(2016, 12, 9), True),
    ],
)
def test_a_report_bounds_the_event(
    parse: Callable[..., AnalyzedArticle], candidate_at: Callable[..., EventCandidate],
    text: str, trigger: str, expected: date, stated: bool,
) -> None:
    analyzed = parse(text, "2016-12-11")
    candidates = (candidate_at(analyzed, trigger, **ABDUCTION), candidate_at(analyzed, "detained",
                  event_type="Strategic developments", sub_event_type="Arrests"))
    dated = dates(replace(analyzed, candidates=candidates)).candidates[0]
    assert dated.time is not None
    assert (dated.time.event_date, dated.time.stated) == (expected, stated)
