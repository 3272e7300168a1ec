"""Heat-transfer correlation tools against Incropera's examples and the formulas by hand."""

from __future__ import annotations

import math

import pytest

from peoa.exceptions import ToolInputError, UnknownChemicalError

from .helpers import call, q

G = 9.80665


def test_dittus_boelter_from_properties() -> None:
    # water-like fluid, 2 m/s in a 25 mm tube; Re and Pr are computed by the tool
    rho, mu, cp, k, v, d = 998.0, 1.0e-3, 4180.0, 0.6, 2.0, 0.025
    re, pr = rho * v * d / mu, cp * mu / k
    result = call(
        "nu_dittus_boelter",
        diameter=q(25, "mm"),
        thermal_conductivity=q(k, "W/m/K"),
        velocity=q(v, "m/s"),
        density=q(rho, "kg/m^3"),
        viscosity=q(1.0, "cP"),
        specific_heat=q(4.18, "kJ/kg/K"),
    )
    nu = 0.023 * re**0.8 * pr**0.4
    assert result.value("Re") == pytest.approx(re, rel=1e-12)
    assert result.value("Nu") == pytest.approx(nu, rel=1e-12)
    assert result.value("h") == pytest.approx(nu * k / d, rel=1e-12)
    cooling = call(
        "nu_dittus_boelter",
        diameter=q(25, "mm"),
        thermal_conductivity=q(k, "W/m/K"),
        Re=re,
        Pr=pr,
        heating=False,
    )
    assert cooling.value("Nu") == pytest.approx(0.023 * re**0.8 * pr**0.3, rel=1e-12)


def test_gnielinski_with_colebrook_friction_factor() -> None:
    re, pr = 5.0e4, 4.0
    f = 0.02
    for _ in range(100):  # Colebrook, smooth pipe, by fixed-point iteration
        f = (-2 * math.log10(2.51 / (re * math.sqrt(f)))) ** -2
    nu = (f / 8) * (re - 1000) * pr / (1 + 12.7 * math.sqrt(f / 8) * (pr ** (2 / 3) - 1))
    result = call(
        "nu_gnielinski", diameter=q(1, "in"), thermal_conductivity=q(0.6, "W/m/K"), Re=re, Pr=pr
    )
    assert result.value("fd") == pytest.approx(f, rel=1e-6)
    assert result.value("Nu") == pytest.approx(nu, rel=1e-6)


def test_zukauskas_incropera_cross_flow_example() -> None:
    # Bergman et al., Fundamentals of Heat and Mass Transfer 6th ed., Example 7.3 (as cited
    # in ht): Re = 7992, Pr = 0.707, Pr_s = 0.69 -> Nu = 50.5. Table 7.4: C = 0.26, m = 0.6.
    result = call(
        "nu_cylinder_zukauskas",
        diameter=q(12.7, "mm"),
        thermal_conductivity=q(0.0263, "W/m/K"),
        Re=7992,
        Pr=0.707,
        Pr_wall=0.69,
    )
    nu = 0.26 * 7992**0.6 * 0.707**0.37 * (0.707 / 0.69) ** 0.25
    assert result.value("Nu") == pytest.approx(nu, rel=1e-12)
    assert result.value("Nu") == pytest.approx(50.5, abs=0.05)


def test_churchill_chu_vertical_plate_and_cylinder() -> None:
    pr, L, k, nu_kin = 0.69, 0.71, 0.0293, 2.3e-5
    ts, tinf = 400.0, 300.0
    beta = 2 / (ts + tinf)
    gr = G * beta * (ts - tinf) * L**3 / nu_kin**2
    ra = gr * pr
    nu = (0.825 + 0.387 * ra ** (1 / 6) / (1 + (0.492 / pr) ** (9 / 16)) ** (8 / 27)) ** 2
    result = call(
        "nu_natural_convection",
        geometry="vertical_plate",
        length=q(L, "m"),
        T_surface=q(ts, "K"),
        T_fluid=q(tinf, "K"),
        thermal_conductivity=q(k, "W/m/K"),
        kinematic_viscosity=q(nu_kin, "m^2/s"),
        Pr=pr,
    )
    assert result.value("Gr") == pytest.approx(gr, rel=1e-12)
    assert result.value("Nu") == pytest.approx(nu, rel=1e-12)
    assert result.value("heat_flux") == pytest.approx(nu * k / L * 100, rel=1e-12)
    cyl = call(
        "nu_natural_convection",
        geometry="horizontal_cylinder",
        length=q(0.1, "m"),
        T_surface=q(ts, "K"),
        T_fluid=q(tinf, "K"),
        thermal_conductivity=q(k, "W/m/K"),
        kinematic_viscosity=q(nu_kin, "m^2/s"),
        Pr=pr,
    )
    ra_d = G * beta * 100 * 0.1**3 / nu_kin**2 * pr
    nu_d = (0.60 + 0.387 * ra_d ** (1 / 6) / (1 + (0.559 / pr) ** (9 / 16)) ** (8 / 27)) ** 2
    assert cyl.value("Nu") == pytest.approx(nu_d, rel=1e-9)
    with pytest.raises(ToolInputError, match=r"no buoyancy"):
        call(
            "nu_natural_convection",
            geometry="sphere",
            length=q(0.1, "m"),
            T_surface=q(300, "K"),
            T_fluid=q(300, "K"),
            thermal_conductivity=q(k, "W/m/K"),
            kinematic_viscosity=q(nu_kin, "m^2/s"),
            Pr=pr,
        )


def test_nusselt_film_condensation_hewitt() -> None:
    # Hewitt, Shires & Bott, Process Heat Transfer (1994) p. 578: h = 1482 W/m2K
    args = {
        "T_sat": q(370, "K"),
        "T_wall": q(350, "K"),
        "vapor_density": q(7.0, "kg/m^3"),
        "liquid_density": q(585, "kg/m^3"),
        "liquid_conductivity": q(0.091, "W/m/K"),
        "liquid_viscosity": q(158.9e-6, "Pa*s"),
        "latent_heat": q(776.9, "kJ/kg"),
        "length": q(0.1, "m"),
    }
    h = 0.943 * (G * 585 * (585 - 7) * 0.091**3 * 776900 / (158.9e-6 * 20 * 0.1)) ** 0.25
    result = call("h_condensation_nusselt", **args)
    assert result.value("h") == pytest.approx(h, rel=1e-3)  # ht uses g = 9.81
    assert result.value("h") == pytest.approx(1482, abs=1)
    with pytest.raises(ToolInputError, match=r"below T_sat"):
        call("h_condensation_nusselt", **(args | {"T_wall": q(380, "K")}))


def test_rohsenow_incropera_example_10_1() -> None:
    # Bergman et al. 6th ed. Example 10.1: water at 1 atm boiling on polished copper
    # (Csf = 0.013, n = 1), Ts = 118 degC: q'' = 836 kW/m2 (book properties, Pr_l = 1.76;
    # here Pr comes from cp mu / k = 1.73, hence the 1 % tolerance).
    result = call(
        "h_boiling_rohsenow",
        excess_temperature=q(18, "delta_degC"),
        liquid_density=q(957.9, "kg/m^3"),
        vapor_density=q(0.5955, "kg/m^3"),
        liquid_viscosity=q(279e-6, "Pa*s"),
        liquid_conductivity=q(0.680, "W/m/K"),
        liquid_cp=q(4.217, "kJ/kg/K"),
        latent_heat=q(2257, "kJ/kg"),
        surface_tension=q(58.9, "mN/m"),
    )
    assert result.value("heat_flux", "kW/m^2") == pytest.approx(836, rel=0.01)


def test_zuber_critical_heat_flux_incropera_example_10_1() -> None:
    # same example: q''max = 1.26 MW/m2 with C = 0.149
    result = call(
        "critical_heat_flux_zuber",
        liquid_density=q(957.9, "kg/m^3"),
        vapor_density=q(0.5955, "kg/m^3"),
        latent_heat=q(2257, "kJ/kg"),
        surface_tension=q(58.9e-3, "N/m"),
    )
    assert result.value("q_max", "MW/m^2") == pytest.approx(1.26, abs=0.01)


def test_cooper_by_hand_and_unknown_fluid() -> None:
    from chemicals.critical import Pc

    pc = Pc("7732-18-5")
    pr = 101325.0 / pc
    # h = 55 pr^0.12 (-log10 pr)^-0.55 M^-0.5 q^0.67 with q = h Te -> solve for h
    a = 55 * pr**0.12 * (-math.log10(pr)) ** -0.55 * 18.01528**-0.5
    h = (a * 4.3**0.67) ** (1 / 0.33)
    result = call(
        "h_boiling_cooper", fluid="water", pressure=q(1, "atm"), excess_temperature=q(4.3, "K")
    )
    assert result.value("h") == pytest.approx(h, rel=2e-3)
    with pytest.raises(UnknownChemicalError, match=r"did you mean"):
        call(
            "h_boiling_cooper", fluid="watre", pressure=q(1, "atm"), excess_temperature=q(4.3, "K")
        )


def test_missing_groups_are_named() -> None:
    with pytest.raises(ToolInputError, match=r"velocity"):
        call("nu_gnielinski", diameter=q(1, "in"), thermal_conductivity=q(0.6, "W/m/K"), Pr=4)
    with pytest.raises(ToolInputError, match=r"thermal conductivity"):
        call(
            "nu_gnielinski",
            diameter=q(1, "in"),
            thermal_conductivity=q(0.6, "W/m^2/K"),
            Re=1e4,
            Pr=4,
        )


@pytest.mark.parametrize("tool", ["nu_dittus_boelter", "nu_gnielinski", "nu_cylinder_zukauskas"])
def test_the_nusselt_number_needs_only_re_and_pr(tool: str) -> None:
    """Nu is a function of Re and Pr alone: the same without the diameter and conductivity,
    which only turn it into h (then not reported)."""
    full = call(tool, Re=2e4, Pr=4.0, diameter=q(25, "mm"), thermal_conductivity=q(0.6, "W/m/K"))
    bare = call(tool, Re=2e4, Pr=4.0)
    assert bare.value("Nu") == pytest.approx(full.value("Nu"), rel=1e-12)
    assert bare.outputs["h"].value is None
    assert full.value("h") == pytest.approx(full.value("Nu") * 0.6 / 0.025, rel=1e-12)


def test_what_re_pr_or_roughness_needs_without_a_diameter_is_named() -> None:
    with pytest.raises(ToolInputError, match=r"diameter"):
        call("nu_dittus_boelter", velocity=q(1, "m/s"), density=q(998, "kg/m^3"),
             viscosity=q(1, "mPa*s"), Pr=7.0)  # fmt: skip
    with pytest.raises(ToolInputError, match=r"thermal_conductivity"):
        call("nu_dittus_boelter", Re=2e4, specific_heat=q(4.18, "kJ/kg/K"),
             viscosity=q(1, "mPa*s"))  # fmt: skip
    with pytest.raises(ToolInputError, match=r"rough tube"):
        call("nu_gnielinski", Re=2e4, Pr=4.0, roughness=q(0.05, "mm"))


def _steam_on_tube() -> dict[str, object]:
    # Saturated steam at 50 degC on tubes at 20 degC, water film properties at 35 degC
    # and h*fg as Cengel's Problem 10-56 gives them.
    return {
        "T_sat": q(50, "degC"),
        "T_wall": q(20, "degC"),
        "liquid_density": q(994, "kg/m^3"),
        "vapor_density": q(0.0831, "kg/m^3"),
        "liquid_conductivity": q(0.623, "W/m/K"),
        "liquid_viscosity": q(0.720e-3, "Pa*s"),
        "latent_heat": q(2468, "kJ/kg"),
    }


def _nusselt_group(length: float) -> float:
    """g rho_l (rho_l - rho_v) k^3 h_fg / (mu dT L) for _steam_on_tube's data."""
    return G * 994 * (994 - 0.0831) * 0.623**3 * 2468e3 / (0.720e-3 * 30 * length)


def test_nusselt_condensation_horizontal_tube_by_hand() -> None:
    result = call(
        "h_condensation_nusselt",
        **_steam_on_tube(),
        geometry="horizontal_tube",
        outside_diameter=q(15, "mm"),
    )
    h = 0.729 * _nusselt_group(0.015) ** 0.25
    assert result.value("h") == pytest.approx(h, rel=1e-9)
    assert result.value("h") == pytest.approx(8425, rel=1e-3)  # Cengel's solution, g = 9.81
    assert result.value("heat_flux") == pytest.approx(h * 30, rel=1e-9)
    assert "horizontal tube" in (result.method or "")


def test_nusselt_condensation_tier_of_tubes() -> None:
    one = call(
        "h_condensation_nusselt",
        **_steam_on_tube(),
        geometry="horizontal_tube",
        outside_diameter=q(15, "mm"),
    )
    tier = call(
        "h_condensation_nusselt",
        **_steam_on_tube(),
        geometry="horizontal_tube",
        outside_diameter=q(15, "mm"),
        tubes_in_tier=20,
    )
    assert tier.value("h") == pytest.approx(one.value("h") / 20**0.25, rel=1e-12)
    assert "tier of 20 tubes" in (tier.method or "")


def test_nusselt_condensation_horizontal_against_vertical() -> None:
    # Same data: h_tube / h_plate = (0.729 / 0.943) (D / L)^(-1/4).
    tube = call(
        "h_condensation_nusselt",
        **_steam_on_tube(),
        geometry="horizontal_tube",
        outside_diameter=q(25, "mm"),
    )
    plate = call("h_condensation_nusselt", **_steam_on_tube(), length=q(1.2, "m"))
    assert plate.value("h") == pytest.approx(0.943 * _nusselt_group(1.2) ** 0.25, rel=1e-3)
    assert tube.value("h") / plate.value("h") == pytest.approx(
        0.729 / (2 * math.sqrt(2) / 3) * (0.025 / 1.2) ** -0.25, rel=1e-12
    )
    assert "vertical plate" in (plate.method or "")


def test_nusselt_condensation_refusals() -> None:
    with pytest.raises(ToolInputError, match=r"outside_diameter.*horizontal_tube"):
        call(
            "h_condensation_nusselt",
            **_steam_on_tube(),
            geometry="horizontal_tube",
            length=q(25, "mm"),
        )
    with pytest.raises(ToolInputError, match=r"'length'.*vertical_plate"):
        call("h_condensation_nusselt", **_steam_on_tube(), outside_diameter=q(25, "mm"))
    with pytest.raises(ToolInputError, match=r"tubes_in_tier.*horizontal_tube' only"):
        call("h_condensation_nusselt", **_steam_on_tube(), length=q(1, "m"), tubes_in_tier=4)
    with pytest.raises(ToolInputError, match=r"angle.*vertical_plate' only"):
        call(
            "h_condensation_nusselt",
            **_steam_on_tube(),
            geometry="horizontal_tube",
            outside_diameter=q(25, "mm"),
            angle=q(30, "degree"),
        )
    with pytest.raises(ToolInputError, match=r"tubes_in_tier"):
        call(
            "h_condensation_nusselt",
            **_steam_on_tube(),
            geometry="horizontal_tube",
            outside_diameter=q(25, "mm"),
            tubes_in_tier=0,
        )
    with pytest.raises(ToolInputError, match=r"whole number"):
        call(
            "h_condensation_nusselt",
            **_steam_on_tube(),
            geometry="horizontal_tube",
            outside_diameter=q(25, "mm"),
            tubes_in_tier=2.5,
        )


def test_condensation_takes_the_walls_subcooling_instead_of_its_temperature() -> None:
    data = {"T_sat": q(100, "degC"), "liquid_density": q(958, "kg/m^3"),
            "vapor_density": q(0.6, "kg/m^3"), "liquid_conductivity": q(0.68, "W/m/K"),
            "liquid_viscosity": q(0.282, "mPa*s"), "latent_heat": q(2257, "kJ/kg"),
            "length": q(0.5, "m")}  # fmt: skip
    by_wall = call("h_condensation_nusselt", **data, T_wall=q(90, "degC"))
    by_subcooling = call("h_condensation_nusselt", **data, wall_subcooling=q(10, "K"))
    assert by_subcooling.value("h") == pytest.approx(by_wall.value("h"), rel=1e-12)
    with pytest.raises(ToolInputError, match="not both"):
        call("h_condensation_nusselt", **data, T_wall=q(90, "degC"), wall_subcooling=q(10, "K"))
