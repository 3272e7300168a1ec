"""Decoding speed of the expert model's tool fillings, same run, same tokens.

1. Greedy decoding under a tool's JSON grammar with :class:`GreedyGrammarSampler`
   (the grammar checked on the best token only) against llama-cpp-python's sampler
   chain (the grammar checked on all 151,936 tokens of Qwen's vocabulary). Both sides
   must write the same reply; the benchmark fails otherwise.
2. A retry's prompt (the filling, the refused reply and the reviewer's note) after the
   first filling, against the same prompt decoded from nothing: whole ``n_batch`` blocks
   of the previous prompt are reused (:func:`peoa.llm.llama.reusable_prefix`).

Runs alternate between the sides and the best of each is kept.
Targets: the grammar sampler decodes (the prompt, the same for both, left out) at least
1.3 times as fast as the chain, and the retry's prompt costs at most 0.5 of a fresh one.
"""

from __future__ import annotations

import functools
import json
import time
from typing import Any

import llama_cpp

from benchmarks.harness import Measurement
from peoa.config import get_settings
from peoa.llm.llama import LlamaCppLLM
from peoa.llm.models import resolve
from peoa.tools import get_registry

_EXPERT = "qwen2.5-coder-0.5b-instruct"
_TOOL = "pump_power"
_QUESTION = (
    "Water at 20 °C (density 998 kg/m^3) is pumped at 50 m^3/h against a total head of "
    "30 m. The pump efficiency is 72 %. What shaft power is needed, in kW?"
)
_REPEATS = 3


def _messages(schema: dict[str, Any]) -> list[dict[str, str]]:
    return [
        {"role": "system", "content": "You fill the arguments of an engineering tool as JSON."},
        {"role": "user", "content": f"{_QUESTION}\nArguments of {_TOOL}: {json.dumps(schema)}"},
    ]


def _fill(llama: Any, messages: list[dict[str, str]], schema: dict[str, Any]) -> tuple[str, int]:
    reply = llama.create_chat_completion(
        messages=messages,
        max_tokens=200,
        temperature=0.0,
        top_k=1,
        response_format={"type": "json_object", "schema": schema},
    )
    return reply["choices"][0]["message"]["content"], reply["usage"]["completion_tokens"]


def _timed(func: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    value = func()
    return time.perf_counter() - start, value


def run() -> list[Measurement]:
    path = resolve(_EXPERT, get_settings()).path
    assert path is not None
    llm = LlamaCppLLM(_EXPERT, path, n_ctx=2048)
    llama: Any = llm.model()
    schema = get_registry().get(_TOOL).json_schema()
    messages = _messages(schema)
    chain = functools.partial(llama_cpp.Llama._init_sampler, llama)

    best = {"grammar sampler": float("inf"), "sampler chain": float("inf")}
    replies: dict[str, str] = {}
    tokens = 0
    for _ in range(_REPEATS):
        for side in best:
            llama.reset()
            if side == "sampler chain":
                llama._init_sampler = chain  # the instance's own, over PEOA's class method
            try:
                seconds, (replies[side], tokens) = _timed(lambda: _fill(llama, messages, schema))
            finally:
                llama.__dict__.pop("_init_sampler", None)
            best[side] = min(best[side], seconds)
    if len(set(replies.values())) != 1:
        raise AssertionError(f"the two samplers wrote different replies: {replies}")
    # The prompt costs both sides the same; the samplers differ in decoding only.
    prompt_s = float("inf")
    for _ in range(_REPEATS):
        llama.reset()
        seconds, _ = _timed(
            lambda: llama.create_chat_completion(messages=messages, max_tokens=1, temperature=0.0)
        )
        prompt_s = min(prompt_s, seconds)
    decode = {side: max(best[side] - prompt_s, 1e-9) for side in best}

    first, _ = _fill(llama, messages, schema)
    retry = [
        *messages,
        {"role": "assistant", "content": first},
        {"role": "user", "content": "pump_power failed: efficiency = 72 %: give it as written."},
    ]
    prompt = {"after the first filling": float("inf"), "from nothing": float("inf")}
    for _ in range(_REPEATS):
        for side in prompt:
            llama.reset()
            if side == "after the first filling":
                _fill(llama, messages, schema)
            seconds, _ = _timed(
                lambda: llama.create_chat_completion(messages=retry, max_tokens=1, temperature=0.0)
            )
            prompt[side] = min(prompt[side], seconds)

    return [
        Measurement(
            benchmark="sampler",
            metric=f"greedy JSON decoding of a {_TOOL} filling ({tokens} tokens, {_EXPERT})",
            unit="tokens/s",
            value=tokens / decode["grammar sampler"],
            baseline_name="llama-cpp-python's sampler chain, same reply",
            baseline=tokens / decode["sampler chain"],
            target=1.3,
            notes=f"the prompt ({prompt_s:.2f} s, the same for both) left out; whole calls "
            f"{best['grammar sampler']:.2f} s against {best['sampler chain']:.2f} s",
        ),
        Measurement(
            benchmark="sampler",
            metric=f"a retry's prompt after the first filling (n_batch = {llm.n_batch})",
            unit="s",
            value=prompt["after the first filling"],
            baseline_name="the same prompt decoded from nothing",
            baseline=prompt["from nothing"],
            better="lower",
            target=0.5 * prompt["from nothing"],
            notes="reusable_prefix keeps whole n_batch blocks of the previous prompt",
        ),
    ]


if __name__ == "__main__":
    for measurement in run():
        print(measurement.model_dump_json())
