"""A local agency's jurisdiction places a report that names no place itself
(:mod:`conflictscope.gazetteer.jurisdiction`): "the Rochester Police Department said" puts the
report in Rochester; a national force says only the country; a named place always wins."""

from __future__ import annotations

from collections.abc import Callable

from conflictscope.document import AnalyzedArticle
from conflictscope.gazetteer.geoparse import geoparse
from conflictscope.gazetteer.index import Gazetteer
from conflictscope.gazetteer.jurisdiction import JURISDICTION_CONFIDENCE, agency_places
from conflictscope.gazetteer.resolve import Toponym
from conflictscope.models import Span


def _name(text: str, at: int = 40) -> Toponym:
    return Toponym(Span(at, at + len(text), text), text, 0.3)


def test_the_place_inside_a_local_agencys_name_is_its_jurisdiction(use_tiny: Gazetteer) -> None:
    found = agency_places([_name("Rochester Police Department"), _name("Homs County Sheriff's Office", 90)],
                          use_tiny, frozenset())
    assert [t.name for t in found] == ["Rochester", "Homs"]
    assert found[0].span == Span(40, 49, "Rochester")


def test_a_name_without_an_agency_word_or_a_mediums_name_holds_no_jurisdiction(use_tiny: Gazetteer) -> None:
    names = [_name("Rochester Heritage Foundation"), _name("Rochester Police Times", 90), _name("Police", 140)]
    assert agency_places(names, use_tiny, frozenset()) == []


def test_a_report_naming_no_place_lies_in_its_police_forces_town(parse: Callable[..., AnalyzedArticle],
                                                                 use_tiny: Gazetteer) -> None:
    text = ("One man died and three others were hurt in a shooting on a busy avenue late Tuesday.\n\n"
            "The Rochester Police Department said the gunman fired from a passing car.")
    parsed = geoparse(parse(text), use_tiny)
    assert [(m.span.text, m.place.name, m.confidence) for m in parsed.places] == [
        ("Rochester", "Rochester", JURISDICTION_CONFIDENCE)]
    assert parsed.in_names == ()  # a place of the report, no longer context only


def test_a_national_force_places_no_event_but_says_the_country(parse: Callable[..., AnalyzedArticle],
                                                               use_tiny: Gazetteer) -> None:
    parsed = geoparse(parse("Gunmen killed two guards at a checkpoint, the Iraq Police Service said."), use_tiny)
    assert parsed.places == ()
    assert [d.cc for d in parsed.demonyms] == ["IQ"]


def test_a_place_the_report_names_wins_over_the_agencys(parse: Callable[..., AnalyzedArticle],
                                                        use_tiny: Gazetteer) -> None:
    text = "Gunmen killed two guards in Mosul on Monday, the Rochester Police Department said."
    parsed = geoparse(parse(text), use_tiny)
    assert "Mosul" in [m.place.name for m in parsed.places]
    assert all(m.confidence != JURISDICTION_CONFIDENCE for m in parsed.places)



def test_a_local_agency_says_which_country_the_report_is_on(parse: Callable[..., AnalyzedArticle],
                                                            use_tiny: Gazetteer) -> None:
    # "Palmyra" alone is the US town; a report of the Aleppo police is on the Syrian one
    alone = geoparse(parse("A man was shot dead in Palmyra late on Tuesday."), use_tiny)
    assert [m.place.country for m in alone.places] == ["United States"]
    text = "A man was shot dead in Palmyra late on Tuesday, the Aleppo Police Command said."
    parsed = geoparse(parse(text), use_tiny)
    assert [(m.span.text, m.place.country) for m in parsed.places] == [("Palmyra", "Syria")]

