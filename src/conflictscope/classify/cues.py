"""Cue lexicons: short regexes over lower-cased text, one group per label code.

They serve three purposes: features of the linear model (``cue:CODE``), locating
the trigger words of a predicted class in a clause, and cheap gating (a clause
with no cue and no violence word is not classified at all).
"""

from __future__ import annotations

import re

from conflictscope.lexicon.weapons import weapon_pattern

_W = r"(?:\w+[ -]){0,3}?"  # up to three filler words

#: Who strikes from the air or from afar: "Israeli strikes on Gaza", "Russian strikes", "coalition strikes".
_STRIKERS = (
    "israeli", "russian", "ukrainian", "us", "u.s.", "american", "coalition", "saudi", "saudi-led",
    "turkish", "iranian", "syrian", "regime", "military", "army", "nato", "government", "french",
    "british", "pakistani", "jordanian", "egyptian", "emirati", "allied", "missile", "rocket",
)
#: What a military strike does or where it lands ("strikes on the outskirts of Khiam", "strikes hit
#: Houthi targets"); "strikes on Monday" stays a labour strike.
_STRIKE_LANDS = (r"\s+(?:hit|hits|hitting|targeting|targeted|killed|killing|pounded|pounding|destroyed|"
                 r"on\s+(?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the\s+day|\d)))")
#: A military strike ("Israeli strikes", "strikes on Gaza"): an air strike, not a labour strike.
_MILITARY_STRIKE = (r"(?:" + "|".join(re.escape(w) for w in _STRIKERS) + r")\s+(?:\w+\s+)?strikes?\b"
                    r"|strikes?(?=" + _STRIKE_LANDS + r")")
#: A strike that is a labour strike: not after a striker's name, not landing somewhere.
_LABOUR_STRIKE = "".join(f"(?<!{re.escape(w)} )" for w in _STRIKERS) + r"strikes?(?!" + _STRIKE_LANDS + r")"

_RAW: dict[str, tuple[str, ...]] = {
    "CLASH": (
        r"clash(?:es|ed|ing)?", r"fight(?:ing|s)?", r"fought", r"battl(?:e|es|ed|ing)",
        r"gun ?battle", r"fire ?fight", r"gunfight", r"shoot-?out", r"exchanges? of fire",
        r"exchanged (?:gun)?fire", r"traded (?:gun)?fire", r"ambush(?:ed|es)?", r"skirmish(?:es)?",
        r"repel(?:led)?", r"repuls(?:e|ed)", r"launched " + _W + r"offensive", r"assault(?:s|ed|ing)?", r"gun-?fire", r"returned fire", r"engaged",
        r"attack(?:ed|s)? (?:on )?" + _W + r"(?:army|military|police|troops|soldiers|base|checkpoint|convoy|patrol|post|positions|outpost|barracks|forces)",
        r"storm(?:ed)? " + _W + r"(?:base|outpost|barracks|post|positions)",
    ),
    "GRT": (
        r"recaptur(?:e|ed|es|ing)", r"retook", r"retak(?:e|en|es|ing)", r"regain(?:ed|s|ing)?",
        r"liberat(?:e|ed|es|ing|ion)", r"reclaim(?:ed|s|ing)?", r"took back", r"taken back",
        r"tak(?:e|ing) back", r"re-?establish(?:ed)? " + _W + r"control", r"restor(?:e|ed) " + _W + r"control",
        r"dislodg(?:e|ed)", r"drove " + _W + r"out", r"driven out", r"pushed " + _W + r"out",
        r"reoccup(?:y|ied)", r"flush(?:ed)? out", r"cleared " + _W + r"of",
        r"(?:pushed|drove|driven|forced) " + _W + r"back", r"expell?(?:ed)? " + _W + r"from",
        r"purg(?:e|ed|ing)", r"wrest(?:ed)? (?:back )?control", r"routed",
    ),
    "NSO": (
        r"seiz(?:e|ed|es|ing) (?:control|the (?:town|city|village|district|area|base|airport))",
        r"captur(?:e|ed|es|ing)", r"overr(?:an|un|unning)", r"took (?:full |complete |total )?(?:over|control)",
        r"taken (?:full |complete |total )?(?:over|control)", r"tak(?:e|ing) (?:full |complete |total )?(?:over|control)", r"fell to", r"falls? to",
        r"in " + _W + r"hands", r"re-?enter(?:ed|s)?", r"now (?:control|hold)s?",
        r"under (?:their|its|the group's|rebel|militant) control",
    ),
    "CHEM": (
        r"chemical (?:weapon|attack|strike|agent|munition)s?", r"chlorine", r"sarin", r"mustard",
        r"nerve (?:agent|gas)", r"toxic (?:gas|chemical)s?", r"poison(?:ous)? gas", r"gas attack",
        r"chemical weapons?", r"toxic substance",
    ),
    "AIR": (
        r"air ?strikes?", r"air[- ]raids?", r"warplanes?", r"(?:fighter )?jets?", r"aircraft",
        r"drones?", r"helicopters?", r"gunships?", r"air force", r"aerial", r"barrel bombs?",
        r"(?:military )?planes?", r"bomb(?:ed|ing)", r"uavs?", r"air ?craft", _MILITARY_STRIKE,
    ),
    "SUIC": (
        r"suicide", r"blew (?:himself|herself|themselves) up", r"blow (?:himself|herself|themselves) up",
        r"explosives?[- ](?:vest|belt)s?", r"svbieds?", r"self-?detonat",
    ),
    "SHELL": (
        r"shell(?:s|ed|ing)?", r"mortars?", r"artillery", r"rockets?", r"missiles?", r"grad",
        r"howitzers?", r"tank fire", r"rpgs?", r"rocket-propelled", r"projectiles?",
        r"bombard(?:ed|ment|ing)?", r"katyusha", r"cannon fire",
    ),
    "IED": (
        r"roadside bombs?", r"ieds?", r"improvised explosive", r"land ?mines?",
        # not where gold or coal is dug ("militants attacked a gold mine")
        r"(?<!gold )(?<!coal )(?<!copper )(?<!diamond )(?<!cobalt )(?<!tin )(?<!uranium )(?<!artisanal )"
        r"(?<!mining )\bmines?\b(?!\s+(?:workers|site|owners?|operators?|shafts?))",
        r"car bombs?", r"bombs? (?:exploded|went off|blast)", r"explosive devices?", r"uxo",
        r"unexploded", r"booby", r"limpet", r"sticky bombs?", r"magnetic bombs?", r"parcel bombs?",
        r"blasts?", r"explosions?", r"explod(?:e|ed|es)", r"detonat(?:e|ed|ion)", r"vbieds?",
        r"remote[- ]controlled", r"planted",
    ),
    "GREN": (r"grenades?",),
    "SEXV": (
        r"rap(?:e|ed|es|ing)", r"sexual(?:ly)?", r"molest", r"sex slaves?", r"gang-?rap",
    ),
    "ATT": (
        r"kill(?:ed|ing|s)?", r"shot dead", r"shoot(?:ing)?", r"shot", r"execut(?:e|ed|ion|ions)",
        r"behead(?:ed|ing)?", r"massacr(?:e|ed)", r"murder(?:ed)?", r"assassinat(?:e|ed|ion)",
        r"(?:hack(?:ed|ing)?|stabb(?:ed|ing)|stoned|burn(?:ed|t)|beat(?:en)?|clubbed) (?:[\w-]+ ){0,4}?to death", r"stabb(?:ed|ing)", r"tortur(?:e|ed)", r"beat(?:en|ing)?",
        r"opened fire", r"gunned down", r"slaughter(?:ed)?", r"civilians?", r"villagers?", r"hanged", r"put to death",
        r"flogg(?:ed|ing)", r"(?:publicly )?whipped",
    ),
    "ABD": (
        r"kidnap(?:ped|ping|s)?", r"abduct(?:ed|ion|ions|s)?", r"hostages?", r"disappear(?:ed|ance)",
        r"missing", r"captive", r"ransom", r"taken to an unknown", r"never (?:to be |been )?seen again",
    ),
    "PEACE": (
        r"protest(?:s|ed|ing|ers?)?", r"demonstrat(?:e|ed|ion|ions|ors?)", r"march(?:ed|es)?",
        r"rall(?:y|ied|ies)", r"sit-?in", _LABOUR_STRIKE, r"took to the streets", r"gathered",
        r"picket", r"boycott", r"placards?", r"chant(?:ed|ing)", r"self-immolat\w*",
        r"set (?:himself|herself|themselves) (?:on fire|alight|ablaze)",
        r"block(?:ed|ing|aded|ading)? (?:off )?(?:the |a |several |major |main |key )?(?:roads?|highways?|streets?|railways?|rail lines?|motorways?|junctions?)",
    ),
    "PINT": (
        r"dispers(?:e|ed|ing)", r"tear ?gas", r"water cannons?", r"rubber bullets?", r"broke up",
        r"break up", r"pepper spray", r"batons?", r"warning shots", r"forcibly removed",
    ),
    "FORCE": (
        r"(?:opened fire|fired|shot) (?:on|at|into) " + _W + r"(?:protesters|demonstrators|crowd|march)",
        r"live (?:ammunition|rounds|fire)", r"(?:killed|shot|wounded) " + _W + r"(?:protesters|demonstrators)",
        r"crack(?:ed)? down", r"crackdown", r"brutal(?:ly)?",
    ),
    "VDEM": (
        r"barricades?", r"burn(?:ing|ed|t)? tyres", r"tyres", r"stones?", r"rocks", r"petrol bombs?",
        r"molotov", r"torch(?:ed)?", r"set fire", r"vandali[sz](?:e|ed|ing)", r"smash(?:ed)?",
        r"clash(?:ed)? with (?:police|security)", r"riot(?:s|ers|ing)?",
    ),
    "MOB": (r"\bmobs?\b", r"lynch(?:ed|es|ing)?", r"vigilantes?", r"angry crowds?", r"crowd of"),
    "AGREE": (
        r"agree(?:d|ment|ments)", r"cease-?fire", r"truce", r"peace (?:deal|accord|agreement|pact)",
        r"signed", r"\bpact\b", r"accord", r"prisoner (?:exchange|swap)", r"released " + _W + r"prisoners",
        r"\bdeal\b", r"brokered",
    ),
    "ARR": (
        r"arrest(?:ed|s|ing)?", r"detain(?:ed|s|ing)?", r"detentions?", r"custody", r"apprehend(?:ed)?", r"jailed",
        r"round(?:ed)? up", r"picked up", r"nabbed", r"took into custody",
    ),
    "CHG": (
        r"merg(?:e|ed|er)", r"defect(?:ed|ion|ors?)?", r"disband(?:ed|ing)?", r"allegiance",
        r"split", r"recruit(?:ed|ing|ment)?", r"deploy(?:ed|ment|s)?", r"reinforc(?:e|ed|ements)",
        r"curfew", r"state of emergency", r"surrender(?:ed)?", r"laid down (?:their )?arms",
        r"launched " + _W + r"(?:operation|campaign)", r"withdr(?:ew|awn|awal)",
        r"pull(?:ed)? out", r"new leader", r"formation", r"banned", r"evacuated",
    ),
    "DISR": (
        r"(?:seiz|confiscat|recover|found|discover)(?:e|ed|ing|es)? " + _W + r"(?:" + weapon_pattern(singular=False) + r"|cache|depot)",
        r"cache", r"defus(?:e|ed|ing)", r"intercept(?:ed|ion|s)?", r"dismantl(?:e|ed)",
        r"confiscat(?:e|ed)", r"shot down", r"foil(?:ed)?", r"thwart(?:ed)?",
        r"controlled explosion", r"arms depot", r"bomb disposal", r"seized", r"smuggl",
    ),
    "HQ": (
        r"(?:establish|set up|sets up|setting up|built|opened|build)(?:ed)? " + _W + r"(?:bases?|camps?|headquarters|outposts?|command (?:post|centre|center))",
        r"headquarters", r"\bbases?\b", r"outposts?",
    ),
    "LOOT": (
        r"loot(?:ed|ing|ers)?", r"plunder(?:ed)?", r"ransack(?:ed)?", r"destroy(?:ed|s|ing)?",
        r"destruction", r"demolish(?:ed)?", r"raz(?:e|ed)", r"burn(?:ed|t) down", r"torched",
        r"blew up", r"bulldoz(?:e|ed)", r"stole", r"set fire to",
    ),
    "NVT": (
        r"hand(?:ed|s)? over", r"handover", r"hand-?over", r"ced(?:e|ed)", r"transferr?(?:ed)? control",
        r"without (?:a )?(?:fight|resistance|fighting)", r"evacuation deal", r"unopposed",
        r"passed to",
    ),
    "NONE": (
        r"earthquake", r"quake", r"floods?", r"flooding", r"volcan", r"cyclone", r"hurricane",
        r"tornado", r"storm", r"wildfires?", r"landslide", r"avalanche", r"drought", r"tsunami",
        r"accident", r"crash(?:ed)?", r"collaps(?:e|ed)", r"leak(?:ed|s)?", r"spill", r"capsiz",
        r"derail", r"covid", r"coronavirus", r"outbreak", r"pandemic", r"robbery", r"robbed",
        r"burglar", r"drug", r"traffick", r"fraud", r"\bgang\b", r"match", r"tournament",
        r"championship", r"scored", r"diplomats?", r"ambassador", r"sanctions?", r"summit",
        r"urged", r"condemn(?:ed|s)?", r"denied", r"accus(?:ed|ation|ations)", r"blamed",
        r"rejected", r"allegations?", r"alleged", r"warned", r"criticis", r"weather", r"rain",
        r"factory", r"plant", r"workers", r"fire broke out", r"blaze", r"firefighters",
        r"technical fault", r"investigat", r"court", r"sentenced", r"convicted", r"charged",
    ),
}

#: A strike or boycott in which people stay away (from work, from food, from a vote): ACLED codes a
#: demonstration only where people gather in public, so this alone is no demonstration.
STAYING_AWAY = re.compile(r"\b(?:(?:hunger )?" + _LABOUR_STRIKE + r"|stoppages?|go-slows?|work-to-rule|sick-outs?|"
                          r"boycott\w*)\b")
#: Words that tell people gathered in public (the demonstration cues other than staying away, and
#: the police action on a crowd or the crowd's violence).
GATHERING = re.compile(
    r"\b(?:" + "|".join(p for p in (*_RAW["PEACE"], *_RAW["PINT"], *_RAW["FORCE"], *_RAW["VDEM"], *_RAW["MOB"])
                        if p not in (_LABOUR_STRIKE, "boycott")) + r"|pickets?|picket lines?|occup(?:y|ied|ying))\b"
)

#: label code -> compiled cue regex (word-bounded, case-insensitive input expected lower-cased).
CUES: dict[str, re.Pattern[str]] = {
    code: re.compile(r"\b(?:" + "|".join(patterns) + r")\b") for code, patterns in _RAW.items()
}

#: Conflict actors and violence words without a cue of their own (cheap gate).
ACTOR_GATE = re.compile(
    r"\b(?:militants?|insurgents?|rebels?|jihadists?|terrorists?|gunmen|militia\w*|troops|"
    r"soldiers?|army|military|police|forces|fighters|armed|islamic state|isis|isil|daesh|taliban|"
    r"shabaa?b|boko haram|houthis?|hamas|hezbollah|qaeda|attack\w*|assault\w*|raid\w*|struck|"
    r"strikes?|targeted|wounded|injured|dead|casualties|weapons?|guns?|bombs?|plainclothes|"
    r"(?:police|security|intelligence) (?:officers|agents|personnel)|state security)\b"
)


def cue_codes(text: str, among: list[str] | None = None) -> list[str]:
    """The label codes whose cues occur in ``text`` (lower-cased).

    ``among`` restricts the search to those codes (a clause's cues are among its
    sentence's), which keeps the stage fast.
    """
    codes = CUES if among is None else among
    return [code for code in codes if CUES[code].search(text)]


#: Cue words that tell the kind of event but are not its trigger: the victims ("Villagers said
#: rebels hacked 22 people to death": the hacking, not the villagers).
_VICTIM_CUES = frozenset({"civilian", "civilians", "villager", "villagers"})


def find_cue(code: str, text: str) -> tuple[int, int] | None:
    """Character offsets of the first cue of ``code`` in ``text`` (lower-cased), if any; an act
    before a victim noun."""
    found = find_cues(code, text)
    return found[0] if found else None


def find_cues(code: str, text: str) -> list[tuple[int, int]]:
    """Character offsets of every cue of ``code`` in ``text`` (lower-cased), in text order (only
    acts, when the text has any besides victim nouns)."""
    pattern = CUES.get(code)
    hits = [(m.start(), m.end()) for m in pattern.finditer(text)] if pattern else []
    acts = [(b, e) for b, e in hits if text[b:e] not in _VICTIM_CUES]
    return acts or hits
