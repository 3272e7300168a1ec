"""Power and refrigeration cycles on real-fluid states: the Rankine cycle (simple, with
reheat, regenerative with an open or a closed feedwater heater), the Brayton gas-turbine
cycle (with regeneration, intercooling and reheat), the gas-steam combined cycle and the
vapour-compression refrigeration or heat-pump cycle. Each reports its thermal efficiency or COP, the net
work, the back-work ratio and the state table (``states``: T, P, h, s, x per state).
"""

from __future__ import annotations

import math
from typing import Annotated, Any

from peoa.exceptions import ToolInputError
from peoa.tools.base import Out, Outcome, P, Q, tool, warn
from peoa.tools.fluid_states import State, coolprop_name, state_of
from peoa.tools.thermodynamics import DEVICE

__all__ = [
    "TOOLS",
    "brayton_cycle",
    "combined_cycle",
    "rankine_cycle",
    "rankine_regenerative_cycle",
    "refrigeration_cycle",
]

_CENGEL = "Cengel & Boles, Thermodynamics: An Engineering Approach, 9th ed."
_COOLPROP = (
    "states from CoolProp (Bell et al., Ind. Eng. Chem. Res. 53 (2014) 2498, doi:10.1021/ie4033999)"
)


def _row(label: str, state: State) -> dict[str, Any]:
    return {
        "state": label,
        "T_K": round(state.T, 3),
        "P_kPa": round(state.P / 1000.0, 4),
        "h_kJ_per_kg": round(state.h / 1000.0, 3),
        "s_kJ_per_kgK": round(state.s / 1000.0, 5),
        "quality": None if state.quality < 0 else round(state.quality, 4),
    }


def _expand(fluid: str, name: str, inlet: State, pressure: float, efficiency: float) -> State:
    """The real outlet of a turbine (or a compressor when the pressure rises)."""
    ideal = state_of(fluid, name, pressure=pressure, entropy=inlet.s)
    if pressure < inlet.P:
        h = inlet.h - efficiency * (inlet.h - ideal.h)
    else:
        h = inlet.h + (ideal.h - inlet.h) / efficiency
    return state_of(fluid, name, pressure=pressure, enthalpy=h)


def _gas_turbine_states(
    name: str,
    P1: float,
    pressure_ratio: float,
    stage_ratio: float,
    T1: float,
    T3: float,
    compressor_efficiency: float,
    turbine_efficiency: float,
) -> tuple[State, State, State, State]:
    """Air's states through one compressor stage and one turbine stage of a gas turbine:
    compressor inlet and outlet, turbine inlet (at the top pressure) and outlet."""
    inlet = state_of("Air", name, pressure=P1, temperature=T1)
    compressed = _expand("Air", name, inlet, P1 * stage_ratio, compressor_efficiency)
    top = P1 * pressure_ratio
    hot = state_of("Air", name, pressure=top, temperature=T3)
    exhaust = _expand("Air", name, hot, top / stage_ratio, turbine_efficiency)
    return inlet, compressed, hot, exhaust


def _flows(w_net: float, mass_flow: float | None, net_power: float | None) -> float | None:
    if mass_flow is not None and net_power is not None:
        raise ToolInputError("give the mass flow or the net power, not both")
    if net_power is not None:
        return net_power / w_net
    return mass_flow


_TURBINE_ETA = Q("efficiency", "turbine isentropic efficiency", gt=0, le=1)
_BOILER = Q("pressure", "boiler pressure (turbine inlet, absolute)", gt=0)
_CONDENSER_P = Q("pressure", "condenser pressure (turbine exhaust, absolute)", gt=0)
_CONDENSER_T = Q("saturation_temperature", "condenser saturation temperature", gt=0)
_TURBINE_T = Q(
    "temperature",
    "turbine inlet (superheat) temperature; saturated vapour when not given",
    gt=0,
)
_PUMP_ETA = Q("efficiency", "pump isentropic efficiency", gt=0, le=1)
_MASS_FLOW = Q("mass_flow", "working fluid mass flow (to report powers)", gt=0)
_NET_POWER = Q("power", "net power output wanted (gives the mass flow)", gt=0)

_POWER_OUTPUTS = {
    "thermal_efficiency": Out("", "thermal (cycle) efficiency, net work over heat added", kind="efficiency"),
    "net_work": Out("J/kg", "net work per kg of working fluid", kind="specific_work"),
    "turbine_work": Out("J/kg", "turbine work per kg through the boiler", kind="specific_work"),
    "pump_work": Out("J/kg", "pump (or compressor) work per kg", kind="specific_work"),
    "heat_in": Out("J/kg", "heat added per kg", kind="specific_energy"),
    "heat_out": Out("J/kg", "heat rejected per kg", kind="specific_energy"),
    "back_work_ratio": Out("", "pump or compressor work over turbine work", kind="back_work_ratio"),
    "mass_flow": Out("kg/s", "working fluid mass flow (from the net power)", kind="mass_flow"),
    "net_power": Out("W", "net power (with a mass flow)", kind="shaft_power"),
    "heat_input_rate": Out("W", "heat added per second (with a mass flow)", kind="heat_duty"),
    "heat_rejection_rate": Out("W", "heat rejected per second (with a mass flow)", kind="heat_duty"),
}  # fmt: skip


def _power_values(
    w_turbine: float,
    w_pump: float,
    q_in: float,
    mass_flow: float | None,
    net_power: float | None,
) -> dict[str, Any]:
    w_net = w_turbine - w_pump
    if w_net <= 0:
        raise ToolInputError("the cycle gives no net work at these conditions")
    flow = _flows(w_net, mass_flow, net_power)
    q_out = q_in - w_net
    return {
        "thermal_efficiency": w_net / q_in,
        "net_work": w_net,
        "turbine_work": w_turbine,
        "pump_work": w_pump,
        "heat_in": q_in,
        "heat_out": q_out,
        "back_work_ratio": w_pump / w_turbine,
        "mass_flow": flow if net_power is not None else None,  # computed, not restated
        "net_power": w_net * flow if flow is not None else None,
        "heat_input_rate": q_in * flow if flow is not None else None,
        "heat_rejection_rate": q_out * flow if flow is not None else None,
    }


def _condenser_pressure(fluid: str, name: str, pressure: float | None, T: float | None) -> float:
    if (pressure is None) == (T is None):
        raise ToolInputError(f"{name}: give the condenser pressure or its temperature, one")
    if pressure is not None:
        return pressure
    assert T is not None
    return state_of(fluid, name, temperature=T, quality=0.0).P


def _turbine_inlet(fluid: str, name: str, pressure: float, T: float | None) -> State:
    """Superheated steam at T, or saturated vapour when no temperature is given."""
    if T is None:
        return state_of(fluid, name, pressure=pressure, quality=1.0)
    return state_of(fluid, name, pressure=pressure, temperature=T)


def _exit_quality_check(state: State) -> None:
    if 0 <= state.quality < 0.85:
        warn(
            f"turbine exhaust quality {state.quality:.3f} is below 0.85: blade erosion "
            "(real plants keep it higher, with reheat)"
        )


@tool(
    topic="cycles",
    reference=f"Ideal and actual Rankine cycle, simple or with one reheat ({_CENGEL} secs. "
    f"10-2 to 10-5: turbine and pump with isentropic efficiencies); {_COOLPROP}",
    outputs={
        **_POWER_OUTPUTS,
        "turbine_exit_quality": Out("", "quality at the turbine exhaust (-1: superheated)", kind="vapor_fraction"),
        "turbine_exit_temperature": Out("K", "turbine exhaust temperature"),
        "states": Out(None, "state table: T, P, h, s, quality for each state", many=True),
    },
    alternatives=[("condenser_pressure", "condenser_temperature")],
    cues=('Rankine', 'power plant', 'steam plant', 'power station', 'steam power', 'steam cycle', 'power cycle'),
)  # fmt: skip
def rankine_cycle(
    boiler_pressure: Annotated[float, _BOILER],
    condenser_pressure: Annotated[float | None, _CONDENSER_P] = None,
    condenser_temperature: Annotated[float | None, _CONDENSER_T] = None,
    turbine_inlet_temperature: Annotated[float | None, _TURBINE_T] = None,
    reheat_pressure: Annotated[
        float | None, Q("pressure", "reheat pressure (after the high-pressure turbine)", gt=0)
    ] = None,
    reheat_temperature: Annotated[
        float | None, Q("temperature", "reheat temperature (default: the turbine inlet's)", gt=0)
    ] = None,
    turbine_efficiency: Annotated[float, _TURBINE_ETA] = 1.0,
    pump_efficiency: Annotated[float, _PUMP_ETA] = 1.0,
    mass_flow: Annotated[float | None, _MASS_FLOW] = None,
    net_power: Annotated[float | None, _NET_POWER] = None,
    fluid: Annotated[
        str, P("the working fluid (steam unless an organic Rankine cycle)", chemical=True)
    ] = "water",
) -> Outcome:
    """Steam power plant on the Rankine cycle, simple or with reheat: the thermal
    efficiency, net work, back-work ratio, turbine exhaust quality and the state table
    from the boiler and condenser pressures, the turbine inlet temperature and the
    turbine and pump efficiencies; with the net power, the steam flow.

    Notes
    -----
    Steady flow without pressure losses in the boiler, condenser or pipes: saturated
    liquid leaves the condenser, and the pump and turbines are adiabatic with the
    isentropic efficiencies given (1 is the ideal cycle). States come from CoolProp
    (IAPWS-95 for water, any CoolProp fluid for an organic Rankine cycle). It warns when
    the turbine exhaust quality falls below 0.85.

    Examples
    --------
    Cengel & Boles Example 10-1: 3 MPa and 350 degC, condenser at 75 kPa, efficiency 26.0 %:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("rankine_cycle", {"boiler_pressure": {"value": 3, "unit": "MPa"},
    ...     "turbine_inlet_temperature": {"value": 350, "unit": "degC"},
    ...     "condenser_pressure": {"value": 75, "unit": "kPa"}})
    >>> round(r.value("thermal_efficiency"), 3)
    0.26
    """
    name = "rankine_cycle"
    fluid = coolprop_name(fluid, name)
    P_cond = _condenser_pressure(fluid, name, condenser_pressure, condenser_temperature)
    if P_cond >= boiler_pressure:
        raise ToolInputError(f"{name}: the condenser pressure must be below the boiler's")
    s1 = state_of(fluid, name, pressure=P_cond, quality=0.0)
    s2 = _expand(fluid, name, s1, boiler_pressure, pump_efficiency)
    s3 = _turbine_inlet(fluid, name, boiler_pressure, turbine_inlet_temperature)
    states = [("1 pump inlet", s1), ("2 boiler inlet", s2), ("3 turbine inlet", s3)]
    if reheat_pressure is not None:
        if not P_cond < reheat_pressure < boiler_pressure:
            raise ToolInputError(
                f"{name}: the reheat pressure must lie between the condenser's and the boiler's"
            )
        s4 = _expand(fluid, name, s3, reheat_pressure, turbine_efficiency)
        s5 = state_of(fluid, name, pressure=reheat_pressure, temperature=reheat_temperature or s3.T)
        s6 = _expand(fluid, name, s5, P_cond, turbine_efficiency)
        w_turbine = (s3.h - s4.h) + (s5.h - s6.h)
        q_in = (s3.h - s2.h) + (s5.h - s4.h)
        states += [
            ("4 reheater inlet", s4),
            ("5 low-pressure turbine inlet", s5),
            ("6 condenser inlet", s6),
        ]
        exhaust = s6
    else:
        s4 = _expand(fluid, name, s3, P_cond, turbine_efficiency)
        w_turbine = s3.h - s4.h
        q_in = s3.h - s2.h
        states.append(("4 condenser inlet", s4))
        exhaust = s4
    _exit_quality_check(exhaust)
    values = _power_values(w_turbine, s2.h - s1.h, q_in, mass_flow, net_power)
    values |= {
        "turbine_exit_quality": exhaust.quality,
        "turbine_exit_temperature": exhaust.T,
        "states": [_row(label, s) for label, s in states],
    }
    return Outcome(values, method="reheat" if reheat_pressure is not None else "simple")


@tool(
    topic="cycles",
    reference=f"Regenerative Rankine cycle with one open (direct-contact) or closed feedwater "
    f"heater, drains of the closed heater trapped back to the condenser and feedwater "
    f"leaving it at the bled steam's saturation temperature ({_CENGEL} sec. 10-6); "
    + _COOLPROP,
    outputs={
        **_POWER_OUTPUTS,
        "bleed_fraction": Out("", "fraction of the boiler steam bled to the heater", kind="mass_fraction"),
        "turbine_exit_quality": Out("", "quality at the turbine exhaust (-1: superheated)", kind="vapor_fraction"),
        "states": Out(None, "state table: T, P, h, s, quality for each state", many=True),
    },
    alternatives=[("condenser_pressure", "condenser_temperature")],
    cues=('feedwater heater', 'feed water heater', 'feedwater heaters', 'regenerative', 'regeneration', 'bleed', 'bled', 'extraction', 'extracted'),
)  # fmt: skip
def rankine_regenerative_cycle(
    boiler_pressure: Annotated[float, _BOILER],
    heater_pressure: Annotated[
        float, Q("pressure", "feedwater heater (extraction, bleed) pressure", gt=0)
    ],
    condenser_pressure: Annotated[float | None, _CONDENSER_P] = None,
    condenser_temperature: Annotated[float | None, _CONDENSER_T] = None,
    turbine_inlet_temperature: Annotated[float | None, _TURBINE_T] = None,
    heater: Annotated[
        str,
        P(
            "feedwater heater type: open (direct contact) or closed",
            choices=("open", "closed"),
            said_choice=(
                ("open", ("open feedwater", "direct-contact", "deaerator")),
                ("closed", ("closed feedwater",)),
            ),
        ),
    ] = "open",
    turbine_efficiency: Annotated[float, _TURBINE_ETA] = 1.0,
    pump_efficiency: Annotated[float, _PUMP_ETA] = 1.0,
    mass_flow: Annotated[float | None, _MASS_FLOW] = None,
    net_power: Annotated[float | None, _NET_POWER] = None,
) -> Outcome:
    """Regenerative Rankine steam cycle with one open or closed feedwater heater fed by
    steam bled from the turbine: the bleed fraction, thermal efficiency, net work and the
    state table; with the net power, the boiler steam flow.

    Notes
    -----
    As rankine_cycle, on water, with one heater: an open heater delivers saturated liquid
    at its pressure; a closed one heats the feedwater to the bled steam's saturation
    temperature and its drains are trapped back to the condenser. A heater pressure
    outside the condenser-boiler range, or no bleed fraction between 0 and 1, is refused.

    Examples
    --------
    Cengel & Boles Example 10-5: 15 MPa and 600 degC, an open heater at 1.2 MPa, condenser
    at 10 kPa: bleed fraction 0.227, efficiency 46.3 %:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("rankine_regenerative_cycle", {"boiler_pressure": {"value": 15,
    ...     "unit": "MPa"}, "turbine_inlet_temperature": {"value": 600, "unit": "degC"},
    ...     "heater_pressure": {"value": 1.2, "unit": "MPa"},
    ...     "condenser_pressure": {"value": 10, "unit": "kPa"}})
    >>> round(r.value("bleed_fraction"), 3), round(r.value("thermal_efficiency"), 3)
    (0.227, 0.463)
    """
    name = "rankine_regenerative_cycle"
    fluid = "Water"
    P_cond = _condenser_pressure(fluid, name, condenser_pressure, condenser_temperature)
    if not P_cond < heater_pressure < boiler_pressure:
        raise ToolInputError(
            f"{name}: the heater pressure must lie between the condenser's and the boiler's"
        )
    s1 = state_of(fluid, name, pressure=P_cond, quality=0.0)
    s5 = _turbine_inlet(fluid, name, boiler_pressure, turbine_inlet_temperature)
    bleed = _expand(fluid, name, s5, heater_pressure, turbine_efficiency)
    exhaust = _expand(fluid, name, bleed, P_cond, turbine_efficiency)
    if heater == "open":
        s2 = _expand(fluid, name, s1, heater_pressure, pump_efficiency)
        s3 = state_of(fluid, name, pressure=heater_pressure, quality=0.0)
        s4 = _expand(fluid, name, s3, boiler_pressure, pump_efficiency)
        y = (s3.h - s2.h) / (bleed.h - s2.h)
        w_pump = (1 - y) * (s2.h - s1.h) + (s4.h - s3.h)
        table = [("1", s1), ("2 heater inlet", s2), ("3 heater outlet", s3), ("4 boiler inlet", s4)]
    else:
        s2 = _expand(fluid, name, s1, boiler_pressure, pump_efficiency)
        drain = state_of(fluid, name, pressure=heater_pressure, quality=0.0)
        s4 = state_of(fluid, name, pressure=boiler_pressure, temperature=drain.T)
        y = (s4.h - s2.h) / (bleed.h - drain.h)
        w_pump = s2.h - s1.h
        table = [
            ("1", s1),
            ("2 heater feedwater inlet", s2),
            ("3 heater drain", drain),
            ("4 boiler inlet", s4),
        ]
    if not 0 < y < 1:
        raise ToolInputError(f"{name}: no bleed fraction balances the heater at these pressures")
    _exit_quality_check(exhaust)
    w_turbine = (s5.h - bleed.h) + (1 - y) * (bleed.h - exhaust.h)
    values = _power_values(w_turbine, w_pump, s5.h - s4.h, mass_flow, net_power)
    values |= {
        "bleed_fraction": y,
        "turbine_exit_quality": exhaust.quality,
        "states": [
            _row(label, s)
            for label, s in [
                *table,
                ("5 turbine inlet", s5),
                ("6 bleed", bleed),
                ("7 condenser inlet", exhaust),
            ]
        ],
    }
    return Outcome(values, method=f"{heater} feedwater heater")


@tool(
    topic="cycles",
    reference=f"Brayton gas-turbine cycle with isentropic efficiencies, a regenerator of "
    f"given effectiveness, and ideal intercooling and reheat in equal pressure ratios "
    f"({_CENGEL} secs. 9-8 to 9-10); air from CoolProp's pseudo-pure model (variable "
    f"specific heats, as the ideal-gas air table A-17) or the cold-air standard",
    outputs={
        **_POWER_OUTPUTS,
        "compressor_exit_temperature": Out("K", "compressor discharge temperature T2"),
        "turbine_exit_temperature": Out("K", "turbine exhaust temperature T4"),
        "states": Out(None, "state table: T, P, h, s for each state", many=True),
    },
    cues=('Brayton', 'gas turbine', 'gas-turbine', 'gas turbines', 'jet engine', 'turbojet', 'gas power', 'combustion turbine'),
)  # fmt: skip
def brayton_cycle(
    pressure_ratio: Annotated[float, Q("pressure_ratio", "compressor pressure ratio P2/P1", gt=1)],
    T1: Annotated[float, Q("temperature", "compressor inlet temperature", gt=0)],
    T3: Annotated[float, Q("temperature", "turbine inlet (maximum) temperature", gt=0)],
    P1: Annotated[float, Q("pressure", "compressor inlet pressure (absolute)", gt=0)] = 100e3,
    compressor_efficiency: Annotated[
        float, Q("efficiency", "compressor isentropic efficiency", gt=0, le=1)
    ] = 1.0,
    turbine_efficiency: Annotated[float, _TURBINE_ETA] = 1.0,
    regenerator_effectiveness: Annotated[
        float, Q("effectiveness", "regenerator effectiveness (0: none)", ge=0, le=1)
    ] = 0.0,
    stages: Annotated[
        int,
        P(
            "compression and expansion stages, with intercooling to T1 and reheat to T3 between them",
            ge=1,
            le=4,
        ),
    ] = 1,
    air_model: Annotated[
        str,
        P(
            "air properties: variable specific heats (air tables) or the cold-air standard (constant cp, k)",
            choices=("variable", "cold_air"),
            said_choice=(
                (
                    "cold_air",
                    (
                        "cold-air",
                        "cold air standard",
                        "constant specific heats",
                        "constant specific heat",
                        "constant k",
                        "constant cp",
                    ),
                ),
            ),
        ),
    ] = "variable",
    k: Annotated[
        float, Q("heat_capacity_ratio", "heat capacity ratio of the cold-air standard", gt=1, le=2)
    ] = 1.4,
    cp: Annotated[
        float, Q("specific_heat", "specific heat of the cold-air standard", gt=0)
    ] = 1005.0,
    mass_flow: Annotated[float | None, _MASS_FLOW] = None,
    net_power: Annotated[float | None, _NET_POWER] = None,
) -> Outcome:
    """Gas-turbine plant on the Brayton cycle, simple or with regeneration, intercooling
    and reheat: thermal efficiency, back-work ratio, net work, compressor and turbine exit
    temperatures from the pressure ratio, the compressor and turbine inlet temperatures
    and the component efficiencies; with the net power, the air flow.

    Notes
    -----
    Air standard: air alone flows round the cycle (no fuel, no combustion products), heat
    is added and rejected at constant pressure without pressure losses, and air is
    CoolProp's pseudo-pure fluid (variable specific heats) or the cold-air standard.
    Intercooling and reheat are ideal, back to T1 and T3 at equal stage ratios; a
    regenerator is refused when the turbine exhaust is colder than the compressor outlet.

    Examples
    --------
    Cengel & Boles Example 9-5: pressure ratio 8, 300 K and 1300 K: efficiency 42.6 %,
    back work ratio 0.403:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("brayton_cycle", {"pressure_ratio": 8,
    ...     "T1": {"value": 300, "unit": "K"}, "T3": {"value": 1300, "unit": "K"}})
    >>> round(r.value("thermal_efficiency"), 3), round(r.value("back_work_ratio"), 3)
    (0.426, 0.403)
    """
    name = "brayton_cycle"
    if T3 <= T1:
        raise ToolInputError(f"{name}: the turbine inlet must be hotter than the compressor inlet")
    stage_ratio = pressure_ratio ** (1.0 / stages)

    if air_model == "cold_air":
        exponent = (k - 1) / k

        def stage(T_in: float, rising: bool, eta: float) -> tuple[float, float]:
            T_ideal = T_in * (stage_ratio**exponent if rising else stage_ratio**-exponent)
            T_out = T_in + (T_ideal - T_in) / eta if rising else T_in - eta * (T_in - T_ideal)
            return T_out, cp * abs(T_out - T_in)

        T2, w_c1 = stage(T1, True, compressor_efficiency)
        T4, w_t1 = stage(T3, False, turbine_efficiency)

        def h_of(T: float) -> float:
            return cp * T

        table: list[dict[str, Any]] = [
            {"state": label, "T_K": round(T, 3)}
            for label, T in (("1", T1), ("2", T2), ("3", T3), ("4", T4))
        ]
    else:
        air = "Air"
        inlet, outlet_c, hot, outlet_t = _gas_turbine_states(
            name, P1, pressure_ratio, stage_ratio, T1, T3, compressor_efficiency, turbine_efficiency
        )
        T2, T4 = outlet_c.T, outlet_t.T
        w_c1, w_t1 = outlet_c.h - inlet.h, hot.h - outlet_t.h

        def h_of(T: float) -> float:  # ideal-gas air: h depends on T alone
            return state_of(air, name, pressure=P1, temperature=T).h

        table = [
            _row(label, s)
            for label, s in (("1", inlet), ("2", outlet_c), ("3", hot), ("4", outlet_t))
        ]
    w_compressor = stages * w_c1
    w_turbine = stages * w_t1
    # Heat added: the combustor, each reheat back to T3, less what the regenerator gives.
    q_in = (h_of(T3) - h_of(T2)) + (stages - 1) * w_t1
    if regenerator_effectiveness > 0:
        if T4 <= T2:
            raise ToolInputError(
                f"{name}: the turbine exhaust ({T4:.1f} K) is colder than the compressor "
                f"discharge ({T2:.1f} K): a regenerator cannot work"
            )
        q_in -= regenerator_effectiveness * (h_of(T4) - h_of(T2))
    values = _power_values(w_turbine, w_compressor, q_in, mass_flow, net_power)
    values |= {"compressor_exit_temperature": T2, "turbine_exit_temperature": T4, "states": table}
    parts = [air_model.replace("_", "-")] + (["regenerator"] if regenerator_effectiveness else [])
    if stages > 1:
        parts.append(f"{stages} stages, intercooling and reheat")
    return Outcome(values, method=", ".join(parts))


@tool(
    topic="cycles",
    reference=f"Vapour-compression refrigeration and heat-pump cycle: compressor with an "
    f"isentropic efficiency, isenthalpic expansion valve, optional superheat and "
    f"subcooling ({_CENGEL} secs. 11-3 to 11-6); " + _COOLPROP,
    outputs={
        "cop": Out(
            "",
            "COP of the device named: q_L / w for a refrigerator, q_H / w for a heat pump",
            kind="coefficient_of_performance",
        ),
        "cop_refrigerator": Out("", "COP as a refrigerator, q_L / w", kind="coefficient_of_performance"),
        "cop_heat_pump": Out("", "COP as a heat pump, q_H / w", kind="coefficient_of_performance"),
        "refrigeration_effect": Out("J/kg", "heat taken in the evaporator per kg", kind="specific_energy"),
        "compressor_work": Out("J/kg", "compressor work per kg", kind="specific_work"),
        "heat_rejected": Out("J/kg", "heat given in the condenser per kg", kind="specific_energy"),
        "mass_flow": Out("kg/s", "refrigerant mass flow (from the capacity)", kind="mass_flow"),
        "refrigeration_capacity": Out("W", "heat taken from the cold space (with a flow)", kind="heat_duty"),
        "compressor_power": Out("W", "compressor power (with a flow)", kind="shaft_power"),
        "heating_capacity": Out("W", "heat given to the warm space (with a flow)", kind="heat_duty"),
        "compressor_exit_temperature": Out("K", "compressor discharge temperature"),
        "throttle_exit_quality": Out("", "quality after the expansion valve", kind="vapor_fraction"),
        "states": Out(None, "state table: T, P, h, s, quality for each state", many=True),
    },
    alternatives=[
        ("evaporator_pressure", "evaporator_temperature"),
        ("condenser_pressure", "condenser_temperature"),
    ],
    cues=('refrigerator', 'refrigeration', 'refrigerant', 'heat pump', 'air conditioner', 'air-conditioner', 'air conditioning', 'vapor-compression', 'vapour-compression', 'vapor compression', 'vapour compression', 'chiller', 'freezer', 'R134a', 'R-134a'),
)  # fmt: skip
def refrigeration_cycle(
    refrigerant: Annotated[
        str, P("the refrigerant, e.g. 'R134a', 'ammonia', 'R410A', 'propane'", chemical=True)
    ],
    evaporator_pressure: Annotated[
        float | None, Q("pressure", "evaporator (suction) pressure", gt=0)
    ] = None,
    evaporator_temperature: Annotated[
        float | None, Q("saturation_temperature", "evaporating temperature", gt=0)
    ] = None,
    condenser_pressure: Annotated[
        float | None, Q("pressure", "condenser (discharge) pressure", gt=0)
    ] = None,
    condenser_temperature: Annotated[
        float | None, Q("saturation_temperature", "condensing temperature", gt=0)
    ] = None,
    compressor_efficiency: Annotated[
        float, Q("efficiency", "compressor isentropic efficiency", gt=0, le=1)
    ] = 1.0,
    superheat: Annotated[
        float, Q("temperature_difference", "superheat at the compressor inlet", ge=0)
    ] = 0.0,
    subcooling: Annotated[
        float, Q("temperature_difference", "subcooling at the condenser outlet", ge=0)
    ] = 0.0,
    mass_flow: Annotated[float | None, Q("mass_flow", "refrigerant mass flow", gt=0)] = None,
    capacity: Annotated[
        float | None, Q("heat_duty", "refrigeration capacity (cooling load) wanted", gt=0)
    ] = None,
    device: Annotated[str, DEVICE] = "refrigerator",
) -> Outcome:
    """Refrigerator, air conditioner or heat pump on the vapour-compression cycle: the COP
    (as refrigerator and as heat pump), the refrigeration effect, compressor work, heat
    rejected, compressor discharge temperature and the state table from the refrigerant
    and the evaporator and condenser pressures (or temperatures); with the mass flow or the
    capacity, the powers.

    Notes
    -----
    Saturated vapour enters the compressor and saturated liquid leaves the condenser
    unless a superheat or subcooling is given; the compressor is adiabatic with the
    isentropic efficiency given, the expansion valve isenthalpic, and nothing but the
    valve loses pressure. States come from CoolProp's equation of state for the fluid.

    Examples
    --------
    Cengel & Boles Example 11-1: R-134a between 0.14 and 0.8 MPa at 0.05 kg/s removes
    7.18 kW for 1.81 kW of compressor power, COP 3.97:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("refrigeration_cycle", {"refrigerant": "R134a",
    ...     "evaporator_pressure": {"value": 0.14, "unit": "MPa"},
    ...     "condenser_pressure": {"value": 0.8, "unit": "MPa"},
    ...     "mass_flow": {"value": 0.05, "unit": "kg/s"}})
    >>> round(r.value("cop_refrigerator"), 2), round(r.value("refrigeration_capacity", "kW"), 2)
    (3.97, 7.18)
    """
    name = "refrigeration_cycle"
    fluid = coolprop_name(refrigerant, name)
    if (evaporator_pressure is None) == (evaporator_temperature is None):
        raise ToolInputError(f"{name}: give the evaporator pressure or its temperature, one")
    if evaporator_pressure is not None:
        P_low = evaporator_pressure
    else:
        assert evaporator_temperature is not None  # one of the two, checked above
        P_low = state_of(fluid, name, temperature=evaporator_temperature, quality=1.0).P
    P_high = _condenser_pressure(fluid, name, condenser_pressure, condenser_temperature)
    if P_high <= P_low:
        raise ToolInputError(f"{name}: the condenser pressure must be above the evaporator's")
    saturated_vapour = state_of(fluid, name, pressure=P_low, quality=1.0)
    s1 = saturated_vapour
    if superheat > 0:
        s1 = state_of(fluid, name, pressure=P_low, temperature=saturated_vapour.T + superheat)
    s2 = _expand(fluid, name, s1, P_high, compressor_efficiency)
    saturated_liquid = state_of(fluid, name, pressure=P_high, quality=0.0)
    s3 = saturated_liquid
    if subcooling > 0:
        s3 = state_of(fluid, name, pressure=P_high, temperature=saturated_liquid.T - subcooling)
    s4 = state_of(fluid, name, pressure=P_low, enthalpy=s3.h)
    q_L, w, q_H = s1.h - s4.h, s2.h - s1.h, s2.h - s3.h
    if mass_flow is not None and capacity is not None:
        raise ToolInputError(f"{name}: give the mass flow or the capacity, not both")
    flow = capacity / q_L if capacity is not None else mass_flow

    def total(x: float) -> float | None:
        return x * flow if flow is not None else None

    values: dict[str, Any] = {
        "cop": (q_H if device == "heat_pump" else q_L) / w,
        "cop_refrigerator": q_L / w,
        "cop_heat_pump": q_H / w,
        "refrigeration_effect": q_L,
        "compressor_work": w,
        "heat_rejected": q_H,
        "mass_flow": flow if capacity is not None else None,  # computed, not restated
        "refrigeration_capacity": total(q_L),
        "compressor_power": total(w),
        "heating_capacity": total(q_H),
        "compressor_exit_temperature": s2.T,
        "throttle_exit_quality": s4.quality,
        "states": [
            _row(label, s)
            for label, s in (
                ("1 compressor inlet", s1),
                ("2 condenser inlet", s2),
                ("3 expansion valve inlet", s3),
                ("4 evaporator inlet", s4),
            )
        ],
    }
    method = (
        "ideal" if compressor_efficiency == 1.0 and not superheat and not subcooling else "actual"
    )
    if not math.isfinite(values["cop_refrigerator"]):
        raise ToolInputError(f"{name}: no cycle at these pressures")
    return Outcome(values, method=f"{method} vapour-compression cycle")


@tool(
    topic="cycles",
    reference=f"Gas-steam combined cycle: a Brayton topping cycle whose exhaust raises the "
    f"steam of a Rankine bottoming cycle in a heat-recovery steam generator, m_air (h4 - "
    f"h_stack) = m_steam (h3 - h2) ({_CENGEL} sec. 10-9, Example 10-9); air from "
    f"CoolProp's pseudo-pure model (variable specific heats); " + _COOLPROP,
    outputs={
        "thermal_efficiency": Out("", "combined-cycle thermal efficiency, both net works over the combustor's heat", kind="efficiency"),
        "steam_to_air_ratio": Out("", "steam raised per kg of gas turbine exhaust, m_steam/m_air", kind="ratio"),
        "net_work": Out("J/kg", "net work of both cycles per kg of air", kind="specific_work"),
        "gas_cycle_efficiency": Out("", "the gas turbine cycle's efficiency alone", kind="efficiency"),
        "steam_cycle_efficiency": Out("", "the steam cycle's efficiency alone", kind="efficiency"),
        "gas_turbine_exit_temperature": Out("K", "gas turbine exhaust temperature entering the HRSG"),
        "air_mass_flow": Out("kg/s", "air flow for the net power (with the net power)", kind="mass_flow"),
        "steam_mass_flow": Out("kg/s", "steam flow for the net power (with the net power)", kind="mass_flow"),
    },
    alternatives=[("condenser_pressure", "condenser_temperature")],
    cues=("combined cycle", "combined-cycle", "combined gas", "gas-steam", "HRSG", "heat recovery steam generator", "bottoming", "topping"),
)  # fmt: skip
def combined_cycle(
    pressure_ratio: Annotated[
        float, Q("pressure_ratio", "gas turbine compressor pressure ratio", gt=1)
    ],
    T1: Annotated[float, Q("temperature", "compressor inlet temperature", gt=0)],
    T3: Annotated[float, Q("temperature", "gas turbine inlet temperature", gt=0)],
    stack_temperature: Annotated[
        float,
        Q(
            "temperature",
            "temperature of the exhaust gases leaving the heat-recovery steam generator (stack)",
            gt=0,
        ),
    ],
    boiler_pressure: Annotated[float, _BOILER],
    turbine_inlet_temperature: Annotated[
        float, Q("temperature", "steam turbine inlet temperature", gt=0)
    ],
    condenser_pressure: Annotated[float | None, _CONDENSER_P] = None,
    condenser_temperature: Annotated[float | None, _CONDENSER_T] = None,
    P1: Annotated[float, Q("pressure", "compressor inlet pressure (absolute)", gt=0)] = 100e3,
    compressor_efficiency: Annotated[
        float, Q("efficiency", "gas compressor isentropic efficiency", gt=0, le=1)
    ] = 1.0,
    gas_turbine_efficiency: Annotated[
        float, Q("efficiency", "gas turbine isentropic efficiency", gt=0, le=1)
    ] = 1.0,
    steam_turbine_efficiency: Annotated[
        float, Q("efficiency", "steam turbine isentropic efficiency", gt=0, le=1)
    ] = 1.0,
    pump_efficiency: Annotated[float, _PUMP_ETA] = 1.0,
    net_power: Annotated[float | None, _NET_POWER] = None,
) -> Outcome:
    """Gas-steam combined-cycle power plant: a gas turbine (Brayton) cycle whose exhaust
    raises steam for a Rankine cycle in a heat-recovery steam generator. Gives the
    combined thermal efficiency, the steam-to-air mass ratio, each cycle's efficiency and,
    with the net power, the air and steam flows.

    Notes
    -----
    An air-standard Brayton cycle (CoolProp's pseudo-pure air) over a simple Rankine
    cycle on water; the heat-recovery steam generator is a lossless energy balance with
    the gases leaving at the stack temperature. A stack hotter than the gas turbine
    exhaust, or steam hotter than that exhaust, is refused.

    Examples
    --------
    Cengel & Boles Example 10-9: the gas cycle of Example 9-6 raising 500 degC steam at
    7 MPa, condenser at 5 kPa, stack at 450 K: 0.131 kg of steam per kg of air, 48.7 %:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("combined_cycle", {"pressure_ratio": 8,
    ...     "T1": {"value": 300, "unit": "K"}, "T3": {"value": 1300, "unit": "K"},
    ...     "compressor_efficiency": 0.8, "gas_turbine_efficiency": 0.85,
    ...     "stack_temperature": {"value": 450, "unit": "K"}, "boiler_pressure": {"value": 7,
    ...     "unit": "MPa"}, "turbine_inlet_temperature": {"value": 500, "unit": "degC"},
    ...     "condenser_pressure": {"value": 5, "unit": "kPa"}})
    >>> round(r.value("steam_to_air_ratio"), 3), round(r.value("thermal_efficiency"), 3)
    (0.131, 0.487)
    """
    name = "combined_cycle"
    air, water = "Air", "Water"
    if T3 <= T1:
        raise ToolInputError(f"{name}: the turbine inlet must be hotter than the compressor inlet")
    inlet, compressed, hot, exhaust = _gas_turbine_states(
        name, P1, pressure_ratio, pressure_ratio, T1, T3, compressor_efficiency,
        gas_turbine_efficiency,
    )  # fmt: skip
    stack = state_of(air, name, pressure=P1, temperature=stack_temperature)
    if not stack.T < exhaust.T:
        raise ToolInputError(
            f"{name}: the stack ({stack.T:.1f} K) must be colder than the gas turbine exhaust "
            f"({exhaust.T:.1f} K)"
        )
    w_gas = (hot.h - exhaust.h) - (compressed.h - inlet.h)
    q_in = hot.h - compressed.h
    if w_gas <= 0:
        raise ToolInputError(f"{name}: the gas turbine cycle gives no net work")
    P_cond = _condenser_pressure(water, name, condenser_pressure, condenser_temperature)
    if P_cond >= boiler_pressure:
        raise ToolInputError(f"{name}: the condenser pressure must be below the boiler's")
    s1 = state_of(water, name, pressure=P_cond, quality=0.0)
    s2 = _expand(water, name, s1, boiler_pressure, pump_efficiency)
    s3 = state_of(water, name, pressure=boiler_pressure, temperature=turbine_inlet_temperature)
    if s3.T >= exhaust.T:
        raise ToolInputError(
            f"{name}: the gas turbine exhaust ({exhaust.T:.1f} K) cannot raise steam to "
            f"{s3.T:.1f} K"
        )
    s4 = _expand(water, name, s3, P_cond, steam_turbine_efficiency)
    w_steam = (s3.h - s4.h) - (s2.h - s1.h)
    ratio = (exhaust.h - stack.h) / (s3.h - s2.h)  # kg of steam per kg of air
    w_net = w_gas + ratio * w_steam
    air_flow = net_power / w_net if net_power is not None else None
    return Outcome(
        {
            "thermal_efficiency": w_net / q_in,
            "steam_to_air_ratio": ratio,
            "net_work": w_net,
            "gas_cycle_efficiency": w_gas / q_in,
            "steam_cycle_efficiency": w_steam / (s3.h - s2.h),
            "gas_turbine_exit_temperature": exhaust.T,
            "air_mass_flow": air_flow,
            "steam_mass_flow": air_flow * ratio if air_flow is not None else None,
        },
        method="Brayton topping, Rankine bottoming through a heat-recovery steam generator",
    )


TOOLS = (
    rankine_cycle,
    rankine_regenerative_cycle,
    brayton_cycle,
    refrigeration_cycle,
    combined_cycle,
)
