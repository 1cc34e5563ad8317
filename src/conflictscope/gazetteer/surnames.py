"""Names that are places elsewhere but people in a report: "Edward Snowden ... Snowden also said" is no
Leland, Mississippi (whose other name is Snowden); "said Noma." no NoMa, Washington.

Most sentences are not parsed, so spaCy's PERSON tags are missing there: these rules read the text.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from conflictscope.gazetteer.index import ALTERNATE, FUZZY, MAIN, Gazetteer
from conflictscope.gazetteer.namewords import GENERIC_WORDS
from conflictscope.gazetteer.resolve import Resolution
from conflictscope.gazetteer.spans import STRONG


def town_other_name(resolution: Resolution) -> bool:
    """One word that matched only a town's alternate name ("Snowden" for Leland, "Kobani")."""
    return (resolution.match.kind == ALTERNATE and resolution.match.entry.feature == "city"
            and " " not in resolution.toponym.name.strip())


def small_town(resolution: Resolution) -> bool:
    """One word that is a small town's own name ("Bryant" of "Kobe Bryant": Bryant, Arkansas), or a loose
    spelling of it ("Doris Lindenwald": Lindenwold, New Jersey)."""
    entry = resolution.match.entry
    return (resolution.match.kind in (MAIN, FUZZY) and entry.feature == "city" and entry.population < SMALL_TOWN
            and " " not in resolution.toponym.name.strip())


#: A town this small, named by one word the report writes as a quote's speaker, or untagged after a
#: given name, is a person there.
SMALL_TOWN = 50000


def surnames(text: str, resolutions: Sequence[Resolution | None], gazetteer: Gazetteer) -> frozenset[str]:
    """One-word names found only as a town's other name (or a small town's, untagged) that the report
    also writes after a given name ("Edward Snowden ... Snowden also said": Snowden is no Leland,
    Mississippi; "Mohammad Reza Pahlavi ... Pahlavi met" no Bandar-e Anzali; the whole run is no
    place the gazetteer knows) or as the speaker of a quote ("said Noma")."""
    found: set[str] = set()
    for resolution in resolutions:
        if resolution is None or not (town_other_name(resolution) or small_town(resolution)):
            continue
        name = resolution.toponym.name
        if name in found:
            continue
        if re.search(_SPEAKER.format(name=re.escape(name)), text):
            found.add(name)  # "said Noma", "Noma said": a speaker (was NoMa, a Washington neighbourhood)
            continue
        if not (town_other_name(resolution) or resolution.toponym.strength < STRONG):
            continue
        pattern = rf"(?<![\p{{L}}\-.])((?:\p{{Lu}}\p{{Ll}}+\s){{1,2}}){re.escape(name)}(?![\p{{L}}\-])"
        for match in re.finditer(pattern, text):
            given = match.group(1).split()
            if (any(w.lower() in NOT_GIVEN or w.lower() in GENERIC_WORDS for w in given)  # "Courthouse X"
                    or any(m.kind != FUZZY for m in gazetteer.lookup(match.group(0), False)[:3])
                    or any(m.kind != FUZZY and (len(given) > 1 or m.entry.feature != "city")
                           for m in gazetteer.lookup(given[0], False)[:3])):  # "Syria Tadmor"; not "Kobe Bryant"
                continue
            found.add(name)
            break
    return frozenset(found)


#: A one-word name as the speaker of a quote: a person, when the name is also a small town's.
#: Not "the army said Palmyra had fallen" (a reported clause) nor "Residents of Palmyra said".
_SPEAKER = (r"\b(?:said|says|asked|added)\s+{name}\s*[.,;]"
            r"|(?<![\p{{L}}\-])(?<!\b(?:of|in|from|at|near|for|to|across|around|outside|inside)\s){name}"
            r"\s+(?:said|says|told|asked|added|explained|recalled)\b")


#: Capitalised words before a name that are no given name ("In Kobani", "The Kobani", "Greater").
NOT_GIVEN = frozenset("""
    the in at of on and near from to for by with a an this that greater old new upper lower north south
    east west central northern southern eastern western downtown city town district province said says
""".split())
