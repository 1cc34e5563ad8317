""""N units after <an event the report names>": dated from that event, never from publication."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from builders import candidate_at, with_candidates
from conflictscope.document import AnalyzedArticle
from conflictscope.models import EventCandidate, EventTime, Span
from conflictscope.pipeline.dates import dates
from conflictscope.taxonomy import EVENT_TYPE_OF
from conflictscope.timex import find_timexes
from conflictscope.timex.event_anchor import event_after, moved_by


def _dated(parse: Callable[..., AnalyzedArticle], text: str,
           triggers: list[tuple[str, int, str]]) -> tuple[EventCandidate, ...]:
    """Candidates at ``(word, nth, sub-event type)``, through the dates stage (published 2016-12-11)."""
    analyzed = parse(text, "2016-12-11")
    made = [candidate_at(analyzed, word, event_type=EVENT_TYPE_OF[sub], sub_event_type=sub, occurrence=nth)
            for word, nth, sub in triggers]
    return dates(with_candidates(analyzed, *made)).candidates


def _day(candidate: EventCandidate) -> str:
    assert candidate.time is not None
    return candidate.time.event_date.isoformat()


def test_nine_days_after_the_abduction_is_not_nine_days_before_publication(
    parse: Callable[..., AnalyzedArticle],
) -> None:
    # was dated 2016-12-02 (nine days before publication), as a day
    text = ("The reporter was abducted in Karachi on January 23, 2002.\n\n"
            "Nine days after the abduction the militants beheaded him.")
    abducted, beheaded = _dated(parse, text, [("abducted", 0, "Abduction/forced disappearance"),
                                              ("beheaded", 0, "Attack")])
    assert _day(abducted) == "2002-01-23"
    assert _day(beheaded) == "2002-02-01"
    assert [s.text for s in beheaded.evidence["event_date"]] == ["Nine days", "January 23, 2002"]


def test_a_day_after_his_arrest_is_the_arrest_day_plus_one(parse: Callable[..., AnalyzedArticle]) -> None:
    text = ("Pastor Zhao was arrested on April 2 in Hunan.\n\n"
            "A day after his arrest, police officers raided the church and confiscated 480 books.")
    arrested, arrest, raided = _dated(parse, text, [("arrested", 0, "Arrests"), ("arrest", 1, "Arrests"),
                                                    ("raided", 0, "Looting/property destruction")])
    assert (_day(arrested), _day(arrest), _day(raided)) == ("2016-04-02", "2016-04-02", "2016-04-03")


def test_after_an_event_the_report_does_not_date(parse: Callable[..., AnalyzedArticle]) -> None:
    # no dated abduction: the duration says nothing of when; the clause is not a stated day
    text = "Nine days after the abduction the militants beheaded him."
    (beheaded,) = _dated(parse, text, [("beheaded", 0, "Attack")])
    assert beheaded.time is not None
    assert not (beheaded.time.stated and beheaded.time.event_date == date(2016, 12, 2))


def test_a_day_before_the_sentence_day_still_dates_the_named_event(parse: Callable[..., AnalyzedArticle]) -> None:
    # the sentence's own day is the reference: unchanged behaviour
    text = "He was released on Friday, two days after his arrest."
    (arrest,) = _dated(parse, text, [("arrest", 0, "Arrests")])
    assert _day(arrest) == "2016-12-07"


@pytest.mark.parametrize(
    ("text", "word", "noun", "inside"),
    [
        ("Nine days after the abduction the militants beheaded him.", "beheaded", "abduction", False),
        ("Police searched the house a day after his arrest.", "searched", "arrest", False),
        ("Police searched the house a day after his arrest.", "arrest", "arrest", True),
        ("Four years after the attack on Chibok, the insurgents raided Dapchi.", "raided", "attack", False),
    ],
)
def test_event_after(text: str, word: str, noun: str, inside: bool) -> None:
    start = text.index(word)
    found = event_after(text, Span(start, start + len(word), word), find_timexes(text, date(2016, 12, 11)))
    assert found is not None
    assert (found.named.text, found.inside) == (noun, inside)


@pytest.mark.parametrize(
    "text", ["Two days after the election, police arrested him.", "He was arrested two days later.",
             "Two days after he was freed, police arrested him."],
)
def test_no_named_event(text: str) -> None:
    start = text.index("arrested")
    assert event_after(text, Span(start, start + 8, "arrested"), find_timexes(text, date(2016, 12, 11))) is None


def test_a_finer_unit_moves_a_coarse_anchor_as_a_span() -> None:
    january = EventTime(date(2002, 1, 16), date(2002, 1, 1), date(2002, 1, 31), 3, 4)
    (nine_days,) = find_timexes("Nine days after", date(2016, 12, 11))
    moved = moved_by(january, nine_days, date(2016, 12, 11))
    assert moved is not None and (moved.start, moved.end) == (date(2002, 1, 10), date(2002, 2, 9))
    assert moved_by(january, nine_days, date(2002, 1, 5)) is None  # would pass publication


def test_a_headline_a_day_after_the_violence_is_the_next_day(parse: Callable[..., AnalyzedArticle]) -> None:
    # the headline took the date of the crackdown it follows (the day before its own)
    text = ("Police clamp down on protesters in Yangon, a day after worst post-coup violence.\n\n"
            "Protesters rallied again in defiance of a crackdown that killed 18 people on 10 December.")
    clamp, crackdown = _dated(parse, text, [("clamp", 0, "Excessive force against protesters"),
                                            ("crackdown", 0, "Excessive force against protesters")])
    assert (_day(crackdown), _day(clamp)) == ("2016-12-10", "2016-12-11")


def test_an_arrest_told_by_its_release_began_the_time_served_before(parse: Callable[..., AnalyzedArticle]) -> None:
    # was dated by "yesterday", the day of the release
    text = "The editor was released on bail yesterday after spending five months in detention."
    (detention,) = _dated(parse, text, [("detention", 0, "Arrests")])
    assert detention.time is not None
    assert (detention.time.date_start.isoformat(), detention.time.date_end.isoformat()) == ("2016-07-01", "2016-07-31")
    assert [s.text for s in detention.evidence["event_date"]] == ["five months", "yesterday"]


@pytest.mark.parametrize(
    ("text", "served"),
    [
        ("He was freed on Monday after serving 22 years in jail.", "22 years"),
        ("She was released last week after three days behind bars.", "three days"),
        ("He was released on Monday, five months after his arrest.", None),
        ("He spent five months in detention before his trial.", None),
    ],
)
def test_time_served(text: str, served: str | None) -> None:
    from conflictscope.timex.event_anchor import time_served

    found = time_served(text, (0, len(text)), find_timexes(text, date(2016, 12, 11)))
    assert (found.text if found else None) == served


def test_an_arrest_after_a_detention_began_when_the_detention_did(parse: Callable[..., AnalyzedArticle]) -> None:
    # was dated 2 April, the formal arrest of a man held since 14 March
    text = "The pastor was arrested on April 2 in Hunan, after being criminally detained since March 14."
    (arrested,) = _dated(parse, text, [("arrested", 0, "Arrests")])
    assert _day(arrested) == "2016-03-14"
    assert [s.text for s in arrested.evidence["event_date"]] == ["March 14"]


@pytest.mark.parametrize(
    ("text", "since"),
    [
        ("He was charged on Monday after having been held since 3 May.", "3 May"),
        ("He was arrested on April 2 after being detained since March 14.", "March 14"),
        ("He has been detained since March 14.", None),  # the arrest itself, dated by the clause
        ("Protests have continued since March 14.", None),
    ],
)
def test_held_since(text: str, since: str | None) -> None:
    from conflictscope.timex.event_anchor import held_since

    found = held_since(text, (0, len(text)), find_timexes(text, date(2016, 12, 11)))
    assert (found.text if found else None) == since
