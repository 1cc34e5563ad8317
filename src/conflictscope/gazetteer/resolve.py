"""Toponym resolution: pick the place each name refers to, from the report's context.

Every candidate gets a prior (population, main name or alternate, kind of place,
"the city of" / "province" hints) and then context points: the countries the
report talks about (named countries, demonyms, the other places' countries),
the admin regions of the other places, and nearness to the other places. The
same name gets the same place throughout a report (one sense per discourse).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from conflictscope.gazetteer.index import FUZZY, MAIN, Gazetteer, Match
from conflictscope.gazetteer.normalize import name_key
from conflictscope.models import Span


@dataclass(frozen=True, slots=True)
class Toponym:
    """A name in the text that may be a place."""

    span: Span
    name: str  # the name to look up ("Syria" for "northern Syria")
    strength: float = 1.0  # how sure recognition is that this is a place name
    hint: str = ""  # city | admin | region_part | ""


@dataclass(frozen=True, slots=True)
class Resolution:
    """A toponym resolved to a gazetteer match, with a confidence in [0, 1]."""

    toponym: Toponym
    match: Match
    confidence: float
    alternatives: int = 0


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def prior(match: Match, hint: str = "") -> float:
    """Context-free score of a candidate."""
    entry = match.entry
    score = 0.6 * math.log10(entry.population + 10)
    if match.kind == MAIN:
        score += 0.4
    elif match.kind == FUZZY:
        score -= 1.0 + 4.0 * (1.0 - match.similarity)
    if entry.feature in {"country", "continent"}:
        score += 2.5 if match.kind == MAIN else 1.0
    elif entry.feature == "admin1":
        score += 2.0 if hint == "admin" else -0.3
    elif entry.feature == "admin2":
        score += 1.5 if hint == "admin" else -0.8
    elif hint == "city":
        score += 1.0
    return score


class Resolver:
    """Resolves the toponyms of one report together."""

    def __init__(self, gazetteer: Gazetteer, *, max_candidates: int = 40) -> None:
        self.gazetteer = gazetteer
        self.max_candidates = max_candidates

    def candidates(self, toponym: Toponym) -> tuple[Match, ...]:
        """Gazetteer candidates of a toponym."""
        return self.gazetteer.lookup(toponym.name)[: self.max_candidates]

    def resolve(
        self, toponyms: Sequence[Toponym], *, context_countries: Iterable[str] = ()
    ) -> list[Resolution | None]:
        """One resolution (or None) per toponym, in order."""
        groups: dict[str, list[int]] = defaultdict(list)
        for i, toponym in enumerate(toponyms):
            groups[name_key(toponym.name)].append(i)
        options: dict[str, list[tuple[Match, float]]] = {}
        for key, members in groups.items():
            first = toponyms[members[0]]
            hint = next((toponyms[i].hint for i in members if toponyms[i].hint), "")
            matches = self.candidates(first)
            if matches:
                options[key] = [(m, prior(m, hint)) for m in matches]
        fixed: dict[str, float] = defaultdict(float)
        for cc in context_countries:
            fixed[cc] += 1.0
        weight = {key: max(toponyms[i].strength for i in groups[key]) * len(groups[key]) ** 0.5
                  for key in options}
        best = {key: max(opts, key=lambda o: o[1]) for key, opts in options.items()}
        scored: dict[str, list[tuple[Match, float]]] = options
        for _round in range(2):
            scored = {key: self._rescore(key, opts, best, weight, fixed) for key, opts in options.items()}
            best = {key: max(opts, key=lambda o: o[1]) for key, opts in scored.items()}
        results: list[Resolution | None] = [None] * len(toponyms)
        for key, members in groups.items():
            if key not in scored:
                continue
            ranked = sorted(scored[key], key=lambda o: -o[1])
            match, top = ranked[0]
            margin = top - ranked[1][1] if len(ranked) > 1 else 3.0
            confidence = 1 / (1 + math.exp(-1.5 * margin))
            if match.kind == FUZZY:
                confidence *= match.similarity * 0.8
            for i in members:
                conf = round(min(0.99, confidence * (0.5 + 0.5 * toponyms[i].strength)), 3)
                results[i] = Resolution(toponyms[i], match, conf, len(ranked) - 1)
        return results

    def _rescore(
        self,
        key: str,
        options: list[tuple[Match, float]],
        best: dict[str, tuple[Match, float]],
        weight: dict[str, float],
        fixed: dict[str, float],
    ) -> list[tuple[Match, float]]:
        countries: dict[str, float] = defaultdict(float, fixed)
        admins: set[int] = set()
        points: list[tuple[float, float]] = []
        for other, (match, _score) in best.items():
            if other == key:
                continue
            entry = match.entry
            bonus = 1.5 if entry.feature == "country" else 1.0
            countries[entry.cc] += weight[other] * bonus
            if entry.feature in {"admin1", "admin2"}:
                admins.add(entry.id)
            elif entry.feature == "city":
                admins.update(x for x in (entry.admin1_id, entry.admin2_id) if x)
                if entry.lat is not None and entry.lon is not None:
                    points.append((entry.lat, entry.lon))
        total = sum(countries.values())
        rescored = []
        for match, base in options:
            entry = match.entry
            score = base
            if total:
                score += 3.0 * countries.get(entry.cc, 0.0) / total
            if entry.admin1_id in admins or entry.admin2_id in admins or entry.id in admins:
                score += 1.0
            if entry.feature == "city" and entry.lat is not None and entry.lon is not None and points:
                nearest = min(distance_km(entry.lat, entry.lon, la, lo) for la, lo in points[:30])
                score += 0.8 if nearest < 50 else 0.4 if nearest < 200 else 0.0
            rescored.append((match, score))
        return rescored
