"""Deaths and sources on the seed report (../shared/seeds), with hand-placed candidates.

The seed is third-party text: it is read from ../shared, never copied; without it
these tests are skipped.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conflictscope.document import AnalyzedArticle
from conflictscope.pipeline.attribution import attribution
from conflictscope.pipeline.fatalities import fatalities

from .helpers import candidate, with_candidates

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "palmyra-2016-12-11.txt"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="../shared/seeds is not there")

# (trigger, event type, sub-event type)
TRIGGERS = [
    ("re-entered", "Battles", "Non-state actor overtakes territory"),
    ("fought", "Battles", "Armed clash"),
    ("hands", "Battles", "Non-state actor overtakes territory"),
    ("killed", "Battles", "Armed clash"),
    ("fleeing", "Strategic developments", "Non-violent transfer of territory"),
    ("seized", "Battles", "Non-state actor overtakes territory"),
    ("reached", "Battles", "Non-state actor overtakes territory"),
    ("beheaded", "Violence against civilians", "Attack"),
]


@pytest.fixture(scope="module")
def seed(parse) -> dict[str, object]:  # type: ignore[no-untyped-def]
    analyzed: AnalyzedArticle = parse(SEED.read_text(encoding="utf-8"), "2016-12-11")
    candidates = [
        candidate(analyzed, t, event_type=e, sub_event_type=s) for t, e, s in TRIGGERS
    ]
    result = attribution(fatalities(with_candidates(analyzed, *candidates)))
    return {c.trigger.text: c for c in result.candidates}


def test_fifty_government_deaths_from_reports(seed) -> None:  # type: ignore[no-untyped-def]
    deaths = seed["killed"].fatalities
    assert (deaths.low, deaths.best, deaths.high) == (45, 50, 55)
    assert deaths.side == "Syrian troops"
    assert deaths.attributed_to == "reports from Palmyra"


@pytest.mark.parametrize(
    ("trigger", "source", "certainty"),
    [
        ("fought", "monitoring groups", "reported"),
        ("hands", "an activist", "reported"),
        ("killed", "reports from Palmyra", "reported"),
        ("fleeing", "reports from Palmyra", "unconfirmed"),
        ("seized", "Palmyra Co-ordination Collective", "reported"),
        ("reached", "Syrian Observatory for Human Rights", "reported"),
        ("re-entered", None, "reported"),
    ],
)
def test_seed_sources(seed, trigger: str, source: str | None, certainty: str) -> None:  # type: ignore[no-untyped-def]
    found = seed[trigger].attribution
    assert (found.attributed_to, found.certainty) == (source, certainty)


def test_unconfirmed_flight_has_lower_confidence(seed) -> None:  # type: ignore[no-untyped-def]
    assert seed["fleeing"].confidence < seed["killed"].confidence


def test_beheading_is_one_death(seed) -> None:  # type: ignore[no-untyped-def]
    assert seed["beheaded"].fatalities.best == 1
    assert seed["fleeing"].fatalities is None
