"""Greedy decoding under a JSON grammar picks the same tokens as llama.cpp's sampler chain.

The expert model (Qwen2.5-Coder 0.5B, 151,936 tokens) fills three tools' arguments
under their JSON schemas, once with :class:`GreedyGrammarSampler` and once with
llama-cpp-python's own chain; the replies must be identical, and at least one token
must have gone through the slow path (the best token broke the grammar), so both
paths are compared. Nothing is mocked: both sides run the real model, and the reference
side swaps PEOA's sampler hook for llama-cpp-python's own ``Llama._init_sampler``.
"""

from __future__ import annotations

import json
from typing import Any

import llama_cpp
import pytest

from peoa.llm.grammar_sampler import GreedyGrammarSampler
from peoa.llm.llama import LlamaCppLLM
from peoa.llm.models import resolve
from peoa.tools import get_registry

EXPERT = "qwen2.5-coder-0.5b-instruct"
FILLINGS = [
    ("pump_power", "Water is pumped at 50 m3/h against a head of 30 m with efficiency 0.72."),
    ("reynolds_number", "Water (998 kg/m3, 1.0 mPa s) flows at 2 m/s in a 50 mm pipe."),
    ("hx_lmtd", "Oil cools from 150 C to 90 C; water warms from 25 C to 60 C, counterflow."),
]


@pytest.fixture(scope="module")
def expert_llm(settings: Any) -> LlamaCppLLM:
    path = resolve(EXPERT, settings).path
    assert path is not None
    return LlamaCppLLM(EXPERT, path, n_ctx=2048, max_tokens=160)


def _fill(llm: LlamaCppLLM, tool: str, question: str) -> str:
    schema = get_registry().get(tool).json_schema()
    messages = [
        {
            "role": "system",
            "content": f"Write the arguments of {tool} as JSON: {json.dumps(schema)}",
        },
        {"role": "user", "content": question},
    ]
    return llm.chat(messages, json_schema=schema).text


def test_same_tokens_as_the_sampler_chain(
    expert_llm: LlamaCppLLM, monkeypatch: pytest.MonkeyPatch
) -> None:
    llama: Any = expert_llm.model()
    fast, rejections = [], 0
    for tool, question in FILLINGS:
        fast.append(_fill(expert_llm, tool, question))
        assert isinstance(llama._sampler, GreedyGrammarSampler)
        rejections += llama._sampler.rejections
    with monkeypatch.context() as patch:
        patch.setattr(type(llama), "_init_sampler", llama_cpp.Llama._init_sampler)
        chain = [_fill(expert_llm, tool, question) for tool, question in FILLINGS]
        assert not isinstance(llama._sampler, GreedyGrammarSampler)
    assert fast == chain
    assert all(json.loads(reply) for reply in fast)
    assert rejections > 0, "no token took the slow path: the comparison covers only half"


def test_sampling_at_a_temperature_keeps_the_chain(expert_llm: LlamaCppLLM) -> None:
    schema = {"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"]}
    expert_llm.chat("Give a number as JSON.", json_schema=schema, temperature=0.7, max_tokens=8)
    assert not isinstance(expert_llm.model()._sampler, GreedyGrammarSampler)
