"""Country names beyond each country's own: one home for the aliases of every user.

The country table (``data/actors/countries.json``) gives each country its name and the
aliases news uses ("DRC", "Burma", "Ivory Coast"), with both codes (ISO2 and ISO3). Here
are the names it does not hold, each once and with ISO2 codes:

* :data:`COUNTRY_ALIASES`: abbreviations and short names the gazetteer index lacks or gives a
  village first ("Korea" is a hamlet in Ivory Coast); the gazetteer reads them before its index.
* :data:`FORMAL_COUNTRY_NAMES`: official names data files use ("Russian Federation").

:func:`country_names` joins all of them with the table and gives ISO3 codes, for whoever
reads country names in data (the evaluation reads gold countries so).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

#: Country abbreviations and old or short names the gazetteer index lacks -> ISO2 (keys as
#: :func:`conflictscope.gazetteer.normalize.name_key` folds them: lower case, no punctuation).
COUNTRY_ALIASES: dict[str, str] = {
    "t t": "TT", "png": "PG", "ksa": "SA", "dprk": "KP", "rok": "KR", "prc": "CN", "sa": "ZA",
    "holland": "NL", "the netherlands": "NL", "car": "CF", "holy see": "VA",
    "drc": "CD", "dr congo": "CD", "d r congo": "CD", "congo kinshasa": "CD",
    "democratic republic of congo": "CD", "congo brazzaville": "CG",
    # short names GeoNames gives a village first ("Korea" is a hamlet in Ivory Coast)
    "korea": "KR", "bosnia": "BA", "burkina": "BF",
}

#: Official names of countries that data files use and news does not -> ISO2.
FORMAL_COUNTRY_NAMES: dict[str, str] = {
    "russian federation": "RU", "syrian arab republic": "SY", "peoples republic of china": "CN",
    "czech republic": "CZ", "northern ireland": "GB",
}


@lru_cache(maxsize=1)
def _table() -> list[dict[str, Any]]:
    raw = resources.files("conflictscope.data").joinpath("actors/countries.json").read_text("utf-8")
    countries: list[dict[str, Any]] = json.loads(raw)["countries"]
    return countries


@lru_cache(maxsize=1)
def iso3_codes() -> dict[str, str]:
    """ISO2 -> ISO3 of every country of the table."""
    return {str(c["iso2"]): str(c["iso3"]) for c in _table()}


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Every name of a country -> its ISO3: the table's names and aliases as written, then
    :data:`FORMAL_COUNTRY_NAMES` and :data:`COUNTRY_ALIASES` (folded keys; a user folds all
    keys its own way)."""
    iso3 = iso3_codes()
    names: dict[str, str] = {}
    for country in _table():
        for name in (country["name"], *(country.get("aliases") or ())):
            names.setdefault(str(name), str(country["iso3"]))
    for alias, iso2 in (*FORMAL_COUNTRY_NAMES.items(), *COUNTRY_ALIASES.items()):
        names.setdefault(alias, iso3[iso2])
    return names
