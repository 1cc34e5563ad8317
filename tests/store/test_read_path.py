"""The fast read path of the API, on every backend: records read straight from rows equal
``event_to_dict`` of the events, and a box looked up through the 1-degree cell index (migration 6,
with the page's rows read after ordering in the index) returns exactly what the plain
latitude/longitude test returns, in order."""
# ruff: noqa: F811

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conflictscope.models import Event
from conflictscope.serialize import event_to_dict
from conflictscope.store import EventQuery, Store
from conflictscope.store.query import MAX_BOX_CELLS, box_cells, sort_value

from .backends import postgres_url, store, store_url  # noqa: F401
from .strategies import events as event_strategy
from .test_contract import V1, make_article, make_event

SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(data=st.data())
def test_records_from_rows_equal_the_events_as_dicts(store: Store, data: st.DataObject) -> None:
    art = make_article(data.draw(st.integers(0, 10**9)))
    drawn = data.draw(st.lists(event_strategy(article_id=art.id), max_size=4,
                               unique_by=lambda e: e.event_id))
    events = [replace(e, scope=data.draw(st.sampled_from(["", "violent-crime"])),
                      corrected=tuple(data.draw(st.lists(st.sampled_from(["fatalities", "actor1"]),
                                                         max_size=2, unique=True))))
              for e in drawn]
    store.save_article(art, events, pipeline_version=V1)
    for mentions in (True, False):
        for sort in ("date", "-confidence", "id"):
            query = EventQuery(article_id=art.id, mentions=mentions, sort=sort)
            records, expected = store.event_records(query), [event_to_dict(e) for e in store.events(query)]
            assert records == expected
            assert [list(r) for r in records] == [list(d) for d in expected]  # same key order
    assert {r["event_id"]: r for r in store.event_records(EventQuery(article_id=art.id, mentions=True))} \
        == {e.event_id: event_to_dict(e) for e in events}


def test_a_row_with_a_field_this_code_does_not_know_is_read_through_the_event(store: Store) -> None:
    art = make_article(7)
    event = make_event(art)
    store.save_article(art, [event], pipeline_version=V1)
    store._exec("UPDATE events SET nested = ? WHERE event_id = ?",  # type: ignore[attr-defined]
                ('{"sources": [], "a_later_field": 1}', event.event_id))
    query = EventQuery(mentions=True)
    assert store.event_records(query) == [event_to_dict(e) for e in store.events(query)]


# -- boxes through the cell index ---------------------------------------------------------
# Points and box edges crowd integer degrees (the cell edges), on both sides of 0.
coordinate = st.one_of(st.integers(-3, 3).map(float), st.floats(-3.5, 3.5),
                       st.integers(-7, 7).map(lambda n: n / 2))
boxes = st.tuples(coordinate, coordinate, coordinate, coordinate).map(
    lambda b: (min(b[0], b[2]), min(b[1], b[3]), max(b[0], b[2]), max(b[1], b[3])))
wide_boxes = st.tuples(st.floats(-180, 0), st.floats(-90, 0), st.floats(5, 360), st.floats(5, 180)).map(
    lambda b: (b[0], b[1], b[0] + b[2], b[1] + b[3]))


def _inside(event: Event, box: tuple[float, float, float, float]) -> bool:
    return (event.latitude is not None and event.longitude is not None
            and box[1] <= event.latitude <= box[3] and box[0] <= event.longitude <= box[2])


def _ordered(events: list[Event], sort: str) -> list[Event]:
    key = lambda e: (sort_value(e, sort) is not None, sort_value(e, sort) or 0, e.event_id)  # noqa: E731
    return sorted(events, key=key, reverse=sort.startswith("-"))


@SETTINGS
@given(points=st.lists(st.tuples(coordinate, coordinate), min_size=1, max_size=12),
       box=st.one_of(boxes, wide_boxes), sort=st.sampled_from(["date", "-date", "-deaths", "id"]),
       limit=st.integers(1, 6), seed=st.integers(0, 10**9))
def test_a_box_by_cell_returns_what_the_plain_test_returns(
        store: Store, points: list[tuple[float, float]], box: tuple[float, float, float, float],
        sort: str, limit: int, seed: int) -> None:
    art = make_article(seed)
    store.bulk_insert_events([make_event(art, n, latitude=lat, longitude=lon, fatalities=n % 3 or None,
                                         event_date=date(2016, 1, 1 + n % 4))
                              for n, (lat, lon) in enumerate(points)])
    everything = list(store.events(EventQuery()))  # canonical events: the oracle filters them
    expected = _ordered([e for e in everything if _inside(e, box)], sort)
    query = EventQuery(bbox=box, sort=sort)
    assert [e.event_id for e in store.events(query)] == [e.event_id for e in expected]
    assert store.count_events(query) == len(expected)
    page = replace(query, limit=limit)  # a page: ordered and cut in the index, then read
    assert [e.event_id for e in store.events(page)] == [e.event_id for e in expected[:limit]]
    assert store.event_records(page) == [event_to_dict(e) for e in expected[:limit]]
    if len(expected) > limit:  # the next page after the cursor
        last = expected[limit - 1]
        after = replace(page, after=(sort_value(last, sort), last.event_id))
        assert [e.event_id for e in store.events(after)] == [
            e.event_id for e in expected[limit:2 * limit]]


def test_box_cells_cover_the_box_in_each_dialect() -> None:
    assert box_cells((0.5, 0.5, 1.5, 1.5), "sqlite") == [90 * 360 + 180, 90 * 360 + 181,
                                                         91 * 360 + 180, 91 * 360 + 181]
    # SQLite's CAST truncates toward zero, PostgreSQL's FLOOR does not: below -90 / -180 only
    assert box_cells((-180.5, -90.5, -180.2, -90.2), "sqlite") == [0]
    assert box_cells((-180.5, -90.5, -180.2, -90.2), "postgresql") == [-360 - 1]
    assert box_cells((0.0, 0.0, 20.0, 20.0), "sqlite") is None  # 441 cells > MAX_BOX_CELLS
    assert MAX_BOX_CELLS >= 4
    assert box_cells((0.0, 0.0, 1e308, 1.0), "sqlite") is None


def test_a_small_box_is_answered_by_the_cell_index(store: Store) -> None:
    art = make_article(3)
    store.bulk_insert_events([make_event(art, n, latitude=34.0 + n / 10, longitude=38.0 + n / 10)
                              for n in range(20)])
    query = EventQuery(bbox=(38.2, 34.1, 39.2, 35.1), limit=5)
    from conflictscope.store.query import select_sql

    sql, params = select_sql(query, "e.event_id", dialect=store.dialect)  # type: ignore[attr-defined]
    if store.url.startswith("postgres"):  # the planner weighs both indexes by its statistics:
        # here only check that the index holds the expression the query repeats
        found = store._one("SELECT indexdef FROM pg_indexes "  # type: ignore[attr-defined]
                           "WHERE indexname = 'canonical_cell'")
        assert found is not None and "floor((latitude + (90.0)" in found[0].replace("::double precision", ""), found
    else:
        plan = " ".join(str(r[-1]) for r in store._all(  # type: ignore[attr-defined]
            "EXPLAIN QUERY PLAN " + sql, params))
        assert "canonical_cell" in plan, plan
    assert [e.event_id for e in store.events(query)] == [
        e.event_id for e in _ordered([e for e in store.events(EventQuery()) if _inside(e, query.bbox)],
                                     "date")[:5]]  # type: ignore[arg-type]
