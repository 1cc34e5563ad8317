"""dateparser as a fallback normaliser, cached per (expression, base date).

Used for spans that spaCy tagged DATE but no rule read. dateparser is never
asked to *find* dates (``search_dates`` is slow and noisy); it only normalises a
given span. Without a base date only expressions that carry their own year are
accepted, so nothing depends on the day the program runs.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import Any

import regex as re

from conflictscope.timex.values import (
    Interval,
    day_interval,
    month_interval,
    week_interval,
    year_interval,
)

_FIXED_BASE = datetime(2000, 1, 1)
_HAS_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
_WORDY = re.compile(r"[A-Za-z0-9]")
#: Years a reading may fall in: a number dateparser reads as a far year is something else.
_PLAUSIBLE_YEARS = (1500, 2099)


@lru_cache(maxsize=4)
def _parser(base: datetime) -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "past",
            "RETURN_TIME_AS_PERIOD": True,
            "STRICT_PARSING": False,
        },
    )


@lru_cache(maxsize=8192)
def dateparser_interval(expression: str, base: date | None) -> Interval | None:
    """The interval dateparser reads in ``expression`` against ``base`` (None if it cannot)."""
    text = " ".join(expression.split())
    if not text or len(text) > 60 or not _WORDY.search(text):
        return None
    if base is None and not _HAS_YEAR.search(text):
        return None
    anchor = datetime(base.year, base.month, base.day) if base else _FIXED_BASE
    try:
        data = _parser(anchor).get_date_data(text)
    except Exception:  # dateparser raises odd errors on odd input; a fallback never fails
        return None
    found = data.date_obj if data else None
    if found is None:
        return None
    day = found.date()
    if not _PLAUSIBLE_YEARS[0] <= day.year <= _PLAUSIBLE_YEARS[1]:
        return None  # "on 2850 Brewer Avenue": a house number, not a year
    period = data.period or "day"
    if period == "month":
        return month_interval(day.year, day.month)
    if period == "year":
        return year_interval(day.year)
    if period == "week":
        return week_interval(day)
    return day_interval(day)


def clear_cache() -> None:
    """Forget cached dateparser results (for tests and long-running processes)."""
    dateparser_interval.cache_clear()
