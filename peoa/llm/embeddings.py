"""Sentence embeddings for chunks, entities and queries (sentence-transformers)."""

from __future__ import annotations

import os
import threading
from abc import ABC, abstractmethod
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

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


_models: dict[str, Any] = {}
_lock = threading.Lock()
_query_lock = threading.Lock()  # query embeddings toggle the torch thread count


class SentenceTransformerEmbedder(Embedder):
    """A sentence-transformers model from a local folder, loaded once per process."""

    def __init__(self, name: str, path: Path, *, batch_size: int = 64, threads: int | None = None):
        self.name = name
        self.path = path
        self.batch_size = batch_size
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
        """One text on one thread.

        A single short text gains nothing from a second thread, and on a busy CPU the
        threads' spin-waiting made it about ten times slower (0.8 s against 76 ms, MiniLM
        on 2 cores at load 19).
        """
        import torch

        with _query_lock:
            threads = torch.get_num_threads()
            torch.set_num_threads(1)
            try:
                return self.embed([text])[0].tolist()
            finally:
                torch.set_num_threads(threads)
