"""Near-duplicate articles: syndicated copies are stored as one text with several sources.

The texts are our own (``neardup_texts.py`` and ``conflictscope.evaluation.neardup``).
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import random
import signal
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictscope.cli import main
from conflictscope.evaluation import neardup as wire
from conflictscope.export import export_events
from conflictscope.ingest import neardup
from conflictscope.ingest.neardup import NearDuplicateSettings
from conflictscope.ingest.runner import NEAR_DUPLICATE_SETTING, ingest
from conflictscope.models import Article
from conflictscope.store import Store, open_store

from .fake_pipeline import FakePipeline, Result
from .neardup_texts import FIRST_RAID, ORIGINAL, SECOND_RAID, SYNDICATED
from .test_ingest import HERE, _cli, _stored_articles

OFF = NearDuplicateSettings(enabled=False)


def write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def record(rid: str, text: str, publisher: str) -> dict[str, str]:
    return {"id": rid, "text": text, "published": "2026-03-03", "publisher": publisher,
            "url": f"http://{publisher.lower().replace(' ', '-')}.example/{rid}"}


PAIRS = [
    record("original", ORIGINAL, "Harbour Wire"),
    record("copy", SYNDICATED, "Valley Times"),
    record("raid-1", FIRST_RAID, "Harbour Wire"),
    record("raid-2", SECOND_RAID, "Harbour Wire"),
]


def state(store: Store) -> dict[str, object]:
    """What an ingest leaves (journal rows without their times)."""
    return {
        "articles": sorted((a.article.id, a.content_hash, a.sources, a.event_count)
                           for a in store.articles()),
        "events": sorted((e.event_id, repr(e)) for e in store.events()),
        "journal": sorted((j.input, j.status, j.article_id, j.events, j.error, j.similarity)
                          for j in store.journal()),
    }


def test_copy_joins_the_original_and_boilerplate_does_not(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "reports.jsonl", PAIRS)
    with open_store("memory") as store:
        summary = ingest([str(source)], store, FakePipeline())
        assert (summary.stored, summary.near_duplicates) == (3, 1)
        assert {a.article.id for a in store.articles()} == {"original", "raid-1", "raid-2"}
        kept = store.get_article("original")
        assert kept is not None
        assert [s.publisher for s in kept.sources] == ["Harbour Wire", "Valley Times"]
        row = store.journal_entry(f"{source}#copy")
        assert row is not None and row.status == "near-duplicate" and row.article_id == "original"
        assert row.similarity is not None and row.similarity >= neardup.DEFAULT_THRESHOLD
        assert row.events == 0
        assert store.settings()[NEAR_DUPLICATE_SETTING].startswith("on, threshold 0.60")
        before = state(store)
        again = ingest([str(source)], store, FakePipeline())  # a re-run adds nothing
        assert (again.stored, again.skipped, again.near_duplicates) == (0, 3, 1)
        assert state(store) == before


class CountingPipeline(FakePipeline):
    """Remembers which articles it extracted."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def run_many(self, articles: Iterable[Article]) -> Iterator[Result]:
        for article in articles:
            self.seen.append(article.id)
            yield from super().run_many([article])


def test_a_copy_is_not_extracted(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "reports.jsonl", PAIRS[:2])
    pipeline = CountingPipeline()
    with open_store("memory") as store:
        ingest([str(source)], store, pipeline)
    assert pipeline.seen == ["original"]


def test_switched_off_or_a_high_threshold_keeps_both(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "reports.jsonl", PAIRS[:2])
    for setting in (OFF, NearDuplicateSettings(threshold=0.95)):
        with open_store("memory") as store:
            summary = ingest([str(source)], store, FakePipeline(), near_duplicates=setting)
            assert (summary.stored, summary.near_duplicates) == (2, 0)
            assert store.settings()[NEAR_DUPLICATE_SETTING] == setting.describe()


def test_signatures_missing_from_earlier_runs_are_computed(tmp_path: Path) -> None:
    first = write_jsonl(tmp_path / "a.jsonl", PAIRS[:1])
    second = write_jsonl(tmp_path / "b.jsonl", PAIRS[1:2])
    with open_store("memory") as store:
        ingest([str(first)], store, FakePipeline(), near_duplicates=OFF)
        assert store.get_signature("original") is None
        summary = ingest([str(second)], store, FakePipeline())
        assert summary.near_duplicates == 1 and store.stats().articles == 1
        assert store.get_signature("original") == neardup.signature_of(ORIGINAL)


def family(seed: int = 11) -> list[dict[str, str]]:
    """Three copies of one made-up wire report: the original, one shortened, one lengthened."""
    rng = random.Random(seed)
    base, event = wire.wire_report(rng)
    texts = {"short": wire.syndicated(base, event, rng, ["dropped-paragraph", "byline"]),
             "base": base,
             "long": wire.syndicated(base, event, rng, ["headline", "added-paragraph"])}
    return [record(name, wire.as_text(p), f"Outlet {name}") for name, p in texts.items()]


def test_the_kept_text_does_not_depend_on_ingest_order(tmp_path: Path) -> None:
    copies = family()
    longest = max(copies, key=lambda r: len(neardup.words_of(r["text"])))["id"]
    outcomes = []
    for order in itertools.permutations(copies):
        source = write_jsonl(tmp_path / "r.jsonl", list(order))
        with open_store("memory") as store:
            summary = ingest([str(source)], store, FakePipeline())
            assert summary.near_duplicates == 2
            stored = list(store.articles())
            assert [a.article.id for a in stored] == [longest]
            assert {s.publisher for s in stored[0].sources} == {"Outlet short", "Outlet base",
                                                                "Outlet long"}
            assert {j.status for j in store.journal() if j.article_id == longest} == {
                "ok", "near-duplicate"}
            outcomes.append((sorted((e.event_id, repr(e)) for e in store.events()),
                             [(a.article.id, a.sources) for a in stored]))
    assert all(outcome == outcomes[0] for outcome in outcomes)


class ReadAheadPipeline(FakePipeline):
    """Reads every article before returning the first result (as a batching pipeline may)."""

    def run_many(self, articles: Iterable[Article]) -> Iterator[Result]:
        return super().run_many(list(articles))


def test_copies_in_flight_together_still_merge(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "r.jsonl", family())
    with open_store("memory") as store:
        summary = ingest([str(source)], store, ReadAheadPipeline())
        assert summary.near_duplicates == 2 and store.stats().articles == 1


def test_short_texts_are_never_near_duplicates(tmp_path: Path) -> None:
    one = "Gunmen killed four people in Ostraven on Sunday, police said. " * 3
    two = one.replace("four", "six")
    assert len(neardup.words_of(one)) < neardup.MIN_WORDS
    source = write_jsonl(tmp_path / "r.jsonl", [record("one", one, "A"), record("two", two, "B")])
    with open_store("memory") as store:
        summary = ingest([str(source)], store, FakePipeline(),
                         near_duplicates=NearDuplicateSettings(threshold=0.05))
        assert (summary.stored, summary.near_duplicates) == (2, 0)


def test_exports_list_the_outlet_of_every_copy(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "r.jsonl", PAIRS[:2])
    with open_store(str(tmp_path / "s.db")) as store:
        ingest([str(source)], store, FakePipeline())
        assert store.count_events() > 0
        outlets = {"Harbour Wire", "Valley Times"}
        out = tmp_path / "e.csv"
        export_events(store, "acled-csv", str(out))
        for row in csv.DictReader(io.StringIO(out.read_text())):
            assert set(row["source"].split("; ")) == outlets
        export_events(store, "jsonl", str(tmp_path / "e.jsonl"))
        for line in (tmp_path / "e.jsonl").read_text().splitlines():
            sources = json.loads(line)["sources"]
            assert {s["publisher"] for s in sources} == outlets
            assert {s["url"] for s in sources} == {"http://harbour-wire.example/original",
                                                  "http://valley-times.example/copy"}
        export_events(store, "geojson", str(tmp_path / "e.geojson"))
        for feature in json.loads((tmp_path / "e.geojson").read_text())["features"]:
            assert {s["publisher"] for s in feature["properties"]["sources"]} == outlets


# -- the similarity itself ---------------------------------------------------------------
@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10**6), edit=st.sampled_from(sorted(wire.EDITS)))
def test_one_syndication_edit_keeps_a_near_duplicate(seed: int, edit: str) -> None:
    rng = random.Random(seed)
    base, event = wire.wire_report(rng)
    copy = wire.syndicated(base, event, rng, [edit])
    original, edited = (neardup.signature_of(wire.as_text(p)) for p in (base, copy))
    assert set(original.bands) & set(edited.bands)
    assert neardup.comparable(original, edited, neardup.DEFAULT_THRESHOLD)
    assert neardup.similarity(original, edited) >= neardup.DEFAULT_THRESHOLD


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_a_few_changed_words_keep_a_near_duplicate(data: st.DataObject) -> None:
    words = ORIGINAL.split()
    for _ in range(data.draw(st.integers(1, 5))):
        at = data.draw(st.integers(0, len(words) - 1))
        action = data.draw(st.sampled_from(["drop", "insert", "replace"]))
        token = data.draw(st.sampled_from(["reportedly", "Keldor", "on", "20", "(AFP)", "also"]))
        if action == "drop":
            del words[at]
        elif action == "insert":
            words.insert(at, token)
        else:
            words[at] = token
    original, edited = neardup.signature_of(ORIGINAL), neardup.signature_of(" ".join(words))
    match = neardup.best_match(edited, [_candidate(original)], neardup.DEFAULT_THRESHOLD)
    assert match is not None


def _candidate(signature: neardup.TextSignature) -> neardup.NearDuplicateCandidate:
    return neardup.NearDuplicateCandidate("a", "h", signature)


def test_two_reports_of_one_wire_service_do_not_merge() -> None:
    first, second = neardup.signature_of(FIRST_RAID), neardup.signature_of(SECOND_RAID)
    assert neardup.similarity(first, second) < 0.4
    assert neardup.best_match(second, [_candidate(first)], neardup.DEFAULT_THRESHOLD) is None
    merged = [p for p in wire.pairs(100, seed=7) if not p.should_merge and neardup.best_match(
        neardup.signature_of(p.second), [_candidate(neardup.signature_of(p.first))],
        neardup.DEFAULT_THRESHOLD) is not None]
    assert merged == []


# -- the command line and a killed run ------------------------------------------------------
def test_cli_options_and_journal(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "r.jsonl", PAIRS[:2])
    db = str(tmp_path / "c.db")
    runner = CliRunner()
    sys.path.insert(0, str(HERE))
    try:
        off = runner.invoke(main, ["ingest", str(source), "--db", db, "--no-near-duplicates",
                                   "--pipeline", "fake_pipeline:make_pipeline"])
        assert off.exit_code == 0, off.output
        with open_store(db) as store:
            assert store.stats().articles == 2
        on = runner.invoke(main, ["ingest", str(source), "--db", str(tmp_path / "d.db"),
                                  "--near-duplicate-threshold", "0.7",
                                  "--pipeline", "fake_pipeline:make_pipeline"])
        assert on.exit_code == 0, on.output
        assert "1 near-duplicate(s)" in on.output
        bad = runner.invoke(main, ["ingest", str(source), "--db", db,
                                   "--near-duplicate-threshold", "1.5"])
        assert bad.exit_code == 2
    finally:
        sys.path.remove(str(HERE))
    with open_store(str(tmp_path / "d.db")) as store:
        assert store.stats().articles == 1
        assert store.settings()[NEAR_DUPLICATE_SETTING].startswith("on, threshold 0.70")
        row = store.journal_entry(f"{source}#copy")
        assert row is not None and row.status == "near-duplicate"
    shown = runner.invoke(main, ["journal", "--db", str(tmp_path / "d.db")])
    assert shown.exit_code == 0
    lines = shown.output.splitlines()
    assert lines[0].startswith("# near-duplicates: on, threshold 0.70")
    assert any(line.startswith("near-duplicate") and "similarity 0." in line for line in lines)
    assert runner.invoke(main, ["journal", "--db", db]).output.startswith("# near-duplicates: off")


def write_families(folder: Path, n: int = 8) -> Path:
    """Files of n wire reports, each with two syndicated copies (sorted names mix them)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(3)
    for i in range(n):
        base, event = wire.wire_report(rng)
        copies = {"a": wire.syndicated(base, event, rng, ["byline", "dropped-paragraph"]),
                  "b": base,
                  "c": wire.syndicated(base, event, rng, ["added-paragraph", "updated-line"])}
        for name, paragraphs in rng.sample(sorted(copies.items()), 3):
            (folder / f"r{i:02}-{name}{rng.randrange(10)}.txt").write_text(wire.as_text(paragraphs))
    return folder


def test_sigkill_during_near_duplicate_ingest_then_rerun_equals_one_clean_run(
    tmp_path: Path,
) -> None:
    folder = write_families(tmp_path / "reports")
    clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
    assert _cli(folder, clean, "0").wait(timeout=120) == 0
    with open_store(str(clean)) as store:
        want = state(store)
        assert store.stats().articles == 8
    rng = random.Random(2027)
    kills = 0
    for _ in range(5):
        before = _stored_articles(killed)
        proc = _cli(folder, killed, "0.05", batch=2)
        deadline = time.monotonic() + 60
        while proc.poll() is None and _stored_articles(killed) <= before:
            if time.monotonic() > deadline:
                break
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 0.3))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait(timeout=60)
    assert kills >= 2, "the runs ended before they could be killed"
    assert _cli(folder, killed, "0").wait(timeout=120) == 0
    with open_store(str(killed)) as store:
        assert state(store) == want


@pytest.mark.parametrize("threshold", [0.6])
def test_measurement_command_prints_the_figures(threshold: float) -> None:
    result = CliRunner().invoke(main, ["evaluate", "near-duplicates", "--pairs", "40", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    key = f"{threshold:.2f}"
    assert figures["kinds"]["copy"]["merged"][key] >= 38
    assert figures["kinds"]["same-wire"]["merged"][key] == 0
    assert figures["kinds"]["follow-up"]["merged"][key] == 0


def test_an_edited_report_under_its_own_id_replaces_its_old_text(tmp_path: Path) -> None:
    source = tmp_path / "r.jsonl"
    with open_store("memory") as store:
        write_jsonl(source, [record("original", ORIGINAL, "Harbour Wire")])
        ingest([str(source)], store, FakePipeline())
        write_jsonl(source, [record("original", SYNDICATED, "Harbour Wire")])  # shorter now
        summary = ingest([str(source)], store, FakePipeline())
        assert (summary.stored, summary.near_duplicates) == (1, 0)
        kept = store.get_article("original")
        assert kept is not None and kept.article.text == SYNDICATED
        assert store.get_signature("original") == neardup.signature_of(SYNDICATED)
