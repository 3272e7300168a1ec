"""Humid air against the ASHRAE equations by hand; water and steam against IAPWS-95's own
verification tables and a steam-table entry."""

from __future__ import annotations

import pytest

from peoa.exceptions import ToolInputError

from .helpers import call, q


def test_humid_air_ashrae_wet_bulb_relation() -> None:
    # ASHRAE Handbook - Fundamentals (2017) ch. 1, eq. 33 (SI): from dry bulb 40 degC and
    # thermodynamic wet bulb 20 degC at 101.325 kPa,
    # W = ((2501 - 2.326 t*) Ws* - 1.006 (t - t*)) / (2501 + 1.86 t - 4.186 t*),
    # with the saturation humidity ratio at t* = 20 degC, Ws* = 0.014758 (ASHRAE Table 2;
    # it includes the enhancement factor that an ideal-gas 0.621945 pws/(p - pws) lacks).
    ws = 0.014758
    w = ((2501 - 2.326 * 20) * ws - 1.006 * 20) / (2501 + 1.86 * 40 - 4.186 * 20)
    r = call("humid_air_properties", dry_bulb=q(40, "degC"), wet_bulb=q(20, "degC"))
    assert r.value("humidity_ratio") == pytest.approx(w, rel=0.005)
    # h = 1.006 t + W (2501 + 1.86 t) kJ/kg dry air (ASHRAE eq. 32)
    h = 1.006 * 40 + w * (2501 + 1.86 * 40)
    assert r.value("enthalpy", "kJ/kg") == pytest.approx(h, rel=0.005)
    # round trip: the state found from its own relative humidity is the same state
    back = call(
        "humid_air_properties",
        dry_bulb=q(40, "degC"),
        relative_humidity=r.value("relative_humidity"),
    )
    assert back.value("wet_bulb", "degC") == pytest.approx(20, abs=1e-3)
    assert back.value("dew_point") < back.value("wet_bulb") < 313.15


def test_humid_air_relative_humidity_definition() -> None:
    # W = 0.621945 phi pws / (p - phi pws); pws(30 degC) = 4.2467 kPa (ASHRAE Table 3)
    r = call("humid_air_properties", dry_bulb=q(30, "degC"), relative_humidity=q(50, "%"))
    pw = 0.5 * 4.2467
    assert r.value("humidity_ratio") == pytest.approx(0.621945 * pw / (101.325 - pw), rel=0.005)
    with pytest.raises(ToolInputError, match="exactly one"):
        call("humid_air_properties", dry_bulb=q(30, "degC"))
    with pytest.raises(ToolInputError, match="cannot exceed"):
        call("humid_air_properties", dry_bulb=q(30, "degC"), dew_point=q(35, "degC"))
    with pytest.raises(ToolInputError, match="out of range"):
        call("humid_air_properties", dry_bulb=q(30, "degC"), relative_humidity=1.5)


def test_iapws95_verification_values() -> None:
    # IAPWS R6-95(2018), Table 8 (saturation): T = 450 K: p = 0.932203564 MPa,
    # rho' = 890.341250, rho'' = 4.81200360 kg/m3, h' = 749.161585, h'' = 2774.41078 kJ/kg
    sat = call("steam_saturation", temperature=q(450, "K"))
    assert sat.value("P_sat", "MPa") == pytest.approx(0.932203564, rel=1e-7)
    assert 1 / sat.value("v_f") == pytest.approx(890.341250, rel=1e-7)
    assert 1 / sat.value("v_g") == pytest.approx(4.81200360, rel=1e-7)
    assert sat.value("h_f", "kJ/kg") == pytest.approx(749.161585, rel=1e-7)
    assert sat.value("h_g", "kJ/kg") == pytest.approx(2774.41078, rel=1e-7)


def test_steam_table_superheated_and_wet_states() -> None:
    # Cengel & Boles, Thermodynamics, Table A-6: 1 MPa, 300 degC: h = 3051.6 kJ/kg,
    # s = 7.1246 kJ/kg/K, v = 0.25799 m3/kg
    r = call("steam_properties", pressure=q(10, "bar"), temperature=q(300, "degC"))
    assert r.value("phase") == "gas"
    assert r.value("enthalpy", "kJ/kg") == pytest.approx(3051.6, abs=0.2)
    assert r.value("entropy", "kJ/kg/K") == pytest.approx(7.1246, abs=2e-4)
    assert r.value("specific_volume") == pytest.approx(0.25799, rel=1e-4)
    # isentropic expansion to 10 kPa lands in the wet region: x = (s - sf)/sfg
    sat = call("steam_saturation", pressure=q(10, "kPa"))
    wet = call("steam_properties", pressure=q(10, "kPa"), entropy=q(7.1246, "kJ/kg/K"))
    x = (7124.6 - sat.value("s_f")) / (sat.value("s_g") - sat.value("s_f"))
    assert wet.value("quality") == pytest.approx(x, rel=1e-6)
    assert wet.value("enthalpy") == pytest.approx(
        sat.value("h_f") + x * sat.value("h_fg"), rel=1e-9
    )
    with pytest.raises(ToolInputError, match="exactly two"):
        call("steam_properties", pressure=q(10, "kPa"))
    with pytest.raises(ToolInputError, match="between"):
        call("steam_saturation", pressure=q(300, "bar"))


def test_a_sensible_heating_coils_duty_is_the_dry_air_flow_times_the_enthalpy_rise() -> None:
    """ASHRAE Fundamentals ch. 1: Q = m_da (h2 - h1) at constant W; 1 m³/s of air at
    20 °C and 50 % RH heated to 30 °C at 101.325 kPa takes about 12 kW per m³/s."""
    from CoolProp.HumidAirProp import HAPropsSI

    result = call("air_heating_coil", T_in=q(20, "degC"), T_out=q(30, "degC"),
                  relative_humidity=q(50, "%"), volumetric_flow=q(3600, "m^3/h"))  # fmt: skip
    v1 = HAPropsSI("Vda", "T", 293.15, "P", 101325, "R", 0.5)
    w = HAPropsSI("W", "T", 293.15, "P", 101325, "R", 0.5)
    h1 = HAPropsSI("Hda", "T", 293.15, "P", 101325, "R", 0.5)
    h2 = HAPropsSI("Hda", "T", 303.15, "P", 101325, "W", w)
    assert result.value("duty") == pytest.approx((1 / v1) * (h2 - h1), rel=1e-9)
    assert 11e3 < result.value("duty") < 13e3
    assert result.value("relative_humidity_out") < 0.5
    with pytest.raises(ToolInputError, match="dew point"):
        call("air_heating_coil", T_in=q(30, "degC"), T_out=q(5, "degC"),
             relative_humidity=q(80, "%"), volumetric_flow=q(1, "m^3/s"))  # fmt: skip


def test_saturated_condensate_flashes_by_the_enthalpy_it_carries_over() -> None:
    """Spirax Sarco's rule: condensate at 7 barg flashed to atmosphere (0 barg) loses
    about 13 % as flash steam; x = (h_f1 - h_f2)/h_fg2 from IAPWS-95."""
    from CoolProp.CoolProp import PropsSI

    result = call("condensate_flash", pressure_in=q(7, "barg"), pressure_out=q(0, "barg"),
                  mass_flow=q(1000, "kg/h"))  # fmt: skip
    p1, p2 = 7e5 + 101325, 101325
    hf1, hf2 = PropsSI("H", "P", p1, "Q", 0, "Water"), PropsSI("H", "P", p2, "Q", 0, "Water")
    x = (hf1 - hf2) / (PropsSI("H", "P", p2, "Q", 1, "Water") - hf2)
    assert result.value("flash_fraction") == pytest.approx(x, rel=1e-9)
    assert 0.12 < x < 0.14
    assert result.value("flash_flow", "kg/h") + result.value("liquid_flow", "kg/h") == (
        pytest.approx(1000)
    )
    with pytest.raises(ToolInputError, match="below"):
        call("condensate_flash", pressure_in=q(1, "bar"), pressure_out=q(2, "bar"),
             mass_flow=q(1, "kg/s"))  # fmt: skip


def test_two_air_streams_mix_by_their_dry_air_water_and_enthalpy_balances() -> None:
    # The mixed state lies on the straight line between the two: W and h are the dry-air
    # weighted means of each stream's (the streams' own states from humid_air_properties).
    one = {"dry_bulb": q(35, "degC"), "relative_humidity": 0.4, "pressure": q(95, "kPa")}
    two = {"dry_bulb": q(20, "degC"), "relative_humidity": 0.7, "pressure": q(95, "kPa")}
    a, b = call("humid_air_properties", **one), call("humid_air_properties", **two)
    mixed = call(
        "air_stream_mixing",
        dry_air_mass_flow_1=q(3000, "kg/h"), T_1=q(35, "degC"), relative_humidity_1=0.4,
        dry_air_mass_flow_2=q(1000, "kg/h"), T_2=q(20, "degC"), relative_humidity_2=0.7,
        pressure=q(95, "kPa"),
    )  # fmt: skip
    w = (3 * a.value("humidity_ratio") + b.value("humidity_ratio")) / 4
    h = (3 * a.value("enthalpy") + b.value("enthalpy")) / 4
    assert mixed.value("humidity_ratio") == pytest.approx(w, rel=1e-9)
    assert mixed.value("enthalpy") == pytest.approx(h, rel=1e-9)
    # Its temperature, read back with its W, gives the same enthalpy and dew point.
    back = call(
        "humid_air_properties",
        dry_bulb=q(mixed.value("temperature"), "K"),
        humidity_ratio=w,
        pressure=q(95, "kPa"),
    )
    assert back.value("enthalpy") == pytest.approx(h, rel=1e-6)
    assert back.value("dew_point") == pytest.approx(mixed.value("dew_point"), rel=1e-6)
    assert 20 < mixed.value("temperature", "degC") < 35
    # Cold saturated air and hot humid air make fog: refused, not a relative humidity > 1.
    with pytest.raises(ToolInputError, match="supersaturated"):
        call(
            "air_stream_mixing",
            dry_air_mass_flow_1=q(1, "kg/s"), T_1=q(2, "degC"), relative_humidity_1=1.0,
            dry_air_mass_flow_2=q(1, "kg/s"), T_2=q(45, "degC"), relative_humidity_2=0.95,
        )  # fmt: skip
