"""Which mentions may report the same event (blocking), and how alike two are (the pair score).

**Blocking.** Two mentions are compared only when they are of one event family and one country
(or one of them has none), their date
spans overlap once each is widened by its precision (:data:`DATE_SLACK_DAYS`: a day-precise
date by a day, a week's by a week, a month's by a month, an undated one by a week) or the
articles came out within :data:`SAME_NEWS_DAYS` days of each other (unless one recalls the event
as background), and their
places lie within a distance that grows with the coarser place's precision (:data:`KM_LIMIT`:
25 km between towns, 100 km with a place near a town or a district, 300 km with a region;
without coordinates, the same region of the same country).

**Score.** A weighted sum in [0, 1] of the agreement of place, date, type, actors, deaths
and evidence words (:class:`Rules` holds the weights and the threshold). It is symmetric, so
the clustering does not depend on which mention came first.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from conflictscope.merge.mention import Mention

#: Days a span is widened by, per ACLED time precision (1 day, 2 week, 3 month); None: undated.
DATE_SLACK_DAYS: dict[int | None, int] = {1: 1, 2: 7, 3: 31, None: 7}
#: Kilometres two places may lie apart, per the coarser one's geo precision (1 town, 2 near a
#: town or a district, 3 a region).
KM_LIMIT: dict[int | None, float] = {1: 25.0, 2: 100.0, 3: 300.0, None: 300.0}
#: Days apart two articles may come out and still tell one event whatever dates they read.
SAME_NEWS_DAYS = 3
#: Actors that say nothing of who acted (an unnamed gunman, civilians).
GENERIC_ACTORS = ("Unidentified", "Civilians")
_GENERIC_ACTORS = GENERIC_ACTORS


@dataclass(frozen=True, slots=True)
class Rules:
    """Weights of the pair score's parts and the score that links two mentions."""

    place: float = 0.15
    date: float = 0.15
    kind: float = 0.05
    actors: float = 0.05
    deaths: float = 0.10
    text: float = 0.50
    #: Jaccard overlap of the evidence that counts as fully alike (see :func:`text_similarity`).
    text_scale: float = 4.0
    threshold: float = 0.50


DEFAULT_RULES = Rules()


def window(mention: Mention) -> tuple[date, date] | None:
    """The days a mention's event may share with another's: its span widened by its precision."""
    span = mention.span
    if span is None:
        return None
    slack = timedelta(days=DATE_SLACK_DAYS.get(mention.time_precision if mention.date_stated else None, 7))
    return span[0] - slack, span[1] + slack


def km_between(a: Mention, b: Mention) -> float | None:
    """Great-circle kilometres between two mentions' places (None when one has no coordinates)."""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _coarser(a: Mention, b: Mention) -> int | None:
    if a.geo_precision is None or b.geo_precision is None:
        return None
    return max(a.geo_precision, b.geo_precision)


def dates_may_match(a: Mention, b: Mention) -> bool:
    """Whether two mentions' widened date spans overlap, or the two articles came out within
    :data:`SAME_NEWS_DAYS` of each other (a report's event date may be misread: the news of one
    event comes out together) and neither is a background mention (an earlier event a report
    recalls: "recaptured in March")."""
    wa, wb = window(a), window(b)
    if wa is None or wb is None or not (wa[1] < wb[0] or wb[1] < wa[0]):
        return True
    if a.background or b.background:  # an event recalled as background is not the day's news
        return False
    return a.published is not None and b.published is not None \
        and abs((a.published - b.published).days) <= SAME_NEWS_DAYS


def may_match(a: Mention, b: Mention) -> bool:
    """The blocking rule: same family, same country (or one unknown), dates that may match,
    places near enough."""
    return a.family == b.family and countries_may_match(a, b) and dates_may_match(a, b) \
        and places_may_match(a, b)


def countries_may_match(a: Mention, b: Mention) -> bool:
    """Whether two mentions' countries may be one: equal, or one of them unknown. (A town just
    across a border is another country's event, as ACLED codes it; the store indexes mentions
    by family and country, so this rule keeps its look-ups complete.)"""
    return a.country == b.country or not a.country or not b.country


def _region_level(mention: Mention) -> str:
    """"country" or "admin1" when the mention's place is a whole country or region, else ""."""
    if not mention.location or mention.location == mention.country:
        return "country"
    return "admin1" if mention.location == mention.admin1 else ""


def places_may_match(a: Mention, b: Mention) -> bool:
    """Whether two mentions' places may be one: a country or region holds every place inside it;
    else the places lie within the coarser one's distance (:data:`KM_LIMIT`), or, without
    coordinates, in the same region."""
    levels = {_region_level(a), _region_level(b)}
    if "country" in levels:
        return a.country == b.country or not a.country or not b.country
    if "admin1" in levels:
        return a.country == b.country and a.admin1 == b.admin1
    km = km_between(a, b)
    if km is None:
        return a.country == b.country and (not a.admin1 or not b.admin1 or a.admin1 == b.admin1)
    return km <= KM_LIMIT.get(_coarser(a, b), KM_LIMIT[None])


def _place(a: Mention, b: Mention) -> float:
    if a.place_key == b.place_key:
        return 1.0
    km = km_between(a, b)
    if km is None:
        return 0.3 if a.admin1 and a.admin1 == b.admin1 else 0.0
    return max(0.0, 1.0 - km / KM_LIMIT.get(_coarser(a, b), KM_LIMIT[None]))


def _date(a: Mention, b: Mention) -> float:
    if a.event_date is None or b.event_date is None:
        return 0.3
    days = abs((a.event_date - b.event_date).days)
    stated = a.date_stated and b.date_stated
    if days == 0:
        return 1.0 if stated else 0.6
    return 0.5 if days == 1 else 0.1


def _kind(a: Mention, b: Mention) -> float:
    if a.sub_event_type == b.sub_event_type:
        return 1.0
    return 0.5 if a.event_type == b.event_type else 0.0


def _named(actor: str) -> bool:
    return bool(actor) and not actor.startswith(_GENERIC_ACTORS)


def _actors(a: Mention, b: Mention) -> float:
    if _named(a.actor1) and a.actor1 == b.actor1:
        return 1.0
    return 0.5 if a.actor1 == b.actor1 else 0.0


def _deaths(a: Mention, b: Mention) -> float:
    x, y = a.fatalities or 0, b.fatalities or 0
    if x == y:
        return 1.0 if x else 0.5
    return 0.5 * min(x, y) / max(x, y)


def overlap(x: frozenset[str], y: frozenset[str]) -> float:
    """Jaccard similarity of two sets (0 when both are empty)."""
    if not x or not y:
        return 0.0
    common = len(x & y)
    return common / (len(x) + len(y) - common)


def text_similarity(a: Mention, b: Mention, scale: float = 4.0) -> float:
    """How alike two mentions' evidence reads: the larger of the content words' and the character
    shingles' Jaccard overlap, times ``scale`` (a quarter shared counts fully by default)."""
    return min(1.0, scale * max(overlap(a.words, b.words), overlap(a.shingles, b.shingles)))


def pair_score(a: Mention, b: Mention, rules: Rules = DEFAULT_RULES) -> float:
    """How likely two mentions report one event, in [0, 1] (symmetric)."""
    if a.article_id == b.article_id:
        return 0.0  # one article's events are distinct after its own coreference
    total = (rules.place * _place(a, b) + rules.date * _date(a, b) + rules.kind * _kind(a, b)
             + rules.actors * _actors(a, b) + rules.deaths * _deaths(a, b)
             + rules.text * text_similarity(a, b, rules.text_scale))
    return round(total, 6)


def linked(a: Mention, b: Mention, rules: Rules = DEFAULT_RULES) -> bool:
    """Whether two mentions report one event: they pass the blocking and score at least the threshold."""
    return may_match(a, b) and pair_score(a, b, rules) >= rules.threshold
