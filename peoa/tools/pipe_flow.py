"""Pipe flow: Reynolds number, friction factor, fittings, pressure drop, schedules.

Single-phase incompressible flow in circular pipes, after Crane TP-410 (2009), using
``fluids.core``, ``fluids.friction``, ``fluids.fittings`` and ``fluids.piping``.
"""

from __future__ import annotations

from typing import Annotated

import fluids.core
import fluids.friction

from peoa.tools.base import Out, Outcome, P, Q, tool

__all__ = ["TOOLS", "friction_factor", "reynolds_number"]

FRICTION_METHODS = tuple(fluids.friction.fmethods)


@tool(
    topic="pipe_flow",
    reference="Crane TP-410 (2009) eq. 1-4; fluids.core.Reynolds",
    outputs={
        "Re": Out("", "Reynolds number"),
        "regime": Out(None, "laminar, transitional or turbulent"),
    },
)
def reynolds_number(
    velocity: Annotated[float, Q("velocity", "mean flow velocity", gt=0)],
    diameter: Annotated[float, Q("length", "pipe inner diameter (or characteristic length)", gt=0)],
    density: Annotated[float, Q("density", "fluid density", gt=0)],
    viscosity: Annotated[float, Q("dynamic_viscosity", "fluid dynamic viscosity", gt=0)],
) -> dict[str, object]:
    """Reynolds number Re = rho V D / mu of flow in a pipe, and the flow regime (laminar
    below 2100, turbulent above 4000 for pipes). Use it before choosing a friction factor."""
    re = fluids.core.Reynolds(V=velocity, D=diameter, rho=density, mu=viscosity)
    regime = "laminar" if re < 2100 else ("transitional" if re < 4000 else "turbulent")
    return {"Re": re, "regime": regime}


@tool(
    topic="pipe_flow",
    reference="Colebrook (1939); Churchill (1977); fluids.friction.friction_factor",
    outputs={
        "fd": Out("", "Darcy friction factor"),
        "fanning": Out("", "Fanning friction factor (fd/4)"),
    },
)
def friction_factor(
    Re: Annotated[float, Q("dimensionless", "Reynolds number", gt=0)],
    relative_roughness: Annotated[
        float | None,
        Q("dimensionless", "relative roughness e/D (give this or roughness+diameter)", ge=0),
    ] = None,
    roughness: Annotated[float | None, Q("length", "absolute pipe roughness e", ge=0)] = None,
    diameter: Annotated[float | None, Q("length", "pipe inner diameter", gt=0)] = None,
    method: Annotated[
        str | None,
        P("correlation; default Clamond (exact Colebrook solution)", choices=FRICTION_METHODS),
    ] = None,
) -> Outcome:
    """Darcy friction factor for flow in a pipe. Laminar flow (Re < 2040) uses 64/Re;
    turbulent flow uses the chosen correlation: 'Colebrook' (implicit, exact), 'Churchill_1977'
    (all regimes), 'Haaland', 'Swamee_Jain_1976' and others; default 'Clamond'."""
    from peoa.exceptions import ToolInputError

    if relative_roughness is None:
        if roughness is None or diameter is None:
            raise ToolInputError(
                "friction_factor: give relative_roughness, or roughness and diameter"
            )
        relative_roughness = roughness / diameter
    chosen = method or "Clamond"
    fd = fluids.friction.friction_factor(Re=Re, eD=relative_roughness, Method=chosen)
    if Re < 2040 and method is None:
        chosen = "laminar (64/Re)"
    return Outcome({"fd": fd, "fanning": fd / 4.0}, method=chosen)


TOOLS = (reynolds_number, friction_factor)
