"""Fixtures for the expert tests: the built-in experts, and a real graph for the knowledge expert.

Every expert here runs the real default local model (greedy decoding, so the runs are
repeatable), the real tool registry, the real sandbox and the real Neo4j.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import Driver

from peoa.experts import Expert, load_experts
from peoa.llm import Embedder, get_embedder

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def experts() -> dict[str, Expert]:
    """The built-in experts, as the meta-agent loads them."""
    return load_experts()


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    return get_embedder()


@pytest.fixture()
def seal_graph(empty_graph: Driver, embedder: Embedder) -> Driver:
    """The session's Neo4j, migrated, holding only the seal-support fixture document."""
    from peoa.graph import Ingestor, migrate

    migrate(empty_graph)
    report = Ingestor(empty_graph, embedder, max_chars=500, overlap=80).ingest_file(
        FIXTURES / "seal_support_systems.md"
    )
    assert report.status == "ingested", report.message
    return empty_graph
