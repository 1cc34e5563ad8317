"""A town outside the region a report is anchored in needs support there.

Country-level context (:mod:`conflictscope.gazetteer.resolve`) tells a report on the United
States from one on Britain, but a country of many first-level regions (the US states, Nigeria's
states, India's) has namesakes in region after region: "Springfield" is a town in a dozen states, and
a loose spelling or another name ("South Side") matches a small town somewhere. A local report is
anchored in one region: its dateline and most of its places lie there ("AUSTIN, Texas", "Round
Rock"). A town the resolver placed in another region of that country, which no other
name of the report supports (none lies in that region or near the town), is read in the anchor
region when it has a namesake there, and is no place of the report when it has none and the
resolver chose it among namesakes in other regions of the country, or by a loose spelling (the
village the gazetteer lacks; events there fall back to the report's own places). A town unique
in its country, or a city of :data:`OWN_CITY_POPULATION` people, stays where it is: reports name
such places elsewhere ("gunmen from Gusau"). A dateline at the national capital anchors little:
agencies file reports on the whole country from there.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import replace

from conflictscope.gazetteer.index import FUZZY, Match
from conflictscope.gazetteer.normalize import name_key
from conflictscope.gazetteer.regions import is_capital
from conflictscope.gazetteer.resolve import Resolution, distance_km

#: The share of the report's region votes (in the anchor's country) one region needs to anchor it.
ANCHOR_SHARE = 0.6
#: The names one region needs to anchor a report (a dateline outside the capital counts as two).
ANCHOR_NAMES = 2
#: A town this close to another place of the report is supported by it, whatever its region.
SUPPORT_KM = 100.0
#: A town this big keeps its own name anywhere.
OWN_CITY_POPULATION = 100000

Region = tuple[str, int]
#: Votes for regions: per (country, region), the weight of each name (key) placed there.
Votes = dict[Region, dict[str, float]]


def _region(match: Match) -> int:
    entry = match.entry
    return entry.id if entry.feature == "admin1" else entry.admin1_id


def region_votes(resolutions: Sequence[Resolution], anchored_at: int | Collection[int] = -1) -> Votes:
    """The names (keys) that place the report in each (country, first-level region); a dateline's
    place or a local agency's jurisdiction (a name starting at one of ``anchored_at``) counts as
    :data:`ANCHOR_NAMES` names, unless it is the national capital (where agencies file reports on
    the whole country from)."""
    anchors = {anchored_at} if isinstance(anchored_at, int) else set(anchored_at)
    votes: Votes = defaultdict(dict)
    for resolution in resolutions:
        match = resolution.match
        if match.kind == FUZZY or match.entry.feature not in {"city", "admin1", "admin2", "site"}:
            continue
        region = _region(match)
        if region:
            filed = resolution.toponym.span.start in anchors and not is_capital(match.entry.cc, match.entry.name)
            weight = float(ANCHOR_NAMES) if filed else 1.0
            names = votes[(match.entry.cc, region)]
            key = name_key(resolution.toponym.name)
            names[key] = max(names.get(key, 0.0), weight)
    return votes


def anchor_region(votes: Votes, leave_out: str = "") -> Region | None:
    """The region most of the report's places (but ``leave_out``'s) lie in, when one clearly does."""
    weight = {region: sum(w for key, w in names.items() if key != leave_out) for region, names in votes.items()}
    if not weight:
        return None
    top = max(weight, key=lambda region: (weight[region], region))
    in_country = sum(w for (cc, _), w in weight.items() if cc == top[0])
    if weight[top] >= ANCHOR_NAMES and weight[top] >= ANCHOR_SHARE * in_country:
        return top
    return None


def _supported(resolution: Resolution, votes: Votes, others: Sequence[Resolution]) -> bool:
    entry = resolution.match.entry
    key = name_key(resolution.toponym.name)
    if set(votes.get((entry.cc, _region(resolution.match)), {})) - {key}:
        return True
    if entry.lat is None or entry.lon is None:
        return False
    return any(other.match.entry.lat is not None and other.match.entry.lon is not None
               and name_key(other.toponym.name) != key and other.match.kind != FUZZY
               and distance_km(entry.lat, entry.lon, other.match.entry.lat, other.match.entry.lon) <= SUPPORT_KM
               for other in others)


def _big_city(resolution: Resolution) -> bool:
    """A city of :data:`OWN_CITY_POPULATION` people or more, by its own or another name (a provincial
    city named in a report filed from the capital is that city, not a namesake village nearer the capital)."""
    return resolution.match.kind != FUZZY and resolution.match.entry.population >= OWN_CITY_POPULATION


def _namesake_elsewhere(resolution: Resolution) -> bool:
    """Whether the name has another town of the same country, in another region, among its runners-up:
    the resolver chose between regions (a town unique in its country was not chosen against the report)."""
    entry = resolution.match.entry
    return any(other.kind != FUZZY and other.entry.feature == entry.feature and other.entry.cc == entry.cc
               and _region(other) != _region(resolution.match) for other in resolution.runners_up)


def in_anchor_region(resolution: Resolution, votes: Votes, others: Sequence[Resolution]) -> Resolution | None:
    """``resolution`` as the report's region reads it: itself, its namesake in the region the report's
    other places anchor it in, or None for an unsupported town outside that region that the resolver
    chose among namesakes in other regions of the country, or by a loose spelling."""
    entry = resolution.match.entry
    if entry.feature != "city":
        return resolution
    anchor = anchor_region(votes, name_key(resolution.toponym.name))
    if (anchor is None or entry.cc != anchor[0] or _region(resolution.match) == anchor[1]
            or _big_city(resolution) or _supported(resolution, votes, others)):
        return resolution
    for match in resolution.runners_up:
        if match.kind != FUZZY and match.entry.cc == anchor[0] and _region(match) == anchor[1]:
            # the name's container becomes the region, which the final resolution keeps
            toponym = replace(resolution.toponym, within=match.entry.admin1 or match.entry.name)
            return replace(resolution, toponym=toponym, match=match,
                           runners_up=tuple(m for m in resolution.runners_up if m is not match))
    ambiguous = resolution.match.kind == FUZZY or _namesake_elsewhere(resolution)
    return None if ambiguous else resolution
