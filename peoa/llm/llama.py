"""Local generation with llama.cpp (llama-cpp-python).

A GGUF model is loaded once per process and shared by every role that names it;
a LoRA adapter is applied at load time, so each (model, adapter) pair is one
shared instance. JSON output is constrained by a grammar compiled from the
JSON schema, so a small model cannot produce malformed JSON.
"""

from __future__ import annotations

import atexit
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from peoa.exceptions import ModelError
from peoa.llm.base import LLM, Delta, GenerationRequest, Usage

__all__ = ["LlamaCppLLM", "generation_lock", "load_llama"]

_instances: dict[tuple[str, str | None, int, int], Any] = {}
# One generation at a time per loaded model: a llama.cpp context is not re-entrant, and
# every LlamaCppLLM naming the same file shares that context (so a lock per LLM object
# would let two roles, or two server requests, decode into one context at once).
_generation_locks: dict[int, threading.Lock] = {}
_load_lock = threading.Lock()


@atexit.register
def _close_all() -> None:
    # Free models while the interpreter is whole: llama.cpp's finalisers fail noisily
    # when they run during shutdown, after module globals are gone.
    with _load_lock:
        for llama in _instances.values():
            llama.close()
        _instances.clear()
        _generation_locks.clear()


def load_llama(
    path: Path, *, adapter: str | None, n_ctx: int, n_threads: int, n_batch: int = 512
) -> Any:
    """The shared ``llama_cpp.Llama`` for this file, adapter and context size."""
    key = (str(path), adapter, n_ctx, n_threads)
    with _load_lock:
        if key not in _instances:
            from llama_cpp import Llama

            if adapter is not None and not Path(adapter).is_file():
                # Not a file: a name registered by `peoa distill train`.
                from peoa.distill.adapters import resolve_adapter

                adapter = str(resolve_adapter(adapter))
            try:
                _instances[key] = Llama(
                    model_path=str(path),
                    lora_path=adapter,
                    n_ctx=n_ctx,
                    n_threads=n_threads,
                    n_threads_batch=n_threads,
                    n_batch=n_batch,
                    verbose=False,
                )
            except (ValueError, RuntimeError) as error:
                raise ModelError(f"llama.cpp could not load {path.name}: {error}") from None
            _generation_locks[id(_instances[key])] = threading.Lock()
        return _instances[key]


def generation_lock(llama: Any) -> threading.Lock:
    """The lock that serialises generation on a shared ``Llama`` from :func:`load_llama`."""
    with _load_lock:
        return _generation_locks.setdefault(id(llama), threading.Lock())


class LlamaCppLLM(LLM):
    """A GGUF model run in-process by llama.cpp."""

    def __init__(
        self,
        name: str,
        path: Path,
        *,
        n_ctx: int = 4096,
        n_threads: int | None = None,
        n_batch: int = 512,
        **defaults: Any,
    ) -> None:
        super().__init__(name, **defaults)
        self.path = path
        self.n_ctx = n_ctx
        self.n_threads = n_threads or os.cpu_count() or 1
        self.n_batch = n_batch

    def model(self, adapter: str | None = None) -> Any:
        return load_llama(
            self.path,
            adapter=adapter,
            n_ctx=self.n_ctx,
            n_threads=self.n_threads,
            n_batch=self.n_batch,
        )

    def _generate(self, request: GenerationRequest, stream: bool) -> Iterator[Delta]:
        llama = self.model(request.adapter)
        kwargs: dict[str, Any] = {
            "messages": [m.model_dump() for m in request.messages],
            "max_tokens": request.max_tokens,
            "temperature": request.temperature,
            "stop": request.stop or None,
            "stream": stream,
        }
        if request.seed is not None:
            kwargs["seed"] = request.seed
        if request.temperature == 0.0:
            kwargs["top_k"] = 1  # greedy: deterministic across runs
        if request.json_schema is not None:
            kwargs["response_format"] = {"type": "json_object", "schema": request.json_schema}
        with generation_lock(llama):
            if not stream:
                reply = llama.create_chat_completion(**kwargs)
                choice = reply["choices"][0]
                usage = reply.get("usage") or {}
                yield Delta(
                    text=choice["message"]["content"] or "",
                    usage=Usage(
                        prompt_tokens=usage.get("prompt_tokens", 0),
                        completion_tokens=usage.get("completion_tokens", 0),
                    ),
                    finish_reason=choice.get("finish_reason"),
                )
                return
            prompt_tokens = 0
            completion_tokens = 0
            finish = None
            for chunk in llama.create_chat_completion(**kwargs):
                choice = chunk["choices"][0]
                text = choice.get("delta", {}).get("content") or ""
                finish = choice.get("finish_reason") or finish
                if text:
                    completion_tokens += 1  # llama.cpp streams one token per chunk
                    yield Delta(text=text)
            # Streaming chunks carry no usage; count the prompt the way the model saw it.
            prompt_tokens = llama.n_tokens - completion_tokens
        yield Delta(
            usage=Usage(prompt_tokens=max(prompt_tokens, 0), completion_tokens=completion_tokens),
            finish_reason=finish,
        )
