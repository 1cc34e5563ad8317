"""Time expressions: recognition, normalisation against the publication date, event dating.

- :func:`find_timexes` finds and normalises every expression of a text (rules,
  spaCy DATE entities as extra candidates, dateparser as a cached fallback);
- :func:`analyze_times` does the same for a whole article and also finds its
  dateline and the base date it used;
- :func:`conflictscope.timex.attach.date_clause` dates one event clause.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import regex as re

from conflictscope.timex.extract import find_timexes
from conflictscope.timex.record import Timex

__all__ = ["ArticleTimes", "Timex", "analyze_times", "find_dateline", "find_timexes"]

#: What follows a dateline date: "ADEN, March 7 (Xinhua) --", "(Tunis, December 28, 2019) –".
_DATELINE_TAIL = re.compile(r"^\s*(?:\(|--|—|–|-\s|:\s|\n|$|/|\)\s*(?:--|—|–|-\s))")
#: A dateline date must start within this many characters of the text.
DATELINE_REACH = 160


@dataclass(frozen=True, slots=True)
class ArticleTimes:
    """The time expressions of an article and the dates they were read against."""

    timexes: tuple[Timex, ...]
    base: date | None  # the publication date, or the dateline date when there is none
    dateline: Timex | None


def find_dateline(text: str, timexes: Sequence[Timex]) -> Timex | None:
    """The dateline date ("ADEN, March 7 (Xinhua) --", "(Tunis, December 28, 2019) –", "Quetta,
    March 14: ...", a date alone on the first lines)."""
    for timex in timexes:
        if timex.start > DATELINE_REACH:
            break
        interval = timex.interval
        if interval is None or interval.granularity != "day" or timex.kind not in ("absolute", "partial"):
            continue
        line_start = text.rfind("\n", 0, timex.start) + 1
        alone = not text[line_start : timex.start].strip(" ,-–—") or timex.start - line_start < 40
        if _DATELINE_TAIL.match(text[timex.end : timex.end + 4]) and alone:
            return timex
    return None


def analyze_times(
    text: str,
    published: date | None,
    *,
    sentences: Sequence[tuple[int, int]] | None = None,
    entities: Iterable[tuple[int, int, str]] = (),
) -> ArticleTimes:
    """All time expressions of an article; without a publication date the dateline is the base."""
    entity_list = list(entities)
    timexes = find_timexes(text, published, sentences=sentences, entities=entity_list)
    dateline = find_dateline(text, timexes)
    base = published
    if published is None and dateline is not None and dateline.kind == "absolute" and dateline.interval:
        base = dateline.interval.start
        timexes = find_timexes(text, base, sentences=sentences, entities=entity_list)
        dateline = find_dateline(text, timexes)
    return ArticleTimes(tuple(timexes), base, dateline)
