"""Places inside longer names: an institution or facility at its town, a facility at the place
the text says it stands, a country inside an organisation's name as a demonym, and the names
(media, airlines, teams, parties, firms, streets) whose place is context only or none."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from geo_helpers import found_countries

from conflictscope.document import AnalyzedArticle
from conflictscope.gazetteer.geoparse import exact_name, geoparse, known_name
from conflictscope.gazetteer.hosts import embedded_name
from conflictscope.gazetteer.index import Gazetteer
from conflictscope.gazetteer.recognize import find_toponyms
from conflictscope.gazetteer.resolve import Toponym
from conflictscope.models import Span
from conflictscope.pipeline.places import places


@pytest.mark.parametrize(
    ("name", "inner"),
    [("Aleppo University", "Aleppo"), ("Bank of Syria", "Syria"), ("University of Iraq", "Iraq"),
     ("Homs Central Prison", "Homs"), ("Central Prison", None), ("Aleppo", None), ("", None)],
)
def test_a_place_named_inside_a_longer_name_is_found(tiny_gazetteer: Gazetteer, name: str, inner: str | None) -> None:
    found = embedded_name(name, tiny_gazetteer)
    assert (found[0] if found else None) == inner
    if found:
        assert name[found[1]:found[1] + len(found[0])] == found[0]


def test_a_word_the_report_writes_in_lower_case_is_not_a_place(tiny_gazetteer: Gazetteer) -> None:
    assert embedded_name("Homs Road", tiny_gazetteer, frozenset({"homs"})) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Mosul University Hospital", "Mosul"),
        ("Aleppo Central Prison", "Aleppo"),
        ("Rochester Police Department", "Rochester"),
        ("Mosul Times", None),  # a medium is no place of the report
        ("Mosul Heritage Foundation", None),  # no institution that stands in the town
    ],
)
def test_an_institution_locates_at_its_town(use_tiny: Gazetteer, name: str, expected: str | None) -> None:
    from conflictscope.gazetteer.hosts import host as _host

    toponym = Toponym(Span(100, 100 + len(name), name), name, 0.4)
    hosted, small = _host(toponym, use_tiny, frozenset())
    assert not small  # towns of 50,000+
    if expected is None:
        assert hosted is toponym
    else:
        assert hosted.name == expected and hosted.span.text == expected
        assert hosted.span.start == 100 + name.index(expected)


def test_an_institution_locates_at_its_town_in_a_report(parse: Callable[..., AnalyzedArticle],
                                                         use_tiny: Gazetteer) -> None:
    from conflictscope.pipeline.places import main_place, places

    text = ("Two more suspects were arrested on Monday over the beating of a driver.\n\n"
            "The driver later died at the Mosul University Hospital, the police said.")
    found = main_place(places(parse(text)))
    assert found is not None and found.place.name == "Mosul"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Iraq People's Defence Forces", ["IQ"]),
        ("Syria Radio Network", ["SY"]),
        ("Mosul Heritage Foundation", []),  # a town is no country
    ],
)
def test_a_country_inside_an_organisation_name_is_a_demonym(use_tiny: Gazetteer, name: str,
                                                             expected: list[str]) -> None:
    from conflictscope.gazetteer.innames import countries_in_names

    toponym = Toponym(Span(10, 10 + len(name), name), name, 0.4)
    found = countries_in_names([toponym], use_tiny, frozenset())
    assert [d.cc for d in found] == expected
    assert all(d.span.text == name.split()[0] and d.span.start == 10 for d in found)


def test_a_facility_named_after_its_town_has_the_towns_candidates(use_tiny: Gazetteer) -> None:
    from conflictscope.gazetteer.resolve import Resolver

    # the tiny gazetteer knows no "Mosul Airport": the town's candidates stand in
    toponym = Toponym(Span(0, 12, "Mosul Airport"), "Mosul Airport", 1.0)
    names = {m.entry.name for m in Resolver(use_tiny).candidates(toponym)}
    assert "Mosul" in names
    # a name that is no facility gets no extra candidates
    plain = Toponym(Span(0, 12, "Mosul Heritage"), "Mosul Heritage", 1.0)
    assert "Mosul" not in {m.entry.name for m in Resolver(use_tiny).candidates(plain)}


@pytest.mark.parametrize(("name", "expected"), [("PEN Iraq", "PEN Iraq"), ("Mosul High Court", "Mosul")])
def test_an_organisation_branch_is_no_place(use_tiny: Gazetteer, name: str, expected: str) -> None:
    from conflictscope.gazetteer.hosts import inner as _inner

    toponym = Toponym(Span(0, len(name), name), name, 0.9)
    assert _inner(toponym, use_tiny, frozenset()).name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name with stop words in it ("police", "state") was dropped before anything looked inside
        ("A spokesman for the Iraq Police Service said gunmen attacked Mosul.", ["Iraq"]),
        ("Gunmen attacked Mosul, the Syria Civil Defence Authority said.", ["Syria"]),
        # a person's name holds no place
        ("Aleppo Smith watched the match in Mosul.", []),
        # a medium's holds one, as context with no country's vote (see test_a_mediums_place_is_context_without_a_country)
        ("The Aleppo Times reported an attack in Mosul.", ["Aleppo"]),
        # a place that qualifies a noun is context, never where anything happened
        ("A Syria-based monitor said gunmen attacked Mosul.", ["Syria"]),
        ("The Iraq-led coalition said gunmen attacked Mosul.", ["Iraq"]),
    ],
)
def test_a_place_inside_an_organisation_name_is_context(parse: Callable[..., AnalyzedArticle],
                                                        use_tiny: Gazetteer, text: str, expected: list[str]) -> None:

    parsed = geoparse(parse(text), use_tiny)
    assert [m.span.text for m in parsed.in_names] == expected
    assert all(m.confidence <= 0.3 for m in parsed.in_names)
    assert "Mosul" in [m.span.text for m in parsed.places]  # the report's own places are untouched


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a demonym heading an organisation's name was lost with the name
        ("Officials at the Russian Ministry of Defence said the convoy had left.", ["RU"]),
        ("A spokesman for the Kenyan Police Service denied the report.", ["KE"]),
        # a news agency's credit is no clue to the report's country
        ("The report was filed by The Canadian Press on Monday.", []),
    ],
)
def test_a_demonym_heading_a_name_is_a_demonym(parse: Callable[..., AnalyzedArticle], text: str,
                                               expected: list[str]) -> None:
    from conflictscope.gazetteer.recognize import find_toponyms

    _toponyms, demonyms = find_toponyms(parse(text))
    assert [d.cc for d in demonyms] == expected
    assert all(d.span.text in text and " " not in d.span.text for d in demonyms)


@pytest.mark.parametrize(
    ("name", "inner"),
    [
        # a street named after a place is a street of the report's town, not that place
        ("Atlantic Avenue", None), ("Chicago Avenue", None), ("Mosul Street", None), ("Victoria St.", None),
        # an institution named after its place still is there
        ("Aleppo University", "Aleppo"), ("Mosul Dam", "Mosul"),
    ],
)
def test_a_street_named_after_a_place_is_not_there(tiny_gazetteer: Gazetteer, name: str, inner: str | None) -> None:
    from conflictscope.gazetteer.hosts import embedded_name

    found = embedded_name(name, tiny_gazetteer)
    assert (found[0] if found else None) == inner


def test_a_mediums_place_is_context_without_a_country(use_tiny: Gazetteer) -> None:
    # "The Washington Post reported": GeoWebNews annotates Washington; it was not reported at all.
    # It is context only, and votes for no country (where a report is published is not its subject)
    from conflictscope.gazetteer.innames import places_in_names

    text = "The Aleppo Times reported that the Aleppo Governorate Council met."
    toponyms = [Toponym(Span(text.index(n), text.index(n) + len(n), n), n, 0.35)
                for n in ("Aleppo Times", "Aleppo Governorate Council")]
    found = places_in_names(toponyms, (), use_tiny, frozenset())
    assert [(m.span.text, cc) for m, cc in found] == [("Aleppo", ""), ("Aleppo", "SY")]


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
    from conflictscope.gazetteer.innames import places_in_names

    text = f"Yesterday {name} said so."
    start = text.index(name)
    found = places_in_names([Toponym(Span(start, start + len(name), name), name, 0.35)], (), use_tiny, frozenset())
    assert len(found) == 1 and found[0][0].confidence < 0.5


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

    start = text.index(name)
    found = facility_seat(Toponym(Span(start, start + len(name), name), name, strength), text, use_tiny)
    assert found == (None if seat is None else text.index(seat))


def test_a_seated_facility_is_context_at_its_place(
        parse: Callable[..., AnalyzedArticle], use_tiny: Gazetteer) -> None:

    text = "Aid agencies briefed reporters at the Palais des Nations in Aleppo on Friday."
    parsed = geoparse(parse(text), use_tiny)
    facility = [m for m in parsed.in_names if m.span.text == "Palais des Nations"]
    assert len(facility) == 1 and facility[0].place.name == "Aleppo" and facility[0].confidence < 0.5
    assert "Palais des Nations" not in {m.span.text for m in parsed.places}  # no event's place, no vote


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


def test_the_town_after_an_institutions_name_is_located_there(
        parse: Callable[..., AnalyzedArticle], real_gazetteer: Gazetteer) -> None:
    # "students of Government Science College, Kagara": a village of no recorded population,
    # dropped as a weak name
    text = "Gunmen abducted 27 students of Government Science College, Kagara during an attack in Nigeria."
    toponyms, _ = find_toponyms(parse(text), known=known_name(real_gazetteer), exact=exact_name(real_gazetteer))
    (kagara,) = [t for t in toponyms if t.name == "Kagara"]
    assert kagara.located


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
    found = found_countries(parse, real_gazetteer, text)
    assert found.get("Woolwich") == "United Kingdom", found
