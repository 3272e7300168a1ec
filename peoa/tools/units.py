"""Unit conversion through the project's pint registry, temperature offsets and gauge
pressures included."""

from __future__ import annotations

from typing import Annotated

import pint

from peoa.exceptions import ToolInputError
from peoa.tools.base import Out, P, tool
from peoa.tools.quantity import as_interval, normalise_unit, parse_quantity

__all__ = ["TOOLS", "unit_convert"]


@tool(
    topic="units",
    reference="pint (SI Brochure 9th ed. 2019; NIST SP 811); gauge pressures offset by "
    "1 standard atmosphere",
    outputs={"value": Out(None, "the converted value"), "unit": Out(None, "the unit converted to")},
)
def unit_convert(
    value: Annotated[float, P("the number to convert")],
    from_unit: Annotated[str, P("unit of the value, e.g. 'degF', 'psig', 'lb/h', 'BTU/h/ft^2'")],
    to_unit: Annotated[str, P("unit wanted, e.g. 'degC', 'bar', 'kg/s', 'W/m^2'")],
    difference: Annotated[
        bool,
        P(
            "the value is a temperature or pressure difference, so "
            "offsets do not apply (10 degC rise = 18 degF rise)"
        ),
    ] = False,
) -> dict[str, object]:
    """Convert a value between units of the same dimension, including temperature scales
    (degC, degF, K, degR), gauge and absolute pressure (psig, barg, psia, bara), and
    compound units. Set difference=true for temperature or pressure differences."""
    quantity = parse_quantity(value, from_unit)
    target = normalise_unit(to_unit)
    try:
        if difference:
            quantity = as_interval(quantity)
            target_unit = as_interval(parse_quantity(1.0, to_unit)).units
            converted = quantity.to(target_unit)
        else:
            converted = quantity.to(target)
    except pint.errors.DimensionalityError:
        raise ToolInputError(
            f"unit_convert: cannot convert {from_unit!r} ({quantity.dimensionality}) to "
            f"{to_unit!r} ({parse_quantity(1.0, to_unit).dimensionality})"
        ) from None
    return {"value": float(converted.magnitude), "unit": to_unit}


TOOLS = (unit_convert,)
