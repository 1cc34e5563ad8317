"""Choose the time expression that dates an event clause, and build its EventTime.

Order of preference for a candidate whose trigger is in sentence S:

1. the trigger lies in the clause an anchored duration governs ("nine months
   after *losing* the city"): a date inside that clause, else the anchor computed
   from the duration;
2. dated expressions of S not inside another anchored clause and not governed
   by a reporting verb ("police said on Monday"): one governed by the trigger's
   verb, else one no verb governs, else another verb's; the nearest of that
   group. "since March" runs to the base, "from X to Y" / "between X and Y" is a
   range;
3. the nearest dated expression of an earlier sentence of the same paragraph;
4. a reporting date of S, or a date of the main clause above a subordinate
   trigger ("released Monday after being *kidnapped*"), as the latest possible
   day, marked ``stated=False``;
5. the dateline date, else the publication date, marked ``stated=False``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

import regex as re

from conflictscope.models import EventTime, Span
from conflictscope.timex import calendar_rules as cal
from conflictscope.timex.lexicon import after_since
from conflictscope.timex.record import Timex
from conflictscope.timex.values import (
    Interval,
    acled_precision,
    day_interval,
    representative_day,
    span_interval,
    ucdp_precision,
)

#: An event that ended more than this many days before publication is background.
BACKGROUND_DAYS = 30
#: How far before publication an unstated event may lie (UCDP "week" precision).
UNSTATED_WINDOW_DAYS = 6

#: "the past two months", "over the last week", "a three-day campaign", "during their 10-month
#: occupation": a period that dates what happened in it (not "held a week", "for five days").
_PERIOD = re.compile(r"(?i)(?:over\s+)?the\s+(?:past|last|previous|first|next|coming)\b|\w-\w")
_RELATIVE_AFTER = re.compile(r"(?i)\s*(?:or\s+so\s+)?(?:later|earlier|after|before|ago|afterwards)\b")
_PERIOD_BEFORE = re.compile(r"(?i)\b(?:in|during|over|within|throughout|through)\s+(?:(?:a|an|the|their|its|his|her)\s+)?$")
_RANGE_LINK = re.compile(r"^\s*(?:-|–|to|and|until|till|through)\s*$", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"(?i)\b(?:between|from)\s+$")
_PARAGRAPH = re.compile(r"\n\s*\n")
_DETERMINER_BEFORE = re.compile(r"(?i)\b(?:the|a|an|its|his|her|their|this|that)\s+$")
_NOUN_AFTER = re.compile(r"\s[A-Za-z]")
#: The name a date heads: its capitalised words ("the 2024 Women's March") or one noun and what
#: it may compound with ("the 2020 vote", "the March 4 nerve agent poisoning").
_NAME_AFTER = re.compile(r"(?:\s+[A-Z][\w'’.-]*)+|(?:\s+[a-z][\w-]*){1,3}")


@dataclass(frozen=True, slots=True)
class Dating:
    """The result of dating one event clause."""

    time: EventTime | None
    evidence: tuple[Span, ...]
    interval: Interval | None


def event_time(interval: Interval, published: date | None, *, stated: bool = True) -> EventTime:
    """The EventTime (ACLED and UCDP precisions) of a resolved interval."""
    return EventTime(
        event_date=representative_day(interval, published),
        date_start=interval.start,
        date_end=interval.end,
        time_precision=acled_precision(interval),
        date_prec=ucdp_precision(interval),
        stated=stated,
    )


def unstated_time(reference: date) -> EventTime:
    """No expression dates the event: the reference day, within the week before it."""
    try:
        start = reference - timedelta(days=UNSTATED_WINDOW_DAYS)
    except OverflowError:
        start = date.min
    return EventTime(
        event_date=reference,
        date_start=start,
        date_end=reference,
        time_precision=2,
        date_prec=3,
        stated=False,
    )


def is_background(time: EventTime | None, published: date | None) -> bool:
    """Whether an event dated ``time`` is history relative to the publication date."""
    if time is None or published is None or not time.stated:
        return False
    try:
        return time.date_end < published - timedelta(days=BACKGROUND_DAYS)
    except OverflowError:
        return False


def date_clause(
    trigger: Span,
    sentence: tuple[int, int],
    timexes: Sequence[Timex],
    text: str,
    published: date | None,
    *,
    attached: Sequence[Timex] = (),
    reporting: Sequence[Timex] = (),
    other: Sequence[Timex] = (),
    outer: Sequence[Timex] = (),
    prior: Sequence[Timex] = (),
    dateline: Timex | None = None,
) -> Dating:
    """Date the clause of ``trigger`` (see the module docstring for the order).

    ``attached``, ``reporting`` and ``other`` sort the sentence's expressions by
    the verb that governs them (:mod:`conflictscope.timex.clauses`): the
    trigger's own, a reporting verb ("police said on Monday": never the event's
    date, at most its latest possible day), or another verb (used only when the
    sentence has nothing better); ``outer`` are the main clause's dates above a
    subordinate trigger (a later event's, like reporting dates); ``prior`` the dates of a
    clause of time below the trigger (an earlier event's: never the trigger's date).
    """
    s_start, s_end = sentence
    # the dateline's date is when the report was filed, never a date its first sentence states
    local = [t for t in timexes if s_start <= t.start < s_end and t != dateline]
    chosen = _anchored_clause(trigger, local, published) or _after_the_anchor(trigger, local, published)
    if chosen is not None:
        return chosen
    candidates = [
        t for t in local
        if _usable(t) and not (t.type == "DURATION" and t.signal) and not _in_foreign_clause(t, trigger, local)
    ]
    # a main clause's day bounds a subordinate event ("released Monday after being
    # kidnapped"); its month or year still dates it ("In March, X fled after she was kidnapped")
    usable = [t for t in candidates if t not in reporting and t not in prior and not (t in outer and _is_day(t))]
    owner = _owning_duration(trigger, local)
    if owner is not None and owner.interval is not None:
        return Dating(event_time(owner.interval, published), (_span(owner),), owner.interval)
    # "the 2024 Women's March ... as they march on Saturday": a date naming another thing yields
    dating_ones = [t for t in usable if not _names_another_thing(t, trigger, text)] or usable
    preferred = ([t for t in dating_ones if t in attached] or [t for t in dating_ones if t not in other]
                 or dating_ones)
    if preferred:
        best = _finest_inside(min(preferred, key=lambda t: _distance(t, trigger)), preferred, trigger)
        dating = _from_timex(best, usable, text, published)
        if best.type == "DURATION" and dating.time is not None and _how_long(best, text):
            # "held a week for ransom": how long, not when; a day stated elsewhere may date it
            return replace(dating, time=replace(dating.time, stated=False))
        return dating
    said = [
        t for t in candidates if (t in reporting or t in outer) and t.type != "DURATION" and _is_day(t)
    ]
    # "a newspaper reported in April that men had been tortured": by the end of April at the latest
    said_month = [
        t for t in candidates if t in reporting and t.type != "DURATION" and t.interval is not None
        and t.interval.granularity == "month"
    ]
    earlier = [
        t for t in timexes
        if t.end <= s_start and _usable(t) and t.type != "DURATION" and t != dateline
        and not _PARAGRAPH.search(text, t.end, s_start) and not _names_a_thing(t, text)
    ]
    if earlier and not any(t in outer for t in said):
        best = max(earlier, key=lambda t: t.start)
        return _from_timex(best, [best], text, published)
    if said:
        report = min(said, key=lambda t: _distance(t, trigger))
        assert report.interval is not None
        return Dating(unstated_time(report.interval.start), (_span(report),), report.interval)
    if said_month:
        report = min(said_month, key=lambda t: _distance(t, trigger))
        assert report.interval is not None
        latest = min(report.interval.end, published) if published is not None else report.interval.end
        return Dating(unstated_time(latest), (_span(report),), report.interval)
    if dateline is not None and dateline.interval is not None:
        return Dating(unstated_time(dateline.interval.start), (_span(dateline),), dateline.interval)
    if published is not None:
        return Dating(unstated_time(published), (), None)
    return Dating(None, (), None)


def _finest_inside(best: Timex, preferred: Sequence[Timex], trigger: Span) -> Timex:
    """Of the clause's dates, the finest that lies inside ``best``: "The first incident in 2019 took
    place on March 18" is dated to the day, not to the year around it."""
    if best.type != "DATE" or best.interval is None:
        return best
    span = best.interval.end - best.interval.start
    inside = [t for t in preferred if t is not best and t.type == "DATE" and t.interval is not None
              and best.interval.start <= t.interval.start and t.interval.end <= best.interval.end
              and t.interval.end - t.interval.start < span]
    return min(inside, key=lambda t: (t.interval.end - t.interval.start, _distance(t, trigger))) if inside else best  # type: ignore[union-attr]


def _how_long(timex: Timex, text: str) -> bool:
    """A bare duration that says how long something lasted ("held a week", "for five days")."""
    if _PERIOD.search(timex.text):
        return False
    if not text:
        return True
    if _RELATIVE_AFTER.match(text, timex.end, min(len(text), timex.end + 30)):
        return False  # "a fortnight or so later": when, counted from another event
    return not _PERIOD_BEFORE.search(text, max(0, timex.start - 20), timex.start)


def _names_a_thing(timex: Timex, text: str) -> bool:
    """The expression is part of a name or a starting point, not a date of its clause.

    "documenting persecution since *the 2020 vote*": the year names the vote and
    "since" starts a period; neither dates the next sentence's "Police raided ...".
    """
    return _heads_a_name(timex, text) or after_since(text, timex.start)


def _heads_a_name(timex: Timex, text: str) -> bool:
    """The expression modifies the noun after it ("the 2020 vote", "the 2024 Women's March")."""
    before = text[max(0, timex.start - 16) : timex.start]
    return _DETERMINER_BEFORE.search(before) is not None and _NOUN_AFTER.match(text, timex.end) is not None


def _names_another_thing(timex: Timex, trigger: Span, text: str) -> bool:
    """The expression is part of a name ("the 2024 Women's March", "the March 4 poisoning") that
    is not the trigger's own phrase (the trigger does not follow within a few words)."""
    if not _heads_a_name(timex, text) or after_since(text, timex.start):
        return False
    name = _NAME_AFTER.match(text, timex.end)
    return name is None or not (timex.end <= trigger.start < name.end())


def _is_day(timex: Timex) -> bool:
    return timex.interval is not None and timex.interval.granularity == "day"


def _usable(timex: Timex) -> bool:
    return timex.interval is not None and timex.kind != "ref"


def _span(timex: Timex) -> Span:
    return Span(timex.start, timex.end, timex.text)


def _distance(timex: Timex, trigger: Span) -> int:
    if timex.end <= trigger.start:
        return trigger.start - timex.end
    if timex.start >= trigger.end:
        return timex.start - trigger.end + 1  # ties go to the expression before the trigger
    return 0


def _in_clause(timex_or_span: Timex | Span, duration: Timex) -> bool:
    return duration.clause_end is not None and duration.end <= timex_or_span.start < duration.clause_end


def _in_foreign_clause(timex: Timex, trigger: Span, local: Sequence[Timex]) -> bool:
    """The expression belongs to an anchored clause the trigger is not in."""
    return any(
        _in_clause(timex, d) and not _in_clause(trigger, d) for d in local if d.clause_end is not None
    )


def _owning_duration(trigger: Span, local: Sequence[Timex]) -> Timex | None:
    """A "for N months before ..." duration whose main clause holds the trigger."""
    for duration in local:
        if duration.signal in ("before", "until") and duration.interval is not None and not _in_clause(trigger, duration):
            return duration
    return None


def _clause_dates(duration: Timex, local: Sequence[Timex]) -> list[Timex]:
    """The usable dates (not durations) inside the clause a "N units after" duration opens."""
    return [t for t in local if _usable(t) and t.type != "DURATION" and _in_clause(t, duration)]


def _anchored_clause(trigger: Span, local: Sequence[Timex], published: date | None) -> Dating | None:
    """The trigger is inside the clause of "N units after ...": date it from the duration."""
    for duration in local:
        if duration.signal != "after" or not _in_clause(trigger, duration):
            continue
        inner = _clause_dates(duration, local)
        if inner:
            best = min(inner, key=lambda t: _distance(t, trigger))
            return _from_timex(best, inner, "", published)
        if duration.interval is None or duration.amount is None or duration.unit is None:
            return None
        point = cal.offset_day(duration.interval.end, duration.amount, duration.unit, -1)
        if point is None:
            return None
        return Dating(event_time(point, published), (_span(duration),), point)
    return None


def _after_the_anchor(trigger: Span, local: Sequence[Timex], published: date | None) -> Dating | None:
    """The main clause of "N units after <a clause with a date>": that date moved by N.

    "The school was attacked two days after the rebels captured the town on 5 March 2019"
    dates the attack 7 March; "three years after he was released in 1999" is 2002. The
    clause's own date dates only the clause's event. ("held for ten months before ..." is
    a span, dated by :func:`_owning_duration`.)
    """
    for duration in local:
        if (duration.signal != "after" or duration.clause_end is None
                or duration.amount is None or duration.unit is None or _in_clause(trigger, duration)):
            continue
        inner = _clause_dates(duration, local)
        if not inner:
            continue
        anchor = min(inner, key=lambda t: t.start)
        interval = anchor.interval
        assert interval is not None
        if duration.unit not in cal.MOVABLE_UNITS.get(interval.granularity, set()):
            continue  # only a unit the anchor can be moved by dates the main clause
        moved = cal.move_forward(interval.start, interval.end, interval.granularity, duration.amount,
                                 duration.unit, published)
        if moved is None:
            continue
        return Dating(event_time(moved, published), (_span(duration), _span(anchor)), moved)
    return None


def _from_timex(best: Timex, usable: Sequence[Timex], text: str, published: date | None) -> Dating:
    assert best.interval is not None
    interval = best.interval
    evidence = [_span(best)]
    later = [t for t in usable if t.start >= best.end and t.type != "DURATION"]
    if later and text:
        following = min(later, key=lambda t: t.start)
        opened = _RANGE_OPEN.search(text, max(0, best.start - 10), best.start)
        if opened and _RANGE_LINK.match(text[best.end : following.start]) and following.interval:
            interval = span_interval(interval.start, following.interval.end)
            evidence.append(_span(following))
    if best.signal == "since" and published is not None and interval.start <= published:
        interval = span_interval(interval.start, published)
    if best.type == "TIME" and interval.granularity != "day":
        interval = day_interval(interval.start)
    time = event_time(interval, published)
    if best.signal == "since" and best.interval is not None:
        # "detained since 23 October": the event is when it began
        time = replace(time, event_date=representative_day(best.interval, published))
    return Dating(time, tuple(evidence), interval)
