"""Maths problem kinds, ``maths/linear``: material balances and finite-difference fin nodes."""

from __future__ import annotations

import random
from typing import Any

import numpy as np

from bank.core import Kind, pick, retry, sig, uni
from bank.maths.shared import registrar

KINDS: list[Kind] = []
kind = registrar(KINDS)


def _draw_split(rng: random.Random) -> dict[str, Any]:
    # three product streams of known composition recover a feed of known composition
    comp = []
    for _ in range(3):
        raw = [rng.uniform(0.05, 1) for _ in range(3)]
        row = [sig(r / sum(raw), 2) for r in raw]
        row[-1] = sig(1 - row[0] - row[1], 2)
        comp.append(row)
    flows = [rng.uniform(20, 100) for _ in range(3)]
    feed = [sig(sum(comp[j][i] * flows[j] for j in range(3)), 4) for i in range(3)]
    return {"comp": comp, "feed": feed, "ask": rng.randrange(3)}


def _split_ok(d: dict[str, Any]) -> bool:
    A = np.array(d["comp"]).T
    if min(min(r) for r in d["comp"]) <= 0 or np.linalg.cond(A) > 50:
        return False
    return bool(all(np.linalg.solve(A, d["feed"]) > 0))


def _split_text(d: dict[str, Any]) -> dict[str, Any]:
    names = ("benzene", "toluene", "xylene")
    streams = "; ".join(
        f"stream {j + 1}: " + ", ".join(f"{names[i]} {d['comp'][j][i]:g}" for i in range(3))
        for j in range(3)
    )
    feed = ", ".join(f"{names[i]} {d['feed'][i]:g} kmol/h" for i in range(3))
    return {**d, "streams": streams, "feedt": feed, "which": d["ask"] + 1}


@kind(
    "linear/material_balance",
    "kmol/hour",
    "numpy.linalg.solve of the component balances",
    count=5,
    rel_tol=1e-3,
    tools=("mass_balance",),
    draw=lambda rng: _split_text(retry(_draw_split, _split_ok)(rng)),
    wordings=(
        """A column train splits a feed of {feedt} into three products with mole fractions
          {streams}. From the component balances, what is the total flow of stream {which},
          in kmol/h?""",
        """Solve the steady-state component balances: feed {feedt}; product compositions
          (mole fractions) {streams}. Flow of stream {which} in kmol/h?""",
        """Three product streams ({streams}) together carry exactly the components of a feed
          of {feedt}. Set up the 3×3 linear system and report the molar flow of stream
          {which} (kmol/h).""",
    ),
)
def _(comp: list[list[float]], feed: list[float], ask: int, **_: Any) -> float:
    return float(np.linalg.solve(np.array(comp).T, np.array(feed))[ask])


def _draw_rod(rng: random.Random) -> dict[str, Any]:
    n = pick(rng, [4, 5, 6])
    return {
        "n": n,
        "TL": uni(rng, 20, 100),
        "TR": uni(rng, 150, 400),
        "m2": uni(rng, 0.05, 0.6, 2),
        "Tinf": uni(rng, 10, 40),
        "node": rng.randrange(n) + 1,
    }


@kind(
    "linear/fin_nodes",
    "K",
    "Finite-difference fin equation, tridiagonal system solved with numpy.linalg.solve",
    count=5,
    rel_tol=1e-3,
    draw=_draw_rod,
    wordings=(
        """A fin is discretised into {n} interior nodes with the finite-difference equation
          T(i−1) − (2 + m²Δx²) T(i) + T(i+1) = −m²Δx² T∞, where m²Δx² = {m2} and T∞ = {Tinf}
          °C. The boundary temperatures are T(0) = {TL} °C and T({n}+1) = {TR} °C. What is the
          temperature of interior node {node}, in °C?""",
        """Solve the tridiagonal system for {n} interior nodes: T(i−1) − (2 + {m2}) T(i) +
          T(i+1) = −{m2}·{Tinf}, with T(0) = {TL} °C and T({n}+1) = {TR} °C. Report T at node
          {node} (°C).""",
        """Steady conduction with convection along a rod, {n} unknown nodes, m²Δx² = {m2},
          ambient {Tinf} °C, ends held at {TL} °C and {TR} °C. Using the standard
          three-point difference equation, what is the temperature (°C) at node {node}?""",
    ),
)
def _(n: int, TL: float, TR: float, m2: float, Tinf: float, node: int) -> float:
    A = np.zeros((n, n))
    b = np.full(n, -m2 * Tinf)
    for i in range(n):
        A[i, i] = -(2 + m2)
        if i > 0:
            A[i, i - 1] = 1
        if i < n - 1:
            A[i, i + 1] = 1
    b[0] -= TL
    b[-1] -= TR
    return float(np.linalg.solve(A, b)[node - 1]) + 273.15
