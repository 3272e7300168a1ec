"""Writes and deletions against the graph; every statement takes its values as parameters.

Labels and relationship types cannot be Cypher parameters, so the few statements that
need one take it from the schema's allowlist (:func:`_label`), never from input text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from neo4j import Driver, ManagedTransaction, Transaction
from pydantic import BaseModel

from peoa.graph.errors import DocumentNotFoundError, GraphError
from peoa.graph.schema import load_schema

__all__ = [
    "DeleteReport",
    "GraphStats",
    "delete_document",
    "delete_document_tx",
    "find_document",
    "graph_stats",
    "remove_orphans",
    "stale_candidates",
    "write_entities",
    "write_mentions",
    "write_relations",
]

Tx = Transaction | ManagedTransaction


def _label(label: str) -> str:
    if label not in load_schema().entity_labels:
        raise GraphError(f"label {label!r} is not an entity label of the graph schema")
    return label


def _rel_type(rel_type: str) -> str:
    if rel_type not in load_schema().relationships:
        raise GraphError(f"relationship type {rel_type!r} is not in the graph schema")
    return rel_type


class DeleteReport(BaseModel):
    document_id: str
    source: str
    chunks: int
    orphans_removed: int


class GraphStats(BaseModel):
    schema_version: int
    documents: int
    chunks: int
    entities: dict[str, int]
    tools: int
    quantities: int = 0
    tables: int
    rows: int
    relationships: dict[str, int]


def write_entities(tx: Tx, rows: Sequence[dict[str, Any]]) -> None:
    """MERGE entities by id; ``rows`` hold id, label, name, props, aliases, embedding."""
    by_label: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_label.setdefault(row["label"], []).append(row)
    _run_grouped(
        tx,
        by_label,
        lambda rows, label: (
            f"UNWIND {rows} AS r MERGE (e:Entity {{id: r.id}}) ON CREATE SET e.name = r.name "
            f"SET e:{_label(label)}, e += r.props, e.aliases = r.aliases "
            "WITH e, r WHERE r.embedding IS NOT NULL AND e.embedding IS NULL "
            "SET e.embedding = r.embedding"
        ),
    )


def write_mentions(tx: Tx, rows: Sequence[dict[str, Any]]) -> None:
    if not rows:
        return
    tx.run(
        "UNWIND $rows AS m MATCH (c:Chunk {id: m.chunk}) MATCH (e:Entity {id: m.entity}) "
        "MERGE (c)-[r:MENTIONS]->(e) SET r.count = m.count",
        rows=list(rows),
    ).consume()


def write_relations(
    tx: Tx, rows: Iterable[tuple[str, str, str]], source_label: str = "Entity"
) -> None:
    """MERGE typed relations ``(source id, type, target id)`` from entities (or tools)."""
    if source_label not in ("Entity", "Tool"):
        raise GraphError(f"relations start at Entity or Tool nodes, not {source_label!r}")
    by_type: dict[str, list[dict[str, str]]] = {}
    for source, rel_type, target in rows:
        by_type.setdefault(rel_type, []).append({"s": source, "t": target})
    _run_grouped(
        tx,
        by_type,
        lambda rows, rel_type: (
            f"UNWIND {rows} AS r MATCH (a:{source_label} {{id: r.s}}) "
            f"MATCH (b:Entity {{id: r.t}}) MERGE (a)-[:{_rel_type(rel_type)}]->(b)"
        ),
    )


def _run_grouped(
    tx: Tx, groups: Mapping[str, Sequence[Mapping[str, Any]]], subquery: Callable[[str, str], str]
) -> None:
    """One statement with a subquery per group: ``subquery(rows_parameter, key)``.

    A label or relationship type cannot be a parameter, so each gets its own subquery;
    one round trip per group cost more than the writes on small documents.
    """
    parts, params = [], {}
    for index, (key, items) in enumerate(sorted(groups.items())):
        params[f"rows{index}"] = items
        parts.append(f"CALL {{ {subquery(f'$rows{index}', key)} }}")
    if parts:
        tx.run(" ".join(parts), params).consume()


def stale_candidates(tx: Tx, document_id: str) -> list[str]:
    """Entities the document's chunks mention, and their entity neighbours."""
    record = tx.run(
        "MATCH (c:Chunk {document_id: $doc})-[:MENTIONS]->(e:Entity) WITH DISTINCT e "
        "OPTIONAL MATCH (e)--(n:Entity) "
        "RETURN collect(DISTINCT e.id) + collect(DISTINCT n.id) AS ids",
        doc=document_id,
    ).single()
    return sorted(set(record["ids"])) if record else []


def remove_orphans(tx: Tx, candidates: Sequence[str]) -> int:
    """Delete candidates no chunk mentions, no tool uses, and no mentioned entity touches."""
    removed = 0
    if not candidates:
        return removed  # a new document: nothing it mentioned before
    for _ in range(3):  # a second pass catches nodes whose only anchor went in the first
        record = tx.run(
            "UNWIND $ids AS id MATCH (e:Entity {id: id}) "
            "WHERE NOT (e)<-[:MENTIONS]-(:Chunk) AND NOT (e)<-[:COMPUTES|IMPLEMENTS]-(:Tool) "
            "AND NOT EXISTS { MATCH (e)--(o:Entity) WHERE (o)<-[:MENTIONS]-(:Chunk) } "
            "DETACH DELETE e RETURN count(*) AS n",
            ids=list(candidates),
        ).single()
        count = int(record["n"]) if record else 0
        removed += count
        if count == 0:
            break
    return removed


def clear_document_content(tx: Tx, document_id: str) -> int:
    """Remove a document's chunks, tables, rows and tool nodes; return the chunk count."""
    record = tx.run(
        "MATCH (c:Chunk {document_id: $doc}) DETACH DELETE c RETURN count(*) AS n",
        doc=document_id,
    ).single()
    tx.run(
        "MATCH (t:Table {document_id: $doc}) OPTIONAL MATCH (r:Row)-[:BELONGS]->(t) "
        "DETACH DELETE r, t",
        doc=document_id,
    ).consume()
    tx.run("MATCH (t:Tool {document_id: $doc}) DETACH DELETE t", doc=document_id).consume()
    return int(record["n"]) if record else 0


def find_document(driver: Driver, reference: str, database: str | None = None) -> dict[str, Any]:
    """A document by id, source path or name; ambiguity and absence are clear errors."""
    from pathlib import Path

    candidates = [reference]
    path = Path(reference).expanduser()
    if path.exists():
        candidates.append(str(path.resolve()))
    records, _, _ = driver.execute_query(
        "MATCH (d:Document) WHERE d.id IN $refs OR d.source IN $refs OR d.name = $name "
        "RETURN d.id AS id, d.source AS source, d.name AS name",
        refs=candidates,
        name=reference,
        database_=database,
        routing_="r",
    )
    if not records:
        raise DocumentNotFoundError(
            f"no document {reference!r} in the graph; 'peoa graph stats --json' lists documents"
        )
    if len(records) > 1:
        sources = ", ".join(r["source"] for r in records)
        raise DocumentNotFoundError(
            f"{reference!r} names {len(records)} documents ({sources}); give the full path or id"
        )
    return dict(records[0])


def delete_document_tx(tx: Tx, document_id: str) -> tuple[int, int]:
    candidates = stale_candidates(tx, document_id)
    chunks = clear_document_content(tx, document_id)
    tx.run("MATCH (d:Document {id: $doc}) DETACH DELETE d", doc=document_id).consume()
    return chunks, remove_orphans(tx, candidates)


def delete_document(driver: Driver, reference: str, database: str | None = None) -> DeleteReport:
    """Remove a document, its chunks and the entities only it mentioned, in one transaction."""
    found = find_document(driver, reference, database)
    with driver.session(database=database) as session:
        chunks, orphans = session.execute_write(delete_document_tx, found["id"])
    return DeleteReport(
        document_id=found["id"], source=found["source"], chunks=chunks, orphans_removed=orphans
    )


def graph_stats(driver: Driver, database: str | None = None) -> GraphStats:
    """Counts by label and relationship type, and the recorded schema version."""
    from peoa.graph.migrate import schema_version

    def count(query: str) -> int:
        records, _, _ = driver.execute_query(query, database_=database, routing_="r")
        return int(records[0]["n"])

    entities: dict[str, int] = {}
    for label in load_schema().entity_labels:
        entities[label] = count(f"MATCH (n:{_label(label)}) RETURN count(n) AS n")
    relationships: dict[str, int] = {}
    for rel_type in load_schema().relationships:
        relationships[rel_type] = count(
            f"MATCH ()-[r:{_rel_type(rel_type)}]->() RETURN count(r) AS n"
        )
    return GraphStats(
        schema_version=schema_version(driver, database),
        documents=count("MATCH (n:Document) RETURN count(n) AS n"),
        chunks=count("MATCH (n:Chunk) RETURN count(n) AS n"),
        entities=entities,
        tools=count("MATCH (n:Tool) RETURN count(n) AS n"),
        quantities=count("MATCH (n:Quantity) RETURN count(n) AS n"),
        tables=count("MATCH (n:Table) RETURN count(n) AS n"),
        rows=count("MATCH (n:Row) RETURN count(n) AS n"),
        relationships=relationships,
    )
