"""Cypher and Lucene injection through every user-facing string that reaches Neo4j.

Retrieval queries (all four modes for a fixed corpus, and Hypothesis-generated text for
the full-text and graph modes, which build the most query text), document references
for ``find_document`` and ``peoa graph delete``: the graph is byte-for-byte the same
afterwards, apart from what a legitimate delete removes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from neo4j import Driver

from peoa.exceptions import PeoaError
from peoa.graph.retrieve import make_retriever
from peoa.graph.store import delete_document, find_document
from tests.reliability._fuzz import FUZZ

CORPUS = [
    "') MATCH (n) DETACH DELETE n //",
    "'}) CALL { MATCH (n) DETACH DELETE n } RETURN 1 //",
    '" OR 1=1 WITH 1 AS x MATCH (n) SET n.pwned = true //',
    "x` }) DETACH DELETE n //",
    "CALL db.index.fulltext.drop('chunk_text')",
    "CREATE (:Pwned {at: timestamp()})",
    "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
    "CALL apoc.cypher.runWrite('MATCH (n) DETACH DELETE n', {})",
    "*:*", "text:* OR section:*", "\\", "/.*/", "[* TO *] ^2 &&||!",
    "$query $k; DROP INDEX chunk_text", "%00\x00\u202e", "' + '' + '", "doc:*",
]  # fmt: skip


def fingerprint(driver: Driver) -> tuple[Any, ...]:
    nodes = driver.execute_query(
        "MATCH (n) RETURN labels(n) AS l, n.id AS id, "
        "[k IN keys(n) WHERE k <> 'embedding' | [k, n[k]]] AS p ORDER BY id, l"
    ).records
    rels = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b ORDER BY a, t, b"
    ).records
    indexes = driver.execute_query("SHOW INDEXES YIELD name RETURN name ORDER BY name").records
    return (
        tuple(tuple(map(str, r.values())) for r in nodes),
        tuple(tuple(map(str, r.values())) for r in rels),
        tuple(r["name"] for r in indexes),
    )


@pytest.fixture()
def loaded(ingestor: Any, graph: Driver, tmp_path: Path) -> Driver:
    for name, text in {
        "pumps.md": "# Pumps\n\nA centrifugal pump adds head; NPSH must exceed NPSHr.\n",
        "valves.md": "# Valves\n\nA control valve Kv relates flow to pressure drop in water.\n",
    }.items():
        (tmp_path / name).write_text(text)
        assert ingestor.ingest_file(tmp_path / name).status == "ingested"
    return graph


def _search(driver: Driver, embedder: Any, mode: str, query: str) -> None:
    try:
        result = make_retriever(mode, driver, embedder).search(query, k=5)  # type: ignore[arg-type]
    except PeoaError as error:  # an empty or unusable query is refused in one line
        assert "\n" not in str(error).strip()
        return
    assert len(result.items) <= 5


def test_injection_corpus_everywhere(loaded: Driver, embedder: Any) -> None:
    before = fingerprint(loaded)
    for query in CORPUS:
        for mode in ("vector", "fulltext", "hybrid", "graph"):
            _search(loaded, embedder, mode, query)
        for reference in (query, f"pumps.md{query}", f"doc:{query}"):
            with pytest.raises(PeoaError):
                find_document(loaded, reference)
            with pytest.raises(PeoaError):
                delete_document(loaded, reference)
    assert fingerprint(loaded) == before
    # A legitimate delete still works and removes only its document.
    delete_document(loaded, "pumps.md")
    after = loaded.execute_query("MATCH (d:Document) RETURN collect(d.source) AS s").records
    assert [Path(s).name for s in after[0]["s"]] == ["valves.md"]


@FUZZ
@given(st.text(max_size=80))
def test_fuzz_queries_change_nothing(loaded: Driver, embedder: Any, query: str) -> None:
    before = fingerprint(loaded)
    for mode in ("fulltext", "graph"):
        _search(loaded, embedder, mode, query)
    assert fingerprint(loaded) == before
