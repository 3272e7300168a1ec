"""Maths problem kinds, ``maths/ode``: batch reactor, tank draining and consecutive reactions."""

from __future__ import annotations

import math
import random
from typing import Any

from bank.core import G, Kind, pick, retry, sig, uni
from bank.maths.shared import registrar

KINDS: list[Kind] = []
kind = registrar(KINDS)


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
    draw=retry(_draw_series_rxn, lambda d: abs(d["k1"] - d["k2"]) > 1e-3),
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
