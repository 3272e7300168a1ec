"""Control valve sizing after IEC 60534-2-1:2011 (ISA-75.01.01), liquid and gas, and flow
coefficient conversions (``fluids.control_valve``)."""

from __future__ import annotations

from typing import Annotated, Any

import fluids.control_valve as cv

from peoa.exceptions import ToolInputError
from peoa.tools.base import Out, Outcome, P, Q, tool, warn

__all__ = ["TOOLS", "control_valve_gas", "control_valve_liquid", "flow_coefficient_convert"]

_REFERENCE = "IEC 60534-2-1:2011 / ISA-75.01.01-2007; fluids.control_valve."
# With their units, pint converts one scale into another (Cv = 1.156 Kv) and a Kv is
# never read as a plain number. Av is the flow area sqrt(rho/dP)*Q.
_SCALE_UNITS = {"Kv": "m**3/(hour*bar**0.5)", "Cv": "gallon/(minute*psi**0.5)", "Av": "m**2"}
_OUTPUTS = {
    "Kv": Out(_SCALE_UNITS["Kv"], "required flow coefficient Kv [m^3/h at 1 bar drop]"),
    "Cv": Out(_SCALE_UNITS["Cv"], "required flow coefficient Cv [US gpm at 1 psi drop]"),
    "choked": Out(None, "whether the flow is choked"),
    "laminar": Out(None, "whether the flow is laminar (Reynolds correction applied)"),
    "Rev": Out("", "valve Reynolds number", kind="reynolds_number"),
}
_FL = Q(
    "correction_factor",
    "liquid pressure recovery factor FL of the valve (globe ~0.9, ball ~0.6)",
    gt=0,
    le=1,
)
_FD = Q(
    "correction_factor", "valve style modifier Fd (single-port globe ~0.46, ball ~0.98)", gt=0, le=1
)
_D1 = Q("inside_diameter", "upstream pipe inner diameter (for piping geometry factors)", gt=0)
_D2 = Q("inside_diameter", "downstream pipe inner diameter", gt=0)
_DV = Q("inside_diameter", "valve nominal size (inlet diameter)", gt=0)


def _check_geometry(D1: float | None, D2: float | None, d: float | None) -> None:
    given = [x is not None for x in (D1, D2, d)]
    if any(given) and not all(given):
        raise ToolInputError(
            "give all of 'pipe_diameter_in', 'pipe_diameter_out' and "
            "'valve_diameter' (for reducer corrections), or none"
        )


def _full_output(result: object) -> dict[str, Any]:
    """fluids' valve sizing returns its dict of results when called with full_output=True."""
    assert isinstance(result, dict)
    return result


def _outputs(result: dict[str, Any]) -> Outcome:
    kv = result["Kv"]
    return Outcome(
        {
            "Kv": kv,
            "Cv": cv.Kv_to_Cv(kv),
            "choked": bool(result["choked"]),
            "laminar": bool(result["laminar"]),
            "Rev": result["Rev"],
        },
        method="choked"
        if result["choked"]
        else ("laminar" if result["laminar"] else "turbulent, non-choked"),
    )


@tool(
    topic="control_valves",
    reference=_REFERENCE + "size_control_valve_l",
    outputs=_OUTPUTS,
    phase="liquid",
    alternatives=[(("P1", "P2"), "pressure_drop")],
)
def control_valve_liquid(
    volumetric_flow: Annotated[float, Q("volumetric_flow", "liquid flow rate", gt=0)],
    density: Annotated[float, Q("density", "liquid density", gt=0)],
    P1: Annotated[float | None, Q("pressure", "inlet absolute pressure")] = None,
    P2: Annotated[float | None, Q("pressure", "outlet absolute pressure")] = None,
    pressure_drop: Annotated[
        float | None,
        Q("pressure_drop", "pressure drop across the valve (without P1 and P2)", gt=0),
    ] = None,
    vapor_pressure: Annotated[
        float | None,
        Q("vapor_pressure", "liquid vapour pressure at inlet temperature (for the choke check)"),
    ] = None,
    critical_pressure: Annotated[
        float | None,
        Q("critical_pressure", "liquid thermodynamic critical pressure (water 220.6 bar)"),
    ] = None,
    viscosity: Annotated[
        float | None, Q("dynamic_viscosity", "liquid viscosity (with reducer diameters)", gt=0)
    ] = None,
    FL: Annotated[float, _FL] = 0.9,
    Fd: Annotated[float, _FD] = 1.0,
    pipe_diameter_in: Annotated[float | None, _D1] = None,
    pipe_diameter_out: Annotated[float | None, _D2] = None,
    valve_diameter: Annotated[float | None, _DV] = None,
) -> Outcome:
    """Required Kv and Cv of a control valve in liquid service (IEC 60534-2-1), with the
    choked-flow (cavitation/flashing) limit when the vapour and critical pressures are
    given, and, when pipe and valve diameters are given, the laminar Reynolds
    correction and the reducer piping geometry factor. Without a vapour pressure the
    flow is sized as turbulent and non-choked, Kv = Q sqrt(SG/dP), and the reply says
    the choke was not checked; so it is when only the pressure drop is given.

    Notes
    -----
    IEC 60534-2-1 for an incompressible, single-phase liquid: choked when dP exceeds
    FL^2 (P1 - FF Psat), FF = 0.96 - 0.28 sqrt(Psat/Pc) (FLP/FP with reducers); a laminar or
    transitional valve Reynolds number is corrected only when the three diameters and the
    viscosity are given, otherwise the flow is taken as fully turbulent. Flashing and
    cavitation damage are not assessed beyond the choke.

    Examples
    --------
    Example 1 of IEC 60534-2-1 as fluids reproduces it (water at 965.4 kg/m3, 360 m3/h,
    680 to 220 kPa, a 150 mm globe valve): Kv = 165 m3/h:

    >>> from peoa.tools import get_registry
    >>> q = lambda v, u: {"value": v, "unit": u}
    >>> r = get_registry().run("control_valve_liquid", {"volumetric_flow": q(360, "m^3/h"),
    ...     "density": q(965.4, "kg/m^3"), "P1": q(680, "kPa"), "P2": q(220, "kPa"),
    ...     "vapor_pressure": q(70.1, "kPa"), "critical_pressure": q(22120, "kPa"),
    ...     "viscosity": q(3.1472e-4, "Pa*s"), "FL": 0.9, "Fd": 0.46, "pipe_diameter_in":
    ...     q(150, "mm"), "pipe_diameter_out": q(150, "mm"), "valve_diameter": q(150, "mm")})
    >>> round(r.value("Kv"), 1), r.value("choked")
    (165.0, False)
    """
    if pressure_drop is not None and (P1 is not None or P2 is not None):
        raise ToolInputError("control_valve_liquid: give P1 and P2, or the pressure drop")
    if pressure_drop is not None:
        if vapor_pressure is not None:
            raise ToolInputError(
                "control_valve_liquid: checking for choked flow needs P1 and P2, not only the drop"
            )
        # Only the drop counts for turbulent, non-choked flow: any inlet with that drop.
        P1, P2 = 2.0 * pressure_drop, pressure_drop
    if P1 is None or P2 is None:
        raise ToolInputError("control_valve_liquid: give P1 and P2, or the pressure drop")
    if P2 >= P1:
        raise ToolInputError("control_valve_liquid: P2 must be below P1")
    _check_geometry(pipe_diameter_in, pipe_diameter_out, valve_diameter)
    if viscosity is None and valve_diameter is not None:
        raise ToolInputError(
            "control_valve_liquid: give the viscosity with the reducer diameters (it sets "
            "the valve Reynolds number)"
        )
    if vapor_pressure is not None and critical_pressure is not None:
        checked, psat, pc = True, vapor_pressure, critical_pressure
    else:
        checked, psat, pc = False, 0.0, P1
        warn(
            "choked flow not checked (no vapour pressure and critical pressure given): "
            "sized as turbulent, non-choked"
        )
    result = _full_output(
        cv.size_control_valve_l(
            rho=density,
            Psat=psat,
            Pc=pc,
            mu=viscosity if viscosity is not None else 1e-3,  # unused without diameters
            P1=P1,
            P2=P2,
            Q=volumetric_flow,
            FL=FL,
            Fd=Fd,
            allow_choked=checked,
            full_output=True,
            D1=pipe_diameter_in,
            D2=pipe_diameter_out,
            d=valve_diameter,
        )
    )
    if not checked:
        result = {**result, "choked": False}
    return _outputs(result)


@tool(
    topic="control_valves",
    reference=_REFERENCE + "size_control_valve_g",
    outputs=_OUTPUTS,
    phase="gas",
)
def control_valve_gas(
    standard_flow: Annotated[
        float,
        Q(
            "standard_gas_flow",
            "gas flow at normal conditions (0 degC, 1 atm; e.g. Nm3/h)",
            gt=0,
            gas_basis="Nm3",
        ),
    ],
    P1: Annotated[float, Q("pressure", "inlet absolute pressure")],
    P2: Annotated[float, Q("pressure", "outlet absolute pressure")],
    temperature: Annotated[float, Q("temperature", "inlet temperature")],
    molar_mass: Annotated[float, Q("molar_mass", "gas molar mass", gt=0)],
    viscosity: Annotated[float, Q("dynamic_viscosity", "gas viscosity", gt=0)],
    k: Annotated[float, Q("heat_capacity_ratio", "heat capacity ratio Cp/Cv", gt=1, le=2)],
    Z: Annotated[float, Q("compressibility_factor", "compressibility at inlet", gt=0)] = 1.0,
    xT: Annotated[
        float,
        Q("correction_factor", "pressure differential ratio factor xT of the valve", gt=0, le=1),
    ] = 0.7,
    FL: Annotated[float, _FL] = 0.9,
    Fd: Annotated[float, _FD] = 1.0,
    pipe_diameter_in: Annotated[float | None, _D1] = None,
    pipe_diameter_out: Annotated[float | None, _D2] = None,
    valve_diameter: Annotated[float | None, _DV] = None,
) -> Outcome:
    """Required Kv and Cv of a control valve in gas or vapour service (IEC 60534-2-1),
    with the expansion factor Y, the choked-flow limit (x >= Fk xT) and the laminar
    correction. The flow is at standard conditions (273.15 K, 101325 Pa).

    Notes
    -----
    IEC 60534-2-1 for a single-phase gas or vapour with the inlet compressibility Z:
    expansion factor Y = 1 - x/(3 Fk xT), choked when x = dP/P1 reaches Fk xT (Fk = k/1.4,
    xTP with reducers). The laminar correction and the reducer factors apply only when
    the three diameters are given; otherwise the flow is taken as fully turbulent.

    Examples
    --------
    Example 3 of IEC 60534-2-1 as fluids reproduces it (carbon dioxide, 3800 Nm3/h,
    680 to 310 kPa at 433 K, a 50 mm rotary plug valve between 80 and 100 mm pipes):

    >>> from peoa.tools import get_registry
    >>> q = lambda v, u: {"value": v, "unit": u}
    >>> r = get_registry().run("control_valve_gas", {"standard_flow": q(3800, "m^3/h"),
    ...     "P1": q(680, "kPa"), "P2": q(310, "kPa"), "temperature": q(433, "K"),
    ...     "molar_mass": q(44.01, "g/mol"), "viscosity": q(1.4665e-4, "Pa*s"), "k": 1.30,
    ...     "Z": 0.988, "xT": 0.60, "FL": 0.85, "Fd": 0.42, "pipe_diameter_in": q(80, "mm"),
    ...     "pipe_diameter_out": q(100, "mm"), "valve_diameter": q(50, "mm")})
    >>> round(r.value("Kv"), 1), r.value("choked")
    (72.6, False)
    """
    if P2 >= P1:
        raise ToolInputError("control_valve_gas: P2 must be below P1")
    _check_geometry(pipe_diameter_in, pipe_diameter_out, valve_diameter)
    result = cv.size_control_valve_g(
        T=temperature,
        MW=molar_mass,
        mu=viscosity,
        gamma=k,
        Z=Z,
        P1=P1,
        P2=P2,
        Q=standard_flow,
        xT=xT,
        FL=FL,
        Fd=Fd,
        full_output=True,
        D1=pipe_diameter_in,
        D2=pipe_diameter_out,
        d=valve_diameter,
    )
    return _outputs(_full_output(result))


@tool(
    topic="control_valves",
    reference="IEC 60534-1 (Kv, Av) and ISA-75.01.01 (Cv); fluids.control_valve."
    "convert_flow_coefficient",
    outputs={
        "value": Out(
            None, "the flow coefficient in the new scale", unit_from="to_scale", units=_SCALE_UNITS
        )
    },
)
def flow_coefficient_convert(
    value: Annotated[float, Q("flow_coefficient_number", "flow coefficient to convert", gt=0)],
    from_scale: Annotated[str, P("scale of the value", choices=("Kv", "Cv", "Av"))],
    to_scale: Annotated[str, P("scale wanted", choices=("Kv", "Cv", "Av"))],
) -> dict[str, float]:
    """Convert a valve flow coefficient between Kv [m^3/h, 1 bar], Cv [US gpm, 1 psi] and
    Av [m^2] (Cv = 1.156 Kv).

    Notes
    -----
    Fixed ratios between the scales' definitions, exact for any valve: Kv is water in
    m^3/h at a 1 bar drop, Cv water in US gallons per minute at 1 psi, and Av the area
    Q sqrt(rho/dP) in m^2; the other scales that fluids knows (Qn) are not offered.

    Examples
    --------
    Kv = 10 is Cv = 10 x 1.156 = 11.56:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("flow_coefficient_convert", {"value": 10, "from_scale": "Kv",
    ...     "to_scale": "Cv"})
    >>> round(r.value("value"), 2)
    11.56
    """
    return {"value": cv.convert_flow_coefficient(value, from_scale, to_scale)}


TOOLS = (control_valve_liquid, control_valve_gas, flow_coefficient_convert)
