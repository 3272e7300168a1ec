"""Fixtures for the expert tests: the built-in experts, and a real graph for the knowledge expert.

Every expert here runs the real default local model (greedy decoding, so the runs are
repeatable), the real tool registry, the real sandbox and the real Neo4j; the same
model also serves over HTTP from llama-cpp-python's OpenAI-compatible server, for the
experts on the ``openai:`` backend.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from neo4j import Driver

from peoa.experts import Expert, load_experts
from peoa.llm import Embedder, get_embedder

FIXTURES = Path(__file__).parent / "fixtures"


REPO = Path(__file__).resolve().parents[2]  # tests._llama_server is imported from here


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


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def openai_server(settings) -> Iterator[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """llama-cpp-python's OpenAI-compatible server on loopback, serving the experts' model.

    Yields ``(base_url, model_name)``; the model is the default Qwen2.5-Coder 0.5B GGUF,
    the same file the local backend runs, so only the transport differs.
    """
    from peoa.llm.models import resolve

    path = resolve(settings.models.for_role("calculation"), settings).path
    port = _free_port()
    name = f"peoa-experts-{port}"
    base = f"http://127.0.0.1:{port}/v1"
    command = [
        sys.executable, "-m", "tests._llama_server",
        "--model", str(path), "--model_alias", name,
        "--host", "127.0.0.1", "--port", str(port),
        "--n_ctx", "8192", "--n_threads", "2", "--n_threads_batch", "2",
        "--seed", "0", "--verbose", "False",
    ]  # fmt: skip
    with tempfile.TemporaryFile(mode="w+") as log:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log, cwd=REPO)
        try:
            deadline = time.monotonic() + 180
            while True:
                if process.poll() is not None:
                    log.seek(0)
                    raise RuntimeError(f"llama_cpp.server exited: {log.read()[-800:]}")
                try:
                    if httpx.get(f"{base}/models", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError("llama_cpp.server did not answer within 180 s")
                time.sleep(0.5)
            yield base, name
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
