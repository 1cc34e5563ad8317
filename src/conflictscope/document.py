"""The working record the stages pass along, and its declarable, typed layers.

An :class:`AnalyzedArticle` (our spaCy ``Doc``) holds an article and every layer
the stages have added so far. The core layers are fields (``sentences``,
``mentions``, ``actors``, ``places``, ``timexes``, ``candidates``, ``events``);
any other layer is declared once with :func:`declare_layer`, which gives it a
name, a type and a description, and is read and written only through
:meth:`AnalyzedArticle.get` and :meth:`AnalyzedArticle.with_layer`. A stage
declares the layers it reads (``requires``) and adds (``provides``) by these
names; the registry checks them when a pipeline is built and a contract test
checks that no stage reads a layer it did not declare.

This module sits below the pipeline and the knowledge packages (gazetteer, actors,
timex, classify): they all read the working record, none of them imports the
pipeline for it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from conflictscope.errors import PipelineError
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

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Layer(Generic[T]):
    """A named, typed layer of :class:`AnalyzedArticle` (see :func:`declare_layer`)."""

    name: str
    type: Any
    doc: str
    #: True for the layers held in the record's own fields, and for ``candidates.<field>``.
    core: bool = False


_LAYERS: dict[str, Layer[Any]] = {}


def declare_layer(name: str, type_: Any, doc: str, *, core: bool = False) -> Layer[Any]:
    """Declare the layer ``name`` of values of ``type_`` (once; the same declaration again is a no-op)."""
    known = _LAYERS.get(name)
    if known is not None:
        if known.type != type_:
            raise PipelineError(f"layer {name!r} is already declared with type {known.type!r}")
        return known
    layer: Layer[Any] = Layer(name, type_, doc, core)
    _LAYERS[name] = layer
    return layer


def declared_layers() -> dict[str, Layer[Any]]:
    """Every declared layer by name (core layers first, then in declaration order)."""
    return dict(_LAYERS)


def is_declared(name: str) -> bool:
    """Whether ``name`` is a declared layer."""
    return name in _LAYERS


# The core layers: fields of the record, and what stages fill in on every candidate.
for _name, _type, _doc in (
    ("sentences", "tuple[Sentence, ...]", "the article's sentences, the parsed ones with their spaCy doc"),
    ("mentions", "tuple[Mention, ...]", "spaCy's named entities, article offsets"),
    ("actors", "tuple[ActorMention, ...]", "actor mentions resolved to the actor dictionary"),
    ("places", "tuple[PlaceMention, ...]", "place mentions resolved to the gazetteer"),
    ("timexes", "tuple[TimeExpression, ...]", "time expressions with TIMEX3 values"),
    ("candidates", "tuple[EventCandidate, ...]", "event candidates: trigger, type, modality"),
    ("candidates.actors", "ActorMention", "each candidate's actor1/actor2 and associates"),
    ("candidates.place", "PlaceMention", "each candidate's place and precision codes"),
    ("candidates.time", "EventTime", "each candidate's resolved date"),
    ("candidates.fatalities", "Fatalities", "each candidate's death toll"),
    ("candidates.attribution", "Attribution", "each candidate's source and certainty"),
    ("candidates.eventness", "float", "each candidate's kept/dropped decision and its confidence"),
    ("events", "tuple[Event, ...]", "the finished event records"),
):
    declare_layer(_name, _type, _doc, core=True)


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


_EMPTY: Mapping[str, Any] = MappingProxyType({})


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
    #: The declared layers beyond the fields, by name (read-only: use :meth:`with_layer`).
    layers: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)

    @property
    def text(self) -> str:
        """The article text."""
        return self.article.text

    def get(self, layer: Layer[T], default: T | None = None) -> T | None:
        """The value of a declared layer, or ``default`` when no stage added it."""
        return self.layers.get(layer.name, default)

    def with_layer(self, layer: Layer[T], value: T) -> AnalyzedArticle:
        """A copy with ``layer`` set to ``value``."""
        if _LAYERS.get(layer.name) is not layer:
            raise PipelineError(f"layer {layer.name!r} is not declared")
        return replace(self, layers=MappingProxyType({**self.layers, layer.name: value}))

    def parsed_sentences(self) -> Iterator[Sentence]:
        """Sentences that have a spaCy parse."""
        return (s for s in self.sentences if s.doc is not None)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing article offset ``offset``."""
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    def sentence_position(self, offset: int) -> int:
        """The index of the sentence containing article offset ``offset`` (-1 when none does)."""
        sentence = self.sentence_at(offset)
        return -1 if sentence is None else sentence.index

    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` of the article text."""
        return Span(start, end, self.article.text[start:end])
