"""Heat-exchanger tools against Incropera's worked example and hand calculations."""

from __future__ import annotations

import math
import re

import pytest

from peoa.exceptions import ToolInputError

from .helpers import call, q


def test_incropera_example_11_1_double_pipe() -> None:
    # Bergman, Lavine, Incropera & DeWitt, Fundamentals of Heat and Mass Transfer, 6th/7th ed.,
    # Example 11.1: oil 0.1 kg/s cooled 100 -> 60 degC (cp 2131), water 0.2 kg/s from 30 degC
    # (cp 4178); hi = 2250, ho = 38.8 W/m2K; D_i = 25 mm. Book: q = 8524 W, Tc,o = 40.2 degC,
    # dTlm = 43.2 degC, U = 38.1 W/m2K, L = 65.9 m.
    oil = call(
        "hx_duty",
        mass_flow=q(0.1, "kg/s"),
        specific_heat=q(2131, "J/kg/K"),
        T_in=q(100, "degC"),
        T_out=q(60, "degC"),
    )
    duty = oil.value("Q_abs")
    assert duty == pytest.approx(8524, rel=1e-4)
    t_cold_out = 30 + duty / (0.2 * 4178)
    assert t_cold_out == pytest.approx(40.2, abs=0.05)
    lm = call(
        "hx_lmtd",
        T_hot_in=q(100, "degC"),
        T_hot_out=q(60, "degC"),
        T_cold_in=q(30, "degC"),
        T_cold_out=q(t_cold_out, "degC"),
    )
    assert lm.value("LMTD") == pytest.approx(43.2, abs=0.05)
    assert lm.value("F") == 1.0
    u = call("hx_overall_u", h_inner=q(2250, "W/m^2/K"), h_outer=q(38.8, "W/m^2/K"))
    assert u.value("U_outer") == pytest.approx(38.1, abs=0.05)
    area = call(
        "hx_area",
        duty=q(duty, "W"),
        U=q(u.value("U_outer"), "W/m^2/K"),
        LMTD=q(lm.value("LMTD"), "K"),
    )
    assert area.value("A") / (math.pi * 0.025) == pytest.approx(65.9, abs=0.1)


def test_f_factor_matches_bowman_mueller_nagle_formula() -> None:
    # 1 shell pass, 2 tube passes: F from Bowman, Mueller & Nagle (1940) / Kern (1950) eq. 7.41
    thi, tho, tci, tco = 130.0, 110.0, 15.0, 85.0
    r = (thi - tho) / (tco - tci)
    p = (tco - tci) / (thi - tci)
    s = math.sqrt(r * r + 1)
    f = (
        s
        * math.log((1 - p) / (1 - r * p))
        / ((r - 1) * math.log((2 - p * (r + 1 - s)) / (2 - p * (r + 1 + s))))
    )
    result = call(
        "hx_lmtd",
        T_hot_in=q(thi, "degC"),
        T_hot_out=q(tho, "degC"),
        T_cold_in=q(tci, "degC"),
        T_cold_out=q(tco, "degC"),
        arrangement="shell_and_tube",
    )
    assert result.value("F") == pytest.approx(f, rel=1e-9)
    assert result.value("dT_mean") == pytest.approx(f * result.value("LMTD"), rel=1e-12)


def test_tube_wall_and_fouling_resistances() -> None:
    di, do, k = 0.020, 0.025, 16.0
    hi, ho, rfi, rfo = 1000.0, 500.0, 2e-4, 1e-4
    expected = 1 / (
        1 / ho + rfo + do * math.log(do / di) / (2 * k) + rfi * do / di + do / (di * hi)
    )
    result = call(
        "hx_overall_u",
        h_inner=q(hi, "W/m^2/K"),
        h_outer=q(ho, "W/m^2/K"),
        D_inner=q(20, "mm"),
        D_outer=q(25, "mm"),
        wall_conductivity=q(k, "W/m/K"),
        fouling_inner=q(rfi, "m^2*K/W"),
        fouling_outer=q(rfo, "m^2*K/W"),
    )
    assert result.value("U_outer") == pytest.approx(expected, rel=1e-12)
    assert result.value("U_inner") == pytest.approx(expected * do / di, rel=1e-12)


def test_effectiveness_ntu_counterflow_closed_form_and_inverse() -> None:
    ntu, cr = 2.0, 0.5
    expected = (1 - math.exp(-ntu * (1 - cr))) / (1 - cr * math.exp(-ntu * (1 - cr)))
    eff = call("hx_effectiveness_from_ntu", NTU=ntu, Cr=cr).value("effectiveness")
    assert eff == pytest.approx(expected, rel=1e-12)
    back = call("hx_ntu_from_effectiveness", effectiveness=eff, Cr=cr)
    assert back.value("NTU") == pytest.approx(ntu, rel=1e-9)
    # Cr = 0 (condenser): eps = 1 - exp(-NTU) whatever the arrangement
    cond = call("hx_effectiveness_from_ntu", NTU=ntu, Cr=0, configuration="parallel")
    assert cond.value("effectiveness") == pytest.approx(1 - math.exp(-ntu), rel=1e-12)


def test_rating_holman_example_10_9_crossflow() -> None:
    # Holman, Heat Transfer 10th ed., Example 10-9 (as reproduced in ht's docstring): steam
    # 5.2 kg/s (cp 1860) mixed, oil 0.725 kg/s (cp 1900) unmixed, U = 275, A = 10.82 m2,
    # inlets 130 and 15 degC -> Q = 131.7 kW, oil out 110.6 degC.
    result = call(
        "hx_rating_ntu",
        hot_mass_flow=q(5.2, "kg/s"),
        hot_cp=q(1860, "J/kg/K"),
        cold_mass_flow=q(0.725, "kg/s"),
        cold_cp=q(1900, "J/kg/K"),
        T_hot_in=q(130, "degC"),
        T_cold_in=q(15, "degC"),
        UA=q(275 * 10.82, "W/K"),
        configuration="crossflow_cmax_mixed",
    )
    assert result.value("Q", "kW") == pytest.approx(131.7, abs=0.1)
    assert result.value("T_cold_out", "degC") == pytest.approx(110.6, abs=0.05)
    # energy balance closes on both sides
    assert result.value("Q") == pytest.approx(
        5.2 * 1860 * (403.15 - result.value("T_hot_out")), rel=1e-9
    )


def test_ntu_rating_takes_capacity_rates() -> None:
    # A stream written as m*cp in W/K rates as the same mass flow and specific heat would.
    common = {"T_hot_in": q(90, "degC"), "T_cold_in": q(20, "degC"), "UA": q(15000, "W/K")}
    rates = call(
        "hx_rating_ntu",
        hot_capacity_rate=q(10000, "W/K"),
        cold_capacity_rate=q(12000, "W/K"),
        configuration="shell_and_tube",
        **common,
    )
    factors = call(
        "hx_rating_ntu",
        hot_mass_flow=q(2.5, "kg/s"),
        hot_cp=q(4000, "J/kg/K"),
        cold_mass_flow=q(3.0, "kg/s"),
        cold_cp=q(4000, "J/kg/K"),
        configuration="shell_and_tube",
        **common,
    )
    for name in ("Q", "T_hot_out", "T_cold_out", "effectiveness"):
        assert rates.value(name) == pytest.approx(factors.value(name), rel=1e-12)
    assert rates.value("Q") == pytest.approx(12000 * (rates.value("T_cold_out") - 293.15), rel=1e-9)
    with pytest.raises(ToolInputError, match="hot_capacity_rate"):
        call("hx_rating_ntu", cold_capacity_rate=q(12000, "W/K"), **common)
    with pytest.raises(ToolInputError, match="not both"):
        call(
            "hx_rating_ntu",
            hot_capacity_rate=q(10000, "W/K"),
            hot_mass_flow=q(2.5, "kg/s"),
            hot_cp=q(4000, "J/kg/K"),
            cold_capacity_rate=q(12000, "W/K"),
            **common,
        )


def test_temperature_cross_and_bad_units_are_rejected() -> None:
    with pytest.raises(ToolInputError, match=r"terminal temperature"):
        call(
            "hx_lmtd",
            T_hot_in=q(100, "degC"),
            T_hot_out=q(40, "degC"),
            T_cold_in=q(30, "degC"),
            T_cold_out=q(90, "degC"),
            arrangement="parallel",
        )
    with pytest.raises(ToolInputError, match=r"heat transfer coefficient"):
        call("hx_area", duty=q(1, "kW"), U=q(500, "W/m^2"), LMTD=q(20, "K"))
    with pytest.raises(ToolInputError, match=r"not reachable"):
        call("hx_ntu_from_effectiveness", effectiveness=0.9, Cr=0.5, configuration="parallel")
    with pytest.raises(ToolInputError, match=r"LMTD"):
        call("hx_area", duty=q(1, "kW"), U=q(500, "W/m^2/K"))


def test_shell_and_tube_area_from_temperatures_and_low_f_warning() -> None:
    temps = {
        "T_hot_in": q(130, "degC"),
        "T_hot_out": q(110, "degC"),
        "T_cold_in": q(15, "degC"),
        "T_cold_out": q(85, "degC"),
    }
    lm = call("hx_lmtd", **temps, arrangement="shell_and_tube")
    area = call(
        "hx_area", duty=q(100, "kW"), U=q(500, "W/m^2/K"), arrangement="shell_and_tube", **temps
    )
    assert area.value("A") == pytest.approx(1e5 / (500 * lm.value("dT_mean")), rel=1e-12)
    # a close temperature approach in one shell gives F < 0.75, which is flagged
    close = {
        "T_hot_in": q(100, "degC"),
        "T_hot_out": q(60, "degC"),
        "T_cold_in": q(20, "degC"),
        "T_cold_out": q(65, "degC"),
    }
    tight = call("hx_lmtd", **close, arrangement="shell_and_tube")
    assert tight.value("F") < 0.75
    assert any("shell passes" in w for w in tight.warnings)
    two = call("hx_lmtd", **close, arrangement="shell_and_tube", shell_passes=2)
    assert two.value("F") > 0.9
    # a temperature cross one shell cannot handle is refused with the fix named
    with pytest.raises(ToolInputError, match="add shells"):
        call("hx_lmtd", **(close | {"T_cold_out": q(75, "degC")}), arrangement="shell_and_tube")


def test_phase_change_duty_is_flow_times_latent_heat_either_way() -> None:
    # Saturated steam at 5 bar: hfg = 2107.4 kJ/kg (Cengel & Boles table A-5)
    duty = call("phase_change_duty", latent_heat=q(2107.4, "kJ/kg"), mass_flow=q(1800, "kg/h"))
    assert duty.value("Q") == pytest.approx(0.5 * 2107.4e3, rel=1e-12)
    flow = call("phase_change_duty", latent_heat=q(2107.4, "kJ/kg"), duty=q(500, "kW"))
    assert flow.value("mass_flow") == pytest.approx(500e3 / 2107.4e3, rel=1e-12)
    with pytest.raises(ToolInputError, match="mass flow or the duty"):
        call("phase_change_duty", latent_heat=q(2107.4, "kJ/kg"))


def test_a_side_at_one_temperature_condenses_or_boils() -> None:
    """Steam condensing at 150 °C heats a stream from 30 to 110 °C: both hot terminals
    are the condensing temperature, F is 1, and hx_area agrees with hx_lmtd."""
    lmtd = call("hx_lmtd", T_condensing=q(150, "degC"), T_cold_in=q(30, "degC"),
                T_cold_out=q(110, "degC"), arrangement="shell_and_tube")  # fmt: skip
    expected = (120 - 40) / math.log(120 / 40)
    assert lmtd.outputs["LMTD"].value == pytest.approx(expected, rel=1e-9)
    assert lmtd.outputs["F"].value == 1.0
    boiling = call("hx_lmtd", T_hot_in=q(200, "degC"), T_hot_out=q(140, "degC"),
                   T_boiling=q(120, "degC"))  # fmt: skip
    assert boiling.outputs["LMTD"].value == pytest.approx(60 / math.log(80 / 20), rel=1e-9)
    area = call("hx_area", duty=q(500, "kW"), U=q(1000, "W/(m^2*K)"),
                T_condensing=q(150, "degC"), T_cold_in=q(30, "degC"), T_cold_out=q(110, "degC"))  # fmt: skip
    assert area.outputs["A"].value == pytest.approx(500e3 / (1000 * expected), rel=1e-9)
    with pytest.raises(ToolInputError, match="T_condensing"):
        call("hx_lmtd", T_cold_in=q(30, "degC"), T_cold_out=q(110, "degC"))


def crossflow_unmixed_effectiveness(ntu: float, cr: float) -> float:
    """Both fluids unmixed, the exact series (Shah & Sekulic, Fundamentals of Heat
    Exchanger Design, 2003):
    eps = 1/(Cr NTU) sum_n P(n+1, NTU) P(n+1, Cr NTU), P the regularised lower
    incomplete gamma function (1 - e^-x sum_{m<=n} x^m/m!)."""
    from scipy.special import gammainc

    total, n = 0.0, 0
    while n < ntu + 20 * math.sqrt(ntu) + 100:
        total += gammainc(n + 1, ntu) * gammainc(n + 1, cr * ntu)
        n += 1
    return float(total / (cr * ntu))


def test_crossflow_unmixed_high_effectiveness_is_solved_not_overflowed() -> None:
    # Cr = 0.7, effectiveness 0.99 needs an NTU of about 70: ht's secant overflowed on it.
    result = call(
        "hx_ntu_from_effectiveness", effectiveness=0.99, Cr=0.7, configuration="crossflow_unmixed"
    )
    assert crossflow_unmixed_effectiveness(result.value("NTU"), 0.7) == pytest.approx(
        0.99, abs=1e-9
    )


def test_crossflow_unmixed_unreachable_effectiveness_names_the_maximum() -> None:
    # Cr = 1: effectiveness creeps towards 1 (0.967 at NTU = 300); 0.99 is out of reach.
    with pytest.raises(ToolInputError) as refused:
        call(
            "hx_ntu_from_effectiveness",
            effectiveness=0.99,
            Cr=1.0,
            configuration="crossflow_unmixed",
        )
    message = str(refused.value)
    found = re.search(r"maximum effectiveness is ([\d.]+) \(at NTU = ([\d.]+)\)", message)
    assert found is not None, message
    assert "crossflow_unmixed" in message and "Cr = 1" in message
    highest, ntu = float(found.group(1)), float(found.group(2))
    assert highest == pytest.approx(crossflow_unmixed_effectiveness(ntu, 1.0), abs=1e-4)
    assert highest < 0.99


@pytest.mark.parametrize(
    ("configuration", "shells", "maximum"),
    [
        # As NTU -> infinity: parallel 1/(1 + Cr); Cmax mixed (1 - e^-Cr)/Cr; Cmin mixed
        # 1 - exp(-1/Cr); TEMA E, one shell, 2/(1 + Cr + sqrt(1 + Cr^2)) (Shah & Sekulic).
        ("parallel", 1, 1 / 1.7),
        ("crossflow_cmax_mixed", 1, (1 - math.exp(-0.7)) / 0.7),
        ("crossflow_cmin_mixed", 1, 1 - math.exp(-1 / 0.7)),
        ("shell_and_tube", 1, 2 / (1.7 + math.sqrt(1 + 0.7**2))),
    ],
)
def test_unreachable_effectiveness_names_the_configurations_maximum(
    configuration: str, shells: int, maximum: float
) -> None:
    with pytest.raises(ToolInputError, match=rf"maximum effectiveness is {maximum:.4f}") as refused:
        call(
            "hx_ntu_from_effectiveness",
            effectiveness=0.99,
            Cr=0.7,
            configuration=configuration,
            shells=shells,
        )
    assert "calculation failed" not in str(refused.value)


@pytest.mark.parametrize("shells", [1, 2, 3])
def test_shells_in_series_at_equal_capacity_rates_are_the_limit_of_ht(shells: int) -> None:
    import ht

    def effectiveness(NTU: float, Cr: float) -> float:
        result = call("hx_effectiveness_from_ntu", NTU=NTU, Cr=Cr,
                      configuration="shell_and_tube", shells=shells)  # fmt: skip
        return float(result.value("effectiveness"))

    # Below Cr = 1 the tool is ht's formula; at Cr = 1 (0/0 in ht) its limit.
    near = ht.effectiveness_from_NTU(NTU=3.0, Cr=1 - 1e-7, subtype="S&T", n_shell_tube=shells)
    assert effectiveness(3.0, 0.7) == pytest.approx(
        ht.effectiveness_from_NTU(NTU=3.0, Cr=0.7, subtype="S&T", n_shell_tube=shells)
    )
    assert effectiveness(3.0, 1.0) == pytest.approx(near, rel=1e-5)
    back = call("hx_ntu_from_effectiveness", effectiveness=effectiveness(3.0, 1.0), Cr=1.0,
                configuration="shell_and_tube", shells=shells)  # fmt: skip
    assert back.value("NTU") == pytest.approx(3.0, rel=1e-9)
