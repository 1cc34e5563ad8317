"""Calendar arithmetic for relative and partial expressions against a base date.

Every function takes the base (the publication date, or the date an anaphoric
expression refers back to) and whether the sentence reads as future, and returns
an :class:`~conflictscope.timex.values.Interval` or None.
"""

from __future__ import annotations

from datetime import date, timedelta

from conflictscope.timex.values import (
    Interval,
    day_interval,
    decade_interval,
    month_interval,
    quarter_interval,
    safe_date,
    season_interval,
    shift,
    span_interval,
    week_interval,
    weekend_interval,
    year_interval,
)

#: A day-and-month date up to this many days after the base is read as upcoming.
UPCOMING_DAYS = 45


def weekday(base: date, target: int, modifier: str = "", future: bool = False) -> Interval:
    """A named weekday: last (strictly before), next (strictly after), this (same week), or bare.

    A bare weekday is the most recent such day up to and including the base, or
    the next one from the base when the sentence speaks of the future.
    """
    delta = (base.weekday() - target) % 7
    if modifier == "last":
        day = base - timedelta(days=delta or 7)
    elif modifier == "next":
        day = base + timedelta(days=(target - base.weekday()) % 7 or 7)
    elif modifier == "this":
        day = base - timedelta(days=base.weekday()) + timedelta(days=target)
    elif future:
        day = base + timedelta(days=(target - base.weekday()) % 7)
    else:
        day = base - timedelta(days=delta)
    return day_interval(day)


def month_of_year(base: date, month: int, modifier: str = "", future: bool = False) -> Interval | None:
    """A month named without a year, placed in the year the modifier or tense implies."""
    year = base.year
    if modifier == "last":
        year = base.year if month < base.month else base.year - 1
    elif modifier == "next":
        year = base.year if month > base.month else base.year + 1
    elif modifier == "this":
        year = base.year
    elif future:
        year = base.year if month >= base.month else base.year + 1
    else:
        year = base.year if month <= base.month else base.year - 1
    return month_interval(year, month)


def month_day(base: date, month: int, day: int, future: bool = False) -> Interval | None:
    """A day and month without a year: this year, or the year before/after by tense."""
    candidate = safe_date(base.year, month, day)
    if candidate is None:
        # 29 February outside a leap year: try the neighbouring year in the right direction
        other = safe_date(base.year + (1 if future else -1), month, day)
        return day_interval(other) if other else None
    if not future and candidate > base + timedelta(days=1):
        previous = safe_date(base.year - 1, month, day)
        # news style omits the year of dates in the current year: a date a few weeks
        # ahead without a year is an upcoming one, not last year's
        if previous is not None and (candidate - base).days > UPCOMING_DAYS:
            candidate = previous
    elif future and candidate < base - timedelta(days=1):
        following = safe_date(base.year + 1, month, day)
        if following is not None:
            candidate = following
    return day_interval(candidate)


def period(base: date, unit: str, modifier: str) -> Interval | None:
    """this/last/next/earlier this/later this + week, weekend, month, quarter, year."""
    step = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1, "following": 1}.get(
        modifier, 0
    )
    if unit == "week":
        interval: Interval | None = week_interval(base + timedelta(days=7 * step))
    elif unit == "weekend":
        interval = weekend_interval(base + timedelta(days=7 * step))
    elif unit == "month":
        moved = shift(base, months=step)
        interval = month_interval(moved.year, moved.month) if moved else None
    elif unit == "quarter":
        moved = shift(base, months=3 * step)
        interval = quarter_interval(moved.year, (moved.month - 1) // 3 + 1) if moved else None
    elif unit == "year":
        interval = year_interval(base.year + step)
    elif unit == "decade":
        interval = decade_interval((base.year // 10 + step) * 10)
    else:
        return None
    if interval is None:
        return None
    if modifier == "earlier":
        end = max(interval.start, base - timedelta(days=1))
        return Interval(interval.start, end, interval.granularity, interval.value)
    if modifier == "later":
        start = min(interval.end, base + timedelta(days=1))
        return Interval(start, interval.end, interval.granularity, interval.value)
    return interval


def quarter_of(base: date, quarter: int, year: int | None, future: bool = False) -> Interval | None:
    """The nth quarter of ``year``, or without a year the latest one (next one if future)."""
    if year is not None:
        return quarter_interval(year, quarter)
    current = (base.month - 1) // 3 + 1
    if future:
        year = base.year if quarter >= current else base.year + 1
    else:
        year = base.year if quarter <= current else base.year - 1
    return quarter_interval(year, quarter)


def season_of(base: date, season: str, year: int | None, modifier: str = "", future: bool = False) -> Interval | None:
    """A season, in ``year`` or placed relative to the base."""
    if year is not None:
        return season_interval(year, season)
    this = season_interval(base.year, season)
    if this is None:
        return None
    if modifier == "last":
        return this if this.end < base else season_interval(base.year - 1, season)
    if not modifier and not future and this.start > base:
        return season_interval(base.year - 1, season)
    if modifier == "next" or (future and this.end < base):
        return season_interval(base.year + 1, season)
    return this


def ago(base: date, amount: float, unit: str) -> Interval | None:
    """"N units ago": a day for days and weeks, a month for months, a year for years."""
    whole = int(amount)
    if unit == "day":
        return day_interval(base - timedelta(days=whole))
    if unit in ("week", "fortnight"):
        return day_interval(base - timedelta(days=7 * whole * (2 if unit == "fortnight" else 1)))
    if unit == "month":
        moved = shift(base, months=-whole) if amount >= 1 else base - timedelta(days=15)
        return month_interval(moved.year, moved.month) if moved else None
    if unit == "year":
        return year_interval(base.year - whole) if whole >= 1 else None
    if unit == "decade":
        return decade_interval((base.year - 10 * whole) // 10 * 10)
    return None


#: Units an anchor of each granularity can be moved by and keep its meaning ("two days after"
#: a day, "a year after" a month; not "nine days after" a month).
MOVABLE_UNITS = {"day": {"day", "week", "fortnight", "month", "year"}, "month": {"month", "year"}, "year": {"year"}}


def offset_day(base: date, amount: float, unit: str, direction: int) -> Interval | None:
    """The base moved ``amount`` units forward (+1) or back (-1), at the unit's granularity."""
    whole = int(amount) * direction
    if unit == "day":
        return day_interval(base + timedelta(days=whole))
    if unit in ("week", "fortnight"):
        return day_interval(base + timedelta(days=whole * (14 if unit == "fortnight" else 7)))
    if unit == "month":
        moved = shift(base, months=whole)
        return month_interval(moved.year, moved.month) if moved else None
    if unit == "year":
        return year_interval(base.year + whole)
    return None


def move_forward(start: date, end: date, granularity: str, amount: float, unit: str,
                 published: date | None) -> Interval | None:
    """The days ``start``-``end`` (stated at ``granularity``) moved ``amount`` units forward.

    A unit the granularity can be moved by (``MOVABLE_UNITS``) gives one interval at the
    unit's granularity; a finer unit moves the whole span ("nine days after" January is
    10 January to 9 February). None when the result would begin after ``published``.
    """
    if unit in MOVABLE_UNITS.get(granularity, set()):
        moved = offset_day(start, amount, unit, 1)
    else:
        first, last = offset_day(start, amount, unit, 1), offset_day(end, amount, unit, 1)
        moved = span_interval(first.start, last.end) if first and last else None
    if moved is None or (published is not None and moved.start > published):
        return None
    return moved


def stretch_back(end: date, amount: float, unit: str) -> Interval | None:
    """The ``amount`` units up to ``end`` ("a three-day campaign" ending on the base)."""
    whole = int(amount)
    if unit == "day":
        start: date | None = end - timedelta(days=whole)
    elif unit in ("week", "fortnight"):
        start = end - timedelta(days=whole * (14 if unit == "fortnight" else 7))
    elif unit == "month":
        start = shift(end, months=-whole)
    elif unit == "year":
        start = shift(end, years=-whole)
    else:
        return None
    return span_interval(start, end) if start else None
