"""The names of admin regions as news writes them: "Homs" for "Ḩimş" or "Homs Governorate",
"Xinjiang" for "Xinjiang Uygur Zizhiqu", "Maungdaw" for "Maungdaw District".
"""

from __future__ import annotations

from conflictscope.gazetteer.normalize import is_latin, name_key, strip_accents

#: Kinds of admin region a name may end with.
_SUFFIXES = (
    " governorate", " province", " region", " district", " state", " oblast", " county",
    " department", " prefecture", " municipality", " division", " wilaya", " muhafazah",
)


#: Words of an admin region's formal name that news leaves out ("Xinjiang Uygur Zizhiqu" -> Xinjiang).
_FORMAL_WORDS = frozenset("""
    sheng shi zizhiqu uygur uyghur huizu zhuangzu zangzu province region governorate oblast oblast'
    kray krai state district prefecture municipality autonomous okrug respublika city of the
""".split())


def display_name(name: str, aliases: list[str]) -> str:
    """A plain Latin name for an admin region, the one news writes.

    'Ḩimş' + ['Homs', ...] -> 'Homs' (the first Latin alias of a name in another script or
    with diacritics); 'Hubei Sheng' + ['Hubei', ...] -> 'Hubei', 'Belfast City' -> 'Belfast'
    (an alias that leaves out only formal words), 'Dagestan, Respublika' -> 'Dagestan'. News writes
    'Kashmir' for 'Jammu and Kashmīr'.
    """
    latin = [a.strip() for a in aliases if a.isascii() and is_latin(name_key(a))]
    if name.isascii() and name.lower().endswith(", respublika"):
        return name[: -len(", respublika")]  # "Dagestan, Respublika": GeoNames' inverted form
    if name.isascii():
        words = name.split()
        for alias in latin:
            size = len(alias.split())
            if (0 < size < len(words) and name_key(" ".join(words[:size])) == name_key(alias)
                    and all(w.lower() in _FORMAL_WORDS for w in words[size:])):
                return alias
        return name
    for alias in latin:
        lowered = alias.lower()
        for suffix in _SUFFIXES:
            if lowered.endswith(suffix) and len(alias) > len(suffix) + 2:
                return alias[: -len(suffix)].strip()
        return alias
    return strip_accents(name) if is_latin(name_key(name)) else name


#: Words that alone name no region without their kind ("North East District" of Delhi is no "North East").
_BARE_TOO_VAGUE = frozenset("""
    north south east west central northern southern eastern western northeast northwest southeast
    southwest upper lower capital city new old greater
""".split())


#: Kinds of admin region GeoNames writes after a comma or before the name ("Dagestan, Respublika",
#: "Respublika Altay"), besides those of :data:`_SUFFIXES`.
_REPUBLIC_SUFFIXES = (", respublika", " respublika")
_REPUBLIC_PREFIXES = ("republic of ", "respublika ")


def without_suffix(*names: str) -> list[str]:
    """"Maungdaw District" -> "Maungdaw", "Dagestan, Respublika" -> "Dagestan": an admin region
    news names without its kind, when neither the source nor its aliases give that name.
    A Russian "-iya" stem is also written the English way ("Ingushetiya" -> "Ingushetia")."""
    bare: list[str] = []
    for name in names:
        lowered = name.lower()
        suffix = next((s for s in (*_REPUBLIC_SUFFIXES, *_SUFFIXES) if lowered.endswith(s)), "")
        prefix = next((p for p in _REPUBLIC_PREFIXES if lowered.startswith(p)), "")
        stem = (name[: -len(suffix)] if suffix else name[len(prefix):] if prefix else "").strip()
        if (len(stem) >= 4 and name.isascii()
                and not set(stem.lower().replace("-", " ").split()) <= _BARE_TOO_VAGUE):
            bare.append(stem)
            if stem.endswith("iya"):
                bare.append(stem[:-3] + "ia")
    return bare
