"""The answer as reported: in the unit the question asks for, when it asks for one.

Standard and normal gas volumes convert as amounts of gas, as in ``unit_convert``;
"in the same unit" is the unit of the given value of the answer's dimension.

>>> from peoa.reading import read_question
>>> reading = read_question("A pump gives 35 m of head. What is that head in ft?")
>>> in_asked_unit(Quantity(value=35.0, unit="m"), reading).unit
'ft'
>>> round(in_asked_unit(Quantity(value=1.0, unit="MMscfd"), read_question("In Nm3/d?")).value)
26791
>>> in_asked_unit(Quantity(value=1.0, unit="bar"), read_question("What is it in kPa absolute?")).unit
'kPaa'
"""

from __future__ import annotations

from peoa.exceptions import ToolInputError
from peoa.experts.base import Quantity
from peoa.reading.model import Reading
from peoa.reading.units import dimensionality_of
from peoa.tools.quantity import gas_basis_factor, gas_volume_basis, parse_quantity

__all__ = ["asked_unit_fits", "in_asked_unit"]


def _target(answer: Quantity, reading: Reading) -> tuple[str, str] | None:
    """``(pint unit, unit as written)`` the answer should be given in, or ``None``."""
    asked = reading.asked
    if asked.unit is not None:
        return asked.unit, asked.unit_written or asked.unit
    if asked.same_unit:
        wanted = dimensionality_of(answer.unit)
        for mention in reading.data():
            if mention.unit_written and mention.dimensionality == wanted:
                return mention.unit, mention.unit_written
    return None


def _convert(answer: Quantity, unit: str) -> float | None:
    try:
        value = parse_quantity(answer.value, answer.unit).to(parse_quantity(1.0, unit).units)
    except Exception:  # pint raises assorted errors on units it cannot relate
        return None
    factor = 1.0
    if gas_volume_basis(answer.unit) is not None and gas_volume_basis(unit) is not None:
        try:
            factor = gas_basis_factor(answer.unit, unit)
        except ToolInputError:
            return None
    return float(value.magnitude) * factor


def _readable(unit: str) -> bool:
    try:
        parse_quantity(1.0, unit)
    except Exception:  # pint raises assorted errors on text it cannot read
        return False
    return True


def in_asked_unit(answer: Quantity, reading: Reading) -> Quantity:
    """``answer`` in the asked unit when it converts to it, else as is.

    The unit is written as the question wrote it when pint reads that back ("°C",
    "psig"), else as pint names it ("kPa absolute" is given as kPaa, "kg of water per kg
    of dry air" as kg/kg): a Solution's unit is always one a program can read.
    """
    target = _target(answer, reading)
    if target is None:
        return answer
    value = _convert(answer, target[0])
    if value is None:
        return answer
    unit, written = target
    return Quantity(value=value, unit=written if _readable(written) else unit)


def asked_unit_fits(answer: Quantity, reading: Reading) -> bool:
    """Whether the answer can be given in the asked unit (true when none is asked)."""
    asked = reading.asked.unit
    return asked is None or _convert(answer, asked) is not None
