"""Templates for vapour-liquid equilibrium and distillation."""

from __future__ import annotations

import random

from peoa.distill.templates.base import BINARIES, Template, define, mole_fractions, num, q, rounded

__all__ = ["ANTOINE_VAPOR_PRESSURE", "BANK"]


def _k_values(rng: random.Random, n: int) -> list[float]:
    # at least one K above and one below 1, so the feed really splits
    values = [num(rng, 1.5, 6.0), num(rng, 0.1, 0.7)]
    values += [num(rng, 0.2, 4.0) for _ in range(n - 2)]
    return values


BANK: tuple[Template, ...] = (
    # -- VLE -------------------------------------------------------------------------
    define(
        "flash_rachford_rice",
        "vle",
        "vapor_fraction",
        "the vapour fraction",
        lambda r: (lambda n: {"z": mole_fractions(r, n), "K": _k_values(r, n)})(r.choice([2, 3])),
        "A feed with mole fractions {z} is flashed where the K-values are {K}. What fraction is vaporised?",
        "Solve the Rachford-Rice equation for z = {z} and K = {K}.",
        "Find the vapour fraction V/F of a flash drum: feed composition {z}, equilibrium ratios {K}.",
        "Isothermal flash with K-values {K} for a feed of composition {z}: vapor fraction?",
    ),
    define(
        "vle_bubble_point",
        "vle",
        "P",
        "the bubble-point pressure",
        lambda r: (
            lambda pair: {
                "components": list(pair),
                "x": mole_fractions(r, 2),
                "temperature": q(r, {"°C": (40, 90), "K": (313, 363)}),
            }
        )(r.choice(BINARIES)),
        "What is the bubble-point pressure of a liquid of {components} with mole fractions {x} at {temperature}?",
        "Find the bubble pressure at {temperature} for a mixture of {components}, x = {x}.",
        "A liquid mixture ({components}; composition {x}) is held at {temperature}. At what pressure does it start to boil?",
        "Bubble point pressure: components {components}, liquid mole fractions {x}, temperature {temperature}?",
    ),
    # -- distillation ----------------------------------------------------------------
    define(
        "fenske_min_stages",
        "distillation",
        "N_min",
        "the minimum number of stages",
        lambda r: {
            "alpha": num(r, 1.3, 4.0),
            "xD_light": num(r, 0.9, 0.99, 2),
            "xB_light": num(r, 0.01, 0.1, 2),
        },
        "A binary column makes a distillate with {xD_light} light key and a bottoms with {xB_light}; the relative volatility is {alpha}. What is the minimum number of stages?",
        "Find N_min by the Fenske equation: alpha = {alpha}, xD = {xD_light}, xB = {xB_light}.",
        "How many theoretical stages at total reflux are needed to go from {xB_light} to {xD_light} light component at a relative volatility of {alpha}?",
        "Fenske: relative volatility {alpha}, distillate purity {xD_light}, bottoms light-key fraction {xB_light}. Minimum stages?",
    ),
    define(
        "gilliland_stages",
        "distillation",
        "N",
        "the number of stages",
        lambda r: (
            lambda rmin: {
                "N_min": num(r, 5, 20),
                "R_min": rmin,
                "R": rounded(rmin * r.uniform(1.15, 2.0)),
            }
        )(num(r, 0.8, 3.0)),
        "A column needs {N_min} stages at total reflux and has a minimum reflux ratio of {R_min}. How many stages at a reflux ratio of {R}?",
        "Use Gilliland's correlation: N_min = {N_min}, R_min = {R_min}, R = {R}. Number of stages?",
        "Find the theoretical stages for operating reflux {R} when the minimum reflux is {R_min} and the minimum stages are {N_min}.",
        "Stages by Gilliland at R = {R} (Rmin = {R_min}, Nmin = {N_min})?",
    ),
)

# Templates added after the first bank: the package draws them after every topic's BANK.
ANTOINE_VAPOR_PRESSURE: Template = define(
    "antoine_vapor_pressure",
    "vle",
    "vapor_pressure",
    "the Antoine vapour pressure",
    lambda r: {
        "A": num(r, 6.8, 7.2, 5),
        "B": num(r, 1100, 1500, 5),
        "C": num(r, 200, 235, 4),
        "temperature": q(r, {"°C": (20, 90)}),
        "pressure_unit": "mmHg",
        "temperature_unit": "degC",
    },
    "Antoine constants A = {A}, B = {B}, C = {C} (log10, P in mmHg, T in °C). What is the vapour pressure at {temperature}?",
    "With the Antoine equation log10 P = A - B/(T + C), A = {A}, B = {B}, C = {C} (mmHg, °C), find the vapour pressure at {temperature}.",
)
