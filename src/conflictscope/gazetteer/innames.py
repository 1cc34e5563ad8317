"""Places that are context only: a country inside an organisation's name, a facility's seat, a place
qualifying a noun ("London-based"), the place inside a weak name ("The Washington Post"), a continent's
adjective ("European"). Each is read for the report's countries and never as an event's place."""

from __future__ import annotations

import regex as re

from conflictscope.gazetteer.hosts import INSTITUTION, facility_seat, named_inside
from conflictscope.gazetteer.index import FUZZY, MAIN, Gazetteer, Match
from conflictscope.gazetteer.recognize import MEDIUM_WORDS, Demonym
from conflictscope.gazetteer.resolve import Resolution, Resolver, Toponym
from conflictscope.gazetteer.spans import STRONG
from conflictscope.models import PlaceMention, Span


def countries_in_names(toponyms: list[Toponym], gazetteer: Gazetteer,
                        common: frozenset[str]) -> list[Demonym]:
    """A country named inside an organisation's name counts like a demonym.

    "Uganda People's Defence Forces", "Nigeria Police Force": the report is about that
    country, but nothing happened "at" it. Only weak names the gazetteer lacks; used only
    when the report names no place at all.
    """
    found: list[Demonym] = []
    for toponym in toponyms:
        if toponym.strength >= STRONG or " " not in toponym.name:
            continue
        inside = named_inside(toponym, gazetteer, common)
        if inside is None:
            continue
        span, _ = inside
        match = next(iter(gazetteer.lookup(span.text, False)[:1]), None)
        if match is not None and match.entry.feature == "country":
            found.append(Demonym(span, match.entry.cc))
    return found


def seated_facilities(toponyms: list[Toponym], resolved: list[Resolution], text: str,
                       gazetteer: Gazetteer) -> tuple[tuple[PlaceMention, str], ...]:
    """A facility said to be in a place of the report ("the Palais des Nations in Geneva") is at
    that place: for context only (the place itself is already a mention), with its country."""
    at = {r.toponym.span.start: r for r in resolved}
    taken = [(r.toponym.span.start, r.toponym.span.end) for r in resolved]
    found: list[tuple[PlaceMention, str]] = []
    for toponym in toponyms:
        if any(b < toponym.span.end and toponym.span.start < e for b, e in taken):
            continue
        seat = at.get(facility_seat(toponym, text, gazetteer) or -1)
        if seat is not None:
            found.append(context_mention(toponym.span, seat.match))
    return tuple(found)


#: A place that qualifies a noun: "London-based", "Kremlin-backed", "US-led".
_MODIFIER = re.compile(r"(?<![\p{L}\-])(?:The\s)?(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)-(?:based|backed|led|born|made|owned|"
                       r"funded|run|allied)\b")


def places_as_modifiers(text: str, found: tuple[PlaceMention | Demonym, ...],
                         gazetteer: Gazetteer) -> tuple[tuple[PlaceMention, str], ...]:
    """"London-based", "US-led": the place, for context only (the demonym, if any, is already found)."""
    taken = [(m.span.start, m.span.end) for m in found]
    mentions: list[tuple[PlaceMention, str]] = []
    for match in _MODIFIER.finditer(text):
        start, end = match.span(1)
        if any(b < end and start < e for b, e in taken):
            continue
        name = match.group(1)
        for begin in dict.fromkeys((start, end - len(name.split()[-1]))):  # "New York-based"; "A Syria-based"
            place = next((m for m in gazetteer.lookup(text[begin:end], False)[:5] if m.kind == MAIN and (
                m.entry.feature in {"country", "admin1"} or m.entry.population >= 50000)), None)
            if place is not None:
                mentions.append(context_mention(Span(begin, end, text[begin:end]), place))
                break
    return tuple(mentions)


def places_in_names(toponyms: list[Toponym], places: tuple[PlaceMention, ...], gazetteer: Gazetteer,
                     common: frozenset[str]) -> tuple[tuple[PlaceMention, str], ...]:
    """The place inside each weak name that is no place itself ("U.S. Department of Transportation"
    -> U.S., "The Washington Post" -> Washington), as found by :func:`embedded_name`; with a low
    confidence, for context only; each with its country's ISO2 code (none for a medium's)."""
    found: list[tuple[PlaceMention, str]] = []
    taken = [(m.span.start, m.span.end) for m in places]
    for toponym in toponyms:
        if " " not in toponym.name:
            continue
        if any(b < toponym.span.end and toponym.span.start < e for b, e in taken):
            continue
        words = {w.lower().strip(".,’'()") for w in toponym.name.split()}
        medium = bool(words & MEDIUM_WORDS)
        if not (words & _ORGANISATION or medium):
            continue  # a person ("Kobe Bryant", "Victoria Vivians")
        inside = named_inside(toponym, gazetteer, common)
        if inside is None:
            continue
        span, _ = inside
        # the most prominent place of that main name ("African Public Service": no continent), as the
        # resolver takes it alone ("Washington Post": the capital, not the state)
        alone = Resolver(gazetteer).resolve([Toponym(span, span.text)])[0]
        match = (alone.match if alone is not None and alone.match.kind != FUZZY
                 and alone.match.entry.feature != "continent" else None)
        if match is None:
            match = next((m for m in gazetteer.lookup(span.text, False)[:5]
                          if m.kind == MAIN and m.entry.feature != "continent"), None)
        if match is not None:
            mention, cc = context_mention(span, match)
            # a medium ("Washington Post", "New York Times") says where it is published, not which
            # country the report is about: context with no country's vote
            found.append((mention, "" if medium else cc))
            taken.append((toponym.span.start, toponym.span.end))
    return tuple(found)


#: A continent's adjective ("European countries", "African Union") or the EU, not "South African" (a
#: demonym), "North African" (a region) or "African-American".
_CONTINENT_ADJECTIVE = re.compile(
    r"(?<![\p{L}\-])(?<!(?:North|South|East|West|Central|Southern|Eastern|Western|Northern|Sub-Saharan)\s)"
    r"(?P<word>European|African|Asian|EU|E\.U\.)(?![\p{L}\-])"
)
#: The European Union is context for Europe, as GeoWebNews annotates it; never an event's place.
_CONTINENTS = {"European": "Europe", "African": "Africa", "Asian": "Asia", "EU": "Europe", "E.U.": "Europe"}


def continent_adjectives(text: str, found: tuple[PlaceMention | Demonym, ...],
                          gazetteer: Gazetteer) -> tuple[tuple[PlaceMention, str], ...]:
    """"European", "African", "Asian", "EU": the continent, for context only (no country, never an event's
    place)."""
    taken = [(m.span.start, m.span.end) for m in found]
    mentions: list[tuple[PlaceMention, str]] = []
    for match in _CONTINENT_ADJECTIVE.finditer(text):
        start, end = match.span("word")
        if any(b < end and start < e for b, e in taken):
            continue
        continent = next((m for m in gazetteer.lookup(_CONTINENTS[match.group("word")], False)[:3]
                          if m.entry.feature == "continent"), None)
        if continent is not None:
            mentions.append(context_mention(Span(start, end, match.group("word")), continent))
    return tuple(mentions)


def context_mention(span: Span, match: Match) -> tuple[PlaceMention, str]:
    """A place that is context only (inside a name, or qualifying a noun), and its country's ISO2."""
    return PlaceMention(span, match.entry.to_place(), IN_NAME_CONFIDENCE), match.entry.cc


#: Confidence of a place named inside an organisation's name.
IN_NAME_CONFIDENCE = 0.3
#: Words that make a name an organisation's or an office's, whose place is then a modifier.
_ORGANISATION = INSTITUTION | frozenset("""
    department ministry office bureau agency service services commission committee council authority
    corporation company ltd inc plc group association foundation institute society federation union
    party forces army navy command corps guard police embassy consulate chamber commerce trade
    representative government administration parliament assembly senate congress cabinet
    airlines airways railways railway club league cup festival conference summit games championship
    development security intelligence air limited executive democrats republicans fc rangers
""".split())
