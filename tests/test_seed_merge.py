"""One event, many reports, on the seed (../shared/seeds, when it is there).

The seed report (read, never copied) and two reports of our own about the same takeover,
written differently and published a day later, make exactly one canonical takeover (Islamic
State takes Palmyra) with three sources, holding the three takeover mentions and none of the
seed's other events (the Dec-7 clash, the background events). A report of our own about
another town's takeover the same day stays apart. Every order of storing gives the same.
"""

from __future__ import annotations

from datetime import date
from itertools import permutations
from pathlib import Path

import pytest

from conflictscope.models import Article, Event
from conflictscope.store import EventQuery, open_store

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "palmyra-2016-12-11.txt"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="../shared/seeds is not there")

#: Reports written for this test (invented wording), published the day after the seed.
WIRE = """Jihadists retake Syria's ancient Palmyra

Islamic State militants seized control of the ancient city of Palmyra on Sunday, overrunning \
government troops who withdrew to the south of the city, a monitoring group said.

The jihadists entered the city from the north and took the citadel and the central districts \
after an offensive that lasted several days, according to the monitor.

Syrian soldiers retreated towards the T4 airbase west of the city. The loss of Palmyra is a \
heavy blow to the government, which drove the militants out of the city in March with Russian \
air support.
"""
DAILY = """Palmyra falls to IS for second time

The Islamic State group has taken over Palmyra again. Its fighters captured the city in Homs \
province on Sunday after the army pulled out, residents and activists said on Monday.

Government forces had held the desert city, known for its Roman-era ruins, since the spring. \
Activists said the militants now control the whole of Palmyra, including the old town and the \
ruins.
"""
OTHER_TOWN = """Rebels capture Syrian town near al-Bab

Turkish-backed rebel fighters took control of the town of Qabasin near al-Bab in Aleppo \
province on Sunday, pushing Islamic State militants out after days of fighting, a monitoring \
group said.
"""
TAKEOVER = "Non-state actor overtakes territory"


@pytest.fixture(scope="module")
def extracted(pipeline) -> list[tuple[Article, list[Event]]]:  # type: ignore[no-untyped-def]
    articles = [
        Article.from_text(SEED.read_text(encoding="utf-8"), id="palmyra", published=date(2016, 12, 11),
                          publisher="BBC News"),
        Article.from_text(WIRE, id="wire", published=date(2016, 12, 12), publisher="Wire Example"),
        Article.from_text(DAILY, id="daily", published=date(2016, 12, 12), publisher="Daily Example"),
        Article.from_text(OTHER_TOWN, id="other", published=date(2016, 12, 11), publisher="Regional Example"),
    ]
    return [(article, list(pipeline(article).events)) for article in articles]


def _takeovers(events: list[Event], town: str) -> list[Event]:
    return [e for e in events if e.sub_event_type == TAKEOVER and e.location == town and not e.is_background]


def test_three_reports_of_the_palmyra_takeover_make_one_canonical_event(
    extracted: list[tuple[Article, list[Event]]],
) -> None:
    by_id = dict((a.id, events) for a, events in extracted)
    seed_takeover = _takeovers(by_id["palmyra"], "Tadmur")
    assert len(seed_takeover) == 1 and len(by_id["palmyra"]) >= 3  # the seed has other events
    takeover_ids = {e.event_id for aid in ("palmyra", "wire", "daily") for e in _takeovers(by_id[aid], "Tadmur")}
    assert len(takeover_ids) == 3  # each report has one
    seen = None
    for order in permutations(extracted):
        with open_store("memory") as store:
            for article, events in order:
                store.save_article(article, events, pipeline_version="seed")
            canonical = [e for e in store.events() if e.sub_event_type == TAKEOVER and e.location == "Tadmur"
                         and not e.is_background]
            assert len(canonical) == 1
            view = store.event_cluster(canonical[0].event_id)
            assert view is not None
            assert {m.event_id for m in view.mentions} == takeover_ids
            assert view.provenance["source_count"] == 3
            assert canonical[0].actor1.startswith("Islamic State")
            assert {s.publisher for s in canonical[0].sources} == {"BBC News", "Wire Example", "Daily Example"}
            other = [e for e in store.events() if e.sub_event_type == TAKEOVER and e.location != "Tadmur"]
            assert other and all(e.article_id == "other" for e in other)
            for e in other:
                other_view = store.event_cluster(e.event_id)
                assert other_view is not None and {m.article_id for m in other_view.mentions} == {"other"}
            # the seed's other events stay apart from the takeover and from each other
            for e in by_id["palmyra"]:
                if e.event_id not in takeover_ids:
                    assert store.cluster_name(e.event_id) != canonical[0].event_id
            state = sorted((e.event_id, repr(e)) for e in store.events())
            assert store.count_events() < store.count_events(EventQuery(mentions=True))
        assert seen is None or state == seen
        seen = state
