"""The canonical event as an event record (``models.Event``), with where each field came from.

:func:`canonical_event` turns a :class:`~conflictscope.merge.canonical.CanonicalEvent` and the
per-article events of its mentions into one ``Event`` that queries and exports handle like any
other: its id is the cluster's (its smallest mention id), its sources are every mention's
sources (one per outlet and article), and

- type and sub-event type, date (with its span and precisions), place (country to
  coordinates and precisions), actor1 (with inter1 and associated actors), actor2, and the
  death figures come from the mentions :func:`~conflictscope.merge.canonical.canonical` chose;
- the rest (disorder type, civilian targeting, notes, evidence) from the mention of the chosen
  sub-event type; confidence is the highest of the mentions'; ``is_background`` only when every
  mention is background.

A cluster of one mention is that mention's event unchanged. :func:`provenance` lists, for each
chosen field, its value, mention, article and support (stored beside the canonical event).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from conflictscope.merge.canonical import CanonicalEvent, Chosen
from conflictscope.models import Event, Source
from conflictscope.taxonomy import interaction


def _sources(events: list[Event]) -> tuple[Source, ...]:
    seen: dict[tuple[str, str, str], Source] = {}
    for event in events:
        for source in event.sources or (Source(event.article_id),):
            seen.setdefault((source.article_id, source.publisher, source.url), source)
    return tuple(seen[key] for key in sorted(seen))


def canonical_event(canon: CanonicalEvent, events: Mapping[str, Event]) -> Event:
    """The record of one canonical event; ``events`` holds the event of every mention id."""
    members = [events[m] for m in canon.mention_ids]
    if len(members) == 1:
        return members[0]
    base = events[canon.sub_event_type.mention_id]
    changes: dict[str, Any] = {
        "event_id": canon.event_id, "event_type": canon.event_type.value,
        "sub_event_type": canon.sub_event_type.value,
        "confidence": max(e.confidence for e in members),
        "is_background": all(e.is_background for e in members),
        "sources": _sources(members),
    }
    if canon.event_date is not None:
        when = events[canon.event_date.mention_id]
        changes.update(event_date=when.event_date, date_start=when.date_start, date_end=when.date_end,
                       time_precision=when.time_precision, date_prec=when.date_prec)
    if canon.location is not None:
        where = events[canon.location.mention_id]
        changes.update({name: getattr(where, name) for name in (
            "country", "iso3", "admin1", "admin2", "location", "latitude", "longitude",
            "geo_precision", "where_prec", "gazetteer_id")})
    if canon.actor1 is not None:
        first = events[canon.actor1.mention_id]
        changes.update(actor1=first.actor1, inter1=first.inter1, assoc_actor_1=first.assoc_actor_1)
    if canon.actor2 is not None:
        second = events[canon.actor2.mention_id]
        changes.update(actor2=second.actor2, inter2=second.inter2, assoc_actor_2=second.assoc_actor_2)
    if any(e.fatalities is not None for e in members):
        told = events[canon.fatalities.mention_id]
        changes.update(fatalities=canon.fatalities.value, fatalities_low=canon.fatalities_low,
                       fatalities_best=canon.fatalities_best, fatalities_high=canon.fatalities_high,
                       fatalities_by_side=told.fatalities_by_side)
    else:
        changes.update(fatalities=None, fatalities_low=None, fatalities_best=None, fatalities_high=None)
    merged = replace(base, **changes)
    return replace(merged, interaction=interaction(merged.inter1, merged.inter2))


def _chosen(value: Chosen[Any] | None) -> dict[str, Any] | None:
    if value is None:
        return None
    shown = value.value.isoformat() if hasattr(value.value, "isoformat") else value.value
    return {"value": shown, "mention_id": value.mention_id, "article_id": value.article_id,
            "support": value.support}


def provenance(canon: CanonicalEvent) -> dict[str, Any]:
    """Where each canonical field came from (JSON-ready): value, mention, article, support."""
    return {
        "mention_ids": list(canon.mention_ids), "sources": list(canon.sources),
        "source_count": canon.source_count, "event_clarity": canon.event_clarity,
        "fields": {name: _chosen(getattr(canon, name)) for name in (
            "event_type", "sub_event_type", "event_date", "location", "actor1", "actor2",
            "fatalities")},
        "fatalities_low": canon.fatalities_low, "fatalities_best": canon.fatalities_best,
        "fatalities_high": canon.fatalities_high,
    }
