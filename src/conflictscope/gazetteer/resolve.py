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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from conflictscope.gazetteer.index import ALTERNATE, FUZZY, MAIN, Gazetteer, Match
from conflictscope.gazetteer.normalize import name_key, skeleton_key
from conflictscope.gazetteer.regions import is_capital
from conflictscope.models import Span


@dataclass(frozen=True, slots=True)
class Toponym:
    """A name in the text that may be a place."""

    span: Span
    name: str  # the name to look up ("Syria" for "northern Syria")
    strength: float = 1.0  # how sure recognition is that this is a place name
    hint: str = ""  # city | admin | region_part | ""
    within: str = ""  # a container written next to it: "Portland, Ore." -> "Ore."
    #: written after a preposition of place ("a gas station in Riverdale"): a weak name the
    #: gazetteer has is then kept wherever the report's other names back its country
    located: bool = False


@dataclass(frozen=True, slots=True)
class Resolution:
    """A toponym resolved to a gazetteer match, with a confidence in [0, 1]."""

    toponym: Toponym
    match: Match
    confidence: float
    alternatives: int = 0
    #: The next candidates, best first (a few): another sense when this one is not credible.
    runners_up: tuple[Match, ...] = ()


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


#: Weight of log10(population) for towns: a big town beats its small namesakes nearer the context.
CITY_POPULATION_WEIGHT = 0.6
#: Context points: the share of the report's other names in a candidate's country, a shared admin region.
COUNTRY_WEIGHT, ADMIN_BONUS = 3.0, 0.5
#: A county called by its name and kind ("Montgomery County", not "Hill" for Hill County) that holds
#: a town the report names: namesake counties are legion (18 Montgomery Counties in the US), and
#: only the report tells them apart.
COUNTY_BONUS = 1.5
#: Candidates kept after the best on each resolution.
RUNNERS_UP = 4
_COUNTY_WORDS = (" county", " parish", " district", " borough")
#: How fast a name's vote grows with its lead over its next candidate (see :func:`_certainty`).
CERTAINTY_SLOPE = 1.0
#: A region named like a country wins over that country when the report's other
#: names lie mostly (this share) in the region's country and none in the other.
REGION_OVER_COUNTRY, REGION_OVER_COUNTRY_SHARE = 1.5, 0.5


def prior(match: Match, hint: str = "", name: str = "", named: bool = False, namesake: int = 0) -> float:
    """Context-free score of a candidate: prominence (population, capital, kind), name, hints.

    ``name``, the name looked up, tells an alternate name that spells the place's main name
    ("Sloviansk" of Slovyansk) from another name of it (GeoNames lists "Sloviansk" for
    Nikopol too, an old name): the spelling scores a little higher. ``named``: the name is some
    candidate's own (main) name, so another town's other name that does not spell it counts less
    (not a region's: "Chechnya" is what news calls the Chechenskaya Respublika, and a hamlet's name).
    ``namesake``: the population of the biggest town whose own name it is; the name of a city
    (:data:`BIG_NAMESAKE` or more) must really be spelt to count as another town's ("Cancún" is
    not Changchun, one of whose foreign spellings is "Čančuņ"; "Jenin", a Polish village's name, is
    still Janīn).
    """
    entry = match.entry
    population = entry.population
    if entry.feature in {"admin1", "admin2"}:
        population //= 4  # the sum of its towns' populations: inflated, counted at a discount
    score = (CITY_POPULATION_WEIGHT if entry.feature == "city" else 0.6) * math.log10(population + 10)
    nickname = False  # another town's own name given to this town ("Garden City" for Singapore)
    if match.kind == MAIN:
        score += 0.4
    elif match.kind == ALTERNATE and name:
        if _spells(name, entry.name,
                   SPELLING_SIMILARITY_NAMED if namesake >= BIG_NAMESAKE else SPELLING_SIMILARITY):
            score += SPELLING_BONUS
        elif named and entry.feature == "city":
            score -= OTHER_NAME_PENALTY
            nickname = True
    elif match.kind == FUZZY:
        score -= 1.0 + 4.0 * (1.0 - match.similarity)
    if entry.feature in {"country", "continent"}:
        score += 2.5 if match.kind == MAIN else 1.0
        if hint in KIND_HINTS:
            score -= ADMIN_KIND_COUNTRY_PENALTY  # "Niger State", "Georgia state": a country is no state
    elif entry.feature in {"region", "site"}:
        score += 2.5
    elif entry.feature == "admin1":
        score += 2.0 if hint in ADMIN_HINTS and not (hint == COUNTY_KIND and entry.cc == "US") else -0.3
    elif entry.feature == "admin2":
        score += 1.5 if hint in ADMIN_HINTS else -0.8
    else:
        if hint == "city":
            score += 1.0
        if (match.kind != FUZZY and not nickname and entry.population >= 20000
                and is_capital(entry.cc, entry.name)):
            score += 1.5
        elif (match.kind != FUZZY and not nickname and entry.population >= 1_000_000 and entry.admin1
              and name_key(entry.name).startswith(name_key(entry.admin1))):
            score += 1.0  # "New York", "Baghdad": the big city, not its namesake region
    return score


#: A region no town of its name lies in is what the name means more often than a bare name's
#: region ("Wyoming" is the state, not Wyoming, Michigan; "Aleppo" is the city in its governorate):
#: it does not lose the 0.3 a region loses without an admin hint.
REGION_ALONE = 0.3
#: Hints that a name is an admin region: written as a container ("Tacoma, Washington"), or with
#: its kind ("Niger State", "in Rivers state"; only this one also tells it from a country).
ADMIN_KIND = "admin_kind"
#: The same, the kind being "county": a second-level region in the US (never a state: "Ohio County").
COUNTY_KIND = "county_kind"
KIND_HINTS = frozenset({ADMIN_KIND, COUNTY_KIND})
ADMIN_HINTS = frozenset({"admin", ADMIN_KIND, COUNTY_KIND})
ADMIN_KIND_COUNTRY_PENALTY = 2.0
SPELLING_BONUS, SPELLING_SIMILARITY, SPELLING_SIMILARITY_NAMED = 0.3, 0.75, 0.85
BIG_NAMESAKE = 100_000
#: A place's other name counts this much less when the name is another place's own ("Southold" is a
#: town on Long Island and, in GeoNames, another name of South Bend, Indiana).
OTHER_NAME_PENALTY = 0.8


def _spells(name: str, main: str, similarity: float = SPELLING_SIMILARITY) -> bool:
    """Letters and consonants alike: "Sloviansk" spells Slovyansk, "Jenin" Janīn, "Derna" Darnah;
    "Kobani" does not spell Mkoani, nor "Southold" South Bend.

    ``similarity``: how alike they must be when the consonants differ. A name that is a town's own
    asks more (:data:`SPELLING_SIMILARITY_NAMED`, see :func:`prior`)."""
    consonants = skeleton_key(name), skeleton_key(main)  # "" for a name too short to have one
    a, b = (name_key(n).replace(" ", "") for n in (name, main))
    if min(len(a), len(b)) <= 3:
        return a == b  # "Goa" is no spelling of Genoa, "Edo" of Tokyo
    letters = SequenceMatcher(None, a, b).ratio()
    if consonants[0] and consonants[0] == consonants[1] and (
            similarity <= SPELLING_SIMILARITY or letters >= SPELLING_SIMILARITY):
        return True  # "Derna" ~ "Darnah" (but "Jayapura", a city's own name, is not Jaipur)
    if letters < similarity:
        return False
    return not any(consonants) or SequenceMatcher(None, *consonants).ratio() >= similarity


#: Options kept per name: the best by prior, and none far below the best (context cannot lift them).
_MAX_OPTIONS, _PRIOR_WINDOW = 15, 6.0
_OPTIONS: dict[tuple[str, str, str], tuple[tuple[Match, float], ...]] = {}


def namesakes(found: Iterable[Match]) -> tuple[bool, int]:
    """Whether a name is some candidate's own, and the population of the biggest town it names."""
    own = [m.entry for m in found if m.kind == MAIN]
    return bool(own), max((e.population for e in own if e.feature == "city"), default=0)


#: Last words of a facility named after its town.
_FACILITY_WORDS = frozenset({"harbour", "harbor", "port", "airport", "airfield", "airbase", "docks"})


class Resolver:
    """Resolves the toponyms of one report together."""

    def __init__(self, gazetteer: Gazetteer, *, max_candidates: int = 40) -> None:
        self.gazetteer = gazetteer
        self.max_candidates = max_candidates

    def candidates(self, toponym: Toponym) -> tuple[Match, ...]:
        """Gazetteer candidates of a toponym.

        A facility named after its town ("Aberdeen Harbour", "Kandahar Airport") that the
        gazetteer knows only as another place's alternate name also has the town's candidates
        (as alternate names), so context can choose among all the Aberdeens.
        """
        found = self.gazetteer.lookup(toponym.name)[: self.max_candidates]
        words = toponym.name.split()
        if (len(words) >= 2 and words[-1].lower() in _FACILITY_WORDS
                and not any(m.kind == MAIN for m in found)):
            head = [Match(m.entry, ALTERNATE) for m in self.gazetteer.lookup(" ".join(words[:-1]), False)
                    if m.kind != FUZZY]
            seen = {m.entry.id for m in found}
            found = (*found, *(m for m in head if m.entry.id not in seen))[: self.max_candidates]
        return found

    def options(self, toponym: Toponym, hint: str) -> tuple[tuple[Match, float], ...]:
        """(candidate, prior) pairs worth scoring in context, cached per name and hint."""
        cache_key = (str(self.gazetteer.path), toponym.name, hint)
        cached = _OPTIONS.get(cache_key)
        if cached is None:
            found = self.candidates(toponym)
            named, namesake = namesakes(found)
            seats = {m.entry.admin1_id for m in found if m.entry.feature == "city" and m.kind != FUZZY}
            scored = sorted(((m, prior(m, hint, toponym.name, named, namesake) + _region_alone(m, hint, seats))
                             for m in found), key=lambda o: -o[1])
            floor = scored[0][1] - _PRIOR_WINDOW if scored else 0.0
            cached = tuple(o for o in scored[:_MAX_OPTIONS] if o[1] >= floor)
            if len(_OPTIONS) > 50000:
                _OPTIONS.clear()
            _OPTIONS[cache_key] = cached
        return cached

    def _containers(self, name: str) -> tuple[set[str], set[int]]:
        """Countries and admin regions a container name ("Ore.", "Syria") may be."""
        ccs: set[str] = set()
        admins: set[int] = set()
        for match in self.gazetteer.lookup(name, False)[:8]:
            entry = match.entry
            if entry.feature in {"admin1", "admin2"}:
                admins.add(entry.id)
            elif entry.feature == "country" or (entry.feature == "region" and entry.cc):
                ccs.add(entry.cc)
        return ccs, admins

    def resolve(
        self, toponyms: Sequence[Toponym], *, context_countries: Iterable[str] = (),
        context_weights: Mapping[str, float] | None = None,
    ) -> list[Resolution | None]:
        """One resolution (or None) per toponym, in order.

        ``context_countries`` vote once each for their country (the report's demonyms), like
        its other names; ``context_weights`` only add their value to their country's candidates
        (a hint too weak to count as a share of the report: "Russian forces" shelled somewhere)."""
        groups: dict[str, list[int]] = defaultdict(list)
        for i, toponym in enumerate(toponyms):
            groups[name_key(toponym.name)].append(i)
        options: dict[str, list[tuple[Match, float]]] = {}
        kinded: set[str] = set()
        for key, members in groups.items():
            first = toponyms[members[0]]
            hint = next((toponyms[i].hint for i in members if toponyms[i].hint), "")
            if hint in KIND_HINTS or key.endswith(_COUNTY_WORDS):
                kinded.add(key)  # written with its kind: "McLean County" (trimmed to McLean), "Montgomery County"
            found = self.options(first, hint)
            if not found:
                continue
            within = next((toponyms[i].within for i in members if toponyms[i].within), "")
            if within:
                ccs, admins = self._containers(within)
                found = tuple(
                    (m, p + 4.0) if (m.entry.admin1_id in admins or m.entry.admin2_id in admins
                                     or (m.entry.cc in ccs and m.entry.feature != "country"))
                    else (m, p) for m, p in found)
            options[key] = list(found)
        fixed: dict[str, float] = defaultdict(float)
        for cc in context_countries:
            fixed[cc] += 1.0
        weight = {key: max(toponyms[i].strength for i in groups[key]) * len(groups[key]) ** 0.5
                  for key in options}
        best = {key: max(opts, key=lambda o: o[1]) for key, opts in options.items()}
        scored: dict[str, list[tuple[Match, float]]] = options
        for _round in range(2):
            sure = {key: _certainty(opts) for key, opts in scored.items()}
            context = _Context(best, weight, fixed, sure, frozenset(kinded), context_weights or {})
            scored = {key: context.rescore(key, opts) for key, opts in options.items()}
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
                results[i] = Resolution(toponyms[i], match, conf, len(ranked) - 1,
                                        tuple(m for m, _ in ranked[1:RUNNERS_UP + 1]))
        return results


def _region_alone(match: Match, hint: str, seats: set[int]) -> float:
    """:data:`REGION_ALONE` for a region, named bare, none of the name's towns lies in (``seats``:
    the regions of the name's towns)."""
    alone = match.entry.feature == "admin1" and match.entry.id not in seats and hint not in ADMIN_HINTS
    return REGION_ALONE if alone else 0.0


def _certainty(options: list[tuple[Match, float]]) -> float:
    """How much a name's current reading may vote for the others: from 0.5 (its best candidate
    barely beats the next, "East End" of Arkansas or of the Cayman Islands) to 1 (a clear lead).
    A barely chosen namesake must not drag a sure name abroad ("London" to Arkansas)."""
    if len(options) < 2:
        return 1.0
    first = second = -math.inf
    for _match, score in options:
        if score > first:
            first, second = score, first
        elif score > second:
            second = score
    return 0.5 + 0.5 * math.tanh(CERTAINTY_SLOPE * (first - second))


class _Context:
    """What the other names of a report say, computed once per round (each name leaves out its own)."""

    def __init__(self, best: dict[str, tuple[Match, float]], weight: dict[str, float],
                 fixed: dict[str, float], sure: dict[str, float] | None = None,
                 kinded: frozenset[str] = frozenset(), bonus: Mapping[str, float] | None = None) -> None:
        self.bonus = bonus or {}
        self.kinded = kinded  # names written with their admin kind ("McLean County", "Niger State")
        self.countries: dict[str, float] = defaultdict(float, fixed)
        self.certainty = sure or {}
        self.surely: dict[str, float] = defaultdict(float, fixed)  # the votes, each times its certainty
        self.own: dict[str, tuple[str, float, tuple[int, ...]]] = {}
        self.admins: dict[int, int] = defaultdict(int)
        self.counties: dict[int, int] = defaultdict(int)  # the counties of the report's towns
        self.county_of: dict[str, int] = {}
        self.listed: dict[int, int] = defaultdict(int)  # counties named as such, per state
        self.state_of: dict[str, int] = {}
        self.points: list[tuple[float, float, str]] = []
        for key, (match, _score) in best.items():
            entry = match.entry
            vote = weight[key] * (1.5 if entry.feature == "country" else 1.0)
            self.countries[entry.cc] += vote
            self.surely[entry.cc] += vote * self.certainty.get(key, 1.0)
            if entry.feature == "admin1":
                regions: tuple[int, ...] = (entry.id,)
            elif entry.feature == "admin2":  # a county votes for its state too ("McLean County", "Ohio County")
                regions = tuple(x for x in (entry.id, entry.admin1_id) if x)
                if entry.admin1_id and key in kinded:
                    self.listed[entry.admin1_id] += 1
                    self.state_of[key] = entry.admin1_id
            elif entry.feature == "city":
                regions = tuple(x for x in (entry.admin1_id, entry.admin2_id) if x)
                if entry.admin2_id:
                    self.counties[entry.admin2_id] += 1
                    self.county_of[key] = entry.admin2_id
                if entry.lat is not None and entry.lon is not None and len(self.points) < 30:
                    self.points.append((entry.lat, entry.lon, key))
            else:
                regions = ()
            for region in regions:
                self.admins[region] += 1
            self.own[key] = (entry.cc, vote, regions)
        self.total = sum(self.countries.values())

    def rescore(self, key: str, options: list[tuple[Match, float]]) -> list[tuple[Match, float]]:
        """``options`` of name ``key`` scored with the other names' countries, regions, points."""
        own_cc, own_vote, own_regions = self.own.get(key, ("", 0.0, ()))
        own_county = self.county_of.get(key, 0)
        own_state = self.state_of.get(key, 0)
        total = self.total - own_vote
        points = [(la, lo) for la, lo, other in self.points if other != key]
        rescored = []
        own_sure = own_vote * self.certainty.get(key, 1.0)
        shares: dict[str, float] = {}
        sure_shares: dict[str, float] = {}  # the same, each vote times its certainty
        for match, _base in options:
            cc = match.entry.cc
            if cc not in shares:
                own = cc == own_cc
                shares[cc] = self.countries.get(cc, 0.0) - (own_vote if own else 0.0)
                sure_shares[cc] = max(0.0, self.surely.get(cc, 0.0) - (own_sure if own else 0.0))
        # a country no other name of the report supports, named like a region of the
        # country the report is about: "Niger" in a report from Abuja is Niger State
        lone_country = any(m.entry.feature == "country" and shares[m.entry.cc] <= 1e-9 for m, _ in options)
        for match, base in options:
            entry = match.entry
            score = base
            if total > 1e-9:
                share = shares[entry.cc]
                score += COUNTRY_WEIGHT * sure_shares[entry.cc] / total
                if lone_country and entry.feature == "admin1" and share / total >= REGION_OVER_COUNTRY_SHARE:
                    score += REGION_OVER_COUNTRY
            score += self.bonus.get(entry.cc, 0.0)
            for region in (entry.admin1_id, entry.admin2_id, entry.id):
                if region and self.admins.get(region, 0) - (region in own_regions) > 0:
                    score += ADMIN_BONUS
                    break
            if entry.feature == "admin2" and key in self.kinded and (
                    self.counties.get(entry.id, 0) - (own_county == entry.id) > 0
                    or self.listed.get(entry.admin1_id, 0) - (own_state == entry.admin1_id) >= 2):
                score += COUNTY_BONUS  # the county of a town the report names, or listed with its neighbours
            if entry.feature == "city" and entry.lat is not None and entry.lon is not None and points:
                score += _nearness(entry.lat, entry.lon, points)
            rescored.append((match, score))
        return rescored


def _nearness(lat: float, lon: float, points: list[tuple[float, float]]) -> float:
    """0.8 when another place of the report is within 50 km, 0.4 within 200 km, else 0."""
    best = 0.0
    for la, lo in points:
        if abs(la - lat) > 1.9:
            continue
        km = distance_km(lat, lon, la, lo)
        if km < 50:
            return 0.8
        if km < 200:
            best = 0.4
    return best
