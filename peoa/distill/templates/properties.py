"""Templates for unit conversion and pure-component properties."""

from __future__ import annotations

from peoa.distill.templates.base import LIQUIDS, Template, define, num, q

__all__ = ["BANK", "IDEAL_GAS_STATE"]

BANK: tuple[Template, ...] = (
    # -- units -----------------------------------------------------------------------
    define(
        "unit_convert",
        "units",
        "value",
        "the converted value",
        lambda r: (
            lambda pair: {"value": num(r, *pair[2]), "from_unit": pair[0], "to_unit": pair[1]}
        )(
            r.choice(
                [
                    ("psi", "kPa", (10, 500)),
                    ("gpm", "m^3/h", (20, 900)),
                    ("lb/h", "kg/s", (1000, 90000)),
                    ("BTU/h", "kW", (1e4, 5e6)),
                    ("ft", "m", (3, 3000)),
                    ("degF", "degC", (40, 600)),
                    ("bar", "psi", (1, 100)),
                    ("kg/m^3", "lb/ft^3", (1, 1500)),
                    ("cP", "Pa*s", (0.2, 300)),
                    ("hp", "kW", (1, 800)),
                    ("m^3/h", "L/s", (1, 500)),
                    ("kJ/kg", "BTU/lb", (50, 3000)),
                ]
            )
        ),
        "Convert {value} {from_unit} to {to_unit}.",
        "What is {value} {from_unit} expressed in {to_unit}?",
        "A datasheet gives {value} {from_unit}. How much is that in {to_unit}?",
        "Express a reading of {value} {from_unit} in {to_unit}.",
    ),
    # -- properties ------------------------------------------------------------------
    define(
        "density",
        "properties",
        "rho",
        "the density",
        lambda r: {
            "chemical": r.choice(LIQUIDS),
            "temperature": q(r, {"°C": (10, 50), "K": (285, 320)}),
        },
        "What is the density of liquid {chemical} at {temperature}?",
        "Find the density of {chemical} at {temperature} and atmospheric pressure.",
        "A tank holds {chemical} at {temperature}. Estimate its density.",
        "Density of {chemical} at a temperature of {temperature}?",
    ),
    define(
        "viscosity",
        "properties",
        "mu",
        "the dynamic viscosity",
        lambda r: {
            "chemical": r.choice(LIQUIDS),
            "temperature": q(r, {"°C": (10, 50), "K": (285, 320)}),
        },
        "What is the dynamic viscosity of liquid {chemical} at {temperature}?",
        "Estimate the viscosity of {chemical} at {temperature}.",
        "A line carries {chemical} at {temperature}. What viscosity should be used for it?",
        "Give the viscosity of {chemical} at a temperature of {temperature}.",
    ),
    define(
        "vapor_pressure",
        "properties",
        "Psat",
        "the vapour pressure",
        lambda r: {
            "chemical": r.choice(LIQUIDS),
            "temperature": q(r, {"°C": (10, 70), "K": (285, 340)}),
        },
        "What is the vapour pressure of {chemical} at {temperature}?",
        "Find the saturation pressure of {chemical} at {temperature}.",
        "A storage tank of {chemical} sits at {temperature}. What is its vapor pressure?",
        "Vapour pressure of {chemical} at {temperature}?",
    ),
    define(
        "heat_capacity",
        "properties",
        "Cp",
        "the heat capacity",
        lambda r: {
            "chemical": r.choice(LIQUIDS),
            "temperature": q(r, {"°C": (10, 50), "K": (285, 320)}),
        },
        "What is the specific heat capacity of liquid {chemical} at {temperature}?",
        "Find Cp of {chemical} at {temperature}.",
        "Estimate the heat capacity of {chemical} held at {temperature}.",
        "Specific heat of {chemical} at {temperature}?",
    ),
    define(
        "saturation_temperature",
        "properties",
        "Tsat",
        "the saturation temperature",
        lambda r: {
            "chemical": r.choice(LIQUIDS),
            "pressure": q(r, {"kPa": (50, 400), "bar": (0.5, 4), "atm": (0.5, 4)}),
        },
        "At what temperature does {chemical} boil at {pressure}?",
        "Find the saturation temperature of {chemical} at {pressure}.",
        "What is the boiling point of {chemical} under a pressure of {pressure}?",
        "A column operates at {pressure}. What is the boiling temperature of pure {chemical} there?",
    ),
)

# Templates added after the first bank: the package draws them after every topic's BANK.
IDEAL_GAS_STATE: Template = define(
    "ideal_gas_state",
    "properties",
    "density",
    "the ideal-gas density",
    lambda r: {
        "gas": r.choice(("air", "nitrogen", "carbon dioxide", "methane", "oxygen")),
        "pressure": q(r, {"kPa": (90, 600), "bar": (1, 6)}),
        "temperature": q(r, {"°C": (0, 150), "K": (280, 420)}),
    },
    "What is the density of {gas} at {pressure} and {temperature}, treating it as an ideal gas?",
    "Find the ideal-gas density of {gas} at {temperature} and {pressure}.",
    "{gas} as a perfect gas at {pressure}, {temperature}: density?",
)
