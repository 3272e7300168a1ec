"""The Arrhenius tool against the two-point Arrhenius equation worked by hand."""

from __future__ import annotations

import math

import pytest

from peoa.exceptions import ToolInputError

from .helpers import call, q

R = 8.314462618  # J/(mol K), CODATA 2018


def test_the_rate_constant_at_a_second_temperature_by_hand() -> None:
    # k2 = k1 exp(-Ea/R (1/T2 - 1/T1)): 0.012 1/s at 350 K, Ea = 75 kJ/mol, T2 = 380 K
    result = call(
        "arrhenius_rate_constant",
        k_1=q(0.012, "1/s"),
        T_1=q(350, "K"),
        T_2=q(380, "K"),
        Ea=q(75, "kJ/mol"),
    )
    by_hand = 0.012 * math.exp(-75_000 / R * (1 / 380 - 1 / 350))
    assert result.value("k_2", "1/s") == pytest.approx(by_hand, rel=1e-12)
    assert result.value("k_2", "1/s") == pytest.approx(0.0918, abs=5e-5)  # the doctest's
    assert result.value("Ea", "kJ/mol") == pytest.approx(75)


def test_the_activation_energy_from_two_points_in_celsius_and_per_minute() -> None:
    # Ea = R ln(k2/k1) / (1/T1 - 1/T2), the temperatures in kelvin (25 and 45 degC)
    result = call(
        "arrhenius_rate_constant",
        k_1=q(0.0035, "1/min"),
        T_1=q(25, "degC"),
        T_2=q(45, "degC"),
        k_2=q(0.021, "1/min"),
    )
    by_hand = R * math.log(0.021 / 0.0035) / (1 / 298.15 - 1 / 318.15)
    assert result.value("Ea", "J/mol") == pytest.approx(by_hand, rel=1e-12)
    assert result.value("k_2", "1/min") == pytest.approx(0.021, rel=1e-12)
    assert result.inputs["T_1"].value == pytest.approx(298.15)


def test_round_trip_activation_energy_to_rate_constant_and_back() -> None:
    forward = call(
        "arrhenius_rate_constant",
        k_1=q(2.5e-4, "1/s"),
        T_1=q(300, "K"),
        T_2=q(320, "K"),
        Ea=q(85, "kJ/mol"),
    )
    k_2 = forward.value("k_2", "1/h")
    back = call(
        "arrhenius_rate_constant",
        k_1=q(2.5e-4 * 3600, "1/h"),
        T_1=q(300, "K"),
        T_2=q(320, "K"),
        k_2=q(k_2, "1/h"),
    )
    assert back.value("Ea", "kJ/mol") == pytest.approx(85, rel=1e-10)


def test_a_second_order_rate_constant_is_refused() -> None:
    with pytest.raises(ToolInputError, match=r"k_1.*L/mol/s"):
        call(
            "arrhenius_rate_constant",
            k_1=q(0.05, "L/mol/s"),
            T_1=q(300, "K"),
            T_2=q(320, "K"),
            Ea=q(50, "kJ/mol"),
        )


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({}, "give the activation energy Ea"),
        ({"Ea": q(50, "kJ/mol"), "k_2": q(1, "1/s")}, "not both"),
    ],
)
def test_exactly_one_of_ea_and_k2_is_needed(extra: dict[str, object], message: str) -> None:
    with pytest.raises(ToolInputError, match=message):
        call(
            "arrhenius_rate_constant", k_1=q(0.1, "1/s"), T_1=q(300, "K"), T_2=q(320, "K"), **extra
        )


def test_equal_temperatures_give_no_activation_energy() -> None:
    with pytest.raises(ToolInputError, match="temperatures are equal"):
        call(
            "arrhenius_rate_constant",
            k_1=q(0.1, "1/s"),
            T_1=q(300, "K"),
            T_2=q(26.85, "degC"),
            k_2=q(0.2, "1/s"),
        )


def test_a_rate_constant_falling_with_temperature_is_warned_about() -> None:
    result = call(
        "arrhenius_rate_constant",
        k_1=q(0.2, "1/s"),
        T_1=q(300, "K"),
        T_2=q(320, "K"),
        k_2=q(0.1, "1/s"),
    )
    assert result.value("Ea") < 0
    assert any("negative" in w for w in result.warnings)
