"""Unit conversion and physical properties against published reference values."""

from __future__ import annotations

import pytest

from .helpers import call, q

R = 8.314462618  # J/mol/K, CODATA 2018


def test_unit_convert_temperature_and_gauge() -> None:
    # NIST SP 811 (2008) B.8: t/degC = (t/degF - 32)/1.8
    assert call("unit_convert", value=100, from_unit="degF", to_unit="degC").value(
        "value"
    ) == pytest.approx((100 - 32) / 1.8)
    # a 10 degC rise is an 18 degF rise
    assert call("unit_convert", value=10, from_unit="degC", to_unit="degF", difference=True).value(
        "value"
    ) == pytest.approx(18.0)
    # 50 psig = 50 psi + 1 atm, in bar absolute
    bara = (50 * 6894.757293168361 + 101325.0) / 1e5
    assert call("unit_convert", value=50, from_unit="psig", to_unit="bara").value(
        "value"
    ) == pytest.approx(bara)
    # NIST SP 811 B.9: 1 Btu_IT/(h ft^2 degF) = 5.678 263 W/(m^2 K)
    assert call("unit_convert", value=1, from_unit="BTU/h/ft^2/degF", to_unit="W/m^2/K").value(
        "value"
    ) == pytest.approx(5.678263, rel=1e-6)


def test_unit_convert_dimension_mismatch() -> None:
    from peoa.exceptions import ToolInputError

    with pytest.raises(ToolInputError, match=r"\[length\].*\[mass\]"):
        call("unit_convert", value=1, from_unit="m", to_unit="kg")


def test_chemical_identity() -> None:
    result = call("chemical_identity", chemical="C7H8")
    assert result.value("CAS") == "108-88-3"
    # IUPAC 2013 standard atomic weights: 7 C + 8 H
    assert result.value("MW") == pytest.approx(7 * 12.011 + 8 * 1.008, rel=1e-3)


def test_critical_properties_benzene() -> None:
    # CRC Handbook 97th ed. / Poling, Properties of Gases and Liquids 5th ed. App. A:
    # benzene Tc 562.05 K, Pc 4.895 MPa, omega 0.210, Tb 353.24 K
    result = call("critical_properties", chemical="benzene")
    assert result.value("Tc") == pytest.approx(562.05, rel=2e-3)
    assert result.value("Pc") == pytest.approx(4.895e6, rel=1e-2)
    assert result.value("omega") == pytest.approx(0.210, abs=0.005)
    assert result.value("Tb") == pytest.approx(353.24, rel=1e-3)


@pytest.mark.parametrize("method", ["CoolProp", "thermo"])
def test_water_at_25_c(method: str) -> None:
    # IAPWS-95 / CRC Handbook: water at 25 degC, 1 atm: rho 997.05 kg/m^3,
    # mu 0.8900 mPa s, Cp 4.1813 kJ/kg/K
    T = q(25, "degC")
    assert call("density", chemical="water", temperature=T, method=method).value(
        "rho"
    ) == pytest.approx(997.05, rel=1e-4)
    assert call("viscosity", chemical="water", temperature=T, method=method).value(
        "mu"
    ) == pytest.approx(0.8900e-3, rel=5e-3)
    assert call("heat_capacity", chemical="water", temperature=T, method=method).value(
        "Cp"
    ) == pytest.approx(4181.3, rel=1e-3)


def test_pure_properties_toluene() -> None:
    # CRC Handbook 97th ed.: toluene at 25 degC: rho 0.8623 g/cm^3, mu 0.560 mPa s
    result = call("pure_properties", chemical="toluene", temperature=q(25, "degC"))
    assert result.value("rho") == pytest.approx(862.3, rel=3e-3)
    assert result.value("mu") == pytest.approx(0.560e-3, rel=3e-2)
    assert result.value("Pr") == pytest.approx(
        result.value("Cp") * result.value("mu") / result.value("k")
    )
    assert result.value("phase") == "liquid"


def test_vapor_pressure_at_normal_boiling_point() -> None:
    # IAPWS-95: water boils at 99.974 degC under 101.325 kPa
    water = call("vapor_pressure", chemical="water", temperature=q(99.974, "degC"))
    assert water.value("Psat") == pytest.approx(101325, rel=1e-3)
    # thermo for benzene: normal boiling point 353.24 K (CRC)
    benzene = call(
        "vapor_pressure", chemical="benzene", temperature=q(353.24, "K"), method="thermo"
    )
    assert benzene.value("Psat") == pytest.approx(101325, rel=1e-2)
    assert benzene.method == "thermo"


def test_saturation_temperature_with_gauge_pressure() -> None:
    # 0 barg is one standard atmosphere: steam tables give 99.97 degC
    result = call("saturation_temperature", chemical="water", pressure=q(0, "barg"))
    assert result.value("Tsat", "degC") == pytest.approx(99.97, abs=0.02)
    # 10 barg = 11.01325 bar: IAPWS-IF97 Tsat 184.1 degC
    result = call("saturation_temperature", chemical="water", pressure=q(10, "barg"))
    assert result.value("Tsat", "degC") == pytest.approx(184.1, abs=0.2)


def test_heat_of_vaporization_water() -> None:
    # Steam tables (Rogers and Mayhew): h_fg at 100 degC = 2256.4 kJ/kg
    result = call("heat_of_vaporization", chemical="water", temperature=q(100, "degC"))
    assert result.value("Hvap", "kJ/kg") == pytest.approx(2256.4, rel=1e-3)


def test_enthalpy_change_liquid_water() -> None:
    # Steam tables: h_f(90 degC) = 376.92 kJ/kg, h_f(25 degC) = 104.83 kJ/kg
    for method in ("CoolProp", "thermo"):
        result = call(
            "enthalpy_change",
            chemical="water",
            temperature_1=q(25, "degC"),
            temperature_2=q(90, "degC"),
            method=method,
        )
        assert result.value("dH", "kJ/kg") == pytest.approx(376.92 - 104.83, rel=5e-3)


def test_mixture_properties_air() -> None:
    # dry air as N2/O2/Ar; ideal gas rho = P M / (R T), CRC gives 1.184 kg/m^3 at 25 degC
    fractions = [0.7808, 0.2095, 0.0097]
    result = call(
        "mixture_properties",
        components=["nitrogen", "oxygen", "argon"],
        fractions=fractions,
        temperature=q(25, "degC"),
        pressure=q(1, "atm"),
    )
    mw = 0.7808 * 28.0134 + 0.2095 * 31.9988 + 0.0097 * 39.948
    assert result.value("MW") == pytest.approx(mw, rel=1e-4)
    assert result.value("rho") == pytest.approx(101325 * mw / 1000 / (R * 298.15), rel=3e-3)
    assert result.value("phase") == "gas"


def test_mixture_fractions_must_match_components() -> None:
    from peoa.exceptions import ToolInputError

    with pytest.raises(ToolInputError, match=r"same length"):
        call(
            "mixture_properties",
            components=["water"],
            fractions=[0.5, 0.5],
            temperature=q(300, "K"),
        )


def test_density_from_specific_gravity_is_relative_to_water_at_60_F() -> None:
    # Water at 60 °F (15.56 °C) and 1 atm: 999.0 kg/m³ (IAPWS-95; Crane TP-410 A-6: 62.37 lb/ft³)
    result = call("density_from_specific_gravity", specific_gravity=0.85)
    assert result.value("rho") == pytest.approx(0.85 * 999.0, rel=2e-4)
