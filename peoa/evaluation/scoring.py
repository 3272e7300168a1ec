"""Is an answer right? Converted to the reference unit with pint, within ``rel_tol``."""

from __future__ import annotations

import math

import pint

from peoa.tools.quantity import normalise_unit, ureg

__all__ = ["score_answer"]


def score_answer(
    value: float | None, unit: str | None, reference: float, reference_unit: str, rel_tol: float
) -> tuple[bool, bool]:
    """Return ``(correct, unit_ok)``: the value within tolerance, and a compatible unit.

    >>> score_answer(2.72, "kW", 2720.0, "W", 0.02)
    (True, True)
    >>> score_answer(2.72, "m", 2720.0, "W", 0.02)
    (False, False)
    """
    if value is None or not math.isfinite(value):
        return False, False
    try:
        given = ureg.Quantity(value, normalise_unit(unit or ""))
        converted = given.to(normalise_unit(reference_unit) or "").magnitude
    except (pint.errors.PintError, ValueError, TypeError, AttributeError):
        return False, False
    return math.isclose(converted, reference, rel_tol=rel_tol), True
