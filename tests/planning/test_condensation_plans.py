"""Film condensation questions planned from their wording."""

from __future__ import annotations

import pytest

from peoa.planning import Planner
from peoa.planning.execute import run_plan
from peoa.reading import read_question
from peoa.tools import get_registry


def test_a_wall_written_colder_than_the_vapour_is_a_subcooling(planner: Planner) -> None:
    """ "A surface 10 K colder than the steam" is T_sat - T_wall, not a wall at 10 K."""
    reading = read_question(
        "Saturated steam at 100 °C condenses on a vertical plate 0.5 m high whose surface is "
        "10 K colder than the steam. Liquid: ρ_l 958 kg/m³, μ_l 0.282 mPa·s, k_l 0.68 W/(m·K); "
        "vapour ρ_v 0.6 kg/m³; h_fg 2257 kJ/kg. What is the average condensation coefficient?"
    )
    plan = planner.plan(reading)[0]
    step = plan.answer_step
    assert step.tool == "h_condensation_nusselt"
    bound = {b.argument for b in step.bindings}
    assert "wall_subcooling" in bound and "T_wall" not in bound
    h = run_plan(plan, reading, get_registry())[step.index].outputs["h"].value
    expected = get_registry().run("h_condensation_nusselt", {
        "T_sat": "100 degC", "T_wall": "90 degC", "liquid_density": "958 kg/m^3",
        "vapor_density": "0.6 kg/m^3", "liquid_conductivity": "0.68 W/m/K",
        "liquid_viscosity": "0.282 mPa*s", "latent_heat": "2257 kJ/kg", "length": "0.5 m",
    }).value("h")  # fmt: skip
    assert h == pytest.approx(expected, rel=1e-9)
