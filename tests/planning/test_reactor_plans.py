"""Reactor questions planned from the reading: the equation, its rate law and the feed
laid out in species order, and the unit the question names (a CSTR or a PFR)."""

from __future__ import annotations

import math

import pytest

from peoa.exceptions import ToolInputError
from peoa.planning import Planner
from peoa.planning.execute import run_plan
from peoa.reading import read_question
from peoa.tools import get_registry
from tests.planning.answers import solve


def _answer(planner: Planner, question: str, unit: str) -> tuple[str, float]:
    plan, value = solve(planner, question, unit)
    return plan.answer_step.tool, value


def test_a_first_order_cstr_needs_no_feed_concentration(planner: Planner) -> None:
    # V = v0 X / (k (1 - X)) = 2 x 0.75 / (0.3 x 0.25) = 20 m³; C_A0 cancels.
    tool, volume = _answer(
        planner,
        "A first-order irreversible reaction with k = 0.3 h⁻¹ is carried out in a CSTR. "
        "The feed is 2 m³/h. What volume is needed for 75 % conversion?",
        "m**3",
    )
    assert tool == "reactor_cstr"
    assert volume == pytest.approx(20.0, rel=1e-9)


def test_the_order_follows_from_the_rate_constants_unit(planner: Planner) -> None:
    # k in L/(mol·min) is second order: PFR V = v0/(k C_A0) X/(1 - X) = 10/(0.5 x 2) x 4 = 40 L.
    question = (
        "The liquid-phase reaction A → B runs in a PFR with k = 0.5 L/(mol·min), "
        "CA0 = 2 mol/L and v0 = 10 L/min. What volume gives 80 % conversion, in L?"
    )
    plan = planner.plan(read_question(question))[0]
    bound = {b.argument: b.value for b in plan.answer_step.bindings}
    assert bound["orders"] == [2.0, 0.0]
    assert bound["feed_concentrations"] == [
        {"value": 2.0, "unit": "mol/L"},
        {"value": 0.0, "unit": "mol/L"},
    ]
    assert _answer(planner, question, "L") == ("reactor_pfr", pytest.approx(40.0, rel=1e-6))


def test_an_equimolar_feed_of_an_elementary_reaction(planner: Planner) -> None:
    # A + B → C, -rA = k CA CB with CA = CB = CA0 (1 - X): V = v0 X / (k CA0 (1 - X)²) = 500 L.
    tool, volume = _answer(
        planner,
        "The elementary liquid-phase reaction A + B → C is carried out in a CSTR with an "
        "equimolar feed, CA0 = 2 mol/L, v0 = 5 L/min and k = 0.1 L/(mol·min). What reactor "
        "volume gives 80% conversion, in L?",
        "L",
    )
    assert (tool, volume) == ("reactor_cstr", pytest.approx(500.0, rel=1e-9))


def test_a_gas_fed_pure_expands_with_its_moles(planner: Planner) -> None:
    # A → 3B, ε = 2: V = v0/k [(1 + ε) ln(1/(1 - X)) - ε X] (Fogler eq. 5-22).
    expected = 2.0 / 0.1 * (3 * math.log(2.0) - 2 * 0.5)
    tool, volume = _answer(
        planner,
        "The gas-phase reaction A → 3B is first order, k = 0.1 s⁻¹, fed as pure A at 2 L/s "
        "to a PFR. What volume gives 50% conversion, in L?",
        "L",
    )
    assert (tool, volume) == ("reactor_pfr", pytest.approx(expected, rel=1e-6))


def test_the_unit_the_question_names_is_the_one_sized(planner: Planner) -> None:
    text = "The liquid-phase reaction A → B (k = 0.2 min⁻¹) runs in {unit} fed at 3 L/min. What volume gives 0.5 conversion?"
    for unit, tool in (("a CSTR", "reactor_cstr"), ("an isothermal PFR", "reactor_pfr")):
        assert planner.plan(read_question(text.format(unit=unit)))[0].answer_step.tool == tool


def test_what_the_volume_depends_on_but_the_question_omits_is_refused(planner: Planner) -> None:
    """No confident number without C_A0 for a second-order rate, or without the feed's
    composition for a gas."""
    registry = get_registry()
    for question, missing in (
        ("A second-order liquid-phase reaction (k = 0.5 L/(mol·min)) in a CSTR fed at "
         "10 L/min. What volume gives 80 % conversion?", "inlet concentration"),
        ("The gas-phase reaction A → 2B is first order (k = 0.5 s⁻¹) in a PFR fed at "
         "0.02 m³/s. What volume gives 80 % conversion?", "feed"),
    ):  # fmt: skip
        reading = read_question(question)
        plans = planner.plan(reading)
        assert plans, question
        with pytest.raises(ToolInputError, match=missing):
            run_plan(plans[0], reading, registry)


def test_van_t_hoff_from_a_known_constant_at_the_temperature_asked(planner: Planner) -> None:
    # The temperature in the asking sentence is where K is wanted, not the reference:
    # K = 12 exp(45000/R (1/560 - 1/500)).
    tool, k = _answer(
        planner,
        "The equilibrium constant of a gas reaction is 12 at 500 K; dH = -45 kJ/mol. "
        "Find K at 560 K.",
        "",
    )
    assert tool == "equilibrium_constant"
    assert k == pytest.approx(12 * math.exp(45000 / 8.314462618 * (1 / 560 - 1 / 500)), rel=1e-9)


def test_letters_for_species_are_not_looked_up_nor_is_k_given_for_a_conversion(
    planner: Planner,
) -> None:
    reading = read_question(
        "For a liquid-phase isomerisation A ⇌ B, K = 6.0 at 300 K and the standard heat of "
        "reaction is -25 kJ/mol. What is the equilibrium conversion of pure A at 340 K?"
    )
    assert reading.reactions[0].generic
    for plan in planner.plan(reading):
        assert plan.answer_step.output == "conversion"  # never K for a conversion
        assert all(b.argument != "species" for s in plan.steps for b in s.bindings
                   if s.tool == "equilibrium_constant")  # fmt: skip


_R = 8.314462618


def _x_equimolar_shift(k: float, steam_per_co: float) -> float:
    """CO + H2O ⇌ CO2 + H2 from 1 CO and ``steam_per_co`` H2O: X² = K (1 - X)(r - X)."""
    a, b, c = 1 - k, k * (1 + steam_per_co), -k * steam_per_co
    return (-b + math.sqrt(b * b - 4 * a * c)) / (2 * a)


def test_an_equilibrium_conversion_from_dg_and_dh_chains_through_k(planner: Planner) -> None:
    # K(298) = exp(28.6e3/(R 298.15)), van 't Hoff to 650 K, then the extent of the shift
    # from 2 mol of steam per mol of CO: dG° and dH° as written, not looked up.
    plan, x = solve(
        planner,
        "Water-gas shift CO + H2O ⇌ CO2 + H2 over an iron catalyst at 650 K, fed with 2 mol of "
        "steam per mol of CO. ΔH°298 = -41.1 kJ/mol and ΔG°298 = -28.6 kJ/mol (ΔH° constant). "
        "What equilibrium conversion of CO is reached?",
    )
    k = math.exp(28.6e3 / (_R * 298.15) + 41.1e3 / _R * (1 / 650 - 1 / 298.15))
    assert [s.tool for s in plan.steps] == ["equilibrium_constant", "equilibrium_conversion"]
    assert not plan.unused
    assert x == pytest.approx(_x_equimolar_shift(k, 2.0), rel=1e-6)


def test_k_asked_first_and_the_conversion_last_answers_the_conversion(planner: Planner) -> None:
    # The reactor's temperature written twice is one value: the reference stays 298.15 K.
    plan, x = solve(
        planner,
        "Isomerisation n-C4H10 ⇌ i-C4H10 (gas), fed pure n-butane, reactor temperature 500 K. "
        "From ΔG°298 = -6.81 kJ/mol and ΔH°298 = -9.51 kJ/mol, compute K at 500 K and the "
        "equilibrium conversion of n-butane.",
    )
    k = math.exp(6.81e3 / (_R * 298.15) + 9.51e3 / _R * (1 / 500 - 1 / 298.15))
    assert plan.answer_step.output == "conversion"
    assert x == pytest.approx(k / (1 + k), rel=1e-6)


def test_a_k_written_at_another_temperature_is_brought_to_the_reactions(planner: Planner) -> None:
    # K = 6.0 at 300 K is restated at 340 K by van 't Hoff before the conversion, K/(1 + K).
    plan, x = solve(
        planner,
        "For a liquid-phase isomerisation A ⇌ B, K = 6.0 at 300 K and the standard heat of "
        "reaction is -25 kJ/mol. What is the equilibrium conversion of pure A at 340 K?",
    )
    k = 6.0 * math.exp(25e3 / _R * (1 / 340 - 1 / 300))
    assert [s.tool for s in plan.steps] == ["equilibrium_constant", "equilibrium_conversion"]
    assert x == pytest.approx(k / (1 + k), rel=1e-6)


def test_an_equilibrium_conversion_without_the_feeds_ratio_is_not_answered(
    planner: Planner,
) -> None:
    reading = read_question(
        "CO + H2O ⇌ CO2 + H2 at 650 K with ΔH°298 = -41.1 kJ/mol and ΔG°298 = -28.6 kJ/mol. "
        "What equilibrium conversion of CO is reached?"
    )
    assert not any(s.tool == "equilibrium_conversion" for p in planner.plan(reading)
                   for s in p.steps)  # fmt: skip


def test_an_outlet_temperature_asked_by_its_symbol_is_not_the_temperature_rise(
    planner: Planner,
) -> None:
    reading = read_question(
        "Adiabatic reactor: inlet 405 K, conversion 0.8, dH_rxn -52 kJ/mol, sum theta*Cp "
        "310 J/(mol*K). Outlet T?"
    )
    assert all(p.answer_step.output != "temperature_rise" for p in planner.plan(reading))


def test_what_fraction_is_converted_asks_the_conversion(planner: Planner) -> None:
    # "What fraction of the CO is converted" names the conversion, not a vapour fraction.
    plan, x = solve(
        planner,
        "CO + H2O ⇌ CO2 + H2 runs at 720 K from 3 mol of steam per mol of CO; ΔH° = -41.1 "
        "kJ/mol and ΔG° = -28.6 kJ/mol at 298.15 K, ΔH° constant. What fraction of the CO is "
        "converted at equilibrium?",
    )
    k = math.exp(28.6e3 / (_R * 298.15) + 41.1e3 / _R * (1 / 720 - 1 / 298.15))
    assert plan.answer_step.output == "conversion"
    assert x == pytest.approx(_x_equimolar_shift(k, 3.0), rel=1e-6)
