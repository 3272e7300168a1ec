"""Maths problem kinds, ``maths/eigen``: symmetric matrices, interacting tanks, stiffness ratio."""

from __future__ import annotations

import random
from typing import Any

import numpy as np

from bank.core import Kind, pick, uni
from bank.maths.shared import matrix_text, registrar

KINDS: list[Kind] = []
kind = registrar(KINDS)


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
