"""Analyst overrides of the merge: merge two canonical events, split mentions out of one.

Mixed into :class:`~conflictscope.store.sql.SqlStore`. An override is an audit record
(``merge_overrides``: who, when, what, why, in order) and the mention pairs it constrains
(``override_pairs``):

- **merge A B**: a must-link between the two events' named mentions (a canonical event is named
  by its smallest mention id). Analyst cannot-links between the two events' mentions made
  before are dropped (the later decision wins).
- **split E --mention M ...**: cannot-links between each listed mention and each other mention
  of E; must-links between the two sides made before are dropped.

The clustering (``merge.constrained``) applies must-links first and never crosses a
cannot-link, so overrides hold through every later re-clustering. Each pair also keeps its
mentions' articles and a key (sub-event type, date, place): when a new pipeline version
re-extracts an article under other event ids, the pair follows the article's mention with the
same key (``MergeWriter._remap_overrides``). A pair whose mention is gone without such a
successor constrains nothing; the audit record stays.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from conflictscope.errors import StoreError
from conflictscope.models import stable_id
from conflictscope.store.base import Override
from conflictscope.store.merging import override_key


class OverrideWriter:
    """Analyst overrides in portable SQL (needs ``SqlStore`` and ``MergeWriter``)."""

    _exec: Any
    _many: Any
    _all: Any
    _one: Any
    _in: Any
    _recluster: Any
    _mentions_cache: Any
    transaction: Any
    cluster_name: Any

    def _cluster(self, event_id: str) -> tuple[str, list[tuple[str, str, str, str]]]:
        """The cluster name of ``event_id`` and its members (id, article, component, data)."""
        name = self.cluster_name(event_id)
        if name is None:
            raise StoreError(f"no event {event_id!r} in the store")
        members = self._all("SELECT mention_id, article_id, component, data FROM mentions "
                            "WHERE cluster_id = ? ORDER BY mention_id", (name,))
        return name, [tuple(m) for m in members]

    def _record_override(self, kind: str, event_id: str, mention_ids: Sequence[str], reason: str,
                         author: str, pairs: list[tuple[str, tuple[Any, ...], tuple[Any, ...]]]) -> Override:
        from conflictscope.store.sql import now

        if not reason.strip():
            raise StoreError("give a reason for the override (--reason)")
        seq = int(self._one("SELECT COALESCE(MAX(seq), 0) FROM merge_overrides")[0]) + 1
        stamp = now()
        override_id = stable_id("override", seq, kind, event_id, *mention_ids, length=12)
        self._exec("INSERT INTO merge_overrides VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   (override_id, seq, kind, event_id, json.dumps(list(mention_ids)), reason, author, stamp))
        cache = self._mentions_cache
        self._many("INSERT INTO override_pairs VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", [
            (override_id, pair_kind, a[0], b[0], a[1], b[1], override_key(cache.get(a[3])),
             override_key(cache.get(b[3]))) for pair_kind, a, b in pairs])
        return Override(override_id, kind, event_id, tuple(mention_ids), reason, author, stamp)  # type: ignore[arg-type]

    def merge_events(self, first: str, second: str, *, reason: str, author: str = "") -> Override:
        """Analyst override: the canonical events (or mentions) ``first`` and ``second`` are one."""
        with self.transaction():
            name_a, members_a = self._cluster(first)
            name_b, members_b = self._cluster(second)
            if name_a == name_b:
                raise StoreError(f"{first} and {second} are already one event ({name_a})")
            ids_a, ids_b = [m[0] for m in members_a], [m[0] for m in members_b]
            self._drop_pairs("cannot", ids_a, ids_b)
            anchor_a = next(m for m in members_a if m[0] == name_a)
            anchor_b = next(m for m in members_b if m[0] == name_b)
            done = self._record_override("merge", name_a, [name_a, name_b], reason, author,
                                         [("must", anchor_a, anchor_b)])
            self._recluster({members_a[0][2], members_b[0][2]}, {name_a, name_b})
        return done

    def split_event(self, event_id: str, mention_ids: Sequence[str], *, reason: str,
                    author: str = "") -> Override:
        """Analyst override: ``mention_ids`` leave the canonical event ``event_id`` (together)."""
        with self.transaction():
            name, members = self._cluster(event_id)
            moving = sorted(set(mention_ids))
            by_id = {m[0]: m for m in members}
            unknown = [m for m in moving if m not in by_id]
            if unknown:
                raise StoreError(f"not mentions of event {name}: {', '.join(unknown)}")
            staying = [m for m in by_id if m not in moving]
            if not moving or not staying:
                raise StoreError("name some but not all of the event's mentions to split off")
            self._drop_pairs("must", moving, staying)
            done = self._record_override("split", name, moving, reason, author,
                                         [("cannot", by_id[a], by_id[b]) for a in moving for b in staying])
            self._recluster({members[0][2]}, {name})
        return done

    def _drop_pairs(self, kind: str, left: Sequence[str], right: Sequence[str]) -> None:
        """Delete override pairs of ``kind`` between the two sides (the later decision wins)."""
        right_set = set(right)
        for override_id, a, b in self._pairs(kind, [*left, *right]):
            if (a in right_set) != (b in right_set):
                self._exec("DELETE FROM override_pairs WHERE override_id = ? AND a = ? AND b = ?",
                           (override_id, a, b))

    def _pairs(self, kind: str, ids: Sequence[str]) -> list[tuple[str, str, str]]:
        found = self._in("SELECT override_id, a, b, kind FROM override_pairs WHERE a IN ({marks})", ids)
        return [(o, a, b) for o, a, b, k in found if k == kind and b in set(ids)]

    def overrides(self) -> list[Override]:
        """Every analyst override, oldest first."""
        return [Override(o, k, e, tuple(json.loads(m)), r, a, c) for o, k, e, m, r, a, c in self._all(
            "SELECT override_id, kind, event_id, mention_ids, reason, author, created_at "
            "FROM merge_overrides ORDER BY seq")]
