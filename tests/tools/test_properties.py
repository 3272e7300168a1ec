"""Where the property tools stop: the critical point, and mixtures that split into two phases."""

from __future__ import annotations

import pytest

from peoa.exceptions import ToolInputError
from peoa.tools import get_registry

from .helpers import call, q


def test_thermo_vapor_pressure_is_refused_above_the_critical_temperature() -> None:
    # Styrene is no CoolProp fluid; chemicals gives Tc = 635 K. Its vapour-pressure
    # correlation, extrapolated, used to give 7.0 MPa at 700 K.
    with pytest.raises(ToolInputError, match=r"critical temperature.*635 K"):
        call("vapor_pressure", chemical="styrene", temperature=q(700, "K"))
    with pytest.raises(ToolInputError, match=r"critical temperature.*635 K"):
        call("vapor_pressure", chemical="styrene", temperature=q(635, "K"))


def test_thermo_saturation_temperature_is_refused_above_the_critical_pressure() -> None:
    # Styrene's Pc is 3.9 MPa (chemicals); 100 bar used to give Tsat = 735.5 K, past Tc.
    with pytest.raises(ToolInputError, match=r"critical pressure.*3\.9 MPa"):
        call("saturation_temperature", chemical="styrene", pressure=q(100, "bar"))


def test_thermo_saturation_line_below_the_critical_point_still_answers() -> None:
    # Styrene boils at 418.3 K under 1 atm (CRC Handbook); its vapour pressure there is 1 atm.
    tsat = call("saturation_temperature", chemical="styrene", pressure=q(1, "atm"))
    assert tsat.value("Tsat") == pytest.approx(418.3, abs=0.5)
    psat = call("vapor_pressure", chemical="styrene", temperature=q(418.3, "K"))
    assert psat.value("Psat") == pytest.approx(101325, rel=0.02)


@pytest.mark.parametrize("method", ["CoolProp", "thermo"])
def test_water_saturation_line_is_refused_past_the_critical_point(method: str) -> None:
    # IAPWS-95's critical point: 647.096 K, 22.064 MPa; thermo's chemicals data agree.
    with pytest.raises(ToolInputError, match=r"critical temperature.*647\.1 K"):
        call("vapor_pressure", chemical="water", temperature=q(700, "K"), method=method)
    with pytest.raises(ToolInputError, match=r"critical pressure.*22\.06 MPa"):
        call("saturation_temperature", chemical="water", pressure=q(300, "bar"), method=method)


def test_mixture_properties_refuses_a_two_phase_state_and_names_a_flash_tool() -> None:
    # Equimolar water-ethanol at 90 degC and 1 atm lies between the bubble and dew points
    # of thermo's ideal (Raoult's law) flash: no single-phase mixture properties exist there.
    with pytest.raises(ToolInputError, match=r"two-phase.*flash_tp") as refused:
        call(
            "mixture_properties",
            components=["water", "ethanol"],
            fractions=[0.5, 0.5],
            temperature=q(90, "degC"),
        )
    assert "calculation failed" not in str(refused.value)
    assert "flash_tp" in get_registry()
