"""What the meta-agent's state stores for a step: the JSON shape of each record, typed.

The state keeps JSON-ready values (so checkpoints stay portable and a streamed update is
what the API sends), and the nodes validate them back into the pydantic models they
come from. These TypedDicts say what each stored dict holds: field for field, the
``model_dump(mode="json")`` of its model (``tests/agent/test_records.py`` checks that the
two agree, so neither drifts from the other).
"""

from __future__ import annotations

from typing import Any, cast

# typing_extensions' TypedDict: pydantic validates a TypedDict (as the test does, against
# stored states) only when it comes from there on Python < 3.12.
from typing_extensions import TypedDict

from peoa.agent.solution import StepRecord
from peoa.experts.base import LLMCall

__all__ = [
    "CitationData",
    "ExpertResultData",
    "InjectionFlagData",
    "LLMCallData",
    "QuantityData",
    "StepData",
    "ToolCallData",
    "llm_call_data",
    "step_data",
]


class QuantityData(TypedDict):
    """A stored :class:`~peoa.experts.base.Quantity`."""

    value: float
    unit: str


class CitationData(TypedDict):
    """A stored :class:`~peoa.experts.base.Citation`."""

    source: str
    chunk_id: str | None
    section: str | None
    page: int | None
    text: str | None
    score: float | None


class InjectionFlagData(TypedDict):
    """A stored :class:`~peoa.experts.base.InjectionFlag`."""

    chunk_id: str
    source: str
    signs: list[str]
    shown_to_model: bool


class LLMCallData(TypedDict):
    """A stored :class:`~peoa.experts.base.LLMCall`."""

    role: str
    model: str
    adapter: str | None
    prompt_tokens: int
    completion_tokens: int
    latency_s: float
    purpose: str


class ToolCallData(TypedDict):
    """A stored :class:`~peoa.experts.base.ToolCall`."""

    tool: str
    arguments: dict[str, Any]  # whatever the tool takes: numbers, names, lists, quantities
    outputs: dict[str, Any]  # quantities, and the other values a tool returns
    method: str | None
    reference: str | None
    warnings: list[str]
    error: str | None
    latency_s: float


class ExpertResultData(TypedDict):
    """A stored :class:`~peoa.experts.base.ExpertResult`."""

    expert: str
    sub_task: str
    ok: bool
    answer: QuantityData | None
    outputs: dict[str, QuantityData]
    text: str
    citations: list[CitationData]
    injection: list[InjectionFlagData]
    tool_calls: list[ToolCallData]
    code: str | None
    stdout: str | None
    error: str | None
    llm_calls: list[LLMCallData]
    latency_s: float


class StepData(TypedDict):
    """A stored :class:`~peoa.agent.solution.StepRecord`: one attempt of one step."""

    index: int
    expert: str
    sub_task: str
    case: int
    plan: str | None
    plan_step: int | None
    revision: int
    feedback: str | None
    result: ExpertResultData
    valid: bool
    validation_errors: list[str]
    checked: bool
    depends_on: list[int] | None
    started_at: float | None
    finished_at: float | None


def step_data(record: StepRecord) -> StepData:
    """``record`` as the state stores it."""
    # The cast is what the shape test guards: a StepRecord's JSON dump is a StepData.
    return cast(StepData, record.model_dump(mode="json"))


def llm_call_data(call: LLMCall) -> LLMCallData:
    """``call`` as the state's trace stores it."""
    return cast(LLMCallData, call.model_dump(mode="json"))
