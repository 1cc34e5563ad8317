"""Which of a report's places is an event's: the clause's own place, asides abroad, a place the
text says the event happened at, passive acts of force, clauses of contrast, where someone is
now or grew up, speech venues, courts, grievances of a protest, and locative verbs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from geo_helpers import REPORT_ON_PALMYRA

from builders import with_candidates
from conflictscope.document import AnalyzedArticle
from conflictscope.gazetteer.index import Gazetteer
from conflictscope.models import EventCandidate
from conflictscope.pipeline.places import places

_REPORT_WITH_TALKS_IN_IRAQ = (
    "Fighters stormed Palmyra on Sunday, seizing the desert city.\n\n"
    "Palmyra lies in Homs province. Residents of Palmyra fled towards Homs.\n\n"
    "Officials met envoys from Iraq, where talks were held.\n\n"
    "The group also destroyed shrines in neighbouring Iraq."
)


def _protest(candidate_at: Callable[..., EventCandidate], analyzed: AnalyzedArticle,
             trigger: str) -> EventCandidate:
    return candidate_at(analyzed, trigger, event_type="Protests", sub_event_type="Peaceful protest")


def _place_of(parse: Callable[..., AnalyzedArticle], candidate_at: Callable[..., EventCandidate],
              text: str, trigger: str, event_type: str, sub_event_type: str) -> str:
    analyzed = parse(text)
    candidate = candidate_at(analyzed, trigger, event_type=event_type, sub_event_type=sub_event_type)
    place = places(with_candidates(analyzed, candidate)).candidates[0].place
    return place.place.name if place is not None else ""


#: A report about Rochester (named five times) around one sentence about a place abroad.
_ROCHESTER_REPORT = ("Rochester police met the family in Rochester on Monday. {} Rochester officials "
                     "said they would help. Rochester has a large community from abroad, and Rochester "
                     "churches raised money for the family.")


_SYRIA_REPORT = "Fighting raged across Syria on Sunday, with battles in Aleppo and in Homs.\n\n"


def test_an_aside_abroad_defers_to_the_main_place(candidate_at: Callable[..., EventCandidate],
                                                  parse: Callable[..., AnalyzedArticle],
                                                  use_tiny: Gazetteer) -> None:
    analyzed = parse(_REPORT_WITH_TALKS_IN_IRAQ)
    candidates = (candidate_at(analyzed, "met envoys"), candidate_at(analyzed, "destroyed shrines"))
    located = places(replace(analyzed, candidates=candidates))
    aside, explicit = located.candidates
    assert aside.place is not None and aside.place.place.iso3 == "SYR"  # "from Iraq": not there
    assert explicit.place is not None and explicit.place.place.name == "Iraq"  # "destroyed ... in Iraq"


def test_a_country_in_the_clause_narrows_to_the_main_town(candidate_at: Callable[..., EventCandidate],
                                                          parse: Callable[..., AnalyzedArticle],
                                                          use_tiny: Gazetteer) -> None:
    analyzed = parse(REPORT_ON_PALMYRA)
    located = places(replace(analyzed, candidates=(_protest(candidate_at, analyzed, "arrested"),)))
    (event,) = located.candidates
    assert event.place is not None and event.place.place.feature == "city"
    assert event.place.place.iso3 == "SYR"
    assert any(span.text == "Syria" for span in event.evidence["location"])


def test_an_aside_abroad_gives_way_to_a_home_place_in_the_clause(
    candidate_at: Callable[..., EventCandidate],
    parse: Callable[..., AnalyzedArticle],
    use_tiny: Gazetteer,
) -> None:
    analyzed = parse(REPORT_ON_PALMYRA)
    located = places(replace(analyzed, candidates=(_protest(candidate_at, analyzed, "protested"),)))
    (event,) = located.candidates
    assert event.place is not None and event.place.place.iso3 == "SYR"
    assert event.place.span.text == "Palmyra"


@pytest.mark.parametrize("before", ["as Turkey invaded ", "after troops raided the ", "rebels overran "])
def test_invaded_is_a_locative_verb(before: str) -> None:
    from conflictscope.pipeline.placecues import BEFORE_IN

    assert BEFORE_IN.search(before)


@pytest.mark.parametrize("before", ["kidnapped in the Mexican border city of ", "in the restive province of ",
                                    "in the northern town of "])
def test_in_the_adjective_city_of_is_locative(before: str) -> None:
    from conflictscope.pipeline.placecues import BEFORE_IN

    assert BEFORE_IN.search(before)


def test_visiting_is_a_locative_verb() -> None:
    from conflictscope.pipeline.placecues import BEFORE_IN

    assert BEFORE_IN.search("He was visiting ")


def test_a_protest_is_not_held_where_its_grievance_happened(
        parse: Callable[..., AnalyzedArticle], candidate_at: Callable[..., EventCandidate],
        use_tiny: Gazetteer) -> None:
    text = ("Hundreds demonstrated against the death in Aleppo of a student, outside the "
            "governor's office in Homs, on Sunday.")
    assert _place_of(parse, candidate_at, text, "demonstrated", "Protests", "Peaceful protest") == "Homs"


@pytest.mark.parametrize(
    ("sentence", "trigger", "event_type", "sub_event_type", "place"),
    [
        # the report is about Rochester, but "in the ... city of Mosul" says where the kidnapping was
        ("The woman said she was kidnapped by unknown men in the northern border city of Mosul last year.",
         "kidnapped", "Violence against civilians", "Abduction/forced disappearance", "Mosul"),
        # "as forces invaded Syria" still happened in Syria
        ("The men were transferred last October as foreign forces invaded Syria to attack the fighters.",
         "invaded", "Battles", "Armed clash", "Syria"),
    ],
)
def test_a_place_said_outright_abroad_holds_its_event(
        parse: Callable[..., AnalyzedArticle], candidate_at: Callable[..., EventCandidate],
        use_tiny: Gazetteer, sentence: str, trigger: str, event_type: str, sub_event_type: str,
        place: str) -> None:
    text = _ROCHESTER_REPORT.format(sentence)
    assert _place_of(parse, candidate_at, text, trigger, event_type, sub_event_type) == place


def test_a_town_its_country_introduces_is_the_place(
        parse: Callable[..., AnalyzedArticle], candidate_at: Callable[..., EventCandidate],
        use_tiny: Gazetteer) -> None:
    # "rallied in Syria’s Aleppo": the town, not the country, is where it happened
    text = "Hundreds of protesters rallied in Syria’s Aleppo on Friday."
    assert _place_of(parse, candidate_at, text, "rallied", "Protests", "Peaceful protest") == "Aleppo"


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        # the attack on Palmyra was placed in Aleppo, where the world was looking
        ("And, while the eyes of the world were focused on Aleppo, the militants struck.", "struck", "Tadmur"),
        ("Although the army had massed its forces against Aleppo, the militants struck.", "struck", "Tadmur"),
        # a clause of time that says where the victim was does place the event
        ("The reporter was abducted while he was in Mosul investigating a story.", "abducted", "Mosul"),
        ("The militants struck in Aleppo while the army was busy elsewhere.", "struck", "Aleppo"),
    ],
)
def test_a_place_in_a_clause_of_contrast_is_not_the_events(
        candidate_at: Callable[..., EventCandidate], parse: Callable[..., AnalyzedArticle],
        use_tiny: Gazetteer, sentence: str, trigger: str, expected: str) -> None:
    text = ("Militants entered Palmyra on Sunday, nine months after losing it.\n\n"
            f"{sentence}\n\nResidents of Palmyra said the town was quiet again.")
    analyzed = parse(text)
    candidate = candidate_at(analyzed, trigger, event_type="Battles", sub_event_type="Armed clash")
    (event,) = places(replace(analyzed, candidates=(candidate,))).candidates
    assert event.place is not None and event.place.place.name == expected


@pytest.mark.parametrize(
    ("text", "country", "location"),
    [
        # a local daily never names its own country: the currency is the one clue
        ("Two reporters were arrested on Monday under the cyber law. The law carries a fine of "
         "IQD 250,000 and the editors' council demanded their release.", "Iraq", "Iraq"),
        # nor a currency: the place inside an organisation's name tells the country
        ("Two reporters were arrested on Monday under the cyber law, a spokesman for the Iraq Police "
         "Service said.", "Iraq", "Iraq"),
        # a report that names a place is placed there; the currency changes nothing
        ("Two reporters were arrested in Mosul on Monday under the cyber law. The law carries a fine "
         "of 100 yen and the editors' council demanded their release.", "Iraq", "Mosul"),
    ],
)
def test_report_naming_no_place_is_placed_in_its_currencys_country(
        candidate_at: Callable[..., EventCandidate], parse: Callable[..., AnalyzedArticle],
        use_tiny: Gazetteer, text: str, country: str, location: str) -> None:
    analyzed = parse(text)
    candidate = candidate_at(analyzed, "arrested", event_type="Protests", sub_event_type="Arrests")
    (event,) = places(replace(analyzed, candidates=(candidate,))).candidates
    assert event.place is not None
    assert (event.place.place.country, event.place.place.name) == (country, location)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # where the suspects are now is not where the abduction happened
        ("Two suspects, currently in Mosul, were charged with the abduction on Tuesday.", "Aleppo"),
        ("Two suspects, who now live in Mosul, were charged with the abduction on Tuesday.", "Aleppo"),
        # where they were then may well be: left alone
        ("Two suspects, who were in Mosul, were charged with the abduction on Tuesday.", "Mosul"),
        ("Two suspects were charged in Mosul with the abduction on Tuesday.", "Mosul"),
    ],
)
def test_where_someone_is_now_does_not_place_the_event(
        candidate_at: Callable[..., EventCandidate], parse: Callable[..., AnalyzedArticle],
        use_tiny: Gazetteer, sentence: str, expected: str) -> None:
    analyzed = parse("Gunmen abducted a journalist in Aleppo on Sunday, the third kidnapping in Aleppo "
                     f"this month.\n\n{sentence}")
    candidate = candidate_at(analyzed, "abduction", event_type="Violence against civilians",
                             sub_event_type="Abduction/forced disappearance")
    (event,) = places(replace(analyzed, candidates=(candidate,))).candidates
    assert event.place is not None and event.place.place.name == expected


@pytest.mark.parametrize(
    ("after", "modifier"),
    [
        (" court heard the case", True),
        (" prosecutors said", True),
        (" citizens were among the victims", True),
        (" sanctions followed", True),
        ("'s foreign minister", False),  # "'s" then a lower-case word that is no institution
        (" officials said", True),
        (" on Monday", False),
        (", where the family", False),
    ],
)
def test_a_country_naming_a_court_or_its_people_is_a_modifier(after: str, modifier: bool) -> None:
    from conflictscope.pipeline.placecues import ATTRIBUTIVE

    assert bool(ATTRIBUTIVE.match(after)) is modifier


@pytest.mark.parametrize(
    ("before", "seat"),
    [
        ("pleaded guilty Thursday in federal court in ", True),
        ("in U.S. District Court in Alexandria, ", True),
        ("appeared before a court in ", True),
        ("the International Court of ", True),
        ("gunmen stormed a village in ", False),
        ("abducted the girls from their school in ", False),
    ],
)
def test_the_seat_of_a_court_is_where_a_case_is_heard(before: str, seat: bool) -> None:
    from conflictscope.pipeline.placecues import COURT_SEAT

    assert bool(COURT_SEAT.search(before)) is seat


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


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "of" after a person's name tells where the person is from ("Nigel Brennan of Australia"
        # made a second, foreign abduction row of one kidnapping)
        ("Photographer Sami Haddad of Homs was abducted on Sunday.", "Aleppo"),
        ("Two aid workers, Sami Haddad of Homs and a colleague, were abducted on Sunday.", "Aleppo"),
        # a place of the event is still the event's
        ("Photographer Sami Haddad was abducted in Homs on Sunday.", "Homs"),
    ],
)
def test_a_persons_provenance_does_not_place_the_event(
        candidate_at: Callable[..., EventCandidate], parse: Callable[..., AnalyzedArticle],
        use_tiny: Gazetteer, sentence: str, expected: str) -> None:
    analyzed = parse("Gunmen abducted an aid worker in Aleppo, the third kidnapping in Aleppo this month."
                     f"\n\n{sentence}")
    candidate = candidate_at(analyzed, "abducted", event_type="Violence against civilians",
                             sub_event_type="Abduction/forced disappearance", occurrence=1)
    (event,) = places(replace(analyzed, candidates=(candidate,))).candidates
    assert event.place is not None and event.place.place.name == expected


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


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        # where someone spoke is not where the event happened, in the clause or the report
        ("Speaking in Mosul, the envoy said airstrikes killed 12 civilians in Homs on Monday.", "airstrikes", "Homs"),
        ("Militants seized parts of Palmyra on Tuesday, officials in Aleppo said.", "said", "Tadmur"),
    ],
)
def test_a_speech_venue_is_no_event_place(
        candidate_at: Callable[..., object], parse: Callable[..., AnalyzedArticle],
        use_tiny: Gazetteer, sentence: str, trigger: str, expected: str) -> None:
    from dataclasses import replace

    from conflictscope.pipeline.places import places

    analyzed = parse(sentence)
    candidate = candidate_at(analyzed, trigger, event_type="Violence against civilians", sub_event_type="Attack")
    (event,) = places(replace(analyzed, candidates=(candidate,))).candidates
    assert event.place is not None and event.place.place.name == expected


def test_a_sentence_opening_on_a_place_abroad_happens_there(
        candidate_at: Callable[..., object], parse: Callable[..., AnalyzedArticle], use_tiny: Gazetteer) -> None:
    from dataclasses import replace

    from conflictscope.pipeline.places import places

    text = ("Fighting raged across Syria on Sunday, with battles in Aleppo and in Homs. Rebels attacked Homs "
            "again.\n\nIn neighbouring Iraq, troops killed 20 jihadists on Monday.")
    analyzed = parse(text)
    candidate = candidate_at(analyzed, "killed", event_type="Battles", sub_event_type="Armed clash")
    (event,) = places(replace(analyzed, candidates=(candidate,))).candidates
    assert event.place is not None and event.place.place.name == "Iraq"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Heavy fighting was reported in the outskirts of Aleppo's sister city Palmyra.", "Tadmur"),
        # generic words name no part: "Jerusalem's Old City" stays in Jerusalem ("fatally" is no name)
        ("On May 30, police in Jerusalem’s Old City fatally shot an unarmed man.", "Jerusalem"),
    ],
)
def test_a_part_named_through_its_owner(
        candidate_at: Callable[..., object], parse: Callable[..., AnalyzedArticle],
        real_gazetteer: Gazetteer, sentence: str, expected: str) -> None:
    from dataclasses import replace

    from conflictscope.pipeline.places import places

    analyzed = parse(sentence)
    trigger = "fighting" if "fighting" in sentence else "shot"
    candidate = candidate_at(analyzed, trigger, event_type="Violence against civilians", sub_event_type="Attack")
    (event,) = places(replace(analyzed, candidates=(candidate,))).candidates
    assert event.place is not None and event.place.place.name == expected


@pytest.mark.parametrize("refuge", ["survivors fled to", "residents took refuge in", "the wounded were rushed to hospital in",
                                    "the wounded were transported to Al-Watani Medical Center in"])
def test_where_people_went_after_the_event_is_not_its_place(
    refuge: str, parse: Callable[..., AnalyzedArticle], candidate_at: Callable[..., EventCandidate],
    use_tiny: Gazetteer,
) -> None:
    # regression: the town a witness "had taken refuge in" became the place of the attack he told
    text = f"Gunmen attacked a village in Homs province on Sunday, and {refuge} Palmyra."
    assert _place_of(parse, candidate_at, text, "attacked", "Violence against civilians", "Attack") == "Homs"
