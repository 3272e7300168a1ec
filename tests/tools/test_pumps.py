"""Pump tools against HI 1.3, Seider et al. and NRCan/CSA tables, and hand calculations."""

from __future__ import annotations

import pytest

from peoa.exceptions import ToolInputError

from .helpers import call, q

G = 9.80665


def test_pump_head_from_gauge_pressures() -> None:
    # 0.5 barg suction, 5 barg discharge: the atmosphere cancels, dP = 4.5 bar
    result = call(
        "pump_head",
        density=q(1000, "kg/m^3"),
        suction_pressure=q(0.5, "barg"),
        discharge_pressure=q(5, "barg"),
    )
    assert result.value("dP") == pytest.approx(4.5e5)
    assert result.value("head") == pytest.approx(4.5e5 / (1000 * G))
    with pytest.raises(ToolInputError, match=r"pressure_rise"):
        call("pump_head", density=q(1000, "kg/m^3"))
    # A rise beside a reading would leave the reading out (dev pumps-001: 7.2 barg given
    # as the rise, 0.8 barg as the suction, answered as a 7.2 bar rise).
    with pytest.raises(ToolInputError, match=r"not both"):
        call(
            "pump_head",
            density=q(998, "kg/m^3"),
            pressure_rise=q(7.2, "bar"),
            suction_pressure=q(0.8, "barg"),
        )


def test_pump_power_hand_calculation() -> None:
    result = call(
        "pump_power",
        density=q(1000, "kg/m^3"),
        volumetric_flow=q(100, "m^3/h"),
        head=q(50, "m"),
        efficiency=q(75, "%"),
        motor_efficiency=0.95,
    )
    hydraulic = 1000 * G * (100 / 3600) * 50
    assert result.value("hydraulic_power") == pytest.approx(hydraulic)
    assert result.value("brake_power") == pytest.approx(hydraulic / 0.75)
    assert result.value("motor_input_power") == pytest.approx(hydraulic / 0.75 / 0.95)


def test_pump_power_corripio_estimate() -> None:
    # Seider, Seader and Lewin, Product and Process Design Principles, Example 16.5:
    # 461 gpm gives an estimated pump efficiency of 0.706
    result = call(
        "pump_power", density=q(1000, "kg/m^3"), volumetric_flow=q(461, "gpm"), head=q(50, "m")
    )
    assert result.value("pump_efficiency") == pytest.approx(0.706, abs=1e-3)
    assert "Corripio" in result.method


def test_npsh_available_hand_calculation() -> None:
    # water at 25 degC (Pv 3.17 kPa) in an open tank 2 m above the pump, 0.5 m of losses
    result = call(
        "npsh_available",
        surface_pressure=q(0, "psig"),
        vapor_pressure=q(3.17, "kPa"),
        density=q(997, "kg/m^3"),
        static_head=q(2, "m"),
        friction_loss=q(0.5, "m"),
    )
    assert result.value("NPSHa") == pytest.approx((101325 - 3170) / (997 * G) + 2 - 0.5)


def test_affinity_laws() -> None:
    result = call(
        "pump_affinity",
        flow=q(100, "m^3/h"),
        head=q(50, "m"),
        power=q(20, "kW"),
        speed_1=q(2900, "rpm"),
        speed_2=q(1450, "rpm"),
    )
    assert result.value("flow", "m^3/h") == pytest.approx(50)
    assert result.value("head") == pytest.approx(12.5)
    assert result.value("power", "kW") == pytest.approx(2.5)
    trimmed = call(
        "pump_affinity",
        flow=q(100, "m^3/h"),
        head=q(50, "m"),
        diameter_1=q(250, "mm"),
        diameter_2=q(225, "mm"),
    )
    assert trimmed.value("head") == pytest.approx(50 * 0.9**2)
    assert trimmed.method == "impeller diameter"


def test_affinity_scales_what_is_given() -> None:
    # Only the power is known: 22 kW at 1450 rpm is 22 (1750/1450)^3 = 38.68 kW at 1750 rpm.
    result = call(
        "pump_affinity", power=q(22, "kW"), speed_1=q(1450, "rpm"), speed_2=q(1750, "rpm")
    )
    assert result.value("power", "kW") == pytest.approx(22 * (1750 / 1450) ** 3)
    assert result.value("flow") is None and result.value("head") is None
    with pytest.raises(ToolInputError, match="flow, head or power"):
        call("pump_affinity", speed_1=q(1450, "rpm"), speed_2=q(1750, "rpm"))


def test_specific_speed_hi_example() -> None:
    # HI 1.3 example: 0.0402 m^3/s, 100 m, 3550 rpm gives n_s = 22.5 (SI)
    result = call(
        "pump_specific_speed", flow=q(0.0402, "m^3/s"), head=q(100, "m"), speed=q(3550, "rpm")
    )
    assert result.value("Ns_SI") == pytest.approx(22.5, rel=1e-3)
    # the US customary value is n sqrt(Q[gpm]) / H[ft]^0.75
    us = 3550 * (0.0402 * 15850.323) ** 0.5 / (100 / 0.3048) ** 0.75
    assert result.value("Ns_US") == pytest.approx(us, rel=1e-6)
    # With their units, the two are one quantity: pint turns the US value into the SI one.
    assert result.value("Ns_US", "rpm*m**0.75/s**0.5") == pytest.approx(22.5, rel=1e-3)


def test_motor_size_csa_table() -> None:
    # NRCan CSA C390 table: a 100 hp open 2-pole motor has a minimum efficiency of 93 %
    result = call("motor_size", shaft_power=q(90, "hp"))
    assert result.value("motor_power_hp") == pytest.approx(100)
    assert result.value("motor_power_hp", "W") == pytest.approx(result.value("motor_power"))
    assert result.value("efficiency") == pytest.approx(0.93)


def test_a_pump_above_the_largest_standard_motor_still_has_its_brake_power() -> None:
    """4000 m³/h against 35 m at 70 %: 545 kW of brake power, above the CSA motor table;
    the brake power stands, the motor input power is left open with a warning."""
    result = call("pump_power", density=q(998, "kg/m^3"), volumetric_flow=q(4002, "m^3/h"),
                  head=q(35, "m"), efficiency=0.7)  # fmt: skip
    expected = 998 * 9.80665 * 4002 / 3600 * 35 / 0.7
    assert result.value("brake_power") == pytest.approx(expected, rel=1e-9)
    assert result.outputs["motor_input_power"].value is None
    assert any("largest standard motor" in w for w in result.warnings)


def test_pump_energy_cost_by_hand() -> None:
    # 50 m^3/h against 40 m: P_hyd = 1000*9.80665*(50/3600)*40 = 5448.1 W; pump 70 %,
    # motor 90 %: P_el = 5448.1/0.7/0.9 = 8647.8 W; 8000 h: 69 182 kWh; at 0.12/kWh: 8301.9.
    hydraulic = 1000 * G * 50 / 3600 * 40
    electrical = hydraulic / 0.7 / 0.9
    result = call(
        "pump_energy_cost",
        hydraulic_power=q(hydraulic, "W"),
        pump_efficiency=q(70, "%"),
        motor_efficiency=0.9,
        operating_hours=q(8000, "h"),
        electricity_price=0.12,
    )
    assert electrical == pytest.approx(8647.8, abs=0.1)
    assert result.value("electrical_power", "kW") == pytest.approx(electrical / 1e3)
    assert result.value("energy_per_year", "kWh") == pytest.approx(electrical / 1e3 * 8000)
    assert result.value("energy_per_year", "MWh") == pytest.approx(69.18, abs=0.01)
    assert result.value("yearly_cost") == pytest.approx(electrical / 1e3 * 8000 * 0.12)
    assert result.value("yearly_cost") == pytest.approx(8301.9, abs=0.1)
    # All year by default; a shaft power without a motor efficiency is drawn 1:1, with a warning
    year = call("pump_energy_cost", shaft_power=q(10, "kW"), electricity_price=0.1)
    assert year.value("energy_per_year", "kWh") == pytest.approx(87600)
    assert year.value("yearly_cost") == pytest.approx(8760)
    assert year.warnings


def test_pump_energy_cost_bad_inputs() -> None:
    with pytest.raises(ToolInputError, match=r"electricity_price.*out of range"):
        call("pump_energy_cost", shaft_power=q(10, "kW"), electricity_price=0)
    with pytest.raises(ToolInputError, match=r"electricity_price.*out of range"):
        call("pump_energy_cost", shaft_power=q(10, "kW"), electricity_price=-0.1)
    with pytest.raises(ToolInputError, match=r"operating_hours.*out of range"):
        call(
            "pump_energy_cost",
            shaft_power=q(10, "kW"),
            electricity_price=0.1,
            operating_hours=q(9000, "h"),
        )
    with pytest.raises(ToolInputError, match="go together"):
        call("pump_energy_cost", hydraulic_power=q(10, "kW"), electricity_price=0.1)
    with pytest.raises(ToolInputError, match="exactly one of"):
        call(
            "pump_energy_cost",
            shaft_power=q(10, "kW"),
            electrical_power=q(11, "kW"),
            electricity_price=0.1,
        )


def test_motor_size_above_the_largest_nema_motor_names_it() -> None:
    # fluids' NEMA table stops at 500 hp (372.85 kW); 600 hp has no standard motor.
    with pytest.raises(ToolInputError, match=r"largest standard .*500 hp \(372\.8 kW\)"):
        call("motor_size", shaft_power=q(600, "hp"))
    assert call("motor_size", shaft_power=q(500, "hp")).value("motor_power_hp") == pytest.approx(
        500
    )
