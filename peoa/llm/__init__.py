"""Language models and embedders: one interface, local llama.cpp or OpenAI-compatible."""

from peoa.llm.base import LLM, Completion, Delta, Message, StructuredOutputError, Usage
from peoa.llm.embeddings import Embedder
from peoa.llm.factory import get_embedder, get_llm

__all__ = [
    "LLM",
    "Completion",
    "Delta",
    "Embedder",
    "Message",
    "StructuredOutputError",
    "Usage",
    "get_embedder",
    "get_llm",
]
