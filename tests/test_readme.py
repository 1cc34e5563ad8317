"""The README's two commands exist and work."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_readme_names_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("setup", "demo", "test", "test-slow", "gate"):
        assert re.search(rf"^{target}:", makefile, re.M), target


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test\n" in ci and "make test-slow" in ci


def test_every_cli_command_in_the_readme_exists() -> None:
    from click.testing import CliRunner

    from conflictscope.cli import main

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = set(re.findall(r"^conflictscope ([a-z-]+)", readme, re.M))
    assert commands
    for command in commands:
        result = CliRunner().invoke(main, [command, "--help"])
        assert result.exit_code == 0, (command, result.output)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_demo_lists_events(tmp_path: Path) -> None:
    result = subprocess.run(
        ["make", "demo"], cwd=ROOT, capture_output=True, text=True, timeout=900
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "sub_event_type" in result.stdout
    assert re.search(r"^\d+ event\(s\)", result.stdout + result.stderr, re.M)
