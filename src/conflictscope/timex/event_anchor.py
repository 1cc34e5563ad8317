"""Anaphoric anchors: "N units after <an event the report names>", and time served.

"Nine days after the abduction the terrorists beheaded him" is dated by the
abduction, not by the publication date: nine days after the day the report
gives the abduction elsewhere. "A day after his arrest, police searched his
house" is the arrest's day plus one. When the report dates no such event, the
duration says nothing of when the clause happened; it must not be read as "N
units before publication" (dateparser's and our old reading of the bare
duration), and the clause is dated by the other rules.

:func:`event_after` finds the construction around a trigger; the pipeline's
``dates`` stage looks up the named event among the report's dated events and
moves its date with :func:`moved_by`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import regex as re

from conflictscope.models import EventTime, Span
from conflictscope.taxonomy import BATTLES, EXPLOSIONS, PROTESTS, RIOTS, TAXONOMY, VAC
from conflictscope.timex import calendar_rules as cal
from conflictscope.timex.record import Timex
from conflictscope.timex.values import Interval, span_interval

_VIOLENT = frozenset(TAXONOMY[VAC] + TAXONOMY[BATTLES] + TAXONOMY[EXPLOSIONS] + TAXONOMY[RIOTS]
                     + ("Excessive force against protesters",))
_DEMONSTRATIONS = frozenset(TAXONOMY[PROTESTS] + TAXONOMY[RIOTS])

#: Head nouns of the event a duration counts from, and the sub-event types they name.
_NOUN_KINDS: dict[str, frozenset[str]] = {
    "arrest": frozenset({"Arrests"}),
    "detention": frozenset({"Arrests"}),
    "jailing": frozenset({"Arrests"}),
    "imprisonment": frozenset({"Arrests"}),
    "abduction": frozenset({"Abduction/forced disappearance"}),
    "kidnapping": frozenset({"Abduction/forced disappearance"}),
    "disappearance": frozenset({"Abduction/forced disappearance"}),
    "attack": _VIOLENT,
    "assault": frozenset({"Attack", "Sexual violence", "Mob violence"}),
    "killing": _VIOLENT,
    "murder": _VIOLENT,
    "assassination": _VIOLENT,
    "massacre": _VIOLENT,
    "shooting": _VIOLENT,
    "bombing": frozenset(TAXONOMY[EXPLOSIONS]),
    "blast": frozenset(TAXONOMY[EXPLOSIONS]),
    "explosion": frozenset(TAXONOMY[EXPLOSIONS]),
    "raid": frozenset({"Arrests", "Attack", "Looting/property destruction", "Armed clash"}),
    "clash": frozenset({"Armed clash", "Violent demonstration"}),
    "protest": _DEMONSTRATIONS,
    "demonstration": _DEMONSTRATIONS,
    "rally": _DEMONSTRATIONS,
    "march": _DEMONSTRATIONS,
    "strike": _DEMONSTRATIONS | {"Air/drone strike"},
    "riot": frozenset(TAXONOMY[RIOTS]),
    "violence": _VIOLENT,
    "crackdown": frozenset({"Excessive force against protesters", "Protest with intervention", "Arrests"}),
}
_NOUNS = "|".join(sorted(_NOUN_KINDS, key=len, reverse=True))
#: "after the abduction", "after his arrest", "after the Zamfara abduction", "after the attack on X".
_AFTER_EVENT = re.compile(
    rf"\s+after\s+(?:(?:the|his|her|their|its|this|that|a|an)\s+)?(?:[\w\-’'.]+\s+){{0,3}}?"
    rf"(?P<noun>{_NOUNS})(?:e?s)?\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class EventAfter:
    """A trigger's clause is ``duration`` after an event of one of ``kinds``, named by the noun ``named``.

    ``inside``: the trigger is the named event itself ("after his *arrest*").
    """

    duration: Timex
    named: Span
    kinds: frozenset[str]
    inside: bool = False


def event_after(text: str, trigger: Span, local: Sequence[Timex]) -> EventAfter | None:
    """The "N units after <event noun>" around ``trigger``, if any.

    ``local`` are the time expressions of the trigger's sentence. The trigger is
    either outside the noun phrase ("beheaded" in "Nine days after the abduction
    the terrorists beheaded him": dated from the named event) or the named event
    itself (``inside``).
    """
    for duration in local:
        if duration.type != "DURATION" or duration.amount is None or duration.unit is None:
            continue
        named = _AFTER_EVENT.match(text, duration.end)
        if named is None:
            continue
        if duration.start <= trigger.start < duration.end:
            continue
        noun = named.group("noun").lower()
        inside = duration.end <= trigger.start < named.end()
        return EventAfter(duration, Span(named.start("noun"), named.end(), text[named.start("noun"):named.end()]),
                          _NOUN_KINDS[noun], inside)
    return None


def granularity(time: EventTime) -> str:
    """Day, month or year: how precisely ``time`` is known."""
    days = (time.date_end - time.date_start).days
    if days == 0:
        return "day"
    return "month" if days <= 31 else "year"


def moved_by(anchor: EventTime, duration: Timex, published: date | None) -> Interval | None:
    """The anchor's date moved forward by the duration (None when that would pass publication).

    A unit finer than the anchor moves its whole span: "nine days after" an abduction
    "in January 2002" is 10 January to 9 February 2002, not a day.
    """
    assert duration.amount is not None and duration.unit is not None
    moved = cal.move_forward(anchor.date_start, anchor.date_end, granularity(anchor), duration.amount,
                             duration.unit, published)
    if moved is None:
        return None
    if published is not None and moved.end > published:
        moved = span_interval(moved.start, published)
    return moved


#: "released / freed / granted bail ... after spending N units in detention" (N is a duration).
_RELEASED = re.compile(r"\b(?:released|freed|set free|granted bail|acquitted)\b", re.IGNORECASE)
_SERVED_BEFORE = re.compile(
    r"\bafter\s+(?:(?:spending|serving|being\s+held\s+for|nearly|almost|more\s+than|about|over)\s+)*$",
    re.IGNORECASE,
)
_SERVED_AFTER = re.compile(
    r"\s+(?:(?:and\s+a\s+half)\s+)?(?:in|behind)\s+(?:pre-?trial\s+)?(?:detention|custody|prison|jail|bars)\b",
    re.IGNORECASE,
)


def time_served(text: str, sentence: tuple[int, int], local: Sequence[Timex]) -> Timex | None:
    """The duration of "released ... after spending <N units> in detention" in a sentence, if any."""
    begin, end = sentence
    released = _RELEASED.search(text, begin, end)
    if released is None:
        return None
    for duration in local:
        if (duration.type == "DURATION" and duration.amount is not None and duration.unit is not None
                and duration.start > released.end()
                and _SERVED_BEFORE.search(text, max(begin, duration.start - 40), duration.start)
                and _SERVED_AFTER.match(text, duration.end, min(end, duration.end + 40))):
            return duration
    return None


def served_from(release: EventTime, served: Timex) -> Interval | None:
    """When the detention that ended at ``release`` began: the release moved back by the time served."""
    assert served.amount is not None and served.unit is not None
    return cal.offset_day(release.date_start, served.amount, served.unit, -1)


#: "... after being (criminally) detained since March 14": when the detention began.
_HELD_SINCE = re.compile(
    r"\bafter\s+(?:being|having\s+been)\s+(?:\w+\s+)?(?:detained|held|jailed|in\s+(?:custody|detention))"
    r"\s+since\s+$",
    re.IGNORECASE,
)


def held_since(text: str, sentence: tuple[int, int], local: Sequence[Timex]) -> Timex | None:
    """The date of "arrested on April 2 after being detained since <March 14>" in a sentence, if any."""
    begin, _end = sentence
    for timex in local:
        if (timex.signal == "since" and timex.type == "DATE" and timex.interval is not None
                and _HELD_SINCE.search(text, max(begin, timex.start - 60), timex.start)):
            return timex
    return None
