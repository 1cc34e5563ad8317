"""The `places`, `geocode` and `gazetteer prune` commands: JSON output with context-only places
and the main place, warnings, usage errors, and removal of stale gazetteer indexes."""

from __future__ import annotations

import json

from conflictscope.gazetteer.index import Gazetteer


def test_a_rebuilt_index_removes_the_stale_ones_beside_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from conflictscope.gazetteer.build import remove_stale_indexes

    current = tmp_path / "gazetteer-gnc3-loc2-f5.sqlite"
    older = tmp_path / "gazetteer-gnc3-loc2-f4.sqlite"
    other = tmp_path / "store.sqlite"  # not an index: left alone
    for path in (current, older, other):
        path.write_bytes(b"x")
    assert remove_stale_indexes(current) == [older]
    assert sorted(p.name for p in tmp_path.iterdir()) == [current.name, other.name]


def test_gazetteer_prune_removes_only_the_stale_indexes(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from conflictscope.cli import main
    from conflictscope.gazetteer.build import default_index_path

    monkeypatch.setenv("CONFLICTSCOPE_CACHE", str(tmp_path))
    current = default_index_path()
    older = tmp_path / "gazetteer-gnc0.1-loc0.1-f1.sqlite"
    current.write_bytes(b"x")
    older.write_bytes(b"x")
    result = CliRunner().invoke(main, ["gazetteer", "prune"])
    assert result.exit_code == 0, result.output
    assert "1 stale index(es) removed" in result.output
    assert current.exists() and not older.exists()


def test_places_lists_places_inside_organisation_names_as_context(tmp_path, use_tiny: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from conflictscope.cli import main

    report = tmp_path / "report.txt"
    report.write_text("Gunmen attacked a checkpoint in Mosul on Monday, a spokesman for Iraq Airways "
                      "said. Syrian refugees fled the town.", encoding="utf-8")
    result = CliRunner().invoke(main, ["places", str(report), "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    located = [r["place"]["name"] for r in rows if "place" in r and not r.get("context_only")]
    in_names = [r["span"]["text"] for r in rows if "place" in r and r.get("context_only")]
    assert located == ["Mosul"]
    assert in_names == ["Iraq"]
    assert {"span": {"start": 84, "end": 90, "text": "Syrian"}, "demonym_of": "SY",
            "context_only": True} in rows


def test_places_warns_of_a_text_not_in_english_and_of_finding_nothing(tmp_path, use_tiny: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # the reader's warning was dropped and an Arabic report printed nothing at all
    from click.testing import CliRunner

    from conflictscope.cli import main

    report = tmp_path / "report.txt"
    report.write_text("دخل مقاتلون المدينة يوم الأحد وسيطروا على القلعة.", encoding="utf-8")
    result = CliRunner().invoke(main, ["places", str(report), "--json"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # --json output stays clean
    assert "does not look like English" in result.stderr
    assert "no place names found" in result.stderr


def test_geocode_of_an_empty_name_is_a_usage_error(use_tiny: Gazetteer) -> None:
    from click.testing import CliRunner

    from conflictscope.cli import main

    result = CliRunner().invoke(main, ["geocode", " "])
    assert result.exit_code == 2
    assert "give a place name" in result.output


def test_places_json_ends_with_the_main_place(tmp_path, use_tiny: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # the main place was printed in the text output only
    import json

    from click.testing import CliRunner

    from conflictscope.cli import main

    report = tmp_path / "report.txt"
    report.write_text("Islamic State fighters re-entered Palmyra on Sunday, in Homs province, Syria.",
                      encoding="utf-8")
    result = CliRunner().invoke(main, ["places", str(report), "--json"])
    assert result.exit_code == 0, result.output
    last = json.loads(result.stdout.splitlines()[-1])
    assert last["main_place"]["name"] == "Tadmur"
    assert last["span"]["text"] == "Palmyra"
