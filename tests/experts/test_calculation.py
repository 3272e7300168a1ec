"""The calculation expert with the real local model, the real tools and their real errors.

A plan step's arguments are bound before the expert runs it; the model is asked only to
choose among rival values, by id, under a grammar whose enum is the ids.
"""

from __future__ import annotations

import pytest

from peoa.experts import ExpertTask
from peoa.planning import Planner, PlanStep, QuantityGraph
from peoa.reading import Reading, read_question
from peoa.tools import get_registry

PIPE = (
    "Water with density 998 kg/m3 and viscosity 1.002 mPa*s flows at 2 m/s through a pipe "
    "of 50 mm inner diameter. What is the Reynolds number?"
)


def _planned(question: str) -> tuple[Reading, PlanStep]:
    registry = get_registry()
    reading = read_question(question)
    plan = Planner(registry, QuantityGraph.from_registry(registry)).plan(reading)[0]
    assert len(plan.steps) == 1
    return reading, plan.steps[0]


def test_a_bound_step_runs_its_tool_without_the_model(experts) -> None:  # type: ignore[no-untyped-def]
    reading, step = _planned(PIPE)
    result = experts["calculation"].run(
        ExpertTask(question=PIPE, sub_task=step.sub_task, reading=reading, step=step)
    )
    assert result.ok, result.error
    assert result.llm_calls == []
    call = result.tool_calls[-1]
    assert call.tool == "reynolds_number" and call.error is None
    assert call.arguments["diameter"] == {"value": 50.0, "unit": "mm"}
    assert result.answer is not None
    assert result.answer.value == pytest.approx(998 * 2 * 0.050 / 1.002e-3, rel=1e-9)
    assert result.citations[0].text == get_registry().get("reynolds_number").reference


def test_the_model_chooses_among_rival_values_by_id(experts, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    question = (
        "A compressor takes air at 1.0 bar absolute and 300 K and delivers it at 4.0 bar "
        "absolute; k = 1.4 and the isentropic efficiency is 0.8. What is the discharge "
        "temperature in K?"
    )
    reading, step = _planned(question)
    inlet, outlet = step.binding("P1"), step.binding("P2")
    assert inlet is not None and outlet is not None
    # The two pressures contest each other: the model chooses P1, P2 takes what is left.
    contested = {
        "P1": inlet.model_copy(update={"rivals": outlet.mentions}),
        "P2": outlet.model_copy(update={"rivals": inlet.mentions}),
    }
    step = step.model_copy(update={"bindings": tuple(
        contested.get(b.argument, b) for b in step.bindings)})  # fmt: skip
    expert = experts["calculation"]
    # Choosing among rivals is off by default (measured worse than the ranking); on here.
    options = {**expert.manifest.options, "choose_rivals": True}
    monkeypatch.setattr(expert, "manifest", expert.manifest.model_copy(update={"options": options}))
    result = expert.run(
        ExpertTask(question=question, sub_task=step.sub_task, reading=reading, step=step)
    )
    assert [c.purpose for c in result.llm_calls] == ["choose P1"]
    assert result.llm_calls[0].completion_tokens > 0
    arguments = result.tool_calls[-1].arguments
    written = {reading.mention(m).value for m in (*inlet.mentions, *outlet.mentions)}
    assert {arguments["P1"]["value"], arguments["P2"]["value"]} == written


def test_a_refused_call_fails_the_step_with_the_tools_reason(experts) -> None:  # type: ignore[no-untyped-def]
    question = (  # a temperature cross: the tool refuses, the expert says why
        "Hot oil enters a counter-current exchanger at 80 °C and leaves at 60 °C; the cooling "
        "water enters at 70 °C and leaves at 90 °C. What is the log mean temperature "
        "difference in K?"
    )
    reading, step = _planned(question)
    result = experts["calculation"].run(
        ExpertTask(question=question, sub_task=step.sub_task, reading=reading, step=step)
    )
    assert not result.ok
    assert "hx_lmtd refused the call" in (result.error or "")
    assert "temperature cross" in (result.tool_calls[-1].error or "")


def test_a_task_without_a_plan_step_is_a_clear_failure(experts) -> None:  # type: ignore[no-untyped-def]
    result = experts["calculation"].run(ExpertTask(question=PIPE, sub_task=PIPE))
    assert not result.ok and "runs plan steps" in (result.error or "")
