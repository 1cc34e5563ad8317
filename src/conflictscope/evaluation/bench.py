"""Throughput benchmark: the whole pipeline beside plain spaCy on the same texts.

Each mode runs in its own worker processes (``spawn``), so each gets a clean
memory count: models are loaded and warmed up on a short text first, then the
clock runs from the first worker's start to the last worker's end. The plain
spaCy baseline is ``nlp.pipe`` with the full shipped ``en_core_web_sm`` pipeline
over every article's whole text; the conflictscope pipeline parses only the
sentences that may report an event, then runs its stages.
"""

from __future__ import annotations

import json
import multiprocessing
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from conflictscope.errors import EvaluationError
from conflictscope.models import Article

WARM_UP = "Gunmen killed three villagers in Maiduguri on Monday, police said."
MODES = ("pipeline", "spacy")


@dataclass
class ModeResult:
    """The figures of one mode (``pipeline`` or ``spacy``) over the corpus."""

    mode: str
    articles: int
    words: int
    seconds: float
    load_seconds: float
    peak_rss_mb: float
    processes: int
    events: int = 0
    failed_stages: int = 0
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def articles_per_second(self) -> float:
        """Articles per wall-clock second."""
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    @property
    def words_per_second(self) -> float:
        """Words (whitespace-separated) per wall-clock second."""
        return self.words / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready figures."""
        data = asdict(self)
        data["seconds"] = round(self.seconds, 3)
        data["load_seconds"] = round(self.load_seconds, 3)
        data["peak_rss_mb"] = round(self.peak_rss_mb, 1)
        data["articles_per_second"] = round(self.articles_per_second, 2)
        data["words_per_second"] = round(self.words_per_second, 1)
        data["timings"] = {k: round(v, 3) for k, v in sorted(self.timings.items())}
        return data


def load_corpus(path: str | Path, *, limit: int | None = None) -> list[Article]:
    """Articles of a JSON Lines corpus ({id, published, title, text}) or of one text file.

    JSON Lines are read line by line (a bad line or date is skipped, not fatal), so a
    messy corpus of any size is measured whole.
    """
    corpus = Path(path)
    if not corpus.is_file():
        raise EvaluationError(f"{corpus}: no such file")
    if corpus.suffix not in (".jsonl", ".ndjson"):
        from conflictscope.ingest.readers import InputProblem, read_inputs

        found = [a for a in read_inputs([str(corpus)]) if not isinstance(a, InputProblem)]
        if not found:
            raise EvaluationError(f"{corpus}: no readable article")
        return found[:limit]
    articles: list[Article] = []
    with corpus.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            article = _article(line, f"{corpus}:{number}")
            if article is not None:
                articles.append(article)
            if limit is not None and len(articles) >= limit:
                break
    if not articles:
        raise EvaluationError(f"{corpus}: no readable article")
    return articles


def _article(line: str, where: str) -> Article | None:
    from conflictscope.errors import InputError
    from conflictscope.ingest.text import clean_text, parse_date

    try:
        record = json.loads(line)
        text = clean_text(str(record["text"]), name=where).text
    except (ValueError, KeyError, TypeError, InputError):
        return None
    try:
        published = parse_date(record.get("published") or record.get("publish_date"))
    except InputError:
        published = None
    return Article.from_text(text, published=published, id=str(record.get("id") or where),
                             title=str(record.get("title") or ""))


def split_chunks(articles: Sequence[Article], parts: int) -> list[list[Article]]:
    """At most ``parts`` contiguous chunks of about equal word counts (none empty)."""
    parts = max(1, min(parts, len(articles)))
    total = sum(len(a.text.split()) for a in articles) or 1
    chunks: list[list[Article]] = [[] for _ in range(parts)]
    seen = 0
    for article in articles:
        index = min(parts - 1, seen * parts // total)
        chunks[index].append(article)
        seen += len(article.text.split())
    return [chunk for chunk in chunks if chunk]


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _work(mode: str, batch_size: int, articles: list[Article]) -> dict[str, Any]:
    """One worker's share: load and warm up, then time the articles."""
    loaded = time.perf_counter()
    events = failed = 0
    timings: dict[str, float] = {}
    if mode == "spacy":
        from conflictscope.pipeline.nlp import load_nlp

        nlp = load_nlp()
        nlp(WARM_UP)
        load_seconds = time.perf_counter() - loaded
        start = time.monotonic()
        for _ in nlp.pipe((a.text for a in articles), batch_size=batch_size):
            pass
        end = time.monotonic()
    else:
        from conflictscope.pipeline.core import Pipeline

        pipeline = Pipeline(batch_size=batch_size)
        pipeline(Article.from_text(WARM_UP))
        pipeline.timings.clear()
        load_seconds = time.perf_counter() - loaded
        start = time.monotonic()
        for analyzed in pipeline.run_many(articles):
            events += len(analyzed.events)
            failed += sum(1 for w in analyzed.warnings if w.startswith("stage "))
        end = time.monotonic()
        timings = dict(pipeline.timings)
    return {"start": start, "end": end, "load": load_seconds, "rss": _peak_rss_mb(),
            "events": events, "failed": failed, "timings": timings}


def run_mode(mode: str, articles: Sequence[Article], *, processes: int = 1,
             batch_size: int = 64) -> ModeResult:
    """Time one mode over the articles with ``processes`` spawned workers."""
    chunks = split_chunks(articles, processes)
    context = multiprocessing.get_context("spawn")
    with context.Pool(len(chunks)) as pool:
        parts = pool.map(partial(_work, mode, batch_size), chunks, chunksize=1)
    timings: dict[str, float] = defaultdict(float)
    for part in parts:
        for name, seconds in part["timings"].items():
            timings[name] += seconds
    return ModeResult(
        mode=mode,
        articles=len(articles),
        words=sum(len(a.text.split()) for a in articles),
        seconds=max(p["end"] for p in parts) - min(p["start"] for p in parts),
        load_seconds=max(p["load"] for p in parts),
        peak_rss_mb=max(p["rss"] for p in parts),
        processes=len(chunks),
        events=sum(p["events"] for p in parts),
        failed_stages=sum(p["failed"] for p in parts),
        timings=dict(timings),
    )


def run_bench(articles: Sequence[Article], *, processes: int = 1, batch_size: int = 64,
              modes: Sequence[str] = MODES) -> dict[str, Any]:
    """Both modes on the same articles, and the pipeline's speed relative to spaCy."""
    results = {mode: run_mode(mode, articles, processes=processes, batch_size=batch_size)
               for mode in modes}
    report: dict[str, Any] = {
        "articles": len(articles),
        "words": sum(len(a.text.split()) for a in articles),
        "processes": processes,
        "modes": {mode: result.as_dict() for mode, result in results.items()},
    }
    if "pipeline" in results and "spacy" in results and results["spacy"].articles_per_second:
        report["ratio"] = round(
            results["pipeline"].articles_per_second / results["spacy"].articles_per_second, 3
        )
    return report


def render(report: dict[str, Any]) -> str:
    """A readable summary of a bench report."""
    lines = [f"{report['articles']} articles, {report['words']} words, "
             f"{report['processes']} process(es)", ""]
    lines.append(f"{'mode':<10} {'articles/s':>10} {'words/s':>10} {'seconds':>8} "
                 f"{'load s':>7} {'peak RSS MB':>11}")
    for mode, m in report["modes"].items():
        lines.append(f"{mode:<10} {m['articles_per_second']:>10.2f} {m['words_per_second']:>10.0f} "
                     f"{m['seconds']:>8.1f} {m['load_seconds']:>7.1f} {m['peak_rss_mb']:>11.0f}")
    if "ratio" in report:
        lines += ["", f"pipeline / plain spaCy speed: {report['ratio']:.2f}x"]
    pipeline = report["modes"].get("pipeline")
    if pipeline:
        total = sum(pipeline["timings"].values()) or 1.0
        lines += ["", "time per stage (seconds, summed over processes):"]
        lines += [f"  {name:<12} {secs:>8.2f}  {100 * secs / total:5.1f}%"
                  for name, secs in sorted(pipeline["timings"].items(), key=lambda kv: -kv[1])]
        lines.append(f"events: {pipeline['events']}; stage failures: {pipeline['failed_stages']}")
    return "\n".join(lines)
