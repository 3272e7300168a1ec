"""Ideal-gas tools against Cengel and Boles, Thermodynamics: An Engineering Approach, and
hand calculations of PV = ZnRT."""

from __future__ import annotations

import math

import pytest

from peoa.exceptions import ToolInputError, UnknownChemicalError

from .helpers import call, q

R = 8.314462618


def test_air_density_cengel_boles() -> None:
    # Cengel and Boles: air (M = 28.97, R = 0.287 kJ/kg K) at 100 kPa and 25 degC:
    # rho = P/(R T) = 100/(0.287*298.15) = 1.169 kg/m^3.
    result = call(
        "ideal_gas_state",
        pressure=q(100, "kPa"),
        temperature=q(25, "degC"),
        molar_mass=q(28.97, "g/mol"),
    )
    assert pytest.approx(1.1686, abs=1e-4) == 100 / (0.287 * 298.15)
    assert result.value("density", "kg/m^3") == pytest.approx(1.169, abs=5e-4)
    rho = 100e3 * 0.02897 / (R * 298.15)
    assert result.value("density") == pytest.approx(rho, rel=1e-12)
    assert result.value("specific_volume", "m^3/kg") == pytest.approx(1 / rho, rel=1e-12)
    assert result.value("molar_volume", "L/mol") == pytest.approx(R * 298.15 / 100, rel=1e-12)
    assert result.value("moles") is None and result.value("mass") is None


def test_moles_and_mass_in_a_volume_with_z() -> None:
    # Nitrogen (28.0134 g/mol) at 1 atm, 0 degC in 1 m^3: n = 101325/(8.314462618*273.15)
    # = 44.615 mol (22.414 L/mol); with Z = 0.9 there is 1/0.9 of it.
    result = call(
        "ideal_gas_state",
        pressure=q(1, "atm"),
        temperature=q(0, "degC"),
        gas="nitrogen",
        volume=q(1, "m^3"),
    )
    n = 101325 / (R * 273.15)
    assert result.value("molar_volume", "L/mol") == pytest.approx(22.414, abs=1e-3)
    assert result.value("moles") == pytest.approx(n, rel=1e-12)
    assert result.value("molar_mass") == pytest.approx(28.0134, abs=1e-3)
    assert result.value("mass", "kg") == pytest.approx(n * result.value("molar_mass") / 1e3)
    real = call(
        "ideal_gas_state",
        pressure=q(1, "atm"),
        temperature=q(0, "degC"),
        molar_mass=q(28.0134, "g/mol"),
        Z=0.9,
        volume=q(1, "m^3"),
    )
    assert real.value("moles") == pytest.approx(n / 0.9, rel=1e-12)


def test_ideal_gas_state_bad_inputs() -> None:
    with pytest.raises(ToolInputError, match="exactly one of 'molar_mass' or 'gas'"):
        call("ideal_gas_state", pressure=q(1, "bar"), temperature=q(300, "K"))
    with pytest.raises(ToolInputError, match=r"pressure.*above absolute zero"):
        call(
            "ideal_gas_state",
            pressure=q(0, "bar"),
            temperature=q(300, "K"),
            molar_mass=q(28, "g/mol"),
        )
    with pytest.raises(UnknownChemicalError, match="gas"):
        call("ideal_gas_state", pressure=q(1, "bar"), temperature=q(300, "K"), gas="unobtainium")


def test_entropy_change_cengel_boles_example_7_9() -> None:
    # Cengel and Boles, Example 7-9: air from 100 kPa, 17 degC (290 K) to 600 kPa, 57 degC
    # (330 K); constant cp = 1.006 kJ/kg K, R = 0.287 kJ/kg K:
    # ds = 1.006 ln(330/290) - 0.287 ln(600/100) = 0.12999 - 0.51424 = -0.3842 kJ/kg K.
    result = call(
        "ideal_gas_entropy_change",
        T1=q(290, "K"),
        P1=q(100, "kPa"),
        T2=q(330, "K"),
        P2=q(600, "kPa"),
        cp=q(1.006, "kJ/(kg*K)"),
        molar_mass=q(28.97, "g/mol"),
    )
    assert result.value("delta_s", "kJ/(kg*K)") == pytest.approx(-0.3842, abs=1e-4)
    r_air = R / 0.02897
    by_hand = 1006 * math.log(330 / 290) - r_air * math.log(6)
    assert result.value("delta_s") == pytest.approx(by_hand, rel=1e-12)
    assert "R = 287.003" in (result.method or "")


def test_cp_from_k_and_no_entropy_change_on_the_isentropic_path() -> None:
    # Air, k = 1.4, 300 K compressed 100 -> 800 kPa along the isentropic path: T2s = 300 *
    # 8^(0.4/1.4) = 543.4 K (Cengel and Boles eq. 7-43); cp = k R/(k - 1) = 1.0045 kJ/kg K,
    # and the entropy change is zero.
    T2s = 300 * 8 ** (0.4 / 1.4)
    assert T2s == pytest.approx(543.4, abs=0.1)
    on_path = call(
        "ideal_gas_entropy_change",
        T1=q(300, "K"),
        P1=q(100, "kPa"),
        T2=q(T2s, "K"),
        P2=q(800, "kPa"),
        k=1.4,
        molar_mass=q(28.97, "g/mol"),
    )
    assert on_path.value("delta_s") == pytest.approx(0.0, abs=1e-9)
    assert "cp = 1004.5" in (on_path.method or "")  # 1.4 * 287.0025 / 0.4 = 1004.51


def test_entropy_change_bad_inputs() -> None:
    with pytest.raises(ToolInputError, match="give 'cp' or 'k'"):
        call(
            "ideal_gas_entropy_change",
            T1=q(300, "K"),
            P1=q(1, "bar"),
            T2=q(400, "K"),
            P2=q(2, "bar"),
            molar_mass=q(28.97, "g/mol"),
        )
    with pytest.raises(ToolInputError, match="T2"):
        call(
            "ideal_gas_entropy_change",
            T1=q(300, "K"),
            P1=q(1, "bar"),
            P2=q(2, "bar"),
            cp=q(1.0, "kJ/kg/K"),
            molar_mass=q(28.97, "g/mol"),
        )
