"""What a solve returns and what it streams: pydantic models, JSON-ready."""

from __future__ import annotations

import uuid
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

from peoa.experts.base import Citation, ExpertResult, InjectionFlag, LLMCall
from peoa.planning.model import Plan

__all__ = [
    "SOLUTION_ID_SEPARATOR",
    "GivenValue",
    "PartAnswer",
    "RunUsage",
    "Solution",
    "StepEvent",
    "StepRecord",
]


# Between the thread's id and the random part of a solution's id: a character that the
# server's thread ids (peoa.server.schemas.THREAD_ID_PATTERN) and uuids never contain.
SOLUTION_ID_SEPARATOR = "~"


class StepRecord(BaseModel):
    """One expert step as it ran, with its validation."""

    index: int  # 1-based step number, unique in the solve; revisions keep it
    expert: str
    sub_task: str
    case: int = 0  # which independent case of the question it belongs to
    plan: str | None = None  # the plan it is a step of ("p1"), None for a lone step
    plan_step: int | None = None  # its index within that plan
    revision: int = 0  # 0 for the first attempt
    feedback: str | None = None  # what the revision was asked to fix
    result: ExpertResult
    valid: bool = False
    validation_errors: list[str] = []
    checked: bool = False  # validation has run on this attempt
    # The steps whose results this one builds on; None: every earlier step (a sequence).
    depends_on: list[int] | None = None
    started_at: float | None = None  # wall-clock seconds (epoch) when the expert started
    finished_at: float | None = None

    def builds_on(self, index: int) -> bool:
        """Whether revising step ``index`` invalidates this step."""
        if self.depends_on is None:
            return index < self.index
        return index in self.depends_on

    def summary(self) -> str:
        """One line for the trace: the step, and what it gave or why it failed."""
        head = f"step {self.index} ({self.expert}): {self.sub_task}"
        if not self.valid:
            why = "; ".join(self.validation_errors) or self.result.error or "failed"
            return f"{head} -> FAILED: {why}"
        if self.result.answer is not None:
            outputs = (
                ", ".join(
                    f"{name} = {q.value:.6g} {q.unit}"
                    for name, q in list(self.result.outputs.items())[:4]
                )
                or f"{self.result.answer.value:.6g} {self.result.answer.unit}"
            )
            return f"{head} -> {outputs}"
        return f"{head} -> {self.result.text[:160]}"


class RunUsage(BaseModel):
    """What one solve cost."""

    llm_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    tool_calls: int = 0
    revisions: int = 0
    latency_s: float = 0.0
    model_time_s: float = 0.0
    tool_time_s: float = 0.0


class GivenValue(BaseModel):
    """A value the question gives, as the reading read it (for the calculation sheet)."""

    id: str  # the mention id a plan's bindings name ("m1")
    written: str  # as the question writes it ("35 m")
    value: float
    unit: str
    describes: str = ""  # the noun phrase it describes ("total head")


class PartAnswer(BaseModel):
    """The answer to one of the independent questions a split question asks."""

    question: str
    status: Literal["answered", "failed"]
    answer: float | None = None
    unit: str | None = None
    si_answer: float | None = None
    si_unit: str | None = None
    step: int
    text: str = ""


class Solution(BaseModel):
    """PEOA's answer to one question."""

    question: str
    thread_id: str
    id: str = Field(
        "",
        description="This answer's id (GET /v1/solutions/{id}/sheet gives its calculation "
        "sheet): the thread's id, '~' and a random part, so that the answer is found in "
        "its thread's memory.",
    )
    status: Literal["answered", "clarification", "failed"]
    answer: float | None = Field(
        None,
        description="The number in the unit shown: the asked unit, else the engineer's "
        "customary one (full precision); null when there is none.",
    )
    unit: str | None = None
    si_answer: float | None = Field(None, description="The same number in SI base units.")
    si_unit: str | None = None
    text: str = ""
    steps: list[StepRecord] = []
    citations: list[Citation] = []
    trace: list[LLMCall] = Field(default_factory=list, description="Action-generator calls.")
    usage: RunUsage = RunUsage()
    candidate_tools: list[str] = Field(
        default_factory=list, description="Tools retrieved for the question, best first."
    )
    resolved_question: str | None = Field(
        None, description="A follow-up rewritten as a self-contained question, when it was."
    )
    plans: list[Plan] = Field(
        default_factory=list,
        description="The plans run, in order: each step's tool and where each argument came "
        "from (a value of the question, an earlier step, a substance it names).",
    )
    parts: list[PartAnswer] = Field(
        default_factory=list,
        description="For a question asking the same thing for several cases: one answer each "
        "(then `answer` is null).",
    )
    given: list[GivenValue] = Field(
        default_factory=list, description="The values the question gives, as read."
    )
    injection: list[InjectionFlag] = Field(
        default_factory=list,
        description="Retrieved passages that read like orders to the model (prompt "
        "injection), from every step; an expert shows them only marked as text to report.",
    )

    @model_validator(mode="after")
    def _named(self) -> Solution:
        if not self.id:
            self.id = f"{self.thread_id}{SOLUTION_ID_SEPARATOR}{uuid.uuid4().hex[:16]}"
        return self


class StepEvent(BaseModel):
    """One thing that happened during a solve, as ``Assistant.stream`` yields it."""

    kind: Literal["plan", "step", "validation", "revision", "final"]
    data: dict[str, Any] = {}
