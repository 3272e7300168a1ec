"""Is an answer right? Converted to the reference unit with pint, within ``rel_tol``."""

from __future__ import annotations

import math
import re

import pint

from peoa.tools.quantity import normalise_unit, ureg

__all__ = ["read_unit", "score_answer", "unit_problem"]

_BARE_POWER = re.compile(r"(?<=[A-Za-z])([23])(?![\d.])")


def read_unit(unit: str) -> str:
    """``unit`` as pint reads it: gauge spellings named, ``m3`` written ``m**3``.

    >>> read_unit("m3/h"), read_unit("kg/m^3"), read_unit("bar(g)")
    ('m**3/h', 'kg/m**3', 'barg')
    """
    return _BARE_POWER.sub(r"**\1", normalise_unit(unit))


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
        given = ureg.Quantity(value, read_unit(unit or ""))
        converted = given.to(read_unit(reference_unit) or "").magnitude
    except (pint.errors.PintError, ValueError, TypeError, AttributeError):
        return False, False
    return math.isclose(converted, reference, rel_tol=rel_tol), True


def unit_problem(unit: str) -> str | None:
    """Why pint cannot read ``unit`` (one line), or None when it can.

    >>> unit_problem("kPa") is None
    True
    >>> unit_problem("blorps")
    "unit 'blorps' is not one pint can read..."
    """
    try:
        text = read_unit(unit)
        ureg.Quantity(1.0, text) if text else ureg.Quantity(1.0)
    except (pint.errors.PintError, ValueError, TypeError, AttributeError) as error:
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        return f"unit {unit!r} is not one pint can read ({first})"
    return None
