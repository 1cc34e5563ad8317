"""Read-only access to the gazetteer index: name look-ups, places by id.

The index is an SQLite file (see :mod:`conflictscope.gazetteer.build`); a process
keeps only a small look-up cache in memory, never the whole gazetteer.
"""

from __future__ import annotations

import sqlite3
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from conflictscope.errors import GazetteerError
from conflictscope.gazetteer.build import FORMAT_VERSION, build_index, default_index_path
from conflictscope.gazetteer.normalize import is_latin, name_key, skeleton_key
from conflictscope.gazetteer.points import COUNTRY_POINTS
from conflictscope.gazetteer.regions import (
    COUNTRY_ALIASES,
    SHARED_COUNTRY_NAMES,
    abbreviation,
    curated_regions,
)
from conflictscope.models import Place
from conflictscope.resources import (
    Resources,
    Settings,
    current,
    declare_resource,
    file_digest,
)

#: Match kinds: the place's main name, one of its alternate names, a fuzzy match.
MAIN, ALTERNATE, FUZZY = 0, 1, 2
_LEADING_ARTICLES = ("the ", "al ", "el ", "ar ", "as ", "ad ", "ash ", "an ", "az ", "ez ")
_ARABIC_ARTICLES = _LEADING_ARTICLES[1:]
#: The Arabic article inside a name, as transliterations write it.
_INNER_ARTICLES = ("al", "el", "ul")
#: Country acronyms that are nothing else ("PNG" is also an image format, "CAR" a T-cell therapy).
_OUTRIGHT_ACRONYMS = frozenset({"dprk", "ksa", "prc", "rok"})
_COLUMNS = ("id, gid, name, feature, cc, iso3, country, admin1, admin2, admin1_id, admin2_id, "
            "lat, lon, population")


_PART_OF_CHINA = {"HK": "Hong Kong", "MO": "Macau"}


@dataclass(frozen=True, slots=True)
class Entry:
    """One place of the gazetteer."""

    id: int
    gid: str
    name: str
    feature: str  # city | admin1 | admin2 | country
    cc: str
    iso3: str
    country: str
    admin1: str
    admin2: str
    admin1_id: int
    admin2_id: int
    lat: float | None
    lon: float | None
    population: int

    def to_place(self) -> Place:
        """The entry as a :class:`conflictscope.models.Place`.

        Hong Kong and Macau are coded as admin1 regions of China (the ACLED convention).
        """
        if self.cc in _PART_OF_CHINA:
            return Place(
                name=self.name, country="China", iso3="CHN", admin1=_PART_OF_CHINA[self.cc],
                admin2=self.admin2, latitude=self.lat, longitude=self.lon, gazetteer_id=self.gid,
                feature="admin1" if self.feature == "country" else self.feature,
                population=self.population,
            )
        return Place(
            name=self.name, country=self.country, iso3=self.iso3,
            admin1=self.admin1 if self.feature != "admin1" else self.name,
            admin2=self.admin2 if self.feature != "admin2" else self.name,
            latitude=self.lat, longitude=self.lon, gazetteer_id=self.gid,
            feature=self.feature, population=self.population,
        )


def _entry(row: tuple[object, ...]) -> Entry:
    """An Entry from a places row; a country takes its reference point when points.py has one."""
    entry = Entry(*row)  # type: ignore[arg-type]
    if entry.feature == "country" and entry.cc in COUNTRY_POINTS:
        lat, lon = COUNTRY_POINTS[entry.cc]
        if (entry.lat, entry.lon) != (lat, lon):
            entry = replace(entry, lat=lat, lon=lon)
    return entry


@dataclass(frozen=True, slots=True)
class Match:
    """A gazetteer entry found for a name, and how it matched."""

    entry: Entry
    kind: int  # MAIN | ALTERNATE | FUZZY
    similarity: float = 1.0


# Sorted in Python: SQLite's sorter costs more than the join for the few rows a name has.
_EXACT_SQL = (
    f"SELECT n.kind, {', '.join('p.' + c for c in _COLUMNS.split(', '))} "
    "FROM names n JOIN places p ON p.id = n.place WHERE n.key = ?"
)


#: :data:`_EXACT_SQL` for every Arabic article before a name at once, each row led by its key.
_ARTICLE_SQL = _EXACT_SQL.replace("SELECT n.kind,", "SELECT n.key, n.kind,").replace(
    "n.key = ?", f"n.key IN ({', '.join('?' * len(_ARABIC_ARTICLES))})")


def _matches(rows: Sequence[tuple[Any, ...]], limit: int) -> list[Match]:
    """Matches from (kind, *places columns) rows: main names first, then the most populous."""
    return [Match(_entry(row[1:]), int(row[0])) for row in sorted(rows, key=_match_order)[:limit]]


def _match_order(row: tuple[Any, ...]) -> tuple[int, int, int]:
    """Main names first, then the most populous place (then the lowest id, for stable ties)."""
    return (row[0], -(row[14] or 0), row[1])


class Gazetteer:
    """A read-only gazetteer index on disk with a bounded look-up cache."""

    def __init__(self, path: Path | str, *, cache_size: int = 20000) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise GazetteerError(f"no gazetteer index at {self.path}; run `conflictscope gazetteer build`")
        try:
            self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._db.execute("PRAGMA cache_size=-16000")
            self.meta = dict(self._db.execute("SELECT k, v FROM meta").fetchall())
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(f"the gazetteer index {self.path} is unreadable: {exc}") from None
        if self.meta.get("format") != FORMAT_VERSION:
            raise GazetteerError(f"the gazetteer index {self.path} has an old format; rebuild it")
        self._lock = threading.Lock()
        self.lookup = lru_cache(maxsize=cache_size)(self._lookup)
        self.get = lru_cache(maxsize=cache_size)(self._get)

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    def _query(self, sql: str, args: tuple[object, ...]) -> list[tuple[object, ...]]:
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    def _get(self, place_id: int) -> Entry | None:
        """The entry with id ``place_id`` (negative ids are curated regions)."""
        if place_id < 0:
            return next((e for e in self._curated_all() if e.id == place_id), None)
        rows = self._query(f"SELECT {_COLUMNS} FROM places WHERE id = ?", (place_id,))
        return _entry(rows[0]) if rows else None

    def by_gid(self, gid: str) -> Entry | None:
        """The entry with gazetteer id ``gid`` (e.g. ``geonames:163808``)."""
        rows = self._query(f"SELECT {_COLUMNS} FROM places WHERE gid = ? LIMIT 1", (gid,))
        return _entry(rows[0]) if rows else None

    def has_name(self, name: str) -> bool:
        """Whether some place bears ``name`` exactly, as its own or another name (not fuzzily)."""
        return any(m.kind != FUZZY for m in self.lookup(name, False)[:5])

    def country(self, cc: str) -> Entry | None:
        """The country entry of ISO2 code ``cc``."""
        rows = self._query(
            f"SELECT {_COLUMNS} FROM places WHERE feature = 'country' AND cc = ? LIMIT 1", (cc,)
        )
        return _entry(rows[0]) if rows else None

    def _exact(self, key: str, limit: int) -> list[Match]:
        return _matches(self._query(_EXACT_SQL, (key,)), limit)

    def _exact_with_article(self, key: str, limit: int) -> list[Match]:
        """The exact matches of ``key`` under the first Arabic article that has any (one query for all)."""
        keys = [article + key for article in _ARABIC_ARTICLES]
        rows = self._query(_ARTICLE_SQL, tuple(keys))
        for keyed in keys:
            found = _matches([row[1:] for row in rows if row[0] == keyed], limit)
            if found:
                return found
        return []

    def _final_h(self, key: str, seen: set[int], limit: int) -> list[Match]:
        """Places written with the Arabic final "-ah" ("Shabwa" is GeoNames' Shabwah, "Kufra" Al
        Kufrah), as other names: a name that is only some other place's other name ("Sha Bwa" in
        Myanmar, Şirvan in Turkey) no longer hides them."""
        found = self._exact(key + "h", limit) or self._exact("al " + key + "h", limit)
        return [Match(m.entry, ALTERNATE, m.similarity) for m in found if m.entry.id not in seen]

    def _exact_other_article(self, key: str, limit: int) -> list[Match]:
        """The exact matches of ``key`` with its inner Arabic article written the other way:
        "Ras al-Ain" is GeoNames' "Ras el Ain" (of Ra's al 'Ayn), "Tell el Abyad" "Tell al Abyad"."""
        words = key.split()
        if not any(w in _INNER_ARTICLES for w in words[1:]):
            return []
        for article in _INNER_ARTICLES:
            variant = " ".join(article if i and w in _INNER_ARTICLES else w for i, w in enumerate(words))
            if variant != key:
                found = self._exact(variant, limit)
                if found:
                    return [Match(m.entry, ALTERNATE if m.kind == MAIN else m.kind) for m in found]
        return []

    def _curated_entry(self, number: int, name: str, lat: float, lon: float, cc: str,
                       population: int, feature: str = "region") -> Entry:
        country = self.country(cc) if cc else None
        return Entry(number, f"curated:{name_key(name).replace(' ', '-')}", name, feature, cc,
                     country.iso3 if country else "", country.name if country else "", "", "",
                     0, 0, lat, lon, population)

    def _curated_all(self) -> list[Entry]:
        seen: dict[int, Entry] = {}
        for rows in curated_regions().values():
            for row in rows:
                seen.setdefault(row[0], self._curated_entry(*row))
        return list(seen.values())

    def _lookup(self, name: str, fuzzy: bool = True, limit: int = 40) -> tuple[Match, ...]:
        """Places a name may refer to: curated and abbreviations, exact key, article-less, fuzzy."""
        key = name_key(name)
        if not key or len(key) > 80:
            return ()
        short = abbreviation(name)
        if short is not None:
            cc, full = short
            return tuple(m for m in self._exact(name_key(full), limit)
                         if m.entry.cc == cc and m.entry.feature == "admin1")[:1]
        if key in COUNTRY_ALIASES:
            country = self.country(COUNTRY_ALIASES[key])
            if country is not None:
                # an acronym ("DPRK") or a name of several words ("Holy See") names the country
                # outright; one capitalised word may be a common one ("Car" bomb, "Holland" the name)
                outright = " " in key or (name.strip().isupper() and key in _OUTRIGHT_ACRONYMS)
                return (Match(country, MAIN if outright else ALTERNATE),)
        if key in SHARED_COUNTRY_NAMES:
            shared = [self.country(cc) for cc in SHARED_COUNTRY_NAMES[key]]
            return tuple(Match(c, ALTERNATE) for c in shared if c is not None)
        curated = [Match(self._curated_entry(*row), MAIN) for row in curated_regions().get(key, ())]
        if curated:
            ccs = {m.entry.cc for m in curated}
            # "England" is an alias of the United Kingdom in the index: the curated area replaces it
            rest = [m for m in self._exact(key, limit)
                    if not (m.entry.feature == "country" and m.entry.cc in ccs)]
            return tuple(curated + rest)[:limit]
        matches = self._exact(key, limit)
        if matches and key.endswith("a") and " " not in key and len(key) >= 5 and not any(
                m.kind == MAIN for m in matches):
            matches = matches + self._final_h(key, {m.entry.id for m in matches}, limit)
        if not matches:
            for article in _LEADING_ARTICLES:
                if key.startswith(article) and len(key) > len(article) + 2:
                    matches = self._exact(key[len(article):], limit)
                    break
        if not matches and key.startswith("st "):
            matches = self._exact("saint " + key[3:], limit)
        if not matches and " " not in key and len(key) >= 4:
            # "Qamishli" for "Al Qamishli", "Hodeidah" for "El Hodeidah": news drops the Arabic article
            matches = self._exact_with_article(key, limit)
        if not matches and " " in key:
            matches = self._exact_other_article(key, limit)
        if matches or not fuzzy or not is_latin(key) or len(key) < 4:
            return tuple(matches)
        return tuple(self._fuzzy(key, limit))

    def _fuzzy(self, key: str, limit: int) -> list[Match]:
        skeleton = skeleton_key(key)
        if not skeleton:
            return []
        rows = self._query("SELECT key, place FROM skeletons WHERE skel = ? LIMIT 400", (skeleton,))
        best: dict[int, float] = {}
        words = key.count(" ")
        for other, place_id in rows:
            score = fuzz.ratio(key.replace(" ", ""), str(other).replace(" ", "")) / 100
            if words != str(other).count(" ") and score < FUZZY_OTHER_WORDS:
                continue  # "Fire Island" is no spelling of Friesland, nor "Cape Peron" of Capron
            if score >= 0.72 and score > best.get(int(place_id), 0):  # type: ignore[call-overload]
                best[int(place_id)] = score  # type: ignore[call-overload]
        found = [(self.get(pid), score) for pid, score in best.items()]
        ranked = sorted(
            ((entry, score) for entry, score in found if entry is not None),
            key=lambda item: (-item[1], -item[0].population),
        )
        return [Match(entry, FUZZY, score) for entry, score in ranked[:limit]]

    def info(self) -> dict[str, object]:
        """Figures about the index: path, size, source versions, counts."""
        counts = {str(k): v for k, v in self._query("SELECT feature, count(*) FROM places GROUP BY feature", ())}
        names = self._query("SELECT count(*) FROM names", ())[0][0]
        return {
            "path": str(self.path),
            "size_mb": round(self.path.stat().st_size / 1e6, 1),
            **{k: v for k, v in self.meta.items()},
            "features": counts,
            "names": names,
        }


#: A fuzzy match with another number of words must be this close ("Deir Ezzor" ~ "Deir ez-Zor").
FUZZY_OTHER_WORDS = 0.9

def _open_gazetteer(resources: Resources) -> Gazetteer:
    """The configured index, or the default one, built first (with a message) if it is missing."""
    if resources.settings.gazetteer:
        return Gazetteer(resources.settings.gazetteer)
    target = default_index_path()
    if not target.exists():
        print("[gazetteer] no index yet for these source versions; building it now",
              file=sys.stderr, flush=True)
        build_index(target)
    return Gazetteer(target)


def _gazetteer_fingerprint(settings: Settings) -> str:
    """The index's source versions and format (its file name says them), or a given file's contents."""
    if settings.gazetteer:
        return file_digest(settings.gazetteer)
    return default_index_path().stem


#: The gazetteer index (``Settings.gazetteer``, the default-built index when None).
GAZETTEER = declare_resource("gazetteer", _open_gazetteer, _gazetteer_fingerprint)


def get_gazetteer(path: Path | str | None = None) -> Gazetteer:
    """The gazetteer at ``path``, else the current resources' one (the default index, built if missing)."""
    if path is not None:
        return Gazetteer(path)
    return current().get(GAZETTEER)
