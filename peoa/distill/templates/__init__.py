"""The programmatic teacher's problem bank: one parametrised template per tool.

A :class:`Template` knows which tool solves it, which of the tool's outputs is the
answer, how to draw physically sensible inputs (each in a unit picked at random from
the units an engineer writes), and several wordings of the question. A wording is the
unit of the train/validation/test split, so a test question's phrasing is never seen
in training (:func:`split_of`).

Values are drawn in the unit they are written in and rounded to three significant
figures, so the number in the question and the number in the tool call are the same
text: the student learns to copy, never to convert.

The machinery is in :mod:`~peoa.distill.templates.base`; the templates are grouped by
topic in the other modules of this package.

>>> import random
>>> template = TEMPLATES["reynolds_number"]
>>> problem = template.sample(random.Random(0), wording=0)
>>> problem.tool, problem.target
('reynolds_number', 'Re')
>>> sorted(problem.arguments)
['density', 'diameter', 'velocity', 'viscosity']
"""

from __future__ import annotations

from peoa.distill.templates import (
    fluid_flow,
    heat_transfer,
    properties,
    psychrometrics_and_steam,
    reactors_and_balances,
    separations,
    stoichiometry,
    thermodynamics,
)
from peoa.distill.templates.base import Problem, Template, render, split_of

__all__ = [
    "TEMPLATES",
    "Problem",
    "Template",
    "render",
    "split_of",
]

# The order is the draw order: generate.draw_problems takes the templates in turn from one
# seeded generator, so reordering them changes every problem a seed draws. The first bank
# goes topic by topic; the templates added after it follow in the order they were added.
_BANK: tuple[Template, ...] = (
    *properties.BANK,
    *fluid_flow.BANK,
    *heat_transfer.BANK,
    *separations.BANK,
    *reactors_and_balances.BANK,
    *psychrometrics_and_steam.BANK,
    *thermodynamics.BANK,
    *stoichiometry.BANK,
    properties.IDEAL_GAS_STATE,
    fluid_flow.ISENTROPIC_FLOW,
    separations.ANTOINE_VAPOR_PRESSURE,
    fluid_flow.PUMP_ENERGY_COST,
    fluid_flow.OPEN_CHANNEL_FLOW,
    psychrometrics_and_steam.CONDENSATE_FLASH,
    fluid_flow.IDEAL_GAS_HEAT_CAPACITY,
    reactors_and_balances.FIRED_HEATER_FUEL,
    psychrometrics_and_steam.AIR_HEATING_COIL,
)

#: The templates by tool name.
TEMPLATES: dict[str, Template] = {t.tool: t for t in _BANK}
