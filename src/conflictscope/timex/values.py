"""TIMEX3 values, calendar intervals and the ACLED/UCDP precision codes.

A resolved time expression is an interval ``[start, end]`` (both days inclusive)
with a granularity (day, week, month, quarter, season, year, decade). This module
turns such intervals into TIMEX3 value strings (``2016-12-11``, ``2016-W49``,
``2016-03``, ``2016-Q1``, ``2016-SU``, ``2016``, ``201``) and into the precision codes
of ACLED (``time_precision`` 1 day, 2 week, 3 month) and UCDP (``date_prec`` 1 day,
2 two to six days, 3 week, 4 month, 5 year).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

#: Granularities from finest to coarsest.
GRANULARITIES = ("day", "week", "month", "quarter", "season", "year", "decade")

_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed range of days with the granularity it was stated at."""

    start: date
    end: date
    granularity: str = "day"
    value: str = ""

    @property
    def days(self) -> int:
        """Number of days covered (1 for a single day)."""
        return (self.end - self.start).days + 1


def safe_date(year: int, month: int, day: int) -> date | None:
    """``date(year, month, day)`` or None when it does not exist (31 February, year 0)."""
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def shift(day: date, *, days: int = 0, months: int = 0, years: int = 0) -> date | None:
    """``day`` moved by whole units; the day of month is clamped (31 Mar - 1 month = 29 Feb)."""
    try:
        total = day.year * 12 + (day.month - 1) + months + years * 12
        year, month = divmod(total, 12)
        month += 1
        last = calendar.monthrange(year, month)[1]
        return date(year, month, min(day.day, last)) + timedelta(days=days)
    except (ValueError, OverflowError):
        return None


def day_interval(day: date) -> Interval:
    """A single day: value ``YYYY-MM-DD``."""
    return Interval(day, day, "day", day.isoformat())


def week_interval(day: date) -> Interval:
    """The ISO week (Monday to Sunday) holding ``day``: value ``YYYY-Www``."""
    monday = day - timedelta(days=day.weekday())
    year, week, _ = day.isocalendar()
    return Interval(monday, monday + timedelta(days=6), "week", f"{year}-W{week:02d}")


def weekend_interval(day: date) -> Interval:
    """The weekend (Saturday, Sunday) of the ISO week holding ``day``: ``YYYY-Www-WE``."""
    week = week_interval(day)
    return Interval(week.start + timedelta(days=5), week.end, "week", f"{week.value}-WE")


def month_interval(year: int, month: int) -> Interval | None:
    """A calendar month: value ``YYYY-MM``."""
    first = safe_date(year, month, 1)
    if first is None:
        return None
    last = date(year, month, calendar.monthrange(year, month)[1])
    return Interval(first, last, "month", f"{year:04d}-{month:02d}")


def quarter_interval(year: int, quarter: int) -> Interval | None:
    """A calendar quarter: value ``YYYY-Qn``."""
    if not 1 <= quarter <= 4:
        return None
    first = safe_date(year, 3 * quarter - 2, 1)
    end_month = month_interval(year, 3 * quarter)
    if first is None or end_month is None:
        return None
    return Interval(first, end_month.end, "quarter", f"{year:04d}-Q{quarter}")


def season_interval(year: int, season: str) -> Interval | None:
    """A northern-hemisphere season: value ``YYYY-SP|SU|FA|WI`` (winter runs into next year)."""
    first_month, last_month = _SEASONS[season]
    first = month_interval(year, first_month)
    last = month_interval(year + 1 if last_month < first_month else year, last_month)
    if first is None or last is None:
        return None
    return Interval(first.start, last.end, "season", f"{year:04d}-{season}")


def year_interval(year: int) -> Interval | None:
    """A calendar year: value ``YYYY``."""
    first, last = safe_date(year, 1, 1), safe_date(year, 12, 31)
    if first is None or last is None:
        return None
    return Interval(first, last, "year", f"{year:04d}")


def decade_interval(decade_start: int) -> Interval | None:
    """A decade such as the 1990s: value ``199``."""
    first, last = safe_date(decade_start, 1, 1), safe_date(decade_start + 9, 12, 31)
    if first is None or last is None:
        return None
    return Interval(first, last, "decade", f"{decade_start // 10:03d}")


def span_interval(start: date, end: date) -> Interval:
    """An arbitrary range of days (a campaign, "between 3 and 5 March")."""
    if end < start:
        start, end = end, start
    if start == end:
        return day_interval(start)
    return Interval(start, end, "range", f"{start.isoformat()}/{end.isoformat()}")


def acled_precision(interval: Interval) -> int:
    """ACLED ``time_precision``: 1 a day, 2 a week or less, 3 longer."""
    if interval.days <= 1:
        return 1
    return 2 if interval.days <= 7 else 3


def ucdp_precision(interval: Interval) -> int:
    """UCDP ``date_prec``: 1 day, 2 two-to-six days, 3 week, 4 month, 5 year (or longer)."""
    days = interval.days
    if days <= 1:
        return 1
    if days <= 6:
        return 2
    if days <= 8:
        return 3
    return 4 if days <= 31 else 5


def representative_day(interval: Interval, published: date | None) -> date:
    """The single day that stands for an interval (ACLED's ``event_date``).

    A day is itself; a week, month or longer is its middle, never after the
    publication date when the interval contains it; a range (campaign) is its end.
    """
    if interval.granularity in ("day", "range"):
        day = interval.end
    else:
        day = interval.start + timedelta(days=(interval.days - 1) // 2)
    if published is not None and interval.start <= published < day:
        day = published
    return day


def duration_value(amount: float | None, unit: str) -> str:
    """ISO-8601 duration: ``P3D``, ``P10M``, ``PT12H``; unknown amount gives ``PXM``."""
    code = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE",
            "century": "CE", "hour": "H", "minute": "M", "second": "S"}[unit]
    if unit == "decade" and amount is not None:
        amount, code = amount * 10, "Y"
    if unit == "century" and amount is not None:
        amount, code = amount * 100, "Y"
    number = "X" if amount is None else (str(int(amount)) if float(amount).is_integer() else str(amount))
    prefix = "PT" if unit in ("hour", "minute", "second") else "P"
    return f"{prefix}{number}{code}"
