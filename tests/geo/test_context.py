"""Curated regions, abbreviations, capitals, "Town, Region" pairs, datelines and the main place."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conflictscope.document import AnalyzedArticle
from conflictscope.gazetteer.containers import link_containers
from conflictscope.gazetteer.dateline import find_dateline
from conflictscope.gazetteer.geoparse import known_name
from conflictscope.gazetteer.index import Gazetteer
from conflictscope.gazetteer.recognize import _clean
from conflictscope.gazetteer.regions import abbreviation, is_capital
from conflictscope.gazetteer.resolve import Resolver, Toponym
from conflictscope.models import Span
from conflictscope.pipeline.places import geoparse_article, main_place


def _toponym(text: str, name: str, *, within: str = "") -> Toponym:
    start = text.index(name)
    return Toponym(Span(start, start + len(name), name), name, 1.0, within=within)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("Calif.", ("US", "California")), ("N.Y.", ("US", "New York")), ("B.C.", ("CA", "British Columbia")),
     ("BC", ("CA", "British Columbia")), ("Miss", None), ("La", None), ("Calif", None), ("", None)],
)
def test_abbreviation(raw: str, expected: tuple[str, str] | None) -> None:
    assert abbreviation(raw) == expected


@pytest.mark.parametrize(
    ("cc", "name", "expected"),
    [("US", "Washington, D.C.", True), ("SY", "Damascus", True), ("GB", "London", True),
     ("US", "Washington", True), ("CA", "London", False), ("SY", "Aleppo", False)],
)
def test_is_capital(cc: str, name: str, expected: bool) -> None:
    assert is_capital(cc, name) is expected


@pytest.mark.parametrize(
    ("text", "dateline"),
    [("KABUL, Afghanistan (Agency) - Gunmen attacked a school.", ("KABUL", "Afghanistan")),
     ("A headline\n\nGAO, Mali, May 3 (Wire) -- Fighting broke out.", ("GAO", "Mali")),
     ("MOGADISHU: A car bomb exploded.", ("MOGADISHU", "")),
     ("Nairobi (Wire) - Police fired tear gas.", ("Nairobi", "")),
     ("THE union blamed the police for the arrests.", None),
     ("UPDATE, JULY 17:\n\nNo dateline here.", None),
     ("", None)],
)
def test_find_dateline(text: str, dateline: tuple[str, str] | None) -> None:
    found = find_dateline(text)
    assert (None if found is None else (found.place, found.region)) == dateline


def test_link_containers_pairs_but_not_lists() -> None:
    text = "Protesters gathered in Salem, Ore. while others met in Aleppo, Homs and Idlib."
    linked = link_containers(text, [_toponym(text, "Salem"), _toponym(text, "Aleppo"),
                                    _toponym(text, "Homs"), _toponym(text, "Idlib")])
    by_name = {t.span.text: t for t in linked}
    assert by_name["Salem"].within == "Oregon"
    assert by_name["Ore."].name == "Oregon" and by_name["Ore."].hint == "admin"
    assert by_name["Aleppo"].within == ""


def test_tiny_gazetteer_has_curated_regions(tiny_gazetteer: Gazetteer) -> None:
    found = tiny_gazetteer.lookup("Middle East")
    assert found and found[0].entry.feature == "region" and found[0].entry.lat is not None
    assert tiny_gazetteer.lookup("Xyzzy Sea") == ()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "context", "expected_name", "cc", "feature"),
    [("Washington", (), "Washington", "US", "city"),
     ("New York", (), "New York City", "US", "city"),
     ("London", (), "London", "GB", "city"),
     ("Toronto", ("Canada",), "Toronto", "CA", "city"),
     ("England", (), "England", "GB", "region"),
     ("Middle East", (), "Middle East", "", "region"),
     ("Atlantic", (), "Atlantic", "", "region")],
)
def test_bare_names_prefer_prominent_places(real_gazetteer: Gazetteer, name: str,
                                            context: tuple[str, ...], expected_name: str, cc: str,
                                            feature: str) -> None:
    text = " ; ".join((name, *context))
    toponyms = [_toponym(text, n) for n in (name, *context)]
    resolution = Resolver(real_gazetteer).resolve(toponyms)[0]
    assert resolution is not None
    entry = resolution.match.entry
    assert (entry.name, entry.cc, entry.feature) == (expected_name, cc, feature)
    assert entry.feature != "city" or entry.population >= 500_000  # the big one, not a namesake


@pytest.mark.slow
@pytest.mark.parametrize(
    ("phrase", "kept"),
    [("South Korea", "South Korea"), ("North Carolina", "North Carolina"),
     ("Kansas City", "Kansas City"), ("northern Syria", "Syria"), ("the West Bank", "West Bank")],
)
def test_direction_words_stay_in_known_names(real_gazetteer: Gazetteer, phrase: str, kept: str) -> None:
    assert _clean(phrase, 0, known_name(real_gazetteer))[0] == kept


@pytest.mark.slow
def test_town_with_state_abbreviation(real_gazetteer: Gazetteer) -> None:
    text = "The rally in Portland, Maine, ended peacefully."
    toponym = _toponym(text, "Portland", within="Maine")
    resolution = Resolver(real_gazetteer).resolve([toponym])[0]
    assert resolution is not None and resolution.match.entry.admin1 == "Maine"


REPORT = (
    "KABUL, Afghanistan (Wire) - Gunmen stormed a girls' school in Kabul on Tuesday, killing "
    "four guards, officials said.\n\n"
    "Correspondent James Herat wrote that Herat was quiet.\n\n"
    "The attack came days after talks in Doha between the government and the Taliban."
)


@pytest.mark.slow
def test_main_place_from_dateline_and_violence(parse: Callable[..., AnalyzedArticle],
                                               real_gazetteer: Gazetteer) -> None:
    analyzed = parse(REPORT)
    placed = geoparse_article(analyzed, real_gazetteer)
    focus = main_place(placed)
    assert focus is not None and focus.place.name == "Kabul" and focus.place.iso3 == "AFG"
    # "Herat" is the surname of a person in this report: not a place here
    assert all(m.place.name != "Herat" for m in placed.places)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "feature", "cc"),
    [("T&T", "country", "TT"), ("Holland", "country", "NL"), ("White House", "site", "US"),
     ("Kremlin", "site", "RU"), ("Calif.", "admin1", "US"), ("Scotland", "region", "GB")],
)
def test_curated_lookups(real_gazetteer: Gazetteer, name: str, feature: str, cc: str) -> None:
    entry = real_gazetteer.lookup(name)[0].entry
    assert (entry.feature, entry.cc) == (feature, cc)


@pytest.mark.slow
def test_hong_kong_is_coded_under_china(real_gazetteer: Gazetteer) -> None:
    place = real_gazetteer.country("HK").to_place()  # type: ignore[union-attr]
    assert (place.country, place.iso3, place.admin1) == ("China", "CHN", "Hong Kong")
