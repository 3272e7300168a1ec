"""The small tools that make a conversion a plan step: velocity, flows, absolute pressure."""

import pytest

from peoa.exceptions import ToolInputError
from peoa.tools import get_registry


def run(tool: str, **arguments: object):
    return get_registry().run(tool, arguments)


def test_pipe_velocity_from_a_volumetric_or_a_mass_flow() -> None:
    by_volume = run("pipe_velocity", diameter={"value": 52.5, "unit": "mm"},
                    volumetric_flow={"value": 15, "unit": "m3/h"})  # fmt: skip
    assert by_volume.value("velocity", "m/s") == pytest.approx(1.92488, rel=1e-4)
    by_mass = run("pipe_velocity", diameter={"value": 52.5, "unit": "mm"},
                  mass_flow={"value": 15 * 998 / 3600, "unit": "kg/s"},
                  density={"value": 998, "unit": "kg/m3"})  # fmt: skip
    assert by_mass.value("velocity", "m/s") == pytest.approx(1.92488, rel=1e-4)
    with pytest.raises(ToolInputError, match="mass_flow and density"):
        run("pipe_velocity", diameter={"value": 1, "unit": "in"})


def test_flow_rates_between_volume_mass_and_moles() -> None:
    result = run("flow_rates", volumetric_flow={"value": 36, "unit": "m3/h"},
                 density={"value": 1000, "unit": "kg/m3"},
                 molar_mass={"value": 18.015, "unit": "g/mol"})  # fmt: skip
    assert result.value("mass_flow", "kg/s") == pytest.approx(10.0)
    assert result.value("molar_flow", "mol/s") == pytest.approx(10.0 / 0.018015)
    with pytest.raises(ToolInputError, match="needs the density"):
        run("flow_rates", volumetric_flow={"value": 1, "unit": "m3/h"})


def test_absolute_pressure_adds_the_stated_atmosphere_not_the_standard_one() -> None:
    result = run("absolute_pressure", gauge_pressure={"value": 150, "unit": "psig"},
                 atmospheric_pressure={"value": 14.2, "unit": "psia"})  # fmt: skip
    assert result.value("pressure", "psi") == pytest.approx(164.2)


def test_viscosities_between_dynamic_and_kinematic() -> None:
    # 45 cSt at 870 kg/m3 is 39.15 mPa s; and back.
    result = run("viscosities", kinematic_viscosity={"value": 45, "unit": "cSt"},
                 density={"value": 870, "unit": "kg/m3"})  # fmt: skip
    assert result.value("dynamic_viscosity", "mPa*s") == pytest.approx(39.15)
    back = run("viscosities", dynamic_viscosity={"value": 39.15, "unit": "cP"},
               density={"value": 0.87, "unit": "g/cm3"})  # fmt: skip
    assert back.value("kinematic_viscosity", "cSt") == pytest.approx(45.0)
    with pytest.raises(ToolInputError, match="give one of"):
        run("viscosities", density={"value": 870, "unit": "kg/m3"})


def test_a_viscosity_given_in_the_other_form_is_a_plan_step() -> None:
    from peoa.planning import Planner, QuantityGraph
    from peoa.reading import read_question

    registry = get_registry()
    reading = read_question(
        "A lube oil has a kinematic viscosity of 45.0 cSt and a density of 870.0 kg/m³. "
        "What is its dynamic viscosity in mPa·s?"
    )
    (best, *_) = Planner(registry, QuantityGraph.from_registry(registry)).plan(reading)
    assert best.describe() == "viscosities.dynamic_viscosity" and best.unused == ()
