"""Builders shared by the evaluation tests (hand-made events and analyses)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from conflictscope.document import AnalyzedArticle
from conflictscope.models import Article, Event
from conflictscope.taxonomy import EVENT_TYPE_OF


def make_event(sub_event_type: str = "Armed clash", **fields: Any) -> Event:
    """An Event with sensible defaults; override any field by keyword."""
    values: dict[str, Any] = {
        "event_id": "e1",
        "article_id": "a1",
        "pipeline_version": "test",
        "event_type": EVENT_TYPE_OF[sub_event_type],
        "sub_event_type": sub_event_type,
        "disorder_type": "Political violence",
        "civilian_targeting": False,
        "confidence": 0.5,
        "actor1": "Unidentified Armed Group",
        "inter1": 3,
    }
    values.update(fields)
    if isinstance(values.get("event_date"), str):
        values["event_date"] = date.fromisoformat(values["event_date"])
    return Event(**values)


def fake_analyzer(events_by_text: dict[str, Sequence[Event]]):  # type: ignore[no-untyped-def]
    """An analyzer returning hand-made events for each article text (none by default)."""

    def analyze(articles: Iterable[Article]) -> list[AnalyzedArticle]:
        return [AnalyzedArticle(article=a, events=tuple(events_by_text.get(a.text, ())))
                for a in articles]

    return analyze
