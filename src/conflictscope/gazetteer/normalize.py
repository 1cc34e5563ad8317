"""Name keys for the gazetteer: one exact key and one loose "skeleton" key per name.

``name_key`` folds case, diacritics, apostrophes and hyphens, so "Deir ez-Zor",
"DEIR EZ ZOR" and "Deïr ez-Zor" share a key. ``skeleton_key`` is a deliberately
lossy key for transliteration variants: it drops Arabic-style articles
("al-", "ez-", "ash-"), vowels, h/w/y and doubled letters, so "Deir Ezzor",
"Dayr az Zawr" and "Deir el-Zour" all become ``drzr``. Skeleton matches are
weak evidence and are only trusted after a fuzzy check of the whole name.
"""

from __future__ import annotations

import unicodedata

import regex as re

_APOSTROPHES = re.compile(r"[\u0027\u2018\u2019\u02bb\u02bc\u02be\u02bf\u0060\u00b4]")
_SEPARATORS = re.compile(r"[\p{P}\p{S}\s]+")
_LATIN = re.compile(r"^[\p{Latin}0-9 ]+$")
_ARTICLE_TEXT = "al el ar er as es az ez ad ed at et an en ash esh adh ath ul ud us"
_ARTICLES = frozenset(_ARTICLE_TEXT.split())
_DROP = str.maketrans("", "", "aeiouyhw")
_REPEATS = re.compile(r"(.)\1+")
_LETTER_MAP = str.maketrans({"q": "k", "c": "k", "j": "g", "x": "ks"})


def strip_accents(text: str) -> str:
    """``text`` with combining marks removed (Ḩimş -> Hims)."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_key(text: str) -> str:
    """The exact lookup key of a name: folded case, no accents, no punctuation."""
    folded = strip_accents(_APOSTROPHES.sub("", text)).casefold()
    folded = folded.replace("ß", "ss").replace("ø", "o").replace("đ", "d").replace("ł", "l")
    return " ".join(_SEPARATORS.sub(" ", folded).split())


def is_latin(key: str) -> bool:
    """Whether a key is written in Latin letters and digits only."""
    return bool(key) and _LATIN.match(key) is not None


def skeleton_key(text: str) -> str:
    """The loose transliteration key of a name ('' when it is not Latin or too short)."""
    key = name_key(text)
    if not is_latin(key):
        return ""
    words = key.split()
    kept = [w for i, w in enumerate(words) if not (w in _ARTICLES and i < len(words) - 1)]
    # a glued article: "ezzor", "alraqqa" -> "zor", "raqqa" (only on later words)
    kept = [
        w[2:] if i > 0 and len(w) > 4 and w[:2] in {"al", "el", "ez", "az", "as", "es", "ar"}
        and w[2] == w[3] else w
        for i, w in enumerate(kept)
    ]
    joined = "".join(kept)
    if not joined:
        return ""
    head, rest = joined[0], joined[1:].translate(_LETTER_MAP).translate(_DROP)
    # the first letter is kept even when it is a vowel; the rest is consonants only
    skeleton = _REPEATS.sub(r"\1", head + rest)
    return skeleton if len(skeleton) >= 3 else ""
