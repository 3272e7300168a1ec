"""Inference speed with a distilled LoRA adapter against the bare base model, same run.

The adapter is the one a role is configured to use when it is registered (the
calculation expert's, else any registered adapter of the base model); without one, a
freshly initialised rank-16 adapter of the same shape is exported, which costs
llama.cpp exactly what a trained one does. Prompt and decoding are the calculation
expert's: a tool-argument request, greedy. Runs alternate between the sides and the
best of each is kept, so a disturbance on a shared machine hurts no side more.

Two ways of applying the adapter are measured against the bare base: folded into a copy
of the base model (PEOA's default, ``[llm] lora = "merge"``, see
:mod:`peoa.llm.merge`) and handed to llama.cpp at run time (``lora = "runtime"``).
Target: the adapter, as PEOA applies it, keeps at least 0.8 of the base's tokens/s.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks.harness import Measurement
from peoa.distill.base import base_gguf
from peoa.llm.llama import LlamaCppLLM

_BASE = "smollm2-135m-instruct"
_MESSAGES = [
    {"role": "system", "content": "You fill the arguments of an engineering tool as JSON."},
    {
        "role": "user",
        "content": "Question: A pump delivers 40 m^3/h of water (density 998 kg/m^3) against "
        "35 m of head at 72 % efficiency. What brake power does it need?\n"
        "Tool pump_power. Write every argument with its value and unit. Explain each one.",
    },
]
_MAX_TOKENS = 96
_REPEATS = 3


def _adapter(folder: Path) -> tuple[Path, str]:
    from peoa.llm.adapters import list_adapters

    for record in list_adapters().values():
        if record.base == _BASE and record.file.is_file():
            return record.file, f"registered adapter {record.name}"
    return _untrained_adapter(folder), "untrained rank-16 adapter (none registered)"


def _untrained_adapter(folder: Path) -> Path:
    import torch
    from peft import LoraConfig, get_peft_model

    from peoa.distill.base import load_base
    from peoa.distill.export import export_gguf_adapter
    from peoa.distill.train import TARGETS

    model, _, gguf = load_base(_BASE)
    peft_model = get_peft_model(
        model, LoraConfig(r=16, lora_alpha=32, target_modules=list(TARGETS), task_type="CAUSAL_LM")
    )
    with torch.no_grad():  # B starts at zero; give it values so llama.cpp really applies it
        for name, param in peft_model.named_parameters():
            if "lora_B" in name:
                param.normal_(0, 1e-3)
    state = {k: v for k, v in peft_model.state_dict().items() if "lora_" in k}
    return export_gguf_adapter(
        state, folder / "bench-adapter.gguf", base_gguf=gguf, alpha=32,
        n_head=model.config.num_attention_heads, n_head_kv=model.config.num_key_value_heads,
    )  # fmt: skip


def _decode_rate(llama: object, max_tokens: int) -> float:
    """Tokens/s of a greedy reply forced to ``max_tokens`` tokens.

    A distilled adapter answers in a few tokens and stops, so its replies' tokens/s
    would mostly measure prompt evaluation; banning the end-of-sequence token makes both
    sides decode the same number of tokens.
    """
    import time

    eos = llama.token_eos()  # type: ignore[attr-defined]
    start = time.perf_counter()
    reply = llama.create_chat_completion(  # type: ignore[attr-defined]
        messages=_MESSAGES, max_tokens=max_tokens, temperature=0.0, logit_bias={eos: -1e9}
    )
    return reply["usage"]["completion_tokens"] / (time.perf_counter() - start)


def run() -> list[Measurement]:
    with tempfile.TemporaryDirectory() as scratch:
        adapter, what = _adapter(Path(scratch))
        sides = {
            "base": LlamaCppLLM(_BASE, base_gguf(_BASE), n_ctx=1024).model(None),
            "merge": LlamaCppLLM(_BASE, base_gguf(_BASE), n_ctx=1024, lora="merge").model(
                str(adapter)
            ),
            "runtime": LlamaCppLLM(_BASE, base_gguf(_BASE), n_ctx=1024, lora="runtime").model(
                str(adapter)
            ),
        }
        best = dict.fromkeys(sides, 0.0)
        for _ in range(_REPEATS):
            for side, llama in sides.items():
                best[side] = max(best[side], _decode_rate(llama, _MAX_TOKENS))
    common = {
        "benchmark": "distill",
        "unit": "tokens/s",
        "baseline_name": "base model without adapter",
        "baseline": best["base"],
    }
    return [
        Measurement(
            metric=f"generation with a LoRA adapter folded into the model ({_BASE}, "
            f"{_MAX_TOKENS} tokens forced)",
            value=best["merge"],
            target=0.8,
            notes=f"{what}; PEOA's default (lora = merge)",
            **common,
        ),
        Measurement(
            metric=f"generation with a LoRA adapter applied by llama.cpp at run time ({_BASE})",
            value=best["runtime"],
            notes=f"{what}; lora = runtime, for comparison",
            **common,
        ),
    ]


if __name__ == "__main__":
    for measurement in run():
        print(measurement.model_dump_json())
