"""A name that stands for a person is no place: given names and their syllables, surnames
after a given name, a quote's speaker, a name given with "called"/"named", titles and
post-nominal letters, photographers' credits and storm names."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from geo_helpers import found_countries, tadmur_by_other_name, toponym_names

from conflictscope.document import AnalyzedArticle
from conflictscope.gazetteer.geoparse import geoparse
from conflictscope.gazetteer.index import Gazetteer, Match
from conflictscope.gazetteer.people import person_names
from conflictscope.gazetteer.recognize import find_toponyms
from conflictscope.gazetteer.resolve import Toponym
from conflictscope.models import Span


@pytest.mark.slow
def test_a_given_name_is_not_a_place(parse: Callable[..., AnalyzedArticle],
                                     real_gazetteer: Gazetteer) -> None:
    analyzed = parse("Lawyers for Julian Assange spoke in London. Julian has been praised for his work.")
    parsed = geoparse(analyzed, real_gazetteer)
    assert "Julian" not in {m.span.text for m in parsed.places}


def test_a_title_before_two_names_makes_both_person_names(parse: Callable[..., AnalyzedArticle]) -> None:
    from conflictscope.gazetteer.people import person_names

    names = person_names(parse("Attorney General William Barr said the men would face trial."))
    assert {"William", "Barr"} <= names


def test_a_given_name_syllable_is_no_place(parse: Callable[..., AnalyzedArticle]) -> None:

    toponyms, _ = find_toponyms(parse("President Moon Jae-in met Kim Jong-un in Panmunjom on Friday."))
    assert not {t.name for t in toponyms} & {"Jae", "Jong"}


def test_a_person_with_post_nominal_letters_is_no_place(parse: Callable[..., AnalyzedArticle]) -> None:
    analyzed = parse("“It is an essential protection,” argued Edward Fitzgerald QC for the defence.")
    assert "Fitzgerald" in person_names(analyzed)


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        # a town's other name written after a given name is a person's surname in that report
        # ("Edward Snowden ... Snowden also said" was Leland, Mississippi)
        ("Edward Tadmor wrote a book. Later Tadmor said it was true.", True),
        ("Mohammad Reza Tadmor ruled. Tadmor fled.", True),
        # after a preposition, an article or a direction it is still the place
        ("Fighters entered Tadmor. In Tadmor the museum burned. The Tadmor museum is closed.", False),
        ("Rebels held Northern Tadmor.", False),
        # after a place's name it is a place too ("Syria Tadmor" is no given name)
        ("Syria Tadmor road was cut.", False),
    ],
)
def test_a_towns_other_name_after_a_given_name_is_a_surname(tiny_gazetteer: Gazetteer, text: str,
                                                           surname: bool) -> None:
    from conflictscope.gazetteer.resolve import Resolution
    from conflictscope.gazetteer.surnames import surnames

    start = text.rindex("Tadmor")
    resolution = Resolution(Toponym(Span(start, start + 6, "Tadmor"), "Tadmor", 0.55),
                            tadmur_by_other_name(tiny_gazetteer), 0.9)
    assert (surnames(text, [resolution, None], tiny_gazetteer) == {"Tadmor"}) is surname


@pytest.mark.parametrize(
    ("text", "strength", "surname"),
    [
        # a small town's own name, untagged, that the report writes after a given name is a surname
        # ("Dewly Nelson ... Nelson himself started": Nelson, British Columbia, 7 times)
        ("Councillor Dewly Palmyra spoke. Palmyra himself started as a critic.", 0.55, True),
        # tagged a place by spaCy, or after a facility's name, it stays a place
        ("Councillor Dewly Palmyra spoke. Palmyra himself started as a critic.", 1.0, False),
        ("Courthouse Palmyra; Percy French Hotel, Palmyra.", 0.55, False),
    ],
)
def test_a_small_towns_own_name_after_a_given_name_is_a_surname(
        tiny_gazetteer: Gazetteer, text: str, strength: float, surname: bool) -> None:
    from conflictscope.gazetteer.resolve import Resolution
    from conflictscope.gazetteer.surnames import surnames

    (palmyra_us,) = [m for m in tiny_gazetteer.lookup("Palmyra") if m.entry.cc == "US"]
    start = text.rindex("Palmyra")
    resolution = Resolution(Toponym(Span(start, start + 7, "Palmyra"), "Palmyra", strength), palmyra_us, 0.9)
    assert (surnames(text, [resolution], tiny_gazetteer) == {"Palmyra"}) is surname


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        # a small town's own name as a quote's speaker is a person, even where spaCy tagged it a place
        ("“No one told me,” said Palmyra. Palmyra had been bathing.", True),
        ("Palmyra said she had been bathing.", True),
        ("Fighters entered Palmyra on Sunday.", False),
        # a place as the subject of a reported clause, or after "of", is no speaker
        ("The army said Palmyra had fallen.", False),
        ("Residents of Palmyra said the town was quiet.", False),
    ],
)
def test_a_small_towns_own_name_as_a_quotes_speaker_is_a_person(tiny_gazetteer: Gazetteer, text: str,
                                                                surname: bool) -> None:
    # "said Noma" (a rape survivor's pseudonym) was NoMa, a Washington neighbourhood, 11 times
    from conflictscope.gazetteer.resolve import Resolution
    from conflictscope.gazetteer.surnames import surnames

    (palmyra_us,) = [m for m in tiny_gazetteer.lookup("Palmyra") if m.entry.cc == "US"]
    start = text.index("Palmyra")
    resolution = Resolution(Toponym(Span(start, start + 7, "Palmyra"), "Palmyra", 1.0), palmyra_us, 0.9)
    assert (surnames(text, [resolution], tiny_gazetteer) == {"Palmyra"}) is surname


def test_a_loose_spelling_of_a_small_town_as_a_speaker_is_a_person(tiny_gazetteer: Gazetteer) -> None:
    # "Doris Lindenwald ... Lindenwald said": a loose spelling of Lindenwold, New Jersey, 6 times
    from conflictscope.gazetteer.index import FUZZY
    from conflictscope.gazetteer.resolve import Resolution
    from conflictscope.gazetteer.surnames import surnames

    (palmyra_us,) = [m for m in tiny_gazetteer.lookup("Palmyra") if m.entry.cc == "US"]
    loose = Match(palmyra_us.entry, FUZZY, 0.9)
    text = "Help comes from Doris Palmira. Palmira said in tears that she knows."
    start = text.rindex("Palmira")
    resolution = Resolution(Toponym(Span(start, start + 7, "Palmira"), "Palmira", 1.0), loose, 0.6)
    assert surnames(text, [resolution], tiny_gazetteer) == {"Palmira"}


def test_a_given_name_that_is_also_a_place_still_makes_a_surname(use_tiny: Gazetteer) -> None:
    # "Kobe Bryant was there ... Bryant tweeted": Kobe is a Japanese city, so the name before
    # "Bryant" counted as no given name and Bryant stayed Bryant, Arkansas (8 such false places)
    from conflictscope.gazetteer.resolve import Resolution
    from conflictscope.gazetteer.surnames import surnames

    text = "The striker Mosul Palmyra was there, and the fans cheered as Palmyra tweeted a photo."
    start = text.rindex("Palmyra")
    (town,) = [m for m in use_tiny.lookup("Palmyra", False) if m.entry.cc == "US"]
    resolution = Resolution(Toponym(Span(start, start + 7, "Palmyra"), "Palmyra", 0.55), town, 0.6)
    assert surnames(text, [resolution], use_tiny) == {"Palmyra"}
    # two words before that make a known place's name are no given names
    assert surnames("Shells hit Aleppo Mosul Palmyra, and the town fell as Palmyra burned.", [resolution],
                    use_tiny) == set()


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
    assert "Palmyra" not in toponym_names(parse, use_tiny, text)


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
    assert "Syria" in toponym_names(parse, use_tiny, text)


def test_a_person_named_like_a_place_head_stays_a_person(parse: Callable[..., AnalyzedArticle],
                                                        real_gazetteer: Gazetteer) -> None:
    from conflictscope.gazetteer.geoparse import geoparse

    places = geoparse(parse("Mayor Ras Baraka spoke in Newark on Monday."), real_gazetteer).places
    assert [m.span.text for m in places] == ["Newark"]


def test_a_one_word_speaker_after_said_is_a_person(parse: Callable[..., AnalyzedArticle]) -> None:
    # "..., said Allen, 'but seriously elevated.'": Allen, Texas stood for the speaker
    from conflictscope.gazetteer.people import person_names

    text = "Their offerings are much like what is done elsewhere, said Allen, but seriously elevated."
    assert "Allen" in person_names(parse(text))
    assert "Homs" not in person_names(parse("The shelling continued, residents of Homs said."))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The season brought three major hurricanes striking US soil: Harvey, Irma and Maria.",
         {"Harvey", "Irma", "Maria"}),
        ("Hurricane Harvey flooded Houston for days.", {"Harvey"}),
    ],
)
def test_storm_names_are_no_towns(parse: Callable[..., AnalyzedArticle], text: str, names: set[str]) -> None:
    from conflictscope.gazetteer.people import person_names

    assert names <= person_names(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "The minister speaks during a news conference in Ankara, Turkey, October 26. REUTERS/ Alp Eren Kaya",
        "Soldiers patrol a street in Ankara, Turkey. AFP/Alp Kaya",
    ],
)
def test_a_photographer_credited_after_an_agency_slash_is_no_town(
        parse: Callable[..., AnalyzedArticle], real_gazetteer: Gazetteer, text: str) -> None:
    found = found_countries(parse, real_gazetteer, text)
    assert found.get("Ankara") == "Turkey" and "Kaya" not in found, found


def test_a_name_syllable_after_a_person_is_still_no_place(
        parse: Callable[..., AnalyzedArticle], real_gazetteer: Gazetteer) -> None:
    assert found_countries(parse, real_gazetteer, "Moon Jae-in met Kim Jong-un in Seoul.") == {"Seoul": "South Korea"}


def test_a_capitalised_compass_word_heads_a_neighbourhoods_name(parse: Callable[..., AnalyzedArticle]) -> None:
    # regression: "the city's South Side" lost "South" as a direction and "Side" became Side, Turkey
    toponyms, _ = find_toponyms(parse("A man was shot on the city's South Side on Saturday night."))
    assert "Side" not in {t.name for t in toponyms}


def test_a_capitalised_compass_word_before_a_place_is_still_a_direction(
    parse: Callable[..., AnalyzedArticle],
) -> None:
    toponyms, _ = find_toponyms(parse("Two men were shot in North Philadelphia on Saturday night."))
    assert "Philadelphia" in {t.name for t in toponyms}
