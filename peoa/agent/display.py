"""The answer in the engineer's unit, when the question asks for none.

Tools compute in SI base units (W, Pa, K, m²); an engineer reads a pump's power in kW
or hp, a relief orifice in mm² or in², a temperature in °C or °F. The unit shown is, in
order: the unit the question writes for a value of the same dimension (it gives its
flows in m³/h: the answer flow is in m³/h too); else the trade's customary unit for the
answer's quantity kind, then for its dimension, in the question's unit system (US
customary when most of its written units are; SI otherwise, or as configured).

>>> from peoa.reading import read_question
>>> from peoa.experts.base import Quantity
>>> si = read_question("A pump delivers 20 m3/h against 35 m of head. What power?")
>>> in_display_unit(Quantity(value=2718.6, unit="W"), "shaft_power", si).unit
'kW'
>>> us = read_question("A pump delivers 90 gpm against 115 ft of head. What power?")
>>> in_display_unit(Quantity(value=2718.6, unit="W"), "shaft_power", us).unit
'hp'
>>> shown(Quantity(value=0.0011034, unit="m**2")), shown(Quantity(value=36, unit="m3/h"))
('0.001103 m²', '36.00 m³/h')

A solved answer is shown again in another system from its SI value, without solving
again (the web chat's per-session choice): ``answer_in_units(solution, "us")``.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Literal

from peoa.experts.base import Quantity
from peoa.reading.model import Reading
from peoa.tools.kinds import kind as kind_entry
from peoa.tools.quantity import dimension_of_unit, parse_quantity

if TYPE_CHECKING:
    from peoa.agent.solution import Solution

__all__ = ["UnitSystem", "answer_in_units", "in_display_unit", "shown", "unit_system"]

UnitSystem = Literal["auto", "si", "us"]

# The trade's unit for a quantity kind, where it differs from its dimension's.
_BY_KIND: dict[str, tuple[str, str]] = {
    "heat_duty": ("kW", "BTU/h"),
    "shaft_power": ("kW", "hp"),
    "hydraulic_power": ("kW", "hp"),
    "motor_rating": ("kW", "hp"),
    "electrical_power": ("kW", "kW"),
    "orifice_area": ("mm**2", "in**2"),
    "inside_diameter": ("mm", "in"),
    "outside_diameter": ("mm", "in"),
    "bore_diameter": ("mm", "in"),
    "particle_diameter": ("mm", "in"),
    "impeller_diameter": ("mm", "in"),
    "wall_thickness": ("mm", "in"),
    "roughness": ("mm", "in"),
    "head": ("m", "ft"),
    "heat_transfer_area": ("m**2", "ft**2"),
}
# ... and for each dimension: (SI, US customary).
_BY_DIMENSION: dict[str, tuple[str, str]] = {
    "power": ("kW", "hp"),
    "pressure": ("kPa", "psi"),
    "pressure_difference": ("kPa", "psi"),
    "temperature": ("degC", "degF"),
    "temperature_difference": ("K", "delta_degF"),
    "volumetric_flow": ("m**3/h", "gpm"),
    "mass_flow": ("kg/h", "lb/h"),
    "molar_flow": ("kmol/h", "lbmol/h"),
    "length": ("m", "ft"),
    "area": ("m**2", "ft**2"),
    "volume": ("m**3", "ft**3"),
    "mass": ("kg", "lb"),
    "velocity": ("m/s", "ft/s"),
    "density": ("kg/m**3", "lb/ft**3"),
    "dynamic_viscosity": ("mPa*s", "cP"),
    "kinematic_viscosity": ("mm**2/s", "cSt"),
    "energy": ("kJ", "BTU"),
    "specific_energy": ("kJ/kg", "BTU/lb"),
    "specific_heat": ("kJ/(kg*K)", "BTU/(lb*degR)"),
    "molar_energy": ("kJ/mol", "BTU/lbmol"),
    "heat_flux": ("kW/m**2", "BTU/(h*ft**2)"),
    "heat_transfer_coefficient": ("W/(m**2*K)", "BTU/(h*ft**2*degR)"),
    "thermal_conductivity": ("W/(m*K)", "BTU/(h*ft*degR)"),
}
# Units a question written in US customary units uses (as pint spells them).
_US_UNITS = frozenset(
    """psi psig psia degF degR ft inch in lb lbf lbm gpm gallon BTU hp mil mile yd cfm
    scf MMscfd acfm barrel bbl lbmol ton_of_refrigeration""".split()
)


def unit_system(reading: Reading) -> Literal["si", "us"]:
    """``"us"`` when most of the question's written units are US customary."""
    us = si = 0
    for mention in reading.data():
        if not mention.unit_written or mention.dimensionless:
            continue
        names = set(mention.unit.replace("*", " ").replace("/", " ").replace("(", " ")
                    .replace(")", " ").split())  # fmt: skip
        if names & _US_UNITS or any(n.startswith(("ft", "inch", "lb", "BTU")) for n in names):
            us += 1
        else:
            si += 1
    return "us" if us > si else "si"


def _same_dimension_unit(quantity: Quantity, reading: Reading) -> str | None:
    """The unit the question writes for a value of the answer's dimension, made absolute
    or a plain interval where it writes a gauge pressure or a temperature."""
    wanted = dimension_of_unit(quantity.unit)
    for mention in reading.data():
        if not mention.unit_written or dimension_of_unit(mention.unit) != wanted:
            continue
        unit = mention.unit
        if unit.endswith(("g", "a")) and unit[:-1] in {"psi", "bar", "kPa", "MPa"}:
            unit = unit[:-1]  # psig, bara: the answer is not known to be gauge
        return unit
    return None


def in_display_unit(
    quantity: Quantity, kind: str | None, reading: Reading, units: UnitSystem = "auto"
) -> Quantity:
    """``quantity`` in the unit an engineer reads it in (see the module docstring)."""
    dimension = dimension_of_unit(quantity.unit)
    if dimension is None or dimension == "dimensionless":
        return quantity
    candidates: list[str] = []
    if units == "auto":
        same = _same_dimension_unit(quantity, reading)
        if same is not None:
            candidates.append(same)
    system = unit_system(reading) if units == "auto" else units
    column = 0 if system == "si" else 1
    if kind is not None and kind in _BY_KIND:
        candidates.insert(0, _BY_KIND[kind][column])  # a kind's unit beats a sibling value's
    elif kind is not None and (broader := kind_entry(kind).broader) in _BY_KIND:
        candidates.insert(0, _BY_KIND[broader][column])
    if dimension in _BY_DIMENSION:
        candidates.append(_BY_DIMENSION[dimension][column])
    for unit in candidates:
        try:
            value = parse_quantity(quantity.value, quantity.unit).to(
                parse_quantity(1.0, unit).units
            )
        except Exception:  # pint raises assorted errors on units it cannot relate
            continue
        return Quantity(value=float(value.magnitude), unit=unit)
    return quantity


def answer_in_units(solution: Solution, units: UnitSystem) -> Quantity | None:
    """The answer of ``solution`` shown in the ``units`` system, converted from its SI value.

    The unit the question asks for still wins ("What is the power in kW?" stays in kW);
    ``None`` when the solution has no single number (a failure, a text answer, parts).
    The question is read again (cheap, deterministic) for its asked unit and its own
    units; the quantity kind is the answering plan step's.

    >>> from peoa.agent.solution import Solution
    >>> def solved(question: str, unit: str) -> Solution:
    ...     return Solution(question=question, thread_id="t", status="answered",
    ...                     answer=2.7186, unit=unit, si_answer=2718.6, si_unit="W")
    >>> shown(answer_in_units(solved("A pump needs 20 m3/h. What power?", "kW"), "us"))
    '3.646 hp'
    >>> shown(answer_in_units(solved("A pump needs 20 m3/h. What power in kW?", "kW"), "us"))
    '2.719 kW'
    """
    from peoa.agent.answer import in_asked_unit
    from peoa.reading import read_question

    if solution.answer is None or solution.si_answer is None or not solution.si_unit:
        return None
    given = Quantity(value=solution.answer, unit=solution.unit or "")
    si = Quantity(value=solution.si_answer, unit=solution.si_unit)
    reading = read_question(solution.resolved_question or solution.question)
    if in_asked_unit(si, reading) is not si:
        return given  # the asked unit
    kind = solution.plans[-1].answer_step.kind if solution.plans else None
    return in_display_unit(si, kind, reading, units)


_PRETTY = {"**2": "²", "**3": "³", "degC": "°C", "degF": "°F", "delta_degF": "°F",
           "degR": "°R", "*": "·"}  # fmt: skip


def shown(quantity: Quantity, significant: int = 4) -> str:
    """``"2.719 kW"``: the value to ``significant`` figures and the unit as printed."""
    value = quantity.value
    if value == 0 or not math.isfinite(value):
        text = f"{value:g}"
    else:
        digits = significant - 1 - math.floor(math.log10(abs(value)))
        rounded = round(value, digits)
        text = (
            f"{rounded:.{max(digits, 0)}f}"
            if -4 < math.log10(abs(value)) < 9
            else f"{value:.{significant}g}"
        )
    unit = quantity.unit or ""
    for raw, pretty in sorted(_PRETTY.items(), key=lambda item: -len(item[0])):
        unit = unit.replace(raw, pretty)
    unit = re.sub(r"\b(m|cm|mm|ft|in)([23])\b", lambda m: m[1] + "²³"[int(m[2]) - 2], unit)
    return f"{text} {unit}".strip()
