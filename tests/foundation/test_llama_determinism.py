"""A local model's reply is a function of its prompt only, not of the calls before it.

llama-cpp-python reuses the KV cache of the previous prompt's shared prefix, so by
default a prompt is decoded in other batches after another prompt ran, and the logits
change in the last bits; a greedy small model then sometimes answers differently
(whole-solve tests flipped with the order the suite ran them in). These tests compare
the logits bit for bit, which is far more sensitive than the reply text.
"""

from __future__ import annotations

from typing import Any

import llama_cpp
import numpy as np
import pytest

from peoa.graph.tools_loader import tool_text
from peoa.llm.llama import LlamaCppLLM, PromptCache
from peoa.llm.models import resolve
from peoa.tools import get_registry

SMALL = "smollm2-135m-instruct"
# Longer than one batch: a fresh start decodes it in several batches, and a reuse of
# the whole shared prefix would decode only the few tokens after it.
SYSTEM = "Pick the one tool that answers the question. Reply with its name only.\n\n" + "\n\n".join(
    tool_text(tool.doc()) for tool in get_registry().list()[:4]
)
PUMP = [
    {"role": "system", "content": SYSTEM},
    {"role": "user", "content": "What power does a pump need for 20 m3/h against 35 m of head?"},
]
CONVERT = [
    {"role": "system", "content": SYSTEM},
    {"role": "user", "content": "Convert 5 bar to kPa."},
]


def _reply(llm: LlamaCppLLM, messages: list[dict[str, str]]) -> tuple[str, np.ndarray]:
    """The reply, and the logits of the last position the model decoded for it."""
    text = llm.chat(messages).text
    llama: Any = llm.model()
    n_vocab = llama_cpp.llama_n_vocab(llama_cpp.llama_model_get_vocab(llama.model))
    logits = llama_cpp.llama_get_logits_ith(llama.ctx, -1)
    return text, np.ctypeslib.as_array(logits, shape=(n_vocab,)).copy()


@pytest.mark.parametrize("prompt_cache", ["blocks", "off"])
def test_same_prompt_same_reply_whatever_ran_before(
    settings: Any, prompt_cache: PromptCache
) -> None:
    path = resolve(SMALL, settings).path
    assert path is not None
    # An instance of this test's own (the context size is unusual), fresh on its first call.
    llm = LlamaCppLLM(SMALL, path, n_ctx=1664, prompt_cache=prompt_cache, max_tokens=6)
    assert len(llm.model().tokenize(SYSTEM.encode())) > llm.n_batch
    fresh_text, fresh = _reply(llm, PUMP)
    _reply(llm, CONVERT)  # shares the system prompt, then differs
    after_text, after = _reply(llm, PUMP)
    again_text, again = _reply(llm, PUMP)  # the exact prompt just decoded
    streamed = "".join(delta.text for delta in llm.stream(PUMP))
    assert after_text == again_text == streamed == fresh_text
    assert np.array_equal(after, fresh), f"max |difference| {np.abs(after - fresh).max():g}"
    assert np.array_equal(again, fresh), f"max |difference| {np.abs(again - fresh).max():g}"
