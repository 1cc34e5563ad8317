"""Mentions to and from ``mentions`` rows, and the indexed look-up of a mention's candidates.

A stored mention keeps what the merge compares (``merge.Mention`` as JSON: its words and names;
the character shingles are computed again from the words) and the columns its candidates are
found by: family, country, its date window (``compare.window``) and publication day.

**Candidates.** The blocking (``compare.may_match``) pairs two mentions only when they share a
family and a country (or one has none) and their date windows overlap or their articles came
out within ``SAME_NEWS_DAYS`` days (neither background). Windows are filed in *tiers* by length
(:data:`BOUNDED_TIERS`): a window of tier ``k`` is at most ``longest(k)`` days long, so the windows
of that tier overlapping ``[s, e]`` start between ``s - longest(k)`` and ``e``: one range scan of
the index ``(family, country_key, win_tier, win_start)`` per tier. The longest tier and undated
mentions are few and read whole. Publication days use ``(family, country_key, published)``.
The look-up is complete for the blocking rule, so the store finds every link the pure
``merge.cluster`` would.
"""

from __future__ import annotations

import json
import math
from collections import OrderedDict
from dataclasses import fields
from datetime import date, timedelta
from functools import lru_cache
from operator import attrgetter
from typing import Any

from conflictscope.merge.compare import KM_LIMIT, SAME_NEWS_DAYS, window
from conflictscope.merge.mention import SHINGLE, Mention

#: Longest window (days, end - start) of each tier, by tier number; tier 4 is unbounded. Tiers
#: 5 and 6 came later (a tier number keeps its bound for ever, so stored rows stay valid): a
#: day-precise window (2 days) and a window around an unstated date (the day widened by 7 on
#: each side: 14 days) used to be filed under tiers 0 and 1, whose look-ups read 8 and 40 days
#: of window starts more than the window itself; they now read 2 and 16.
TIERS = (8, 40, 130, 400)
_UNBOUNDED = len(TIERS)
_LATER_TIERS = (2, 16)
#: ``(tier, longest)`` of every bounded tier, shortest first: a window is filed under the first
#: that holds it.
BOUNDED_TIERS = tuple(sorted([*enumerate(TIERS), *((_UNBOUNDED + 1 + k, days)
                                                   for k, days in enumerate(_LATER_TIERS))],
                             key=lambda pair: pair[1]))

_DATES = ("published", "event_date", "date_start", "date_end")
_SETS = ("words", "names")


def tier_of(span: tuple[date, date] | None) -> int | None:
    """The tier of a date window (None: undated)."""
    if span is None:
        return None
    days = (span[1] - span[0]).days
    return next((k for k, longest in BOUNDED_TIERS if days <= longest), _UNBOUNDED)


def shingles_of(words: frozenset[str]) -> frozenset[str]:
    """The character shingles of a mention's words (as ``merge.mention.text_features`` makes them)."""
    joined = " ".join(sorted(words))
    return frozenset(joined[i:i + SHINGLE] for i in range(max(0, len(joined) - SHINGLE + 1)))


_STORED_FIELDS = tuple(f.name for f in fields(Mention) if f.name != "shingles")
_STORED_VALUES = attrgetter(*_STORED_FIELDS)


def mention_json(mention: Mention) -> str:
    """A mention as JSON (shingles left out: they follow from the words)."""
    data: dict[str, Any] = dict(zip(_STORED_FIELDS, _STORED_VALUES(mention), strict=True))
    for name in _SETS:
        data[name] = sorted(data[name])
    for name in _DATES:
        value = data[name]
        if value is not None:
            data[name] = value.isoformat()
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def mention_from_json(text: str) -> Mention:
    """The mention stored as ``text`` by :func:`mention_json`."""
    data = json.loads(text)
    for name in _DATES:
        if data.get(name) is not None:
            data[name] = date.fromisoformat(data[name])
    words = frozenset(data["words"])
    data["words"], data["names"], data["shingles"] = words, frozenset(data["names"]), shingles_of(words)
    return Mention(**data)


class MentionCache:
    """Parsed mentions by their stored JSON (bounded, least recently used first out).

    Keyed by the JSON text itself, so a mention re-extracted under the same id, or written by
    another process, is never served stale.
    """

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self._items: OrderedDict[str, Mention] = OrderedDict()

    def put(self, text: str, mention: Mention) -> None:
        """Remember that ``text`` is the stored form of ``mention``."""
        self._items[text] = mention
        if len(self._items) > self.size:
            self._items.popitem(last=False)

    def get(self, text: str) -> Mention:
        """The mention of ``text`` (parsed once while it stays in the cache)."""
        found = self._items.get(text)
        if found is not None:
            self._items.move_to_end(text)
            return found
        parsed = mention_from_json(text)
        self._items[text] = parsed
        if len(self._items) > self.size:
            self._items.popitem(last=False)
        return parsed


def mention_row(mention: Mention, cluster: str) -> tuple[Any, ...]:
    """The ``mentions`` row of a new mention (its own component and cluster until clustered)."""
    span = window(mention)
    return (
        mention.mention_id, mention.article_id, mention.family, mention.country.lower(),
        span[0].isoformat() if span else None, span[1].isoformat() if span else None, tier_of(span),
        mention.published.isoformat() if mention.published else None, int(mention.background),
        *_place_keys(mention), mention_json(mention), mention.mention_id, cluster,
    )


def _place_keys(mention: Mention) -> tuple[float | None, float | None, int]:
    """Coordinates the place filter reads (None: no coordinates, or a whole country or region,
    which the blocking matches without a distance) and the geo precision (9: unknown)."""
    whole = not mention.location or mention.location in (mention.country, mention.admin1)
    if whole or mention.latitude is None or mention.longitude is None:
        return None, None, mention.geo_precision or 9
    return mention.latitude, mention.longitude, mention.geo_precision or 9


def _place_filter(mention: Mention) -> tuple[tuple[bool, ...] | None, list[Any]]:
    """The place filter of :func:`_place_clause`: its shape (per precision band, whether it
    bounds the longitude; None: no filter) and its parameters."""
    lat, lon, precision = _place_keys(mention)
    if lat is None or lon is None:
        return None, []
    shape: list[bool] = []
    params: list[Any] = []
    for low, high in ((1, 1), (2, 2), (3, 9)):
        km = KM_LIMIT.get(max(precision, low) if max(precision, low) <= 3 else None, KM_LIMIT[None]) * 1.1
        dlat = km / 111.0
        params += [low, high, lat - dlat, lat + dlat]
        bounded = False
        reach = abs(lat) + dlat
        if reach < 80:
            dlon = km / (111.0 * math.cos(math.radians(reach)))
            if lon - dlon > -180 and lon + dlon < 180:
                params += [lon - dlon, lon + dlon]
                bounded = True
        shape.append(bounded)
    return tuple(shape), params


def _place_sql(shape: tuple[bool, ...] | None) -> str:
    if shape is None:
        return ""
    parts = ["lat_key IS NULL"]
    for bounded in shape:
        clause = "(prec_key BETWEEN ? AND ? AND lat_key BETWEEN ? AND ?"
        if bounded:
            clause += " AND lon_key BETWEEN ? AND ?"
        parts.append(clause + ")")
    return " AND (" + " OR ".join(parts) + ")"


def _place_clause(mention: Mention) -> tuple[str, list[Any]]:
    """A filter keeping every stored mention whose place may match ``mention``'s
    (``compare.places_may_match``): a box around it as wide as the distance the coarser of the
    two precisions allows, widened by a tenth; without a distance rule, no filter."""
    shape, params = _place_filter(mention)
    return _place_sql(shape), params


def _head(country: bool, place: tuple[bool, ...] | None) -> str:
    head = "SELECT mention_id, data FROM mentions WHERE family = ?"
    if country:
        head += " AND country_key IN (?, '')"
    return head + _place_sql(place)


def _parts(head: str, dated: bool, published: bool) -> list[str]:
    """The SQL of each look-up (window tiers, undated, publication days), in order."""
    if not dated:  # undated: the whole family in the country
        return [head]
    # the window and publication conditions come first: they are the index's next columns
    parts = [head.replace(" WHERE ", " WHERE win_tier IS NULL AND ", 1)]
    parts += [head.replace(" WHERE ", " WHERE win_tier = ? AND win_start BETWEEN ? AND ? "
                                      "AND win_end >= ? AND ", 1)] * len(BOUNDED_TIERS)
    parts.append(head.replace(" WHERE ", " WHERE win_tier = ? AND win_start <= ? AND win_end >= ? AND ", 1))
    if published:
        parts.append(head.replace(" WHERE ", " WHERE published BETWEEN ? AND ? AND background = 0 AND ", 1))
    return parts


@lru_cache(maxsize=64)
def _union(country: bool, place: tuple[bool, ...] | None, dated: bool, published: bool) -> str:
    return " UNION ALL ".join(_parts(_head(country, place), dated, published))


def _lookup_params(mention: Mention) -> tuple[tuple[Any, ...], list[list[Any]]]:
    """The shape of a mention's look-up and the parameters of each of its parts."""
    country = mention.country.lower()
    place, near = _place_filter(mention)
    params: list[Any] = [mention.family, *([country] if country else []), *near]
    span = window(mention)
    published = mention.published is not None and not mention.background
    shape = (bool(country), place, span is not None, published)
    if span is None:
        return shape, [params]
    start, end = span
    first, last = start.isoformat(), end.isoformat()
    found = [list(params)]
    for tier, longest in BOUNDED_TIERS:
        found.append([tier, (start - timedelta(days=longest)).isoformat(), last, first, *params])
    found.append([_UNBOUNDED, last, first, *params])
    if published:
        assert mention.published is not None
        found.append([(mention.published - timedelta(days=SAME_NEWS_DAYS)).isoformat(),
                      (mention.published + timedelta(days=SAME_NEWS_DAYS)).isoformat(), *params])
    return shape, found


def candidate_queries(mention: Mention) -> list[tuple[str, list[Any]]]:
    """SQL (``?`` placeholders) and parameters finding every stored mention the blocking may pair
    with ``mention``: each selects ``mention_id, data``."""
    (country, place, dated, published), params = _lookup_params(mention)
    return list(zip(_parts(_head(country, place), dated, published), params, strict=True))


def candidate_statement(mention: Mention) -> tuple[str, list[Any]]:
    """:func:`candidate_queries` as one statement (``UNION ALL``: each part still uses its
    index), its text built once per shape of look-up."""
    shape, params = _lookup_params(mention)
    return _union(*shape), [p for part in params for p in part]
