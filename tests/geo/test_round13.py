"""Round 13: a place the text says an event happened at holds even abroad; a name written with
its admin kind ("Niger state") is the region, not the country of that name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from conflictscope.gazetteer.index import MAIN, Entry, Gazetteer, Match
from conflictscope.gazetteer.resolve import ADMIN_KIND, prior
from conflictscope.models import EventCandidate
from conflictscope.pipeline.base import AnalyzedArticle
from conflictscope.pipeline.places import places

_SYRIA_REPORT = "Fighting raged across Syria on Sunday, with battles in Aleppo and in Homs.\n\n"


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        # "Khashoggi's murder, which happened in the Saudi consulate in Istanbul" was moved to
        # the report's main place (Riyadh): Turkey was named too seldom to hold an event
        ("He was linked to the engineer's murder, which happened in a hotel in Mosul last year.",
         "murder", "Mosul"),
        ("The kidnapping of the engineer took place in Mosul last year.", "kidnapping", "Mosul"),
        # a place abroad not said to be where it happened still defers to the main place (Homs)
        ("The kidnapping of the engineer, reported by a newspaper in Mosul, shocked his family.",
         "kidnapping", "Homs"),
    ],
)
def test_a_place_where_the_text_says_the_event_happened_holds_abroad(
        candidate_at: Callable[..., EventCandidate], parse: Callable[..., AnalyzedArticle],
        use_tiny: Gazetteer, sentence: str, trigger: str, expected: str) -> None:
    analyzed = parse(_SYRIA_REPORT + "Rebels attacked Homs again.\n\n" + sentence)
    candidate = candidate_at(analyzed, trigger, event_type="Violence against civilians", sub_event_type="Attack")
    (event,) = places(replace(analyzed, candidates=(candidate,))).candidates
    assert event.place is not None and event.place.place.name == expected


def _entry(name: str, feature: str, cc: str, population: int) -> Entry:
    return Entry(1, "test:1", name, feature, cc, "", "", "", "", 0, 0, 0.0, 0.0, population)


def test_a_name_written_with_its_admin_kind_is_no_country() -> None:
    # "arrested traffickers in Niger state" was placed in the Republic of Niger
    country = Match(_entry("Niger", "country", "NE", 24_000_000), MAIN)
    state = Match(_entry("Niger", "admin1", "NG", 3_950_000), MAIN)
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


def test_a_barely_chosen_namesake_does_not_drag_a_sure_name_abroad() -> None:
    from conflictscope.gazetteer.resolve import _certainty, _Context

    # "arrested in the East End today in London": East End, Arkansas barely beat the Cayman
    # Islands' and pulled London to London, Arkansas, whose country it gave its full vote
    east_end = Match(_entry("East End", "city", "US", 500), MAIN)
    cayman = Match(_entry("East End", "city", "KY", 1_400), MAIN)
    london_gb = Match(_entry("London", "city", "GB", 8_900_000), MAIN)
    london_us = Match(_entry("London", "city", "US", 10_000), MAIN)
    east_options = [(east_end, 2.7), (cayman, 2.4)]
    london_options = [(london_gb, 6.1), (london_us, 2.0)]
    assert _certainty(east_options) < 0.7 < 0.95 < _certainty(london_options)
    best = {"east end": east_options[0], "london": london_options[0]}
    sure = {"east end": _certainty(east_options), "london": _certainty(london_options)}
    context = _Context(best, {"east end": 0.8, "london": 1.0}, {}, sure)
    rescored = dict((m.entry.cc, score) for m, score in context.rescore("london", london_options))
    assert rescored["GB"] > rescored["US"]
    assert _certainty([(east_end, 1.0)]) == 1.0


@pytest.mark.slow
def test_london_beside_the_east_end_is_in_england(real_gazetteer: Gazetteer) -> None:
    from conflictscope.gazetteer.resolve import Resolver, Toponym
    from conflictscope.models import Span

    east_end, london = Resolver(real_gazetteer).resolve(
        [Toponym(Span(0, 8, "East End"), "East End", 0.8, ""), Toponym(Span(20, 26, "London"), "London", 1.0, "")])
    assert london is not None and london.match.entry.cc == "GB"


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

    region = Match(_entry("South-West", "admin1", "CM", 1_500_000), MAIN)
    toponym = Toponym(Span(0, 10, "South West"), "South West", 0.8, "")
    assert _credible(Resolution(toponym, region, 0.6), countries, own=0.8) is kept


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a small town named in a local institution's name, near another place of the report
        ("Lawyers met at Palmyra Magistrates Court on Monday.\\n\\nThe court sits near Rochester.", "Palmyra"),
        # ... and nowhere near one: no place
        ("Lawyers met at Palmyra Magistrates Court on Monday.\\n\\nThe court is busy.", None),
        # a university is often named after its founder, not its town
        ("Lawyers met at Palmyra University on Monday.\\n\\nThe campus sits near Rochester.", None),
    ],
)
def test_a_small_town_inside_a_local_institutions_name_is_there_when_near_another_place(
        parse: Callable[..., AnalyzedArticle], use_tiny: Gazetteer, text: str, expected: str | None) -> None:
    # "Woolwich Crown Court" gave no place: only towns of 50,000+ stood for an institution's name
    analyzed = places(parse(text))
    names = {m.place.name for m in analyzed.places if m.span.start < text.index("Monday")}
    assert names == ({expected} if expected else set())


@pytest.mark.parametrize(
    "name", ["Air Syria", "Mosul Rangers", "Aleppo Democrats", "Aleppo County Executive", "Syria Trading Limited"],
)
def test_an_airline_team_party_or_firm_names_its_place_for_context(use_tiny: Gazetteer, name: str) -> None:
    # GeoWebNews annotates "Air Zimbabwe", "Texas Rangers", "Montgomery County Democrats": the place
    # inside was not reported at all (18 gold toponyms)
    from conflictscope.gazetteer.geoparse import _places_in_names
    from conflictscope.gazetteer.resolve import Toponym
    from conflictscope.models import Span

    text = f"Yesterday {name} said so."
    start = text.index(name)
    found = _places_in_names([Toponym(Span(start, start + len(name), name), name, 0.35)], (), use_tiny, frozenset())
    assert len(found) == 1 and found[0][0].confidence < 0.5


@pytest.mark.parametrize(
    ("located", "kind", "countries", "kept"),
    [
        (True, MAIN, {"US": 3.0}, True),  # "a gas station in Riverdale", a report on the US
        (False, MAIN, {"US": 3.0}, False),  # the same weak name elsewhere ("Riverdale said")
        (True, MAIN, {"BS": 3.0}, False),  # "in Bains" of a report on the Bahamas: no French village
        (True, "alternate", {"US": 3.0}, False),  # another town's other name ("in Newcomers")
    ],
)
def test_a_weak_name_after_a_preposition_of_place_is_a_town_of_the_reports_country(
        located: bool, kind: str, countries: dict[str, float], kept: bool) -> None:
    # spaCy tagged "Riverdale" a person in "the Lukoil gas station in Riverdale": a town of 14,000
    # needed a confidence of 0.5 that a weak, ambiguous name never reaches
    from conflictscope.gazetteer.geoparse import _credible
    from conflictscope.gazetteer.resolve import Resolution, Toponym
    from conflictscope.models import Span

    town = Match(_entry("Riverdale", "city", "US", 14_000), kind)
    toponym = Toponym(Span(0, 9, "Riverdale"), "Riverdale", 0.45, "", located=located)
    assert _credible(Resolution(toponym, town, 0.4), countries, own=0.2) is kept


def test_recognition_marks_a_name_after_a_preposition_of_place(
        parse: Callable[..., AnalyzedArticle], use_tiny: Gazetteer) -> None:
    from conflictscope.gazetteer.geoparse import exact_name, known_name
    from conflictscope.gazetteer.recognize import find_toponyms

    text = "Tickets were sold at the Lukoil gas station in Palmyra for years, said Mosul."
    toponyms, _ = find_toponyms(parse(text), known=known_name(use_tiny), exact=exact_name(use_tiny))
    marks = {t.name: t.located for t in toponyms}
    assert marks["Palmyra"] and not marks["Mosul"] and not marks["Lukoil"]


def test_a_region_no_town_of_its_name_lies_in_beats_a_namesake_town_abroad() -> None:
    # "a federal judge in Wyoming" was Wyoming, Michigan (75,000), not the state; "Bali" a town of
    # West Bengal. A region whose own town bears its name still yields to it ("Aleppo", "Homs").
    from conflictscope.gazetteer.resolve import REGION_ALONE

    state = Match(_entry("Wyoming", "admin1", "US", 432_824), MAIN)
    town = Match(_entry("Wyoming", "city", "US", 75_275), MAIN)
    assert prior(state, "", "Wyoming") < prior(town, "", "Wyoming") < prior(state, "", "Wyoming") + REGION_ALONE


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "feature", "cc"),
    [("Wyoming", "admin1", "US"), ("Bali", "admin1", "ID"), ("Aleppo", "city", "SY"), ("Kano", "city", "NG"),
     ("Punjab", "admin1", "PK"), ("Homs", "city", "SY")],
)
def test_a_region_or_its_seat_alone(real_gazetteer: Gazetteer, name: str, feature: str, cc: str) -> None:
    from conflictscope.gazetteer.resolve import Resolver, Toponym
    from conflictscope.models import Span

    (found,) = Resolver(real_gazetteer).resolve([Toponym(Span(0, len(name), name), name)])
    assert found is not None and (found.match.entry.feature, found.match.entry.cc) == (feature, cc)


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
    region = Match(_entry(name, "admin1", cc, 2_000_000), MAIN)
    toponym = Toponym(Span(0, len(name), name), name, 1.0, "")
    own = 1.0 if name == "Capital" else 0.4
    assert _credible(Resolution(toponym, region, 0.7), countries, own=own) is kept


@pytest.mark.parametrize(
    ("text", "name", "strength", "seat"),
    [
        ("UNHCR spoke at the Palais des Nations in Aleppo on Friday.", "Palais des Nations", 0.6, "Aleppo"),
        ("She was taken to the Bambino Gesu Paediatric Hospital in Mosul.", "Bambino Gesu Paediatric Hospital",
         0.4, "Mosul"),
        ("Reporting by Nate Raymond in Mosul.", "Nate Raymond", 0.45, None),  # a person, no facility
        ("They met at the Grand Hotel on Monday.", "Grand Hotel", 0.6, None),  # no place after it
    ],
)
def test_a_facility_is_where_the_text_says_it_stands(
        use_tiny: Gazetteer, text: str, name: str, strength: float, seat: str | None) -> None:
    # "the Palais des Nations in Geneva" (a gold toponym of GeoWebNews) was no place at all
    from conflictscope.gazetteer.hosts import facility_seat
    from conflictscope.gazetteer.resolve import Toponym
    from conflictscope.models import Span

    start = text.index(name)
    found = facility_seat(Toponym(Span(start, start + len(name), name), name, strength), text, use_tiny)
    assert found == (None if seat is None else text.index(seat))


def test_a_seated_facility_is_context_at_its_place(
        parse: Callable[..., AnalyzedArticle], use_tiny: Gazetteer) -> None:
    from conflictscope.gazetteer.geoparse import geoparse

    text = "Aid agencies briefed reporters at the Palais des Nations in Aleppo on Friday."
    parsed = geoparse(parse(text), use_tiny)
    facility = [m for m in parsed.in_names if m.span.text == "Palais des Nations"]
    assert len(facility) == 1 and facility[0].place.name == "Aleppo" and facility[0].confidence < 0.5
    assert "Palais des Nations" not in {m.span.text for m in parsed.places}  # no event's place, no vote


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
    entries = {"Washington": Match(_entry("Washington", "city", "US", 689_545), MAIN),
               "California": Match(_entry("California", "admin1", "US", 39_000_000), MAIN)}
    first: list[Resolution | None] = [Resolution(t, entries[t.name], 0.8) for t in toponyms]
    kept = _listed_with_regions(toponyms, first, text)
    washington = next(t for t in kept if t.name == "Washington")
    assert (washington.hint == "admin") is hinted
    assert next(t for t in kept if t.name == "California").hint == ""


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("She interviewed Syria President Bashar Haddad last year.", "Syria"),  # an unparsed run
        ("Aleppo Governor Hussein Diab rejected it on Monday after the attack.", "Aleppo"),
    ],
)
def test_the_place_before_an_office_and_a_name_is_found(
        parse: Callable[..., AnalyzedArticle], use_tiny: Gazetteer, text: str, place: str) -> None:
    # "US President Barack Obama", "Manitoba Premier Brian Pallister" (an ORG to spaCy) were one
    # name, no place: GeoWebNews annotates the place
    lead = "Officials met on Monday.\n\nThe talks went on for hours.\n\n"
    analyzed = places(parse(text if "Governor" in text else lead + text))
    assert place in {m.span.text for m in analyzed.places}


def test_an_office_called_a_department_keeps_its_name(use_tiny: Gazetteer) -> None:
    # "The US Justice Department" was trimmed to "US Justice" (a French département's suffix), which
    # then held no organisation word: its place (US) was lost
    from conflictscope.gazetteer.geoparse import known_name
    from conflictscope.gazetteer.recognize import _clean

    assert _clean("US Justice Department", 0, known_name(use_tiny))[0] == "US Justice Department"
    assert _clean("Aleppo department", 0, known_name(use_tiny))[0] == "Aleppo"


@pytest.mark.parametrize(
    "text", ["The President of Syria then visited the embassy.", "He met the Governor of Aleppo, officials said."],
)
def test_the_place_of_an_office_of_a_place_is_found(
        parse: Callable[..., AnalyzedArticle], use_tiny: Gazetteer, text: str) -> None:
    # "The President of Armenia", "Ruler of Dubai" (an ORG to spaCy) were one name with a stop word
    # inside, dropped: GeoWebNews annotates the place
    lead = "Officials met on Monday.\n\nThe talks went on for hours.\n\n"  # the lead is always parsed
    analyzed = places(parse(lead + text))
    assert {m.span.text for m in analyzed.places} & {"Syria", "Aleppo"}


def test_a_given_name_that_is_also_a_place_still_makes_a_surname(use_tiny: Gazetteer) -> None:
    # "Kobe Bryant was there ... Bryant tweeted": Kobe is a Japanese city, so the name before
    # "Bryant" counted as no given name and Bryant stayed Bryant, Arkansas (8 such false places)
    from conflictscope.gazetteer.resolve import Resolution, Toponym
    from conflictscope.gazetteer.surnames import surnames
    from conflictscope.models import Span

    text = "The striker Mosul Palmyra was there, and the fans cheered as Palmyra tweeted a photo."
    start = text.rindex("Palmyra")
    (town,) = [m for m in use_tiny.lookup("Palmyra", False) if m.entry.cc == "US"]
    resolution = Resolution(Toponym(Span(start, start + 7, "Palmyra"), "Palmyra", 0.55), town, 0.6)
    assert surnames(text, [resolution], use_tiny) == {"Palmyra"}
    # two words before that make a known place's name are no given names
    assert surnames("Shells hit Aleppo Mosul Palmyra, and the town fell as Palmyra burned.", [resolution],
                    use_tiny) == set()
