"""Process-set kinds: mass and energy balances."""

from __future__ import annotations

import random
from typing import Any

from bank.core import (
    Kind,
    Out,
    Val,
    out,
    pick,
    registrar,
    retry,
    sig,
    uni,
    val,
)

KINDS: list[Kind] = []
kind = registrar(KINDS)


_LIQUID_FUELS = ("methanol", "ethanol", "n-octane")
_FUELS = {
    "methane": "74-82-8",
    "ethane": "74-84-0",
    "propane": "74-98-6",
    "n-butane": "106-97-8",
    "hydrogen": "1333-74-0",
    "methanol": "67-56-1",
    "ethanol": "64-17-5",
    "n-octane": "111-65-9",
    "carbon monoxide": "630-08-0",
}


def _draw_fuel(rng: random.Random) -> dict[str, Any]:
    fuel = pick(rng, list(_FUELS))
    state = "liquid" if fuel in _LIQUID_FUELS else "gaseous"
    return {
        "fuel": fuel,
        "state": state,
        "hv": pick(rng, ["higher", "lower"]),
        "out": out(rng, [("MJ/kg", "MJ/kg"), ("kJ/mol", "kJ/mol"), ("Btu/lb", "Btu/lb")]),
    }


@kind(
    "balances/heating_value",
    "balances",
    None,
    ("heat_of_combustion",),
    "chemicals.combustion.combustion_data with standard heats of formation "
    "(chemicals.reaction.Hfg, Hfl for liquid fuels)",
    count=4,
    rel_tol=0.01,
    draw=_draw_fuel,
    wordings=(
        """What is the {hv} heating value of {state} {fuel} at 25 °C, in {out}, from
          standard heats of formation?""",
        """A burner fires {state} {fuel}. Compute its {hv} heating value (standard state,
          25 °C) in {out}.""",
        """From heats of formation, how much heat does complete combustion of {state}
          {fuel} release at 25 °C on a {hv}-heating-value basis? Give it in {out}.""",
    ),
)
def _(fuel: str, state: str, hv: str, out: Out) -> tuple[float, str]:
    from chemicals import MW, Hfg, Hfl
    from chemicals.combustion import combustion_data
    from chemicals.identifiers import search_chemical

    cas = _FUELS[fuel]
    formula = search_chemical(cas).formula
    Hf = Hfg(cas)
    if fuel in _LIQUID_FUELS:  # liquid fuels: the liquid's formation enthalpy
        Hf = Hfl(cas)
    data = combustion_data(formula=formula, Hf=Hf)
    value = -(data.HHV if hv == "higher" else data.LHV)  # J/mol
    if out.unit == "kJ/mol":
        return value / 1e3, "kJ/mol"
    return Val(value / (MW(cas) / 1e3), "J/kg", "").to(out.unit), out.unit


_REACTIONS = [
    ("CO + H2O(g) → CO2 + H2", {"630-08-0": 1, "7732-18-5": 1}, {"124-38-9": 1, "1333-74-0": 1}),
    ("CH4 + H2O(g) → CO + 3 H2", {"74-82-8": 1, "7732-18-5": 1}, {"630-08-0": 1, "1333-74-0": 3}),
    ("N2 + 3 H2 → 2 NH3", {"7727-37-9": 1, "1333-74-0": 3}, {"7664-41-7": 2}),
    ("C2H4 + H2 → C2H6", {"74-85-1": 1, "1333-74-0": 1}, {"74-84-0": 1}),
    ("CO + 2 H2 → CH3OH(g)", {"630-08-0": 1, "1333-74-0": 2}, {"67-56-1": 1}),
    ("2 SO2 + O2 → 2 SO3", {"7446-09-5": 2, "7782-44-7": 1}, {"7446-11-9": 2}),
    ("C2H6 → C2H4 + H2", {"74-84-0": 1}, {"74-85-1": 1, "1333-74-0": 1}),
    (
        "CO2 + 4 H2 → CH4 + 2 H2O(g)",
        {"124-38-9": 1, "1333-74-0": 4},
        {"74-82-8": 1, "7732-18-5": 2},
    ),
]


@kind(
    "balances/heat_of_reaction",
    "balances",
    "J/mol",
    ("heat_of_reaction",),
    "Hess's law with ideal-gas standard heats of formation (chemicals.reaction.Hfg)",
    count=4,
    rel_tol=0.01,
    draw=lambda rng: {
        "i": (i := rng.randrange(len(_REACTIONS))),
        "rxn": _REACTIONS[i][0],
        "out": out(rng, [("kJ/mol", "kJ/mol"), ("kcal/mol", "kcal/mol")]),
    },
    wordings=(
        """What is the standard heat of reaction at 25 °C of {rxn}, in {out} (per mole of
          reaction as written), from standard heats of formation (all species gaseous)?""",
        """Using ideal-gas heats of formation at 298.15 K, compute ΔH°rxn for {rxn} in
          {out}.""",
        """Is {rxn} exothermic? Give its standard enthalpy of reaction at 25 °C in {out}
          (gas phase, per mole of reaction as written).""",
    ),
)
def _(i: int, rxn: str, out: Out) -> float:
    from chemicals import Hfg

    _name, reactants, products = _REACTIONS[i]
    return sum(n * Hfg(c) for c, n in products.items()) - sum(
        n * Hfg(c) for c, n in reactants.items()
    )


def _draw_flame(rng: random.Random) -> dict[str, Any]:
    return {
        "fuel": pick(rng, ["CH4", "C3H8", "H2", "C2H6"]),
        "phi": pick(rng, [0.7, 0.8, 0.9, 1.0]),
        "T0": Val(298.15, "K", "K"),
        "P": Val(101.325, "kPa", "kPa"),
    }


@kind(
    "balances/flame_temperature",
    "balances",
    "K",
    ("adiabatic_flame_temperature",),
    "Cantera 3 HP equilibrium with GRI-Mech 3.0 (air as O2:N2 = 1:3.76)",
    count=3,
    rel_tol=0.01,
    draw=_draw_flame,
    wordings=(
        """{fuel} burns in air (O₂:N₂ = 1:3.76) at an equivalence ratio of {phi}, with
          reactants at {T0} and {P}. Assuming chemical equilibrium of the products (GRI-Mech
          3.0), what is the adiabatic flame temperature in K?""",
        """Estimate the constant-pressure adiabatic flame temperature (K) of {fuel}-air,
          φ = {phi}, reactants at {T0} and {P}, including dissociation (equilibrium
          products, GRI-Mech 3.0).""",
        """What equilibrium adiabatic flame temperature, in K, does a {fuel}/air mixture
          with equivalence ratio {phi} reach, starting from {T0} and {P}? Air is 1 O₂ to
          3.76 N₂.""",
    ),
)
def _(fuel: str, phi: float, T0: Val, P: Val) -> float:
    import cantera as ct

    gas = ct.Solution("gri30.yaml")
    gas.TP = T0.value, P.to("Pa")
    gas.set_equivalence_ratio(phi, fuel, {"O2": 1.0, "N2": 3.76})
    gas.equilibrate("HP")
    return float(gas.T)


def _draw_mix(rng: random.Random) -> dict[str, Any]:
    return {
        "F1": val(rng, [("kg/hour", "kg/h", 500, 10000), ("tonne/hour", "t/h", 0.5, 10)]),
        "w1": uni(rng, 5, 60, 2),
        "F2": val(rng, [("kg/hour", "kg/h", 500, 10000)]),
        "w2": uni(rng, 1, 30, 2),
        "solute": pick(rng, ["NaOH", "sulfuric acid", "ethanol", "sugar", "salt"]),
    }


@kind(
    "balances/mixing",
    "balances",
    "percent",
    ("mass_balance",),
    "Steady-state component balance of a mixer",
    count=3,
    rel_tol=0.003,
    draw=_draw_mix,
    wordings=(
        """{F1} of a {w1:g} wt% {solute} solution is mixed with {F2} of a {w2:g} wt% {solute}
          solution. What is the {solute} concentration of the product, in wt%?""",
        """Two streams meet in a mixing tee: {F1} at {w1:g} wt% {solute} and {F2} at {w2:g} wt%.
          Find the mixed-stream concentration (wt%).""",
        """A blending tank receives {F1} containing {w1:g} wt% {solute} and {F2} containing
          {w2:g} wt% {solute}. At steady state, what is the outlet mass fraction of {solute}, in
          wt%?""",
    ),
)
def _(F1: Val, w1: float, F2: Val, w2: float, solute: str) -> float:
    a, b = F1.to("kg/hour"), F2.to("kg/hour")
    return (a * w1 + b * w2) / (a + b)


def _draw_evap(rng: random.Random) -> dict[str, Any]:
    w0 = uni(rng, 2, 20, 2)
    return {
        "F": val(rng, [("kg/hour", "kg/h", 1000, 50000), ("tonne/hour", "t/h", 1, 50)]),
        "w0": w0,
        "w1": sig(w0 * rng.uniform(2, 5), 2),
        "what": pick(
            rng,
            [
                "an aqueous salt solution",
                "a sugar juice",
                "a caustic liquor",
                "a milk concentrate",
                "a fruit juice",
            ],
        ),
        "out": out(rng, [("kg/hour", "kg/h"), ("tonne/hour", "t/h")]),
    }


@kind(
    "balances/evaporator",
    "balances",
    "kg/hour",
    ("mass_balance",),
    "Steady-state solute and total balances of an evaporator",
    count=3,
    rel_tol=0.003,
    draw=retry(_draw_evap, lambda d: d["w1"] < 70),
    wordings=(
        """An evaporator concentrates {F} of {what} from {w0:g} wt% to {w1:g} wt% solids. No
          solids leave with the vapour. How much water is evaporated, in {out}?""",
        """What evaporation rate ({out}) is needed to take {F} of {what} from {w0:g} wt% to
          {w1:g} wt% dissolved solids?""",
        """A concentrator is fed {F} of {what} at {w0:g} wt% solids and must deliver {w1:g} wt%.
          Find the vapour (water) removed in {out}.""",
    ),
)
def _(F: Val, w0: float, w1: float, what: str, out: Out) -> float:
    f = F.to("kg/hour")
    return f - f * w0 / w1


def _draw_recycle(rng: random.Random) -> dict[str, Any]:
    return {
        "F": Val(uni(rng, 50, 500), "kmol/hour", "kmol/h"),
        "yI": uni(rng, 0.005, 0.03, 2),
        "Xp": uni(rng, 0.1, 0.4, 2),
        "yIr": uni(rng, 0.05, 0.2, 2),
    }


def _recycle_ok(d: dict[str, Any]) -> bool:
    try:
        _recycle(d["F"].to("kmol/hour"), d["yI"], d["Xp"], d["yIr"])
    except ValueError:
        return False
    return True


@kind(
    "balances/recycle_purge",
    "balances",
    "kmol/hour",
    ("mass_balance",),
    "Steady-state balances with recycle and purge solved with scipy.optimize.fsolve",
    count=3,
    rel_tol=0.003,
    draw=retry(_draw_recycle, _recycle_ok),
    wordings=(
        """A fresh feed of {F} contains {yI} mole fraction inert I; the rest is A. A reactor
          converts {Xp} of the A it receives into B (single pass). B is removed completely;
          unreacted A and all of I are recycled, with a purge taken from the recycle so that
          the recycle holds {yIr} mole fraction I. What is the total reactor feed rate
          (fresh feed plus recycle), in kmol/h?""",
        """Recycle loop with purge: fresh feed {F} (A with {yI} inert), single-pass
          conversion of A {Xp}, product B separated completely, the unreacted gas recycled
          with a purge; the recycle contains {yIr} inert. Find the reactor inlet flow in
          kmol/h.""",
        """An A → B process takes {F} of fresh feed containing {yI} mole fraction inerts.
          Per pass {Xp} of the A fed to the reactor converts; all B is removed downstream;
          the remaining A and inerts return to the reactor except a purge, set so the
          recycle is {yIr} inert. What is the combined reactor feed, kmol/h?""",
    ),
)
def _(F: Val, yI: float, Xp: float, yIr: float) -> float:
    return sum(_recycle(F.to("kmol/hour"), yI, Xp, yIr)[:2])


def _recycle(f: float, yI: float, Xp: float, yIr: float) -> tuple[float, float, float]:
    """Reactor-inlet A and I [kmol/h] and the purge split fraction, from the balances.

    Solved numerically (scipy.optimize.fsolve) from the three balance equations: A around
    the mixer, I around the loop, and the recycle composition.
    """
    from scipy.optimize import fsolve

    def equations(u: list[float]) -> list[float]:
        A_in, I_in, s = u
        A_out = (1 - Xp) * A_in
        return [
            A_in - f * (1 - yI) - (1 - s) * A_out,
            I_in - f * yI - (1 - s) * I_in,
            I_in - yIr * (A_out + I_in),
        ]

    # start from the no-purge limit of the A balance so fsolve lands on the physical root
    A0 = f * (1 - yI) / Xp
    A_in, I_in, s = fsolve(equations, [A0, yIr / (1 - yIr) * (1 - Xp) * A0, 0.05], xtol=1e-13)
    if max(abs(r) for r in equations([A_in, I_in, s])) > 1e-6 * f or not 0 < s < 1:
        raise ValueError("recycle balance did not converge to a physical solution")
    return float(A_in), float(I_in), float(s)


def _draw_comb_air(rng: random.Random) -> dict[str, Any]:
    return {
        "fuel": pick(rng, ["methane", "propane", "ethane", "n-butane"]),
        "excess": float(pick(rng, [5, 10, 15, 20, 25, 30])),
        "basis": pick(rng, ["kg air per kg fuel", "mol air per mol fuel"]),
    }


_CnH = {"methane": (1, 4), "ethane": (2, 6), "propane": (3, 8), "n-butane": (4, 10)}


@kind(
    "balances/combustion_air",
    "balances",
    "",
    ("heat_of_combustion",),
    "Combustion stoichiometry CnHm + (n + m/4) O2; air 20.95 mol% O2, molar masses from "
    "chemicals.elements",
    count=3,
    rel_tol=0.005,
    draw=_draw_comb_air,
    wordings=(
        """{fuel} burns completely with {excess:g}% excess air (air: 20.95 mol% O₂, rest
          treated as N₂ with molar mass 28.013, O₂ 31.999 g/mol). How much air is supplied,
          in {basis}?""",
        """A furnace fires {fuel} with {excess:g}% excess air. Using 20.95 mol% O₂ in air
          (balance N₂, M = 28.013; O₂ 31.999 g/mol), what is the air-to-fuel ratio in
          {basis}?""",
        """Compute the combustion air requirement ({basis}) for {fuel} at {excess:g}% excess
          air, complete combustion, air = 20.95% O₂ + 79.05% N₂ by mole (M_O2 31.999,
          M_N2 28.013 g/mol).""",
    ),
)
def _(fuel: str, excess: float, basis: str) -> float:
    from chemicals import MW

    n, m = _CnH[fuel]
    o2 = (n + m / 4) * (1 + excess / 100)
    air_mol = o2 / 0.2095
    if basis.startswith("mol"):
        return air_mol
    M_air = 0.2095 * 31.999 + 0.7905 * 28.013
    return air_mol * M_air / MW(_FUELS[fuel])
