"""Psychrometrics and steam tables: humid air and water/steam properties from CoolProp.

Humid air uses CoolProp's ``HAPropsSI`` (ASHRAE RP-1485, real-gas mixture of dry air and
water vapour with enhancement factors, Herrmann et al. 2009); water and steam use the
IAPWS-95 reference equation of state through ``PropsSI`` (Wagner & Pruss, J. Phys.
Chem. Ref. Data 31 (2002) 387).

>>> from peoa.tools import get_registry
>>> r = get_registry().run("steam_saturation", {"temperature": {"value": 100, "unit": "degC"}})
>>> round(r.value("P_sat", "kPa"), 2)
101.42
"""

from __future__ import annotations

import itertools
import math
from typing import Annotated, Any

from peoa.exceptions import ToolInputError
from peoa.tools.base import Out, Outcome, Q, tool

__all__ = [
    "TOOLS",
    "air_heating_coil",
    "air_stream_mixing",
    "condensate_flash",
    "humid_air_properties",
    "steam_properties",
    "steam_saturation",
]

_HUMIDITY_RATIO = Q("humidity_ratio", "humidity ratio kg water/kg dry air", ge=0)
_TOTAL_PRESSURE = Q("pressure", "total (barometric) pressure")
_IAPWS = (
    "IAPWS-95, Wagner & Pruss, J. Phys. Chem. Ref. Data 31 (2002) 387, doi:10.1063/1.1461829; "
    "CoolProp.CoolProp.PropsSI('Water')"
)


@tool(
    substance="air",
    topic="psychrometrics",
    reference="ASHRAE Handbook - Fundamentals (2017) ch. 1; ASHRAE RP-1485 (Herrmann, Kretzschmar "
    "& Gatley, HVAC&R Research 15 (2009) 961), doi:10.1080/10789669.2009.10390874; "
    "CoolProp.HumidAirProp.HAPropsSI",
    outputs={
        "humidity_ratio": Out("", "kg water vapour per kg dry air", kind="humidity_ratio"),
        "relative_humidity": Out("", "relative humidity (0..1)", kind="relative_humidity"),
        "wet_bulb": Out("K", "thermodynamic wet-bulb temperature", kind="wet_bulb"),
        "dew_point": Out("K", "dew-point temperature", kind="dew_point"),
        "enthalpy": Out(
            "J/kg",
            "enthalpy per kg dry air (0 for dry air and liquid water at 0 °C)",
            kind="specific_enthalpy",
        ),
        "specific_volume": Out("m**3/kg", "volume per kg dry air"),
        "density": Out("kg/m**3", "density of the humid air"),
        "cp": Out("J/kg/K", "heat capacity per kg dry air"),
    },
    alternatives=[("relative_humidity", "humidity_ratio", "wet_bulb", "dew_point")],
)
def humid_air_properties(
    dry_bulb: Annotated[float, Q("temperature", "dry-bulb temperature")],
    relative_humidity: Annotated[
        float | None, Q("relative_humidity", "relative humidity (0..1 or %)", ge=0, le=1)
    ] = None,
    humidity_ratio: Annotated[float | None, _HUMIDITY_RATIO] = None,
    wet_bulb: Annotated[float | None, Q("wet_bulb", "wet-bulb temperature")] = None,
    dew_point: Annotated[float | None, Q("dew_point", "dew-point temperature")] = None,
    pressure: Annotated[float, _TOTAL_PRESSURE] = 101325.0,
) -> Outcome:
    """Psychrometric state of moist air from the dry-bulb temperature, the pressure and
    one humidity measure (relative humidity, humidity ratio, wet-bulb or dew-point
    temperature): returns all the others plus enthalpy, specific volume and density,
    as read from a psychrometric chart.

    Notes
    -----
    Real-gas moist air (RP-1485: virial mixing with enhancement factors), not the ideal-gas
    chart equations; near ambient pressure the two differ by a few tenths of a percent.
    CoolProp accepts dry-bulb temperatures of 130 to 623.15 K and pressures of 10 Pa to
    10 MPa and refuses others; a wet-bulb or dew point above the dry bulb is refused. For
    dry air (W = 0) the dew point is reported as 0 K.

    Examples
    --------
    At 40 °C dry bulb and 20 °C wet bulb, ASHRAE Fundamentals (2017) ch. 1 eqs. 32-33 with
    Ws* = 0.014758 give W = 0.0065 and h = 56.9 kJ/kg dry air:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("humid_air_properties", {"dry_bulb": "40 degC",
    ...     "wet_bulb": "20 degC"})
    >>> round(r.value("humidity_ratio"), 4), round(r.value("enthalpy", "kJ/kg"), 1)
    (0.0065, 56.9)
    """
    given = {
        "R": relative_humidity,
        "W": humidity_ratio,
        "Twb": wet_bulb,
        "Tdp": dew_point,
    }
    present = {k: v for k, v in given.items() if v is not None}
    if len(present) != 1:
        raise ToolInputError(
            "give exactly one of relative_humidity, humidity_ratio, wet_bulb, dew_point"
        )
    ((name, value),) = present.items()
    if name in ("Twb", "Tdp") and value > dry_bulb + 1e-9:
        raise ToolInputError(
            f"the {'wet-bulb' if name == 'Twb' else 'dew-point'} temperature "
            "cannot exceed the dry-bulb temperature"
        )
    from CoolProp.HumidAirProp import HAPropsSI

    def prop(out: str) -> float:
        return float(HAPropsSI(out, "T", dry_bulb, "P", pressure, name, value))

    w = prop("W")
    v = prop("Vda")
    return Outcome(
        {
            "humidity_ratio": w,
            "relative_humidity": prop("R"),
            "wet_bulb": prop("Twb"),
            "dew_point": prop("Tdp") if w > 0 else 0.0,
            "enthalpy": prop("Hda"),
            "specific_volume": v,
            "density": (1 + w) / v,
            "cp": prop("cp"),
        },
        method=f"HAPropsSI from T, P and {name}",
    )


@tool(
    substance="water",
    topic="steam",
    reference=_IAPWS,
    outputs={
        "temperature": Out("K", "temperature"),
        "pressure": Out("Pa", "pressure"),
        "density": Out("kg/m**3", "density"),
        "specific_volume": Out("m**3/kg", "specific volume"),
        "enthalpy": Out(
            "J/kg",
            "specific enthalpy (IAPWS reference: liquid at the triple point)",
            kind="specific_enthalpy",
        ),
        "entropy": Out("J/kg/K", "specific entropy", kind="specific_entropy"),
        "internal_energy": Out("J/kg", "specific internal energy"),
        "cp": Out("J/kg/K", "isobaric heat capacity (two-phase: not defined, 0)"),
        "quality": Out(
            "", "vapour mass fraction (-1 outside the two-phase region)", kind="vapor_fraction"
        ),
        "phase": Out(None, "phase: liquid, gas, twophase, supercritical ..."),
    },
    alternatives=[
        tuple(
            itertools.combinations(("temperature", "pressure", "enthalpy", "entropy", "quality"), 2)
        )
    ],
)
def steam_properties(
    temperature: Annotated[float | None, Q("temperature", "temperature")] = None,
    pressure: Annotated[float | None, Q("pressure", "pressure")] = None,
    enthalpy: Annotated[float | None, Q("specific_enthalpy", "specific enthalpy")] = None,
    entropy: Annotated[
        float | None, Q("specific_entropy", "specific entropy (J/kg/K, kJ/kg/K)")
    ] = None,
    quality: Annotated[
        float | None, Q("vapor_fraction", "vapour quality 0..1 (saturated)", ge=0, le=1)
    ] = None,
) -> Outcome:
    """Steam-table properties of water or steam (IAPWS-95) from any two of temperature,
    pressure, enthalpy, entropy and quality: compressed liquid, saturated mixture,
    superheated or supercritical. E.g. the enthalpy of superheated steam at 10 bar and
    300 °C, or T and quality after an isentropic expansion (give P and s).

    Notes
    -----
    IAPWS-95 holds from the melting line to 1273 K at pressures up to 1000 MPa; CoolProp
    refuses states below the melting line (ice) or that the two inputs cannot fix, and the
    tool reports its message. Temperature and pressure do not fix a saturated mixture: give
    the quality or an enthalpy or entropy there. Outside the two-phase region the quality
    is -1; inside it cp is 0.

    Examples
    --------
    Superheated steam at 1 MPa and 300 °C; Cengel & Boles, Thermodynamics, Table A-6 lists
    h = 3051.6 kJ/kg and s = 7.1246 kJ/kg/K:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("steam_properties", {"pressure": "10 bar",
    ...     "temperature": "300 degC"})
    >>> round(r.value("enthalpy", "kJ/kg"), 1), round(r.value("entropy", "kJ/kg/K"), 4)
    (3051.6, 7.1246)
    """
    from CoolProp.CoolProp import PhaseSI, PropsSI

    given = [
        (k, v)
        for k, v in (
            ("T", temperature),
            ("P", pressure),
            ("H", enthalpy),
            ("S", entropy),
            ("Q", quality),
        )
        if v is not None
    ]
    if len(given) != 2:
        raise ToolInputError(
            "give exactly two of temperature, pressure, enthalpy, entropy, quality"
        )
    (n1, v1), (n2, v2) = given
    try:
        phase = PhaseSI(n1, v1, n2, v2, "Water")

        def prop(out: str) -> float:
            return float(PropsSI(out, n1, v1, n2, v2, "Water"))

        values: dict[str, Any] = {
            "temperature": prop("T"),
            "pressure": prop("P"),
            "density": prop("D"),
            "enthalpy": prop("H"),
            "entropy": prop("S"),
            "internal_energy": prop("U"),
            "quality": prop("Q"),
        }
    except ValueError as error:
        raise ToolInputError(
            f"CoolProp cannot evaluate water at {n1}={v1:g}, {n2}={v2:g} (SI): "
            f"{str(error).splitlines()[0]}"
        ) from None
    values["specific_volume"] = 1 / values["density"]
    two_phase = 0 <= values["quality"] <= 1 and phase.startswith("twophase")
    values["cp"] = 0.0 if two_phase else prop("Cpmass")
    if not two_phase:
        values["quality"] = -1.0
    values["phase"] = phase
    return Outcome(values, method="IAPWS-95 (CoolProp)")


@tool(
    substance="water",
    topic="steam",
    reference=_IAPWS + "; IAPWS SR1-86 saturation properties",
    outputs={
        "T_sat": Out("K", "saturation temperature", kind="saturation_temperature"),
        "P_sat": Out("Pa", "saturation pressure", kind="vapor_pressure"),
        "h_f": Out("J/kg", "saturated liquid enthalpy", kind="specific_enthalpy"),
        "h_g": Out("J/kg", "saturated vapour enthalpy", kind="specific_enthalpy"),
        "h_fg": Out("J/kg", "latent heat of vaporisation", kind="latent_heat"),
        "s_f": Out("J/kg/K", "saturated liquid entropy", kind="specific_entropy"),
        "s_g": Out("J/kg/K", "saturated vapour entropy", kind="specific_entropy"),
        "v_f": Out("m**3/kg", "saturated liquid specific volume"),
        "v_g": Out("m**3/kg", "saturated vapour specific volume"),
    },
    alternatives=[("temperature", "pressure")],
)
def steam_saturation(
    temperature: Annotated[
        float | None, Q("temperature", "saturation temperature (give this or pressure)")
    ] = None,
    pressure: Annotated[float | None, Q("pressure", "saturation pressure")] = None,
) -> dict[str, float]:
    """Saturated water and steam table entry (IAPWS-95) at a temperature or a pressure:
    Tsat or Psat, liquid and vapour enthalpies, latent heat, entropies and specific
    volumes. Valid from the triple point (273.16 K) to the critical point (647.096 K).

    Notes
    -----
    The saturation line of IAPWS-95, solved by CoolProp: a temperature outside 273.16 to
    647.096 K or a pressure outside 611.655 Pa to 22.064 MPa is refused. Give exactly one
    of temperature and pressure. Near the critical point the liquid and vapour values
    converge and h_fg goes to zero.

    Examples
    --------
    IAPWS R6-95(2018), Table 8, lists p = 0.932203564 MPa and h' = 749.161585 kJ/kg at
    450 K:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("steam_saturation", {"temperature": "450 K"})
    >>> round(r.value("P_sat", "MPa"), 6), round(r.value("h_f", "kJ/kg"), 3)
    (0.932204, 749.162)
    """
    from CoolProp.CoolProp import PropsSI

    if temperature is not None and pressure is None:
        name, value = "T", temperature
    elif pressure is not None and temperature is None:
        name, value = "P", pressure
    else:
        raise ToolInputError("give exactly one of temperature and pressure")
    t_crit, p_crit = 647.096, 22.064e6
    if name == "T" and not 273.16 <= value <= t_crit:
        raise ToolInputError("saturation temperature must be between 273.16 K and 647.096 K")
    if name == "P" and not 611.655 <= value <= p_crit:
        raise ToolInputError("saturation pressure must be between 611.655 Pa and 22.064 MPa")

    def sat(out: str, q: float) -> float:
        return float(PropsSI(out, name, value, "Q", q, "Water"))

    h_f, h_g = sat("H", 0), sat("H", 1)
    return {
        "T_sat": sat("T", 0),
        "P_sat": sat("P", 0),
        "h_f": h_f,
        "h_g": h_g,
        "h_fg": h_g - h_f,
        "s_f": sat("S", 0),
        "s_g": sat("S", 1),
        "v_f": 1 / sat("D", 0),
        "v_g": 1 / sat("D", 1),
    }


@tool(
    substance="air",
    topic="psychrometrics",
    reference="ASHRAE Handbook - Fundamentals (2017) ch. 1, adiabatic mixing of two moist-air "
    "streams: dry air, water and enthalpy balances; Cengel & Boles, Thermodynamics 8th ed. "
    "sec. 14-7; CoolProp.HumidAirProp.HAPropsSI (ASHRAE RP-1485)",
    outputs={
        "temperature": Out("K", "dry-bulb temperature of the mixed air", kind="temperature"),
        "humidity_ratio": Out("", "humidity ratio of the mixed air", kind="humidity_ratio"),
        "relative_humidity": Out(
            "", "relative humidity of the mixed air (0..1)", kind="relative_humidity"
        ),
        "dew_point": Out("K", "dew-point temperature of the mixed air", kind="dew_point"),
        "enthalpy": Out(
            "J/kg", "enthalpy of the mixed air per kg dry air", kind="specific_enthalpy"
        ),
        "dry_air_mass_flow": Out("kg/s", "dry-air mass flow of the mixed air", kind="mass_flow"),
    },
)
def air_stream_mixing(
    dry_air_mass_flow_1: Annotated[
        float, Q("mass_flow", "first air stream's dry-air mass flow", gt=0, written=True)
    ],
    T_1: Annotated[
        float, Q("temperature", "first air stream's dry-bulb temperature", written=True)
    ],
    relative_humidity_1: Annotated[
        float,
        Q(
            "relative_humidity",
            "first air stream's relative humidity",
            ge=0,
            le=1,
            written=True,
        ),
    ],
    dry_air_mass_flow_2: Annotated[
        float, Q("mass_flow", "second air stream's dry-air mass flow", gt=0, written=True)
    ],
    T_2: Annotated[
        float, Q("temperature", "second air stream's dry-bulb temperature", written=True)
    ],
    relative_humidity_2: Annotated[
        float,
        Q(
            "relative_humidity",
            "second air stream's relative humidity",
            ge=0,
            le=1,
            written=True,
        ),
    ],
    pressure: Annotated[float, _TOTAL_PRESSURE] = 101325.0,
) -> Outcome:
    """Two moist-air streams mixed adiabatically (an air handler's mixing box, outdoor and
    return air): the dry air, the water and the enthalpy balance, W = (m1 W1 + m2 W2)/m
    and h = (m1 h1 + m2 h2)/m, give the mixed air's humidity ratio, temperature,
    relative humidity and dew point.

    Notes
    -----
    Steady, adiabatic, no work, both streams at the same total pressure; the flows are of
    dry air. Real-gas moist-air properties (RP-1485) in CoolProp's range. A mixture that
    would be supersaturated (fog) is refused: the balance then needs the liquid water.

    Examples
    --------
    Cengel & Boles (8th ed.) Example 14-9: 50 m³/min of saturated air at 14 °C
    (60.5 kg/min of dry air) and 20 m³/min at 32 °C and 60 % RH (22.5 kg/min) at 1 atm mix
    to W = 0.0122, 89 % RH and 19.0 °C by the ideal-gas chart (18.9 °C real-gas):

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("air_stream_mixing", {
    ...     "dry_air_mass_flow_1": "60.5 kg/min", "T_1": "14 degC", "relative_humidity_1": 1.0,
    ...     "dry_air_mass_flow_2": "22.5 kg/min", "T_2": "32 degC", "relative_humidity_2": 0.6})
    >>> round(r.value("temperature", "degC"), 1), round(r.value("humidity_ratio"), 4)
    (18.9, 0.0122)
    >>> round(r.value("relative_humidity"), 2)
    0.89
    """
    from CoolProp.HumidAirProp import HAPropsSI

    def state(out: str, temperature: float, rh: float) -> float:
        return float(HAPropsSI(out, "T", temperature, "P", pressure, "R", rh))

    m1, m2 = dry_air_mass_flow_1, dry_air_mass_flow_2
    total = m1 + m2
    w = m1 * state("W", T_1, relative_humidity_1) + m2 * state("W", T_2, relative_humidity_2)
    h = m1 * state("Hda", T_1, relative_humidity_1) + m2 * state("Hda", T_2, relative_humidity_2)
    w, h = w / total, h / total
    try:
        temperature = float(HAPropsSI("T", "H", h, "P", pressure, "W", w))
        rh = float(HAPropsSI("R", "T", temperature, "P", pressure, "W", w))
    except ValueError as error:  # CoolProp finds no state of relative humidity <= 1
        rh, detail = math.inf, f" ({error})"
    else:
        detail = ""
    if rh > 1 + 1e-6:
        raise ToolInputError(
            f"the mixed air would be supersaturated (fog): water condenses{detail}"
        )
    return Outcome(
        {
            "temperature": temperature,
            "humidity_ratio": w,
            "relative_humidity": rh,
            "dew_point": float(HAPropsSI("Tdp", "T", temperature, "P", pressure, "W", w))
            if w > 0
            else 0.0,
            "enthalpy": h,
            "dry_air_mass_flow": total,
        },
        method="adiabatic mixing of two moist-air streams",
    )


@tool(
    substance="air",
    topic="psychrometrics",
    reference="ASHRAE Handbook - Fundamentals (2017) ch. 1, sensible heating and cooling of "
    "moist air: Q = m_da (h2 - h1) at constant humidity ratio, m_da = V1/v1; CoolProp."
    "HumidAirProp.HAPropsSI (ASHRAE RP-1485), doi:10.1080/10789669.2009.10390874",
    outputs={
        "duty": Out("W", "coil duty (load), the heat the air gains or loses", kind="heat_duty"),
        "dry_air_mass_flow": Out("kg/s", "dry-air mass flow", kind="mass_flow"),
        "relative_humidity_out": Out(
            "", "outlet relative humidity (0..1)", kind="relative_humidity"
        ),
        "enthalpy_in": Out("J/kg", "inlet enthalpy per kg dry air"),
        "enthalpy_out": Out("J/kg", "outlet enthalpy per kg dry air"),
    },
    alternatives=[
        ("relative_humidity", "humidity_ratio"),
        ("volumetric_flow", "dry_air_mass_flow"),
    ],
)
def air_heating_coil(
    T_in: Annotated[float, Q("temperature", "inlet (entering) dry-bulb temperature")],
    T_out: Annotated[float, Q("temperature", "outlet (leaving, supply) dry-bulb temperature")],
    relative_humidity: Annotated[
        float | None, Q("relative_humidity", "inlet relative humidity (0..1 or %)", ge=0, le=1)
    ] = None,
    humidity_ratio: Annotated[float | None, _HUMIDITY_RATIO] = None,
    volumetric_flow: Annotated[
        float | None, Q("volumetric_flow", "moist-air volume flow at the inlet state", gt=0)
    ] = None,
    dry_air_mass_flow: Annotated[float | None, Q("mass_flow", "dry-air mass flow", gt=0)] = None,
    pressure: Annotated[float, _TOTAL_PRESSURE] = 101325.0,
) -> Outcome:
    """Duty of a heating or cooling coil that changes moist air's temperature without
    adding or removing moisture (sensible heating or cooling): Q = m_da (h2 - h1) at
    the inlet humidity ratio, the dry-air flow from the inlet volume flow and specific
    volume. Cooling below the dew point (condensing) is refused.

    Notes
    -----
    The humidity ratio is constant through the coil, so the coil neither condenses nor
    adds moisture; an outlet below the inlet dew point is refused. Real-gas moist-air
    properties (RP-1485) in CoolProp's range (130 to 623.15 K, 10 Pa to 10 MPa). The
    volume flow is at the inlet state; the duty is a magnitude, for heating or cooling.

    Examples
    --------
    1 m^3/s of air at 10 °C and 50 % RH heated to 30 °C. ASHRAE's ideal-gas equations
    (W = 0.00379, v = 0.8070 m^3/kg) give 1.239 kg/s x 20.26 kJ/kg = 25.1 kW:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("air_heating_coil", {"T_in": "10 degC", "T_out": "30 degC",
    ...     "relative_humidity": 0.5, "volumetric_flow": "1 m^3/s"})
    >>> round(r.value("duty", "kW"), 1)
    25.1
    """
    from CoolProp.HumidAirProp import HAPropsSI

    if relative_humidity is not None and humidity_ratio is None:
        name, value = "R", relative_humidity
    elif humidity_ratio is not None and relative_humidity is None:
        name, value = "W", humidity_ratio
    else:
        raise ToolInputError("give the inlet relative_humidity or the humidity_ratio")
    if (volumetric_flow is None) == (dry_air_mass_flow is None):
        raise ToolInputError("give the inlet volumetric_flow or the dry_air_mass_flow")

    def inlet(out: str) -> float:
        return float(HAPropsSI(out, "T", T_in, "P", pressure, name, value))

    w = inlet("W")
    if w > 0 and T_out < inlet("Tdp"):
        raise ToolInputError(
            "the outlet is below the inlet dew point: moisture would condense, so the "
            "cooling is not sensible only"
        )
    h_in = inlet("Hda")
    h_out = float(HAPropsSI("Hda", "T", T_out, "P", pressure, "W", w))
    if dry_air_mass_flow is not None:
        flow = dry_air_mass_flow
    else:
        assert volumetric_flow is not None  # one of the two, checked above
        flow = volumetric_flow / inlet("Vda")
    return Outcome(
        {
            "duty": abs(flow * (h_out - h_in)),
            "dry_air_mass_flow": flow,
            "relative_humidity_out": float(HAPropsSI("R", "T", T_out, "P", pressure, "W", w)),
            "enthalpy_in": h_in,
            "enthalpy_out": h_out,
        },
        method="sensible heating" if T_out >= T_in else "sensible cooling",
    )


@tool(
    substance="water",
    topic="steam",
    reference="Isenthalpic flash of saturated condensate: x = (h_f1 - h_f2)/h_fg2 (Spirax Sarco, "
    "The Steam and Condensate Loop, block 14; Cengel and Boles, Thermodynamics, sec. 5-4 "
    "throttling valves); " + _IAPWS,
    outputs={
        "flash_fraction": Out("", "fraction of the condensate that flashes", kind="vapor_fraction"),
        "flash_flow": Out(
            "kg/s",
            "flash formed: the low-pressure vapour recovered from the condensate",
            kind="mass_flow",
        ),
        "liquid_flow": Out("kg/s", "condensate left as liquid", kind="mass_flow"),
    },
)
def condensate_flash(
    pressure_in: Annotated[
        float, Q("pressure", "pressure of the saturated condensate before the flash (high)")
    ],
    pressure_out: Annotated[float, Q("pressure", "flash vessel pressure after the valve (low)")],
    mass_flow: Annotated[float, Q("mass_flow", "condensate flow", gt=0)],
) -> Outcome:
    """Flash steam from saturated condensate (or hot water) throttled to a lower pressure,
    isenthalpic: the fraction x = (h_f,in - h_f,out)/h_fg,out that flashes, the flash
    steam and the liquid left.

    Notes
    -----
    Adiabatic, isenthalpic throttling of saturated liquid: subcooled condensate flashes
    less than this, and heat lost from the vessel is not counted. Both pressures must lie
    on water's saturation line (611.655 Pa to 22.064 MPa, else CoolProp's error is
    reported); a flash pressure at or above the inlet pressure is refused.

    Examples
    --------
    Saturated condensate at 10 bar flashed to 1 bar; Cengel & Boles's Table A-5 values
    give x = (762.51 - 417.51) / 2257.5 = 0.1528:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("condensate_flash", {"pressure_in": "10 bar",
    ...     "pressure_out": "1 bar", "mass_flow": "1 kg/s"})
    >>> round(r.value("flash_fraction"), 3)
    0.153
    """
    if pressure_out >= pressure_in:
        raise ToolInputError("condensate_flash: the flash pressure must be below the inlet's")
    from CoolProp.CoolProp import PropsSI

    try:
        h_in = PropsSI("H", "P", pressure_in, "Q", 0, "Water")
        h_f = PropsSI("H", "P", pressure_out, "Q", 0, "Water")
        h_g = PropsSI("H", "P", pressure_out, "Q", 1, "Water")
    except ValueError as error:
        raise ToolInputError(f"condensate_flash: {error}") from None
    x = (h_in - h_f) / (h_g - h_f)
    return Outcome(
        {
            "flash_fraction": x,
            "flash_flow": x * mass_flow,
            "liquid_flow": (1 - x) * mass_flow,
        },
        method="isenthalpic flash, IAPWS-95",
    )


TOOLS = (
    humid_air_properties,
    steam_properties,
    steam_saturation,
    air_heating_coil,
    condensate_flash,
    air_stream_mixing,
)
