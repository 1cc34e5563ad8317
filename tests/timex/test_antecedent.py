"""Dated antecedent events named in passing ("over the killing of X in March 2019")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from conflictscope.models import EventCandidate, Span
from conflictscope.pipeline.base import AnalyzedArticle
from conflictscope.pipeline.dates import dates
from conflictscope.timex.antecedent import antecedent_candidates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A court on Friday jailed two men over the March 2019 killing of activist Ali Musa.",
         [("killing", "Attack")]),
        ("The court freed a unionist who was among the seven activists arrested on Dec. 10, 2020.",
         [("arrested", "Arrests")]),
        ("The Sept. 26, 2014 kidnapping remains one of the worst incidents of the decade.",
         [("kidnapping", "Abduction/forced disappearance")]),
        # no date in the event's own phrase, or no event word: nothing
        ("A court on Friday jailed two men over the killing of activist Ali Musa.", []),
        ("The minister visited the border in March 2019.", []),
        # a main-clause event is the classifier's, not an antecedent
        ("Gunmen killed two farmers in March 2019.", []),
    ],
)
def test_antecedents(parse: Callable[..., AnalyzedArticle], text: str, expected: list[tuple[str, str]]) -> None:
    sentence = parse(text, "2021-02-01").sentences[0]
    found = antecedent_candidates(sentence)
    assert [(c.trigger.text, c.sub_event_type) for c in found] == expected
    assert all(c.is_background and c.confidence < 0.5 for c in found)


def test_a_covered_kind_is_not_repeated(parse: Callable[..., AnalyzedArticle]) -> None:
    text = "Police said a unionist, who was arrested in May 2019, was arrested again on Friday."
    sentence = parse(text, "2021-02-01").sentences[0]
    start = text.rindex("arrested")
    existing = EventCandidate(
        sentence=Span(0, len(text), text), trigger=Span(start, start + 8, "arrested"),
        event_type="Strategic developments", sub_event_type="Arrests", confidence=0.9,
    )
    assert antecedent_candidates(sentence, [existing]) == []


def test_an_antecedent_is_dated_by_its_own_date(parse: Callable[..., AnalyzedArticle]) -> None:
    analyzed = parse("A court on Friday jailed two men over the March 2019 killing of activist Ali Musa.",
                     "2021-02-01")
    found = tuple(antecedent_candidates(analyzed.sentences[0]))
    (dated,) = dates(replace(analyzed, candidates=found)).candidates
    assert dated.time is not None and (dated.time.event_date.year, dated.time.event_date.month) == (2019, 3)
    assert [s.text for s in dated.evidence["event_date"]] == ["March 2019"]
