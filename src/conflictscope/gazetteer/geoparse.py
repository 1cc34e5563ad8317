"""Geoparse a report: recognise toponyms, resolve them together, keep the credible ones."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from conflictscope.gazetteer.index import FUZZY, MAIN, Gazetteer
from conflictscope.gazetteer.normalize import name_key
from conflictscope.gazetteer.recognize import Demonym, find_toponyms, person_names
from conflictscope.gazetteer.resolve import Resolution, Resolver, Toponym
from conflictscope.models import PlaceMention
from conflictscope.pipeline.base import AnalyzedArticle

#: A toponym at least this strong counts as recognised by its label alone.
STRONG = 0.6


@dataclass(frozen=True, slots=True)
class GeoParse:
    """The places of a report: resolved mentions, demonyms, and the raw resolutions."""

    places: tuple[PlaceMention, ...]
    demonyms: tuple[Demonym, ...]
    resolutions: tuple[Resolution, ...]


def _credible(resolution: Resolution, countries: dict[str, float]) -> bool:
    """Whether a resolved toponym is kept as a place."""
    match, toponym = resolution.match, resolution.toponym
    entry = match.entry
    total = sum(countries.values()) or 1
    in_context = countries.get(entry.cc, 0) / total >= 0.2
    if toponym.strength >= STRONG:  # a loose spelling only for a place in the report's country
        return match.kind != FUZZY or (match.similarity >= 0.8 and in_context)
    if match.kind == FUZZY or entry.feature == "site":
        return False  # a landmark named by a weak span is an institution ("the White House said")
    if entry.feature in {"country", "admin1"} and match.kind == MAIN:
        return True
    if entry.population >= 50000 and (match.kind == MAIN or in_context):
        return True
    return in_context and entry.population >= 1000 and resolution.confidence >= 0.5


def known_name(gazetteer: Gazetteer) -> Callable[[str], bool]:
    """Whether the gazetteer has a name exactly (no fuzzy match): for "South Korea"-style names."""

    def known(name: str) -> bool:
        return any(m.kind != FUZZY and m.entry.feature != "city" or m.entry.population >= 100000
                   for m in gazetteer.lookup(name, False)[:5])

    return known


def geoparse(analyzed: AnalyzedArticle, gazetteer: Gazetteer) -> GeoParse:
    """Recognise and resolve every place name of ``analyzed``."""
    toponyms, demonyms = find_toponyms(analyzed, known=known_name(gazetteer))
    strong_keys = {name_key(t.name) for t in toponyms if t.strength >= STRONG}
    toponyms = [
        replace(t, strength=max(t.strength, 0.7)) if name_key(t.name) in strong_keys else t
        for t in toponyms
    ]
    resolver = Resolver(gazetteer)
    context = [d.cc for d in demonyms]
    first = resolver.resolve(toponyms, context_countries=context)
    countries: dict[str, float] = {cc: float(n) for cc, n in Counter(context).items()}
    for resolution in first:
        if resolution is not None:
            strength = resolution.toponym.strength
            cc = resolution.match.entry.cc
            countries[cc] = countries.get(cc, 0.0) + (1.0 if strength >= STRONG else strength / 2)
    people = person_names(analyzed)
    kept: list[Toponym] = [
        r.toponym for r in first if r is not None and _credible(r, countries)
        and (r.toponym.name not in people or r.match.entry.feature == "country")
    ]
    final = [r for r in resolver.resolve(kept, context_countries=context) if r is not None]
    places = tuple(
        PlaceMention(r.toponym.span, r.match.entry.to_place(), r.confidence)
        for r in sorted(final, key=lambda r: r.toponym.span.start)
    )
    return GeoParse(places, tuple(demonyms), tuple(final))


#: An unknown name takes the nearest town named within this many characters in its paragraph.
ANCHOR_WINDOW = 60


def nearest_anchor(
    text: str, start: int, anchors: list[tuple[int, float, float]], window: int = ANCHOR_WINDOW
) -> tuple[float, float] | None:
    """The point of the town named nearest to ``start`` in the same paragraph, or None.

    ``anchors`` are (character offset, lat, lon) of confidently resolved towns. A
    street, building or neighbourhood the gazetteer lacks ("on Royal Street in the
    French Quarter of New Orleans") is most likely in the town named next to it.
    """
    low = text.rfind("\n\n", 0, start) + 1
    high = text.find("\n\n", start)
    high = len(text) if high < 0 else high
    best: tuple[int, float, float] | None = None
    for offset, lat, lon in anchors:
        if offset == start or not low <= offset < high or not -window / 2 <= offset - start <= window:
            continue
        if best is None or abs(offset - start) < abs(best[0] - start):
            best = (offset, lat, lon)
    return (best[1], best[2]) if best else None
