"""Thermodynamics questions, planned and run without a model: the device and cycle
tools are found from the words that name their apparatus, bind the question's states,
and answer what the textbook's worked examples answer (Cengel & Boles, Thermodynamics:
An Engineering Approach; the wordings are ours)."""

from __future__ import annotations

import pytest

from peoa.planning import Planner
from peoa.reading import read_question
from peoa.tools import get_registry
from tests.planning.answers import answer, solve


@pytest.mark.parametrize(
    ("question", "tool", "expected", "unit"),
    [
        (  # Example 10-1
            "Steam enters the turbine of a simple ideal Rankine cycle at 3 MPa and 350 °C and "
            "is condensed at 75 kPa. What is the thermal efficiency of the cycle?",
            "rankine_cycle.thermal_efficiency",
            0.260,
            None,
        ),
        (  # Example 9-5
            "An ideal Brayton cycle has a pressure ratio of 8. Air enters the compressor at "
            "300 K and the turbine at 1300 K. Determine the back work ratio.",
            "brayton_cycle.back_work_ratio",
            0.403,
            None,
        ),
        (  # Example 11-1 (7th ed. tables)
            "Refrigerant-134a enters the compressor of an ideal vapor-compression refrigerator "
            "as saturated vapor at 0.14 MPa and leaves the condenser at 0.8 MPa. The mass flow "
            "rate is 0.05 kg/s. What is the COP of the refrigerator?",
            "refrigeration_cycle.cop_refrigerator",
            3.97,
            None,
        ),
        (  # Example 5-8
            "Saturated liquid refrigerant-134a at 0.8 MPa is throttled to 0.12 MPa. Determine "
            "the quality of the refrigerant after throttling.",
            "throttling_valve.quality_out",
            0.340,
            None,
        ),
        (  # Example 5-4
            "Air at 10 °C and 80 kPa enters a diffuser with a velocity of 200 m/s and leaves "
            "with a negligible velocity. What is the exit temperature of the air?",
            "nozzle_or_diffuser.T2",
            303.0,
            "K",
        ),
        (  # Problem 5-80; both streams at 300 kPa: the value written twice counts once
            "Liquid water at 300 kPa and 20 °C is heated in a chamber by mixing it with "
            "superheated steam at 300 kPa and 300 °C. Cold water enters the chamber at 1.8 "
            "kg/s. If the mixture leaves at 60 °C, determine the mass flow rate of the "
            "superheated steam.",
            "mixing_chamber.mass_flow_2",
            0.107,
            "kg/s",
        ),
        (  # Example 7-13 region: "isothermally" chooses the path
            "Air is compressed reversibly and isothermally from 100 kPa and 300 K to 900 kPa. "
            "Determine the compression work per unit mass.",
            "reversible_compression_work.work_specific",
            189.2,
            "kJ/kg",
        ),
        (  # "the rate of heat transfer" asks a heat duty
            "Water at 10 MPa and 50 °C enters a boiler at 10 kg/s and leaves as steam at "
            "500 °C. What is the rate of heat transfer in the boiler?",
            "fluid_heat_duty.heat_duty",
            None,
            "kW",
        ),
        (  # Example 5-10: the coolant is the fluid the words call "water-cooled"
            "A water-cooled condenser takes 6 kg/min of R134a from 1 MPa, 70 °C to 35 °C; the "
            "water (300 kPa) rises from 15 °C to 25 °C. Find the water flow rate in kg/min.",
            "two_stream_energy_balance.cold_mass_flow",
            29.1,
            "kg/min",
        ),
        (  # the turbine's exhaust is its outlet, whichever pressure the binder meets first
            "A steam turbine receives 20 kg/s of steam at 4 MPa and 450 °C and exhausts at 20 "
            "kPa. Its isentropic efficiency is 85 %. Determine the power output.",
            "turbine_or_compressor.power",
            17765.0,
            "kW",
        ),
        (  # a saturated inlet given by its temperature alone
            "Refrigerant-134a enters an adiabatic compressor as saturated vapor at -24 °C and "
            "leaves at 0.8 MPa. The compressor isentropic efficiency is 80 %. The mass flow is "
            "0.1 kg/s. What power does the compressor need?",
            "turbine_or_compressor.power",
            None,
            "kW",
        ),
        (  # "a heat pump": the COP counts the heat delivered
            "A heat pump maintains a house at 22 °C while the outside is 2 °C. What is the "
            "maximum possible COP?",
            "carnot_limits.cop",
            295.15 / 20,
            None,
        ),
        (  # Example 10-9's plant with ideal machines: the words name the combined cycle
            "A combined gas-steam power plant has a gas turbine cycle with a pressure ratio of "
            "8; air enters the compressor at 300 K and the turbine at 1300 K. The exhaust "
            "leaves the heat recovery steam generator at 450 K. The steam cycle runs between "
            "7 MPa and 5 kPa with steam at 400 °C. What is the thermal efficiency of the "
            "combined cycle?",
            "combined_cycle.thermal_efficiency",
            None,
            None,
        ),
        (  # an element's share of a compound: 6 x 12.011 / 180.16
            "What is the mass fraction of carbon in glucose, C6H12O6?",
            "element_mass_fraction.mass_fraction",
            0.4001,
            None,
        ),
        (  # "weight percent of oxygen" once answered with oxygen's molar mass
            "What is the weight percent of oxygen in sulfuric acid?",
            "element_mass_fraction.mass_fraction",
            4 * 15.9994 / 98.078,
            None,
        ),
        (  # the state written first is the inlet's, the one written last the outlet's
            "How much heat is needed to convert 2 kg/s of saturated liquid water at 1 MPa into "
            "saturated vapor at the same pressure?",
            "fluid_heat_duty.heat_duty",
            2 * 2014.6,
            "kW",
        ),
    ],
)
def test_textbook_questions_plan_and_answer(
    planner: Planner, question: str, tool: str, expected: float | None, unit: str | None
) -> None:
    described, value = answer(planner, question, unit)
    assert described == tool
    if expected is not None:
        assert value == pytest.approx(expected, rel=0.01)
    elif "combined" in question:  # ideal machines: the gas cycle's 42.6 % plus the steam's
        assert 0.426 < value < 0.60
    elif "boiler" in question:  # h(10 MPa, 500 °C) - h(10 MPa, 50 °C), steam tables
        assert value == pytest.approx(10 * (3375.1 - 217.8), rel=0.003)
    else:  # R-134a: h(0.8 MPa, s1) - h1 over 0.8, times 0.1 kg/s, by the state tool
        inlet = get_registry().run(
            "fluid_state",
            {"fluid": "R134a", "quality": 1, "temperature": {"value": -24, "unit": "degC"}},
        )
        ideal = get_registry().run("fluid_state", {
            "fluid": "R134a", "pressure": {"value": 0.8, "unit": "MPa"},
            "entropy": {"value": inlet.value("entropy"), "unit": "J/kg/K"}})  # fmt: skip
        work = (ideal.value("enthalpy") - inlet.value("enthalpy")) / 0.8
        assert value == pytest.approx(0.1 * work / 1000, rel=1e-6)


def test_a_cycle_is_offered_only_when_the_question_names_its_plant(planner: Planner) -> None:
    """Two pressures and a flow feed a Rankine cycle's inputs; without the words that name
    a power plant, the cycle is not a plan for a pump question."""
    reading = read_question(
        "A pump moves 10 kg/s of water from 75 kPa to 3 MPa with an efficiency of 0.8. What "
        "power does it take?"
    )
    tools = {s.tool for p in planner.plan(reading) for s in p.steps}
    assert not tools & {"rankine_cycle", "rankine_regenerative_cycle", "refrigeration_cycle"}


def test_an_ideal_gas_question_takes_no_real_fluid_equation_of_state(planner: Planner) -> None:
    reading = read_question(
        "A compressor takes 10 kg/s of air (M = 28.96 g/mol, k = 1.4) from 100 kPa and 300 K to "
        "800 kPa with an isentropic efficiency of 0.8. An aftercooler then cools it to 320 K. "
        "Treating the gas as ideal with constant k, what is the aftercooler duty in kW?"
    )
    tools = {s.tool for p in planner.plan(reading) for s in p.steps}
    assert not tools & {"fluid_heat_duty", "fluid_state", "two_stream_energy_balance"}


def test_a_mixture_is_not_a_pure_fluids_state(planner: Planner) -> None:
    reading = read_question(
        "A drum holds saturated liquid n-hexane-n-heptane (0.3 mole fraction n-hexane) at "
        "60 °C. Using Raoult's law, what pressure is it at?"
    )
    assert len(reading.fluids()) == 2
    tools = {s.tool for p in planner.plan(reading) for s in p.steps}
    assert "fluid_state" not in tools


def test_two_air_streams_mixed_are_one_step_with_each_streams_state(planner: Planner) -> None:
    question = (
        "A mixing box takes 5200 kg/h of dry air of outside air at 33 °C and 55 % relative "
        "humidity and 7800 kg/h of dry air of room air at 24 °C and 45 % relative humidity, "
        "at 98 kPa. What is the dew point of the mixture, in °C?"
    )
    plan, dew_point = solve(planner, question, "degC")
    expected = get_registry().run("air_stream_mixing", {
        "dry_air_mass_flow_1": "5200 kg/h", "T_1": "33 degC", "relative_humidity_1": 0.55,
        "dry_air_mass_flow_2": "7800 kg/h", "T_2": "24 degC", "relative_humidity_2": 0.45,
        "pressure": "98 kPa",
    })  # fmt: skip
    assert plan.describe() == "air_stream_mixing.dew_point"
    assert not plan.unused
    assert dew_point == pytest.approx(expected.value("dew_point", "degC"), rel=1e-9)
    # A stream whose humidity the question leaves out does not take the other's state.
    vague = question.replace(" and 45 % relative humidity", "")
    assert all(p.answer_step.tool != "air_stream_mixing" or p.unused
               for p in planner.plan(read_question(vague)))  # fmt: skip


def test_a_z_asked_with_the_critical_constants_given_uses_them(planner: Planner) -> None:
    question = (
        "Ethane has Tc = 305.32 K, Pc = 48.72 bar and ω = 0.099. Using the Peng-Robinson "
        "equation, what is its compressibility factor at 350 K and 60 bar?"
    )
    plan, z = solve(planner, question)
    expected = get_registry().run("cubic_eos_state", {
        "temperature": "350 K", "pressure": "60 bar", "critical_temperature": "305.32 K",
        "critical_pressure": "48.72 bar", "acentric_factor": 0.099,
    })  # fmt: skip
    assert plan.describe() == "cubic_eos_state.Z"
    assert not plan.unused
    assert z == pytest.approx(expected.value("Z"), rel=1e-12)
