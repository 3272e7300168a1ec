"""Maths problem kinds, ``maths/newton``: Colebrook, area-Mach and Antoine inversions."""

from __future__ import annotations

import math
import random
from typing import Any

from bank.core import Kind, pick, uni
from bank.maths.shared import registrar

KINDS: list[Kind] = []
kind = registrar(KINDS)


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
