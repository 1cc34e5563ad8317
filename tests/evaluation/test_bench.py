"""The bench core: chunking, and a small real run of both modes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictscope.cli import main
from conflictscope.errors import EvaluationError
from conflictscope.evaluation.bench import load_corpus, render, run_bench, split_chunks
from conflictscope.models import Article

TEXTS = [
    "Gunmen attacked a village near Maiduguri on Monday, killing 12 people, police said.",
    "Protesters marched through the capital on Friday demanding the release of detainees.",
    "The central bank kept interest rates unchanged, citing stable inflation.",
]


def articles(count: int = 3) -> list[Article]:
    return [Article.from_text(TEXTS[i % len(TEXTS)] + f" Report {i}.") for i in range(count)]


@pytest.mark.parametrize(("count", "parts", "sizes"), [(3, 1, [3]), (4, 2, [2, 2]), (2, 5, [1, 1])])
def test_split_chunks(count: int, parts: int, sizes: list[int]) -> None:
    chunks = split_chunks(articles(count), parts)
    assert [len(c) for c in chunks] == sizes
    assert [a for chunk in chunks for a in chunk] == articles(count)  # order kept


def test_load_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    lines = [json.dumps({"id": str(i), "published": "2020-01-0" + str(i + 1), "text": t})
             for i, t in enumerate(TEXTS)]
    corpus.write_text("\n".join([*lines, "not json"]) + "\n", encoding="utf-8")
    assert [a.id for a in load_corpus(corpus)] == ["0", "1", "2"]
    assert len(load_corpus(corpus, limit=2)) == 2
    with pytest.raises(EvaluationError):
        load_corpus(tmp_path / "absent.jsonl")


@pytest.mark.slow
def test_bench_runs_both_modes() -> None:
    report = run_bench(articles(4), processes=1, batch_size=8)
    pipeline, spacy = report["modes"]["pipeline"], report["modes"]["spacy"]
    assert pipeline["articles"] == spacy["articles"] == 4
    assert pipeline["words"] == spacy["words"] > 0
    assert pipeline["seconds"] > 0 and spacy["seconds"] > 0
    assert pipeline["peak_rss_mb"] > 10
    assert "spacy" in pipeline["timings"] and "assemble" in pipeline["timings"]
    assert report["ratio"] > 0
    assert "pipeline / plain spaCy speed" in render(report)


def test_bench_cli_json_processes(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps({"id": str(i), "text": t}) for i, t in enumerate(TEXTS)),
                      encoding="utf-8")
    result = CliRunner().invoke(main, ["bench", "--corpus", str(corpus), "--processes", "2",
                                       "--only", "spacy", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["modes"]["spacy"]["processes"] == 2
    assert report["modes"]["spacy"]["articles"] == 3
    assert "pipeline" not in report["modes"] and "ratio" not in report
    text = tmp_path / "one.txt"
    text.write_text(TEXTS[0], encoding="utf-8")
    single = CliRunner().invoke(main, ["bench", "--corpus", str(text), "--processes", "2",
                                       "--only", "spacy", "--json"])
    assert json.loads(single.output)["modes"]["spacy"]["processes"] == 1  # one article, one chunk
