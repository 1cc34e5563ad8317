"""One death told by the grammar: a single person as the one a verb of killing kills."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conflictscope.document import AnalyzedArticle


@pytest.mark.parametrize(
    "text",
    [
        "On 2 June 2023, a shopkeeper was stabbed and killed by two men in Parakou.",
        "On 2 June 2023, masked gunmen shot and killed a cattle trader outside his house in Parakou.",
        "On 2 June 2023, a mob beat to death a suspected robber in Parakou.",
        "On 2 June 2023, bandits ambushed a tax collector near Parakou and killed the victim.",
    ],
)
def test_a_single_person_killed_is_one_death(analyze: Callable[..., AnalyzedArticle], text: str) -> None:
    events = analyze(text, published="2023-06-05").events
    assert [e.fatalities for e in events] == [1], [(e.sub_event_type, e.fatalities) for e in events]


@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        # a pronoun or a noun of a person before "died", however far: "he later died"
        ("On 2 June 2023, gunmen shot a trader in Parakou. He was taken to a clinic where he later died.", 1),
        ("On 2 June 2023, police said a male has died after he was shot in Parakou by gunmen.", 1),
        # the subject of the verb "died" is joined to ("was taken to a clinic and died"), a person among two
        ("On 2 June 2023, a trader was shot in Parakou. The man was taken to a clinic and died soon after.", 1),
        ("PARAKOU — One police officer was shot and killed in Parakou on 2 June 2023 by gunmen.", 1),
        # "pronounced ... dead", "found ... dead", with the people joined in the object counted
        ("On 2 June 2023, gunmen opened fire on a bar in Parakou. Medics pronounced one man, 22, dead.", 1),
        ("On 2 June 2023, gunmen attacked a farm in Parakou. Police found his wife and their son dead.", 2),
    ],
)
def test_a_death_told_as_dying_or_found_dead_is_counted(analyze: Callable[..., AnalyzedArticle], text: str,
                                                         deaths: int) -> None:
    events = analyze(text, published="2023-06-05").events
    assert events and events[0].fatalities == deaths, [(e.sub_event_type, e.fatalities) for e in events]


def test_a_death_of_illness_is_no_events_death(analyze: Callable[..., AnalyzedArticle]) -> None:
    text = "On 2 June 2023, gunmen wounded two guards in Parakou. The commander's father died of cancer last year."
    assert all(e.fatalities in (None, 0) for e in analyze(text, published="2023-06-05").events)


@pytest.mark.parametrize(
    "text",
    [
        "On 2 June 2023, gunmen threatened to kill a cattle trader in Parakou.",
        "On 2 June 2023, soldiers shot a goat at a checkpoint in Parakou.",
        "On 2 June 2023, gunmen did not kill the shopkeeper they robbed in Parakou.",
    ],
)
def test_no_death_when_no_person_is_killed(analyze: Callable[..., AnalyzedArticle], text: str) -> None:
    assert all(e.fatalities in (None, 0) for e in analyze(text, published="2023-06-05").events)


def test_violence_against_civilians_names_the_civilians_when_the_text_names_no_target(
    analyze: Callable[..., AnalyzedArticle],
) -> None:
    events = analyze("On 2 June 2023, gunmen abducted a cattle trader near Parakou.", published="2023-06-05").events
    assert [(e.event_type, e.actor2) for e in events] == [("Violence against civilians", "Civilians (Benin)")]


def test_an_arrest_holds_civilians_when_the_text_names_no_group(analyze: Callable[..., AnalyzedArticle]) -> None:
    events = analyze("Police in Parakou arrested three journalists on Friday.", published="2023-06-05").events
    assert [(e.sub_event_type, e.actor2) for e in events] == [("Arrests", "Civilians (Benin)")]


def test_a_fight_whose_dead_are_soldiers_has_the_military_as_its_other_side(
    analyze: Callable[..., AnalyzedArticle],
) -> None:
    text = "Three soldiers died when gunmen ambushed a convoy near Kandi in northern Benin on Tuesday."
    events = analyze(text, published="2023-06-08").events
    assert [e.actor2.split(" (")[0] for e in events] == ["Military Forces of Benin"], [
        (e.sub_event_type, e.actor1, e.actor2) for e in events]


@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        ("Gunmen killed two oxen and a goat at a camp.", None),
        ("The raid killed 12 people and 30 cattle.", 12),
    ],
)
def test_animals_killed_are_no_fatalities(text: str, deaths: int | None) -> None:
    from conflictscope.pipeline.deathcount import find_figures

    figures, _ = find_figures(text)
    assert (figures[0].count.best if figures else None) == deaths


def test_a_country_named_before_its_force_is_no_place(analyze: Callable[..., AnalyzedArticle]) -> None:
    analyzed = analyze("US warplanes bombed a bridge near Hajin in eastern Syria on Monday.", published="2023-06-08")
    assert "United States" not in {m.place.country for m in analyzed.places}
    assert [e.country for e in analyzed.events] == ["Syria"]


def test_a_person_fatally_shot_or_pronounced_dead_is_one_death(
    analyze: Callable[..., AnalyzedArticle],
) -> None:
    # regression: "a woman was fatally shot", "the victim was pronounced dead" gave no toll
    for text in ("Gunmen fatally shot a woman outside her home in Kaduna on Sunday.",
                 "A man was fatally shot by gunmen in Kaduna on Sunday."):
        (event,) = analyze(text, published="2024-05-08").events
        assert event.fatalities == 1, (text, event.fatalities)

