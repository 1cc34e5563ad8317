"""Round 11: passive acts of force, life stories, known names with stop words, bare directions, other
names of towns, spellings, admin names without their kind, and 89 conflict towns resolved alone."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from conflictscope.gazetteer.index import Gazetteer, Match
from conflictscope.models import EventCandidate
from conflictscope.pipeline.base import AnalyzedArticle
from conflictscope.pipeline.places import main_place, places


def _tadmur_by_other_name(gazetteer: Gazetteer) -> Match:
    """Tadmur as found by its other name "Tadmor" (an alternate match), to vary in a test."""
    (tadmur,) = [m for m in gazetteer.lookup("Tadmor") if m.entry.name == "Tadmur"]
    return tadmur


_SYRIA_REPORT = "Fighting raged across Syria on Sunday, with battles in Aleppo and in Homs.\n\n"


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        # the subject of a passive act of force is where it happened, even abroad
        ("In a separate raid, Mosul was stormed by gunmen on Monday.", "stormed", "Mosul"),
        ("In a separate raid, Mosul had been stormed by gunmen on Monday.", "stormed", "Mosul"),
        # a place abroad that is not acted on still defers to the report's main place (Homs)
        ("In a separate raid, Mosul residents said gunmen stormed a checkpoint.", "stormed", "Homs"),
    ],
)
def test_a_place_acted_on_in_the_passive_is_said_outright(
        candidate_at: Callable[..., EventCandidate], parse: Callable[..., AnalyzedArticle],
        use_tiny: Gazetteer, sentence: str, trigger: str, expected: str) -> None:
    analyzed = parse(_SYRIA_REPORT + "Rebels attacked Aleppo again.\n\n" + sentence)
    candidate = candidate_at(analyzed, trigger, event_type="Battles", sub_event_type="Armed clash")
    (event,) = places(replace(analyzed, candidates=(candidate,))).candidates
    assert event.place is not None and event.place.place.name == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # where the victim was born or raised is no place of the abduction
        ("A journalist raised in Homs was abducted on Sunday.", "Aleppo"),
        ("A journalist, born and raised in Homs, was abducted on Sunday.", "Aleppo"),
        ("A journalist who grew up in Homs was abducted on Sunday.", "Aleppo"),
        # where it happened is
        ("A journalist was abducted in Homs on Sunday.", "Homs"),
    ],
)
def test_where_someone_was_born_or_raised_does_not_place_the_event(
        candidate_at: Callable[..., EventCandidate], parse: Callable[..., AnalyzedArticle],
        use_tiny: Gazetteer, sentence: str, expected: str) -> None:
    analyzed = parse("Gunmen abducted an aid worker in Aleppo, the third kidnapping in Aleppo this month."
                     f"\n\n{sentence}")
    candidate = candidate_at(analyzed, "abducted", event_type="Violence against civilians",
                             sub_event_type="Abduction/forced disappearance", occurrence=1)
    (event,) = places(replace(analyzed, candidates=(candidate,))).candidates
    assert event.place is not None and event.place.place.name == expected


def test_a_life_story_counts_less_in_the_reports_main_place(
        parse: Callable[..., AnalyzedArticle], use_tiny: Gazetteer) -> None:
    analyzed = places(parse("A journalist, raised in Homs, was abducted near Mosul on Sunday.\n\n"
                            "The journalist had grown up in Homs before moving abroad."))
    found = main_place(analyzed)
    assert found is not None and found.place.name == "Mosul"


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


def test_the_united_states_of_america_is_found_in_an_unparsed_sentence() -> None:
    from conflictscope.gazetteer.recognize import find_toponyms
    from conflictscope.models import Article
    from conflictscope.pipeline.base import Sentence

    text = "Its functions pass to the consulate in Rochester, United States of America, from July."
    analyzed = AnalyzedArticle(Article.from_text(text), sentences=(Sentence(0, 0, len(text), text),))
    toponyms, _ = find_toponyms(analyzed, known={"Rochester", "United States of America"}.__contains__)
    assert "United States of America" in [t.name for t in toponyms]


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
    from conflictscope.gazetteer.recognize import find_toponyms

    analyzed = parse("Detectives arrested a man in south east London at 7.20am this morning.")
    toponyms, _ = find_toponyms(analyzed, known=lambda name: name.casefold() in {"london", "south east"})
    assert [t.name for t in toponyms if t.name != "Detectives"] == ["London"]


@pytest.mark.parametrize(
    ("name", "strength", "population", "credible"),
    [
        # one word in a weak span that is only a small town's other name: most often a person or
        # a word the town was once called ("Edward Snowden" -> Leland, Mississippi; "Levi" -> Rand)
        ("Tadmor", 0.55, 4_000, False),
        # a name of several words, a large town, or a strong span still count
        ("Tadmor Town", 0.55, 4_000, True),
        ("Tadmor", 0.55, 60_000, True),
        ("Tadmor", 0.55, 30_000, True),  # a town of some size keeps its other names ("Kobani")
        ("Tadmor", 1.0, 4_000, True),
    ],
)
def test_a_small_towns_other_name_in_a_weak_span_is_no_place(
        tiny_gazetteer: Gazetteer, name: str, strength: float, population: int, credible: bool) -> None:
    from conflictscope.gazetteer.geoparse import _credible
    from conflictscope.gazetteer.index import ALTERNATE
    from conflictscope.gazetteer.resolve import Resolution, Toponym
    from conflictscope.models import Span

    tadmur = _tadmur_by_other_name(tiny_gazetteer)
    assert tadmur.kind == ALTERNATE
    match = replace(tadmur, entry=replace(tadmur.entry, population=population))
    resolution = Resolution(Toponym(Span(0, len(name), name), name, strength), match, 0.9)
    assert _credible(resolution, {"SY": 6.0, "US": 1.0}) is credible



def test_an_alternate_name_spelling_the_main_name_beats_another_places_old_name(
        tiny_gazetteer: Gazetteer) -> None:
    # GeoNames lists "Sloviansk" for Slovyansk and, as an old name, for Nikopol (same size):
    # Nikopol won on population by 19 people
    from conflictscope.gazetteer.index import ALTERNATE, Match
    from conflictscope.gazetteer.resolve import prior

    tadmur = _tadmur_by_other_name(tiny_gazetteer)
    spelled = Match(replace(tadmur.entry, name="Slovyansk", population=105_141), ALTERNATE)
    other = Match(replace(tadmur.entry, name="Nikopol", population=105_160), ALTERNATE)
    assert prior(spelled, name="Sloviansk") > prior(other, name="Sloviansk")
    assert prior(spelled) < prior(other)  # without the name, population decides


def test_kobani_is_no_spelling_of_mkoani(tiny_gazetteer: Gazetteer) -> None:
    # letters alike are not enough: the bonus took Kobani to Mkoani, Tanzania (GeoNames lists
    # "Kobani" among Mkoani's names) over 'Ayn al 'Arab, Syria
    from conflictscope.gazetteer.index import ALTERNATE, Match
    from conflictscope.gazetteer.resolve import prior

    tadmur = _tadmur_by_other_name(tiny_gazetteer)
    mkoani = Match(replace(tadmur.entry, name="Mkoani"), ALTERNATE)
    assert prior(mkoani, name="Kobani") == prior(mkoani)


#: Towns of armed conflict, each alone (no context), and the country it must resolve to.
_CONFLICT_TOWNS = """
Kobani SY|Raqqa SY|Idlib SY|Deir ez-Zor SY|Douma SY|Daraa SY|Manbij SY|Afrin SY|Qamishli SY|Hasakah SY
Mosul IQ|Fallujah IQ|Ramadi IQ|Tikrit IQ|Kirkuk IQ|Sinjar IQ|Tal Afar IQ|Qaraqosh IQ|Samarra IQ|Baiji IQ
Kandahar AF|Helmand AF|Kunduz AF|Jalalabad AF|Lashkar Gah AF|Mazar-i-Sharif AF|Peshawar PK|Quetta PK
Maiduguri NG|Chibok NG|Dapchi NG|Damaturu NG|Gao ML|Timbuktu ML|Kidal ML|Mopti ML|Djibo BF|Diffa NE
Mogadishu SO|Kismayo SO|Baidoa SO|Beledweyne SO|Goma CD|Beni CD|Bunia CD|Bentiu SS|Malakal SS
El Fasher SD|Nyala SD|Geneina SD|Mekelle ET|Sanaa YE|Aden YE|Hodeidah YE|Marib YE|Taiz YE
Benghazi LY|Misrata LY|Sirte LY|Derna LY|Donetsk UA|Luhansk UA|Mariupol UA|Bakhmut UA|Sloviansk UA
Kramatorsk UA|Avdiivka UA|Kherson UA|Zaporizhzhia UA|Rafah PS|Khan Younis PS|Jenin PS|Nablus PS
Marawi PH|Maungdaw MM|Sittwe MM|Myitkyina MM|Lashio MM|Srinagar IN|Imphal IN|Tskhinvali GE|Sukhumi GE
Bamenda CM|Buea CM|Maroua CM|Bambari CF|Culiacan MX|Ciudad Juarez MX|Port-au-Prince HT
"""


@pytest.mark.slow
@pytest.mark.parametrize(("name", "cc"), [
    tuple(item.strip().rsplit(" ", 1)) for item in _CONFLICT_TOWNS.replace("\n", "|").split("|") if item.strip()])
def test_conflict_towns_resolve_alone_to_their_country(real_gazetteer: Gazetteer, name: str, cc: str) -> None:
    from conflictscope.gazetteer.resolve import Resolver, Toponym
    from conflictscope.models import Span

    (resolution,) = Resolver(real_gazetteer).resolve([Toponym(Span(0, len(name), name), name)])
    assert resolution is not None and resolution.match.entry.cc == cc


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
    from conflictscope.gazetteer.resolve import Resolution, Toponym
    from conflictscope.gazetteer.surnames import surnames
    from conflictscope.models import Span

    start = text.rindex("Tadmor")
    resolution = Resolution(Toponym(Span(start, start + 6, "Tadmor"), "Tadmor", 0.55),
                            _tadmur_by_other_name(tiny_gazetteer), 0.9)
    assert (surnames(text, [resolution, None], tiny_gazetteer) == {"Tadmor"}) is surname


def test_places_warns_of_a_text_not_in_english_and_of_finding_nothing(tmp_path, use_tiny: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # the reader's warning was dropped and an Arabic report printed nothing at all
    from click.testing import CliRunner

    from conflictscope.cli import main

    report = tmp_path / "report.txt"
    report.write_text("دخل مقاتلون المدينة يوم الأحد وسيطروا على القلعة.", encoding="utf-8")
    result = CliRunner().invoke(main, ["places", str(report), "--json"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # --json output stays clean
    assert "does not look like English" in result.stderr
    assert "no place names found" in result.stderr


def test_geocode_of_an_empty_name_is_a_usage_error(use_tiny: Gazetteer) -> None:
    from click.testing import CliRunner

    from conflictscope.cli import main

    result = CliRunner().invoke(main, ["geocode", " "])
    assert result.exit_code == 2
    assert "give a place name" in result.output


def test_sa_is_south_africa_when_the_report_is_about_it() -> None:
    # "SA" was never a candidate, and in gold spans it resolved to Siá, a village in Cyprus
    from conflictscope.gazetteer.recognize import _allowed
    from conflictscope.gazetteer.regions import COUNTRY_ALIASES

    assert COUNTRY_ALIASES["sa"] == "ZA"
    assert _allowed("SA", "Police in ", weak=True, lower_words=frozenset())


@pytest.mark.parametrize(
    ("name", "main", "spelling"),
    [("Jenin", "Janīn", True), ("Derna", "Darnah", True), ("Sloviansk", "Slovyansk", True),
     ("Kiev", "Kyiv", True), ("Kobani", "Mkoani", False), ("Southold", "South Bend", False),
     ("Palmyra", "Tadmur", False)],
)
def test_a_spelling_is_told_from_another_name(name: str, main: str, spelling: bool) -> None:
    from conflictscope.gazetteer.resolve import _spells

    assert _spells(name, main) is spelling


def test_a_name_that_is_a_towns_own_beats_another_places_other_name_without_context(
        tiny_gazetteer: Gazetteer) -> None:
    # "Southold" is a Long Island town and, in GeoNames, another name of South Bend, Indiana, whose
    # population won; the same rule makes "Palmyra" alone the US town (context still says Syria)
    from conflictscope.gazetteer.resolve import Resolver, Toponym
    from conflictscope.models import Span

    def resolve(*names: str) -> str:
        toponyms = [Toponym(Span(0, len(n), n), n) for n in names]
        first = Resolver(tiny_gazetteer).resolve(toponyms)[0]
        assert first is not None
        return f"{first.match.entry.name}, {first.match.entry.cc}"

    assert resolve("Palmyra") == "Palmyra, US"
    assert resolve("Palmyra", "Syria") == "Tadmur, SY"
    assert resolve("Palmyra", "Homs") == "Tadmur, SY"


def test_places_json_ends_with_the_main_place(tmp_path, use_tiny: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # the main place was printed in the text output only
    import json

    from click.testing import CliRunner

    from conflictscope.cli import main

    report = tmp_path / "report.txt"
    report.write_text("Islamic State fighters re-entered Palmyra on Sunday, in Homs province, Syria.",
                      encoding="utf-8")
    result = CliRunner().invoke(main, ["places", str(report), "--json"])
    assert result.exit_code == 0, result.output
    last = json.loads(result.stdout.splitlines()[-1])
    assert last["main_place"]["name"] == "Tadmur"
    assert last["span"]["text"] == "Palmyra"


def test_the_main_place_is_the_town_a_report_names_inside_its_region(
        parse: Callable[..., AnalyzedArticle], use_tiny: Gazetteer) -> None:
    # "re-entered Palmyra ..., in Homs province" made Homs province the main place: the province
    # was recognised more surely than the town spaCy tags PERSON
    analyzed = places(parse("Islamic State fighters re-entered Palmyra on Sunday, in Homs province, Syria."))
    found = main_place(analyzed)
    assert found is not None and found.place.name == "Tadmur"
    alone = main_place(places(parse("Fighting raged in Homs province on Sunday, in Syria.")))
    assert alone is not None and alone.place.name == "Homs"
