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

