"""Embedded social-media posts: "today" inside a post is the post's day (timex.posts)."""

from __future__ import annotations

from datetime import date

import pytest

from conflictscope.pipeline.nlp import split_sentences
from conflictscope.timex import find_timexes
from conflictscope.timex.posts import post_spans

PUBLISHED = date(2022, 3, 14)
PAGE = ("Protesters are still being detained.\n\n"
        "Police in the city arrested a demonstrator today for holding a blank sign. pic.twitter.com/abc "
        "— A Reporter (@areporter) March 12, 2022\n\n"
        "More people were detained today.")


def _values(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_timexes(text, PUBLISHED, sentences=split_sentences(text))]


def test_today_in_a_post_is_the_posts_day() -> None:
    # it was the page's publication day, two days later
    assert _values(PAGE) == [("today", "2022-03-12"), ("March 12, 2022", "2022-03-12"), ("today", "2022-03-14")]


def test_a_post_spans_its_paragraph_up_to_its_signature() -> None:
    ((start, end, day),) = post_spans(PAGE)
    assert PAGE[start:].startswith("Police in the city") and PAGE[end:].startswith("— A Reporter")
    assert day == date(2022, 3, 12)


@pytest.mark.parametrize("signature", ["— Name (@handle) Feb 30, 2022", "— Name (@handle) Smarch 3, 2022",
                                       "(@handle) March 3, 2022", ""])
def test_odd_signatures_give_no_post(signature: str) -> None:
    assert post_spans(f"Something happened today. {signature}") == []


def test_sept_is_september() -> None:
    ((_, _, day),) = post_spans("Arrests today. — Name (@handle) Sept. 3, 2019")
    assert day == date(2019, 9, 3)
