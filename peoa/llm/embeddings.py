"""Sentence embeddings for chunks, entities and queries (sentence-transformers)."""

from __future__ import annotations

import logging
import os
import threading
from abc import ABC, abstractmethod
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

import numpy as np
import platformdirs

__all__ = ["Embedder", "SentenceTransformerEmbedder"]


class Embedder(ABC):
    """Turns texts into unit-length vectors. Subclasses implement :meth:`embed`."""

    name: str
    dimensions: int

    @abstractmethod
    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed ``texts`` in batches; returns a float32 array of shape (n, dimensions)."""

    def embed_query(self, text: str) -> list[float]:
        return self.embed([text])[0].tolist()


_log = logging.getLogger(__name__)
_models: dict[str, Any] = {}
_lock = threading.Lock()
_query_lock = threading.Lock()  # query embeddings toggle the torch thread count


class SentenceTransformerEmbedder(Embedder):
    """A sentence-transformers model from a local folder, loaded once per process."""

    def __init__(
        self,
        name: str,
        path: Path,
        *,
        batch_size: int = 64,
        threads: int | None = None,
        query_backend: Literal["onnx", "torch"] = "onnx",
        cache_dir: Path | None = None,
    ):
        self.name = name
        self.path = path
        self.batch_size = batch_size
        self.query_backend = query_backend
        self.cache_dir = cache_dir or platformdirs.user_cache_path("peoa")
        with _lock:
            if str(path) not in _models:
                import torch
                import transformers
                from sentence_transformers import SentenceTransformer

                transformers.logging.disable_progress_bar()

                torch.set_num_threads(threads or os.cpu_count() or 1)
                _models[str(path)] = SentenceTransformer(str(path), device="cpu")
        self.model = _models[str(path)]
        dimension = getattr(self.model, "get_embedding_dimension", None) or (
            self.model.get_sentence_embedding_dimension  # sentence-transformers < 5
        )
        self.dimensions = int(dimension())

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        vectors = self.model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return vectors.astype(np.float32, copy=False)

    def embed_query(self, text: str) -> list[float]:
        """One text, for a search: through ONNX Runtime when it is available.

        The ONNX encoder (:mod:`peoa.llm.onnx_query`) gives the same vector (cosine
        ≥ 0.9999 with :meth:`embed`, checked in the tests) two to three times faster for a
        single short text. Without onnxruntime, or with ``query_backend="torch"``, the
        text runs through PyTorch on one thread: a single short text gains nothing from a
        second thread, and on a busy CPU the threads' spin-waiting made it about ten times
        slower (0.8 s against 76 ms, MiniLM on 2 cores at load 19).
        """
        encoder = self._onnx_encoder()
        if encoder is not None:
            return encoder.embed(text).tolist()
        import torch

        with _query_lock:
            threads = torch.get_num_threads()
            torch.set_num_threads(1)
            try:
                return self.embed([text])[0].tolist()
            finally:
                torch.set_num_threads(threads)

    def _onnx_encoder(self) -> Any:
        """The shared ONNX encoder of this model, or None where it cannot be used."""
        if self.query_backend != "onnx":
            return None
        key = (str(self.path), str(self.cache_dir))
        if key not in _onnx:
            with _lock:
                if key not in _onnx:
                    _onnx[key] = _load_onnx(self.model, self.path, self.cache_dir)
        return _onnx[key]


_onnx: dict[tuple[str, str], Any] = {}


def _load_onnx(model: Any, path: Path, cache_dir: Path) -> Any:
    """An :class:`~peoa.llm.onnx_query.OnnxQueryEncoder`, or None (logged) if unavailable."""
    try:
        import onnxruntime  # noqa: F401

        from peoa.llm.onnx_query import OnnxQueryEncoder, supports
    except ImportError as error:  # onnxruntime not installed
        _log.info("query embeddings run on PyTorch: %s", error)
        return None
    if not supports(model):
        _log.info("query embeddings run on PyTorch: %s is not transformer + mean pooling", path)
        return None
    try:
        return OnnxQueryEncoder(model, path, cache_dir)
    except Exception as error:  # an export or runtime failure costs speed, never an answer
        _log.warning("query embeddings run on PyTorch: ONNX export failed (%s)", error)
        return None
