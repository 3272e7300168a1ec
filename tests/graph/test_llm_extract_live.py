"""The ``--llm`` extraction pass with the real local model (Qwen2.5-Coder 0.5B, llama.cpp).

One short document is ingested with the LLM pass on. The model's answers must fit the
extraction schema (grammar-constrained decoding), and whatever survives the checks
against the passage and the graph schema must land in Neo4j as entities the chunk
mentions and as relations. No particular entity is asserted: a 0.5B model's choice of
names is not stable enough for that.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest
from neo4j import Driver

from peoa.graph import Ingestor
from peoa.graph.extract import Extractor
from peoa.graph.llm_extract import LLMExtractor
from peoa.llm import Embedder

TEXT = """# Feed pump

The centrifugal pump P-101 moves benzene from the storage tank to the distillation
column. Its NPSH margin is checked with the vapour pressure of benzene at 40 °C.
"""


class _Recording:
    """The real model, with each schema-constrained answer kept for the assertions."""

    def __init__(self, llm: Any) -> None:
        self.llm = llm
        self.answers: list[dict[str, Any]] = []

    def structured(self, messages: Any, schema: dict[str, Any], **options: Any) -> Any:
        data, completion = self.llm.structured(messages, schema, **options)
        self.answers.append(data)
        return data, completion


@pytest.fixture(scope="module")
def live_extractor() -> LLMExtractor:
    extractor = LLMExtractor.from_config()
    extractor.llm = _Recording(extractor.llm)
    return extractor


def test_live_model_output_is_schema_valid_and_lands_in_the_graph(
    graph: Driver, embedder: Embedder, live_extractor: LLMExtractor, tmp_path: Path
) -> None:
    recording: _Recording = live_extractor.llm  # type: ignore[assignment]
    source = tmp_path / "feed_pump.md"
    source.write_text(TEXT)
    report = Ingestor(graph, embedder, llm_extractor=live_extractor).ingest_paths([source])
    assert not report.failed, report.failed
    assert report.files[0].chunks == 1

    assert len(recording.answers) == 1  # one call per chunk
    answer = recording.answers[0]
    jsonschema.validate(answer, live_extractor._json_schema)

    records, _, _ = graph.execute_query("MATCH (c:Chunk) RETURN c.text AS text")
    [chunk_text] = [r["text"] for r in records]
    expected = Extractor().extract(chunk_text)
    deterministic = {e.id for e in expected.entities}
    live_extractor.merge(answer, chunk_text, expected)  # what the checks let through
    from_model = {e.id for e in expected.entities} - deterministic

    records, _, _ = graph.execute_query(
        "MATCH (:Chunk)-[:MENTIONS]->(e:Entity) RETURN collect(e.id) AS ids"
    )
    mentioned = set(records[0]["ids"])
    assert mentioned == deterministic | from_model
    records, _, _ = graph.execute_query(
        "MATCH (a:Entity)-[r]->(b:Entity) RETURN collect([a.id, type(r), b.id]) AS rels"
    )
    stored = {tuple(rel) for rel in records[0]["rels"]}
    assert {(r.source, r.type, r.target) for r in expected.relations} <= stored
    # The schema's minItems holds under llama.cpp's grammar: without it the model said [].
    assert answer["entities"], answer
