"""The indexed look-up of a mention's candidates (``store/mention_rows.py``) is complete: every
stored mention whose date window overlaps the new one's is found, whatever tiers the two windows
are filed under (tiers 5 and 6 came after 0-4)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from conflictscope.merge.compare import window
from conflictscope.merge.mention import mention_of
from conflictscope.models import Event, Span
from conflictscope.store import open_store
from conflictscope.store.mention_rows import BOUNDED_TIERS, candidate_statement, tier_of
from conflictscope.store.merging import article_of_event

DAY = date(2016, 6, 1)


@st.composite
def dated_events(draw: st.DrawFn, n: int) -> Event:
    """An event with a date span of 0-450 days (any precision, stated or not), no place."""
    start = DAY + timedelta(days=draw(st.integers(-60, 60)))
    end = start + timedelta(days=draw(st.sampled_from([0, 0, 1, 3, 6, 7, 9, 20, 45, 100, 200, 450])))
    stated = draw(st.booleans())
    return Event(event_id=f"look-{n}", article_id=f"look-art-{n}", pipeline_version="v",
                 event_type="Battles", sub_event_type="Armed clash", disorder_type="Political violence",
                 civilian_targeting=False, confidence=0.5, actor1="", inter1=0, country="Syria",
                 event_date=start, date_start=start, date_end=end,
                 time_precision=draw(st.sampled_from([1, 2, 3])),
                 evidence={"event_date": (Span(0, 4, "date"),)} if stated else {})


def test_every_window_length_has_one_tier_that_holds_it() -> None:
    assert [days for _, days in BOUNDED_TIERS] == sorted(days for _, days in BOUNDED_TIERS)
    for days in range(0, 500):
        tier = tier_of((DAY, DAY + timedelta(days=days)))
        bound = dict(BOUNDED_TIERS).get(tier)
        assert bound is None or days <= bound  # None: the unbounded tier (4)
    assert tier_of((DAY, DAY + timedelta(days=2))) == 5 and tier_of((DAY, DAY + timedelta(days=14))) == 6


@settings(max_examples=60, deadline=None)
@given(stored=st.lists(st.integers(0, 10**6).flatmap(dated_events), min_size=1, max_size=8,
                       unique_by=lambda e: e.event_id),
       new=dated_events(10**7))
def test_the_look_up_finds_every_stored_window_that_overlaps(stored: list[Event], new: Event) -> None:
    mine = window(mention_of(new, article_of_event(new)))
    assert mine is not None
    edge = []  # the stored windows moved to end 0-2 days into the new one: the hardest to find
    for k, event in enumerate(stored):
        other = window(mention_of(event, article_of_event(event)))
        assert other is not None
        shift = mine[0] + timedelta(days=k % 3) - other[1]
        assert event.date_start is not None and event.date_end is not None
        edge.append(replace(event, event_date=event.event_date and event.event_date + shift,
                            date_start=event.date_start + shift, date_end=event.date_end + shift))
    stored = stored[: len(stored) // 2] + edge[len(stored) // 2:]
    with open_store("memory") as store:
        store.bulk_insert_events(stored)
        sql, params = candidate_statement(mention_of(new, article_of_event(new)))
        found = {row[0] for row in store._all(sql, params)}  # type: ignore[attr-defined]
        for event in stored:
            other = window(mention_of(event, article_of_event(event)))
            assert other is not None
            if not (other[1] < mine[0] or mine[1] < other[0]):
                assert event.event_id in found
