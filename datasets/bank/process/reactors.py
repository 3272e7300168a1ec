"""Process-set kinds: reactors and kinetics (design equations written out; fluids for Ergun)."""

from __future__ import annotations

import math
import random
from typing import Any

from bank.core import (
    GOLD_TOOLS,
    R_GAS,
    Kind,
    Out,
    Val,
    out,
    pick,
    registrar,
    sig,
    uni,
    val,
)

KINDS: list[Kind] = []
kind = registrar(KINDS)


def _draw_first(rng: random.Random) -> dict[str, Any]:
    k = val(
        rng,
        [
            ("1/minute", "min⁻¹", 0.02, 0.8),
            ("1/hour", "h⁻¹", 1, 40),
            ("1/second", "s⁻¹", 0.0005, 0.01),
        ],
    )
    return {
        "k": k,
        "v0": val(rng, [("m**3/hour", "m³/h", 1, 50), ("L/minute", "L/min", 20, 800)]),
        "X": uni(rng, 0.5, 0.97, 2),
        "out": out(rng, [("m**3", "m³"), ("L", "L"), ("gallon", "US gal")]),
    }


@kind(
    "reactors/cstr_first_order",
    "reactors",
    "m**3",
    ("reactor_cstr",),
    "CSTR design equation, first order: V = v0 X / (k (1 - X)) (Fogler ch. 5)",
    count=3,
    rel_tol=0.003,
    draw=_draw_first,
    wordings=(
        """A liquid-phase first-order reaction A → B (k = {k}) runs isothermally in a CSTR
          fed at {v0}. What reactor volume gives {X} conversion, in {out}?""",
        """What CSTR volume ({out}) is needed to convert {X} of A in an irreversible
          first-order liquid reaction with rate constant {k}, at a feed rate of {v0}?""",
        """Size a continuous stirred tank for {X} conversion: first-order kinetics,
          k = {k}, constant-density feed {v0}. Volume in {out}?""",
    ),
)
def _(k: Val, v0: Val, X: float, out: Out) -> float:
    return v0.to("m**3/s") * X / (k.to("1/s") * (1 - X))


@kind(
    "reactors/pfr_first_order",
    "reactors",
    "m**3",
    ("reactor_pfr",),
    "PFR design equation, first order, constant density: V = (v0/k) ln(1/(1 - X))",
    count=3,
    rel_tol=0.003,
    draw=_draw_first,
    wordings=(
        """The liquid-phase first-order reaction A → B (k = {k}) is carried out in an
          isothermal plug-flow reactor fed at {v0}. What volume gives {X} conversion, in
          {out}?""",
        """What tubular (plug-flow) reactor volume, in {out}, achieves {X} conversion of A
          for a first-order reaction with k = {k} and a constant-density feed of {v0}?""",
        """PFR sizing: first order, k = {k}, v0 = {v0}, target conversion {X}, liquid
          phase. Volume in {out}?""",
    ),
)
def _(k: Val, v0: Val, X: float, out: Out) -> float:
    return v0.to("m**3/s") / k.to("1/s") * math.log(1 / (1 - X))


def _draw_second(rng: random.Random) -> dict[str, Any]:
    return {
        "k": val(
            rng,
            [
                ("L/(mol*minute)", "L/(mol·min)", 0.01, 0.5),
                ("m**3/(kmol*hour)", "m³/(kmol·h)", 0.5, 30),
            ],
        ),
        "CA0": val(rng, [("mol/L", "mol/L", 0.5, 4), ("kmol/m**3", "kmol/m³", 0.5, 4)]),
        "v0": val(rng, [("L/minute", "L/min", 5, 200), ("m**3/hour", "m³/h", 0.3, 12)]),
        "X": uni(rng, 0.5, 0.95, 2),
        "type": (reactor := pick(rng, ["CSTR", "PFR"])),
        "out": out(rng, [("m**3", "m³"), ("L", "L")]),
        GOLD_TOOLS: ("reactor_cstr",) if reactor == "CSTR" else ("reactor_pfr",),
    }


@kind(
    "reactors/second_order",
    "reactors",
    "m**3",
    ("reactor_cstr", "reactor_pfr"),
    "Second order, constant density: CSTR V = v0 X / (k CA0 (1-X)^2); PFR V = v0 X / (k CA0 (1-X))",
    count=4,
    rel_tol=0.003,
    draw=_draw_second,
    wordings=(
        """A liquid-phase reaction 2A → products with rate −rA = k·CA² (k = {k}) runs in an
          isothermal {type}. Feed: {v0} at CA0 = {CA0}. What {type} volume gives {X}
          conversion, in {out}?""",
        """Second-order kinetics (−rA = k CA², k = {k}), CA0 = {CA0}, volumetric feed {v0},
          constant density. Find the {type} volume ({out}) for X = {X}.""",
        """What volume, in {out}, must an isothermal {type} have to reach {X} conversion
          of A when the rate is k CA² with k = {k}? The feed is {v0} of A at {CA0}.""",
    ),
)
def _(k: Val, CA0: Val, v0: Val, X: float, type: str, out: Out) -> float:
    kc = k.to("m**3/(mol*s)") * CA0.to("mol/m**3")  # pseudo-first-order rate [1/s]
    v = v0.to("m**3/s")
    if type == "CSTR":
        return v * X / (kc * (1 - X) ** 2)
    return v * X / (kc * (1 - X))


def _draw_arrhenius(rng: random.Random) -> dict[str, Any]:
    T1 = uni(rng, 300, 450)
    return {
        "k1": Val(uni(rng, 0.001, 0.5), "1/s", "s⁻¹"),
        "T1": Val(T1, "K", "K"),
        "Ea": val(rng, [("kJ/mol", "kJ/mol", 40, 150), ("kcal/mol", "kcal/mol", 10, 35)]),
        "T2": Val(sig(T1 + rng.uniform(10, 60)), "K", "K"),
    }


@kind(
    "reactors/arrhenius",
    "reactors",
    "1/s",
    (),
    "Arrhenius k2 = k1 exp[-Ea/R (1/T2 - 1/T1)]",
    count=3,
    rel_tol=0.003,
    draw=_draw_arrhenius,
    wordings=(
        """A rate constant is {k1} at {T1}, and the activation energy is {Ea}. What is the
          rate constant at {T2}, in s⁻¹?""",
        """The kinetics lab measured k = {k1} at {T1}. With an activation energy of {Ea},
          estimate k at {T2} (s⁻¹).""",
        """Using the Arrhenius equation with Ea = {Ea}, scale k = {k1} from {T1} to
          {T2}. Answer in s⁻¹.""",
    ),
)
def _(k1: Val, T1: Val, Ea: Val, T2: Val) -> float:
    return k1.value * math.exp(-Ea.to("J/mol") / R_GAS * (1 / T2.value - 1 / T1.value))


def _draw_ergun(rng: random.Random) -> dict[str, Any]:
    gas = rng.random() < 0.6
    return {
        "rho": Val(uni(rng, 1, 30), "kg/m**3", "kg/m³")
        if gas
        else Val(uni(rng, 700, 1000), "kg/m**3", "kg/m³"),
        "mu": Val(uni(rng, 12, 30), "micropascal*second", "µPa·s")
        if gas
        else Val(uni(rng, 0.5, 5), "mPa*s", "mPa·s"),
        "L": Val(uni(rng, 1, 8), "m", "m"),
        "dp": Val(uni(rng, 2, 12), "mm", "mm"),
        "eps": uni(rng, 0.35, 0.45, 2),
        "vs": Val(uni(rng, 0.1, 1.0) if gas else uni(rng, 0.005, 0.05), "m/s", "m/s"),
        "fluid": "gas" if gas else "liquid",
        "out": out(rng, [("kPa", "kPa"), ("bar", "bar")]),
    }


@kind(
    "reactors/ergun",
    "reactors",
    "Pa",
    ("ergun_pressure_drop",),
    "Ergun (1952) equation (fluids.packed_bed.dP_packed_bed, Method='Ergun')",
    count=3,
    rel_tol=0.005,
    draw=_draw_ergun,
    wordings=(
        """A {fluid} (density {rho}, viscosity {mu}) flows through a packed bed {L} deep of
          {dp} spheres with a voidage of {eps}, at a superficial velocity of {vs}. Using the
          Ergun equation, what is the pressure drop, in {out}?""",
        """Estimate the bed pressure drop ({out}) of a fixed-bed reactor: {L} of {dp}
          spherical catalyst, void fraction {eps}, {fluid} at a superficial velocity of {vs}
          with ρ = {rho} and μ = {mu}. Use Ergun.""",
        """What does the Ergun equation give for the pressure drop, in {out}, across {L}
          of packing ({dp} spheres, ε = {eps}) for a {fluid} flowing at {vs} superficial
          (ρ {rho}, μ {mu})?""",
    ),
)
def _(rho: Val, mu: Val, L: Val, dp: Val, eps: float, vs: Val, fluid: str, out: Out) -> float:
    from fluids import dP_packed_bed

    return float(
        dP_packed_bed(
            dp=dp.to("m"),
            voidage=eps,
            vs=vs.value,
            rho=rho.value,
            mu=mu.to("Pa*s"),
            L=L.value,
            Method="Ergun",
        )
    )


def _draw_adiabatic(rng: random.Random) -> dict[str, Any]:
    return {
        "dH": Val(-uni(rng, 30, 150), "kJ/mol", "kJ/mol"),
        "CA0": Val(uni(rng, 0.5, 3), "kmol/m**3", "kmol/m³"),
        "rho": Val(uni(rng, 800, 1100), "kg/m**3", "kg/m³"),
        "cp": Val(uni(rng, 2, 4.2), "kJ/(kg*K)", "kJ/(kg·K)"),
        "T0": val(rng, [("K", "K", 290, 360), ("degC", "°C", 20, 90)]),
        "X": uni(rng, 0.5, 1.0, 2),
    }


@kind(
    "reactors/adiabatic",
    "reactors",
    "K",
    ("adiabatic_temperature_rise",),
    "Adiabatic energy balance T = T0 + (-dHr) CA0 X / (rho cp)",
    count=3,
    rel_tol=0.003,
    draw=_draw_adiabatic,
    wordings=(
        """An exothermic liquid-phase reaction (ΔHr = {dH} of A reacted) is run adiabatically with
          CA0 = {CA0}, feed density {rho} and heat capacity {cp}. The feed enters at {T0}.
          What is the outlet temperature at {X} conversion, in K?""",
        """What temperature (°C) leaves an adiabatic reactor converting {X} of A? Feed at
          {T0}, CA0 {CA0}, ΔHr {dH} (per mol of A), solution density {rho}, cp {cp}
          (constant).""",
        """Adiabatic temperature check for a runaway study: feed {T0}, {CA0} of A, heat of
          reaction {dH}, ρ = {rho}, cp = {cp}, conversion {X}. Outlet temperature in K?""",
    ),
)
def _(dH: Val, CA0: Val, rho: Val, cp: Val, T0: Val, X: float) -> float:
    return T0.to("K") + (-dH.to("J/mol")) * CA0.to("mol/m**3") * X / (rho.value * cp.to("J/(kg*K)"))


def _draw_vant(rng: random.Random) -> dict[str, Any]:
    return {
        "K1": uni(rng, 0.5, 50),
        "T1": Val(298.15, "K", "K"),
        "dH": Val(sig(rng.choice([-1, 1]) * rng.uniform(10, 80)), "kJ/mol", "kJ/mol"),
        "T2": Val(uni(rng, 320, 600), "K", "K"),
    }


@kind(
    "reactors/vant_hoff",
    "reactors",
    "",
    ("equilibrium_constant",),
    "Integrated van 't Hoff equation with constant dH: ln(K2/K1) = -dH/R (1/T2 - 1/T1)",
    count=2,
    rel_tol=0.003,
    draw=_draw_vant,
    wordings=(
        """A reaction has an equilibrium constant of {K1} at {T1}; its standard heat of
          reaction is {dH} (take it as constant). What is K at {T2}?""",
        """Using the van 't Hoff equation with ΔH° = {dH}, extrapolate K = {K1} at {T1} to
          {T2}.""",
        """What equilibrium constant applies at {T2} if K = {K1} at {T1} and ΔH°rxn =
          {dH}, independent of temperature?""",
    ),
)
def _(K1: float, T1: Val, dH: Val, T2: Val) -> float:
    return K1 * math.exp(-dH.to("J/mol") / R_GAS * (1 / T2.value - 1 / T1.value))


def _draw_eqconv(rng: random.Random) -> dict[str, Any]:
    rxn = pick(rng, ["A ⇌ B", "A + B ⇌ C + D"])
    ratio = float(pick(rng, [1.0, 1.5, 2.0]))
    feed = "pure A" if rxn == "A ⇌ B" else f"{ratio:g} mol of B per mol of A and no products"
    return {"K": uni(rng, 0.2, 20), "rxn": rxn, "ratio": ratio, "feed": feed}


@kind(
    "reactors/equilibrium_conversion",
    "reactors",
    "",
    ("equilibrium_conversion",),
    "Equilibrium extent from K = prod x_i^nu_i for an ideal solution (scipy brentq)",
    count=3,
    rel_tol=0.003,
    draw=_draw_eqconv,
    wordings=(
        """For the liquid-phase reaction {rxn} the equilibrium constant (ideal solution,
          activities equal to mole fractions) is {K}. Starting from {feed}, what is the
          equilibrium conversion of A?""",
        """Find the equilibrium conversion of A for {rxn} with K = {K} (ideal liquid
          solution). The feed is {feed}.""",
        """What fraction of A reacts at equilibrium in {rxn}, K = {K}, ideal liquid, when
          the reactor is charged with {feed}?""",
    ),
)
def _(K: float, rxn: str, ratio: float, feed: str) -> float:
    from scipy.optimize import brentq

    if rxn == "A ⇌ B":
        return K / (1 + K)
    return brentq(lambda X: X * X - K * (1 - X) * (ratio - X), 0.0, 1.0 - 1e-15, xtol=1e-15)
