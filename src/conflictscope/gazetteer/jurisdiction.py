"""The jurisdiction of a local agency: where a report that names no other place happened.

Local news often names no place for its event but the agency that responded to it or
investigates it: "Memphis Police look at three locations connected to this shooting", "the
Richland County Sheriff's Department says", "the Borno State Police Command confirmed". A local
police force, sheriff, coroner or medical examiner works in one town, county or region, so its
name says where the event happened as well as the report can. Such a place is only used when
the report names no place itself (a named place, where it happened, always wins), it must be
the agency's own town, county or region (a national force, "Nigeria Police Force", says only
the country, which the report's demonyms already give), and it is resolved like any other
place, with the report's countries as context.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from conflictscope.gazetteer.hosts import named_inside
from conflictscope.gazetteer.index import FUZZY, Gazetteer
from conflictscope.gazetteer.recognize import MEDIUM_WORDS
from conflictscope.gazetteer.resolve import Resolution, Resolver, Toponym
from conflictscope.models import PlaceMention

#: Words naming a local agency whose name holds its jurisdiction ("Memphis Police", "Richland
#: County Sheriff's Office", "the Allegheny County Medical Examiner").
AGENCY_WORDS = frozenset("police sheriff sheriff's sheriffs constabulary coroner coroner's examiner examiner's".split())
#: What a jurisdiction may be: a town, a county or district, a first-level region.
JURISDICTIONS = frozenset({"city", "admin2", "admin1"})
#: How sure the place is: below a place the report names (it is where the agency works, not
#: where the text says the event happened).
JURISDICTION_CONFIDENCE = 0.5


def _words(name: str) -> set[str]:
    return {w.lower().strip(".,’'()").replace("’", "'") for w in name.split()}


def agency_places(names: Sequence[Toponym], gazetteer: Gazetteer, common: frozenset[str]) -> list[Toponym]:
    """The place inside each local agency's name ("Memphis Police" -> Memphis), as a toponym
    spanning the place's own words; the first of each name only."""
    found: dict[str, Toponym] = {}
    for name in names:
        words = _words(name.name)
        if " " not in name.name or not words & AGENCY_WORDS or words & MEDIUM_WORDS:
            continue
        inside = named_inside(name, gazetteer, common, min_population=0)
        if inside is None:
            continue
        span, _ = inside
        found.setdefault(span.text.casefold(), Toponym(span, span.text, 0.5))
    return sorted(found.values(), key=lambda t: t.span.start)


def jurisdictions(names: Sequence[Toponym], gazetteer: Gazetteer, common: frozenset[str], *,
                  context: Sequence[str] = (), weights: Mapping[str, float] | None = None
                  ) -> list[Resolution]:
    """The local agencies' jurisdictions of a report (see the module's docstring), resolved with
    the report's countries (``context``, ``weights``) as context; fuzzy matches and countries
    are left out."""
    toponyms = agency_places(names, gazetteer, common)
    if not toponyms:
        return []
    resolved = Resolver(gazetteer).resolve(toponyms, context_countries=list(context),
                                           context_weights=dict(weights or {}))
    return [r for r in resolved if r is not None and r.match.kind != FUZZY
            and r.match.entry.feature in JURISDICTIONS]


def jurisdiction_mentions(found: Sequence[Resolution]) -> tuple[PlaceMention, ...]:
    """The jurisdictions as place mentions of the report."""
    return tuple(PlaceMention(r.toponym.span, r.match.entry.to_place(), JURISDICTION_CONFIDENCE) for r in found)
