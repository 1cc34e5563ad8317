"""Country names two countries share ("Congo"): the report's other places decide."""

from __future__ import annotations

import pytest

from conflictscope.gazetteer.index import get_gazetteer
from conflictscope.gazetteer.resolve import Resolver, Toponym
from conflictscope.models import Span


def resolve_first(*names: str) -> str:
    toponyms = [Toponym(Span(0, len(n), n), n) for n in names]
    resolved = Resolver(get_gazetteer()).resolve(toponyms)[0]
    assert resolved is not None
    return resolved.match.entry.cc


@pytest.mark.parametrize(
    ("names", "country"),
    [
        (("Congo", "Goma", "Rutshuru"), "CD"),
        (("Congo", "Brazzaville", "Pointe-Noire"), "CG"),
        (("DR Congo",), "CD"),
        (("DRC",), "CD"),
        (("Congo-Brazzaville",), "CG"),
    ],
)
def test_shared_country_name_follows_context(names: tuple[str, ...], country: str) -> None:
    assert resolve_first(*names) == country
