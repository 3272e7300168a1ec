"""The unit a question asks its answer in ("…, in kPa?", "Express it in W/(m²·K).").

The meta-agent uses it three ways: a step whose answer has another dimension takes
the tool's output that has the asked one (a tool that returns the pressure and the
head answers "in kPa" with the pressure); a step with no such output fails validation
and is revised; and the final answer is reported in the asked unit.
"""

from __future__ import annotations

import re
from typing import Any

from peoa.experts.base import ExpertResult, Quantity
from peoa.tools.quantity import normalise_unit, ureg

__all__ = ["asked_unit", "in_asked_unit", "pick_asked_output", "unit_dimensionality"]

# "in <unit>" closing a clause: before punctuation, the end, a parenthesis, or the
# words "absolute"/"gauge" ("in bar absolute, does …"); "standard" may come first.
_ASKED = re.compile(
    r"\bin\s+(?:standard\s+)?(?P<unit>[^\s,?;!()]+(?:\([^\s()]*\)[^\s,?;!()]*)*?)"
    r"(?=\s*(?:[?,;!]|\.(?:\s|$)|$)|\s+\(|\s+(?:absolute|gauge)\b)",
    re.IGNORECASE,
)
_SUPERSCRIPTS = str.maketrans({"²": "**2", "³": "**3", "⁻": "-", "¹": "1", "·": "*"})


def _parse(unit: str) -> Any:
    text = normalise_unit(unit.replace("⁻¹", "**-1").replace("⁻²", "**-2").translate(_SUPERSCRIPTS))
    try:
        quantity = ureg.Quantity(1.0, text)
    except Exception:  # pint raises assorted errors (even tokenize's) on prose
        return None
    # A bare "a" (annum) or similar one-letter word after "in" is prose, not a unit.
    if len(unit) == 1 and unit.isalpha() and unit not in {"K", "m", "g", "s", "J", "W"}:
        return None
    return quantity.units


def asked_unit(text: str) -> str | None:
    """The unit ``text`` asks the answer in, as written; ``None`` when it names none.

    >>> asked_unit("What is the absolute pressure in the separator, in kPa?")
    'kPa'
    >>> asked_unit("Water flows in a 50 mm pipe. What is the Reynolds number?") is None
    True
    """
    found = None
    for match in _ASKED.finditer(text):
        before = text[: match.start()]
        if before.count("(") > before.count(")"):
            continue  # "(n in rpm, Q in m³/s)" defines symbols; it asks for nothing
        unit = match.group("unit").rstrip(".")
        parsed = _parse(unit)
        if parsed is not None and not ureg.Quantity(1.0, parsed).dimensionless:
            found = unit
    return found


def unit_dimensionality(unit: str) -> Any:
    """The pint dimensionality of ``unit`` as engineers write it; ``None`` if it is no unit.

    >>> str(unit_dimensionality("m³/h"))
    '[length] ** 3 / [time]'
    >>> unit_dimensionality("modes") is None
    True
    """
    parsed = _parse(unit) if unit else None
    return None if parsed is None else ureg.Quantity(1.0, parsed).dimensionality


def pick_asked_output(result: ExpertResult, asked: str) -> tuple[str, Quantity] | None:
    """The step's one output with the asked unit's dimension, when its answer lacks it."""
    wanted = unit_dimensionality(asked)
    answer = result.answer
    if wanted is None or answer is None or unit_dimensionality(answer.unit) == wanted:
        return None
    matching = [(n, q) for n, q in result.outputs.items() if unit_dimensionality(q.unit) == wanted]
    return matching[0] if len(matching) == 1 else None


def in_asked_unit(quantity: Quantity, asked: str) -> Quantity | None:
    """``quantity`` converted to the asked unit (written as asked), or ``None`` if it cannot be."""
    try:
        value = ureg.Quantity(quantity.value, normalise_unit(quantity.unit) or "")
        converted = value.to(_parse(asked) or "")
    except Exception:  # pint raises assorted errors on units it cannot relate
        return None
    return Quantity(value=float(converted.magnitude), unit=asked)
