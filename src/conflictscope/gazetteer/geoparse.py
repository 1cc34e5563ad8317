"""Geoparse a report: recognise toponyms, resolve them together, keep the credible ones."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import regex as re

from conflictscope.actors.countries import load_countries
from conflictscope.document import AnalyzedArticle, declare_layer
from conflictscope.gazetteer.currencies import currency_countries
from conflictscope.gazetteer.dateline import find_dateline
from conflictscope.gazetteer.hosts import (
    host,
    inner,
    near_another,
)
from conflictscope.gazetteer.index import ALTERNATE, FUZZY, MAIN, Entry, Gazetteer, Match
from conflictscope.gazetteer.innames import (
    continent_adjectives,
    countries_in_names,
    places_as_modifiers,
    places_in_names,
    seated_facilities,
)
from conflictscope.gazetteer.jurisdiction import jurisdiction_mentions, jurisdictions
from conflictscope.gazetteer.namewords import GENERIC_WORDS
from conflictscope.gazetteer.normalize import name_key
from conflictscope.gazetteer.people import person_names
from conflictscope.gazetteer.recognize import (
    Demonym,
    _lower_words,
    find_toponyms,
    is_direction_only,
)
from conflictscope.gazetteer.regional import in_anchor_region, region_votes
from conflictscope.gazetteer.resolve import ADMIN_KIND, Resolution, Resolver, Toponym, distance_km
from conflictscope.gazetteer.spans import STRONG, name_spans
from conflictscope.gazetteer.surnames import surnames, town_other_name
from conflictscope.gazetteer.territories import country_share
from conflictscope.models import PlaceMention


@dataclass(frozen=True, slots=True)
class GeoParse:
    """The places of a report: resolved mentions, demonyms, and the raw resolutions."""

    places: tuple[PlaceMention, ...]
    demonyms: tuple[Demonym, ...]
    resolutions: tuple[Resolution, ...]
    #: Places named inside the name of an organisation, office or medium ("US Department of
    #: Justice", "Lagos Chamber of Commerce"): context only, like demonyms, never an event's place.
    in_names: tuple[PlaceMention, ...] = ()


#: The layer the ``places`` stage adds beside the place mentions.
GEOPARSE = declare_layer("geoparse", GeoParse, "every toponym's resolution, demonyms and names inside names")


def _credible(resolution: Resolution, countries: dict[str, float], own: float = 0.0) -> bool:
    """Whether a resolved toponym is kept as a place.

    ``own`` is the vote the toponym's own name (all its mentions) gave its country: a weak
    name does not make its own context ("Khan" six times is no German town Haan).
    """
    match, toponym = resolution.match, resolution.toponym
    entry = match.entry
    total = sum(countries.values()) or 1
    in_context = _in_context(resolution, countries)
    rest = total - own
    supported = rest > 0 and (country_share(entry.cc, countries) - own) / rest >= 0.2
    if is_direction_only(toponym.name) and not supported:
        return False  # "the South West" of a report on Nigeria is no Cameroonian region: a part of Nigeria
    if match.kind == ALTERNATE and QUARTER_NAME.match(toponym.name):
        return False  # "the South Side", "a West End pub": a part of the report's town, not the small
        # towns elsewhere that once were called so (Eltingville, West Newton)
    if toponym.name.lower() in _COMMON_NAMES and not supported and not (
            toponym.hint == ADMIN_KIND and entry.feature in {"admin1", "admin2"}):
        # "the Centre's application" in a report on India: its government, no Burkinabe region
        # (but "in Plateau State" names the state with its kind word)
        return False
    if toponym.strength >= STRONG:  # a loose spelling only for a place in the report's country
        if (match.kind == ALTERNATE and entry.feature == "city" and entry.population < 50000
                and not supported):
            return False  # a small town's other name ("Khan" for Haan) needs support from other names
        # a loose spelling is kept in a country other names of the report back, or when there are none:
        # "the village of Mukondi" in a report on Ituri is no Muconda, Angola
        return match.kind != FUZZY or (match.similarity >= FUZZY_CREDIBLE and in_context
                                       and (supported or rest <= 0))
    in_context = supported
    if toponym.located and match.kind == MAIN and supported:
        return True  # "a gas station in Riverdale", in a report on the US: a town of any size
    if toponym.located and match.kind != FUZZY and entry.population >= LOCATED_CITY_POPULATION:
        return True  # "Russian shelling hit Zaporizhzhia": a city's other spelling where things happen
    if match.kind == FUZZY or entry.feature == "site":
        return False  # a landmark named by a weak span is an institution ("the White House said")
    if entry.feature in {"country", "admin1"} and match.kind == MAIN:
        return True
    if entry.population >= 50000 and (match.kind == MAIN or in_context):
        return True
    # a small town's other name, one word in a weak span, is most often a person or a common word
    # that the town was once called ("Snowden" -> Leland, "Levi" -> Rand, "Get" -> Geraldton); a
    # town of some size keeps its other names when its country is in context ("Kobani")
    least = OTHER_NAME_MIN_POPULATION if town_other_name(resolution) else 1000
    return in_context and entry.population >= least and resolution.confidence >= 0.5


#: One-word names that are common words too ("Centre", "Central", "Capital", "Delta"): a place only in
#: a country the report's other names back.
_COMMON_NAMES = frozenset(w for w in GENERIC_WORDS if " " not in w) | {"capital", "coast", "plateau", "lakes"}
OTHER_NAME_MIN_POPULATION = 20000
#: A compass word and "Side" or "End" ("South Side", "Southwest Side", "West End"): what a city calls a
#: part of itself, in many cities.
QUARTER_NAME = re.compile(r"^(?:(?:North|South)(?:-?(?:[Ee]ast|[Ww]est))?|East|West|Near (?:North|South|West))"
                          r"\s+(?:Side|End)$")
#: A city this big (as big as :func:`known_name` knows outright) is kept by any exact name of it where
#: something happens ("in", "shelled").
LOCATED_CITY_POPULATION = 100000
#: How close a loose spelling must be to stand for a place of the report's country ("Coincheck",
#: a Japanese exchange, is 0.80 like Conche, Italy; "Hiraan" is 0.92 like Hiiraan).
FUZZY_CREDIBLE = 0.85


def _credible_sense(resolution: Resolution, countries: dict[str, float],
                    own: dict[tuple[str, str], float]) -> tuple[Resolution, bool]:
    """The resolution to keep and whether it is credible (:func:`_credible`).

    A weak name whose best sense overall is not credible takes its best sense in a country the
    report is about ("The Syrian army shelled Palmyra": Palmyra, New York, unsupported, loses to the
    Syrian town the demonym backs). Strong names and credible ones keep their sense."""
    key = name_key(resolution.toponym.name)
    if _credible(resolution, countries, own[(key, resolution.match.entry.cc)]):
        return resolution, True
    if resolution.toponym.strength >= STRONG:
        return resolution, False
    for match in resolution.runners_up:
        if match.kind == FUZZY or match.entry.cc == resolution.match.entry.cc:
            continue
        other = _other_sense(resolution, match, round(resolution.confidence * 0.8, 3))
        if _in_context(other, countries) and _credible(other, countries, own[(key, match.entry.cc)]):
            return other, True
    return resolution, False


def _near_sense(resolution: Resolution, resolved: list[Resolution]) -> Resolution | None:
    """A small town named in a local institution's name, in the sense that lies near another place of
    the report ("Woolwich Crown Court" of a report naming London is Woolwich, London, not Woolwich,
    Maine); None when no sense does."""
    if near_another(resolution, resolved):
        return resolution
    for match in resolution.runners_up:
        other = _other_sense(resolution, match, resolution.confidence)
        if match.kind != FUZZY and near_another(other, resolved):
            return other
    return None


def _other_sense(resolution: Resolution, match: Match, confidence: float) -> Resolution:
    """``resolution`` with a runner-up's sense, which the final resolution keeps: the sense's country
    becomes the name's container (unless the text gave one)."""
    toponym = resolution.toponym
    return replace(resolution, match=match, confidence=confidence,
                   toponym=replace(toponym, within=toponym.within or match.entry.country))


def _in_container(resolution: Resolution, containers: dict[str, Entry]) -> bool | None:
    """Whether a place lies in the country or region the text puts it in ("Palma in Cabo Delgado",
    "Solhan in Burkina Faso"); None when the text names no container (or none resolved).

    A town named with its container is kept however small; one whose every namesake lies
    elsewhere is not that town (Turkey's Solhan for a Burkinabe village the gazetteer lacks).
    """
    name = resolution.toponym.within
    container = containers.get(name_key(name)) if name else None
    entry = resolution.match.entry
    if container is not None and container.feature == "city" and entry.feature == "city" and container.id != entry.id:
        # "Zongo neighborhood in Cotonou": a quarter of the town, not a namesake town abroad; "Rafah in
        # southern Gaza": a town of the region the town names ("Gaza" for the Gaza Strip)
        if entry.admin1_id and entry.admin1_id == container.admin1_id and entry.cc == container.cc:
            return True
        points = (entry.lat, entry.lon, container.lat, container.lon)
        if any(p is None for p in points):
            return None
        return distance_km(*points) <= QUARTER_KM  # type: ignore[arg-type]
    if container is None or container.feature not in {"country", "admin1"} or entry.feature not in {"city", "admin2"}:
        return None  # "the US in southern Syria", "the Embassy of Ukraine in Nigeria": no container
    if container.feature == "country":
        return entry.cc == container.cc
    return entry.cc == container.cc and container.id in {entry.admin1_id, entry.id}


#: How far from its town a quarter of it named with the town ("Zongo neighborhood in Cotonou") may lie.
QUARTER_KM = 30.0


def _in_context(resolution: Resolution, countries: dict[str, float]) -> bool:
    """Whether the resolved place lies in a country the report is about (a fifth of its votes)."""
    total = sum(countries.values()) or 1
    return country_share(resolution.match.entry.cc, countries) / total >= 0.2


def prominent_name(gazetteer: Gazetteer) -> Callable[[str], bool]:
    """Whether a name is the own name of a country, first-level region, or big town or district
    (100,000 people or more): what a line in title case is read for."""

    def prominent(name: str) -> bool:
        return any(m.kind == MAIN and (m.entry.feature in {"country", "admin1"} or m.entry.population >= 100000)
                   for m in gazetteer.lookup(name, False)[:5])

    return prominent


def group_countries(analyzed: AnalyzedArticle) -> list[str]:
    """The countries (ISO2) of the armed groups the report names by name ("Boko Haram" -> NG,
    "Al-Shabaab" -> SO): context like an armed force's demonym. The names are the actor table's
    own, so its country table reads them back."""
    table = load_countries()
    names = {m.actor.country for m in analyzed.actors
             if m.actor.kind == "armed_group" and m.actor.country and not m.generic}
    return [country.iso2 for name in sorted(names) if (country := table.find(name)) is not None]


def known_name(gazetteer: Gazetteer) -> Callable[[str], bool]:
    """Whether the gazetteer has a name exactly (no fuzzy match): for "South Korea"-style names."""

    def known(name: str) -> bool:
        city_named = name_key(name).endswith(" city")  # "Yuba City", "Garden City": a town's own name
        return any(m.kind != FUZZY and m.entry.feature != "city" or m.entry.population >= 100000
                   or (city_named and m.kind == MAIN) for m in gazetteer.lookup(name, False)[:5])

    return known


def exact_name(gazetteer: Gazetteer) -> Callable[[str], bool]:
    """Whether the gazetteer has a name, as some place's own or other name (not fuzzily)."""

    return gazetteer.has_name


def geoparse(analyzed: AnalyzedArticle, gazetteer: Gazetteer) -> GeoParse:
    """Recognise and resolve every place name of ``analyzed``."""
    toponyms, demonyms = find_toponyms(analyzed, known=known_name(gazetteer), exact=exact_name(gazetteer),
                                       prominent=prominent_name(gazetteer))
    toponyms, forces = _countries_of_forces(analyzed.text, toponyms, gazetteer)
    demonyms = sorted([*demonyms, *forces], key=lambda d: d.span.start)
    strong_keys = {name_key(t.name) for t in toponyms if t.strength >= STRONG}
    toponyms = [
        replace(t, strength=max(t.strength, 0.7)) if name_key(t.name) in strong_keys else t
        for t in toponyms
    ]
    common = _lower_words(analyzed.text)
    hosts = [(inner(t, gazetteer, common), False) if t.strength >= STRONG else host(t, gazetteer, common)
             for t in toponyms]
    hosted = {new.span.start for old, (new, _small) in zip(toponyms, hosts, strict=True)
              if old.strength < STRONG and new is not old}
    small_hosts = {new.span.start for new, small in hosts if small}
    unhosted = [old for old, (new, _small) in zip(toponyms, hosts, strict=True) if new is old]
    toponyms = [new for new, _small in hosts]
    resolver = Resolver(gazetteer)
    armed = {d.span.start for d in demonyms if ARMED_AFTER.match(analyzed.text, d.span.end)}
    context = [d.cc for d in demonyms if d.span.start not in armed]
    weights: dict[str, float] = defaultdict(float)
    for demonym in demonyms:
        if demonym.span.start in armed:
            weights[demonym.cc] += ARMED_DEMONYM_VOTE
    named = [t for t in toponyms if t.strength < STRONG] + name_spans(analyzed)
    agencies = jurisdictions(named, gazetteer, common, context=context, weights=weights)
    context += [r.match.entry.cc for r in agencies]  # "Lexington police": the report is on the US
    groups = group_countries(analyzed)
    for cc in groups:
        weights[cc] += GROUP_VOTE  # "Boko Haram insurgents abducted ... from Chibok": Nigeria's
    first = resolver.resolve(toponyms, context_countries=context, context_weights=weights)
    countries: dict[str, float] = {cc: float(n) for cc, n in Counter(d.cc for d in demonyms).items()}
    for cc in groups:
        countries[cc] = countries.get(cc, 0.0) + GROUP_VOTE
    own: dict[tuple[str, str], float] = defaultdict(float)
    for resolution in first:
        if resolution is not None:
            strength = resolution.toponym.strength
            cc = resolution.match.entry.cc
            vote = 1.0 if strength >= STRONG else strength / 2
            countries[cc] = countries.get(cc, 0.0) + vote
            own[(name_key(resolution.toponym.name), cc)] += vote
    senses = [_credible_sense(r, countries, own) for r in first if r is not None]
    resolved = [r for r, _credible in senses]
    people = person_names(analyzed) | surnames(analyzed.text, resolved, gazetteer)
    containers = {name_key(r.toponym.name): r.match.entry for r in resolved
                  if r.match.kind != FUZZY}  # not "Grannum" for Cuba's Granma
    sure = [r for r, credible in senses if credible]
    filed = find_dateline(analyzed.text)
    votes = region_votes([*sure, *agencies], {r.toponym.span.start for r in agencies}
                         | ({filed.start} if filed is not None else set()))
    kept: list[Toponym] = []
    for r, credible in senses:
        inside = _in_container(r, containers)
        if inside is False:
            continue  # every namesake lies outside the country or region the text puts it in
        if r.toponym.span.start in small_hosts:
            near = _near_sense(r, resolved)
            if near is None:
                continue
            r = near
        elif not (inside or credible):
            continue
        if r.toponym.name in people and r.match.entry.feature != "country" and r.toponym.hint != "city":
            continue
        if r.toponym.span.start in hosted - small_hosts and not _in_context(r, countries):
            continue
        regional = in_anchor_region(r, votes, sure)
        if regional is None:
            continue  # a namesake in another region than the report's, which nothing there supports
        kept.append(regional.toponym)
    kept = _listed_with_regions(kept, resolved, analyzed.text)
    final = [r for r in resolver.resolve(kept, context_countries=context, context_weights=weights) if r is not None]
    places = tuple(
        PlaceMention(r.toponym.span, r.match.entry.to_place(), r.confidence)
        for r in sorted(final, key=lambda r: r.toponym.span.start)
    )
    if not places:  # "Memphis Police look at three locations": the local agency's town
        final, places = final + agencies, jurisdiction_mentions(agencies)
    in_names = places_in_names(named, places, gazetteer, common) + seated_facilities(
        unhosted, final, analyzed.text, gazetteer) + places_as_modifiers(
        analyzed.text, (*places, *demonyms), gazetteer) + continent_adjectives(
        analyzed.text, (*places, *demonyms), gazetteer)
    if not places:  # "Uganda People's Defence Forces", "Tk 25 lakh" tell the country of a report naming no place
        demonyms = demonyms + countries_in_names(toponyms, gazetteer, common) + [
            Demonym(span, cc) for span, cc in currency_countries(analyzed.text)]
        if not demonyms:  # "the Lagos State Police Command said": the country of a place inside a name
            demonyms = [Demonym(mention.span, cc) for mention, cc in in_names if cc]
    return GeoParse(places, tuple(demonyms), tuple(final),
                    tuple(sorted((mention for mention, _cc in in_names), key=lambda m: m.span.start)))


def _countries_of_forces(text: str, toponyms: list[Toponym],
                         gazetteer: Gazetteer) -> tuple[list[Toponym], list[Demonym]]:
    """A country's name before an armed force ("US warplanes", "UK troops") says whose force, like a
    demonym ("American warplanes"): it becomes one, never the event's place."""
    kept: list[Toponym] = []
    forces: list[Demonym] = []
    for toponym in toponyms:
        if ARMED_AFTER.match(text, toponym.span.end):
            match = next(iter(gazetteer.lookup(toponym.name, False)[:1]), None)
            if match is not None and match.entry.feature == "country" and match.kind != FUZZY:
                forces.append(Demonym(toponym.span, match.entry.cc))
                continue
        kept.append(toponym)
    return kept, forces


#: A demonym naming an armed force ("Russian forces shelled Donetsk", "Israeli jets struck") tells
#: whose forces, not where they struck: it backs its country's candidates by this much instead of
#: voting like a place (a town of 50,000 in Russia then loses to Ukraine's Donetsk of 900,000, while
#: "Syrian forces retook Palmyra" still reads Palmyra as Syria's). It still supports the country's
#: weak names as any demonym does.
ARMED_DEMONYM_VOTE = 0.5
#: A named armed group's home country ("Boko Haram": Nigeria) backs its country's candidates by this
#: much: a group fights mostly at home, unlike a state's force named by its demonym.
GROUP_VOTE = 1.0
ARMED_AFTER = re.compile(
    r"(?:-(?:led|backed|allied))?\s+(?:(?:air|armed|special|security|military|government|army|naval|"
    r"occupation|coalition|regime|ground)\s+)?(?:forces|troops|soldiers|army|military|jets|warplanes|"
    r"aircraft|planes|drones|missiles?|rockets?|artillery|shelling|shells|strikes?|airstrikes?|"
    r"air strikes?|bombardment|navy|paratroopers|marines|tanks|invasion|offensive|occupation|bombing|"
    r"warships)\b"
)


#: What joins the names of a list ("California or Washington", "Ohio, Indiana and Illinois").
_LIST_JOINER = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)")


def _listed_with_regions(kept: list[Toponym], first: Sequence[Resolution | None], text: str) -> list[Toponym]:
    """A name listed with regions is a region too: "states such as California or Washington"
    gives Washington the admin hint (it was the capital, a town). Only names with no hint of
    their own, next to a name first read as a region of the same country."""
    regions = {r.toponym.span.start: r.match.entry.cc for r in first
               if r is not None and r.match.entry.feature == "admin1"}
    towns = {r.toponym.span.start: r.match.entry.cc for r in first
             if r is not None and r.match.entry.feature == "city"}
    ordered = sorted(kept, key=lambda t: t.span.start)
    hinted: dict[int, Toponym] = {}
    for before, after in zip(ordered, ordered[1:], strict=False):
        joiner = text[before.span.end:after.span.start]
        if not _LIST_JOINER.fullmatch(joiner):
            continue
        # "Cleveland, Ohio": a region after a town and a bare comma contains it, no list
        pairs = ((before, after), (after, before)) if re.search(r"\b(?:and|or)\b", joiner) else ((after, before),)
        for town, region in pairs:
            cc = towns.get(town.span.start)
            if cc and not town.hint and not town.within and regions.get(region.span.start) == cc:
                hinted[town.span.start] = replace(town, hint="admin")
    return [hinted.get(t.span.start, t) for t in kept]
