"""Turning a plan step's bindings into the tool's arguments, and running plans.

Every value comes from the reading (a mention's number and unit as written), from an
earlier step's result (a number with its unit, or a written multiple of it: "reflux
1.3 times the minimum"), or is a name the question writes. The only other derived
value is the trade's convention a binding records: a binary's second mole fraction is
one minus the first.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from peoa.exceptions import ToolInputError
from peoa.planning.binding import arguments
from peoa.planning.model import (
    BINARY_COMPLEMENT,
    BINARY_REFERENCE,
    SUMMED,
    Binding,
    Plan,
    PlanStep,
)
from peoa.reading.model import Reading
from peoa.tools import ToolRegistry, ToolResult
from peoa.tools.base import Q

__all__ = ["run_plan", "step_arguments"]


def _quantity(value: Any, unit: str | None) -> dict[str, Any]:
    return {"value": value, "unit": unit or ""}


Outputs = Mapping[int, Mapping[str, Any]]
"""Earlier steps' outputs by step index and name, each with ``.value`` and ``.unit``."""


def _argument(binding: Binding, reading: Reading, prior: Outputs, is_quantity: bool) -> Any:
    if binding.source == "mention":
        mention = reading.mention(binding.mentions[0])
        return _quantity(mention.value, mention.unit) if is_quantity else mention.value
    if binding.source == "mentions":
        values = [reading.mention(m) for m in binding.mentions]
        items = [_quantity(m.value, m.unit) for m in values]
        if binding.note == BINARY_COMPLEMENT and len(items) == 1:
            first = values[0]
            fraction = first.value / 100.0 if first.unit == "%" else first.value
            items = [_quantity(fraction, ""), _quantity(1.0 - fraction, "")]
        elif binding.note == BINARY_REFERENCE and len(items) == 1:
            items = [items[0], _quantity(1.0, "")]
        elif binding.note == SUMMED:
            total = sum(m.value * (m.count if m.each and m.count else 1) for m in values)
            return _quantity(total, values[0].unit) if is_quantity else total
        return items
    if binding.source == "step":
        step, output = binding.step, binding.output
        if step is None or output is None or step not in prior or output not in prior[step]:
            raise ToolInputError(f"step {binding.step} has not run; {binding.argument} needs it")
        out = prior[step][output]
        if out.value is None:
            raise ToolInputError(
                f"step {binding.step} gave no {binding.output}, which {binding.argument} needs"
            )
        value = out.value
        for factor in binding.mentions:  # "1.3 times the minimum": a written multiple
            value *= reading.mention(factor).value
        return _quantity(value, out.unit) if is_quantity else value
    return binding.value


def step_arguments(
    step: PlanStep, reading: Reading, prior: Outputs, registry: ToolRegistry
) -> dict[str, Any]:
    """The JSON arguments of a step's tool call, from its bindings and the outputs of the
    steps it builds on (``prior``)."""
    specs = arguments(registry.get(step.tool))
    return {
        b.argument: _argument(b, reading, prior, isinstance(specs[b.argument].spec, Q))
        for b in step.bindings
    }


def run_plan(plan: Plan, reading: Reading, registry: ToolRegistry) -> dict[int, ToolResult]:
    """Run every step in order (each after the steps it builds on); the results by step.

    A tool's refusal (:class:`~peoa.exceptions.ToolError`) propagates: the caller
    revises the step or moves to the next plan.
    """
    results: dict[int, ToolResult] = {}
    for step in plan.steps:
        prior = {i: r.outputs for i, r in results.items()}
        results[step.index] = registry.run(
            step.tool, step_arguments(step, reading, prior, registry)
        )
    return results
