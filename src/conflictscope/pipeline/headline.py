"""The headline's places: the report's focus, as its title names it.

A headline is not part of the text the places come from, so a town or region of the
text counts when the headline writes one of the text's spellings of it, and countries
count when the headline names them or uses their demonym. Used by the main-place
salience of :mod:`conflictscope.pipeline.places`.
"""

from __future__ import annotations

from collections import defaultdict

import regex as re

from conflictscope.gazetteer.index import get_gazetteer
from conflictscope.models import PlaceMention

#: Salience a town or region (and its country) gains when the headline names it; a country
#: the headline names or whose demonym it uses ("Belarusian journalist held") gains ``TITLE_COUNTRY``.
TITLE_BONUS, TITLE_COUNTRY = 1.5, 1.5


def title_cues(title: str, mentions: tuple[PlaceMention, ...], first: dict[str, PlaceMention],
               salience: dict[str, float], countries: dict[str, float]) -> None:
    """The headline names the report's focus: a town or region of the text it names gains salience.

    The headline is not part of the text the places come from, so a place counts when the
    headline writes one of the text's spellings of it. Countries come from
    :func:`title_countries`. A hyphenated pair ("US-Mexico border") is no focus.
    """
    if not title:
        return
    spellings: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        if mention.place.feature in {"country", "continent", "region"}:
            continue
        key = mention.place.gazetteer_id or mention.place.name
        spellings[key].add(mention.span.text.casefold())
    folded = title.casefold()
    for key, names in spellings.items():
        if key in first and any(re.search(rf"(?<![\p{{L}}\p{{N}}\-]){re.escape(n)}(?![\p{{L}}\p{{N}}\-])",
                                          folded) for n in names if len(n) > 2):
            salience[key] += TITLE_BONUS
            countries[first[key].place.iso3] += TITLE_BONUS * 0.8


_TITLE_WORD = re.compile(r"(?<![\p{L}\-])\p{Lu}[\p{L}.’']*(?![\p{L}\-])")


def title_countries(title: str) -> list[str]:
    """ISO3 codes of the countries a headline names by name or demonym.

    "Belarus closing Canadian embassy" -> BLR, CAN; "Pakistani media faces threats" -> PAK.
    Runs of up to three capitalised words are looked up exactly (no fuzzy match); a word
    joined by a hyphen ("US-Mexico border") names no focus.
    """
    from conflictscope.gazetteer.demonyms import demonym_country
    from conflictscope.gazetteer.index import FUZZY

    if not title:
        return []
    gazetteer = get_gazetteer()
    words = list(_TITLE_WORD.finditer(title))
    found: list[str] = []
    used: set[int] = set()
    for size in (3, 2, 1):
        for first in range(len(words) - size + 1):
            run = words[first:first + size]
            if any(i in used for i in range(first, first + size)) or any(
                    title[a.end():b.start()] != " " for a, b in zip(run, run[1:], strict=False)):
                continue
            text = title[run[0].start():run[-1].end()].strip(".’'")
            entry = None
            cc = demonym_country(text) if size == 1 else None
            if cc:
                entry = gazetteer.country(cc)
            else:
                for match in gazetteer.lookup(text, False)[:1]:
                    if match.kind != FUZZY and match.entry.feature == "country":
                        entry = match.entry
            if entry is not None:
                found.append(entry.iso3)
                used.update(range(first, first + size))
    return found
