"""Build the model for a role from the configuration."""

from __future__ import annotations

from functools import lru_cache

from peoa.config import Settings, get_settings
from peoa.exceptions import ModelError
from peoa.llm.base import LLM
from peoa.llm.embeddings import Embedder, SentenceTransformerEmbedder
from peoa.llm.models import ModelRef, resolve

__all__ = ["embedder_for", "get_embedder", "get_llm", "llm_for"]


def llm_for(ref: ModelRef, settings: Settings) -> LLM:
    """An :class:`LLM` for a resolved model reference."""
    common = {
        "max_tokens": settings.llm.max_tokens,
        "temperature": settings.llm.temperature,
        "seed": settings.llm.seed,
    }
    if ref.backend == "llama.cpp":
        from peoa.llm.llama import LlamaCppLLM

        assert ref.path is not None
        return LlamaCppLLM(
            ref.name,
            ref.path,
            n_ctx=settings.llm.n_ctx,
            n_threads=settings.llm.n_threads,
            n_batch=settings.llm.n_batch,
            prompt_cache=settings.llm.prompt_cache,
            lora=settings.llm.lora,
            **common,
        )
    if ref.backend == "openai":
        from peoa.llm.openai_compat import OpenAICompatibleLLM

        key = settings.openai.api_key.get_secret_value() if settings.openai.api_key else None
        if key is None and settings.openai.base_url is None:
            raise ModelError(
                f"{ref.name} needs an OpenAI-compatible endpoint: set OPENAI_API_KEY "
                "(for api.openai.com) or OPENAI_BASE_URL (for a local server)"
            )
        assert ref.remote_name is not None
        return OpenAICompatibleLLM(
            ref.name,
            ref.remote_name,
            base_url=settings.openai.base_url,
            api_key=key,
            timeout_s=settings.llm.request_timeout_s,
            **common,
        )
    raise ModelError(f"{ref.name} is an embedding model, not a chat model")


def embedder_for(ref: ModelRef, settings: Settings) -> Embedder:
    if ref.backend != "sentence-transformers" or ref.path is None:
        raise ModelError(f"{ref.name} is not a sentence-transformers embedding model")
    return SentenceTransformerEmbedder(ref.name, ref.path, threads=settings.llm.n_threads)


@lru_cache(maxsize=32)
def _cached_llm(name: str) -> LLM:
    settings = get_settings()
    return llm_for(resolve(name, settings), settings)


def get_llm(role: str) -> LLM:
    """The chat model configured for ``role`` (e.g. ``action_generator``), shared per process."""
    return _cached_llm(get_settings().models.for_role(role))


@lru_cache(maxsize=4)
def _cached_embedder(name: str) -> Embedder:
    settings = get_settings()
    return embedder_for(resolve(name, settings), settings)


def get_embedder() -> Embedder:
    """The configured embedder, loaded once per process."""
    return _cached_embedder(get_settings().models.embedder)
