"""A subordinate event keeps its own date; holidays; a month-dated mention narrows to its day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from builders import dated_candidates
from conflictscope.document import AnalyzedArticle
from conflictscope.models import Span
from conflictscope.timex import find_timexes
from conflictscope.timex.clauses import clause_roles

_dated = dated_candidates


@pytest.mark.parametrize(
    ("text", "word", "outer", "attached"),
    [
        # the main clause's date is a later event's
        ("The pastor was released on Friday after being kidnapped by gunmen.", "kidnapped", ["Friday"], []),
        ("Police detained him on Friday after he attacked a reporter.", "attacked", ["Friday"], []),
        ("The activist, who was arrested at a rally, was granted bail on Friday.", "arrested", ["Friday"], []),
        ("Bosnia on Friday detained a former policeman over the killing of 51 civilians.", "killing",
         ["Friday"], []),
        # the subordinate event's own date stays attached
        ("The pastor was released on Friday after being kidnapped on 2 December.", "kidnapped",
         ["Friday"], ["2 December"]),
        ("A court on Friday jailed the men over the 3 November killing of a journalist.", "killing",
         ["Friday"], ["the 3 November"]),
        # not subordinate: the main clause's date is the event's
        ("Gunmen on Friday attacked the village, killing five people.", "killing", [], []),
        ("The governor met officials on Friday to press for an end to the strike.", "strike", [], []),
        ("The director was released on Friday.", "released", [], ["Friday"]),
    ],
)
def test_a_subordinate_event_is_not_dated_by_its_main_clause(
    parse: Callable[..., AnalyzedArticle], text: str, word: str, outer: list[str], attached: list[str]
) -> None:
    analyzed = parse(text, "2016-12-11")
    sentence = analyzed.sentences[0]
    start = text.index(word)
    timexes = find_timexes(text, date(2016, 12, 11))
    roles = clause_roles(text, 0, sentence.doc, Span(start, start + len(word), word), timexes)
    assert [t.text for t in roles.outer] == outer
    assert [t.text for t in roles.attached] == attached


@pytest.mark.parametrize(
    ("text", "word", "day", "stated"),
    [
        ("The pastor was released on Friday after being kidnapped on 2 December.", "kidnapped", "2016-12-02", True),
        # a month of the main clause still dates it
        ("In November, she crossed the border after she was kidnapped by a gang.", "kidnapped", "2016-11-15", True),
        ("Gunmen on Friday attacked the village, killing five people.", "killing", "2016-12-09", True),
    ],
)
def test_dating_a_subordinate_event(
    parse: Callable[..., AnalyzedArticle], text: str, word: str, day: str, stated: bool
) -> None:
    time = _dated(parse, text, [(word, 0)])[0].time
    assert time is not None
    assert (time.event_date.isoformat(), time.stated) == (day, stated)


def test_the_subordinate_mention_takes_the_date_of_the_same_event(parse: Callable[..., AnalyzedArticle]) -> None:
    text = (
        "The activist, who was arrested at a rally, was granted bail on Friday.\n\n"
        "She was arrested on 3 November at a factory gate."
    )
    candidates = _dated(parse, text, [("arrested", 0), ("arrested", 1)], "Arrests")
    assert [c.time.event_date.isoformat() for c in candidates if c.time] == ["2016-11-03", "2016-11-03"]


def test_a_month_dated_mention_narrows_to_the_day_of_the_same_event(parse: Callable[..., AnalyzedArticle]) -> None:
    text = (
        "Seven activists were arrested in November on what lawyers call fabricated charges.\n\n"
        "The group was arrested at dawn on 10 November in a raid on their office."
    )
    candidates = _dated(parse, text, [("arrested", 0), ("arrested", 1)], "Arrests")
    assert [c.time.event_date.isoformat() for c in candidates if c.time] == ["2016-11-10", "2016-11-10"]
    assert [s.text for s in candidates[0].evidence["event_date"]] == ["10 November"]


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("They were kidnapped on Christmas Eve.", "Christmas Eve", "2016-12-24"),
        ("Shops were looted on Christmas Day 2015.", "Christmas Day 2015", "2015-12-25"),
        ("He was freed just before Christmas.", "Christmas", "2016-12-25"),
        ("Two were shot on New Year’s Eve.", "New Year’s Eve", "2016-12-31"),
        ("Unionists were detained on Human Rights Day 2014.", "Human Rights Day 2014", "2014-12-10"),
        ("Police clashed with marchers on May Day.", "May Day", "2016-05-01"),
    ],
)
def test_holidays_are_days(text: str, expression: str, value: str) -> None:
    found = find_timexes(text, date(2017, 1, 5))  # holidays without a year: the last one
    assert [(t.text, t.value) for t in found] == [(expression, value)]


@pytest.mark.parametrize(
    "text", ["Christmas lights were put up.", "The Christmas market opened.", 'One of the "Human Rights Day 7" was freed.']
)
def test_holiday_words_alone_are_not_dates(text: str) -> None:
    assert find_timexes(text, date(2016, 12, 11)) == []



def test_the_reports_main_place_does_not_keep_a_mention_from_its_event(
    parse: Callable[..., AnalyzedArticle],
) -> None:
    # the lead names no place and took the report's main place (Wuhan, from a caption): it counted
    # as "elsewhere" than Beijing, so the lead took a May date from another paragraph
    from dataclasses import replace

    from builders import candidate_at, with_candidates
    from conflictscope.models import EventCandidate, Place, PlaceMention
    from conflictscope.pipeline.dates import dates

    text = ("A bus station in Wuhan in central China on April 30.\n\n"
            "The EU called on China to release all arrested reporters.\n\n"
            "Fan was taken from her home in Beijing by officers on Dec. 7.\n\n"
            "Zhang Zhan was detained in Wuhan in May.")
    analyzed = parse(text, "2016-12-11")

    def placed(word: str, city: str, occurrence: int, admin1: str) -> EventCandidate:
        candidate = candidate_at(analyzed, word, event_type="Strategic developments", sub_event_type="Arrests")
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(city, start + 1)
        place = Place(name=city, country="China", iso3="CHN", admin1=admin1)
        return replace(candidate, place=PlaceMention(Span(start, start + len(city), city), place))

    made = (placed("arrested", "Wuhan", 0, "Hubei"),  # the caption's Wuhan, not in its sentence
            placed("taken", "Beijing", 0, "Beijing"), placed("detained", "Wuhan", 1, "Hubei"))
    dated = dates(with_candidates(analyzed, *made)).candidates
    assert [c.time.event_date.isoformat() for c in dated if c.time] == ["2016-12-07", "2016-12-07", "2016-05-16"]


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("Not unlike the staged attack on August 31, 1939 by soldiers, Moscow felt obliged to act.", "attack", True),
        ("Not unlike the staged attack on August 31, 1939 by soldiers, Moscow felt obliged to act.", "obliged", False),
        ("Like the crackdown of 2019, the raids targeted students.", "crackdown", True),
        ("Police raided the office, like they did in 2019.", "raided", False),
    ],
)
def test_the_comparison_a_sentence_opens_with(sentence: str, word: str, expected: bool) -> None:
    from conflictscope.lexicon.events import in_comparison

    assert in_comparison(sentence, sentence.index(word)) is expected


def test_a_compared_events_date_is_not_the_main_clauses(parse: Callable[..., AnalyzedArticle]) -> None:
    # "Moscow felt obliged ..." was dated 1939 by the comparison it opens with
    text = ("The army invaded the country on 27 December 1979.\n\n"
            "Not unlike the staged attack on August 31, 1939 by soldiers in disguise, Moscow felt obliged "
            "to justify the invasion.")
    (obliged,) = _dated(parse, text, [("obliged", 0)])
    assert obliged.time is not None and obliged.time.event_date.year != 1939


@pytest.mark.parametrize(
    ("text", "word", "prior"),
    [
        # the "after" clause below the trigger tells an earlier event: its date is never the trigger's
        ("The family said the doctor was murdered after being detained by police in November 1981.",
         "murdered", ["November 1981"]),
        ("Police raided the office on Friday after the editor published the report in May.", "raided", ["May"]),
        # "since" opens the trigger's own span
        ("Thousands have been detained since the war began on Feb. 24.", "detained", []),
    ],
)
def test_the_dates_of_an_after_clause_are_prior(
    parse: Callable[..., AnalyzedArticle], text: str, word: str, prior: list[str]
) -> None:
    analyzed = parse(text, "2016-12-11")
    start = text.index(word)
    roles = clause_roles(text, 0, analyzed.sentences[0].doc, Span(start, start + len(word), word),
                         find_timexes(text, date(2016, 12, 11)))
    assert [t.text for t in roles.prior] == prior


def test_a_murder_after_a_dated_detention_takes_the_day_of_the_death(parse: Callable[..., AnalyzedArticle]) -> None:
    # "murdered after being detained ... in November 1981" was dated November 1981
    text = ("The family said the doctor was murdered after being detained by police in November 1981.\n\n"
            "He was tortured for weeks before his death on 5 February 1982.")
    (murdered,) = _dated(parse, text, [("murdered", 0)])
    assert murdered.time is not None and murdered.time.event_date.isoformat() == "1982-02-05"
