"""Typed, immutable records that flow through conflictscope.

Every record that points into an article does so with character offsets into
``Article.text`` (like spaCy's ``Span``), so every value of an event can be traced
back to the words it came from.

Records are frozen dataclasses; stages build new records with
``dataclasses.replace`` instead of mutating.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Certainty = Literal["confirmed", "reported", "unconfirmed", "claimed", "denied"]
Modality = Literal["asserted", "negated", "hypothetical", "future"]


def stable_id(*parts: object, length: int = 16) -> str:
    """A deterministic hex id from the given parts (same input, same id)."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return digest[:length]


def content_hash(text: str) -> str:
    """The SHA-256 of an article text with whitespace folded."""
    folded = " ".join(text.split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of article text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        """The span as a JSON-ready dict."""
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Article:
    """One news report: the unit of input."""

    id: str
    text: str
    published: date | None = None
    title: str = ""
    url: str = ""
    publisher: str = ""
    language: str = "en"

    @property
    def content_hash(self) -> str:
        """Hash of the text, used to store identical reports once."""
        return content_hash(self.text)

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        published: date | None = None,
        id: str | None = None,
        title: str = "",
        url: str = "",
        publisher: str = "",
    ) -> Article:
        """Build an article; without an id, the id is derived from the text."""
        return cls(
            id=id or stable_id("article", content_hash(text)),
            text=text,
            published=published,
            title=title,
            url=url,
            publisher=publisher,
        )


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity or dictionary match in the article (offsets into its text)."""

    start: int
    end: int
    text: str
    label: str
    kb_id: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor from the actor dictionary, ACLED-style."""

    id: str
    name: str
    inter: int
    country: str | None = None
    kind: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A mention of an actor in the text, resolved to a canonical actor."""

    actor: Actor
    span: Span
    generic: bool = False  # "the jihadist group", "militants": resolved from context


@dataclass(frozen=True, slots=True)
class Place:
    """A geocoded place (gazetteer entry, admin region or country)."""

    name: str
    country: str
    iso3: str
    admin1: str = ""
    admin2: str = ""
    latitude: float | None = None
    longitude: float | None = None
    gazetteer_id: str = ""
    feature: str = "city"  # city | admin1 | admin2 | country | continent
    population: int = 0


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A toponym in the text resolved to a place, with its confidence."""

    span: Span
    place: Place
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression normalised against the publication date (TIMEX3-style)."""

    span: Span
    type: str  # DATE | DURATION | SET | TIME
    value: str  # e.g. 2016-12-11, 2016-W49, 2016-03, P10M
    start: date | None = None
    end: date | None = None
    granularity: str = "day"  # day | week | month | year | ...


@dataclass(frozen=True, slots=True)
class EventTime:
    """When an event happened, with ACLED and UCDP precision codes."""

    event_date: date
    date_start: date
    date_end: date
    time_precision: int  # ACLED: 1 day, 2 week, 3 month
    date_prec: int  # UCDP: 1 day ... 5 year
    stated: bool = True  # False: dated by the publication date, no expression found


@dataclass(frozen=True, slots=True)
class Fatalities:
    """Deaths reported for an event: a range, never a guess presented as a count."""

    low: int | None
    best: int | None
    high: int | None
    side: str | None = None
    by_side: tuple[tuple[str, int], ...] = ()
    attributed_to: str | None = None
    acled: int | None = None  # ACLED `fatalities`: the most conservative reported number


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who the article says said something, and how sure it is."""

    attributed_to: str | None
    certainty: Certainty = "reported"


@dataclass(frozen=True, slots=True)
class Source:
    """One source of an event: the article and who in it said so."""

    article_id: str
    publisher: str = ""
    url: str = ""
    published: date | None = None
    attributed_to: str | None = None
    certainty: Certainty = "reported"


@dataclass(frozen=True, slots=True)
class EventCandidate:
    """An event being built by the pipeline: one clause reporting one action.

    The classify stage creates candidates; later stages fill in actors, place,
    time, deaths and attribution, each adding the evidence they used.
    """

    sentence: Span
    trigger: Span
    event_type: str
    sub_event_type: str
    confidence: float
    modality: Modality = "asserted"
    is_background: bool = False
    actor1: ActorMention | None = None
    actor2: ActorMention | None = None
    assoc_actor_1: tuple[ActorMention, ...] = ()
    assoc_actor_2: tuple[ActorMention, ...] = ()
    place: PlaceMention | None = None
    geo_precision: int | None = None
    where_prec: int | None = None
    time: EventTime | None = None
    fatalities: Fatalities | None = None
    attribution: Attribution | None = None
    evidence: Mapping[str, tuple[Span, ...]] = field(default_factory=dict)
    #: The event decision's probability that the candidate reports a specific occurrence that
    #: happened (None until the ``eventness`` stage decided; see ``pipeline/eventness.py``).
    eventness: float | None = None
    #: The event decision: whether the candidate becomes an event (None until decided).
    is_event: bool | None = None

    def with_evidence(self, name: str, *spans: Span) -> EventCandidate:
        """A copy with ``spans`` recorded as the evidence of field ``name``."""
        from dataclasses import replace

        merged = dict(self.evidence)
        merged[name] = tuple(spans)
        return replace(self, evidence=merged)


@dataclass(frozen=True, slots=True)
class Event:
    """A conflict event as the spec (`event-record.md`) defines it."""

    event_id: str
    article_id: str
    pipeline_version: str
    event_type: str
    sub_event_type: str
    disorder_type: str
    civilian_targeting: bool
    confidence: float
    actor1: str
    inter1: int
    actor2: str = ""
    inter2: int = 0
    assoc_actor_1: tuple[str, ...] = ()
    assoc_actor_2: tuple[str, ...] = ()
    interaction: int = 0
    country: str = ""
    iso3: str = ""
    admin1: str = ""
    admin2: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    where_prec: int | None = None
    gazetteer_id: str = ""
    event_date: date | None = None
    date_start: date | None = None
    date_end: date | None = None
    time_precision: int | None = None
    date_prec: int | None = None
    is_background: bool = False
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_best: int | None = None
    fatalities_high: int | None = None
    fatalities_by_side: tuple[tuple[str, int], ...] = ()
    sources: tuple[Source, ...] = ()
    evidence: Mapping[str, tuple[Span, ...]] = field(default_factory=dict)
    notes: str = ""
    #: Outside ACLED's scope: ``"violent-crime"`` for a row only the ``all-violence`` coding scope
    #: keeps (``pipeline/scope.py``); ``""`` for a row of ACLED's scope. Filter on it to drop them.
    scope: str = ""
    #: Fields an analyst corrected (``store/corrections.py``; ``"not_an_event"`` when the row was
    #: marked not an event); ``()`` for a row as extracted. Set by the store, never by the pipeline.
    corrected: tuple[str, ...] = ()
