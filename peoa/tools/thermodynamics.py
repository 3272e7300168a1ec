"""Steady-flow devices on real-fluid states (:mod:`peoa.tools.fluid_states`): a
throttling valve, a nozzle or diffuser, a mixing chamber, a heater, boiler or condenser,
a two-stream heat exchanger balance; and on an ideal gas or a liquid, reversible
compression and pumping; and the Carnot limits between two reservoirs.
"""

from __future__ import annotations

import math
from typing import Annotated, Any

from peoa.exceptions import ToolInputError
from peoa.tools.base import Out, Outcome, P, Q, tool
from peoa.tools.fluid_states import (
    COOLPROP_REFERENCE,
    FLUID,
    IDEAL_GAS_WORDS,
    coolprop_name,
    inlet_state,
    state_of,
)

__all__ = [
    "DEVICE",
    "TOOLS",
    "carnot_limits",
    "fluid_heat_duty",
    "mixing_chamber",
    "nozzle_or_diffuser",
    "reversible_compression_work",
    "reversible_pump_work",
    "throttling_valve",
    "two_stream_energy_balance",
]

_R = 8.314462618  # J/mol/K, CODATA 2018
_T_IN = Q("temperature", "inlet temperature", gt=0)
_QUALITY_IN = Q("vapor_fraction", "inlet quality (saturated inlet)", ge=0, le=1)
_QUALITY_OUT = Out("", "outlet quality (-1 outside the two-phase region)", kind="vapor_fraction")
# Which COP "the COP" is: a heat pump's counts the heat delivered, a refrigerator's (an
# air conditioner's, a chiller's) the heat removed.
DEVICE = P(
    "the device whose COP is asked: a refrigerator (cooling) or a heat pump (heating)",
    choices=("refrigerator", "heat_pump"),
    said_choice=(
        ("heat_pump", ("heat pump", "heat pumps", "heat-pump")),
        ("refrigerator", ("refrigerator", "air conditioner", "freezer", "chiller",
                          "refrigeration", "cooler")),
    ),
)  # fmt: skip


@tool(
    topic="thermodynamics",
    reference="Throttling is isenthalpic: h2 = h1 (Cengel & Boles, Thermodynamics 9th ed. "
    "sec. 5-4c); entropy generation s2 - s1 (sec. 7-13); " + COOLPROP_REFERENCE,
    outputs={
        "T2": Out("K", "outlet temperature"),
        "quality_out": _QUALITY_OUT,
        "temperature_drop": Out("delta_degC", "inlet minus outlet temperature", kind="temperature_difference"),
        "enthalpy": Out("J/kg", "specific enthalpy, the same at inlet and outlet", kind="specific_enthalpy"),
        "entropy_generation": Out("J/kg/K", "entropy generated per kg", kind="entropy_generation"),
        "specific_volume_out": Out("m**3/kg", "outlet specific volume"),
    },
    alternatives=[("T1", "quality_in")],
    cues=('throttle', 'throttled', 'throttling', 'throttles', 'expansion valve', 'valve', 'capillary', 'porous plug', 'Joule-Thomson', 'let down', 'isenthalpic'),
    ruled_out_by=IDEAL_GAS_WORDS,
)  # fmt: skip
def throttling_valve(
    fluid: Annotated[str, FLUID],
    P1: Annotated[float, Q("pressure", "inlet pressure (absolute)", gt=0)],
    P2: Annotated[float, Q("pressure", "outlet pressure (absolute)", gt=0)],
    T1: Annotated[float | None, _T_IN] = None,
    quality_in: Annotated[float | None, _QUALITY_IN] = None,
) -> dict[str, Any]:
    """Throttling (expansion) valve, porous plug or capillary tube on a real fluid: the
    outlet temperature and quality at constant enthalpy from the inlet state and the
    outlet pressure (refrigerant expansion valves, Joule-Thomson cooling of a gas).

    Notes
    -----
    Adiabatic, no work, kinetic and potential energy changes neglected, so h2 = h1, on
    CoolProp's reference equation of state for the fluid (air as a pseudo-pure fluid). A
    temperature or pressure outside the equation's range, or an outlet pressure above the
    inlet's, is refused. The outlet quality is -1 outside the two-phase region.

    Examples
    --------
    Cengel & Boles's capillary-tube example (ch. 5): R-134a, saturated liquid at 0.8 MPa,
    throttled to 0.12 MPa leaves at quality 0.340, 53.6 degC colder.

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("throttling_valve", {"fluid": "R134a", "P1": "0.8 MPa",
    ...     "quality_in": 0, "P2": "0.12 MPa"})
    >>> round(r.value("quality_out"), 3), round(r.value("temperature_drop"), 1)
    (0.34, 53.6)
    """
    name = coolprop_name(fluid, "throttling_valve")
    if P2 > P1:
        raise ToolInputError("throttling_valve: the outlet pressure must be below the inlet's")
    inlet = inlet_state(name, "throttling_valve", P1, T1, quality_in)
    outlet = state_of(name, "throttling_valve", pressure=P2, enthalpy=inlet.h)
    return {
        "T2": outlet.T,
        "quality_out": outlet.quality,
        "temperature_drop": inlet.T - outlet.T,
        "enthalpy": inlet.h,
        "entropy_generation": outlet.s - inlet.s,
        "specific_volume_out": outlet.v,
    }


@tool(
    topic="thermodynamics",
    reference="Steady-flow energy balance of an adiabatic nozzle or diffuser, h1 + V1^2/2 = "
    "h2 + V2^2/2, with an isentropic efficiency on the kinetic-energy change (Cengel & "
    "Boles, Thermodynamics 9th ed. secs. 5-4a and 7-12); " + COOLPROP_REFERENCE,
    outputs={
        "V2": Out("m/s", "outlet velocity", kind="velocity"),
        "T2": Out("K", "outlet temperature"),
        "P2": Out("Pa", "outlet pressure (the isentropic one when not given)"),
        "enthalpy_change": Out("J/kg", "h2 - h1", kind="specific_energy"),
        "quality_out": _QUALITY_OUT,
        "exit_area": Out("m**2", "outlet flow area (with the mass flow)", kind="cross_section_area"),
        "inlet_area": Out("m**2", "inlet flow area (with the mass flow and V1 > 0)", kind="cross_section_area"),
        "entropy_generation": Out("J/kg/K", "entropy generated per kg, s2 - s1 (adiabatic)", kind="entropy_generation"),
    },
    alternatives=[("T1", "quality_in")],
    cues=('nozzle', 'diffuser'),
    ruled_out_by=IDEAL_GAS_WORDS,
)  # fmt: skip
def nozzle_or_diffuser(
    fluid: Annotated[str, FLUID],
    P1: Annotated[float, Q("pressure", "inlet pressure (absolute)", gt=0)],
    T1: Annotated[float | None, _T_IN] = None,
    quality_in: Annotated[float | None, _QUALITY_IN] = None,
    V1: Annotated[float, Q("velocity", "inlet velocity", ge=0)] = 0.0,
    V2: Annotated[
        float | None,
        Q(
            "velocity",
            "outlet velocity (neither it nor P2 given: negligible, the flow brought to rest)",
            ge=0,
        ),
    ] = None,
    P2: Annotated[float | None, Q("pressure", "outlet pressure (absolute)", gt=0)] = None,
    efficiency: Annotated[
        float, Q("efficiency", "isentropic efficiency of the nozzle or diffuser", gt=0, le=1)
    ] = 1.0,
    mass_flow: Annotated[float | None, Q("mass_flow", "mass flow", gt=0)] = None,
) -> Outcome:
    """Adiabatic nozzle or diffuser on a real fluid or air: the outlet velocity from the
    outlet pressure, or the outlet temperature and (isentropic) pressure from the outlet
    velocity (negligible when neither is given), with the exit area when the mass flow is
    given. A diffuser slows the flow and raises its pressure and temperature; a nozzle
    does the opposite.

    Notes
    -----
    Steady, adiabatic, no work and negligible potential energy, on CoolProp's reference
    equation of state; the efficiency scales the kinetic-energy change against the
    isentropic one. Giving both the outlet pressure and velocity is refused, as is a
    diffuser whose inlet kinetic energy cannot reach the outlet pressure.

    Examples
    --------
    Cengel & Boles's jet-engine diffuser example (ch. 5): air at 80 kPa, 10 degC and
    200 m/s, brought nearly to rest, leaves at 303 K.

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("nozzle_or_diffuser", {"fluid": "air", "P1": "80 kPa",
    ...     "T1": "10 degC", "V1": "200 m/s", "V2": "0 m/s"})
    >>> round(r.value("T2", "K"))
    303
    """
    name = coolprop_name(fluid, "nozzle_or_diffuser")
    inlet = inlet_state(name, "nozzle_or_diffuser", P1, T1, quality_in)
    if P2 is not None and V2 is not None:
        raise ToolInputError("nozzle_or_diffuser: give the outlet pressure or velocity, not both")
    if P2 is not None:
        ideal = state_of(name, "nozzle_or_diffuser", pressure=P2, entropy=inlet.s)
        if P2 < P1:  # nozzle: the efficiency scales the kinetic energy gained
            h2 = inlet.h - efficiency * (inlet.h - ideal.h)
        else:  # diffuser: the real one needs more kinetic energy for the same rise
            h2 = inlet.h + (ideal.h - inlet.h) / efficiency
        kinetic = V1**2 / 2 + inlet.h - h2
        if kinetic < 0:
            raise ToolInputError(
                "nozzle_or_diffuser: the inlet velocity is too low for this pressure rise"
            )
        outlet = state_of(name, "nozzle_or_diffuser", pressure=P2, enthalpy=h2)
        velocity = math.sqrt(2 * kinetic)
        method = "nozzle" if P2 < P1 else "diffuser"
    else:
        at_rest = V2 is None
        V2 = 0.0 if V2 is None else V2
        h2 = inlet.h + (V1**2 - V2**2) / 2
        # The real outlet pressure follows from the efficiency on the isentropic path.
        h2s = inlet.h + efficiency * (h2 - inlet.h)
        P_out = state_of(name, "nozzle_or_diffuser", enthalpy=h2s, entropy=inlet.s).P
        outlet = state_of(name, "nozzle_or_diffuser", pressure=P_out, enthalpy=h2)
        velocity = V2
        method = "diffuser" if V2 < V1 else "nozzle"
        if at_rest:
            method += ", outlet velocity negligible"
    exit_area = inlet_area = None
    if mass_flow is not None:
        exit_area = mass_flow * outlet.v / velocity if velocity > 0 else None
        inlet_area = mass_flow * inlet.v / V1 if V1 > 0 else None
    return Outcome(
        {
            "V2": velocity if P2 is not None else None,  # computed only from a pressure
            "T2": outlet.T,
            "P2": outlet.P,
            "enthalpy_change": outlet.h - inlet.h,
            "quality_out": outlet.quality,
            "exit_area": exit_area,
            "inlet_area": inlet_area,
            "entropy_generation": outlet.s - inlet.s,
        },
        method=method,
    )


@tool(
    topic="thermodynamics",
    reference="Adiabatic mixing chamber: m1 h1 + m2 h2 = (m1 + m2) h3 at one pressure "
    "(Cengel & Boles, Thermodynamics 9th ed. sec. 5-4d); " + COOLPROP_REFERENCE,
    outputs={
        "T_out": Out("K", "temperature of the mixture leaving the chamber (mixed outlet temperature)"),
        "quality_out": _QUALITY_OUT,
        "mass_flow_2": Out("kg/s", "flow of the second (hot, steam) stream that gives the outlet temperature", kind="mass_flow"),
        "mass_flow_out": Out("kg/s", "outlet mass flow of the mixture", kind="mass_flow"),
        "mass_ratio": Out("", "second stream per unit of the first, m2/m1", kind="ratio"),
        "entropy_generation": Out("W/K", "entropy generated per second (with the flows)"),
    },
    alternatives=[("T1", "quality_1"), ("T2", "quality_2"), ("mass_flow_2", "T_out")],
    cues=('mix', 'mixe', 'mixed', 'mixing', 'mixture', 'feedwater heater', 'direct-contact', 'direct contact', 'desuperheater', 'desuperheated', 'injected', 'combined', 'merge', 'merged'),
    ruled_out_by=IDEAL_GAS_WORDS,
)  # fmt: skip
def mixing_chamber(
    fluid: Annotated[str, FLUID],
    pressure: Annotated[
        float, Q("pressure", "chamber pressure (absolute), the same for all streams", gt=0)
    ],
    T1: Annotated[float | None, Q("temperature", "first (cold) stream temperature", gt=0)] = None,
    quality_1: Annotated[
        float | None, Q("vapor_fraction", "first stream quality", ge=0, le=1)
    ] = None,
    T2: Annotated[float | None, Q("temperature", "second (hot) stream temperature", gt=0)] = None,
    quality_2: Annotated[
        float | None, Q("vapor_fraction", "second stream quality", ge=0, le=1)
    ] = None,
    mass_flow_1: Annotated[float, Q("mass_flow", "first stream mass flow", gt=0)] = 1.0,
    mass_flow_2: Annotated[float | None, Q("mass_flow", "second stream mass flow", gt=0)] = None,
    T_out: Annotated[
        float | None, Q("temperature", "mixed outlet temperature wanted", gt=0)
    ] = None,
) -> Outcome:
    """Adiabatic mixing chamber or open feedwater heater: two streams of one fluid at one
    pressure mix. From both flows, the outlet temperature; from the outlet temperature,
    the second stream's flow (or the mass ratio m2/m1). Hot and cold water mixing,
    steam injected into water, desuperheating.

    Notes
    -----
    Steady, adiabatic, no work, kinetic and potential energy neglected; both streams are
    one fluid at the chamber pressure, on CoolProp's reference equation of state. An
    outlet temperature whose enthalpy is not between the two inlets' is refused, as is
    giving both the second flow and the outlet temperature.

    Examples
    --------
    Water at 300 kPa and 20 degC (1.8 kg/s) heated to 60 degC with steam at 300 degC
    needs 0.107 kg/s of steam (by hand with CoolProp: 1.8 (h_60 - h_20) / (h_300 - h_60)):

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("mixing_chamber", {"fluid": "water", "pressure": "300 kPa",
    ...     "T1": "20 degC", "mass_flow_1": "1.8 kg/s", "T2": "300 degC", "T_out": "60 degC"})
    >>> round(r.value("mass_flow_2", "kg/s"), 3)
    0.107
    """
    name = coolprop_name(fluid, "mixing_chamber")
    one = inlet_state(name, "mixing_chamber", pressure, T1, quality_1)
    two = inlet_state(name, "mixing_chamber", pressure, T2, quality_2)
    if T_out is not None and mass_flow_2 is not None:
        raise ToolInputError("mixing_chamber: give the second flow or the outlet temperature")
    if T_out is not None:
        out = state_of(name, "mixing_chamber", pressure=pressure, temperature=T_out)
        if not min(one.h, two.h) < out.h < max(one.h, two.h):
            raise ToolInputError(
                "mixing_chamber: the outlet temperature must lie between the inlet streams'"
            )
        ratio = (one.h - out.h) / (out.h - two.h)
        m2 = ratio * mass_flow_1
        method = "second flow from the outlet temperature"
    else:
        assert mass_flow_2 is not None
        m2 = mass_flow_2
        ratio = m2 / mass_flow_1
        h3 = (mass_flow_1 * one.h + m2 * two.h) / (mass_flow_1 + m2)
        out = state_of(name, "mixing_chamber", pressure=pressure, enthalpy=h3)
        method = "outlet from both flows"
    generation = (mass_flow_1 + m2) * out.s - mass_flow_1 * one.s - m2 * two.s
    return Outcome(
        {
            "T_out": out.T,
            "quality_out": out.quality,
            "mass_flow_out": mass_flow_1 + m2,
            "mass_flow_2": m2 if mass_flow_2 is None else None,  # computed, not restated
            "mass_ratio": ratio,
            "entropy_generation": generation,
        },
        method=method,
    )


@tool(
    topic="thermodynamics",
    reference="Steady-flow energy balance of a heater, boiler, evaporator or condenser: "
    "Q = m (h2 - h1) (Cengel & Boles, Thermodynamics 9th ed. sec. 5-4e); " + COOLPROP_REFERENCE,
    outputs={
        "heat_duty": Out("W", "heat added or removed (the method says which), with the mass flow", kind="heat_duty"),
        "enthalpy_change": Out("J/kg", "enthalpy change per kg of fluid, |h2 - h1|", kind="specific_energy"),
        "T2": Out("K", "outlet temperature"),
        "quality_out": _QUALITY_OUT,
        "mass_flow": Out("kg/s", "mass flow that takes the duty (from the duty)", kind="mass_flow"),
        "entropy_generation": Out("J/kg/K", "entropy generated per kg with a source or sink at source_temperature: s2 - s1 - q/T", kind="entropy_generation"),
    },
    alternatives=[("T1", "quality_in"), ("T2", "quality_out"), ("mass_flow", "duty")],
    cues=('boiler', 'steam generator', 'condenser', 'evaporator', 'superheater', 'reheater', 'economizer', 'economiser', 'heater', 'heat', 'cool', 'cooler', 'vaporized', 'vaporised', 'condensed', 'evaporated', 'boiled', 'generate', 'generated', 'superheated'),
    ruled_out_by=IDEAL_GAS_WORDS,
)  # fmt: skip
def fluid_heat_duty(
    fluid: Annotated[str, FLUID],
    P1: Annotated[float, Q("pressure", "inlet pressure (absolute)", gt=0)],
    T1: Annotated[float | None, _T_IN] = None,
    quality_in: Annotated[float | None, Q("vapor_fraction", "inlet quality", ge=0, le=1)] = None,
    T2: Annotated[float | None, Q("temperature", "outlet temperature", gt=0)] = None,
    quality_out: Annotated[float | None, Q("vapor_fraction", "outlet quality", ge=0, le=1)] = None,
    P2: Annotated[
        float | None, Q("pressure", "outlet pressure (default: the inlet's)", gt=0)
    ] = None,
    mass_flow: Annotated[float | None, Q("mass_flow", "mass flow", gt=0)] = None,
    duty: Annotated[float | None, Q("heat_duty", "heat added or removed", gt=0)] = None,
    source_temperature: Annotated[
        float | None,
        Q("temperature", "temperature of the heat source (or sink) exchanging the heat", gt=0),
    ] = None,
) -> Outcome:
    """Heat to take a flowing real fluid from one state to another: a boiler or steam
    generator, a condenser, an evaporator, a superheater or a heater, with phase change
    (e.g. feedwater at 10 MPa and 50 °C to steam at 500 °C). From the mass flow, the
    duty; from the duty, the mass flow.

    Notes
    -----
    Steady flow, no work, kinetic and potential energy neglected: Q = m |h2 - h1| on
    CoolProp's reference equation of state. The outlet is at the inlet pressure unless P2
    is given (no pressure drop is assumed). The duty is a magnitude; the method says
    heating or cooling. States outside the equation's range are refused.

    Examples
    --------
    Feedwater at 10 bar and 25 degC boiled to saturated steam, 1 kg/s (by hand with
    CoolProp: h_g(10 bar) - h(10 bar, 25 degC) = 2671 kJ/kg):

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("fluid_heat_duty", {"fluid": "water", "P1": "10 bar",
    ...     "T1": "25 degC", "quality_out": 1, "mass_flow": "1 kg/s"})
    >>> round(r.value("heat_duty", "kW"))
    2671
    """
    name = coolprop_name(fluid, "fluid_heat_duty")
    inlet = inlet_state(name, "fluid_heat_duty", P1, T1, quality_in)
    outlet = inlet_state(name, "fluid_heat_duty", P2 if P2 is not None else P1, T2, quality_out)
    dh = outlet.h - inlet.h
    if mass_flow is not None and duty is not None:
        raise ToolInputError("fluid_heat_duty: give the mass flow or the duty, not both")
    computed_flow = None
    if duty is not None:
        if dh == 0:
            raise ToolInputError("fluid_heat_duty: inlet and outlet are the same state")
        computed_flow = duty / abs(dh)
    return Outcome(
        {
            # Magnitudes: a condenser's duty is a heat removed, as engineers state it.
            "heat_duty": abs(dh) * mass_flow if mass_flow is not None else None,
            "enthalpy_change": abs(dh),
            "T2": outlet.T,
            "quality_out": outlet.quality,
            "mass_flow": computed_flow,
            # The heat crosses the boundary at the source's temperature (Cengel & Boles
            # sec. 7-13): s_gen = s2 - s1 - q/T_source.
            "entropy_generation": (
                outlet.s - inlet.s - dh / source_temperature
                if source_temperature is not None
                else None
            ),
        },
        method="heating" if dh > 0 else "cooling",
    )


@tool(
    topic="thermodynamics",
    reference="Two-stream heat exchanger energy balance, m_h (h_h,in - h_h,out) = m_c "
    "(h_c,out - h_c,in), adiabatic shell (Cengel & Boles, Thermodynamics 9th ed. sec. "
    "5-4e); " + COOLPROP_REFERENCE,
    outputs={
        "duty": Out("W", "heat passed from the hot to the cold stream", kind="heat_duty"),
        "cold_mass_flow": Out("kg/s", "cold stream mass flow", kind="mass_flow"),
        "hot_mass_flow": Out("kg/s", "hot stream mass flow", kind="mass_flow"),
        "entropy_generation": Out("W/K", "entropy generated per second by the heat transfer"),
    },
    alternatives=[("hot_mass_flow", "cold_mass_flow")],
    cues=('exchanger', 'condenser', 'cooler', 'heater', 'cool', 'heat', 'coolant', 'cooling water', 'evaporator', 'boiler', 'economizer', 'economiser'),
    ruled_out_by=IDEAL_GAS_WORDS,
)  # fmt: skip
def two_stream_energy_balance(
    hot_fluid: Annotated[str, FLUID],
    cold_fluid: Annotated[str, FLUID],
    hot_pressure: Annotated[float, Q("pressure", "hot stream pressure (absolute)", gt=0)],
    hot_T_in: Annotated[float, Q("temperature", "hot stream inlet temperature", gt=0)],
    cold_pressure: Annotated[float, Q("pressure", "cold stream pressure (absolute)", gt=0)],
    cold_T_in: Annotated[float, Q("temperature", "cold stream inlet temperature", gt=0)],
    cold_T_out: Annotated[float, Q("temperature", "cold stream outlet temperature", gt=0)],
    hot_T_out: Annotated[
        float | None, Q("temperature", "hot stream outlet temperature", gt=0)
    ] = None,
    hot_quality_out: Annotated[
        float | None,
        Q(
            "vapor_fraction",
            "hot stream outlet quality (0: condensed to saturated liquid)",
            ge=0,
            le=1,
        ),
    ] = None,
    hot_mass_flow: Annotated[float | None, Q("mass_flow", "hot stream mass flow", gt=0)] = None,
    cold_mass_flow: Annotated[float | None, Q("mass_flow", "cold stream mass flow", gt=0)] = None,
) -> Outcome:
    """Energy balance of a two-stream heat exchanger on real fluids, with phase change
    (a refrigerant condenser cooled by water, a steam heater): from one stream's flow,
    the heat passed and the other stream's flow.

    Notes
    -----
    Steady, adiabatic shell, no work, kinetic and potential energy neglected; each stream
    stays at its own pressure (no pressure drop), on CoolProp's reference equations of
    state. The hot stream must give heat and the cold one take it, or the tool refuses.
    The terminal temperatures are taken as given: no temperature cross is checked.

    Examples
    --------
    Cengel & Boles's example of R-134a cooled by water (ch. 5): 6 kg/min of R-134a from
    70 to 35 degC at 1 MPa needs 29.1 kg/min of water warmed from 15 to 25 degC.

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("two_stream_energy_balance", {"hot_fluid": "R134a",
    ...     "cold_fluid": "water", "hot_pressure": "1 MPa", "hot_T_in": "70 degC",
    ...     "hot_T_out": "35 degC", "cold_pressure": "300 kPa", "cold_T_in": "15 degC",
    ...     "cold_T_out": "25 degC", "hot_mass_flow": "6 kg/min"})
    >>> round(r.value("cold_mass_flow", "kg/min"), 1)
    29.1
    """
    hot = coolprop_name(hot_fluid, "two_stream_energy_balance")
    cold = coolprop_name(cold_fluid, "two_stream_energy_balance")
    if (hot_mass_flow is None) == (cold_mass_flow is None):
        raise ToolInputError("two_stream_energy_balance: give the hot or the cold flow, one")
    name = "two_stream_energy_balance"
    hot_in = state_of(hot, name, pressure=hot_pressure, temperature=hot_T_in)
    hot_out = inlet_state(hot, name, hot_pressure, hot_T_out, hot_quality_out)
    cold_in = state_of(cold, name, pressure=cold_pressure, temperature=cold_T_in)
    cold_out = state_of(cold, name, pressure=cold_pressure, temperature=cold_T_out)
    h_in, h_out, c_in, c_out = hot_in.h, hot_out.h, cold_in.h, cold_out.h
    if h_in <= h_out or c_out <= c_in:
        raise ToolInputError(
            f"{name}: the hot stream must give heat (its outlet below its inlet) and the "
            "cold stream take it"
        )
    if hot_mass_flow is not None:
        duty = hot_mass_flow * (h_in - h_out)
        m_hot, m_cold = hot_mass_flow, duty / (c_out - c_in)
    else:
        assert cold_mass_flow is not None
        duty = cold_mass_flow * (c_out - c_in)
        m_hot, m_cold = duty / (h_in - h_out), cold_mass_flow
    generation = m_hot * (hot_out.s - hot_in.s) + m_cold * (cold_out.s - cold_in.s)
    return Outcome(
        {
            "duty": duty,
            "cold_mass_flow": m_cold if cold_mass_flow is None else None,
            "hot_mass_flow": m_hot if hot_mass_flow is None else None,
            "entropy_generation": generation,
        }
    )


@tool(
    topic="thermodynamics",
    reference="Reversible steady-flow work of an ideal gas, w = -int v dP: isothermal "
    "R T ln(P2/P1), polytropic n R T1/(n-1) [(P2/P1)^((n-1)/n) - 1], isentropic with n = k "
    "(Cengel & Boles, Thermodynamics 9th ed. sec. 7-11, eqs. 7-57 to 7-59)",
    outputs={
        "work_specific": Out("J/kg", "work input per kg (negative for an expansion)", kind="specific_work"),
        "work_molar": Out("J/mol", "work input per mole", kind="molar_work"),
        "power": Out("W", "power input (with the mass flow)", kind="shaft_power"),
        "T2": Out("K", "outlet temperature"),
        "heat_specific": Out("J/kg", "heat removed per kg (isothermal and polytropic; with k)", kind="specific_energy"),
    },
    alternatives=[("molar_mass", "gas")],
    cues=('reversible', 'reversibly', 'isothermal', 'isothermally', 'polytropic', 'polytropically', 'minimum work', 'least work'),
)  # fmt: skip
def reversible_compression_work(
    T1: Annotated[float, Q("temperature", "inlet temperature", gt=0)],
    P1: Annotated[float, Q("pressure", "inlet pressure (absolute)", gt=0)],
    P2: Annotated[float, Q("pressure", "outlet pressure (absolute)", gt=0)],
    molar_mass: Annotated[float | None, Q("molar_mass", "gas molar mass", gt=0)] = None,
    gas: Annotated[
        str | None, P("the gas (its molar mass), e.g. 'air', 'nitrogen'", chemical=True)
    ] = None,
    process: Annotated[
        str,
        P(
            "the path: isothermal, polytropic (give n) or isentropic (give k)",
            choices=("isothermal", "polytropic", "isentropic"),
            said_choice=(
                ("isothermal", ("isothermally", "constant temperature")),
                ("polytropic", ("polytropically",)),
                (
                    "isentropic",
                    (
                        "isentropically",
                        "reversible adiabatic",
                        "adiabatic and reversible",
                        "reversibly and adiabatically",
                    ),
                ),
            ),
        ),
    ] = "isothermal",
    n: Annotated[
        float | None, Q("exponent", "polytropic exponent n (P v^n = constant)", gt=0)
    ] = None,
    k: Annotated[
        float | None, Q("heat_capacity_ratio", "heat capacity ratio Cp/Cv", gt=1, le=2)
    ] = None,
    mass_flow: Annotated[float | None, Q("mass_flow", "gas mass flow", gt=0)] = None,
) -> Outcome:
    """Work of a reversible compressor (or expander) on an ideal gas along an isothermal,
    polytropic or isentropic path, per kg, per mole and as power: the least work that
    cooling during compression can reach, and the outlet temperature.

    Notes
    -----
    Ideal gas (R = 8.314462618 J/mol/K) along an internally reversible path with a
    constant exponent (n, or k for the isentropic path); kinetic and potential energy
    neglected; the gas's molar mass comes from the chemical database when it is named. At
    high reduced pressure a real gas departs from these results.

    Examples
    --------
    Cengel & Boles's reversible-compressor example (ch. 7): air from 100 kPa and 300 K to
    900 kPa needs 189.2 kJ/kg isothermally (263.2 isentropic, 246.4 with n = 1.3).

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("reversible_compression_work", {"process": "isothermal",
    ...     "T1": "300 K", "P1": "100 kPa", "P2": "900 kPa", "molar_mass": "28.97 g/mol"})
    >>> round(r.value("work_specific", "kJ/kg"), 1)
    189.2
    """
    if molar_mass is None:
        if gas is None:
            raise ToolInputError("reversible_compression_work: give the gas or its molar mass")
        from peoa.tools.chemical import resolve_argument

        molar_mass = resolve_argument("gas", gas).MW
    if process == "polytropic" and n is None:
        raise ToolInputError("reversible_compression_work: a polytropic path needs its exponent n")
    if process == "isentropic" and k is None:
        raise ToolInputError("reversible_compression_work: an isentropic path needs k")
    exponent = {"isothermal": 1.0, "polytropic": n, "isentropic": k}[process]
    assert exponent is not None
    ratio = P2 / P1
    if abs(exponent - 1.0) < 1e-9:
        molar = _R * T1 * math.log(ratio)
        T2 = T1
    else:
        power_of = (exponent - 1) / exponent
        molar = exponent * _R * T1 / (exponent - 1) * (ratio**power_of - 1)
        T2 = T1 * ratio**power_of
    per_kg = molar / (molar_mass / 1000.0)
    heat = None
    if abs(exponent - 1.0) < 1e-9:
        heat = per_kg  # isothermal: all the work leaves as heat
    elif k is not None and process == "polytropic":
        cv = _R / (k - 1) / (molar_mass / 1000.0)
        heat = per_kg - cv * (T2 - T1)  # first law: q_out = w_in - (u2 - u1)
    elif process == "isentropic":
        heat = 0.0
    return Outcome(
        {
            "work_specific": per_kg,
            "work_molar": molar,
            "power": per_kg * mass_flow if mass_flow is not None else None,
            "T2": T2,
            "heat_specific": heat,
        },
        method=process,
    )


@tool(
    topic="thermodynamics",
    reference="Reversible steady-flow work of an incompressible liquid, w = v (P2 - P1) "
    "(Cengel & Boles, Thermodynamics 9th ed. eq. 7-53; the pump work of the Rankine "
    "cycle, eq. 10-3)",
    outputs={
        "work_specific": Out("J/kg", "work input per kg", kind="specific_work"),
        "power": Out("W", "shaft power (with the mass flow, divided by the efficiency)", kind="shaft_power"),
    },
    alternatives=[("density", "specific_volume")],
    cues=('reversible', 'reversibly', 'isentropic', 'isentropically', 'ideal pump', 'incompressible', 'minimum work', 'pump work'),
)  # fmt: skip
def reversible_pump_work(
    P1: Annotated[float, Q("pressure", "inlet pressure", gt=0)],
    P2: Annotated[float, Q("pressure", "outlet pressure", gt=0)],
    density: Annotated[float | None, Q("density", "liquid density", gt=0)] = None,
    specific_volume: Annotated[
        float | None, Q("specific_volume", "liquid specific volume", gt=0)
    ] = None,
    efficiency: Annotated[float, Q("efficiency", "pump isentropic efficiency", gt=0, le=1)] = 1.0,
    mass_flow: Annotated[float | None, Q("mass_flow", "liquid mass flow", gt=0)] = None,
) -> dict[str, float | None]:
    """Work to pump an incompressible liquid reversibly (isothermal pump) from one
    pressure to another, w = v (P2 - P1), divided by the efficiency for a real pump: the
    pump work of a steam cycle's feed pump.

    Notes
    -----
    Incompressible liquid (constant specific volume), kinetic and potential energy
    neglected; the efficiency divides the reversible work. A P2 below P1 is not refused:
    the work comes out negative. Cavitation and NPSH are not checked.

    Examples
    --------
    Water (1000 kg/m3) pumped from 100 kPa to 5 MPa: 0.001 m3/kg x 4900 kPa = 4.9 kJ/kg.

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("reversible_pump_work", {"P1": "100 kPa", "P2": "5 MPa",
    ...     "density": "1000 kg/m^3"})
    >>> round(r.value("work_specific", "kJ/kg"), 2)
    4.9
    """
    if specific_volume is not None and density is None:
        v = specific_volume
    elif density is not None and specific_volume is None:
        v = 1.0 / density
    else:
        raise ToolInputError("reversible_pump_work: give the density or the specific volume")
    work = v * (P2 - P1) / efficiency
    return {"work_specific": work, "power": work * mass_flow if mass_flow is not None else None}


@tool(
    topic="thermodynamics",
    reference="Carnot limits between two reservoirs: eta = 1 - T_L/T_H, COP_R = T_L/(T_H - "
    "T_L), COP_HP = T_H/(T_H - T_L) (Cengel & Boles, Thermodynamics 9th ed. secs. 6-10 and "
    "6-11)",
    outputs={
        "efficiency": Out("", "Carnot (maximum) thermal efficiency of a heat engine", kind="efficiency"),
        "cop": Out("", "Carnot (maximum) COP of the device named: a refrigerator or a heat pump", kind="coefficient_of_performance"),
        "cop_refrigerator": Out("", "Carnot (maximum) COP of a refrigerator", kind="coefficient_of_performance"),
        "cop_heat_pump": Out("", "Carnot (maximum) COP of a heat pump", kind="coefficient_of_performance"),
        "work": Out("W", "the most work from the heat supplied (with heat_in)", kind="power"),
    },
    cues=('Carnot', 'reversible', 'maximum', 'highest', 'ideal', 'theoretical', 'best possible', 'upper limit', 'most efficient'),
)  # fmt: skip
def carnot_limits(
    T_hot: Annotated[float, Q("temperature", "hot reservoir (source) temperature", gt=0)],
    T_cold: Annotated[float, Q("temperature", "cold reservoir (sink) temperature", gt=0)],
    heat_in: Annotated[
        float | None, Q("heat_duty", "heat received from the hot reservoir", gt=0)
    ] = None,
    device: Annotated[str, DEVICE] = "refrigerator",
) -> dict[str, float | None]:
    """The Carnot limits between a hot and a cold reservoir: the maximum thermal efficiency
    of a heat engine and the maximum COP of a refrigerator and a heat pump (reversible
    cycles), with the most work from a given heat input.

    Notes
    -----
    Reversible cycles between two reservoirs at fixed absolute temperatures; any real
    cycle does worse. The hotter temperature is taken as the source whichever is given
    first; equal temperatures are refused.

    Examples
    --------
    Cengel & Boles's Carnot heat engine example (ch. 6): a source at 652 degC and a sink
    at 30 degC give 67.2 %.

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("carnot_limits", {"T_hot": "652 degC", "T_cold": "30 degC"})
    >>> round(r.value("efficiency"), 3)
    0.672
    """
    if T_cold == T_hot:
        raise ToolInputError("carnot_limits: the two reservoirs must differ in temperature")
    # "Between 5 °C and 25 °C": the hotter of the two is the source, whichever comes first.
    T_cold, T_hot = sorted((T_cold, T_hot))
    eta = 1 - T_cold / T_hot
    cop_r, cop_hp = T_cold / (T_hot - T_cold), T_hot / (T_hot - T_cold)
    return {
        "efficiency": eta,
        "cop": cop_hp if device == "heat_pump" else cop_r,
        "cop_refrigerator": cop_r,
        "cop_heat_pump": cop_hp,
        "work": eta * heat_in if heat_in is not None else None,
    }


TOOLS = (
    throttling_valve,
    nozzle_or_diffuser,
    mixing_chamber,
    fluid_heat_duty,
    two_stream_energy_balance,
    reversible_compression_work,
    reversible_pump_work,
    carnot_limits,
)
