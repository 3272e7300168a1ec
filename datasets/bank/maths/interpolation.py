"""Maths problem kinds, ``maths/interpolation``: linear, cubic-spline and bilinear tables."""

from __future__ import annotations

import math
import random
from typing import Any

import numpy as np

from bank.core import Kind, pick, sig, uni
from bank.maths.shared import fmt, registrar

KINDS: list[Kind] = []
kind = registrar(KINDS)


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
