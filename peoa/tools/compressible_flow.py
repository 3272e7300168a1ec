"""The ideal-gas relations of compressible flow with constant k (``fluids.compressible``):
critical (choked) flow through a throat, stagnation properties, the isentropic-flow
table (T/T0, P/P0, A/A* at a Mach number, or the Mach number of an area ratio) and the
specific heats that k and the molar mass imply. Compressors, pipelines and vent lines
are in :mod:`peoa.tools.compressible`.
"""

from __future__ import annotations

import math
from typing import Annotated

import fluids.compressible as fc

from peoa.exceptions import ToolInputError
from peoa.tools.base import Out, Outcome, P, Q, tool

__all__ = [
    "GAS_CONSTANT",
    "HEAT_CAPACITY_RATIO",
    "TOOLS",
    "choked_flow",
    "ideal_gas_heat_capacity",
    "isentropic_flow",
    "stagnation_properties",
]

GAS_CONSTANT = 8.314462618  # J/mol/K, CODATA 2018
HEAT_CAPACITY_RATIO = Q(
    "heat_capacity_ratio", "heat capacity ratio k = Cp/Cv of the gas", gt=1, le=2
)
_R = GAS_CONSTANT
_K = HEAT_CAPACITY_RATIO


@tool(
    topic="compressors",
    reference="Cengel and Cimbala, Fluid Mechanics (2006) sec. 12-2; fluids.compressible."
    "P_critical_flow, T_critical_flow, is_critical_flow",
    outputs={
        "P_critical": Out("Pa", "critical (throat) pressure at sonic flow"),
        "T_critical": Out("K", "critical (throat) temperature (null without T1)", needs=("T1",)),
        "critical_pressure_ratio": Out("", "P*/P1 = (2/(k+1))^(k/(k-1))", kind="pressure_ratio"),
        "choked": Out(None, "whether the flow is choked (null without P2)", needs=("P2",)),
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
    critical pressure).

    Notes
    -----
    Isentropic flow of an ideal gas with constant k from stagnation conditions to a
    throat (a nozzle, orifice or valve seat; a long pipe chokes differently, see
    gas_line_discharge): P*/P1 = (2/(k+1))^(k/(k-1)) and T*/T1 = 2/(k+1). The flow is
    choked when P2 is below P*.

    Examples
    --------
    Carbon dioxide (k = 1.289) at 1400 kPa and 473 K: P* = 766.8 kPa, as in Cengel and
    Cimbala's Example 12-4 (fluids reproduces it), and T* = 473 x 2/2.289 = 413.3 K:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("choked_flow", {"P1": {"value": 1400, "unit": "kPa"}, "k": 1.289,
    ...     "T1": {"value": 473, "unit": "K"}, "P2": {"value": 1, "unit": "atm"}})
    >>> round(r.value("P_critical", "kPa"), 1), round(r.value("T_critical"), 1), r.value("choked")
    (766.8, 413.3, True)
    """
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
    constant k" (an aftercooler's duty after a compressor).

    Notes
    -----
    Exact for an ideal gas whose k is constant (the cold-air standard); a real gas's cp
    changes with temperature, which this does not follow, so take k at the mean
    temperature of the process.

    Examples
    --------
    Air, k = 1.4 and 28.97 g/mol: R = 8.314/0.02897 = 287.0, cp = 3.5 R = 1004.5 and
    cv = 2.5 R = 717.5 J/(kg K):

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("ideal_gas_heat_capacity", {"k": 1.4,
    ...     "molar_mass": {"value": 28.97, "unit": "g/mol"}})
    >>> round(r.value("cp"), 1), round(r.value("cv"), 1)
    (1004.5, 717.5)
    """
    r_specific = _R / (molar_mass / 1000.0)
    cp = k * r_specific / (k - 1.0)
    return {"cp": cp, "cv": cp / k, "R_specific": r_specific}


@tool(
    topic="compressors",
    reference="Cengel and Cimbala, Fluid Mechanics (2006) Example 12-1; fluids.compressible."
    "T_stagnation_ideal, P_stagnation, stagnation_energy",
    outputs={
        "T0": Out("K", "stagnation temperature"),
        "P0": Out(
            "Pa", "stagnation pressure (null without pressure and k)", needs=("pressure", "k")
        ),
        "Mach": Out(
            "",
            "Mach number (null without k and molar mass)",
            kind="mach_number",
            needs=("k", "molar_mass"),
        ),
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
    state and velocity: T0 = T + V^2/(2 Cp), P0 = P (T0/T)^(k/(k-1)); and the Mach number.

    Notes
    -----
    An ideal gas with constant Cp brought to rest adiabatically (T0) and, for P0,
    isentropically; the Mach number uses the ideal-gas speed of sound sqrt(k R T/M).
    P0 needs the pressure and k, and the Mach number needs k and the molar mass.

    Examples
    --------
    Cengel and Cimbala's Example 12-1 (as fluids documents it): air at 255.7 K and
    54.05 kPa meeting an aircraft at 250 m/s has T0 = 286.8 K and P0 = 80.77 kPa:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("stagnation_properties", {"temperature": {"value": 255.7,
    ...     "unit": "K"}, "velocity": {"value": 250, "unit": "m/s"}, "Cp": {"value": 1005,
    ...     "unit": "J/(kg*K)"}, "pressure": {"value": 54.05, "unit": "kPa"}, "k": 1.4})
    >>> round(r.value("T0"), 1), round(r.value("P0", "kPa"), 2)
    (286.8, 80.77)
    """
    T0 = fc.T_stagnation_ideal(temperature, velocity, Cp)
    P0 = None
    if pressure is not None and k is not None:
        P0 = fc.P_stagnation(pressure, temperature, T0, k)
    mach = None
    if k is not None and molar_mass is not None:
        mach = velocity / math.sqrt(k * _R * temperature / (molar_mass / 1000.0))
    return {"T0": T0, "P0": P0, "Mach": mach, "dynamic_temperature": T0 - temperature}


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
    (nozzle and diffuser problems, as the isentropic-flow table).

    Notes
    -----
    Steady, adiabatic and reversible flow of an ideal gas with constant k: no friction,
    no shock. From A/A* the subsonic or the supersonic root is found with brentq on ln M;
    an area ratio below 1 is refused, as the sonic throat is the smallest area.

    Examples
    --------
    Air (k = 1.4) at Mach 2, as in the isentropic-flow table (Anderson, Table A.1):

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("isentropic_flow", {"k": 1.4, "Mach": 2})
    >>> [round(r.value(key), 4) for key in ("T_T0", "P_P0", "A_Astar", "P_star_P0")]
    [0.5556, 0.1278, 1.6875, 0.5283]
    """
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


TOOLS = (choked_flow, stagnation_properties, ideal_gas_heat_capacity, isentropic_flow)
