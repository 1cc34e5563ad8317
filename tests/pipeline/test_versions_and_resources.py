"""The pipeline version names what decides the output; resources are injected per pipeline.

The version is a content hash of the rule modules, every resource's data (word model,
encoder, actor dictionary, gazetteer index format, spaCy model) and the runtime
switches. A re-ingest under another version re-extracts; under the same one it skips.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from importlib import resources as package_files
from pathlib import Path

import pytest

from conflictscope.actors.dictionary import load_dictionary
from conflictscope.models import Article
from conflictscope.pipeline.core import Pipeline
from conflictscope.resources import Resources, Settings, active, code_fingerprint, current
from conflictscope.store import open_store

TEXT = ("Boko Haram militants attacked a police post in Maiduguri on Monday, "
        "killing three officers, the police said.")


def _actor_folder_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "actors"
    shutil.copytree(str(package_files.files("conflictscope.data").joinpath("actors")), folder)
    return folder


#: The canonical name a test's copy of the actor dictionary gives Boko Haram.
RENAMED = "Boko Haram (renamed by a test)"


def _add_group(folder: Path) -> None:
    """Edit the copy's data file: Boko Haram gets another canonical name."""
    path = folder / "armed_groups.json"
    data = json.loads(path.read_text("utf-8"))
    for group in data["groups"]:
        if group["name"].startswith("Boko Haram"):
            group["aliases"] = [*group.get("aliases", ()), group["name"]]
            group["name"] = RENAMED
    path.write_text(json.dumps(data), "utf-8")


def test_encoder_switch_changes_the_version() -> None:
    on = Pipeline(settings=Settings(encoder=True))
    off = Pipeline(settings=Settings(encoder=False))
    assert on.version != off.version
    assert on.version == Pipeline(settings=Settings(encoder=True)).version


def test_environment_switch_reaches_the_settings() -> None:
    assert Settings.from_env({"CONFLICTSCOPE_ENCODER": "0"}).encoder is False
    assert Settings.from_env({"CONFLICTSCOPE_ENCODER": "off"}).encoder is False
    assert Settings.from_env({}).encoder is True


def test_a_changed_data_file_changes_the_version(tmp_path: Path) -> None:
    folder = _actor_folder_copy(tmp_path)
    same = Pipeline(settings=Settings(actors=str(folder)))
    assert same.version == Pipeline(settings=Settings()).version  # same contents, same version
    _add_group(folder)
    changed = Pipeline(settings=Settings(actors=str(folder)))
    assert changed.version != same.version


def test_a_changed_rule_module_changes_the_code_fingerprint(tmp_path: Path) -> None:
    tree = tmp_path / "pkg"
    (tree / "pipeline").mkdir(parents=True)
    (tree / "cli").mkdir()
    (tree / "pipeline" / "rules.py").write_text("LIMIT = 3\n")
    (tree / "cli" / "main.py").write_text("print('hi')\n")
    before = code_fingerprint(str(tree))
    (tree / "cli" / "main.py").write_text("print('hello')\n")  # interfaces do not decide the output
    code_fingerprint.cache_clear()
    assert code_fingerprint(str(tree)) == before
    (tree / "pipeline" / "rules.py").write_text("LIMIT = 4\n")
    code_fingerprint.cache_clear()
    assert code_fingerprint(str(tree)) != before


def test_two_configured_pipelines_live_in_one_process(tmp_path: Path) -> None:
    folder = _actor_folder_copy(tmp_path)
    _add_group(folder)
    article = Article.from_text(TEXT, published=date(2024, 5, 7))
    custom = Pipeline(settings=Settings(actors=str(folder)))
    default = Pipeline()
    names_custom = {e.actor1 for e in custom(article).events}
    names_default = {e.actor1 for e in default(article).events}
    assert any(name.startswith(RENAMED) for name in names_custom)
    assert names_default and not any(name.startswith(RENAMED) for name in names_default)
    # the custom resources were current only while the custom pipeline ran
    assert current() is not custom.resources
    assert RENAMED not in {g.name for g in load_dictionary().groups.values()}


def test_resources_given_to_a_block_are_current_only_there(tmp_path: Path) -> None:
    mine = Resources(Settings(encoder=False))
    with active(mine):
        assert current() is mine
    assert current() is not mine


@pytest.mark.parametrize("backend", ["sqlite"])
def test_reingest_under_a_new_version_re_extracts(tmp_path: Path, backend: str) -> None:
    from conflictscope.ingest.runner import ingest

    report = tmp_path / "report.txt"
    report.write_text(TEXT, "utf-8")
    folder = _actor_folder_copy(tmp_path)
    old = Pipeline(settings=Settings(encoder=False))
    with open_store(str(tmp_path / "events.db")) as store:
        first = ingest([str(report)], store, old, published=date(2024, 5, 7), progress=False)
        again = ingest([str(report)], store, old, published=date(2024, 5, 7), progress=False)
        assert first.stored == 1 and again.skipped == 1 and again.stored == 0
        stored = list(store.events())
        assert {e.pipeline_version for e in stored} == {old.version}
        assert not any(e.actor1.startswith(RENAMED) for e in stored)
        _add_group(folder)  # the user upgrades the actor dictionary
        new = Pipeline(settings=Settings(encoder=False, actors=str(folder)))
        third = ingest([str(report)], store, new, published=date(2024, 5, 7), progress=False)
        assert third.stored == 1 and third.skipped == 0
        events = list(store.events())
        assert {e.pipeline_version for e in events} == {new.version}
        assert any(e.actor1.startswith(RENAMED) for e in events)
        assert len(events) == len(stored)  # re-extracted in place, not added beside the old rows


@pytest.mark.parametrize(("settings", "message"), [
    (Settings(gazetteer="/no/such/index.sqlite"), "is not a file"),
    (Settings(classifier="/no/such/folder"), "has no model.json"),
    (Settings(actors="/no/such/folder"), "lacks armed_groups.json"),
])
def test_a_misconfigured_path_is_a_clear_error_at_build_time(settings: Settings, message: str) -> None:
    from conflictscope.errors import PipelineError

    with pytest.raises(PipelineError, match=message):
        Pipeline(settings=settings)
