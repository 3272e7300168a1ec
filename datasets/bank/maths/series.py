"""Maths problem kinds, ``maths/series``: present worth, slab conduction, p-series tails."""

from __future__ import annotations

import random
from typing import Any

import numpy as np

from bank.core import Kind, pick, uni
from bank.maths.shared import registrar

KINDS: list[Kind] = []
kind = registrar(KINDS)


def _draw_annuity(rng: random.Random) -> dict[str, Any]:
    return {"A": uni(rng, 10000, 500000), "i": uni(rng, 3, 15, 2), "n": rng.randrange(5, 31)}


@kind(
    "series/present_worth",
    "dimensionless",
    "Finite geometric series sum_{t=1}^{n} A/(1+i)^t evaluated with sympy.summation",
    count=4,
    rel_tol=1e-3,
    draw=_draw_annuity,
    wordings=(
        """An energy-saving project returns ${A:g} at the end of every year for {n} years.
          At a discount rate of {i}% per year, what is the present worth of these savings,
          in $?""",
        """Sum the discounted cash flows Σ_(t=1..{n}) {A:g}/(1 + {i}/100)^t. What is the
          total (in $)?""",
        """What is the present value (in $) of a uniform annual saving of ${A:g} received at
          the end of each of the next {n} years, discounted at {i}% a year?""",
    ),
)
def _(A: float, i: float, n: int) -> float:
    import sympy as sp

    t = sp.symbols("t", integer=True, positive=True)
    return float(
        sp.summation(sp.Rational(str(A)) / (1 + sp.Rational(str(i)) / 100) ** t, (t, 1, n))
    )


def _draw_slab(rng: random.Random) -> dict[str, Any]:
    return {
        "Fo": uni(rng, 0.05, 0.5, 2),
        "x": uni(rng, 0.0, 0.9, 2),
        "terms": pick(rng, [3, 5, 10]),
    }


@kind(
    "series/slab_transient",
    "dimensionless",
    "Fourier-series solution of transient conduction in a slab, first N terms summed with numpy",
    count=3,
    rel_tol=1e-3,
    draw=_draw_slab,
    wordings=(
        """The dimensionless temperature in a slab suddenly exposed to a fixed surface
          temperature is θ = Σ_(n=0..N−1) 4(−1)^n/((2n+1)π) · cos((2n+1)π x/2) ·
          exp(−(2n+1)²π² Fo/4). Evaluate the first {terms} terms at x = {x} and Fo =
          {Fo}.""",
        """Sum {terms} terms of θ(x, Fo) = Σ 4(−1)ⁿ/((2n+1)π) cos((2n+1)πx/2)
          exp(−(2n+1)²π²Fo/4), n = 0, 1, …, for x = {x}, Fo = {Fo}.""",
        """Transient slab conduction: compute the partial sum (n = 0 to {terms} − 1) of
          4(−1)^n/((2n+1)π)·cos((2n+1)πx/2)·exp(−(2n+1)²π²·Fo/4) at x = {x}, Fo = {Fo}.""",
    ),
)
def _(Fo: float, x: float, terms: int) -> float:
    n = np.arange(terms)
    lam = (2 * n + 1) * np.pi / 2
    return float(
        np.sum(4 * (-1.0) ** n / ((2 * n + 1) * np.pi) * np.cos(lam * x) * np.exp(-(lam**2) * Fo))
    )


def _draw_zeta(rng: random.Random) -> dict[str, Any]:
    N = pick(rng, [10, 50, 100, 1000])
    return {"p": pick(rng, [2, 3, 4, 1.5, 2.5]), "N": N, "N1": N + 1}


@kind(
    "series/partial_sum",
    "dimensionless",
    "Exact partial sums and tails: sympy.summation / scipy.special.zeta",
    count=3,
    rel_tol=1e-3,
    draw=_draw_zeta,
    wordings=(
        """How large is the truncation error if the series Σ_(n≥1) 1/n^{p} is stopped after
          {N} terms? Give the exact tail Σ_(n>{N}) 1/n^{p}.""",
        """Compute the remainder Σ_(n={N1}..∞) n^(−{p}) of the p-series with p = {p}.""",
        """The sum Σ 1/n^{p} (n = 1, 2, …) is truncated after n = {N}. What is the value of
          the neglected tail?""",
    ),
)
def _(p: float, N: int, N1: int) -> float:
    from scipy.special import zeta

    return float(zeta(p, N + 1))
