"""Containers written after a place name: "Portland, Ore.", "Aleppo, Syria", "Tacoma, Washington".

A town's container right after a comma tells which namesake it is; a list ("Aleppo, Homs and
Idlib") is no container. News-style state abbreviations become toponyms of their own.
"""

from __future__ import annotations

from dataclasses import replace

import regex as re

from conflictscope.gazetteer.regions import POSTAL_CODES, abbreviation
from conflictscope.gazetteer.resolve import Toponym
from conflictscope.models import Span

#: A direction before a container ("Tripoli, northern Lebanon", "Solhan in northern Burkina Faso").
_DIRECTION_ADJECTIVE = r"(?:(?i:north|south|east|west|central|(?:north|south)-?(?:east|west))(?:ern)?\s+)?"
_AFTER_COMMA = re.compile(
    r",\s*" + _DIRECTION_ADJECTIVE +
    r"((?:\p{Lu}\.\s?){2,3}|\p{Lu}\p{Ll}{1,4}\.|\p{Lu}{2}\b|"
    r"\p{Lu}[\p{L}\-]+(?:\s\p{Lu}[\p{L}\-]+){0,2})"
)
#: A list goes on after the name ("Aleppo, Homs and Idlib", "Aleppo, Homs, Idlib"); not ", on Thursday".
_LIST_GOES_ON = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?\p{Lu}|and\b|or\b|&)")
_ORIGIN_BEFORE = re.compile(r"\b(?:from|fled|fleeing|escaped|left|leaving)\s+(?:the\s+)?$", re.IGNORECASE)
#: "Town in Region": the same container after "in" ("Palma in Cabo Delgado", "Solhan in northern
#: Burkina Faso"), in an apposition ("Gajiram, a town in Borno") or after a place's kind ("Kani
#: township of Sagaing Region", "Bannu district of Khyber Pakhtunkhwa", "Bobi area of Niger State",
#: "Agge community in Delta State", "Oban village in Cross River State"); where the name after it starts.
_IN_AFTER = re.compile(
    r"(?:\s+in|\s+(?:township|district|county|municipality|sub-?district|commune|local government area|lga"
    r"|neighbou?rhood|quarter|suburb|area|community|village|town|ward|hamlet|settlement|locality)"
    r"\s+(?:in|of)|,\s+(?:a|an|the)\s+(?:[\p{Ll}\-]+\s+){0,2}?(?:town|village|city|capital|settlement|locality)"
    r"\s+(?:in|of))\s+(?:the\s+)?" + _DIRECTION_ADJECTIVE + r"(?=\p{Lu})", re.IGNORECASE)


#: Brackets that open right after a name: its containers follow ("Sori (Gogounou, Alibori)").
_BRACKET_OPENS = re.compile(r"\s*[(\[]")


def _bracketed_container(text: str, toponym: Toponym, by_start: dict[int, Toponym]) -> Toponym | None:
    """The largest container written in brackets after a name, as ACLED notes and NGO reports give a
    village's commune and region ("Sori (Gogounou, Alibori)", "Tera (Tillaberi region)"): the last
    name inside the brackets; None when no name is bracketed there."""
    opened = _BRACKET_OPENS.match(text, toponym.span.end)
    if opened is None:
        return None
    close = text.find(")" if text[opened.end() - 1] == "(" else "]", opened.end())
    if close < 0 or close - opened.end() > 80:
        return None
    inside = [t for start, t in sorted(by_start.items()) if opened.end() <= start < close]
    return inside[-1] if inside else None


def link_containers(text: str, toponyms: list[Toponym]) -> list[Toponym]:
    """Set ``within`` on "Town, Region" pairs; add news-style state abbreviations as toponyms.

    "Portland, Ore." and "Aleppo, Syria" name the town's container right after a
    comma; a list ("Aleppo, Homs and Idlib") does not, so a container that the
    list goes on after is ignored. ``toponyms`` must be in text order.
    """
    by_start = {t.span.start: t for t in toponyms}
    result: list[Toponym] = []
    added: list[Toponym] = []
    containers: set[int] = set()  # a name written as a container is a region ("Tacoma, Washington")
    renamed: dict[int, str] = {}  # an abbreviation found as a name -> the region it stands for
    for toponym in toponyms:
        bracketed = _bracketed_container(text, toponym, by_start)
        if bracketed is not None and not toponym.within:
            result.append(replace(toponym, within=bracketed.name))
            continue
        match = _AFTER_COMMA.match(text, toponym.span.end)
        if match is None or _LIST_GOES_ON.match(text[match.end():]):
            inside = _IN_AFTER.match(text, toponym.span.end)
            if inside is not None and _ORIGIN_BEFORE.search(text, max(0, toponym.span.start - 25), toponym.span.start):
                inside = None  # "a refugee from Aleppo in Turkey": where they came from, then where they are
            outer = by_start.get(inside.end()) if inside is not None else None
            if outer is not None and not toponym.within:  # "Palma in Cabo Delgado province"
                toponym = replace(toponym, within=outer.name)
            result.append(toponym)
            continue
        raw, begin = match.group(1).strip(), match.start(1)
        short = abbreviation(raw)
        postal = short is None and len(raw) == 2 and raw in POSTAL_CODES
        if postal:
            short = POSTAL_CODES[raw]
        other = by_start.get(begin)
        if short is not None:
            result.append(replace(toponym, within=short[1]))
            if other is None:
                added.append(Toponym(Span(begin, begin + len(raw), raw), short[1], 0.9, "admin"))
            elif postal:  # "HORRY COUNTY, SC": that "SC" is South Carolina, not Santa Cruz
                renamed[begin] = short[1]
        elif other is not None:
            result.append(replace(toponym, within=other.name))
            containers.add(begin)
        else:
            result.append(toponym)
    result = [replace(t, hint="admin") if t.span.start in containers and not t.hint else t
              for t in result]
    result = [replace(t, name=renamed[t.span.start], hint="admin") if t.span.start in renamed else t
              for t in result]
    if not added:
        return result
    spans = [(t.span.start, t.span.end) for t in added]
    kept = [t for t in result if not any(b < t.span.end and t.span.start < e for b, e in spans)]
    return sorted(kept + added, key=lambda t: t.span.start)
