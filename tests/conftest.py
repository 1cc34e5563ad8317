"""The project's only conftest: shared fixtures for every test folder."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

import builders
from conflictscope.document import AnalyzedArticle
from conflictscope.models import Article, EventCandidate


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The shipped spaCy pipeline, loaded once per test session."""
    from conflictscope.pipeline.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def pipeline(nlp):  # type: ignore[no-untyped-def]
    """The default pipeline, strict: a failing stage fails the test."""
    from conflictscope.pipeline.core import Pipeline

    return Pipeline(nlp=nlp, strict=True)


@pytest.fixture(scope="session")
def analyze(pipeline) -> Callable[..., AnalyzedArticle]:  # type: ignore[no-untyped-def]
    """Run the whole default pipeline on a text: ``analyze(text, published="2016-12-11")``."""

    def run(text: str, published: str | date | None = "2016-12-11") -> AnalyzedArticle:
        when = date.fromisoformat(published) if isinstance(published, str) else published
        return pipeline(Article.from_text(text, published=when))

    return run


@pytest.fixture(scope="session")
def parse(nlp) -> Callable[..., AnalyzedArticle]:  # type: ignore[no-untyped-def]
    """Only the spaCy stage (sentences + mentions), to feed a single stage under test."""
    from conflictscope.pipeline.nlp import analyze_many

    def run(text: str, published: str | date | None = "2016-12-11") -> AnalyzedArticle:
        when = date.fromisoformat(published) if isinstance(published, str) else published
        return next(analyze_many([Article.from_text(text, published=when)], nlp=nlp))

    return run


@pytest.fixture(scope="session")
def candidate_at() -> Callable[..., EventCandidate]:
    """Build an EventCandidate whose trigger is the ``occurrence``-th ``trigger`` of the text.

    ``candidate_at(analyzed, "stormed", sub_event_type="Armed clash")``: for testing a
    stage that fills candidates in, without depending on the classifier.
    """

    return builders.candidate_at
