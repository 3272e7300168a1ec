"""``peoa demo``: PEOA's main job on its embedded defaults, end to end."""

from __future__ import annotations

import time

import typer

from peoa.cli.output import console
from peoa.config import load_settings


def demo() -> None:
    """Start Neo4j, load the default models, and show each working."""
    from peoa.llm import get_embedder, get_llm
    from peoa.neo4j_server import open_driver

    settings = load_settings()
    console.rule("Neo4j")
    with open_driver(settings) as driver:
        records, _, _ = driver.execute_query(
            "CALL dbms.components() YIELD versions, edition RETURN versions[0] AS v, edition"
        )
        console.print(f"Neo4j {records[0]['v']} {records[0]['edition']} is answering")

        console.rule("Generation")
        llm = get_llm("action_generator")
        reply = llm.chat(
            "In one sentence: what does a centrifugal pump's NPSH available depend on?",
            max_tokens=60,
        )
        console.print(f"[bold]{llm.name}[/bold]: {reply.text.strip()}")
        console.print(
            f"{reply.usage.completion_tokens} tokens in {reply.latency_s:.1f} s "
            f"({reply.tokens_per_s:.1f} tokens/s)"
        )

        console.rule("Embedding round trip through the graph")
        embedder = get_embedder()
        sentences = [
            "A relief valve protects a vessel against overpressure.",
            "The Colebrook equation gives the Darcy friction factor in turbulent pipe flow.",
        ]
        start = time.perf_counter()
        vectors = embedder.embed(sentences)
        driver.execute_query(
            "UNWIND $rows AS row MERGE (d:DemoSentence {id: row.id}) "
            "SET d.text = row.text, d.embedding = row.embedding",
            rows=[
                {"id": i, "text": s, "embedding": v.tolist()}
                for i, (s, v) in enumerate(zip(sentences, vectors, strict=True))
            ],
        )
        query = "Which equation predicts friction losses in a pipe?"
        records, _, _ = driver.execute_query(
            "MATCH (d:DemoSentence) "
            "RETURN d.text AS text, vector.similarity.cosine(d.embedding, $q) AS score "
            "ORDER BY score DESC LIMIT 1",
            q=embedder.embed_query(query),
        )
        driver.execute_query("MATCH (d:DemoSentence) DELETE d")
        console.print(f"query: {query}")
        console.print(
            f"nearest: {records[0]['text']} (cosine {records[0]['score']:.2f}, "
            f"{embedder.dimensions} dimensions, {time.perf_counter() - start:.2f} s)"
        )


def register(root: typer.Typer) -> None:
    root.command("demo")(demo)
