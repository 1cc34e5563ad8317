"""Strong cues of an attack in the rule classifier: armed men storming or raiding a civilian
place, an attack told with its toll, and a claimed bombing told with its toll."""

from __future__ import annotations


def test_armed_men_storming_a_hotel_is_an_attack() -> None:
    from conflictscope.classify.rules import strong_cue

    assert strong_cue("al-shabaab fighters stormed a hotel in kismayo on sunday.") == "ATT"
    assert strong_cue("gunmen raided a village in zamfara.") == "ATT"
    assert strong_cue("militants stormed an army base in mali.") is None  # armed target: not this rule


def test_an_attack_that_killed_people_is_an_attack_cue() -> None:
    # "The attack in Kabul killed 20 people." read as no event (0.91)
    from conflictscope.classify.rules import strong_cue

    assert strong_cue("the attack in kabul killed 20 people.") == "ATT"
    assert strong_cue("a raid on the village left at least 12 villagers dead.") == "ATT"
    assert strong_cue("the attack on the bank killed its profits.") is None
    assert strong_cue("officials said the strike in yemen killed 12 people.") == "ATT"
    # an explosion kills people in accidents too: left to the model and the accident gate
    assert strong_cue("a series of explosions at the chemical plant killed 20 people.") is None


def test_a_claimed_bombing_told_with_its_toll_is_an_event() -> None:
    # "claimed responsibility for a suicide bombing that killed 12 people": the only report of it
    from conflictscope.classify.rules import non_event, strong_cue

    assert not non_event("islamic state claimed responsibility for a suicide bombing that killed 12 people in kunduz.")
    assert non_event("islamic state claimed responsibility for the attack.")
    assert strong_cue("militiamen set fire to houses in the village.") == "LOOT"
