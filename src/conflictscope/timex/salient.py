"""The article's salient day: the date an undated event most likely took place.

News reports name the day of the event they are about early, in a sentence
that tells the event ("Mr X was arrested on 3 May"), and then go on about it in
sentences with no date ("He was beaten in custody ..."). When an event mention
gets no stated date from its own sentence or paragraph, the first such day is a
better guess than the publication date.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

import regex as re

from conflictscope.lexicon.captions import is_photo_caption
from conflictscope.lexicon.events import EVENT_HINT
from conflictscope.timex.record import Timex

#: "police said on Monday", "in a statement on 3 May": the day of a report, not of an event.
_REPORTING_BEFORE = re.compile(
    r"(?i)\b(?:said|says|told(?:\s+\w+){0,2}|announced|confirmed|reported|added|stated|tweeted|wrote|"
    r"posted|published|issued|statement|(?:press|news)\s+(?:conference|briefing|release)|hearing|"
    r"court|verdict|sentenced|charged|filed)\b[^.;\n]{0,12}$"
)
#: An embedded social-media post's signature: "— Name (@handle) March 12, 2022".
_SIGNATURE_BEFORE = re.compile(r"\(@\w+\)\s*$")


def salient_day(
    text: str,
    sentences: Sequence[tuple[int, int]],
    timexes: Sequence[Timex],
    base: date | None,
    *,
    dateline: Timex | None = None,
) -> Timex | None:
    """The first past day written in full (with its year) in a sentence that tells an event,
    else the first past day of such a sentence at all, if any.

    A follow-up report opens with the day of its news ("police on Monday arrested two
    suspects") and writes the day of the event it follows in full ("the activist was
    attacked on February 9, 2012"); undated mentions are usually that event.
    Skipped: the dateline, reference and future days, days of a report
    ("said on Monday"), and the dates of embedded social-media posts.
    """
    days = list(_event_days(text, sentences, timexes, base, dateline))
    full = [t for t in days if t.kind == "absolute"]
    return full[0] if full else days[0] if days else None


def _event_days(
    text: str, sentences: Sequence[tuple[int, int]], timexes: Sequence[Timex], base: date | None,
    dateline: Timex | None,
) -> Iterator[Timex]:
    """The past day expressions of sentences that tell an event, in text order (see salient_day)."""
    for timex in timexes:
        interval = timex.interval
        if interval is None or interval.granularity != "day" or timex.type not in ("DATE", "TIME"):
            continue
        if timex.kind in ("ref", "duration", "anchored") or timex is dateline:
            continue
        if base is not None and interval.start > base:
            continue
        before = text[max(0, timex.start - 40) : timex.start]
        if _REPORTING_BEFORE.search(before) or _SIGNATURE_BEFORE.search(before):
            continue
        bounds = _sentence_of(timex.start, sentences)
        if bounds is not None and EVENT_HINT.search(text, bounds[0], bounds[1]) and not is_photo_caption(
            text[bounds[0] : bounds[1]]
        ):
            yield timex


def _sentence_of(offset: int, sentences: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    for start, end in sentences:
        if start <= offset < end:
            return start, end
    return None
