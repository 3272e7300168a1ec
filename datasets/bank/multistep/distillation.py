"""Multi-step kinds: distillation."""

from __future__ import annotations

import random
from typing import Any

from bank.core import (
    Kind,
    Val,
    pick,
    registrar,
    retry,
    uni,
)
from bank.lookups import LIQUIDS, _chemical, _psat
from bank.multistep.vle import _IDEAL_PAIRS
from bank.process.distillation import _fenske, _molokanov, _underwood

KINDS: list[Kind] = []
kind = registrar(KINDS)


def _draw_fug(rng: random.Random) -> dict[str, Any]:
    a, b = pick(rng, _IDEAL_PAIRS)
    Tb = (_chemical(LIQUIDS[a]).Tb + _chemical(LIQUIDS[b]).Tb) / 2 - 273.15
    return {
        "a": a,
        "b": b,
        "T": Val(float(round(Tb + rng.uniform(-5, 5))), "degC", "°C"),
        "zF": uni(rng, 0.3, 0.6, 2),
        "xD": uni(rng, 0.9, 0.99, 3),
        "xB": uni(rng, 0.01, 0.08, 2),
        "factor": uni(rng, 1.2, 1.6, 2),
    }


def _alpha(a: str, b: str, T: Val) -> float:
    t = T.to("K")
    return _psat(LIQUIDS[a], t) / _psat(LIQUIDS[b], t)


def _fug_ok(d: dict[str, Any]) -> bool:
    alpha = _alpha(d["a"], d["b"], d["T"])
    try:
        return alpha > 1.4 and _underwood(alpha, d["zF"], d["xD"], 1.0) > 0.1
    except ValueError:
        return False


@kind(
    "distillation/fug_from_vapour_pressures",
    "distillation",
    "",
    ("relative_volatility", "fenske_min_stages", "underwood_min_reflux", "gilliland_stages"),
    "alpha = Psat_a/Psat_b (Raoult, thermo 0.6 vapour pressures); Fenske; Underwood for a "
    "binary (scipy brentq); Gilliland in Molokanov's form",
    count=4,
    rel_tol=0.03,
    draw=retry(_draw_fug, _fug_ok),
    wordings=(
        """A column separates {a} from {b}. The feed is saturated liquid with {zF} mole
          fraction {a}; the distillate must hold {xD} and the bottoms {xB} mole fraction
          {a}. Take the relative volatility as the ratio of the pure-component vapour
          pressures at the average column temperature of {T} (ideal mixture). With a
          reflux ratio of {factor} times the minimum, how many theoretical stages does the
          Fenske-Underwood-Gilliland method give (Gilliland in Molokanov's form)?""",
        """Shortcut design of a {a}/{b} splitter: bubble-point feed, zF = {zF}; xD = {xD};
          xB = {xB} (mole fractions of {a}); average column temperature {T}, where α is
          Psat({a})/Psat({b}) by Raoult's law; R = {factor} × R_min. Estimate N by Fenske,
          Underwood and the Molokanov form of Gilliland.""",
        """How many theoretical stages are needed to split a saturated-liquid feed of
          {zF} mole fraction {a} in {b} into a top product of {xD} and a bottom product of
          {xB}, at {factor} times the minimum reflux? Evaluate α from the vapour pressures
          at {T} (ideal solution), then apply Fenske, Underwood and Gilliland
          (Molokanov).""",
        """FUG estimate for {a}-{b}: feed {zF} ({a} mole fraction, saturated liquid),
          distillate {xD}, bottoms {xB}, operating reflux {factor} R_min. Use a constant
          relative volatility equal to the vapour-pressure ratio at {T}, and the Molokanov
          equation for Gilliland. Number of theoretical stages?""",
    ),
)
def _(a: str, b: str, T: Val, zF: float, xD: float, xB: float, factor: float) -> float:
    alpha = _alpha(a, b, T)
    Rmin = _underwood(alpha, zF, xD, 1.0)
    return _molokanov(_fenske(alpha, xD, xB), factor * Rmin, Rmin)
