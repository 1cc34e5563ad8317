"""Dating hand-built event candidates: which expression governs the clause, precision, background."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from conflictscope.document import AnalyzedArticle, Sentence
from conflictscope.models import Article, EventCandidate, Span
from conflictscope.pipeline.dates import NO_BASE_WARNING, dates
from conflictscope.pipeline.nlp import split_sentences

PUBLISHED = date(2016, 12, 11)

REPORT = (
    "Militants re-entered the desert town of Qaryat, nine months after losing it.\n\n"
    "Residents said fighters attacked army posts on Friday.\n\n"
    "The militants held the town for 10 months before it was recaptured by the army in March.\n\n"
    "The group launched a new offensive earlier this week.\n\n"
    "They seized the oil fields and hills around the town in a three-day campaign.\n\n"
    "During their 10-month occupation they destroyed the old market.\n\n"
    "Soldiers were killed, a monitor said."
)


def _article(text: str, published: date | None, triggers: list[tuple[str, int]]) -> AnalyzedArticle:
    sentences = tuple(
        Sentence(i, s, e, text[s:e]) for i, (s, e) in enumerate(split_sentences(text))
    )
    analyzed = AnalyzedArticle(article=Article.from_text(text, published=published), sentences=sentences)
    candidates = []
    for word, nth in triggers:
        start = -1
        for _ in range(nth + 1):
            start = text.index(word, start + 1)
        sentence = analyzed.sentence_at(start)
        assert sentence is not None
        candidates.append(
            EventCandidate(
                sentence=Span(sentence.start, sentence.end, sentence.text),
                trigger=Span(start, start + len(word), word),
                event_type="Battles",
                sub_event_type="Armed clash",
                confidence=0.8,
            )
        )
    return replace(analyzed, candidates=tuple(candidates))


def _dated(word: str, text: str = REPORT, published: date | None = PUBLISHED, nth: int = 0) -> EventCandidate:
    result = dates(_article(text, published, [(word, nth)]))
    return result.candidates[0]


# (trigger, event_date, date_start, date_end, time_precision, date_prec, stated, background)
EXPECTED = [
    # no date of its own: the salient day (the day of the attack, rule 8)
    ("re-entered", "2016-12-09", "2016-12-09", "2016-12-09", 1, 1, True, False),
    ("losing", "2016-03-16", "2016-03-01", "2016-03-31", 3, 4, True, True),
    ("attacked", "2016-12-09", "2016-12-09", "2016-12-09", 1, 1, True, False),
    ("recaptured", "2016-03-16", "2016-03-01", "2016-03-31", 3, 4, True, True),
    ("held", "2015-10-15", "2015-05-01", "2016-03-31", 3, 5, True, True),
    ("launched", "2016-12-07", "2016-12-05", "2016-12-10", 2, 2, True, False),
    ("seized", "2016-12-11", "2016-12-08", "2016-12-11", 2, 2, True, False),
    ("destroyed", "2015-10-15", "2015-05-01", "2016-03-31", 3, 5, True, True),
    ("killed", "2016-12-09", "2016-12-09", "2016-12-09", 1, 1, True, False),
]


@pytest.mark.parametrize(("word", "day", "start", "end", "acled", "ucdp", "stated", "background"), EXPECTED)
def test_candidate_dating(
    word: str, day: str, start: str, end: str, acled: int, ucdp: int, stated: bool, background: bool
) -> None:
    candidate = _dated(word)
    time = candidate.time
    assert time is not None
    assert (time.event_date.isoformat(), time.date_start.isoformat(), time.date_end.isoformat()) == (day, start, end)
    assert (time.time_precision, time.date_prec, time.stated) == (acled, ucdp, stated)
    assert candidate.is_background is background


def test_since_dates_the_event_at_its_start() -> None:
    time = _dated("detained", "He has been detained since 3 December without charge.")
    assert time.time is not None and time.time.event_date == date(2016, 12, 3)
    assert (time.time.date_start, time.time.date_end) == (date(2016, 12, 3), PUBLISHED)


def test_evidence_points_at_the_expression() -> None:
    candidate = _dated("recaptured")
    spans = candidate.evidence["event_date"]
    assert [s.text for s in spans] == ["March"]
    assert REPORT[spans[0].start : spans[0].end] == "March"


def test_unstated_has_no_evidence_and_keeps_classifier_background() -> None:
    text = "Soldiers were killed, a monitor said. The group launched a new offensive earlier this week."
    analyzed = _article(text, PUBLISHED, [("killed", 0)])
    analyzed = replace(analyzed, candidates=(replace(analyzed.candidates[0], is_background=True),))
    candidate = dates(analyzed).candidates[0]
    assert candidate.time is not None and not candidate.time.stated
    assert "event_date" not in candidate.evidence
    assert candidate.is_background


def test_stage_lists_every_expression() -> None:
    result = dates(_article(REPORT, PUBLISHED, []))
    values = [t.value for t in result.timexes]
    assert values == ["P9M", "2016-12-09", "P10M", "2016-03", "2016-W49", "P3D", "P10M"]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Rebels shelled the town on Friday, and troops pulled back on Saturday.", "pulled", "2016-12-10"),
        ("Rebels shelled the town on Friday, and troops pulled back on Saturday.", "shelled", "2016-12-09"),
        ("Fighting has raged since 3 December in the north.", "raged", "2016-12-03..2016-12-11"),
        ("He has been detained since 3 December.", "detained", "2016-12-03..2016-12-11"),
        ("Clashes took place between 5 and 8 December.", "Clashes", "2016-12-05..2016-12-08"),
        ("Clashes took place from 5 December to 8 December.", "Clashes", "2016-12-05..2016-12-08"),
        ("On 7 December gunmen stormed a school. They killed two guards.", "killed", "2016-12-07"),
        # another paragraph: not rule 4, but the article's salient day (rule 8)
        ("On 7 December gunmen stormed a school.\n\nLater, police arrested a man.", "arrested", "2016-12-07"),
        # no day in an event sentence: the unstated week before publication
        ("The minister visited on 7 December.\n\nLater, police arrested a man.", "arrested", "2016-12-05..2016-12-11"),
        ("A bomb exploded on 8-10 December in the market.", "exploded", "2016-12-08..2016-12-10"),
        # the main clause of "N units after <a dated clause>" is that date moved by N
        ("The school was attacked two days after the rebels captured the town on 5 March 2016.",
         "attacked", "2016-03-07"),
        ("Gunmen killed the journalist three years after he was released in 2012.", "killed",
         "2015-01-01..2015-12-31"),
        # a present perfect is the news itself, not the old event the report recalls
        ("A man has been arrested in Greece over the hijacking.\n\nThe jet was hijacked on "
         "June 14, 1985.", "arrested", "2016-12-05..2016-12-11"),
        # rule 3 borrows a date of the previous sentence, but not a year that names a thing
        # ("the 2015 vote") nor one that starts a period ("since 2015")
        ("The monitor has recorded abuses since the 2015 vote. Police raided its office.", "raided",
         "2016-12-05..2016-12-11"),
        ("The monitor has recorded abuses since 2015. Police raided its office.", "raided",
         "2016-12-05..2016-12-11"),
        ("The monitor recorded abuses in 2015. Police raided its office.", "raided",
         "2015-01-01..2015-12-31"),
    ],
)
def test_clause_choice(text: str, word: str, expected: str) -> None:
    time = _dated(word, text).time
    assert time is not None
    got = time.event_date.isoformat() if time.date_start == time.date_end else f"{time.date_start}..{time.date_end}"
    assert got == expected


def test_dateline_dates_undated_events_without_publication_date() -> None:
    text = "ADEN, March 7, 2022 (Agency) -- Gunmen kidnapped four aid workers, officials said on Monday."
    analyzed = dates(_article(text, None, [("kidnapped", 0)]))
    time = analyzed.candidates[0].time
    assert time is not None
    assert time.event_date == date(2022, 3, 7)
    assert [t.value for t in analyzed.timexes] == ["2022-03-07", "2022-03-07"]


def test_no_publication_date_relative_stays_unresolved() -> None:
    analyzed = dates(_article("Gunmen attacked a bus yesterday.", None, [("attacked", 0)]))
    assert analyzed.candidates[0].time is None
    assert NO_BASE_WARNING in analyzed.warnings
    assert analyzed.timexes[0].value == "XXXX-XX-XX"


def test_no_publication_date_absolute_still_dated() -> None:
    analyzed = dates(_article("Gunmen attacked a bus on 4 May 2015.", None, [("attacked", 0)]))
    time = analyzed.candidates[0].time
    assert time is not None and time.event_date == date(2015, 5, 4) and time.time_precision == 1


@pytest.mark.parametrize("published", [date(1, 1, 2), date(9999, 12, 31), None])
def test_edge_publication_dates_do_not_crash(published: date | None) -> None:
    analyzed = dates(_article(REPORT, published, [("killed", 0), ("seized", 0), ("held", 0)]))
    assert len(analyzed.candidates) == 3


def test_undated_repeat_mention_inherits_the_earlier_date() -> None:
    text = "Troops recaptured the town in March.\n\nThey recaptured it with heavy air support."
    first, second = dates(_article(text, PUBLISHED, [("recaptured", 0), ("recaptured", 1)])).candidates
    assert first.time is not None and second.time == first.time
    assert second.is_background and [s.text for s in second.evidence["event_date"]] == ["March"]


def test_a_period_dated_by_its_end_is_not_inherited() -> None:
    # "In the past two months, ... have arrested, jailed ..." says by when, not when: the lead's
    # undated jailing took the publication date from it; the report's salient day is the better guess
    text = ("A journalist was jailed over a tweet.\n\nOn 7 December, a judge rejected his request for "
            "pretrial release.\n\nIn the past two months, the authorities have jailed three rappers.")
    lead, roundup = dates(_article(text, PUBLISHED, [("jailed", 0), ("jailed", 1)])).candidates
    assert roundup.time is not None and roundup.time.event_date == PUBLISHED
    assert lead.time is not None and lead.time.event_date == date(2016, 12, 7)
    assert [s.text for s in lead.evidence["event_date"]] == ["7 December"]


def test_undated_mention_of_another_type_does_not_inherit() -> None:
    text = "Troops recaptured the town in March.\n\nSoldiers were killed, a monitor said."
    analyzed = _article(text, PUBLISHED, [("recaptured", 0), ("killed", 0)])
    second = replace(analyzed.candidates[1], sub_event_type="Attack")
    first, dated = dates(replace(analyzed, candidates=(analyzed.candidates[0], second))).candidates
    assert dated.time is not None and not dated.time.stated and not dated.is_background


@pytest.mark.parametrize(
    ("text", "word", "expected", "stated"),
    [
        # rule 8: an event sentence with no date takes the salient day, in any paragraph
        ("Mr Okoye was arrested on 2 December.\n\nHe was beaten in custody.", "beaten", "2016-12-02", True),
        ("Soldiers stormed the village.\n\nThe raid began on Friday, residents said.", "stormed", "2016-12-09", True),
        # the reporting day is no salient day: unstated
        ("Soldiers stormed the village.\n\nThe army said on Friday it was investigating.", "stormed",
         "2016-12-11", False),
    ],
)
def test_salient_day_dates_undated_events(text: str, word: str, expected: str, stated: bool) -> None:
    candidate = _dated(word, text)
    assert candidate.time is not None
    assert (candidate.time.event_date.isoformat(), candidate.time.stated) == (expected, stated)
    assert bool(candidate.evidence.get("event_date")) is stated


def test_the_day_inside_the_year_of_the_same_clause_dates_the_event(analyze) -> None:  # type: ignore[no-untyped-def]
    text = ("Police in Kano State said kidnappers were active.\n\nThe first incident in 2019 took place on "
            "March 18, when kidnappers seized a trader in Jahun Local Government Area of Jigawa State.")
    events = [e for e in analyze(text, published="2020-12-01").events if e.admin1 == "Jigawa"]
    assert events and all(e.event_date == date(2019, 3, 18) and e.time_precision == 1 for e in events), [
        (e.event_date, e.time_precision) for e in events]
