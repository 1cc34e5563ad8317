"""Number words have one home (:data:`conflictscope.numbers.NUMBER_WORDS`): every reader of
numbers gives each word the same value, and every rule pattern that spells counts out reads
the same words."""

from __future__ import annotations

import pytest

from conflictscope.classify import modality, rules
from conflictscope.numbers import NUMBER_WORDS, parse_count, small_number_words, word_number
from conflictscope.pipeline import deathcount
from conflictscope.timex import lexicon as timex_lexicon


@pytest.mark.parametrize(("word", "value"), sorted(NUMBER_WORDS.items()))
def test_every_number_word_has_one_value_in_every_reader(word: str, value: int) -> None:
    assert word_number(word) == value
    assert timex_lexicon.number_value(word) == value
    count = parse_count(f"a {word}" if word == "dozen" else word)
    assert count is not None and count.best == value


def test_tens_and_digits_compose_alike_in_counts_and_durations() -> None:
    assert word_number("twenty-three") == timex_lexicon.number_value("twenty-three") == 23
    assert word_number("ninety nine") == timex_lexicon.number_value("ninety nine") == 99


@pytest.mark.parametrize("word", small_number_words(1, 12).split("|"))
def test_every_small_number_word_is_read_by_each_rule_pattern(word: str) -> None:
    assert [NUMBER_WORDS[w] for w in small_number_words(1, 12).split("|")] == list(range(1, 13))
    assert deathcount._OBJECT_AFTER.match(f" {word} villagers")
    assert modality.BACKGROUND_CUES.search(f"{word} years ago")
    if word != "one":
        assert not rules.non_event(f"they claimed responsibility for the raid that killed {word} people")
        assert rules.STRONG_CUES["ATT"].search(f"the attack in kabul killed {word} people")
        assert rules.STRONG_CUES["ATT"].search(f"iran hanged {word} men")
