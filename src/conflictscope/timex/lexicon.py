"""Word lists and regular-expression pieces for recognising time expressions.

Month names are matched case-sensitively (capitalised) so that "may", "march"
and "sat" as ordinary words are not read as dates; everything else is matched
case-insensitively through scoped ``(?i:...)`` groups.
"""

from __future__ import annotations

import regex as re

from conflictscope.numbers import DIGIT_WORDS, SCALE_WORDS, TENS_WORDS
from conflictscope.numbers import NUMBER_WORDS as NUMBERS

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}

WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}

#: How many units a duration counts ("three days", "a week", "several months"): the number words
#: of :data:`conflictscope.numbers.NUMBER_WORDS` and "hundred", with the articles and the vague
#: words a duration is said with (None: no number).
NUMBER_WORDS: dict[str, float | None] = {
    "a": 1, "an": 1, **NUMBERS, "hundred": SCALE_WORDS["hundred"],
    "a couple of": 2, "a few": None, "several": None, "few": None, "many": None,
    "some": None, "dozens of": None, "hundreds of": None, "half a": 0.5,
}

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}

SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

UNITS = {
    "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
    "months": "month", "year": "year", "years": "year", "decade": "decade",
    "decades": "decade", "century": "century", "centuries": "century", "hour": "hour",
    "hours": "hour", "minute": "minute", "minutes": "minute", "fortnight": "fortnight",
    "weekend": "weekend",
}

# --- regex pieces -----------------------------------------------------------------

MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|"
    r"NOVEMBER|DECEMBER)"
)
MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b)"
MONTH = rf"(?P<month>{MONTH_FULL}|{MONTH_ABBR})"
MONTH_NOT_MAY = (
    r"(?P<month>(?:January|February|March|April|June|July|August|September|October|"
    r"November|December)|(?:Sept|Dec|Nov|Oct|Aug|Feb)\.)"
)
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>1[0-9]\d\d|20\d\d)"
COMMA = r"\s*,?\s*"
WEEKDAY = (
    r"(?P<weekday>(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?(?=\s*,))"
)
PART_OF_DAY = r"(?P<part>(?i:morning|afternoon|evening|night|overnight))"

_NUMBER_WORD_ALT = "|".join(
    sorted((w.replace(" ", r"\s+") for w in NUMBER_WORDS), key=len, reverse=True)
)
NUMBER = (
    r"(?P<num>\d{1,3}(?:\.\d+)?|(?i:(?:" + "|".join(TENS_WORDS) + r")[- ](?:" + "|".join(DIGIT_WORDS) + r"))"
    r"|(?i:" + _NUMBER_WORD_ALT + r"))"
)
UNIT = (
    r"(?P<unit>(?i:days?|weeks?|months?|years?|decades?|centur(?:y|ies)|hours?|minutes?|"
    r"fortnight))"
)
UNIT_SINGULAR = r"(?P<unit>(?i:day|week|month|year|decade|century|hour|minute))"

#: Words that signal a future reading of an ambiguous date in the same sentence.
FUTURE_MARKERS = (
    r"(?i:\b(?:will|would|shall|should|'ll|going\s+to|wants?\s+to|aims?\s+to|intends?\s+to|scheduled|due\s+to|is\s+set\s+to|are\s+set\s+to|"
    r"plans?\s+to|planned|expected\s+to|upcoming|forthcoming)\b)"
)


def number_value(word: str) -> float | None:
    """The value of a number written in digits or words (None for "several", "a few")."""
    text = " ".join(word.lower().replace("-", " ").split())
    if text.replace(".", "", 1).isdigit():
        return float(text)
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    parts = text.split()
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        tens, ones = NUMBER_WORDS[parts[0]], NUMBER_WORDS[parts[1]]
        if tens is not None and ones is not None:
            return tens + ones
    return None


def month_number(word: str) -> int:
    """1-12 for a month name or abbreviation."""
    return MONTHS[word.lower().rstrip(".")]


def weekday_number(word: str) -> int:
    """0 (Monday) to 6 (Sunday) for a weekday name or abbreviation."""
    return WEEKDAYS[word.lower().rstrip(".")]


#: "since" (and "the") right before an expression: the expression starts a period that runs to the
#: present ("since the February 1 coup", "since March 3").
_SINCE_BEFORE = re.compile(r"(?i)\bsince\s+(?:the\s+)?$")


def after_since(text: str, start: int) -> bool:
    """Whether the expression starting at ``start`` follows "since" ("since the 2020 vote")."""
    return _SINCE_BEFORE.search(text[max(0, start - 16) : start]) is not None
