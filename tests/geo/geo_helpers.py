"""Helpers shared by the geo tests: a stand-in gazetteer entry, Tadmur found by its other name,
a report about Palmyra, and the names and countries recognition and geoparsing find in a text."""

from __future__ import annotations

from collections.abc import Callable

from conflictscope.document import AnalyzedArticle
from conflictscope.gazetteer.geoparse import exact_name, geoparse, known_name
from conflictscope.gazetteer.index import Entry, Gazetteer, Match
from conflictscope.gazetteer.recognize import find_toponyms

#: A report about Palmyra (in Homs province, Syria) with an arrest in Syria and a protest abroad.
REPORT_ON_PALMYRA = (
    "Fighters stormed Palmyra on Sunday, seizing the desert city.\n\n"
    "Palmyra lies in Homs province. Residents of Palmyra fled towards Homs.\n\n"
    "Police later arrested three activists in Syria.\n\n"
    "Crowds protested over a killing in Iraq outside the museum in Palmyra."
)


def stub_entry(name: str, feature: str, cc: str, population: int) -> Entry:
    """A gazetteer entry with only a name, feature, country and population."""
    return Entry(1, "test:1", name, feature, cc, "", "", "", "", 0, 0, 0.0, 0.0, population)


def tadmur_by_other_name(gazetteer: Gazetteer) -> Match:
    """Tadmur as found by its other name "Tadmor" (an alternate match), to vary in a test."""
    (tadmur,) = [m for m in gazetteer.lookup("Tadmor") if m.entry.name == "Tadmur"]
    return tadmur


def toponym_names(parse: Callable[..., AnalyzedArticle], gazetteer: Gazetteer, text: str) -> set[str]:
    """The names recognition finds in ``text`` (with the gazetteer's known and exact names)."""
    toponyms, _ = find_toponyms(parse(text), known=known_name(gazetteer), exact=exact_name(gazetteer))
    return {t.name for t in toponyms}


def found_countries(parse: Callable[..., AnalyzedArticle], gazetteer: Gazetteer, text: str) -> dict[str, str]:
    """Each place geoparsing finds in ``text``, as written, with its country."""
    return {m.span.text: m.place.country for m in geoparse(parse(text), gazetteer).places}
