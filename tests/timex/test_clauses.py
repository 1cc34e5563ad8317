"""Event dating on parsed sentences: reporting dates, clause attachment, ages, coreference."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from builders import dated_candidates
from conflictscope.document import AnalyzedArticle
from conflictscope.models import Span
from conflictscope.timex import find_timexes
from conflictscope.timex.clauses import clause_roles

_dated = dated_candidates


@pytest.mark.parametrize(
    ("text", "word", "day", "stated"),
    [
        # the reporting verb's date is not the event's: at most its latest day
        ("Gunmen abducted two teachers in the north, police said on Thursday.", "abducted", "2016-12-08", False),
        ("The governor confirmed on Friday that soldiers had shot a lawyer.", "shot", "2016-12-09", False),
        ("Rebels shelled the market, the monitor told reporters Saturday.", "shelled", "2016-12-10", False),
        # a date the parse hangs on the trigger still wins, reporting date or not
        ("Gunmen abducted two teachers on Tuesday, police said on Thursday.", "abducted", "2016-12-06", True),
        ("Police said on Friday that they arrested the journalist on Wednesday.", "arrested", "2016-12-07", True),
        # when the reporting verb is the event (a statement), its date is the event's
        ("The minister announced the ban on Friday.", "announced", "2016-12-09", True),
        # conjoined verbs share the date
        ("Gunmen stormed the school on Friday and killed two guards.", "killed", "2016-12-09", True),
    ],
)
def test_reporting_dates_are_not_event_dates(
    parse: Callable[..., AnalyzedArticle], text: str, word: str, day: str, stated: bool
) -> None:
    time = _dated(parse, text, [(word, 0)])[0].time
    assert time is not None
    assert (time.event_date.isoformat(), time.stated) == (day, stated)


@pytest.mark.parametrize(
    ("text", "triggers", "sub", "days"),
    [
        # an undated lead mention takes the date of a later dated mention of the same event
        (
            "The activist, who was arrested during the strike, has been freed on bail.\n\n"
            "She was arrested on 3 November at a factory gate.",
            [("arrested", 0), ("arrested", 1)], "Arrests", ["2016-11-03", "2016-11-03"],
        ),
        # and an undated follow-up takes the earlier one's
        (
            "Soldiers detained a reporter on 2 December.\n\nThe detention drew protests.",
            [("detained", 0), ("detention", 0)], "Arrests", ["2016-12-02", "2016-12-02"],
        ),
    ],
)
def test_undated_mentions_take_the_date_of_the_same_event(
    parse: Callable[..., AnalyzedArticle], text: str, triggers: list[tuple[str, int]], sub: str,
    days: list[str],
) -> None:
    candidates = _dated(parse, text, triggers, sub)
    assert [c.time.event_date.isoformat() for c in candidates if c.time] == days


@pytest.mark.parametrize(
    "text",
    [
        "Ali Hassan, 37, and Omar Said, 42, were charged with the attack.",
        "The 30 students were held for 12 hours.",
    ],
)
def test_bare_numbers_are_not_dates(text: str) -> None:
    entities = [(text.index(n), text.index(n) + len(n), "DATE") for n in ("37", "42", "30") if n in text]
    found = find_timexes(text, None, entities=entities)
    assert all(not t.text.strip().isdigit() for t in found)


def test_roles_without_parse_use_the_surface(parse: Callable[..., AnalyzedArticle]) -> None:
    text = "Two activists were beaten, the group said on Monday."
    timexes = find_timexes(text, None)
    trigger = Span(text.index("beaten"), text.index("beaten") + 6, "beaten")
    roles = clause_roles(text, 0, None, trigger, timexes)
    assert [t.text for t in roles.reporting] == ["Monday"]
    assert not roles.attached and not roles.other
