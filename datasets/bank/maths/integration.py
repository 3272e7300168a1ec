"""Maths problem kinds, ``maths/integration``: cp enthalpy, PFR design integral, Simpson's rule."""

from __future__ import annotations

import math
import random
from typing import Any

from bank.core import Kind, pick, sig, uni
from bank.maths.shared import fmt, registrar

KINDS: list[Kind] = []
kind = registrar(KINDS)


_CP = [
    ("nitrogen", 28.98, -0.001571e-3, 0.8081e-5, -2.873e-9),
    ("carbon dioxide", 22.26, 5.981e-2, -3.501e-5, 7.469e-9),
    ("methane", 19.89, 5.024e-2, 1.269e-5, -11.01e-9),
    ("water vapour", 32.24, 0.1923e-2, 1.055e-5, -3.595e-9),
]


def _draw_cp(rng: random.Random) -> dict[str, Any]:
    name, a, b, c, d = pick(rng, _CP)
    T1 = uni(rng, 300, 500)
    return {
        "name": name,
        "a": a,
        "b": b,
        "c": c,
        "d": d,
        "T1": T1,
        "T2": sig(T1 + rng.uniform(100, 700)),
    }


@kind(
    "integration/enthalpy",
    "J/mol",
    "scipy.integrate.quad of the cp polynomial",
    count=4,
    rel_tol=1e-3,
    draw=_draw_cp,
    wordings=(
        """The ideal-gas heat capacity of {name} is cp = {a} + ({b})T + ({c})T² + ({d})T³
          J/(mol·K) with T in K. How much heat (J/mol) raises it from {T1} K to {T2} K at
          constant pressure?""",
        """Integrate cp(T) = {a} + ({b})·T + ({c})·T² + ({d})·T³ J/(mol·K) from {T1} K to
          {T2} K to get the enthalpy change of {name}, in J/mol.""",
        """What is ΔH, in J/mol, for heating {name} from {T1} K to {T2} K if cp = {a} +
          ({b})T + ({c})T² + ({d})T³ J/(mol·K)?""",
    ),
)
def _(name: str, a: float, b: float, c: float, d: float, T1: float, T2: float) -> float:
    from scipy.integrate import quad

    return float(quad(lambda T: a + b * T + c * T**2 + d * T**3, T1, T2, epsabs=1e-10)[0])


def _draw_lh(rng: random.Random) -> dict[str, Any]:
    return {
        "FA0": uni(rng, 1, 20),
        "k": uni(rng, 0.5, 5),
        "K": uni(rng, 0.5, 5),
        "CA0": uni(rng, 0.5, 3),
        "X": uni(rng, 0.5, 0.95, 2),
    }


@kind(
    "integration/pfr_volume",
    "L",
    "scipy.integrate.quad of the PFR design integral",
    count=3,
    rel_tol=1e-3,
    draw=_draw_lh,
    wordings=(
        """A liquid-phase reaction in a PFR follows Langmuir-Hinshelwood kinetics
          −rA = k·CA/(1 + K·CA)² with k = {k} min⁻¹ and K = {K} L/mol. The feed is FA0 =
          {FA0} mol/min at CA0 = {CA0} mol/L (constant density). Evaluate V = FA0 ∫₀^X
          dX/(−rA) for X = {X}, in litres.""",
        """Compute the PFR volume (L) for conversion {X} when −rA = {k}·CA/(1 + {K}·CA)²
          mol/(L·min), CA = CA0(1 − X), CA0 = {CA0} mol/L and FA0 = {FA0} mol/min.""",
        """Numerically integrate the plug-flow design equation for X from 0 to {X}:
          FA0 = {FA0} mol/min, CA0 = {CA0} mol/L, rate k CA/(1 + K CA)² with k = {k} min⁻¹,
          K = {K} L/mol. Volume in L?""",
    ),
)
def _(FA0: float, k: float, K: float, CA0: float, X: float) -> float:
    from scipy.integrate import quad

    def integrand(x: float) -> float:
        CA = CA0 * (1 - x)
        return FA0 / (k * CA / (1 + K * CA) ** 2)

    return float(quad(integrand, 0.0, X, epsabs=1e-12)[0])


def _draw_simpson(rng: random.Random) -> dict[str, Any]:
    n = pick(rng, [5, 7, 9])
    dt = pick(rng, [5.0, 10.0, 15.0])
    t = [i * dt for i in range(n)]
    peak = rng.uniform(10, 40)
    q = [sig(peak * math.sin(math.pi * (i + 0.5) / n) + rng.uniform(0, 3)) for i in range(n)]
    return {"t": t, "q": q, "ts": fmt(t), "qs": fmt(q)}


@kind(
    "integration/simpson",
    "m**3",
    "Composite Simpson's 1/3 rule (scipy.integrate.simpson)",
    count=3,
    rel_tol=1e-3,
    draw=_draw_simpson,
    wordings=(
        """A flow meter logged Q = {qs} m³/min at t = {ts} min. Using Simpson's 1/3 rule,
          how much liquid (m³) passed during that time?""",
        """Integrate the tabulated flow rate (t in min: {ts}; Q in m³/min: {qs}) with the
          composite Simpson rule to get the total volume in m³.""",
        """Total volume by Simpson's rule: times {ts} min, flows {qs} m³/min. Answer in
          m³.""",
    ),
)
def _(t: list[float], q: list[float], ts: str, qs: str) -> float:
    from scipy.integrate import simpson

    return float(simpson(q, x=t))
