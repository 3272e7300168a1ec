"""Which of the values a question gives no step of its solution used.

A small model may answer a two-step problem in one step: a pump's shaft power from the
static lift alone, while the question also gives the pipe's length, diameter, roughness
and the water's viscosity for the friction loss (dev ``pumps-006``: 1.80 kW for 2.49).
Every step is valid, so nothing fails; but data the question gives and no step touched
says the answer leaves part of the problem out. The meta-agent then withholds it
(``Limits.max_unused_values``) instead of reporting a confident wrong number.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from typing import Any

from peoa.agent.solution import StepRecord
from peoa.exceptions import ToolInputError
from peoa.experts.grounding import WrittenNumber, dimensioned_numbers, written_numbers
from peoa.tools import ToolRegistry
from peoa.tools.base import Q
from peoa.tools.quantity import parse_quantity, ureg

__all__ = ["assigned_numbers", "unused_values"]


def unused_values(
    question: str, steps: Iterable[StepRecord], registry: ToolRegistry
) -> list[WrittenNumber] | None:
    """The numbers ``question`` writes with a unit that none of ``steps`` used: not as a
    tool argument, not in generated code, and not as the default of an argument the
    tool was left to assume (a steel pipe's 0.046 mm roughness). ``None`` when the
    steps cannot say (a knowledge step reasons in text).

    >>> from peoa.agent.solution import StepRecord
    >>> from peoa.experts.base import ExpertResult, ToolCall
    >>> from peoa.tools import get_registry
    >>> call = ToolCall(tool="pipe_pressure_drop", arguments={
    ...     "volumetric_flow": {"value": 30, "unit": "m3/h"}, "length": {"value": 120, "unit": "m"},
    ...     "diameter": {"value": 77.9, "unit": "mm"}, "density": {"value": 998, "unit": "kg/m3"},
    ...     "viscosity": {"value": 1.0, "unit": "cP"}})
    >>> step = StepRecord(index=1, expert="calculation", sub_task="dP", result=ExpertResult(
    ...     expert="calculation", sub_task="dP", ok=True, tool_calls=[call]))
    >>> text = ("30 m3/h of water (998 kg/m3, 1.0 cP) through 120 m of 77.9 mm pipe "
    ...         "(0.046 mm roughness) up 15 m")
    >>> [f"{w.value:g} {w.unit}" for w in unused_values(text, [step], get_registry())]
    ['15 m']
    """
    used: list[float] = []
    assumed: list[Any] = []  # defaults of the arguments the tools were left to assume
    for step in steps:
        if step.expert != "calculation" and not step.result.code:
            return None
        if step.result.code:
            used += [w.value for w in written_numbers(step.result.code)]
        for call in step.result.tool_calls:
            if call.error is not None:
                continue
            used += list(_numbers(call.arguments))
            if call.tool in registry:
                tool = registry.get(call.tool)
                assumed += [
                    ureg.Quantity(p.default, p.spec.target)
                    for name, p in tool.params.items()
                    if isinstance(p.spec, Q)
                    and name not in call.arguments
                    and isinstance(p.default, int | float)
                    and not isinstance(p.default, bool)
                ]
    return [
        w
        for w in [*dimensioned_numbers(question), *assigned_numbers(question)]
        if not any(_same(w.value, u) for u in used) and not _is_assumed(w, assumed)
    ]


# "K = 0.15", "FL = 0.9": a symbol given a bare number is data as much as "0.15 bar"
# is; not a coefficient of a formula ("Nu = 0.023 Re^0.8").
_ASSIGNED = re.compile(
    r"(?<![\w.])[A-Za-z][A-Za-z0-9_]{0,5}\s*=\s*(?P<number>\d[\d,]*\.?\d*(?:[eE][-+]?\d+)?)"
    r"(?!\w|\.\w|\s*[\^*/]|\s+[A-Za-z]\w*\s*[\^*/])"
)


def assigned_numbers(text: str) -> list[WrittenNumber]:
    """The numbers ``text`` gives a symbol with no unit after them.

    >>> [w.value for w in assigned_numbers("K = 0.15 each, FL = 0.9, k = 45 W/(m K), K = 2.0.")]
    [0.15, 0.9, 2.0]
    >>> assigned_numbers("Dittus-Boelter (Nu = 0.023 Re^0.8 Pr^0.4), Re = 2.1e4*x")
    []
    """
    with_units = [w.value for w in dimensioned_numbers(text)]
    found = (float(m.group("number").replace(",", "")) for m in _ASSIGNED.finditer(text))
    return [WrittenNumber(n, "") for n in found if not any(_same(n, u) for u in with_units)]


def _numbers(value: Any) -> Iterator[float]:
    if isinstance(value, bool):
        return
    if isinstance(value, int | float):
        yield float(value)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _numbers(item)
    elif isinstance(value, list):
        for item in value:
            yield from _numbers(item)


def _is_assumed(written: WrittenNumber, assumed: list[Any]) -> bool:
    try:
        quantity = parse_quantity(written.value, written.unit)
    except ToolInputError:
        return False
    # Loosely: a question writes a steel pipe's 4.57e-5 m roughness as 0.046 mm.
    return any(
        quantity.dimensionality == default.dimensionality
        and math.isclose(
            quantity.to_base_units().magnitude, default.to_base_units().magnitude, rel_tol=0.02
        )
        for default in assumed
    )


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-12)
