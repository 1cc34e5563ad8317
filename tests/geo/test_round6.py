"""Round 6: the headline names the report's focus; institutions locate at their town; datelines."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from conflictscope.gazetteer.index import Gazetteer
from conflictscope.models import EventCandidate
from conflictscope.pipeline.base import AnalyzedArticle
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
    from conflictscope.gazetteer.resolve import Toponym
    from conflictscope.models import Span

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
    from conflictscope.gazetteer.geoparse import _countries_in_names
    from conflictscope.gazetteer.resolve import Toponym
    from conflictscope.models import Span

    toponym = Toponym(Span(10, 10 + len(name), name), name, 0.4)
    found = _countries_in_names([toponym], use_tiny, frozenset())
    assert [d.cc for d in found] == expected
    assert all(d.span.text == name.split()[0] and d.span.start == 10 for d in found)


def test_a_title_before_two_names_makes_both_person_names(parse: Callable[..., AnalyzedArticle]) -> None:
    from conflictscope.gazetteer.people import person_names

    names = person_names(parse("Attorney General William Barr said the men would face trial."))
    assert {"William", "Barr"} <= names


@pytest.mark.parametrize("before", ["as Turkey invaded ", "after troops raided the ", "rebels overran "])
def test_invaded_is_a_locative_verb(before: str) -> None:
    from conflictscope.pipeline.placecues import BEFORE_IN

    assert BEFORE_IN.search(before)


def test_a_facility_named_after_its_town_has_the_towns_candidates(use_tiny: Gazetteer) -> None:
    from conflictscope.gazetteer.resolve import Resolver, Toponym
    from conflictscope.models import Span

    # the tiny gazetteer knows no "Mosul Airport": the town's candidates stand in
    toponym = Toponym(Span(0, 12, "Mosul Airport"), "Mosul Airport", 1.0)
    names = {m.entry.name for m in Resolver(use_tiny).candidates(toponym)}
    assert "Mosul" in names
    # a name that is no facility gets no extra candidates
    plain = Toponym(Span(0, 12, "Mosul Heritage"), "Mosul Heritage", 1.0)
    assert "Mosul" not in {m.entry.name for m in Resolver(use_tiny).candidates(plain)}


@pytest.mark.parametrize(("name", "cc"), [("Niger Delta", "NG"), ("Gulf of Guinea", ""), ("Lake Chad", "")])
def test_well_known_conflict_areas_are_regions(name: str, cc: str) -> None:
    from conflictscope.gazetteer.normalize import name_key
    from conflictscope.gazetteer.regions import curated_regions

    rows = curated_regions()[name_key(name)]
    assert len(rows) == 1 and rows[0][4] == cc


@pytest.mark.parametrize("name", ["Rs", "Google", "Facebook"])
def test_currencies_and_platforms_are_not_places(name: str) -> None:
    from conflictscope.gazetteer.recognize import _allowed

    assert not _allowed(name, "paid ", weak=True, lower_words=frozenset())


def test_a_dateline_agency_may_have_digits() -> None:
    from conflictscope.gazetteer.dateline import find_dateline

    line = find_dateline("Mosul (News 1st) – Workers filed charges against the board.")
    assert line is not None and line.place == "Mosul"


def test_a_common_word_with_a_colon_is_no_dateline(parse: Callable[..., AnalyzedArticle]) -> None:
    from conflictscope.gazetteer.recognize import find_toponyms

    analyzed = parse("See: the list of signatures below.\n\nWe see no reason to stop.")
    toponyms, _ = find_toponyms(analyzed)
    assert all(t.name != "See" for t in toponyms)


def test_a_given_name_syllable_is_no_place(parse: Callable[..., AnalyzedArticle]) -> None:
    from conflictscope.gazetteer.recognize import find_toponyms

    toponyms, _ = find_toponyms(parse("President Moon Jae-in met Kim Jong-un in Panmunjom on Friday."))
    assert not {t.name for t in toponyms} & {"Jae", "Jong"}


def test_a_photo_caption_is_found(parse: Callable[..., AnalyzedArticle]) -> None:
    from conflictscope.pipeline.places import caption_spans

    text = ("Police stand guard outside a court in Mosul on May 2. (Ali Name/File/Reuters)\n\n"
            "Three activists were detained in Aleppo on Sunday.")
    analyzed = parse(text)
    spans = caption_spans(analyzed)
    assert any(b <= text.index("Mosul") < e for b, e in spans)
    assert not any(b <= text.index("Aleppo") < e for b, e in spans)


@pytest.mark.parametrize("before", ["kidnapped in the Mexican border city of ", "in the restive province of ",
                                    "in the northern town of "])
def test_in_the_adjective_city_of_is_locative(before: str) -> None:
    from conflictscope.pipeline.placecues import BEFORE_IN

    assert BEFORE_IN.search(before)


def test_a_known_place_tagged_as_a_person_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    import conflictscope.gazetteer.recognize as recognize
    from conflictscope.models import Article
    from conflictscope.pipeline.base import AnalyzedArticle, Sentence

    text = "She was kidnapped in the border city of Deir Ezzor by Omar Khalid on Monday."
    spans = [(text.index("Deir Ezzor"), text.index("Deir Ezzor") + 10, "PERSON", 0.55),
             (text.index("Omar Khalid"), text.index("Omar Khalid") + 11, "PERSON", 0.55)]
    monkeypatch.setattr(recognize, "sentence_spans", lambda _sentence, _known=None: iter(spans))
    analyzed = AnalyzedArticle(Article.from_text(text), (Sentence(0, 0, len(text), text),))
    toponyms, _ = recognize.find_toponyms(analyzed, known=lambda name: name == "Deir Ezzor")
    assert [t.name for t in toponyms] == ["Deir Ezzor"]  # the person's full name is dropped


@pytest.mark.parametrize(("name", "expected"), [("PEN Iraq", "PEN Iraq"), ("Mosul High Court", "Mosul")])
def test_an_organisation_branch_is_no_place(use_tiny: Gazetteer, name: str, expected: str) -> None:
    from conflictscope.gazetteer.hosts import inner as _inner
    from conflictscope.gazetteer.resolve import Toponym
    from conflictscope.models import Span

    toponym = Toponym(Span(0, len(name), name), name, 0.9)
    assert _inner(toponym, use_tiny, frozenset()).name == expected


def test_a_weak_name_does_not_make_its_own_context() -> None:
    from conflictscope.gazetteer.geoparse import _credible
    from conflictscope.gazetteer.index import ALTERNATE, Entry, Match
    from conflictscope.gazetteer.resolve import Resolution, Toponym
    from conflictscope.models import Span

    fields = Entry.__dataclass_fields__
    values = {name: "" for name in fields}
    values.update(id=1, gid="t:1", name="Haan", feature="city", cc="DE", iso3="DEU", country="Germany",
                  lat=51.2, lon=7.0, population=30_000, admin1_id=0, admin2_id=0)
    entry = Entry(**{k: values[k] for k in fields})
    strong = Resolution(Toponym(Span(0, 4, "Khan"), "Khan", 0.9), Match(entry, ALTERNATE), 0.9)
    weak = Resolution(Toponym(Span(0, 4, "Khan"), "Khan", 0.5), Match(entry, ALTERNATE), 0.9)
    countries = {"PK": 3.0, "DE": 3.0}
    # all of Germany's votes come from "Khan" itself: no support
    assert not _credible(strong, countries, own=3.0)
    assert not _credible(weak, countries, own=3.0)
    # other German names support it
    assert _credible(strong, countries, own=1.0)


@pytest.mark.parametrize("name", ["Jan", "Sept", "Oct"])
def test_month_abbreviations_are_not_places(name: str) -> None:
    from conflictscope.gazetteer.recognize import _allowed

    assert not _allowed(name, "on ", weak=True, lower_words=frozenset())


def test_visiting_is_a_locative_verb() -> None:
    from conflictscope.pipeline.placecues import BEFORE_IN

    assert BEFORE_IN.search("He was visiting ")


@pytest.mark.parametrize("name", ["Union", "Many", "Congress"])
def test_words_that_are_no_place_alone(name: str) -> None:
    from conflictscope.gazetteer.recognize import _allowed

    assert not _allowed(name, "the ", weak=True, lower_words=frozenset())
    assert _allowed(f"{name} City", "in ", weak=False, lower_words=frozenset())


def test_an_editorial_label_is_no_dateline() -> None:
    from conflictscope.gazetteer.dateline import find_dateline

    line = find_dateline("FILE PHOTO: soldiers near the border.\n\nALEPPO (Reuters) - Fighters stormed the town.")
    assert line is not None and line.place == "ALEPPO"


@pytest.mark.parametrize("name", ["U.S", "U.S.", "U.K", "U.S.A", "US", "UK"])
def test_country_initials_with_periods_are_places(name: str) -> None:
    from conflictscope.gazetteer.recognize import _allowed

    assert _allowed(name, "in the ", weak=False, lower_words=frozenset())


@pytest.mark.parametrize("name", ["NATO", "A.B.", "KDP"])
def test_other_short_initials_are_still_no_places(name: str) -> None:
    from conflictscope.gazetteer.recognize import _allowed

    assert not _allowed(name, "the ", weak=False, lower_words=frozenset())


def test_us_with_periods_is_recognised_in_a_report(parse: Callable[..., AnalyzedArticle],
                                                    use_tiny: Gazetteer) -> None:
    from conflictscope.pipeline.places import places

    analyzed = places(parse("Police in the U.S. city of Rochester arrested two protesters on Monday."))
    named = {mention.place.name for mention in analyzed.places}
    assert "United States" in named
