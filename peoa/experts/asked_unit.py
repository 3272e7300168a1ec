"""The unit a question asks its answer in ("…, in kPa?", "Express it in W/(m²·K).").

The meta-agent uses it three ways: a step whose answer has another dimension takes
the tool's output that has the asked one (a tool that returns the pressure and the
head answers "in kPa" with the pressure), and among several such outputs the one the
question names ("lower heating value … in MJ/kg" is ``LHV_mass``, not ``HHV_mass``);
a step with no such output fails validation and is revised; and the final answer is
reported in the asked unit. The calculation expert uses :func:`unit_dimensionality` to
tell a plain unit conversion from a computation (:mod:`peoa.experts.conversion`), and
:func:`can_answer_in` to offer the model only tools that can give the asked unit.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from peoa.exceptions import ToolInputError
from peoa.experts.base import ExpertResult, Quantity
from peoa.experts.output_choice import asking_sentence, best_distinguished, named_outputs
from peoa.tools.base import Out
from peoa.tools.quantity import gas_basis_factor, gas_volume_basis, normalise_unit, ureg

__all__ = [
    "asked_unit",
    "can_answer_in",
    "in_asked_unit",
    "pick_asked_output",
    "unit_dimensionality",
]

# "in <unit>" (or "convert … to <unit>") closing a clause: before punctuation, the end,
# a parenthesis, or the words "absolute"/"gauge" ("in bar absolute, does …");
# "standard" may come first.
_ASKED = re.compile(
    r"(?:\bin|\b(?:convert|express|change)\b(?:[^.?!;]|\.(?=\d))*?\b(?:to|into))"
    r"\s+(?:standard\s+)?(?P<unit>[^\s,?;!()]+(?:\([^\s()]*\)[^\s,?;!()]*)*?)"
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
    >>> asked_unit("The header pressure is 7 bar. Convert the header pressure to kPa.")
    'kPa'
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


def can_answer_in(outputs: Mapping[str, Out], asked: str) -> bool:
    """Whether a tool with ``outputs`` computes a number in the ``asked`` unit: one of its
    outputs has that dimension. A conversion's result (``unit_convert``: its unit is
    the one asked) computes nothing: offered alone, it would convert the question's
    temperature for its dew point.

    >>> from peoa.tools import get_registry
    >>> can_answer_in(get_registry().get("flow_meter_dp").outputs, "kg/s")
    False
    >>> can_answer_in(get_registry().get("flow_meter_flow").outputs, "kg/s")
    True
    >>> can_answer_in(get_registry().get("unit_convert").outputs, "degF")
    False
    """
    wanted = unit_dimensionality(asked)
    for out in outputs.values():
        if out.unit_from is not None and out.units is None:
            continue
        units = list(out.units.values()) if out.units else [out.unit]
        if any(u is not None and unit_dimensionality(u) == wanted for u in units if u):
            return True
    return False


def unit_dimensionality(unit: str) -> Any:
    """The pint dimensionality of ``unit`` as engineers write it; ``None`` if it is no unit.

    >>> str(unit_dimensionality("m³/h"))
    '[length] ** 3 / [time]'
    >>> unit_dimensionality("modes") is None
    True
    """
    parsed = _parse(unit) if unit else None
    return None if parsed is None else ureg.Quantity(1.0, parsed).dimensionality


def pick_asked_output(
    result: ExpertResult,
    asked: str,
    text: str = "",
    descriptions: Mapping[str, str] | None = None,
) -> tuple[str, Quantity] | None:
    """The output to answer with instead of the step's own choice, or ``None`` to keep it.

    Among the outputs with the asked unit's dimension, it is the only one; or the one
    ``text`` (the task) names, or distinguishes by its words ("lower" against "higher"),
    in the sentence that asks. When the step's answer lacks the dimension, the rest of
    the task and the step's own choice may distinguish it too (``LHV`` in J/mol asked
    in MJ/kg is ``LHV_mass``). ``descriptions`` are the outputs' descriptions.
    """
    wanted = unit_dimensionality(asked)
    answer = result.answer
    if wanted is None or answer is None:
        return None
    current = next((n for n, q in result.outputs.items() if q == answer), None)
    pool = {n: q for n, q in result.outputs.items() if unit_dimensionality(q.unit) == wanted}
    fits = unit_dimensionality(answer.unit) == wanted
    if not pool or (fits and current not in pool):
        return None  # nothing to take, or an answer that fits but is not among the outputs
    said = {n: (descriptions or {}).get(n, "") for n in result.outputs}
    among = {n: said[n] for n in pool}
    asking = asking_sentence(text)
    clues = [asking] if fits else [asking, text, f"{current} {said.get(current, '')}"]
    choice = next(iter(pool)) if len(pool) == 1 else None
    for clue in clues if choice is None else []:
        named = named_outputs(clue, among)
        choice = named[0] if len(named) == 1 else best_distinguished(clue, among)
        if choice is not None:
            break
    return None if choice is None or choice == current else (choice, pool[choice])


def in_asked_unit(quantity: Quantity, asked: str) -> Quantity | None:
    """``quantity`` converted to the asked unit (written as asked), or ``None`` if it cannot be.

    Standard and normal gas volumes convert as amounts of gas, as in ``unit_convert``.
    Unlike there, a plain volume asked as a standard one keeps pint's 1:1 reading: a
    tool's standard flow is reported in m3/s at its own base (``gas_pipeline_flow``).


    >>> round(in_asked_unit(Quantity(value=1.0, unit="MMscfd"), "Nm3/d").value)
    26791
    """
    try:
        value = ureg.Quantity(quantity.value, normalise_unit(quantity.unit) or "")
        converted = value.to(_parse(asked) or "")
    except Exception:  # pint raises assorted errors on units it cannot relate
        return None
    factor = 1.0
    if gas_volume_basis(quantity.unit) is not None and gas_volume_basis(asked) is not None:
        try:
            factor = gas_basis_factor(quantity.unit, asked)
        except ToolInputError:
            return None
    return Quantity(value=float(converted.magnitude) * factor, unit=asked)
