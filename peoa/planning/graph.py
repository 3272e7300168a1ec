"""The quantity graph as the planner searches it: which tools give and take which kinds.

Built from the edges of the graph in Neo4j (:func:`peoa.graph.quantities.read_quantity_edges`)
or, where no graph is at hand (tests, the problem bank), from the registry's own
declarations: the two are the same edges (``peoa graph load-tools`` writes one from
the other).

>>> from peoa.tools import get_registry
>>> graph = QuantityGraph.from_registry(get_registry())
>>> ("vapor_pressure", "Psat") in graph.producers("vapor_pressure")
True
>>> graph.takes("npsh_available")["vapor_pressure"]
('vapor_pressure', True)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from peoa.graph.quantities import QuantityEdge, quantity_edges
from peoa.tools.kinds import kinds

__all__ = ["QuantityGraph"]


@dataclass(frozen=True)
class QuantityGraph:
    """Tools with the kinds of their inputs (and whether each is required) and outputs."""

    inputs: dict[str, dict[str, tuple[str, bool]]] = field(default_factory=dict)
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)
    lists: frozenset[tuple[str, str]] = frozenset()  # (tool, output) giving one value per item

    @classmethod
    def from_edges(cls, edges: Iterable[QuantityEdge]) -> QuantityGraph:
        inputs: dict[str, dict[str, tuple[str, bool]]] = {}
        outputs: dict[str, dict[str, str]] = {}
        lists = set()
        for edge in edges:
            if edge["direction"] == "out" and edge.get("many"):
                lists.add((edge["tool"], edge["name"]))
            if edge["direction"] == "in":
                inputs.setdefault(edge["tool"], {})[edge["name"]] = (
                    edge["quantity"],
                    bool(edge["required"]),
                )
            else:
                outputs.setdefault(edge["tool"], {})[edge["name"]] = edge["quantity"]
        return cls(inputs=inputs, outputs=outputs, lists=frozenset(lists))

    @classmethod
    def from_registry(cls, registry: Any) -> QuantityGraph:
        return cls.from_edges(quantity_edges(tool.doc() for tool in registry.list()))

    @property
    def tools(self) -> list[str]:
        return sorted(set(self.inputs) | set(self.outputs))

    def takes(self, tool: str) -> dict[str, tuple[str, bool]]:
        """The tool's inputs that have a kind: argument -> (kind, required)."""
        return self.inputs.get(tool, {})

    def gives(self, tool: str) -> dict[str, str]:
        """The tool's outputs that have a kind: output -> kind."""
        return self.outputs.get(tool, {})

    def producers(self, wanted: str) -> list[tuple[str, str]]:
        """``(tool, output)`` pairs whose output is of kind ``wanted`` or a narrower one
        (a saturation temperature is a temperature; a temperature is no saturation
        temperature)."""
        table = kinds()
        found = []
        for tool, outputs in sorted(self.outputs.items()):
            for name, given in outputs.items():
                if (tool, name) in self.lists:
                    continue  # a value per component feeds no single argument
                entry = table.get(given)
                if given == wanted or (entry is not None and wanted in entry.lineage()):
                    found.append((tool, name))
        return found
