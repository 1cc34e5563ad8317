"""Codebook rules, cue lexicons and the territory decision (no spaCy)."""

from __future__ import annotations

import pytest

from conflictscope.classify.cues import cue_codes, find_cue
from conflictscope.classify.rules import non_event, refine, strong_cue
from conflictscope.classify.territory import resolve_control


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("thousands marched peacefully through the capital", "PEACE"),
        ("police dispersed the march with tear gas", "PINT"),
        ("police opened fire on protesters, killing three", "FORCE"),
        ("protesters threw stones and set fire to a police car", "VDEM"),
        ("students protested against the killing of a classmate", "PEACE"),
        # headlines are in the present tense
        ("protesters torch police vans, clash with riot police", "VDEM"),
        ("troops fire on demonstrators, several dead", "FORCE"),
        # what a protest is about does not rate how it went
        ("lawyers marched against the arrest of a colleague", "PEACE"),
        ("hundreds rally to demand release of detained activists", "PEACE"),
        ("soldiers opened fire on a crowd protesting against the killing of a boy, leaving two dead", "FORCE"),
        ("police fired rubber bullets at striking workers, seriously injuring four", "FORCE"),
        ("police fired tear gas at the crowd; no injuries were reported", "PINT"),
        ("officers bundled protesters into vans", "PINT"),
        ("demonstrators pulled down barriers and forced their way into the ministry", "VDEM"),
        ("farmers marched to the district office", "PEACE"),
    ],
)
def test_demonstration_ladder(text: str, expected: str) -> None:
    assert refine("PEACE", text) == expected


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("ATT", "a suicide bomber killed 12 people at a market", "SUIC"),
        ("ATT", "a grenade thrown into a bar killed two customers", "GREN"),
        ("ATT", "a roadside bomb killed two civilians", "IED"),
        ("ATT", "gunmen killed five soldiers at a checkpoint", "CLASH"),
        ("ATT", "gunmen killed five villagers", "ATT"),
        # the attackers are not the targets, in active or passive voice
        ("ATT", "six people were killed when gunmen opened fire on mourners", "ATT"),
        ("ATT", "a trader was shot dead by unknown gunmen", "ATT"),
        ("ATT", "a policeman was shot dead by unknown gunmen", "CLASH"),
        ("ATT", "militiamen executed captured villagers by the roadside", "ATT"),
        ("ATT", "gunmen attacked a hotel, killing several guests", "ATT"),
        ("ATT", "40 civilians were killed in an attack on two villages, blamed on jihadists", "ATT"),
        ("AIR", "helicopters dropped chlorine on the town", "CHEM"),
        ("CLASH", "rebels and troops fought with mortars", "CLASH"),
        ("NSO", "the army withdrew and the rebels entered the town without a fight", "NVT"),
    ],
)
def test_weapon_precedence_and_transfer(code: str, text: str, expected: str) -> None:
    assert refine(code, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "an earthquake killed 40 people in the mountains",
        "an explosion at a fireworks warehouse killed six workers",
        "police seized cocaine from a drug gang",
        "the country expelled four diplomats",
        "the group claimed responsibility for the bombing",
        "the ministry rejected allegations that its jets bombed a hospital",
        "the ministry denied its jets were responsible for the strike on the market",
        "the group claimed the killing of a police officer in a video",
        "coast guards intercepted a boat smuggling 60 migrants",
        "whether a trade pact will arrest a deteriorating human rights record",
        "measures to arrest the spread of the fighting",
    ],
)
def test_non_events(text: str) -> None:
    assert non_event(text)


@pytest.mark.parametrize(
    "text",
    ["militants attacked a police station", "an earthquake hit as rebels shelled the town",
     "police arrested a man for the record theft", "they arrested five people in the decline",
     # accusing the arrested of a crime does not attribute an attack
     "five activists were arrested in a raid by police, who accused them of illegal possession of firearms"],
)
def test_conflict_is_not_a_non_event(text: str) -> None:
    assert not non_event(text)


def test_strong_cues() -> None:
    assert strong_cue("fighters beheaded a local chief") == "ATT"
    assert strong_cue("a rocket-propelled grenade hit the truck") is None
    assert strong_cue("the weather was fine") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the editor, a journalist, was murdered at the consulate in 2018", "ATT"),
        ("the activist, a mother of two, was shot dead on monday", "ATT"),
        ("gunmen assassinated two human rights defenders in the village", "ATT"),
        ("party worker ramesh kumar was attacked on march 3, 2013", "ATT"),
        ("the two men assaulted the blogger on 12 may 2020 in his flat", "ATT"),
        ("on 4 june 2019, the lawyer was beaten in lagos and his phone was stolen", "ATT"),
        ("his father died on june 5 while handcuffed and in police custody", "ATT"),
        ("a man was murdered by his neighbour", None),  # ordinary crime
        ("the lawyer said the man was murdered", None),  # the lawyer is the speaker, not the victim
        ("journalist jamal doe was murdered in the consulate in october 2018", "ATT"),  # a name between
        ("the reporter was killed in the capital on tuesday", "ATT"),
        ("the journalist was killed in a car crash", "ATT"),  # the cue; the accident gate comes first
    ],
)
def test_a_murdered_or_assaulted_person_is_an_attack(text: str, expected: str | None) -> None:
    # the model read "a journalist was murdered", "X was attacked on <date>" as no event
    assert strong_cue(text) == expected


def test_cues() -> None:
    assert "SHELL" in cue_codes("mortar rounds hit the camp")
    assert find_cue("GRT", "troops recaptured the town") == (7, 17)
    assert find_cue("GRT", "nothing here") is None
    assert "ARR" in cue_codes("a journalist jailed over a tweet")  # "jailed" was no arrest cue


@pytest.mark.parametrize(
    ("code", "kind", "expected"),
    [("GRT", "nonstate", "NSO"), ("NSO", "state", "GRT"), ("NSO", None, "NSO"), ("CLASH", "state", "CLASH")],
)
def test_territory_rule(code: str, kind: str | None, expected: str) -> None:
    assert resolve_control(code, kind) == expected


@pytest.mark.parametrize(
    "text",
    [
        "army engineers defused an ied planted under the bridge",
        "police seized four grenades and two rifles at a checkpoint",
        "air defences intercepted two drones over the city",
        "soldiers found a suicide vest hidden in the house",
        "a bomb disposal team carried out a controlled explosion of the device",
    ],
)
def test_weapon_defused_or_seized_is_disrupted_weapons_use_not_the_weapon(text: str) -> None:
    assert strong_cue(text) == "DISR"
    assert refine("ATT", text) != "GREN" and refine("ATT", text) not in ("IED", "SUIC")


@pytest.mark.parametrize(
    "text",
    [
        "gunmen killed two migrant labourers at a brick kiln on monday, police said",
        "an off-duty soldier's wife and daughter were killed when gunmen opened fire on their car",
        "unknown attackers shot dead a village chief, according to the police",
    ],
)
def test_attack_on_civilians_stays_attack_when_police_are_only_the_source(text: str) -> None:
    assert refine("ATT", text) == "ATT"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("students staged a sit-in outside the ministry until several were carried away by police", "PINT"),
        ("two marchers were hospitalised with gunshot wounds after police fired on the rally", "FORCE"),
        ("a protester who was beaten at the march on friday succumbed to head wounds", "FORCE"),
    ],
)
def test_protest_ladder_reads_removal_and_serious_wounds(text: str, expected: str) -> None:
    assert refine("PEACE", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "non-violent" protesters and the authorities' "violent crackdown" are not a riot
        ("thousands of non-violent protesters marched through the capital", "PEACE"),
        ("the government stepped up its violent crackdown on peaceful demonstrators", "FORCE"),
        ("soldiers violently suppressed a peaceful protest against the wall", "FORCE"),
        ("security forces violently broke up a peaceful sit-in by farmers", "FORCE"),
        # barricades put up by the police are no demonstrators' violence
        ("police sealed off the square with barricades and detained activists", "PINT"),
        ("three die in protest crackdown as thousands march", "FORCE"),
        # detainees who protest are not detained by the protest's police
        ("detainees in the central prison protested over the death of an inmate", "PEACE"),
        ("traders took to the streets to decry the arrests of market leaders", "PEACE"),
        ("farmers blocked roads and railways in a nationwide shutdown", "VDEM"),
    ],
)
def test_protest_ladder_crackdown_and_grievances(text: str, expected: str) -> None:
    assert refine("PEACE", text) == expected


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("CLASH", "two soldiers were killed in a landmine attack by rebels on their patrol", "IED"),
        ("CLASH", "troops clashed with rebels after a roadside bomb hit their convoy", "CLASH"),
        ("ATT", "two militants detonated explosives, killing themselves after police surrounded them", "SUIC"),
        ("AIR", "warplanes struck three chemical weapons facilities near the capital", "AIR"),
        ("NSO", "fighters entered the town before dawn and did not encounter any resistance", "NVT"),
        ("GRT", "troops recovered two villages from rebel fighters who withdrew after heavy bombardment", "GRT"),
    ],
)
def test_remote_weapons_and_unopposed_entry(code: str, text: str, expected: str) -> None:
    assert refine(code, text) == expected


def test_transfer_told_in_the_next_sentence() -> None:
    sentence = "militants took control of the village on friday."
    window = f"{sentence} they moved in after the withdrawal of regional forces."
    assert refine("NSO", sentence, window, sentence) == "NVT"
    fought = f"{sentence} regional forces withdrew after heavy fighting."
    assert refine("NSO", sentence, fought, sentence) == "NSO"


@pytest.mark.parametrize(
    "text",
    [
        "the statement said two units of the group were responsible for the attack on the port",
        "border guards detained 30 people linked to a ring organising illegal migration",
    ],
)
def test_more_non_events(text: str) -> None:
    assert non_event(text)


@pytest.mark.parametrize(
    "text", ["a mob lynched a man accused of cattle smuggling", "shops were looted during the covid-19 lockdown"]
)
def test_lynching_and_looting_are_not_crime_or_disaster(text: str) -> None:
    assert not non_event(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at least 20 fighters were killed when the insurgents set upon a base outside the port city", "CLASH"),
        ("the militia set up a new base in the hills above the town", "HQ"),
        ("troops opened a forward operating base after clearing the area of fighters", "HQ"),
    ],
)
def test_a_base_attacked_is_not_a_base_established(text: str, expected: str) -> None:
    assert refine("HQ", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a crowd leaving on its own, or a "detained leader" on the placards, is no intervention
        ("thousands marched with portraits of the detained leader before dispersing in the evening", "PEACE"),
        ("police halted the march at the bridge and held several organisers for hours", "PINT"),
        ("gendarmes cleared the protest camp at dawn", "PINT"),
        ("the troops killed at least 30 people while putting down the protests", "FORCE"),
        ("a marcher was shot in the chest by a police officer during the rally", "FORCE"),
        ("youths fought running battles with police for a third night of protests", "VDEM"),
        ("demonstrators set tyres alight and blocked the main road", "VDEM"),
        ("protesters threw flowers at the ministry to show their anger", "PEACE"),
        ("residents marched to demand justice for a boy killed by police at a checkpoint", "PEACE"),
        ("nurses marched again, a week after a deadly crackdown in the north", "PEACE"),
    ],
)
def test_protest_ladder_self_dispersal_removal_and_background(text: str, expected: str) -> None:
    assert refine("PEACE", text) == expected


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        # one side's remote fire on armed men is shelling, not a battle
        ("CLASH", "militants attacked the army base with mortars overnight", "SHELL"),
        ("CLASH", "troops and rebels fought with mortars and machine guns", "CLASH"),
        ("CLASH", "gunmen attacked a checkpoint with rocket-propelled grenades", "CLASH"),
        ("ATT", "six rangers were killed in a tank attack blamed on a militia", "SHELL"),
        # a battle that changes who holds a place is a change of control
        ("CLASH", "troops pushed into the enclave, clashing with insurgents and capturing a village", "GRT"),
        ("CLASH", "the militants were pushed back from their strongholds after heavy fighting", "GRT"),
        ("CLASH", "the army killed dozens of fighters who tried to overrun its positions", "CLASH"),
    ],
)
def test_remote_fire_and_battles_that_change_control(code: str, text: str, expected: str) -> None:
    assert refine(code, text) == expected


def test_officers_of_the_state_pass_the_event_gate() -> None:
    # "taken from her home by plainclothes officers" had no cue and no actor word: never classified
    from conflictscope.pipeline.eventness import reads_as_event

    assert reads_as_event("The reporter was taken from her home by plainclothes officers on June 2.")
    assert not reads_as_event("The orchestra gave a concert in the old town on June 2.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the epidemic was the topic the critic was detained over, not a disaster that killed
        ("xu has been detained since february 15, after criticising the response to the coronavirus "
         "outbreak that has now killed more than 3,100 people", False),
        ("the coronavirus outbreak has now killed more than 3,100 people", True),
        ("two men were arrested after the factory fire killed 12", True),
    ],
)
def test_the_epidemic_as_the_topic_of_a_detention(text: str, expected: bool) -> None:
    assert non_event(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("xu zhiyong has been detained since february 15, after publishing blogposts", "ARR"),
        ("the reporter was arrested on 3 may at her home", "ARR"),
        ("the two were detained on monday in the capital", "ARR"),
        ("he was detained on charges of fraud", None),  # no day: the model decides
        ("police said the suspect was arrested", None),
        # a kidnapping that names a person or a case is no kidnapping ("kidnapping kingpin" was one)
        ("posts claim that alleged kidnapping kingpin evans has been sentenced to death", None),
        ("the kidnapping suspect was arrested on monday", "ARR"),
        ("gunmen kidnapped 12 villagers", "ABD"),
    ],
)
def test_an_arrest_on_a_stated_day_is_a_strong_cue(text: str, expected: str | None) -> None:
    assert strong_cue(text) == expected


def test_charged_with_conspiring_to_behead_hostages_is_an_attack() -> None:
    # the base form was no cue, so a charge sheet's "conspiring to torture and behead
    # hostages in Syria" gave no event and its report fell back to the trial's dateline
    assert strong_cue("charged with conspiring to torture and behead hostages in syria") == "ATT"
    assert strong_cue("the militant who beheads captives on camera") == "ATT"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("activists said the man was killed by police on friday", "ATT"),
        ("two farmers were shot dead by unidentified gunmen", "ATT"),
        ("the reporter was executed by state agents inside the building", "ATT"),
        ("police said the man was killed by robbers who stole his phone", None),  # crime: the model decides
        ("the officer was killed by a falling tree", None),
    ],
)
def test_a_killing_by_armed_men_or_police_is_an_attack(text: str, expected: str | None) -> None:
    # the model read "the man was killed by police" like "the man was killed by robbers": no event
    assert strong_cue(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("he has been linked to doe's murder, which happened in the consulate in 2018", "ATT"),
        ("the assassination of the governor took place at his home", "ATT"),
        ("the killing occurred near the market", "ATT"),
        ("the murder trial took place in the capital", None),
        ("the meeting took place in the capital", None),
    ],
)
def test_a_killing_told_as_a_noun_that_happened_somewhere_is_an_attack(text: str, expected: str | None) -> None:
    # "X's murder, which happened in the consulate in Istanbul" gave no event at all
    assert strong_cue(text) == expected


def test_the_accident_gate_still_drops_a_journalist_killed_in_a_crash() -> None:
    assert non_event("the journalist was killed in a car crash on tuesday")


@pytest.mark.parametrize(
    "text",
    [
        "on 3 may, a number of residents caught a burglar in the village of tokpa and burned him to death.",
        "villagers beat a suspected goat thief to death near the market on sunday.",
        "a group of youths assaulted two policemen who were arresting a man accused of fraud.",
    ],
)
def test_mob_justice_is_mob_violence_not_crime(text: str) -> None:
    # regression: the victim's alleged crime ("burglar", "thief", "fraud") made ACLED's mob violence
    # ordinary crime, and a residents' lynching an armed group's attack
    assert not non_event(text)
    assert refine("ATT", text) == "MOB"


@pytest.mark.parametrize(
    "text",
    [
        "suspected militants hit the bus station, killing dozens of people and wounding many others.",
        "alleged rebels opened fire on the school, wounding 12 students and killing a guard.",
    ],
)
def test_a_counted_victim_is_no_mob(text: str) -> None:
    # regression: "killing dozens of people" read "people" as a crowd doing the killing and
    # "suspected" as its victim's alleged crime, so an armed group's attack became mob violence
    assert refine("ATT", text) == "ATT"


def test_every_clause_of_a_mob_justice_sentence_is_the_mob() -> None:
    # regression: "assaulted and killed a motorcycle thief" gave a mob-violence row and an attack row
    text = "on friday a number of people assaulted and killed a suspected motorcycle thief in the market."
    assert refine("ATT", "killed a suspected motorcycle thief in the market.", sentence=text) == "MOB"


@pytest.mark.parametrize(
    "text",
    ["residents said robbers killed a trader on the road to the market.", "police arrested a burglar in tokpa."],
)
def test_a_crime_that_no_crowd_punishes_is_still_crime(text: str) -> None:
    assert non_event(text)


@pytest.mark.parametrize(
    "text",
    [
        "traders protested the new market levy on monday. tyres were burnt on the main road.",
        "inmates demonstrated against a search of their cells, and chairs were burned and property destroyed.",
        "students staged a protest and barricaded the entrances to the lecture halls.",
    ],
)
def test_destruction_told_in_the_passive_makes_a_violent_demonstration(text: str) -> None:
    # regression: "burnt tyres" made a protest violent, "tyres were burnt" did not
    assert refine("PEACE", text) == "VDEM"
