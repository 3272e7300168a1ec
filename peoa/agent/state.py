"""The meta-agent's state: one typed object that every node reads and updates."""

from __future__ import annotations

import operator
from typing import Annotated, Any, TypedDict

__all__ = ["SolveState"]


class SolveState(TypedDict, total=False):
    """Everything a solve knows. Values are JSON-ready dicts so checkpoints stay portable.

    ``conversation`` accumulates across the turns of a thread (its reducer appends);
    every other key belongs to the current question and is reset when one starts.
    """

    question: str
    conversation: Annotated[list[dict[str, Any]], operator.add]  # earlier turns: q, answer, unit
    candidate_tools: list[dict[str, Any]]  # {"name", "description", "score"}, best first
    steps: list[dict[str, Any]]  # StepRecord dicts, in order
    pending: dict[str, Any] | None  # the step to run next: expert, sub_task, tool, index, ...
    revisions: int  # revisions spent on this question
    trace: list[dict[str, Any]]  # the action generator's LLMCall dicts
    outcome: dict[str, Any] | None  # how the turn ended: action, answer_step, message
    solution: dict[str, Any] | None  # the Solution, once written
