"""One query at a time through ONNX Runtime, for the latency of a search.

A retrieval embeds one short question and waits for it. PyTorch spends most of such a
call on per-operator dispatch, not arithmetic: MiniLM-L6 on one thread took 13.9 ms
(p50) per query through sentence-transformers against 5.6 ms through ONNX Runtime on the
idle 2-core development machine (``bench_graph``). Batches (ingestion) stay on PyTorch.

The ONNX graph is exported once from the very weights sentence-transformers loaded (no
download) and cached under the user cache directory, keyed by the weight files' size and
modification time. Pooling and normalisation are done here, as the sentence-transformers
pipeline does them; :func:`supports` says whether a model's pipeline is one this
reproduces (transformer, mean pooling, optional normalisation).
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import threading
import warnings
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["OnnxQueryEncoder", "supports"]

_log = logging.getLogger(__name__)
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def supports(model: Any) -> bool:
    """Whether ``model`` (a SentenceTransformer) is transformer + mean pooling [+ normalise]."""
    modules = list(model)
    if len(modules) not in (2, 3) or not hasattr(modules[0], "auto_model"):
        return False
    pooling = modules[1]
    mode = getattr(pooling, "pooling_mode", None)
    if mode is None:  # sentence-transformers < 6 spells it as flags
        mode = "mean" if getattr(pooling, "pooling_mode_mean_tokens", False) else None
    if mode != "mean":
        return False
    return len(modules) == 2 or type(modules[2]).__name__ == "Normalize"


class OnnxQueryEncoder:
    """Embeds single texts with an ONNX export of a sentence-transformers model.

    Parameters
    ----------
    model:
        The loaded SentenceTransformer; its tokenizer and weights are reused.
    folder:
        The model's folder, whose weight files key the cached export.
    cache_dir:
        Where exports are kept (``<cache_dir>/onnx``).
    """

    def __init__(self, model: Any, folder: Path, cache_dir: Path) -> None:
        import onnxruntime

        self.tokenizer = model.tokenizer
        self.max_length = int(getattr(model[0], "max_seq_length", None) or 512)
        path = _export(model, folder, cache_dir / "onnx")
        options = onnxruntime.SessionOptions()
        # One short sequence: a second thread costs more in hand-offs than it saves, and
        # on a busy CPU its spin-waiting made queries many times slower.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
        options.log_severity_level = 3
        self.session = onnxruntime.InferenceSession(
            str(path), options, providers=["CPUExecutionProvider"]
        )
        self.inputs = [i.name for i in self.session.get_inputs()]
        # A fast tokenizer is not safe to call from two threads at once.
        self._tokenizer_lock = threading.Lock()

    def embed(self, text: str) -> np.ndarray:
        """The unit-length embedding of ``text`` (float32, shape (dimensions,))."""
        with self._tokenizer_lock:
            encoded = self.tokenizer(
                [text], truncation=True, max_length=self.max_length, return_tensors="np"
            )
        feed = {name: encoded[name].astype(np.int64) for name in self.inputs}
        hidden = self.session.run(None, feed)[0][0]
        mask = encoded["attention_mask"][0].astype(np.float32)[:, None]
        vector = (hidden * mask).sum(axis=0) / max(float(mask.sum()), 1e-9)
        return (vector / max(float(np.linalg.norm(vector)), 1e-12)).astype(np.float32)


def _key(folder: Path) -> str:
    """A name for the export that changes whenever the model's weight files change."""
    digest = hashlib.sha256(str(folder.resolve()).encode())
    for weights in sorted(folder.glob("*.safetensors")) + sorted(folder.glob("*.bin")):
        stat = weights.stat()
        digest.update(f"{weights.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return f"{folder.name}-{digest.hexdigest()[:16]}.onnx"


def _export(model: Any, folder: Path, cache: Path) -> Path:
    """The cached ONNX file for ``model``, exported first if missing (about 2 s)."""
    target = cache / _key(folder)
    if target.is_file():
        return target
    import torch

    cache.mkdir(parents=True, exist_ok=True)
    transformer = model[0].auto_model.eval()

    sample = model.tokenizer(["a pump moves water"], return_tensors="pt")
    names = [name for name in _INPUTS if name in sample]  # not every model has token types

    class _Hidden(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.inner = transformer

        def forward(self, *tensors: Any) -> Any:
            return self.inner(**dict(zip(names, tensors, strict=True))).last_hidden_state

    args = tuple(sample[name] for name in names)
    axes = {name: {0: "batch", 1: "tokens"} for name in (*names, "last_hidden_state")}
    # Written under a temporary name and renamed, so a concurrent process never reads
    # half a file.
    handle, partial = tempfile.mkstemp(dir=cache, suffix=".onnx.part")
    os.close(handle)
    try:
        # The tracer warns about shape-dependent branches in the attention code; the
        # export is checked against PyTorch's own vectors in the tests.
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                _Hidden(),
                args,
                partial,
                input_names=names,
                output_names=["last_hidden_state"],
                dynamic_axes=axes,
                opset_version=17,
                dynamo=False,  # the TorchScript exporter needs no onnxscript
            )
        os.replace(partial, target)
    finally:
        Path(partial).unlink(missing_ok=True)
    _log.info("exported %s to %s for query embeddings", folder.name, target)
    return target
