"""Canonical events in the store: mentions, links, clusters and canonical rows (docs/store.md).

Mixed into :class:`~conflictscope.store.sql.SqlStore`. Every write here runs inside the
caller's transaction (``save_article``: one article, its events, its mentions and the
re-clustering they cause commit together or not at all).

**Writing an article's events** (:meth:`MergeWriter._replace_mentions`): the article's old
mentions and their links are deleted; each new event becomes a mention
(``merge.mention_of``) and is scored against the stored mentions the index reaches
(``mention_rows.candidate_statement``); the links that reach the threshold are stored. The
*components* (connected parts of the graph of links and analyst merges) the old and new
mentions belong to are then clustered again, and only they
(:func:`conflictscope.merge.constrained.constrained_clusters`: links in descending score order,
never two mentions of one article, analyst overrides first); their canonical events are
rewritten. Nothing else in the store is read or written, and the result is the clustering
of all stored mentions at once, whatever order the articles came in.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from conflictscope.merge.canonical import CanonicalEvent, canonical
from conflictscope.merge.compare import DEFAULT_RULES, may_match, pair_score
from conflictscope.merge.constrained import Link, components, constrained_clusters
from conflictscope.merge.mention import Mention, mention_of
from conflictscope.merge.record import canonical_event, provenance
from conflictscope.models import Article, Event
from conflictscope.store import rows
from conflictscope.store.base import EventCluster
from conflictscope.store.mention_rows import MentionCache, candidate_statement, mention_row

_CANONICAL_COLUMNS = (*rows.EVENT_COLUMNS, "mention_count", "source_count", "event_clarity", "provenance")
_CANONICAL_INSERT = (
    f"INSERT INTO canonical_events ({', '.join(_CANONICAL_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in _CANONICAL_COLUMNS)}) ON CONFLICT (event_id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _CANONICAL_COLUMNS[1:])
)
_CANONICAL_COPY = (
    f"INSERT INTO canonical_events ({', '.join(_CANONICAL_COLUMNS)}) "
    f"SELECT {', '.join(rows.EVENT_COLUMNS)}, 1, ?, ?, ? FROM events WHERE event_id = ? "
    "ON CONFLICT (event_id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _CANONICAL_COLUMNS[1:])
)
_MENTION_INSERT = "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
_LINK_INSERT = ("INSERT INTO mention_links VALUES (?, ?, ?) ON CONFLICT (a, b) DO UPDATE SET "
                "score = excluded.score")
#: Ids per ``IN (...)`` list.
CHUNK = 500


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    """``items`` in slices of at most ``size``."""
    for start in range(0, len(items), size):
        yield items[start:start + size]


def override_key(mention: Mention) -> str:
    """What identifies a mention within its article across re-extractions (sub-type, date, place)."""
    when = mention.event_date.isoformat() if mention.event_date else ""
    return f"{mention.sub_event_type}|{when}|{mention.location}"


class MergeWriter:
    """The merge's writes and reads, in portable SQL (needs ``SqlStore``'s plumbing)."""

    _exec: Any
    _many: Any
    _all: Any
    _one: Any
    transaction: Any
    _remap_corrections: Any
    _apply_corrections: Any
    _merge_cache: MentionCache | None = None

    @property
    def _mentions_cache(self) -> MentionCache:
        if self._merge_cache is None:
            self._merge_cache = MentionCache()
        return self._merge_cache

    def _in(self, sql: str, ids: Iterable[str], extra: Sequence[Any] = ()) -> list[Any]:
        """Rows of ``sql`` (with one ``{marks}`` IN list) for every chunk of ``ids``."""
        found: list[Any] = []
        for part in chunks(sorted(set(ids))):
            marks = ", ".join("?" for _ in part)
            if sql.startswith("SELECT"):
                found.extend(self._all(sql.format(marks=marks), (*part, *extra)))
            else:
                self._exec(sql.format(marks=marks), (*part, *extra))
        return found

    # -- writing ---------------------------------------------------------
    def backfill_mentions(self, batch: int = 2000) -> int:
        """Make and cluster the mentions of stored events that have none (stored before
        migration 4, or bulk-inserted with ``merge=False``); returns how many."""
        total = 0
        while True:
            found = self._all(
                f"SELECT {rows.READ_SQL} FROM events e WHERE NOT EXISTS (SELECT 1 FROM mentions m "
                "WHERE m.mention_id = e.event_id) ORDER BY e.article_id, e.event_id LIMIT ?", (batch,))
            if not found:
                return total
            by_article: dict[str, list[Event]] = {}
            for event in map(rows.event_from_row, found):
                by_article.setdefault(event.article_id, []).append(event)
            articles = {row[0]: Article(id=row[0], text="", title=row[1], url=row[3], publisher=row[4],
                                        published=date.fromisoformat(row[2]) if row[2] else None)
                        for row in self._in("SELECT article_id, title, published, url, publisher "
                                            "FROM articles WHERE article_id IN ({marks})", by_article)}
            added = [(articles.get(aid) or article_of_event(events[0]), events)
                     for aid, events in sorted(by_article.items())]
            with self.transaction():
                self._replace_mentions([], added)
            total += len(found)

    def _replace_mentions(self, removed: Iterable[str],
                          added: Sequence[tuple[Article, Sequence[Event]]],
                          removed_ids: Iterable[str] = ()) -> None:
        """Delete the mentions of the articles ``removed`` (and the mentions ``removed_ids``), add
        those of ``added`` (each article with its events), and cluster the components they touch
        again. Inside a transaction."""
        old = self._in("SELECT mention_id, component, cluster_id FROM mentions "
                       "WHERE article_id IN ({marks})", removed)
        old += self._in("SELECT mention_id, component, cluster_id FROM mentions "
                        "WHERE mention_id IN ({marks})", removed_ids)
        affected = {row[1] for row in old}
        old_clusters = {row[2] for row in old}
        gone = sorted({row[0] for row in old})
        if gone:
            self._in("DELETE FROM mention_links WHERE a IN ({marks})", gone)
            self._in("DELETE FROM mention_links WHERE b IN ({marks})", gone)
            self._in("DELETE FROM mentions WHERE mention_id IN ({marks})", gone)
        new = sorted((mention_of(e, article) for article, events in added for e in events),
                     key=lambda m: m.mention_id)
        if new:
            self._remap_overrides(new)
            self._remap_corrections(new)
            made = [mention_row(m, m.mention_id) for m in new]
            for mention, row in zip(new, made, strict=True):
                self._mentions_cache.put(row[12], mention)
            self._many(_MENTION_INSERT, made)
            self._apply_corrections([m.mention_id for m in new], ())  # before their clusters are written
            affected |= self._link(new)
        if affected or old_clusters:
            self._recluster(affected, old_clusters, {m.mention_id for m in new})

    def _link(self, new: Sequence[Mention]) -> set[str]:
        """Score each new mention against its candidates, store the links; returns the components
        the new mentions and their partners (links and analyst merges) belong to."""
        cache = self._mentions_cache
        rules = DEFAULT_RULES
        links: dict[tuple[str, str], float] = {}
        for mention in new:
            seen = {mention.mention_id}
            union, params = candidate_statement(mention)  # one statement: each part uses its index
            for other_id, data in self._all(union, params):
                    if other_id in seen:
                        continue
                    seen.add(other_id)
                    other = cache.get(data)
                    if other.article_id == mention.article_id or not may_match(mention, other):
                        continue
                    score = pair_score(mention, other, rules)
                    if score >= rules.threshold:
                        links[tuple(sorted((mention.mention_id, other_id)))] = score
        self._many(_LINK_INSERT, [(a, b, s) for (a, b), s in sorted(links.items())])
        ids = {m.mention_id for m in new}
        partners = {x for pair in links for x in pair} - ids
        for a, b in self._in("SELECT a, b FROM override_pairs WHERE kind = 'must' AND a IN ({marks})", ids) \
                + self._in("SELECT a, b FROM override_pairs WHERE kind = 'must' AND b IN ({marks})", ids):
            partners |= {a, b} - ids
        reached = {row[0] for row in self._in("SELECT component FROM mentions WHERE mention_id "
                                              "IN ({marks})", partners)}
        return reached | ids

    def _remap_overrides(self, new: Sequence[Mention]) -> None:
        """Point override pairs naming a mention of these articles that is gone (re-extracted under
        another id) at the article's new mention with the same sub-type, date and place."""
        by_article: dict[str, dict[str, str]] = {}
        for mention in new:
            by_article.setdefault(mention.article_id, {}).setdefault(override_key(mention), mention.mention_id)
        ids = {m.mention_id for m in new}
        for side in ("a", "b"):
            found = self._in(f"SELECT override_id, a, b, {side}_article, {side}_key FROM override_pairs "
                             f"WHERE {side}_article IN ({{marks}})", by_article)
            for override_id, a, b, article_id, key in found:
                current = a if side == "a" else b
                target = by_article[article_id].get(key)
                if current in ids or target is None or target == current:
                    continue
                self._exec(f"UPDATE override_pairs SET {side} = ? WHERE override_id = ? AND a = ? AND b = ?",
                           (target, override_id, a, b))

    def _recluster(self, affected: set[str], old_clusters: set[str], fresh: Iterable[str] = ()) -> None:
        """Cluster the mentions of the components ``affected`` again and rewrite the canonical
        events of the clusters that changed: those of ``old_clusters`` (clusters that lost
        mentions), those holding a ``fresh`` (new) mention, those whose mentions changed."""
        dirty = set(old_clusters)
        fresh = set(fresh)
        members = self._in("SELECT mention_id, article_id, component, cluster_id, data FROM mentions "
                           "WHERE component IN ({marks})", affected)
        article_of = {row[0]: row[1] for row in members}
        before = {row[0]: (row[2], row[3]) for row in members}
        data = {row[0]: row[4] for row in members}
        old_clusters = old_clusters | {row[3] for row in members}
        ids = list(article_of)
        links = [Link(a, b, float(s)) for a, b, s in
                 self._in("SELECT a, b, score FROM mention_links WHERE a IN ({marks})", ids)
                 if b in article_of]
        must: list[tuple[str, str]] = []
        cannot: list[tuple[str, str]] = []
        for kind, a, b in self._in("SELECT kind, a, b FROM override_pairs WHERE a IN ({marks})", ids):
            if b in article_of:
                (must if kind == "must" else cannot).append((a, b))
        parts = components(ids, [(k.a, k.b) for k in links] + must)
        part_of = {m: n for n, part in enumerate(parts) for m in part}
        by_part: dict[int, tuple[list[Link], list[tuple[str, str]], list[tuple[str, str]]]] = {
            n: ([], [], []) for n in range(len(parts))}
        for link in links:
            by_part[part_of[link.a]][0].append(link)
        for pair in must:
            by_part[part_of[pair[0]]][1].append(pair)
        for pair in cannot:
            by_part[part_of[pair[0]]][2].append(pair)
        after: dict[str, tuple[str, str]] = {}
        for n, part in enumerate(parts):
            found, musts, cannots = by_part[n]
            chosen = constrained_clusters({m: article_of[m] for m in part}, found, must=musts, cannot=cannots)
            after.update({m: (part[0], chosen[m]) for m in part})
        self._many("UPDATE mentions SET component = ?, cluster_id = ? WHERE mention_id = ?",
                   [(*after[m], m) for m in sorted(after) if after[m] != before[m]])
        groups: dict[str, list[str]] = {}
        for mention_id, (_, name) in sorted(after.items()):
            groups.setdefault(name, []).append(mention_id)
        previous: dict[str, set[str]] = {}
        for mention_id, (_, name) in before.items():
            previous.setdefault(name, set()).add(mention_id)
        # a cluster with the same name and mentions as before, none of them new, keeps its row
        kept = {name for name, members in groups.items() if name not in dirty
                and previous.get(name) == set(members) and fresh.isdisjoint(members)}
        self._in("DELETE FROM canonical_events WHERE event_id IN ({marks})", old_clusters - kept)
        written = {k: v for k, v in groups.items() if k not in kept}
        self._write_canonical(written, data)
        self._apply_corrections((), written)  # analyst corrections on top (store/correcting.py)

    # -- reading -------------------------------------------------------------
    def cluster_name(self, event_id: str) -> str | None:
        """The canonical event holding the mention ``event_id`` (or named ``event_id``), or None."""
        row = self._one("SELECT cluster_id FROM mentions WHERE mention_id = ?", (event_id,))
        if row is not None:
            return str(row[0])
        row = self._one("SELECT event_id FROM canonical_events WHERE event_id = ?", (event_id,))
        return str(row[0]) if row is not None else None

    def event_cluster(self, event_id: str) -> EventCluster | None:
        """The canonical event named ``event_id`` (or holding the mention ``event_id``) with its
        provenance and its mentions (each report's own event), or None."""
        name = self.cluster_name(event_id)
        if name is None:
            return None
        row = self._one(f"SELECT {rows.READ_SQL}, e.provenance FROM canonical_events e "
                        "WHERE e.event_id = ?", (name,))
        if row is None:
            return None
        mentions = tuple(map(rows.event_from_row, self._all(
            f"SELECT {rows.READ_SQL} FROM events e JOIN mentions m ON m.mention_id = e.event_id "
            "WHERE m.cluster_id = ? ORDER BY e.event_id", (name,))))
        return EventCluster(rows.event_from_row(row[:-1]), json.loads(row[-1]), mentions)

    def _write_canonical(self, groups: dict[str, list[str]], data: dict[str, str]) -> None:
        """Compute and store the canonical event of each cluster (name -> mention ids).

        A cluster of one mention is that mention's event: its row is copied in SQL.
        """
        cache = self._mentions_cache
        single = [(canonical([cache.get(data[ids[0]])]), ids[0]) for ids in groups.values() if len(ids) == 1]
        self._many(_CANONICAL_COPY, [
            (canon.source_count, canon.event_clarity, _provenance_json(canon), mention_id)
            for canon, mention_id in single])
        wanted = [m for ids in groups.values() if len(ids) > 1 for m in ids]
        if not wanted:
            return
        events = {e.event_id: e for e in map(rows.event_from_row, self._in(
            f"SELECT {rows.READ_SQL} FROM events e WHERE e.event_id IN ({{marks}})", wanted))}
        search = dict(self._in("SELECT event_id, search_text FROM events WHERE event_id IN ({marks})", wanted))
        stamp = _now()
        out = []
        for ids in groups.values():
            present = [m for m in ids if m in events]
            if len(ids) == 1 or not present:
                continue
            canon = canonical([cache.get(data[m]) for m in present])
            record = canonical_event(canon, events)
            row = list(rows.event_row(record, stamp))
            row[rows.EVENT_COLUMNS.index("search_text")] = " \x1f ".join(
                dict.fromkeys(search[m] for m in present if search.get(m)))
            out.append((*row, len(present), canon.source_count, canon.event_clarity, _provenance_json(canon)))
        self._many(_CANONICAL_INSERT, out)


def _provenance_json(canon: CanonicalEvent) -> str:
    return json.dumps(provenance(canon), sort_keys=True, separators=(",", ":"))


def article_of_event(event: Event) -> Article:
    """The article an event without a stored article came from (its first source)."""
    source = event.sources[0] if event.sources else None
    return Article(id=event.article_id, text="", published=source.published if source else None,
                   publisher=source.publisher if source else "", url=source.url if source else "")


def _now() -> str:
    from conflictscope.store.sql import now

    return now()
