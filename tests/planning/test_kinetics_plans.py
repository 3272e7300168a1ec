"""Arrhenius questions plan to ``arrhenius_rate_constant``'s right output and value."""

from __future__ import annotations

import math

import pytest

from peoa.planning import Planner
from peoa.planning.execute import run_plan
from peoa.reading import read_question
from peoa.tools import get_registry

R = 8.314462618  # J/(mol K)


def test_the_rate_constant_at_a_second_temperature(planner: Planner) -> None:
    reading = read_question(
        "A rate constant is 0.012 s⁻¹ at 350 K and the activation energy is 75 kJ/mol. "
        "What is the rate constant at 380 K, in s⁻¹?"
    )
    plan = planner.plan(reading)[0]
    step = plan.answer_step
    assert (step.tool, step.output) == ("arrhenius_rate_constant", "k_2")
    result = run_plan(plan, reading, get_registry())[step.index]
    by_hand = 0.012 * math.exp(-75e3 / R * (1 / 380 - 1 / 350))
    assert result.value("k_2", "1/s") == pytest.approx(by_hand, rel=1e-9)


def test_the_activation_energy_from_two_rate_constants(planner: Planner) -> None:
    reading = read_question(
        "k = 0.0035 min⁻¹ at 25 °C and 0.021 min⁻¹ at 45 °C; what is the activation energy?"
    )
    plan = planner.plan(reading)[0]
    step = plan.answer_step
    assert (step.tool, step.output) == ("arrhenius_rate_constant", "Ea")
    result = run_plan(plan, reading, get_registry())[step.index]
    by_hand = R * math.log(0.021 / 0.0035) / (1 / 298.15 - 1 / 318.15)
    assert result.value("Ea", "J/mol") == pytest.approx(by_hand, rel=1e-9)
