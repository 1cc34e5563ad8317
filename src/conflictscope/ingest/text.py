"""Turning raw bytes and values into clean article text, with clear errors.

Every function here names the input in its error so a batch run can say exactly
which file or record was bad and carry on with the rest.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from conflictscope.errors import InputError

#: Texts longer than this are cut (with a warning) unless the caller raises it.
DEFAULT_MAX_CHARS = 5_000_000

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ENGLISH_WORDS = frozenset(
    "the of and to in a is that for on was with as by at from said were have has are it".split()
)

#: Function words of other languages written in Latin script (French, Spanish, Portuguese,
#: Italian, German, Indonesian). Some are also English words or parts of names ("do", "am",
#: the "UN", "El Fasher", "Los Angeles"), so a short text needs ``OTHER_LANGUAGE_MIN`` of them.
_OTHER_LANGUAGE_WORDS = frozenset(
    "le la les des du et est une un dans pour par sur avec au aux que qui ont selon "
    "el los las del y por con para una fue según "
    "os do da dos das em não "
    "il gli della di che è nel "
    "der das und ist nicht mit von zu ein eine im auf für am vor dem den sich auch nach bei wurde wurden "
    "yang dan di ke dari dengan untuk ini itu pada".split()
)
_SHORT_TEXT_WORDS = 40
OTHER_LANGUAGE_MIN = 2


@dataclass(frozen=True, slots=True)
class CleanText:
    """Decoded, cleaned text and what was done to it."""

    text: str
    warnings: tuple[str, ...] = ()


def parse_date(value: str | date | None, *, name: str = "publication date") -> date | None:
    """A date from ``YYYY-MM-DD`` (a time part is ignored); None stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise InputError(f"{name}: {value!r} is not a date (expected YYYY-MM-DD)") from None


def decode_bytes(
    data: bytes, *, name: str, max_chars: int | None = None, check_language: bool = True
) -> CleanText:
    """Decode ``data`` as UTF-8 text, falling back with a warning; refuse binary data.

    ``max_chars`` limits the text (None: no limit, for files of many records that
    are limited one record at a time).
    """
    if not data.strip():
        raise InputError(f"{name}: the input is empty")
    sample = data[:8192]
    if b"\x00" in sample and not _looks_utf16(sample):
        raise InputError(f"{name}: the input looks like binary data, not text")
    warnings: list[str] = []
    if _looks_utf16(sample):
        text = data.decode("utf-16", errors="replace")
        warnings.append(f"{name}: decoded as UTF-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            text = data.decode("cp1252", errors="replace")
            warnings.append(
                f"{name}: not valid UTF-8 (byte {exc.start}); decoded as Windows-1252"
            )
    cleaned = clean_text(
        text, name=name, max_chars=max_chars or len(text) + 1, check_language=check_language
    )
    return CleanText(cleaned.text, (*warnings, *cleaned.warnings))


def clean_text(
    text: str, *, name: str, max_chars: int = DEFAULT_MAX_CHARS, check_language: bool = True
) -> CleanText:
    """Normalise a decoded text: NFC, no control characters, length limit, sanity checks."""
    if not text or not text.strip():
        raise InputError(f"{name}: the text is empty")
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub(" ", text).replace("\r\n", "\n").replace("\r", "\n")
    warnings: list[str] = []
    printable = sum(ch.isprintable() or ch.isspace() for ch in text[:20000])
    if printable < 0.9 * min(len(text), 20000):
        raise InputError(f"{name}: the input looks like binary data, not text")
    if len(text) > max_chars:
        warnings.append(
            f"{name}: {len(text):,} characters; only the first {max_chars:,} are read "
            "(raise --max-chars to read all)"
        )
        text = text[:max_chars]
    if check_language and not looks_english(text):
        warnings.append(f"{name}: the text does not look like English; conflictscope reads English")
    return CleanText(text, tuple(warnings))


def looks_english(text: str) -> bool:
    """A cheap check: are common English function words frequent in the text?"""
    words = re.findall(r"[A-Za-z]+", text[:5000].lower())
    letters = sum(ch.isalpha() for ch in text[:5000])
    latin = sum(ch.isascii() and ch.isalpha() for ch in text[:5000])
    if letters and latin < 0.6 * letters:
        return False
    if len(words) < 8:
        return True  # too short to judge: give it the benefit of the doubt
    hits = sum(word in _ENGLISH_WORDS for word in words)
    if hits / len(words) >= 0.04:
        return True
    # a short English report can do without function words ("Russian forces shelled Avdiivka,
    # killing two civilians"): only another language's function words tell it is not English
    return (len(words) < _SHORT_TEXT_WORDS
            and sum(word in _OTHER_LANGUAGE_WORDS for word in words) < OTHER_LANGUAGE_MIN)


def _looks_utf16(sample: bytes) -> bool:
    return sample[:2] in (b"\xff\xfe", b"\xfe\xff")
