"""Reactor tools against Fogler's closed-form design equations and worked example."""

from __future__ import annotations

import math

import pytest

from peoa.exceptions import ToolInputError

from .helpers import call, q

ZERO = q(0, "mol/L")


def _first_order(**extra: object) -> dict[str, object]:
    return {
        "species": ["A", "B"],
        "stoichiometry": [-1, 1],
        "key": "A",
        "orders": [1, 0],
        "rate_constant": q(0.1, "1/min"),
        "feed_concentrations": [q(2, "mol/L"), ZERO],
        "volumetric_flow": q(10, "L/min"),
        "conversion": 0.9,
    } | extra


def test_cstr_and_pfr_first_order_liquid() -> None:
    # CSTR: V = v0 X / (k (1 - X)); PFR: V = v0/k ln(1/(1 - X))  (Fogler ch. 5)
    cstr = call("reactor_cstr", **_first_order())
    assert cstr.value("volume", "L") == pytest.approx(10 * 0.9 / (0.1 * 0.1), rel=1e-12)
    pfr = call("reactor_pfr", **_first_order())
    assert pfr.value("volume", "L") == pytest.approx(10 / 0.1 * math.log(10), rel=1e-9)


def test_pfr_second_order_gas_with_volume_change() -> None:
    # Fogler eq. for A -> 2B, second order, isothermal isobaric gas:
    # V = v0/(k CA0) [2 eps (1+eps) ln(1-X) + eps^2 X + (1+eps)^2 X/(1-X)]
    args = {
        "species": ["A", "B", "I"],
        "stoichiometry": [-1, 2, 0],
        "key": "A",
        "orders": [2, 0, 0],
        "rate_constant": q(0.5, "L/mol/s"),
        "feed_concentrations": [q(0.5, "mol/L"), ZERO, q(0.5, "mol/L")],
        "volumetric_flow": q(2, "L/s"),
        "conversion": 0.8,
        "phase": "gas",
    }
    eps, x, k, ca0, v0 = 0.5, 0.8, 0.5e-3, 500.0, 2e-3
    expected = (
        v0
        / (k * ca0)
        * (2 * eps * (1 + eps) * math.log(1 - x) + eps**2 * x + (1 + eps) ** 2 * x / (1 - x))
    )
    r = call("reactor_pfr", **args)
    assert r.value("epsilon") == pytest.approx(eps)
    assert r.value("volume") == pytest.approx(expected, rel=1e-8)
    # CSTR for the same: V = FA0 X (1+eps X)^2 / (k CA0^2 (1-X)^2)
    c = call("reactor_cstr", **args)
    assert c.value("volume") == pytest.approx(
        ca0 * v0 * x * (1 + eps * x) ** 2 / (k * ca0**2 * (1 - x) ** 2), rel=1e-12
    )


def test_pbr_first_order_with_pressure_drop_closed_form() -> None:
    # Fogler sec. 5.5: eps = 0, first order: ln 1/(1-X) = k'/v0 * 2/(3 alpha) [1 - (1-aW)^1.5]
    args = {
        "species": ["A", "B"],
        "stoichiometry": [-1, 1],
        "key": "A",
        "orders": [1, 0],
        "rate_constant": q(0.01, "m^3/kg/s"),
        "feed_concentrations": [q(10, "mol/m^3"), q(0, "mol/m^3")],
        "volumetric_flow": q(1, "m^3/s"),
        "catalyst_weight": q(50, "kg"),
        "alpha": 0.01,
    }
    r = call("reactor_pbr", **args)
    x = 1 - math.exp(-0.01 * 2 / (3 * 0.01) * (1 - (1 - 0.5) ** 1.5))
    assert r.value("conversion") == pytest.approx(x, rel=1e-7)
    assert r.value("pressure_ratio") == pytest.approx(math.sqrt(0.5), rel=1e-7)
    back = call("reactor_pbr", **(args | {"catalyst_weight": None, "conversion": x}))
    assert back.value("catalyst_weight") == pytest.approx(50, rel=1e-6)


def test_ergun_by_hand() -> None:
    dp, e, vs, rho, mu, L = 3e-3, 0.4, 0.5, 1.2, 1.8e-5, 2.0
    dpdl = 150 * mu * (1 - e) ** 2 * vs / (e**3 * dp**2) + 1.75 * (1 - e) * rho * vs**2 / (
        e**3 * dp
    )
    r = call(
        "ergun_pressure_drop",
        particle_diameter=q(3, "mm"),
        voidage=e,
        superficial_velocity=q(vs, "m/s"),
        density=q(rho, "kg/m^3"),
        viscosity=q(1.8e-5, "Pa*s"),
        length=q(L, "m"),
    )
    assert r.value("pressure_drop") == pytest.approx(dpdl * L, rel=1e-12)


def test_pbr_alpha_from_the_bed_data() -> None:
    # Fogler eq. 5-29: alpha = 2 beta0 / (Ac rho_c (1 - phi) P0), beta0 by Ergun at v0/Ac
    dp, e, area, rho, mu, rho_c, p0, v0 = 6e-3, 0.45, 0.05, 2.0, 2e-5, 1900.0, 1e6, 0.05
    vs = v0 / area
    beta0 = 150 * mu * (1 - e) ** 2 * vs / (e**3 * dp**2) + 1.75 * (1 - e) * rho * vs**2 / (
        e**3 * dp
    )
    r = call(
        "reactor_pbr",
        species=["A", "B"],
        stoichiometry=[-1, 1],
        key="A",
        orders=[1, 0],
        rate_constant=q(0.01, "m^3/kg/s"),
        feed_concentrations=[q(10, "mol/m^3"), q(0, "mol/m^3")],
        volumetric_flow=q(v0, "m^3/s"),
        catalyst_weight=q(1, "kg"),
        particle_diameter=q(6, "mm"),
        voidage=e,
        cross_section=q(area, "m^2"),
        gas_density=q(rho, "kg/m^3"),
        gas_viscosity=q(mu, "Pa*s"),
        catalyst_density=q(rho_c, "kg/m^3"),
        inlet_pressure=q(p0, "Pa"),
    )
    assert r.value("alpha") == pytest.approx(2 * beta0 / (area * rho_c * (1 - e) * p0), rel=1e-9)


def test_adiabatic_energy_balance() -> None:
    # X = 1, dH = -80 kJ/mol, sum(Theta Cp) = 200 J/mol/K -> dT = 400 K
    r = call(
        "adiabatic_temperature_rise",
        inlet_temperature=q(300, "K"),
        heat_of_reaction=q(-80, "kJ/mol"),
        conversion=1,
        sum_theta_cp=q(200, "J/mol/K"),
    )
    assert r.value("temperature_rise") == pytest.approx(400, rel=1e-12)
    # with dCp: T = [X(-dH) + sum T0 + X dCp TR] / (sum + X dCp)
    r2 = call(
        "adiabatic_temperature_rise",
        inlet_temperature=q(300, "K"),
        heat_of_reaction=q(-80, "kJ/mol"),
        conversion=0.5,
        sum_theta_cp=q(200, "J/mol/K"),
        delta_cp=q(-20, "J/mol/K"),
    )
    assert r2.value("temperature") == pytest.approx(
        (0.5 * 80e3 + 200 * 300 - 0.5 * 20 * 298.15) / (200 - 10), rel=1e-12
    )


_LIQUID_FEED = {
    "density": q(900, "kg/m^3"),
    "specific_heat": q(3.5, "kJ/(kg*K)"),
    "feed_concentration": q(2, "kmol/m^3"),
}


def test_adiabatic_liquid_feed_equals_sum_theta_cp_of_rho_cp_over_ca0() -> None:
    # Fogler ch. 11: for a liquid feed sum(Theta_i Cp_i) = rho cp / C_A0 (J/mol/K)
    base = {
        "inlet_temperature": q(320, "K"),
        "heat_of_reaction": q(-80, "kJ/mol"),
        "conversion": 0.9,
        "delta_cp": q(-20, "J/mol/K"),
    }
    liquid = call("adiabatic_temperature_rise", **base, **_LIQUID_FEED)
    by_hand = 900 * 3500 / 2000  # J/mol/K
    molar = call("adiabatic_temperature_rise", **base, sum_theta_cp=q(by_hand, "J/mol/K"))
    assert liquid.value("temperature") == pytest.approx(molar.value("temperature"), rel=1e-12)
    assert liquid.value("temperature") == pytest.approx(
        (0.9 * 80e3 + by_hand * 320 - 0.9 * 20 * 298.15) / (by_hand - 0.9 * 20), rel=1e-12
    )
    assert liquid.method is not None and "rho cp / C_A0" in liquid.method
    assert molar.method is not None and "rho" not in molar.method


def test_adiabatic_heat_capacity_missing_or_given_twice_is_refused() -> None:
    base = {
        "inlet_temperature": q(320, "K"),
        "heat_of_reaction": q(-80, "kJ/mol"),
        "conversion": 0.9,
    }
    with pytest.raises(ToolInputError, match=r"give sum_theta_cp, or the feed density.*"
                       r"\(missing: density, specific_heat, feed_concentration\)"):  # fmt: skip
        call("adiabatic_temperature_rise", **base)
    partial = {k: v for k, v in _LIQUID_FEED.items() if k != "specific_heat"}
    with pytest.raises(ToolInputError, match=r"\(missing: specific_heat\)"):
        call("adiabatic_temperature_rise", **base, **partial)
    with pytest.raises(ToolInputError, match=r"not both \(density, specific_heat"):
        call(
            "adiabatic_temperature_rise",
            **base,
            **_LIQUID_FEED,
            sum_theta_cp=q(1575, "J/mol/K"),
        )
    with pytest.raises(ToolInputError, match=r"not both \(feed_concentration given"):
        call(
            "adiabatic_temperature_rise",
            **base,
            feed_concentration=q(2, "kmol/m^3"),
            sum_theta_cp=q(1575, "J/mol/K"),
        )


def test_equilibrium_conversion_fogler_n2o4_example() -> None:
    # Fogler, Elements of Chemical Reaction Engineering (4th ed. Example 3-8, "Calculating the
    # equilibrium conversion"): N2O4 = 2 NO2, pure N2O4 at 340 K and 202.6 kPa,
    # Kc = 0.1 mol/dm3 -> batch (constant volume) Xe = 0.44, flow (constant P) Xe = 0.51.
    base = {
        "species": ["N2O4", "NO2"],
        "stoichiometry": [-1, 2],
        "key": "N2O4",
        "feed": [1, 0],
        "K_with_units": q(0.1, "mol/dm^3"),
        "temperature": q(340, "K"),
        "pressure": q(202.6, "kPa"),
    }
    batch = call("equilibrium_conversion", **base, mode="gas_constant_volume")
    assert batch.value("conversion") == pytest.approx(0.44, abs=0.005)
    flow = call("equilibrium_conversion", **base)
    assert flow.value("conversion") == pytest.approx(0.51, abs=0.005)
    # the same K given as Kp = Kc R T (pressure units) gives the same answer
    kp = 0.1e3 * 8.314462618 * 340 / 1e3  # kPa
    same = call("equilibrium_conversion", **(base | {"K_with_units": q(kp, "kPa")}))
    assert same.value("conversion") == pytest.approx(flow.value("conversion"), rel=1e-9)
    with pytest.raises(ToolInputError, match="fits neither"):
        call("equilibrium_conversion", **(base | {"K_with_units": q(0.1, "mol/dm^3/s")}))
    with pytest.raises(ToolInputError, match="not both"):
        call("equilibrium_conversion", **(base | {"K": 0.5}))


def test_equilibrium_constant_from_formation_data() -> None:
    # NH3 synthesis N2 + 3 H2 = 2 NH3: dG°f(NH3, g) = -16.4 kJ/mol (Smith, Van Ness & Abbott
    # Table C.4: -16,450 J/mol) -> K298 = exp(32.9e3/(R 298.15)) = 5.8e5; thermo's formation
    # data give dG° within 0.9 kJ/mol of that.
    r = call(
        "equilibrium_constant",
        species=["nitrogen", "hydrogen", "ammonia"],
        stoichiometry=[-1, -3, 2],
        temperature=q(298.15, "K"),
    )
    assert r.value("dG_ref", "kJ/mol") == pytest.approx(-32.9, abs=0.9)
    assert r.value("K") == pytest.approx(math.exp(-r.value("dG_ref") / (8.314462618 * 298.15)))
    # van 't Hoff with given data: ln(K2/K1) = -dH/R (1/T2 - 1/T1)
    v = call(
        "equilibrium_constant",
        dG_ref=q(-32.9, "kJ/mol"),
        dH=q(-92.2, "kJ/mol"),
        temperature=q(500, "K"),
    )
    expected = math.exp(
        32.9e3 / (8.314462618 * 298.15) + 92.2e3 / 8.314462618 * (1 / 500 - 1 / 298.15)
    )
    assert v.value("K") == pytest.approx(expected, rel=1e-12)


def test_rate_constant_units_are_checked() -> None:
    with pytest.raises(ToolInputError, match="does not fit an overall order of 1"):
        call("reactor_cstr", **_first_order(rate_constant=q(0.1, "L/mol/s")))
    with pytest.raises(ToolInputError, match="not one of the species"):
        call("reactor_cstr", **_first_order(key="C"))
    with pytest.raises(ToolInputError, match="conversion"):
        call("reactor_pfr", **_first_order(conversion=1.5))


def test_equilibrium_conversion_liquid_isomerisation() -> None:
    # A = B in ideal solution: K = x_B/x_A = X/(1 - X) -> X = K/(1 + K) at any concentration
    args = {
        "species": ["A", "B"],
        "stoichiometry": [-1, 1],
        "key": "A",
        "feed": [1, 0],
        "K": 4.0,
        "temperature": q(350, "K"),
        "mode": "liquid",
        "feed_total_concentration": q(2, "mol/L"),
    }
    assert call("equilibrium_conversion", **args).value("conversion") == pytest.approx(0.8)
    # products in the feed shift the equilibrium back: feed 1 A + 1 B -> (1 + xi)/(1 - xi) = 4
    mixed = call("equilibrium_conversion", **(args | {"feed": [1, 1]}))
    assert mixed.value("extent") == pytest.approx(0.6, rel=1e-9)
    with pytest.raises(ToolInputError, match="not in pressure units"):
        call(
            "equilibrium_conversion",
            **(args | {"stoichiometry": [-1, 2], "K": None, "K_with_units": q(2, "bar")}),
        )
    # A reaction keeping its moles (dn = 0) needs no concentration: it cancels.
    free = {k: v for k, v in args.items() if k not in ("mode", "feed_total_concentration")}
    assert call("equilibrium_conversion", **free).value("conversion") == pytest.approx(0.8)


def test_a_first_order_volume_needs_no_feed_concentration() -> None:
    """C_A0 cancels from V = F_A0 X / -r_A when the rate is first order in the key alone:
    the volume is the same as with one, and F_A0 and the rate are not reported."""
    without = {k: v for k, v in _first_order().items() if k != "feed_concentrations"}
    for tool in ("reactor_cstr", "reactor_pfr"):
        given, omitted = call(tool, **_first_order()), call(tool, **without)
        assert omitted.value("volume") == pytest.approx(given.value("volume"), rel=1e-12)
        assert omitted.outputs["FA0"].value is None
        assert omitted.outputs["rate_exit"].value is None
    # A pure gas feed of A → 2B (ε = 1) gives the same volume as a feed of A alone.
    gas = {"stoichiometry": [-1, 2], "phase": "gas"}
    with_feed = call("reactor_pfr", **_first_order(**gas))
    pure = call("reactor_pfr", **(without | gas | {"pure_feed": True}))
    assert pure.value("epsilon") == pytest.approx(1.0)
    assert pure.value("volume") == pytest.approx(with_feed.value("volume"), rel=1e-9)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"orders": [2, 0], "rate_constant": q(0.1, "L/mol/min")}, "first order in the key"),
        ({"orders": [1, 1]}, "first order in the key"),
        ({"phase": "gas", "stoichiometry": [-1, 2]}, "pure_feed"),
    ],
)
def test_without_feed_concentrations_what_the_volume_depends_on_is_asked_for(
    change: dict[str, object], message: str
) -> None:
    without = {k: v for k, v in _first_order(**change).items() if k != "feed_concentrations"}
    with pytest.raises(ToolInputError, match=message):
        call("reactor_cstr", **without)
