"""The experts' pure logic, without a model: grounding, code extraction, results, prompts."""

from __future__ import annotations

import pytest

from peoa.experts import ExpertResult, ExpertTask, ToolCall
from peoa.experts.calculation import CalculationExpert
from peoa.experts.codegen import ResultError, extract_code, interpret_result
from peoa.experts.grounding import ground_arguments, written_numbers
from peoa.tools import get_registry

QUESTION = (
    "A pump moves 50 m3/h of water (density 998 kg/m3) against a head of 30 m "
    "with a pump efficiency of 70 %. What brake power does it need?"
)


def test_written_numbers_keep_the_unit_written_after_each_number() -> None:
    found = [(w.value, w.unit) for w in written_numbers(QUESTION)]
    assert found == [(50.0, "m3/h"), (998.0, "kg/m3"), (30.0, "m"), (70.0, "%")]


def test_grounding_copies_units_as_written_and_drops_invented_arguments() -> None:
    tool = get_registry().get("pump_power")
    raw = {
        "density": {"value": 998, "unit": "kg/m^3"},
        "volumetric_flow": {"value": 50, "unit": "m^3/s"},  # unit from the schema's example
        "mass_flow": {"value": 0, "unit": "kg/h"},  # invented
        "head": {"value": 30, "unit": "m"},
        "efficiency": 70,  # a percentage written as a bare number
        "motor_efficiency": 70,  # the same written number, taken twice
    }
    grounded = ground_arguments(tool, raw, QUESTION)
    assert grounded.arguments == {
        "density": {"value": 998, "unit": "kg/m^3"},
        "volumetric_flow": {"value": 50, "unit": "m3/h"},
        "head": {"value": 30, "unit": "m"},
        "efficiency": {"value": 70, "unit": "%"},
    }
    assert grounded.unwritten == []
    assert len(grounded.notes) == 4
    # the grounded arguments run, and give what the tool gives for the question's values
    ran = get_registry().run("pump_power", grounded.arguments)
    assert ran.value("brake_power", "W") == pytest.approx(998 * 9.80665 * 50 / 3600 * 30 / 0.7)


@pytest.mark.parametrize(
    "sub_task", [QUESTION, "What brake power does it need?", "A pump moves 50 m3/h of water"]
)
def test_the_task_writes_each_number_once_when_the_sub_task_repeats_the_question(
    experts, sub_task: str
) -> None:
    # The question and a sub-task repeating it wrote every number twice, so a model that
    # gave the density to mass_flow as well (the base model did) kept both: pump_power
    # then refused a mass flow in kg/m^3, and the question failed after revisions.
    source = experts["calculation"].source_text(ExpertTask(question=QUESTION, sub_task=sub_task))
    assert [w.value for w in written_numbers(source)] == [50.0, 998.0, 30.0, 70.0]
    raw = {
        "density": {"value": 998, "unit": "kg/m^3"},
        "volumetric_flow": {"value": 50, "unit": "m3/h"},
        "mass_flow": {"value": 998, "unit": "kg/m^3"},
        "head": {"value": 30, "unit": "m"},
        "efficiency": {"value": 70, "unit": "%"},
        "motor_efficiency": {"value": 70, "unit": "%"},
    }
    grounded = ground_arguments(get_registry().get("pump_power"), raw, source)
    assert set(grounded.arguments) == {"density", "volumetric_flow", "head", "efficiency"}


def test_the_feedback_quoting_a_refused_value_does_not_make_it_written(experts) -> None:
    # A revision's feedback quotes the refused call; counted as task text, "1 degC"
    # became written and the revision answered 152 °C instead of 182 °C.
    question = "Air (k = 1.4) is compressed from 1.0 bar absolute and 20.0 °C to 3.5 bar."
    feedback = "T1 = 1 degC: the task writes 1 bar, not an absolute temperature"
    task = ExpertTask(question=question, sub_task=question, feedback=feedback, attempt=2)
    source = experts["calculation"].source_text(task)
    raw = {"T1": {"value": 1, "unit": "degC"}, "P1": {"value": 1.0, "unit": "bar"},
           "P2": {"value": 3.5, "unit": "bar"}, "k": 1.4}  # fmt: skip
    grounded = ground_arguments(get_registry().get("compressor_power_isentropic"), raw, source)
    # 20.0 °C is then the one temperature written, and T1 takes it; had "1 degC" counted
    # as written, there would be two and T1 would keep the refused one.
    assert grounded.arguments["T1"] == {"value": 20.0, "unit": "°C"}


def test_a_number_two_arguments_claim_goes_to_the_one_its_written_unit_fits() -> None:
    # The base model gave "2.0 bar" to the relative humidity as well, ahead of the
    # pressure; the first claim won and the air's density came out at 1 atm.
    text = "What is the density of dry air at 300.0 K and 2.0 bar absolute, in kg/m³?"
    raw = {
        "dry_bulb": {"value": 300.0, "unit": "K"},
        "relative_humidity": 2.0,
        "pressure": {"value": 2.0, "unit": "bar"},
    }
    grounded = ground_arguments(get_registry().get("humid_air_properties"), raw, text)
    assert grounded.arguments == {
        "dry_bulb": {"value": 300.0, "unit": "K"},
        "pressure": {"value": 2.0, "unit": "bar"},
    }


PIPE = (
    "Water at 25.0 m³/h (density 998.2 kg/m³, viscosity 1.002 mPa·s) flows through 80.0 m "
    "of commercial-steel pipe with 102.3 mm inside diameter. What is the pressure drop?"
)
PIPE_ARGUMENTS = {
    "diameter": {"value": 102.3, "unit": "mm"},
    "length": {"value": 80.0, "unit": "m"},
    "density": {"value": 998.2, "unit": "kg/m3"},
    "viscosity": {"value": 1.002, "unit": "mPa*s"},
}


@pytest.mark.parametrize("unit", ["kg/s", "m³/h", ""])
def test_a_number_written_as_another_kind_moves_to_the_empty_argument_of_that_kind(
    unit: str,
) -> None:
    # dev pipe_flow-004: the model gave "25.0 m³/h" to mass_flow; pump_pressure_drop then
    # refused it, or (written "kg/s", from the schema's example) would have read 25 kg/s.
    raw = {**PIPE_ARGUMENTS, "mass_flow": {"value": 25.0, "unit": unit}}
    grounded = ground_arguments(get_registry().get("pipe_pressure_drop"), raw, PIPE)
    assert grounded.arguments == {
        **PIPE_ARGUMENTS,
        "volumetric_flow": {"value": 25.0, "unit": "m³/h"},
    }
    assert grounded.misplaced == []
    ran = get_registry().run("pipe_pressure_drop", grounded.arguments)
    direct = get_registry().run(
        "pipe_pressure_drop", {**PIPE_ARGUMENTS, "volumetric_flow": {"value": 25, "unit": "m3/h"}}
    )
    assert ran.value("dP", "Pa") == pytest.approx(direct.value("dP", "Pa"))


def test_misplaced_numbers_leave_their_arguments_before_any_moves() -> None:
    # dev pipe_flow-004 as the base model filled it: every flow argument held a number
    # of another kind.
    raw = {
        **PIPE_ARGUMENTS,
        "mass_flow": {"value": 25.0, "unit": "kg/s"},
        "volumetric_flow": {"value": 80.0, "unit": "m3/h"},
        "velocity": {"value": 102.3, "unit": "m/s"},
    }
    grounded = ground_arguments(get_registry().get("pipe_pressure_drop"), raw, PIPE)
    assert grounded.arguments == {
        **PIPE_ARGUMENTS,
        "volumetric_flow": {"value": 25.0, "unit": "m³/h"},
    }
    # Two numbers of one kind for one empty argument: neither is guessed into it.
    text = "A pump delivers 30 m3/h or 40 m3/h against 35 m of head."
    raw = {"head": {"value": 35, "unit": "m"}, "density": {"value": 30, "unit": "kg/m3"},
           "mass_flow": {"value": 40, "unit": "kg/h"}}  # fmt: skip
    grounded = ground_arguments(get_registry().get("pump_power"), raw, text)
    assert "volumetric_flow" not in grounded.arguments
    assert grounded.misplaced == [
        "density = 30 kg/m3: the task writes 30 m3/h, not a density (e.g. kg/m^3, g/cm^3, lb/ft^3)"
    ]


def test_a_number_of_another_kind_with_no_empty_argument_is_dropped_or_reported() -> None:
    raw = {
        **PIPE_ARGUMENTS,
        "volumetric_flow": {"value": 25.0, "unit": "m3/h"},
        "velocity": {"value": 998.2, "unit": "m/s"},  # optional: dropped
    }
    grounded = ground_arguments(get_registry().get("pipe_pressure_drop"), raw, PIPE)
    assert "velocity" not in grounded.arguments
    assert grounded.misplaced == []
    # A required one is reported: the tool would read 80 m as 80 Pa*s without a word.
    unwritten = PIPE.replace(", viscosity 1.002 mPa·s", "")
    required = {**raw, "viscosity": {"value": 80.0, "unit": "Pa*s"}}
    grounded = ground_arguments(get_registry().get("pipe_pressure_drop"), required, unwritten)
    assert grounded.misplaced == [
        "viscosity = 80 Pa*s: the task writes 80 m, not a dynamic viscosity (e.g. Pa*s, cP, mPa*s)"
    ]
    # Unless the task writes one viscosity, by its name or not.
    for text in (PIPE, PIPE.replace("viscosity 1.002", "mu = 1.002")):
        grounded = ground_arguments(get_registry().get("pipe_pressure_drop"), required, text)
        assert grounded.misplaced == []
        assert grounded.arguments["viscosity"]["value"] == 1.002


@pytest.mark.parametrize(
    ("text", "head"),
    [
        # the follow-up slow test: the base model gave the head the flow's 20
        ("What hydraulic power does a pump need for 20 m3/h at 40 m head of water?", 40.0),
        ("A pump moves 20 m3/h against a head of 40 m. What hydraulic power?", 40.0),
        # the one length written is not named as the head: not guessed
        ("What hydraulic power does a pump need for 20 m3/h through 40 m of pipe?", None),
        # two heads to choose from: not guessed
        ("A pump moves 20 m3/h against 40 m head, or 50 m head at night.", None),
    ],
)
def test_a_misplaced_required_argument_takes_the_unclaimed_number_written_by_its_name(
    text: str, head: float | None
) -> None:
    raw = {
        "volumetric_flow": {"value": 20, "unit": "m3/h"},
        "head": {"value": 20, "unit": "m"},
        "density": {"value": 998, "unit": "kg/m3"},
    }
    grounded = ground_arguments(get_registry().get("pump_power"), raw, text)
    # pump_power's head is optional (or the pressure rise): left out, the tool refuses.
    assert grounded.arguments.get("head") == (head and {"value": head, "unit": "m"})
    assert grounded.misplaced == []


@pytest.mark.parametrize(
    ("text", "misplaced"),
    [
        ("Air (k = 1.4) at 300 K and 1.4 bar.", []),  # written bare once: no kind to go by
        ("Air with k = 1.4 at 300 K.", []),  # "at" after a number is a word, not a unit
    ],
)
def test_a_number_written_bare_or_before_a_word_is_not_moved(
    text: str, misplaced: list[str]
) -> None:
    raw = {"k": {"value": 1.4, "unit": ""}, "T1": {"value": 300, "unit": "K"}}
    tool = get_registry().get("compressor_power_isentropic")
    grounded = ground_arguments(tool, raw, text)
    assert grounded.misplaced == misplaced
    assert grounded.arguments["k"] == {"value": 1.4, "unit": ""}


@pytest.mark.parametrize(
    ("text", "given", "kept"),
    [
        # dev compressors-001: "Air (k = 1.4)" filled as 1.4 %, refused as 0.014
        ("Air (k = 1.4) is compressed with an isentropic efficiency of 0.78.", 1.4, 1.4),
        # the same slip on an efficiency would be a silent 0.0078
        ("Air (k = 1.4) is compressed with an isentropic efficiency of 0.78.", 0.78, 0.78),
        # bare but outside the range: the percentage reading stays
        ("Air (k = 1.4) is compressed with an isentropic efficiency of 78.", 78, None),
        # written with the percent sign: it stays
        ("Air (k = 1.4) is compressed with an isentropic efficiency of 78 %.", 78, None),
    ],
)
def test_a_percent_the_task_does_not_write_after_a_bare_number_is_dropped(
    text: str, given: float, kept: float | None
) -> None:
    tool = get_registry().get("compressor_power_isentropic")
    name = "k" if given == 1.4 else "efficiency"
    grounded = ground_arguments(tool, {name: {"value": given, "unit": "%"}}, text)
    expected = kept if kept is not None else {"value": given, "unit": "%"}
    assert grounded.arguments[name] == expected


def test_a_tool_given_only_numbers_the_task_does_not_write_is_made_up() -> None:
    # Under load, "Who painted the portrait numbered 23-0?" slipped past the scope gate;
    # the model filled a Zuber critical heat flux with four numbers of its own, kept
    # them after being asked to copy, and 0.0 W/m² came back as the answer.
    zuber = get_registry().get("critical_heat_flux_zuber")
    invented = {
        "liquid_density": {"value": 1.0, "unit": "kg/m^3"},
        "vapor_density": {"value": 1.0, "unit": "kg/m^3"},
        "latent_heat": {"value": 0.149, "unit": "J/kg"},
        "surface_tension": {"value": 1.0, "unit": "N/m"},
    }
    grounded = ground_arguments(zuber, invented, "Who painted the portrait numbered 23-0?")
    assert grounded.made_up and len(grounded.unwritten) == 4
    # A bare number of the question taken as a density is not the task giving one.
    grounded = ground_arguments(zuber, invented, "Who painted the portrait numbered 37-1?")
    assert grounded.made_up and grounded.written == []
    # One number the model knows beside the ones written is not made up (water's density).
    pump = get_registry().get("pump_power")
    raw = {"volumetric_flow": {"value": 20, "unit": "m3/h"}, "head": {"value": 30, "unit": "m"},
           "density": {"value": 1000, "unit": "kg/m^3"}}  # fmt: skip
    grounded = ground_arguments(pump, raw, "A pump moves 20 m3/h of water at 30 m head.")
    assert grounded.unwritten == ["density"] and not grounded.made_up
    # Nor is one known value alone: the boiling point at atmospheric pressure.
    boiling = get_registry().get("saturation_temperature")
    raw = {"chemical": "water", "pressure": {"value": 101.325, "unit": "kPa"}}
    grounded = ground_arguments(boiling, raw, "At what temperature does water boil at sea level?")
    assert grounded.unwritten == ["pressure"] and not grounded.made_up


def test_grounding_reports_an_invented_required_number() -> None:
    tool = get_registry().get("reynolds_number")
    raw = {
        "velocity": {"value": 2.002, "unit": "m/s"},
        "diameter": {"value": 50, "unit": "mm"},
        "density": {"value": 998, "unit": "kg/m3"},
        "viscosity": {"value": 1.002, "unit": "mPa*s"},
    }
    text = "998 kg/m3, 1.002 mPa*s, 2 m/s or 3 m/s, 50 mm"
    grounded = ground_arguments(tool, raw, text)
    assert grounded.unwritten == ["velocity"]
    assert grounded.arguments["density"] == {"value": 998, "unit": "kg/m3"}  # as written
    # With one velocity written, a garbled digit takes it.
    grounded = ground_arguments(tool, raw, text.replace(" or 3 m/s", ""))
    assert grounded.unwritten == [] and grounded.arguments["velocity"]["value"] == 2


@pytest.mark.parametrize(
    "efficiency",
    [None, 0.7],  # left out, or written as a fraction the task never writes (and dropped)
)
def test_grounding_reports_a_written_percentage_that_no_argument_takes(
    efficiency: float | None,
) -> None:
    # Without it pump_power estimates the efficiency (Corripio): 3667 W instead of
    # 2720 W for 20 m3/h at 35 m and 70 %, a number nothing would have flagged.
    raw = {
        "density": {"value": 998, "unit": "kg/m^3"},
        "volumetric_flow": {"value": 50, "unit": "m3/h"},
        "head": {"value": 30, "unit": "m"},
    }
    if efficiency is not None:
        raw["efficiency"] = efficiency
    grounded = ground_arguments(get_registry().get("pump_power"), raw, QUESTION)
    assert "efficiency" not in grounded.arguments
    assert grounded.unused == ["70 %"]
    assert grounded.left_out == ["efficiency", "motor_efficiency"]
    given = {**raw, "efficiency": {"value": 70, "unit": "%"}}
    twice = f"{QUESTION}\n{QUESTION}"  # a revision prompt repeats the task
    assert ground_arguments(get_registry().get("pump_power"), given, twice).unused == []


def test_grounding_leaves_percentages_that_change_nothing() -> None:
    # The air's composition is no equivalence ratio: nothing to send back.
    text = "Methane burns with a stoichiometric amount of air (21% O2, 79% N2 by mole)."
    tool = get_registry().get("adiabatic_flame_temperature")
    assert ground_arguments(tool, {}, text).unused == []
    # 10 % overpressure is relief_valve_liquid's default; 25 % is not.
    tool = get_registry().get("relief_valve_liquid")
    for written, unused in (("10%", []), ("25%", ["25 %"])):
        text = f"Set pressure 8 barg, {written} overpressure, 20 kg/s of water."
        assert ground_arguments(tool, {}, text).unused == unused


def test_extract_code_from_fenced_raw_and_cut_replies() -> None:
    assert (
        extract_code("Sure!\n```python\nx = 1\nresult = x\n```\nThis works.") == "x = 1\nresult = x"
    )
    assert extract_code("```py\nresult = 2\n") == "result = 2"
    assert (
        extract_code("result = {'value': 1, 'unit': 'm'}") == "result = {'value': 1, 'unit': 'm'}"
    )
    assert extract_code("```python\n```") == ""


@pytest.mark.parametrize(
    ("result", "value", "unit"),
    [
        ({"value": 12.5, "unit": "kW"}, 12.5, "kW"),
        (3.0, 3.0, ""),
        ({"value": [4.0], "unit": "m"}, 4.0, "m"),
        ({"Re": 1e5, "value": {"value": 2.0, "unit": "bar"}}, 2.0, "bar"),
        ({"value": {"real": 1.5, "imag": 0.0}, "unit": ""}, 1.5, ""),
    ],
)
def test_interpret_result_accepts_numbers_with_units(
    result: object, value: float, unit: str
) -> None:
    answer, _ = interpret_result(result)
    assert (answer.value, answer.unit) == (value, unit)


@pytest.mark.parametrize(
    ("result", "says"),
    [
        (None, "set no result"),
        ({"value": [1.0, 3.0], "unit": ""}, "several values"),
        ({"value": "fast", "unit": ""}, "not a real number"),
        ({"value": 1.0, "unit": "furlongs per fortnightx"}, "not a unit pint knows"),
        ({"a": 1.0, "b": 2.0}, "none is named 'value'"),
        (float("nan"), "not a finite number"),
    ],
)
def test_interpret_result_explains_what_to_fix(result: object, says: str) -> None:
    with pytest.raises(ResultError, match=says):
        interpret_result(result)


def test_revision_prompt_carries_the_failed_call_and_its_error(experts) -> None:
    expert = experts["calculation"]
    tool = get_registry().get("reynolds_number")
    bad = {"velocity": {"value": 2, "unit": "m/s"}, "diameter": {"value": 50, "unit": "mm"},
           "density": {"value": 998, "unit": "kg/m3"}, "viscosity": {"value": 1.002, "unit": "m/s"}}  # fmt: skip
    error = "reynolds_number: argument 'viscosity': expected a dynamic viscosity, got 'm/s'"
    previous = ExpertResult(
        expert="calculation",
        sub_task="Reynolds number",
        ok=False,
        tool_calls=[ToolCall(tool=tool.name, arguments=bad, error=error)],
        error=error,
    )
    task = ExpertTask(question=QUESTION, sub_task="Reynolds number", previous=previous,
                      feedback="the viscosity has the wrong unit", attempt=2)  # fmt: skip
    messages = expert.fill_messages(task, tool)
    assert [m["role"] for m in messages] == ["system", "user", "assistant", "user"]
    assert '"viscosity":{"value":1.002,"unit":"m/s"}' in messages[2]["content"]
    assert error in messages[3]["content"]
    assert "the viscosity has the wrong unit" in messages[3]["content"]
    # the tool is chosen again among the previous one and the candidates, previous first
    assert expert.candidates(task)[0] == "reynolds_number"


def test_without_candidates_the_nearest_tools_are_offered(experts) -> None:
    task = ExpertTask(
        question="What brake power does a pump need for 20 L/s against 40 m of head?",
        sub_task="pump brake power from flow and head",
    )
    names = experts["calculation"].candidates(task)
    assert len(names) == experts["calculation"].manifest.options["max_candidates"]
    assert "pump_power" in names


def test_only_tools_that_can_give_the_asked_unit_are_offered(experts) -> None:
    # dev flow_measurement-001: flow_meter_dp (the flow in, the pressure difference out)
    # chosen for "What is the mass flow rate in kg/s?", flow_meter_flow ranked first.
    question = ("An orifice plate sees 25.0 kPa of differential pressure. What is the mass "
                "flow rate in kg/s?")  # fmt: skip
    meters = ["flow_meter_flow", "flow_meter_dp", "flow_meter_bore"]
    task = ExpertTask(question=question, sub_task=question, candidate_tools=meters)
    assert experts["calculation"].candidates(task) == ["flow_meter_flow"]
    # A conversion computes nothing: it is not what is left for a computed quantity.
    dew = "What is the dew point of air at 25 °C and 50 % relative humidity, in °F?"
    task = ExpertTask(question=dew, sub_task=dew, candidate_tools=["unit_convert", "viscosity"])
    assert experts["calculation"].candidates(task) == ["unit_convert", "viscosity"]
    # With no asked unit, or none a candidate can give, all are offered.
    for text in (
        "What is the flow through an orifice plate?",
        "What power does the orifice meter take, in kW?",
    ):
        task = ExpertTask(question=text, sub_task=text, candidate_tools=meters)
        assert experts["calculation"].candidates(task) == meters


def test_a_revision_sent_to_the_asked_tool_uses_it_without_a_choice(experts) -> None:
    # dev balances-003: offered heat_of_reaction first, the base model chose
    # heat_of_combustion again on the revision.
    question = "What is the standard heat of reaction at 25 °C of CO + H2O(g) → CO2 + H2?"
    task = ExpertTask(question=question, sub_task=question, tool_hint="heat_of_reaction",
                      candidate_tools=["heat_of_combustion", "heat_of_reaction"])  # fmt: skip
    assert len(experts["calculation"].candidates(task)) == 2
    required = task.model_copy(update={"required_tool": "heat_of_reaction"})
    assert experts["calculation"].candidates(required) == ["heat_of_reaction"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # dev heat_exchangers-005: the outside fouling was dropped, 763 W/(m2 K) for 662
        ("Inside and outside fouling resistances are each 0.0002 m²·K/W.", True),
        ("The inside fouling resistance is 0.0002 m²·K/W.", False),
    ],
)
def test_a_number_written_for_each_of_several_things_may_feed_several_arguments(
    text: str, kept: bool
) -> None:
    raw = {
        "h_inner": {"value": 1500, "unit": "W/(m²·K)"},
        "h_outer": {"value": 2500, "unit": "W/(m²·K)"},
        "fouling_inner": {"value": 0.0002, "unit": "m²·K/W"},
        "fouling_outer": {"value": 0.0002, "unit": "m²·K/W"},
    }
    text += " Film coefficients 1500 W/(m²·K) inside and 2500 W/(m²·K) outside."
    grounded = ground_arguments(get_registry().get("hx_overall_u"), raw, text)
    assert ("fouling_outer" in grounded.arguments) == kept


@pytest.mark.parametrize(
    ("text", "passes"),
    [
        # dev heat_exchangers-002: 2 shell passes gave F = 0.970 for 0.867
        ("A shell-and-tube exchanger with one shell pass and two tube passes", 1),
        ("A 2-shell-pass, 4-tube-pass exchanger", 2),
        ("A shell-and-tube exchanger with two tube passes", 2),  # not written: kept
    ],
)
def test_a_count_is_the_one_written_before_its_name(text: str, passes: int) -> None:
    temperatures = {
        "T_hot_in": {"value": 150, "unit": "°C"},
        "T_hot_out": {"value": 90, "unit": "°C"},
        "T_cold_in": {"value": 30, "unit": "°C"},
        "T_cold_out": {"value": 80, "unit": "°C"},
    }
    text += " cools a hot fluid from 150 °C to 90 °C and heats a cold one from 30 °C to 80 °C."
    raw = {**temperatures, "arrangement": "shell_and_tube", "shell_passes": 2}
    grounded = ground_arguments(get_registry().get("hx_lmtd"), raw, text)
    assert grounded.arguments["shell_passes"] == passes


def test_two_numbers_the_task_does_not_write_are_refused_even_after_a_revision() -> None:
    from peoa.experts.calculation import _refusal

    # dev distillation-004: after one revision the model kept N_min = R_min = 1, and
    # 2.7 stages came back for 19.4.
    tool = get_registry().get("gilliland_stages")
    text = "A column needs 8.5 stages at total reflux, R_min of 1.2, and runs at R = 1.5."
    raw = {"N_min": 1, "R_min": 1, "R": 1.5, "method": "Molokanov"}
    grounded = ground_arguments(tool, raw, text)
    assert grounded.unwritten == ["N_min", "R_min"]
    for revised in (False, True):
        refusal = _refusal(tool, raw, grounded, revised)
        assert refusal is not None and refusal[0] == "unwritten"
    # One may be a constant the model knows: kept after the revision.
    one = {**raw, "N_min": 8.5}
    grounded = ground_arguments(tool, one, text)
    assert grounded.unwritten == ["R_min"]
    assert _refusal(tool, one, grounded, revised=True) is None


# dev heat_transfer-001's tube, water and its properties, as Dittus-Boelter takes them
TUBE_ARGUMENTS = {
    "diameter": {"value": 25.0, "unit": "mm"},
    "thermal_conductivity": {"value": 0.631, "unit": "W/(m·K)"},
    "velocity": {"value": 1.5, "unit": "m/s"},
    "density": {"value": 992.0, "unit": "kg/m³"},
    "viscosity": {"value": 0.653, "unit": "mPa·s"},
    "specific_heat": {"value": 4178.0, "unit": "J/(kg·K)"},
}


def test_an_exponent_of_a_formula_is_not_a_value_the_task_gives() -> None:
    # dev heat_transfer-001: Pr = 0.4 from "Pr^0.4", 2565 W/(m2 K) for 6648.
    text = (
        "Water flows at 1.5 m/s in a tube of 25.0 mm inside diameter; density 992.0 kg/m³, "
        "viscosity 0.653 mPa·s, conductivity 0.631 W/(m·K), cp 4178.0 J/(kg·K). Using "
        "Dittus-Boelter (Nu = 0.023 Re^0.8 Pr^0.4), what is the film coefficient?"
    )
    raw = {**TUBE_ARGUMENTS, "Pr": {"value": 0.4, "unit": ""}}
    tool = get_registry().get("nu_dittus_boelter")
    grounded = ground_arguments(tool, raw, text)
    assert "Pr" not in grounded.arguments
    h = get_registry().run("nu_dittus_boelter", grounded.arguments).value("h", "W/(m**2*K)")
    assert h == pytest.approx(6647.55, rel=0.02)  # datasets/dev.jsonl, heat_transfer-001


@pytest.mark.parametrize(
    ("written", "given", "heating"),
    [
        # dev heat_transfer-001: "Water is heated" filled as heating = false, 5742 for 6648.
        ("Water is heated while flowing", False, True),
        ("Oil is cooled while flowing", None, False),  # left out: the default (true) is wrong
        ("Water flows", False, False),  # the text settles nothing: the model's reading stands
        ("Cooling water is heated while flowing", False, True),
        ("Water is heated, then cooled, while flowing", False, False),  # both: the model's
    ],
)
def test_a_flag_the_task_settles_in_words_is_set_from_them(
    written: str, given: bool | None, heating: bool
) -> None:
    text = (
        f"{written} at 1.5 m/s in a tube of 25.0 mm inside diameter; density 992.0 kg/m³, "
        "viscosity 0.653 mPa·s, conductivity 0.631 W/(m·K), cp 4178.0 J/(kg·K). Using "
        "Dittus-Boelter, what is the film coefficient?"
    )
    raw = dict(TUBE_ARGUMENTS)
    if given is not None:
        raw["heating"] = given
    grounded = ground_arguments(get_registry().get("nu_dittus_boelter"), raw, text)
    h = get_registry().run("nu_dittus_boelter", grounded.arguments).value("h", "W/(m**2*K)")
    # n = 0.4 heating, 0.3 cooling: 6648 against 5742 W/(m²·K) for these properties
    assert h == pytest.approx(6647.55 if heating else 5742, rel=0.01)


def test_a_number_written_with_no_unit_of_its_kind_does_not_feed_a_dimensioned_argument() -> None:
    from peoa.experts.calculation import _refusal

    # dev pipe_flow-006: "NPS 6" given to pipe_roughness as a 6 mm diameter.
    text = "What is the inside diameter of NPS 6 schedule 80 steel pipe (ASME B36.10), in mm?"
    raw = {"material": "Carbon steel, bare", "diameter": {"value": 6.0, "unit": "mm"}}
    grounded = ground_arguments(get_registry().get("pipe_roughness"), raw, text)
    assert "diameter" not in grounded.arguments
    assert any("writes 6 with no unit" in note for note in grounded.notes)
    # A required one goes back to the model: its unit would be the model's own.
    tool = get_registry().get("reynolds_number")
    text = "Water (998 kg/m3, 1.0 cP) flows at 2 m/s in an NPS 6 pipe. What is Re?"
    raw = {
        "velocity": {"value": 2, "unit": "m/s"},
        "density": {"value": 998, "unit": "kg/m3"},
        "viscosity": {"value": 1.0, "unit": "cP"},
        "diameter": {"value": 6, "unit": "in"},
    }
    grounded = ground_arguments(tool, raw, text)
    refusal = _refusal(tool, raw, grounded, revised=False)
    assert refusal is not None and refusal[0] == "bare" and "diameter = 6 in" in refusal[1]
    # Written with its unit, joined by a hyphen ("a 6-inch pipe"), it feeds the argument.
    grounded = ground_arguments(tool, raw, text.replace("an NPS 6", "a 6-inch"))
    assert grounded.arguments["diameter"] == {"value": 6, "unit": "in"}
    assert grounded.bare == [] and _refusal(tool, raw, grounded, revised=False) is None


def test_numbers_and_choices_written_after_an_arguments_name_replace_the_models() -> None:
    # dev pipe_flow-006, revised to pipe_schedule: NPS 2 and the default schedule 40.
    text = "What is the inside diameter of NPS 6 schedule 80 steel pipe (ASME B36.10), in mm?"
    raw = {"schedule": "40", "NPS": 2, "outer_diameter": {"value": 1, "unit": "mm"}}
    tool = get_registry().get("pipe_schedule")
    grounded = ground_arguments(tool, raw, text)
    assert grounded.arguments == {"schedule": "80", "NPS": {"value": 6.0, "unit": ""}}
    di = get_registry().run("pipe_schedule", grounded.arguments).value("Di", "mm")
    assert di == pytest.approx(146.36, rel=0.02)  # datasets/dev.jsonl, pipe_flow-006
    # A number the task writes stays the model's: "schedule 80" is no nominal size.
    grounded = ground_arguments(tool, {"schedule": "80", "NPS": 6}, text)
    assert grounded.notes == []


def test_a_formulas_one_is_no_expansion_coefficient() -> None:
    # dev heat_transfer-004: the model gave β = 1 from "β = 1/T_film" (30.0 W/(m²·K) for
    # 4.94), k and ν as 1.7 from "1.7e-05 m²/s". β is 1/K, and the task writes no 1/K.
    text = (
        "A vertical plate 0.5 m tall at 60.0 °C stands in still air at 20.0 °C. Air at the "
        "film temperature: kinematic viscosity 1.7e-05 m²/s, thermal conductivity 0.0271 "
        "W/(m·K), Pr = 0.7; treat air as an ideal gas (β = 1/T_film). Using the Churchill-Chu "
        "correlation, what is the average natural-convection coefficient in W/(m²·K)?"
    )
    raw = {
        "length": {"value": 0.5, "unit": "m"},
        "T_surface": {"value": 60, "unit": "°C"},
        "T_fluid": {"value": 20, "unit": "°C"},
        "thermal_conductivity": {"value": 1.7, "unit": "W/(m·K)"},
        "kinematic_viscosity": {"value": 1.7, "unit": "m^2/s"},
        "geometry": "vertical_plate",
        "Pr": 0.7,
        "beta": 1,
    }
    grounded = ground_arguments(get_registry().get("nu_natural_convection"), raw, text)
    assert "beta" not in grounded.arguments
    h = get_registry().run("nu_natural_convection", grounded.arguments).value("h", "W/(m**2*K)")
    assert h == pytest.approx(4.93702, rel=0.03)  # datasets/dev.jsonl, heat_transfer-004


@pytest.mark.parametrize(
    ("text", "kj_per_mol"),
    [
        # dev balances-003: species [CO, H2O], stoichiometry [1, 1]: -396 kJ/mol for -41.1
        ("What is the standard heat of reaction at 25 °C of the water-gas shift reaction "
         "CO + H2O(g) → CO2 + H2, in kJ/mol, from standard heats of formation?", -41.127),
        # unicode subscripts, coefficients and an ASCII arrow (+206 kJ/mol, steam reforming)
        ("Heat of reaction of CH₄ + H₂O(g) -> CO + 3 H₂ at 25 °C, in kJ/mol?", 206.1),
    ],
)  # fmt: skip
def test_a_tool_that_takes_a_reaction_gets_the_one_the_task_writes(
    text: str, kj_per_mol: float
) -> None:
    raw = {"species": ["CO", "H2O"], "stoichiometry": [1, 1], "phases": ["gas", "liquid"]}
    grounded = ground_arguments(get_registry().get("heat_of_reaction"), raw, text)
    dh = get_registry().run("heat_of_reaction", grounded.arguments).value("dH", "kJ/mol")
    assert dh == pytest.approx(kj_per_mol, rel=0.01)


def test_a_reaction_is_left_alone_where_another_list_follows_its_species_order() -> None:
    raw = {"species": ["A", "B"], "stoichiometry": [-1, 2], "orders": [1, 0]}
    grounded = ground_arguments(get_registry().get("reactor_cstr"), raw, "A first-order A → B")
    assert grounded.arguments["stoichiometry"] == [-1, 2]


def test_one_number_given_to_several_arguments_of_another_kind_moves_once() -> None:
    # dev psychrometrics_steam-004: "10 bar" given as the temperature, the enthalpy and the
    # entropy, "250 °C" as the pressure; both wanted the other's place, but three
    # arguments wanting the pressure's left it empty.
    text = (
        "What is the specific enthalpy of superheated steam at 10.0 bar absolute and 250.0 °C, "
        "in kJ/kg (IAPWS reference state: saturated liquid at the triple point)?"
    )
    raw = {
        "temperature": {"value": 10.0, "unit": "K"},
        "pressure": {"value": 250.0, "unit": "bar"},
        "enthalpy": {"value": 10.0, "unit": "J/kg"},
        "entropy": {"value": 10.0, "unit": "J/kg/K"},
    }
    grounded = ground_arguments(get_registry().get("steam_properties"), raw, text)
    assert grounded.arguments == {
        "pressure": {"value": 10.0, "unit": "bar"},
        "temperature": {"value": 250.0, "unit": "°C"},
    }
    h = get_registry().run("steam_properties", grounded.arguments).value("enthalpy", "kJ/kg")
    assert h == pytest.approx(2943.12, rel=0.02)  # datasets/dev.jsonl, psychrometrics_steam-004


# dev compressors-002, and its right arguments
COMPRESSOR = (
    "A compressor takes 1.5 kg/s of air (molar mass 28.96 g/mol, k = 1.4) at 300.0 K and "
    "1.0 bar absolute and delivers it at 4.0 bar absolute. The isentropic efficiency is "
    "0.8. Assuming ideal gas (Z = 1), what gas power is needed, in kW?"
)
COMPRESSOR_ARGUMENTS = {
    "T1": {"value": 300.0, "unit": "K"},
    "P1": {"value": 1.0, "unit": "bar"},
    "P2": {"value": 4.0, "unit": "bar"},
    "mass_flow": {"value": 1.5, "unit": "kg/s"},
    "molar_mass": {"value": 28.96, "unit": "g/mol"},
    "k": 1.4,
    "efficiency": 0.8,
}


def test_a_misfilled_required_argument_takes_the_one_number_of_its_kind_left() -> None:
    # dev compressors-002: P1 given the mass flow's 1.5 kg/s; of the two pressures the
    # task writes, P2 took 4.0 bar, so P1 is 1.0 bar.
    text = COMPRESSOR
    raw = {**COMPRESSOR_ARGUMENTS, "P1": {"value": 1.5, "unit": "kg/s"}}
    tool = get_registry().get("compressor_power_isentropic")
    grounded = ground_arguments(tool, raw, text)
    assert grounded.arguments["P1"] == {"value": 1.0, "unit": "bar"}
    assert grounded.misplaced == []
    # With both pressures taken by nothing (P2 misfilled too), neither is guessed.
    both = {**raw, "P2": {"value": 300.0, "unit": "bar"}}
    grounded = ground_arguments(tool, both, text)
    assert grounded.arguments["P1"] != {"value": 1.0, "unit": "bar"}


@pytest.mark.parametrize(
    ("not_retried", "fillings"),
    [(["misplaced", "made_up", "bare"], 1), ([], 3)],
)
def test_a_misplaced_filling_is_not_sent_back_when_the_manifest_says_so(
    experts, not_retried: list[str], fillings: int
) -> None:
    """The expert's loop, not the model's skill: a scripted model fills the same
    misplaced call each time (over five dev runs, none of 59 second fillings after a
    "misplaced" refusal went through)."""
    from tests.experts.test_sandbox_settings import ScriptedLLM

    misplaced = (
        '{"velocity": {"value": 998, "unit": "m/s"}, "diameter": {"value": 50, "unit": "mm"}, '
        '"density": {"value": 998, "unit": "kg/m3"}, "viscosity": {"value": 1, "unit": "cP"}}'
    )
    options = {**experts["calculation"].manifest.options, "refusals_not_retried": not_retried}
    manifest = experts["calculation"].manifest.model_copy(update={"options": options})
    again = misplaced.replace('998, "unit": "m/s"', '50, "unit": "m/s"')  # another slip
    llm = ScriptedLLM(misplaced, again)
    expert = CalculationExpert(manifest, llm=llm, registry=get_registry())
    question = "Water (998 kg/m3, 1 cP) flows in a 50 mm pipe at 2 m/s or 3 m/s. What is Re?"
    task = ExpertTask(question=question, sub_task=question, tool_hint="reynolds_number",
                      candidate_tools=["reynolds_number"])  # fmt: skip
    result = expert.run(task)
    assert not result.ok
    assert len([c for c in result.llm_calls if c.purpose.startswith("fill")]) == fillings


def test_a_percent_is_dropped_from_a_number_also_written_bare() -> None:
    # dev compressors-002: "Z = 1" beside "1.0 bar absolute"; Z = 1 % gave 2.75 kW for 275.
    text = COMPRESSOR
    raw = {**COMPRESSOR_ARGUMENTS, "Z": {"value": 1, "unit": "%"}}
    grounded = ground_arguments(get_registry().get("compressor_power_isentropic"), raw, text)
    assert grounded.arguments["Z"] == 1
    power = get_registry().run("compressor_power_isentropic", grounded.arguments)
    assert power.value("power", "kW") == pytest.approx(274.699, rel=0.02)  # dev compressors-002


def test_a_chemical_the_task_does_not_name_is_refused() -> None:
    from peoa.experts.calculation import _refusal

    # dev units-005: the viscosity of water for "a lube oil", 0.89 mPa·s for 39.2.
    text = (
        "A lube oil has a kinematic viscosity of 45.0 cSt and a density of 870.0 kg/m³ at the "
        "operating temperature. What is its dynamic viscosity in mPa·s (cP)?"
    )
    tool = get_registry().get("viscosity")
    raw = {"chemical": "water", "temperature": {"value": 298.15, "unit": "K"}}
    grounded = ground_arguments(tool, raw, text)
    refusal = _refusal(tool, raw, grounded, revised=True)
    assert refusal is not None and refusal[0] == "unwritten" and "'water'" in refusal[1]
    # Named by its formula, its name or a synonym the database knows, it is written.
    for written in ("H2O at 25 °C", "water at 25 °C", "Water at 25 °C", "7732-18-5 at 25 °C"):
        assert ground_arguments(tool, raw, f"What is the viscosity of {written}?").unnamed == []


def test_invented_ratios_take_the_numbers_their_descriptions_name() -> None:
    # dev distillation-004: the base model filled N_min = R_min = 1 (refused as made up).
    text = (
        "A column needs 8.5 stages at total reflux and has a minimum reflux ratio of 1.2. "
        "It will run at R = 1.5. Using the Gilliland correlation in Molokanov's form, how "
        "many theoretical stages are required?"
    )
    tool = get_registry().get("gilliland_stages")
    grounded = ground_arguments(tool, {"N_min": 1, "R_min": 1, "R": 1.5}, text)
    assert grounded.unwritten == [] and not grounded.made_up
    assert grounded.arguments["N_min"]["value"] == 8.5
    assert grounded.arguments["R_min"]["value"] == 1.2
    # Two numbers that fit one ratio equally well are left to the refusal.
    tied = "The minimum reflux ratio is 1.2 or the minimum reflux ratio is 1.4. R = 1.5."
    grounded = ground_arguments(tool, {"N_min": 1, "R_min": 1, "R": 1.5}, tied)
    assert sorted(grounded.unwritten) == ["N_min", "R_min"]
