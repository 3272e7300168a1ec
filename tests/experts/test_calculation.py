"""The calculation expert with the real local model, the real tools and their real errors."""

from __future__ import annotations

import pytest

from peoa.experts import ExpertResult, ExpertTask, ToolCall
from peoa.experts.calculation import CalculationExpert
from peoa.tools import get_registry, ureg

pytestmark = pytest.mark.slow

PIPE = (
    "Water with density 998 kg/m3 and viscosity 1.002 mPa*s flows at 2 m/s through a pipe "
    "of 50 mm inner diameter. What is the Reynolds number?"
)
PIPE_ARGUMENTS = {
    "velocity": {"value": 2, "unit": "m/s"},
    "diameter": {"value": 50, "unit": "mm"},
    "density": {"value": 998, "unit": "kg/m^3"},
    "viscosity": {"value": 1.002, "unit": "mPa*s"},
}


def in_si(argument: dict) -> float:
    return float(
        ureg.Quantity(argument["value"], argument["unit"].replace("^", "**"))
        .to_base_units()
        .magnitude
    )


def test_reynolds_number_is_the_tools_own(experts) -> None:
    task = ExpertTask(
        question=PIPE,
        sub_task="Compute the Reynolds number of the flow in the pipe",
        candidate_tools=["reynolds_number", "friction_factor", "pipe_pressure_drop"],
    )
    result = experts["calculation"].run(task)
    assert result.ok, result.error
    assert [c.purpose for c in result.llm_calls][:2] == [
        "choose tool",
        "fill reynolds_number arguments",
    ]
    call = result.tool_calls[-1]
    assert call.tool == "reynolds_number" and call.error is None
    direct = get_registry().run("reynolds_number", PIPE_ARGUMENTS).value("Re")
    assert result.answer is not None and result.answer.value == pytest.approx(direct, rel=1e-9)
    assert result.outputs["Re"].value == pytest.approx(direct, rel=1e-9)
    assert result.citations[0].source == "reynolds_number"
    assert "Reynolds" in (result.citations[0].text or "")
    assert all(c.completion_tokens > 0 for c in result.llm_calls)


def test_pump_shaft_power_copies_units_as_written(experts) -> None:
    task = ExpertTask(
        question=(
            "A centrifugal pump delivers 50 m3/h of water (density 1000 kg/m3) against a head "
            "of 30 m with a pump efficiency of 70 %. What brake power does it need?"
        ),
        sub_task="Compute the shaft power the pump needs",
        tool_hint="pump_power",
    )
    result = experts["calculation"].run(task)
    assert result.ok, result.error
    # one candidate: no choice of tool; five outputs, none named in the sub-task: the model picks
    assert [c.purpose for c in result.llm_calls] == ["fill pump_power arguments", "choose output"]
    arguments = result.tool_calls[-1].arguments
    # every quantity as the question writes it: 50 m3/h, not 50 m3/s
    assert in_si(arguments["volumetric_flow"]) == pytest.approx(50 / 3600)
    direct = get_registry().run(
        "pump_power",
        {
            "density": {"value": 1000, "unit": "kg/m^3"},
            "volumetric_flow": {"value": 50, "unit": "m^3/h"},
            "head": {"value": 30, "unit": "m"},
            "efficiency": {"value": 70, "unit": "%"},
        },
    )
    assert result.answer is not None and result.answer.unit == "W"
    assert result.answer.value == pytest.approx(direct.value("brake_power", "W"), rel=1e-9)


def test_revision_repairs_a_rejected_unit(experts) -> None:
    bad = {**PIPE_ARGUMENTS, "viscosity": {"value": 1.002, "unit": "m/s"}}
    with pytest.raises(Exception) as rejected:  # the registry's own message
        get_registry().run("reynolds_number", bad)
    previous = ExpertResult(
        expert="calculation",
        sub_task="Compute the Reynolds number",
        ok=False,
        tool_calls=[ToolCall(tool="reynolds_number", arguments=bad, error=str(rejected.value))],
        error=str(rejected.value),
    )
    task = ExpertTask(
        question=PIPE,
        sub_task="Compute the Reynolds number",
        previous=previous,
        feedback="the viscosity was given with a velocity unit",
        attempt=2,
    )
    result = experts["calculation"].run(task)
    assert result.ok, result.error
    viscosity = result.tool_calls[-1].arguments["viscosity"]
    assert ureg.Quantity(1, viscosity["unit"].replace("^", "**")).check("[viscosity]")
    direct = get_registry().run("reynolds_number", PIPE_ARGUMENTS).value("Re")
    assert result.answer is not None and result.answer.value == pytest.approx(direct, rel=1e-9)


def test_rejected_arguments_go_back_and_every_attempt_is_recorded(experts) -> None:
    manifest = experts["calculation"].manifest.model_copy(update={"max_revisions": 1})
    expert = CalculationExpert(manifest, registry=get_registry())
    task = ExpertTask(
        question="Air (density 1.2 kg/m3, viscosity 0.018 mPa*s) moves at -3 m/s in a 100 mm duct.",
        sub_task="Compute the Reynolds number",
        tool_hint="reynolds_number",
    )
    result = expert.run(task)
    # a negative velocity cannot be repaired from this question: the bounded loop ends
    assert not result.ok
    assert len(result.tool_calls) == 2
    assert all("velocity" in (c.error or "") for c in result.tool_calls)
    assert "after 2 attempt(s)" in (result.error or "")
    fills = [c for c in result.llm_calls if c.purpose.startswith("fill")]
    assert len(fills) == 2
    # the second filling saw the first one and the tool's error
    assert fills[1].prompt_tokens > fills[0].prompt_tokens
