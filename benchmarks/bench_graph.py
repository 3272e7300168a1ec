"""The knowledge graph: ingestion throughput, hybrid latency at scale, retrieval recall.

Runs against a private managed Neo4j in a temporary folder (never the user's graph):

* **ingestion** (chunks/s): ``peoa ingest`` of the bundled ``knowledge/`` notes (read,
  chunk, embed, extract entities, write) against MiniLM alone embedding the very same
  chunk texts (texts/s) — target ≥ 0.7. Best of two alternating runs each.
* **hybrid latency** (ms, p50 and p95, end to end including the query embedding) on
  synthetic corpora of 1k and 10k chunks generated here; 100k chunks only with
  ``PEOA_BENCH_100K=1`` (building it takes a long while on a small machine). The
  synthetic chunks are random combinations of 1,500 embedded engineering sentences;
  a chunk's vector is the normalised sum of its sentences' vectors, so the corpus is
  cheap to build while the index sees realistic, clustered vectors.
* **recall@5** on ``benchmarks/data/retrieval_queries.jsonl`` (labelled queries against
  ``knowledge/``): PEOA's hybrid and graph retrievers against neo4j-graphrag-python's
  ``VectorRetriever`` and ``HybridRetriever`` on the same database, indexes and embedder
  (``pip install -e .[bench]``). A query counts the share of its relevant notes among
  the documents of the top 5 chunks.

``PEOA_BENCH_GRAPH_PARTS=ingestion,recall,latency`` chooses the parts (default: all).
"""

from __future__ import annotations

import json
import os
import random
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
from peoa.graph.readers import open_source
from peoa.graph.retrieve import GraphRetriever, HybridRetriever, VectorRetriever
from peoa.llm import Embedder, get_embedder

_QUERIES = Path(__file__).parent / "data" / "retrieval_queries.jsonl"
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
    best_peoa = best_raw = 0.0
    chunks = 0
    for _ in range(2):
        start = time.perf_counter()
        model.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
        best_raw = max(best_raw, len(texts) / (time.perf_counter() - start))
        _clear(driver)
        ingestor = Ingestor(driver, embedder, batch_size=64)
        start = time.perf_counter()
        report = ingest_bundled(ingestor, tools=False)
        elapsed = time.perf_counter() - start
        assert not report.failed, report.failed
        chunks = sum(f.chunks for f in report.files)
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
                return embedder.embed_query(text)

        self.adapter = _Adapter()


def _recall(driver: Any, embedder: Embedder) -> list[Measurement]:
    queries = [json.loads(line) for line in _QUERIES.read_text().splitlines() if line.strip()]
    records, _, _ = driver.execute_query("MATCH (d:Document) RETURN d.id AS id, d.source AS s")
    source_of = {r["id"]: r["s"] for r in records}

    def score(found: list[str], relevant: list[str]) -> float:
        return len(set(found[:5]) & set(relevant)) / len(relevant)

    def ours(retriever: Any) -> float:
        total = 0.0
        for item in queries:
            hits = retriever.search(item["query"], k=5).items
            total += score([h.source for h in hits], item["relevant"])
        return total / len(queries)

    results = {
        "vector": ours(VectorRetriever(driver, embedder)),
        "hybrid": ours(HybridRetriever(driver, embedder)),
        "graph": ours(GraphRetriever(driver, embedder)),
    }
    theirs: dict[str, float] = {}
    failures: dict[str, int] = {}
    try:
        from neo4j_graphrag.retrievers import HybridRetriever as GRHybrid
        from neo4j_graphrag.retrievers import VectorRetriever as GRVector
    except ImportError:
        GRVector = GRHybrid = None
    if GRVector is not None:
        adapter = _GraphRagEmbedder(embedder).adapter
        baselines = {
            "VectorRetriever": GRVector(
                driver, "chunk_embedding", adapter, return_properties=["document_id"]
            ),
            "HybridRetriever": GRHybrid(
                driver, "chunk_embedding", "chunk_text", adapter, return_properties=["document_id"]
            ),
        }
        for name, retriever in baselines.items():
            total, failed = 0.0, 0
            for item in queries:
                try:
                    raw = retriever.get_search_results(query_text=item["query"], top_k=5)
                except Exception:  # their full-text call passes Lucene syntax through unescaped
                    failed += 1
                    continue
                docs = [source_of.get(r["node"]["document_id"], "") for r in raw.records]
                total += score(docs, item["relevant"])
            theirs[name] = total / len(queries)
            failures[name] = failed
    out = []
    for mine, base in (("hybrid", "VectorRetriever"), ("hybrid", "HybridRetriever")):
        out.append(
            Measurement(
                benchmark="graph",
                metric=f"recall@5 PEOA {mine} vs neo4j-graphrag {base} ({len(queries)} queries)",
                unit="recall",
                value=results[mine],
                baseline_name=f"neo4j-graphrag {base}" if base in theirs else None,
                baseline=theirs.get(base),
                target=1.0 if base in theirs else None,
                notes=(
                    f"baseline failed on {failures[base]} queries (counted as misses)"
                    if failures.get(base)
                    else ("neo4j-graphrag not installed" if base not in theirs else "")
                ),
            )
        )
    for mode in ("vector", "graph"):
        out.append(
            Measurement(
                benchmark="graph",
                metric=f"recall@5 PEOA {mode} ({len(queries)} queries)",
                unit="recall",
                value=results[mode],
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


def _sentences(count: int, rng: random.Random) -> list[str]:
    out = []
    for _ in range(count):
        obj = rng.choice(_OBJECTS).format(
            n=rng.randint(2, 900), r=round(rng.uniform(0.5, 5), 2), p=rng.randint(5, 99)
        )
        out.append(f"{rng.choice(_SUBJECTS).capitalize()} {rng.choice(_VERBS)} {obj}.")
    return out


def _build_corpus(
    driver: Any, embedder: Embedder, first: int, last: int, rng: random.Random
) -> None:
    """Add synthetic chunks number ``first`` to ``last - 1``."""
    pool = _sentences(1500, rng)
    vectors = embedder.embed(pool)
    batch = 1000
    for start in range(first, last, batch):
        doc = f"doc:synthetic-{start // batch}"
        rows = []
        for position in range(min(batch, last - start)):
            picks = rng.sample(range(len(pool)), 5)
            vector = vectors[picks].sum(axis=0)
            vector = (vector / np.linalg.norm(vector)).astype(np.float32)
            rows.append(
                {
                    "id": f"chunk:synthetic-{start + position}",
                    "text": " ".join(pool[i] for i in picks),
                    "position": position,
                    "embedding": vector.tolist(),
                }
            )
        driver.execute_query(
            "MERGE (d:Document {id: $doc}) SET d.source = $doc, d.title = $doc "
            "WITH d UNWIND $rows AS r CREATE (c:Chunk {id: r.id}) "
            "SET c.document_id = $doc, c.text = r.text, c.position = r.position, "
            "c.section = 'synthetic', c.embedding = r.embedding CREATE (d)-[:HAS_CHUNK]->(c)",
            doc=doc,
            rows=rows,
        )
    driver.execute_query("CALL db.awaitIndexes(600)")


def _latency(driver: Any, embedder: Embedder, sizes: list[int]) -> list[Measurement]:
    rng = random.Random(7)
    labelled = [json.loads(line)["query"] for line in _QUERIES.read_text().splitlines() if line]
    out = []
    built = 0
    _clear(driver)
    for size in sizes:
        _build_corpus(driver, embedder, built, size, rng)
        _say(f"synthetic corpus of {size} chunks built")
        built = size
        retriever = HybridRetriever(driver, embedder)
        queries = [*labelled, *_sentences(_LATENCY_QUERIES, rng)][:_LATENCY_QUERIES]
        for query in queries[:20]:  # warm the page cache and the query plans
            retriever.search(query, k=5)
        times = []
        for query in queries:
            start = time.perf_counter()
            retriever.search(query, k=5)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        p50 = statistics.median(times)
        p95 = times[int(0.95 * len(times)) - 1]
        label = f"{size // 1000}k"
        out += [
            Measurement(
                benchmark="graph",
                metric=f"hybrid retrieval p50, {label} chunks (incl. query embedding)",
                unit="ms",
                value=p50,
                better="lower",
            ),
            Measurement(
                benchmark="graph",
                metric=f"hybrid retrieval p95, {label} chunks (incl. query embedding)",
                unit="ms",
                value=p95,
                better="lower",
                target=50.0 if size >= 100_000 else None,
                notes="" if size >= 100_000 else "the 50 ms target applies at 100k chunks",
            ),
        ]
    return out


def run() -> list[Measurement]:
    embedder = get_embedder()
    embedder.embed(["warm up the model"])
    sizes = [1000, 10_000] + ([100_000] if os.environ.get("PEOA_BENCH_100K") == "1" else [])
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
