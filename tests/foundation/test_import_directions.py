"""Data flows one way: lower layers never import higher ones, inference never training.

The layers, lowest first (ARCHITECTURE.md, "Import directions"):

    tools  <  reading  <  planning  <  experts  <  agent  <  evaluation, server, cli
    llm, graph, sandbox (runtime services) sit beside tools; distill (training) on top.

Every ``import`` in ``peoa/`` is read, those inside functions included.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PEOA = Path(__file__).resolve().parents[2] / "peoa"

# For each part: the parts of peoa it must never import.
FORBIDDEN = {
    "tools": {"reading", "planning", "experts", "agent", "graph", "distill", "evaluation",
              "server", "cli"},
    "reading": {"planning", "experts", "agent", "graph", "llm", "distill", "evaluation",
                "server", "cli"},
    "planning": {"experts", "agent", "llm", "distill", "evaluation", "server", "cli"},
    "llm": {"reading", "planning", "experts", "agent", "graph", "distill", "evaluation",
            "server", "cli"},
    "experts": {"agent", "distill", "evaluation", "server", "cli"},
    "agent": {"distill", "evaluation", "server", "cli"},
    "graph": {"planning", "experts", "agent", "distill", "evaluation", "server", "cli"},
}  # fmt: skip


def _imports(path: Path, root: Path = PEOA) -> set[str]:
    """The parts of peoa a file under ``root`` imports, relative imports resolved."""
    package = ["peoa", *path.parent.relative_to(root).parts]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            found.add(".".join([*base, *(node.module or "").split(".")]).strip("."))
    return {name.split(".")[1] for name in found if name.startswith("peoa.")}


@pytest.mark.parametrize("part", sorted(FORBIDDEN))
def test_a_layer_never_imports_a_higher_one(part: str) -> None:
    offending = {
        str(path.relative_to(PEOA)): sorted(_imports(path) & FORBIDDEN[part])
        for path in (PEOA / part).rglob("*.py")
        if _imports(path) & FORBIDDEN[part]
    }
    assert offending == {}, offending


def test_the_reader_of_imports_sees_absolute_and_relative_imports(tmp_path: Path) -> None:
    # A checker that saw nothing would pass every layer; show it sees both forms.
    assert {"planning", "experts"} <= _imports(PEOA / "agent" / "graph.py")
    (tmp_path / "agent").mkdir()
    relative = tmp_path / "agent" / "probe.py"
    relative.write_text("from ..planning import model\nfrom . import state\n")
    assert _imports(relative, root=tmp_path) == {"planning", "agent"}
