"""ISO 5167 flow meters against the standard's equations written out independently:
Reader-Harris/Gallagher (ISO 5167-2:2003 eq. 4) for orifices and C = 0.995 for machined
classical venturi tubes (ISO 5167-4:2003 sec. 5.5.4)."""

from __future__ import annotations

import math

import pytest

from .helpers import call, q


def rhg_flange(beta: float, D: float, Re_D: float) -> float:
    """ISO 5167-2:2003 eq. 4 (Reader-Harris/Gallagher), flange taps, D in metres."""
    L1 = L2 = 0.0254 / D
    M2 = 2 * L2 / (1 - beta)
    A = (19000 * beta / Re_D) ** 0.8
    C = (
        0.5961
        + 0.0261 * beta**2
        - 0.216 * beta**8
        + 0.000521 * (1e6 * beta / Re_D) ** 0.7
        + (0.0188 + 0.0063 * A) * beta**3.5 * (1e6 / Re_D) ** 0.3
        + (0.043 + 0.080 * math.exp(-10 * L1) - 0.123 * math.exp(-7 * L1))
        * (1 - 0.11 * A)
        * beta**4
        / (1 - beta**4)
        - 0.031 * (M2 - 0.8 * M2**1.1) * beta**1.3
    )
    if D < 0.07112:
        C += 0.011 * (0.75 - beta) * (2.8 - D / 0.0254)
    return C


def mass_flow(C: float, beta: float, d: float, dp: float, rho: float, eps: float = 1.0) -> float:
    """ISO 5167-1:2003 eq. 1."""
    return C / math.sqrt(1 - beta**4) * eps * math.pi / 4 * d**2 * math.sqrt(2 * dp * rho)


WATER = dict(density=q(999.1, "kg/m^3"), viscosity=q(1.1, "cP"), P1=q(2, "bar"))


def test_orifice_flange_taps_reader_harris_gallagher() -> None:
    D, d, dp, rho, mu = 0.1023, 0.06, 25e3, 999.1, 1.1e-3
    result = call(
        "flow_meter_flow",
        pipe_diameter=q(D, "m"),
        bore_diameter=q(60, "mm"),
        differential_pressure=q(25, "kPa"),
        taps="flange",
        **WATER,
    )
    beta = d / D
    m = result.value("mass_flow")
    Re_D = 4 * m / (math.pi * D * mu)
    C = rhg_flange(beta, D, Re_D)
    assert result.value("C") == pytest.approx(C, rel=1e-6)
    assert m == pytest.approx(mass_flow(C, beta, d, dp, rho), rel=1e-6)
    assert result.value("epsilon") == 1.0
    assert result.method == "ISO 5167 orifice, flange taps"


def test_venturi_tube_fixed_discharge_coefficient() -> None:
    D, d, dp, rho = 0.07366, 0.05, 17e3, 999.1
    result = call(
        "flow_meter_flow",
        pipe_diameter=q(D, "m"),
        bore_diameter=q(50, "mm"),
        differential_pressure=q(17, "kPa"),
        meter_type="machined convergent venturi tube",
        **WATER,
    )
    assert result.value("C") == pytest.approx(0.995)
    assert result.value("mass_flow") == pytest.approx(mass_flow(0.995, d / D, d, dp, rho), rel=1e-9)


def test_dp_and_bore_invert_the_flow() -> None:
    base = dict(pipe_diameter=q(73.66, "mm"), taps="D and D/2", phase="gas", k=1.33, **WATER)
    flow = call(
        "flow_meter_flow", bore_diameter=q(50, "mm"), differential_pressure=q(17, "kPa"), **base
    )
    m = flow.value("mass_flow")
    dp = call("flow_meter_dp", bore_diameter=q(50, "mm"), mass_flow=q(m, "kg/s"), **base)
    assert dp.value("differential_pressure") == pytest.approx(17e3, rel=1e-6)
    bore = call(
        "flow_meter_bore", differential_pressure=q(17, "kPa"), mass_flow=q(m, "kg/s"), **base
    )
    assert bore.value("bore_diameter") == pytest.approx(0.05, rel=1e-6)
    # ISO 5167-2 eq. 5 expansibility for a gas: eps < 1
    assert 0.9 < flow.value("epsilon") < 1.0


def test_venturi_nozzle_gives_its_flow_with_the_permanent_loss_left_open() -> None:
    # ISO 5167-3:2003 gives a venturi nozzle C = 0.9858 - 0.196 beta^4.5. fluids
    # has no permanent-pressure-loss formula for it; the rest of the answer still stands.
    D, d, dp, rho = 0.1, 0.05, 10e3, 999.1
    beta = d / D
    C = 0.9858 - 0.196 * beta**4.5
    base = dict(pipe_diameter=q(100, "mm"), meter_type="venturi nozzle", **WATER)
    flow = call(
        "flow_meter_flow", bore_diameter=q(50, "mm"), differential_pressure=q(10, "kPa"), **base
    )
    m = mass_flow(C, beta, d, dp, rho)
    assert flow.value("C") == pytest.approx(C, rel=1e-9)
    assert flow.value("mass_flow") == pytest.approx(m, rel=1e-9)
    assert flow.outputs["permanent_pressure_loss"].value is None
    assert any("permanent pressure loss" in w for w in flow.warnings)
    assert "no permanent pressure loss" in (flow.method or "")

    dp_result = call("flow_meter_dp", bore_diameter=q(50, "mm"), mass_flow=q(m, "kg/s"), **base)
    assert dp_result.value("differential_pressure") == pytest.approx(dp, rel=1e-6)
    assert dp_result.outputs["permanent_pressure_loss"].value is None

    bore = call(
        "flow_meter_bore", differential_pressure=q(10, "kPa"), mass_flow=q(m, "kg/s"), **base
    )
    assert bore.value("bore_diameter") == pytest.approx(d, rel=1e-6)
    assert bore.outputs["permanent_pressure_loss"].value is None
