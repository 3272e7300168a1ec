"""Engineering tools: the field's libraries behind unit-checked, schema-described calls.

Numbers never come from a model's memory. A model picks a tool and fills its
arguments as JSON, each quantity as the value and the unit written in the question;
the tool converts with pint, calls fluids/ht/thermo/chemicals/CoolProp/cantera/scipy
and answers with units.

Calling a tool
--------------
>>> from peoa.tools import get_registry
>>> result = get_registry().run("reynolds_number", {
...     "velocity": {"value": 2.0, "unit": "m/s"},
...     "diameter": {"value": 50, "unit": "mm"},
...     "density": {"value": 998.2, "unit": "kg/m^3"},
...     "viscosity": {"value": 1.002, "unit": "mPa*s"}})
>>> result.outputs["Re"].value
99620.7...
>>> result.inputs["viscosity"]
Value(value=0.001002, unit='Pa*s')

Errors are :class:`~peoa.exceptions.ToolInputError` (bad arguments, naming the
argument and why: wrong dimension, out of range, NaN, missing, unknown) and
:class:`~peoa.exceptions.ToolExecutionError` (the library failed).

Writing a tool (in a topic module ``peoa/tools/<topic>.py``)
------------------------------------------------------------
::

    from typing import Annotated

    import fluids.core

    from peoa.tools.base import Out, Outcome, P, Q, tool, warn

    __all__ = ["TOOLS", "reynolds_number"]

    @tool(
        topic="pipe_flow",
        reference="fluids.core.Reynolds; Crane TP-410 (2009) eq. 3-3",
        outputs={"Re": Out("", "Reynolds number")},
    )
    def reynolds_number(
        velocity: Annotated[float, Q("velocity", "mean flow velocity", gt=0)],
        diameter: Annotated[float, Q("length", "pipe inner diameter", gt=0)],
        density: Annotated[float, Q("density", "fluid density", gt=0)],
        viscosity: Annotated[float, Q("dynamic_viscosity", "dynamic viscosity", gt=0)],
    ) -> dict[str, float]:
        \"\"\"Reynolds number of flow in a pipe, Re = rho V D / mu. Use it to tell laminar
        from turbulent flow and as the input to friction-factor tools.\"\"\"
        return {"Re": fluids.core.Reynolds(V=velocity, D=diameter, rho=density, mu=viscosity)}

    TOOLS = (reynolds_number,)

- ``Q(dimension, description, unit=None, gt=, ge=, lt=, le=)``: a quantity. ``dimension``
  is a key of :data:`peoa.tools.quantity.DIMENSIONS` (``length``, ``pressure`` (absolute;
  gauge units such as ``barg``/``psig`` add 1 atm), ``pressure_difference``,
  ``temperature`` (absolute, > 0 K), ``temperature_difference`` (``degC`` read as an
  interval), ``dynamic_viscosity``, ``mass_flow`` ...). The function receives a float
  in ``unit`` (default the dimension's SI unit; ``molar_mass`` is g/mol); range bounds
  are in that unit. ``Q("dimensionless", ...)`` also accepts a plain number or ``%``.
  ``list[float]`` with ``Q`` takes a list of quantities. ``float | None = None`` makes
  it optional; a numeric default is in ``unit``.
- ``P(description, choices=None, gt=...)``: text, integers, flags, lists of names or of
  plain numbers. A parameter named ``method`` with ``choices`` is the correlation
  choice (fluids' ``Method=``); it appears as ``Tool.methods`` and in the result.
- ``outputs``: name -> ``Out(unit, description)``; ``unit`` is the unit of the value the
  function returns (``""`` dimensionless, ``None`` for text, flags and lists of text).
  ``Out(None, description, unit_from="to_unit")`` takes the unit from a text argument
  (checked as a pint unit before the call), for results in a unit the caller chooses.
- Return a dict of the outputs, or ``Outcome(values, method=..., warnings=[...])`` to
  report which correlation was used. Call ``warn("...")`` for validity-range warnings;
  Python warnings raised by the library are collected too. Raise ``ToolInputError`` for
  inconsistent inputs the signature cannot express; other exceptions become
  ``ToolExecutionError``.
- The docstring is the description the action generator reads: what it computes and
  when to use it. ``reference`` names the standard or textbook and the library function.
- Every module of ``peoa.tools`` defining ``TOOLS`` is registered by
  :mod:`peoa.tools.builtin`; nothing else to edit. Chemicals are resolved with
  :func:`peoa.tools.chemical.resolve_chemical` (name, CAS or formula; CoolProp name
  when it is a reference fluid).
"""

from __future__ import annotations

from peoa.tools.base import Out, Outcome, P, Q, Tool, ToolResult, Value, tool, warn
from peoa.tools.quantity import Quantity, ureg
from peoa.tools.registry import ToolRegistry, get_registry

__all__ = [
    "Out",
    "Outcome",
    "P",
    "Q",
    "Quantity",
    "Tool",
    "ToolRegistry",
    "ToolResult",
    "Value",
    "get_registry",
    "tool",
    "ureg",
    "warn",
]
