"""Values as engineers write them in the multi-step set: unit menus, gauge pressures with
their barometer, pipes by designation (NPS, inch or DN) and the item-aware pick ``turn``."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bank.core import Val, pick, sig, uni

__all__ = [
    "AREA_OUT",
    "CP_LIQ",
    "FLOW_LIQ",
    "GAUGE",
    "MASS_FLOW",
    "PSI",
    "T_60F",
    "U_MENU",
    "_NAMED_LIQUIDS",
    "ItemRandom",
    "Pipe",
    "absolute",
    "gauge",
    "gauge_like",
    "pipe",
    "temperature",
    "turn",
    "velocity",
]

PSI = 6894.757293168361  # Pa per psi
T_60F = (60 - 32) / 1.8 + 273.15  # [K]


FLOW_LIQ = [
    ("m**3/hour", "m³/h", 10, 250),
    ("m**3/hour", "cubic metres per hour", 10, 250),
    ("gallon/minute", "US gpm", 45, 1100),
    ("gallon/minute", "US gallons per minute", 45, 1100),
    ("L/minute", "L/min", 150, 4000),
    ("L/minute", "litres per minute", 150, 4000),
]
GAUGE = [  # (pint unit, label, low, high, barometer)
    ("psi", "psig", 40, 400, Val(14.7, "psi", "psia")),
    ("psi", "pounds per square inch gauge", 40, 400, Val(14.7, "psi", "psia")),
    ("bar", "barg", 3, 28, Val(1.013, "bar", "bar")),
    ("bar", "bar gauge", 3, 28, Val(1.013, "bar", "bar")),
    ("kPa", "kPa gauge", 300, 2800, Val(101.3, "kPa", "kPa")),
]
MASS_FLOW = [
    ("kg/hour", "kg/h", 5000, 80000),
    ("lb/hour", "lb/h", 11000, 176000),
    ("tonne/hour", "t/h", 5, 80),
    ("kg/s", "kg/s", 1.4, 22),
]
CP_LIQ = [
    ("kJ/(kg*K)", "kJ/(kg·K)", 1.9, 2.9),
    ("Btu/(lb*delta_degF)", "Btu/(lb·°F)", 0.45, 0.69),
]
U_MENU = [
    ("W/(m**2*K)", "W/(m²·K)", 250, 1200),
    ("Btu/(hour*foot**2*delta_degF)", "Btu/(h·ft²·°F)", 44, 210),
]
AREA_OUT = [
    ("m**2", "m²"),
    ("foot**2", "ft²"),
    ("m**2", "square metres"),
    ("foot**2", "square feet"),
]


class ItemRandom(random.Random):
    """``random.Random("<kind>:<n>")`` (the same stream) that also knows the item number."""

    def __init__(self, key: str, number: int) -> None:
        super().__init__(f"{key}:{number}")
        self.number = number


def turn(rng: random.Random, options: Sequence[Any]) -> Any:
    """Item n of a kind takes option n mod len(options), so every option shows up in a
    kind's few items; a plain random pick when the generator is not an ``ItemRandom``."""
    number = getattr(rng, "number", None)
    return options[number % len(options)] if number is not None else pick(rng, options)


def temperature(rng: random.Random, low_c: float, high_c: float) -> Val:
    """A whole-degree temperature, given in °C or (a third of the time) in °F."""
    c = round(rng.uniform(low_c, high_c))
    if rng.random() < 1 / 3:
        label = pick(rng, ["°F", "degrees Fahrenheit"])
        return Val(float(round(c * 1.8 + 32)), "degF", label)
    return Val(float(c), "degC", pick(rng, ["°C", "degrees Celsius"]))


def gauge(rng: random.Random, scale: float = 1.0) -> tuple[Val, Val]:
    """A gauge pressure (its range times ``scale``) and the barometer reading to add."""
    unit, label, low, high, atm = pick(rng, GAUGE)
    return Val(uni(rng, low * scale, high * scale), unit, label), atm


def absolute(P: Val, atm: Val) -> float:
    """[Pa] from a gauge reading and its barometer."""
    return P.to("Pa") + atm.to("Pa")


def gauge_like(P_abs: float, like: Val, atm: Val) -> Val:
    """An absolute pressure [Pa] written as a gauge reading in the unit of ``like``."""
    return Val(sig(Val(P_abs - atm.to("Pa"), "Pa", "").to(like.unit)), like.unit, like.label)


_DN = {1.5: 40, 2: 50, 3: 80, 4: 100, 6: 150, 8: 200, 10: 250, 12: 300}


@dataclass(frozen=True)
class Pipe:
    """A steel pipe by designation, printed as an engineer writes it (NPS, inch or DN)."""

    nps: float
    schedule: str
    style: int

    def __format__(self, spec: str) -> str:
        n = f"{self.nps:g}"
        return (
            f"NPS {n} schedule {self.schedule}",
            f"{n}-inch schedule {self.schedule}",
            f'{n}" Sch {self.schedule}',
            f"DN {_DN[self.nps]} schedule {self.schedule}",
        )[self.style]

    @property
    def di(self) -> float:
        """Inside diameter [m], ASME B36.10M (fluids.piping.nearest_pipe)."""
        from fluids import nearest_pipe

        return float(nearest_pipe(NPS=self.nps, schedule=self.schedule)[1])


def pipe(rng: random.Random, sizes: Sequence[tuple[float, str]] | None = None) -> Pipe:
    sizes = sizes or [
        (2, "40"),
        (3, "40"),
        (4, "40"),
        (6, "40"),
        (8, "40"),
        (10, "40"),
        (3, "80"),
        (4, "80"),
        (6, "80"),
        (8, "XS"),
        (12, "STD"),
    ]
    nps, schedule = pick(rng, sizes)
    return Pipe(nps, schedule, rng.randrange(4))


def velocity(Q: Val, D: float) -> float:
    return Q.to("m**3/s") / (math.pi * D**2 / 4)


_NAMED_LIQUIDS = {  # display name -> usable range of liquid temperature [°C] at 1 atm
    "water": (5, 90),
    "ethanol": (5, 60),
    "methanol": (5, 50),
    "toluene": (5, 90),
    "benzene": (10, 65),
    "n-heptane": (5, 80),
    "n-hexane": (5, 50),
}
