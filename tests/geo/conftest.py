"""Fixtures for the geo tests: a tiny hand-made gazetteer, and the real one for slow tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from conflictscope.gazetteer.build import PlaceRow, _write
from conflictscope.gazetteer.index import GAZETTEER, Gazetteer
from conflictscope.resources import Resources, Settings, active

# (name, feature, cc, admin1 row id, lat, lon, population, alternate names)
_ENTRIES = [
    ("Syria", "country", "SY", 0, 35.0, 38.0, 17_000_000, ["Syrian Arab Republic"]),
    ("United States", "country", "US", 0, 39.76, -98.5, 327_000_000, ["US", "U.S.", "America"]),
    ("United Kingdom", "country", "GB", 0, 54.76, -2.7, 66_000_000, ["UK", "Britain"]),
    ("Iraq", "country", "IQ", 0, 33.0, 44.0, 38_000_000, []),
    ("Homs", "admin1", "SY", 0, 34.7, 37.5, 1_000_000, ["Homs Governorate"]),
    ("Aleppo", "admin1", "SY", 0, 36.4, 37.3, 2_800_000, ["Aleppo Governorate"]),
    ("New York", "admin1", "US", 0, 42.9, -75.5, 19_000_000, ["State of New York"]),
    ("Tadmur", "city", "SY", 5, 34.5624, 38.28402, 51_015, ["Palmyra", "Tadmor", "تدمر"]),
    ("Homs", "city", "SY", 5, 34.72405, 36.72559, 775_404, ["Hims"]),
    ("Aleppo", "city", "SY", 6, 36.20124, 37.16117, 2_098_210, ["Halab", "حلب"]),
    ("Deir ez-Zor", "city", "SY", 0, 35.33588, 40.14084, 271_800, ["Dayr az Zawr"]),
    ("Palmyra", "city", "US", 7, 43.06395, -77.23332, 3_413, []),
    ("Rochester", "city", "US", 7, 43.15478, -77.61556, 209_802, []),
    ("Mosul", "city", "IQ", 0, 36.335, 43.11889, 1_739_800, ["Al Mawsil"]),
]
_COUNTRIES = {"SY": ("Syria", "SYR"), "US": ("United States", "USA"),
              "GB": ("United Kingdom", "GBR"), "IQ": ("Iraq", "IRQ")}


def build_tiny(path: Path) -> Path:
    """Write the tiny gazetteer to ``path``."""
    rows = []
    for i, (name, feature, cc, admin1, lat, lon, pop, alts) in enumerate(_ENTRIES, start=1):
        row = PlaceRow(i, f"test:{i}", name, feature, cc, admin1_id=admin1, lat=lat, lon=lon,
                       population=pop)
        row.names = [(name, 0), *((a, 1) for a in alts)]
        rows.append(row)
    _write(path, rows, _COUNTRIES, lambda _message: None)
    return path


@pytest.fixture(scope="session")
def tiny_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    """A gazetteer of a dozen places, built once per session."""
    return Gazetteer(build_tiny(tmp_path_factory.mktemp("gaz") / "tiny.sqlite"))


@pytest.fixture(scope="session")
def tiny_resources(tiny_gazetteer: Gazetteer) -> Resources:
    """The default resources but for the tiny gazetteer (each other one loaded once per session)."""
    return Resources(Settings()).provide(GAZETTEER, tiny_gazetteer)


@pytest.fixture()
def use_tiny(tiny_gazetteer: Gazetteer, tiny_resources: Resources) -> Iterator[Gazetteer]:
    """Make the tiny gazetteer's resources current for the test (no process-wide state changes)."""
    with active(tiny_resources):
        yield tiny_gazetteer


@pytest.fixture(scope="session")
def real_gazetteer() -> Gazetteer:
    """The real index (built on first use: about a minute)."""
    from conflictscope.gazetteer.index import get_gazetteer

    return get_gazetteer()
