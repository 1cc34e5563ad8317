"""Print the import graph between conflictscope's packages and fail on a cycle.

Every ``import`` of a ``conflictscope`` module, at module level or inside a
function, counts as an edge from the importing package to the imported one
(top-level modules such as ``models`` or ``document`` are packages of their own);
imports made only for type checking (under ``if TYPE_CHECKING:``) do not count.
Usage::

    python scripts/package_graph.py          # the graph, then "no cycle" or each cycle; exit 1 on a cycle
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "src" / "conflictscope"


def package_of(module: str) -> str:
    """``conflictscope.gazetteer.index`` -> ``gazetteer``; ``conflictscope.models`` -> ``models``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """The nodes of a module, leaving out the bodies of ``if TYPE_CHECKING:`` blocks."""
    found: list[ast.AST] = []
    todo: list[ast.AST] = [tree]
    while todo:
        node = todo.pop()
        found.append(node)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            todo.extend(node.orelse)
            continue
        todo.extend(ast.iter_child_nodes(node))
    return found


def import_graph(root: Path = ROOT) -> dict[str, set[str]]:
    """Package -> the other packages it imports."""
    graph: dict[str, set[str]] = defaultdict(set)
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root.parent).with_suffix("")
        module = ".".join(relative.parts).removesuffix(".__init__")
        source = package_of(module)
        graph[source]  # noqa: B018 - every package is a node
        for node in _runtime_nodes(ast.parse(path.read_text("utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
                if node.module == "conflictscope":  # "from conflictscope import models" or "__version__"
                    names = [f"conflictscope.{alias.name}" if (root / alias.name).exists()
                             or (root / f"{alias.name}.py").exists() else "conflictscope"
                             for alias in node.names]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            for name in names:
                if name.startswith("conflictscope.") and (target := package_of(name)) != source:
                    graph[source].add(target)
    return dict(graph)


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one package (each a cycle or knot)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component: list[str] = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def main() -> int:
    graph = import_graph()
    for package in sorted(graph):
        print(f"{package:12} -> {', '.join(sorted(graph[package])) or '-'}")
    knots = cycles(graph)
    if not knots:
        print("no cycle")
        return 0
    for knot in knots:
        print("cycle among: " + ", ".join(knot))
    return 1


if __name__ == "__main__":
    sys.exit(main())
