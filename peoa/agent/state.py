"""The meta-agent's state: one typed object that every node reads and updates.

Values are JSON-ready (pydantic models are stored dumped) so checkpoints stay portable;
the nodes validate them back into :class:`~peoa.reading.Reading`,
:class:`~peoa.planning.Plan` and :class:`~peoa.agent.solution.StepRecord`.
"""

from __future__ import annotations

import operator
from typing import Annotated, Any, Literal, TypedDict

__all__ = ["Case", "PendingStep", "SolveState", "merge_steps"]


def merge_steps(
    left: list[dict[str, Any]] | None, right: list[dict[str, Any]] | None
) -> list[dict[str, Any]]:
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
    reading: dict[str, Any]  # its Reading
    route: Literal["numeric", "text"]
    plans: list[dict[str, Any]]  # the planner's Plans, best first
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
    previous: dict[str, Any] | None


class SolveState(TypedDict, total=False):
    """Everything a solve knows.

    ``conversation`` accumulates across the turns of a thread (its reducer appends);
    every other key belongs to the current question and is reset when one starts.
    """

    question: str
    reading: dict[str, Any] | None  # the question's one Reading
    conversation: Annotated[list[dict[str, Any]], operator.add]  # earlier turns
    candidate_tools: list[dict[str, Any]]  # {"name", "description", "score"}, best first
    cases: list[Case]
    steps: Annotated[list[dict[str, Any]], merge_steps]  # StepRecord dicts, in order of arrival
    pending: list[PendingStep]  # the steps to run next, independent of each other
    step: PendingStep  # in one run_expert branch: the pending step it runs
    next_index: int  # the next free step index
    revisions: int  # plan changes and revisions spent on this question
    trace: list[dict[str, Any]]  # the action generator's LLMCall dicts
    outcome: dict[str, Any] | None  # how the turn ended: action, message
    solution: dict[str, Any] | None  # the Solution, once written
