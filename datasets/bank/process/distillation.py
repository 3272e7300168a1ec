"""Process-set kinds: distillation (shortcut methods written out here)."""

from __future__ import annotations

import math
import random
from typing import Any

from bank.core import (
    Kind,
    Val,
    pick,
    registrar,
    retry,
    sig,
    uni,
)
from bank.lookups import LIQUIDS, _chemical, _psat
from bank.process.vle import _PAIRS, _RAOULT

KINDS: list[Kind] = []
kind = registrar(KINDS)


def _fenske(alpha: float, xD: float, xB: float) -> float:
    return math.log(xD / (1 - xD) * (1 - xB) / xB) / math.log(alpha)


def _underwood(alpha: float, zF: float, xD: float, q: float) -> float:
    from scipy.optimize import brentq

    a, z, x = (alpha, 1.0), (zF, 1 - zF), (xD, 1 - xD)
    theta = brentq(
        lambda t: sum(ai * zi / (ai - t) for ai, zi in zip(a, z, strict=True)) - (1 - q),
        1 + 1e-9,
        alpha - 1e-9,
        xtol=1e-14,
    )
    return sum(ai * xi / (ai - theta) for ai, xi in zip(a, x, strict=True)) - 1


def _molokanov(Nmin: float, R: float, Rmin: float) -> float:
    X = (R - Rmin) / (R + 1)
    Y = 1 - math.exp((1 + 54.4 * X) / (11 + 117.2 * X) * (X - 1) / math.sqrt(X))
    return (Y + Nmin) / (1 - Y)


def _draw_col(rng: random.Random) -> dict[str, Any]:
    return {
        "alpha": uni(rng, 1.5, 4, 3),
        "zF": uni(rng, 0.3, 0.6, 2),
        "xD": uni(rng, 0.9, 0.995, 3),
        "xB": uni(rng, 0.005, 0.08, 2),
        "factor": uni(rng, 1.15, 1.6, 2),
        "q": (q := pick(rng, [1.0, 0.0, 0.5])),
        "q_text": _QTEXT[q],
        "sys": pick(
            rng,
            [
                "a benzene-toluene",
                "a propylene-propane",
                "an iC4-nC4",
                "a methanol-water",
                "a binary",
            ],
        ),
    }


_QTEXT = {
    1.0: "saturated liquid (q = 1)",
    0.0: "saturated vapour (q = 0)",
    0.5: "half vaporised (q = 0.5)",
}


@kind(
    "distillation/fenske",
    "distillation",
    "",
    ("fenske_min_stages",),
    "Fenske (1932) N_min = ln[(xD/(1-xD)) ((1-xB)/xB)] / ln(alpha)",
    count=3,
    rel_tol=0.003,
    draw=_draw_col,
    wordings=(
        """{sys} column must produce a distillate with {xD} mole fraction light key and a
          bottoms with {xB}. The relative volatility is constant at {alpha}. What is the
          minimum number of theoretical stages (Fenske)?""",
        """With α = {alpha}, how many equilibrium stages at total reflux are needed to go
          from xB = {xB} to xD = {xD} (light key, binary)? Use Fenske.""",
        """Fenske: relative volatility {alpha}, distillate {xD} and bottoms {xB} (light-key
          mole fractions). Compute N_min for {sys} split.""",
    ),
)
def _(alpha: float, xD: float, xB: float, **_: Any) -> float:
    return _fenske(alpha, xD, xB)


def _draw_recovery(rng: random.Random) -> dict[str, Any]:
    return {
        "alpha": uni(rng, 1.4, 3.5, 3),
        "rLK": uni(rng, 0.95, 0.995, 3),
        "rHK": uni(rng, 0.95, 0.995, 3),
        "LK": pick(rng, ["n-butane", "propylene", "toluene", "ethylbenzene"]),
        "HK": pick(rng, ["n-pentane", "propane", "p-xylene", "styrene"]),
    }


@kind(
    "distillation/fenske_recovery",
    "distillation",
    "",
    ("fenske_min_stages",),
    "Fenske with recoveries: N_min = ln[(r_LK/(1-r_LK)) (r_HK/(1-r_HK))] / ln(alpha_LK,HK)",
    count=2,
    rel_tol=0.003,
    draw=_draw_recovery,
    wordings=(
        """A multicomponent column recovers {rLK} of the light key ({LK}) in the
          distillate and {rHK} of the heavy key ({HK}) in the bottoms. The key relative
          volatility is {alpha}. What is the minimum number of stages by Fenske?""",
        """Fenske with fractional recoveries: LK recovery to the top {rLK}, HK recovery to
          the bottom {rHK}, α(LK/HK) = {alpha}. Find N_min.""",
        """How many theoretical stages at total reflux separate {LK} (light key, {rLK}
          recovered overhead) from {HK} (heavy key, {rHK} recovered in the bottoms) if
          α = {alpha}?""",
    ),
)
def _(alpha: float, rLK: float, rHK: float, LK: str, HK: str) -> float:
    return math.log(rLK / (1 - rLK) * rHK / (1 - rHK)) / math.log(alpha)


def _underwood_ok(d: dict[str, Any]) -> bool:
    try:
        return _underwood(d["alpha"], d["zF"], d["xD"], d["q"]) > 0.1
    except ValueError:
        return False


@kind(
    "distillation/underwood",
    "distillation",
    "",
    ("underwood_min_reflux",),
    "Underwood (1948) equations for a binary with constant alpha (root solved with "
    "scipy.optimize.brentq)",
    count=4,
    rel_tol=0.003,
    draw=retry(_draw_col, _underwood_ok),
    wordings=(
        """A {q_text} binary feed with {zF} mole fraction light key is separated into a
          distillate of {xD}; relative volatility {alpha}. What is the minimum reflux ratio
          from the Underwood equations?""",
        """Find R_min by Underwood for {sys} separation: feed zF = {zF} as {q_text},
          distillate xD = {xD}, α = {alpha}.""",
        """What is the minimum reflux ratio (Underwood) when the feed ({zF} light key) is
          {q_text}, the top product is {xD} light key and α = {alpha}?""",
        """Underwood minimum reflux: α {alpha}, zF {zF}, xD {xD}, feed condition
          {q_text}.""",
    ),
)
def _(
    alpha: float, zF: float, xD: float, xB: float, factor: float, q: float, sys: str, q_text: str
) -> float:
    return _underwood(alpha, zF, xD, q)


def _draw_gill(rng: random.Random) -> dict[str, Any]:
    Rmin = uni(rng, 0.8, 3)
    return {"Nmin": uni(rng, 5, 20), "Rmin": Rmin, "R": sig(Rmin * rng.uniform(1.1, 1.8))}


@kind(
    "distillation/gilliland",
    "distillation",
    "",
    ("gilliland_stages",),
    "Gilliland correlation in Molokanov's form (1972)",
    count=3,
    rel_tol=0.01,
    draw=_draw_gill,
    wordings=(
        """A column needs {Nmin} stages at total reflux and has a minimum reflux ratio of
          {Rmin}. It will run at R = {R}. Using the Gilliland correlation in Molokanov's
          form, how many theoretical stages are required?""",
        """Gilliland (Molokanov equation): N_min = {Nmin}, R_min = {Rmin}, R = {R}. Find
          the number of theoretical stages N.""",
        """Estimate the stage count at an operating reflux of {R} for a separation with
          R_min = {Rmin} and N_min = {Nmin}; use Molokanov's fit of the Gilliland
          correlation.""",
    ),
)
def _(Nmin: float, Rmin: float, R: float) -> float:
    return _molokanov(Nmin, R, Rmin)


@kind(
    "distillation/fug",
    "distillation",
    "",
    ("fenske_min_stages", "underwood_min_reflux", "gilliland_stages"),
    "Fenske + Underwood + Gilliland (Molokanov form) written out",
    count=3,
    rel_tol=0.01,
    draw=retry(lambda rng: {**_draw_col(rng), "q": 1.0, "q_text": _QTEXT[1.0]}, _underwood_ok),
    wordings=(
        """{sys} column (constant relative volatility {alpha}) takes a saturated-liquid
          feed with {zF} mole fraction light key and makes a distillate of {xD} and a
          bottoms of {xB}. The reflux ratio is {factor} times the minimum. Using Fenske,
          Underwood and Gilliland (Molokanov form), how many theoretical stages are
          needed?""",
        """Shortcut design (FUG): α = {alpha}, saturated-liquid feed zF = {zF}, xD = {xD},
          xB = {xB}, R = {factor} R_min. Gilliland in Molokanov's form. Number of
          theoretical stages?""",
        """Estimate the theoretical stages for {sys} split by the Fenske-Underwood-Gilliland
          method: relative volatility {alpha}, bubble-point feed at {zF}, products {xD}
          (top) and {xB} (bottom), operating reflux {factor} × minimum; use the Molokanov
          equation.""",
    ),
)
def _(
    alpha: float, zF: float, xD: float, xB: float, factor: float, q: float, sys: str, q_text: str
) -> float:
    Rmin = _underwood(alpha, zF, xD, 1.0)
    return _molokanov(_fenske(alpha, xD, xB), factor * Rmin, Rmin)


def _draw_alpha(rng: random.Random) -> dict[str, Any]:
    a, b = pick(rng, _PAIRS)
    Tb = (_chemical(LIQUIDS[a]).Tb + _chemical(LIQUIDS[b]).Tb) / 2 - 273.15
    return {"a": a, "b": b, "T": Val(float(round(Tb + rng.uniform(-10, 10))), "degC", "°C")}


@kind(
    "distillation/relative_volatility",
    "distillation",
    "",
    ("relative_volatility",),
    _RAOULT + "; alpha = Psat_a / Psat_b",
    count=3,
    rel_tol=0.02,
    draw=_draw_alpha,
    wordings=(
        """Assuming Raoult's law, what is the relative volatility of {a} to {b} at
          {T}?""",
        """For an ideal {a}/{b} system, estimate α({a}/{b}) at {T} from the pure-component
          vapour pressures.""",
        """What relative volatility of {a} with respect to {b} should a shortcut design
          at {T} use, if the mixture is ideal?""",
    ),
)
def _(a: str, b: str, T: Val) -> float:
    t = T.to("K")
    return _psat(LIQUIDS[a], t) / _psat(LIQUIDS[b], t)


def _mccabe(alpha: float, zF: float, xD: float, xB: float, R: float) -> float:
    """Stages stepped from the top (total condenser), feed q = 1, fractional last stage."""
    ym = lambda x: R / (R + 1) * x + xD / (R + 1)  # noqa: E731
    xq = zF
    yq = ym(xq)
    ys = lambda x: xB + (yq - xB) / (xq - xB) * (x - xB)  # noqa: E731
    x, y, n = xD, xD, 0.0
    while True:
        x_new = y / (alpha - (alpha - 1) * y)  # equilibrium
        if x_new <= xB:
            return n + (x - xB) / (x - x_new)
        n += 1
        x = x_new
        y = ym(x) if x > xq else ys(x)


def _draw_mt(rng: random.Random) -> dict[str, Any]:
    d = _draw_col(rng)
    Rmin = _underwood(d["alpha"], d["zF"], d["xD"], 1.0)
    d["R"] = sig(Rmin * d["factor"])
    return d


def _mt_ok(d: dict[str, Any]) -> bool:
    if not _underwood_ok({**d, "q": 1.0}):
        return False
    stages = _mccabe(d["alpha"], d["zF"], d["xD"], d["xB"], d["R"])
    return stages < 60 and 0.15 < stages % 1 < 0.85


@kind(
    "distillation/mccabe_thiele",
    "distillation",
    "",
    ("mccabe_thiele_stages",),
    "McCabe-Thiele stepping from the top with constant alpha, total condenser, "
    "saturated-liquid feed, optimal feed location; partial reboiler counted as a stage",
    count=3,
    rel_tol=0.001,
    draw=retry(_draw_mt, _mt_ok),
    wordings=(
        """A binary with constant relative volatility {alpha} is fed as saturated liquid
          ({zF} mole fraction light component). Distillate {xD}, bottoms {xB}, reflux ratio
          {R}, total condenser. Stepping off stages by McCabe-Thiele from the top with the
          feed at the optimal stage, how many whole equilibrium stages (including the
          partial reboiler) are needed?""",
        """McCabe-Thiele: α = {alpha}, zF = {zF} (q = 1), xD = {xD}, xB = {xB}, R = {R}.
          Count the theoretical stages, reboiler included, rounding a fractional last stage
          up to a whole stage.""",
        """How many equilibrium stages, counting the reboiler and rounding up, does a
          graphical McCabe-Thiele construction give for: relative volatility {alpha},
          saturated-liquid feed at {zF}, products {xD} and {xB}, reflux ratio {R}, optimal
          feed location?""",
    ),
)
def _(alpha: float, zF: float, xD: float, xB: float, R: float, **_: Any) -> float:
    return float(math.ceil(_mccabe(alpha, zF, xD, xB, R)))
