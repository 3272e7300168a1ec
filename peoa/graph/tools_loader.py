"""Load the engineering toolkit's documentation into the graph as ``Tool`` nodes.

Each tool's ``doc()`` (name, topic, description, inputs with units, outputs, reference)
becomes a ``Tool`` node with an embedding, plus a chunk of the ``bundled:tool-registry``
document that ``DESCRIBES`` it, so ordinary retrieval finds the right tool for a
question. The deterministic extractor links each tool to what it ``COMPUTES``
(properties named by its outputs and description) and ``IMPLEMENTS`` (correlations and
standards named by its description and reference). Loading twice changes nothing: the
document's content hash is the hash of all the tools' documentation.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from neo4j import Transaction

from peoa.exceptions import PeoaError
from peoa.graph.extract import Entity
from peoa.graph.ingest import DocumentMeta, FileReport, Ingestor, document_id
from peoa.graph.quantities import write_quantities
from peoa.graph.readers import Block
from peoa.graph.store import write_entities, write_relations

__all__ = ["TOOLS_SOURCE", "load_tools", "tool_text"]

TOOLS_SOURCE = "bundled:tool-registry"


def tool_text(doc: Mapping[str, Any]) -> str:
    """The documentation of one tool as prose, the form that is embedded and searched."""
    lines = [f"Tool {doc['name']} (topic {doc.get('topic', '')}): {doc.get('description', '')}"]
    inputs = []
    for item in doc.get("inputs", []):
        unit = f" [{item['unit']}]" if item.get("unit") else ""
        inputs.append(f"{item['name']}{unit}: {item.get('description', '')}")
    if inputs:
        lines.append("Inputs: " + "; ".join(inputs) + ".")
    outputs = [
        f"{o['name']}{' [' + o['unit'] + ']' if o.get('unit') else ''}: {o.get('description', '')}"
        for o in doc.get("outputs", [])
    ]
    if outputs:
        lines.append("Outputs: " + "; ".join(outputs) + ".")
    if doc.get("methods"):
        lines.append("Methods: " + ", ".join(map(str, doc["methods"])) + ".")
    if doc.get("reference"):
        lines.append(f"Reference: {doc['reference']}")
    return "\n".join(lines)


def _tool_docs(registry: Any = None) -> list[dict[str, Any]]:
    if registry is None:
        from peoa.tools import get_registry

        registry = get_registry()
    return [tool.doc() for tool in registry.list()]


def load_tools(ingestor: Ingestor, docs: Iterable[Mapping[str, Any]] | None = None) -> FileReport:
    """Write the registry's tools (or the given ``doc()`` dicts) into the graph."""
    try:
        items = [dict(d) for d in (docs if docs is not None else _tool_docs())]
    except PeoaError as error:
        return FileReport(path=TOOLS_SOURCE, status="error", message=str(error))
    payload = json.dumps(items, sort_keys=True, default=str)
    meta = DocumentMeta(
        id=document_id(TOOLS_SOURCE),
        source=TOOLS_SOURCE,
        name="tool registry",
        format="tools",
        title="PEOA engineering tool registry",
        content_hash=hashlib.sha256(payload.encode()).hexdigest(),
        size_bytes=len(payload),
        kind="tools",
    )

    def blocks() -> Iterator[Block]:
        for doc in items:
            yield Block(tool_text(doc), f"tool {doc['name']}")

    def after(tx: Transaction, _positions: dict[int, str]) -> None:
        _write_tools(ingestor, tx, meta.id, items)

    try:
        return ingestor.ingest_blocks(meta, blocks(), after)
    except PeoaError as error:
        return FileReport(path=TOOLS_SOURCE, status="error", message=str(error))


def _write_tools(
    ingestor: Ingestor, tx: Transaction, doc_id: str, items: list[dict[str, Any]]
) -> None:
    texts = [tool_text(doc) for doc in items]
    vectors = ingestor.embedder.embed(texts)
    tx.run(
        "UNWIND $rows AS t MERGE (tool:Tool {id: t.id}) "
        "SET tool.name = t.name, tool.topic = t.topic, tool.description = t.description, "
        "tool.reference = t.reference, tool.inputs = t.inputs, tool.outputs = t.outputs, "
        "tool.text = t.text, tool.embedding = t.embedding, tool.document_id = $doc "
        "WITH tool, t MATCH (c:Chunk {document_id: $doc, section: t.section}) "
        "MERGE (c)-[:DESCRIBES]->(tool)",
        doc=doc_id,
        rows=[
            {
                "id": f"tool:{doc['name']}",
                "name": doc["name"],
                "topic": doc.get("topic"),
                "description": doc.get("description"),
                "reference": doc.get("reference"),
                "inputs": json.dumps(doc.get("inputs", []), default=str),
                "outputs": json.dumps(doc.get("outputs", []), default=str),
                "text": text,
                "embedding": vector.tolist(),
                "section": f"tool {doc['name']}",
            }
            for doc, text, vector in zip(items, texts, vectors, strict=True)
        ],
    ).consume()
    entities: dict[str, Entity] = {}
    relations: set[tuple[str, str, str]] = set()
    extractor = ingestor.extractor
    for doc in items:
        tool_id = f"tool:{doc['name']}"
        computed = " ".join(
            [doc.get("description", "").split(".")[0]]
            + [f"{o['name']} {o.get('description', '')}" for o in doc.get("outputs", [])]
        )
        for entity in extractor.extract(computed).entities:
            if entity.label == "Property":
                entities[entity.id] = entity
                relations.add((tool_id, "COMPUTES", entity.id))
        implemented = f"{doc.get('description', '')} {doc.get('reference', '')}"
        for entity in extractor.extract(implemented).entities:
            if entity.label in ("Correlation", "Standard"):
                entities[entity.id] = entity
                relations.add((tool_id, "IMPLEMENTS", entity.id))
    if entities:
        names = list(entities.values())
        vectors = ingestor.embedder.embed([e.name for e in names])
        write_entities(
            tx,
            [
                {
                    "id": e.id,
                    "label": e.label,
                    "name": e.name,
                    "props": e.properties,
                    "aliases": " | ".join(e.aliases),
                    "embedding": v.tolist(),
                }
                for e, v in zip(names, vectors, strict=True)
            ],
        )
    write_relations(tx, sorted(relations), source_label="Tool")
    write_quantities(tx, items)
