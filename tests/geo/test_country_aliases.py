"""Country aliases have one home (:mod:`conflictscope.lexicon.countries`), with one code system."""

from __future__ import annotations

from conflictscope.evaluation import normalize
from conflictscope.gazetteer import regions
from conflictscope.gazetteer.normalize import name_key
from conflictscope.lexicon.countries import (
    COUNTRY_ALIASES,
    FORMAL_COUNTRY_NAMES,
    country_names,
    iso3_codes,
)


def test_the_gazetteer_reads_the_one_alias_table() -> None:
    assert regions.COUNTRY_ALIASES is COUNTRY_ALIASES


def test_every_alias_is_folded_and_names_a_country_of_the_table() -> None:
    for alias, iso2 in (*COUNTRY_ALIASES.items(), *FORMAL_COUNTRY_NAMES.items()):
        assert name_key(alias) == alias
        assert iso2 in iso3_codes()


def test_every_name_gets_one_iso3_agreeing_with_the_evaluations_countries() -> None:
    folded: dict[str, set[str]] = {}
    for name, iso3 in country_names().items():
        folded.setdefault(normalize.norm(name), set()).add(iso3)
    # the evaluation's own list (to be read from here) agrees with the one table
    for alias, iso3 in normalize.COUNTRY_ALIASES.items():
        assert folded.get(normalize.norm(alias)) == {iso3}, alias
    assert country_names()["DRC"] == "COD" and country_names()["sa"] == "ZAF"
