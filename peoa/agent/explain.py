"""The explanation under an answer: one sentence an engineer reads per tool step.

Each sentence says what the step computed, from which values (as the question writes
them, or the earlier step's output), and by which method, naming the standard, book or
paper of the tool's reference, never a tool's or a library function's name.

>>> from peoa.experts.base import ToolCall
>>> from peoa.planning.model import Binding, PlanStep
>>> from peoa.reading import read_question
>>> reading = read_question("A pump delivers 20 m3/h against 35 m of head. What power?")
>>> step = PlanStep(index=1, tool="pump_power", output="brake_power", bindings=(
...     Binding(argument="volumetric_flow", source="mention", mentions=("m1",)),
...     Binding(argument="head", source="mention", mentions=("m2",))))
>>> call = ToolCall(tool="pump_power", arguments={}, method="efficiency from Corripio",
...     reference="HI 1.3: P = rho g Q H / eta; Corripio (1982) (fluids.pump.Corripio_eff)")
>>> step_sentence(step, call, reading, 1)
'Step 1 computed the brake power from the volumetric flow 20 m3/h and the head 35 m, by HI 1.3 (P = rho g Q H / eta; efficiency from Corripio).'
"""

from __future__ import annotations

from typing import Any

from peoa.experts.base import Quantity, ToolCall
from peoa.planning.model import PlanStep
from peoa.reading.model import Reading
from peoa.tools.references import cited_source

__all__ = ["step_sentence"]


def _value(value: Any) -> str:
    if isinstance(value, dict) and isinstance(value.get("value"), int | float):
        from peoa.agent.display import shown

        return shown(Quantity(value=float(value["value"]), unit=value.get("unit") or ""))
    return str(value)


def _inputs(step: PlanStep, call: ToolCall, reading: Reading, first_index: int) -> list[str]:
    """Each bound argument as "the <argument> <value>", its value as the question wrote it."""
    written = {m.id: m.written for m in reading.data()}
    inputs = []
    for binding in step.bindings:
        name = binding.argument.replace("_", " ")
        if binding.source in ("mention", "mentions"):
            value = ", ".join(written.get(m, m) for m in binding.mentions)
        elif binding.source == "step" and binding.step is not None:
            output = (binding.output or "output").replace("_", " ")
            scale = "".join(f"{written.get(m, m)} times " for m in binding.mentions)
            value = f"({scale}the {output} of step {first_index + binding.step - 1})"
        elif binding.argument in call.arguments:
            value = _value(call.arguments[binding.argument])
        else:
            continue
        inputs.append(f"the {name} {value}")
    return inputs


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def step_sentence(step: PlanStep, call: ToolCall, reading: Reading, first_index: int) -> str:
    """What step ``step`` of a plan computed, from what, and by which method.

    ``first_index`` is the solve's number of the plan's first step (steps are numbered
    across every plan tried).
    """
    number = first_index + step.index - 1
    sentence = f"Step {number} computed the {step.output.replace('_', ' ')}"
    inputs = _inputs(step, call, reading, first_index)
    if inputs:
        sentence += " from " + _listed(inputs)
    source, formula = cited_source(call.reference or "")
    method = [m for m in (formula, call.method) if m]
    if source:
        sentence += f", by {source}"
        if method:
            sentence += f" ({'; '.join(method)})"
    elif method:
        sentence += f", by {'; '.join(method)}"
    return sentence + "."
