"""The student's base model as a transformers model, read from the local GGUF file.

transformers reads a GGUF file directly (``from_pretrained(folder, gguf_file=...)``,
with the ``gguf`` package) and dequantizes it, so the model PEOA runs with llama.cpp
is the model that is fine-tuned: no hub is needed. Dequantizing and rebuilding the
tokenizer take about a minute, so the result is kept under
``<cache_dir>/distill/base/<name>-<sha12>`` and later loads take seconds.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

from peoa.distill.errors import DistillError, TrainingDependencyError

__all__ = ["base_gguf", "load_base", "require_training_packages"]


def require_training_packages() -> None:
    """Fail with the install command when the optional training packages are missing."""
    missing = []
    for module in ("trl", "peft", "datasets", "gguf", "transformers", "torch"):
        try:
            __import__(module)
        except ImportError:
            missing.append(module)
    if missing:
        raise TrainingDependencyError(
            f"training needs {', '.join(missing)}: pip install 'peoa[distill]'"
        )


def base_gguf(name: str) -> Path:
    """The GGUF file of a model name (catalogue name or path), fetched if needed."""
    from peoa.config import get_settings
    from peoa.llm.models import resolve

    ref = resolve(name, get_settings())
    if ref.backend != "llama.cpp" or ref.path is None:
        raise DistillError(
            f"{name!r} is not a local GGUF model; the student must be one "
            "(e.g. smollm2-135m-instruct or qwen2.5-coder-0.5b-instruct)"
        )
    return ref.path


def _fingerprint(path: Path) -> str:
    stat = path.stat()
    return hashlib.sha256(
        f"{path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}".encode()
    ).hexdigest()[:12]


def load_base(name: str, *, dtype: str = "float32") -> tuple[Any, Any, Path]:
    """``(model, tokenizer, gguf_path)`` for the base model ``name``.

    The first load dequantizes the GGUF file and caches the transformers copy.
    """
    require_training_packages()
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from peoa.config import get_settings

    gguf = base_gguf(name)
    cache = get_settings().cache_dir / "distill" / "base" / f"{gguf.stem}-{_fingerprint(gguf)}"
    torch_dtype = getattr(torch, dtype)
    if not (cache / "config.json").is_file():
        tokenizer = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
        model = AutoModelForCausalLM.from_pretrained(
            gguf.parent, gguf_file=gguf.name, dtype=torch.float32
        )
        # The weights are plain floats now; drop the GGUF "quantizer" so they can be saved.
        model.hf_quantizer = None  # type: ignore[assignment]  # transformers types it non-optional
        if hasattr(model.config, "quantization_config"):
            del model.config.quantization_config
        staging = cache.with_name(cache.name + ".partial")
        shutil.rmtree(staging, ignore_errors=True)
        model.save_pretrained(staging)
        tokenizer.save_pretrained(staging)
        shutil.rmtree(cache, ignore_errors=True)
        staging.rename(cache)
    tokenizer = AutoTokenizer.from_pretrained(cache)
    model = AutoModelForCausalLM.from_pretrained(cache, dtype=torch_dtype)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    return model, tokenizer, gguf
