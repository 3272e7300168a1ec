"""Fixtures for the knowledge-layer tests: a migrated, emptied real Neo4j and an ingestor."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from neo4j import Driver

from peoa.graph import Ingestor, migrate
from peoa.llm import Embedder, get_embedder

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    return get_embedder()


@pytest.fixture()
def graph(empty_graph: Driver) -> Driver:
    """An empty graph with the schema migrations applied."""
    migrate(empty_graph)
    return empty_graph


@pytest.fixture()
def ingestor(graph: Driver, embedder: Embedder) -> Ingestor:
    return Ingestor(graph, embedder, batch_size=4, max_chars=400, overlap=80)


@pytest.fixture()
def docs(tmp_path: Path) -> Path:
    """A private copy of the fixture documents that a test may change."""
    target = tmp_path / "docs"
    shutil.copytree(FIXTURES, target)
    return target


def count(driver: Driver, query: str, **params: object) -> int:
    records, _, _ = driver.execute_query(query, params)
    return int(records[0][0])
