"""The recogniser's working record: a time expression with its resolution."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from conflictscope.models import Span, TimeExpression
from conflictscope.timex.values import Interval


@dataclass(frozen=True, slots=True)
class Timex:
    """A recognised time expression (offsets into the text it was found in).

    ``kind`` says how it was read: absolute, relative, partial (no year),
    anaphoric (relative to an earlier date), duration, anchored (a duration tied
    to another event by ``signal`` "after"/"before"), ref (PAST_REF, ...), or
    dateparser (the fallback). ``interval`` is the resolved range of days, if any.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    interval: Interval | None = None
    kind: str = "absolute"
    amount: float | None = None
    unit: str | None = None
    signal: str | None = None
    clause_end: int | None = None  # for anchored: end of the clause the signal governs
    source: str = "rule"

    def moved(self, offset: int) -> Timex:
        """The same expression with offsets shifted by ``offset``."""
        clause_end = None if self.clause_end is None else self.clause_end + offset
        return replace(self, start=self.start + offset, end=self.end + offset, clause_end=clause_end)

    def to_expression(self) -> TimeExpression:
        """The public :class:`TimeExpression` record."""
        interval = self.interval
        return TimeExpression(
            span=Span(self.start, self.end, self.text),
            type=self.type,
            value=self.value,
            start=interval.start if interval else None,
            end=interval.end if interval else None,
            granularity=interval.granularity if interval else (self.unit or self.kind),
        )

    @property
    def is_dated(self) -> bool:
        """Whether the expression resolves to days on the calendar."""
        return self.interval is not None


def clamp_interval(interval: Interval, low: date | None, high: date | None) -> Interval:
    """``interval`` cut to ``[low, high]`` (either bound optional), keeping its value."""
    start, end = interval.start, interval.end
    if low is not None and start < low <= end:
        start = low
    if high is not None and start <= high < end:
        end = high
    return replace(interval, start=start, end=end)
