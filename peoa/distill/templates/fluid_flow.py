"""Templates for pipe and open-channel flow, pumps, compressors and compressible flow, flow
measurement, control valves and relief devices."""

from __future__ import annotations

from peoa.distill.templates.base import (
    DENSITY_LIQ,
    DIAMETER,
    DP,
    HEAD,
    LENGTH,
    VELOCITY,
    VISC_LIQ,
    VOLFLOW,
    Template,
    define,
    num,
    q,
    rounded,
)

__all__ = [
    "BANK",
    "IDEAL_GAS_HEAT_CAPACITY",
    "ISENTROPIC_FLOW",
    "OPEN_CHANNEL_FLOW",
    "PUMP_ENERGY_COST",
]

BANK: tuple[Template, ...] = (
    # -- pipe flow -------------------------------------------------------------------
    define(
        "reynolds_number",
        "pipe_flow",
        "Re",
        "the Reynolds number",
        lambda r: {
            "velocity": q(r, VELOCITY),
            "diameter": q(r, DIAMETER),
            "density": q(r, DENSITY_LIQ),
            "viscosity": q(r, VISC_LIQ),
        },
        "A liquid with density {density} and viscosity {viscosity} flows at {velocity} in a pipe of {diameter} inner diameter. What is the Reynolds number?",
        "Calculate Re for flow at {velocity} through a {diameter} pipe; the fluid has density {density} and viscosity {viscosity}.",
        "Is the flow turbulent? Fluid: density {density}, viscosity {viscosity}; velocity {velocity}; pipe ID {diameter}. Give the Reynolds number.",
        "Find the Reynolds number: D = {diameter}, V = {velocity}, rho = {density}, mu = {viscosity}.",
    ),
    define(
        "friction_factor",
        "pipe_flow",
        "fd",
        "the Darcy friction factor",
        lambda r: {"Re": num(r, 5000, 500000), "relative_roughness": num(r, 0.00001, 0.005)},
        "What is the Darcy friction factor at Re = {Re} and relative roughness {relative_roughness}?",
        "Find the friction factor for turbulent pipe flow with a Reynolds number of {Re} and e/D = {relative_roughness}.",
        "Estimate the Darcy friction factor (Colebrook) for Re {Re}, relative roughness {relative_roughness}.",
        "Flow in a pipe has Re = {Re}; the relative roughness is {relative_roughness}. Friction factor?",
    ),
    define(
        "pipe_pressure_drop",
        "pipe_flow",
        "dP",
        "the pressure drop",
        lambda r: {
            "diameter": q(r, DIAMETER),
            "length": q(r, LENGTH),
            "density": q(r, DENSITY_LIQ),
            "viscosity": q(r, VISC_LIQ),
            "volumetric_flow": q(r, VOLFLOW),
        },
        "What is the frictional pressure drop for {volumetric_flow} of liquid (density {density}, viscosity {viscosity}) through {length} of pipe with {diameter} inner diameter?",
        "Calculate the pressure drop in a {length} long line of {diameter} ID carrying {volumetric_flow} of a fluid with density {density} and viscosity {viscosity}.",
        "A pipeline of length {length} and diameter {diameter} transports {volumetric_flow}. Fluid density {density}, viscosity {viscosity}. Find the pressure loss.",
        "Pressure drop? Pipe: {diameter} ID, {length} long. Flow: {volumetric_flow}. Fluid: rho = {density}, mu = {viscosity}.",
    ),
    # -- pumps -----------------------------------------------------------------------
    define(
        "pump_power",
        "pumps",
        "brake_power",
        "the pump brake power",
        lambda r: {
            "density": q(r, DENSITY_LIQ),
            "volumetric_flow": q(r, VOLFLOW),
            "head": q(r, HEAD),
            "efficiency": {"value": rounded(r.uniform(55, 85)), "unit": "%"},
        },
        "A pump delivers {volumetric_flow} of liquid (density {density}) against a head of {head} with an efficiency of {efficiency}. What brake power does it need?",
        "Find the shaft power of a pump moving {volumetric_flow} against {head} of head; fluid density {density}; pump efficiency {efficiency}.",
        "What is the brake power for pumping {volumetric_flow} of a liquid of density {density} through a total head of {head} at {efficiency} efficiency?",
        "Pump sizing: flow {volumetric_flow}, head {head}, density {density}, efficiency {efficiency}. Brake power?",
    ),
    define(
        "pump_head",
        "pumps",
        "head",
        "the pump head",
        lambda r: {"density": q(r, DENSITY_LIQ), "pressure_rise": q(r, DP)},
        "A pump raises the pressure of a liquid of density {density} by {pressure_rise}. What head does it develop?",
        "What pump head corresponds to a pressure rise of {pressure_rise} for a fluid with density {density}?",
        "Convert a differential pressure of {pressure_rise} across a pump into head; the liquid density is {density}.",
        "Pump head for dP = {pressure_rise} and rho = {density}?",
    ),
    define(
        "npsh_available",
        "pumps",
        "NPSHa",
        "the NPSH available",
        lambda r: {
            "surface_pressure": q(r, {"kPa": (95, 300), "bar": (0.95, 3)}),
            "vapor_pressure": q(r, {"kPa": (2, 40)}),
            "density": q(r, DENSITY_LIQ),
            "static_head": q(r, {"m": (0.5, 6)}),
            "friction_loss": q(r, {"m": (0.2, 2)}),
        },
        "A pump draws from a vessel at {surface_pressure}; the liquid (density {density}) has a vapour pressure of {vapor_pressure}. The liquid level is {static_head} above the pump and suction line losses are {friction_loss}. What is the NPSH available?",
        "Find NPSHa: surface pressure {surface_pressure}, vapor pressure {vapor_pressure}, density {density}, static head {static_head}, suction friction loss {friction_loss}.",
        "Calculate the net positive suction head available for a suction vessel at {surface_pressure}, liquid vapour pressure {vapor_pressure}, density {density}, elevation {static_head} and friction losses of {friction_loss}.",
        "What NPSH is available to a pump fed from a tank at {surface_pressure} with {static_head} of static head and {friction_loss} of line loss? Liquid density {density}, vapour pressure {vapor_pressure}.",
    ),
    define(
        "pump_affinity",
        "pumps",
        "head",
        "the new pump head",
        lambda r: {
            "flow": q(r, VOLFLOW),
            "head": q(r, HEAD),
            "speed_1": q(r, {"rpm": (1450, 3600)}),
            "speed_2": q(r, {"rpm": (1000, 3000)}),
        },
        "A pump gives {flow} at {head} of head when running at {speed_1}. What head will it give at {speed_2}?",
        "Using the affinity laws, find the head of a pump slowed from {speed_1} to {speed_2}; at the original speed it delivers {flow} against {head}.",
        "A centrifugal pump rated {flow} and {head} at {speed_1} is driven by a VFD at {speed_2}. New head?",
        "Affinity laws: Q1 = {flow}, H1 = {head}, N1 = {speed_1}, N2 = {speed_2}. Find H2.",
    ),
    # -- compressors -----------------------------------------------------------------
    define(
        "compressor_power_isentropic",
        "compressors",
        "power",
        "the compressor power",
        lambda r: {
            "T1": q(r, {"°C": (10, 40), "K": (283, 313)}),
            "P1": q(r, {"bar": (1, 5), "kPa": (100, 500)}),
            "P2": q(r, {"bar": (6, 20), "kPa": (600, 2000)}),
            "k": num(r, 1.28, 1.4),
            "efficiency": {"value": rounded(r.uniform(70, 85)), "unit": "%"},
            "mass_flow": q(r, {"kg/s": (0.5, 10), "kg/h": (1800, 36000)}),
            "molar_mass": q(r, {"g/mol": (16, 44)}),
        },
        "Gas (molar mass {molar_mass}, k = {k}) enters a compressor at {T1} and {P1} and leaves at {P2}. For {mass_flow} and an isentropic efficiency of {efficiency}, what power is needed?",
        "Find the shaft power to compress {mass_flow} of gas with molar mass {molar_mass} from {P1} and {T1} to {P2}; heat capacity ratio {k}; isentropic efficiency {efficiency}.",
        "Compressor duty: inlet {P1}, {T1}; outlet {P2}; flow {mass_flow}; MW {molar_mass}; k {k}; efficiency {efficiency}. What power?",
        "What power does a compressor draw when it raises {mass_flow} of a gas (M = {molar_mass}, cp/cv = {k}) from {P1} to {P2}, suction temperature {T1}, at {efficiency} isentropic efficiency?",
    ),
    define(
        "choked_flow",
        "compressors",
        "P_critical",
        "the critical (choking) pressure",
        lambda r: {
            "P1": q(r, {"bar": (2, 30), "kPa": (200, 3000), "psia": (30, 400)}),
            "k": num(r, 1.1, 1.67),
        },
        "Gas with k = {k} flows from a vessel at {P1}. Below what downstream pressure is the flow choked?",
        "Find the critical pressure for choked flow of a gas with heat capacity ratio {k} from an upstream pressure of {P1}.",
        "What is the choking pressure at the throat for upstream pressure {P1} and k = {k}?",
        "Critical flow: P1 = {P1}, gamma = {k}. Critical pressure?",
    ),
    # -- flow measurement ------------------------------------------------------------
    define(
        "flow_meter_flow",
        "flow_measurement",
        "mass_flow",
        "the mass flow through the orifice",
        lambda r: (
            lambda d: {
                "pipe_diameter": {"value": d, "unit": "mm"},
                "bore_diameter": {"value": rounded(d * r.uniform(0.4, 0.7)), "unit": "mm"},
                "P1": q(r, {"bar": (2, 10), "kPa": (200, 1000)}),
                "differential_pressure": q(r, {"kPa": (5, 60), "mbar": (50, 600)}),
                "density": q(r, DENSITY_LIQ),
                "viscosity": q(r, VISC_LIQ),
            }
        )(rounded(r.uniform(50, 300))),
        "An orifice plate with a {bore_diameter} bore in a {pipe_diameter} pipe shows a differential pressure of {differential_pressure}. Upstream pressure {P1}; liquid density {density}, viscosity {viscosity}. What is the mass flow?",
        "Find the flow through an orifice meter: pipe {pipe_diameter}, bore {bore_diameter}, dP {differential_pressure}, P1 {P1}, density {density}, viscosity {viscosity}.",
        "What mass flow gives a {differential_pressure} reading across a {bore_diameter} orifice in a {pipe_diameter} line? The liquid has density {density} and viscosity {viscosity}; upstream pressure is {P1}.",
        "Orifice flow measurement (ISO 5167): D = {pipe_diameter}, d = {bore_diameter}, dP = {differential_pressure}, P1 = {P1}, rho = {density}, mu = {viscosity}. Mass flow?",
    ),
    # -- control valves --------------------------------------------------------------
    define(
        "control_valve_liquid",
        "control_valves",
        "Kv",
        "the valve flow coefficient Kv",
        lambda r: {
            "volumetric_flow": q(r, VOLFLOW),
            "P1": q(r, {"bar": (6, 15)}),
            "P2": q(r, {"bar": (2, 5)}),
            "density": q(r, {"kg/m^3": (800, 1000)}),
            "vapor_pressure": q(r, {"kPa": (2, 30)}),
            "critical_pressure": q(r, {"bar": (40, 221)}),
            "viscosity": q(r, {"mPa*s": (0.5, 3), "cP": (0.5, 3)}),
        },
        "Size a control valve for {volumetric_flow} of liquid: inlet {P1}, outlet {P2}, density {density}, vapour pressure {vapor_pressure}, critical pressure {critical_pressure}, viscosity {viscosity}. What Kv is needed?",
        "What Kv does a valve need to pass {volumetric_flow} with {P1} upstream and {P2} downstream? Liquid density {density}, viscosity {viscosity}, vapor pressure {vapor_pressure}, critical pressure {critical_pressure}.",
        "Find the liquid-service flow coefficient (IEC 60534) for Q = {volumetric_flow}, P1 = {P1}, P2 = {P2}, rho = {density}, Pv = {vapor_pressure}, Pc = {critical_pressure}, mu = {viscosity}.",
        "A level control valve passes {volumetric_flow}; pressures are {P1} in and {P2} out; the liquid has density {density}, viscosity {viscosity}, vapour pressure {vapor_pressure} and critical pressure {critical_pressure}. Required Kv?",
    ),
    # -- relief ----------------------------------------------------------------------
    define(
        "relief_valve_gas",
        "relief_devices",
        "area",
        "the required relief orifice area",
        lambda r: {
            "mass_flow": q(r, {"kg/h": (1000, 50000), "kg/s": (0.3, 14), "lb/h": (2000, 100000)}),
            "temperature": q(r, {"°C": (20, 200), "K": (293, 473)}),
            "relieving_pressure": q(r, {"bar": (5, 40), "kPa": (500, 4000), "psia": (70, 600)}),
            "molar_mass": q(r, {"g/mol": (16, 60)}),
            "k": num(r, 1.1, 1.4),
        },
        "A relief valve must pass {mass_flow} of gas (molar mass {molar_mass}, k = {k}) at {temperature} and a relieving pressure of {relieving_pressure}. What orifice area is required?",
        "Size a gas PSV per API 520: W = {mass_flow}, T = {temperature}, P1 = {relieving_pressure}, M = {molar_mass}, k = {k}. Required area?",
        "Find the effective discharge area for relieving {mass_flow} of vapour with molecular weight {molar_mass} and k {k}, at {relieving_pressure} and {temperature}.",
        "What relief area is needed for a gas flow of {mass_flow} at {temperature}, relieving pressure {relieving_pressure}, molar mass {molar_mass}, heat capacity ratio {k}?",
    ),
    define(
        "relief_valve_liquid",
        "relief_devices",
        "area",
        "the required liquid relief area",
        lambda r: {
            "mass_flow": q(r, {"kg/h": (5000, 100000), "kg/s": (1, 30)}),
            "density": q(r, DENSITY_LIQ),
            "set_pressure": q(r, {"bar": (5, 30), "barg": (4, 29), "psig": (60, 400)}),
        },
        "A liquid relief valve set at {set_pressure} must pass {mass_flow} of liquid with density {density}. What area is required?",
        "Size a PSV in liquid service (API 520): flow {mass_flow}, density {density}, set pressure {set_pressure}.",
        "What orifice area does a thermal relief valve need to discharge {mass_flow} of a liquid of density {density} with a set pressure of {set_pressure}?",
        "Liquid relief: W = {mass_flow}, rho = {density}, Pset = {set_pressure}. Required area?",
    ),
)

# Templates added after the first bank: the package draws them after every topic's BANK.
ISENTROPIC_FLOW: Template = define(
    "isentropic_flow",
    "compressors",
    "P_P0",
    "the static to stagnation pressure ratio",
    lambda r: {"Mach": num(r, 0.2, 3.0, 2), "k": r.choice((1.4, 1.3, 1.67))},
    "A gas with k = {k} flows isentropically at Mach {Mach}. What is the ratio of static to stagnation pressure?",
    "Find P/P0 for isentropic flow at a Mach number of {Mach} (k = {k}).",
)


PUMP_ENERGY_COST: Template = define(
    "pump_energy_cost",
    "pumps",
    "yearly_cost",
    "the yearly energy cost",
    lambda r: {
        "shaft_power": q(r, {"kW": (5, 200)}),
        "motor_efficiency": {"value": rounded(r.uniform(88, 96)), "unit": "%"},
        "operating_hours": {"value": rounded(r.uniform(4000, 8760)), "unit": "h"},
        "electricity_price": num(r, 0.05, 0.25, 2),
    },
    "A pump takes {shaft_power} of shaft power and runs {operating_hours} a year. Its motor is {motor_efficiency} efficient and power costs {electricity_price} per kWh. What is the yearly energy cost?",
    "Find the annual electricity cost of a {shaft_power} pump (motor efficiency {motor_efficiency}) running {operating_hours} per year at {electricity_price} per kWh.",
)


OPEN_CHANNEL_FLOW: Template = define(
    "open_channel_flow",
    "pipe_flow",
    "volumetric_flow",
    "the channel flow",
    lambda r: {
        "width": q(r, {"m": (0.5, 5)}),
        "depth": q(r, {"m": (0.2, 1.5)}),
        "slope": num(r, 0.0002, 0.005, 2),
        "manning_n": num(r, 0.011, 0.03, 2),
    },
    "A rectangular channel {width} wide carries water at a uniform depth of {depth}. The bed slope is {slope} and Manning's n is {manning_n}. What is the flow rate?",
    "Find the discharge of a rectangular open channel: width {width}, flow depth {depth}, slope {slope}, n = {manning_n}.",
)


IDEAL_GAS_HEAT_CAPACITY: Template = define(
    "ideal_gas_heat_capacity",
    "compressors",
    "cp",
    "the ideal-gas specific heat cp",
    lambda r: {
        "k": num(r, 1.1, 1.67),
        "molar_mass": q(r, {"g/mol": (2, 80), "kg/kmol": (2, 80)}),
    },
    "An ideal gas has k = {k} and a molar mass of {molar_mass}. What is its cp?",
    "Find the specific heat at constant pressure of an ideal gas with heat capacity ratio {k} and molecular weight {molar_mass}.",
    "Gas with cp/cv = {k} and M = {molar_mass}: constant-pressure specific heat, treating it as ideal?",
)
