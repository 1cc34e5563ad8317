"""Weapons as news names them when they are held, found or seized, rather than used.

One list serves every rule that asks whether a clause speaks of weapons: the strong cue and
the model cue of *Disrupted weapons use* ("police seized rifles and grenades"), and the
migration gate, where weapons make a border seizure conflict ("smuggled migrants and guns").
"""

from __future__ import annotations

#: Weapon nouns in the plural, lower-cased.
WEAPON_NOUNS: tuple[str, ...] = (
    "weapons", "arms", "ammunition", "explosives", "rifles", "firearms", "guns", "pistols",
    "grenades", "mines", "ieds", "bombs", "rockets", "detonators", "suicide vests", "suicide belts",
)
#: Nouns with no singular of their own ("arms" is not "arm"; "ammunition" is a mass noun), and
#: "mines", whose singular is most often where gold is dug ("found ... a mine").
_PLURAL_ONLY = frozenset({"arms", "ammunition", "mines"})


def weapon_pattern(singular: bool = True) -> str:
    """One weapon noun as a regex group over lower-cased text, without word boundaries (the
    user puts its own): ``singular`` also reads "a rifle", "a bomb".

    The model cue reads the plural only: its filler words are lazy, so a singular would end
    the cue on the first weapon and move the trigger span the classifier was trained with.
    """
    forms = (
        f"{w}?" if singular and w not in _PLURAL_ONLY else w
        for w in WEAPON_NOUNS
    )
    return "(?:" + "|".join(forms) + ")"
