"""Embedded social-media posts: their own date is the base of what they say.

News pages quote posts as text followed by a signature line: "Police arrested a
demonstrator today for protesting with a blank sign. pic.twitter.com/x — Name
(@handle) March 12, 2022". Inside the post, "today" is the post's day, not the
page's publication day.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, datetime

import regex as re

#: "— Name (@handle) March 12, 2022": the signature that closes an embedded post.
SIGNATURE = re.compile(
    r"[—–-]\s*[^\n()—–]{0,80}\(@\w{1,30}\)\s+"
    r"(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4})"
)


def post_spans(text: str) -> list[tuple[int, int, date]]:
    """(start, end, day) of each embedded post: from the start of its paragraph (or the end of
    the previous post) to its signature, with the day the signature gives."""
    spans: list[tuple[int, int, date]] = []
    previous_end = 0
    for match in SIGNATURE.finditer(text):
        day = _signature_day(match.group("date"))
        if day is not None:
            start = max(text.rfind("\n", 0, match.start()) + 1, previous_end)
            spans.append((start, match.start(), day))
        previous_end = match.end()
    return spans


def base_at(spans: list[tuple[int, int, date]], offset: int, default: date | None) -> date | None:
    """The base of the sentence starting at ``offset``: its post's day, else ``default``."""
    index = bisect_right([s[0] for s in spans], offset) - 1
    if index >= 0 and spans[index][0] <= offset < spans[index][1]:
        return spans[index][2]
    return default


def _signature_day(written: str) -> date | None:
    cleaned = re.sub(r"\s+", " ", written.replace(".", ""))
    month, day, year = cleaned.replace(",", "").split(" ")
    for pattern in ("%B %d %Y", "%b %d %Y"):
        try:
            return datetime.strptime(f"{month} {day} {year}", pattern).date()
        except ValueError:
            continue
    if month.lower().startswith("sept"):
        return _signature_day(f"Sep {day}, {year}")
    return None
