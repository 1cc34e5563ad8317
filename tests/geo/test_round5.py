"""Round 5: a region named like a country follows the report; plural acronyms are no places."""

from __future__ import annotations

import pytest

from conflictscope.gazetteer.index import Gazetteer
from conflictscope.gazetteer.recognize import _allowed
from conflictscope.gazetteer.resolve import Resolver, Toponym
from conflictscope.models import Span


def _toponyms(*names: str) -> list[Toponym]:
    toponyms, offset = [], 0
    for name in names:
        toponyms.append(Toponym(Span(offset, offset + len(name), name), name, 1.0))
        offset += len(name) + 10
    return toponyms


@pytest.mark.parametrize("name", ["JWs", "IDPs", "NGOs", "MPs"])
def test_plural_acronyms_are_not_places(name: str) -> None:
    assert not _allowed(name, "the release of 80 ", weak=False, lower_words=frozenset())


@pytest.mark.parametrize("name", ["Jos", "USA", "Kagara"])
def test_ordinary_names_are_still_allowed(name: str) -> None:
    assert _allowed(name, "in ", weak=False, lower_words=frozenset())


@pytest.mark.slow
@pytest.mark.parametrize(
    ("names", "target", "feature", "cc"),
    [
        # the report is about Nigeria: "Niger" is its Niger State
        (("Abuja", "Minna", "Niger"), "Niger", "admin1", "NG"),
        # a report on Niger the country keeps the country
        (("Niamey", "Zinder", "Niger"), "Niger", "country", "NE"),
        # Georgia in a US report is the state, in a report from Tbilisi the country
        (("Atlanta", "Savannah", "Georgia"), "Georgia", "admin1", "US"),
        (("Tbilisi", "Batumi", "Georgia"), "Georgia", "country", "GE"),
        # a Nigerian report naming the neighbours: Niger is the country
        (("Maiduguri", "Chad", "Cameroon", "Niger"), "Niger", "country", "NE"),
    ],
)
def test_a_region_named_like_a_country_follows_the_report(
    real_gazetteer: Gazetteer, names: tuple[str, ...], target: str, feature: str, cc: str
) -> None:
    toponyms = _toponyms(*names)
    resolved = Resolver(real_gazetteer).resolve(toponyms)
    found = next(r for r in resolved if r is not None and r.toponym.name == target)
    assert (found.match.entry.feature, found.match.entry.cc) == (feature, cc)
