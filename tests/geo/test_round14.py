"""Round 14: "called"/"named" as a verb after its subject gives no name ("Guterres, who called
China a pillar", "Trudeau called Belarus' actions outrageous")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conflictscope.gazetteer.geoparse import exact_name, known_name
from conflictscope.gazetteer.index import Gazetteer
from conflictscope.gazetteer.recognize import find_toponyms
from conflictscope.pipeline.base import AnalyzedArticle


def _names(parse: Callable[..., AnalyzedArticle], gazetteer: Gazetteer, text: str) -> set[str]:
    toponyms, _ = find_toponyms(parse(text), known=known_name(gazetteer), exact=exact_name(gazetteer))
    return {t.name for t in toponyms}


@pytest.mark.parametrize(
    "text",
    [
        "Antonio Guterres, who called Syria a pillar of the region, spoke on Monday.",
        "During a press conference, Trudeau called Syria’s actions completely unacceptable.",
        "During a press conference, Trudeau called Syria' actions completely unacceptable.",
        "The envoy has called Syria a threat to peace.",
    ],
)
def test_a_place_after_called_as_a_verb_is_a_toponym(
        parse: Callable[..., AnalyzedArticle], use_tiny: Gazetteer, text: str) -> None:
    assert "Syria" in _names(parse, use_tiny, text)


@pytest.mark.parametrize(
    "text",
    [
        "Police spoke to a young woman called Palmyra about the theft.",
        "Police spoke to an asylum seeker named Palmyra about the theft.",
        "Originally named Palmyra, the street was later renamed.",
    ],
)
def test_a_name_given_after_called_or_named_is_no_toponym(
        parse: Callable[..., AnalyzedArticle], use_tiny: Gazetteer, text: str) -> None:
    assert "Palmyra" not in _names(parse, use_tiny, text)
