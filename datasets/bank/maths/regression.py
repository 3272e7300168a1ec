"""Maths problem kinds, ``maths/regression``: Arrhenius, quadratic and exponential fits."""

from __future__ import annotations

import math
import random
from typing import Any

import numpy as np

from bank.core import R_GAS, Kind, pick, retry, sig, uni
from bank.maths.shared import fmt, registrar

KINDS: list[Kind] = []
kind = registrar(KINDS)


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
    draw=retry(_draw_arr, lambda d: len(set(d["T"])) == len(d["T"])),
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
    draw=retry(_draw_poly, lambda d: len(d["x"]) >= 5),
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
