"""The meta-agent's check for data a question gives and no step used, against problems
whose one right tool call is known: the teacher's problem bank, every template and
wording. Such a solution leaves nothing out, so the check must find nothing."""

from __future__ import annotations

import random

import pytest

from peoa.agent.coverage import unused_values
from peoa.agent.solution import StepRecord
from peoa.distill.templates import TEMPLATES, Problem
from peoa.experts.base import ExpertResult, ToolCall
from peoa.tools import get_registry

PROBLEMS = [
    template.sample(random.Random(seed), wording=wording)
    for template in TEMPLATES.values()
    for wording in range(len(template.wordings))
    for seed in range(2)
]


def _solved_by_its_tool(problem: Problem) -> StepRecord:
    call = ToolCall(tool=problem.tool, arguments=problem.arguments)
    result = ExpertResult(
        expert="calculation", sub_task=problem.question, ok=True, tool_calls=[call]
    )
    return StepRecord(index=1, expert="calculation", sub_task=problem.question, result=result)


@pytest.mark.parametrize("problem", PROBLEMS, ids=lambda p: f"{p.template}-{p.question[:30]}")
def test_a_problem_solved_by_its_tool_call_leaves_no_data_unused(problem: Problem) -> None:
    step = _solved_by_its_tool(problem)
    assert unused_values(problem.question, [step], get_registry()) == []


def test_a_left_out_argument_is_found_unused() -> None:
    problem = TEMPLATES["reynolds_number"].sample(random.Random(0), wording=0)
    step = _solved_by_its_tool(problem)
    step.result.tool_calls[0].arguments.pop("diameter")
    unused = unused_values(problem.question, [step], get_registry())
    assert unused is not None
    assert [w.value for w in unused] == [problem.arguments["diameter"]["value"]]


def test_a_knowledge_step_cannot_say() -> None:
    result = ExpertResult(expert="knowledge", sub_task="q", ok=True, text="API 520 says ...")
    step = StepRecord(index=1, expert="knowledge", sub_task="q", result=result)
    assert (
        unused_values("Relief at 10 barg: what does API 520 say?", [step], get_registry()) is None
    )
