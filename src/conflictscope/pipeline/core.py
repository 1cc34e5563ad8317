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
from conflictscope.document import AnalyzedArticle
from conflictscope.errors import PipelineError
from conflictscope.models import Article, Event
from conflictscope.pipeline.base import PIPELINE_VERSION, Stage
from conflictscope.pipeline.nlp import SPACY_MODEL, analyze_many
from conflictscope.pipeline.registry import DEFAULT_STAGES, resolve
from conflictscope.resources import (
    Resources,
    Settings,
    active,
    default_resources,
    pipeline_fingerprint,
)

if TYPE_CHECKING:
    from spacy.language import Language


class Pipeline:
    """An ordered, validated list of stages after the spaCy stage, with the resources they read.

    ``settings`` (or ready ``resources``) configure the spaCy model, gazetteer, classifier
    and actor dictionary; by default the process's (:meth:`Settings.from_env`). The
    pipeline makes its resources current while it runs, so pipelines of different
    settings can run in one process.
    """

    def __init__(
        self,
        stages: Sequence[str] = DEFAULT_STAGES,
        *,
        settings: Settings | None = None,
        resources: Resources | None = None,
        nlp: Language | None = None,
        strict: bool = False,
        batch_size: int = 256,
    ) -> None:
        self.stages: list[Stage] = resolve(list(stages))
        chosen = resources.settings if resources is not None else settings or default_resources().settings
        problems = chosen.problems()
        if problems:
            raise PipelineError("; ".join(problems))
        if resources is None:
            resources = Resources(settings) if settings is not None else default_resources()
        self.resources = resources
        if nlp is not None:
            resources.provide(SPACY_MODEL, nlp)
        self.strict = strict
        self.batch_size = batch_size
        hints = [s.parse_hint for s in self.stages if s.parse_hint is not None]
        self._parse_hints = tuple(hints)
        #: Seconds spent per stage since the pipeline was made (for ``bench``).
        self.timings: dict[str, float] = defaultdict(float)
        self._version: str | None = None

    @property
    def settings(self) -> Settings:
        """The settings of this pipeline's resources."""
        return self.resources.settings

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline (loaded on first use)."""
        return self.resources.get(SPACY_MODEL)

    @property
    def version(self) -> str:
        """``conflictscope-X.Y.Z+<hash>``, stored on every event: the hash covers the code that decides
        the output, the stages, and every resource's data and switch under these settings."""
        if self._version is None:
            names = tuple(s.name for s in self.stages)
            self._version = f"conflictscope-{__version__}+{pipeline_fingerprint(self.settings, names)}"
        return self._version

    def wants_parse(self, text: str) -> bool:
        """Whether a stage of this pipeline needs ``text`` (a sentence) parsed."""
        return any(hint(text) for hint in self._parse_hints)

    def __call__(self, article: Article) -> AnalyzedArticle:
        """Analyse one article."""
        return next(iter(self.run_many([article])))

    def run_many(self, articles: Iterable[Article]) -> Iterator[AnalyzedArticle]:
        """Analyse articles in order, streaming; yields one result per article."""
        started = time.perf_counter()
        stream = analyze_many(articles, nlp=self.nlp, batch_size=self.batch_size, wants_parse=self.wants_parse)
        while True:
            try:
                with active(self.resources):
                    analyzed = next(stream)
            except StopIteration:
                break
            finally:
                self.timings["spacy"] += time.perf_counter() - started
            with active(self.resources):
                done = self._run_stages(analyzed)
            yield done
            started = time.perf_counter()

    def _run_stages(self, analyzed: AnalyzedArticle) -> AnalyzedArticle:
        analyzed = analyzed.with_layer(PIPELINE_VERSION, self.version)
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
