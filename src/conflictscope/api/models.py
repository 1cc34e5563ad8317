"""Response and request bodies of the API, as pydantic models (they make ``/openapi.json``).

Routes build plain JSON-ready dicts and return them directly; these models describe them, and
the schemathesis test checks that every response conforms.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Span(BaseModel):
    """A piece of evidence: character offsets into the article text and the text there."""

    start: int
    end: int
    text: str


class SourceRecord(BaseModel):
    """One report of an event: its article, outlet, attribution and certainty."""

    model_config = ConfigDict(extra="allow")
    article_id: str
    publisher: str = ""
    url: str = ""
    published: str | None = None
    attributed_to: str | None = None
    certainty: str = "reported"


class EventRecord(BaseModel):
    """An event record (docs/event-record.md): every field of the contract."""

    model_config = ConfigDict(extra="allow")
    event_id: str
    article_id: str
    event_type: str
    sub_event_type: str
    confidence: float
    actor1: str = ""
    actor2: str = ""
    country: str = ""
    iso3: str = ""
    admin1: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    event_date: str | None = None
    is_background: bool = False
    fatalities: int | None = None
    sources: list[SourceRecord] = []
    evidence: dict[str, list[Span]] = {}
    notes: str = ""


class EventPage(BaseModel):
    """One page of events and the cursor of the next (null on the last page)."""

    events: list[EventRecord]
    next_cursor: str | None = None
    sort: str
    limit: int


class CorrectionRecord(BaseModel):
    """An analyst correction with its audit record (old and new value, who, when, why)."""

    correction_id: str
    event_id: str
    mention_id: str
    article_id: str
    field: str
    old_value: Any = None
    new_value: Any = None
    reason: str
    author: str
    created_at: str
    active: bool


class FieldValue(BaseModel):
    """A field of a canonical event: its value, the mention and article it came from, how many
    sources agree, the evidence spans in that article, and the analyst correction that set the
    value (null when it is the extraction's)."""

    value: Any = None
    mention_id: str | None = None
    article_id: str | None = None
    support: int | None = None
    evidence: list[Span] = []
    correction: CorrectionRecord | None = None


class OverrideRecord(BaseModel):
    """An analyst override with its audit record."""

    override_id: str
    kind: str
    event_id: str
    mention_ids: list[str]
    reason: str
    author: str
    created_at: str


class EventDetail(BaseModel):
    """A canonical event with where each field came from, each source's own version
    (mentions) and the analyst overrides touching it."""

    event: EventRecord
    fields: dict[str, FieldValue]
    provenance: dict[str, Any]
    mentions: list[EventRecord]
    overrides: list[OverrideRecord]
    corrections: list[CorrectionRecord] = []
    not_an_event: bool = False


class ArticleSpan(Span):
    """An evidence span of an article: which event and field it supports."""

    event_id: str
    field: str


class ArticleRecord(BaseModel):
    """A stored article: its text (untrusted data), metadata, sources and every evidence span."""

    article_id: str
    title: str
    text: str
    published: str | None = None
    url: str = ""
    publisher: str = ""
    sources: list[dict[str, Any]]
    events: list[str]
    spans: list[ArticleSpan]


class BucketRecord(BaseModel):
    """One period of the timeline."""

    start: str
    events: int
    deaths: int


class AggregateRecord(BaseModel):
    """Counts of the matching events: a timeline and counts by type, country and actor."""

    period: str
    events: int
    deaths: int
    undated: int
    timeline: list[BucketRecord]
    by_type: dict[str, int]
    by_sub_type: dict[str, int]
    by_country: dict[str, int]
    by_actor: dict[str, int]


class ClusterRecord(BaseModel):
    """A map cluster: mean point, count, deaths, dominant type, count per type, cell box, and
    the event id when it holds a single event."""

    latitude: float
    longitude: float
    count: int
    deaths: int
    event_type: str
    by_type: dict[str, int]
    bbox: list[float]
    event_id: str | None = None


class ClusterPage(BaseModel):
    """The clusters of a map view and the grid cell used (degrees)."""

    cell: float
    total: int
    clusters: list[ClusterRecord]


class Health(BaseModel):
    """Whether the server can read its store."""

    status: str
    events: int
    writes_enabled: bool
    warm: bool = True  # false while the start-up summaries are being built


class Version(BaseModel):
    """The software and store versions."""

    version: str
    schema_version: int
    api: str


class MergeRequest(BaseModel):
    """Merge two canonical events (or the events holding two mentions) into one."""

    first: str = Field(min_length=1, max_length=200)
    second: str = Field(min_length=1, max_length=200)
    reason: str = Field(min_length=1, max_length=2000)
    author: str = Field(default="", max_length=200)


class SplitRequest(BaseModel):
    """Split the named mentions off a canonical event (they leave together)."""

    mentions: list[str] = Field(min_length=1, max_length=1000)
    reason: str = Field(min_length=1, max_length=2000)
    author: str = Field(default="", max_length=200)


#: A corrected value: text, a number, true/false, a list of names, or null (none).
CorrectionValue = str | int | float | bool | list[str] | None


class CorrectionRequest(BaseModel):
    """Correct one field of an event (``field`` ``not_an_event`` with ``true``: not an event)."""

    field: str = Field(min_length=1, max_length=60)
    value: CorrectionValue = None
    reason: str = Field(min_length=1, max_length=2000)
    author: str = Field(default="", max_length=200)


class CorrectionResult(BaseModel):
    """The correction recorded and the event as it now reads."""

    correction: CorrectionRecord
    event_id: str | None
    event: EventRecord | None = None


class WriteResult(BaseModel):
    """The override recorded and the canonical event it leaves."""

    override: OverrideRecord
    event_id: str | None


class ErrorRecord(BaseModel):
    """Every error: a short message, never a stack trace."""

    error: str
    detail: Any = None
