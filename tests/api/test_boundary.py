"""The web framework stays in ``conflictscope.api``: no other module imports it."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "conflictscope"
WEB = ("fastapi", "starlette", "uvicorn", "pydantic")


def test_only_the_api_package_imports_the_web_framework() -> None:
    offenders = []
    for path in SRC.rglob("*.py"):
        if path.is_relative_to(SRC / "api"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            offenders += [f"{path.relative_to(SRC)}: {n}" for n in names if n.split(".")[0] in WEB]
    assert offenders == []
