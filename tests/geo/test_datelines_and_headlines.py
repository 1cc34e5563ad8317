"""The report's frame: the dateline (with or without its separator, never an editorial
label or a title in capitals), the headline's focus country, photo captions, and lines written
in title case."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from conflictscope.document import AnalyzedArticle
from conflictscope.gazetteer.index import Gazetteer
from conflictscope.gazetteer.recognize import find_toponyms
from conflictscope.models import EventCandidate
from conflictscope.pipeline.headline import title_countries
from conflictscope.pipeline.places import country_salience


def _titled(analyzed: AnalyzedArticle, title: str) -> AnalyzedArticle:
    return replace(analyzed, article=replace(analyzed.article, title=title))


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Syria: activists detained after the march", ["SYR"]),
        ("British aid worker held in Mosul", ["GBR"]),
        ("Trade at the US-Iraq crossing resumes", []),  # a hyphenated pair is no focus
        ("Rain expected over the weekend", []),
    ],
)
def test_the_headline_names_the_focus_country(use_tiny: Gazetteer, title: str,
                                              expected: list[str]) -> None:
    assert title_countries(title) == expected


def test_the_headline_names_the_focus_country_in_salience(parse: Callable[..., AnalyzedArticle],
                                                          use_tiny: Gazetteer) -> None:
    from conflictscope.pipeline.places import places

    text = ("Officials in the United States condemned the arrests on Monday.\n\n"
            "The detained activists had campaigned in Syria for years.")
    analyzed = parse(text)
    plain = country_salience(places(analyzed))
    titled = country_salience(places(_titled(analyzed, "Syria: activists detained")))
    assert titled["SYR"] - plain.get("SYR", 0.0) >= 1.0
    assert titled.get("USA", 0.0) == pytest.approx(plain.get("USA", 0.0))


def test_the_dateline_is_no_place_of_the_lead_clause(candidate_at: Callable[..., EventCandidate],
                                                     parse: Callable[..., AnalyzedArticle],
                                                     use_tiny: Gazetteer) -> None:
    from conflictscope.pipeline.places import places

    text = ("ALEPPO, Syria (Reuters) - Security forces detained a doctor on Sunday, her brother said.\n\n"
            "Officers took her from her home in Palmyra, where she ran a clinic.\n\n"
            "Residents of Palmyra said soldiers searched the town. Palmyra has been tense for weeks.")
    analyzed = parse(text)
    candidate = candidate_at(analyzed, "detained", event_type="Violence against civilians",
                             sub_event_type="Abduction/forced disappearance")
    (event,) = places(replace(analyzed, candidates=(candidate,))).candidates
    assert event.place is not None and event.place.place.name == "Tadmur"


def test_a_dateline_agency_may_have_digits() -> None:
    from conflictscope.gazetteer.dateline import find_dateline

    line = find_dateline("Mosul (News 1st) – Workers filed charges against the board.")
    assert line is not None and line.place == "Mosul"


def test_a_common_word_with_a_colon_is_no_dateline(parse: Callable[..., AnalyzedArticle]) -> None:

    analyzed = parse("See: the list of signatures below.\n\nWe see no reason to stop.")
    toponyms, _ = find_toponyms(analyzed)
    assert all(t.name != "See" for t in toponyms)


def test_an_editorial_label_is_no_dateline() -> None:
    from conflictscope.gazetteer.dateline import find_dateline

    line = find_dateline("FILE PHOTO: soldiers near the border.\n\nALEPPO (Reuters) - Fighters stormed the town.")
    assert line is not None and line.place == "ALEPPO"


@pytest.mark.parametrize("label", ["Date: September 9, 2015", "DATE: 09/29/2015 4:10 AM", "Date: Monday, May 4"])
def test_a_field_label_before_a_date_is_no_dateline(label: str) -> None:
    # regression: a police release's "Date:" field was read as the dateline of Date, Japan
    from conflictscope.gazetteer.dateline import find_dateline

    assert find_dateline(f"{label}\n\nGunmen attacked a police post in the city.") is None
    assert find_dateline("KABUL: Taliban fighters attacked a police post.") is not None


def test_a_photo_caption_is_found(parse: Callable[..., AnalyzedArticle]) -> None:
    from conflictscope.pipeline.places import caption_spans

    text = ("Police stand guard outside a court in Mosul on May 2. (Ali Name/File/Reuters)\n\n"
            "Three activists were detained in Aleppo on Sunday.")
    analyzed = parse(text)
    spans = caption_spans(analyzed)
    assert any(b <= text.index("Mosul") < e for b, e in spans)
    assert not any(b <= text.index("Aleppo") < e for b, e in spans)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("OKLAHOMA CITY The Latest on teachers rallying for higher pay.", "OKLAHOMA CITY"),
        ("Teachers rally\nSAN ANTONIO Turner Sports analyst Charles Barkley said.", "SAN ANTONIO"),
        ("US Says It Will Leave", None),  # an acronym heading a title
        ("KABUL (Reuters) - Taliban fighters attacked.", "KABUL"),
    ],
)
def test_a_dateline_that_lost_its_separator_is_found(text: str, place: str | None) -> None:
    from conflictscope.gazetteer.dateline import find_dateline

    line = find_dateline(text)
    assert (line.place if line else None) == place
    if line is not None:
        assert line.bare is (place != "KABUL")


def test_a_bare_dateline_is_a_place_only_when_the_gazetteer_knows_it() -> None:
    from conflictscope.gazetteer.recognize import _with_dateline

    known = {"oklahoma city"}.__contains__

    def lookup(name: str) -> bool:
        return known(name.lower())

    found = _with_dateline("OKLAHOMA CITY The Latest on teachers.", [], lookup)
    assert [t.name for t in found] == ["OKLAHOMA CITY"]
    assert _with_dateline("IRAN NUCLEAR DEAL Talks resume in Vienna.", [], lookup) == []


def test_a_title_in_capitals_is_no_dateline_for_event_location(parse, use_tiny: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # recognition keeps a dateline that lost its separator only when the gazetteer knows it; event
    # location took every capitals opening for one (no place of the lead clause, a dateline bonus)
    from dataclasses import replace as with_places

    from conflictscope.models import Place, PlaceMention, Span
    from conflictscope.pipeline.places import report_dateline

    analyzed = parse("ALEPPO SIEGE Fighters stormed the citadel on Sunday.")
    aleppo = PlaceMention(Span(0, 6, "ALEPPO"), Place(name="Aleppo", country="Syria", iso3="SYR"), 0.9)
    assert report_dateline(analyzed) is None
    assert report_dateline(with_places(analyzed, places=(aleppo,))) is None  # "ALEPPO SIEGE" is not "ALEPPO"
    known = parse("OKLAHOMA CITY The Latest on teachers rallying.")
    city = PlaceMention(Span(0, 13, "OKLAHOMA CITY"), Place(name="Oklahoma City", country="United States",
                                                          iso3="USA"), 0.9)
    line = report_dateline(with_places(known, places=(city,)))
    assert line is not None and line.place == "OKLAHOMA CITY"
    assert report_dateline(known) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Russian Missile Hits Odesa Port", "Odesa"),
        ("Gunmen Kill 12 In Zamfara Village After Raid", "Zamfara"),
    ],
)
def test_a_prominent_place_in_a_title_case_line_is_found(parse: Callable[..., AnalyzedArticle],
                                                  real_gazetteer: Gazetteer, text: str, name: str) -> None:
    # a title-case line is one capitalised run: the place inside it was lost
    from conflictscope.gazetteer.geoparse import geoparse

    assert name in {m.span.text for m in geoparse(parse(text), real_gazetteer).places}


def test_a_small_town_in_a_title_case_line_is_not_read_out(parse: Callable[..., AnalyzedArticle],
                                                           real_gazetteer: Gazetteer) -> None:
    from conflictscope.gazetteer.geoparse import geoparse

    places = geoparse(parse("There Will Be 70 Townhouses On Turtle Creek Road"), real_gazetteer).places
    assert "Creek" not in {m.span.text for m in places}
