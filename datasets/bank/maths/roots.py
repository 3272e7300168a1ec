"""Maths problem kinds, ``maths/roots``: cubic, transcendental and van der Waals equations."""

from __future__ import annotations

import math
import random
from typing import Any

import numpy as np

from bank.core import R_GAS, Kind, pick, retry, sig, uni
from bank.maths.shared import registrar

KINDS: list[Kind] = []
kind = registrar(KINDS)


def _draw_cubic(rng: random.Random) -> dict[str, Any]:
    r = sorted(uni(rng, -5, 8, 2) for _ in range(3))
    a, b, c = -(r[0] + r[1] + r[2]), r[0] * r[1] + r[0] * r[2] + r[1] * r[2], -r[0] * r[1] * r[2]
    return {"a": sig(a, 4), "b": sig(b, 4), "c": sig(c, 4)}


def _cubic_ok(d: dict[str, Any]) -> bool:
    roots = np.roots([1, d["a"], d["b"], d["c"]])
    real = sorted(x.real for x in roots if abs(x.imag) < 1e-9)
    return len(real) == 3 and min(np.diff(real)) > 0.3 and abs(real[-1]) > 0.2


@kind(
    "roots/cubic",
    "dimensionless",
    "numpy.roots (companion-matrix eigenvalues)",
    count=4,
    rel_tol=1e-3,
    draw=retry(_draw_cubic, _cubic_ok),
    wordings=(
        """Find the largest real root of x³ + ({a})x² + ({b})x + ({c}) = 0.""",
        """The characteristic equation of a process model is x³ + ({a})x² + ({b})x +
          ({c}) = 0. What is its largest real root?""",
        """Solve the cubic x³ + ({a})·x² + ({b})·x + ({c}) = 0 and report the largest real
          solution.""",
    ),
)
def _(a: float, b: float, c: float) -> float:
    roots = np.roots([1, a, b, c])
    return float(max(x.real for x in roots if abs(x.imag) < 1e-9))


def _draw_trans(rng: random.Random) -> dict[str, Any]:
    return {"c": uni(rng, 0.5, 20), "form": pick(rng, ["x·eˣ", "x + ln x", "x³ + eˣ"])}


@kind(
    "roots/transcendental",
    "dimensionless",
    "scipy.optimize.brentq",
    count=3,
    rel_tol=1e-3,
    draw=_draw_trans,
    wordings=(
        """Find the positive real x that satisfies {form} = {c}.""",
        """Solve {form} = {c} for x > 0 to at least five significant figures.""",
        """A design equation reduces to {form} = {c}. What positive value of x solves
          it?""",
    ),
)
def _(c: float, form: str) -> float:
    from scipy.optimize import brentq

    f = {
        "x·eˣ": lambda x: x * math.exp(x),
        "x + ln x": lambda x: x + math.log(x),
        "x³ + eˣ": lambda x: x**3 + math.exp(x),
    }[form]
    return brentq(lambda x: f(x) - c, 1e-9, 50.0, xtol=1e-14)


_VDW = [
    ("carbon dioxide", 0.3640, 4.267e-5),
    ("methane", 0.2283, 4.278e-5),
    ("nitrogen", 0.1370, 3.87e-5),
    ("ammonia", 0.4225, 3.71e-5),
]


def _draw_vdw(rng: random.Random) -> dict[str, Any]:
    name, a, b = pick(rng, _VDW)
    return {"name": name, "a": a, "b": b, "T": uni(rng, 300, 500), "P": uni(rng, 1, 60)}


@kind(
    "roots/van_der_waals",
    "m**3/mol",
    "van der Waals cubic in V solved with numpy.roots (largest real root = vapour)",
    count=3,
    rel_tol=1e-3,
    draw=_draw_vdw,
    wordings=(
        """Using the van der Waals equation (P + a/V²)(V − b) = RT with a = {a} Pa·m⁶/mol²
          and b = {b} m³/mol for {name}, find the molar volume of the gas at {T} K and {P}
          bar. R = 8.314462618 J/(mol·K). Answer in m³/mol.""",
        """Solve the van der Waals equation for the gas-phase molar volume (m³/mol) of {name}
          at T = {T} K and P = {P} bar; a = {a} Pa·m⁶/mol², b = {b} m³/mol, R = 8.314462618
          J/(mol·K).""",
        """What molar volume, in m³/mol, does the van der Waals EOS (a = {a} Pa·m⁶/mol²,
          b = {b} m³/mol) give for {name} vapour at {P} bar and {T} K? Take R =
          8.314462618 J/(mol·K) and the largest real root.""",
    ),
)
def _(name: str, a: float, b: float, T: float, P: float) -> float:
    p = P * 1e5
    roots = np.roots([p, -(p * b + R_GAS * T), a, -a * b])
    return float(max(x.real for x in roots if abs(x.imag) < 1e-9 * abs(x.real)))
