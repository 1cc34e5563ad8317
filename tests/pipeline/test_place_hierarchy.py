"""A place written with its containers, "Village (Commune, Region)": the village, else the commune
near which it lies, never a namesake abroad; a quarter named with its town is the town."""

from __future__ import annotations

from collections.abc import Callable

from conflictscope.document import AnalyzedArticle


def _places(analyze: Callable[..., AnalyzedArticle], text: str) -> list[tuple[str, str, int | None]]:
    return [(e.location, e.country, e.geo_precision) for e in analyze(text, published="2022-12-01").events]


def test_a_town_followed_by_its_bracketed_commune_is_the_town(analyze: Callable[..., AnalyzedArticle]) -> None:
    # regression: spaCy's span "Tchaourou (Tchaourou" was no name, and the event went to the region
    text = "On 3 May 2022, soldiers clashed with gunmen at the market of Tchaourou (Tchaourou, Borgou)."
    assert _places(analyze, text) == [("Tchaourou", "Benin", 1)]


def test_a_village_missing_from_the_gazetteer_falls_back_to_its_bracketed_commune(
    analyze: Callable[..., AnalyzedArticle],
) -> None:
    # "Lima" is a namesake abroad (Peru); the brackets put the village in Alibori, Benin
    text = "On 3 May 2022, gunmen abducted two herders in Lima (Gogounou, Alibori)."
    assert _places(analyze, text) == [("Gogounou", "Benin", 2)]


def test_a_commune_and_region_spaCy_joins_with_a_comma_are_two_names(
    analyze: Callable[..., AnalyzedArticle],
) -> None:
    text = "On 3 May 2022, hunters and police clashed in Bante (Bante, Collines)."
    assert [(place, country) for place, country, _ in _places(analyze, text)] == [("Banté", "Benin")]


def test_a_quarter_named_with_its_town_is_the_town_not_a_namesake_abroad(
    analyze: Callable[..., AnalyzedArticle],
) -> None:
    text = "On 3 May 2022, soldiers clashed with three armed men in Zongo neighborhood in Cotonou."
    assert [(place, country) for place, country, _ in _places(analyze, text)] == [("Cotonou", "Benin")]


def test_a_named_groups_home_country_picks_the_namesake(analyze: Callable[..., AnalyzedArticle]) -> None:
    # regression: with no country named, "Palmyra" went to a US town although the report is about IS
    text = "Islamic State fighters attacked an army base near Palmyra on Sunday, officials said."
    assert [(country, place) for place, country, _ in _places(analyze, text)] == [("Syria", "Tadmur")]


def test_an_event_in_a_county_lies_near_the_one_town_the_report_names_there(
    analyze: Callable[..., AnalyzedArticle],
) -> None:
    text = ("A woman was shot and killed on Tuesday night in Lenoir County, deputies said.\n\n"
            "Neighbours in Kinston said they heard several shots before midnight.")
    assert _places(analyze, text) == [("Kinston", "United States", 2)]
    # two towns of the county: which one is not said, the county stays
    two = text.replace("in Kinston", "in Kinston and La Grange")
    assert _places(analyze, two) == [("Lenoir County", "United States", 3)]



def test_a_local_name_known_only_in_another_state_does_not_move_the_event_there(
    analyze: Callable[..., AnalyzedArticle],
) -> None:
    # regression: a Chicago neighbourhood went to its namesake in Texas. With nothing else of
    # Texas in the report, the event stays in the report's city
    text = ("CHICAGO — Hundreds of residents marched through Austin on Sunday to protest a school closure, "
            "Chicago police said.\n\nThe march ended peacefully after two hours.")
    assert _admin1s(analyze, text) == [("Chicago", "Illinois")]
    # the writer pins the town with its state, or names another place of that state: the event is there
    pinned = text.replace("through Austin on", "through Austin, Texas, on")
    assert _admin1s(analyze, pinned) == [("Austin", "Texas")]
    supported = text + " A smaller march was held the same day in San Antonio."
    assert ("Austin", "Texas") in _admin1s(analyze, supported)
    # a round-up of the country's news (a sure place far away in a third state) keeps its places
    roundup = text + " A smaller march was held the same day in Denver."
    assert ("Austin", "Texas") in _admin1s(analyze, roundup)
    # a town of the next state, a short drive away, may well be where the story went
    nearby = text.replace("through Austin on", "through Milwaukee on")
    assert _admin1s(analyze, nearby) == [("Milwaukee", "Wisconsin")]


def _admin1s(analyze: Callable[..., AnalyzedArticle], text: str) -> list[tuple[str, str]]:
    return [(e.location, e.admin1) for e in analyze(text, published="2022-01-03").events]


def test_a_street_after_an_address_block_and_a_citys_side_are_no_towns(
    analyze: Callable[..., AnalyzedArticle],
) -> None:
    # regression: "the ... block of North Lincoln" went to Lincoln, Nebraska, and "the South Side" to a
    # small New York town once called so; the report names no town, so the place stays unknown
    block = "Hundreds of residents rallied in the 2100 block of North Lincoln on Sunday to protest a school closure."
    assert _admin1s(analyze, block) == [("", "")]
    side = ("Hundreds of residents marched in the Englewood neighborhood on the South Side on Sunday to protest "
            "a school closure.")
    assert "South Side" not in {m.span.text for m in analyze(side).places}
