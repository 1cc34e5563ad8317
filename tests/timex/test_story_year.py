"""Year-less dates take the year of the story being told (timex.extract._narrative_years)."""

from __future__ import annotations

from datetime import date

import pytest

from conflictscope.timex import find_timexes

PUBLISHED = date(2021, 8, 18)

# (text, expression, expected value); the expression is the last one with that text
CASES = [
    # a full date shortly before, in an earlier year: the story's year
    ("On 9 August 2020, voters went to the polls. On 10 August, riot police beat hundreds.",
     "10 August", "2020-08-10"),
    ("Troops entered the district in March 2019. By 4 April, dozens were detained.",
     "4 April", "2019-04-04"),
    ("The activist was detained in May 2020 and in June she was sentenced.", "June", "2020-06"),
    # the same day written in full earlier, anywhere: that year
    ("Seven unionists were arrested on Dec. 10, 2020.\n\nA court freed one of the seven arrested "
     "on Human Rights Day.", "Human Rights Day", "2020-12-10"),
    ("The blogger was seized on 3 May 2019.\n\nSince 3 May his family has had no news.",
     "3 May", "2019-05-03"),
    # no move: another paragraph, a later anchor year, or the date would be after publication
    ("Villagers fled in March 2019.\n\nOn 4 April, gunmen abducted two teachers.", "4 April", "2021-04-04"),
    ("The strike began on 2 February 2021. On 9 March, police arrested its leaders.",
     "9 March", "2021-03-09"),
    ("The activist was jailed on 2 January 2020. On 30 September, she will be released.",
     "30 September", "2021-09-30"),
]


@pytest.mark.parametrize(("text", "expression", "value"), CASES)
def test_story_year(text: str, expression: str, value: str) -> None:
    found = {t.text: t.value for t in find_timexes(text, PUBLISHED)}
    assert found.get(expression) == value, found
