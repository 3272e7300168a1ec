"""The quantity graph in Neo4j: ``(:Quantity)-[:INPUT_OF]->(:Tool)-[:GIVES]->(:Quantity)``.

Written with the tools' documentation (``peoa graph load-tools``), from each tool's
declared kinds (``doc()["inputs"][i]["quantity"]``, ``doc()["outputs"][j]["quantity"]``);
a kind that specialises another links to it with ``KIND_OF``. The planner reads it back
(:func:`read_quantity_edges`) and searches it for tool chains. Loading is idempotent:
a tool's edges are replaced, and quantities no tool uses any more are removed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from neo4j import Driver, Transaction

from peoa.tools.base import SUBSTANCE
from peoa.tools.kinds import kinds

__all__ = ["QuantityEdge", "quantity_edges", "read_quantity_edges", "write_quantities"]

QuantityEdge = dict[str, Any]
"""``{"tool", "direction": "in"|"out", "name", "quantity", "required", "many"}``: ``many``
marks a list (one value per component or stage), which feeds no single argument."""


def quantity_edges(docs: Iterable[Mapping[str, Any]]) -> list[QuantityEdge]:
    """Every tool's declared input and output kinds, as edges of the quantity graph."""
    edges: list[QuantityEdge] = []
    for doc in docs:
        for item in doc.get("inputs", []):
            if item.get("quantity"):
                edges.append({"tool": doc["name"], "direction": "in", "name": item["name"],
                              "quantity": item["quantity"], "required": bool(item.get("required")),
                              "many": bool(item.get("list"))})  # fmt: skip
        for item in doc.get("outputs", []):
            if item.get("quantity"):
                edges.append({"tool": doc["name"], "direction": "out", "name": item["name"],
                              "quantity": item["quantity"], "required": False,
                              "many": bool(item.get("many"))})  # fmt: skip
    return edges


def _quantity_rows(used: set[str]) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    table = kinds()
    names = set(used)
    for name in list(used):  # the broader kinds a used kind specialises belong to the graph
        if name in table:
            names.update(table[name].lineage())
    rows, broader = [], []
    for name in sorted(names):
        entry = table.get(name)
        rows.append({"id": f"quantity:{name}", "name": name,
                     "dimension": entry.dimension if entry else None,
                     "label": entry.label if entry else "a substance the question names"})  # fmt: skip
        if entry is not None and entry.broader is not None:
            broader.append({"narrow": f"quantity:{name}", "broad": f"quantity:{entry.broader}"})
    return rows, broader


def write_quantities(tx: Transaction, docs: Sequence[Mapping[str, Any]]) -> None:
    """Replace the quantity edges of the tools in ``docs`` (in the tools' transaction)."""
    edges = quantity_edges(docs)
    rows, broader = _quantity_rows({e["quantity"] for e in edges} | {SUBSTANCE})
    tools = [f"tool:{doc['name']}" for doc in docs]
    tx.run(
        "UNWIND $tools AS id MATCH (t:Tool {id: id}) "
        "OPTIONAL MATCH (t)-[r:GIVES]->(:Quantity) DELETE r "
        "WITH DISTINCT t OPTIONAL MATCH (:Quantity)-[i:INPUT_OF]->(t) DELETE i",
        tools=tools,
    ).consume()
    tx.run(
        "UNWIND $rows AS q MERGE (n:Quantity {id: q.id}) "
        "SET n.name = q.name, n.dimension = q.dimension, n.label = q.label",
        rows=rows,
    ).consume()
    tx.run(
        "UNWIND $rows AS k MATCH (a:Quantity {id: k.narrow}), (b:Quantity {id: k.broad}) "
        "MERGE (a)-[:KIND_OF]->(b)",
        rows=broader,
    ).consume()
    tx.run(
        "UNWIND $rows AS e MATCH (q:Quantity {id: 'quantity:' + e.quantity}), "
        "(t:Tool {id: 'tool:' + e.tool}) "
        "FOREACH (_ IN CASE WHEN e.direction = 'in' THEN [1] ELSE [] END | "
        "  MERGE (q)-[r:INPUT_OF {argument: e.name}]->(t) "
        "  SET r.required = e.required, r.many = e.many) "
        "FOREACH (_ IN CASE WHEN e.direction = 'out' THEN [1] ELSE [] END | "
        "  MERGE (t)-[g:GIVES {output: e.name}]->(q) SET g.many = e.many)",
        rows=edges,
    ).consume()
    # Quantities no tool takes or gives, and that no used kind specialises, are orphans.
    tx.run(
        "MATCH (q:Quantity) WHERE NOT (q)-[:INPUT_OF]->() AND NOT ()-[:GIVES]->(q) "
        "AND NOT ()-[:KIND_OF]->(q) AND q.name <> $substance DETACH DELETE q",
        substance=SUBSTANCE,
    ).consume()


def read_quantity_edges(driver: Driver, database: str | None = None) -> list[QuantityEdge]:
    """The quantity graph as edges, in one read query (what the planner searches)."""
    records, _, _ = driver.execute_query(
        "MATCH (q:Quantity)-[r:INPUT_OF]->(t:Tool) "
        "RETURN t.name AS tool, 'in' AS direction, r.argument AS name, q.name AS quantity, "
        "r.required AS required, coalesce(r.many, false) AS many "
        "UNION ALL MATCH (t:Tool)-[r:GIVES]->(q:Quantity) "
        "RETURN t.name AS tool, 'out' AS direction, r.output AS name, q.name AS quantity, "
        "false AS required, coalesce(r.many, false) AS many",
        database_=database,
        routing_="r",
    )
    return [dict(record) for record in records]
