"""Balance tools: a recycle-purge flowsheet solved by hand, Hess's law, heating values,
and a flame temperature from Turns."""

from __future__ import annotations

import pytest

from peoa.exceptions import ToolInputError, UnknownChemicalError

from .helpers import call, q

UNITS = [
    {"name": "mix", "type": "mixer", "inlets": ["F", "R"], "outlets": ["S1"]},
    {
        "name": "rx",
        "type": "reactor",
        "inlets": ["S1"],
        "outlets": ["S2"],
        "reactions": [{"stoichiometry": {"A": -1, "B": 1}, "key": "A", "conversion": 0.5}],
    },
    {
        "name": "sep",
        "type": "separator",
        "inlets": ["S2"],
        "outlets": ["P", "G"],
        "component_splits": {"P": {"B": 1}},
    },
    {
        "name": "split",
        "type": "splitter",
        "inlets": ["G"],
        "outlets": ["W", "R"],
        "split_fractions": {"W": 0.1},
    },
]


def test_recycle_and_purge_by_hand() -> None:
    # Fresh feed 100 A + 1 I; 50 % single-pass conversion; all B leaves as product; 10 % of
    # the unreacted gas is purged. By hand: g_A = 0.5 (100 + 0.9 g_A) -> g_A = 50/0.55;
    # g_I = 1 + 0.9 g_I -> g_I = 10; product B = 0.5 (100 + 0.9 g_A).
    r = call(
        "mass_balance",
        components=["A", "B", "I"],
        units=UNITS,
        streams=[{"name": "F", "flows": {"A": 100, "I": 1}}],
    )
    streams = r.value("streams")
    g_a = 50 / 0.55
    assert streams["G"]["A"] == pytest.approx(g_a, rel=1e-10)
    assert streams["G"]["I"] == pytest.approx(10, rel=1e-10)
    assert streams["P"]["B"] == pytest.approx(0.5 * (100 + 0.9 * g_a), rel=1e-10)
    assert streams["W"]["A"] == pytest.approx(0.1 * g_a, rel=1e-10)
    assert streams["W"]["I"] == pytest.approx(1, rel=1e-10)  # inert in = inert purged
    assert r.value("fractions")["R"]["I"] == pytest.approx(10 / (g_a + 10), rel=1e-10)


def test_composition_and_total_specifications() -> None:
    # a feed given by total and fractions instead of flows gives the same answer
    r = call(
        "mass_balance",
        components=["A", "B", "I"],
        units=UNITS,
        streams=[{"name": "F", "total": 101, "fractions": {"A": 100 / 101, "I": 1 / 101}}],
    )
    assert r.value("streams")["P"]["B"] == pytest.approx(0.5 * (100 + 0.9 * 50 / 0.55))


def test_underspecified_and_contradictory_flowsheets() -> None:
    with pytest.raises(ToolInputError, match="degree"):
        call("mass_balance", components=["A", "B", "I"], units=UNITS, streams=[])
    with pytest.raises(ToolInputError, match="contradict"):
        call(
            "mass_balance",
            components=["A", "B", "I"],
            units=UNITS,
            streams=[{"name": "F", "flows": {"A": 100, "I": 1}}, {"name": "W", "total": 50}],
        )
    with pytest.raises(ToolInputError, match="unknown components"):
        call(
            "mass_balance",
            components=["A", "B"],
            units=UNITS,
            streams=[{"name": "F", "flows": {"A": 100, "I": 1}}],
        )


def test_heat_of_reaction_methane_combustion() -> None:
    # CH4 + 2 O2 -> CO2 + 2 H2O: -890.3 kJ/mol with liquid water, -802.3 with vapour
    # (Felder & Rousseau 4th ed. Table B.1 formation enthalpies: -74.85, -393.5, -285.84,
    # -241.83 kJ/mol)
    species = ["methane", "oxygen", "carbon dioxide", "water"]
    liquid = call(
        "heat_of_reaction",
        species=species,
        stoichiometry=[-1, -2, 1, 2],
        phases=["gas", "gas", "gas", "liquid"],
    )
    assert liquid.value("dH", "kJ/mol") == pytest.approx(-74.85 * -1 - 393.5 - 2 * 285.84, abs=0.5)
    vapour = call("heat_of_reaction", species=species, stoichiometry=[-1, -2, 1, 2])
    assert vapour.value("dH", "kJ/mol") == pytest.approx(74.85 - 393.5 - 2 * 241.83, abs=0.5)
    with pytest.raises(UnknownChemicalError, match="did you mean"):
        call("heat_of_reaction", species=["metthane", "oxygen"], stoichiometry=[-1, -2])


def test_heating_values_of_methane() -> None:
    # Perry's Chemical Engineers' Handbook: methane HHV 55.5 MJ/kg, LHV 50.0 MJ/kg
    r = call("heat_of_combustion", fuel="CH4")
    assert r.value("HHV_mass", "MJ/kg") == pytest.approx(55.5, abs=0.1)
    assert r.value("LHV_mass", "MJ/kg") == pytest.approx(50.0, abs=0.1)
    assert r.value("O2_required") == 2
    # HHV - LHV = 2 mol water x latent heat of water at 25 degC (44.0 kJ/mol)
    assert r.value("HHV", "kJ/mol") - r.value("LHV", "kJ/mol") == pytest.approx(88.0, abs=0.1)


def test_adiabatic_flame_temperature_methane_air() -> None:
    # Turns, An Introduction to Combustion 2nd ed., Table 2.1: stoichiometric methane-air at
    # 298 K and 1 atm, equilibrium (dissociated) products: 2226 K
    r = call("adiabatic_flame_temperature", fuel="methane")
    assert r.value("T_adiabatic") == pytest.approx(2226, abs=5)
    lean = call("adiabatic_flame_temperature", fuel="CH4", equivalence_ratio=0.7)
    assert lean.value("T_adiabatic") < r.value("T_adiabatic")
    products = r.value("products")
    assert products["N2"] > products["H2O"] > products["CO2"]
    with pytest.raises(ToolInputError, match="GRI-Mech"):
        call("adiabatic_flame_temperature", fuel="toluene")
    with pytest.raises(ToolInputError, match="absolute temperature"):
        call("adiabatic_flame_temperature", fuel="CH4", temperature=q(-300, "degC"))


def test_a_fired_heaters_fuel_is_its_duty_over_efficiency_and_heating_value() -> None:
    result = call("fired_heater_fuel", duty=q(10, "MW"), heating_value=q(47.5, "MJ/kg"),
                  efficiency=0.85)  # fmt: skip
    assert result.value("fired_duty") == pytest.approx(10e6 / 0.85)
    assert result.value("fuel_mass_flow") == pytest.approx(10e6 / 0.85 / 47.5e6)


def test_a_single_effect_evaporator_against_geankoplis_example_8_4_1() -> None:
    # Geankoplis 4th ed. Example 8.4-1: 9072 kg/h of 1.0 wt% salt solution at 311 K
    # (cp 4.14 kJ/(kg K)) to 1.5 wt% at 101.325 kPa, steam at 143.3 kPa, U = 1704:
    # V = 3024 kg/h, S = 4108 kg/h, A = 149.3 m² (steam tables; IAPWS-95 within 0.2 %).
    args = {
        "feed_mass_flow": q(9072, "kg/h"),
        "fraction_in": 0.01,
        "fraction_out": 0.015,
        "boiling_pressure": q(101.325, "kPa"),
        "steam_pressure": q(143.3, "kPa"),
        "feed_temperature": q(311, "K"),
        "feed_cp": q(4.14, "kJ/kg/K"),
        "U": q(1704, "W/m^2/K"),
    }
    r = call("single_effect_evaporator", **args)
    assert r.value("steam_mass_flow", "kg/h") == pytest.approx(4108, rel=0.002)
    assert r.value("area", "m^2") == pytest.approx(149.3, rel=0.002)
    assert r.value("economy") == pytest.approx(3024 / r.value("steam_mass_flow", "kg/h"))
    # A feed at its boiling point needs no heat capacity: the steam only evaporates.
    boiling = {k: v for k, v in args.items() if k not in ("feed_temperature", "feed_cp", "U")}
    at_boil = call("single_effect_evaporator", **boiling)
    assert at_boil.value("area") is None
    assert at_boil.value("steam_mass_flow") < r.value("steam_mass_flow")
    with pytest.raises(ToolInputError, match="heat capacity"):
        call("single_effect_evaporator", **(boiling | {"feed_temperature": q(311, "K")}))
    with pytest.raises(ToolInputError, match="no hotter than the liquor"):
        call("single_effect_evaporator", **(boiling | {"steam_pressure": q(90, "kPa")}))
    with pytest.raises(ToolInputError, match="richer in solids"):
        call("single_effect_evaporator", **(boiling | {"fraction_out": 0.005}))
