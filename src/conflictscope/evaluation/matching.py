"""One matcher: whether an extracted event matches an expectation.

An *expectation* is a dict of event fields as a gold file or a test writes them:
a seed's ``must`` / ``may`` item (``shared/seeds/*.expected.json``), a golden
pattern of ``tests/golden/*.expected.json``, or a test's own. The event is an
:class:`~conflictscope.models.Event` or its dict form (``event_to_dict``). The
rules, for each field the expectation gives (also in ``docs/evaluation.md``):

* ``sub_event_type``: the event's sub-type is the one named, or one of a list;
  ``event_type`` is checked only when the expectation names no sub-type (a
  sub-type implies its type);
* actor names (``actor1``, ``actor2``): folded (accents, case, punctuation and
  generic words dropped), one is a prefix of the other ("Boko Haram" matches
  "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", "Rebels" matches
  "Rebels (Testland)");
* any other field: equal (dates as ISO strings, ``"2017-08-19"``), or one of a
  list of allowed values (``"time_precision": [1, 2]``);
* a string value starting with ``!`` means "anything but": ``"country": "!Nigeria"``.

:func:`accepts` decides a match on the keys asked for (all the expectation's keys
by default); :func:`match_items` pairs expectations with events one to one, and
:func:`field_matches` scores one field.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from conflictscope.evaluation.normalize import actor_prefix_match
from conflictscope.models import Event

#: Fields compared as actor names (folded prefix).
ACTOR_FIELDS = frozenset({"actor1", "actor2"})
#: Keys of an expectation that describe it rather than the event (never compared).
DESCRIPTIVE = frozenset({"what", "note", "notes"})
#: What decides that a seed's ``must`` / ``may`` item is *found*: its type and its actor1.
#: Its other fields are scored on the event found (:mod:`conflictscope.evaluation.expected`).
TYPE_AND_ACTOR = ("sub_event_type", "event_type", "actor1")

EventLike = Event | Mapping[str, Any]


def value_of(event: EventLike, name: str) -> Any:
    """Field ``name`` of an Event or of its dict form (None when absent)."""
    if isinstance(event, Mapping):
        return event.get(name)
    return getattr(event, name, None)


def field_matches(name: str, expected: Any, actual: Any) -> bool:
    """Whether one field's value fits the expected value (see the module's rules)."""
    if isinstance(expected, str) and expected.startswith("!"):
        return not field_matches(name, expected[1:], actual)
    if isinstance(expected, (list, tuple)):
        return any(field_matches(name, option, actual) for option in expected)
    if name in ACTOR_FIELDS:
        return isinstance(actual, str) and actor_prefix_match(str(expected), actual)
    if isinstance(actual, date) and isinstance(expected, str):
        return actual.isoformat() == expected
    return bool(expected == actual)


def accepts(expectation: Mapping[str, Any], event: EventLike, keys: Iterable[str] | None = None) -> bool:
    """Whether ``event`` matches ``expectation`` on ``keys`` (default: every key it gives).

    A key the expectation leaves out, null or empty is not checked; ``event_type``
    is not checked when the expectation names a sub-event type.
    """
    names = list(expectation) if keys is None else list(keys)
    for name in names:
        if name in DESCRIPTIVE or name not in expectation:
            continue
        wanted = expectation[name]
        if wanted is None or wanted == "" or wanted == []:
            continue
        if name == "event_type" and expectation.get("sub_event_type"):
            continue
        if not field_matches(name, wanted, value_of(event, name)):
            return False
    return True


def match_items(
    items: Sequence[Mapping[str, Any]], events: list[Any], keys: Iterable[str] | None = TYPE_AND_ACTOR
) -> list[Any | None]:
    """For each item in order, the highest-confidence unused event it accepts (removed from ``events``).

    ``keys`` are the fields that decide (type and actor1 by default, as a seed's
    items are found); ``None`` checks every field the item gives.
    """
    chosen = None if keys is None else tuple(keys)
    matches: list[Any | None] = []
    for item in items:
        fits = [e for e in events if accepts(item, e, chosen)]
        best = max(fits, key=lambda e: value_of(e, "confidence") or 0.0, default=None)
        if best is not None:
            events.remove(best)
        matches.append(best)
    return matches


def any_accepts(expectation: Mapping[str, Any], events: Iterable[EventLike],
                keys: Iterable[str] | None = None) -> bool:
    """Whether any of ``events`` matches ``expectation`` (see :func:`accepts`)."""
    chosen = None if keys is None else tuple(keys)
    return any(accepts(expectation, event, chosen) for event in events)


# --- Rows against an all-events gold (`evaluate events`) -------------------------------------------
#
# A row (an extracted Event) fits a gold event (a ``GoldEvent`` of
# :mod:`conflictscope.evaluation.events`) by its evidence, or by family, date and place:
#
# * evidence: one of the row's ``event_type`` evidence spans lies inside one of the gold
#   event's evidence sentences (its quotes found in the text, each widened to its sentence);
# * or: the same family (Battles, Explosions/Remote violence and Violence against civilians
#   are one violent family; Protests and Riots one; Strategic developments its own), a date in
#   the gold range widened by :data:`DATE_SLACK_DAYS` (the years of the range for a year-level
#   background event), and a place within :data:`PAIR_KM` of the gold coordinates.

#: Event type -> family.
FAMILY = {
    "Battles": "political violence",
    "Explosions/Remote violence": "political violence",
    "Violence against civilians": "political violence",
    "Protests": "demonstrations",
    "Riots": "demonstrations",
    "Strategic developments": "strategic developments",
}
#: Days of slack around a gold date range when a row is paired by date and place.
DATE_SLACK_DAYS = 1
#: A row paired by date and place lies within this many km of the gold place.
PAIR_KM = 100.0
#: A paired row is "fully right" with the gold sub-type and within this many km; the
#: location field is right within it too.
RIGHT_KM = 50.0


def family(event_type: str | None) -> str:
    """The family of an ACLED event type ('' when unknown)."""
    return FAMILY.get(str(event_type or ""), "")


def span_inside(span: tuple[int, int], sentences: Iterable[tuple[int, int]]) -> bool:
    """Whether a (start, end) span lies inside one of the (start, end) sentences."""
    start, end = span
    return any(low <= start and end <= high for low, high in sentences)


def row_spans(event: Event) -> list[tuple[int, int]]:
    """The row's ``event_type`` evidence spans as (start, end)."""
    return [(span.start, span.end) for span in event.evidence.get("event_type", ())]


def year_level(start: date | None, end: date | None) -> bool:
    """A gold range of whole years (1 January to 31 December)."""
    return (start is not None and end is not None and (start.month, start.day) == (1, 1)
            and (end.month, end.day) == (12, 31))


def date_in_range(predicted: date | None, start: date | None, end: date | None, *, slack_days: int = 0) -> bool:
    """Whether a row's date lies in a gold range (widened by ``slack_days``; whole years for a
    year-level range)."""
    if predicted is None or start is None:
        return False
    end = end or start
    if year_level(start, end):
        return start.year <= predicted.year <= end.year
    low, high = start.toordinal() - slack_days, end.toordinal() + slack_days
    return low <= predicted.toordinal() <= high


def km_between(event: Event, lat: float | None, lon: float | None) -> float | None:
    """Great-circle km between a row's place and gold coordinates (None when either lacks them)."""
    if event.latitude is None or event.longitude is None or lat is None or lon is None:
        return None
    from conflictscope.gazetteer.resolve import distance_km

    return distance_km(event.latitude, event.longitude, float(lat), float(lon))


def actor_words(name: str | None) -> frozenset[str]:
    """The words of an actor name, folded, without its parenthesised parts ("(Nigeria)", "(2016-)")."""
    import regex as re

    from conflictscope.evaluation.normalize import norm

    return frozenset(norm(re.sub(r"\([^)]*\)", " ", str(name or ""))).split())


def actors_match(gold: str | None, predicted: str | None) -> bool:
    """Actor names match by their words: the words of one are all among the other's (both
    empty also matches: no actor2 on either side)."""
    a, b = actor_words(gold), actor_words(predicted)
    if not a or not b:
        return not a and not b
    return a <= b or b <= a


def fit_kind(event: Event, gold: Any) -> str | None:
    """How a row fits a gold event: ``"evidence"``, ``"date-place"`` or None (see above)."""
    if any(span_inside(span, gold.sentences) for span in row_spans(event)):
        return "evidence"
    if family(event.event_type) != family(gold.event_type) or not family(gold.event_type):
        return None
    if not date_in_range(event.event_date, gold.date_start, gold.date_end, slack_days=DATE_SLACK_DAYS):
        return None
    km = km_between(event, gold.lat, gold.lon)
    return "date-place" if km is not None and km <= PAIR_KM else None
