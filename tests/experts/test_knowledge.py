"""The knowledge expert over the real Neo4j: it cites the graph, or says it holds nothing."""

from __future__ import annotations

import pytest
from neo4j import Driver

from peoa.experts import ExpertTask
from peoa.experts.knowledge import KnowledgeExpert
from peoa.graph.retrieve import GraphRetriever
from peoa.llm import Embedder

pytestmark = pytest.mark.slow


@pytest.fixture()
def knowledge(experts, seal_graph: Driver, embedder: Embedder) -> KnowledgeExpert:
    expert = experts["knowledge"]
    return KnowledgeExpert(
        expert.manifest, retriever=GraphRetriever(seal_graph, embedder), embedder=embedder
    )


def chunk_ids(driver: Driver) -> dict[str, str]:
    records, _, _ = driver.execute_query(
        "MATCH (d:Document)-[:HAS_CHUNK]->(c:Chunk) RETURN c.id AS id, c.text AS text"
    )
    return {r["id"]: r["text"] for r in records}


def test_answers_with_citations_from_the_graph(knowledge, seal_graph: Driver) -> None:
    question = "How far above the seal chamber pressure is the barrier fluid kept in API Plan 53A?"
    result = knowledge.run(ExpertTask(question=question, sub_task=question))
    assert result.ok, result.error
    chunks = chunk_ids(seal_graph)
    assert result.citations
    for citation in result.citations:
        assert citation.chunk_id in chunks
        assert citation.score is not None and citation.score >= 0.35
    assert any("1.5 bar" in chunks[c.chunk_id] for c in result.citations)
    assert any(c.chunk_id in result.text for c in result.citations)
    assert [c.purpose for c in result.llm_calls] == ["answer from passages"]
    if result.answer is not None:  # a number is kept only when a cited passage states it
        assert result.answer.value == pytest.approx(1.5)


def test_declines_when_the_graph_holds_nothing_relevant(knowledge) -> None:
    question = "Which team won the 1966 football World Cup final?"
    result = knowledge.run(ExpertTask(question=question, sub_task=question))
    assert not result.ok
    assert "nothing relevant" in (result.error or "")
    assert result.citations == [] and result.answer is None
    assert result.llm_calls == []  # nothing to cite, so nothing is asked of the model
