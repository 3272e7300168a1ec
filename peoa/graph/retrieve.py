"""Retrieval over the graph: vector, full-text, hybrid (reciprocal-rank fusion) and graph.

Every retriever is a :class:`Retriever`: ``search(query, k)`` is public and checks its
input; subclasses implement only :meth:`Retriever.get_search_results`. Every hit carries
its score and provenance (document, source, section, page, chunk id) for citations. All
Cypher takes the query as a parameter, and full-text queries are Lucene-escaped, so the
text of a question can never change what a statement does.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from functools import lru_cache
from typing import Any, Literal

from neo4j import Driver
from neo4j.exceptions import DriverError, Neo4jError
from pydantic import BaseModel, Field, ValidationError, computed_field

from peoa.graph.errors import GraphError, GraphUnavailableError, QueryRejectedError
from peoa.graph.injection import injection_signs
from peoa.llm import Embedder

__all__ = [
    "EntityContext",
    "FulltextRetriever",
    "GraphRetriever",
    "HybridRetriever",
    "Mode",
    "RetrievedChunk",
    "Retriever",
    "RetrieverResult",
    "SearchQuery",
    "ToolHit",
    "VectorRetriever",
    "escape_lucene",
    "fulltext_query",
    "make_retriever",
    "query_vector",
    "search_tools",
]

Mode = Literal["vector", "fulltext", "hybrid", "graph"]

_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/]|&&|\|\|)')
_OPERATORS = frozenset({"AND", "OR", "NOT", "TO"})

_CHUNK_FIELDS = (
    "node.id AS chunk_id, node.text AS text, node.section AS section, node.page AS page, "
    "node.position AS position, d.id AS document_id, d.title AS document, d.source AS source"
)


def escape_lucene(term: str) -> str:
    r"""Escape every character Lucene's query parser treats as syntax.

    >>> escape_lucene('a+b (c) "d" x:y*')
    'a\\+b \\(c\\) \\"d\\" x\\:y\\*'
    """
    return _LUCENE_SPECIAL.sub(lambda m: "".join("\\" + c for c in m.group(0)), term)


def fulltext_query(text: str) -> str:
    """A Lucene query that matches any of the words of ``text``, as plain words.

    Boolean operators typed by the user are lower-cased so that they are words, not syntax.

    >>> fulltext_query('pump OR "drop" AND NOT x')
    'pump or \\\\"drop\\\\" and not x'
    """
    words = []
    for word in text.split():
        if word in _OPERATORS:
            word = word.lower()
        words.append(escape_lucene(word))
    return " ".join(words)


class SearchQuery(BaseModel):
    """Checked retrieval input."""

    text: str = Field(min_length=1, max_length=4000)
    k: int = Field(5, ge=1, le=100)


class EntityContext(BaseModel):
    id: str
    label: str
    name: str
    relations: list[dict[str, str]] = Field(default_factory=list)


class ToolHit(BaseModel):
    name: str
    topic: str | None = None
    description: str | None = None
    score: float


class RetrievedChunk(BaseModel):
    """One passage with its score and where it came from."""

    chunk_id: str
    text: str
    score: float
    document_id: str
    document: str | None = None
    source: str | None = None
    section: str | None = None
    page: int | None = None
    position: int | None = None
    entities: list[EntityContext] = Field(default_factory=list)
    neighbours: list[dict[str, Any]] = Field(default_factory=list)
    tools: list[str] = Field(default_factory=list)

    @computed_field  # type: ignore[prop-decorator]  # pydantic's documented form for mypy
    @property
    def injection(self) -> list[str]:
        """Signs that the passage gives the model orders (empty for ordinary text)."""
        return injection_signs(self.text)

    def citation(self) -> str:
        where = self.source or self.document_id
        parts = [where]
        if self.section:
            parts.append(f"§ {self.section}")
        if self.page:
            parts.append(f"p. {self.page}")
        return ", ".join(parts)


class RetrieverResult(BaseModel):
    query: str
    mode: str
    items: list[RetrievedChunk]
    tools: list[ToolHit] = Field(default_factory=list)


class Retriever(ABC):
    """Base class of every retriever: one required method, checked inputs."""

    mode: str = "base"

    def __init__(self, driver: Driver, *, database: str | None = None) -> None:
        self.driver = driver
        self.database = database

    def search(self, query: str, k: int = 5) -> RetrieverResult:
        """The ``k`` best chunks for ``query``; bad input raises :class:`QueryRejectedError`."""
        try:
            checked = SearchQuery(text=query, k=k)
        except ValidationError as error:
            first = error.errors()[0]
            raise QueryRejectedError(
                f"invalid retrieval query: {first['loc'][0]}: {first['msg']}"
            ) from None
        if not checked.text.strip():
            raise QueryRejectedError("the retrieval query is blank; ask something")
        try:
            items = self.get_search_results(checked.text, checked.k)
        except Neo4jError as error:
            raise GraphError(
                f"retrieval failed in Neo4j ({str(error).splitlines()[0][:200]}); "
                "run 'peoa graph migrate' if the indexes are missing"
            ) from None
        except (DriverError, OSError) as error:
            raise _unavailable(error) from None
        return RetrieverResult(query=checked.text, mode=self.mode, items=items[: checked.k])

    @abstractmethod
    def get_search_results(self, query: str, k: int) -> list[RetrievedChunk]:
        """Return up to ``k`` chunks, best first."""

    def _read(self, cypher: str, **params: Any) -> list[dict[str, Any]]:
        records, _, _ = self.driver.execute_query(
            cypher, params, database_=self.database, routing_="r"
        )
        return [dict(r) for r in records]


class VectorRetriever(Retriever):
    """Nearest chunks by cosine similarity of MiniLM embeddings."""

    mode = "vector"

    def __init__(
        self, driver: Driver, embedder: Embedder, *, oversample: int = 4, **kwargs: Any
    ) -> None:
        super().__init__(driver, **kwargs)
        self.embedder = embedder
        self.oversample = oversample

    def get_search_results(self, query: str, k: int) -> list[RetrievedChunk]:
        return self.by_vector(query_vector(self.embedder, query), k)

    def by_vector(self, vector: list[float], k: int) -> list[RetrievedChunk]:
        # The HNSW search explores about as many candidates as it is asked for, so asking
        # for 5 returns a rougher top 5 than the best 5 of 20 (recall@5 0.72 against 0.81
        # on the paraphrased benchmark queries).
        rows = self._read(
            "CALL db.index.vector.queryNodes('chunk_embedding', $depth, $vector) "
            "YIELD node, score WITH node, score ORDER BY score DESC LIMIT $k "
            "MATCH (d:Document)-[:HAS_CHUNK]->(node) "
            f"RETURN {_CHUNK_FIELDS}, score ORDER BY score DESC",
            k=k,
            depth=max(k * self.oversample, 20),
            vector=vector,
        )
        return [RetrievedChunk(**row) for row in rows]


class FulltextRetriever(Retriever):
    """Lucene BM25 over chunk text and section headings (English analyzer)."""

    mode = "fulltext"

    def get_search_results(self, query: str, k: int) -> list[RetrievedChunk]:
        lucene = fulltext_query(query)
        if not lucene.strip():
            return []
        rows = self._read(
            "CALL db.index.fulltext.queryNodes('chunk_text', $query, {limit: $k}) "
            "YIELD node, score MATCH (d:Document)-[:HAS_CHUNK]->(node) "
            f"RETURN {_CHUNK_FIELDS}, score ORDER BY score DESC",
            query=lucene,
            k=k,
        )
        return [RetrievedChunk(**row) for row in rows]


class HybridRetriever(Retriever):
    """Vector and full-text lists fused by reciprocal rank, in one round trip.

    score = Σ weight / (rrf_k + rank) over the two lists, each ``candidates × k`` deep
    (at least 20); then at most ``per_document`` chunks of one document (None: no cap).
    Both index queries and the fusion run in a single Cypher statement, so a search costs
    one query embedding (cached, see :func:`query_vector`) and one call to the server.

    The defaults were chosen on the paraphrased benchmark queries (recall@5 0.79 with the
    textbook k = 60, equal weights and no cap; 0.91 with these): a small ``rrf_k`` lets
    the top hit of either list through instead of chunks that are mediocre in both, the
    full-text list counts a little less because paraphrases share few words with the
    notes, and one chunk per document spends the k results on k sources. Graph mode adds
    each hit's neighbouring chunks, so nothing of a note is out of reach.
    """

    mode = "hybrid"

    def __init__(
        self,
        driver: Driver,
        embedder: Embedder,
        *,
        candidates: int = 4,
        rrf_k: int = 10,
        vector_weight: float = 1.0,
        fulltext_weight: float = 0.7,
        per_document: int | None = 1,
        **kwargs: Any,
    ) -> None:
        super().__init__(driver, **kwargs)
        self.embedder = embedder
        self.vector = VectorRetriever(driver, embedder, **kwargs)
        self.fulltext = FulltextRetriever(driver, **kwargs)
        self.candidates = candidates
        self.rrf_k = rrf_k
        self.vector_weight = vector_weight
        self.fulltext_weight = fulltext_weight
        self.per_document = per_document

    def get_search_results(self, query: str, k: int) -> list[RetrievedChunk]:
        rows = self._read(
            _HYBRID,
            vector=query_vector(self.embedder, query),
            query=fulltext_query(query),
            depth=max(k * self.candidates, 20),
            k=k,
            rrf=float(self.rrf_k),
            wv=float(self.vector_weight),
            wf=float(self.fulltext_weight),
            cap=self.per_document or k,
        )
        return [RetrievedChunk(**row) for row in rows]


# Each branch turns its hits into (node, weight / (rrf + rank)); the outer query sums them.
# Index procedures yield best first, but the explicit ORDER BY keeps that from being assumed.
_VECTOR_BRANCH = (
    "CALL db.index.vector.queryNodes('chunk_embedding', $depth, $vector) YIELD node, score "
    "WITH node ORDER BY score DESC WITH collect(node) AS hits "
    "UNWIND range(0, size(hits) - 1) AS i RETURN hits[i] AS node, $wv / ($rrf + i + 1) AS part"
)
_FULLTEXT_BRANCH = (
    "CALL db.index.fulltext.queryNodes('chunk_text', $query, {limit: $depth}) "
    "YIELD node, score "
    "WITH node ORDER BY score DESC WITH collect(node) AS hits "
    "UNWIND range(0, size(hits) - 1) AS i RETURN hits[i] AS node, $wf / ($rrf + i + 1) AS part"
)
_FUSE = (
    "WITH node, sum(part) AS score MATCH (d:Document)-[:HAS_CHUNK]->(node) "
    "WITH d, node, score ORDER BY score DESC, node.id "
    "WITH d, collect({node: node, score: score})[..$cap] AS best UNWIND best AS b "
    "WITH d, b.node AS node, b.score AS score ORDER BY score DESC, node.id LIMIT $k "
    f"RETURN {_CHUNK_FIELDS}, score ORDER BY score DESC, chunk_id"
)
_HYBRID = f"CALL () {{ {_VECTOR_BRANCH} UNION ALL {_FULLTEXT_BRANCH} }} {_FUSE}"


class GraphRetriever(HybridRetriever):
    """Hybrid hits expanded through the graph.

    Each hit gains the entities its chunk mentions with their one-hop relations, its
    previous and next chunks, and tools: first those its note names in its front matter,
    then those that compute or implement the entities it mentions.
    """

    mode = "graph"

    def get_search_results(self, query: str, k: int) -> list[RetrievedChunk]:
        hits = super().get_search_results(query, k)
        if not hits:
            return hits
        rows = self._read(
            "UNWIND $ids AS cid MATCH (c:Chunk {id: cid}) "
            "CALL (c) { OPTIONAL MATCH (c)-[:MENTIONS]->(e:Entity) "
            "  OPTIONAL MATCH (e)-[r]-(o:Entity) "
            "  WITH e, collect(DISTINCT {type: type(r), direction: "
            "    CASE WHEN startNode(r) = e THEN 'out' ELSE 'in' END, "
            "    other: o.name, other_id: o.id})[..8] AS rels "
            "  WHERE e IS NOT NULL "
            "  RETURN collect({id: e.id, name: e.name, "
            "    label: [l IN labels(e) WHERE l <> 'Entity'][0], relations: rels}) AS entities } "
            "CALL (c) { OPTIONAL MATCH (c)-[:MENTIONS]->(:Entity)<-[:COMPUTES|IMPLEMENTS]-(t:Tool) "
            "  RETURN collect(DISTINCT t.name)[..10] AS linked } "
            "OPTIONAL MATCH (d:Document)-[:HAS_CHUNK]->(c) "
            "WITH c, cid, entities, coalesce(d.tools, []) AS named, linked "
            "WITH c, cid, entities, named + [t IN linked WHERE NOT t IN named] AS tools "
            "CALL (c) { OPTIONAL MATCH (p:Chunk)-[:NEXT]->(c) OPTIONAL MATCH (c)-[:NEXT]->(n:Chunk) "
            "  RETURN [x IN [p, n] WHERE x IS NOT NULL | "
            "    {chunk_id: x.id, position: x.position, section: x.section, text: x.text}] "
            "    AS neighbours } "
            "RETURN cid, entities, tools, neighbours",
            ids=[h.chunk_id for h in hits],
        )
        extra = {row["cid"]: row for row in rows}
        expanded = []
        for hit in hits:
            row = extra.get(hit.chunk_id, {})
            entities = [
                EntityContext(
                    id=e["id"],
                    label=e["label"] or "Entity",
                    name=e["name"],
                    relations=[
                        {k: str(v) for k, v in rel.items()}
                        for rel in e["relations"]
                        if rel.get("type") is not None
                    ],
                )
                for e in row.get("entities", [])
            ]
            expanded.append(
                hit.model_copy(
                    update={
                        "entities": entities,
                        "neighbours": row.get("neighbours", []),
                        "tools": row.get("tools", []),
                    }
                )
            )
        return expanded

    def search(self, query: str, k: int = 5) -> RetrieverResult:
        result = super().search(query, k)
        result.tools = search_tools(self.driver, self.embedder, query, k=3, database=self.database)
        return result


def query_vector(embedder: Embedder, text: str) -> list[float]:
    """The embedding of a query, from a per-process LRU cache of 2,048 recent queries.

    Retrieval asks for the same question's vector more than once (chunks, then tools; an
    agent's revisions repeat questions), and embedding is the costliest step of a search.
    """
    return list(_cached_vector(embedder, text))


@lru_cache(maxsize=2048)
def _cached_vector(embedder: Embedder, text: str) -> tuple[float, ...]:
    return tuple(embedder.embed_query(text))


def search_tools(
    driver: Driver, embedder: Embedder, query: str, *, k: int = 5, database: str | None = None
) -> list[ToolHit]:
    """The engineering tools whose documentation is closest to ``query``."""
    try:
        records, _, _ = driver.execute_query(
            "CALL db.index.vector.queryNodes('tool_embedding', $k, $vector) YIELD node, score "
            "RETURN node.name AS name, node.topic AS topic, node.description AS description, "
            "score",
            k=k,
            vector=query_vector(embedder, query),
            database_=database,
            routing_="r",
        )
    except (DriverError, OSError) as error:
        raise _unavailable(error) from None
    return [ToolHit(**dict(r)) for r in records]


def _unavailable(error: Exception) -> GraphUnavailableError:
    """A lost or refused connection, after the driver's own retries, as one line."""
    reason = str(error).splitlines()[0][:200] if str(error) else type(error).__name__
    return GraphUnavailableError(
        f"the connection to Neo4j was lost during retrieval ({reason}); nothing was changed: "
        "check that Neo4j runs ('peoa neo4j status', or the server NEO4J_URI names) and ask again"
    )


def make_retriever(
    mode: Mode, driver: Driver, embedder: Embedder, *, database: str | None = None
) -> Retriever:
    """The retriever for ``mode``."""
    if mode == "vector":
        return VectorRetriever(driver, embedder, database=database)
    if mode == "fulltext":
        return FulltextRetriever(driver, database=database)
    if mode == "hybrid":
        return HybridRetriever(driver, embedder, database=database)
    if mode == "graph":
        return GraphRetriever(driver, embedder, database=database)
    raise QueryRejectedError(
        f"unknown retrieval mode {mode!r}; use vector, fulltext, hybrid or graph"
    )
