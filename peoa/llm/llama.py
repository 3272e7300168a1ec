"""Local generation with llama.cpp (llama-cpp-python).

A GGUF model is loaded once per process and shared by every role that names it;
a LoRA adapter is applied at load time, so each (model, adapter) pair is one
shared instance. By default the adapter is folded into a cached copy of the model
(:mod:`peoa.llm.merge`), which decodes as fast as the base; ``lora="runtime"``
hands it to llama.cpp instead, which adds two matrix products per adapted weight.
JSON output is constrained by a grammar compiled from the JSON schema, so a small
model cannot produce malformed JSON.

A reply is a function of its prompt alone. llama-cpp-python keeps the KV cache of the
previous call and, by default, evaluates only the part of a new prompt after the
longest prefix the two share. That changes how the prompt is split into decode batches,
and llama.cpp's batched kernels do not give bit-identical results for different
splits, so a greedy small model could answer the same prompt differently depending on
what it was asked before. The default ``prompt_cache="blocks"`` reuses only whole
``n_batch`` blocks of the previous prompt: the rest is then decoded in exactly the
batches a fresh evaluation would use, and the logits are bit-identical to a fresh
start's (``tests/foundation/test_llama_determinism.py``).

Greedy decoding under a grammar checks the grammar on the model's best token only
(:mod:`peoa.llm.grammar_sampler`): the same tokens, at about half the cost per token.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import threading
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any, Literal

from peoa.exceptions import AdapterError, ModelError
from peoa.llm.base import LLM, Delta, GenerationRequest, Usage

__all__ = [
    "LlamaCppLLM",
    "LoraMode",
    "PromptCache",
    "amx_safe_loading",
    "generation_lock",
    "load_llama",
    "reusable_prefix",
]

LoraMode = Literal["merge", "runtime"]
"""How a LoRA adapter is applied: folded into a cached copy of its base model, or by
llama.cpp at run time."""
PromptCache = Literal["blocks", "off", "prefix"]
"""What a call may reuse of the previous call's KV cache: whole ``n_batch`` blocks of the
previous prompt (``blocks``: deterministic, the default), nothing (``off``: deterministic,
re-evaluates every prompt) or any shared prefix (``prefix``: llama-cpp-python's own
behaviour, the fastest, but a reply may then depend on the calls before it)."""

_instances: dict[tuple[str, str | None, int, int, int, str, str], Any] = {}
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


def reusable_prefix(cached: Sequence[int], prompt: Sequence[int], block: int) -> int:
    """How many leading tokens of ``prompt`` may keep the KV entries that ``cached`` (the
    previous prompt, decoded in ``block``-sized batches) left, so that the rest is decoded
    exactly as a fresh evaluation would decode it.

    Only whole blocks qualify, and never the prompt's last token, whose logits the
    next sampling step needs (decoding it alone would be a batch a fresh start never uses).

    >>> reusable_prefix([1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 9, 9], 2)
    4
    >>> reusable_prefix([1, 2, 3, 4], [1, 2, 3, 4], 2)
    2
    >>> reusable_prefix([7, 2, 3, 4], [1, 2, 3, 4], 2)
    0
    """
    shared = 0
    for old, new in zip(cached, prompt[: max(len(prompt) - 1, 0)], strict=False):
        if old != new:
            break
        shared += 1
    return shared // block * block


@cache
def cpu_has_amx() -> bool:
    """Whether the CPU advertises Intel AMX tiles (``amx_tile`` in ``/proc/cpuinfo``)."""
    try:
        return "amx_tile" in Path("/proc/cpuinfo").read_text()
    except OSError:
        return False


def amx_safe_loading() -> contextlib.AbstractContextManager[None]:
    """A context in which llama.cpp loads models safely on this CPU (see below)."""
    return _without_extra_buffers() if cpu_has_amx() else contextlib.nullcontext()


@contextlib.contextmanager
def _without_extra_buffers() -> Iterator[None]:
    """Load models without llama.cpp's extra weight buffers (AMX and CPU repacking).

    On an AMX machine (seen: a Xeon VM that advertises amx_tile) llama.cpp repacks the
    weights for its AMX kernels, and every decode of more than one token then crashes
    the process (SIGSEGV in llama_decode); one token at a time works. llama-cpp-python
    does not expose ``use_extra_bufts``, so the default parameters it starts from are
    wrapped while the model loads (under the load lock).
    """
    import llama_cpp.llama_cpp as native

    default = native.llama_model_default_params

    def params() -> Any:
        values = default()
        values.use_extra_bufts = False
        return values

    native.llama_model_default_params = params
    try:
        yield
    finally:
        native.llama_model_default_params = default


@cache
def _llama_class() -> type:
    """``llama_cpp.Llama`` with the KV-cache reuse that ``prompt_cache`` allows."""
    from llama_cpp import Llama

    from peoa.llm.grammar_sampler import GreedyGrammarSampler

    class PeoaLlama(Llama):
        prompt_cache: PromptCache = "blocks"
        _prompt_tokens: tuple[int, ...] = ()  # the previous call's prompt

        def generate(self, tokens: Sequence[int], *args: Any, **kwargs: Any) -> Any:
            tokens = list(tokens)
            if self.prompt_cache != "prefix" and kwargs.get("reset", True):
                keep = 0
                if self.prompt_cache == "blocks":
                    cached = self._prompt_tokens[: self.n_tokens]
                    keep = reusable_prefix(cached, tokens, self.n_batch)
                if keep:
                    # Llama.generate then keeps exactly these tokens' KV entries (all
                    # of them match) and decodes the rest from a block boundary.
                    self.n_tokens = keep
                else:
                    self.reset()
            self._prompt_tokens = tuple(tokens)
            return super().generate(tokens, *args, **kwargs)

        def _init_sampler(self, **options: Any) -> Any:  # type: ignore[override]  # takes llama_cpp's keywords as **options
            grammar = options.get("grammar")
            plain_greedy = (
                options.get("temp") == 0.0
                and options.get("logits_processor") is None
                and options.get("repeat_penalty", 1.0) == 1.0
                and options.get("frequency_penalty", 0.0) == 0.0
                and options.get("presence_penalty", 0.0) == 0.0
            )
            if grammar is not None and plain_greedy:
                return GreedyGrammarSampler(self._model.vocab, grammar._grammar, grammar._root)
            return super()._init_sampler(**options)

    return PeoaLlama


def load_llama(
    path: Path,
    *,
    adapter: str | None,
    n_ctx: int,
    n_threads: int,
    n_batch: int = 64,
    prompt_cache: PromptCache = "blocks",
    lora: LoraMode = "merge",
) -> Any:
    """The shared ``llama_cpp.Llama`` for this file, adapter (applied as ``lora`` says),
    context and batch sizes, thread count and KV-cache policy (:data:`PromptCache`)."""
    key = (str(path), adapter, n_ctx, n_threads, n_batch, prompt_cache, lora)
    with _load_lock:
        if key not in _instances:
            Llama = _llama_class()
            model_path, lora_path = path, None
            if adapter is not None:
                if not Path(adapter).is_file():
                    # Not a file: a name registered by the `distill train` command.
                    from peoa.llm.adapters import resolve_adapter

                    adapter = str(resolve_adapter(adapter))
                if lora == "merge":
                    model_path = _merged(path, Path(adapter))
                else:
                    lora_path = adapter
            try:
                with amx_safe_loading():
                    _instances[key] = Llama(
                        model_path=str(model_path),
                        lora_path=lora_path,
                        n_ctx=n_ctx,
                        n_threads=n_threads,
                        n_threads_batch=n_threads,
                        n_batch=n_batch,
                        verbose=False,
                    )
            except (ValueError, RuntimeError) as error:
                raise ModelError(f"llama.cpp could not load {path.name}: {error}") from None
            _instances[key].prompt_cache = prompt_cache
            _generation_locks[id(_instances[key])] = threading.Lock()
        return _instances[key]


def _merged(path: Path, adapter: Path) -> Path:
    from peoa.llm.merge import merged_model

    try:
        return merged_model(path, adapter)
    except AdapterError as error:
        raise ModelError(f"cannot apply adapter {adapter.name} to {path.name}: {error}") from None


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
        n_batch: int = 64,
        prompt_cache: PromptCache = "blocks",
        lora: LoraMode = "merge",
        **defaults: Any,
    ) -> None:
        super().__init__(name, **defaults)
        self.path = path
        self.n_ctx = n_ctx
        self.n_threads = n_threads or os.cpu_count() or 1
        self.n_batch = n_batch
        self.prompt_cache: PromptCache = prompt_cache
        self.lora: LoraMode = lora

    def model(self, adapter: str | None = None) -> Any:
        return load_llama(
            self.path,
            adapter=adapter,
            n_ctx=self.n_ctx,
            n_threads=self.n_threads,
            n_batch=self.n_batch,
            prompt_cache=self.prompt_cache,
            lora=self.lora,
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
