"""Maths problem kinds, ``maths/optimisation``: pipe diameter, maximum intermediate, LP."""

from __future__ import annotations

import math
import random
from typing import Any

from bank.core import Kind, retry, sig, uni
from bank.maths.shared import registrar

KINDS: list[Kind] = []
kind = registrar(KINDS)


def _draw_pipe_cost(rng: random.Random) -> dict[str, Any]:
    return {"a": uni(rng, 500, 3000), "b": uni(rng, 0.001, 0.05), "n": 1.5, "m": 4.8}


@kind(
    "optimisation/pipe_diameter",
    "m",
    "scipy.optimize.minimize_scalar (bounded)",
    count=4,
    rel_tol=1e-3,
    draw=_draw_pipe_cost,
    wordings=(
        """The annual cost of a pipeline is C(D) = {a}·D^{n} + {b}/D^{m} (D in m), capital
          plus pumping. What diameter, in m, minimises it?""",
        """Find the economic pipe diameter (m) that minimises C = {a} D^{n} + {b} D^(−{m}).""",
        """Minimise the total annualised cost {a}·D^{n} + {b}·D^(−{m}) over D > 0. Optimal D
          in metres?""",
    ),
)
def _(a: float, b: float, n: float, m: float) -> float:
    from scipy.optimize import minimize_scalar

    res = minimize_scalar(
        lambda D: a * D**n + b / D**m,
        bounds=(1e-3, 5.0),
        method="bounded",
        options={"xatol": 1e-12},
    )
    return float(res.x)


def _draw_bmax(rng: random.Random) -> dict[str, Any]:
    k1 = uni(rng, 0.1, 1)
    return {"k1": k1, "k2": sig(k1 * rng.uniform(0.2, 3))}


@kind(
    "optimisation/max_intermediate",
    "minute",
    "scipy.optimize.minimize_scalar on the analytical CB(t)",
    count=3,
    rel_tol=1e-3,
    draw=retry(_draw_bmax, lambda d: abs(d["k1"] / d["k2"] - 1) > 0.05),
    wordings=(
        """In the batch reaction sequence A → B → C (first order, k1 = {k1} min⁻¹,
          k2 = {k2} min⁻¹, pure A at t = 0), at what time is the concentration of B
          greatest, in minutes?""",
        """When should a batch reactor running A → B → C (k1 {k1} min⁻¹, k2 {k2} min⁻¹) be
          stopped to maximise the yield of B? Give the time in min.""",
        """Maximise CB(t) = CA0·k1/(k2 − k1)·(e^(−k1 t) − e^(−k2 t)) with k1 = {k1} min⁻¹ and
          k2 = {k2} min⁻¹. Optimal t in minutes?""",
    ),
)
def _(k1: float, k2: float) -> float:
    from scipy.optimize import minimize_scalar

    def minus_b(t: float) -> float:
        return -k1 / (k2 - k1) * (math.exp(-k1 * t) - math.exp(-k2 * t))

    upper = 20 / min(k1, k2)
    return float(
        minimize_scalar(minus_b, bounds=(1e-6, upper), method="bounded", options={"xatol": 1e-12}).x
    )


def _draw_lp(rng: random.Random) -> dict[str, Any]:
    return {
        "p1": uni(rng, 20, 60),
        "p2": uni(rng, 20, 60),
        "a1": uni(rng, 1, 4, 2),
        "a2": uni(rng, 1, 4, 2),
        "A": uni(rng, 100, 400),
        "b1": uni(rng, 1, 4, 2),
        "b2": uni(rng, 1, 4, 2),
        "B": uni(rng, 100, 400),
        "cap1": uni(rng, 30, 150),
    }


@kind(
    "optimisation/linear_program",
    "dimensionless",
    "scipy.optimize.linprog (HiGHS)",
    count=3,
    rel_tol=1e-3,
    draw=_draw_lp,
    wordings=(
        """A plant makes products 1 and 2 with profits {p1} and {p2} $/t. Each tonne of
          product 1 uses {a1} h of reactor time and {b1} h of dryer time; product 2 uses {a2}
          h and {b2} h. {A} reactor hours and {B} dryer hours are available per week, and at
          most {cap1} t of product 1 can be sold. What is the maximum weekly profit, in
          $?""",
        """Maximise {p1}·x1 + {p2}·x2 subject to {a1} x1 + {a2} x2 ≤ {A}, {b1} x1 + {b2}
          x2 ≤ {B}, x1 ≤ {cap1}, x1, x2 ≥ 0. What is the optimal objective value?""",
        """Linear programme for a production plan: profit {p1} per t of P1 and {p2} per t of
          P2; reactor hours {a1}·x1 + {a2}·x2 ≤ {A}; dryer hours {b1}·x1 + {b2}·x2 ≤ {B};
          demand x1 ≤ {cap1}; non-negative production. Maximum profit?""",
    ),
)
def _(
    p1: float,
    p2: float,
    a1: float,
    a2: float,
    A: float,
    b1: float,
    b2: float,
    B: float,
    cap1: float,
) -> float:
    from scipy.optimize import linprog

    res = linprog(
        [-p1, -p2],
        A_ub=[[a1, a2], [b1, b2], [1, 0]],
        b_ub=[A, B, cap1],
        bounds=[(0, None), (0, None)],
        method="highs",
    )
    return float(-res.fun)
