"""Whether the report supports the region or country of a place it names as an event's place.

A town written with its region ("Upington, Northern Cape") is pinned there by the writer; a town of
another state, far from the report's main place, that the report gives no other support is more
likely a local place the gazetteer lacks than the better-known namesake it found (docs/geography.md,
"Places far away in another state").
"""

from __future__ import annotations

import regex as re

from conflictscope.gazetteer.resolve import distance_km
from conflictscope.models import Place, PlaceMention

#: What stands between a town and its container ("Upington, Northern Cape").
_CONTAINER_COMMA = re.compile(r",\s{1,2}")


def pinned_with_container(chosen: PlaceMention, mentions: tuple[PlaceMention, ...], text: str) -> bool:
    """Whether a town is written with its region or country right after it ("Upington, Northern
    Cape, South Africa"; "Cookhouse, Eastern Cape"): the writer says outright where the town is,
    as for the place of an event told in a round-up of several countries' news."""
    if chosen.place.feature != "city":
        return False
    comma = _CONTAINER_COMMA.match(text, chosen.span.end)
    if comma is None:
        return False
    return any(m.span.start == comma.end() and m.place.iso3 == chosen.place.iso3
               and m.place.feature in {"admin1", "admin2", "country"} for m in mentions)


def in_unsupported_region(chosen: PlaceMention, focus: PlaceMention, mentions: tuple[PlaceMention, ...],
                          text: str) -> bool:
    """Whether ``chosen`` lies far away in another first-level region of the main place's country that
    the report does not otherwise support.

    A local report names its streets, neighbourhoods and villages, and many of those share a name
    with a town of another state that the gazetteer knows better ("Austin" in a Chicago report,
    "Raleigh" in a Memphis one, "Howland" near Warren, Ohio, read as Howland, Maine). Such a place
    holds the event only when the writer pins it with its region ("Paragould, Arkansas"), the report
    names its region or another place there, or the report is a round-up of the country's news (a sure
    reading of a far place in a third region); otherwise the name is taken for a local place the
    gazetteer lacks. A place less than ``NAMESAKE_KM`` away keeps the event ("also took to the
    streets in the capital Ankara" of a report from Istanbul): a better-known namesake lies mostly far.
    """
    near, far = focus.place, chosen.place
    if (far.iso3 != near.iso3 or not far.admin1 or not near.admin1 or far.admin1 == near.admin1
            or near.feature not in REGIONAL_FEATURES or far.feature not in REGIONAL_FEATURES):
        return False
    apart = _km_apart(near, far)
    if apart is None or apart < NAMESAKE_KM:
        return False  # a town a few hours away may well be where a local story went on
    if pinned_with_container(chosen, mentions, text):
        return False
    name = chosen.span.text.casefold()
    return not any(_other_region(m, near, far) for m in mentions if m.span.text.casefold() != name)


def _other_region(mention: PlaceMention, near: Place, far: Place) -> bool:
    """Whether a place of the report names ``far``'s region, or is a sure reading of a place far from ``near``
    in a region of its own (a round-up of a country's news names many)."""
    place = mention.place
    if place.iso3 != near.iso3 or not place.admin1 or place.admin1 == near.admin1:
        return False
    if place.admin1 == far.admin1:
        return True
    apart = _km_apart(near, place)
    return mention.confidence >= SURE_READING and apart is not None and apart >= NAMESAKE_KM


def _km_apart(first: Place, second: Place) -> float | None:
    """The distance between two places, None when either has no coordinates."""
    if first.latitude is None or first.longitude is None or second.latitude is None or second.longitude is None:
        return None
    return distance_km(first.latitude, first.longitude, second.latitude, second.longitude)


#: Places inside a first-level region (the region rule of :func:`in_unsupported_region` compares them).
REGIONAL_FEATURES = frozenset({"city", "admin2"})
#: How far from the main place a place of another region must lie to be taken for a namesake.
NAMESAKE_KM = 500.0
#: A reading this sure of a far place of a third region makes the report a round-up (a namesake
#: misread, "Pine" or "Jackson" in a Seattle report, is rarely this sure).
SURE_READING = 0.8
