"""Counts as news reports state them: digits, number words, vague words, ranges.

A stated count becomes a :class:`Count` ``(low, best, high)``; the rules (see
docs/deaths-and-sources.md) are:

* exact ``N`` -> ``(N, N, N)``; ranges ``N to M`` / ``N-M`` / ``between N and M`` /
  ``N or M`` -> ``(N, N, M)`` (best is the conservative, stated end);
* ``about/around/some/an estimated N`` -> ``(N - d, N, N + d)`` with ``d = max(1, round(N/10))``;
* ``nearly/almost N`` -> ``(N - d, N, N)``;
* ``at least/more than/over N``, ``N or more``, ``N+`` -> ``(N, N, None)``;
* ``up to/as many as/fewer than N`` -> ``(None, N, N)``;
* vague words have no best: ``several`` 3..9, ``dozens`` 24..99, ``scores`` 40..199,
  ``hundreds`` 200..999, ``thousands`` 2000..9999; ``many``, ``an unknown number`` -> all None.

:func:`parse_count` reads one expression; :data:`COUNT_PATTERN` finds them in text.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import regex as re

#: Number words below a hundred, and "dozen": the one list every reader of numbers builds from
#: (counts here, durations in :mod:`conflictscope.timex.lexicon`, the count words of rule patterns).
NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}
#: Words that multiply what comes before them ("two hundred", "1.5 million").
SCALE_WORDS: dict[str, int] = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}

#: The digit words ("one" .. "nine") and the tens ("twenty" .. "ninety") as spelled in news.
DIGIT_WORDS: tuple[str, ...] = tuple(w for w, v in NUMBER_WORDS.items() if 1 <= v <= 9)
TENS_WORDS: tuple[str, ...] = tuple(
    w for w, v in NUMBER_WORDS.items() if v >= 20 and v % 10 == 0 and w != "fourty"
)


def small_number_words(low: int = 1, high: int = 12) -> str:
    """A regex alternation of the number words from ``low`` to ``high`` in order of value
    ("two|three|...|twelve"): the count words rule patterns spell out ("killed two people").

    Only the plain words: no misspelling ("fourty") and no "dozen", which reads as a count
    only with "a" ("a dozen").
    """
    words = [w for w, v in NUMBER_WORDS.items() if low <= v <= high and w not in ("fourty", "dozen")]
    return "|".join(words)


#: Vague quantity words: (low, high); best is always None.
VAGUE: dict[str, tuple[int | None, int | None]] = {
    "a couple": (2, 3),
    "a couple of": (2, 3),
    "a few": (2, 5),
    "a handful": (2, 6),
    "a handful of": (2, 6),
    "several": (3, 9),
    "tens": (20, 99),
    "dozens": (24, 99),
    "scores": (40, 199),
    "hundreds": (200, 999),
    "thousands": (2000, 9999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "many": (None, None),
    "numerous": (None, None),
    "a number": (None, None),
    "a number of": (None, None),
    "a large number of": (None, None),
    "an unknown number": (None, None),
    "an unknown number of": (None, None),
    "an undisclosed number": (None, None),
    "an undisclosed number of": (None, None),
    "unknown numbers of": (None, None),
    "an unspecified number of": (None, None),
}

_APPROX = r"about|around|approximately|roughly|some|an\s+estimated|estimated|approx\.?|circa|c\.|almost|nearly|close\s+to|just\s+under"
_AT_LEAST = r"at\s+least|more\s+than|over|upwards\s+of|in\s+excess\s+of|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of|above"
_UP_TO = r"up\s+to|as\s+many\s+as|at\s+most|fewer\s+than|less\s+than|no\s+more\s+than|under"
_WORD = "|".join(sorted((*NUMBER_WORDS, *SCALE_WORDS), key=len, reverse=True))
_WORDNUM = rf"(?:(?:a\s+)?(?:{_WORD})(?:(?:\s+and\s+|[\s-]+)(?:{_WORD}))*)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+(?:hundred|thousand|million|billion))?"
_NUMBER = rf"(?:{_DIGITS}|{_WORDNUM})"
_VAGUE = "|".join(
    re.escape(v).replace(r"\ ", r"\s+") for v in sorted(VAGUE, key=len, reverse=True)
)
# Digits glued to a unit or an age are not counts ("12-year-old", "10km", "5%", "10:30").
_NOT_COUNT = r"(?!\d|,\d|[-–]?\s?(?:year|month|week|day|hour|minute|km\b|kilomet|mile|metre|meter|per\s?cent|%|:\d))"

#: One count expression (qualifier, number or range or vague word, suffix).
COUNT_SOURCE = (
    rf"(?<![\w:.,-])(?:(?P<qual>{_APPROX}|{_AT_LEAST}|{_UP_TO})\s+)?"
    rf"(?:between\s+(?P<b1>{_NUMBER})\s+and\s+(?P<b2>{_NUMBER})"
    rf"|(?P<vague>{_VAGUE})\b"
    rf"|(?P<n1>{_NUMBER}){_NOT_COUNT}(?:\s*(?:-|–|to|or)\s*(?P<n2>{_NUMBER}){_NOT_COUNT})?)"
    rf"(?P<suffix>\s*\+|\s+or\s+more\b|-plus\b)?"
)
COUNT_PATTERN = re.compile("(?i)" + COUNT_SOURCE)


@dataclass(frozen=True, slots=True)
class Count:
    """A stated count as a range: ``best`` is None when the text gives no number."""

    low: int | None
    best: int | None
    high: int | None
    nominal: int | None  # the number as stated ("about 50" -> 50; "dozens" -> 24)
    vague: bool = False


def word_number(text: str) -> int | None:
    """The value of a number in words or digits ("twenty-three", "1,200", "2.5 million")."""
    cleaned = text.strip().lower().replace(",", "")
    if not cleaned:
        return None
    tokens = [t for t in re.split(r"[\s-]+", cleaned) if t and t not in ("and", "a", "an")]
    if not tokens:
        return None
    total, current = 0.0, 0.0
    seen = False
    for token in tokens:
        if re.fullmatch(r"\d+(?:\.\d+)?", token):
            current += float(token)
        elif token in NUMBER_WORDS:
            current += NUMBER_WORDS[token]
        elif token in SCALE_WORDS:
            scale = SCALE_WORDS[token]
            current = (current or 1) * scale
            if scale >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    if not seen:
        return None
    value = total + current
    if not math.isfinite(value):
        return None
    return int(round(value))


def _delta(n: int) -> int:
    return max(1, int(n / 10 + 0.5))


def parse_count(text: str) -> Count | None:
    """Parse one count expression ("about 50", "at least 12", "dozens", "30 to 40")."""
    match = COUNT_PATTERN.fullmatch(text.strip())
    return count_from_match(match) if match else None


def count_from_match(match: re.Match[str]) -> Count | None:
    """The :class:`Count` of a :data:`COUNT_PATTERN` match."""
    if match.group("vague"):
        key = " ".join(match.group("vague").lower().split())
        low, high = VAGUE.get(key, (None, None))
        return Count(low, None, high, low, vague=True)
    if match.group("b1"):
        first, second = word_number(match.group("b1")), word_number(match.group("b2"))
    else:
        first = word_number(match.group("n1") or "")
        second = word_number(match.group("n2")) if match.group("n2") else None
    if first is None:
        return None
    if second is not None:
        low, high = sorted((first, second))
        return Count(low, low, high, low)
    qual = " ".join((match.group("qual") or "").lower().split())
    n = first
    if match.group("suffix") or re.fullmatch(_AT_LEAST, qual):
        return Count(n, n, None, n)
    if re.fullmatch(_UP_TO, qual):
        return Count(None, n, n, n)
    if qual in ("almost", "nearly", "close to", "just under"):
        return Count(max(n - _delta(n), 0), n, n, n)
    if qual:
        return Count(max(n - _delta(n), 0), n, n + _delta(n), n)
    return Count(n, n, n, n)


def add_counts(counts: list[Count]) -> Count:
    """The sum of counts that add up (e.g. the sides of one report); None propagates."""

    def total(values: list[int | None]) -> int | None:
        return None if any(v is None for v in values) else sum(v for v in values if v is not None)

    lows = [c.low if c.low is not None else 0 for c in counts]
    return Count(
        sum(lows) if any(c.low is not None for c in counts) else None,
        total([c.best for c in counts]),
        total([c.high for c in counts]),
        total([c.nominal for c in counts]),
        vague=any(c.vague for c in counts),
    )
