"""The problem bank's machinery: the drawn :class:`Problem`, the worded :class:`Template`,
the helpers that draw values (:func:`q`, :func:`num`), the units an engineer writes with
their ranges, and the train/validation/test split (:func:`split_of`).

The templates themselves live in the topic modules beside this one; the package joins
them into ``TEMPLATES``.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "BINARIES",
    "CONDUCTIVITY",
    "CP",
    "DENSITY_LIQ",
    "DIAMETER",
    "DP",
    "FUELS",
    "HEAD",
    "HTC",
    "LENGTH",
    "LIQUIDS",
    "MASSFLOW",
    "POWER",
    "PRESSURE",
    "T_HOT",
    "T_WARM",
    "VELOCITY",
    "VISC_LIQ",
    "VOLFLOW",
    "Problem",
    "Sampler",
    "Split",
    "Template",
    "define",
    "mole_fractions",
    "num",
    "q",
    "render",
    "rounded",
    "split_of",
]

Split = Literal["train", "validation", "test"]
Sampler = Callable[[random.Random], dict[str, Any]]


def rounded(x: float, digits: int = 3) -> float:
    """``x`` to ``digits`` significant figures, as an int when it is whole (so it
    is written ``12``, not ``12.0``)."""
    value = float(f"{x:.{digits}g}")
    return int(value) if value.is_integer() and abs(value) < 1e6 else value


def q(rng: random.Random, ranges: Mapping[str, tuple[float, float]]) -> dict[str, Any]:
    """A quantity ``{"value", "unit"}``: a unit drawn from ``ranges``, a value in its range."""
    unit = rng.choice(list(ranges))
    low, high = ranges[unit]
    return {"value": rounded(rng.uniform(low, high)), "unit": unit}


def num(rng: random.Random, low: float, high: float, digits: int = 3) -> float:
    """A plain number in ``[low, high]`` rounded to ``digits`` significant figures."""
    return rounded(rng.uniform(low, high), digits)


def render(value: Any) -> str:
    """An argument as the question writes it.

    >>> render({"value": 1.5, "unit": "m^3/h"}), render(0.25), render(["water", "ethanol"])
    ('1.5 m^3/h', '0.25', 'water and ethanol')
    """
    if isinstance(value, dict) and "value" in value:
        unit = value.get("unit") or ""
        return f"{value['value']:g} {unit}".strip() if unit != "%" else f"{value['value']:g} %"
    if isinstance(value, float | int) and not isinstance(value, bool):
        return f"{value:g}"
    if isinstance(value, list):
        items = [render(v) for v in value]
        return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
    return str(value)


@dataclass(frozen=True)
class Problem:
    """One drawn problem: its question, the tool call that solves it, and the answer's name."""

    template: str  # "<tool>/<wording index>"
    category: str
    tool: str
    target: str
    task: str  # what is computed, e.g. "the Reynolds number"
    question: str
    arguments: dict[str, Any]

    def sub_task(self, limit: int = 240) -> str:
        """The action generator's sub-task: what to compute with every given value."""
        values = "; ".join(f"{k} = {render(v)}" for k, v in self.arguments.items())
        text = f"Compute {self.task} with {values}"
        if len(text) > limit:
            text = f"Compute {self.task}: " + "; ".join(render(v) for v in self.arguments.values())
        return text[:limit]


@dataclass(frozen=True)
class Template:
    """A family of problems that one tool solves, worded several ways."""

    tool: str
    target: str
    task: str
    sample_arguments: Sampler
    wordings: tuple[str, ...]
    category: str = ""
    extra: Mapping[str, Callable[[dict[str, Any]], str]] = field(default_factory=dict)

    def sample(self, rng: random.Random, wording: int | None = None) -> Problem:
        arguments = self.sample_arguments(rng)
        index = rng.randrange(len(self.wordings)) if wording is None else wording
        fields = {k: render(v) for k, v in arguments.items()}
        fields.update({k: f(arguments) for k, f in self.extra.items()})
        return Problem(
            template=f"{self.tool}/{index}",
            category=self.category,
            tool=self.tool,
            target=self.target,
            task=self.task,
            question=self.wordings[index].format(**fields),
            arguments=arguments,
        )


def split_of(template_id: str) -> Split:
    """The split of a template id ``"<tool>/<wording>"``: one wording of each tool for
    test, one for validation, the rest for training; which one is fixed by a hash of
    the tool's name, so the assignment never depends on the seed.

    >>> sorted({split_of(f"reynolds_number/{i}") for i in range(4)})
    ['test', 'train', 'validation']
    """
    # the bank imports this module, so it is looked up when first needed
    from peoa.distill.templates import TEMPLATES

    tool, _, index = template_id.rpartition("/")
    count = len(TEMPLATES[tool].wordings)
    offset = zlib.crc32(tool.encode()) % count
    position = (int(index) - offset) % count
    if position == 0:
        return "test"
    if position == 1 and count >= 4:
        return "validation"
    return "train"


# -- units an engineer writes, with sensible ranges in each --------------------------------
T_WARM = {"°C": (15, 90), "K": (290, 360), "°F": (60, 190)}
T_HOT = {"°C": (100, 250), "K": (380, 520), "°F": (220, 480)}
VELOCITY = {"m/s": (0.5, 4.0), "ft/s": (1.5, 12.0)}
DIAMETER = {"mm": (25, 300), "m": (0.025, 0.3), "in": (1, 12)}
LENGTH = {"m": (10, 500), "ft": (30, 1500)}
DENSITY_LIQ = {"kg/m^3": (700, 1200), "lb/ft^3": (44, 75), "g/cm^3": (0.7, 1.2)}
VISC_LIQ = {"mPa*s": (0.3, 20), "cP": (0.3, 20), "Pa*s": (0.0003, 0.02)}
VOLFLOW = {"m^3/h": (5, 200), "L/s": (1.5, 55), "gpm": (20, 900)}
MASSFLOW = {"kg/s": (0.5, 20), "kg/h": (1800, 72000), "lb/h": (4000, 150000)}
PRESSURE = {"bar": (1.5, 20), "kPa": (150, 2000), "psia": (22, 290), "barg": (0.5, 19)}
DP = {"kPa": (10, 500), "bar": (0.1, 5), "psi": (1.5, 70)}
HEAD = {"m": (5, 120), "ft": (16, 400)}
POWER = {"kW": (50, 2000), "MW": (0.05, 2), "W": (50000, 2000000)}
HTC = {"W/(m^2*K)": (50, 3000), "BTU/(h*ft^2*degF)": (10, 500)}
CP = {"kJ/(kg*K)": (1.8, 4.2), "J/(kg*K)": (1800, 4200)}
CONDUCTIVITY = {"W/(m*K)": (0.1, 0.7)}
LIQUIDS = ("water", "ethanol", "methanol", "benzene", "toluene", "acetone", "n-hexane",
           "n-heptane", "acetic acid", "isopropanol")  # fmt: skip
BINARIES = (("benzene", "toluene"), ("methanol", "water"), ("n-hexane", "n-heptane"),
            ("acetone", "water"), ("ethanol", "water"), ("pentane", "hexane"))  # fmt: skip
FUELS = ("methane", "ethane", "propane", "n-butane", "hydrogen", "methanol", "ethanol")


def mole_fractions(rng: random.Random, n: int) -> list[float]:
    """``n`` fractions, each at least a few per cent, to two decimals, summing to 1."""
    raw = [rng.uniform(0.15, 1.0) for _ in range(n)]
    parts = [round(r / sum(raw), 2) for r in raw[:-1]]
    return [*parts, round(1 - sum(parts), 2)]


def define(tool: str, category: str, target: str, task: str, sampler: Sampler, *wordings: str,
           extra: Mapping[str, Callable[[dict[str, Any]], str]] | None = None) -> Template:  # fmt: skip
    """A :class:`Template`, its wordings given as the trailing arguments."""
    return Template(tool, target, task, sampler, tuple(wordings), category, extra or {})
