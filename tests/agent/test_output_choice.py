"""The answer is the tool output the question names (no model involved).

The tool runs for real (``heat_of_combustion`` through the registry, with the
``chemicals`` library); only the expert's choice among its outputs is set by hand, to
the wrong ones a small model has made.
"""

from __future__ import annotations

from typing import Any

import pytest

from peoa.agent.definitions import load_definitions
from peoa.agent.graph import AgentContext, finish, validate
from peoa.agent.solution import Solution, StepRecord
from peoa.evaluation import load_dataset, score_answer
from peoa.experts import load_experts
from peoa.experts.base import ExpertResult, ExpertTask, Quantity, ToolCall
from peoa.experts.output_choice import asking_sentence, named_outputs
from peoa.experts.runtime import Trace
from peoa.paths import resource_dir
from peoa.tools import get_registry

LHV = (
    "What is the lower heating value (net heat of combustion) of methane at 25 °C, in MJ/kg, "
    "from standard heats of formation?"
)


def _ctx() -> AgentContext:
    meta, _ = load_definitions()
    return AgentContext(meta=meta, generator=None, experts={}, find_tools=lambda q, k: [])  # type: ignore[arg-type]


def _dev(item_id: str) -> Any:
    items, _ = load_dataset(resource_dir("datasets") / "dev.jsonl")
    return next(item for item in items if item.id == item_id)


def _step_with(tool: str, arguments: dict[str, Any], question: str, chosen: str) -> dict[str, Any]:
    """A step whose tool really ran, answered with the output ``chosen``."""
    ran = get_registry().run(tool, arguments)
    outputs = {n: Quantity(value=float(o.value), unit=o.unit)
               for n, o in ran.outputs.items() if o.unit is not None}  # fmt: skip
    result = ExpertResult(expert="calculation", sub_task=question, ok=True,
                          answer=outputs[chosen], outputs=outputs,
                          tool_calls=[ToolCall(tool=tool, arguments=arguments)])  # fmt: skip
    return StepRecord(index=1, expert="calculation", sub_task=question, result=result).model_dump(
        mode="json"
    )


@pytest.mark.parametrize("chosen", ["LHV", "HHV_mass", "HHV", "LHV_mass"])
def test_the_lower_heating_value_asked_in_mj_per_kg_is_lhv_mass(chosen: str) -> None:
    item = _dev("balances-001")
    state: dict[str, Any] = {
        "question": item.question,
        "steps": [_step_with("heat_of_combustion", {"fuel": "methane"}, item.question, chosen)],
    }
    record = StepRecord.model_validate(validate(state, _ctx())["steps"][0])
    assert record.valid, record.validation_errors
    done = {**state, "steps": [record.model_dump(mode="json")],
            "outcome": {"action": "final_answer", "answer_step": 1}}  # fmt: skip
    solution = Solution.model_validate(finish(done, _ctx())["solution"])
    correct, unit_ok = score_answer(
        solution.answer, solution.unit, item.answer, item.unit, item.rel_tol
    )
    assert correct and unit_ok, (chosen, solution.answer, solution.unit)


def test_the_higher_heating_value_stays_higher() -> None:
    question = LHV.replace("lower heating value (net", "higher heating value (gross")
    state = {"steps": [_step_with("heat_of_combustion", {"fuel": "methane"}, question, "LHV")]}
    record = StepRecord.model_validate(validate(state, _ctx())["steps"][0])
    assert record.result.answer == record.result.outputs["HHV_mass"]


def test_an_unnamed_choice_of_the_right_dimension_is_kept() -> None:
    question = "What heating value does methane have, in MJ/kg?"
    state = {"steps": [_step_with("heat_of_combustion", {"fuel": "methane"}, question, "HHV_mass")]}
    record = StepRecord.model_validate(validate(state, _ctx())["steps"][0])
    assert record.valid and record.result.answer == record.result.outputs["HHV_mass"]


def test_the_cold_outlet_asked_in_degc_is_taken_over_ntu() -> None:
    item = _dev("heat_exchangers-006")
    # 10000 W/K and 12000 W/K as 1 kg/s at those heat capacities.
    arguments = {
        "hot_mass_flow": {"value": 1.0, "unit": "kg/s"},
        "hot_cp": {"value": 10000.0, "unit": "J/kg/K"},
        "cold_mass_flow": {"value": 1.0, "unit": "kg/s"},
        "cold_cp": {"value": 12000.0, "unit": "J/kg/K"},
        "T_hot_in": {"value": 90.0, "unit": "degC"},
        "T_cold_in": {"value": 20.0, "unit": "degC"},
        "UA": {"value": 15000.0, "unit": "W/K"},
        "configuration": "shell_and_tube",
    }
    state = {"steps": [_step_with("hx_rating_ntu", arguments, item.question, "NTU")]}
    record = StepRecord.model_validate(validate(state, _ctx())["steps"][0])
    assert record.valid and record.result.answer == record.result.outputs["T_cold_out"]
    done = {**state, "question": item.question, "steps": [record.model_dump(mode="json")],
            "outcome": {"action": "final_answer", "answer_step": 1}}  # fmt: skip
    solution = Solution.model_validate(finish(done, _ctx())["solution"])
    assert score_answer(solution.answer, solution.unit, item.answer, item.unit, item.rel_tol) == (
        True,
        True,
    )


@pytest.mark.parametrize(
    ("tool", "question", "named"),
    [
        ("heat_of_combustion", LHV, ["LHV"]),
        ("pump_power", "A pump delivers 20 m3/h against 35 m. The pump efficiency is 70 %. "
         "What brake power does the pump need?", ["brake_power"]),
        ("pump_power", "What hydraulic power does a pump need for 20 m3/h at 30 m head?",
         ["hydraulic_power"]),
        ("nu_gnielinski", "At Re = 20000 and Pr = 4.0, what is the Nusselt number from the "
         "Gnielinski correlation?", ["Nu"]),
        ("steam_saturation", "What is the latent heat of vaporisation of water at 5 bar?",
         ["h_fg"]),
        ("pump_head", "A pump gives a total head of 35 m with water. What pressure rise?", ["dP"]),
        ("hx_rating_ntu", "By the ε-NTU method, at what temperature does the cold water leave?",
         []),
    ],
)  # fmt: skip
def test_named_outputs_of_real_tools(tool: str, question: str, named: list[str]) -> None:
    outputs = get_registry().get(tool).outputs
    descriptions = {n: o.description for n, o in outputs.items() if o.unit is not None}
    assert (named_outputs(asking_sentence(question), descriptions)
            or named_outputs(question, descriptions)) == named  # fmt: skip


def test_the_calculation_expert_takes_the_named_output_without_asking_its_model() -> None:
    expert = load_experts()["calculation"]
    tool = get_registry().get("heat_of_combustion")
    ran = get_registry().run("heat_of_combustion", {"fuel": "methane"})
    outputs = {n: Quantity(value=float(o.value), unit=o.unit)
               for n, o in ran.outputs.items() if o.unit is not None}  # fmt: skip
    task = ExpertTask(question=LHV, sub_task=LHV)
    trace = Trace()
    assert expert.choose_output(task, tool, outputs, trace) == "LHV"
    assert trace.llm_calls == []  # decided from the question's words, no model call
