"""Build PEOA's engineering-mathematics evaluation set, ``datasets/maths.jsonl``.

A hundred problems in the spirit of MathComp: root finding, ODE integration, quadrature,
linear systems, regression, optimisation, interpolation, Newton iteration, eigenvalues and
series, each set in a process-engineering context. Every answer is computed here with
numpy, scipy or sympy from inputs drawn with a fixed per-item seed, so re-running this
script reproduces the file exactly.

Run from the repository root::

    .venv/bin/python datasets/build_maths.py            # writes datasets/maths.jsonl
    .venv/bin/python datasets/build_maths.py OUT.jsonl  # writes elsewhere
"""

from __future__ import annotations

import math
import random
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from peoa.evaluation.dataset import write_jsonl

__all__ = ["CATEGORIES", "KINDS", "Kind", "build_records", "write_dataset"]

CATEGORIES: tuple[str, ...] = (
    "maths/roots",
    "maths/ode",
    "maths/integration",
    "maths/linear",
    "maths/regression",
    "maths/optimisation",
    "maths/interpolation",
    "maths/newton",
    "maths/eigen",
    "maths/series",
)

G = 9.80665  # standard gravity [m/s^2]
R_GAS = 8.314462618  # [J/(mol K)]
SIGNIFICANT_DIGITS = 6
ID_PREFIX = "math"


def sig(x: float, digits: int = 3) -> float:
    value = float(f"{x:.{digits}g}")
    return float(int(value)) if value.is_integer() else value


def uni(rng: random.Random, low: float, high: float, digits: int = 3) -> float:
    return sig(rng.uniform(low, high), digits)


def pick(rng: random.Random, options: Sequence[Any]) -> Any:
    return options[rng.randrange(len(options))]


def fmt(values: Sequence[float]) -> str:
    return ", ".join(f"{v:g}" for v in values)


def matrix_text(rows: Sequence[Sequence[float]]) -> str:
    return "[" + "; ".join(" ".join(f"{v:g}" for v in row) for row in rows) + "]"


@dataclass(frozen=True)
class Kind:
    """A parametrised problem: how to draw inputs, how to word it, how to solve it."""

    key: str
    category: str
    unit: str
    tools: tuple[str, ...]
    source: str
    rel_tol: float
    count: int
    draw: Callable[[random.Random], dict[str, Any]]
    wordings: tuple[str, ...]
    solve: Callable[..., float]


KINDS: list[Kind] = []


def kind(
    key: str,
    unit: str,
    source: str,
    *,
    count: int,
    rel_tol: float,
    draw: Callable[[random.Random], dict[str, Any]],
    wordings: Sequence[str],
    tools: tuple[str, ...] = (),
) -> Callable[[Callable[..., float]], Callable[..., float]]:
    """Register the decorated function as the solver of a problem kind (answer in ``unit``)."""
    if len(wordings) < 3:
        raise ValueError(f"kind {key} needs at least three wordings")
    category = "maths/" + key.split("/")[0]

    def register(fn: Callable[..., float]) -> Callable[..., float]:
        text = tuple(" ".join(w.split()) for w in wordings)
        KINDS.append(Kind(key, category, unit, tools, source, rel_tol, count, draw, text, fn))
        return fn

    return register


def _retry(
    draw: Callable[[random.Random], dict[str, Any]], ok: Callable[[dict[str, Any]], bool]
) -> Callable[[random.Random], dict[str, Any]]:
    def again(rng: random.Random) -> dict[str, Any]:
        for _ in range(200):
            inputs = draw(rng)
            if ok(inputs):
                return inputs
        raise RuntimeError("no acceptable draw in 200 tries")

    return again


# =======================================================================================
# roots


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
    draw=_retry(_draw_cubic, _cubic_ok),
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


# =======================================================================================
# ordinary differential equations


def _draw_batch(rng: random.Random) -> dict[str, Any]:
    return {
        "n": pick(rng, [0.5, 1.5, 2.0, 2.5]),
        "k": uni(rng, 0.01, 0.2),
        "CA0": uni(rng, 0.5, 3),
        "t": uni(rng, 5, 60),
    }


@kind(
    "ode/batch_reactor",
    "mol/L",
    "scipy.integrate.solve_ivp (LSODA, rtol 1e-10)",
    count=4,
    rel_tol=1e-3,
    draw=_draw_batch,
    wordings=(
        """In an isothermal batch reactor dCA/dt = −k·CA^{n} with k = {k} (in units of
          (mol/L)^(1−{n})/min) and CA(0) = {CA0} mol/L. What is CA after {t} min, in
          mol/L?""",
        """Integrate dC/dt = −{k}·C^{n} (C in mol/L, t in min) from C(0) = {CA0} mol/L to
          t = {t} min. Give C in mol/L.""",
        """A batch reaction of order {n} has rate constant {k} (mol/L)^(1−{n})·min⁻¹.
          Starting at {CA0} mol/L, what concentration (mol/L) remains after {t} minutes?""",
    ),
)
def _(n: float, k: float, CA0: float, t: float) -> float:
    from scipy.integrate import solve_ivp

    sol = solve_ivp(
        lambda _t, c: [-k * max(c[0], 0.0) ** n],
        (0, t),
        [CA0],
        method="LSODA",
        rtol=1e-10,
        atol=1e-13,
    )
    return float(sol.y[0, -1])


def _draw_tank(rng: random.Random) -> dict[str, Any]:
    D = uni(rng, 1, 4)
    return {
        "D": D,
        "d": uni(rng, 25, 100),
        "Cd": uni(rng, 0.6, 0.65, 2),
        "h0": uni(rng, 2, 6),
        "h1": uni(rng, 0.2, 1.5),
    }


@kind(
    "ode/tank_draining",
    "s",
    "Torricelli: A dh/dt = -Cd a sqrt(2 g h), integrated with "
    "scipy.integrate.solve_ivp and a terminal event",
    count=3,
    rel_tol=1e-3,
    draw=_draw_tank,
    wordings=(
        """A vertical cylindrical tank of {D} m diameter drains through a bottom orifice of
          {d} mm diameter with discharge coefficient {Cd}. How long, in seconds, does the
          level take to fall from {h0} m to {h1} m? Use A·dh/dt = −Cd·a·√(2gh), g = 9.80665
          m/s².""",
        """Integrate the draining equation A dh/dt = −Cd a √(2 g h) for a {D} m diameter
          tank with a {d} mm outlet (Cd = {Cd}, g = 9.80665 m/s²) from h = {h0} m down to
          h = {h1} m. Time in s?""",
        """Water drains from an open {D} m diameter tank through a {d} mm hole (Cd {Cd}).
          What time (s) passes while the head drops from {h0} m to {h1} m (g = 9.80665
          m/s²)?""",
    ),
)
def _(D: float, d: float, Cd: float, h0: float, h1: float) -> float:
    from scipy.integrate import solve_ivp

    A, a = math.pi * D**2 / 4, math.pi * (d / 1e3) ** 2 / 4

    def reached(_t: float, h: list[float]) -> float:
        return h[0] - h1

    reached.terminal = True  # type: ignore[attr-defined]
    sol = solve_ivp(
        lambda _t, h: [-Cd * a * math.sqrt(2 * G * max(h[0], 0.0)) / A],
        (0, 1e7),
        [h0],
        events=reached,
        rtol=1e-11,
        atol=1e-12,
    )
    return float(sol.t_events[0][0])


def _draw_series_rxn(rng: random.Random) -> dict[str, Any]:
    k1 = uni(rng, 0.05, 0.5)
    return {
        "k1": k1,
        "k2": sig(k1 * rng.uniform(0.2, 3)),
        "CA0": uni(rng, 1, 3),
        "t": uni(rng, 2, 20),
    }


@kind(
    "ode/series_reactions",
    "mol/L",
    "scipy.integrate.solve_ivp (LSODA, rtol 1e-10)",
    count=3,
    rel_tol=1e-3,
    draw=_retry(_draw_series_rxn, lambda d: abs(d["k1"] - d["k2"]) > 1e-3),
    wordings=(
        """Consecutive first-order reactions A → B → C run in a batch reactor with
          k1 = {k1} min⁻¹ and k2 = {k2} min⁻¹. Initially CA = {CA0} mol/L and no B or C. What
          is CB after {t} min, in mol/L?""",
        """Solve dCA/dt = −k1 CA, dCB/dt = k1 CA − k2 CB with k1 = {k1} min⁻¹, k2 = {k2}
          min⁻¹, CA(0) = {CA0} mol/L, CB(0) = 0. Report CB (mol/L) at t = {t} min.""",
        """For A → B → C (both steps first order, k1 {k1} min⁻¹, k2 {k2} min⁻¹) starting from
          {CA0} mol/L of pure A, how much B (mol/L) is present at {t} min?""",
    ),
)
def _(k1: float, k2: float, CA0: float, t: float) -> float:
    from scipy.integrate import solve_ivp

    sol = solve_ivp(
        lambda _t, c: [-k1 * c[0], k1 * c[0] - k2 * c[1]],
        (0, t),
        [CA0, 0.0],
        method="LSODA",
        rtol=1e-11,
        atol=1e-13,
    )
    return float(sol.y[1, -1])


# =======================================================================================
# numerical integration (quadrature)


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


# =======================================================================================
# linear systems


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
    draw=lambda rng: _split_text(_retry(_draw_split, _split_ok)(rng)),
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


# =======================================================================================
# regression and curve fitting


def _draw_arr(rng: random.Random) -> dict[str, Any]:
    Ea = rng.uniform(40e3, 120e3)
    A = 10 ** rng.uniform(5, 12)
    T = sorted(uni(rng, 300, 420) for _ in range(pick(rng, [4, 5, 6])))
    k = [sig(A * math.exp(-Ea / (R_GAS * t)) * rng.uniform(0.93, 1.07)) for t in T]
    return {"T": T, "k": k, "Ts": fmt(T), "ks": fmt(k)}


@kind(
    "regression/arrhenius",
    "kJ/mol",
    "Least-squares line of ln k against 1/T (numpy.polyfit, degree 1); Ea = -slope R",
    count=4,
    rel_tol=1e-3,
    draw=_retry(_draw_arr, lambda d: len(set(d["T"])) == len(d["T"])),
    wordings=(
        """Rate constants k = {ks} s⁻¹ were measured at T = {Ts} K. Fit ln k = ln A − Ea/(RT)
          by linear least squares in 1/T. What is the activation energy, in kJ/mol
          (R = 8.314462618 J/(mol·K))?""",
        """From the data T (K) = {Ts} and k (s⁻¹) = {ks}, estimate Ea (kJ/mol) by a
          least-squares straight line of ln k versus 1/T. Use R = 8.314462618 J/(mol·K).""",
        """Arrhenius plot: regress ln k on 1/T for T = {Ts} K, k = {ks} s⁻¹ (ordinary least
          squares). What activation energy in kJ/mol follows? R = 8.314462618 J/(mol·K).""",
    ),
)
def _(T: list[float], k: list[float], Ts: str, ks: str) -> float:
    slope, _intercept = np.polyfit(1 / np.array(T), np.log(k), 1)
    return float(-slope * R_GAS / 1e3)


def _draw_poly(rng: random.Random) -> dict[str, Any]:
    x = sorted(set(uni(rng, 0, 10, 2) for _ in range(7)))
    c = [rng.uniform(-1, 1), rng.uniform(-5, 5), rng.uniform(0, 20)]
    y = [sig(c[0] * xi**2 + c[1] * xi + c[2] + rng.uniform(-0.5, 0.5)) for xi in x]
    return {"x": x, "y": y, "xs": fmt(x), "ys": fmt(y), "x0": uni(rng, min(x), max(x), 2)}


@kind(
    "regression/quadratic",
    "dimensionless",
    "numpy.polyfit (degree 2, least squares)",
    count=3,
    rel_tol=1e-3,
    draw=_retry(_draw_poly, lambda d: len(d["x"]) >= 5),
    wordings=(
        """Fit a quadratic y = a x² + b x + c by least squares to the points x = {xs} and
          y = {ys}. What does the fit predict at x = {x0}?""",
        """A pump curve was measured: flow x = {xs}, head y = {ys} (consistent units).
          Fit a second-order polynomial (least squares) and evaluate it at x = {x0}.""",
        """Least-squares parabola through (x: {xs}; y: {ys}). Value of the fitted parabola at
          x = {x0}?""",
    ),
)
def _(x: list[float], y: list[float], xs: str, ys: str, x0: float) -> float:
    return float(np.polyval(np.polyfit(x, y, 2), x0))


def _draw_decay(rng: random.Random) -> dict[str, Any]:
    C0, k = rng.uniform(2, 10), rng.uniform(0.05, 0.5)
    step = float(pick(rng, [1, 2]))
    t = [i * step for i in range(6)]
    C = [sig(C0 * math.exp(-k * ti) * rng.uniform(0.97, 1.03)) for ti in t]
    return {"t": t, "C": C, "ts": fmt(t), "Cs": fmt(C)}


@kind(
    "regression/exponential",
    "1/minute",
    "Nonlinear least squares C = C0 exp(-k t) (scipy.optimize.curve_fit, unweighted)",
    count=3,
    rel_tol=1e-3,
    draw=_draw_decay,
    wordings=(
        """A tracer concentration decays as C = C0·exp(−k t). Data: t = {ts} min, C = {Cs}
          mg/L. Fit C0 and k by nonlinear least squares on C (not on ln C). What is k, in
          min⁻¹?""",
        """Fit C(t) = C0 e^(−kt) to t (min) = {ts}, C (mg/L) = {Cs} by unweighted nonlinear
          least squares. Report k in min⁻¹.""",
        """Nonlinear regression: model C0·exp(−k·t), observations at t = {ts} min of C =
          {Cs} mg/L, minimise the sum of squared residuals in C. Best-fit k (min⁻¹)?""",
    ),
)
def _(t: list[float], C: list[float], ts: str, Cs: str) -> float:
    from scipy.optimize import curve_fit

    p, _cov = curve_fit(
        lambda x, c0, k: c0 * np.exp(-k * x),
        np.array(t),
        np.array(C),
        p0=[C[0], 0.1],
        maxfev=20000,
        xtol=1e-14,
        ftol=1e-14,
    )
    return float(p[1])


# =======================================================================================
# optimisation


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
    draw=_retry(_draw_bmax, lambda d: abs(d["k1"] / d["k2"] - 1) > 0.05),
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


# =======================================================================================
# interpolation


def _draw_linear_interp(rng: random.Random) -> dict[str, Any]:
    T1 = float(pick(rng, [100, 120, 140, 160, 180, 200, 220]))
    T2 = T1 + 20
    P1, P2 = (
        sig(101.42 * math.exp(0.035 * (T1 - 100)), 4),
        sig(101.42 * math.exp(0.035 * (T2 - 100)), 4),
    )
    return {"T1": T1, "T2": T2, "P1": P1, "P2": P2, "T": sig(rng.uniform(T1 + 1, T2 - 1))}


@kind(
    "interpolation/linear",
    "kPa",
    "Linear interpolation (numpy.interp)",
    count=4,
    rel_tol=1e-3,
    draw=_draw_linear_interp,
    wordings=(
        """A property table lists {P1} kPa at {T1} °C and {P2} kPa at {T2} °C. By linear
          interpolation, what is the value at {T} °C, in kPa?""",
        """Interpolate linearly between ({T1} °C, {P1} kPa) and ({T2} °C, {P2} kPa) to
          estimate the pressure at {T} °C (kPa).""",
        """Using straight-line interpolation in a table with entries {T1} °C → {P1} kPa and
          {T2} °C → {P2} kPa, what pressure (kPa) corresponds to {T} °C?""",
    ),
)
def _(T1: float, T2: float, P1: float, P2: float, T: float) -> float:
    return float(np.interp(T, [T1, T2], [P1, P2]))


def _draw_spline(rng: random.Random) -> dict[str, Any]:
    x = [float(v) for v in range(0, 5 * pick(rng, [5, 6]), 5)]
    y = [sig(10 + 2 * math.sin(xi / 7) + 0.05 * xi**1.5 + rng.uniform(-0.2, 0.2)) for xi in x]
    return {"x": x, "y": y, "xs": fmt(x), "ys": fmt(y), "x0": uni(rng, x[1], x[-2], 2)}


@kind(
    "interpolation/cubic_spline",
    "dimensionless",
    "scipy.interpolate.CubicSpline (natural boundary conditions)",
    count=3,
    rel_tol=1e-3,
    draw=_draw_spline,
    wordings=(
        """Fit a natural cubic spline through the points x = {xs}, y = {ys} and evaluate it
          at x = {x0}.""",
        """Natural cubic-spline interpolation of the data (x: {xs}; y: {ys}): value at
          x = {x0}?""",
        """A calibration table has x = {xs} and y = {ys}. Interpolate with a natural cubic
          spline (second derivative zero at both ends). What is y at x = {x0}?""",
    ),
)
def _(x: list[float], y: list[float], xs: str, ys: str, x0: float) -> float:
    from scipy.interpolate import CubicSpline

    return float(CubicSpline(x, y, bc_type="natural")(x0))


def _draw_bilinear(rng: random.Random) -> dict[str, Any]:
    T1, P1 = float(pick(rng, [200, 250, 300])), float(pick(rng, [10, 20, 30]))
    T2, P2 = T1 + 50, P1 + 10
    base = uni(rng, 2800, 3000, 4)
    return {
        "T1": T1,
        "T2": T2,
        "P1": P1,
        "P2": P2,
        "h11": base,
        "h21": sig(base + rng.uniform(80, 120), 4),
        "h12": sig(base - rng.uniform(20, 60), 4),
        "h22": sig(base + rng.uniform(50, 100), 4),
        "T": uni(rng, T1 + 2, T2 - 2),
        "P": uni(rng, P1 + 1, P2 - 1),
    }


@kind(
    "interpolation/bilinear",
    "kJ/kg",
    "Bilinear interpolation (scipy.interpolate.RegularGridInterpolator, method='linear')",
    count=3,
    rel_tol=1e-3,
    draw=_draw_bilinear,
    wordings=(
        """A superheated-steam table gives h = {h11} kJ/kg at ({T1} °C, {P1} bar), {h21}
          kJ/kg at ({T2} °C, {P1} bar), {h12} kJ/kg at ({T1} °C, {P2} bar) and {h22} kJ/kg at
          ({T2} °C, {P2} bar). By bilinear interpolation, what is h at {T} °C and {P} bar, in
          kJ/kg?""",
        """Bilinearly interpolate the enthalpy at T = {T} °C, P = {P} bar from the grid
          h({T1} °C, {P1} bar) = {h11}, h({T2} °C, {P1} bar) = {h21}, h({T1} °C, {P2} bar) =
          {h12}, h({T2} °C, {P2} bar) = {h22} kJ/kg.""",
        """Double linear interpolation in a steam table: corners ({T1} °C, {P1} bar) {h11},
          ({T2} °C, {P1} bar) {h21}, ({T1} °C, {P2} bar) {h12}, ({T2} °C, {P2} bar) {h22}
          (kJ/kg). Enthalpy at {T} °C and {P} bar?""",
    ),
)
def _(
    T1: float,
    T2: float,
    P1: float,
    P2: float,
    h11: float,
    h21: float,
    h12: float,
    h22: float,
    T: float,
    P: float,
) -> float:
    from scipy.interpolate import RegularGridInterpolator

    grid = RegularGridInterpolator(([T1, T2], [P1, P2]), [[h11, h12], [h21, h22]])
    return float(grid([[T, P]])[0])


# =======================================================================================
# Newton iteration on engineering equations


def _draw_colebrook(rng: random.Random) -> dict[str, Any]:
    return {"Re": float(round(uni(rng, 5000, 1e6, 3))), "eD": uni(rng, 1e-5, 2e-3, 2)}


@kind(
    "newton/colebrook",
    "dimensionless",
    "Colebrook equation solved by Newton's method "
    "(scipy.optimize.newton, tol 1e-14) in x = 1/sqrt(f)",
    count=4,
    rel_tol=1e-3,
    tools=("friction_factor",),
    draw=_draw_colebrook,
    wordings=(
        """Solve the Colebrook equation 1/√f = −2 log10(ε/(3.7D) + 2.51/(Re √f)) for the
          Darcy friction factor f with Re = {Re:.0f} and ε/D = {eD}, using Newton's
          method.""",
        """Use Newton iteration on x = 1/√f to solve Colebrook for Re = {Re:.0f}, relative
          roughness {eD}. What is f?""",
        """Iterate Colebrook's implicit equation to convergence (Newton-Raphson) at
          Re = {Re:.0f}, ε/D = {eD}. Report the Darcy friction factor.""",
    ),
)
def _(Re: float, eD: float) -> float:
    from scipy.optimize import newton

    def g(x: float) -> float:
        return x + 2 * math.log10(eD / 3.7 + 2.51 * x / Re)

    x = newton(g, 7.0, tol=1e-14, maxiter=100)
    return 1 / x**2


def _draw_area_ratio(rng: random.Random) -> dict[str, Any]:
    return {
        "ratio": uni(rng, 1.1, 4),
        "k": pick(rng, [1.4, 1.3, 1.2]),
        "regime": pick(rng, ["subsonic", "supersonic"]),
    }


@kind(
    "newton/mach_area",
    "dimensionless",
    "Isentropic area-Mach relation solved with scipy.optimize.brentq on the chosen branch",
    count=3,
    rel_tol=1e-3,
    tools=("stagnation_properties",),
    draw=_draw_area_ratio,
    wordings=(
        """For isentropic flow of an ideal gas with k = {k}, find the {regime} Mach number
          at which A/A* = {ratio}, where A/A* = (1/M)[(2/(k+1))(1 + (k−1)M²/2)]^((k+1)/(2(k−1))).""",
        """A nozzle section has an area {ratio} times the throat area. With k = {k} and
          choked isentropic flow, what is the {regime} Mach number there? Use
          A/A* = (1/M)[(2/(k+1))(1 + (k−1)/2·M²)]^((k+1)/(2(k−1))).""",
        """Invert the isentropic area ratio relation A/A* = (1/M)·[(2/(k+1))·(1 +
          ½(k−1)M²)]^((k+1)/(2(k−1))) for A/A* = {ratio}, k = {k}, on the {regime} branch.
          Mach number?""",
    ),
)
def _(ratio: float, k: float, regime: str) -> float:
    from scipy.optimize import brentq

    def area(M: float) -> float:
        return (1 / M) * ((2 / (k + 1)) * (1 + (k - 1) / 2 * M * M)) ** ((k + 1) / (2 * (k - 1)))

    if regime == "subsonic":
        return brentq(lambda M: area(M) - ratio, 1e-6, 1.0, xtol=1e-15)
    return brentq(lambda M: area(M) - ratio, 1.0, 50.0, xtol=1e-15)


_ANTOINE = [
    ("benzene", 6.90565, 1211.033, 220.79),
    ("toluene", 6.95464, 1344.8, 219.482),
    ("acetone", 7.11714, 1210.595, 229.664),
    ("methanol", 8.08097, 1582.271, 239.726),
]


def _draw_antoine(rng: random.Random) -> dict[str, Any]:
    name, A, B, C = pick(rng, _ANTOINE)
    return {"name": name, "A": A, "B": B, "C": C, "P": uni(rng, 200, 1500)}


@kind(
    "newton/antoine_temperature",
    "degC",
    "Antoine equation log10 P = A - B/(C + T) solved by scipy.optimize.newton",
    count=3,
    rel_tol=1e-3,
    tools=("saturation_temperature",),
    draw=_draw_antoine,
    wordings=(
        """The vapour pressure of {name} follows log10(P/mmHg) = {A} − {B}/({C} + T/°C).
          Using Newton's method, find the temperature (°C) at which P = {P} mmHg.""",
        """Solve the Antoine equation log10 P = {A} − {B}/(T + {C}) (P in mmHg, T in °C)
          for T when P = {P} mmHg ({name}). Answer in °C.""",
        """At what temperature, in °C, does {name} have a vapour pressure of {P} mmHg if
          log10(P) = {A} − {B}/(T + {C}) with P in mmHg and T in °C? Iterate with
          Newton-Raphson.""",
    ),
)
def _(name: str, A: float, B: float, C: float, P: float) -> float:
    from scipy.optimize import newton

    return float(newton(lambda T: A - B / (C + T) - math.log10(P), 60.0, tol=1e-13))


# =======================================================================================
# eigenvalues


def _draw_sym(rng: random.Random) -> dict[str, Any]:
    n = pick(rng, [2, 3])
    M = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i, n):
            v = uni(rng, -5, 5, 2) if i != j else uni(rng, 1, 10, 2)
            M[i][j] = M[j][i] = v
    return {"M": M, "Ms": matrix_text(M), "which": pick(rng, ["largest", "smallest"])}


@kind(
    "eigen/symmetric",
    "dimensionless",
    "numpy.linalg.eigvalsh",
    count=4,
    rel_tol=1e-3,
    draw=_draw_sym,
    wordings=(
        """What is the {which} eigenvalue of the symmetric matrix {Ms} (rows separated by
          semicolons)?""",
        """A stiffness matrix is {Ms} (rows separated by ';'). Find its {which}
          eigenvalue.""",
        """Compute the eigenvalues of {Ms} (row-wise, ';' between rows) and report the
          {which} one.""",
    ),
)
def _(M: list[list[float]], Ms: str, which: str) -> float:
    values = np.linalg.eigvalsh(np.array(M))
    return float(values[-1] if which == "largest" else values[0])


def _draw_tanks(rng: random.Random) -> dict[str, Any]:
    return {
        "A1": uni(rng, 1, 5),
        "A2": uni(rng, 1, 5),
        "R1": uni(rng, 0.5, 5),
        "R2": uni(rng, 0.5, 5),
    }


@kind(
    "eigen/interacting_tanks",
    "s",
    "Eigenvalues of the linearised two-tank model "
    "(numpy.linalg.eigvals); time constants = -1/lambda",
    count=3,
    rel_tol=1e-3,
    draw=_draw_tanks,
    wordings=(
        """Two interacting tanks in series have areas A1 = {A1} m² and A2 = {A2} m²; flow
          from tank 1 to tank 2 is (h1 − h2)/R1 and from tank 2 to drain h2/R2, with R1 =
          {R1} s/m² and R2 = {R2} s/m². The model is A1 dh1/dt = q − (h1 − h2)/R1, A2 dh2/dt
          = (h1 − h2)/R1 − h2/R2. What is the slower time constant, −1/λ for the eigenvalue λ
          closest to zero, in seconds?""",
        """Linear level model: dh/dt = M h with M = [[−1/(A1R1), 1/(A1R1)], [1/(A2R1),
          −(1/R1 + 1/R2)/A2]], A1 = {A1} m², A2 = {A2} m², R1 = {R1} s/m², R2 = {R2} s/m².
          Find the dominant (slowest) time constant in s.""",
        """For interacting tanks (A1 {A1} m², A2 {A2} m², R1 {R1} s/m², R2 {R2} s/m²; tank 1
          drains into tank 2 through R1, tank 2 to atmosphere through R2), compute the
          eigenvalues of the state matrix and report the larger time constant (s).""",
    ),
)
def _(A1: float, A2: float, R1: float, R2: float) -> float:
    M = np.array([[-1 / (A1 * R1), 1 / (A1 * R1)], [1 / (A2 * R1), -(1 / R1 + 1 / R2) / A2]])
    lam = np.linalg.eigvals(M).real
    return float(-1 / lam.max())


def _draw_stiff(rng: random.Random) -> dict[str, Any]:
    k1, k2, k3 = uni(rng, 0.01, 1), uni(rng, 10, 1000), uni(rng, 0.1, 10)
    return {"k1": k1, "k2": k2, "k3": k3}


@kind(
    "eigen/stiffness_ratio",
    "dimensionless",
    "Eigenvalues of the Jacobian of a linear kinetic scheme (numpy.linalg.eigvals)",
    count=3,
    rel_tol=1e-3,
    draw=_draw_stiff,
    wordings=(
        """The first-order network A → B (k1 = {k1} s⁻¹), B → C (k2 = {k2} s⁻¹), C → A
          (k3 = {k3} s⁻¹) has the Jacobian [[−k1, 0, k3], [k1, −k2, 0], [0, k2, −k3]]. Its
          eigenvalues are 0 and two negative values. What is the stiffness ratio, the
          largest |λ| divided by the smallest non-zero |λ|?""",
        """Compute the stiffness ratio (max |λ| / min non-zero |λ|) of the cyclic kinetic
          scheme A→B→C→A with k1 = {k1}, k2 = {k2}, k3 = {k3} s⁻¹; Jacobian [[−k1, 0, k3], [k1,
          −k2, 0], [0, k2, −k3]].""",
        """How stiff is the linear ODE system with matrix [[−{k1}, 0, {k3}], [{k1}, −{k2},
          0], [0, {k2}, −{k3}]] (s⁻¹)? Give the ratio of the largest to the smallest non-zero
          eigenvalue magnitude.""",
    ),
)
def _(k1: float, k2: float, k3: float) -> float:
    lam = np.abs(np.linalg.eigvals(np.array([[-k1, 0, k3], [k1, -k2, 0], [0, k2, -k3]])))
    nonzero = sorted(v for v in lam if v > 1e-9 * lam.max())
    return float(nonzero[-1] / nonzero[0])


# =======================================================================================
# series


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


# =======================================================================================
# rendering


def shortest(value: float) -> str:
    """The shortest text that reads back as ``value`` (no trailing ``.0``)."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


@dataclass(frozen=True)
class Num:
    """A number as a question prints it: shortest form unless the template says otherwise."""

    value: float

    def __format__(self, spec: str) -> str:
        return format(self.value, spec) if spec else shortest(self.value)


def _shown(inputs: dict[str, Any]) -> dict[str, Any]:
    return {k: Num(v) if isinstance(v, float) else v for k, v in inputs.items()}


def build_records() -> Iterator[dict[str, Any]]:
    """Draw, word and solve every item of every kind, in a fixed order."""
    keys = [k.key for k in KINDS]
    duplicates = [key for key, n in Counter(keys).items() if n > 1]
    if duplicates:
        raise ValueError(f"duplicate problem kind {duplicates[0]!r} in build_maths.py")
    numbers: Counter[str] = Counter()
    for item in sorted(KINDS, key=lambda k: CATEGORIES.index(k.category)):
        for n in range(item.count):
            rng = random.Random(f"{item.key}:{n}")
            inputs = item.draw(rng)
            value = float(item.solve(**inputs))
            if not math.isfinite(value):
                raise ValueError(f"{item.key} #{n} computed a non-finite answer {value!r}")
            numbers[item.category] += 1
            short = item.category.split("/")[1]
            record: dict[str, Any] = {
                "id": f"{ID_PREFIX}-{short}-{numbers[item.category]:03d}",
                "category": item.category,
                "question": " ".join(
                    item.wordings[n % len(item.wordings)].format(**_shown(inputs)).split()
                ),
                "answer": float(f"{value:.{SIGNIFICANT_DIGITS}g}"),
                "unit": item.unit,
                "rel_tol": item.rel_tol,
                "source": item.source,
            }
            if item.tools:
                record["tools"] = list(item.tools)
            record["kind"] = item.key
            yield record


def write_dataset(path: Path) -> int:
    """Write the dataset as JSONL to ``path``; return the number of problems written."""
    return write_jsonl(path, build_records())


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else Path(__file__).with_name("maths.jsonl")
    count = write_dataset(target)
    print(f"wrote {count} problems to {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
