"""The knowledge graph: ingestion throughput, hybrid latency at scale, retrieval recall.

Runs against a private managed Neo4j in a temporary folder (never the user's graph):

* **ingestion** (chunks/s): ``peoa ingest`` of the bundled ``knowledge/`` notes (read,
  chunk, embed, extract entities, write) against MiniLM alone embedding the very same
  chunk texts (texts/s) — target ≥ 0.7. Best of two alternating runs each,
  after a first ingestion into the fresh server, which is reported on its own (the JVM
  compiles Neo4j's write path during it).
* **hybrid latency** (ms, p50 and p95) on synthetic corpora of 1k, 10k and 100k chunks
  generated here (``PEOA_BENCH_GRAPH_SIZES=1000,10000`` leaves out 100k): end to end with
  a fresh MiniLM query embedding each time, and again with the embedding cached, so that
  the database part (one Cypher round trip: both indexes and the fusion) shows on its
  own; the query embedding alone is reported too, through ONNX Runtime (PEOA's query
  path) and through PyTorch. See :class:`_Corpus` for how the corpus is built quickly.
* **recall@5** on four labelled query sets against ``knowledge/``, one question per
  note in each. Two are held out: written after the hybrid settings were chosen and never
  used to choose them, 58 paraphrased questions (``retrieval_queries_heldout.jsonl``) and
  58 that describe the situation in plain words (``retrieval_queries_heldout2.jsonl``,
  written after the first held-out set's results, to be harder for full-text). Then the 58
  paraphrased questions those settings were tuned on (``retrieval_queries_hard.jsonl``)
  and 58 keyword questions (``retrieval_queries.jsonl``). PEOA's retrievers against
  neo4j-graphrag-python's ``VectorRetriever`` and ``HybridRetriever`` on the same
  database, indexes and query vectors (``pip install -e .[bench]``). A query scores the
  share of its relevant notes among the documents of the top 5 chunks.

``PEOA_BENCH_GRAPH_PARTS=ingestion,recall,latency`` chooses the parts (default: all).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import socket
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.harness import Measurement
from peoa.config import load_settings
from peoa.graph import Ingestor, migrate
from peoa.graph.bundled import bundled_files, ingest_bundled
from peoa.graph.chunking import chunk_blocks
from peoa.graph.migrate import discover
from peoa.graph.readers import open_source
from peoa.graph.retrieve import (
    FulltextRetriever,
    GraphRetriever,
    HybridRetriever,
    VectorRetriever,
    fulltext_query,
    query_vector,
)
from peoa.llm import Embedder, get_embedder
from peoa.llm.embeddings import SentenceTransformerEmbedder

_QUERIES = Path(__file__).parent / "data" / "retrieval_queries.jsonl"
_HARD_QUERIES = Path(__file__).parent / "data" / "retrieval_queries_hard.jsonl"
_HELDOUT_QUERIES = Path(__file__).parent / "data" / "retrieval_queries_heldout.jsonl"
_HELDOUT2_QUERIES = Path(__file__).parent / "data" / "retrieval_queries_heldout2.jsonl"
_LATENCY_QUERIES = 200


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def _private_graph() -> Iterator[Any]:
    import logging

    from peoa.neo4j_server import ManagedNeo4j, open_driver

    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)
    folder = tempfile.mkdtemp(prefix="peoa-bench-graph-")
    settings = load_settings(
        data_dir=folder,
        neo4j={"uri": None, "port": _free_port(), "heap": "2g", "pagecache": "1g"},
    )
    driver = open_driver(settings)
    try:
        yield driver
    finally:
        driver.close()
        ManagedNeo4j(settings).stop()
        shutil.rmtree(folder, ignore_errors=True)  # the 100k corpus takes about 1 GB


def _say(text: str) -> None:
    import sys

    print(f"   [{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def _clear(driver: Any) -> None:
    with driver.session() as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS").consume()
    migrate(driver)


# ------------------------------------------------------------------ ingestion


def _ingestion(driver: Any, embedder: Any) -> list[Measurement]:
    files = bundled_files()
    texts = [
        chunk.embedding_text()
        for path, _ in files
        for chunk in chunk_blocks(open_source(path).blocks(), max_chars=1000, overlap=150)
    ]
    model = embedder.model  # the bare SentenceTransformer under PEOA's embedder

    def ingest() -> tuple[int, float]:
        _clear(driver)
        ingestor = Ingestor(driver, embedder, batch_size=64)
        start = time.perf_counter()
        report = ingest_bundled(ingestor, tools=False)
        elapsed = time.perf_counter() - start
        assert not report.failed, report.failed
        return sum(f.chunks for f in report.files), elapsed

    # The first ingestion into a fresh server runs while the JVM compiles Neo4j's write
    # path (about 1.7 times slower here); it is reported on its own, and the throughput
    # is the steady state after it, as for any JVM service.
    chunks, cold_s = ingest()
    best_peoa = best_raw = 0.0
    for _ in range(2):
        start = time.perf_counter()
        model.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
        best_raw = max(best_raw, len(texts) / (time.perf_counter() - start))
        chunks, elapsed = ingest()
        best_peoa = max(best_peoa, chunks / elapsed)
    start = time.perf_counter()
    again = ingest_bundled(Ingestor(driver, embedder), tools=False)
    unchanged_s = time.perf_counter() - start
    assert {f.status for f in again.files} == {"unchanged"}
    return [
        Measurement(
            benchmark="graph",
            metric=f"ingestion of knowledge/ ({len(files)} notes, {chunks} chunks)",
            unit="chunks/s",
            value=best_peoa,
            baseline_name="MiniLM encode alone, same texts",
            baseline=best_raw,
            target=0.7,
        ),
        Measurement(
            benchmark="graph",
            metric="first ingestion of knowledge/ after Neo4j starts (JVM not yet warm)",
            unit="chunks/s",
            value=chunks / cold_s,
            baseline_name="MiniLM encode alone, same texts",
            baseline=best_raw,
            notes="informational: the steady-state figure above carries the target",
        ),
        Measurement(
            benchmark="graph",
            metric="re-ingestion of unchanged knowledge/ (hash check only)",
            unit="s",
            value=unchanged_s,
            better="lower",
            notes="content hashes match, nothing is embedded or written",
        ),
    ]


# --------------------------------------------------------------------- recall


class _GraphRagEmbedder:
    """PEOA's embedder behind neo4j-graphrag's Embedder interface (same model, same vectors)."""

    def __init__(self, embedder: Embedder) -> None:
        from neo4j_graphrag.embeddings.base import Embedder as Base

        class _Adapter(Base):
            def embed_query(self, text: str) -> list[float]:
                return query_vector(embedder, text)

        self.adapter = _Adapter()


def _load_queries(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def _score(found: list[str], relevant: list[str]) -> float:
    """The share of a query's relevant notes among the documents of its top 5 chunks."""
    return len(set(found[:5]) & set(relevant)) / len(relevant)


def recall_of(
    retriever: Any, queries: list[dict[str, Any]], missed: list[str] | None = None
) -> float:
    """Mean recall@5 of a PEOA retriever over labelled queries.

    The ids of queries that lost any relevant note are appended to ``missed``.
    """
    total = 0.0
    for item in queries:
        hits = retriever.search(item["query"], k=5).items
        score = _score([h.source or "" for h in hits], item["relevant"])
        total += score
        if missed is not None and score < 1.0:
            missed.append(item["id"])
    return total / len(queries)


def graphrag_recall(
    driver: Any, embedder: Embedder, queries: list[dict[str, Any]]
) -> dict[str, float]:
    """Mean recall@5 of neo4j-graphrag's VectorRetriever and HybridRetriever, if installed.

    They search the same indexes with the same query vector. Their full-text call passes
    its text to Lucene's parser as it is, so it gets the same escaped words PEOA sends
    (:func:`fulltext_query`): a '?' would otherwise be a parse error, not a weaker search.
    """
    try:
        from neo4j_graphrag.retrievers import HybridRetriever as GRHybrid
        from neo4j_graphrag.retrievers import VectorRetriever as GRVector
    except ImportError:
        return {}
    records, _, _ = driver.execute_query("MATCH (d:Document) RETURN d.id AS id, d.source AS s")
    source_of = {r["id"]: r["s"] for r in records}
    adapter = _GraphRagEmbedder(embedder).adapter
    vector = GRVector(driver, "chunk_embedding", adapter, return_properties=["document_id"])
    hybrid = GRHybrid(
        driver, "chunk_embedding", "chunk_text", adapter, return_properties=["document_id"]
    )
    totals = {"VectorRetriever": 0.0, "HybridRetriever": 0.0}
    for item in queries:
        text = item["query"]
        vec = query_vector(embedder, text)
        runs = {
            "VectorRetriever": vector.get_search_results(query_vector=vec, top_k=5),
            "HybridRetriever": hybrid.get_search_results(
                query_text=fulltext_query(text), query_vector=vec, top_k=5
            ),
        }
        for name, raw in runs.items():
            docs = [source_of.get(r["node"]["document_id"], "") for r in raw.records]
            totals[name] += _score(docs, item["relevant"])
    return {name: total / len(queries) for name, total in totals.items()}


def _recall(driver: Any, embedder: Embedder) -> list[Measurement]:
    out = []
    sets = (
        ("held-out paraphrased", _HELDOUT_QUERIES),
        ("held-out plain-words", _HELDOUT2_QUERIES),
        ("paraphrased, tuning set", _HARD_QUERIES),
        ("keyword", _QUERIES),
    )
    for label, path in sets:
        queries = _load_queries(path)
        missed: list[str] = []
        ours = {
            "hybrid": recall_of(HybridRetriever(driver, embedder), queries, missed),
            "vector": recall_of(VectorRetriever(driver, embedder), queries),
            "fulltext": recall_of(FulltextRetriever(driver), queries),
            "graph": recall_of(GraphRetriever(driver, embedder), queries),
        }
        theirs = graphrag_recall(driver, embedder, queries)
        _say(f"{label}: PEOA hybrid missed {', '.join(missed) or 'none'}")
        for base in ("VectorRetriever", "HybridRetriever"):
            out.append(
                Measurement(
                    benchmark="graph",
                    metric=f"recall@5 PEOA hybrid vs neo4j-graphrag {base} "
                    f"({len(queries)} {label} queries)",
                    unit="recall",
                    value=ours["hybrid"],
                    baseline_name=f"neo4j-graphrag {base}" if base in theirs else None,
                    baseline=theirs.get(base),
                    target=1.0 if base in theirs else None,
                    notes="" if base in theirs else "neo4j-graphrag not installed",
                )
            )
        out.append(
            Measurement(
                benchmark="graph",
                metric=f"recall@5 PEOA vector vs neo4j-graphrag VectorRetriever "
                f"({len(queries)} {label} queries)",
                unit="recall",
                value=ours["vector"],
                baseline_name="neo4j-graphrag VectorRetriever" if theirs else None,
                baseline=theirs.get("VectorRetriever"),
                notes="same index and query vectors; PEOA over-fetches the HNSW search",
            )
        )
        for mode in ("fulltext", "graph"):
            out.append(
                Measurement(
                    benchmark="graph",
                    metric=f"recall@5 PEOA {mode} ({len(queries)} {label} queries)",
                    unit="recall",
                    value=ours[mode],
                )
            )
    return out


# -------------------------------------------------------------------- latency

_SUBJECTS = [
    "the centrifugal pump", "the shell-and-tube heat exchanger", "the distillation column",
    "the packed bed reactor", "the relief valve", "the control valve", "the orifice plate",
    "the flash drum", "the compressor", "the condenser", "the reboiler", "the CSTR",
    "the gas pipeline", "the steam header", "the cooling water loop", "the absorber",
]  # fmt: skip
_VERBS = [
    "operates at", "is sized for", "was tested at", "is limited by", "needs a check of",
    "is designed with", "loses efficiency above", "is protected against",
]  # fmt: skip
_OBJECTS = [
    "a pressure drop of {n} kPa", "a duty of {n} kW", "a flow of {n} m3/h", "{n} °C",
    "a reflux ratio of {r}", "a conversion of {p} %", "an NPSH margin of {r} m",
    "a Reynolds number of {n}000", "a friction factor of 0.0{n}", "a Cv of {n}",
    "{p} % vapour fraction", "an overall U of {n}0 W/m2/K", "methanol at {n} bar",
    "benzene and toluene at {r} atm", "ammonia synthesis gas", "a set pressure of {n} barg",
]  # fmt: skip
_CHUNKS_PER_DOCUMENT = 1000
_WRITE_BATCH = 2000
_CHUNK_INDEXES = ("chunk_embedding", "chunk_text")


def _sentences(count: int, rng: random.Random) -> list[str]:
    out = []
    for _ in range(count):
        obj = rng.choice(_OBJECTS).format(
            n=rng.randint(2, 900), r=round(rng.uniform(0.5, 5), 2), p=rng.randint(5, 99)
        )
        out.append(f"{rng.choice(_SUBJECTS).capitalize()} {rng.choice(_VERBS)} {obj}.")
    return out


class _Corpus:
    """Synthetic chunks: each is 5 sentences drawn from a pool of 500 embedded ones.

    A chunk's vector is the normalised sum of its sentences' vectors, so the index sees
    clustered, realistic vectors while only the pool goes through MiniLM. Chunks are
    written with UNWIND batches straight into the graph (not through the ingestion
    pipeline), with the two chunk indexes dropped during the load and created again after
    it: one bulk index population costs far less than 100k single HNSW inserts.
    """

    def __init__(self, driver: Any, embedder: Embedder, seed: int = 7) -> None:
        self.driver = driver
        self.rng = np.random.default_rng(seed)
        self.pool = _sentences(500, random.Random(seed))
        self.vectors = embedder.embed(self.pool)
        self.size = 0

    def grow(self, size: int) -> float:
        """Add chunks up to ``size`` in all; return the seconds it took, indexes included."""
        start = time.perf_counter()
        for name in _CHUNK_INDEXES:
            self.driver.execute_query(f"DROP INDEX {name} IF EXISTS")
        for first in range(self.size, size, _WRITE_BATCH):
            count = min(_WRITE_BATCH, size - first)
            picks = self.rng.integers(0, len(self.pool), size=(count, 5))
            vectors = self.vectors[picks].sum(axis=1)
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
            rows = [
                {
                    "id": f"chunk:synthetic-{first + i}",
                    "doc": f"doc:synthetic-{(first + i) // _CHUNKS_PER_DOCUMENT}",
                    "position": (first + i) % _CHUNKS_PER_DOCUMENT,
                    "text": " ".join(self.pool[j] for j in picks[i]),
                    "embedding": vectors[i].tolist(),
                }
                for i in range(count)
            ]
            self.driver.execute_query(
                "UNWIND $rows AS r MERGE (d:Document {id: r.doc}) "
                "ON CREATE SET d.source = r.doc, d.title = r.doc "
                "CREATE (c:Chunk {id: r.id}) SET c.document_id = r.doc, c.text = r.text, "
                "c.position = r.position, c.section = 'synthetic', c.embedding = r.embedding "
                "CREATE (d)-[:HAS_CHUNK]->(c)",
                rows=rows,
            )
        for migration in discover():
            for statement in migration.statements:
                if any(name in statement for name in _CHUNK_INDEXES):
                    self.driver.execute_query(statement)
        self.driver.execute_query("CALL db.awaitIndexes(3600)")
        self.size = size
        return time.perf_counter() - start


def _percentiles(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered), ordered[max(0, int(0.95 * len(ordered)) - 1)]


def _timed(call: Any, items: list[str], before: Any = None) -> list[float]:
    times = []
    for item in items:
        if before is not None:
            before()
        start = time.perf_counter()
        call(item)
        times.append((time.perf_counter() - start) * 1000)
    return times


def _latency(driver: Any, embedder: Embedder, sizes: list[int]) -> list[Measurement]:
    from peoa.graph import retrieve

    rng = random.Random(11)
    labelled = [q["query"] for path in (_HARD_QUERIES, _QUERIES) for q in _load_queries(path)]
    queries = [*labelled, *_sentences(_LATENCY_QUERIES, rng)][:_LATENCY_QUERIES]
    out = []
    _clear(driver)
    corpus = _Corpus(driver, embedder)
    clear_cache = retrieve._cached_vector.cache_clear
    retriever = HybridRetriever(driver, embedder)
    vector = VectorRetriever(driver, embedder)
    fulltext = FulltextRetriever(driver)

    def search(query: str) -> None:
        retriever.search(query, k=5)

    backends: list[tuple[str, Any]] = [
        ("ONNX Runtime, PEOA's query path", lambda q: query_vector(embedder, q))
    ]
    if isinstance(embedder, SentenceTransformerEmbedder):
        on_torch = SentenceTransformerEmbedder(embedder.name, embedder.path, query_backend="torch")
        backends.append(("PyTorch", on_torch.embed_query))
    for backend, call in backends:
        p50, p95 = _percentiles(_timed(call, queries, before=clear_cache))
        out += [
            Measurement(
                benchmark="graph",
                metric=f"query embedding alone {stat} (MiniLM, one query, {backend})",
                unit="ms",
                value=value,
                better="lower",
            )
            for stat, value in (("p50", p50), ("p95", p95))
        ]
        _say(f"query embedding on {backend}: p50/p95 {p50:.1f}/{p95:.1f} ms")
    for size in sizes:
        built_s = corpus.grow(size)
        label = f"{size // 1000}k"
        _say(f"synthetic corpus of {size} chunks built in {built_s:.0f} s")
        for query in queries[:20]:  # warm the page cache and the query plans
            for warm in (retriever, vector, fulltext):
                warm.search(query, k=5)
        cold = _percentiles(_timed(search, queries, before=clear_cache))
        for query in queries:
            query_vector(embedder, query)
        cached = _percentiles(_timed(search, queries))
        target = 50.0 if size >= 100_000 else None
        for stat, index in (("p50", 0), ("p95", 1)):
            out += [
                Measurement(
                    benchmark="graph",
                    metric=f"hybrid retrieval {stat}, {label} chunks (incl. query embedding)",
                    unit="ms",
                    value=cold[index],
                    better="lower",
                    target=target if stat == "p95" else None,
                ),
                Measurement(
                    benchmark="graph",
                    metric=f"hybrid retrieval {stat}, {label} chunks (query embedding cached)",
                    unit="ms",
                    value=cached[index],
                    better="lower",
                    notes="the database part: one Cypher round trip, both indexes and fusion",
                ),
            ]
        # Each index on its own (one round trip each, vector cached), to show which one
        # the hybrid statement waits on.
        parts = {
            "vector": _percentiles(_timed(lambda q: vector.search(q, k=5), queries)),
            "full-text": _percentiles(_timed(lambda q: fulltext.search(q, k=5), queries)),
        }
        for name, (p50, p95) in parts.items():
            out += [
                Measurement(
                    benchmark="graph",
                    metric=f"{name} retrieval alone {stat}, {label} chunks (embedding cached)",
                    unit="ms",
                    value=value,
                    better="lower",
                )
                for stat, value in (("p50", p50), ("p95", p95))
            ]
        _say(
            f"{label}: p50/p95 {cold[0]:.1f}/{cold[1]:.1f} ms, "
            f"cached {cached[0]:.1f}/{cached[1]:.1f} ms, "
            + ", ".join(f"{n} alone {a:.1f}/{b:.1f} ms" for n, (a, b) in parts.items())
        )
        out.append(
            Measurement(
                benchmark="graph",
                metric=f"synthetic corpus build to {label} chunks (writes and indexes)",
                unit="s",
                value=built_s,
                better="lower",
            )
        )
    return out


def run() -> list[Measurement]:
    embedder = get_embedder()
    embedder.embed(["warm up the model"])
    embedder.embed_query("warm up the query encoder")  # the ONNX export or its loading
    # PEOA_BENCH_GRAPH_SIZES=1000,10000 leaves out the 100k corpus (about 1 min to build
    # on an idle 2-core machine, 9 min at load 20).
    sizes = [
        int(n) for n in os.environ.get("PEOA_BENCH_GRAPH_SIZES", "1000,10000,100000").split(",")
    ]
    # PEOA_BENCH_GRAPH_PARTS=ingestion,recall,latency (the default) picks the parts to run.
    parts = os.environ.get("PEOA_BENCH_GRAPH_PARTS", "ingestion,recall,latency").split(",")
    results: list[Measurement] = []
    with _private_graph() as driver:
        migrate(driver)
        if "ingestion" in parts:
            results += _ingestion(driver, embedder)
            _say(f"ingestion: {results[0].value:.3g} vs {results[0].baseline:.3g} chunks/s")
        if "recall" in parts:
            if "ingestion" not in parts:
                ingest_bundled(Ingestor(driver, embedder), tools=False)
            recall = _recall(driver, embedder)
            _say("recall: " + ", ".join(f"{m.value:.3f}" for m in recall))
            results += recall
        if "latency" in parts:
            results += _latency(driver, embedder, sizes)
    return results


if __name__ == "__main__":
    for measurement in run():
        print(measurement.model_dump_json())
