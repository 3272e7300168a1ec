"""The meta-agent's state: one typed object that every node reads and updates."""

from __future__ import annotations

import operator
from typing import Annotated, Any, TypedDict

__all__ = ["SolveState", "merge_steps"]


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


class SolveState(TypedDict, total=False):
    """Everything a solve knows. Values are JSON-ready dicts so checkpoints stay portable.

    ``conversation`` accumulates across the turns of a thread (its reducer appends);
    every other key belongs to the current question and is reset when one starts.
    """

    question: str
    resolved_question: str | None  # a follow-up rewritten as a self-contained question
    conversation: Annotated[list[dict[str, Any]], operator.add]  # earlier turns: q, answer, unit
    candidate_tools: list[dict[str, Any]]  # {"name", "description", "score"}, best first
    steps: Annotated[list[dict[str, Any]], merge_steps]  # StepRecord dicts, in order of arrival
    pending: list[dict[str, Any]]  # the steps to run next, independent of each other
    step: dict[str, Any]  # in one run_expert branch: the pending step it runs
    parts: list[str]  # the independent questions a split question asks, one per first step
    revisions: int  # revisions spent on this question
    trace: list[dict[str, Any]]  # the action generator's LLMCall dicts
    outcome: dict[str, Any] | None  # how the turn ended: action, answer_step, message
    solution: dict[str, Any] | None  # the Solution, once written
