"""Within-report coreference: one action told twice is one event; two actions stay two."""

from __future__ import annotations

from collections.abc import Callable

from conflictscope.document import AnalyzedArticle

CROWD = (
    "Police fire on protesters in Lusaka\n\n"
    "LUSAKA - Police opened fire on protesters in Lusaka on Sunday, wounding several people. "
    "Clashes broke out in Lusaka on Sunday as demonstrators threw stones at officers."
)
SEQUENCE = (
    "Gunmen killed 12 villagers in an attack on Kawuri, near Maiduguri, on Sunday, residents said. "
    "Nigerian troops later clashed with the attackers on the outskirts of the village."
)


def test_one_demonstration_read_under_two_sub_types_is_one_event(
    analyze: Callable[..., AnalyzedArticle],
) -> None:
    events = analyze(CROWD, published="2024-03-04").events
    crowd = [e for e in events if e.event_type in ("Protests", "Riots")]
    assert len(crowd) == 1, [(e.sub_event_type, e.location, e.event_date) for e in crowd]


def test_an_attack_and_the_clash_that_followed_stay_two_events(
    analyze: Callable[..., AnalyzedArticle],
) -> None:
    events = analyze(SEQUENCE, published="2024-03-04").events
    kinds = {e.sub_event_type for e in events}
    assert {"Attack", "Armed clash"} <= kinds, kinds


RETOLD = (
    "Islamic State fighters attacked an army base near Deir Hafer on Sunday, officials said. "
    "The fighters shelled the base for hours before storming it."
)
ANOTHER_ATTACK = (
    "Gunmen killed five villagers in Tsafe on Monday, police said. "
    "In another attack, gunmen killed three farmers in Tsafe."
)
TWO_TOWNS = (
    "Gunmen killed five villagers in Tsafe on Monday, police said. "
    "Gunmen also killed three farmers in Gusau."
)


def test_a_later_mention_that_tells_nothing_new_joins_the_event_it_retells(
    analyze: Callable[..., AnalyzedArticle],
) -> None:
    # the second sentence states no day and no place of its own: it elaborates the attack
    events = analyze(RETOLD, published="2024-03-05").events
    assert len(events) == 1, [(e.sub_event_type, e.location, e.event_date) for e in events]
    assert "shelled" in {s.text for s in events[0].evidence["sub_event_type"]}


def test_another_attack_at_the_same_place_and_day_stays_its_own_event(
    analyze: Callable[..., AnalyzedArticle],
) -> None:
    # regression: "In another attack" was merged into the first attack and its toll replaced the first's
    events = analyze(ANOTHER_ATTACK, published="2024-03-05").events
    attacks = sorted((e.fatalities for e in events if e.sub_event_type == "Attack"), key=lambda f: f or 0)
    assert attacks == [3, 5], [(e.sub_event_type, e.fatalities) for e in events]


def test_a_later_mention_that_names_another_town_stays_its_own_event(
    analyze: Callable[..., AnalyzedArticle],
) -> None:
    events = analyze(TWO_TOWNS, published="2024-03-07").events
    assert {e.location for e in events} >= {"Tsafe", "Gusau"}, [(e.location, e.fatalities) for e in events]


def test_the_retold_event_takes_the_type_of_its_best_supported_mention(
    analyze: Callable[..., AnalyzedArticle],
) -> None:
    # "killed" alone reads as an attack; the next sentence tells how: an air strike, by a named side
    text = "Six civilians were killed in Kashkash on Monday. US warplanes bombed the village, residents said."
    events = analyze(text, published="2024-03-05").events
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Air/drone strike", 6)]


def test_a_quarter_of_the_town_is_the_town_for_a_retold_protest(analyze: Callable[..., AnalyzedArticle]) -> None:
    text = "Police fired tear gas at protesters in Nairobi on Tuesday. Protesters burned tyres in Kibera, witnesses said."
    events = analyze(text, published="2024-03-05").events
    assert len([e for e in events if e.event_type in ("Protests", "Riots")]) == 1


def test_launching_an_offensive_is_fighting_not_a_change_of_group() -> None:
    from conflictscope.classify.cues import cue_codes

    assert "CLASH" in cue_codes("al-shabaab fighters launched an offensive on bulo marer on sunday")


#: A demonstration told twice with its day both times; the second names it "the 2024 Climate March".
NAMED_MARCH = (
    "Thousands of demonstrators marched through Lisbon on Saturday as part of the 2024 Climate March.\n\n"
    "Attendees of the 2024 Climate March chanted as they marched down Avenida da Liberdade in Lisbon on Saturday."
)


def test_a_mention_that_states_the_events_own_day_again_joins_it(
    analyze: Callable[..., AnalyzedArticle],
) -> None:
    # regression: "the 2024 Climate March" dated the second mention to 2024 (a year in a name) and
    # made it history; with "on Saturday" it is the same day, the same place: the same march
    events = analyze(NAMED_MARCH, published="2024-11-04").events
    assert [(e.event_date.isoformat() if e.event_date else None, e.is_background) for e in events] == [
        ("2024-11-02", False)], [(e.event_date, e.is_background, e.location) for e in events]


def test_property_destroyed_in_an_attack_is_part_of_the_attack(
    analyze: Callable[..., AnalyzedArticle],
) -> None:
    # ACLED codes looting or destruction apart only when no one is attacked
    text = ("Gunmen attacked the village of Kawo on Monday, killing four people, residents said. "
            "The attackers burned or looted everything and took away the villagers' livestock.")
    events = analyze(text, published="2024-03-06").events
    assert [e.sub_event_type for e in events] == ["Attack"], [(e.sub_event_type, e.location) for e in events]


#: An attack, then a sentence on soldiers, then property destroyed with no doer named.
SOLDIERS_AFTER = ("{doers} attacked the village of Kawo in {state} state on Monday, killing four people, "
                  "residents said.\n\nNigerian soldiers arrived hours later{more}. About 40 houses were burned "
                  "down, the village head said.")


def test_sides_a_mention_takes_from_its_context_do_not_make_another_event(
    analyze: Callable[..., AnalyzedArticle],
) -> None:
    # regression: "About 30 houses and over 40 cars were torched, he said" named no doers; the
    # soldiers of the sentence before made it a second, property-only event by the army
    text = SOLDIERS_AFTER.format(doers="Boko Haram fighters", state="Borno", more="")
    events = analyze(text, published="2024-06-20").events
    assert [e.sub_event_type for e in events] == ["Attack"], [
        (e.sub_event_type, e.actor1, e.location) for e in events]


def test_doers_a_mention_takes_from_its_context_do_not_name_the_event(
    analyze: Callable[..., AnalyzedArticle],
) -> None:
    # regression: joined to the gunmen's attack, that mention's soldiers became the attack's actor1
    text = SOLDIERS_AFTER.format(doers="Gunmen", state="Zamfara",
                                 more=" and the army said it was pursuing the attackers")
    (event,) = analyze(text, published="2024-06-20").events
    assert event.actor1.startswith("Unidentified Armed Group"), event.actor1


def test_a_lynching_told_beside_a_battle_stays_its_own_event(
    analyze: Callable[..., AnalyzedArticle],
) -> None:
    # regression: once a mob's violence counted in the violent family, the villagers' lynching
    # joined the troops' battle with the rebels and the battle became "Mob violence"
    text = ("Troops battled insurgents near the border town of Kaya on Tuesday. "
            "Villagers lynched two men suspected of cattle theft, according to the local police.")
    events = analyze(text, published="2024-05-08").events
    kinds = sorted(e.sub_event_type for e in events)
    assert kinds == ["Armed clash", "Mob violence"], [(e.sub_event_type, e.actor1) for e in events]



def test_a_lead_placed_at_its_country_joins_the_body_that_names_the_province(
    analyze: Callable[..., AnalyzedArticle],
) -> None:
    # regression: "an attack ... in northwestern Burkina Faso" (the lead) and "attacked the village of
    # Toulfe, located in the province of Loroum" (the body) made two rows of one attack
    text = ("At least nine villagers were killed on Tuesday night in an attack by suspected jihadists in "
            "northwestern Burkina Faso, residents said.\n\n"
            "\"Several dozen men on motorbikes attacked the village of Toulfe,\" located in the province of "
            "Loroum, a resident said.")
    events = analyze(text, published="2024-05-09").events
    assert [e.location for e in events] == ["Loroum"], [(e.sub_event_type, e.location) for e in events]
