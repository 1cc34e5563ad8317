"""Counts: number words, digits, qualifiers, ranges and vague words."""

from __future__ import annotations

import pytest

from conflictscope.numbers import parse_count, word_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("twenty-three", 23),
        ("two hundred and fifty", 250),
        ("1,200", 1200),
        ("2.5 million", 2_500_000),
        ("a dozen", 12),
        ("a hundred", 100),
        ("forty two", 42),
        ("banana", None),
        ("", None),
    ],
)
def test_word_number(text: str, expected: int | None) -> None:
    assert word_number(text) == expected


@pytest.mark.parametrize(
    ("text", "low", "best", "high"),
    [
        ("12", 12, 12, 12),
        ("about 50", 45, 50, 55),
        ("around 5", 4, 5, 6),
        ("some 200", 180, 200, 220),
        ("nearly 40", 36, 40, 40),
        ("at least 12", 12, 12, None),
        ("more than 100", 100, 100, None),
        ("50 or more", 50, 50, None),
        ("up to 20", None, 20, 20),
        ("30 to 40", 30, 30, 40),
        ("between 30 and 40", 30, 30, 40),
        ("three or four", 3, 3, 4),
        ("dozens", 24, None, 99),
        ("several", 3, None, 9),
        ("hundreds", 200, None, 999),
        ("an unknown number", None, None, None),
    ],
)
def test_parse_count(text: str, low: int | None, best: int | None, high: int | None) -> None:
    count = parse_count(text)
    assert count is not None
    assert (count.low, count.best, count.high) == (low, best, high)


@pytest.mark.parametrize("text", ["12-year-old", "10km", "10:30", "5%", "boy"])
def test_not_a_count(text: str) -> None:
    assert parse_count(text) is None
