"""Rule-based recognition and normalisation of English time expressions.

Each rule is a regular expression and a handler that turns a match into a
:class:`~conflictscope.timex.record.Timex`. The rules run over one sentence at a
time with a :class:`Context` (the base date, the tense of the sentence, and the
last day mentioned before, for anaphora such as "the next day").
"""

from __future__ import annotations

import re as std_re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import regex as re

from conflictscope.textcase import lower_keeping_offsets
from conflictscope.timex import calendar_rules as cal
from conflictscope.timex.lexicon import (
    COMMA,
    DAY,
    MONTH,
    MONTH_NOT_MAY,
    NUMBER,
    PART_OF_DAY,
    SEASONS,
    UNIT,
    WEEKDAY,
    YEAR,
    month_number,
    number_value,
    weekday_number,
)
from conflictscope.timex.record import Timex
from conflictscope.timex.values import (
    Interval,
    day_interval,
    decade_interval,
    duration_value,
    month_interval,
    safe_date,
    span_interval,
    year_interval,
)


@dataclass(frozen=True, slots=True)
class Context:
    """What a handler may know besides its match."""

    base: date | None
    future: bool = False
    previous_day: date | None = None  # the last day-level date mentioned before

    @property
    def anchor(self) -> date | None:
        """The base of anaphoric expressions: the last day mentioned, else the base."""
        return self.previous_day or self.base


Handler = Callable[["re.Match[str]", Context], "Timex | None"]

_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
_REFS = {"past": "PAST_REF", "present": "PRESENT_REF", "future": "FUTURE_REF"}


def _make(m: re.Match[str], type_: str, value: str, interval: Interval | None, kind: str, **extra: object) -> Timex:
    return Timex(m.start(), m.end(), m.group(0), type_, value, interval, kind, **extra)  # type: ignore[arg-type]


def _date(m: re.Match[str], interval: Interval | None, kind: str) -> Timex | None:
    if interval is None:
        return None
    return _make(m, "DATE", interval.value, interval, kind)


def _year_of(m: re.Match[str]) -> int:
    return int(m.group("year"))


def _full_date(m: re.Match[str], ctx: Context) -> Timex | None:
    day = safe_date(_year_of(m), month_number(m.group("month")), int(m.group("day")))
    return _date(m, day_interval(day) if day else None, "absolute")


def _month_day(m: re.Match[str], ctx: Context) -> Timex | None:
    if ctx.base is None:
        return _make(m, "DATE", f"XXXX-{month_number(m.group('month')):02d}-{int(m.group('day')):02d}", None, "partial")
    named = _year_after(m, ctx) or _year_before(m)
    if named is not None:
        day = safe_date(named[0], month_number(m.group("month")), int(m.group("day")))
        return _date(m, day_interval(day), named[1]) if day else None
    return _date(m, cal.month_day(ctx.base, month_number(m.group("month")), int(m.group("day")), ctx.future), "partial")


#: Where a sentence starts, looking back: the end of the one before, or a line break.
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?\p{Lu})|\n")
#: A year the sentence is set in ("In 2019, ...", "the first incident in 2019 took place").
_IN_YEAR = re.compile(r"\b(?i:in)\s+(?P<year>1[5-9]\d\d|20\d\d)\b(?!,?\d|-|\s*(?i:to|and|or|until|through)\b)")
_ANY_YEAR = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b")


def _year_before(m: re.Match[str]) -> tuple[int, str] | None:
    """The year the sentence sets itself in before a month and day that name none ("The first
    incident in 2019 took place on March 18": 2019-03-18): one "in YEAR" earlier in the same
    sentence, and no other year there."""
    text = m.string
    start = max(0, m.start() - 400)
    breaks = [b.end() for b in _SENTENCE_BREAK.finditer(text, start, m.start())]
    begin = breaks[-1] if breaks else start
    before = text[begin:m.start()]
    years = {y.group(0) for y in _ANY_YEAR.finditer(before)}
    named = _IN_YEAR.search(before)
    if named is None or years != {named.group("year")}:
        return None
    return int(named.group("year")), "absolute"


#: Holidays on a fixed day of the year (month, day), by their lower-case name's first word(s).
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "boxing day": (12, 26),
    "new year's eve": (12, 31), "new year's day": (1, 1), "valentine's day": (2, 14),
    "halloween": (10, 31), "may day": (5, 1), "international women's day": (3, 8),
    "human rights day": (12, 10),
}


def _holiday(m: re.Match[str], ctx: Context) -> Timex | None:
    name = re.sub(r"\s+", " ", m.group("name").lower()).replace("’", "'").replace("new years", "new year's")
    name = name.replace("valentines", "valentine's").replace("womens", "women's")
    month, day = HOLIDAYS[name]
    if m.group("year"):
        found = safe_date(_year_of(m), month, day)
        return _date(m, day_interval(found) if found else None, "absolute")
    if ctx.base is None:
        return _make(m, "DATE", f"XXXX-{month:02d}-{day:02d}", None, "partial")
    return _date(m, cal.month_day(ctx.base, month, day, ctx.future), "partial")


def _month_year(m: re.Match[str], ctx: Context) -> Timex | None:
    return _date(m, month_interval(_year_of(m), month_number(m.group("month"))), "absolute")


#: "March last year", "3 March of this year": the year named right after a month.
_YEAR_AFTER = re.compile(r"\s+(?:(?i:of)\s+)?(?P<rel>(?i:last|this|next))\s+(?i:year)\b(?![\'’])")


#: "between April and June 2021", "in March and July 2021": the year of the month it is joined to.
_JOINED_MONTH_YEAR = re.compile(
    rf"\s*(?:-|–|(?i:and|or|to|through|till|until))\s+(?:(?i:early|mid|late|mid-)\s*)?{MONTH}{COMMA}{YEAR}\b"
)


def _year_after(m: re.Match[str], ctx: Context) -> tuple[int, str] | None:
    """The year named right after the match and how: the year of a month it is joined
    to ("April and June 2021": absolute) or "last/this/next year" (relative)."""
    joined = _JOINED_MONTH_YEAR.match(m.string, m.end())
    if joined is not None:
        # "from December to February 2021": a later month written first is the year before
        later = month_number(m.group("month")) > month_number(joined.group("month"))
        return int(joined.group("year")) - (1 if later else 0), "absolute"
    after = _YEAR_AFTER.match(m.string, m.end())
    if after is None or ctx.base is None:
        return None
    return ctx.base.year + {"last": -1, "this": 0, "next": 1}[after.group("rel").lower()], "relative"


#: Capitalised words that may stand before a month that is a date ("In March", "Since March").
_BEFORE_A_MONTH = frozenset((
    "in", "by", "since", "until", "till", "through", "from", "during", "early", "late", "mid", "last", "next",
    "this", "of", "for", "on", "to", "before", "after", "between", "and", "or", "each", "every", "throughout",
    "around", "that", "as", "but", "then", "also", "only", "again",
))
_TITLE_WORD_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+$")


def _month_alone(m: re.Match[str], ctx: Context) -> Timex | None:
    month = month_number(m.group("month"))
    modifier = (m.group("mod") or "").lower()
    title = _TITLE_WORD_BEFORE.search(m.string, max(0, m.start() - 24), m.start())
    if not modifier and title is not None and title.group(1).lower() not in _BEFORE_A_MONTH:
        return None  # a month in a name: "the Climate March", "the Long March"
    named = _year_after(m, ctx)
    if named is not None and not modifier:
        return _date(m, month_interval(named[0], month), named[1])
    if ctx.base is None:
        return _make(m, "DATE", f"XXXX-{month:02d}", None, "partial")
    return _date(m, cal.month_of_year(ctx.base, month, modifier, ctx.future), "partial")


def _numeric(m: re.Match[str], ctx: Context) -> Timex | None:
    a, b, raw_year = int(m.group("a")), int(m.group("b")), m.group("y")
    year = int(raw_year) if len(raw_year) == 4 else (2000 + int(raw_year) if int(raw_year) < 50 else 1900 + int(raw_year))
    options = [d for d in (safe_date(year, a, b), safe_date(year, b, a)) if d is not None]
    if not options:
        return None
    if ctx.base is not None:  # ambiguous day/month order: the reading nearest the base, past first
        options.sort(key=lambda d: (d > ctx.base, abs((ctx.base - d).days)))  # type: ignore[operator]
    return _date(m, day_interval(options[0]), "absolute")


def _iso(m: re.Match[str], ctx: Context) -> Timex | None:
    day = safe_date(int(m.group("year")), int(m.group("m")), int(m.group("d")))
    return _date(m, day_interval(day) if day else None, "absolute")


def _year_alone(m: re.Match[str], ctx: Context) -> Timex | None:
    return _date(m, year_interval(_year_of(m)), "absolute")


def _decade(m: re.Match[str], ctx: Context) -> Timex | None:
    digits = m.group("dec")
    if len(digits) == 2:
        century = 2000 if int(digits) < 30 else 1900
        start = century + int(digits)
    else:
        start = int(digits)
    return _date(m, decade_interval(start - start % 10), "absolute")


def _day_word(m: re.Match[str], ctx: Context) -> Timex | None:
    word = " ".join(m.group("word").lower().split())
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
               "last night": -1, "this morning": 0, "this afternoon": 0, "this evening": 0,
               "the day after tomorrow": 2}
    part = {"tonight": "NI", "last night": "NI", "this morning": "MO", "this afternoon": "AF",
            "this evening": "EV"}.get(word)
    if m.group("part"):
        part = _PARTS[m.group("part").lower()]
    if ctx.base is None:
        return _make(m, "TIME" if part else "DATE", "XXXX-XX-XX", None, "relative")
    interval = cal.offset_day(ctx.base, abs(offsets[word]), "day", 1 if offsets[word] >= 0 else -1)
    assert interval is not None
    if part:
        return _make(m, "TIME", f"{interval.value}T{part}", interval, "relative")
    return _make(m, "DATE", interval.value, interval, "relative")


def _weekday(m: re.Match[str], ctx: Context) -> Timex | None:
    modifier = (m.group("mod") or "").lower()
    target = weekday_number(m.group("weekday"))
    future = ctx.future or bool(re.search(r"(?i)\b(?:until|till)\s+$", m.string[max(0, m.start() - 7) : m.start()]))
    ctx = Context(ctx.base, future, ctx.previous_day)
    part = m.group("part")
    if ctx.base is None:
        return _make(m, "TIME" if part else "DATE", "XXXX-WXX-" + str(target + 1), None, "relative")
    interval = cal.weekday(ctx.base, target, modifier, ctx.future)
    if part:
        return _make(m, "TIME", f"{interval.value}T{_PARTS[part.lower()]}", interval, "relative")
    return _make(m, "DATE", interval.value, interval, "relative")


def _period(m: re.Match[str], ctx: Context) -> Timex | None:
    modifier = " ".join(m.group("mod").lower().split())
    unit = (m.group("unit") or "year").lower()
    if modifier in ("the past", "the last") and ctx.base is not None:
        span = cal.stretch_back(ctx.base, 1, "day" if unit == "weekend" else unit)
        return _make(m, "DURATION", duration_value(1, unit), span, "duration", amount=1, unit=unit)
    key = {"this": "this", "the current": "this", "last": "last", "the last": "last", "past": "last",
           "the previous": "last", "previous": "last", "next": "next", "the next": "next",
           "the coming": "next", "coming": "next", "the following": "next",
           "earlier this": "earlier", "later this": "later", "the same": "this", "the year previous": "last"}[modifier]
    if ctx.base is None:
        return _make(m, "DATE", "XXXX", None, "relative")
    base = ctx.anchor if modifier in ("the following", "the same") else ctx.base
    assert base is not None
    return _date(m, cal.period(base, unit, key), "relative")


def _quarter(m: re.Match[str], ctx: Context) -> Timex | None:
    quarter = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4, "1": 1, "2": 2,
               "3": 3, "4": 4}[(m.group("q") or m.group("q2")).lower()]
    year = int(m.group("year")) if m.group("year") else None
    rel = (m.group("rel") or "").lower()
    if ctx.base is None:
        return _make(m, "DATE", f"{year or 'XXXX'}-Q{quarter}", None, "partial") if not year else _date(
            m, cal.quarter_of(date(year, 1, 1), quarter, year), "absolute")
    if rel:
        year = ctx.base.year + (-1 if rel == "last" else 1 if rel == "next" else 0)
    return _date(m, cal.quarter_of(ctx.base, quarter, year, ctx.future), "partial" if year is None else "absolute")


def _season(m: re.Match[str], ctx: Context) -> Timex | None:
    season = SEASONS[m.group("season").lower()]
    year = int(m.group("year")) if m.group("year") else None
    modifier = (m.group("mod") or "").lower()
    if ctx.base is None and year is None:
        return _make(m, "DATE", f"XXXX-{season}", None, "partial")
    base = ctx.base or date(year or 2000, 1, 1)
    return _date(m, cal.season_of(base, season, year, modifier, ctx.future), "partial")


def _ref(m: re.Match[str], ctx: Context) -> Timex | None:
    word = " ".join(m.group(0).lower().split())
    if word in ("now", "currently", "at present", "at the moment", "presently", "nowadays", "the time being"):
        return _make(m, "DATE", "PRESENT_REF", None, "ref")
    if any(w in word for w in ("future", "soon", "near term", "long term", "coming")):
        return _make(m, "DATE", "FUTURE_REF", None, "ref")
    return _make(m, "DATE", "PAST_REF", None, "ref")


def _amount_unit(m: re.Match[str]) -> tuple[float | None, str]:
    unit = m.group("unit").lower().rstrip("s")
    unit = {"centurie": "century", "centuri": "century"}.get(unit, unit)
    return number_value(m.group("num")), unit


def _ago(m: re.Match[str], ctx: Context) -> Timex | None:
    amount, unit = _amount_unit(m)
    if amount is None or ctx.base is None:
        return _make(m, "DATE", "PAST_REF", None, "ref")
    return _date(m, cal.ago(ctx.base, amount, unit), "relative")


def _later_earlier(m: re.Match[str], ctx: Context) -> Timex | None:
    amount, unit = _amount_unit(m)
    anchor = ctx.anchor
    if amount is None or anchor is None:
        return None
    direction = 1 if m.group("dir").lower() == "later" else -1
    return _date(m, cal.offset_day(anchor, amount, unit, direction), "anaphoric")


def _anaphoric_day(m: re.Match[str], ctx: Context) -> Timex | None:
    word = " ".join(m.group(0).lower().split())
    anchor = ctx.anchor
    if anchor is None:
        return None
    step = 0
    if any(w in word for w in ("next", "following", "after")):
        step = 1
    elif any(w in word for w in ("before", "previous", "prior", "eve")):
        step = -1
    interval = cal.offset_day(anchor, abs(step), "day", 1 if step >= 0 else -1)
    return _date(m, interval, "anaphoric")


def _duration(m: re.Match[str], ctx: Context) -> Timex | None:
    before = m.string[max(0, m.start() - 8) : m.start()].lower()
    if re.search(r"\b(?:once|twice|times|per|every)\s*$", before):
        return None  # "twice a day" is a set, not a duration
    amount, unit = _amount_unit(m)
    if unit == "fortnight":
        amount, unit = (amount or 1) * 2, "week"
    if unit == "weekend":
        return None
    signal = (m.groupdict().get("signal") or "").lower() or None
    return _make(m, "DURATION", duration_value(amount, unit), None, "anchored" if signal else "duration",
                 amount=amount, unit=unit, signal=signal)


def _vague_duration(m: re.Match[str], ctx: Context) -> Timex | None:
    unit = m.group("unit").lower().rstrip("s")
    unit = "century" if unit.startswith("centur") else unit
    return _make(m, "DURATION", duration_value(None, unit), None, "duration", unit=unit)


def _day_range(m: re.Match[str], ctx: Context) -> Timex | None:
    month = month_number(m.group("month"))
    first, last = int(m.group("d1")), int(m.group("day"))
    year = int(m.group("year")) if m.group("year") else None
    if year is None:
        if ctx.base is None:
            return None
        end = cal.month_day(ctx.base, month, last, ctx.future)
        year = end.start.year if end else None
    start = safe_date(year, month, first) if year else None
    end_day = safe_date(year, month, last) if year else None
    if start is None or end_day is None or end_day < start:
        return None
    interval = span_interval(start, end_day)
    return _make(m, "DATE", interval.value, interval, "absolute")


_DURATION_PRE = r"(?:(?i:the\s+(?:past|last|previous|next|coming|first)|over|nearly|almost)\s+)?"
_SIGNAL = r"(?=\s+(?P<signal>(?i:after|before|since|until))\b)"
_B = r"(?<![\w$£€,.])"  # left word boundary that also refuses currency

#: One cheap pass over the text finds the words rules start from; a rule runs on a
#: sentence only when its gate (a group name here) matched in that sentence.
GATE = std_re.compile(
    r"\b(?:(?P<unit>day|week|month|year|decade|centur|hour|minute|fortnight)"
    r"|(?P<weekday>(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tue|wed|thu|fri|sat|sun)[.,])"
    r"|(?P<season>spring|summer|autumn|winter|quarter|q[1-4]\b)"
    r"|(?P<word>(?:today|tonight|yesterday|tomorrow|last|this|next|now|current(?:ly)?|present|"
    r"recent(?:ly)?|lately|soon|future|term|past|previous|coming|following|same|time\s+being|earlier|"
    r"later|nowadays)\b)"
    r"|(?P<holiday>christmas|new\s+year|boxing\s+day|valentine|halloween|human\s+rights\s+day|"
    r"women.?s\s+day|may\s+day)"
    r"|(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|(?P<digit>\d))"
)


def gate_hits(text: str) -> list[tuple[int, str]]:
    """(offset, gate name) of every gate word of ``text``, in order."""
    return [(m.start(), m.lastgroup or "") for m in GATE.finditer(lower_keeping_offsets(text))]


#: The gate of each rule (see GATES).
RULE_GATES = {
    "day-range": "month", "iso": "digit", "numeric": "digit", "month-day-year": "month",
    "day-month-year": "month", "month-day": "month", "day-month": "month", "month-year": "month",
    "quarter": "season", "season": "season", "month-alone": "month", "may-alone": "month",
    "decade": "digit", "day-word": "word", "weekday": "weekday", "period": "word", "ref": "word",
    "ago": "unit", "later-earlier": "unit", "anaphoric-day": "unit", "the-year": "unit",
    "the-day": "unit", "duration": "unit", "vague-duration": "unit", "year": "digit",
    "short-year": "digit", "holiday": "holiday",
}

RULES: tuple[tuple[str, re.Pattern[str], Handler], ...] = tuple(
    (name, re.compile(pattern), handler)
    for name, pattern, handler in (
        ("day-range", rf"{_B}(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*{DAY}\s+(?:of\s+)?{MONTH}(?:{COMMA}{YEAR})?\b", _day_range),
        ("iso", r"\b(?P<year>1[5-9]\d\d|20\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b", _iso),
        ("numeric", r"(?<![\d/.])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d{2})(?![\d/])", _numeric),
        ("month-day-year", rf"{MONTH}\s*{DAY}(?:{COMMA}|\s+){YEAR}\b", _full_date),
        ("day-month-year", rf"(?:(?<=\b)[Tt]he\s+)?{DAY}\s+(?:(?i:of)\s+)?{MONTH}{COMMA}{YEAR}\b", _full_date),
        ("month-day", rf"{MONTH}\s*{DAY}(?![\d,]*\s*\d{{3}})\b(?!\s*(?i:percent|%|people|troops))", _month_day),
        ("day-month", rf"(?:(?<=\b)[Tt]he\s+)?{DAY}\s+(?:(?i:of)\s+)?{MONTH}\b", _month_day),
        ("month-year", rf"{MONTH}{COMMA}{YEAR}\b", _month_year),
        ("holiday", rf"(?P<name>\b(?i:christmas\s+(?:eve|day)|(?<=\b(?i:on|at|over|since|before|after|until|by)\s+)christmas(?!\s+(?:eve|day))|new\s+year(?:'|’)?s\s+(?:eve|day)|boxing\s+day|valentine(?:'|’)?s\s+day|halloween|international\s+women(?:'|’)?s\s+day|human\s+rights\s+day)|\bMay\s+Day)(?:{COMMA}{YEAR})?\b(?![\s\x22”’]*\d+\b(?!\s+[a-z]))", _holiday),
        ("quarter", rf"(?:(?i:the)\s+)?(?P<q>(?i:first|second|third|fourth|final|last))[\s-](?i:quarter)(?:\s+(?i:of)\s+(?:{YEAR}|(?P<rel>(?i:this|last|next))\s+(?i:year)))?|\b[Qq](?P<q2>[1-4])\s+{YEAR}", _quarter),
        ("season", rf"(?:(?P<mod>(?i:this|last|next))\s+|(?:(?i:the)\s+))?(?P<season>(?i:spring|summer|autumn|winter))(?:\s+(?:(?i:of)\s+)?{YEAR})?\b", _season),
        # a month in a name is no date: "the Women's March", "March for Our Lives", "March on Washington"
        ("month-alone", rf"(?:(?P<mod>(?i:last|next|this))\s+)?(?<!['’]s\s){MONTH_NOT_MAY}(?!\s*\d)(?![\w'])"
                        r"(?!\s+(?:for|on|against|of)\s+(?:the\s+)?[A-Z])", _month_alone),
        ("may-alone", r"(?:(?P<mod>(?i:last|next|this))\s+|(?<=\b(?i:in|since|of|until|by|early|late|mid|mid-|during|from|to|through)\s+))(?P<month>May)\b(?!\s*\d)", _month_alone),
        # "in his 20s", "in their early 30s": an age, not a decade
        ("decade", r"(?:(?i:the)\s+)?(?<![\w-])(?<!\b(?i:his|her|their|my|your|our)\s+(?:(?i:early|mid|late)[\s-]+)?)"
                   r"(?:'|’)?(?P<dec>1[5-9]\d0|20\d0|\d0)s\b", _decade),
        ("day-word", rf"(?P<word>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening)))(?:\s+{PART_OF_DAY})?\b", _day_word),
        ("weekday", rf"(?:(?P<mod>(?i:last|next|this))\s+)?{WEEKDAY}(?:\s+{PART_OF_DAY})?\b", _weekday),
        ("period", r"(?P<mod>(?i:earlier\s+this|later\s+this|the\s+current|the\s+past|the\s+last|this|last|next|the\s+previous|the\s+coming|the\s+following|the\s+same))\s+(?P<unit>(?i:week|weekend|month|quarter|year|decade))\b|(?P<mod>(?i:the\s+year\s+previous))(?P<unit>)", _period),
        ("ref", r"\b(?i:now|currently|at\s+present|presently|nowadays|the\s+time\s+being|(?:more\s+)?recently|lately|(?:very\s+)?soon|recent(?!\s+(?:days|weeks|months|years))|in\s+recent\s+(?:days|weeks|months|years)|recent\s+(?:days|weeks|months|years)|the\s+past(?!\s+\w+\s+(?:days|weeks|months|years))|the\s+(?:near\s+)?future|the\s+(?:near|long)\s+term|in\s+the\s+coming\s+(?:days|weeks|months|years))\b", _ref),
        ("ago", rf"{_B}{NUMBER}\s+{UNIT}\s+(?i:ago)\b", _ago),
        ("later-earlier", rf"{_B}{NUMBER}\s+{UNIT}\s+(?P<dir>(?i:later|earlier))\b", _later_earlier),
        ("anaphoric-day", r"\b(?i:the\s+(?:same|next|following|previous|prior)\s+day|that\s+(?:same\s+)?day|the\s+day\s+(?:before|after)|the\s+eve)\b(?!\s+(?i:of|when|that|before|after))", _anaphoric_day),
        ("the-year", r"(?<=\b(?i:beginning|start|end|middle|rest|course|remainder)\s+of\s+)(?i:the\s+year)\b", lambda m, ctx: _date(m, cal.period(ctx.base, "year", "this") if ctx.base else None, "relative")),
        ("the-day", r"(?<=\b(?i:in|on|for|during|throughout|over|end|ended|ending|finish|finished)\s+)(?i:the\s+day)\b(?!\s+(?i:of|when|that|before|after))", _anaphoric_day),
        ("duration", rf"{_B}{_DURATION_PRE}{NUMBER}[\s-]+{UNIT}(?:{_SIGNAL})?\b(?![-\s]+(?i:ago|later|earlier|old))", _duration),
        ("vague-duration", r"(?<=\b(?i:for|over|within|after|in\s+recent)\s+)(?P<unit>(?i:days|weeks|months|years|decades|centuries))\b", _vague_duration),
        ("year", rf"(?<=\b(?i:in|since|of|by|until|till|from|to|through|during|early|late|mid|before|after|between|and|year|fiscal|spring|summer|autumn|winter|the)[\s-]+(?:(?i:the)\s+(?:year\s+)?)?){YEAR}\b(?![\d,]|-(?i:year|strong|member|day))|{_B}{YEAR}(?=\s*[,.;:)]|\s*$)", _year_alone),
        ("short-year", r"(?<=\b(?i:in|since|of)\s+)['’](?P<year>\d\d)\b", lambda m, ctx: _date(m, year_interval(1900 + int(m.group("year")) if int(m.group("year")) > 30 else 2000 + int(m.group("year"))), "absolute")),
    )
)
