"""Year-less dates that the text itself places in a year.

* the same day written in full earlier (timex.extract._narrative_years);
* a month joined to a month with a year ("between April and June 2021");
* a month followed by "last/this/next year" (see also test_normalise);
* "that year", "that summer": the year of the last date written in full (timex.extract._that_year).
"""

from __future__ import annotations

from datetime import date

import pytest

from conflictscope.timex import find_timexes

PUBLISHED = date(2022, 3, 7)

# (text, expression, expected value); the expression is the last one with that text
CASES = [
    # the same day written in full earlier, anywhere: that year
    ("Seven unionists were arrested on Dec. 10, 2020.\n\nA court freed one of the seven arrested "
     "on Human Rights Day.", "Human Rights Day", "2020-12-10"),
    ("The blogger was seized on 3 May 2019.\n\nSince 3 May his family has had no news.",
     "3 May", "2019-05-03"),
    # the next day of a chronicle goes on in its year (see below); an upcoming one keeps the reading
    # against the publication date
    ("The blogger was seized on 3 May 2019. On 4 May his family went to the police.", "4 May", "2019-05-04"),
    ("The strike began on 20 March 2021. A rally is planned for 20 March.", "20 March", "2022-03-20"),
    # a month joined to a month with its year
    ("The group published reports in March and July 2019.", "March", "2019-03"),
    ("Between April and June 2020, 40 activists were detained.", "April", "2020-04"),
    ("Police held him from December to February 2021.", "December", "2020-12"),
    # a month followed by a relative year
    ("Two men were executed in March last year.", "March", "2021-03"),
    ("Polls in May and June were calm.", "May", "2021-05"),
    # "that year", "that summer": the year the text last wrote in full (they were the publication's)
    ("He has been missing since 2016, when the couple stayed in Andorra in September that year.",
     "September", "2016-09"),
    ("He vanished in 2016.\n\nThe pair had toured Spain that summer.", "summer", "2016-SU"),
    ("The reporter was arrested in March 2019. He was released on 3 June of that year.", "3 June", "2019-06-03"),
    # without such words the publication's reading stays
    ("He vanished in 2016.\n\nThe pair toured Spain in the summer.", "the summer", "2021-SU"),
    # a month and day after the one year its sentence is set in ("in 2019"): that year
    ("The first incident in 2019 took place on March 18, when gunmen seized a trader.", "March 18",
     "2019-03-18"),
    ("In 2019, the group was formed and on 18 March it raided a depot.", "18 March", "2019-03-18"),
    # a chronicle goes on in the year it last wrote, shortly after, and later in that year
    ("On January 18, 2018, two engineers were kidnapped in Kaduna. On January 23, two traders were "
     "kidnapped in Zaria.", "January 23", "2018-01-23"),
    ("Police detained the blogger in May 2019 in Kano. On 3 June, his lawyer was arrested too.",
     "3 June", "2019-06-03"),
    ("He disappeared in May 2019. He was declared dead on Jan. 30.", "Jan. 30", "2022-01-30"),
    ("On January 18, 2018, two engineers were kidnapped in Kaduna." + " The state has seen many attacks." * 9
     + " On January 23, two traders were kidnapped in Zaria.", "January 23", "2022-01-23"),
    # not a year of another sentence, one of several, or a span's bound
    ("In 2019, ten sailors were kidnapped. On March 18, gunmen attacked a bus.", "March 18", "2022-03-18"),
    ("In 2018 and 2019 the group grew; on March 18 it raided a depot.", "March 18", "2022-03-18"),
    ("Attacks rose in 2019 to 2020 and on March 18 a depot was raided.", "March 18", "2022-03-18"),
]


@pytest.mark.parametrize(("text", "expression", "value"), CASES)
def test_story_year(text: str, expression: str, value: str) -> None:
    found = {t.text: t.value for t in find_timexes(text, PUBLISHED)}
    assert found.get(expression) == value, found
