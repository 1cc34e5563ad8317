"""Round 8: a name after "the island/city/town of" is a place, whatever its NER label."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conflictscope.gazetteer.index import Gazetteer
from conflictscope.gazetteer.recognize import NAMED_SETTLEMENT, find_toponyms
from conflictscope.pipeline.base import AnalyzedArticle
from conflictscope.pipeline.places import places

_MYKONOS = ("A Lebanese man accused of the 1985 hijacking of a plane in Beirut has been arrested in Greece, "
            "police said on Saturday. Lebanon and the United States had sought him for decades. "
            "The 65-year-old was spotted by policemen in the island of Mykonos and detained on Thursday.")


def test_a_name_after_the_island_of_is_a_strong_toponym(parse: Callable[..., AnalyzedArticle],
                                                       use_tiny: Gazetteer) -> None:
    toponyms, _ = find_toponyms(parse(_MYKONOS))
    mykonos = next(t for t in toponyms if t.name == "Mykonos")
    assert (mykonos.hint, mykonos.strength >= NAMED_SETTLEMENT) == ("city", True)


@pytest.mark.slow
def test_the_island_of_mykonos_is_placed_though_spacy_calls_it_a_person(
        parse: Callable[..., AnalyzedArticle], real_gazetteer: Gazetteer) -> None:
    # spaCy tags "Mykonos" PERSON: the name was dropped, and the arrest placed in Beirut
    found = places(parse(_MYKONOS)).places
    assert ("Mykonos", "Greece") in [(m.place.name, m.place.country) for m in found]
