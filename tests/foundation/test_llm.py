"""The LLM runtime on real models: local llama.cpp and an OpenAI-compatible server."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import httpx
import numpy as np
import pytest
from pydantic import BaseModel, Field

from peoa.llm import LLM, StructuredOutputError
from peoa.llm.factory import embedder_for, llm_for
from peoa.llm.models import resolve

SMALL = "smollm2-135m-instruct"


class PumpStep(BaseModel):
    expert: Literal["calculation", "knowledge", "code", "math"]
    sub_task: str = Field(min_length=1)
    flow_m3_per_h: float


@pytest.fixture(scope="module")
def local_llm(settings) -> LLM:  # type: ignore[no-untyped-def]
    return llm_for(resolve(SMALL, settings), settings)


def test_local_model_returns_text_and_usage(local_llm: LLM) -> None:
    reply = local_llm.chat("What is the capital of France? Answer in one word.", max_tokens=16)
    assert "Paris" in reply.text
    assert reply.usage.prompt_tokens > 5
    assert 0 < reply.usage.completion_tokens <= 16
    assert reply.latency_s > 0 and reply.model == SMALL


def test_greedy_decoding_is_deterministic_and_stream_matches_chat(local_llm: LLM) -> None:
    prompt = "List three types of heat exchanger."
    first = local_llm.chat(prompt, max_tokens=40).text
    second = local_llm.chat(prompt, max_tokens=40).text
    pieces = list(local_llm.stream(prompt, max_tokens=40))
    assert first == second
    assert "".join(p.text for p in pieces) == first
    assert pieces[-1].usage is not None and pieces[-1].usage.completion_tokens > 1


def test_local_model_returns_json_valid_for_a_pydantic_schema(local_llm: LLM) -> None:
    step, completion = local_llm.structured(
        "A pump moves 12 m3/h of water. Which expert computes its power, and what is the flow? "
        "Reply in JSON.",
        PumpStep,
        max_tokens=120,
    )
    assert isinstance(step, PumpStep)
    assert json.loads(completion.text)["expert"] in {"calculation", "knowledge", "code", "math"}


def test_local_model_returns_json_valid_for_a_raw_schema(local_llm: LLM) -> None:
    schema = {
        "type": "object",
        "properties": {
            "unit": {"type": "string", "enum": ["kW", "hp"]},
            "value": {"type": "number"},
        },
        "required": ["unit", "value"],
    }
    data, _ = local_llm.structured(
        "Give a pump power of 5 kilowatts as JSON.", schema, max_tokens=40
    )
    assert set(data) == {"unit", "value"}
    assert data["unit"] in {"kW", "hp"} and isinstance(data["value"], int | float)


def test_cut_off_json_is_reported_not_returned(local_llm: LLM) -> None:
    with pytest.raises(StructuredOutputError, match="max_tokens"):
        local_llm.structured("Describe a pump as JSON.", PumpStep, max_tokens=3)


def test_embedder_batches_and_ranks_related_text_higher(settings) -> None:  # type: ignore[no-untyped-def]
    embedder = embedder_for(resolve("all-minilm-l6-v2", settings), settings)
    texts = ["centrifugal pump head and flow", "distillation column reflux ratio"] * 50
    vectors = embedder.embed(texts)
    assert vectors.shape == (100, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    query = np.array(embedder.embed_query("pump performance curve"))
    assert query @ vectors[0] > query @ vectors[1]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def llama_server(settings) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """llama-cpp-python's own OpenAI-compatible server, on loopback, serving SmolLM2."""
    path = resolve(SMALL, settings).path
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests._llama_server",
            "--model",
            str(path),
            "--model_alias",
            "smol",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--n_ctx",
            "2048",
            "--verbose",
            "False",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],  # where tests._llama_server is imported
    )
    base = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"llama_cpp.server exited: {process.stderr.read()[-500:]}")  # type: ignore[union-attr]
        try:
            if httpx.get(f"{base}/models", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.5)
    yield base
    process.terminate()
    process.wait(timeout=30)


def test_openai_backend_against_a_real_server(llama_server: str, settings, local_llm: LLM) -> None:  # type: ignore[no-untyped-def]
    remote = settings.model_copy(
        update={
            "openai": settings.openai.model_copy(update={"base_url": llama_server, "api_key": None})
        }
    )
    llm = llm_for(resolve("openai:smol", remote), remote)
    reply = llm.chat("What is the capital of France? Answer in one word.", max_tokens=16)
    assert "Paris" in reply.text
    assert reply.usage.completion_tokens > 0
    streamed = "".join(d.text for d in llm.stream("Name a gas.", max_tokens=12))
    assert streamed.strip()
    step, _ = llm.structured(
        "A pump moves 12 m3/h of water. Which expert computes its power? Reply in JSON.",
        PumpStep,
        max_tokens=120,
    )
    assert isinstance(step, PumpStep)


def test_openai_backend_reports_an_unreachable_server(settings) -> None:  # type: ignore[no-untyped-def]
    remote = settings.model_copy(
        update={
            "openai": settings.openai.model_copy(
                update={"base_url": f"http://127.0.0.1:{_free_port()}/v1"}
            )
        }
    )
    llm = llm_for(resolve("openai:anything", remote), remote)
    from peoa.exceptions import ModelError

    with pytest.raises(ModelError, match="OPENAI_BASE_URL"):
        llm.chat("hello", max_tokens=4)
