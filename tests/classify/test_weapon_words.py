"""Weapon nouns have one home (:mod:`conflictscope.lexicon.weapons`): every pattern built from
the list reads every weapon in it."""

from __future__ import annotations

import pytest

from conflictscope.classify import rules
from conflictscope.classify.cues import CUES
from conflictscope.lexicon.weapons import WEAPON_NOUNS


@pytest.mark.parametrize("weapon", WEAPON_NOUNS)
def test_every_weapon_is_read_by_each_pattern_built_from_the_list(weapon: str) -> None:
    seized = f"police seized {weapon} in a raid"
    assert rules.STRONG_CUES["DISR"].search(seized)
    assert rules.strong_cue(seized) == "DISR"
    assert CUES["DISR"].search(f"troops recovered two {weapon}")
    assert rules._WEAPON_WORDS.search(f"smuggled migrants and {weapon}")


def test_a_migrant_seizure_with_weapons_is_no_mere_border_control() -> None:
    assert rules.non_event("police intercepted smuggled migrants at the border")
    assert not rules.non_event("police intercepted smuggled migrants and grenades at the border")


def test_a_gold_mine_is_no_weapon() -> None:
    assert not rules.STRONG_CUES["DISR"].search("miners found gold in the mine")
