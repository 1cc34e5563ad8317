"""Analyst corrections in the store: audited, anchored to a mention, re-applied on every write.

Mixed into :class:`~conflictscope.store.sql.SqlStore`. A correction (``corrections`` table) is
an audit record — who, when, field, old value, new value, reason — anchored to one **mention**:
the mention the analyst named, or the mention that names the canonical event. Like an analyst
override (``store/overrides.py``) it keeps the mention's article and key (sub-event type, date,
place as extracted), so when a new pipeline version re-extracts the article under other event
ids the correction follows the article's new mention with the same key
(:meth:`CorrectionWriter._remap_corrections`); without one it applies to nothing (``active``
false) and its record stays.

Whenever rows are written again — an article re-ingested or re-extracted, clusters rewritten
by re-clustering, a merge or a split — the corrections of the mentions concerned are applied
on top (:meth:`CorrectionWriter._apply_corrections`): on the mention's own ``events`` row and
on the canonical event holding it (the corrections of all its mentions, oldest first: the
later wins). A mention's actor rows (``event_actors``, read by the actor filter) are written
again with its corrected actors. "Not an event" sets the rows' ``not_event`` column, which queries leave out by
default (``EventQuery.include_not_events``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from conflictscope.errors import StoreError
from conflictscope.merge.mention import Mention
from conflictscope.models import Event, stable_id
from conflictscope.store import corrections as fields
from conflictscope.store import rows
from conflictscope.store.base import Correction, EventQuery
from conflictscope.store.merging import override_key

#: Columns a correction rewrites (all but the id and the time the row was stored).
_SET_COLUMNS = tuple(c for c in rows.EVENT_COLUMNS if c not in ("event_id", "stored_at"))
_COLUMNS_SELECT = ("SELECT correction_id, event_id, mention_id, article_id, field, old_value, new_value, "
                   "reason, author, created_at FROM corrections")


class CorrectionWriter:
    """Analyst corrections in portable SQL (needs ``SqlStore`` and ``MergeWriter``)."""

    _exec: Any
    _many: Any
    _all: Any
    _one: Any
    _in: Any
    _mentions_cache: Any
    transaction: Any
    cluster_name: Any

    def correct_event(self, event_id: str, field: str, value: Any, *, reason: str,
                      author: str = "") -> Correction:
        """Analyst correction: ``field`` of the event ``event_id`` (a canonical event or a mention)
        is ``value``; ``not_an_event`` with true marks the row not an event (false takes that
        back). Raises StoreError for an unknown event or field, an invalid value, a value the
        field already has, or no reason."""
        from conflictscope.store.sql import now

        if not reason.strip():
            raise fields.InvalidCorrection("give a reason for the correction (--reason)")
        typed = fields.coerce(field, value)
        with self.transaction():
            name = self.cluster_name(event_id)
            if name is None:
                raise StoreError(f"no event {event_id!r} in the store")
            anchor = event_id if self._one("SELECT 1 FROM mentions WHERE mention_id = ?",
                                           (event_id,)) else name
            found = self._one("SELECT article_id, data FROM mentions WHERE mention_id = ?", (anchor,))
            if found is None:
                raise StoreError(f"event {event_id!r} has no mention to anchor a correction to")
            article_id, key = found[0], override_key(self._mentions_cache.get(found[1]))
            event, not_event = self._canonical(name)
            old = fields.current(event, field, not_event)
            if old == typed:
                raise StoreError(f"{field} of {name} is already {fields.to_json(typed)!r}")
            fields.apply(event, [(field, typed)])  # refuses an inconsistent record
            seq = int(self._one("SELECT COALESCE(MAX(seq), 0) FROM corrections")[0]) + 1
            stamp = now()
            correction_id = stable_id("correction", seq, anchor, field, stamp, length=12)
            self._exec("INSERT INTO corrections VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (correction_id, seq, event_id, anchor, article_id, key, field,
                        json.dumps(fields.to_json(old)), json.dumps(fields.to_json(typed)),
                        reason.strip(), author, stamp))
            self._apply_corrections([anchor], [name])
        return Correction(correction_id, event_id, anchor, article_id, field, fields.to_json(old),
                          fields.to_json(typed), reason.strip(), author, stamp, True)

    def corrections(self, event_id: str | None = None) -> list[Correction]:
        """Every correction, oldest first; with ``event_id``, those applying to that canonical
        event (or the one holding that mention) now."""
        if event_id is None:
            found = self._all(_COLUMNS_SELECT + " ORDER BY seq")
        else:
            name = self.cluster_name(event_id)
            if name is None:
                return []
            found = self._all(_COLUMNS_SELECT + " WHERE mention_id IN (SELECT mention_id FROM mentions "
                              "WHERE cluster_id = ?) ORDER BY seq", (name,))
        stored = {row[0] for row in self._in("SELECT mention_id FROM mentions WHERE mention_id IN ({marks})",
                                             [row[2] for row in found])}
        return [Correction(c, e, m, a, f, json.loads(o), json.loads(n), r, w, t, m in stored)
                for c, e, m, a, f, o, n, r, w, t in found]

    def _visible(self, q: EventQuery) -> EventQuery:
        """``q`` without the not-an-event filter while no row was ever marked so (the filter
        would keep queries from being answered by covering indexes alone)."""
        if q.include_not_events or self._one("SELECT 1 FROM corrections WHERE field = ? LIMIT 1",
                                             (fields.NOT_AN_EVENT,)) is not None:
            return q
        return replace(q, include_not_events=True)

    def _canonical(self, name: str) -> tuple[Event, bool]:
        row = self._one(f"SELECT {rows.READ_SQL}, e.not_event FROM canonical_events e WHERE e.event_id = ?",
                        (name,))
        if row is None:
            raise StoreError(f"no event {name!r} in the store")
        return rows.event_from_row(row[:-1]), bool(row[-1])

    def _remap_corrections(self, new: Sequence[Mention]) -> None:
        """Point corrections anchored to a mention of these articles that is gone (re-extracted
        under another id) at the article's new mention with the same sub-type, date and place."""
        by_article: dict[str, dict[str, str]] = {}
        for mention in new:
            by_article.setdefault(mention.article_id, {}).setdefault(override_key(mention), mention.mention_id)
        ids = {m.mention_id for m in new}
        found = self._in("SELECT correction_id, mention_id, article_id, mention_key FROM corrections "
                         "WHERE article_id IN ({marks})", by_article)
        for correction_id, mention_id, article_id, key in found:
            target = by_article[article_id].get(key)
            if mention_id in ids or target is None or target == mention_id:
                continue
            if self._one("SELECT 1 FROM mentions WHERE mention_id = ?", (mention_id,)) is not None:
                continue  # its mention is still stored (another batch's write)
            self._exec("UPDATE corrections SET mention_id = ? WHERE correction_id = ?", (target, correction_id))

    def _apply_corrections(self, mention_ids: Iterable[str], clusters: Iterable[str]) -> None:
        """Apply the corrections of ``mention_ids`` to their ``events`` rows and those of every
        member of ``clusters`` to the canonical rows (inside the caller's transaction)."""
        mention_ids, clusters = sorted(set(mention_ids)), sorted(set(clusters))
        if (not mention_ids and not clusters) or self._one("SELECT 1 FROM corrections LIMIT 1") is None:
            return
        own = self._changes("mention_id IN ({marks})", mention_ids)
        self._in("UPDATE events SET not_event = 0 WHERE not_event = 1 AND event_id IN ({marks})", mention_ids)
        for mention_id, changes in own.items():
            self._rewrite("events", mention_id, changes)
        members = self._in("SELECT mention_id, cluster_id FROM mentions WHERE cluster_id IN ({marks})", clusters)
        cluster_of = dict(members)
        changes_of = self._changes("mention_id IN ({marks})", list(cluster_of))
        by_cluster: dict[str, list[tuple[int, str, Any]]] = {}
        for mention_id, changes in changes_of.items():
            by_cluster.setdefault(cluster_of[mention_id], []).extend(changes)
        self._in("UPDATE canonical_events SET not_event = 0 WHERE not_event = 1 AND event_id IN ({marks})",
                 clusters)
        for name, changes in by_cluster.items():
            self._rewrite("canonical_events", name, sorted(changes, key=lambda c: c[0]))

    def _changes(self, where: str, ids: Sequence[str]) -> dict[str, list[tuple[int, str, Any]]]:
        """``(seq, field, typed value)`` of the corrections of each mention, oldest first."""
        out: dict[str, list[tuple[int, str, Any]]] = {}
        for mention_id, seq, name, value in self._in(
                f"SELECT mention_id, seq, field, new_value FROM corrections WHERE {where}", ids):
            out.setdefault(mention_id, []).append((int(seq), name, fields.from_json(name, json.loads(value))))
        for changes in out.values():
            changes.sort(key=lambda c: c[0])
        return out

    def _rewrite(self, table: str, event_id: str, changes: Sequence[tuple[int, str, Any]]) -> None:
        """Rewrite one row of ``table`` with ``changes`` applied (its columns and ``not_event``)."""
        from conflictscope.store.sql import now

        row = self._one(f"SELECT {rows.READ_SQL}, e.search_text FROM {table} e WHERE e.event_id = ?",
                        (event_id,))
        if row is None:
            return
        try:
            event, not_event = fields.apply(rows.event_from_row(row[:-1]), [(n, v) for _, n, v in changes])
        except StoreError:  # corrections that no longer fit the new extraction: the valid prefix
            event, not_event = _lenient(rows.event_from_row(row[:-1]), changes)
        values = dict(zip(rows.EVENT_COLUMNS, rows.event_row(event, now()), strict=True))
        if table == "canonical_events":  # keep the mentions' search text, add the corrected words
            extra = [t for t in values["search_text"].split(" \x1f ") if t and t not in row[-1]]
            values["search_text"] = " \x1f ".join([row[-1], *extra]) if extra else row[-1]
        assignments = ", ".join(f"{c} = ?" for c in _SET_COLUMNS)
        self._exec(f"UPDATE {table} SET {assignments}, not_event = ? WHERE event_id = ?",
                   (*(values[c] for c in _SET_COLUMNS), int(not_event), event_id))
        if table == "events":  # the actor filter reads a mention's actor rows: they name the corrected actors
            from conflictscope.store.sql import _ACTOR_INSERT

            self._exec("DELETE FROM event_actors WHERE event_id = ?", (event_id,))
            self._many(_ACTOR_INSERT, rows.actor_rows(event))


def _lenient(event: Event, changes: Sequence[tuple[int, str, Any]]) -> tuple[Event, bool]:
    """Apply the corrections one at a time, skipping any that no longer fit the event."""
    done: list[tuple[str, Any]] = []
    result: tuple[Event, bool] = (event, False)
    for _, name, value in changes:
        try:
            result = fields.apply(event, [*done, (name, value)])
            done.append((name, value))
        except StoreError:
            continue
    return result
