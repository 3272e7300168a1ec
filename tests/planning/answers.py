"""The planning tests' one way to solve a question without a model: read it, take the
planner's best plan, run it, and read the answer step's output."""

from __future__ import annotations

from typing import Any

from peoa.planning import Planner
from peoa.planning.execute import run_plan
from peoa.planning.model import Plan
from peoa.reading import read_question
from peoa.tools import get_registry


def solve(planner: Planner, question: str, unit: str | None = None) -> tuple[Plan, Any]:
    """The best plan for ``question`` and its answer (in ``unit`` when given)."""
    reading = read_question(question)
    plan = planner.plan(reading)[0]
    result = run_plan(plan, reading, get_registry())[plan.answer_step.index]
    return plan, result.value(plan.answer_step.output, unit or None)


def answer(planner: Planner, question: str, unit: str | None = None) -> tuple[str, Any]:
    """The best plan's name (``tool.output``, a chain's tools before it) and its answer."""
    plan, value = solve(planner, question, unit)
    return plan.describe(), value
