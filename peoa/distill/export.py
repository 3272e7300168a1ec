"""Write a PEFT LoRA adapter as a GGUF adapter that llama.cpp loads (``lora_path``).

llama.cpp's adapter format: ``general.type = "adapter"``, ``adapter.type = "lora"``,
``adapter.lora.alpha``, the base model's ``general.architecture``, and for each adapted
weight ``W`` of the base GGUF two tensors, ``<W>.lora_a`` (PEFT's A, rank x in) and
``<W>.lora_b`` (PEFT's B, out x rank), so that llama.cpp adds ``B A * alpha / rank``.

transformers un-permutes the query and key rows of LLaMA-family GGUF files when it
loads them (llama.cpp stores them interleaved for its rotary embedding), so for
``llama`` the B matrices of ``q_proj`` and ``k_proj`` get the same row permutation
back; A acts on the input side and is unaffected.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from peoa.distill.errors import DistillError

__all__ = ["GGUF_NAMES", "export_gguf_adapter", "gguf_architecture", "permute_rows"]

#: HF module name inside a decoder layer -> llama.cpp tensor name inside ``blk.N``.
GGUF_NAMES = {
    "self_attn.q_proj": "attn_q",
    "self_attn.k_proj": "attn_k",
    "self_attn.v_proj": "attn_v",
    "self_attn.o_proj": "attn_output",
    "mlp.gate_proj": "ffn_gate",
    "mlp.up_proj": "ffn_up",
    "mlp.down_proj": "ffn_down",
}

_PEFT_NAME = re.compile(
    r"(?:base_model\.model\.)?model\.layers\.(\d+)\.(.+)\.lora_([AB])(?:\.default)?\.weight$"
)


def permute_rows(weights: np.ndarray, n_head: int) -> np.ndarray:
    """Interleave each head's rows the way llama.cpp stores rotary q/k weights.

    Within every head the first half of the rows and the second half are woven
    together (row ``i`` of the first half goes to ``2i``, of the second to ``2i+1``).

    >>> permute_rows(np.arange(4).reshape(4, 1), 1).ravel().tolist()
    [0, 2, 1, 3]
    """
    rows = weights.shape[0]
    return (
        weights.reshape(n_head, 2, rows // n_head // 2, *weights.shape[1:])
        .swapaxes(1, 2)
        .reshape(weights.shape)
    )


def gguf_architecture(path: Path) -> str:
    """``general.architecture`` of a GGUF file (``llama``, ``qwen2``...)."""
    from gguf import GGUFReader

    field = GGUFReader(str(path)).fields["general.architecture"]
    return bytes(field.parts[field.data[0]]).decode()


def export_gguf_adapter(
    state: Mapping[str, Any],
    out: Path,
    *,
    base_gguf: Path,
    alpha: float,
    n_head: int,
    n_head_kv: int,
    name: str = "",
) -> Path:
    """Write the LoRA tensors in ``state`` (PEFT names) to ``out`` as a GGUF adapter."""
    import gguf

    arch = gguf_architecture(base_gguf)
    pairs: dict[str, dict[str, np.ndarray]] = {}
    for key, tensor in state.items():
        match = _PEFT_NAME.search(key)
        if match is None:
            continue
        layer, module, which = match.groups()
        if module not in GGUF_NAMES:
            raise DistillError(
                f"LoRA target {module!r} has no llama.cpp tensor name; train with targets "
                f"among {', '.join(GGUF_NAMES)}"
            )
        array = (
            tensor.detach().float().cpu().numpy()
            if hasattr(tensor, "detach")
            else np.asarray(tensor)
        )
        pairs.setdefault(f"blk.{layer}.{GGUF_NAMES[module]}.weight", {})[which] = array
    if not pairs:
        raise DistillError("the adapter holds no LoRA weights; was the model trained with PEFT?")
    out.parent.mkdir(parents=True, exist_ok=True)
    writer = gguf.GGUFWriter(str(out), arch)
    writer.add_type(gguf.GGUFType.ADAPTER)
    writer.add_string(gguf.Keys.Adapter.TYPE, "lora")
    writer.add_float32(gguf.Keys.Adapter.LORA_ALPHA, float(alpha))
    if name:
        writer.add_name(name)
    for base_name in sorted(pairs, key=_natural):
        a, b = pairs[base_name].get("A"), pairs[base_name].get("B")
        if a is None or b is None:
            raise DistillError(f"{base_name}: the adapter has only one of lora_A and lora_B")
        if arch == "llama" and base_name.endswith(("attn_q.weight", "attn_k.weight")):
            heads = n_head if "attn_q" in base_name else n_head_kv
            b = permute_rows(b, heads)
        writer.add_tensor(f"{base_name}.lora_a", np.ascontiguousarray(a, dtype=np.float32))
        writer.add_tensor(f"{base_name}.lora_b", np.ascontiguousarray(b, dtype=np.float32))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return out


def _natural(name: str) -> tuple[int, str]:
    parts = name.split(".")
    return (int(parts[1]), name)
