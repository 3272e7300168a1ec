"""Folding a LoRA adapter into its base model: the shipped adapter, real GGUF files,
real llama.cpp."""

from __future__ import annotations

from pathlib import Path

import gguf
import numpy as np
import pytest
from gguf.quants import dequantize

from peoa.distill.base import base_gguf
from peoa.exceptions import AdapterError as DistillError
from peoa.exceptions import ModelError
from peoa.llm.adapters import resolve_adapter
from peoa.llm.merge import merge_adapter, merged_model
from tests.distill.held_out import SHIPPED, held_out_request

BASE = "smollm2-135m-instruct"


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return merged_model(base_gguf(BASE), resolve_adapter(SHIPPED), tmp_path_factory.mktemp("m"))


def test_the_merged_weights_carry_the_update_and_the_rest_is_copied(merged: Path) -> None:
    base = {t.name: t for t in gguf.GGUFReader(str(base_gguf(BASE))).tensors}
    adapter = gguf.GGUFReader(str(resolve_adapter(SHIPPED)))
    lora = {t.name: np.asarray(t.data, np.float32) for t in adapter.tensors}
    alpha = float(adapter.fields["adapter.lora.alpha"].contents())
    out = {t.name: t for t in gguf.GGUFReader(str(merged)).tensors}
    assert set(out) == set(base)
    for name in ("blk.0.attn_q.weight", "blk.17.ffn_down.weight", "blk.29.attn_v.weight"):
        a, b = lora[f"{name}.lora_a"], lora[f"{name}.lora_b"]
        update = (b @ a) * (alpha / a.shape[0])
        before = dequantize(base[name].data, base[name].tensor_type)
        after = dequantize(out[name].data, out[name].tensor_type)
        assert out[name].tensor_type == gguf.GGMLQuantizationType.Q8_0
        assert np.corrcoef((after - before).ravel(), update.ravel())[0, 1] > 0.5
    for name in ("token_embd.weight", "blk.3.attn_norm.weight", "output_norm.weight"):
        assert out[name].tensor_type == base[name].tensor_type
        assert np.array_equal(out[name].data, base[name].data)


@pytest.mark.parametrize("kind", ["choose_plan", "choose_value"])
def test_the_merged_model_answers_like_the_runtime_adapter(kind: str) -> None:
    from peoa.llm.llama import LlamaCppLLM

    messages, _ = held_out_request(kind)
    path = base_gguf(BASE)
    adapter = str(resolve_adapter(SHIPPED))
    runtime = LlamaCppLLM(BASE, path, n_ctx=2048, lora="runtime")
    folded = LlamaCppLLM(BASE, path, n_ctx=2048, lora="merge")
    bare = runtime.chat(messages, max_tokens=120, temperature=0.0).text
    expected = runtime.chat(messages, max_tokens=120, temperature=0.0, adapter=adapter).text
    got = folded.chat(messages, max_tokens=120, temperature=0.0, adapter=adapter).text
    assert got == expected
    assert got != bare


def test_a_merged_model_is_made_once_per_adapter(merged: Path) -> None:
    stamp = merged.stat().st_mtime_ns
    again = merged_model(base_gguf(BASE), resolve_adapter(SHIPPED), merged.parent)
    assert again == merged and again.stat().st_mtime_ns == stamp
    assert [p.name for p in merged.parent.iterdir()] == [merged.name]  # no scratch file left


def test_an_adapter_that_does_not_fit_its_base_is_refused(tmp_path: Path) -> None:
    from peoa.llm.llama import load_llama

    adapter = resolve_adapter(SHIPPED)
    qwen = base_gguf("qwen2.5-coder-0.5b-instruct")
    with pytest.raises(DistillError, match="another architecture"):
        merge_adapter(qwen, adapter, tmp_path / "x.gguf")
    with pytest.raises(DistillError, match="not a LoRA adapter"):
        merge_adapter(base_gguf(BASE), base_gguf(BASE), tmp_path / "y.gguf")
    with pytest.raises(ModelError, match="cannot apply adapter"):
        load_llama(qwen, adapter=str(adapter), n_ctx=256, n_threads=1)
