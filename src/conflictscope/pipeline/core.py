"""The pipeline: spaCy stage first, then the registered stages in order.

``Pipeline.run_many`` streams articles through spaCy in batches and then through
each stage. A stage that fails on one article is recorded as a warning on that
article (``strict=False``, the default for batch use) and the article continues
with what it had, so one odd report never sinks a batch.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from conflictscope import __version__
from conflictscope.models import Article, Event, stable_id
from conflictscope.pipeline.base import AnalyzedArticle, Stage
from conflictscope.pipeline.nlp import analyze_many, load_nlp
from conflictscope.pipeline.registry import DEFAULT_STAGES, resolve

if TYPE_CHECKING:
    from spacy.language import Language


class Pipeline:
    """An ordered, validated list of stages after the spaCy stage."""

    def __init__(
        self,
        stages: Sequence[str] = DEFAULT_STAGES,
        *,
        nlp: Language | None = None,
        strict: bool = False,
        batch_size: int = 256,
    ) -> None:
        self.stages: list[Stage] = resolve(list(stages))
        self._nlp = nlp
        self.strict = strict
        self.batch_size = batch_size
        #: Seconds spent per stage since the pipeline was made (for ``bench``).
        self.timings: dict[str, float] = defaultdict(float)

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline (loaded on first use)."""
        if self._nlp is None:
            self._nlp = load_nlp()
        return self._nlp

    @property
    def version(self) -> str:
        """``conflictscope-X.Y.Z+<hash of stage names and versions>``: stored on every event."""
        signature = ",".join(f"{s.name}.v{s.version}" for s in self.stages)
        return f"conflictscope-{__version__}+{stable_id(signature, length=8)}"

    def __call__(self, article: Article) -> AnalyzedArticle:
        """Analyse one article."""
        return next(iter(self.run_many([article])))

    def run_many(self, articles: Iterable[Article]) -> Iterator[AnalyzedArticle]:
        """Analyse articles in order, streaming; yields one result per article."""
        started = time.perf_counter()
        stream = analyze_many(articles, nlp=self.nlp, batch_size=self.batch_size)
        while True:
            try:
                analyzed = next(stream)
            except StopIteration:
                break
            finally:
                self.timings["spacy"] += time.perf_counter() - started
            yield self._run_stages(analyzed)
            started = time.perf_counter()

    def _run_stages(self, analyzed: AnalyzedArticle) -> AnalyzedArticle:
        analyzed = replace(analyzed, extras={**analyzed.extras, "pipeline_version": self.version})
        for current in self.stages:
            started = time.perf_counter()
            try:
                analyzed = current(analyzed)
            except Exception as exc:
                if self.strict:
                    raise
                message = f"stage {current.name!r} failed: {type(exc).__name__}: {exc}"
                analyzed = replace(analyzed, warnings=(*analyzed.warnings, message))
            finally:
                self.timings[current.name] += time.perf_counter() - started
        return analyzed


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """The process-wide default pipeline (built once)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT


def extract_events(articles: Iterable[Article], pipeline: Pipeline | None = None) -> Iterator[Event]:
    """All events of the articles, in article order."""
    for analyzed in (pipeline or default_pipeline()).run_many(articles):
        yield from analyzed.events
