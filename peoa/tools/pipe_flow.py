"""Pipe flow: Reynolds number, friction factor, fittings, tees, pressure drop and schedules.

Single-phase incompressible flow in circular pipes running full, after Crane TP-410
(2009), using ``fluids.core``, ``fluids.friction``, ``fluids.fittings`` and
``fluids.piping``. Open channels and partly full pipes are :mod:`peoa.tools.open_channel`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Container
from typing import Annotated

import fluids.core
import fluids.fittings as fit
import fluids.friction
import fluids.piping

from peoa.exceptions import ToolExecutionError, ToolInputError
from peoa.tools.base import Out, Outcome, P, Q, tool, warn

__all__ = [
    "TOOLS",
    "fitting_loss_coefficient",
    "flow_from_head",
    "friction_factor",
    "pipe_pressure_drop",
    "pipe_roughness",
    "pipe_schedule",
    "pipe_velocity",
    "reynolds_number",
    "tee_loss_coefficient",
]

FRICTION_METHODS = tuple(fluids.friction.fmethods)
_G = 9.80665  # standard gravity, m/s^2
_LAMINAR = "laminar (64/Re)"
_STEEL_ROUGHNESS = 4.57e-5  # commercial steel, m (Crane TP-410: 0.0018 in)

# Crane TP-410 (2009) A-26..A-29 K = f(ft, L/D) for full-bore fittings, as fluids implements
# them; each entry takes the pipe inner diameter in metres.
CRANE_FITTINGS: dict[str, Callable[[float], float]] = {
    "gate valve": lambda D: fit.K_gate_valve_Crane(D, D, 0.0),
    "globe valve": lambda D: fit.K_globe_valve_Crane(D, D),
    "angle valve": lambda D: fit.K_angle_valve_Crane(D, D, style=0),
    "ball valve": lambda D: fit.K_ball_valve_Crane(D, D, 0.0),
    "plug valve, straight-way": lambda D: fit.K_plug_valve_Crane(D, D, 0.0, style=0),
    "plug valve, 3-way flow-through": lambda D: fit.K_plug_valve_Crane(D, D, 0.0, style=1),
    "plug valve, branch flow": lambda D: fit.K_plug_valve_Crane(D, D, 0.0, style=2),
    "butterfly valve": lambda D: fit.K_butterfly_valve_Crane(D, style=0),
    "diaphragm valve": lambda D: fit.K_diaphragm_valve_Crane(D, style=0),
    "swing check valve": lambda D: fit.K_swing_check_valve_Crane(D, angled=False),
    "swing check valve, angled": lambda D: fit.K_swing_check_valve_Crane(D, angled=True),
    "lift check valve": lambda D: fit.K_lift_check_valve_Crane(D, D, angled=False),
    "foot valve with strainer, poppet disc": lambda D: fit.K_foot_valve_Crane(D, style=0),
    "elbow 90, r/D=1": lambda D: fit.bend_rounded_Crane(D, 90.0, bend_diameters=1.0),
    "elbow 90, long radius r/D=1.5": lambda D: fit.bend_rounded_Crane(D, 90.0, bend_diameters=1.5),
    "elbow 45, r/D=1": lambda D: fit.bend_rounded_Crane(D, 45.0, bend_diameters=1.0),
    "return bend 180, r/D=1": lambda D: fit.bend_rounded_Crane(D, 180.0, bend_diameters=1.0),
    "pipe entrance, sharp-edged": lambda D: fit.entrance_sharp(method="Crane"),
    "pipe exit": lambda D: fit.exit_normal(),
}
_MATERIALS = tuple(fluids.friction._Farshad_roughness) + tuple(fluids.friction._all_roughness)
FITTING_METHODS = ("Crane", "Hooper", "Darby")
FITTINGS = tuple(CRANE_FITTINGS) + tuple(fit.Hooper) + tuple(fit.Darby)


@tool(
    topic="pipe_flow",
    reference="Crane TP-410 (2009) eq. 1-4; fluids.core.Reynolds",
    outputs={
        "Re": Out("", "Reynolds number", kind="reynolds_number"),
        "regime": Out(None, "laminar, transitional or turbulent"),
    },
)
def reynolds_number(
    velocity: Annotated[float, Q("velocity", "mean flow velocity", gt=0)],
    diameter: Annotated[
        float, Q("inside_diameter", "pipe inner diameter (or characteristic length)", gt=0)
    ],
    density: Annotated[float, Q("density", "fluid density", gt=0)],
    viscosity: Annotated[float, Q("dynamic_viscosity", "fluid dynamic viscosity", gt=0)],
) -> dict[str, object]:
    """Reynolds number Re = rho V D / mu of flow in a pipe, and the flow regime (laminar
    below 2100, turbulent above 4000 for pipes). Use it before choosing a friction factor.

    Notes
    -----
    Re itself holds for any geometry with the length its correlation names; the regime
    bounds (laminar below 2100, turbulent above 4000) are those of flow in a full circular
    pipe only, so for a plate, a particle or a stirred tank ignore the regime label.

    Examples
    --------
    Water (998 kg/m^3, 1 mPa s) at 2 m/s in a 50 mm bore; by hand 998 x 2 x 0.05 / 0.001:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("reynolds_number", {"velocity": "2 m/s", "diameter": "50 mm",
    ...     "density": "998 kg/m^3", "viscosity": "1 mPa*s"})
    >>> round(r.value("Re")), r.value("regime")
    (99800, 'turbulent')
    """
    re = fluids.core.Reynolds(V=velocity, D=diameter, rho=density, mu=viscosity)
    regime = "laminar" if re < 2100 else ("transitional" if re < 4000 else "turbulent")
    return {"Re": re, "regime": regime}


def _friction_method(named: str | None, Re: float) -> str:
    """The method fluids used: below its laminar transition (Re = 2040) it returns 64/Re
    whatever method is named, so a named one is reported only where it applied."""
    if Re < fluids.friction.LAMINAR_TRANSITION_PIPE:
        if named is not None:
            warn(f"Re = {Re:.4g} is laminar: f = 64/Re, not the {named} method named")
        return _LAMINAR
    return named or "Clamond"


@tool(
    topic="pipe_flow",
    reference="Colebrook (1939), doi:10.1680/ijoti.1939.13150; Churchill (1977); "
    "fluids.friction.friction_factor",
    outputs={
        "fd": Out("", "Darcy friction factor", kind="darcy_friction_factor"),
        "fanning": Out("", "Fanning friction factor (fd/4)", kind="fanning_friction_factor"),
    },
    alternatives=[("relative_roughness", ("roughness", "diameter"))],
)
def friction_factor(
    Re: Annotated[float, Q("reynolds_number", "Reynolds number", gt=0)],
    relative_roughness: Annotated[
        float | None,
        Q("relative_roughness", "relative roughness e/D (give this or roughness+diameter)", ge=0),
    ] = None,
    roughness: Annotated[float | None, Q("roughness", "absolute pipe roughness e", ge=0)] = None,
    diameter: Annotated[float | None, Q("inside_diameter", "pipe inner diameter", gt=0)] = None,
    method: Annotated[
        str | None,
        P("correlation; default Clamond (exact Colebrook solution)", choices=FRICTION_METHODS),
    ] = None,
) -> Outcome:
    """Darcy friction factor for flow in a pipe. Laminar flow (Re < 2040) uses 64/Re;
    turbulent flow uses the chosen correlation: 'Colebrook' (implicit, exact), 'Churchill_1977'
    (all regimes), 'Haaland', 'Swamee_Jain_1976' and others; default 'Clamond'.

    Notes
    -----
    Fully developed single-phase flow in a full round pipe. Below Re = 2040 fluids returns
    64/Re whatever the method, and the method reported is then laminar (64/Re), with a
    warning when another was named. Clamond solves Colebrook to 1e-9; the explicit correlations
    hold in their own ranges (Swamee-Jain: 5000 <= Re <= 1e8, 1e-6 <= e/D <= 0.05), which
    are not checked. Between 2040 and 4000 the flow is transitional and f is uncertain.

    Examples
    --------
    fluids' documented example, Re = 1e5 and e/D = 1e-4 (the Moody chart reads 0.0185):

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("friction_factor", {"Re": 1e5, "relative_roughness": 1e-4})
    >>> round(r.value("fd"), 5), r.method
    (0.01851, 'Clamond')
    """
    from peoa.exceptions import ToolInputError

    if relative_roughness is None:
        if roughness is None or diameter is None:
            raise ToolInputError(
                "friction_factor: give relative_roughness, or roughness and diameter"
            )
        relative_roughness = roughness / diameter
    fd = fluids.friction.friction_factor(Re=Re, eD=relative_roughness, Method=method or "Clamond")
    return Outcome({"fd": fd, "fanning": fd / 4.0}, method=_friction_method(method, Re))


@tool(
    topic="pipe_flow",
    reference="Idelchik, Handbook of Hydraulic Resistance (2007); Farshad and Rieke, SPE Drill. "
    "Complet. 21 (2006) 212, doi:10.2118/89040-PA; fluids.friction.material_roughness",
    outputs={
        "roughness": Out("m", "absolute roughness", kind="roughness"),
        "material": Out(None, "the matched material entry"),
    },
)
def pipe_roughness(
    material: Annotated[
        str,
        P(
            "pipe material and condition, exactly as in fluids' roughness "
            "tables, e.g. 'Carbon steel, bare', 'Cast iron', 'Glass', "
            "'Seamless steel tubes, New and unused'",
            choices=_MATERIALS,
        ),
    ],
    diameter: Annotated[
        float | None,
        Q("inside_diameter", "pipe inner diameter (used by the Farshad entries)", gt=0),
    ] = None,
) -> dict[str, object]:
    """Absolute surface roughness of a pipe material and condition, for friction-factor
    tools. Clean materials come from Farshad and Rieke (2006), used and corroded pipes
    from Idelchik's tables (average value).

    Notes
    -----
    The material must be one of the tables' names exactly (a near miss gets a "did you
    mean"). A Farshad entry with a diameter follows their fit e/D = A D^B (D in inches),
    else their tabulated value; Idelchik's entries give the average of their range. Real
    roughness varies several-fold with age and service.

    Examples
    --------
    Bare carbon steel in a 4-inch pipe; by hand Farshad's A = 0.0014, B = -1.0112 give
    e = 0.0014 x 4^(-0.0112) in = 0.0350 mm:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("pipe_roughness", {"material": "Carbon steel, bare",
    ...     "diameter": "4 in"})
    >>> round(r.value("roughness", "mm"), 4)
    0.035
    """
    return {
        "roughness": fluids.friction.material_roughness(material, D=diameter),
        "material": material,
    }


@tool(
    topic="pipe_flow",
    reference="Crane TP-410 (2009) A-26..A-29 (fluids.fittings.*_Crane); Hooper, Chem. Eng. "
    "88 (1981) 96 (2-K, fluids.fittings.Hooper2K); Darby, Chem. Eng. 106 (1999) 66 "
    "(3-K, fluids.fittings.Darby3K)",
    outputs={
        "K": Out("", "loss coefficient based on the pipe inner diameter", kind="loss_coefficient"),
        "L_over_D": Out("", "equivalent length in pipe diameters (K / fd)", kind="ratio"),
    },
)
def fitting_loss_coefficient(
    fitting: Annotated[
        str, P("fitting name, from the Crane, Hooper or Darby list", choices=FITTINGS)
    ],
    diameter: Annotated[float, Q("inside_diameter", "pipe inner diameter", gt=0)],
    Re: Annotated[
        float | None, Q("reynolds_number", "Reynolds number (needed by Hooper and Darby)", gt=0)
    ] = None,
    method: Annotated[
        str | None,
        P(
            "loss-coefficient method; default: the table the fitting name comes from",
            choices=FITTING_METHODS,
        ),
    ] = None,
) -> Outcome:
    """Loss coefficient K of a pipe fitting or valve, dP = K rho V^2 / 2. 'Crane' uses
    the Crane TP-410 K = (L/D) f_t values (fully turbulent, clean steel); 'Hooper' (2-K)
    and 'Darby' (3-K) also depend on Reynolds number and size. Sum the Ks of all fittings
    for pipe_pressure_drop.

    Notes
    -----
    Crane's K = (L/D) f_T is for fully turbulent flow in clean commercial steel, the
    fitting the pipe's size, with fluids' fit to Crane's f_T table; it does not vary with
    Re, so it understates laminar losses. Hooper's 2-K and Darby's 3-K methods add the Re
    (and size) dependence. L/D is K over f_T (Crane) or the Colebrook f of clean steel.

    Examples
    --------
    Crane TP-410 A-27, a globe valve K = 340 f_T, in 2-inch schedule 40 pipe (fluids' f_T
    is 0.0188; Crane's table rounds it to 0.019):

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("fitting_loss_coefficient", {"fitting": "globe valve",
    ...     "diameter": "52.5 mm"})
    >>> round(r.value("K"), 2), round(r.value("L_over_D"))
    (6.41, 340)
    """
    tables: dict[str, Container[str]] = {
        "Crane": CRANE_FITTINGS,
        "Hooper": fit.Hooper,
        "Darby": fit.Darby,
    }
    chosen = method or next(name for name, table in tables.items() if fitting in table)
    if fitting not in tables[chosen]:
        owner = next(name for name, table in tables.items() if fitting in table)
        raise ToolInputError(
            f"fitting_loss_coefficient: {fitting!r} is a {owner} fitting; "
            f"use method {owner!r} or a {chosen} fitting name"
        )
    if chosen == "Crane":
        K = CRANE_FITTINGS[fitting](diameter)
        fd = fluids.friction.ft_Crane(diameter)
    else:
        if Re is None:
            raise ToolInputError(
                f"fitting_loss_coefficient: argument 'Re' is needed by the {chosen} method"
            )
        if chosen == "Hooper":
            K = fit.Hooper2K(Di=diameter / 0.0254, Re=Re, name=fitting)  # Hooper uses inches
        else:
            K = fit.Darby3K(NPS=None, Re=Re, name=fitting, Di=diameter)
        fd = fluids.friction.friction_factor(Re=Re, eD=_STEEL_ROUGHNESS / diameter)
    return Outcome({"K": K, "L_over_D": K / fd}, method=chosen)


def _velocity(
    mass_flow: float | None,
    volumetric_flow: float | None,
    velocity: float | None,
    density: float,
    diameter: float,
) -> float:
    given = [x is not None for x in (mass_flow, volumetric_flow, velocity)]
    if sum(given) != 1:
        raise ToolInputError("give exactly one of 'mass_flow', 'volumetric_flow' or 'velocity'")
    area = math.pi / 4.0 * diameter**2
    if velocity is not None:
        return velocity
    if volumetric_flow is not None:
        return volumetric_flow / area
    assert mass_flow is not None  # exactly one of the three, checked above
    return mass_flow / density / area


_DENSITY = Q("density", "fluid density", gt=0)


@tool(
    topic="pipe_flow",
    reference="Continuity: V = Q / A, A = pi D^2 / 4 (Crane TP-410 (2009) eq. 1-3)",
    outputs={
        "velocity": Out("m/s", "mean velocity in the pipe"),
        "area": Out("m**2", "flow cross-sectional area", kind="cross_section_area"),
    },
    alternatives=[("volumetric_flow", ("mass_flow", "density"))],
)
def pipe_velocity(
    diameter: Annotated[float, Q("inside_diameter", "pipe inner diameter", gt=0)],
    volumetric_flow: Annotated[
        float | None, Q("volumetric_flow", "volumetric flow rate", gt=0)
    ] = None,
    mass_flow: Annotated[float | None, Q("mass_flow", "mass flow rate", gt=0)] = None,
    density: Annotated[float | None, _DENSITY] = None,
) -> dict[str, float]:
    """Mean velocity of a flow in a full circular pipe from the volumetric flow (or the mass
    flow and density) and the inside diameter.

    Notes
    -----
    The mean velocity over the whole section of a full circular pipe, at one density
    (a liquid, or a gas at the local conditions). Not for annuli or non-circular ducts,
    nor for partly full pipes (open_channel_flow).

    Examples
    --------
    10 m^3/h through a 52.5 mm bore; by hand V = Q / (pi D^2 / 4) = 1.283 m/s:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("pipe_velocity", {"diameter": "52.5 mm",
    ...     "volumetric_flow": "10 m^3/h"})
    >>> round(r.value("velocity", "m/s"), 3)
    1.283
    """
    if volumetric_flow is None and (mass_flow is None or density is None):
        raise ToolInputError("pipe_velocity: give volumetric_flow, or mass_flow and density")
    if volumetric_flow is not None and mass_flow is not None:
        raise ToolInputError("pipe_velocity: give volumetric_flow or mass_flow, not both")
    area = math.pi / 4.0 * diameter**2
    if volumetric_flow is not None:
        flow = volumetric_flow
    else:
        assert mass_flow is not None and density is not None  # checked above
        flow = mass_flow / density
    return {"velocity": flow / area, "area": area}


_VISCOSITY = Q("dynamic_viscosity", "fluid dynamic viscosity", gt=0)
_ROUGHNESS = Q("roughness", "absolute pipe roughness; default commercial steel 0.0457 mm", ge=0)


@tool(
    topic="pipe_flow",
    reference="Darcy-Weisbach with fitting K values, Crane TP-410 (2009) eq. 1-4 and 2-2; "
    "fluids.friction.friction_factor, fluids.core.K_from_f, fluids.core.dP_from_K",
    outputs={
        "dP": Out(
            "Pa",
            "total pressure drop (friction + fittings + elevation)",
            kind="pressure_difference",
        ),
        "dP_friction": Out("Pa", "straight-pipe friction loss", kind="pressure_difference"),
        "dP_fittings": Out(
            "Pa", "loss through the fittings (sum of K)", kind="pressure_difference"
        ),
        "dP_elevation": Out("Pa", "static head change rho g dz", kind="pressure_difference"),
        "head_loss": Out("m", "frictional head loss (pipe + fittings)", kind="friction_head"),
        "velocity": Out("m/s", "mean velocity"),
        "Re": Out("", "Reynolds number", kind="reynolds_number"),
        "fd": Out("", "Darcy friction factor", kind="darcy_friction_factor"),
    },
    alternatives=[("mass_flow", "volumetric_flow", "velocity")],
)
def pipe_pressure_drop(
    diameter: Annotated[float, Q("inside_diameter", "pipe inner diameter", gt=0)],
    length: Annotated[float, Q("pipe_length", "straight pipe length", ge=0)],
    density: Annotated[float, _DENSITY],
    viscosity: Annotated[float, _VISCOSITY],
    mass_flow: Annotated[float | None, Q("mass_flow", "mass flow rate", gt=0)] = None,
    volumetric_flow: Annotated[
        float | None, Q("volumetric_flow", "volumetric flow rate", gt=0)
    ] = None,
    velocity: Annotated[float | None, Q("velocity", "mean velocity", gt=0)] = None,
    roughness: Annotated[float, _ROUGHNESS] = _STEEL_ROUGHNESS,
    sum_K: Annotated[float, Q("loss_coefficient", "sum of fitting loss coefficients", ge=0)] = 0.0,
    elevation_change: Annotated[
        float, Q("elevation", "outlet elevation minus inlet elevation")
    ] = 0.0,
    method: Annotated[
        str | None, P("friction-factor correlation; default Clamond", choices=FRICTION_METHODS)
    ] = None,
) -> Outcome:
    """Pressure drop of single-phase incompressible flow through a pipe with fittings:
    Darcy-Weisbach friction, plus sum(K) rho V^2/2 for fittings, plus rho g dz for
    elevation. Give one of mass flow, volumetric flow or velocity.

    Notes
    -----
    Steady, single-phase, incompressible flow in a full round pipe of one diameter; a
    gas only while dP stays below about 10 % of the inlet pressure (Crane). Fitting Ks
    act on the pipe velocity. Below Re = 2040 f = 64/Re whatever method is named (the
    method reported says so); between 2100 and 4000 the tool warns that f is uncertain.

    Examples
    --------
    Water, 10 m^3/h through 100 m of 52.5 mm steel (e = 0.0457 mm), sum K = 3, rising
    5 m; by hand with Colebrook's f = 0.02273: 35.58 + 2.47 + 48.94 = 86.98 kPa:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("pipe_pressure_drop", {"diameter": "52.5 mm",
    ...     "length": "100 m", "density": "998 kg/m^3", "viscosity": "1 cP",
    ...     "volumetric_flow": "10 m^3/h", "sum_K": 3, "elevation_change": "5 m"})
    >>> round(r.value("dP", "kPa"), 2)
    86.98
    """
    V = _velocity(mass_flow, volumetric_flow, velocity, density, diameter)
    Re = fluids.core.Reynolds(V=V, D=diameter, rho=density, mu=viscosity)
    chosen = method or "Clamond"
    fd = fluids.friction.friction_factor(Re=Re, eD=roughness / diameter, Method=chosen)
    dp_friction = fluids.core.dP_from_K(fluids.core.K_from_f(fd, length, diameter), density, V)
    dp_fittings = fluids.core.dP_from_K(sum_K, density, V)
    dp_elevation = density * _G * elevation_change
    if 2100 < Re < 4000:
        warn(
            f"Re = {Re:.0f} is in the laminar-turbulent transition; the friction factor is "
            "uncertain"
        )
    return Outcome(
        {
            "dP": dp_friction + dp_fittings + dp_elevation,
            "dP_friction": dp_friction,
            "dP_fittings": dp_fittings,
            "dP_elevation": dp_elevation,
            "head_loss": fluids.core.head_from_P(dp_friction + dp_fittings, density),
            "velocity": V,
            "Re": Re,
            "fd": fd,
        },
        method=_friction_method(method, Re),
    )


@tool(
    topic="pipe_flow",
    reference="ASME B36.10M / B36.19M schedules; fluids.piping.nearest_pipe",
    outputs={
        "NPS": Out("", "nominal pipe size [in]", kind="nominal_pipe_size"),
        "Di": Out("m", "inner diameter", kind="inside_diameter"),
        "Do": Out("m", "outer diameter", kind="outside_diameter"),
        "t": Out("m", "wall thickness", kind="wall_thickness"),
    },
    alternatives=[("NPS", "inner_diameter", "outer_diameter")],
    # A schedule's dimensions are a pipe's: a thermowell's or a cylinder's diameter is
    # no bore to look a pipe up by.
    cues=(
        "pipe",
        "piping",
        "pipeline",
        "line",
        "header",
        "schedule",
        "sch",
        "NPS",
        "DN",
        "nominal",
    ),
)
def pipe_schedule(
    schedule: Annotated[
        str,
        P(
            "pipe schedule, e.g. '40', '80', 'STD', 'XS', '10S'",
            choices=tuple(fluids.piping.schedule_lookup),
        ),
    ] = "40",
    NPS: Annotated[
        float | None, Q("nominal_pipe_size", "nominal pipe size in inches, e.g. 2 or 0.75", gt=0)
    ] = None,
    inner_diameter: Annotated[
        float | None, Q("inside_diameter", "required minimum inner diameter", gt=0)
    ] = None,
    outer_diameter: Annotated[float | None, Q("outside_diameter", "outer diameter", gt=0)] = None,
) -> dict[str, float]:
    """Pipe dimensions from a schedule: give the nominal pipe size (NPS), or a required
    inner diameter (the smallest pipe with at least that bore is chosen), or an outer
    diameter. Returns NPS, inner and outer diameter and wall thickness.

    Notes
    -----
    Dimensions of ASME B36.10M (welded and seamless steel) and B36.19M (stainless, the S
    schedules) as fluids tabulates them, within 0.1 mm of the imperial tables. With an
    inner or outer diameter the nearest pipe of the schedule is chosen; a size the
    schedule does not make is an error.

    Examples
    --------
    ASME B36.10M, NPS 2 schedule 40: OD 60.3 mm, wall 3.91 mm, bore 52.48 mm:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("pipe_schedule", {"NPS": 2, "schedule": "40"})
    >>> round(r.value("Di", "mm"), 2), round(r.value("Do", "mm"), 1)
    (52.48, 60.3)
    """
    if sum(x is not None for x in (NPS, inner_diameter, outer_diameter)) != 1:
        raise ToolInputError(
            "pipe_schedule: give exactly one of 'NPS', 'inner_diameter' or 'outer_diameter'"
        )
    nps, di, do, t = fluids.piping.nearest_pipe(
        Do=outer_diameter,
        Di=inner_diameter,
        NPS=NPS,  # type: ignore[arg-type]  # fluids annotates NPS as int; 1.5 and 0.75 exist
        schedule=schedule,
    )
    return {"NPS": nps, "Di": di, "Do": do, "t": t}


@tool(
    topic="pipe_flow",
    reference="Darcy-Weisbach solved for flow, Crane TP-410 (2009) ch. 2; "
    "fluids.friction.friction_factor, fluids.core.dP_from_K; scipy.optimize.brentq",
    outputs={
        "volumetric_flow": Out("m**3/s", "volumetric flow rate"),
        "mass_flow": Out("kg/s", "mass flow rate"),
        "velocity": Out("m/s", "mean velocity"),
        "Re": Out("", "Reynolds number", kind="reynolds_number"),
        "fd": Out("", "Darcy friction factor", kind="darcy_friction_factor"),
    },
    alternatives=[("available_head", "available_pressure", "level_difference")],
)
def flow_from_head(
    diameter: Annotated[float, Q("inside_diameter", "pipe inner diameter", gt=0)],
    length: Annotated[float, Q("pipe_length", "straight pipe length", ge=0)],
    density: Annotated[float, _DENSITY],
    viscosity: Annotated[float, _VISCOSITY],
    available_head: Annotated[
        float | None, Q("head", "available head (e.g. tank level difference)", gt=0)
    ] = None,
    available_pressure: Annotated[
        float | None, Q("pressure_difference", "available pressure difference", gt=0)
    ] = None,
    level_difference: Annotated[
        float | None,
        Q(
            "elevation",
            "drop in liquid level from the source to the receiving tank, both open to the "
            "same pressure (gravity flow: the available head)",
            gt=0,
        ),
    ] = None,
    roughness: Annotated[float, _ROUGHNESS] = _STEEL_ROUGHNESS,
    sum_K: Annotated[
        float,
        Q(
            "loss_coefficient",
            "sum of fitting loss coefficients, including entrance and exit",
            ge=0,
        ),
    ] = 0.0,
    method: Annotated[
        str | None, P("friction-factor correlation; default Clamond", choices=FRICTION_METHODS)
    ] = None,
) -> Outcome:
    """Flow rate that a given head or pressure difference drives through a pipe with
    fittings (gravity flow between tanks, flow at a fixed supply pressure). Solves
    Darcy-Weisbach + sum(K) for the velocity.

    Notes
    -----
    The model of pipe_pressure_drop solved for the velocity: steady, incompressible,
    single-phase flow in a full round pipe, Ks on the pipe velocity (include the entrance
    and exit in sum_K). A head counts as rho g h at the given density; a level difference
    between two tanks open to the same pressure is that head. The tool refuses
    a case in which no velocity below 1e5 m/s uses the head.

    Examples
    --------
    The pipe of pipe_pressure_drop's example under a 5 m head; by hand (f L/D + K) V^2 / 2g
    = 5 m at V = 1.466 m/s (Colebrook f = 0.02237), so 11.43 m^3/h:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("flow_from_head", {"diameter": "52.5 mm", "length": "100 m",
    ...     "density": "998 kg/m^3", "viscosity": "1 cP", "available_head": "5 m",
    ...     "sum_K": 3})
    >>> round(r.value("volumetric_flow", "m^3/h"), 2)
    11.43
    """
    given = [v for v in (available_head, available_pressure, level_difference) if v is not None]
    if len(given) != 1:
        raise ToolInputError(
            "flow_from_head: give exactly one of 'available_head', 'available_pressure' or "
            "'level_difference'"
        )
    if available_pressure is not None:
        dp = available_pressure
    else:
        dp = fluids.core.P_from_head(given[0], density)
    from scipy.optimize import brentq

    chosen = method or "Clamond"
    eD = roughness / diameter

    def excess(V: float) -> float:
        Re = fluids.core.Reynolds(V=V, D=diameter, rho=density, mu=viscosity)
        fd = fluids.friction.friction_factor(Re=Re, eD=eD, Method=chosen)
        K = fluids.core.K_from_f(fd, length, diameter) + sum_K
        return fluids.core.dP_from_K(K, density, V) - dp

    upper = 1.0
    while excess(upper) < 0:
        upper *= 4.0
        if upper > 1e5:
            raise ToolExecutionError(
                "flow_from_head: no velocity below 1e5 m/s uses the "
                "available head; check length and fittings"
            )
    V = brentq(excess, 1e-12, upper, xtol=1e-14, rtol=1e-12)
    Re = fluids.core.Reynolds(V=V, D=diameter, rho=density, mu=viscosity)
    area = math.pi / 4.0 * diameter**2
    return Outcome(
        {
            "volumetric_flow": V * area,
            "mass_flow": V * area * density,
            "velocity": V,
            "Re": Re,
            "fd": fluids.friction.friction_factor(Re=Re, eD=eD, Method=chosen),
        },
        method=_friction_method(method, Re),
    )


TEE_FLOWS = ("converging", "diverging")


@tool(
    topic="pipe_flow",
    reference="Crane TP-410 (2009) A-29 and Examples 7-35, 7-36 (tees and wyes); "
    "fluids.fittings.K_branch_converging_Crane, K_run_converging_Crane, "
    "K_branch_diverging_Crane, K_run_diverging_Crane",
    outputs={
        "K_branch": Out(
            "",
            "loss coefficient of the branch, on the velocity of the combined flow",
            kind="loss_coefficient",
        ),
        "K_run": Out(
            "",
            "loss coefficient of the run (straight-through), on the velocity of the combined flow",
            kind="loss_coefficient",
        ),
        "flow_ratio": Out("", "branch flow / combined flow", kind="ratio"),
        "combined_velocity": Out("m/s", "velocity of the combined flow, which the Ks refer to"),
    },
)
def tee_loss_coefficient(
    flow: Annotated[
        str,
        P(
            "converging (branch flow joins the run) or diverging (the combined flow splits)",
            choices=TEE_FLOWS,
            said_choice=(
                ("converging", ("combining", "joins", "join", "merging", "merge")),
                ("diverging", ("dividing", "splits", "split", "separating")),
            ),
        ),
    ],
    combined_flow: Annotated[
        float, Q("volumetric_flow", "combined volumetric flow (branch plus run)", gt=0)
    ],
    branch_flow: Annotated[float, Q("volumetric_flow", "volumetric flow through the branch", ge=0)],
    run_diameter: Annotated[
        float, Q("inside_diameter", "inner diameter of the run and combined leg", gt=0)
    ],
    branch_diameter: Annotated[
        float | None,
        Q("inside_diameter", "inner diameter of the branch; default the run diameter", gt=0),
    ] = None,
    angle: Annotated[
        float,
        Q(
            "angle",
            "angle of the branch to the run: 90 for a tee, less for a wye",
            unit="deg",
            gt=0,
            le=90,
        ),
    ] = 90.0,
) -> Outcome:
    """Crane TP-410 loss coefficients of the branch and the run of a tee or wye, converging
    or diverging, from the combined and branch flows, the diameters and the branch angle.
    Both Ks refer to the velocity of the combined flow (dP = K rho V_comb^2 / 2), as in
    Crane and fluids; a K may be negative (the flow gains energy).

    Notes
    -----
    Crane TP-410's correlations, as fluids implements them, for tees and wyes with branch
    angles up to 90 degrees in turbulent flow, the run of one diameter throughout. A
    branch wider than the run is outside them: the tool answers and warns.

    Examples
    --------
    Crane TP-410 Example 7-36: a DN150 wye, 950 L/min leaving through the 45 degree
    branch of 2465 L/min in all; Crane gives K_branch = 0.4640, K_run = -0.06809:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("tee_loss_coefficient", {"flow": "diverging",
    ...     "combined_flow": "2465 L/min", "branch_flow": "950 L/min",
    ...     "run_diameter": "146 mm", "angle": "45 deg"})
    >>> round(r.value("K_branch"), 3), round(r.value("K_run"), 3)
    (0.464, -0.068)
    """
    if branch_flow > combined_flow:
        raise ToolInputError(
            f"tee_loss_coefficient: the branch flow ({branch_flow:.6g} m3/s) exceeds the "
            f"combined flow ({combined_flow:.6g} m3/s); the combined flow is branch plus run"
        )
    D_branch = run_diameter if branch_diameter is None else branch_diameter
    if D_branch > run_diameter:
        warn(
            "the branch is wider than the run; Crane's tee correlations are for branches no "
            "wider than the run"
        )
    q_run = combined_flow - branch_flow
    args = (run_diameter, D_branch, q_run, branch_flow)
    if flow == "converging":
        K_branch = fit.K_branch_converging_Crane(*args, angle=angle)
        K_run = fit.K_run_converging_Crane(*args, angle=angle)
    else:
        K_branch = fit.K_branch_diverging_Crane(*args, angle=angle)
        K_run = fit.K_run_diverging_Crane(*args, angle=angle)
    return Outcome(
        {
            "K_branch": K_branch,
            "K_run": K_run,
            "flow_ratio": branch_flow / combined_flow,
            "combined_velocity": combined_flow / (math.pi / 4.0 * run_diameter**2),
        },
        method=f"Crane, {flow} {'tee' if angle >= 75 else 'wye'}",
    )


TOOLS = (
    pipe_velocity,
    reynolds_number,
    friction_factor,
    pipe_roughness,
    fitting_loss_coefficient,
    pipe_pressure_drop,
    pipe_schedule,
    flow_from_head,
    tee_loss_coefficient,
)
