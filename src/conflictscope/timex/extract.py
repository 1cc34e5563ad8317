"""Find and normalise every time expression of an article.

The rules of :mod:`conflictscope.timex.rules` run sentence by sentence; spaCy
DATE/TIME entities that no rule covers are normalised by dateparser (cached).
Afterwards three article-level passes run: modifiers ("early", "mid-", "the end
of") narrow an interval; anaphoric expressions ("two days later", "the next day")
are read against the last day mentioned; durations are anchored ("for 10 months
before ... March" is May 2015 to March 2016; a later "10-month occupation" is the
same period; "a three-day campaign" ends on the sentence's date).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date, timedelta

import regex as re

from conflictscope.timex import calendar_rules as cal
from conflictscope.timex.fallback import dateparser_interval
from conflictscope.timex.lexicon import FUTURE_MARKERS, MONTH_FULL, after_since
from conflictscope.timex.posts import base_at, post_spans
from conflictscope.timex.record import Timex
from conflictscope.timex.rules import RULE_GATES, RULES, Context, gate_hits
from conflictscope.timex.values import (
    Interval,
    day_interval,
    safe_date,
    shift,
    span_interval,
)

_FUTURE = re.compile(FUTURE_MARKERS)
_MODIFIER = re.compile(
    r"(?P<mod>(?i:early|mid|late|the\s+(?:end|beginning|start|middle|turn)\s+of|"
    r"the\s+(?:first|second)\s+half\s+of|(?:at|by|in|until)\s+the\s+end\s+of))[\s-]*$"
)
_SIGNAL_BEFORE = re.compile(r"\b(?P<signal>(?i:since|until|till|by|from|between|after|before))\s+$")
_CLAUSE_END = re.compile(r"[,;:.!?]|\s(?:and|but|while|whereas)\s")
_WEEKDAY_GAP = re.compile(r"^\s*,?\s*(?:the\s+)?$")
_BARE_NUMBER = re.compile(r"^\W*\d{1,3}\W*$")
#: A month name alone: the rules read every one that is a date, so one they left is a name
#: ("the Women's March", "March for Our Lives") or the verb "may".
_BARE_MONTH = re.compile(rf"^\W*(?:the\s+)?{MONTH_FULL}\W*$")
_ANAPHORIC_RULES = ("later-earlier", "anaphoric-day", "the-day", "period")
_LINKED_DURATION_MAX_DAYS = 31
#: How many characters before an expression are searched for a future marker.
FUTURE_WINDOW = 60
#: Rules search this many characters before and after each gate word.
WINDOW_BEFORE, WINDOW_AFTER = 48, 64


def find_timexes(
    text: str,
    published: date | None,
    *,
    sentences: Sequence[tuple[int, int]] | None = None,
    entities: Iterable[tuple[int, int, str]] = (),
) -> list[Timex]:
    """All time expressions of ``text`` in order, normalised against ``published`` (against
    its own date inside an embedded social-media post, :mod:`conflictscope.timex.posts`).

    ``sentences`` are (start, end) offsets (the whole text is one sentence when
    omitted); ``entities`` are spaCy (start, end, label) DATE/TIME entities used
    as extra candidates. Never raises on odd input: what cannot be read is skipped.
    """
    bounds = list(sentences) if sentences else [(0, len(text))]
    extra = sorted((s, e) for s, e, label in entities if label in ("DATE", "TIME") and e > s)
    found: list[Timex] = []
    previous_day: date | None = None
    story_years: dict[tuple[int, int], int] = {}
    last_year: int | None = None  # the year of the last absolute date read so far
    chronicle: Timex | None = None  # the last day or month written with its year
    hits = gate_hits(text)
    posts = post_spans(text)
    for start, end in bounds:
        sentence = text[start:end]
        base = base_at(posts, start, published)  # an embedded post speaks from its own day
        ctx = Context(base, False, previous_day)
        gates = _gates_in(hits, start, end)
        items = _sentence_timexes(sentence, ctx, gates)
        items = [t.moved(start) for t in items]
        items.extend(_fallback(text, base, start, end, extra, items))
        items.sort(key=lambda t: t.start)
        items = [_modify(text, t, base) for t in items]
        items = _narrative_years(items, base, story_years)
        items, chronicle = _chronicle_years(items, base, chronicle)
        items, last_year = _that_year(items, text, last_year)
        for timex in items:
            # a date after "since" opens a period: no anchor of a later "the previous day"
            if (timex.interval is not None and timex.interval.granularity == "day" and timex.kind != "ref"
                    and not after_since(text, timex.start)):
                previous_day = timex.interval.start
        try:
            found.extend(_anchor_sentence(text, items, base, end))
        except (OverflowError, ValueError):  # a base at the edge of the calendar
            found.extend(items)
    return _link_durations(found)


def _narrative_years(
    items: list[Timex], published: date | None, story_years: dict[tuple[int, int], int]
) -> list[Timex]:
    """A year-less day the text wrote in full earlier is that day, in that year.

    "Seven unionists were arrested on Dec. 10, 2020." and further down "the seven
    arrested on Human Rights Day" (10 December): 2020-12-10, not the last 10 December
    before the publication date. Only for a day read as past and moved to an earlier
    year. ``story_years`` ((month, day) -> year of each day the text has written in full
    so far) is updated with the full days of ``items``.
    """
    result: list[Timex] = []
    for timex in items:
        interval = timex.interval
        if (
            interval is not None and published is not None and timex.kind == "partial" and timex.type == "DATE"
            and interval.granularity == "day" and interval.end <= published  # not an upcoming date
        ):
            year = story_years.get((interval.start.month, interval.start.day))
            day = safe_date(year, interval.start.month, interval.start.day) if (
                year is not None and year < interval.start.year) else None
            if day is not None:
                moved = day_interval(day)
                timex = replace(timex, interval=moved, value=moved.value)
        if (
            timex.kind == "absolute" and timex.type == "DATE" and timex.interval is not None
            and timex.interval.granularity == "day" and timex.source == "rule"
        ):
            story_years[(timex.interval.start.month, timex.interval.start.day)] = timex.interval.start.year
        result.append(timex)
    return result


def _chronicle_years(
    items: list[Timex], published: date | None, anchor: Timex | None
) -> tuple[list[Timex], Timex | None]:
    """A chronicle goes on in the year it last wrote: a year-less day read as past, shortly after a
    day or month written with its year (within :data:`CHRONICLE_CHARS`) and not earlier in the year
    than it, is in that year ("On January 18, 2018, two engineers were kidnapped. On January 23, two
    traders were ..." is 2018-01-23, not the last 23 January before the publication date). A day
    earlier in the year than the anchor keeps its reading ("disappeared in May 2019 ... declared dead
    on Jan. 30" is the next January), and so does one far from it (a report back in its present after
    a paragraph of history); a year alone ("In 2019, ...") names no day to go on from and ends the
    chronicle.

    ``anchor`` is the last such day or month read before ``items``; returned updated.
    """
    result: list[Timex] = []
    for timex in items:
        interval = timex.interval
        if interval is None or timex.type != "DATE":
            result.append(timex)
            continue
        held = anchor.interval if anchor is not None else None
        if (
            anchor is not None and held is not None and published is not None and timex.kind == "partial"
            and interval.granularity == "day" and interval.end <= published
            and timex.start - anchor.end <= CHRONICLE_CHARS and held.start.year < interval.start.year
            and (interval.start.month, interval.start.day) >= (
                (held.start.month, held.start.day) if held.granularity == "day" else (held.start.month, 1))
        ):
            day = safe_date(held.start.year, interval.start.month, interval.start.day)
            if day is not None:
                moved = day_interval(day)
                timex = replace(timex, interval=moved, value=moved.value)
                interval = moved
        if timex.kind == "absolute" and timex.source == "rule":
            anchor = timex if interval.granularity in ("day", "month") else None
        result.append(timex)
    return result, anchor


#: How far after the day or month that anchors a chronicle a year-less day may follow it (about
#: two sentences).
CHRONICLE_CHARS = 300


_THAT_YEAR_AFTER = re.compile(r"\s*(?:of\s+)?that\s+year\b", re.IGNORECASE)
_THAT_BEFORE = re.compile(r"\bthat\s+$", re.IGNORECASE)


def _that_year(items: list[Timex], text: str, year: int | None) -> tuple[list[Timex], int | None]:
    """"in September that year", "that summer": the year the text last wrote in full, not the
    publication's ("missing since 2016 ... staying in September that year" is September 2016).

    ``year`` is that of the last absolute date read before ``items``; returned with the
    items, updated by their absolute dates.
    """
    result: list[Timex] = []
    for timex in items:
        interval = timex.interval
        if (
            year is not None and interval is not None and timex.kind == "partial" and timex.type == "DATE"
            and interval.granularity in ("day", "month", "season") and interval.start.year != year
            and (_THAT_YEAR_AFTER.match(text, timex.end) or _THAT_BEFORE.search(text, max(0, timex.start - 8),
                                                                                   timex.start))
        ):
            timex = _moved_to_year(timex, interval, year)
        if timex.kind == "absolute" and timex.type == "DATE" and timex.interval is not None:
            year = timex.interval.start.year
        result.append(timex)
    return result, year


def _moved_to_year(timex: Timex, interval: Interval, year: int) -> Timex:
    delta = year - interval.start.year
    start, end = shift(interval.start, years=delta), shift(interval.end, years=delta)
    if start is None or end is None or not timex.value[:4].isdigit():
        return timex
    value = f"{int(timex.value[:4]) + delta:04d}{timex.value[4:]}"
    return replace(timex, interval=Interval(start, end, interval.granularity, value), value=value)


def _gates_in(hits: list[tuple[int, str]], start: int, end: int) -> dict[str, list[tuple[int, int]]]:
    """For each gate hit between ``start`` and ``end``: the sentence-relative windows to search."""
    windows: dict[str, list[tuple[int, int]]] = {}
    for index in range(bisect_left(hits, (start, "")), len(hits)):
        position, name = hits[index]
        if position >= end:
            break
        low = max(0, position - start - WINDOW_BEFORE)
        high = min(end - start, position - start + WINDOW_AFTER)
        spans = windows.setdefault(name, [])
        if spans and low <= spans[-1][1]:
            spans[-1] = (spans[-1][0], high)
        else:
            spans.append((low, high))
    return windows


def _sentence_timexes(sentence: str, ctx: Context, gates: dict[str, list[tuple[int, int]]]) -> list[Timex]:
    """Rule matches of one sentence, longest first, without overlaps, in text order."""
    candidates: list[tuple[int, int, str, Timex, re.Match[str]]] = []
    if not gates:
        return []
    for name, pattern, handler in RULES:
        for match in _windowed(pattern, sentence, gates.get(RULE_GATES[name], [])):
            plain = Context(ctx.base, _future_before(sentence, match.start()), None)
            try:
                timex = handler(match, plain)
            except (ValueError, KeyError, OverflowError):
                timex = None
            if timex is not None and timex.end > timex.start:
                candidates.append((timex.start, timex.end, name, timex, match))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    chosen: list[tuple[int, int, str, Timex, re.Match[str]]] = []
    for cand in candidates:
        if all(cand[1] <= c[0] or cand[0] >= c[1] for c in chosen):
            chosen.append(cand)
    chosen.sort(key=lambda c: c[0])
    chosen = _merge_weekday_dates(sentence, chosen)
    result: list[Timex] = []
    previous_day = ctx.previous_day
    for _, _, name, timex, match in chosen:
        if name in _ANAPHORIC_RULES and previous_day is not None:
            handler = dict((n, h) for n, _, h in RULES)[name]
            future = _future_before(sentence, match.start())
            timex = handler(match, Context(ctx.base, future, previous_day)) or timex
        before = sentence[max(0, timex.start - 12) : timex.start]
        signal = _SIGNAL_BEFORE.search(before)
        if signal and timex.type in ("DATE", "TIME") and timex.signal is None:
            timex = replace(timex, signal=signal.group("signal").lower())
        if timex.signal in ("after", "before", "until") and timex.type == "DURATION":
            clause = _CLAUSE_END.search(sentence, timex.end)
            timex = replace(timex, clause_end=clause.start() if clause else len(sentence))
        if (timex.interval is not None and timex.interval.granularity == "day"
                and not after_since(sentence, timex.start)):
            previous_day = timex.interval.start
        result.append(timex)
    return result


def _windowed(pattern: re.Pattern[str], sentence: str, windows: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` inside the windows, each once."""
    seen: set[tuple[int, int]] = set()
    for low, high in windows:
        for match in pattern.finditer(sentence, low, high):
            if match.span() not in seen:
                seen.add(match.span())
                yield match


def _merge_weekday_dates(
    sentence: str, chosen: list[tuple[int, int, str, Timex, re.Match[str]]]
) -> list[tuple[int, int, str, Timex, re.Match[str]]]:
    """"Sunday, 4 December 2016": a weekday right before a full date joins it."""
    merged: list[tuple[int, int, str, Timex, re.Match[str]]] = []
    for item in chosen:
        if merged:
            prev = merged[-1]
            gap = sentence[prev[1] : item[0]]
            if (
                prev[2] == "weekday" and prev[3].type == "DATE" and item[3].interval is not None
                and item[3].interval.granularity == "day" and _WEEKDAY_GAP.match(gap)
            ):
                timex = replace(item[3], start=prev[0], text=sentence[prev[0] : item[1]])
                merged[-1] = (prev[0], item[1], item[2], timex, item[4])
                continue
        merged.append(item)
    return merged


def _future_before(sentence: str, position: int) -> bool:
    """Whether a future marker ("will", "is due to") stands shortly before ``position``."""
    return bool(_FUTURE.search(sentence, max(0, position - FUTURE_WINDOW), position))


def _fallback(
    text: str, published: date | None, start: int, end: int, entities: list[tuple[int, int]],
    found: list[Timex],
) -> list[Timex]:
    """spaCy DATE/TIME entities of the sentence that no rule read, normalised by dateparser."""
    extra: list[Timex] = []
    for begin, finish in entities:
        if begin < start or finish > end:
            continue
        if any(t.start < finish and begin < t.end for t in found):
            continue
        phrase = text[begin:finish]
        if _BARE_NUMBER.match(phrase) or _BARE_MONTH.match(phrase):  # "Nazik, 37," is an age
            continue
        interval = dateparser_interval(phrase, published)
        if interval is None or (published is not None and (interval.start - published).days > 1):
            continue  # "the 28th homicide this year" read as a day to come: the rules read days to come
        extra.append(Timex(begin, finish, phrase, "DATE", interval.value, interval, "dateparser", source="dateparser"))
    return extra


def _modify(text: str, timex: Timex, published: date | None) -> Timex:
    """Absorb a preceding "early"/"mid-"/"the end of" and narrow the interval to that part."""
    interval = timex.interval
    if interval is None or interval.granularity == "day":
        return timex
    match = _MODIFIER.search(text[max(0, timex.start - 24) : timex.start])
    if match is None:
        return timex
    word = match.group("mod").lower()
    length = interval.days
    third = max(1, length // 3)
    if "early" in word or "beginning" in word or "start" in word or "first half" in word:
        start, end = interval.start, interval.start + _days(third if "half" not in word else length // 2)
    elif "mid" in word or "middle" in word:
        start, end = interval.start + _days(third), interval.start + _days(2 * third)
    else:
        start, end = interval.end - _days(third if "half" not in word else length // 2), interval.end
    mod_start = max(0, timex.start - 24) + match.start("mod")
    if word.startswith(("at ", "by ", "in ", "until ")):
        mod_start = text.find("the", mod_start, timex.start)
    narrowed = Interval(min(start, end), max(start, end), interval.granularity, interval.value)
    return replace(timex, start=mod_start, text=text[mod_start : timex.end], interval=narrowed)


def _days(n: int) -> timedelta:
    return timedelta(days=max(0, n - 1))


def _sentence_reference(items: list[Timex], published: date | None, skip: Timex) -> date | None:
    """The date a sentence is about: its first day- or week-level date, else the base."""
    for timex in items:
        if timex is skip or timex.interval is None or timex.type == "DURATION":
            continue
        if timex.interval.granularity in ("day", "week") and not _inside_clause(timex, items):
            return timex.interval.end
    return published


def _inside_clause(timex: Timex, items: list[Timex]) -> bool:
    return any(
        d.clause_end is not None and d.end <= timex.start < d.clause_end for d in items if d is not timex
    )


def _anchor_sentence(text: str, items: list[Timex], published: date | None, sentence_end: int) -> list[Timex]:
    """Give anchored and short durations of one sentence an interval where the text allows."""
    result: list[Timex] = []
    for timex in items:
        if timex.type != "DURATION" or timex.amount is None or timex.unit is None or timex.interval is not None:
            result.append(timex)
            continue
        interval = _duration_interval(text, timex, items, published)
        result.append(replace(timex, interval=interval) if interval else timex)
    return result


def _duration_interval(text: str, timex: Timex, items: list[Timex], published: date | None) -> Interval | None:
    amount, unit = timex.amount or 0, timex.unit or "day"
    if unit not in ("day", "week", "month", "year"):
        return None
    if timex.signal in ("before", "until") and timex.clause_end is not None:
        inner = [t for t in items if t.interval is not None and t.type != "DURATION"
                 and timex.end <= t.start < timex.clause_end]
        if inner and re.search(r"(?i)\b(?:for|over|during)\s+$", text[max(0, timex.start - 8) : timex.start]):
            target = inner[0].interval
            assert target is not None
            start = _move(target.start, -amount, unit)
            return Interval(start, target.end, target.granularity, timex.value) if start else None
        return None
    if timex.signal == "after" and timex.clause_end is not None:
        inner = [t for t in items if t.interval is not None and t.type != "DURATION"
                 and timex.end <= t.start < timex.clause_end]
        if inner:
            target = inner[0].interval
            assert target is not None
            end = _move(target.end, amount, unit)
            return Interval(target.start, end, target.granularity, timex.value) if end else None
        reference = _sentence_reference(items, published, timex)
        return cal.stretch_back(reference, amount, unit) if reference else None
    if timex.signal is None:
        reference = _sentence_reference(items, published, timex)
        short = cal.stretch_back(reference, amount, unit) if reference else None
        if short is not None and short.days <= _LINKED_DURATION_MAX_DAYS + 1:
            return short
        if re.search(r"(?i)\b(?:the\s+)?(?:past|last)\s+$", text[max(0, timex.start - 10) : timex.start]) or \
                timex.text.lower().startswith(("the past", "the last")):
            return short
    return None


def _move(day: date, amount: float, unit: str) -> date | None:
    whole = int(amount)
    if unit == "day":
        return shift(day, days=whole)
    if unit == "week":
        return shift(day, days=7 * whole)
    if unit == "month":
        return shift(day, months=whole)
    return shift(day, years=whole)


def _link_durations(found: list[Timex]) -> list[Timex]:
    """A duration with no interval takes the interval of an earlier anchored one of equal value."""
    anchored: dict[str, Interval] = {}
    result: list[Timex] = []
    for timex in found:
        if timex.type == "DURATION":
            if timex.interval is not None and timex.signal in ("before", "until"):
                anchored[timex.value] = timex.interval
            elif timex.interval is None and timex.value in anchored:
                timex = replace(timex, interval=anchored[timex.value], kind="anchored")
        result.append(timex)
    return result


def span_of(first: Timex, second: Timex) -> Interval | None:
    """The range from one dated expression to another ("from 3 March to 5 April")."""
    if first.interval is None or second.interval is None:
        return None
    return span_interval(first.interval.start, second.interval.end)
