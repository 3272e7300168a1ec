"""Retrieval on small fixtures, provenance, graph expansion and injection attempts."""

from __future__ import annotations

from collections import Counter

import pytest
from neo4j import Driver

from peoa.graph import Ingestor, migrate
from peoa.graph.errors import QueryRejectedError
from peoa.graph.retrieve import (
    FulltextRetriever,
    GraphRetriever,
    HybridRetriever,
    RetrievedChunk,
    Retriever,
    VectorRetriever,
    escape_lucene,
    fulltext_query,
    make_retriever,
    query_vector,
)
from peoa.llm import Embedder

from .conftest import FIXTURES
from .test_ingest import GOOD, fingerprint


@pytest.fixture(scope="module")
def loaded(neo4j_driver: Driver, embedder: Embedder) -> Driver:
    """The fixture documents, ingested once for this module's read-only tests."""
    with neo4j_driver.session() as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS").consume()
    migrate(neo4j_driver)
    ingestor = Ingestor(neo4j_driver, embedder, batch_size=4, max_chars=400, overlap=80)
    report = ingestor.ingest_paths([FIXTURES / name for name in GOOD])
    assert not report.failed
    return neo4j_driver


CASES = [
    (
        "minimum stages at total reflux for benzene and toluene",
        "distillation.md",
        "Fenske",
    ),
    ("why does a pump cavitate when suction head is too low", "pumps.md", "suction head"),
    ("overall heat transfer coefficient and fouling", "heat_exchangers.txt", ""),
    ("normal boiling point of toluene", "properties.csv", "table properties"),
]


@pytest.mark.parametrize("mode", ["vector", "fulltext", "hybrid", "graph"])
@pytest.mark.parametrize(("query", "document", "section"), CASES)
def test_each_mode_finds_the_right_passage(
    loaded: Driver, embedder: Embedder, mode: str, query: str, document: str, section: str
) -> None:
    result = make_retriever(mode, loaded, embedder).search(query, k=3)  # type: ignore[arg-type]
    assert result.mode == mode
    top = result.items[0]
    assert top.source is not None and top.source.endswith(document), [
        (i.source, i.score) for i in result.items
    ]
    assert section in (top.section or "")
    assert top.chunk_id.startswith("chunk:") and top.document_id.startswith("doc:")
    assert top.score > 0
    assert [i.score for i in result.items] == sorted((i.score for i in result.items), reverse=True)


def test_provenance_and_citation(loaded: Driver, embedder: Embedder) -> None:
    hit = HybridRetriever(loaded, embedder).search("NPSH available versus required", k=1).items[0]
    assert hit.document == "Centrifugal pump sizing"
    assert hit.section == "Centrifugal pumps > Net positive suction head"
    assert hit.position is not None
    assert hit.citation().endswith("§ Centrifugal pumps > Net positive suction head")


def test_graph_mode_expands_entities_relations_and_neighbours(
    loaded: Driver, embedder: Embedder
) -> None:
    hit = GraphRetriever(loaded, embedder).search("Fenske minimum stages", k=1).items[0]
    names = {e.name: e for e in hit.entities}
    assert "fenske equation" in names
    relations = names["fenske equation"].relations
    assert {"type": "COMPUTES", "direction": "out"}.items() <= relations[0].items() or any(
        r["type"] == "COMPUTES" and r["other"] == "number of stages" for r in relations
    )
    assert hit.neighbours, "the next chunk of the same document comes along"
    assert all(n["chunk_id"] != hit.chunk_id for n in hit.neighbours)


def test_hybrid_fuses_both_lists(loaded: Driver, embedder: Embedder) -> None:
    query = "relative volatility benzene toluene"
    vector = {i.chunk_id for i in VectorRetriever(loaded, embedder).search(query, 3).items}
    text = {i.chunk_id for i in FulltextRetriever(loaded).search(query, 3).items}
    hybrid = HybridRetriever(loaded, embedder).search(query, 3).items
    assert hybrid[0].chunk_id in vector | text
    assert all(i.score <= (1 + 0.7) / 11 for i in hybrid)  # weighted reciprocal ranks, k = 10


INJECTIONS = [
    "') MATCH (n) DETACH DELETE n //",
    "'}) CALL { MATCH (n) DETACH DELETE n } RETURN 1 //",
    "*:*",
    "text:* OR section:*",
    'pump~ AND NOT ("',
    "\\",
    "/.*/",
    "AND OR NOT",
    "[* TO *] {a TO b} ^2 &&||!",
    "$query $k; DROP INDEX chunk_text",
]


@pytest.mark.parametrize("query", INJECTIONS)
def test_injection_attempts_have_no_effect(loaded: Driver, embedder: Embedder, query: str) -> None:
    before = fingerprint(loaded)
    for mode in ("vector", "fulltext", "hybrid", "graph"):
        result = make_retriever(mode, loaded, embedder).search(query, k=5)  # type: ignore[arg-type]
        assert len(result.items) <= 5
    assert fingerprint(loaded) == before
    indexes = loaded.execute_query("SHOW INDEXES YIELD name RETURN collect(name) AS n").records
    assert "chunk_text" in indexes[0]["n"]


def test_match_all_syntax_is_a_literal_not_a_wildcard(loaded: Driver) -> None:
    total = loaded.execute_query("MATCH (c:Chunk) RETURN count(c) AS n").records[0]["n"]
    assert len(FulltextRetriever(loaded).search("*:*", k=50).items) < total


def test_lucene_escaping() -> None:
    assert escape_lucene("a:b") == "a\\:b"
    assert escape_lucene("(x)") == "\\(x\\)"
    assert escape_lucene("a&&b||c") == "a\\&\\&b\\|\\|c"
    assert fulltext_query("NOT pumps OR valves") == "not pumps or valves"
    assert fulltext_query("   ") == ""


@pytest.mark.parametrize(("query", "k"), [("", 5), ("   ", 5), ("pump", 0), ("pump", 1000)])
def test_bad_queries_are_refused(loaded: Driver, embedder: Embedder, query: str, k: int) -> None:
    with pytest.raises(QueryRejectedError):
        HybridRetriever(loaded, embedder).search(query, k)


def test_a_retriever_needs_only_one_method(loaded: Driver) -> None:
    class Latest(Retriever):
        mode = "latest"

        def get_search_results(self, query: str, k: int) -> list[RetrievedChunk]:
            rows = self._read(
                "MATCH (d:Document)-[:HAS_CHUNK]->(c:Chunk) RETURN c.id AS chunk_id, "
                "c.text AS text, 1.0 AS score, d.id AS document_id ORDER BY c.id LIMIT $k",
                k=k,
            )
            return [RetrievedChunk(**r) for r in rows]

    result = Latest(loaded).search("anything", k=2)
    assert result.mode == "latest" and len(result.items) == 2


def test_graph_mode_lists_the_tools_a_note_names(loaded: Driver, embedder: Embedder) -> None:
    hit = (
        GraphRetriever(loaded, embedder).search("NPSH available at the pump suction", k=1).items[0]
    )
    assert hit.source is not None and hit.source.endswith("pumps.md")
    assert hit.tools[:2] == ["pump_head", "npsh_available"]


def _rrf(lists: list[list[str]], weights: list[float], rrf_k: int) -> dict[str, float]:
    scores: dict[str, float] = {}
    for ranked, weight in zip(lists, weights, strict=True):
        for rank, cid in enumerate(ranked, start=1):
            scores[cid] = scores.get(cid, 0.0) + weight / (rrf_k + rank)
    return scores


@pytest.mark.parametrize(
    ("rrf_k", "wv", "wf"), [(60, 1.0, 1.0), (10, 1.0, 0.4), (60, 0.0, 1.0), (60, 1.0, 0.0)]
)
def test_one_statement_fusion_matches_the_two_lists_fused_by_hand(
    loaded: Driver, embedder: Embedder, rrf_k: int, wv: float, wf: float
) -> None:
    query = "boiling point of toluene and the minimum stages of the column"
    depth = 20  # what HybridRetriever asks each index for when k * candidates < 20
    vector = [i.chunk_id for i in VectorRetriever(loaded, embedder).search(query, depth).items]
    text = [i.chunk_id for i in FulltextRetriever(loaded).search(query, depth).items]
    assert vector and text
    expected = _rrf([vector, text], [wv, wf], rrf_k)
    hybrid = HybridRetriever(
        loaded, embedder, rrf_k=rrf_k, vector_weight=wv, fulltext_weight=wf, per_document=None
    ).search(query, 4)
    assert len(hybrid.items) == min(4, len(expected))
    for item in hybrid.items:
        assert item.score == pytest.approx(expected[item.chunk_id])
        assert item.document_id.startswith("doc:") and item.text
    best = sorted(expected.values(), reverse=True)[: len(hybrid.items)]
    assert [i.score for i in hybrid.items] == pytest.approx(best)


def test_query_without_searchable_words_ranks_by_the_vector_list_alone(
    loaded: Driver, embedder: Embedder
) -> None:
    query = "??? !!! ~~~"  # escaped, it is a Lucene query that the analyzer leaves empty
    hybrid = HybridRetriever(loaded, embedder, rrf_k=60, per_document=None).search(query, 3)
    vector = VectorRetriever(loaded, embedder).search(query, 3).items
    assert [i.chunk_id for i in hybrid.items] == [i.chunk_id for i in vector]
    assert hybrid.items[0].score == pytest.approx(1 / 61)


def test_per_document_cap_spends_the_results_on_distinct_sources(
    loaded: Driver, embedder: Embedder
) -> None:
    query = "centrifugal pump head, NPSH and cavitation at the suction"
    uncapped = HybridRetriever(loaded, embedder, per_document=None).search(query, 4).items
    sources = [i.document_id for i in uncapped]
    assert len(set(sources)) < len(sources), "the fixture query must hit one document twice"
    capped = HybridRetriever(loaded, embedder, per_document=1).search(query, 4).items
    assert len({i.document_id for i in capped}) == len(capped)
    assert capped[0].chunk_id == uncapped[0].chunk_id  # the best chunk stays first
    two = HybridRetriever(loaded, embedder, per_document=2).search(query, 4).items
    assert max(Counter(i.document_id for i in two).values()) <= 2


def test_vector_search_over_fetches_then_keeps_the_best_k(
    loaded: Driver, embedder: Embedder
) -> None:
    retriever = VectorRetriever(loaded, embedder)
    wide = retriever.search("heat exchanger fouling", k=10).items
    narrow = retriever.search("heat exchanger fouling", k=3).items
    assert [i.chunk_id for i in narrow] == [i.chunk_id for i in wide[:3]]
    assert [i.score for i in narrow] == sorted((i.score for i in narrow), reverse=True)


class _Counting(Embedder):
    """The real embedder, counting how often a query reaches the model."""

    def __init__(self, inner: Embedder) -> None:
        self.inner, self.name, self.dimensions = inner, inner.name, inner.dimensions
        self.queries = 0

    def embed(self, texts):  # type: ignore[no-untyped-def]
        return self.inner.embed(texts)

    def embed_query(self, text: str) -> list[float]:
        self.queries += 1
        return self.inner.embed_query(text)


def test_query_vectors_are_cached_per_embedder(loaded: Driver, embedder: Embedder) -> None:
    counting = _Counting(embedder)
    first = query_vector(counting, "pump suction head")
    retriever = GraphRetriever(loaded, counting)
    retriever.search("pump suction head", k=2)  # chunks and tools reuse the cached vector
    HybridRetriever(loaded, counting).search("pump suction head", k=2)
    assert counting.queries == 1
    assert first == pytest.approx(embedder.embed_query("pump suction head"), abs=1e-5)
    query_vector(counting, "a different question")
    assert counting.queries == 2
