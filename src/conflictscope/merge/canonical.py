"""The canonical event of a cluster: each field chosen by source agreement and precision.

- **Sources** are publishers: two articles of one outlet count once (an article without a
  publisher counts as its own source). A value's *support* is the number of sources whose
  mentions carry it.
- **Date**: among the dates the texts state (a date filled in from the publication day is
  used only when no text states one), the well-supported ones are those with the most support
  or with at least two sources; of these the most precise (ACLED time precision), then the
  best supported, then the earliest.
- **Place**: the same rule over places (by gazetteer id, else name and region), with ACLED geo
  precision; a mention supports a place when it names it or a place within
  :data:`SUPPORT_KM` of it.
- **Deaths**: ``fatalities`` as ACLED codes them is the figure the most sources give, the lower
  on a tie: the most conservative well-sourced figure (a source that gives no figure does not
  vote; 0 when none gives one); each source votes with its highest figure;
  ``low``/``best``/``high`` are the lowest, the median (the lower middle one) and the highest
  figure reported (None when no source gives one).
- **Actors**: the named actor1 most sources give (a tie to the mention of the chosen sub-event
  type, then the smaller name); actor2 by vote among the mentions with that actor1.
- **event_clarity** (UCDP): 1 when the chosen date is day-precise and stated and the chosen
  place a town (geo precision 1), else 2.

Every chosen field records the mention (and article) it came from.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from conflictscope.merge.compare import GENERIC_ACTORS as _GENERIC_ACTORS
from conflictscope.merge.compare import km_between
from conflictscope.merge.mention import Mention

T = TypeVar("T")
#: Kilometres within which a mention's place supports another place.
SUPPORT_KM = 10.0


@dataclass(frozen=True, slots=True)
class Chosen(Generic[T]):
    """A canonical field's value, the mention and article it came from, and its support."""

    value: T
    mention_id: str
    article_id: str
    support: int


@dataclass(frozen=True, slots=True)
class CanonicalEvent:
    """One real event told by a cluster of mentions."""

    event_id: str
    mention_ids: tuple[str, ...]
    sources: tuple[str, ...]
    event_type: Chosen[str]
    sub_event_type: Chosen[str]
    event_date: Chosen[date] | None
    time_precision: int | None
    location: Chosen[str] | None
    admin1: str
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    fatalities: Chosen[int]
    fatalities_low: int | None
    fatalities_best: int | None
    fatalities_high: int | None
    event_clarity: int
    #: Who acted and against whom: the named actor most sources give (unnamed ones only when no
    #: source names one), the smaller name on a tie.
    actor1: Chosen[str] | None = None
    actor2: Chosen[str] | None = None
    #: Every mention recalls the event as background (no report tells it as news).
    background: bool = False

    @property
    def source_count(self) -> int:
        """How many independent sources (publishers) report the event."""
        return len(self.sources)


def _support(mentions: Sequence[Mention], agrees: Callable[[Mention], bool]) -> int:
    return len({m.source for m in mentions if agrees(m)})


def _choose(mentions: Sequence[Mention], offered: Sequence[Mention], key: Callable[[Mention], Hashable],
            supports: Callable[[Mention, Mention], bool], precision: Callable[[Mention], int],
            order: Callable[[Mention], tuple[object, ...]]) -> tuple[Mention, int] | None:
    """The mention whose value is chosen (and its support): well-supported, then most precise,
    then best supported, then first by ``order``. A value is represented by its most precise
    mention."""
    firsts: dict[Hashable, Mention] = {}
    for mention in sorted(offered, key=lambda m: (order(m), precision(m), m.mention_id)):
        firsts.setdefault(key(mention), mention)
    if not firsts:
        return None
    scored = [(m, len({o.source for o in mentions if supports(m, o)})) for m in firsts.values()]
    most = max(s for _, s in scored)
    well = [(m, s) for m, s in scored if s == most or s >= 2]
    return min(well, key=lambda pair: (precision(pair[0]), -pair[1], order(pair[0]), pair[0].mention_id))


def _date_supports(chosen: Mention, other: Mention) -> bool:
    if chosen.event_date is None or other.span is None:
        return False
    return other.span[0] <= chosen.event_date <= other.span[1]


def _place_supports(chosen: Mention, other: Mention) -> bool:
    if chosen.place_key == other.place_key:
        return True
    km = km_between(chosen, other)
    return km is not None and km <= SUPPORT_KM


def _deaths(mentions: Sequence[Mention]) -> tuple[Chosen[int], int | None, int | None, int | None]:
    by_source: dict[str, tuple[int, Mention]] = {}
    told = [m for m in mentions if m.fatalities is not None] or list(mentions[:1])
    for mention in sorted(told, key=lambda m: m.mention_id):
        figure = mention.fatalities or 0
        known = by_source.get(mention.source)
        if known is None or figure > known[0]:
            by_source[mention.source] = (figure, mention)
    counts = Counter(figure for figure, _ in by_source.values())
    figure = min(counts, key=lambda f: (-counts[f], f))
    source = min((m for f, m in by_source.values() if f == figure), key=lambda m: m.mention_id)
    reported = sorted(m.fatalities for m in mentions if m.fatalities is not None)
    low = reported[0] if reported else None
    best = reported[(len(reported) - 1) // 2] if reported else None
    high = reported[-1] if reported else None
    return Chosen(figure, source.mention_id, source.article_id, counts[figure]), low, best, high


def _vote(mentions: Sequence[Mention], value: Callable[[Mention], str]) -> Chosen[str]:
    counts = Counter(value(m) for m in mentions)
    top = min(counts, key=lambda v: (-counts[v], v))
    source = min((m for m in mentions if value(m) == top), key=lambda m: m.mention_id)
    return Chosen(top, source.mention_id, source.article_id, _support(mentions, lambda m: value(m) == top))


def _named(name: str) -> bool:
    return bool(name) and not name.startswith(_GENERIC_ACTORS)


def _actors(mentions: Sequence[Mention], base: Mention) -> tuple[Chosen[str], Chosen[str]]:
    """actor1 by vote of the sources that name one (a tie goes to the mention of the chosen
    sub-event type, then to the smaller name); actor2 by vote among the mentions with that
    actor1, so the two sides come from reports that agree on who acted."""
    named = [m for m in mentions if _named(m.actor1)] or list(mentions)
    counts = Counter(m.actor1 for m in named)
    most = max(counts.values())
    tied = sorted(name for name, n in counts.items() if n == most)
    first = base.actor1 if base.actor1 in tied else tied[0]
    source = min((m for m in named if m.actor1 == first), key=lambda m: m.mention_id)
    actor1 = Chosen(first, source.mention_id, source.article_id,
                    _support(mentions, lambda m: m.actor1 == first))
    agreeing = [m for m in mentions if m.actor1 == first]
    sides = [m for m in agreeing if _named(m.actor2)] or [m for m in agreeing if m.actor2] or agreeing
    return actor1, _vote(sides, lambda m: m.actor2)


def _single(m: Mention) -> CanonicalEvent:
    """:func:`canonical` of one mention, without the votes (every value is its own, supported
    by its one source; a date is supported when its span holds it). The store computes one
    for every new mention; ``tests/merge`` checks it equals the general path."""
    def own(value: T, support: int = 1) -> Chosen[T]:
        return Chosen(value, m.mention_id, m.article_id, support)

    dated = m.event_date is not None
    placed = bool(m.location) or m.latitude is not None
    fatalities = own(m.fatalities or 0)
    clear = dated and m.time_precision == 1 and m.date_stated and placed and m.geo_precision == 1
    return CanonicalEvent(
        event_id=m.mention_id, mention_ids=(m.mention_id,), sources=(m.source,),
        event_type=own(m.event_type), sub_event_type=own(m.sub_event_type),
        event_date=own(m.event_date, int(_date_supports(m, m))) if dated else None,  # type: ignore[arg-type]
        time_precision=m.time_precision if dated else None,
        location=own(m.location) if placed else None, admin1=m.admin1 if placed else "",
        latitude=m.latitude if placed else None, longitude=m.longitude if placed else None,
        geo_precision=m.geo_precision if placed else None,
        fatalities=fatalities, fatalities_low=m.fatalities, fatalities_best=m.fatalities,
        fatalities_high=m.fatalities, event_clarity=1 if clear else 2,
        actor1=own(m.actor1), actor2=own(m.actor2), background=m.background,
    )


def canonical(mentions: Sequence[Mention]) -> CanonicalEvent:
    """The canonical event of one cluster's mentions (in any order: the result is the same)."""
    if len(mentions) == 1:
        return _single(mentions[0])
    return _canonical(mentions)


def _canonical(mentions: Sequence[Mention]) -> CanonicalEvent:
    ordered = sorted(mentions, key=lambda m: m.mention_id)
    stated = [m for m in ordered if m.event_date is not None and m.date_stated]
    dated = stated or [m for m in ordered if m.event_date is not None]
    when = _choose(ordered, dated, key=lambda m: m.event_date, supports=_date_supports,
                   precision=lambda m: m.time_precision or 9, order=lambda m: (m.event_date,))
    placed = [m for m in ordered if m.location or m.latitude is not None]
    where = _choose(ordered, placed, key=lambda m: m.place_key, supports=_place_supports,
                    precision=lambda m: m.geo_precision or 9, order=lambda m: (m.location, m.admin1))
    fatalities, low, best, high = _deaths(ordered)
    sub_event_type = _vote(ordered, lambda m: m.sub_event_type)
    actor1, actor2 = _actors(ordered, next(m for m in ordered if m.mention_id == sub_event_type.mention_id))
    event_date = None
    if when is not None and when[0].event_date is not None:
        event_date = Chosen(when[0].event_date, when[0].mention_id, when[0].article_id, when[1])
    location = Chosen(where[0].location, where[0].mention_id, where[0].article_id, where[1]) if where else None
    clear = (when is not None and when[0].time_precision == 1 and when[0].date_stated
             and where is not None and where[0].geo_precision == 1)
    return CanonicalEvent(
        event_id=ordered[0].mention_id, mention_ids=tuple(m.mention_id for m in ordered),
        sources=tuple(sorted({m.source for m in ordered})),
        event_type=_vote(ordered, lambda m: m.event_type),
        sub_event_type=sub_event_type,
        event_date=event_date, time_precision=when[0].time_precision if when else None,
        location=location, admin1=where[0].admin1 if where else "",
        latitude=where[0].latitude if where else None, longitude=where[0].longitude if where else None,
        geo_precision=where[0].geo_precision if where else None,
        fatalities=fatalities, fatalities_low=low, fatalities_best=best, fatalities_high=high,
        event_clarity=1 if clear else 2,
        actor1=actor1, actor2=actor2,
        background=all(m.background for m in ordered),
    )
