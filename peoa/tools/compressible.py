"""Compressors and compressible flow: isentropic and polytropic power, gas pipelines, a
line discharging to the atmosphere, choked flow, stagnation properties and the
isentropic-flow relations (``fluids.compressible``).

Air (k = 1.4) at Mach 2, as in the isentropic-flow table (Anderson, Table A.1):

>>> from peoa.tools import get_registry
>>> r = get_registry().run("isentropic_flow", {"k": 1.4, "Mach": 2})
>>> [round(r.value(key), 4) for key in ("T_T0", "P_P0", "A_Astar", "P_star_P0")]
[0.5556, 0.1278, 1.6875, 0.5283]

Air at 10 bar vented through 100 m of 50 mm pipe chokes at the exit, leaving at the
isothermal sonic speed sqrt(R T / M):

>>> r = get_registry().run("gas_line_discharge", {"P1": {"value": 10, "unit": "bar"},
...     "temperature": {"value": 20, "unit": "degC"}, "length": {"value": 100, "unit": "m"},
...     "diameter": {"value": 50, "unit": "mm"}, "gas": "air",
...     "viscosity": {"value": 1.8e-5, "unit": "Pa*s"}})
>>> r.value("choked"), round(r.value("velocity_exit")), round(r.value("mass_flow"), 2)
(True, 290, 1.01)
"""

from __future__ import annotations

import math
from typing import Annotated

import fluids.compressible as fc

from peoa.exceptions import ToolInputError
from peoa.tools.base import Out, Outcome, P, Q, tool, warn
from peoa.tools.quantity import gas_volume_basis

__all__ = [
    "TOOLS",
    "choked_flow",
    "compressor_power_isentropic",
    "compressor_power_polytropic",
    "gas_line_discharge",
    "gas_pipeline_flow",
    "gas_pipeline_outlet_pressure",
    "ideal_gas_heat_capacity",
    "isentropic_flow",
    "stagnation_properties",
    "turbine_or_compressor",
]

_R = 8.314462618  # J/mol/K, CODATA 2018
_K = Q("heat_capacity_ratio", "heat capacity ratio k = Cp/Cv of the gas", gt=1, le=2)
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
        "J/kg", "actual work per kg (null without molar_mass)", kind="specific_work"
    ),
    "power": Out("W", "gas power (null without a flow)", kind="shaft_power"),
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
    mass, or a molar flow, to get the power."""
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
            "J/kg", "polytropic head (null without molar_mass)", kind="specific_work"
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
    isentropic efficiency."""
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
    (low pressure), Oliphant, Fritzsche. Efficiency default is the equation's own."""
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
    pipeline equation (Weymouth, Panhandle A/B, IGT, ...)."""
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
    reference="Cengel and Cimbala, Fluid Mechanics (2006) sec. 12-2; fluids.compressible."
    "P_critical_flow, T_critical_flow, is_critical_flow",
    outputs={
        "P_critical": Out("Pa", "critical (throat) pressure at sonic flow"),
        "T_critical": Out("K", "critical (throat) temperature (null without T1)"),
        "critical_pressure_ratio": Out("", "P*/P1 = (2/(k+1))^(k/(k-1))", kind="pressure_ratio"),
        "choked": Out(None, "whether the flow is choked (null without P2)"),
    },
)
def choked_flow(
    P1: Annotated[float, Q("pressure", "upstream stagnation (absolute) pressure")],
    k: Annotated[float, _K],
    T1: Annotated[float | None, Q("temperature", "upstream stagnation temperature")] = None,
    P2: Annotated[float | None, Q("pressure", "downstream absolute pressure")] = None,
) -> dict[str, object]:
    """Critical (sonic) pressure and temperature of an ideal gas flowing through a
    restriction, and whether flow to a downstream pressure is choked (P2 below the
    critical pressure)."""
    p_crit = fc.P_critical_flow(P1, k)
    return {
        "P_critical": p_crit,
        "T_critical": None if T1 is None else fc.T_critical_flow(T1, k),
        "critical_pressure_ratio": p_crit / P1,
        "choked": None if P2 is None else bool(fc.is_critical_flow(P1, P2, k)),
    }


@tool(
    topic="compressors",
    reference="Ideal gas with constant k: cp - cv = R/M and k = cp/cv, so cp = k R/((k - 1) M) "
    "(Cengel and Boles, Thermodynamics, 9th ed., eqs. 4-29 and 4-32)",
    outputs={
        "cp": Out("J/(kg*K)", "ideal-gas specific heat at constant pressure", kind="specific_heat"),
        "cv": Out("J/(kg*K)", "ideal-gas specific heat at constant volume", kind="specific_heat"),
        "R_specific": Out("J/(kg*K)", "specific gas constant R/M"),
    },
)
def ideal_gas_heat_capacity(
    k: Annotated[float, _K],
    molar_mass: Annotated[float, Q("molar_mass", "gas molar mass", gt=0)],
) -> dict[str, float]:
    """Specific heats of an ideal gas from its heat capacity ratio and molar mass,
    cp = k R/((k - 1) M) and cv = cp/k: the cp a question means by "ideal gas with
    constant k" (an aftercooler's duty after a compressor)."""
    r_specific = _R / (molar_mass / 1000.0)
    cp = k * r_specific / (k - 1.0)
    return {"cp": cp, "cv": cp / k, "R_specific": r_specific}


@tool(
    topic="compressors",
    reference="Cengel and Cimbala, Fluid Mechanics (2006) Example 12-1; fluids.compressible."
    "T_stagnation_ideal, P_stagnation, stagnation_energy",
    outputs={
        "T0": Out("K", "stagnation temperature"),
        "P0": Out("Pa", "stagnation pressure (null without pressure and k)"),
        "Mach": Out("", "Mach number (null without k and molar mass)", kind="mach_number"),
        "dynamic_temperature": Out("K", "T0 - T", kind="temperature_difference"),
    },
)
def stagnation_properties(
    temperature: Annotated[float, Q("temperature", "static temperature")],
    velocity: Annotated[float, Q("velocity", "flow velocity", ge=0)],
    Cp: Annotated[float, Q("specific_heat", "gas heat capacity at constant pressure", gt=0)],
    pressure: Annotated[float | None, Q("pressure", "static absolute pressure")] = None,
    k: Annotated[float | None, _K] = None,
    molar_mass: Annotated[float | None, Q("molar_mass", "gas molar mass (for Mach)", gt=0)] = None,
) -> dict[str, float | None]:
    """Stagnation (total) temperature and pressure of a moving ideal gas from its static
    state and velocity: T0 = T + V^2/(2 Cp), P0 = P (T0/T)^(k/(k-1)); and the Mach number."""
    T0 = fc.T_stagnation_ideal(temperature, velocity, Cp)
    P0 = None
    if pressure is not None and k is not None:
        P0 = fc.P_stagnation(pressure, temperature, T0, k)
    mach = None
    if k is not None and molar_mass is not None:
        mach = velocity / math.sqrt(k * _R * temperature / (molar_mass / 1000.0))
    return {"T0": T0, "P0": P0, "Mach": mach, "dynamic_temperature": T0 - temperature}


@tool(
    topic="compressors",
    reference="Isentropic efficiency on a real fluid's states: h2 = h1 + (h2s - h1) eta for "
    "compression, h1 - (h1 - h2s) eta for expansion (Cengel & Boles, Thermodynamics 9th ed. "
    "sec. 7-12); states from CoolProp (Bell et al., Ind. Eng. Chem. Res. 53 (2014) 2498)",
    outputs={
        "power": Out(
            "W",
            "shaft power, produced by a turbine or taken by a compressor (null without a flow)",
            kind="shaft_power",
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
    refrigerant compressors, gas expanders). Expansion when P2 < P1, compression otherwise."""
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


def _log1p_exp(t: float) -> float:
    """ln(1 + e^t) without overflow."""
    return max(t, 0.0) + math.log1p(math.exp(-abs(t)))


def _isentropic_logs(log_mach: float, k: float) -> tuple[float, float]:
    """ln(T/T0) and ln(A/A*) at the Mach number exp(log_mach), for any size of Mach."""
    log_t = -_log1p_exp(math.log((k - 1.0) / 2.0) + 2.0 * log_mach)  # T/T0 = 1/(1+(k-1)/2 M^2)
    e = (k + 1.0) / (2.0 * (k - 1.0))
    # A/A* = (1/M) [(2/(k+1)) (1 + (k-1)/2 M^2)]^e = (1/M) [(2/(k+1)) / (T/T0)]^e
    log_area = -log_mach + e * (math.log(2.0 / (k + 1.0)) - log_t)
    return log_t, log_area


def _mach_from_area_ratio(area_ratio: float, k: float, supersonic: bool) -> float:
    """ln M of the subsonic or supersonic branch of A/A*(M) = area_ratio (brentq on ln M)."""
    from scipy.optimize import brentq

    target = math.log(area_ratio)
    if target == 0.0:
        return 0.0

    def excess(u: float) -> float:
        return _isentropic_logs(u, k)[1] - target

    if supersonic:
        upper = 1.0
        while excess(upper) < 0.0:
            upper *= 2.0
            if upper > 1e4:
                raise ToolInputError(
                    f"isentropic_flow: A/A* = {area_ratio:.6g} needs a Mach number beyond "
                    "e^10000; check the area ratio"
                )
        return brentq(excess, 0.0, upper, xtol=1e-14, rtol=1e-13)
    # Subsonic: A/A* > (1/M) (2/(k+1))^e, so ln M is above this bound.
    e = (k + 1.0) / (2.0 * (k - 1.0))
    lower = -target + e * math.log(2.0 / (k + 1.0)) - 1.0
    return brentq(excess, lower, 0.0, xtol=1e-14, rtol=1e-13)


def _exp(x: float, what: str) -> float:
    if x > 709.0:
        raise ToolInputError(f"isentropic_flow: {what} overflows; the Mach number is too high")
    return math.exp(x)


@tool(
    topic="compressors",
    reference="Anderson, Modern Compressible Flow 3rd ed. (2003) eqs. 3.28-3.31, 5.20 and "
    "Table A.1; Cengel and Cimbala, Fluid Mechanics (2006) eqs. 12-18 to 12-25 and Table A-13; "
    "scipy.optimize.brentq for the Mach number of an area ratio",
    outputs={
        "Mach": Out("", "Mach number", kind="mach_number"),
        "T_T0": Out("", "static to stagnation temperature ratio T/T0", kind="temperature_ratio"),
        "P_P0": Out("", "static to stagnation pressure ratio P/P0", kind="pressure_ratio"),
        "rho_rho0": Out("", "static to stagnation density ratio rho/rho0", kind="density_ratio"),
        "A_Astar": Out("", "area ratio A/A* to the sonic throat", kind="area_ratio"),
        "T_star_T0": Out(
            "", "critical temperature ratio T*/T0 = 2/(k+1)", kind="temperature_ratio"
        ),
        "P_star_P0": Out(
            "", "critical pressure ratio P*/P0 = (2/(k+1))^(k/(k-1))", kind="pressure_ratio"
        ),
        "rho_star_rho0": Out("", "critical density ratio rho*/rho0", kind="density_ratio"),
    },
    alternatives=[("Mach", "area_ratio")],
    phase="gas",
)
def isentropic_flow(
    k: Annotated[float, _K],
    Mach: Annotated[float | None, Q("mach_number", "Mach number", gt=0)] = None,
    area_ratio: Annotated[
        float | None,
        Q("area_ratio", "area ratio A/A* to the sonic throat (at least 1), instead of Mach", gt=0),
    ] = None,
    regime: Annotated[
        str,
        P(
            "which solution of A/A* to take: subsonic (converging part, M < 1) or supersonic "
            "(diverging part of a nozzle, M > 1)",
            choices=("subsonic", "supersonic"),
        ),
    ] = "subsonic",
) -> Outcome:
    """Isentropic-flow relations of an ideal gas with constant k: T/T0, P/P0, rho/rho0 and
    A/A* at a Mach number, with the critical ratios T*/T0, P*/P0 and rho*/rho0. Give the
    Mach number, or the area ratio A/A* with the subsonic or supersonic regime to find it
    (nozzle and diffuser problems, as the isentropic-flow table)."""
    if area_ratio is not None and Mach is None:
        if area_ratio < 1.0:
            raise ToolInputError(
                f"isentropic_flow: A/A* = {area_ratio:.6g} is below 1; the sonic throat is the "
                "smallest area of an isentropic flow, so A/A* is at least 1"
            )
        log_mach = _mach_from_area_ratio(area_ratio, k, regime == "supersonic")
        method = f"Mach from A/A*, {regime} solution"
    elif Mach is not None and area_ratio is None:
        log_mach = math.log(Mach)
        method = "from the Mach number"
    else:
        raise ToolInputError("isentropic_flow: give exactly one of 'Mach' or 'area_ratio'")
    log_t, log_area = _isentropic_logs(log_mach, k)
    n = 1.0 / (k - 1.0)
    t_star = 2.0 / (k + 1.0)
    return Outcome(
        {
            "Mach": _exp(log_mach, "the Mach number"),
            "T_T0": math.exp(log_t),
            "P_P0": math.exp(k * n * log_t),
            "rho_rho0": math.exp(n * log_t),
            "A_Astar": area_ratio if area_ratio is not None else _exp(log_area, "A/A*"),
            "T_star_T0": t_star,
            "P_star_P0": t_star ** (k * n),
            "rho_star_rho0": t_star**n,
        },
        method=method,
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
    pressure and velocity."""
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
    gas_pipeline_flow,
    gas_pipeline_outlet_pressure,
    choked_flow,
    stagnation_properties,
    ideal_gas_heat_capacity,
    isentropic_flow,
)
