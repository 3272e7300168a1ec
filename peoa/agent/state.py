"""The meta-agent's state: one typed object that every node reads and updates.

Values are JSON-ready (pydantic models are stored dumped) so checkpoints stay portable;
the nodes validate them back into :class:`~peoa.reading.Reading`,
:class:`~peoa.planning.Plan` and :class:`~peoa.agent.solution.StepRecord`. What a stored
step holds is typed in :mod:`peoa.agent.records`.
"""

from __future__ import annotations

import operator
from typing import Annotated, Any, Literal, NotRequired

from langgraph.types import Overwrite

# typing_extensions' TypedDict: pydantic can validate a stored state against these
# (tests/agent/test_records.py does) only when they come from there on Python < 3.12.
from typing_extensions import TypedDict

from peoa.agent.records import ExpertResultData, LLMCallData, StepData

__all__ = [
    "CandidateTool",
    "Case",
    "Outcome",
    "PendingStep",
    "SolveState",
    "SolveUpdate",
    "merge_steps",
]


def merge_steps(left: list[StepData] | None, right: list[StepData] | None) -> list[StepData]:
    """Reducer of ``steps``: a record replaces the one with its (index, revision), else appends.

    Independent steps run at the same time and each returns only its own record;
    validation returns the records it checked. Start a new question with
    ``Overwrite([])``.
    """
    merged = list(left or [])
    where = {(s["index"], s.get("revision", 0)): i for i, s in enumerate(merged)}
    for step in right or []:
        key = (step["index"], step.get("revision", 0))
        if key in where:
            merged[where[key]] = step
        else:
            where[key] = len(merged)
            merged.append(step)
    return merged


class Case(TypedDict):
    """One independent question: the whole question, or one case of a split one."""

    question: str
    reading: dict[str, Any]  # its Reading, dumped
    route: Literal["numeric", "text"]
    plans: list[dict[str, Any]]  # the planner's Plans, dumped, best first
    plan: int  # index of the plan being run; -1 before one is chosen
    offset: int  # step index of the running plan's step 0 (its steps are offset + i)
    tried: list[str]  # why each earlier plan failed
    status: Literal["running", "answered", "failed"]


class PendingStep(TypedDict, total=False):
    """A step to run next: a plan step, a knowledge question or a code step."""

    index: int
    expert: str
    sub_task: str
    case: int
    plan: str | None
    plan_step: int | None
    depends_on: list[int] | None
    revision: int
    feedback: str | None
    previous: ExpertResultData | None


class CandidateTool(TypedDict):
    """A tool retrieved for the question (a :class:`~peoa.graph.retrieve.ToolHit`, dumped)."""

    name: str
    topic: NotRequired[str | None]
    description: NotRequired[str | None]
    score: float


class Outcome(TypedDict, total=False):
    """How a turn ended before its steps: asked to clarify, or sent to ``finish``."""

    action: Literal["clarify", "final_answer", "failed"]
    message: str  # what to tell the user when it asks them to clarify


class _QuestionState(TypedDict, total=False):
    """The keys that a node's update writes as they are (no reducer)."""

    question: str
    reading: dict[str, Any] | None  # the question's one Reading, dumped
    candidate_tools: list[CandidateTool]  # best first
    cases: list[Case]
    pending: list[PendingStep]  # the steps to run next, independent of each other
    step: PendingStep  # in one run_expert branch: the pending step it runs
    next_index: int  # the next free step index
    revisions: int  # plan changes and revisions spent on this question
    trace: list[LLMCallData]  # the action generator's calls
    outcome: Outcome | None
    # The Solution, dumped, once written: the server reads it back from the checkpoints
    # (peoa.server.routes.solutions) as the dict that Solution.model_validate takes.
    solution: dict[str, Any] | None


class SolveState(_QuestionState, total=False):
    """Everything a solve knows.

    ``conversation`` accumulates across the turns of a thread (its reducer appends);
    every other key belongs to the current question and is reset when one starts.
    """

    # Earlier turns (question, answer, unit, text, status, resolved): dicts, as the reading
    # layer takes the previous one (peoa.reading.read_question).
    conversation: Annotated[list[dict[str, Any]], operator.add]
    steps: Annotated[list[StepData], merge_steps]  # every attempt, in order of arrival


class SolveUpdate(_QuestionState, total=False):
    """What a node returns: any keys of the state; ``steps`` may be reset with ``Overwrite``."""

    conversation: list[dict[str, Any]]  # this turn, appended by the reducer
    steps: list[StepData] | Overwrite
