"""Differential-pressure flow meters after ISO 5167-2/-3/-4:2003: orifice plates, nozzles
and classical venturi tubes (``fluids.flow_meter``)."""

from __future__ import annotations

import math
from typing import Annotated, Any

import fluids.flow_meter as fm

from peoa.exceptions import ToolInputError
from peoa.tools.base import Out, Outcome, P, Q, tool, warn

__all__ = ["TOOLS", "flow_meter_bore", "flow_meter_dp", "flow_meter_flow", "meter_expansibility"]

METER_TYPES = (
    "ISO 5167 orifice",
    "long radius nozzle",
    "ISA 1932 nozzle",
    "venturi nozzle",
    "machined convergent venturi tube",
    "as cast convergent venturi tube",
    "rough welded convergent venturi tube",
)
TAPS = ("flange", "corner", "D and D/2")
_REFERENCE = (
    "ISO 5167-1/-2/-3/-4:2003; fluids.flow_meter.differential_pressure_meter_solver, "
    "differential_pressure_meter_C_epsilon, differential_pressure_meter_dP"
)

_METER = P(
    "meter type (ISO 5167 orifice, nozzles, classical venturi tubes)",
    choices=METER_TYPES,
    # Most specific first: a "venturi nozzle" is no venturi tube; a classical venturi
    # tube not said otherwise is the machined one (ISO 5167-4, C = 0.995).
    said_choice=(
        ("venturi nozzle", ("venturi nozzle",)),
        ("long radius nozzle", ("long radius nozzle", "long-radius nozzle")),
        ("ISA 1932 nozzle", ("ISA 1932",)),
        ("as cast convergent venturi tube", ("as cast", "as-cast", "cast venturi")),
        ("rough welded convergent venturi tube", ("rough welded", "welded venturi")),
        (
            "machined convergent venturi tube",
            ("machined venturi", "machined convergent", "venturi"),
        ),
        ("ISO 5167 orifice", ("orifice plate", "orifice")),
    ),
)
_TAPS = P("orifice pressure tappings (orifice only): flange, corner or D and D/2", choices=TAPS)
_D = Q("inside_diameter", "pipe inner diameter upstream of the meter", gt=0)
_P1 = Q("pressure", "upstream absolute pressure at the upstream tapping")
_RHO = Q("density", "fluid density at upstream conditions", gt=0)
_MU = Q("dynamic_viscosity", "fluid viscosity", gt=0)
_PHASE = P(
    "'liquid' (expansibility 1) or 'gas' (expansibility from k)",
    choices=("liquid", "gas"),
    said_choice=(
        ("liquid", ("water", "oil", "brine", "condensate")),
        ("gas", ("air", "steam", "vapour", "vapor", "natural gas", "nitrogen")),
    ),
)
_K = Q("heat_capacity_ratio", "isentropic exponent of a gas", gt=1, le=2)


def _common(meter_type: str, taps: str | None, phase: str, k: float | None) -> dict[str, Any]:
    if phase == "gas" and k is None:
        raise ToolInputError("argument 'k' (isentropic exponent) is needed for a gas")
    kwargs: dict[str, Any] = {"meter_type": meter_type, "k": k or 1.4}
    if meter_type == "ISO 5167 orifice":
        kwargs["taps"] = taps or "flange"
    if phase == "liquid":
        kwargs["epsilon_specified"] = 1.0
    return kwargs


def _details(
    D: float,
    D2: float,
    m: float,
    P1: float,
    P2: float,
    rho: float,
    mu: float,
    kwargs: dict[str, Any],
) -> dict[str, float | None]:
    C, epsilon = fm.differential_pressure_meter_C_epsilon(
        D=D, D2=D2, m=m, P1=P1, P2=P2, rho=rho, mu=mu, **kwargs
    )
    loss: float | None
    try:
        loss = fm.differential_pressure_meter_dP(
            D=D, D2=D2, P1=P1, P2=P2, C=C, meter_type=kwargs["meter_type"]
        )
    except NotImplementedError:  # the venturi nozzle: its loss depends on its diffuser
        loss = None
    return {"C": C, "epsilon": epsilon, "beta": D2 / D, "permanent_pressure_loss": loss}


def _outcome(values: dict[str, Any], method: str, meter_type: str) -> Outcome:
    """The tool's answer. A meter fluids has no permanent-loss formula for keeps its other
    outputs; the method and a warning say why that one is null."""
    if values["permanent_pressure_loss"] is not None:
        return Outcome(values, method=method)
    return Outcome(
        values,
        method=f"{method}; no permanent pressure loss formula",
        warnings=[
            f"fluids has no permanent pressure loss formula for a {meter_type}; "
            "permanent_pressure_loss is left null"
        ],
    )


_DETAIL_OUTPUTS = {
    "C": Out("", "discharge coefficient", kind="discharge_coefficient"),
    "epsilon": Out("", "expansibility factor", kind="ratio"),
    "beta": Out("", "diameter ratio d/D", kind="ratio"),
    "permanent_pressure_loss": Out(
        "Pa", "unrecovered pressure loss across the meter", kind="pressure_difference"
    ),
}


@tool(
    topic="flow_measurement",
    reference=_REFERENCE,
    outputs={
        "mass_flow": Out("kg/s", "mass flow rate"),
        "volumetric_flow": Out("m**3/s", "volumetric flow at upstream density"),
    }
    | _DETAIL_OUTPUTS,
)
def flow_meter_flow(
    pipe_diameter: Annotated[float, _D],
    bore_diameter: Annotated[
        float, Q("bore_diameter", "orifice bore / nozzle or venturi throat diameter", gt=0)
    ],
    P1: Annotated[float, _P1],
    differential_pressure: Annotated[
        float, Q("pressure_difference", "measured differential pressure P1 - P2", gt=0)
    ],
    density: Annotated[float, _RHO],
    viscosity: Annotated[float, _MU],
    meter_type: Annotated[str, _METER] = "ISO 5167 orifice",
    taps: Annotated[str | None, _TAPS] = None,
    phase: Annotated[str, _PHASE] = "liquid",
    k: Annotated[float | None, _K] = None,
) -> Outcome:
    """Mass and volumetric flow through an ISO 5167 orifice plate, nozzle or venturi tube
    from the measured differential pressure (iterating on the Reynolds-dependent discharge
    coefficient), with C, expansibility, beta and the permanent pressure loss.

    Notes
    -----
    Steady single-phase flow filling a circular pipe, upstream density and viscosity held
    constant. C: Reader-Harris/Gallagher (orifices), ISO 5167-3's equations (nozzles), a
    constant (venturi tubes: 0.995 machined, for Re_D 2e5 to 1e6); a gas's expansibility
    holds for P2/P1 >= 0.75. ISO 5167-2's orifice limits (D 50 mm to 1 m, d >= 12.5 mm,
    beta 0.1 to 0.75, Re_D >= 5000) are not checked: outside them C is extrapolated.
    fluids has no permanent-loss formula for a venturi nozzle: that output is then null,
    with a warning.

    Examples
    --------
    fluids' own example for differential_pressure_meter_solver, a D and D/2 orifice with
    an expansibility for k = 1.33:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("flow_meter_flow", {"pipe_diameter": "73.66 mm",
    ...     "bore_diameter": "50 mm", "P1": "200 kPa", "differential_pressure": "17 kPa",
    ...     "density": "999.1 kg/m^3", "viscosity": "1.1 mPa*s", "taps": "D and D/2",
    ...     "phase": "gas", "k": 1.33})
    >>> round(r.value("mass_flow", "kg/s"), 4)
    7.7023
    """
    if bore_diameter >= pipe_diameter:
        raise ToolInputError("flow_meter_flow: bore_diameter must be smaller than pipe_diameter")
    kwargs = _common(meter_type, taps, phase, k)
    P2 = P1 - differential_pressure
    m = fm.differential_pressure_meter_solver(
        D=pipe_diameter, D2=bore_diameter, P1=P1, P2=P2, rho=density, mu=viscosity, **kwargs
    )
    values: dict[str, Any] = {"mass_flow": m, "volumetric_flow": m / density}
    values |= _details(pipe_diameter, bore_diameter, m, P1, P2, density, viscosity, kwargs)
    taps_note = f", {kwargs['taps']} taps" if "taps" in kwargs else ""
    return _outcome(values, meter_type + taps_note, meter_type)


@tool(
    topic="flow_measurement",
    reference=_REFERENCE,
    outputs={
        "differential_pressure": Out(
            "Pa", "differential pressure P1 - P2", kind="pressure_difference"
        ),
        "P2": Out("Pa", "downstream tapping absolute pressure (null without P1)", needs=("P1",)),
    }
    | _DETAIL_OUTPUTS,
)
def flow_meter_dp(
    pipe_diameter: Annotated[float, _D],
    bore_diameter: Annotated[float, Q("bore_diameter", "orifice bore / throat diameter", gt=0)],
    mass_flow: Annotated[float, Q("mass_flow", "mass flow rate", gt=0)],
    density: Annotated[float, _RHO],
    viscosity: Annotated[float, _MU],
    P1: Annotated[
        float | None, Q("pressure", "upstream absolute pressure (needed for a gas)")
    ] = None,
    meter_type: Annotated[str, _METER] = "ISO 5167 orifice",
    taps: Annotated[str | None, _TAPS] = None,
    phase: Annotated[str, _PHASE] = "liquid",
    k: Annotated[float | None, _K] = None,
) -> Outcome:
    """Differential pressure an ISO 5167 orifice, nozzle or venturi will show at a given
    mass flow, and its permanent pressure loss.

    Notes
    -----
    The same ISO 5167 model as flow_meter_flow, solved for the downstream pressure:
    steady single-phase flow in a full pipe, upstream density and viscosity held
    constant, C from Reader-Harris/Gallagher (orifices), ISO 5167-3 (nozzles) or a constant
    (venturi tubes). A liquid's differential pressure and C do not depend on the line
    pressure (its expansibility is 1), so P1 may be left out for a liquid; then P2 is null. The standard's limits on D, d, beta and Re_D are not checked. A
    venturi nozzle's permanent loss is null (fluids has no formula for it).

    Examples
    --------
    Water, 10 kg/s through a machined venturi tube of 50 mm throat in a 100 mm pipe; by
    hand with C = 0.995, dp = [m sqrt(1 - beta^4) / (C pi d^2 / 4)]^2 / (2 rho) = 12.30 kPa:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("flow_meter_dp", {"pipe_diameter": "100 mm",
    ...     "bore_diameter": "50 mm", "P1": "300 kPa", "mass_flow": "10 kg/s",
    ...     "density": "998 kg/m^3", "viscosity": "1 mPa*s",
    ...     "meter_type": "machined convergent venturi tube"})
    >>> round(r.value("differential_pressure", "kPa"), 2)
    12.3
    """
    kwargs = _common(meter_type, taps, phase, k)
    if P1 is None and phase == "gas":
        raise ToolInputError("argument 'P1' (upstream absolute pressure) is needed for a gas")
    line = P1 if P1 is not None else _ANY_LIQUID_LINE_PRESSURE
    P2 = fm.differential_pressure_meter_solver(
        D=pipe_diameter, D2=bore_diameter, P1=line, m=mass_flow, rho=density, mu=viscosity, **kwargs
    )
    values: dict[str, Any] = {"differential_pressure": line - P2, "P2": P2 if P1 else None}
    values |= _details(
        pipe_diameter, bore_diameter, mass_flow, line, P2, density, viscosity, kwargs
    )
    return _outcome(values, meter_type, meter_type)


# A liquid meter's differential pressure is the same at any line pressure; this one is
# high enough that no realistic differential takes the downstream pressure below zero.
_ANY_LIQUID_LINE_PRESSURE = 1e8  # Pa


@tool(
    topic="flow_measurement",
    reference=_REFERENCE,
    outputs={"bore_diameter": Out("m", "orifice bore / throat diameter", kind="bore_diameter")}
    | _DETAIL_OUTPUTS,
)
def flow_meter_bore(
    pipe_diameter: Annotated[float, _D],
    P1: Annotated[float, _P1],
    differential_pressure: Annotated[
        float, Q("pressure_difference", "design differential pressure", gt=0)
    ],
    mass_flow: Annotated[float, Q("mass_flow", "design mass flow rate", gt=0)],
    density: Annotated[float, _RHO],
    viscosity: Annotated[float, _MU],
    meter_type: Annotated[str, _METER] = "ISO 5167 orifice",
    taps: Annotated[str | None, _TAPS] = None,
    phase: Annotated[str, _PHASE] = "liquid",
    k: Annotated[float | None, _K] = None,
) -> Outcome:
    """Size the bore (orifice) or throat diameter of an ISO 5167 meter to give a design
    differential pressure at a design flow.

    Notes
    -----
    Inverts the ISO 5167 model of flow_meter_flow for d (steady single-phase flow in a
    full pipe, upstream properties constant). A design is within the standard only for
    beta 0.1 to 0.75 (orifice) and the standard's D and Re_D ranges, which the tool does
    not check; it refuses when no bore smaller than the pipe gives the differential.

    Examples
    --------
    The inverse of fluids' documented example: 7.702 kg/s at 17 kPa needs a 50 mm bore:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("flow_meter_bore", {"pipe_diameter": "73.66 mm",
    ...     "P1": "200 kPa", "differential_pressure": "17 kPa", "mass_flow": "7.702338 kg/s",
    ...     "density": "999.1 kg/m^3", "viscosity": "1.1 mPa*s", "taps": "D and D/2",
    ...     "phase": "gas", "k": 1.33})
    >>> round(r.value("bore_diameter", "mm"), 3)
    50.0
    """
    kwargs = _common(meter_type, taps, phase, k)
    P2 = P1 - differential_pressure
    d = fm.differential_pressure_meter_solver(
        D=pipe_diameter, P1=P1, P2=P2, m=mass_flow, rho=density, mu=viscosity, **kwargs
    )
    if not (isinstance(d, float) and math.isfinite(d) and 0 < d < pipe_diameter):
        raise ToolInputError(
            "flow_meter_bore: no bore smaller than the pipe gives this "
            "differential pressure; raise it or use a larger pipe"
        )
    values: dict[str, Any] = {"bore_diameter": d}
    values |= _details(pipe_diameter, d, mass_flow, P1, P2, density, viscosity, kwargs)
    return _outcome(values, meter_type, meter_type)


@tool(
    topic="flow_measurement",
    reference="ISO 5167-2:2003 eq. 5 (orifice plates), ISO 5167-3:2003 (nozzles and venturi "
    "nozzles); fluids.flow_meter.orifice_expansibility, nozzle_expansibility",
    outputs={
        "epsilon": Out("", "expansibility factor ε", kind="ratio"),
        "beta": Out("", "diameter ratio d/D", kind="ratio"),
    },
    phase="gas",
)
def meter_expansibility(
    pipe_diameter: Annotated[float, _D],
    bore_diameter: Annotated[float, Q("bore_diameter", "orifice bore / throat diameter", gt=0)],
    P1: Annotated[float, _P1],
    P2: Annotated[float, Q("pressure", "downstream tapping absolute pressure")],
    k: Annotated[float, _K],
    meter_type: Annotated[
        str,
        P(
            "'orifice' or 'nozzle' (ISA 1932, long radius, venturi nozzle, venturi tube)",
            choices=("orifice", "nozzle"),
        ),
    ] = "orifice",
) -> dict[str, float]:
    """Expansibility factor of a gas through an orifice plate or a nozzle from the
    diameters, the tapping pressures and the isentropic exponent (ISO 5167-2 and -3).

    Notes
    -----
    The standard's empirical orifice equation, 1 - (0.351 + 0.256 beta^4 + 0.93 beta^8)
    [1 - (P2/P1)^(1/k)]; for a nozzle or venturi the isentropic expression. ISO 5167
    limits the orifice equation to P2/P1 >= 0.75; beyond it the tool warns.

    Examples
    --------
    A 100 mm bore in a 250 mm pipe, air (k = 1.4) from 5 bar to 4.5 bar: beta = 0.4 and
    epsilon = 1 - (0.351 + 0.256 x 0.0256 + 0.93 x 0.000655) (1 - 0.9^(1/1.4)) = 0.9740:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("meter_expansibility", {"pipe_diameter": "250 mm",
    ...     "bore_diameter": "100 mm", "P1": "5 bar", "P2": "4.5 bar", "k": 1.4})
    >>> round(r.value("epsilon"), 4)
    0.974
    """
    if not 0 < P2 < P1:
        raise ToolInputError("the downstream pressure P2 must be below P1 and above zero")
    if bore_diameter >= pipe_diameter:
        raise ToolInputError("the bore must be smaller than the pipe")
    if P2 / P1 < 0.75:
        warn(f"P2/P1 = {P2 / P1:.3f} is below 0.75, outside ISO 5167's range")
    solver = fm.orifice_expansibility if meter_type == "orifice" else fm.nozzle_expansibility
    epsilon = solver(D=pipe_diameter, Do=bore_diameter, P1=P1, P2=P2, k=k)
    return {"epsilon": epsilon, "beta": bore_diameter / pipe_diameter}


TOOLS = (flow_meter_flow, flow_meter_dp, flow_meter_bore, meter_expansibility)
