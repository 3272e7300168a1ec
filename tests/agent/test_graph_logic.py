"""The meta-agent's nodes and routers on real readings and plans, without a model.

The calculation expert runs its tools for real; its model is a stand-in that fails the
test if it is ever asked, because a step whose values have no rivals is bound without
one. The planner is the real one, over the tools' own declarations.
"""

from __future__ import annotations

from typing import Any

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from peoa.agent.definitions import load_definitions
from peoa.agent.graph import (
    AgentContext,
    after_prepare,
    after_validate,
    build_graph,
    finish,
    next_plan,
    prepare,
    schedule,
    validate,
)
from peoa.agent.solution import Solution, StepRecord
from peoa.experts.base import ExpertResult, ExpertTask, Quantity
from peoa.experts.calculation import CalculationExpert
from peoa.experts.registry import discover_manifests
from peoa.planning import Planner, QuantityGraph
from peoa.tools import get_registry

PUMP = (
    "A centrifugal pump delivers 20 m3/h of water (density 998 kg/m3) against a total head "
    "of 35 m. The pump efficiency is 70 %. What brake power does the pump need, in kW?"
)


class _NoModel:
    """Stands in for the calculation role's model where none may be asked."""

    name = "no-model"

    def structured(self, *args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the model was asked although no value had a rival")


class _Lone:
    """An expert that records its task and answers with a fixed result (knowledge, code)."""

    def __init__(self, name: str, answer: Quantity | None = None, text: str = "ok") -> None:
        from peoa.experts.base import ExpertManifest

        self.manifest = ExpertManifest(name=name, description=name, runtime=name, role=name)
        self.name = name
        self.answer, self.text = answer, text
        self.tasks: list[ExpertTask] = []

    def run(self, task: ExpertTask) -> ExpertResult:
        self.tasks.append(task)
        return ExpertResult(expert=self.name, sub_task=task.sub_task, ok=True, answer=self.answer,
                            outputs={"value": self.answer} if self.answer else {}, text=self.text)  # fmt: skip


@pytest.fixture(scope="module")
def planner() -> Planner:
    registry = get_registry()
    return Planner(registry, QuantityGraph.from_registry(registry))


def _ctx(
    planner: Planner, tools: list[dict[str, Any]] | None = None, **experts: Any
) -> AgentContext:
    meta, _ = load_definitions()
    calculation = CalculationExpert(discover_manifests()["calculation"], llm=_NoModel())  # type: ignore[arg-type]
    return AgentContext(
        meta=meta.model_copy(update={"policy": meta.policy.model_copy(update={"plan_choice": "rank"})}),
        generator=None,  # type: ignore[arg-type]  # plan_choice "rank": never asked
        experts={"calculation": calculation, **experts},
        find_tools=lambda question, k: tools if tools is not None else [{"name": "pump_power", "score": 0.9}],
        planner=planner,
        thread_id="t-1",
    )  # fmt: skip


def _solve(
    question: str, ctx: AgentContext, conversation: list[dict[str, Any]] | None = None
) -> Solution:
    graph = build_graph(ctx).compile(checkpointer=InMemorySaver())
    state = graph.invoke({"question": question, "conversation": conversation or []},
                         {"configurable": {"thread_id": "t"}, "recursion_limit": 60})  # fmt: skip
    return Solution.model_validate(state["solution"])


def test_empty_question_asks_for_clarification_without_a_model(planner: Planner) -> None:
    update = prepare({"question": "   "}, _ctx(planner))
    assert update["outcome"]["action"] == "clarify"
    assert after_prepare(update) == "finish"


def test_out_of_scope_question_is_clarified(planner: Planner) -> None:
    update = prepare({"question": "Who won the 1998 World Cup?"},
                     _ctx(planner, [{"name": "x", "score": 0.05}]))  # fmt: skip
    assert update["outcome"]["action"] == "clarify"


def test_prepare_reads_the_question_once_and_plans_it(planner: Planner) -> None:
    update = prepare({"question": PUMP}, _ctx(planner))
    assert update["reading"]["asked"]["unit"] == "kW"
    (case,) = update["cases"]
    assert case["route"] == "numeric" and case["plan"] == -1
    assert case["plans"][0]["steps"][-1]["tool"] == "pump_power"
    assert case["plans"][0]["steps"][-1]["output"] == "brake_power"


def test_a_bound_plan_is_solved_without_asking_a_model(planner: Planner) -> None:
    solution = _solve(PUMP, _ctx(planner))
    assert solution.status == "answered"
    assert solution.unit == "kW" and solution.answer == pytest.approx(2.7186, rel=1e-3)
    assert solution.usage.llm_calls == 0
    assert [p.describe() for p in solution.plans] == ["pump_power.brake_power"]
    assert solution.citations[0].source == "HI 1.3"


def test_a_failed_step_moves_to_the_next_plan_and_says_why(planner: Planner) -> None:
    ctx = _ctx(planner)
    state: dict[str, Any] = {**prepare({"question": PUMP}, ctx), "steps": []}
    case = state["cases"][0]
    # A second plan that names the answer as well (here: the same chain again).
    case["plans"] = [case["plans"][0], {**case["plans"][0], "id": "p2"}]
    state.update(schedule(state, ctx))
    first = state["pending"][0]
    failed = StepRecord(index=first["index"], expert="calculation", sub_task="x", case=0,
                        plan=first["plan"], plan_step=first["plan_step"], checked=True,
                        result=ExpertResult(expert="calculation", sub_task="x", ok=False,
                                            error="pump_power refused the call: test"))  # fmt: skip
    state["steps"] = [failed.model_dump(mode="json")]
    assert after_validate(state) == "next_plan"  # type: ignore[arg-type]
    moved = next_plan(state, ctx)  # type: ignore[arg-type]
    assert moved["cases"][0]["plan"] == 1
    assert "refused the call: test" in moved["cases"][0]["tried"][0]
    state.update(moved)
    state.update(schedule(state, ctx))
    assert state["pending"] and state["pending"][0]["index"] > first["index"]


def test_cases_asked_side_by_side_are_solved_as_parts(planner: Planner) -> None:
    solution = _solve(
        "What hydraulic power does a pump give water (density 998 kg/m3) for case A "
        "(20 m3/h, 30 m head) and for case B (40 m3/h, 25 m head), in kW?",
        _ctx(planner),
    )
    assert [p.status for p in solution.parts] == ["answered", "answered"]
    assert solution.parts[0].answer == pytest.approx(1.6315, rel=1e-3)
    assert solution.parts[1].answer == pytest.approx(2.7192, rel=1e-3)


def test_a_question_for_knowledge_goes_to_the_knowledge_expert(planner: Planner) -> None:
    knowledge = _Lone("knowledge", text="Conduction, convection and radiation.")
    solution = _solve(
        "Explain the three modes of heat transfer.", _ctx(planner, knowledge=knowledge)
    )
    assert solution.status == "answered" and solution.answer is None
    assert knowledge.tasks and "Conduction" in solution.text


def test_a_number_no_tool_chain_reaches_goes_to_the_code_expert_with_its_values(
    planner: Planner,
) -> None:
    code = _Lone("code", answer=Quantity(value=30.0, unit="m**3"))
    question = (
        "A tank holds 12.0 m³ of gas at 5.0 bar; it is expanded isothermally to 2.0 bar. "
        "What is the final volume in m³?"
    )
    ctx = _ctx(planner, code=code)
    ctx.meta = ctx.meta.model_copy(
        update={"policy": ctx.meta.policy.model_copy(update={"code_expert": "code"})}
    )
    solution = _solve(question, ctx)
    (task,) = code.tasks
    assert {v["unit"] for v in task.inputs.values()} == {"m³", "bar"}
    assert solution.status == "answered" and solution.answer == pytest.approx(30.0)


def test_by_default_a_number_no_tool_chain_reaches_is_not_guessed(planner: Planner) -> None:
    code = _Lone("code", answer=Quantity(value=30.0, unit="m**3"))
    question = (
        "A tank holds 12.0 m³ of gas at 5.0 bar; it is expanded isothermally to 2.0 bar. "
        "What is the final volume in m³?"
    )
    solution = _solve(question, _ctx(planner, code=code))
    assert code.tasks == [] and solution.answer is None and solution.status == "failed"
    assert "volume" in solution.text


def test_a_question_without_data_is_asked_for_what_the_tools_need(planner: Planner) -> None:
    solution = _solve("What pump power do I need?", _ctx(planner))
    assert solution.status == "clarification" and solution.answer is None
    assert "needs" in solution.text and "density" in solution.text


def test_an_answer_that_leaves_given_data_out_is_withheld(planner: Planner) -> None:
    ctx = _ctx(planner)
    ctx.meta = ctx.meta.model_copy(
        update={"limits": ctx.meta.limits.model_copy(update={"max_unused_values": 0})}
    )
    solution = _solve(
        "Water (density 998 kg/m3) flows at 20 m3/h in a 80 m pipe of 50 mm inside diameter "
        "with 0.05 mm roughness, lifted 10 m. What hydraulic power, in kW, for a 30 m head?",
        ctx,
    )
    assert solution.status == "failed" and "no step used" in solution.text


def test_a_follow_up_is_solved_as_the_earlier_question_with_its_change(planner: Planner) -> None:
    earlier = [{"question": PUMP, "answer": 2.72, "unit": "kW", "status": "answered"}]
    solution = _solve("and with 40 m head instead?", _ctx(planner), earlier)
    assert solution.resolved_question is not None and "40 m" in solution.resolved_question
    assert solution.answer == pytest.approx(2.7186 * 40 / 35, rel=1e-3)


def test_validate_refuses_an_answer_that_cannot_be_given_in_the_asked_unit(
    planner: Planner,
) -> None:
    ctx = _ctx(planner)
    state: dict[str, Any] = {**prepare({"question": PUMP}, ctx), "steps": []}
    state.update(schedule(state, ctx))
    step = state["pending"][0]
    record = StepRecord(index=step["index"], expert="calculation", sub_task="x", case=0,
                        plan=step["plan"], plan_step=step["plan_step"],
                        result=ExpertResult(expert="calculation", sub_task="x", ok=True,
                                            answer=Quantity(value=3.0, unit="m")))  # fmt: skip
    checked = validate({**state, "steps": [record.model_dump(mode="json")]}, ctx)  # type: ignore[arg-type]
    assert "asks for the answer in kW" in checked["steps"][0]["validation_errors"][0]
    assert finish({**state, "steps": checked["steps"], "outcome": {"action": "final_answer"}},  # type: ignore[arg-type]
                  ctx)["solution"]["status"] == "failed"  # fmt: skip


def test_an_answer_for_another_state_than_the_one_given_is_withheld(planner: Planner) -> None:
    solution = _solve("What is the heat of vaporization of ethanol at 2 bar in kJ/kg?",
                      _ctx(planner, [{"name": "heat_of_vaporization", "score": 0.9}]))  # fmt: skip
    assert solution.status == "failed" and solution.answer is None
    assert "could have taken 2 bar" in solution.text
