"""The official ``openai`` client against PEOA's ``/v1/chat/completions`` on a real server."""

from __future__ import annotations

import re

import pytest
from openai import OpenAI

from peoa.evaluation import score_answer
from tests.server.conftest import LiveServer
from tests.server.questions import DEMO_FLOW, pump_question

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?")


def _client(live: LiveServer) -> OpenAI:
    # A loopback server needs no key; the client insists on one being set.
    return OpenAI(base_url=f"{live.url}/v1", api_key="not-needed-on-loopback", timeout=900)


def test_models_lists_peoa(live: LiveServer) -> None:
    client = _client(live)
    assert [model.id for model in client.models.list()] == ["peoa"]
    assert client.models.retrieve("peoa").owned_by == "peoa"


def test_chat_completion(live: LiveServer) -> None:
    client = _client(live)
    question, watts = pump_question(DEMO_FLOW)
    completion = client.chat.completions.create(
        model="peoa", messages=[{"role": "user", "content": question}]
    )
    content = completion.choices[0].message.content or ""
    solution = completion.model_extra["peoa"]
    assert completion.choices[0].finish_reason == "stop"
    assert solution["status"] == "answered", solution["text"]
    assert score_answer(solution["answer"], solution["unit"], watts, "W", 0.02)[0]
    # The content a plain client reads starts with the same number and unit.
    assert float(_NUMBER.match(content).group()) == pytest.approx(solution["answer"], rel=1e-5)
    assert solution["unit"] in content.splitlines()[0]
    # Usage is the solve's own: a bound plan whose values nothing contests asks no model.
    usage = solution["usage"]
    assert completion.usage is not None
    assert completion.usage.prompt_tokens == usage["prompt_tokens"]
    assert completion.usage.total_tokens == usage["prompt_tokens"] + usage["completion_tokens"]


def test_chat_completion_streaming(live: LiveServer) -> None:
    client = _client(live)
    question, watts = pump_question(DEMO_FLOW)
    stream = client.chat.completions.create(
        model="peoa",
        messages=[
            {"role": "system", "content": "You are a process engineer."},
            {"role": "user", "content": question},
        ],
        stream=True,
        stream_options={"include_usage": True},
        user="openai-stream-test",
    )
    reasoning, content, usage, finish, solution = [], [], None, None, None
    for chunk in stream:
        if chunk.usage is not None:
            usage = chunk.usage
        if not chunk.choices:
            continue
        delta = chunk.choices[0].delta
        if (delta.model_extra or {}).get("reasoning_content"):
            reasoning.append(delta.model_extra["reasoning_content"])
        if delta.content:
            content.append(delta.content)
        if chunk.choices[0].finish_reason:
            finish = chunk.choices[0].finish_reason
            solution = chunk.model_extra.get("peoa")
    assert reasoning and reasoning[0].startswith("**Step 1")  # the steps came before the answer
    assert finish == "stop" and usage is not None
    assert solution is not None and solution["thread_id"] == "openai-stream-test"
    text = "".join(content)
    assert score_answer(solution["answer"], solution["unit"], watts, "W", 0.02)[0], text
    assert float(_NUMBER.match(text).group()) == pytest.approx(solution["answer"], rel=1e-5)
