"""Power and refrigeration cycles against Cengel & Boles, Thermodynamics: An Engineering
Approach (examples named in each test; the book's air-table and steam-table values, so a
tolerance of the book's printed precision or, for the air cycles, about 1 %)."""

from __future__ import annotations

import pytest

from peoa.exceptions import ToolInputError

from .helpers import call, q


def test_simple_ideal_rankine_cycle() -> None:
    # Example 10-1: 3 MPa, 350 °C, condenser 75 kPa: w_pump 3.03 kJ/kg, q_in 2728.6 kJ/kg,
    # q_out 2018.6 kJ/kg, efficiency 26.0 %.
    r = call("rankine_cycle", boiler_pressure=q(3, "MPa"),
             turbine_inlet_temperature=q(350, "degC"), condenser_pressure=q(75, "kPa"))  # fmt: skip
    assert r.value("pump_work", "kJ/kg") == pytest.approx(3.03, abs=0.02)
    assert r.value("heat_in", "kJ/kg") == pytest.approx(2728.6, abs=1.0)
    assert r.value("heat_out", "kJ/kg") == pytest.approx(2018.6, abs=1.5)
    assert r.value("thermal_efficiency") == pytest.approx(0.260, abs=0.001)
    assert len(r.value("states")) == 4


def test_actual_rankine_cycle_with_flow_from_net_power() -> None:
    r = call("rankine_cycle", boiler_pressure=q(3, "MPa"), turbine_inlet_temperature=q(350, "degC"),
             condenser_pressure=q(75, "kPa"), turbine_efficiency=0.87, pump_efficiency=0.85,
             net_power=q(10, "MW"))  # fmt: skip
    ideal = call("rankine_cycle", boiler_pressure=q(3, "MPa"),
                 turbine_inlet_temperature=q(350, "degC"), condenser_pressure=q(75, "kPa"))  # fmt: skip
    assert r.value("thermal_efficiency") < ideal.value("thermal_efficiency")
    assert r.value("mass_flow") * r.value("net_work") == pytest.approx(10e6, rel=1e-9)
    assert r.value("pump_work") == pytest.approx(ideal.value("pump_work") / 0.85, rel=1e-6)


def test_ideal_reheat_rankine_cycle() -> None:
    # Example 10-4: 15 MPa, 600 °C, reheat at 4 MPa to 600 °C, condenser 10 kPa: turbine
    # exit quality 0.896, efficiency 45.0 %.
    r = call("rankine_cycle", boiler_pressure=q(15, "MPa"), turbine_inlet_temperature=q(600, "degC"),
             reheat_pressure=q(4, "MPa"), condenser_pressure=q(10, "kPa"))  # fmt: skip
    assert r.value("turbine_exit_quality") == pytest.approx(0.896, abs=0.002)
    assert r.value("thermal_efficiency") == pytest.approx(0.450, abs=0.002)
    assert r.method == "reheat"


def test_regenerative_rankine_with_open_feedwater_heater() -> None:
    # Example 10-5: 15 MPa, 600 °C, open heater at 1.2 MPa, condenser 10 kPa: bleed
    # fraction 0.2270, efficiency 46.3 %.
    r = call("rankine_regenerative_cycle", boiler_pressure=q(15, "MPa"),
             turbine_inlet_temperature=q(600, "degC"), heater_pressure=q(1.2, "MPa"),
             condenser_pressure=q(10, "kPa"))  # fmt: skip
    assert r.value("bleed_fraction") == pytest.approx(0.2270, abs=0.001)
    assert r.value("thermal_efficiency") == pytest.approx(0.463, abs=0.002)


def test_closed_feedwater_heater_balances_its_drain() -> None:
    r = call("rankine_regenerative_cycle", boiler_pressure=q(15, "MPa"),
             turbine_inlet_temperature=q(600, "degC"), heater_pressure=q(1.2, "MPa"),
             condenser_pressure=q(10, "kPa"), heater="closed")  # fmt: skip
    states = {row["state"]: row for row in r.value("states")}
    drain = states["3 heater drain"]
    feed_out = states["4 boiler inlet"]
    assert feed_out["T_K"] == pytest.approx(drain["T_K"], abs=1e-3)  # zero terminal difference
    open_heater = call("rankine_regenerative_cycle", boiler_pressure=q(15, "MPa"),
                       turbine_inlet_temperature=q(600, "degC"), heater_pressure=q(1.2, "MPa"),
                       condenser_pressure=q(10, "kPa"))  # fmt: skip
    # The trapped drain loses its heat to the condenser: a little below the open heater.
    assert 0.44 < r.value("thermal_efficiency") < open_heater.value("thermal_efficiency")
    with pytest.raises(ToolInputError, match="between the condenser's and the boiler's"):
        call("rankine_regenerative_cycle", boiler_pressure=q(15, "MPa"),
             heater_pressure=q(20, "MPa"), condenser_pressure=q(10, "kPa"))  # fmt: skip


def test_brayton_cycles_with_variable_specific_heats() -> None:
    # Example 9-5: pressure ratio 8, 300 K, 1300 K: back work ratio 0.403, efficiency 42.6 %,
    # T4 = 770 K. Example 9-6: compressor 80 %, turbine 85 %: 0.592, 26.6 %, T4a = 853 K.
    # Example 9-7: the same with a regenerator of effectiveness 0.80: 36.9 %.
    common = {"pressure_ratio": 8, "T1": q(300, "K"), "T3": q(1300, "K")}
    ideal = call("brayton_cycle", **common)
    assert ideal.value("back_work_ratio") == pytest.approx(0.403, abs=0.003)
    assert ideal.value("thermal_efficiency") == pytest.approx(0.426, abs=0.003)
    assert ideal.value("turbine_exit_temperature") == pytest.approx(770.1, abs=2)
    real = call("brayton_cycle", compressor_efficiency=0.8, turbine_efficiency=0.85, **common)
    assert real.value("back_work_ratio") == pytest.approx(0.592, abs=0.003)
    assert real.value("thermal_efficiency") == pytest.approx(0.266, abs=0.003)
    assert real.value("turbine_exit_temperature") == pytest.approx(853, abs=2)
    regen = call("brayton_cycle", compressor_efficiency=0.8, turbine_efficiency=0.85,
                 regenerator_effectiveness=0.8, **common)  # fmt: skip
    assert regen.value("thermal_efficiency") == pytest.approx(0.369, abs=0.003)


def test_cold_air_standard_brayton_and_staging() -> None:
    # Cengel & Boles eq. 9-17: eta = 1 - r^(-(k-1)/k) = 44.8 % at r = 8, k = 1.4.
    cold = call(
        "brayton_cycle", pressure_ratio=8, T1=q(300, "K"), T3=q(1300, "K"), air_model="cold_air"
    )
    assert cold.value("thermal_efficiency") == pytest.approx(1 - 8 ** (-0.4 / 1.4), rel=1e-9)
    staged = call("brayton_cycle", pressure_ratio=8, T1=q(300, "K"), T3=q(1300, "K"),
                  air_model="cold_air", stages=2)  # fmt: skip
    assert staged.value("back_work_ratio") < cold.value("back_work_ratio")
    with pytest.raises(ToolInputError, match="regenerator cannot work"):
        call("brayton_cycle", pressure_ratio=30, T1=q(300, "K"), T3=q(900, "K"),
             regenerator_effectiveness=0.8)  # fmt: skip


def test_ideal_vapour_compression_refrigeration() -> None:
    # Example 11-1 (7th ed. tables): R-134a between 0.14 and 0.8 MPa, 0.05 kg/s: Q_L = 7.18
    # kW, W = 1.81 kW, COP_R = 3.97.
    c = call("refrigeration_cycle", refrigerant="R134a", evaporator_pressure=q(0.14, "MPa"),
             condenser_pressure=q(0.8, "MPa"), mass_flow=q(0.05, "kg/s"))  # fmt: skip
    assert c.value("refrigeration_capacity", "kW") == pytest.approx(7.18, abs=0.03)
    assert c.value("compressor_power", "kW") == pytest.approx(1.81, abs=0.02)
    assert c.value("cop_refrigerator") == pytest.approx(3.97, abs=0.02)
    assert c.value("cop_heat_pump") == pytest.approx(c.value("cop_refrigerator") + 1, rel=1e-9)


def test_refrigeration_capacity_gives_the_flow() -> None:
    c = call("refrigeration_cycle", refrigerant="ammonia", evaporator_temperature=q(-10, "degC"),
             condenser_temperature=q(35, "degC"), compressor_efficiency=0.8, superheat=q(5, "K"),
             subcooling=q(3, "K"), capacity=q(10, "ton_of_refrigeration"))  # fmt: skip
    assert c.value("mass_flow") * c.value("refrigeration_effect") == pytest.approx(
        35168.5, rel=1e-4
    )
    assert c.method == "actual vapour-compression cycle"
    with pytest.raises(ToolInputError, match="above the evaporator"):
        call("refrigeration_cycle", refrigerant="R134a", evaporator_pressure=q(1, "MPa"),
             condenser_pressure=q(0.5, "MPa"))  # fmt: skip


def test_gas_steam_combined_cycle() -> None:
    # Example 10-9: Brayton with r = 8, 300 K and 1300 K, compressor 80 %, turbine 85 %;
    # exhaust leaves the heat-recovery steam generator at 450 K; ideal Rankine between 7 MPa
    # (500 °C) and 5 kPa: m_steam/m_air = 0.131, combined efficiency 48.7 % (the gas cycle
    # alone 26.6 %, as Example 9-6).
    c = call("combined_cycle", pressure_ratio=8, T1=q(300, "K"), T3=q(1300, "K"),
             stack_temperature=q(450, "K"), boiler_pressure=q(7, "MPa"),
             turbine_inlet_temperature=q(500, "degC"), condenser_pressure=q(5, "kPa"),
             compressor_efficiency=0.8, gas_turbine_efficiency=0.85, net_power=q(100, "MW"))  # fmt: skip
    assert c.value("steam_to_air_ratio") == pytest.approx(0.131, abs=0.002)
    assert c.value("thermal_efficiency") == pytest.approx(0.487, abs=0.003)
    assert c.value("gas_cycle_efficiency") == pytest.approx(0.266, abs=0.003)
    assert c.value("air_mass_flow") * c.value("net_work") == pytest.approx(100e6, rel=1e-9)
    with pytest.raises(ToolInputError, match="colder than the gas turbine exhaust"):
        call("combined_cycle", pressure_ratio=8, T1=q(300, "K"), T3=q(1300, "K"),
             stack_temperature=q(900, "K"), boiler_pressure=q(7, "MPa"),
             turbine_inlet_temperature=q(500, "degC"), condenser_pressure=q(5, "kPa"))  # fmt: skip


def test_turbine_exhaust_quality_warning_names_the_threshold_it_uses() -> None:
    # Example 10-3: 15 MPa, 600 °C, condenser 10 kPa, no reheat: exit quality 0.804, below
    # the 0.85 the tool warns at; Example 10-4's reheat raises it to 0.896, without warning.
    wet = call("rankine_cycle", boiler_pressure=q(15, "MPa"),
               turbine_inlet_temperature=q(600, "degC"), condenser_pressure=q(10, "kPa"))  # fmt: skip
    assert wet.value("turbine_exit_quality") == pytest.approx(0.804, abs=0.002)
    erosion = [w for w in wet.warnings if "blade erosion" in w]
    assert len(erosion) == 1 and "below 0.85" in erosion[0] and "0.88" not in erosion[0]
    dry = call("rankine_cycle", boiler_pressure=q(15, "MPa"), turbine_inlet_temperature=q(600, "degC"),
               reheat_pressure=q(4, "MPa"), condenser_pressure=q(10, "kPa"))  # fmt: skip
    assert not [w for w in dry.warnings if "blade erosion" in w]
