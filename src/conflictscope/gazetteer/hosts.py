"""Places named inside the names of institutions ("Delhi High Court", "Woolwich Crown Court").

A name the gazetteer lacks may hold one it has: an institution's name stands for the town
it is in (:func:`host` for a weak span, :func:`inner` for a strong one), and
:func:`embedded_name` finds the place inside any such name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import regex as re

from conflictscope.gazetteer.demonyms import demonym_country
from conflictscope.gazetteer.index import MAIN, Gazetteer
from conflictscope.gazetteer.namewords import GENERIC_WORDS, STREET_WORDS
from conflictscope.gazetteer.recognize import MEDIUM_WORDS
from conflictscope.gazetteer.resolve import Resolution, Toponym, distance_km
from conflictscope.models import Span

#: Strength of a town named inside an institution's name ("Kozhikode Medical College Hospital").
HOSTED = 0.55
#: Words naming an institution that stands in a town: the town is where things happen to it.
INSTITUTION = frozenset("""
    university college hospital court prison jail police airport stadium mosque church cathedral
    market school academy polytechnic barracks seminary clinic
""".split())


#: Institutions named after the small town they stand in ("Woolwich Crown Court", "South Ossett
#: Church"); not a university or school, often a founder's name ("Harvard", "Griffith University").
_LOCAL_INSTITUTION = frozenset("court prison jail police airport barracks market mosque church cathedral".split())


def _words(name: str) -> set[str]:
    """The lower-cased words of a name, without the punctuation around them."""
    return {w.lower().strip(".,’'") for w in name.split()}


def host(toponym: Toponym, gazetteer: Gazetteer, common: frozenset[str]) -> tuple[Toponym, bool]:
    """A weak institution's name stands for the town it is in ("Makerere University" -> its town),
    and whether that town is a small one.

    Only a town named exactly by its main name inside a name with an institution word and no
    medium word ("Washington Post"). A town of 50,000+ (or a country or region) must lie in a
    country the report is about; a smaller one, only in a local institution's name ("Woolwich
    Crown Court"), near another place of the report (both checked in :func:`conflictscope.gazetteer.geoparse.geoparse`).
    """
    words = _words(toponym.name)
    if len(words) < 2 or not words & INSTITUTION or words & MEDIUM_WORDS:
        return toponym, False
    small = False
    inside = named_inside(toponym, gazetteer, common)
    if inside is None and words & _LOCAL_INSTITUTION:
        inside, small = named_inside(toponym, gazetteer, common, min_population=0), True
    if inside is None:
        return toponym, False
    span, _ = inside
    return replace(toponym, span=span, name=span.text, strength=HOSTED, hint=toponym.hint or "city"), small


def inner(toponym: Toponym, gazetteer: Gazetteer, common: frozenset[str]) -> Toponym:
    """A strong name the gazetteer lacks stands for the place inside it ("Delhi High Court")."""
    if " " not in toponym.name:
        return toponym
    inside = named_inside(toponym, gazetteer, common)
    if inside is None:
        return toponym
    span, offset = inside
    rest = toponym.name[:offset] + toponym.name[offset + len(span.text):]
    if _ACRONYM.search(rest):
        return toponym  # "PEN America", "BBC Scotland": an organisation's branch, not a place
    return replace(toponym, span=span, name=span.text)


#: How sure recognition must be that a name with no facility word is a place's (spaCy's FAC is 0.6).
SEATED_STRENGTH = 0.6
#: Words of venues, besides :data:`GENERIC_WORDS`'s institutions and streets.
_VENUES = frozenset("theatre theater cinema restaurant studio gallery arena centre center hall".split())
#: The town a facility is said to be in, right after its name ("the Palais des Nations in Geneva",
#: "the CHU in Montpellier", "Super Bowl 52 in Minneapolis").
_SEAT = re.compile(r"\s*,?\s+(?:in|at)\s+(?:the\s+)?(\p{Lu}[\p{L}\-'’]*(?:\.?\s\p{Lu}[\p{L}\-'’]*){0,2})")


def seat_name(text: str, end: int, gazetteer: Gazetteer) -> tuple[str, int] | None:
    """The place a name ending at ``end`` is said to stand in ("X in Geneva" -> "Geneva") and where
    that place's name starts, when the gazetteer has it exactly (its longest known leading words)."""
    match = _SEAT.match(text, end)
    if match is None:
        return None
    words = match.group(1).split()
    for size in range(len(words), 0, -1):
        name = " ".join(words[:size]).rstrip(".")
        if gazetteer.has_name(name):
            return name, match.start(1)
    return None


def facility_seat(toponym: Toponym, text: str, gazetteer: Gazetteer) -> int | None:
    """Where the place a facility's name stands in starts ("the Palais des Nations in Geneva" ->
    the offset of "Geneva"): a name of two words or more the gazetteer lacks, with no place inside
    it, recognised surely or holding a facility word; else None."""
    words = _words(toponym.name)
    if len(words) < 2 or not (toponym.strength >= SEATED_STRENGTH or words & (GENERIC_WORDS | _VENUES)):
        return None  # "Nate Raymond in Boston", "Support Education Excellence in Kentucky": no facility
    if gazetteer.has_name(toponym.name):
        return None
    seat = seat_name(text, toponym.span.end, gazetteer)
    return None if seat is None else seat[1]


def named_inside(toponym: Toponym, gazetteer: Gazetteer, common: frozenset[str],
                  min_population: int = 50000) -> tuple[Span, int] | None:
    """The place named inside a toponym the gazetteer lacks (see :func:`embedded_name`):
    its span in the text and its offset in the toponym's name; None when the gazetteer has
    the whole name (not only fuzzily) or nothing inside it is a place."""
    if gazetteer.has_name(toponym.name):
        return None
    inner = embedded_name(toponym.name, gazetteer, common, min_population)
    if inner is None:
        return None
    name, offset = inner
    start = toponym.span.start + offset
    return Span(start, start + len(name), name), offset


_ACRONYM = re.compile(r"(?<![\p{L}\-])\p{Lu}{2,6}(?![\p{L}\-])")


#: How near another place of the report a small town named inside an institution's name must be.
HOST_NEAR_KM = 50.0


def near_another(resolution: Resolution, resolutions: Sequence[Resolution | None]) -> bool:
    """Whether another confidently resolved town or site of the report lies within
    :data:`HOST_NEAR_KM` ("Woolwich Crown Court" in a report naming London)."""
    entry = resolution.match.entry
    if entry.lat is None or entry.lon is None:
        return False
    return any(
        other is not None and other is not resolution and other.confidence >= 0.6
        and other.match.entry.feature in {"city", "site"} and other.match.entry.lat is not None
        and other.match.entry.lon is not None and other.match.entry.id != entry.id
        and distance_km(entry.lat, entry.lon, other.match.entry.lat, other.match.entry.lon) <= HOST_NEAR_KM
        for other in resolutions)


def embedded_name(name: str, gazetteer: Gazetteer, common: frozenset[str] = frozenset(),
                  min_population: int = 50000) -> tuple[str, int] | None:
    """A place named inside a longer name the gazetteer lacks, with its offset in ``name``.

    "Arizona State University" -> Arizona, "Bank of England" -> England, "Delhi High
    Court" -> Delhi: the longest run of words (not all generic) that the gazetteer has
    exactly by its main name, as a country, region or a town of ``min_population`` or
    more, and not a word the report writes in lower case (``common``). None when the
    name is one word or nothing inside it is such a place.
    """
    words = [(m.start(), m.group(0)) for m in re.finditer(r"[^\s,;()]+", name)]
    if len(words) < 2 or words[-1][1].lower() in STREET_WORDS:
        return None  # "Atlantic Avenue", "Washington Square": a street named after a place is not there
    for size in range(len(words) - 1, 0, -1):
        for first in range(len(words) - size + 1):
            run = words[first:first + size]
            if (all(w.lower().strip(".’'") in GENERIC_WORDS for _b, w in run) or not run[0][1][:1].isupper()
                    or (size == 1 and run[0][1].lower() in common) or demonym_country(run[0][1])):
                continue
            begin = run[0][0]
            text = name[begin:run[-1][0] + len(run[-1][1])].strip(".,’'")
            for match in gazetteer.lookup(text, False)[:5]:
                entry = match.entry
                if match.kind == MAIN and (entry.population >= min_population if entry.feature == "city"
                                           else entry.feature != "admin2" or size > 1):
                    return text, begin
    return None
