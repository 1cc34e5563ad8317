"""Lower-casing that keeps every character where it was.

Rules read lower-cased text and map a match's offsets back into the original. Python's
``str.lower`` turns one character into two: the dotted capital I of Turkish and Azerbaijani
names ("İmamoğlu" becomes "i̇mamoğlu", an ``i`` and a combining dot), which shifts every
offset after it by one, so a trigger found in the lowered text would point one character
off in the report ("anned" for "banned").
"""

from __future__ import annotations

#: The only character whose lower case is longer than itself (U+0130).
_DOTTED_CAPITAL_I = "\u0130"


def lower_keeping_offsets(text: str) -> str:
    """``text.lower()`` with the same length as ``text``: a match's offsets in it are offsets in ``text``.

    The dotted capital I becomes a plain ``i``.
    """
    if _DOTTED_CAPITAL_I in text:
        text = text.replace(_DOTTED_CAPITAL_I, "i")
    return text.lower()
