"""Hand-written sentences: each expression and the TIMEX3 value it must normalise to."""

from __future__ import annotations

from datetime import date

import pytest

from conflictscope.timex import find_timexes

SUNDAY = date(2016, 12, 11)  # a Sunday, ISO week 49
WEDNESDAY = date(2019, 3, 13)

# (sentence, publication date, expression text, expected value)
CASES = [
    # absolute days
    ("Rebels shelled the town on 11 December 2016.", SUNDAY, "11 December 2016", "2016-12-11"),
    ("The base fell on December 11, 2016, officials said.", SUNDAY, "December 11, 2016", "2016-12-11"),
    ("Troops withdrew on Dec. 11, 2016 after heavy losses.", SUNDAY, "Dec. 11, 2016", "2016-12-11"),
    ("Fighting resumed on Sunday, 4 December 2016 in the north.", SUNDAY, "Sunday, 4 December 2016", "2016-12-04"),
    ("The ceasefire of 3rd March 2015 collapsed.", SUNDAY, "3rd March 2015", "2015-03-03"),
    ("The massacre of the 5th of June 1998 is remembered.", SUNDAY, "the 5th of June 1998", "1998-06-05"),
    ("A car bomb exploded on 2016-11-30 near the market.", SUNDAY, "2016-11-30", "2016-11-30"),
    ("The strike was logged on 29/11/2016 by monitors.", SUNDAY, "29/11/2016", "2016-11-29"),
    ("Police said the raid on 11/29/2016 was legal.", SUNDAY, "11/29/2016", "2016-11-29"),
    ("Villagers fled on September 1st, 2014.", SUNDAY, "September 1st, 2014", "2014-09-01"),
    ("The attack on March 01 , 2008 killed four.", SUNDAY, "March 01 , 2008", "2008-03-01"),
    # partial days (no year)
    ("Militants attacked a checkpoint on Dec. 9.", SUNDAY, "Dec. 9", "2016-12-09"),
    ("The convoy was ambushed on 2 December.", SUNDAY, "2 December", "2016-12-02"),
    ("The town was captured on November 30, a spokesman said.", SUNDAY, "November 30", "2016-11-30"),
    ("Protesters gathered on 20 March, witnesses said.", SUNDAY, "20 March", "2016-03-20"),
    ("A hearing is set for December 20.", SUNDAY, "December 20", "2016-12-20"),
    ("Clashes broke out on October 28, residents said.", date(2016, 3, 1), "October 28", "2015-10-28"),
    ("Elections will be held on 15 January.", SUNDAY, "15 January", "2017-01-15"),
    ("The vote on January 3 was marred by violence.", date(2017, 1, 20), "January 3", "2017-01-03"),
    # months and years
    ("The army retook the city in March.", SUNDAY, "March", "2016-03"),
    ("The group first seized the town in May 2015.", SUNDAY, "May 2015", "2015-05"),
    ("Aid stopped in October last year.", WEDNESDAY, "October", "2018-10"),
    # a month or day followed by "last/this/next year" is in that year
    ("Two men were executed in January last year.", WEDNESDAY, "January", "2018-01"),
    ("He was arrested on 3 February of last year.", WEDNESDAY, "3 February", "2018-02-03"),
    ("Talks resume in January next year.", WEDNESDAY, "January", "2020-01"),
    ("In May, last year's winner spoke.", date(2019, 7, 1), "May", "2019-05"),
    ("The offensive started in September 2016.", SUNDAY, "September 2016", "2016-09"),
    ("Talks will resume in February.", SUNDAY, "February", "2017-02"),
    ("Since January the militia has lost ground.", SUNDAY, "January", "2016-01"),
    ("In May the rebels withdrew.", WEDNESDAY, "May", "2018-05"),
    ("The siege began last March.", SUNDAY, "last March", "2016-03"),
    ("The siege began last December.", SUNDAY, "last December", "2015-12"),
    ("The war began in 2011.", SUNDAY, "2011", "2011"),
    ("Violence has grown since 2014, the report said.", SUNDAY, "2014", "2014"),
    ("The 1994 genocide killed many.", SUNDAY, "1994", "1994"),
    ("Attacks rose sharply in the 1990s.", SUNDAY, "the 1990s", "199"),
    ("Unrest in the '80s shaped the region.", SUNDAY, "the '80s", "198"),
    ("Raids continued through the summer of 2015.", SUNDAY, "the summer of 2015", "2015-SU"),
    ("Fighting intensified last summer.", SUNDAY, "last summer", "2016-SU"),
    ("Output fell in the third quarter of 2016.", SUNDAY, "the third quarter of 2016", "2016-Q3"),
    ("Losses mounted in Q2 2015.", SUNDAY, "Q2 2015", "2015-Q2"),
    # modifiers
    ("The town fell in early March.", SUNDAY, "early March", "2016-03"),
    ("Clashes erupted in mid-2015.", SUNDAY, "mid-2015", "2015"),
    ("The militia regrouped in late 2014.", SUNDAY, "late 2014", "2014"),
    ("Troops will leave by the end of this year.", SUNDAY, "the end of this year", "2016"),
    # relative days
    ("Gunmen killed three people yesterday.", SUNDAY, "yesterday", "2016-12-10"),
    ("Shelling resumed today in the east.", SUNDAY, "today", "2016-12-11"),
    ("Troops advanced on Sunday.", SUNDAY, "Sunday", "2016-12-11"),
    ("Militants struck a bus on Friday.", SUNDAY, "Friday", "2016-12-09"),
    ("The army said on Monday that it had retaken the hill.", SUNDAY, "Monday", "2016-12-05"),
    ("A drone strike hit the village last Tuesday.", SUNDAY, "last Tuesday", "2016-12-06"),
    ("Protests are planned for next Tuesday.", SUNDAY, "next Tuesday", "2016-12-13"),
    ("The talks will resume on Friday.", WEDNESDAY, "Friday", "2019-03-15"),
    ("The airport will stay closed until Friday.", WEDNESDAY, "Friday", "2019-03-15"),
    ("A mortar hit the school on Tuesday.", WEDNESDAY, "Tuesday", "2019-03-12"),
    ("Rebels attacked late on Saturday night.", SUNDAY, "Saturday night", "2016-12-10TNI"),
    ("Air strikes hit the town last night.", SUNDAY, "last night", "2016-12-10TNI"),
    ("Clashes flared this morning near the bridge.", SUNDAY, "this morning", "2016-12-11TMO"),
    ("Three days ago a bomb exploded.", SUNDAY, "Three days ago", "2016-12-08"),
    ("Two weeks ago the army withdrew.", SUNDAY, "Two weeks ago", "2016-11-27"),
    ("The town fell a week ago.", SUNDAY, "a week ago", "2016-12-04"),
    ("Nine months ago the city was retaken.", SUNDAY, "Nine months ago", "2016-03"),
    ("The war started five years ago.", SUNDAY, "five years ago", "2011"),
    ("Monitors reported the killings the day before yesterday.", SUNDAY, "the day before yesterday", "2016-12-09"),
    # relative weeks, months, years
    ("The group launched an offensive earlier this week.", SUNDAY, "earlier this week", "2016-W49"),
    ("Clashes killed dozens this week.", SUNDAY, "this week", "2016-W49"),
    ("Fighting flared last week.", SUNDAY, "last week", "2016-W48"),
    ("Talks are due next week.", SUNDAY, "next week", "2016-W50"),
    ("Rebels regrouped last weekend.", SUNDAY, "last weekend", "2016-W48-WE"),
    ("Dozens were arrested earlier this month.", SUNDAY, "earlier this month", "2016-12"),
    ("The town fell last month.", SUNDAY, "last month", "2016-11"),
    ("Prices rose this month.", SUNDAY, "this month", "2016-12"),
    ("A truce was agreed last year.", SUNDAY, "last year", "2015"),
    ("IS was driven out earlier this year.", SUNDAY, "earlier this year", "2016"),
    ("Elections are due next year.", SUNDAY, "next year", "2017"),
    ("Last month's attack killed five.", date(2017, 1, 5), "Last month", "2016-12"),
    # anaphora
    ("The town was shelled on 3 December. Two days later, troops withdrew.", SUNDAY, "Two days later", "2016-12-05"),
    ("Militants attacked on 3 December and were repelled the next day.", SUNDAY, "the next day", "2016-12-04"),
    ("Rebels entered on 5 December; a counter-attack came the following day.", SUNDAY, "the following day", "2016-12-06"),
    ("The army arrived on Friday. A bomb went off the same day.", SUNDAY, "the same day", "2016-12-09"),
    ("The siege ended on 1 March. A week earlier, aid had arrived.", SUNDAY, "A week earlier", "2016-02-23"),
    # a date after "since" opens a period; it is not the day the story is at
    ("Chaos has reigned since the 1 December coup. Police killed four the previous day.", SUNDAY,
     "the previous day", "2016-12-10"),
    ("The town has been besieged since 1 December. A shell hit the market the previous day.", SUNDAY,
     "the previous day", "2016-12-10"),
    # durations
    ("IS held the town for 10 months.", SUNDAY, "10 months", "P10M"),
    ("They seized the heights in a three-day campaign.", SUNDAY, "three-day", "P3D"),
    ("The 10-month occupation ended.", SUNDAY, "10-month", "P10M"),
    ("Fighting raged for two weeks.", SUNDAY, "two weeks", "P2W"),
    ("Over the past nine days, 40 died.", SUNDAY, "the past nine days", "P9D"),
    ("The conflict has lasted six years.", SUNDAY, "six years", "P6Y"),
    ("A 12-hour curfew was imposed.", SUNDAY, "12-hour", "PT12H"),
    ("The group returned, nine months after losing the city.", SUNDAY, "nine months", "P9M"),
    # references
    ("The city is now in rebel hands.", SUNDAY, "now", "PRESENT_REF"),
    ("Attacks have risen in recent years.", SUNDAY, "in recent years", "PAST_REF"),
    ("Violence may spread in the near future.", SUNDAY, "the near future", "FUTURE_REF"),
]


@pytest.mark.parametrize(("sentence", "published", "expression", "value"), CASES)
def test_expression_value(sentence: str, published: date, expression: str, value: str) -> None:
    found = {t.text: t.value for t in find_timexes(sentence, published)}
    assert found.get(expression) == value, found


def test_case_count() -> None:
    assert len(CASES) >= 70
