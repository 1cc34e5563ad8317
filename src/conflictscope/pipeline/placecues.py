"""The words around a place name that tell what it is to an event: where it happened ("in",
"near", "entered"), where something came from ("from", "by"), who acts ("US officials"), where
someone is now or was raised, a court's seat, a caption; and how much each counts.

Read by :mod:`conflictscope.pipeline.places`, which scores the places of a clause and of a report.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from conflictscope.gazetteer.resolve import distance_km
from conflictscope.models import Place, PlaceMention

#: Verbs of an act of force whose object is a place ("invaded Syria", "shelled Idlib").
FORCE_VERBS = r"seized|captured|recaptured|retook|attacked|shelled|bombed|stormed|invaded|raided|overran|besieged|bombarded"
BEFORE_IN = re.compile(
    r"\b(?:in|at|near|into|inside|on|around|outside|across|over|of|towards?|entered|re-entered|"
    rf"took|struck|hit|{FORCE_VERBS}|visiting|visited|touring)\s+(?:the\s+)?"
    r"(?:(?:[\p{Ll}\p{Lu}][\p{L}\-]*\s+){0,3}?(?:city|town|village|province|region|district|area|"
    r"outskirts|centre|center|ancient city|county|state|capital|port|enclave)\s+of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
BEFORE_FROM = re.compile(r"\b(?:from|to|for|by|against|with)\s+(?:the\s+)?$", re.IGNORECASE)
#: The words that open a clause of contrast: "while ... focused on [Aleppo], they struck".
CONCESSIVE_MARKS = frozenset({"while", "whilst", "whereas", "although", "though"})
WHERE_ONE_IS = re.compile(r"(?i)\b(?:in|at|inside|near)\s+(?:the\s+)?$")
#: An aside on where someone is now ("four officers, currently in Iran, were indicted"; "the
#: reporter, who now lives in Germany, was arrested in 2019"): not where the event happened.
WHEREABOUTS = re.compile(
    r",\s+(?:(?:currently|now|still)|who\s+(?:is|are)\s+(?:now|currently|still)|"
    r"(?:who\s+(?:now\s+)?(?:lives?|resides?)|now\s+living|living|residing)(?:\s+\p{Ll}+){0,2}?)"
    r"\s+(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: Where someone was born or brought up ("a freelance journalist, raised in Florida, who was abducted
#: near Aleppo"; "born in London"): a life story, not where the event happened.
BIOGRAPHY = re.compile(
    r"\b(?:born|raised|grew\s+up|brought\s+up|educated|schooled)\s+(?:and\s+\p{Ll}+\s+(?:up\s+)?)?"
    r"(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: Where people went after the event: a refuge, a flight's or an evacuation's destination, a hospital
#: ("had taken refuge in Nouna", "fled to Goma", "were rushed to hospital in Kano"): not where it happened.
REFUGE = re.compile(
    r"\b(?:(?:taken|take|took|taking|sought|seek|seeking|found|find)\s+(?:refuge|shelter|sanctuary)\s+(?:in|at)|"
    r"(?:fled|flee|fleeing|escaped|evacuated|displaced|rushed|airlifted|taken|transported|transferred|flown)"
    r"\s+(?:\p{Ll}+\s+){0,3}?(?:to|into))"
    r"\s+(?:(?:a|the)\s+)?(?:(?:hospital|clinic|camp|camps)\s+in\s+(?:the\s+)?|"
    # a hospital named ("taken to Christ Medical Center in Oak Lawn"): where the wounded went
    r"(?:[\p{L}'’.\-]+\s+){1,4}(?:hospital|medical\s+cent(?:er|re)|health\s+cent(?:er|re)|clinic|infirmary)"
    r"\s+in\s+)?$",
    re.IGNORECASE,
)
#: "in the Mexican border city of", "in the town of": a locative that names the settlement outright.
NAMED_SETTLEMENT = re.compile(r"(?i)^(?:in|at|near)\s.*\b(?:city|town|village)\s+of\s+(?:the\s+)?$")
#: "in Turkey's Istanbul": a locative whose country introduces the town.
COUNTRY_POSSESSIVE = re.compile(
    r"\b(?:in|at|near|inside|outside)\s+(?P<country>\p{Lu}[\p{L}\-]+(?:\s\p{Lu}[\p{L}\-]+)?"
    r"(?:\s(?:state|province|region|governorate|county|oblast))?)['’]s\s+$"
)
#: A place that is the object of an act of force.
ACTED_ON = re.compile(rf"(?i)(?:{FORCE_VERBS})\s")
#: A place that is the subject of a passive act of force ("Western Sahara was invaded", "Mosul had
#: been captured"): said outright, like the object of the active verb.
ACTED_ON_PASSIVE = re.compile(
    rf"(?i)\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been|is\s+being|was\s+being)\s+"
    rf"(?:(?:\p{{Ll}}+ly|then|also|first|later)\s+)?(?:{FORCE_VERBS})\b"
)
#: What a protest is about ("against the death in Minneapolis of ..."): not where it is held.
GRIEVANCE = re.compile(
    r"\b(?:against|over|protest(?:ing|ed)?|condemn(?:ing|ed)?|mourn(?:ing|ed)?|for)\s+(?:the\s+)?"
    r"(?:[\p{L}\-]+\s+){0,2}?(?:death|killing|murder|shooting|arrest|detention|execution|jailing)s?\s+"
    r"(?:of\s+[\p{L}.\s]{1,40}?\s+)?(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
NEAR = re.compile(
    r"\b(?:near(?:by)?|outskirts|countryside|surrounding|around|outside|districts?|"
    r"neighbou?rhoods?|suburbs?|hospital|silos?|warehouse|airport|air ?base|checkpoint|"
    r"oil ?fields?|heights|(?:north|south|east|west)(?:-?(?:east|west))?\s+of|"
    r"kilomet(?:er|re)s?|km|miles|(?:road|highway|route)s?\s+(?:between|from|to|linking))\b",
    re.IGNORECASE,
)
ANAPHORA = re.compile(
    r"\b(?:the\s+(?:ancient\s+|besieged\s+|northern\s+|desert\s+)?(?:city|town|village|area)|"
    r"there|the\s+city's|its\s+(?:northern|southern|eastern|western)|nearby|"
    r"the\s+surrounding\s+countryside)\b",
    re.IGNORECASE,
)
#: A place named as a part of another ("Khartoum's twin city Omdurman", "Kabul's Shia neighbourhood of
#: Dasht-e-Barchi"): the part is where it happened, the owner only locates it.
_PART_KINDS = r"(?i:city|town|village|district|suburb|neighbou?rhood|quarter|port|area|camp|township)"
PART_OF_OWNER = re.compile(rf"['’]s\s+(?:[\p{{L}}\-]+\s+){{0,3}}?{_PART_KINDS}\s+(?:of\s+)?$")
OWNER_OF_PART = re.compile(rf"['’]s\s+(?:[\p{{L}}\-]+\s+){{0,3}}?{_PART_KINDS}\s+(?:of\s+)?\p{{Lu}}")
#: A sentence that opens on its place ("In neighbouring Niger, troops killed ..."): where all of it
#: happens, unless the rest is a report of what someone said there (:data:`SPOKEN_THERE`).
SCENE_OPENER = re.compile(r"(?:^|[.!?]\s+|\n)(?:In|At|Inside)\s+(?:the\s+)?(?:\p{Ll}[\p{Ll}\-]+\s+)?$")
#: "In London, a spokesman said ...": the place opens a report of speech, it is where it was told.
SPOKEN_THERE = re.compile(
    r",\s+(?:(?:the|a|an|its|their|his|her)\s+)?(?:[\w\-’']+\s+){0,3}?"
    r"(?:said|says|told|announced|reported|stated|confirmed|claimed)\b"
)
#: "in neighbouring Iraq", "inside war-torn Yemen", "In neighbouring Niger, ...": a locative with one adjective.
LOCATIVE = re.compile(r"\b(?:[Ii]n|[Aa]t|[Nn]ear|[Ii]nside)\s+(?:the\s+)?\p{Ll}[\p{Ll}\-]+\s+$")
#: A country named as a modifier ("US Secretary of State", "Iran's foreign minister").
ATTRIBUTIVE = re.compile(r"(?:['’]s)?\s+(?:\p{Lu}\p{Ll}|officials?\b|forces\b|troops\b|government\b|"
                          r"authorities\b|military\b|embassy\b|president\b|army\b|police\b|"
                          r"courts?\b|prisons?\b|prosecutors?\b|citizens?\b|nationals?\b|soldiers?\b|"
                          r"diplomats?\b|intelligence\b|sanctions\b|lawmakers\b|envoy\b|ambassador\b)")
ATTRIBUTIVE_FACTOR, DATELINE_BONUS = 0.5, 2.5
#: A place named for its government (metonymy): "Ankara views the YPG as terrorists", "Moscow denied
#: it", "accounts hacked on behalf of Riyadh", "a move sure to infuriate Ankara". An actor, like
#: :data:`ATTRIBUTIVE`'s "US officials", not where things happen.
METONYM_AFTER = re.compile(
    r"\s+(?:(?:has|have|had|also|long|repeatedly|has\s+long|had\s+long|has\s+repeatedly)\s+){0,2}"
    r"(?:said|says|views?|viewed|wants?|wanted|accuse[sd]|denie[sd]|insist(?:s|ed)|warn(?:s|ed)|"
    r"announce[sd]|reject(?:s|ed)|demand(?:s|ed)|urge[sd]|claim(?:s|ed)|considers|regards|condemn(?:s|ed)|"
    r"blame[sd]|threaten(?:s|ed)|responded|retaliated|sought|seeks|recogni[sz]ed)\b"
)
#: A name after a preposition is no subject ("Residents of Palmyra said", "nationals living in Namibia claimed").
PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|at|near|inside|of|from|to|for|by|against|with|into|across|around|outside)\s+(?:the\s+)?$",
    re.IGNORECASE)
METONYM_BEFORE = re.compile(
    r"\b(?:on\s+behalf\s+of|infuriate|infuriated|angered|backed\s+by|supported\s+by|pressure\s+on|"
    r"ties\s+with|relations\s+with)\s+$", re.IGNORECASE)
#: The seat of a court ("pleaded guilty in federal court in Alexandria", "a court in Ankara").
COURT_SEAT = re.compile(
    r"\b(?:court|courthouse|tribunal|courtroom)\s+(?:in|of|at)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.]*,?\s+){0,2}$",
    re.IGNORECASE,
)
COURT_FACTOR = 0.5
#: Where someone spoke ("Speaking in Geneva, the envoy said", "told reporters in Kinshasa",
#: "officials in Manila said", "a statement issued in Abuja"): counts like a court's seat.
SPEECH_VENUE = re.compile(
    r"\b(?:speaking|spoke|said|says|told\s+(?:reporters|journalists|(?:a|the)\s+(?:news|press)\s+conference|"
    r"(?:a|the)\s+briefing|parliament|AFP|Reuters|AP|the\s+Associated\s+Press|the\s+BBC|Al\s+Jazeera|CNN)|"
    r"(?:news|press)\s+conference|briefing|statement\s+(?:issued|released)|by\s+(?:tele)?phone|over\s+the\s+(?:tele)?phone|"
    r"officials|spokes(?:man|woman|person))\s+(?:in|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: A photo caption ("... in Wuhan on Sept. 11. REUTERS/Name", "AFP via Getty Images") counts this much.
CAPTION_FACTOR = 0.3
SPECIFICITY = {"site": 0.9, "city": 1.0, "admin2": 0.5, "admin1": 0.3, "country": 0.0, "continent": -1.0}
#: What someone arrested is accused of ("detained a policeman accused of taking part in the killing of 51
#: civilians in northwestern Bosnia"): its place is the crime's, not the arrest's.
ACCUSED_OF = re.compile(r"(?i)\b(?:accused|suspected|convicted|charged|indicted|wanted)\s+(?:\w+\s+){0,3}?(?:of|for|over)\b")
#: The part of a country a report names ("northwest Nigeria", "in north-western Syria", "central Mali").
_COUNTRY_PART = re.compile(
    r"(?i)\b(?:(?P<central>central)|(?P<ns>north|south)(?:[\s\-]?(?P<ew_of_ns>east|west))?(?:ern)?|"
    r"(?P<ew>east|west)(?:ern)?)\s+$"
)
#: How far (degrees) a town must lie beyond the country's centre to be in its north, south, ...
_PART_MARGIN = 1.0
#: How near (km) the country's centre a town must lie to be in "central" X.
_CENTRAL_KM = 400.0


#: A part of "the country" the report is about, named without its name ("in the east of the country",
#: "in the country's north"): group ``dir`` is the direction.
THE_COUNTRYS_PART = re.compile(
    r"(?i)\b(?:in|across|to|from)\s+the\s+(?:far\s+)?(?P<dir>central|(?:north|south)(?:[\s\-]?(?:east|west))?|east|west)"
    r"(?:ern)?\s+(?:part\s+|region\s+|parts\s+)?of\s+the\s+country\b"
    r"|\b(?:in|across)\s+the\s+country['’]s\s+(?:far\s+)?(?P<dir2>(?:north|south)(?:[\s\-]?(?:east|west))?|east|west|centre|center)(?:ern)?\b"
)


def names_part(before: str) -> bool:
    """Whether the text before a country's name names a part of it ("in southern Afghanistan")."""
    return _COUNTRY_PART.search(before) is not None


def in_named_part(town: Place, country: Place, before: str) -> bool:
    """Whether ``town`` can lie in the part of ``country`` that ``before`` (the text before the
    country's name) names: the capital in a KABUL dateline is not where "a bomb killed five soldiers
    in southern Afghanistan". True when no part is named or a point is missing."""
    part = _COUNTRY_PART.search(before)
    if part is None or None in (town.latitude, town.longitude, country.latitude, country.longitude):
        return True
    lat, lon = float(town.latitude or 0.0), float(town.longitude or 0.0)
    c_lat, c_lon = float(country.latitude or 0.0), float(country.longitude or 0.0)
    if part.group("central"):
        return distance_km(lat, lon, c_lat, c_lon) <= _CENTRAL_KM
    north_south = (part.group("ns") or "").lower()
    east_west = (part.group("ew") or part.group("ew_of_ns") or "").lower()
    return ((north_south != "north" or lat >= c_lat + _PART_MARGIN)
            and (north_south != "south" or lat <= c_lat - _PART_MARGIN)
            and (east_west != "east" or lon >= c_lon + _PART_MARGIN)
            and (east_west != "west" or lon <= c_lon - _PART_MARGIN))


#: The kind word of a region that owns a place ("Katsina State's Safana").
_OWNER_KINDS = r"\s+(?i:State|Province|Region|Governorate|County|Oblast)"
OWNER_KIND = re.compile(_OWNER_KINDS + "$")


#: The possessive between an owner and its part, with the owner's kind word ("Katsina State's ").
POSSESSIVE_GAP = re.compile(rf"(?:{_OWNER_KINDS})?['’]s\s+")


def owns_next(owner: PlaceMention, mentions: Sequence[PlaceMention], text: str) -> bool:
    """Whether a country or region introduces the place named right after it ("Katsina State's
    Safana", "Syria's Idlib"): the owner only locates the part, where the event is."""
    gap = POSSESSIVE_GAP.match(text, owner.span.end)
    return gap is not None and owner.place.feature in {"country", "admin1", "region"} and any(
        m.span.start == gap.end() and m.place.country == owner.place.country
        and (owner.place.feature == "country" or owns_by_name(owner.place.name, m.place)) for m in mentions)


def owns_by_name(owner: str, place: Place) -> bool:
    """Whether a region's name is (part of) the name of the place's first-level region: "Zamfara" of a
    town in Zamfara, "Sinai" of El Arish in North Sinai."""
    owner, region = owner.casefold(), place.admin1.casefold()
    return bool(region) and (owner == region or owner in region.split())


def told_at(text: str, before: str, end: int) -> bool:
    """Whether a place (``before``: the text before it, ``end``: where it ends) is where something
    was said: "Speaking in Geneva, ...", "officials in Manila said", "In London, a spokesman said"."""
    return SPEECH_VENUE.search(before) is not None or (
        SCENE_OPENER.search(before) is not None and SPOKEN_THERE.match(text, end) is not None)
