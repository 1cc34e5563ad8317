"""Analyst corrections as gold: the corrected articles in the ``evaluate events`` format.

An article is *corrected* when an active correction (``Store.corrections``) is anchored to one
of its events. Its record (docs/evaluation.md, EVENTS_GOLD.md) holds the article's id,
publication date, title and text; ``events``: each of its own events (mentions) as stored —
extraction with every correction applied — except those marked not an event, which go to
``not_events`` with the analyst's reason. Each event's ``evidence`` is the text of its evidence
spans (the scorer finds their sentences in the text). ``conflictscope evaluate events --gold``
reads the file as it reads any all-events gold.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from conflictscope.models import Event
from conflictscope.store.base import EventQuery

if TYPE_CHECKING:
    from conflictscope.store.base import Store

NOT_AN_EVENT = "not_an_event"


def gold_event(event: Event) -> dict[str, Any]:
    """One event in the gold format (ACLED fields, ``lat``/``lon``, evidence quotes)."""
    quotes = list(dict.fromkeys(span.text.strip() for spans in event.evidence.values()
                                for span in spans if span.text.strip()))
    return {
        "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "actor1": event.actor1 or None, "actor2": event.actor2 or None,
        "inter1": event.inter1, "inter2": event.inter2,
        "location": event.location or None, "admin1": event.admin1 or None,
        "country": event.country or None, "lat": event.latitude, "lon": event.longitude,
        "geo_precision": event.geo_precision,
        "date_start": event.date_start.isoformat() if event.date_start else None,
        "date_end": event.date_end.isoformat() if event.date_end else None,
        "time_precision": event.time_precision, "is_background": event.is_background,
        "fatalities": event.fatalities,
        "evidence": quotes or ([event.notes] if event.notes else []),
        "note": f"corrected by an analyst: {', '.join(event.corrected)}" if event.corrected else None,
    }


def gold_records(store: Store) -> Iterator[dict[str, Any]]:
    """One gold record per corrected article, by article id."""
    reasons: dict[str, str] = {}
    articles: set[str] = set()
    for correction in store.corrections():
        if not correction.active:
            continue
        articles.add(correction.article_id)
        if correction.field == NOT_AN_EVENT:
            reasons[correction.mention_id] = correction.reason
    for article_id in sorted(articles):
        stored = store.get_article(article_id)
        if stored is None:
            continue
        article = stored.article
        events: list[dict[str, Any]] = []
        not_events: list[str] = []
        for event in store.events(EventQuery(article_id=article_id, mentions=True, include_not_events=True,
                                             sort="id")):
            if NOT_AN_EVENT in event.corrected:
                quote = gold_event(event)["evidence"]
                why = reasons.get(event.event_id, "marked not an event by an analyst")
                not_events.extend(f"{q} (not an event: {why})" for q in quote)
            else:
                events.append(gold_event(event))
        yield {"id": article.id, "published": article.published.isoformat() if article.published else None,
               "title": article.title, "url": article.url, "text": article.text, "events": events,
               "not_events": not_events, "source": "conflictscope corrections",
               "annotator_note": "extraction with analyst corrections (conflictscope corrections export-gold)"}


def write_gold(store: Store, path: str | Path) -> int:
    """Write the corrected articles as an all-events gold (JSON Lines) to ``path``; returns how many."""
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        for record in gold_records(store):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count
