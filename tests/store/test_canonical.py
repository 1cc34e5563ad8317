"""Canonical events in the store, on every backend: clustering inside save_article, order
independence (Hypothesis over permutations), incremental == batch (the pure merge core),
cannot-link within one article, re-extraction, removal, provenance."""
# ruff: noqa: F811

from __future__ import annotations

from dataclasses import replace
from datetime import date
from random import Random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conflictscope.merge import cluster, mention_of
from conflictscope.models import Article, Event, Source
from conflictscope.store import EventQuery, Store

from .backends import postgres_url, store, store_url  # noqa: F401
from .test_contract import V1, V2, make_event

#: Our own short reports: (id, publisher, day of December 2016, text).
TOWNS = {"Palmyra": (34.56, 38.28), "Qaryatayn": (34.23, 37.24)}


def article(n: int, publisher: str, day: int = 12, text: str = "") -> Article:
    return Article(id=f"r{n}", text=text or f"Report {n}.", published=date(2016, 12, day),
                   publisher=publisher, title=f"Report {n}")


def event(art: Article, n: int, *, town: str = "Palmyra", day: int = 11, notes: str = "",
          sub: str = "Non-state actor overtakes territory", **kw: object) -> Event:
    lat, lon = TOWNS[town]
    base = make_event(art, n, location=town, latitude=lat, longitude=lon, event_date=date(2016, 12, day),
                      date_start=date(2016, 12, day), date_end=date(2016, 12, day),
                      event_type="Strategic developments", sub_event_type=sub, actor2="", inter2=0,
                      notes=notes or f"Islamic State fighters took control of {town}.", fatalities=None,
                      fatalities_low=None, fatalities_best=None, fatalities_high=None,
                      sources=(Source(art.id, art.publisher, "", art.published),), evidence={})
    return replace(base, **kw)  # type: ignore[arg-type]


def test_reports_of_one_event_make_one_canonical_event_with_every_source(store: Store) -> None:
    one, two = article(1, "Outlet One"), article(2, "Outlet Two")
    store.save_article(one, [event(one, 0, fatalities=4)], pipeline_version=V1)
    store.save_article(two, [event(two, 0, fatalities=6)], pipeline_version=V1)
    found = list(store.events())
    assert len(found) == 1 and store.count_events(EventQuery(mentions=True)) == 2
    merged = found[0]
    assert merged.event_id == min(f"{a.id}-ev0" for a in (one, two))
    assert {s.publisher for s in merged.sources} == {"Outlet One", "Outlet Two"}
    assert merged.fatalities == 4 and (merged.fatalities_low, merged.fatalities_high) == (4, 6)
    view = store.event_cluster(merged.event_id)
    assert view is not None and [e.event_id for e in view.mentions] == ["r1-ev0", "r2-ev0"]
    assert view.provenance["source_count"] == 2
    assert view.provenance["fields"]["fatalities"]["mention_id"] == "r1-ev0"
    assert view.provenance["fields"]["location"]["article_id"] in {"r1", "r2"}
    # a mention id finds its cluster too
    other = store.event_cluster("r2-ev0")
    assert other is not None and other.event.event_id == merged.event_id


def test_one_reports_distinct_events_never_share_a_cluster_even_through_a_chain(store: Store) -> None:
    # report 1 tells the takeover and, apart, an attack the same week in the same town with the
    # same words; report 2 tells the takeover and links to both; report 3 links to report 1's attack
    text = "Islamic State fighters took control of Palmyra after heavy fighting."
    one, two, three = article(1, "One"), article(2, "Two"), article(3, "Three")
    store.save_article(one, [event(one, 0, notes=text), event(one, 1, day=10, notes=text)],
                       pipeline_version=V1)
    store.save_article(two, [event(two, 0, notes=text)], pipeline_version=V1)
    store.save_article(three, [event(three, 0, day=10, notes=text)], pipeline_version=V1)
    for view in map(store.event_cluster, (e.event_id for e in store.events())):
        assert view is not None
        articles = [m.article_id for m in view.mentions]
        assert len(articles) == len(set(articles))
    assert store.count_events() == 2


def test_re_extraction_replaces_mentions_and_re_clusters(store: Store) -> None:
    one, two, far = article(1, "One"), article(2, "Two"), article(3, "Three")
    store.save_article(one, [event(one, 0)], pipeline_version=V1)
    store.save_article(two, [event(two, 0)], pipeline_version=V1)
    store.save_article(far, [event(far, 0, town="Qaryatayn")], pipeline_version=V1)
    assert store.count_events() == 2
    # a new pipeline reads report 2 as telling Qaryatayn's takeover: it moves cluster
    store.save_article(two, [event(two, 7, town="Qaryatayn", pipeline_version=V2)], pipeline_version=V2)
    views = {e.location: store.event_cluster(e.event_id) for e in store.events()}
    assert {k: [m.event_id for m in v.mentions] for k, v in views.items() if v} == {
        "Palmyra": ["r1-ev0"], "Qaryatayn": ["r2-ev7", "r3-ev0"]}
    store.delete_article("r3")
    assert sorted(e.event_id for e in store.events()) == ["r1-ev0", "r2-ev7"]
    assert store.get_article("r3") is None


#: Reports of our own: a takeover told three ways, another town's takeover, an attack.
STORIES = [
    ("Islamic State fighters took control of Palmyra", "Palmyra", 11, "Non-state actor overtakes territory"),
    ("Palmyra fell to Islamic State militants on Sunday", "Palmyra", 11, "Non-state actor overtakes territory"),
    ("Jihadists seized the ancient city of Palmyra", "Palmyra", 11, "Non-state actor overtakes territory"),
    ("Islamic State fighters took control of Qaryatayn", "Qaryatayn", 11, "Non-state actor overtakes territory"),
    ("Islamic State fighters attacked army positions near Palmyra", "Palmyra", 7,
     "Non-state actor overtakes territory"),
]


@st.composite
def reports(draw: st.DrawFn) -> list[tuple[Article, list[Event]]]:
    count = draw(st.integers(1, 6))
    out = []
    for n in range(count):
        art = article(n, draw(st.sampled_from(["One", "Two", "Three", ""])), day=draw(st.integers(11, 13)))
        picks = draw(st.lists(st.integers(0, len(STORIES) - 1), min_size=1, max_size=3, unique=True))
        events = []
        for k, story in enumerate(picks):
            notes, town, day, sub = STORIES[story]
            events.append(event(art, k, town=town, day=day, notes=notes, sub=sub,
                                fatalities=draw(st.none() | st.integers(0, 3)),
                                is_background=draw(st.booleans()) and day == 7))
        out.append((art, events))
    return out


def _clear(store: Store) -> None:
    for stored in list(store.articles()):
        store.delete_article(stored.article.id)
    assert store.count_events() == 0 and store.count_events(EventQuery(mentions=True)) == 0


def _state(store: Store) -> list[tuple[str, tuple[str, ...], str]]:
    out = []
    for merged in store.events():
        view = store.event_cluster(merged.event_id)
        assert view is not None
        out.append((merged.event_id, tuple(m.event_id for m in view.mentions), repr(merged)))
    return out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(stories=reports(), rng=st.randoms(use_true_random=False))
def test_canonical_events_do_not_depend_on_the_order_and_equal_the_batch_clustering(
    store: Store, stories: list[tuple[Article, list[Event]]], rng: Random
) -> None:
    _clear(store)
    for art, events in stories:
        store.save_article(art, events, pipeline_version=V1)
    first = _state(store)
    # the pure merge core, all mentions at once
    batch = cluster([mention_of(e, art) for art, events in stories for e in events])
    assert sorted(tuple(batch.members[name]) for name in batch.members) == sorted(m for _, m, _ in first)
    for members in (m for _, m, _ in first):
        assert len({mid.split("-")[0] for mid in members}) == len(members)  # cannot-link
    _clear(store)
    shuffled = list(stories)
    rng.shuffle(shuffled)
    for art, events in shuffled:
        store.save_article(art, events, pipeline_version=V1)
    assert _state(store) == first
    # re-running (same version) and re-saving an article changes nothing
    art, events = shuffled[0]
    store.save_article(art, events, pipeline_version=V1)
    assert _state(store) == first


def test_bulk_inserted_events_are_clustered_and_a_migrated_store_is_backfilled(store: Store) -> None:
    one, two = article(1, "One"), article(2, "Two")
    store.bulk_insert_events([event(one, 0), event(two, 0)])
    assert store.count_events() == 1
    three = article(3, "Three")
    store.bulk_insert_events([event(three, 0)], merge=False)
    assert store.count_events(EventQuery(mentions=True)) == 3
    assert store.backfill_mentions() == 1
    view = store.event_cluster("r1-ev0")
    assert view is not None and len(view.mentions) == 3


def test_analyst_overrides_survive_re_clustering_re_ingest_and_re_extraction(store: Store) -> None:
    one, two, far, late = article(1, "One"), article(2, "Two"), article(3, "Three"), article(4, "Four")
    store.save_article(one, [event(one, 0)], pipeline_version=V1)
    store.save_article(two, [event(two, 0)], pipeline_version=V1)
    store.save_article(far, [event(far, 0, town="Qaryatayn")], pipeline_version=V1)
    assert store.count_events() == 2
    merged = store.merge_events("r1-ev0", "r3-ev0", reason="same takeover, misplaced", author="ana")
    assert store.count_events() == 1
    split = store.split_event("r1-ev0", ["r2-ev0"], reason="report 2 is a rumour", author="ben")
    names = {e.event_id: [m.event_id for m in store.event_cluster(e.event_id).mentions]  # type: ignore[union-attr]
             for e in store.events()}
    assert names == {"r1-ev0": ["r1-ev0", "r3-ev0"], "r2-ev0": ["r2-ev0"]}
    assert [(o.kind, o.author, o.reason) for o in store.overrides()] == [
        ("merge", "ana", "same takeover, misplaced"), ("split", "ben", "report 2 is a rumour")]
    assert store.overrides()[0] == merged and store.overrides()[1] == split
    # re-ingest (same version), a new report linking to both sides, and re-extraction of
    # report 3 under another event id by a new pipeline version: the decisions hold
    for art, events in ((one, [event(one, 0)]), (two, [event(two, 0)]), (late, [event(late, 0)])):
        store.save_article(art, events, pipeline_version=V1)
    store.save_article(far, [event(far, 9, town="Qaryatayn", pipeline_version=V2)], pipeline_version=V2)
    clusters = sorted(tuple(m.event_id for m in store.event_cluster(e.event_id).mentions)  # type: ignore[union-attr]
                      for e in store.events())
    assert ("r2-ev0",) in clusters or any("r2-ev0" in c and "r1-ev0" not in c for c in clusters)
    assert any({"r1-ev0", "r3-ev9"} <= set(c) for c in clusters)
    assert all(not {"r1-ev0", "r2-ev0"} <= set(c) for c in clusters)
    # a later merge of the two sides wins over the split
    store.merge_events("r1-ev0", "r2-ev0", reason="confirmed after all", author="ana")
    assert store.count_events() == 1
