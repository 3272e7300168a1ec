"""Material balances the planner reaches without a flowsheet: a tie component through an
evaporator, a dryer or a dilution, and two streams blended."""

from __future__ import annotations

import pytest

from peoa.planning import Planner
from peoa.reading import read_question
from peoa.tools import get_registry
from tests.planning.answers import answer, solve


@pytest.mark.parametrize(
    ("question", "plan", "expected_kg_h"),
    [
        (
            "An evaporator concentrates 2400 kg/h of a sugar solution from 12 wt% to 48 wt% "
            "sugar. How much water is evaporated, in kg/h?",
            "tie_component_balance.removed",
            2400 * (1 - 12 / 48),
        ),
        (
            "A dryer takes 500 kg/h of wet cake at 40 wt% solids and delivers a product of "
            "92 wt% solids. How much water is removed, in kg/h?",
            "tie_component_balance.removed",
            500 * (1 - 40 / 92),
        ),
        (
            # "evaporation rate" names the water removed, not the concentrate.
            "What evaporation rate (kg/h) takes 9000 kg/h of tomato juice from 5 wt% to "
            "28 wt% solids?",
            "tie_component_balance.removed",
            9000 * (1 - 5 / 28),
        ),
        (
            "A 30 wt% caustic solution (1200 kg/h) is diluted with water to 18 wt% NaOH. "
            "How much water is added (kg/h)?",
            "tie_component_balance.added",
            1200 * (30 / 18 - 1),
        ),
    ],
)
def test_a_tie_component_gives_the_water_removed_or_added(
    planner: Planner, question: str, plan: str, expected_kg_h: float
) -> None:
    described, value = answer(planner, question, "kg/h")
    assert described == plan
    assert value == pytest.approx(expected_kg_h, rel=1e-9)


def test_two_streams_blend_to_their_flow_weighted_fraction_asked_in_wt_percent(
    planner: Planner,
) -> None:
    question = (
        "A mixer combines 5 t/h of a 20 wt% brine with 2000 kg/h of a 10 wt% brine. "
        "What is the salt concentration of the mixed stream, in wt%?"
    )
    assert read_question(question).asked.unit == "wt%"  # a percentage is an asked unit
    described, value = answer(planner, question, "percent")
    assert described == "two_stream_blend.fraction_out"
    assert value == pytest.approx(100 * (5000 * 0.20 + 2000 * 0.10) / 7000, rel=1e-9)


def test_a_blends_streams_are_written_not_computed(planner: Planner) -> None:
    # One stream and two fractions: no tool's computed flow may stand in for the second
    # stream of a blend (a steam flow is not a stream mixed into the liquor).
    reading = read_question(
        "Kraft liquor (9.8 t/h, 6.1 wt% solids) is concentrated to 21 wt% in an evaporator "
        "running at 0.7 bar absolute. Saturated steam at 45 psig (barometer 14.7 psia) heats "
        "it. With the feed at its boiling point and no heat loss, find the steam flow in t/h."
    )
    assert all(s.tool != "two_stream_blend" for p in planner.plan(reading) for s in p.steps)


def test_an_evaporators_steam_from_its_two_pressures_and_a_bare_first_fraction(
    planner: Planner,
) -> None:
    # "from 8 to 30 wt%": the first fraction takes the unit written after the second; the
    # steam's gauge pressure is made absolute with the barometer before the balance.
    question = (
        "An evaporator takes 12 t/h of tomato juice from 8 to 30 wt% solids. The juice boils "
        "at 0.2 bar absolute (fed at its boiling point, no boiling-point rise); the heating "
        "steam is saturated at 1.5 barg with a 1.01 bar barometer. Steam consumption in kg/h?"
    )
    plan, steam = solve(planner, question, "kg/h")
    expected = get_registry().run("single_effect_evaporator", {
        "feed_mass_flow": "12 t/h", "fraction_in": 0.08, "fraction_out": 0.30,
        "boiling_pressure": "0.2 bar", "steam_pressure": "2.51 bar",
    })  # fmt: skip
    assert plan.answer_step.tool == "single_effect_evaporator"
    assert not plan.unused
    assert steam == pytest.approx(expected.value("steam_mass_flow", "kg/h"), rel=1e-9)
