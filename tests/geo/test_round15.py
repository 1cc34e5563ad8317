"""Round 15 of geoparsing: names that look like places in conflict reports and are not, and places
the earlier rounds lost (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conflictscope.gazetteer.geoparse import geoparse
from conflictscope.gazetteer.index import Gazetteer
from conflictscope.pipeline.base import AnalyzedArticle


def _found(parse: Callable[..., AnalyzedArticle], gazetteer: Gazetteer, text: str) -> dict[str, str]:
    return {m.span.text: m.place.country for m in geoparse(parse(text), gazetteer).places}


@pytest.mark.parametrize(
    "text",
    [
        "The minister speaks during a news conference in Ankara, Turkey, October 26. REUTERS/ Alp Eren Kaya",
        "Soldiers patrol a street in Ankara, Turkey. AFP/Alp Kaya",
    ],
)
def test_a_photographer_credited_after_an_agency_slash_is_no_town(
        parse: Callable[..., AnalyzedArticle], real_gazetteer: Gazetteer, text: str) -> None:
    found = _found(parse, real_gazetteer, text)
    assert found.get("Ankara") == "Turkey" and "Kaya" not in found, found


@pytest.mark.parametrize(
    "text",
    [
        # US context made Woolwich, Maine the first sense; not near London, the court was dropped
        "US prosecutors told Woolwich Crown Court on Monday that the US treaty applied to the US case. "
        "His lawyers in London disagreed.",
        "Wednesday, February 26, Woolwich Crown Court. US prosecutors pressed the US case. "
        "His lawyers in London, England, objected.",
    ],
)
def test_a_small_town_in_a_courts_name_takes_its_sense_near_the_reports_places(
        parse: Callable[..., AnalyzedArticle], real_gazetteer: Gazetteer, text: str) -> None:
    found = _found(parse, real_gazetteer, text)
    assert found.get("Woolwich") == "United Kingdom", found
