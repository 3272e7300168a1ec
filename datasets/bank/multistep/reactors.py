"""Multi-step kinds: reactors."""

from __future__ import annotations

import math
import random
from functools import cache
from typing import Any

from bank.core import (
    R_GAS,
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
from bank.lookups import _coolprop
from bank.multistep.values import (
    temperature,
)

KINDS: list[Kind] = []
kind = registrar(KINDS)


#: (equation, key reactant, feed text template or None for a pure feed, dH and dG at
#: 298.15 K [kJ/mol] from thermo's ideal-gas formation data, temperature range [K])
_EQUILIBRIA = [
    ("CO + H2O ⇌ CO2 + H2", "CO", "{r:g} mol of steam per mol of CO", (550, 800)),
    ("CO2 + H2 ⇌ CO + H2O", "CO2", "{r:g} mol of H2 per mol of CO2", (900, 1200)),
    ("n-C4H10 ⇌ i-C4H10", "n-butane", None, (320, 560)),
    ("cyclohexane ⇌ methylcyclopentane", "cyclohexane", None, (380, 650)),
]
_EQ_SPECIES = {
    0: (("carbon monoxide", "water"), ("carbon dioxide", "hydrogen")),
    1: (("carbon dioxide", "hydrogen"), ("carbon monoxide", "water")),
    2: (("butane",), ("isobutane",)),
    3: (("cyclohexane",), ("methylcyclopentane",)),
}


@cache
def _reaction_data(i: int) -> tuple[float, float]:
    """Standard dH and dG of reaction i at 298.15 K [kJ/mol], three significant figures."""
    from thermo import Chemical

    reactants, products = _EQ_SPECIES[i]
    dH = sum(Chemical(n).Hfgm for n in products) - sum(Chemical(n).Hfgm for n in reactants)
    dG = sum(Chemical(n).Gfgm for n in products) - sum(Chemical(n).Gfgm for n in reactants)
    return sig(dH / 1e3), sig(dG / 1e3)


def _draw_equilibrium(rng: random.Random) -> dict[str, Any]:
    i = rng.randrange(len(_EQUILIBRIA))
    rxn, key, feed, (lo, hi) = _EQUILIBRIA[i]
    dH, dG = _reaction_data(i)
    r = float(pick(rng, [1.0, 1.5, 2.0, 3.0])) if feed else 0.0
    T_K = round(rng.uniform(lo, hi))
    T = Val(float(T_K), "K", "K") if rng.random() < 0.5 else Val(float(T_K - 273), "degC", "°C")
    return {
        "rxn": rxn,
        "key": key,
        "r": r,
        "feed": feed.format(r=r) + " and no products" if feed else f"pure {key}",
        "dH": Val(dH, "kJ/mol", "kJ/mol"),
        "dG": Val(dG, "kJ/mol", "kJ/mol"),
        "T": T,
    }


def _equilibrium_conversion(dH: Val, dG: Val, T: Val, r: float, **_: Any) -> float:
    from scipy.optimize import brentq

    T0 = 298.15
    K = math.exp(-dG.to("J/mol") / (R_GAS * T0) - dH.to("J/mol") / R_GAS * (1 / T.to("K") - 1 / T0))
    if not r:  # A ⇌ B
        return K / (1 + K)
    return brentq(lambda X: X * X - K * (1 - X) * (r - X), 0.0, 1.0 - 1e-15, xtol=1e-15)


@kind(
    "reactors/equilibrium_conversion_at_T",
    "reactors",
    "",
    ("equilibrium_constant", "equilibrium_conversion"),
    "K(298.15 K) = exp(-dG/(R T0)); van 't Hoff with constant dH to T; equilibrium extent "
    "of a gas reaction with no change in moles (K = prod y_i^nu_i, scipy brentq); dH and "
    "dG from thermo's ideal-gas formation data",
    count=4,
    rel_tol=0.01,
    draw=retry(_draw_equilibrium, lambda d: 0.1 < _equilibrium_conversion(**d) < 0.95),
    wordings=(
        """For the gas-phase reaction {rxn}, ΔH°298 = {dH} and ΔG°298 = {dG}. Taking ΔH° as
          constant, find the equilibrium constant at {T} and then the equilibrium conversion
          of {key} for a feed of {feed}. What is that conversion?""",
        """A reactor runs {rxn} in the gas phase at {T} with a feed of {feed}. Standard
          data at 25 °C: ΔH° = {dH}, ΔG° = {dG}; assume ΔH° does not vary with temperature
          (van 't Hoff). What fraction of the {key} is converted at equilibrium?""",
        """What equilibrium conversion of {key} can {rxn} reach at {T}? The feed is {feed};
          ΔH°rxn = {dH} and ΔG°rxn = {dG} at 298.15 K, ΔH° constant; ideal gases.""",
        """Equilibrium check: {rxn} (gas), feed {feed}, reactor temperature {T}. From
          ΔG°298 = {dG} and ΔH°298 = {dH} (constant), compute K at {T} and the equilibrium
          conversion of {key}.""",
    ),
)
def _(rxn: str, key: str, r: float, feed: str, dH: Val, dG: Val, T: Val) -> float:
    return _equilibrium_conversion(dH, dG, T, r)


_BED_GASES = {
    "nitrogen": "Nitrogen",
    "air": "Air",
    "methane": "Methane",
    "hydrogen": "Hydrogen",
    "carbon dioxide": "CarbonDioxide",
}


def _draw_bed(rng: random.Random) -> dict[str, Any]:
    return {
        "gas": pick(rng, list(_BED_GASES)),
        "T": temperature(rng, 20, 300),
        "P": val(rng, [("bar", "bar absolute", 3, 30), ("psi", "psia", 45, 430)]),
        "m": val(rng, [("kg/hour", "kg/h", 500, 30000), ("lb/hour", "lb/h", 1100, 66000)]),
        "Dbed": val(rng, [("m", "m", 0.6, 3), ("foot", "ft", 2, 10)]),
        "L": val(rng, [("m", "m", 1, 6), ("foot", "ft", 3, 20)]),
        "dp": val(rng, [("mm", "mm", 3, 12), ("inch", "in", 0.125, 0.5)]),
        "eps": uni(rng, 0.36, 0.45, 2),
        "out": out(rng, [("kPa", "kPa"), ("bar", "bar"), ("psi", "psi")]),
    }


def _bed_state(gas: str, T: Val, P: Val, m: Val, Dbed: Val, **_: Any) -> tuple[float, float, float]:
    """Density, viscosity and superficial velocity of the gas at the bed inlet."""
    fluid, t, p = _BED_GASES[gas], T.to("K"), P.to("Pa")
    rho = _coolprop("D", "T", t, "P", p, fluid)
    mu = _coolprop("V", "T", t, "P", p, fluid)
    return rho, mu, m.to("kg/s") / (rho * math.pi * Dbed.to("m") ** 2 / 4)


def _bed_dp(d: dict[str, Any]) -> float:
    from fluids import dP_packed_bed

    rho, mu, vs = _bed_state(**d)
    return float(
        dP_packed_bed(
            dp=d["dp"].to("m"),
            voidage=d["eps"],
            vs=vs,
            rho=rho,
            mu=mu,
            L=d["L"].to("m"),
            Method="Ergun",
        )
    )


@kind(
    "reactors/packed_bed_gas",
    "reactors",
    "Pa",
    ("pure_properties", "pipe_velocity", "ergun_pressure_drop"),
    "Gas density and viscosity from CoolProp 8 (reference equations of state); superficial "
    "velocity m/(rho A); Ergun (1952) (fluids.packed_bed.dP_packed_bed, Method='Ergun')",
    count=4,
    rel_tol=0.03,
    draw=retry(
        _draw_bed,
        lambda d: 0.1 < _bed_state(**d)[2] < 1.5 and 2e3 < _bed_dp(d) < 0.1 * d["P"].to("Pa"),
    ),
    wordings=(
        """{m} of {gas} at {T} and {P} flows down through a fixed catalyst bed of {Dbed}
          inside diameter, packed {L} deep with {dp} spheres at a voidage of {eps}. Using the
          gas's density and viscosity at the inlet conditions and the Ergun equation, what is
          the pressure drop across the bed, in {out}?""",
        """Estimate the Ergun pressure drop ({out}) of a packed reactor: {gas} feed {m} at
          {P} and {T}; vessel ID {Dbed}; bed depth {L}; spherical particles of {dp}; void
          fraction {eps}. Take the gas properties at the inlet state.""",
        """A {Dbed} diameter adsorber holds {L} of {dp} beads (voidage {eps}). What pressure
          loss, in {out}, does {m} of {gas} at {T}, {P} cause? Find the superficial velocity
          first, then apply Ergun.""",
        """What is the bed ΔP in {out} for {gas} ({m}, inlet {T} and {P}) through {L} of
          packing made of {dp} spheres, ε = {eps}, in a vessel of {Dbed} internal diameter?
          Ergun equation, properties at inlet conditions.""",
    ),
)
def _(out: Out, **d: Any) -> float:
    return _bed_dp(d)
