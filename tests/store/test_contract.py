"""The store contract: every backend must pass this suite unchanged."""
# ruff: noqa: F811

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conflictscope.errors import StoreError
from conflictscope.ingest import neardup
from conflictscope.models import Article, Event, Source, Span
from conflictscope.store import ArticleSource, EventQuery, JournalEntry, Store, open_store
from conflictscope.store.base import TextSignature
from conflictscope.store.schema import LATEST_VERSION

from .backends import postgres_url, store, store_url  # noqa: F401
from .neardup_texts import FIRST_RAID, ORIGINAL, SECOND_RAID, SYNDICATED
from .strategies import events as event_strategy

V1 = "conflictscope-0.1.0+aaaa"
V2 = "conflictscope-0.2.0+bbbb"


def make_article(n: int = 1, text: str | None = None, **kw: object) -> Article:
    body = text or f"Report {n}: fighters attacked the town of Example on Monday."
    return Article(id=f"art-{n}", text=body, published=date(2016, 12, 11), **kw)  # type: ignore[arg-type]


def make_event(article: Article, n: int = 0, **kw: object) -> Event:
    base = Event(
        event_id=f"{article.id}-ev{n}",
        article_id=article.id,
        pipeline_version=V1,
        event_type="Battles",
        sub_event_type="Armed clash",
        disorder_type="Political violence",
        civilian_targeting=False,
        confidence=0.8,
        actor1="Islamic State (Syria)",
        inter1=2,
        actor2="Military Forces of Syria (2000-)",
        inter2=1,
        assoc_actor_1=("Jaysh al-Islam",),
        interaction=12,
        country="Syria",
        iso3="SYR",
        admin1="Homs",
        location="Palmyra",
        latitude=34.56,
        longitude=38.28,
        geo_precision=1,
        where_prec=1,
        event_date=date(2016, 12, 11),
        date_start=date(2016, 12, 11),
        date_end=date(2016, 12, 11),
        time_precision=1,
        date_prec=1,
        fatalities=12,
        fatalities_low=12,
        fatalities_best=12,
        fatalities_high=12,
        sources=(Source(article.id, "Example News", "http://a.example/1", article.published,
                        "an activist", "reported"),),
        evidence={"actor1": (Span(0, 6, "Report"),)},
        notes="On 11 December 2016, fighters clashed in Palmyra.",
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def test_new_store_is_empty_and_migrated(store: Store) -> None:
    assert isinstance(store, Store)
    stats = store.stats()
    assert (stats.articles, stats.events, stats.sources) == (0, 0, 0)
    assert stats.schema_version == LATEST_VERSION
    assert list(store.events()) == []


def test_reopen_keeps_data_and_does_not_migrate_twice(store_url: str) -> None:
    if store_url == "memory":
        pytest.skip("an in-memory store does not outlive its connection")
    with open_store(store_url) as first:
        art = make_article()
        first.save_article(art, [make_event(art)], pipeline_version=V1)
    with open_store(store_url) as second:
        assert second.stats().events == 1
        assert second.stats().schema_version == LATEST_VERSION


def test_save_and_read_back(store: Store) -> None:
    art = make_article(url="http://a.example/1", publisher="Example News", title="T")
    events = [make_event(art, 0), make_event(art, 1, sub_event_type="Government regains territory")]
    assert store.save_article(art, events, pipeline_version=V1) == 2
    stored = store.get_article(art.id)
    assert stored is not None
    assert stored.article == art
    assert stored.content_hash == art.content_hash
    assert stored.pipeline_version == V1
    assert stored.event_count == 2
    assert [s.url for s in stored.sources] == ["http://a.example/1"]
    assert sorted(e.event_id for e in store.events()) == sorted(e.event_id for e in events)
    assert store.get_event(events[1].event_id) == events[1]
    assert store.get_event("nope") is None
    assert store.processed_version(art.content_hash) == (art.id, V1)
    assert store.processed_version("0" * 64) is None


def test_saving_twice_adds_nothing(store: Store) -> None:
    art = make_article()
    for _ in range(3):
        store.save_article(art, [make_event(art)], pipeline_version=V1,
                           journal=JournalEntry(input="f.txt", status="ok", pipeline_version=V1))
    stats = store.stats()
    assert (stats.articles, stats.events, stats.sources) == (1, 1, 1)
    assert stats.journal == {"ok": 1}


def test_new_pipeline_version_replaces_the_articles_events(store: Store) -> None:
    art, other = make_article(1), make_article(2)
    store.save_article(art, [make_event(art, 0), make_event(art, 1)], pipeline_version=V1)
    store.save_article(other, [make_event(other, 0)], pipeline_version=V1)
    newer = [make_event(art, 5, pipeline_version=V2)]
    store.save_article(art, newer, pipeline_version=V2)
    assert list(store.events(EventQuery(article_id=art.id, mentions=True))) == newer
    assert store.count_events(EventQuery(mentions=True)) == 2
    assert store.count_events() == 1  # both reports tell one clash: one canonical event
    assert store.processed_version(art.content_hash) == (art.id, V2)


def test_identical_text_is_stored_once_with_both_sources(store: Store) -> None:
    first = make_article(1, text="Same words.", url="http://one.example/a", publisher="One")
    second = make_article(2, text="Same  words.", url="http://two.example/b", publisher="Two")
    store.save_article(first, [make_event(first)], pipeline_version=V1,
                       journal=JournalEntry("a.jsonl:1", "ok", V1))
    added = store.save_article(second, [make_event(second)], pipeline_version=V1,
                               journal=JournalEntry("a.jsonl:2", "ok", V1))
    assert added == 0
    assert store.stats().articles == 1 and store.count_events() == 1
    stored = store.get_article(first.id)
    assert stored is not None
    assert {s.url for s in stored.sources} == {"http://one.example/a", "http://two.example/b"}
    statuses = {j.input: (j.status, j.article_id) for j in store.journal()}
    assert statuses["a.jsonl:2"] == ("duplicate", first.id)


def test_journal_overwrites_per_input(store: Store) -> None:
    store.record(JournalEntry("x.txt", "failed", V1, error="x.txt: the input is empty"))
    store.record(JournalEntry("y.txt", "ok", V1, article_id="a", events=2))
    store.record(JournalEntry("x.txt", "failed", V1, error="still empty"))
    failed = store.journal("failed")
    assert [(j.input, j.error) for j in failed] == [("x.txt", "still empty")]
    assert failed[0].updated_at
    assert len(store.journal()) == 2


def test_failed_write_leaves_nothing_behind(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    art = make_article(1)
    store.save_article(art, [make_event(art)], pipeline_version=V1)
    other = make_article(2)

    def boom(*args: object, **kwargs: object) -> int:
        raise RuntimeError("simulated crash mid-article")

    monkeypatch.setattr(type(store), "_insert_events", boom)
    with pytest.raises(RuntimeError):
        store.save_article(other, [make_event(other)], pipeline_version=V1,
                           journal=JournalEntry("b.txt", "ok", V1))
    monkeypatch.undo()
    assert store.get_article(other.id) is None
    assert store.stats().articles == 1 and store.count_events() == 1
    assert store.journal() == []


@pytest.fixture
def filled(store: Store) -> Store:
    rows = [
        dict(country="Syria", iso3="SYR", admin1="Homs", event_date=date(2016, 12, 11),
             latitude=34.56, longitude=38.28, confidence=0.9, actor1="Islamic State (Syria)"),
        dict(country="Syria", iso3="SYR", admin1="Aleppo", event_date=date(2016, 11, 1),
             latitude=36.2, longitude=37.15, confidence=0.4, event_type="Explosions/Remote violence",
             sub_event_type="Air/drone strike", actor1="Military Forces of Russia (2000-)"),
        dict(country="Iraq", iso3="IRQ", admin1="Nineveh", event_date=date(2017, 1, 5),
             latitude=36.34, longitude=43.13, confidence=0.7, notes="Clashes in western Mosul.",
             actor2="", inter2=0),
        dict(country="Iraq", iso3="IRQ", admin1="Nineveh", event_date=date(2015, 1, 5),
             latitude=None, longitude=None, confidence=0.6, is_background=True,
             assoc_actor_1=("Peshmerga",)),
    ]
    for n, changes in enumerate(rows):
        art = make_article(n)
        store.save_article(art, [make_event(art, **changes)], pipeline_version=V1)
    return store


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (EventQuery(), {0, 1, 2, 3}),
        (EventQuery(country="syria"), {0, 1}),
        (EventQuery(country="IRQ"), {2, 3}),
        (EventQuery(country="irq", admin1="nineveh"), {2, 3}),
        (EventQuery(event_type="Explosions/Remote violence"), {1}),
        (EventQuery(sub_event_type="Armed clash", country="SYR"), {0}),
        (EventQuery(actor="russia"), {1}),
        (EventQuery(actor="peshmerga"), {3}),
        (EventQuery(date_from=date(2016, 12, 1), date_to=date(2017, 1, 31)), {0, 2}),
        (EventQuery(bbox=(36.0, 33.0, 40.0, 36.0)), {0}),
        (EventQuery(bbox=(30.0, 30.0, 50.0, 40.0)), {0, 1, 2}),
        (EventQuery(min_confidence=0.65), {0, 2}),
        (EventQuery(text="western mosul"), {2}),
        (EventQuery(include_background=False, country="Iraq"), {2}),
        (EventQuery(country="Syria", event_type="Battles", date_from=date(2016, 1, 1),
                    date_to=date(2016, 12, 31)), {0}),
    ],
)
def test_filters(filled: Store, query: EventQuery, expected: set[int]) -> None:
    found = {int(e.article_id.split("-")[1]) for e in filled.events(query)}
    assert found == expected
    assert filled.count_events(query) == len(expected)


def test_ordering_and_limit(filled: Store) -> None:
    dates = [e.event_date for e in filled.events()]
    assert dates == sorted(dates)  # type: ignore[type-var]
    page = list(filled.events(EventQuery(limit=2, offset=1)))
    assert [e.event_date for e in page] == dates[1:3]


def test_to_dataframe(filled: Store) -> None:
    frame = filled.to_dataframe(EventQuery(country="Syria"))
    assert len(frame) == 2
    assert str(frame["event_date"].dtype).startswith("datetime64")
    assert frame["fatalities"].dtype == "Int64"
    assert set(frame["country"]) == {"Syria"}


def test_bulk_insert(store: Store) -> None:
    art = make_article(9)
    batch = [make_event(art, n) for n in range(25)]
    assert store.bulk_insert_events(batch, batch_size=10) == 25
    assert store.count_events(EventQuery(country="SYR")) == 25


def test_add_source_is_idempotent(store: Store) -> None:
    art = make_article(1)
    store.save_article(art, [], pipeline_version=V1)
    extra = ArticleSource("http://b.example/2", "B", date(2016, 12, 12), "b.txt")
    store.add_source(art.id, extra)
    store.add_source(art.id, extra)
    stored = store.get_article(art.id)
    assert stored is not None and extra in stored.sources and len(stored.sources) == 2


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_field_round_trips(store: Store, data: st.DataObject) -> None:
    art = make_article(data.draw(st.integers(0, 10**9)))
    events = data.draw(st.lists(event_strategy(article_id=art.id), max_size=3,
                                unique_by=lambda e: e.event_id))
    store.save_article(art, events, pipeline_version=V1)
    # the stored events are mentions (a canonical event may merge them with an earlier example's)
    back = {e.event_id: e for e in store.events(EventQuery(article_id=art.id, mentions=True))}
    assert back == {e.event_id: e for e in events}
    for event in events:
        assert store.get_event(event.event_id) == event


# -- near-duplicate texts: signatures, band keys, lookups, displacing a stored copy ------------
def _signed(n: int, text: str, **kw: object) -> tuple[Article, TextSignature]:
    article = make_article(n, text=text, **kw)
    return article, neardup.signature_of(text)


def test_signature_round_trips_and_follows_the_text(store: Store) -> None:
    art, signature = _signed(1, ORIGINAL)
    store.save_article(art, [], pipeline_version=V1, signature=signature)
    assert store.get_signature(art.id) == signature
    assert len(signature.bands) == neardup.BANDS
    store.save_article(art, [], pipeline_version=V1)  # saved again without one: dropped
    assert store.get_signature(art.id) is None
    assert list(store.texts_without_signature(neardup.SCHEME)) == [(art.id, ORIGINAL)]
    store.put_signature(art.id, signature)
    assert list(store.texts_without_signature(neardup.SCHEME)) == []
    assert [a for a, _ in store.texts_without_signature("another-scheme", batch=1)] == [art.id]
    store.put_signature("not-stored", signature)  # no article: nothing written
    assert store.get_signature("not-stored") is None


def test_candidates_are_found_by_band_keys(store: Store) -> None:
    for n, text in enumerate((ORIGINAL, FIRST_RAID, SECOND_RAID)):
        art, signature = _signed(n, text)
        store.save_article(art, [], pipeline_version=V1, signature=signature)
    copy = neardup.signature_of(SYNDICATED)
    found = store.near_duplicate_candidates(copy, limit=5)
    assert [c.article_id for c in found] == ["art-0"]
    assert found[0].content_hash == make_article(0, text=ORIGINAL).content_hash
    assert found[0].shared_bands == len(set(copy.bands) & set(neardup.signature_of(ORIGINAL).bands))
    assert neardup.similarity(found[0].signature, copy) >= neardup.DEFAULT_THRESHOLD
    itself = neardup.signature_of(ORIGINAL)
    assert [c.article_id for c in store.near_duplicate_candidates(itself)] == ["art-0"]
    assert store.near_duplicate_candidates(
        itself, exclude_hash=make_article(0, text=ORIGINAL).content_hash) == []
    assert store.near_duplicate_candidates(neardup.signature_of("Too short to compare.")) == []


def test_limit_keeps_the_candidates_sharing_most_bands(store: Store) -> None:
    near, far = _signed(1, SYNDICATED), _signed(2, ORIGINAL + "\n\n" + FIRST_RAID)
    for art, signature in (near, far):
        store.save_article(art, [], pipeline_version=V1, signature=signature)
    found = store.near_duplicate_candidates(neardup.signature_of(ORIGINAL), limit=1)
    assert [c.article_id for c in found] == ["art-1"]


def test_displacing_a_stored_copy_moves_its_sources_and_journal(store: Store) -> None:
    short, signature = _signed(1, SYNDICATED, url="http://one.example/a", publisher="One")
    store.save_article(short, [make_event(short)], pipeline_version=V1, signature=signature,
                       journal=JournalEntry("a.txt", "ok", V1))
    store.add_source(short.id, ArticleSource("http://two.example/b", "Two", None, "b.txt"))
    store.record(JournalEntry("b.txt", "duplicate", V1, article_id=short.id))
    long, long_signature = _signed(2, ORIGINAL, url="http://three.example/c", publisher="Three")
    store.save_article(long, [make_event(long)], pipeline_version=V1, signature=long_signature,
                       journal=JournalEntry("c.txt", "ok", V1), replaces=short.id,
                       similarity=0.73)
    assert store.get_article(short.id) is None and store.get_signature(short.id) is None
    assert [e.article_id for e in store.events()] == [long.id]
    kept = store.get_article(long.id)
    assert kept is not None
    assert {s.publisher for s in kept.sources} == {"One", "Two", "Three"}
    rows = {j.input: (j.status, j.article_id, j.similarity, j.events) for j in store.journal()}
    assert rows == {"a.txt": ("near-duplicate", long.id, 0.73, 0),
                    "b.txt": ("near-duplicate", long.id, 0.73, 0),
                    "c.txt": ("ok", long.id, None, 1)}
    stats = store.stats()
    assert (stats.articles, stats.events, stats.sources) == (1, 1, 3)
    assert [c.article_id for c in store.near_duplicate_candidates(signature)] == [long.id]


def test_journal_similarity_and_settings_round_trip(store: Store) -> None:
    store.record(JournalEntry("x.txt", "near-duplicate", V1, article_id="a", similarity=0.8125))
    entry = store.journal_entry("x.txt")
    assert entry is not None and entry.similarity == 0.8125 and entry.status == "near-duplicate"
    assert store.journal("near-duplicate") == [entry]
    assert store.settings() == {}
    store.set_setting("near_duplicates", "off")
    store.set_setting("near_duplicates", "on, threshold 0.60")
    assert store.settings() == {"near_duplicates": "on, threshold 0.60"}


def test_candidate_lookup_uses_the_band_index(store: Store) -> None:
    signature = neardup.signature_of(ORIGINAL)
    marks = ", ".join("?" for _ in signature.bands)
    sql = f"SELECT article_id FROM article_bands WHERE band_key IN ({marks})"
    if store.url.startswith("postgres"):
        store._exec("SET enable_seqscan = off")  # type: ignore[attr-defined]
        plan = " ".join(r[0] for r in store._all(  # type: ignore[attr-defined]
            "EXPLAIN " + sql, signature.bands))
        store._exec("SET enable_seqscan = on")  # type: ignore[attr-defined]
        assert "article_bands_pkey" in plan, plan
    else:
        plan = " ".join(str(r[-1]) for r in store._all(  # type: ignore[attr-defined]
            "EXPLAIN QUERY PLAN " + sql, signature.bands))
        assert "SEARCH article_bands USING PRIMARY KEY (band_key=?)" in plan, plan


def _varied(store: Store) -> list[Event]:
    """Twelve events with dates, deaths and places (some missing), confidences and background."""
    art = make_article(90)
    events = [make_event(art, n, event_date=None if n == 5 else date(2016, 1 + n % 3, 1 + n),
                         fatalities=None if n % 4 == 0 else n % 3, confidence=round(0.1 * (n % 5), 1),
                         latitude=None if n == 7 else 30.0 + n * 0.4, longitude=None if n == 7 else 40.0,
                         is_background=n % 6 == 0,
                         event_type="Battles" if n % 2 else "Riots", sub_event_type="Armed clash" if n % 2 else "Mob violence")
              for n in range(12)]
    store.bulk_insert_events(events, merge=False)
    return events


@pytest.mark.parametrize("sort", ["date", "-date", "deaths", "-deaths", "confidence", "-confidence", "id", "-id"])
def test_keyset_pages_cover_every_event_once_in_sort_order(store: Store, sort: str) -> None:
    from conflictscope.store.query import sort_value

    _varied(store)
    full = list(store.events(EventQuery(mentions=True, sort=sort)))
    pages: list[Event] = []
    after = None
    while True:
        page = list(store.events(EventQuery(mentions=True, sort=sort, after=after, limit=5)))
        pages += page
        if len(page) < 5:
            break
        after = (sort_value(page[-1], sort), page[-1].event_id)
    assert [e.event_id for e in pages] == [e.event_id for e in full]
    assert len(full) == 12
    key = lambda e: (sort_value(e, sort) is not None, sort_value(e, sort) or 0, e.event_id)  # noqa: E731
    assert [e.event_id for e in full] == [e.event_id for e in sorted(full, key=key, reverse=sort.startswith("-"))]


def test_background_only_and_aggregates_and_grid_clusters(store: Store) -> None:
    events = _varied(store)
    only = {e.event_id for e in store.events(EventQuery(mentions=True, background_only=True))}
    assert only == {e.event_id for e in events if e.is_background}
    found = store.aggregate(EventQuery(mentions=True), period="month")
    assert found.events == 12 and found.undated == 1
    assert found.deaths == sum(e.fatalities or 0 for e in events)
    assert [b.start for b in found.timeline] == ["2016-01-01", "2016-02-01", "2016-03-01"]
    assert found.by_type == {"Battles": 6, "Riots": 6}
    assert found.by_actor["Islamic State (Syria)"] == 12
    cells = store.grid_clusters(EventQuery(mentions=True), cell=5.0)
    assert sum(c.count for c in cells) == 11 and sum(c.deaths for c in cells) == sum(
        e.fatalities or 0 for e in events if e.latitude is not None)
    for cell in cells:
        assert cell.bbox[0] <= cell.longitude < cell.bbox[2] and cell.bbox[1] <= cell.latitude < cell.bbox[3]
        assert cell.bbox[2] - cell.bbox[0] == 5.0
    fine = store.grid_clusters(EventQuery(mentions=True), cell=0.001)  # coarsened to fit MAX_CELLS
    assert sum(c.count for c in fine) == 11 and fine[0].bbox[2] - fine[0].bbox[0] > 1.0
    boxed = store.grid_clusters(EventQuery(mentions=True, bbox=(39.0, 29.0, 41.0, 32.0)), cell=0.5)
    assert sum(c.count for c in boxed) == len([e for e in events if e.latitude and e.latitude <= 32])


def test_a_grid_base_gives_the_clusters_of_every_coarser_zoom(store: Store) -> None:
    from conflictscope.store.stats import BASE_ZOOM, cell_size

    _varied(store)
    query = EventQuery(mentions=True)
    base = store.grid_base(query)
    for zoom in range(6):  # finer world grids are coarsened by grid_clusters (MAX_CELLS)
        assert base.clusters(zoom, None) == store.grid_clusters(query, cell=cell_size(zoom)), zoom
    box = (39.0, 29.0, 41.0, 31.9)  # no event near an edge: fine-cell centres select the same events
    assert base.clusters(BASE_ZOOM, box) == store.grid_clusters(replace(query, bbox=box), cell=cell_size(BASE_ZOOM))
    assert sum(c.count for c in base.clusters(5, box)) == sum(
        c.count for c in store.grid_clusters(replace(query, bbox=box), cell=cell_size(5)))


# -- analyst corrections (store/correcting.py) ---------------------------------------------


def _corrected_store(store: Store) -> tuple[Article, Article, Article]:
    one, two = make_article(1, publisher="One"), make_article(2, publisher="Two")
    far = make_article(3, text="Report 3: a protest in Homs on Monday.")
    store.save_article(one, [make_event(one)], pipeline_version=V1)
    store.save_article(two, [make_event(two)], pipeline_version=V1)
    store.save_article(far, [make_event(far, event_type="Protests", sub_event_type="Peaceful protest",
                                        location="Homs", latitude=34.73, longitude=36.72,
                                        event_date=date(2016, 12, 2), date_start=date(2016, 12, 2),
                                        date_end=date(2016, 12, 2))], pipeline_version=V1)
    return one, two, far


def test_corrections_are_audited_validated_and_applied_to_queries_and_mentions(store: Store) -> None:
    _corrected_store(store)
    assert store.count_events() == 2
    name = store.cluster_name("art-2-ev0")
    assert name == "art-1-ev0"
    done = store.correct_event(name, "sub_event_type", "Government regains territory",
                               reason="the army retook it", author="ana")
    assert (done.field, done.old_value, done.new_value, done.author, done.mention_id) == (
        "sub_event_type", "Armed clash", "Government regains territory", "ana", "art-1-ev0")
    store.correct_event(name, "fatalities", "7", reason="hospital toll", author="ben")
    event = store.event_cluster(name).event  # type: ignore[union-attr]
    assert (event.sub_event_type, event.event_type, event.fatalities) == (
        "Government regains territory", "Battles", 7)
    assert event.corrected == ("sub_event_type", "fatalities")
    listed = {e.event_id: e for e in store.events()}
    assert listed[name].fatalities == 7 and listed[name].corrected == ("sub_event_type", "fatalities")
    assert store.count_events(EventQuery(sub_event_type="Government regains territory")) == 1
    own = store.get_event("art-1-ev0")
    assert own is not None and own.fatalities == 7  # the anchor mention's own row too
    for field, value, message in (("sub_event_type", "Nonsense", "unknown sub-event type"),
                                  ("event_date", "2016-13-40", "not a date"),
                                  ("fatalities", -3, "negative"),
                                  ("latitude", 123, "between"),
                                  ("weather", "rain", "cannot be corrected"),
                                  ("date_start", "2016-12-30", "after date_end")):
        with pytest.raises(StoreError, match=message):
            store.correct_event(name, field, value, reason="test")
    with pytest.raises(StoreError, match="reason"):
        store.correct_event(name, "fatalities", 3, reason=" ")
    with pytest.raises(StoreError, match="no event"):
        store.correct_event("nope", "fatalities", 3, reason="x")
    audit = store.corrections()
    assert [(c.field, c.old_value, c.new_value, c.reason, c.active) for c in audit] == [
        ("sub_event_type", "Armed clash", "Government regains territory", "the army retook it", True),
        ("fatalities", 12, 7, "hospital toll", True)]
    assert [c.field for c in store.corrections("art-2-ev0")] == ["sub_event_type", "fatalities"]
    assert store.corrections("art-3-ev0") == []


def test_actor_filter_finds_a_corrected_actor_and_not_the_replaced_one(store: Store) -> None:
    _corrected_store(store)
    old = store.get_event("art-3-ev0")
    assert old is not None and old.actor1
    old_key = old.actor1.split(" (")[0].lower()
    store.correct_event("art-3-ev0", "actor1", "Hay'at Tahrir al-Sham", reason="the group claimed it", author="ana")
    for mentions in (False, True):
        found = [e.event_id for e in store.events(EventQuery(actor="tahrir", mentions=mentions))]
        assert found == ["art-3-ev0"], mentions
    assert "art-3-ev0" not in [e.event_id for e in store.events(EventQuery(actor=old_key, mentions=True))]
    # re-ingest writes the extracted actors again; the correction is applied on top of them again
    far = make_article(3, text="Report 3: a protest in Homs on Monday.")
    store.save_article(far, [make_event(far, event_type="Protests", sub_event_type="Peaceful protest",
                                        location="Homs", latitude=34.73, longitude=36.72,
                                        event_date=date(2016, 12, 2), date_start=date(2016, 12, 2),
                                        date_end=date(2016, 12, 2))], pipeline_version=V1)
    assert [e.event_id for e in store.events(EventQuery(actor="tahrir"))] == ["art-3-ev0"]


def test_not_an_event_is_hidden_by_default_and_shown_with_the_flag(store: Store) -> None:
    _corrected_store(store)
    store.correct_event("art-3-ev0", "not_an_event", True, reason="a rally announcement", author="ana")
    assert [e.event_id for e in store.events()] == ["art-1-ev0"]
    assert store.count_events(EventQuery(mentions=True)) == 2
    shown = {e.event_id: e for e in store.events(EventQuery(include_not_events=True))}
    assert shown["art-3-ev0"].corrected == ("not_an_event",)
    assert store.aggregate().events == 1
    store.correct_event("art-3-ev0", "not_an_event", "false", reason="it did happen")
    assert store.count_events() == 2


def test_corrections_survive_re_ingest_re_extraction_and_re_clustering(store: Store) -> None:
    one, two, far = _corrected_store(store)
    store.correct_event("art-1-ev0", "location", "Tadmur", reason="local name", author="ana")
    store.correct_event("art-3-ev0", "not_an_event", True, reason="not an event", author="ana")
    # re-ingest (same version): the rows are written again, the corrections applied again
    store.save_article(one, [make_event(one)], pipeline_version=V1)
    store.save_article(far, [make_event(far, event_type="Protests", sub_event_type="Peaceful protest",
                                        location="Homs", latitude=34.73, longitude=36.72,
                                        event_date=date(2016, 12, 2), date_start=date(2016, 12, 2),
                                        date_end=date(2016, 12, 2))], pipeline_version=V1)
    assert [e.location for e in store.events()] == ["Tadmur"]
    # a new pipeline version re-extracts report 1 under another event id: the correction follows
    store.save_article(one, [make_event(one, 9, pipeline_version=V2)], pipeline_version=V2)
    assert store.corrections()[0].mention_id == "art-1-ev9"
    event = store.event_cluster("art-1-ev9").event  # type: ignore[union-attr]
    assert event.location == "Tadmur" and event.corrected == ("location",)
    # re-clustering: a split leaves the correction with its mention's event
    name = store.cluster_name("art-1-ev9")
    store.split_event(name, ["art-2-ev0"], reason="two events", author="ben")  # type: ignore[arg-type]
    by_id = {e.event_id: e for e in store.events()}
    assert by_id["art-1-ev9"].location == "Tadmur" and by_id["art-2-ev0"].location == "Palmyra"
    assert by_id["art-2-ev0"].corrected == ()
    assert "art-3-ev0" not in by_id
    # an extraction without a matching mention: the correction applies to nothing, audit kept
    store.save_article(one, [make_event(one, 4, pipeline_version=V2, location="Homs",
                                        latitude=34.73, longitude=36.72)], pipeline_version=V2)
    assert [c.active for c in store.corrections()] == [False, True]
