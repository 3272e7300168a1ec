"""PEOA's model runtime against the raw libraries, same model and inputs, same run.

* local generation (tokens/s): ``LlamaCppLLM.chat`` vs ``llama_cpp.Llama`` directly;
* embedding (sentences/s): ``SentenceTransformerEmbedder.embed`` vs
  ``SentenceTransformer.encode``.

Runs alternate between PEOA and the baseline and keep the best of each, so a
disturbance on a shared machine hurts neither side more than the other.
"""

from __future__ import annotations

import os
import time

from benchmarks.harness import Measurement
from peoa.config import get_settings
from peoa.llm.factory import embedder_for, llm_for
from peoa.llm.models import resolve

_PROMPT = "Explain in four sentences how a shell-and-tube heat exchanger is sized."
_MAX_TOKENS = 96
_REPEATS = 3


def _generation() -> Measurement:
    from llama_cpp import Llama

    settings = get_settings()
    name = settings.models.action_generator
    ref = resolve(name, settings)
    peoa_llm = llm_for(ref, settings)
    threads = settings.llm.n_threads or os.cpu_count() or 1
    raw = Llama(
        model_path=str(ref.path), n_ctx=settings.llm.n_ctx, n_threads=threads,
        n_threads_batch=threads, n_batch=settings.llm.n_batch, verbose=False,
    )  # fmt: skip
    messages = [{"role": "user", "content": _PROMPT}]
    best_peoa = best_raw = 0.0
    for _ in range(_REPEATS):
        reply = peoa_llm.chat(_PROMPT, max_tokens=_MAX_TOKENS, temperature=0.0)
        best_peoa = max(best_peoa, reply.usage.completion_tokens / reply.latency_s)
        start = time.perf_counter()
        out = raw.create_chat_completion(
            messages=messages, max_tokens=_MAX_TOKENS, temperature=0.0, top_k=1, seed=0
        )
        elapsed = time.perf_counter() - start
        best_raw = max(best_raw, out["usage"]["completion_tokens"] / elapsed)
    return Measurement(
        benchmark="runtime",
        metric=f"local generation ({name})",
        unit="tokens/s",
        value=best_peoa,
        baseline_name="llama-cpp-python",
        baseline=best_raw,
        target=0.95,
    )


def _embedding() -> Measurement:
    from sentence_transformers import SentenceTransformer

    settings = get_settings()
    ref = resolve(settings.models.embedder, settings)
    peoa_embedder = embedder_for(ref, settings)
    raw = SentenceTransformer(str(ref.path), device="cpu")
    sentences = [
        f"Stream {i}: the pressure drop across fitting {i % 17} is {i * 0.37:.2f} kPa at "
        f"{i % 9 + 1} m/s in a {i % 5 + 2}-inch schedule 40 pipe."
        for i in range(512)
    ]
    best_peoa = best_raw = 0.0
    for _ in range(_REPEATS):
        start = time.perf_counter()
        peoa_embedder.embed(sentences)
        best_peoa = max(best_peoa, len(sentences) / (time.perf_counter() - start))
        start = time.perf_counter()
        raw.encode(sentences, batch_size=peoa_embedder.batch_size, normalize_embeddings=True)
        best_raw = max(best_raw, len(sentences) / (time.perf_counter() - start))
    return Measurement(
        benchmark="runtime",
        metric="embedding (all-MiniLM-L6-v2)",
        unit="sentences/s",
        value=best_peoa,
        baseline_name="sentence-transformers",
        baseline=best_raw,
        target=0.95,
    )


def run() -> list[Measurement]:
    return [_generation(), _embedding()]
