"""Fold a LoRA adapter into a copy of its base GGUF, so inference pays nothing for it.

llama.cpp applies a runtime adapter (``lora_path``) as two extra matrix products beside
every adapted weight, on every token: SmolLM2-135M kept 0.72 to 0.85 of its decode
speed with one (``benchmarks/bench_distill.py``). Folding the update into the weights
once, ``W' = W + B A * alpha / rank``, gives a model file that decodes at least as fast
as the base.

Each adapted weight is dequantised, updated, and written as ``Q8_0`` (a weight that is
already ``Q8_0``, ``F16``, ``BF16`` or ``F32`` keeps its type); every other tensor and
all metadata are copied byte for byte. Writing the update back into a 4-bit type would
lose it: a distilled update is about 1/200 of a weight, and a ``Q4_1`` step about 1/4
of one, so re-quantising to ``Q4_1`` kept a correlation of 0.08 with the update, and the
merged model answered like the base. ``Q8_0`` keeps 0.7 of it and the merged model
answers like the runtime adapter (``tests/distill/test_merge.py``); ``Q8_0`` weights also
decode faster than ``Q4_1`` ones on a CPU, so the merged file costs disk (145 MB instead
of 98 MB for SmolLM2-135M), not speed.

The merged files are kept in ``<data_dir>/adapters/merged``, named by the base file
and the adapter's SHA-256, and written atomically, so concurrent loaders and a changed
adapter are both safe.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
from pathlib import Path
from typing import Any

import numpy as np

from peoa.exceptions import AdapterError

__all__ = ["merge_adapter", "merged_model"]

_merge_lock = threading.Lock()
# Virtual fields gguf-py reports for the header; the writer makes its own.
_HEADER_FIELDS = ("GGUF.version", "GGUF.tensor_count", "GGUF.kv_count")


def merge_adapter(base: Path, adapter: Path, out: Path) -> Path:
    """Write ``base`` with ``adapter`` folded into its weights to ``out``.

    Raises :class:`AdapterError` when ``adapter`` is not a LoRA adapter for ``base``
    (another architecture, a tensor the base lacks, or shapes that do not fit).
    """
    import gguf
    from gguf.quants import dequantize, quantize

    base_reader = gguf.GGUFReader(str(base))
    lora_reader = gguf.GGUFReader(str(adapter))
    arch = _string(base_reader, "general.architecture")
    if _string(lora_reader, "adapter.type", default="") != "lora":
        raise AdapterError(f"{adapter} is not a LoRA adapter (no adapter.type = lora)")
    if _string(lora_reader, "general.architecture") != arch:
        raise AdapterError(f"{adapter.name} was made for another architecture than {base.name}")
    alpha = float(lora_reader.fields["adapter.lora.alpha"].contents())
    pairs: dict[str, dict[str, np.ndarray]] = {}
    for tensor in lora_reader.tensors:
        weight, _, which = tensor.name.rpartition(".lora_")
        pairs.setdefault(weight, {})[which] = np.asarray(tensor.data, dtype=np.float32)
    weights = {tensor.name: tensor for tensor in base_reader.tensors}
    missing = sorted(set(pairs) - set(weights))
    if missing:
        raise AdapterError(f"{adapter.name} adapts tensors that {base.name} lacks: {missing[:3]}")

    writer = gguf.GGUFWriter(str(out), arch)
    for key, field in base_reader.fields.items():
        if key in _HEADER_FIELDS or key == "general.architecture":
            continue
        writer.add_key_value(
            key,
            field.contents(),
            field.types[0],
            sub_type=field.types[-1] if field.types[0] == gguf.GGUFValueType.ARRAY else None,
        )
    for tensor in base_reader.tensors:
        update = pairs.get(tensor.name)
        if update is None:
            writer.add_tensor(
                tensor.name, tensor.data, raw_shape=tensor.data.shape, raw_dtype=tensor.tensor_type
            )
            continue
        a, b = update.get("a"), update.get("b")
        if a is None or b is None:
            raise AdapterError(f"{adapter.name}: {tensor.name} has only one of lora_a, lora_b")
        merged = dequantize(tensor.data, tensor.tensor_type).astype(np.float32)
        if merged.shape != (b.shape[0], a.shape[1]):
            raise AdapterError(
                f"{adapter.name} does not fit {base.name}: {tensor.name} is {merged.shape}, "
                f"the update {(b.shape[0], a.shape[1])}"
            )
        merged += (b @ a) * (alpha / a.shape[0])
        qtype = _writable(tensor.tensor_type, merged.shape[-1])
        data = quantize(merged, qtype)
        writer.add_tensor(tensor.name, data, raw_shape=data.shape, raw_dtype=qtype)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return out


def merged_model(base: Path, adapter: Path, folder: Path | None = None) -> Path:
    """The merged GGUF of ``base`` + ``adapter``, made on first use and kept in ``folder``
    (default ``<data_dir>/adapters/merged``)."""
    if folder is None:
        from peoa.llm.adapters import user_adapter_dir

        folder = user_adapter_dir() / "merged"
    digest = hashlib.sha256(adapter.read_bytes()).hexdigest()[:16]
    size = base.stat().st_size
    target = folder / f"{base.stem}+{digest}-{size}.gguf"
    with _merge_lock:
        if target.is_file():
            return target
        folder.mkdir(parents=True, exist_ok=True)
        handle, scratch = tempfile.mkstemp(dir=folder, suffix=".part")
        os.close(handle)
        try:
            merge_adapter(base, adapter, Path(scratch))
            os.chmod(scratch, 0o644)  # mkstemp makes it private; a model file is not secret
            os.replace(scratch, target)  # another process may have won: same content
        finally:
            Path(scratch).unlink(missing_ok=True)
    return target


def _writable(qtype: Any, row: int) -> Any:
    """The type an updated weight of type ``qtype`` is written in: ``qtype`` when it is
    fine enough to hold the update, else ``Q8_0`` (``F16`` for a row that is not a whole
    number of ``Q8_0`` blocks)."""
    from gguf import GGML_QUANT_SIZES, GGMLQuantizationType

    kept = (
        GGMLQuantizationType.F32,
        GGMLQuantizationType.F16,
        GGMLQuantizationType.BF16,
        GGMLQuantizationType.Q8_0,
    )
    if qtype in kept:
        return qtype
    q8 = GGMLQuantizationType.Q8_0
    return q8 if row % GGML_QUANT_SIZES[q8][0] == 0 else GGMLQuantizationType.F16


def _string(reader: Any, key: str, default: str | None = None) -> str:
    field = reader.fields.get(key)
    if field is None:
        if default is None:
            raise AdapterError(f"{reader.data.filename} has no {key}")
        return default
    return str(field.contents())
