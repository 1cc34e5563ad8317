"""Datelines: "KABUL, Afghanistan (Reuters) -", "ADEN, Yemen, March 7 (Xinhua) --", "RIYADH:",
"OKLAHOMA CITY The Latest on ...".

A dateline names where a report was filed, usually where its event happened.
Only the first lines of a report are searched.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<place>\p{Lu}[\p{Lu}\p{M}.'’\-]+(?:[ \t]+\p{Lu}[\p{Lu}\p{M}.'’\-]+){0,3})"
    r"(?:,[ \t]*(?P<region>\p{Lu}[\p{L}.'’\-]*(?:[ \t]+\p{Lu}[\p{L}.'’\-]*){0,2}))?"
    r"(?:,[ \t]*\p{Lu}\p{Ll}{2,8}\.?[ \t]+\d{1,2})?"
    r"[ \t]*(?:\([\p{L}\p{N} .&]{2,30}\))?[ \t]*(?:--|[-—–:])[ \t]"
)
_MIXED = re.compile(
    r"(?m)^[ \t]*(?P<place>\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+){0,2})"
    r"(?:,[ \t]*(?P<region>\p{Lu}[\p{L}.]*(?:[ \t]+\p{Lu}[\p{L}.]*){0,2}))?"
    r"[ \t]*(?:\([\p{L}\p{N} .&]{2,30}\)[ \t]*(?:--|[-—–:])|:)[ \t]"
)
#: A dateline whose "(AP) -" was lost in copying: "OKLAHOMA CITY The Latest on ...", "SAN ANTONIO
#: Turner Sports analyst ...": a place in capitals opening the report, then a capitalised word.
_BARE_CAPS = re.compile(
    r"\A\s*(?:[^\n]*\n\s*)?(?P<place>\p{Lu}{2}[\p{Lu}.'’\-]*(?:[ \t]+\p{Lu}[\p{Lu}.'’\-]+){0,2})"
    r"(?P<region>)[ \t]+(?=\p{Lu}\p{Ll})"
)
#: How far into a report a dateline may start (after a title line or two).
WINDOW = 400


@dataclass(frozen=True, slots=True)
class Dateline:
    """The place (and its region or country, if written) of a report's dateline."""

    place: str
    start: int
    region: str = ""
    region_start: int = -1
    #: No separator followed ("OKLAHOMA CITY The Latest"): only a place if the gazetteer knows it.
    bare: bool = False


def find_dateline(text: str) -> Dateline | None:
    """The report's dateline, or None ("KIEV (Reuters) -" -> Dateline('KIEV', 0))."""
    head = text[:WINDOW]
    for pattern in (_DATELINE, _MIXED, _BARE_CAPS):
        for match in pattern.finditer(head):
            place = match.group("place").strip(" .")
            if len(place) < 3 or (pattern is _DATELINE and not any(c.isupper() for c in place[1:])):
                continue
            if pattern is _BARE_CAPS and len(place.replace(" ", "")) < 5:
                continue  # "US Says ...", "UN Envoy ...": an acronym heading a title, not a dateline
            if set(place.lower().split()) & _EDITORIAL:
                continue  # "FILE PHOTO:", "UPDATED -": a label, not a place
            if FIELD_LABEL.match(head, match.end("place")):
                continue  # "Date: September 9, 2015": a field of a release, not a place
            region = (match.group("region") or "").strip()
            return Dateline(place, match.start("place"), region,
                            match.start("region") if region else -1, pattern is _BARE_CAPS)
    return None


#: A word followed by a colon and a date ("Date: September 9, 2015", "DATE: 09/29/2015"): the label of a
#: field, as police releases and court notices write them; a dateline's colon is followed by prose.
FIELD_LABEL = re.compile(
    r"\s*:\s*(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)",
    re.IGNORECASE,
)
#: Words of the labels news puts where a dateline would be.
_EDITORIAL = frozenset("""
    file photo photos update updated above below warning editor note watch read more video image
    credit breaking exclusive opinion analysis
""".split())
