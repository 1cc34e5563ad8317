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


#: The names the evaluation's own alias list held before it read the one table.
EVALUATION_ALIASES = {
    "usa": "USA", "us": "USA", "u s": "USA", "america": "USA", "united states of america": "USA",
    "uk": "GBR", "britain": "GBR", "great britain": "GBR", "england": "GBR", "scotland": "GBR",
    "wales": "GBR", "northern ireland": "GBR", "prc": "CHN", "russian federation": "RUS",
    "drc": "COD", "dr congo": "COD", "congo kinshasa": "COD", "congo brazzaville": "COG",
    "cote divoire": "CIV", "burma": "MMR", "palestine": "PSE", "gaza": "PSE", "west bank": "PSE",
    "czech republic": "CZE", "swaziland": "SWZ", "turkiye": "TUR", "macedonia": "MKD",
    "east timor": "TLS", "timor leste": "TLS", "cape verde": "CPV", "netherlands": "NLD",
    "holland": "NLD", "bosnia": "BIH", "korea": "KOR", "syrian arab republic": "SYR", "uae": "ARE",
}


def test_every_name_gets_one_iso3_and_the_evaluation_reads_the_one_table() -> None:
    folded: dict[str, set[str]] = {}
    for name, iso3 in country_names().items():
        folded.setdefault(normalize.norm(name), set()).add(iso3)
    for alias, iso3 in EVALUATION_ALIASES.items():
        assert folded.get(normalize.norm(alias)) == {iso3}, alias
        assert normalize.country_code(alias) == iso3, alias
    assert country_names()["DRC"] == "COD" and country_names()["sa"] == "ZAF"
