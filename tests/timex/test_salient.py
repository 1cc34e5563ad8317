"""The article's salient day (rule 8): the day an otherwise undated event is given."""

from __future__ import annotations

from datetime import date

import pytest

from conflictscope.pipeline.nlp import split_sentences
from conflictscope.timex import analyze_times
from conflictscope.timex.salient import salient_day

PUBLISHED = date(2021, 6, 14)  # a Monday


def _salient(text: str, published: date | None = PUBLISHED) -> str | None:
    bounds = split_sentences(text)
    times = analyze_times(text, published, sentences=bounds)
    day = salient_day(text, bounds, times.timexes, times.base, dateline=times.dateline)
    return None if day is None or day.interval is None else day.interval.start.isoformat()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the day of the arrest, then undated sentences about it
        ("The activist was arrested on 3 June in the capital. He was beaten in custody.", "2021-06-03"),
        # a day written in full (a follow-up's event) beats an earlier relative day (its news)
        ("Police on Friday arrested two men over the murder. The unionist was attacked on "
         "February 9, 2020 near his home.", "2020-02-09"),
        ("Police on Friday arrested two men over the murder. The unionist was attacked on "
         "9 February near his home.", "2021-06-11"),
        # a day in a sentence with no event word is passed over
        ("The festival opened on 1 June. Gunmen attacked a lawyer on Friday.", "2021-06-11"),
        # a reporting day is not the event's day
        ("Police said on Sunday that a journalist had been shot.", None),
        ("In a statement on 12 June, the group condemned the killing of a teacher on 9 June.", "2021-06-09"),
        # the date of an embedded post is not the event's
        ("Protesters detained — Jane Roe (@janeroe) June 13, 2021. They were detained on Saturday.",
         "2021-06-12"),
        # a photo caption shows an archive scene: its day is no event's
        ("Pictured, riot police disperse protesters near the harbour on July 1, 2019.\n\n"
         "The activists were arrested while trying to flee on Friday.", "2021-06-11"),
        # future days and bare months are not salient days
        ("The union will strike on 20 June over the assault in May.", None),
        # nothing at all
        ("", None),
        ("Un journaliste a été arrêté hier.", None),
    ],
)
def test_salient_day(text: str, expected: str | None) -> None:
    assert _salient(text) == expected


def test_no_publication_date_keeps_absolute_days() -> None:
    assert _salient("A reporter was abducted on 2 March 2019.", None) == "2019-03-02"
