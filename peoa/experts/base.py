"""The contract between the meta-agent and its experts.

An expert is declared by a folder ``experts/<name>/`` holding ``expert.toml`` (its
:class:`ExpertManifest`) and its prompt files. The manifest's ``runtime`` names the
Python class that runs it; runtimes register through the ``peoa.experts``
entry-point group, the built-ins included, so a new expert of an existing kind
is a new folder and nothing else.

A runtime subclasses :class:`Expert` and implements :meth:`Expert.run`, which
takes an :class:`ExpertTask` and returns an :class:`ExpertResult`. A task carries the
question's one reading (:class:`~peoa.reading.Reading`) and, for a step of a plan, the
:class:`~peoa.planning.PlanStep` with its bound arguments and the outputs of the steps
it builds on. On a revision the task carries the failed result and the validator's
feedback, and the expert repairs its own output.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field

from peoa.planning.model import PlanStep
from peoa.reading.model import Reading

# The one number-with-a-unit of tools, reading and experts (issue #23): re-exported here
# because an expert's answer and tool calls are made of it.
from peoa.tools.quantity import Quantity

__all__ = [
    "Citation",
    "Expert",
    "ExpertManifest",
    "ExpertResult",
    "ExpertTask",
    "InjectionFlag",
    "LLMCall",
    "Quantity",
    "ToolCall",
]


class Citation(BaseModel):
    """Where a fact came from: a graph chunk or a tool's reference."""

    source: str  # document title/path or tool name
    chunk_id: str | None = None
    section: str | None = None
    page: int | None = None
    text: str | None = None  # the quoted passage, short
    score: float | None = None


class InjectionFlag(BaseModel):
    """A retrieved passage that reads like orders to the model (see ``peoa.graph.injection``).

    The passage stays data: it is recorded here so the trace shows the attempt, and what
    stops an obeyed order is the sandbox and the tool allowlist.
    """

    chunk_id: str
    source: str  # the document it came from
    signs: list[str]  # the kinds of instruction found, e.g. "asks to run commands"
    shown_to_model: bool  # whether the passage went into the expert's prompt


class LLMCall(BaseModel):
    """One model call, for the trace."""

    role: str
    model: str
    adapter: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_s: float = 0.0
    purpose: str = ""  # e.g. "choose tool", "fill arguments", "write code"


class ToolCall(BaseModel):
    """One call of an engineering tool, as the expert made it."""

    tool: str
    arguments: dict[str, Any]
    outputs: dict[str, Quantity | Any] = {}
    method: str | None = None
    reference: str | None = None
    warnings: list[str] = []
    error: str | None = None
    latency_s: float = 0.0


class ExpertTask(BaseModel):
    """What the meta-agent asks an expert to do."""

    question: str  # the user's whole question, for context
    sub_task: str  # what this step must produce
    # values passed on by name (may include Quantity dicts): a code step's variables
    inputs: dict[str, Any] = {}
    history: list[str] = []  # one line per earlier step: "step 1 (calculation): Re = 1.2e5"
    reading: Reading | None = None  # the question's one reading
    step: PlanStep | None = None  # the plan step to run, its arguments bound
    prior: dict[int, dict[str, Quantity]] = {}  # outputs of the steps it builds on, by step
    feedback: str | None = None  # on a revision: what was wrong with `previous`
    previous: ExpertResult | None = None
    attempt: int = 1


class ExpertResult(BaseModel):
    """What an expert produced for one step."""

    model_config = ConfigDict(extra="forbid")

    expert: str
    sub_task: str
    ok: bool
    answer: Quantity | None = None  # the step's main number
    outputs: dict[str, Quantity] = {}  # every named number the step produced
    text: str = ""  # explanation, or the knowledge expert's answer
    citations: list[Citation] = []
    # retrieved passages that read like orders to the model, for the trace
    injection: list[InjectionFlag] = []
    tool_calls: list[ToolCall] = []
    code: str | None = None
    stdout: str | None = None
    error: str | None = None  # one line: why the step failed
    llm_calls: list[LLMCall] = []
    latency_s: float = 0.0


class ExpertManifest(BaseModel):
    """``experts/<name>/expert.toml``."""

    model_config = ConfigDict(extra="forbid")

    name: str
    description: str  # what the action generator reads to choose this expert
    runtime: str  # entry-point name in the ``peoa.experts`` group
    role: str  # model role in the configuration ([models] <role> = "...")
    adapter: str | None = None  # a registered LoRA adapter name, or None for the base model
    tools: list[str] = []  # tool names or "topic:<topic>"; empty means none
    max_revisions: int = Field(2, ge=0, le=10)
    max_tokens: int = Field(512, ge=16)
    prompts: dict[str, str] = {}  # prompt name -> file name inside the folder
    options: dict[str, Any] = {}  # runtime-specific settings
    folder: Path | None = Field(None, exclude=True)

    def prompt(self, key: str) -> str:
        """The text of prompt ``key``, read from the expert's folder."""
        if self.folder is None or key not in self.prompts:
            raise KeyError(f"expert {self.name!r} declares no prompt {key!r}")
        return (self.folder / self.prompts[key]).read_text()


class Expert(ABC):
    """A runtime for experts of one kind. Subclasses implement :meth:`run` only."""

    def __init__(self, manifest: ExpertManifest) -> None:
        self.manifest = manifest

    @property
    def name(self) -> str:
        return self.manifest.name

    def with_manifest(self, manifest: ExpertManifest) -> Self:
        """A new expert of this runtime over ``manifest`` (another adapter or revision
        limit, say), built through the constructor; this one is left as it is.

        A runtime whose constructor takes more than the manifest overrides this to pass
        on what the new expert should share with this one.
        """
        return type(self)(manifest)

    @abstractmethod
    def run(self, task: ExpertTask) -> ExpertResult:
        """Carry out ``task``; never raise for a failure the meta-agent can act on:
        return ``ok=False`` with ``error`` set instead."""
