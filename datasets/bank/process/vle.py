"""Process-set kinds: vapour-liquid equilibrium and flash."""

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
from bank.lookups import LIQUIDS, _chemical, _psat

KINDS: list[Kind] = []
kind = registrar(KINDS)


_RAOULT = (
    "Raoult's law with thermo 0.6 recommended vapour pressures (thermo.Chemical(...).VaporPressure)"
)
_PAIRS = [
    ("benzene", "toluene"),
    ("n-hexane", "n-heptane"),
    ("methanol", "water"),
    ("acetone", "water"),
    ("cyclohexane", "toluene"),
    ("benzene", "n-heptane"),
]


def _draw_bubble(rng: random.Random) -> dict[str, Any]:
    a, b = pick(rng, _PAIRS)
    Tb = (_chemical(LIQUIDS[a]).Tb + _chemical(LIQUIDS[b]).Tb) / 2 - 273.15
    return {
        "a": a,
        "b": b,
        "x": uni(rng, 0.1, 0.9, 2),
        "T": Val(float(round(Tb + rng.uniform(-15, 10))), "degC", "°C"),
        "out": out(rng, [("kPa", "kPa"), ("bar", "bar"), ("mmHg", "mmHg")]),
    }


@kind(
    "vle/bubble_pressure",
    "vle",
    "Pa",
    ("vle_bubble_point", "vapor_pressure"),
    _RAOULT,
    count=4,
    rel_tol=0.02,
    draw=_draw_bubble,
    wordings=(
        """A liquid mixture of {x} mole fraction {a} and the rest {b} is at {T}. Assuming
          Raoult's law, what is its bubble-point pressure, in {out}?""",
        """At what pressure ({out}) does a liquid of {a} and {b} with {x} mole fraction {a} start to boil at
          {T}? Ideal solution (Raoult's law).""",
        """Compute the bubble pressure in {out} of a liquid containing {x} {a} (mole
          fraction) in {b} at {T}, ideal liquid and vapour.""",
        """A drum holds saturated liquid {a}-{b} ({x} mole fraction {a}) at {T}. Using
          Raoult's law, what pressure ({out}) is it at?""",
    ),
)
def _(a: str, b: str, x: float, T: Val, out: Out) -> float:
    t = T.to("K")
    return x * _psat(LIQUIDS[a], t) + (1 - x) * _psat(LIQUIDS[b], t)


@kind(
    "vle/dew_pressure",
    "vle",
    "Pa",
    ("vle_dew_point", "vapor_pressure"),
    _RAOULT,
    count=3,
    rel_tol=0.02,
    draw=_draw_bubble,
    wordings=(
        """A vapour of {x} mole fraction {a} and the rest {b} is at {T}. Assuming Raoult's
          law, at what pressure does it begin to condense (dew-point pressure), in
          {out}?""",
        """Find the dew-point pressure, in {out}, of a {a}-{b} vapour with {x} mole fraction {a} at
          {T} (ideal mixture).""",
        """What is the dew pressure ({out}) at {T} of a vapour containing {x} {a} in {b} by
          mole? Use Raoult's law.""",
    ),
)
def _(a: str, b: str, x: float, T: Val, out: Out) -> float:
    t = T.to("K")
    return 1 / (x / _psat(LIQUIDS[a], t) + (1 - x) / _psat(LIQUIDS[b], t))


def _draw_bubble_t(rng: random.Random) -> dict[str, Any]:
    a, b = pick(rng, _PAIRS)
    x = uni(rng, 0.1, 0.9, 2)
    return {
        "a": a,
        "b": b,
        "x": x,
        "xb": sig(1 - x, 2),
        "P": val(
            rng, [("kPa", "kPa", 50, 300), ("bar", "bar", 0.5, 3), ("mmHg", "mmHg", 400, 2200)]
        ),
    }


@kind(
    "vle/bubble_temperature",
    "vle",
    "K",
    ("vle_bubble_point", "vapor_pressure"),
    _RAOULT + "; solved with scipy.optimize.brentq",
    count=4,
    rel_tol=0.003,
    draw=_draw_bubble_t,
    wordings=(
        """At {P}, what is the bubble-point temperature of a liquid with {x} mole fraction
          {a} and the rest {b}? Assume Raoult's law and give the answer in °C.""",
        """A reboiler at {P} boils a liquid mixture of {a} and {b} with {x} mole fraction {a}. What is the boiling
          (bubble) temperature in °C for an ideal solution?""",
        """Find the bubble temperature, in K, of {x} {a} / {xb} {b} (mole fractions)
          at {P}, ideal VLE.""",
        """Using Raoult's law, at what temperature (°C) does a liquid of {x} mole fraction
          {a} in {b} start to boil under {P}?""",
    ),
)
def _(a: str, b: str, x: float, P: Val, xb: float) -> float:
    from scipy.optimize import brentq

    p = P.to("Pa")

    def residual(T: float) -> float:
        return x * _psat(LIQUIDS[a], T) + (1 - x) * _psat(LIQUIDS[b], T) - p

    return brentq(residual, 220.0, 520.0, xtol=1e-10)


def _draw_rr(rng: random.Random) -> dict[str, Any]:
    n = pick(rng, [3, 4])
    comps = rng.sample(["methane", "ethane", "propane", "n-butane", "n-pentane", "n-hexane"], n)
    comps.sort(key=["methane", "ethane", "propane", "n-butane", "n-pentane", "n-hexane"].index)
    raw = [rng.uniform(0.1, 1) for _ in comps]
    z = [sig(r / sum(raw), 2) for r in raw]
    z[-1] = sig(1 - sum(z[:-1]), 2)
    K = sorted((uni(rng, 0.05, 8, 2) for _ in comps), reverse=True)
    text_z = ", ".join(f"{c} {zi}" for c, zi in zip(comps, z, strict=True))
    text_K = ", ".join(f"{c} {Ki}" for c, Ki in zip(comps, K, strict=True))
    return {
        "z": z,
        "K": K,
        "comps": comps,
        "zs": text_z,
        "Ks": text_K,
        "P": val(rng, [("bar", "bar absolute", 5, 40)]),
        "T": val(rng, [("degC", "°C", -20, 60)]),
    }


def _rr_ok(d: dict[str, Any]) -> bool:
    from chemicals import Rachford_Rice_solution

    if abs(sum(d["z"]) - 1) > 1e-9 or min(d["z"]) <= 0:
        return False
    try:
        V = Rachford_Rice_solution(zs=d["z"], Ks=d["K"])[0]
    except Exception:
        return False
    return 0.1 < V < 0.9


_RR = retry(_draw_rr, _rr_ok)


@kind(
    "vle/rachford_rice",
    "vle",
    "",
    ("flash_rachford_rice",),
    "Rachford-Rice equation (chemicals.rachford_rice.Rachford_Rice_solution)",
    count=3,
    rel_tol=0.005,
    draw=_RR,
    wordings=(
        """A feed with mole fractions {zs} is flashed at {T} and {P}, where the K-values
          are {Ks}. Solving the Rachford-Rice equation, what fraction of the feed is
          vaporised (V/F)?""",
        """Flash calculation with known K-values: feed {zs}; K = {Ks} at the drum
          conditions ({P}, {T}). What is the vapour fraction V/F?""",
        """Given z ({zs}) and equilibrium ratios ({Ks}) in a separator at {P} and {T},
          find the molar vapour fraction from Rachford-Rice.""",
    ),
)
def _(z: list[float], K: list[float], comps: list[str], zs: str, Ks: str, P: Val, T: Val) -> float:
    from chemicals import Rachford_Rice_solution

    return float(Rachford_Rice_solution(zs=z, Ks=K)[0])


@kind(
    "vle/flash_liquid_composition",
    "vle",
    "",
    ("flash_rachford_rice",),
    "Rachford-Rice equation; x_i = z_i / (1 + V/F (K_i - 1)) (chemicals.rachford_rice)",
    count=2,
    rel_tol=0.005,
    draw=_RR,
    wordings=(
        """A feed ({zs}, mole fractions) is flashed at {P} and {T}; K-values: {Ks}. What is
          the mole fraction of {comps[0]} in the liquid leaving the drum?""",
        """After an isothermal flash with K = {Ks} of a feed {zs}, what liquid mole
          fraction of {comps[0]} results? ({P}, {T})""",
        """Compute x for {comps[0]} in the equilibrium liquid of a flash: feed {zs},
          K-values {Ks}, drum at {P}/{T}.""",
    ),
)
def _(z: list[float], K: list[float], comps: list[str], zs: str, Ks: str, P: Val, T: Val) -> float:
    from chemicals import Rachford_Rice_solution

    return float(Rachford_Rice_solution(zs=z, Ks=K)[1][0])


def _draw_tp(rng: random.Random) -> dict[str, Any]:
    a, b = pick(rng, _PAIRS[:2] + _PAIRS[4:])
    z = uni(rng, 0.3, 0.7, 2)
    P = Val(float(round(rng.uniform(80, 200))), "kPa", "kPa")
    Tbub = _BUBBLE_T(a, b, z, P.to("Pa"))
    Tdew = _DEW_T(a, b, z, P.to("Pa"))
    T = Val(sig(Tbub + rng.uniform(0.3, 0.7) * (Tdew - Tbub) - 273.15, 4), "degC", "°C")
    return {"a": a, "b": b, "z": z, "P": P, "T": T}


def _BUBBLE_T(a: str, b: str, x: float, p: float) -> float:
    from scipy.optimize import brentq

    return brentq(
        lambda T: x * _psat(LIQUIDS[a], T) + (1 - x) * _psat(LIQUIDS[b], T) - p,
        220.0,
        520.0,
        xtol=1e-10,
    )


def _DEW_T(a: str, b: str, y: float, p: float) -> float:
    from scipy.optimize import brentq

    return brentq(
        lambda T: p * (y / _psat(LIQUIDS[a], T) + (1 - y) / _psat(LIQUIDS[b], T)) - 1,
        220.0,
        520.0,
        xtol=1e-10,
    )


@kind(
    "vle/tp_flash",
    "vle",
    "",
    ("flash_tp",),
    _RAOULT + "; K_i = Psat_i/P and the Rachford-Rice equation",
    count=3,
    rel_tol=0.03,
    draw=_draw_tp,
    wordings=(
        """A feed of {z} mole fraction {a} and the rest {b} is flashed at
          {T} and {P}. Assuming Raoult's law, what fraction of the feed leaves as vapour
          (V/F)?""",
        """Isothermal flash of a {a}/{b} mixture ({z} mole fraction {a}) at {P} and {T}, ideal VLE:
          compute the vapour fraction V/F.""",
        """What molar vapour fraction results from flashing a liquid of {z} {a} in {b} at
          {T}, {P}? Use K_i = Psat_i/P.""",
    ),
)
def _(a: str, b: str, z: float, P: Val, T: Val) -> float:
    from chemicals import Rachford_Rice_solution

    t, p = T.to("K"), P.to("Pa")
    Ks = [_psat(LIQUIDS[a], t) / p, _psat(LIQUIDS[b], t) / p]
    return float(Rachford_Rice_solution(zs=[z, 1 - z], Ks=Ks)[0])


_PR_GASES = [
    ("methane", 190.564, 45.992, 0.01142),
    ("ethane", 305.32, 48.72, 0.0995),
    ("nitrogen", 126.2, 33.98, 0.0372),
    ("carbon dioxide", 304.13, 73.77, 0.2239),
    ("propane", 369.83, 42.48, 0.1521),
]


def _draw_pr(rng: random.Random) -> dict[str, Any]:
    name, Tc, Pc, w = pick(rng, _PR_GASES)
    T = sig(Tc * rng.uniform(1.1, 2.0))
    return {
        "name": name,
        "Tc": Tc,
        "Pc": Pc,
        "w": w,
        "T": Val(T, "K", "K"),
        "P": Val(sig(Pc * rng.uniform(0.1, 1.5)), "bar", "bar absolute"),
    }


@kind(
    "vle/pr_z",
    "vle",
    "",
    ("flash_eos",),
    "Peng-Robinson (1976) equation of state, vapour root (thermo.eos.PR)",
    count=3,
    rel_tol=0.005,
    draw=_draw_pr,
    wordings=(
        """{name} (Tc = {Tc} K, Pc = {Pc} bar, ω = {w}) is at {T} and {P}. What is its
          compressibility factor Z from the Peng-Robinson equation of state?""",
        """Compute the Peng-Robinson Z factor of {name} gas at {P} and {T}; critical
          constants Tc {Tc} K, Pc {Pc} bar, acentric factor {w}.""",
        """Using Peng-Robinson with Tc = {Tc} K, Pc = {Pc} bar and ω = {w}, find Z for
          {name} at {T}, {P}.""",
    ),
)
def _(name: str, Tc: float, Pc: float, w: float, T: Val, P: Val) -> float:
    from thermo.eos import PR

    eos = PR(Tc=Tc, Pc=Pc * 1e5, omega=w, T=T.to("K"), P=P.to("Pa"))
    return float(eos.Z_g if hasattr(eos, "Z_g") else eos.Z_l)
