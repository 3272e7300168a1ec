"""Checks on every expert result: schema, units and physical sanity."""

from __future__ import annotations

import math
import re

import pint

from peoa.agent.definitions import Sanity
from peoa.experts.base import ExpertResult, Quantity
from peoa.tools.quantity import ureg

__all__ = ["validate_result"]


def _check_quantity(name: str, quantity: Quantity, sanity: Sanity) -> list[str]:
    if not math.isfinite(quantity.value):
        return [f"{name} is {quantity.value}, not a finite number"]
    try:
        value = ureg.Quantity(quantity.value, quantity.unit or "")
    except (pint.errors.PintError, ValueError, TypeError, AttributeError):
        return [f"{name} has unit {quantity.unit!r}, which pint cannot read"]
    errors: list[str] = []
    # Whole parts of the name: "eta_p" and "pump_efficiency" are efficiencies, Underwood's
    # "theta" (which holds "eta") is not.
    parts = set(re.split(r"[^a-z0-9]+", name.lower()))
    if parts & set(sanity.efficiency_names) and value.dimensionless:
        magnitude = value.to("").magnitude
        if not 0 < magnitude <= 1:
            errors.append(f"{name} = {magnitude:.4g} is an efficiency outside (0, 1]")
    for dims, (low, high) in sanity.ranges().items():
        if value.dimensionality != ureg.get_dimensionality(dims):
            continue
        if dims == "[temperature]" and "delta_" in str(value.units):
            # A temperature difference may be negative and has no absolute range to respect.
            continue
        base = value.to_base_units().magnitude
        if dims == "[temperature]" and base <= 0:
            errors.append(f"{name} = {quantity.value} {quantity.unit} is below absolute zero")
        elif name in sanity.absolute_pressure_names and base <= 0:
            errors.append(
                f"{name} = {quantity.value} {quantity.unit} is not a positive absolute pressure"
            )
        elif not low <= base <= high:
            errors.append(
                f"{name} = {quantity.value:.4g} {quantity.unit} is outside the plausible range "
                f"[{low:.3g}, {high:.3g}] {value.to_base_units().units:~}"
            )
    return errors


def validate_result(result: ExpertResult, sanity: Sanity) -> list[str]:
    """Return the problems found in ``result``; an empty list means it passed.

    >>> from peoa.agent.definitions import load_definitions
    >>> sanity = load_definitions()[0].sanity
    >>> ok = ExpertResult(expert="calculation", sub_task="T", ok=True,
    ...                   answer=Quantity(value=-5.0, unit="K"))
    >>> validate_result(ok, sanity)
    ['answer = -5.0 K is below absolute zero']
    >>> drop = ExpertResult(expert="calculation", sub_task="T", ok=True,
    ...                     answer=Quantity(value=-9.0, unit="delta_degF"))
    >>> validate_result(drop, sanity)
    []
    >>> roots = ExpertResult(expert="calculation", sub_task="R", ok=True,
    ...                      answer=Quantity(value=1.44, unit=""),
    ...                      outputs={"theta": Quantity(value=1.48, unit=""),
    ...                               "eta_p": Quantity(value=1.2, unit="")})
    >>> validate_result(roots, sanity)
    ['eta_p = 1.2 is an efficiency outside (0, 1]']
    """
    if not result.ok:
        return [result.error or f"the {result.expert} expert reported a failure without a reason"]
    if result.answer is None and not result.text.strip():
        return [f"the {result.expert} expert returned neither a number nor an answer text"]
    errors: list[str] = []
    if result.answer is not None:
        errors += _check_quantity("answer", result.answer, sanity)
    for name, quantity in result.outputs.items():
        errors += [e for e in _check_quantity(name, quantity, sanity) if e not in errors]
    return errors
