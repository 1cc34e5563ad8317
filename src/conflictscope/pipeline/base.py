"""The pipeline's working record and the stage protocol.

An :class:`AnalyzedArticle` (our spaCy ``Doc``) flows through the stages. Each
stage is a pure function ``AnalyzedArticle -> AnalyzedArticle`` that declares the
layers it ``requires`` and ``provides``; :mod:`conflictscope.pipeline.registry`
checks those declarations when a pipeline is built, so a bad pipeline fails at
build time and not mid-run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from conflictscope.models import (
    ActorMention,
    Article,
    Event,
    EventCandidate,
    Mention,
    PlaceMention,
    Span,
    TimeExpression,
)

if TYPE_CHECKING:  # spaCy types only for annotations
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the article; ``doc`` is its spaCy parse when it was parsed.

    Only sentences that may report an event (and the lead) are parsed, for speed;
    the others keep ``doc=None`` but their text is still there for rule stages.
    Offsets in ``doc`` are relative to the sentence: use :meth:`span` to map them.
    """

    index: int
    start: int
    end: int
    text: str
    doc: Doc | None = None

    def span(self, item: SpacySpan | Token) -> Span:
        """Article-level :class:`Span` for a token or span of this sentence's doc."""
        from spacy.tokens import Token

        if isinstance(item, Token):
            begin, end = item.idx, item.idx + len(item)
        else:
            begin, end = item.start_char, item.end_char
        return Span(self.start + begin, self.start + end, self.text[begin:end])

    def char_span(self, begin: int, end: int) -> Span:
        """Article-level :class:`Span` for sentence-relative character offsets."""
        return Span(self.start + begin, self.start + end, self.text[begin:end])


@dataclass(frozen=True, slots=True)
class AnalyzedArticle:
    """An article with every layer the stages have added so far."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    actors: tuple[ActorMention, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    timexes: tuple[TimeExpression, ...] = ()
    candidates: tuple[EventCandidate, ...] = ()
    events: tuple[Event, ...] = ()
    warnings: tuple[str, ...] = ()
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The article text."""
        return self.article.text

    def parsed_sentences(self) -> Iterator[Sentence]:
        """Sentences that have a spaCy parse."""
        return (s for s in self.sentences if s.doc is not None)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing article offset ``offset``."""
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` of the article text."""
        return Span(start, end, self.article.text[start:end])


StageFunc = Callable[[AnalyzedArticle], AnalyzedArticle]

#: The layers a stage may require or provide (names of AnalyzedArticle fields,
#: plus ``candidates.<field>`` for what a stage fills in on every candidate).
LAYERS = (
    "sentences",
    "mentions",
    "actors",
    "places",
    "timexes",
    "candidates",
    "candidates.actors",
    "candidates.place",
    "candidates.time",
    "candidates.fatalities",
    "candidates.attribution",
    "events",
)


@dataclass(frozen=True, slots=True)
class Stage:
    """A registered pipeline stage."""

    name: str
    func: StageFunc
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    version: str = "1"

    def __call__(self, analyzed: AnalyzedArticle) -> AnalyzedArticle:
        return self.func(analyzed)
