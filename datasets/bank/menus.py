"""Unit menus and service tables that several problem kinds draw from.

A menu entry is ``(pint unit, label as the question prints it, low, high)``: a unit is drawn
first, then a value in the range that belongs to it.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from bank.core import Val, pick, sig, uni

__all__ = ["DENS_LIQ", "LIQUID_SERVICES", "Q_LIQ", "VISC_LIQ", "liquid_service", "t_c"]


def t_c(low: float, high: float) -> list[tuple[str, str, float, float]]:
    """A temperature range given in °C, offered in °C, K and °F."""
    return [
        ("degC", "°C", low, high),
        ("K", "K", low + 273.15, high + 273.15),
        ("degF", "°F", low * 1.8 + 32, high * 1.8 + 32),
    ]


DENS_LIQ = [("kg/m**3", "kg/m³", 780, 1150), ("lb/ft**3", "lb/ft³", 49, 72)]
VISC_LIQ = [("mPa*s", "mPa·s", 0.4, 5.0), ("cP", "cP", 0.4, 5.0)]
Q_LIQ = [
    ("m**3/hour", "m³/h", 10, 250),
    ("gallon/minute", "US gpm", 45, 1100),
    ("L/s", "L/s", 3, 70),
]

#: liquids with plausible density [kg/m3] and viscosity [mPa s] ranges
LIQUID_SERVICES = {
    "cooling water": (995, 1000, 0.6, 1.0),
    "boiler feed water": (915, 960, 0.15, 0.3),
    "steam condensate": (950, 985, 0.3, 0.5),
    "a brine": (1080, 1200, 1.1, 2.0),
    "a caustic solution": (1100, 1300, 1.5, 4.0),
    "gasoline": (720, 760, 0.4, 0.6),
    "a light hydrocarbon": (600, 700, 0.15, 0.35),
    "a toluene-rich solvent": (850, 870, 0.5, 0.6),
    "a gas oil": (820, 870, 2.0, 5.0),
}


def liquid_service(rng: random.Random, names: Sequence[str] | None = None) -> dict[str, Any]:
    """A liquid name with a density and a viscosity that belong to it."""
    name = pick(rng, list(names or LIQUID_SERVICES))
    rho_lo, rho_hi, mu_lo, mu_hi = LIQUID_SERVICES[name]
    rho = uni(rng, rho_lo, rho_hi)
    density = pick(
        rng, [Val(rho, "kg/m**3", "kg/m³"), Val(sig(rho / 16.01846337), "lb/ft**3", "lb/ft³")]
    )
    mu = uni(rng, mu_lo, mu_hi, 2)
    viscosity = pick(rng, [Val(mu, "mPa*s", "mPa·s"), Val(mu, "centipoise", "cP")])
    return {"liquid": name, "rho": density, "mu": viscosity}
