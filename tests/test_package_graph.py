"""The package graph: no cycle, and the knowledge packages never import the pipeline.

The same check from the command line: ``python scripts/package_graph.py`` (exit 1 on a cycle).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("package_graph", ROOT / "scripts" / "package_graph.py")
assert _spec is not None and _spec.loader is not None
package_graph = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(package_graph)

KNOWLEDGE = ("gazetteer", "actors", "timex", "classify", "lexicon", "document", "resources", "models")


def test_no_cycle_between_packages() -> None:
    assert package_graph.cycles(package_graph.import_graph()) == []


def test_knowledge_packages_do_not_import_the_pipeline_or_the_interfaces() -> None:
    graph = package_graph.import_graph()
    for package in KNOWLEDGE:
        assert not graph[package] & {"pipeline", "cli", "evaluation", "store"}, package


def test_a_cycle_is_found() -> None:
    assert package_graph.cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
