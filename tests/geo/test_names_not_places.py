"""Words recognition does not take for places: plural acronyms, abbreviations, months,
currencies and platforms, common words alone, bare directions, contractions and address words;
and the short names (country initials, known names with a stop word or a direction word) it
still allows."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from geo_helpers import found_countries

from conflictscope.document import AnalyzedArticle
from conflictscope.gazetteer.demonyms import demonym_country
from conflictscope.gazetteer.geoparse import geoparse
from conflictscope.gazetteer.index import Gazetteer
from conflictscope.gazetteer.recognize import _allowed, find_toponyms


@pytest.mark.parametrize(("name", "before", "ok"), [
    ("Elizabeth", "a 41-year-old asylum seeker named ", False),
    ("Tadmur", "the ancient town called ", True),
    ("Southwest", "in the restive ", False),
    ("Homs", "fighting in ", True),
])
def test_a_persons_name_or_a_bare_direction_is_no_place(name: str, before: str, ok: bool) -> None:
    assert _allowed(name, before, weak=False, lower_words=frozenset()) is ok


@pytest.mark.parametrize("name", ["JWs", "IDPs", "NGOs", "MPs"])
def test_plural_acronyms_are_not_places(name: str) -> None:
    assert not _allowed(name, "the release of 80 ", weak=False, lower_words=frozenset())


@pytest.mark.parametrize("name", ["Jos", "USA", "Kagara"])
def test_ordinary_names_are_still_allowed(name: str) -> None:
    assert _allowed(name, "in ", weak=False, lower_words=frozenset())


@pytest.mark.parametrize("name", ["Rs", "Google", "Facebook"])
def test_currencies_and_platforms_are_not_places(name: str) -> None:
    from conflictscope.gazetteer.recognize import _allowed

    assert not _allowed(name, "paid ", weak=True, lower_words=frozenset())


@pytest.mark.parametrize("name", ["Jan", "Sept", "Oct"])
def test_month_abbreviations_are_not_places(name: str) -> None:
    from conflictscope.gazetteer.recognize import _allowed

    assert not _allowed(name, "on ", weak=True, lower_words=frozenset())


@pytest.mark.parametrize("name", ["Union", "Many", "Congress"])
def test_words_that_are_no_place_alone(name: str) -> None:
    from conflictscope.gazetteer.recognize import _allowed

    assert not _allowed(name, "the ", weak=True, lower_words=frozenset())
    assert _allowed(f"{name} City", "in ", weak=False, lower_words=frozenset())


@pytest.mark.parametrize("name", ["U.S", "U.S.", "U.K", "U.S.A", "US", "UK"])
def test_country_initials_with_periods_are_places(name: str) -> None:
    from conflictscope.gazetteer.recognize import _allowed

    assert _allowed(name, "in the ", weak=False, lower_words=frozenset())


@pytest.mark.parametrize("name", ["NATO", "A.B.", "KDP"])
def test_other_short_initials_are_still_no_places(name: str) -> None:
    from conflictscope.gazetteer.recognize import _allowed

    assert not _allowed(name, "the ", weak=False, lower_words=frozenset())


def test_a_contraction_is_no_place(parse: Callable[..., AnalyzedArticle], use_tiny: Gazetteer) -> None:
    # "I'll" was read as a place name (it matched a town's alternate name)

    toponyms, _ = find_toponyms(parse("I'll tell you where it is. We've seen it. It'd be in Homs."))
    assert [t.name for t in toponyms] == ["Homs"]


def test_a_known_name_headed_by_a_direction_word_is_allowed() -> None:
    from conflictscope.gazetteer.recognize import _allowed, _clean

    known = {"South Korea", "U.S."}.__contains__
    assert _clean("South Korea", 0, known) == ("South Korea", 0, "")
    assert _clean("northern Korea", 0, known) == ("Korea", 9, "region_part")
    assert _clean("U.S.", 0, known) == ("U.S.", 0, "")
    assert _allowed("South Korea", "happened in ", weak=True, lower_words=frozenset())
    assert _allowed("U.S.", "In the ", weak=True, lower_words=frozenset())
    assert not _allowed("U.N.", "the ", weak=True, lower_words=frozenset())


@pytest.mark.parametrize(
    ("name", "allowed"),
    [
        # a weak name (any name of a sentence spaCy did not parse) with a stop word inside was
        # dropped, so "Republic of Belarus" and "United States of America" were never found there
        ("United States of America", True),
        ("Bosnia and Herzegovina", True),
        ("Republic of Belarus", True),
        # unknown names with stop words inside are still no candidates
        ("Department of State", False),
        ("Consulate General of the Republic", False),
        # nor names that begin or end with a stop word
        ("The Republic", False),
    ],
)
def test_a_known_name_with_a_stop_word_inside_is_allowed(name: str, allowed: bool) -> None:
    from conflictscope.gazetteer.recognize import _allowed

    known = {"United States of America", "Bosnia and Herzegovina", "Republic of Belarus",
             "The Republic"}.__contains__
    assert _allowed(name, "visited the ", weak=True, lower_words=frozenset(), known=known) is allowed
    assert not _allowed(name, "visited the ", weak=True, lower_words=frozenset())


@pytest.mark.parametrize(
    ("name", "after", "bare"),
    [
        # spaCy tags "south east" of "in south east London" as a place of its own, which the
        # gazetteer resolved to South East district, Botswana
        ("south east", " London", True),
        ("north-west", " of the city", True),
        ("North East", " Somerset", True),
        # a capitalised region standing alone may be a name ("the North East"), and a name
        # headed by a direction word is a name
        ("North East", ".", False),
        ("South Sudan", " said", False),
    ],
)
def test_a_bare_direction_is_no_place(name: str, after: str, bare: bool) -> None:
    from conflictscope.gazetteer.recognize import _bare_direction

    text = "They searched a house in " + name + after
    assert _bare_direction(name, text, len("They searched a house in ")) is bare


def test_south_east_london_is_london_only(parse: Callable[..., AnalyzedArticle]) -> None:

    analyzed = parse("Detectives arrested a man in south east London at 7.20am this morning.")
    toponyms, _ = find_toponyms(analyzed, known=lambda name: name.casefold() in {"london", "south east"})
    assert [t.name for t in toponyms if t.name != "Detectives"] == ["London"]


def test_sa_is_south_africa_when_the_report_is_about_it() -> None:
    # "SA" was never a candidate, and in gold spans it resolved to Siá, a village in Cyprus
    from conflictscope.gazetteer.recognize import _allowed
    from conflictscope.gazetteer.regions import COUNTRY_ALIASES

    assert COUNTRY_ALIASES["sa"] == "ZA"
    assert _allowed("SA", "Police in ", weak=True, lower_words=frozenset())


@pytest.mark.parametrize(
    ("name", "allowed"),
    [("St", False), ("Mt.", False), ("Dr", False), ("Va.", True), ("Ga.", True), ("UK", True), ("Gao", True),
     ("MoD", False), ("DoJ", False), ("US", True), ("Edo", True),  # MoD was Modesto's airport code
     ("T&T", True), ("BC", True)],  # initials of a country and an abbreviation were dropped as caps noise
)
def test_an_abbreviated_word_is_no_place(name: str, allowed: bool) -> None:
    # "St. Louis Police": the "St" was a toponym, resolved to Sète (France), which then made the
    # dateline's ST. LOUIS Saint-Louis, France
    from conflictscope.gazetteer.recognize import _allowed

    assert _allowed(name, "Police in ", weak=False, lower_words=frozenset()) is allowed


def test_an_abbreviation_after_a_number_is_a_year() -> None:
    from conflictscope.gazetteer.recognize import _allowed

    assert not _allowed("BC", "built in 500 ", weak=False, lower_words=frozenset())
    assert _allowed("BC", "the new office in ", weak=False, lower_words=frozenset())


@pytest.mark.parametrize("word", ["Arab", "Pashtun", "Fulani", "Druze", "Sunni"])
def test_a_people_of_several_countries_is_no_place(word: str) -> None:
    # "Arab states condemned ..." resolved "Arab" to Arab, Alabama
    from conflictscope.gazetteer.recognize import _allowed

    assert demonym_country(word) is None
    assert not _allowed(word, "", weak=False, lower_words=frozenset())


def test_directions_alone_are_still_no_region(parse: Callable[..., AnalyzedArticle], real_gazetteer: Gazetteer) -> None:

    places = geoparse(parse("Police in south east London arrested two men."), real_gazetteer).places
    assert [m.span.text for m in places] == ["London"]


@pytest.mark.parametrize("text", [
    "Police said the activist was attacked near his home in Sector 12 of Noida on Monday.",
    "The protest was held at Sector 17 in Chandigarh on Sunday.",
])
def test_an_address_word_before_a_number_is_no_town(
        parse: Callable[..., AnalyzedArticle], real_gazetteer: Gazetteer, text: str) -> None:
    # "Sector" (a town in India) was found in every Indian address
    found = found_countries(parse, real_gazetteer, text)
    assert "Sector" not in found and set(found.values()) == {"India"}, found


def test_a_common_word_in_a_title_case_line_is_no_place(parse: Callable[..., AnalyzedArticle]) -> None:
    from conflictscope.gazetteer.spans import in_title_case

    # "Man" is a town in two countries; in "Man Charged After ..." it is the man the report is about
    text = ("Man Charged After Shooting At Odesa Hiking Trail\n\n"
            "A 20-year-old man was charged on Monday after a woman died on the trail.")
    analyzed = parse(text)
    known = {"Man", "Odesa"}.__contains__
    found = in_title_case(analyzed, [], known, frozenset({"man", "was", "charged", "after", "a", "woman"}))
    assert [t.name for t in found] == ["Odesa"]
    assert [t.name for t in in_title_case(analyzed, [], known)] == ["Man", "Odesa"]  # without the report's words


@pytest.mark.parametrize("text", [
    "Two men were killed near 37th and Rochester streets, police said.",
    "A man was shot outside a shop on Rochester Ave. late on Friday.",
])
def test_a_name_before_a_street_word_is_a_street(parse: Callable[..., AnalyzedArticle], use_tiny: Gazetteer,
                                                 text: str) -> None:
    assert geoparse(parse(text), use_tiny).places == ()


def test_a_road_named_after_a_town_still_names_the_town(parse: Callable[..., AnalyzedArticle],
                                                        use_tiny: Gazetteer) -> None:
    parsed = geoparse(parse("Rebels cut the Aleppo road near the town on Friday."), use_tiny)
    assert "Aleppo" in [m.span.text for m in parsed.places]
