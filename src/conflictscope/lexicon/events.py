"""Word lists shared by several stages.

``EVENT_HINT`` decides which sentences are worth a full parse: it must be broad
(a missed sentence can never yield an event) and cheap (one regex search).
"""

from __future__ import annotations

import re

_HINT_STEMS = (
    # violence and weapons
    r"kill", r"kidnap", r"abduct", r"attack", r"assault", r"ambush", r"clash", r"fight",
    r"battle", r"offensive", r"skirmish", r"gun", r"shoot", r"shot", r"fire[ds]?\b", r"firing",
    r"bomb", r"blast", r"explo", r"IED", r"mine[sd]?\b", r"landmine", r"grenade", r"shell",
    r"mortar", r"artillery", r"rocket", r"missile", r"air ?strike", r"airstrike", r"air raid",
    r"drone", r"warplane", r"jet", r"helicopter", r"strike", r"raid", r"suicide", r"chemical",
    r"sarin", r"chlorine", r"mustard gas", r"nerve agent", r"toxic gas", r"poison",
    r"dead", r"death", r"die[ds]?\b", r"dying", r"wound", r"injur", r"casualt", r"massacre",
    r"murder", r"behead", r"execut", r"lynch", r"stab", r"machete", r"beat", r"tortur",
    r"rape", r"sexual", r"assault", r"molest", r"hostage", r"captive", r"disappear", r"seen again",
    # territory
    r"captur", r"seiz", r"overr", r"took control", r"take control", r"taken control",
    r"regain", r"recaptur", r"retak", r"retook", r"liberat", r"withdr", r"retreat",
    r"advance", r"re-?enter", r"occup", r"control of", r"fell to", r"handed over", r"hand over",
    r"surrender", r"base", r"camp", r"headquarter", r"outpost", r"checkpoint", r"deploy",
    # protest and riot
    r"protest", r"demonstrat", r"rally", r"rallied", r"march", r"strike", r"sit-in",
    r"riot", r"mob", r"torch", r"blocked", r"blockad", r"burn", r"loot", r"vandal", r"barricad", r"tear ?gas",
    r"rubber bullet", r"water cannon", r"disperse", r"baton", r"stone", r"pelt",
    # strategic developments
    r"arrest", r"detain", r"detention", r"custody", r"apprehend", r"round(?:ed)? up", r"jail", r"imprison",
    r"pre-?trial",
    r"ceasefire", r"cease-fire", r"truce", r"peace", r"agreement", r"accord", r"deal\b",
    r"sign", r"negotiat", r"talks", r"defect", r"split", r"merge", r"join", r"allegiance",
    r"disband", r"dissolv", r"recruit", r"defus", r"intercept", r"weapons", r"arms",
    r"cache", r"ammunition", r"explosives", r"destroy", r"demolish", r"raze", r"damage",
    r"ransack", r"plunder", r"destruction", r"curfew", r"state of emergency",
    # actors that signal conflict on their own
    r"militant", r"insurgent", r"rebel", r"jihad", r"terror", r"gunmen", r"militia",
    r"troops", r"soldier", r"army", r"military", r"police", r"forces", r"fighters",
    r"security", r"armed", r"Islamic State", r"ISIS", r"ISIL", r"Daesh", r"Taliban",
    r"al-Shabaab", r"Boko Haram", r"Houthi", r"Hamas", r"Hezbollah", r"Qaeda",
)

#: Sentences matching this may report a conflict event and are parsed.
EVENT_HINT = re.compile(r"(?i)\b(?:" + "|".join(_HINT_STEMS) + r")")


#: A sentence that opens on a comparison: "Not unlike Hitler's staged attack on August 31, 1939 ..., Moscow ...".
_COMPARISON = re.compile(
    r"^\W*(?:not\s+unlike|unlike|like|just\s+as|much\s+as|similar\s+to|as\s+with|reminiscent\s+of|"
    r"much\s+like|echoing)\b[^,;:]*",
    re.IGNORECASE,
)


def in_comparison(sentence: str, offset: int) -> bool:
    """Whether ``offset`` falls in the comparison a sentence opens with (an event told for contrast)."""
    compared = _COMPARISON.match(sentence)
    return compared is not None and offset < compared.end()
