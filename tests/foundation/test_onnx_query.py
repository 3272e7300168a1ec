"""The ONNX query encoder gives the vectors the stored PyTorch embeddings were made with.

Chunks are embedded on PyTorch at ingestion and questions through ONNX Runtime at search
time, so the two must agree or retrieval would silently degrade.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

from peoa.llm.embeddings import SentenceTransformerEmbedder
from peoa.llm.models import resolve
from peoa.llm.onnx_query import _key

pytest.importorskip("onnxruntime")

_HELD_OUT = Path(__file__).parents[2] / "benchmarks" / "data" / "retrieval_queries_heldout.jsonl"


@pytest.fixture(scope="module")
def model_path(settings) -> Path:  # type: ignore[no-untyped-def]
    path = resolve("all-minilm-l6-v2", settings).path
    assert path is not None
    return path


def _texts() -> list[str]:
    questions = [json.loads(line)["query"] for line in _HELD_OUT.read_text().splitlines()]
    return [
        *questions[:20],
        "x",  # one token
        "Wasserdampf bei 180 °C und 10 bar(a): h'' = 2778 kJ/kg",  # non-ASCII, numbers
        "Fenske minimum stages " * 200,  # longer than the 256-token window: truncated
    ]


def test_onnx_query_vectors_match_pytorch(model_path: Path, tmp_path: Path) -> None:
    onnx = SentenceTransformerEmbedder("all-minilm-l6-v2", model_path, cache_dir=tmp_path)
    torch = SentenceTransformerEmbedder(
        "all-minilm-l6-v2", model_path, query_backend="torch", cache_dir=tmp_path
    )
    texts = _texts()
    batch = onnx.embed(texts)  # ingestion's path, PyTorch in batches
    fast = np.array([onnx.embed_query(t) for t in texts])
    slow = np.array([torch.embed_query(t) for t in texts])
    assert onnx._onnx_encoder() is not None and torch._onnx_encoder() is None
    assert fast.shape == (len(texts), 384)
    assert np.allclose(np.linalg.norm(fast, axis=1), 1.0, atol=1e-5)
    assert float((fast * batch).sum(axis=1).min()) >= 0.9999
    assert float((fast * slow).sum(axis=1).min()) >= 0.9999


def test_export_is_made_once_and_reused(model_path: Path, tmp_path: Path) -> None:
    first = SentenceTransformerEmbedder("all-minilm-l6-v2", model_path, cache_dir=tmp_path)
    first.embed_query("pump head")
    (export,) = (tmp_path / "onnx").glob("*.onnx")
    stamp = export.stat().st_mtime_ns
    assert not list((tmp_path / "onnx").glob("*.part"))
    # A new process would construct a new encoder; the cached file is what it reads.
    from peoa.llm import embeddings

    embeddings._onnx.pop((str(model_path), str(tmp_path)))
    again = SentenceTransformerEmbedder("all-minilm-l6-v2", model_path, cache_dir=tmp_path)
    assert again.embed_query("pump head") == pytest.approx(first.embed_query("pump head"))
    assert export.stat().st_mtime_ns == stamp
    assert len(list((tmp_path / "onnx").glob("*.onnx"))) == 1


def test_failed_export_falls_back_to_pytorch(model_path: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("the cache directory cannot be created here")
    embedder = SentenceTransformerEmbedder("all-minilm-l6-v2", model_path, cache_dir=blocked)
    vector = embedder.embed_query("relief valve set pressure")
    assert embedder._onnx_encoder() is None
    expected = embedder.embed(["relief valve set pressure"])[0]
    assert float(np.dot(vector, expected)) >= 0.9999


def test_export_name_changes_with_the_weights(tmp_path: Path) -> None:
    weights = tmp_path / "model.safetensors"
    weights.write_bytes(b"old weights")
    before = _key(tmp_path)
    weights.write_bytes(b"new weights, longer")
    os.utime(weights, ns=(1, 1))
    assert _key(tmp_path) != before
    assert _key(tmp_path) == _key(tmp_path)
