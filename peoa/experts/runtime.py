"""What every model-driven expert shares: its model, its prompts, and the trace of a run.

A :class:`ModelExpert` opens the model of its manifest's ``role`` on first use (or
takes one injected), fills the prompt templates of its folder, and records every
model call as an :class:`~peoa.experts.base.LLMCall`. A run keeps its own
:class:`Trace`, so one expert object can serve several runs at once.
"""

from __future__ import annotations

import json
import string
import time
from collections.abc import Sequence
from typing import Any, Self

from peoa.experts.base import Expert, ExpertManifest, ExpertResult, ExpertTask, LLMCall
from peoa.llm import LLM, Completion, StructuredOutputError

__all__ = ["ModelExpert", "Trace", "dumps", "format_value", "task_context"]


class Trace:
    """The model calls and the clock of one run."""

    def __init__(self) -> None:
        self.llm_calls: list[LLMCall] = []
        self.start = time.perf_counter()

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.start


def format_value(value: Any) -> str:
    """A number or ``{"value", "unit"}`` mapping as short text.

    >>> format_value({"value": 0.001002, "unit": "Pa*s"})
    '0.001002 Pa*s'
    >>> format_value(99620.71)
    '99620.7'
    """
    if isinstance(value, dict) and "value" in value:
        unit = value.get("unit") or ""
        return f"{format_value(value['value'])} {unit}".strip()
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def task_context(task: ExpertTask, *, question: bool = True) -> str:
    """The task as the lines a prompt shows: question, sub-task, known values, history."""
    lines = []
    # Written even when the sub-task is the question itself: measured on the dev set,
    # writing it once cost four right tool choices (and five right answers) of 83.
    if question:
        lines.append(f"Question: {task.question.strip()}")
    lines.append(f"Sub-task: {task.sub_task.strip()}")
    if task.inputs:
        known = "; ".join(f"{k} = {format_value(v)}" for k, v in task.inputs.items())
        lines.append(f"Known values: {known}")
    if task.history:
        lines.append("Earlier steps:\n" + "\n".join(task.history))
    return "\n".join(lines)


class ModelExpert(Expert):
    """An expert that talks to the model of its manifest's role."""

    def __init__(self, manifest: ExpertManifest, *, llm: LLM | None = None) -> None:
        super().__init__(manifest)
        self._llm = llm
        self._adapter: str | None = None
        self._adapter_checked: tuple[str | None, str] | None = None

    def with_manifest(self, manifest: ExpertManifest) -> Self:
        """A new expert of this runtime over ``manifest``, sharing this one's model (or,
        when it has opened none yet, opening the same per-process one on first use).

        Its other collaborators (a calculation expert's tool registry, a code expert's
        sandbox settings, a knowledge expert's retriever) are the runtime's defaults, as
        when :func:`~peoa.experts.load_experts` builds it.
        """
        return type(self)(manifest, llm=self._llm)

    @property
    def llm(self) -> LLM:
        """The role's model, opened on first use and shared per process."""
        if self._llm is None:
            from peoa.llm import get_llm

            self._llm = get_llm(self.manifest.role)
        return self._llm

    @property
    def adapter(self) -> str | None:
        """The manifest's LoRA adapter when it fits the role's model (see
        :func:`~peoa.llm.adapters.fitting_adapter`)."""
        from peoa.llm.adapters import fitting_adapter

        # Every model call asks, and the answer reads the adapter registries from disk:
        # keep it for as long as the manifest's adapter and the model stay the same.
        key = (self.manifest.adapter, self.llm.name)
        if self._adapter_checked != key:
            self._adapter = fitting_adapter(*key)
            self._adapter_checked = key
        return self._adapter

    def option(self, key: str, default: Any) -> Any:
        """A runtime setting from the manifest's ``[options]``, or ``default``."""
        return self.manifest.options.get(key, default)

    def prompt(self, key: str, **values: Any) -> str:
        """Prompt ``key`` of the expert's folder with its ``$placeholders`` filled."""
        template = string.Template(self.manifest.prompt(key))
        try:
            return template.substitute(values).strip()
        except KeyError as error:
            raise KeyError(
                f"prompt {key!r} of expert {self.name!r} uses ${error.args[0]}, "
                f"which this runtime does not provide (it gives {', '.join(values)})"
            ) from None

    def _record(self, trace: Trace, completion: Completion, purpose: str) -> None:
        trace.llm_calls.append(
            LLMCall(
                role=self.manifest.role,
                model=completion.model,
                adapter=completion.adapter,
                prompt_tokens=completion.usage.prompt_tokens,
                completion_tokens=completion.usage.completion_tokens,
                latency_s=completion.latency_s,
                purpose=purpose,
            )
        )

    def chat(
        self,
        trace: Trace,
        messages: Sequence[dict[str, str]],
        *,
        purpose: str,
        max_tokens: int | None = None,
        stop: list[str] | None = None,
    ) -> str:
        """Free text from the model; the call is recorded in ``trace``."""
        completion = self.llm.chat(
            list(messages),
            max_tokens=max_tokens or self.manifest.max_tokens,
            adapter=self.adapter,
            stop=stop,
        )
        self._record(trace, completion, purpose)
        return completion.text

    def structured(
        self,
        trace: Trace,
        messages: Sequence[dict[str, str]],
        schema: dict[str, Any],
        *,
        purpose: str,
        max_tokens: int | None = None,
    ) -> Any:
        """JSON constrained by ``schema``; the call is recorded in ``trace``.

        Raises :class:`~peoa.llm.StructuredOutputError` when the output is not JSON
        (usually cut off by ``max_tokens``); the failed call is recorded too.
        """
        start = time.perf_counter()
        try:
            data, completion = self.llm.structured(
                list(messages),
                schema,
                max_tokens=max_tokens or self.manifest.max_tokens,
                adapter=self.adapter,
            )
        except StructuredOutputError:
            trace.llm_calls.append(
                LLMCall(
                    role=self.manifest.role,
                    model=self.llm.name,
                    adapter=self.adapter,
                    latency_s=time.perf_counter() - start,
                    purpose=f"{purpose} (invalid JSON)",
                )
            )
            raise
        self._record(trace, completion, purpose)
        return data

    def finish(self, task: ExpertTask, trace: Trace, **fields: Any) -> ExpertResult:
        """The run's :class:`ExpertResult`, with the trace's calls and elapsed time."""
        return ExpertResult(
            expert=self.name,
            sub_task=task.sub_task,
            llm_calls=trace.llm_calls,
            latency_s=trace.elapsed,
            **fields,
        )


def dumps(value: Any) -> str:
    """Compact JSON for prompts (fewer tokens than the indented form)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=str)
