"""Bad input never crashes: impossible dates, odd text, missing publication date, huge numbers."""

from __future__ import annotations

from datetime import date

import pytest

from conflictscope.timex import analyze_times, find_timexes
from conflictscope.timex.fallback import dateparser_interval
from conflictscope.timex.values import (
    Interval,
    acled_precision,
    duration_value,
    representative_day,
    shift,
    ucdp_precision,
    week_interval,
)

BASE = date(2016, 12, 11)


def test_a_house_number_is_not_read_as_a_year() -> None:
    # "a shooting on 2850 Brewer Avenue late Tuesday" was dated 2850
    assert dateparser_interval("2850", date(2013, 5, 29)) is None
    assert dateparser_interval("2850", None) is None


def test_the_fallback_reads_no_day_after_the_report() -> None:
    # "the 28th homicide this year" in a report of 8 July was read as 28 July (spaCy's DATE span,
    # normalised by dateparser); plain dateparser still reads it (the timex evaluation's reference)
    text = "With the 28th homicide this year, the violence goes on."
    span = [(text.index("the 28th"), text.index("the 28th") + len("the 28th"), "DATE")]
    early = analyze_times(text, date(2014, 7, 8), entities=span)
    assert not [t for t in early.timexes if t.source == "dateparser"]
    late = analyze_times(text, date(2014, 7, 30), entities=span)
    assert [t.value for t in late.timexes if t.source == "dateparser"] == ["2014-07-28"]
    assert dateparser_interval("the 28th", date(2014, 7, 8)) is not None


@pytest.mark.parametrize("text", ["a good Samaritan in his 20s was shot", "two men in their early 30s were held"])
def test_an_age_in_decades_is_no_decade(text: str) -> None:
    # "in his 20s" had dated a 2014 shooting to the 2020s
    assert not [t.value for t in analyze_times(text, date(2014, 7, 13)).timexes if t.value.startswith("20")]
    assert [t.value for t in analyze_times("violence of the 1980s", date(2014, 7, 13)).timexes] == ["198"]
    found = dateparser_interval("2012", date(2013, 5, 29))
    assert found is not None and found.value == "2012"
    events_date = analyze_times("One man died in a shooting on 2850 Brewer Avenue late Tuesday.", date(2013, 5, 29))
    assert all(not t.value.startswith("2850") for t in events_date.timexes)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "On 31 February 2016 nothing happened.",
        "On 45 March 2016 nothing happened.",
        "Fighting since 99/99/2016.",
        "The year 0000-00-00 and 9999-12-31.",
        "He waited 99999999999999999999 days ago.",
        "\u202e\u0000\ufeff on Sunday \U0001f4a3 yesterday",
        "Les combats ont repris le 11 décembre 2016 à Alep.",
        "الهجوم وقع يوم الأحد",
        "March" * 2000,
        "last " * 500 + "week",
        "12/11/16 11-12-2016 2016/12/11",
        "On February 29 the town fell.",
    ],
)
def test_odd_text_never_crashes(text: str) -> None:
    for published in (BASE, None, date(1, 1, 1), date(9999, 12, 31)):
        for timex in find_timexes(text, published):
            assert 0 <= timex.start < timex.end <= len(text)
            assert text[timex.start : timex.end] == timex.text


def test_impossible_full_date_is_not_a_day() -> None:
    values = [t.value for t in find_timexes("On 31 February 2016 the town fell.", BASE)]
    assert "2016-02-31" not in values
    assert all(not v.startswith("2016-02-3") for v in values)


def test_february_29_outside_leap_year_goes_to_a_leap_year() -> None:
    found = find_timexes("The town fell on February 29.", date(2017, 3, 10))
    assert [t.value for t in found] == ["2016-02-29"]


def test_missing_publication_date_keeps_absolute_and_leaves_relative_unresolved() -> None:
    found = {t.text: t for t in find_timexes("On 4 May 2015 and yesterday and in March.", None)}
    assert found["4 May 2015"].value == "2015-05-04"
    assert found["yesterday"].interval is None and found["yesterday"].value == "XXXX-XX-XX"
    assert found["March"].value == "XXXX-03"


def test_extreme_publication_dates() -> None:
    early = find_timexes("It happened yesterday, three days ago, in a three-day campaign.", date(1, 1, 1))
    assert all(t.interval is None or t.interval.start.year == 1 for t in early)
    late = find_timexes("It happens tomorrow.", date(9999, 12, 31))
    assert all(t.interval is None or t.interval.end.year == 9999 for t in late)


def test_dateline_is_the_base_without_publication_date() -> None:
    text = "KABUL, Dec. 11, 2016 (Agency) -- A bomb exploded yesterday."
    times = analyze_times(text, None)
    assert times.base == date(2016, 12, 11)
    assert [t.value for t in times.timexes] == ["2016-12-11", "2016-12-10"]


def test_parenthesised_dateline_is_a_dateline() -> None:
    # a rights group's "(City, date) –" opening was read as a date of the lead's event
    text = "(Tunis, December 28, 2019) – The authorities should free a journalist jailed over a tweet."
    times = analyze_times(text, None)
    assert times.dateline is not None and times.dateline.value == "2019-12-28"
    assert times.base == date(2019, 12, 28)


def test_dateparser_fallback_is_cached_and_safe() -> None:
    assert dateparser_interval("", BASE) is None
    assert dateparser_interval("!!!", BASE) is None
    assert dateparser_interval("x" * 500, BASE) is None
    assert dateparser_interval("in March", None) is None  # no base, no year: unresolved
    first = dateparser_interval("3 days ago", BASE)
    assert first is not None and first.value == "2016-12-08"
    assert dateparser_interval("3 days ago", BASE) is first


@pytest.mark.parametrize(
    ("start", "end", "acled", "ucdp"),
    [
        (date(2016, 12, 11), date(2016, 12, 11), 1, 1),
        (date(2016, 12, 8), date(2016, 12, 11), 2, 2),
        (date(2016, 12, 5), date(2016, 12, 11), 2, 3),
        (date(2016, 12, 1), date(2016, 12, 31), 3, 4),
        (date(2016, 1, 1), date(2016, 12, 31), 3, 5),
    ],
)
def test_precision_codes(start: date, end: date, acled: int, ucdp: int) -> None:
    interval = Interval(start, end, "range")
    assert (acled_precision(interval), ucdp_precision(interval)) == (acled, ucdp)


def test_calendar_helpers() -> None:
    assert shift(date(2016, 3, 31), months=-1) == date(2016, 2, 29)
    assert shift(date(9999, 12, 31), days=1) is None
    assert week_interval(BASE).value == "2016-W49"
    assert duration_value(10, "month") == "P10M"
    assert duration_value(None, "year") == "PXY"
    assert duration_value(12, "hour") == "PT12H"
    month = Interval(date(2016, 12, 1), date(2016, 12, 31), "month", "2016-12")
    assert representative_day(month, BASE) == BASE  # never after publication
    assert representative_day(month, None) == date(2016, 12, 16)
