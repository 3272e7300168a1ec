"""How a tool declares what it takes and gives, and what a call returns.

:class:`Q` is a quantity parameter (its kind fixes its dimension), :class:`P` a plain
one (text, a choice, a count, a flag, a list), :class:`Out` an output; a tool function
may return an :class:`Outcome` (values with the method used), and every call answers a
:class:`ToolResult` whose values carry their units. :mod:`peoa.tools.base` builds the
:class:`~peoa.tools.base.Tool` from these.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from peoa.exceptions import ToolError, ToolInputError
from peoa.tools.kinds import kind
from peoa.tools.quantity import DIMENSIONS, ureg

__all__ = [
    "SUBSTANCE",
    "Out",
    "Outcome",
    "P",
    "Q",
    "ToolResult",
    "Value",
    "in_range",
    "range_text_of",
]

SUBSTANCE = "substance"
"""The quantity a chemical-name input takes: a substance the question names."""


def range_text_of(
    gt: float | None, ge: float | None, lt: float | None, le: float | None, unit: str = ""
) -> str:
    """A range in words: ``"> 0 m and <= 5 m"``."""
    suffix = f" {unit}" if unit else ""
    parts = []
    if gt is not None:
        parts.append(f"> {gt:g}{suffix}")
    if ge is not None:
        parts.append(f">= {ge:g}{suffix}")
    if lt is not None:
        parts.append(f"< {lt:g}{suffix}")
    if le is not None:
        parts.append(f"<= {le:g}{suffix}")
    return " and ".join(parts)


def in_range(
    x: float, gt: float | None, ge: float | None, lt: float | None, le: float | None
) -> bool:
    """Whether ``x`` lies inside the bounds given (None: no bound on that side)."""
    return not (
        (gt is not None and not x > gt)
        or (ge is not None and not x >= ge)
        or (lt is not None and not x < lt)
        or (le is not None and not x <= le)
    )


@dataclass(frozen=True)
class Q:
    """A quantity parameter: its kind (of the vocabulary in ``graph_schema/quantities.toml``,
    :mod:`peoa.tools.kinds`), which fixes its dimension, and its allowed range.

    ``unit`` is the unit the function receives (default: the dimension's SI unit);
    the range bounds are in that unit. ``Annotated[float, Q("inside_diameter", "pipe
    inner diameter", gt=0)]`` makes the function receive metres, above zero.

    ``gas_basis`` names a standard or normal volume unit (``"Nm3"``) when the function
    takes a gas volume at that unit's reference conditions: a value given in another
    basis (``MMscfd``) is converted as an amount of gas, not 1:1 as a volume.
    ``base_conditions`` names the function's arguments that state those reference
    conditions instead (``T_standard``, ``P_standard``): a value in a standard or normal
    unit already states them, so giving both is refused rather than guessed.

    ``written`` marks a value only the question gives: no chain of tools feeds it.
    """

    kind: str
    description: str = ""
    unit: str | None = None
    gt: float | None = None
    ge: float | None = None
    lt: float | None = None
    le: float | None = None
    gas_basis: str | None = None
    base_conditions: tuple[str, ...] = ()
    # A list with one entry per species of the question's chemical equation ("feed"):
    # the value written for a species ("CA0 = 2 mol/L") in its place, 0 for the others.
    reaction: str | None = None
    # True: the question must write this value; the planner never computes it with
    # another tool (each stream a blend mixes is one the question describes).
    written: bool = False

    def __post_init__(self) -> None:
        try:
            kind(self.kind)
        except ToolError as error:
            raise ValueError(str(error)) from None

    @property
    def dimension(self) -> str:
        """The kind's dimension (a key of ``DIMENSIONS``)."""
        return kind(self.kind).dimension

    @property
    def target(self) -> str:
        return self.unit if self.unit is not None else DIMENSIONS[self.dimension].si_unit

    def range_text(self) -> str:
        return range_text_of(self.gt, self.ge, self.lt, self.le, self.target)

    def contains(self, value: float) -> bool:
        """Whether ``value``, in the unit the function receives, is inside the range."""
        return in_range(value, self.gt, self.ge, self.lt, self.le)


@dataclass(frozen=True)
class P:
    """A plain parameter (text, choice, integer, flag, list): its description and limits."""

    description: str = ""
    choices: tuple[str, ...] | None = None
    gt: float | None = None
    ge: float | None = None
    lt: float | None = None
    le: float | None = None
    # A text parameter that is the unit of a number parameter (unit_convert's from_unit
    # of value): the experts hold it to the unit the task writes after that number.
    unit_of: str | None = None
    # A flag the task settles in words ("water is heated" for Dittus-Boelter's heating):
    # the experts set it from these words, whole and in any case, when the task writes
    # the words of one side only.
    said_true: tuple[str, ...] = ()
    said_false: tuple[str, ...] = ()
    # A choice the task settles in words other than the choice's own ("water" for a
    # liquid): (choice, words) pairs; the experts set the one choice whose words, or
    # whose own name, the task writes.
    said_choice: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # A text parameter (or list) that names chemicals: the experts hold each name to one
    # the task writes, by that name, the chemical's own name, its formula or CAS number.
    chemical: bool = False
    # What the question's chemical equation gives (peoa/planning/reaction_binding.py): its
    # "species", "coefficients" (negative for reactants), "phases", the "key" reactant,
    # the rate law's "orders", the "rate_constant" written with it or the "feed_ratios"
    # its words state.
    reaction: str | None = None

    def range_text(self) -> str:
        return range_text_of(self.gt, self.ge, self.lt, self.le)


@dataclass(frozen=True)
class Out:
    """An output: its unit (``""`` dimensionless, ``None`` for text/flags), meaning and kind.

    ``kind`` names the quantity it gives (``"shaft_power"``); without one, a number's
    kind is the generic kind of its unit's dimension. A tool whose output's kind and
    unit disagree is refused when it is built.

    ``unit_from`` names a text argument whose value is the output's unit, for a tool
    whose result unit is chosen by the caller (``unit_convert``'s ``to_unit``): that
    argument must read as a pint unit before the call, and the result carries it. With
    ``units``, the argument's value is a name (a choice such as ``"Cv"``) and ``units``
    gives the unit for each.

    ``needs`` names the optional arguments without which the output is null (an
    affinity law's new head needs the old ``head``); an entry that is a tuple is met by
    any one of its names. The planner gives such an output only from a plan that binds
    what it needs.
    """

    unit: str | None
    description: str
    unit_from: str | None = None
    units: Mapping[str, str] | None = None
    kind: str | None = None
    many: bool = False  # a list, one value per component or stage: never one argument's value
    needs: tuple[str | tuple[str, ...], ...] = ()

    def __post_init__(self) -> None:
        if self.unit_from is not None and self.unit is not None:
            raise ValueError("an Out takes a fixed unit or unit_from, not both")
        if self.units is not None and self.unit_from is None:
            raise ValueError("an Out's units name the unit for each value of unit_from")


@dataclass
class Outcome:
    """What a tool function may return instead of a plain dict: values plus the method used."""

    values: Mapping[str, Any]
    method: str | None = None
    warnings: list[str] = field(default_factory=list)


class Value(BaseModel):
    """A value with its unit (``None`` for text, flags and choices; ``""`` dimensionless)."""

    value: Any
    unit: str | None = None


class ToolResult(BaseModel):
    """The answer of one tool call: normalised inputs and outputs, each with its unit."""

    tool: str
    inputs: dict[str, Value]
    outputs: dict[str, Value]
    method: str | None = None
    reference: str
    warnings: list[str] = []

    def value(self, name: str, unit: str | None = None) -> Any:
        """Output ``name``, converted to ``unit`` when given (``result.value("dP", "psi")``)."""
        if name not in self.outputs:
            raise ToolInputError(
                f"tool {self.tool!r} has no output {name!r}; it has {', '.join(self.outputs)}"
            )
        out = self.outputs[name]
        if unit is None or out.unit is None:
            return out.value
        if isinstance(out.value, list):
            return [float(ureg.Quantity(v, out.unit or "").to(unit).magnitude) for v in out.value]
        return float(ureg.Quantity(out.value, out.unit or "").to(unit).magnitude)
