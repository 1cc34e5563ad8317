"""A tiny deterministic pipeline for ingest tests (no spaCy): one event per 'attack' sentence.

Used in a subprocess by the kill-and-rerun test:
``conflictscope ingest --pipeline fake_pipeline:make_pipeline`` with this folder on PYTHONPATH.
``FAKE_PIPELINE_VERSION`` and ``FAKE_PIPELINE_DELAY`` (seconds per article) tune it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from conflictscope.models import Article, Event, Source, Span, stable_id


@dataclass(frozen=True)
class Result:
    """The part of an AnalyzedArticle the ingest runner reads."""

    article: Article
    events: tuple[Event, ...]
    warnings: tuple[str, ...] = ()


class FakePipeline:
    """Deterministic events from the word 'attack'."""

    def __init__(self, version: str = "fake-1", delay: float = 0.0) -> None:
        self.version = version
        self.delay = delay

    def run_many(self, articles: Iterable[Article]) -> Iterator[Result]:
        """One Result per article, in order."""
        for article in articles:
            if self.delay:
                time.sleep(self.delay)
            yield Result(article, tuple(self.events_of(article)))

    def events_of(self, article: Article) -> Iterator[Event]:
        """One event per sentence mentioning an attack."""
        offset = 0
        for n, sentence in enumerate(article.text.split(".")):
            start = article.text.find(sentence, offset)
            offset = start + len(sentence)
            if "attack" not in sentence.lower():
                continue
            yield Event(
                event_id=stable_id("event", article.id, n, self.version),
                article_id=article.id, pipeline_version=self.version,
                event_type="Battles", sub_event_type="Armed clash",
                disorder_type="Political violence", civilian_targeting=False,
                confidence=0.5, actor1="Unidentified Armed Group", inter1=3,
                country="Syria", iso3="SYR", event_date=article.published,
                sources=(Source(article.id, article.publisher, article.url, article.published),),
                evidence={"event_type": (Span(start, offset, sentence),)},
                notes=sentence.strip(),
            )


def make_pipeline() -> FakePipeline:
    """The factory the CLI's hidden --pipeline option calls."""
    return FakePipeline(os.environ.get("FAKE_PIPELINE_VERSION", "fake-1"),
                        float(os.environ.get("FAKE_PIPELINE_DELAY", "0")))
