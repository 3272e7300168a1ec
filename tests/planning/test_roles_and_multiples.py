"""Binding by what a value is: its typical size, the stream it belongs to, a multiple of
another quantity, and the method a question names. Each case is one the planner got
wrong before (two are dev.jsonl items, named where they appear)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peoa.exceptions import ToolError
from peoa.planning import Plan, Planner
from peoa.planning.execute import run_plan
from peoa.reading import read_question
from peoa.tools import get_registry
from peoa.tools.kinds import read_vocabulary

DEV = Path(__file__).resolve().parents[2] / "datasets" / "dev.jsonl"


def _bound(plan: Plan, tool: str) -> dict[str, str]:
    """Each argument of ``tool``'s step, as the written value or the binding."""
    reading_step = next(s for s in plan.steps if s.tool == tool)
    return {b.argument: b.describe().split(" ← ")[1] for b in reading_step.bindings}


def _written(question: str, plan: Plan, tool: str) -> dict[str, str]:
    reading = read_question(question)
    step = next(s for s in plan.steps if s.tool == tool)
    return {
        b.argument: reading.mention(b.mentions[0]).written
        for b in step.bindings
        if b.source == "mention"
    }


def _dev(item: str) -> dict[str, object]:
    for line in DEV.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        if entry["id"] == item:
            return entry
    raise KeyError(item)


def test_a_pipe_length_and_diameter_go_where_their_sizes_fit(planner: Planner) -> None:
    # "100 m of a 100 mm pipe": the words name both values as the pipe's; a 100 m
    # diameter is far outside an inside diameter's typical range, so the binder no longer
    # swaps them (it did, by the order of writing).
    question = (
        "Water at 20 °C flows at 2 m/s through 100 m of a 100 mm pipe. What is the pressure drop?"
    )
    plan = planner.plan(read_question(question))[0]
    bound = _written(question, plan, "pipe_pressure_drop")
    assert bound["diameter"] == "100 mm" and bound["length"] == "100 m"


def test_a_preposition_names_no_output(planner: Planner) -> None:
    # "flows ... through a pipe" once matched "loss through the fittings" and answered
    # the fittings' share (zero here) instead of the total pressure drop.
    question = (
        "What is the pressure drop when water at 20 °C flows at 2 m/s through a 50 mm pipe "
        "30 m long?"
    )
    plan = planner.plan(read_question(question))[0]
    assert plan.answer_step.output == "dP"


def test_a_multiple_of_the_minimum_reflux_is_not_the_reflux_ratio(planner: Planner) -> None:
    question = (
        "A McCabe-Thiele design separates a feed with 0.4 mole fraction benzene into 0.95 "
        "distillate and 0.05 bottoms, relative volatility 2.5, saturated liquid feed, reflux "
        "1.5 times the minimum. How many theoretical stages are needed?"
    )
    plan = planner.plan(read_question(question))[0]
    bound = _written(question, plan, "mccabe_thiele_stages")
    assert bound["R_over_Rmin"] == "1.5" and "R" not in bound
    assert bound["zF"] == "0.4" and bound["xD"] == "0.95" and bound["xB"] == "0.05"


def test_a_value_written_as_a_multiple_of_a_computed_one_scales_it(planner: Planner) -> None:
    question = (
        "A benzene-toluene column has a relative volatility of 2.45, a saturated-liquid feed "
        "of 0.45 mole fraction benzene, a distillate of 0.98 and a bottoms of 0.02. The "
        "minimum number of stages is 9.2. The reflux ratio is 1.3 times the minimum. Using "
        "the Gilliland correlation, how many theoretical stages are needed?"
    )
    reading = read_question(question)
    plan = planner.plan(reading)[0]
    assert [s.tool for s in plan.steps] == ["underwood_min_reflux", "gilliland_stages"]
    bound = _bound(plan, "gilliland_stages")
    assert bound["R"] == "m6 × step 1.R_min" and bound["R_min"] == "step 1.R_min"
    results = run_plan(plan, reading, get_registry())
    R_min = results[1].value("R_min")
    gilliland = results[2]
    assert gilliland.inputs["R"].value == pytest.approx(1.3 * R_min, rel=1e-12)
    assert gilliland.inputs["N_min"].value == pytest.approx(9.2)


def test_a_fraction_named_for_another_stream_is_not_bound(planner: Planner) -> None:
    # dev distillation-005: "a feed with 0.45 mole fraction benzene" was the Fenske
    # distillate's light-key fraction, since "mole fraction" named it more loudly than
    # "a distillate of 0.98" did.
    question = str(_dev("distillation-005")["question"])
    plan = planner.plan(read_question(question))[0]
    bound = _written(question, plan, "fenske_min_stages")
    assert bound["xD_light"] == "0.98" and bound["xB_light"] == "0.02"


def test_the_method_a_question_names_is_the_one_planned(planner: Planner) -> None:
    # dev distillation-005 names Fenske, Underwood and Gilliland: McCabe-Thiele stepping
    # (17.4 stages) answers another question than Gilliland's correlation (18.6).
    entry = _dev("distillation-005")
    question = str(entry["question"])
    reading = read_question(question)
    plans = planner.plan(reading)
    assert plans and all("gilliland_stages" in [s.tool for s in p.steps] for p in plans)
    results = run_plan(plans[0], reading, get_registry())
    answer = results[max(results)].value(plans[0].answer_step.output)
    assert answer == pytest.approx(float(entry["answer"]), rel=float(entry["rel_tol"]))


def test_a_quantity_named_after_a_person_is_no_method(planner: Planner) -> None:
    # dev pipe_flow-002: "Using the Colebrook equation ... at a Reynolds number of
    # 120000": Colebrook is the method; Reynolds names a number, not a method, so the
    # reynolds_number tool is not required of the plan.
    question = str(_dev("pipe_flow-002")["question"])
    plan = planner.plan(read_question(question))[0]
    assert plan.answer_step.kind == "darcy_friction_factor"


def test_a_typical_range_must_be_low_then_high() -> None:
    entry = {"dimension": "length", "typical": [5.0, 1.0]}
    with pytest.raises(ToolError, match="typical"):
        read_vocabulary({"kinds": {"length": {"dimension": "length"}, "odd": entry}})


def test_the_fittings_loss_coefficients_written_are_summed_with_their_counts(
    planner: Planner,
) -> None:
    # sum_K = 4 x 0.45 + 3 x 0.05 + 1.8 = 3.75; every K written is used.
    question = (
        "Oil (density 870 kg/m³, viscosity 12 mPa·s) flows at 25 m³/h through 85 m of 78 mm "
        "bore pipe with four long-radius elbows with K = 0.45 each, 3 ball valves with "
        "K = 0.05 each and a tee with K = 1.8. What is the total pressure drop in kPa?"
    )
    reading = read_question(question)
    plan = planner.plan(reading)[0]
    registry = get_registry()
    step = plan.steps[-1]
    (summed,) = [b for b in step.bindings if b.argument == "sum_K"]
    assert len(summed.mentions) == 3
    assert not plan.unused
    dp = run_plan(plan, reading, registry)[step.index]
    alone = registry.run("pipe_pressure_drop", {
        "diameter": "78 mm", "length": "85 m", "density": "870 kg/m^3",
        "viscosity": "12 mPa*s", "volumetric_flow": "25 m^3/h", "sum_K": 3.75,
    })  # fmt: skip
    assert dp.value("dP") == pytest.approx(alone.value("dP"), rel=1e-9)
    # A value "each" of items the words do not count is not summed.
    vague = read_question(question.replace("four long-radius elbows", "long-radius elbows"))
    assert all(b.note is None for p in planner.plan(vague)[:1] for b in p.steps[-1].bindings)
