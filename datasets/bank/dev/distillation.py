"""Dev-set problems: distillation."""

from __future__ import annotations

import math

from bank.core import Kind
from bank.dev.shared import registrar
from bank.lookups import _psat

PROBLEMS: list[Kind] = []
problem = registrar(PROBLEMS)


def _underwood_rmin_binary(alpha: float, zF: float, xD: float, q: float) -> float:
    from scipy.optimize import brentq

    a, z, x = (alpha, 1.0), (zF, 1 - zF), (xD, 1 - xD)

    def feed(theta: float) -> float:
        return sum(ai * zi / (ai - theta) for ai, zi in zip(a, z, strict=True)) - (1 - q)

    theta = brentq(feed, 1 + 1e-9, alpha - 1e-9, xtol=1e-14)
    return sum(ai * xi / (ai - theta) for ai, xi in zip(a, x, strict=True)) - 1


def _fenske(alpha: float, xD: float, xB: float) -> float:
    return math.log(xD / (1 - xD) * (1 - xB) / xB) / math.log(alpha)


def _gilliland_molokanov(Nmin: float, R: float, Rmin: float) -> float:
    X = (R - Rmin) / (R + 1)
    Y = 1 - math.exp((1 + 54.4 * X) / (11 + 117.2 * X) * (X - 1) / math.sqrt(X))
    return (Y + Nmin) / (1 - Y)


@problem(
    "distillation-001",
    "distillation",
    "dimensionless",
    ("relative_volatility",),
    """Assuming Raoult's law, what is the relative volatility of benzene to toluene at
         {T_C} °C?""",
    T_C=95.0,
)
def _(T_C: float) -> float:
    T = T_C + 273.15
    return _psat("benzene", T) / _psat("toluene", T)


@problem(
    "distillation-002",
    "distillation",
    "dimensionless",
    ("fenske_min_stages",),
    """A binary column must produce a distillate with {xD} mole fraction light key and a
         bottoms with {xB}. The relative volatility is constant at {alpha}. What is the
         minimum number of theoretical stages at total reflux (Fenske)?""",
    xD=0.98,
    xB=0.02,
    alpha=2.45,
)
def _(xD: float, xB: float, alpha: float) -> float:
    return _fenske(alpha, xD, xB)


@problem(
    "distillation-003",
    "distillation",
    "dimensionless",
    ("underwood_min_reflux",),
    """A saturated-liquid binary feed (q = 1) with {zF} mole fraction light key is
         separated into a distillate of {xD}; relative volatility {alpha}. What is the
         minimum reflux ratio from the Underwood equations?""",
    zF=0.45,
    xD=0.98,
    alpha=2.45,
)
def _(zF: float, xD: float, alpha: float) -> float:
    return _underwood_rmin_binary(alpha, zF, xD, 1.0)


@problem(
    "distillation-004",
    "distillation",
    "dimensionless",
    ("gilliland_stages",),
    """A column needs {Nmin} stages at total reflux and has a minimum reflux ratio of
         {Rmin}. It will run at R = {R}. Using the Gilliland correlation in Molokanov's form,
         how many theoretical stages are required?""",
    rel_tol=0.05,
    Nmin=8.5,
    Rmin=1.2,
    R=1.5,
)
def _(Nmin: float, Rmin: float, R: float) -> float:
    return _gilliland_molokanov(Nmin, R, Rmin)


@problem(
    "distillation-005",
    "distillation",
    "dimensionless",
    ("fenske_min_stages", "underwood_min_reflux", "gilliland_stages"),
    """A benzene-toluene column (constant relative volatility {alpha}) takes a
         saturated-liquid feed with {zF} mole fraction benzene and makes a distillate of {xD}
         and a bottoms of {xB} benzene. The reflux ratio is {factor} times the minimum. Using
         Fenske, Underwood and Gilliland (Molokanov form), how many theoretical stages are
         needed?""",
    rel_tol=0.05,
    alpha=2.45,
    zF=0.45,
    xD=0.98,
    xB=0.02,
    factor=1.3,
)
def _(alpha: float, zF: float, xD: float, xB: float, factor: float) -> float:
    Rmin = _underwood_rmin_binary(alpha, zF, xD, 1.0)
    return _gilliland_molokanov(_fenske(alpha, xD, xB), factor * Rmin, Rmin)
