"""Compressors and compressible flow: isentropic and polytropic power, a real fluid's
turbine or compressor, gas pipelines and a line discharging to the atmosphere
(``fluids.compressible``). The ideal-gas relations (choked flow, stagnation properties,
the isentropic-flow table) are in :mod:`peoa.tools.compressible_flow`.
"""

from __future__ import annotations

import math
from typing import Annotated

import fluids.compressible as fc

from peoa.exceptions import ToolInputError
from peoa.tools.base import Out, Outcome, P, Q, tool, warn
from peoa.tools.compressible_flow import GAS_CONSTANT, HEAT_CAPACITY_RATIO
from peoa.tools.quantity import gas_volume_basis

__all__ = [
    "TOOLS",
    "compressor_power_isentropic",
    "compressor_power_polytropic",
    "gas_line_discharge",
    "gas_pipeline_flow",
    "gas_pipeline_outlet_pressure",
    "polytropic_exponent",
    "turbine_or_compressor",
]

_R = GAS_CONSTANT
_K = HEAT_CAPACITY_RATIO
_Z = Q("compressibility_factor", "average compressibility factor", gt=0)
_T1 = Q("temperature", "suction (inlet) temperature")
_P1 = Q("pressure", "suction (inlet) absolute pressure")
_P2 = Q("pressure", "discharge (outlet) absolute pressure")
_MW = Q("molar_mass", "gas molar mass (with mass_flow)", gt=0)

PIPELINE_METHODS = (
    "Weymouth",
    "Panhandle_A",
    "Panhandle_B",
    "IGT",
    "Muller",
    "Oliphant",
    "Spitzglass_high",
    "Spitzglass_low",
    "Fritzsche",
)
_NEEDS_VISCOSITY = {"IGT", "Muller"}


def _molar_flow(
    mass_flow: float | None, molar_mass: float | None, molar_flow: float | None
) -> float | None:
    if molar_flow is not None and mass_flow is not None:
        raise ToolInputError("give 'mass_flow' (with 'molar_mass') or 'molar_flow', not both")
    if mass_flow is not None:
        if molar_mass is None:
            raise ToolInputError("argument 'molar_mass' is needed with 'mass_flow'")
        return mass_flow / (molar_mass / 1000.0)
    return molar_flow


def _power_outputs(
    work: float, T2: float, flow: float | None, molar_mass: float | None, efficiency: float
) -> dict[str, float | None]:
    return {
        "work_molar": work,
        "work_specific": None if molar_mass is None else work / (molar_mass / 1000.0),
        "power": None if flow is None else work * flow,
        "T2": T2,
        "efficiency": efficiency,
    }


_POWER_OUTPUTS = {
    "work_molar": Out(
        "J/mol", "actual compression work per mole (enthalpy rise)", kind="molar_work"
    ),
    "work_specific": Out(
        "J/kg",
        "actual work per kg (null without molar_mass)",
        kind="specific_work",
        needs=("molar_mass",),
    ),
    # A flow is a molar flow, or a mass flow with the molar mass that turns it into moles.
    "power": Out(
        "W",
        "gas power (null without a flow)",
        kind="shaft_power",
        needs=(("mass_flow", "molar_flow"), ("molar_mass", "molar_flow")),
    ),
    "T2": Out("K", "actual discharge temperature"),
    "efficiency": Out(
        "", "isentropic efficiency (equivalent, for the polytropic tool)", kind="efficiency"
    ),
}


@tool(
    topic="compressors",
    reference="GPSA Engineering Data Book 13th ed. sec. 13; ideal-gas isentropic work "
    "W = k/(k-1) Z R T1 [(P2/P1)^((k-1)/k) - 1] / eta; "
    "fluids.compressible.isentropic_work_compression, isentropic_T_rise_compression",
    outputs=_POWER_OUTPUTS,
    phase="gas",
)
def compressor_power_isentropic(
    T1: Annotated[float, _T1],
    P1: Annotated[float, _P1],
    P2: Annotated[float, _P2],
    k: Annotated[float, _K],
    efficiency: Annotated[float, Q("efficiency", "isentropic efficiency", gt=0, le=1)] = 1.0,
    Z: Annotated[float, _Z] = 1.0,
    mass_flow: Annotated[float | None, Q("mass_flow", "gas mass flow", gt=0)] = None,
    molar_mass: Annotated[float | None, _MW] = None,
    molar_flow: Annotated[float | None, Q("molar_flow", "gas molar flow", gt=0)] = None,
) -> dict[str, float | None]:
    """Adiabatic compressor work and power from an isentropic efficiency (constant k, ideal
    gas with average Z), and the actual discharge temperature. Give a mass flow with molar
    mass, or a molar flow, to get the power.

    Notes
    -----
    One adiabatic stage of an ideal gas with constant k and an average Z: the work is the
    enthalpy rise k/(k-1) Z R T1 [(P2/P1)^((k-1)/k) - 1] / eta, and T2 assumes constant
    cp. It warns above a pressure ratio of about 4, where machines are staged with
    intercooling; for a real fluid's states use turbine_or_compressor.

    Examples
    --------
    fluids' own example: from 1 to 10 bar at 300 K with k = 1.4 and eta = 0.78 takes
    10.42 kJ/mol; T2 = 300 + (300 x 10^(0.4/1.4) - 300)/0.78 = 658 K:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("compressor_power_isentropic", {"T1": {"value": 300, "unit": "K"},
    ...     "P1": {"value": 1, "unit": "bar"}, "P2": {"value": 10, "unit": "bar"}, "k": 1.4,
    ...     "efficiency": 0.78})
    >>> round(r.value("work_molar", "kJ/mol"), 2), round(r.value("T2"))
    (10.42, 658)
    """
    flow = _molar_flow(mass_flow, molar_mass, molar_flow)
    work = fc.isentropic_work_compression(T1=T1, k=k, Z=Z, P1=P1, P2=P2, eta=efficiency)
    T2 = fc.isentropic_T_rise_compression(T1, P1, P2, k, eta=efficiency)
    if P2 / P1 > 4:
        warn(f"pressure ratio {P2 / P1:.1f} exceeds about 4: consider staging with intercooling")
    return _power_outputs(work, T2, flow, molar_mass, efficiency)


@tool(
    topic="compressors",
    reference="GPSA Engineering Data Book 13th ed. sec. 13; polytropic exponent "
    "(n-1)/n = (k-1)/(k eta_p); fluids.compressible.polytropic_exponent, "
    "isentropic_work_compression, isentropic_efficiency",
    outputs=_POWER_OUTPUTS
    | {
        "n": Out("", "polytropic exponent", kind="exponent"),
        "polytropic_head": Out(
            "J/kg",
            "polytropic head (null without molar_mass)",
            kind="specific_work",
            needs=("molar_mass",),
        ),
    },
    phase="gas",
)
def compressor_power_polytropic(
    T1: Annotated[float, _T1],
    P1: Annotated[float, _P1],
    P2: Annotated[float, _P2],
    k: Annotated[float, _K],
    polytropic_efficiency: Annotated[float, Q("efficiency", "polytropic efficiency", gt=0, le=1)],
    Z: Annotated[float, _Z] = 1.0,
    mass_flow: Annotated[float | None, Q("mass_flow", "gas mass flow", gt=0)] = None,
    molar_mass: Annotated[float | None, _MW] = None,
    molar_flow: Annotated[float | None, Q("molar_flow", "gas molar flow", gt=0)] = None,
) -> dict[str, float | None]:
    """Compressor work and power from a polytropic efficiency (typical of centrifugal
    compressors): polytropic exponent, head, discharge temperature and the equivalent
    isentropic efficiency.

    Notes
    -----
    An ideal gas with constant k and an average Z along the path P v^n = constant, with
    (n-1)/n = (k-1)/(k eta_p): head n/(n-1) Z R T1 [(P2/P1)^((n-1)/n) - 1], work head/eta_p
    and T2 = T1 (P2/P1)^((n-1)/n). One stage; unlike the isentropic tool it gives no
    staging warning.

    Examples
    --------
    k = 1.4 and eta_p = 0.78 give n = 1.578 (fluids' polytropic_exponent example); from
    300 K at a pressure ratio of 10 the gas leaves at 300 x 10^(0.578/1.578) = 697 K:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("compressor_power_polytropic", {"T1": {"value": 300, "unit": "K"},
    ...     "P1": {"value": 1, "unit": "bar"}, "P2": {"value": 10, "unit": "bar"}, "k": 1.4,
    ...     "polytropic_efficiency": 0.78})
    >>> round(r.value("n"), 3), round(r.value("T2"))
    (1.578, 697)
    """
    flow = _molar_flow(mass_flow, molar_mass, molar_flow)
    n = fc.polytropic_exponent(k, eta_p=polytropic_efficiency)
    work = fc.isentropic_work_compression(T1=T1, k=n, Z=Z, P1=P1, P2=P2, eta=polytropic_efficiency)
    head_molar = work * polytropic_efficiency
    T2 = fc.isentropic_T_rise_compression(T1, P1, P2, n, eta=1.0)
    eta_s = fc.isentropic_efficiency(P1, P2, k, eta_p=polytropic_efficiency)
    values = _power_outputs(work, T2, flow, molar_mass, eta_s)
    values["n"] = n
    values["polytropic_head"] = None if molar_mass is None else head_molar / (molar_mass / 1e3)
    return values


@tool(
    topic="compressors",
    reference="GPSA Engineering Data Book 13th ed. sec. 13; n/(n-1) = eta_p k/(k-1); "
    "fluids.compressible.polytropic_exponent",
    outputs={
        "n": Out("", "polytropic exponent", kind="exponent"),
        "polytropic_efficiency": Out("", "polytropic efficiency", kind="efficiency"),
    },
    alternatives=[("polytropic_efficiency", "n")],
    phase="gas",
)
def polytropic_exponent(
    k: Annotated[float, _K],
    polytropic_efficiency: Annotated[
        float | None,
        Q("efficiency", "polytropic efficiency (then the exponent is found)", gt=0, le=1),
    ] = None,
    n: Annotated[
        float | None, Q("exponent", "polytropic exponent (then the efficiency is found)", gt=1)
    ] = None,
) -> dict[str, float]:
    """The polytropic exponent of a compression from the gas's k and the polytropic
    efficiency, or the polytropic efficiency from the exponent: n/(n-1) = eta_p k/(k-1).

    Notes
    -----
    An ideal gas with constant k along the path P v^n = constant. The exponent exceeds k
    for a compression with eta_p < 1 (the gas leaves hotter than an isentropic one); an
    exponent at or below k is refused, as no efficiency up to 1 gives it.

    Examples
    --------
    fluids' example: k = 1.4 and eta_p = 0.78 give n = 1.578, and back:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("polytropic_exponent", {"k": 1.4, "polytropic_efficiency": 0.78})
    >>> round(r.value("n"), 3)
    1.578
    >>> r = get_registry().run("polytropic_exponent", {"k": 1.4, "n": 1.578035})
    >>> round(r.value("polytropic_efficiency"), 3)
    0.78
    """
    if polytropic_efficiency is not None:
        return {
            "n": fc.polytropic_exponent(k, eta_p=polytropic_efficiency),
            "polytropic_efficiency": polytropic_efficiency,
        }
    assert n is not None  # the alternatives give one of the two
    if n <= k:
        raise ToolInputError(
            f"a compression's polytropic exponent n = {n:g} must exceed k = {k:g} "
            "(an efficiency above 1 would be needed)"
        )
    return {"n": n, "polytropic_efficiency": fc.polytropic_exponent(k, n=n)}


_SG = Q("specific_gravity", "gas specific gravity relative to air", gt=0)
_TAVG = Q("temperature", "average gas temperature in the line")
_L = Q("pipe_length", "pipeline length", gt=0)
_D = Q("inside_diameter", "pipe inner diameter", gt=0)
_E = Q("efficiency", "pipeline efficiency factor", gt=0, le=1.2)
_TS = Q(
    "temperature",
    "standard (base) temperature of the flow; default 60 degF (288.71 K); leave it out "
    "when the flow is given in scf, Sm3 or Nm3 units, which state their own",
    gt=0,
)
_PS = Q(
    "pressure",
    "standard (base) pressure of the flow; default 14.696 psia (101325 Pa); leave it out "
    "when the flow is given in scf, Sm3 or Nm3 units",
    gt=0,
)
# Default reference conditions: those of the standard cubic foot (60 degF, 14.696 psia),
# so that a flow given in Nm3/d or Sm3/h is converted to exactly this basis.
_SCF_BASIS = gas_volume_basis("scf")
assert _SCF_BASIS is not None
_T_BASE, _P_BASE = _SCF_BASIS[0].temperature_K, _SCF_BASIS[0].pressure_Pa
_METHOD = P("gas pipeline equation", choices=PIPELINE_METHODS)
_MU = Q("dynamic_viscosity", "gas viscosity (IGT and Muller only)", gt=0)


def _pipeline(method: str, mu: float | None, **kwargs: float | None) -> float:
    func = getattr(fc, method)
    if method in _NEEDS_VISCOSITY:
        if mu is None:
            raise ToolInputError(f"argument 'viscosity' is needed by the {method} equation")
        kwargs["mu"] = mu
    value: float = func(**kwargs)
    return value


@tool(
    topic="compressors",
    reference="Menon, Gas Pipeline Hydraulics (2005) ch. 2; GPSA sec. 17; fluids.compressible."
    "Weymouth, Panhandle_A, Panhandle_B, IGT, Muller, Oliphant, Spitzglass, Fritzsche",
    outputs={
        "Q_standard": Out(
            "m**3/s", "standard volumetric flow (gas at Ts, Ps)", kind="standard_gas_flow"
        )
    },
    phase="gas",
)
def gas_pipeline_flow(
    P1: Annotated[float, Q("pressure", "inlet absolute pressure")],
    P2: Annotated[float, Q("pressure", "outlet absolute pressure")],
    length: Annotated[float, _L],
    diameter: Annotated[float, _D],
    specific_gravity: Annotated[float, _SG],
    T_average: Annotated[float, _TAVG],
    method: Annotated[str, _METHOD] = "Weymouth",
    Z_average: Annotated[float, _Z] = 1.0,
    efficiency: Annotated[float | None, _E] = None,
    T_standard: Annotated[float | None, _TS] = None,
    P_standard: Annotated[float | None, _PS] = None,
    viscosity: Annotated[float | None, _MU] = None,
) -> Outcome:
    """Standard volumetric flow of natural gas through a long pipeline from the inlet and
    outlet pressures, with a gas pipeline equation: Weymouth (high pressure, small
    diameters), Panhandle A/B (large long-distance lines), IGT, Muller, Spitzglass
    (low pressure), Oliphant, Fritzsche. Efficiency default is the equation's own.

    Notes
    -----
    Steady isothermal flow in a long horizontal line (no elevation term), with each
    equation's own empirical turbulent friction: Weymouth for high pressures and small
    diameters, Panhandle A and B for large long-distance lines, Oliphant (vacuum to
    100 psi) and Spitzglass low for low pressures. Pressures are absolute; the standard
    conditions default to 60 degF and 14.696 psia.

    Examples
    --------
    fluids' Weymouth example: 340 mm, 160 km, 90 to 20 bar, SG 0.693 at 277.15 K carries
    32.08 m3/s at standard conditions:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("gas_pipeline_flow", {"P1": {"value": 90, "unit": "bar"},
    ...     "P2": {"value": 20, "unit": "bar"}, "length": {"value": 160, "unit": "km"},
    ...     "diameter": {"value": 340, "unit": "mm"}, "specific_gravity": 0.693,
    ...     "T_average": {"value": 277.15, "unit": "K"}})
    >>> round(r.value("Q_standard"), 2)
    32.08
    """
    if P2 >= P1:
        raise ToolInputError("gas_pipeline_flow: outlet pressure P2 must be below inlet P1")
    extra = {} if efficiency is None else {"E": efficiency}
    q = _pipeline(
        method,
        viscosity,
        SG=specific_gravity,
        Tavg=T_average,
        L=length,
        D=diameter,
        P1=P1,
        P2=P2,
        Ts=_T_BASE if T_standard is None else T_standard,
        Ps=_P_BASE if P_standard is None else P_standard,
        Zavg=Z_average,
        **extra,
    )
    return Outcome({"Q_standard": q}, method=method)


@tool(
    topic="compressors",
    reference="Menon, Gas Pipeline Hydraulics (2005) ch. 2; fluids.compressible (solved for P2)",
    outputs={
        "P2": Out("Pa", "outlet absolute pressure"),
        "dP": Out("Pa", "pressure drop P1 - P2", kind="pressure_difference"),
    },
    phase="gas",
)
def gas_pipeline_outlet_pressure(
    P1: Annotated[float, Q("pressure", "inlet absolute pressure")],
    Q_standard: Annotated[
        float,
        Q(
            "standard_gas_flow",
            "gas flow at standard conditions (e.g. MMscfd, Sm3/h, Nm3/d)",
            gt=0,
            gas_basis="scf",
            base_conditions=("T_standard", "P_standard"),
        ),
    ],
    length: Annotated[float, _L],
    diameter: Annotated[float, _D],
    specific_gravity: Annotated[float, _SG],
    T_average: Annotated[float, _TAVG],
    method: Annotated[str, _METHOD] = "Weymouth",
    Z_average: Annotated[float, _Z] = 1.0,
    efficiency: Annotated[float | None, _E] = None,
    T_standard: Annotated[float | None, _TS] = None,
    P_standard: Annotated[float | None, _PS] = None,
    viscosity: Annotated[float | None, _MU] = None,
) -> Outcome:
    """Outlet pressure of a gas pipeline for a given standard flow, with the chosen gas
    pipeline equation (Weymouth, Panhandle A/B, IGT, ...).

    Notes
    -----
    The same steady, isothermal, horizontal-line equations as gas_pipeline_flow, solved
    for the outlet pressure; each equation keeps its own range (Weymouth high pressure,
    Panhandle long large lines, Spitzglass low and Oliphant low pressure). A flow that
    would need more than the inlet pressure is refused.

    Examples
    --------
    The Weymouth example of gas_pipeline_flow run backwards: 32.08 m3/s through 160 km
    of 340 mm pipe from 90 bar arrives at 20 bar:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("gas_pipeline_outlet_pressure", {"P1": {"value": 90, "unit": "bar"},
    ...     "Q_standard": {"value": 32.08, "unit": "m^3/s"}, "length": {"value": 160, "unit": "km"},
    ...     "diameter": {"value": 340, "unit": "mm"}, "specific_gravity": 0.693,
    ...     "T_average": {"value": 277.15, "unit": "K"}})
    >>> round(r.value("P2", "bar"), 1)
    20.0
    """
    extra = {} if efficiency is None else {"E": efficiency}
    try:
        p2 = _pipeline(
            method,
            viscosity,
            SG=specific_gravity,
            Tavg=T_average,
            L=length,
            D=diameter,
            P1=P1,
            Q=Q_standard,
            Ts=_T_BASE if T_standard is None else T_standard,
            Ps=_P_BASE if P_standard is None else P_standard,
            Zavg=Z_average,
            **extra,
        )
    except ValueError as error:
        raise ToolInputError(
            f"gas_pipeline_outlet_pressure: this flow cannot pass the line "
            f"at this inlet pressure ({error})"
        ) from None
    if isinstance(p2, complex) or not p2 > 0:
        raise ToolInputError(
            "gas_pipeline_outlet_pressure: this flow needs more than the "
            "inlet pressure; the line is too small or too long"
        )
    return Outcome({"P2": p2, "dP": P1 - p2}, method=method)


@tool(
    topic="compressors",
    reference="Isentropic efficiency on a real fluid's states: h2 = h1 + (h2s - h1) eta for "
    "compression, h1 - (h1 - h2s) eta for expansion (Cengel & Boles, Thermodynamics 9th ed. "
    "sec. 7-12); states from CoolProp (Bell et al., Ind. Eng. Chem. Res. 53 (2014) 2498, "
    "doi:10.1021/ie4033999)",
    outputs={
        "power": Out(
            "W",
            "shaft power, produced by a turbine or taken by a compressor (null without a flow)",
            kind="shaft_power",
            needs=("mass_flow",),
        ),
        "work_specific": Out("J/kg", "work per kg of fluid", kind="specific_work"),
        "T2": Out("K", "actual outlet temperature"),
        "quality_out": Out(
            "", "outlet vapour quality (-1 outside the two-phase region)", kind="vapor_fraction"
        ),
        "h1": Out("J/kg", "inlet specific enthalpy", kind="specific_enthalpy"),
        "h2": Out("J/kg", "actual outlet specific enthalpy", kind="specific_enthalpy"),
        "T2s": Out("K", "outlet temperature of the isentropic path", kind="temperature"),
        "entropy_generation": Out(
            "J/kg/K",
            "entropy generated per kg, s2 - s1 (adiabatic machine)",
            kind="entropy_generation",
        ),
        "exergy_destroyed": Out(
            "J/kg", "exergy destroyed per kg, T0 (s2 - s1)", kind="specific_energy"
        ),
        "shaft_power": Out(
            "W",
            "power at the shaft, after the mechanical efficiency (null without a flow)",
            kind="shaft_power",
            needs=("mass_flow",),
        ),
    },
    # The inlet: pressure and temperature, or saturated at a pressure or a temperature.
    alternatives=[(("P1", "T1"), ("P1", "quality_in"), ("T1", "quality_in"))],
    cues=(
        "turbine",
        "turbines",
        "compressor",
        "compressors",
        "compressed",
        "compresses",
        "compression",
        "expander",
        "expanded",
        "expands",
        "expansion",
        "blower",
    ),
)
def turbine_or_compressor(
    fluid: Annotated[str, P("the fluid, e.g. 'water' (steam), 'R134a', 'methane'", chemical=True)],
    P2: Annotated[float, Q("pressure", "outlet or exhaust pressure (absolute)", gt=0)],
    P1: Annotated[float | None, Q("pressure", "inlet or supply pressure (absolute)", gt=0)] = None,
    T1: Annotated[float | None, Q("temperature", "inlet temperature", gt=0)] = None,
    quality_in: Annotated[
        float | None, Q("vapor_fraction", "inlet vapour quality (saturated inlet)", ge=0, le=1)
    ] = None,
    efficiency: Annotated[float, Q("efficiency", "isentropic efficiency", gt=0, le=1)] = 1.0,
    mass_flow: Annotated[
        float | None, Q("mass_flow", "mass flow through the machine", gt=0)
    ] = None,
    mechanical_efficiency: Annotated[
        float, Q("efficiency", "mechanical efficiency between the fluid and the shaft", gt=0, le=1)
    ] = 1.0,
    T_surroundings: Annotated[
        float, Q("temperature", "dead-state (surroundings) temperature for exergy", gt=0)
    ] = 298.15,
) -> Outcome:
    """Turbine, expander or compressor on a real fluid: the outlet state and the power from
    the inlet state (pressure with temperature, or with quality), the outlet pressure and
    an isentropic efficiency, with the fluid's own equation of state (steam turbines,
    refrigerant compressors, gas expanders). Expansion when P2 < P1, compression otherwise.

    Notes
    -----
    A steady adiabatic machine, one stage, with kinetic and potential energy changes
    neglected; states come from CoolProp's reference equation of state for the fluid
    (IAPWS-95 for water), so wet outlets are handled. A fluid CoolProp lacks is refused,
    and a state it cannot evaluate is reported as an error.

    Examples
    --------
    Steam from 3 MPa and 400 degC to 50 kPa at eta = 0.85: the steam tables give
    h1 = 3231.7 and h2s = 2407.9 kJ/kg, so w = 0.85 x 823.8 = 700.2 kJ/kg:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("turbine_or_compressor", {"fluid": "water",
    ...     "P1": {"value": 3, "unit": "MPa"}, "T1": {"value": 400, "unit": "degC"},
    ...     "P2": {"value": 50, "unit": "kPa"}, "efficiency": 0.85})
    >>> round(r.value("work_specific", "kJ/kg"), 1), round(r.value("quality_out"), 3)
    (700.2, 0.951)
    """
    import CoolProp.CoolProp as CP

    from peoa.exceptions import ToolExecutionError
    from peoa.tools.chemical import resolve_argument

    given = [(k, v) for k, v in (("P", P1), ("T", T1), ("Q", quality_in)) if v is not None]
    if len(given) != 2:
        raise ToolInputError(
            "turbine_or_compressor: give the inlet as pressure and temperature, or as a "
            "quality with its pressure or its temperature"
        )
    name = resolve_argument("fluid", fluid).coolprop
    if name is None:
        raise ToolInputError(f"turbine_or_compressor: {fluid!r} is not a CoolProp fluid")
    (key1, value1), (key2, value2) = given
    try:
        h1 = CP.PropsSI("H", key1, value1, key2, value2, name)
        s1 = CP.PropsSI("S", key1, value1, key2, value2, name)
        if P1 is None:
            P1 = CP.PropsSI("P", key1, value1, key2, value2, name)
        h2s = CP.PropsSI("H", "P", P2, "S", s1, name)
        T2s = CP.PropsSI("T", "P", P2, "S", s1, name)
        expansion = P2 < P1
        h2 = h1 - (h1 - h2s) * efficiency if expansion else h1 + (h2s - h1) / efficiency
        T2 = CP.PropsSI("T", "P", P2, "H", h2, name)
        quality = CP.PropsSI("Q", "P", P2, "H", h2, name)
        s2 = CP.PropsSI("S", "P", P2, "H", h2, name)
    except ValueError as error:
        raise ToolExecutionError(f"CoolProp could not evaluate the states: {error}") from None
    work = abs(h1 - h2)
    # The shaft gets less than the fluid gives (turbine) or gives more than it takes
    # (compressor): bearings, seals, gearbox.
    shaft = work * mechanical_efficiency if expansion else work / mechanical_efficiency
    return Outcome(
        {
            "power": work * mass_flow if mass_flow is not None else None,
            "entropy_generation": s2 - s1,
            "exergy_destroyed": T_surroundings * (s2 - s1),
            "shaft_power": shaft * mass_flow if mass_flow is not None else None,
            "work_specific": work,
            "T2": T2,
            "quality_out": quality if 0.0 <= quality <= 1.0 else -1.0,
            "h1": h1,
            "h2": h2,
            "T2s": T2s,
        },
        method="expansion (turbine)" if expansion else "compression",
    )


@tool(
    topic="compressors",
    reference="Isothermal compressible flow in a pipe with friction, fd L/D plus the exit "
    "loss K = 1 for a line discharging to the atmosphere, choked at the exit when the "
    "outlet is below the critical pressure (Crane TP-410, 2009, ch. 1 and 2 \"Compressible "
    "flow\"; Menon, Gas Pipeline Hydraulics, 2005, ch. 2); fluids.compressible."
    "isothermal_gas, P_isothermal_critical_flow; Colebrook friction factor (fluids)",
    outputs={
        "mass_flow": Out("kg/s", "mass flow discharged", kind="mass_flow"),
        "exit_pressure": Out("Pa", "pressure at the pipe exit (the critical one when choked)"),
        "choked": Out(None, "whether the flow is choked at the exit"),
        "velocity_exit": Out("m/s", "gas velocity at the exit", kind="velocity"),
        "friction_factor": Out("", "Darcy friction factor used", kind="darcy_friction_factor"),
    },
    alternatives=[("molar_mass", "gas")],
    cues=("discharge", "discharges", "discharging", "vent", "vents", "venting", "blowdown",
          "atmosphere", "atmospheric", "open end", "released"),
)  # fmt: skip
def gas_line_discharge(
    P1: Annotated[float, Q("pressure", "pressure at the pipe inlet (absolute)", gt=0)],
    temperature: Annotated[float, Q("temperature", "gas temperature (isothermal flow)", gt=0)],
    length: Annotated[float, Q("pipe_length", "pipe length", gt=0)],
    diameter: Annotated[float, Q("inside_diameter", "pipe inner diameter", gt=0)],
    molar_mass: Annotated[float | None, _MW] = None,
    gas: Annotated[
        str | None, P("the gas (its molar mass), e.g. 'air', 'methane'", chemical=True)
    ] = None,
    P_out: Annotated[
        float, Q("atmospheric_pressure", "pressure the line discharges into", gt=0)
    ] = 101325.0,
    roughness: Annotated[float, Q("roughness", "pipe wall roughness", ge=0)] = 4.57e-5,
    viscosity: Annotated[
        float | None, Q("dynamic_viscosity", "gas viscosity (for the Reynolds number)", gt=0)
    ] = None,
    Z: Annotated[float, _Z] = 1.0,
    exit_loss: Annotated[
        float, Q("loss_coefficient", "loss coefficient of the exit (1 to the atmosphere)", ge=0)
    ] = 1.0,
) -> Outcome:
    """Gas flow out of a pipe that discharges to the atmosphere (a vent, a blowdown line):
    isothermal flow with wall friction and the exit loss, choked at the exit when the
    atmosphere is below the line's critical pressure. Gives the mass flow and the exit
    pressure and velocity.

    Notes
    -----
    Isothermal ideal-gas flow in a horizontal line without fittings, with one Darcy
    friction factor (Colebrook at the flow's Reynolds number; fully rough, with a warning,
    when no viscosity is given) plus the exit loss. Choked at the exit when the outlet is
    below the isothermal critical pressure; the gas then leaves at sqrt(Z R T/M).

    Examples
    --------
    Air at 10 bar vented through 100 m of 50 mm pipe chokes at the exit, leaving at the
    isothermal sonic speed sqrt(8.314 x 293.15/0.02897) = 290 m/s:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("gas_line_discharge", {"P1": {"value": 10, "unit": "bar"},
    ...     "temperature": {"value": 20, "unit": "degC"}, "length": {"value": 100, "unit": "m"},
    ...     "diameter": {"value": 50, "unit": "mm"}, "gas": "air",
    ...     "viscosity": {"value": 1.8e-5, "unit": "Pa*s"}})
    >>> r.value("choked"), round(r.value("velocity_exit")), round(r.value("mass_flow"), 2)
    (True, 290, 1.01)
    """
    from fluids.friction import friction_factor

    if P_out >= P1:
        raise ToolInputError("gas_line_discharge: the inlet pressure must be above the outlet's")
    if molar_mass is None:
        if gas is None:
            raise ToolInputError("gas_line_discharge: give the gas or its molar mass")
        from peoa.tools.chemical import resolve_argument

        molar_mass = resolve_argument("gas", gas).MW
    M = molar_mass / 1000.0
    rho1 = P1 * M / (Z * _R * temperature)
    area = math.pi * diameter**2 / 4
    fd = friction_factor(Re=1e8, eD=roughness / diameter)  # fully rough first guess
    if viscosity is None:
        warn("no gas viscosity given: the fully rough friction factor is used")
    flow = exit_pressure = 0.0
    choked = False
    for _ in range(50):
        # The exit's kinetic-energy loss counts as K more velocity heads of friction.
        f_total = fd + exit_loss * diameter / length
        critical = fc.P_isothermal_critical_flow(P=P1, fd=f_total, D=diameter, L=length)
        choked = P_out < critical
        exit_pressure = critical if choked else P_out
        flow = fc.isothermal_gas(
            rho=rho1, fd=f_total, P1=P1, P2=exit_pressure, L=length, D=diameter
        )
        if viscosity is None:
            break
        Re = flow * diameter / (area * viscosity)
        new = friction_factor(Re=Re, eD=roughness / diameter)
        if abs(new - fd) < 1e-10:
            break
        fd = new
    rho_exit = exit_pressure * M / (Z * _R * temperature)
    return Outcome(
        {
            "mass_flow": flow,
            "exit_pressure": exit_pressure,
            "choked": choked,
            "velocity_exit": flow / (rho_exit * area),
            "friction_factor": fd,
        },
        method="choked at the exit" if choked else "subsonic to the outlet pressure",
    )


TOOLS = (
    gas_line_discharge,
    compressor_power_isentropic,
    turbine_or_compressor,
    compressor_power_polytropic,
    polytropic_exponent,
    gas_pipeline_flow,
    gas_pipeline_outlet_pressure,
)
