"""Round 4: a country named in the clause narrows to the report's town; asides abroad; named people."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from conflictscope.gazetteer.index import Gazetteer
from conflictscope.gazetteer.recognize import _allowed
from conflictscope.models import EventCandidate
from conflictscope.pipeline.base import AnalyzedArticle
from conflictscope.pipeline.places import country_salience, places

REPORT = (
    "Fighters stormed Palmyra on Sunday, seizing the desert city.\n\n"
    "Palmyra lies in Homs province. Residents of Palmyra fled towards Homs.\n\n"
    "Police later arrested three activists in Syria.\n\n"
    "Crowds protested over a killing in Iraq outside the museum in Palmyra."
)


def _protest(candidate_at: Callable[..., EventCandidate], analyzed: AnalyzedArticle,
             trigger: str) -> EventCandidate:
    return candidate_at(analyzed, trigger, event_type="Protests", sub_event_type="Peaceful protest")


def test_a_country_in_the_clause_narrows_to_the_main_town(candidate_at: Callable[..., EventCandidate],
                                                          parse: Callable[..., AnalyzedArticle],
                                                          use_tiny: Gazetteer) -> None:
    analyzed = parse(REPORT)
    located = places(replace(analyzed, candidates=(_protest(candidate_at, analyzed, "arrested"),)))
    (event,) = located.candidates
    assert event.place is not None and event.place.place.feature == "city"
    assert event.place.place.iso3 == "SYR"
    assert any(span.text == "Syria" for span in event.evidence["location"])


def test_an_aside_abroad_gives_way_to_a_home_place_in_the_clause(
    candidate_at: Callable[..., EventCandidate],
    parse: Callable[..., AnalyzedArticle],
    use_tiny: Gazetteer,
) -> None:
    analyzed = parse(REPORT)
    located = places(replace(analyzed, candidates=(_protest(candidate_at, analyzed, "protested"),)))
    (event,) = located.candidates
    assert event.place is not None and event.place.place.iso3 == "SYR"
    assert event.place.span.text == "Palmyra"


def test_country_salience_ranks_the_main_country(parse: Callable[..., AnalyzedArticle],
                                                 use_tiny: Gazetteer) -> None:
    analyzed = places(parse(REPORT))
    weights = country_salience(analyzed)
    assert max(weights, key=lambda c: weights[c]) == "SYR"


@pytest.mark.parametrize(("name", "before", "ok"), [
    ("Elizabeth", "a 41-year-old asylum seeker named ", False),
    ("Tadmur", "the ancient town called ", True),
    ("Southwest", "in the restive ", False),
    ("Homs", "fighting in ", True),
])
def test_named_people_and_bare_directions(name: str, before: str, ok: bool) -> None:
    assert _allowed(name, before, weak=False, lower_words=frozenset()) is ok
