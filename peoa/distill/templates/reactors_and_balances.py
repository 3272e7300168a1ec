"""Templates for reactors and energy balances on fuels."""

from __future__ import annotations

from peoa.distill.templates.base import FUELS, Template, define, num, q, rounded

__all__ = ["BANK", "FIRED_HEATER_FUEL"]

BANK: tuple[Template, ...] = (
    # -- reactors --------------------------------------------------------------------
    define(
        "ergun_pressure_drop",
        "reactors",
        "pressure_drop",
        "the packed-bed pressure drop",
        lambda r: {
            "particle_diameter": q(r, {"mm": (2, 10)}),
            "voidage": num(r, 0.35, 0.5, 2),
            "superficial_velocity": q(r, {"m/s": (0.05, 1.0)}),
            "density": q(r, {"kg/m^3": (1, 10)}),
            "viscosity": q(r, {"Pa*s": (1.5e-5, 3e-5), "cP": (0.015, 0.03)}),
            "length": q(r, {"m": (1, 8)}),
        },
        "Gas (density {density}, viscosity {viscosity}) flows at a superficial velocity of {superficial_velocity} through a {length} bed of {particle_diameter} particles with voidage {voidage}. What is the pressure drop?",
        "Find the Ergun pressure drop: dp = {particle_diameter}, epsilon = {voidage}, u = {superficial_velocity}, rho = {density}, mu = {viscosity}, L = {length}.",
        "What pressure loss does a packed bed {length} deep cause? Particles {particle_diameter}, void fraction {voidage}, gas velocity {superficial_velocity}, gas density {density}, viscosity {viscosity}.",
        "Packed bed: particle size {particle_diameter}, porosity {voidage}, bed length {length}; gas at {superficial_velocity}, {density}, {viscosity}. Pressure drop?",
    ),
    define(
        "adiabatic_temperature_rise",
        "reactors",
        "temperature",
        "the adiabatic outlet temperature",
        lambda r: {
            "inlet_temperature": q(r, {"K": (300, 500), "°C": (30, 220)}),
            "heat_of_reaction": {"value": -rounded(r.uniform(20, 150)), "unit": "kJ/mol"},
            "conversion": num(r, 0.3, 0.95, 2),
            "sum_theta_cp": q(r, {"J/(mol*K)": (80, 400)}),
        },
        "A feed enters an adiabatic reactor at {inlet_temperature}. The heat of reaction is {heat_of_reaction} and sum(theta_i Cp_i) is {sum_theta_cp}. What is the outlet temperature at conversion {conversion}?",
        "Find the adiabatic reactor exit temperature: T0 = {inlet_temperature}, dHrx = {heat_of_reaction}, X = {conversion}, sum theta Cp = {sum_theta_cp}.",
        "What temperature does an adiabatic reactor reach at {conversion} conversion, with inlet {inlet_temperature}, heat of reaction {heat_of_reaction} and feed heat capacity sum {sum_theta_cp}?",
        "Adiabatic energy balance: inlet {inlet_temperature}, conversion {conversion}, dH_rxn {heat_of_reaction}, sum theta*Cp {sum_theta_cp}. Outlet T?",
    ),
    # -- balances --------------------------------------------------------------------
    define(
        "heat_of_combustion",
        "balances",
        "LHV_mass",
        "the lower heating value per kg",
        lambda r: {"fuel": r.choice(FUELS)},
        "What is the lower heating value of {fuel} per kilogram?",
        "Find the LHV of {fuel} on a mass basis.",
        "How much heat does burning one kg of {fuel} release (lower heating value)?",
        "Net heating value of {fuel}, per kg?",
    ),
)

# Templates added after the first bank: the package draws them after every topic's BANK.
FIRED_HEATER_FUEL: Template = define(
    "fired_heater_fuel",
    "balances",
    "fuel_mass_flow",
    "the fuel flow",
    lambda r: {
        "duty": q(r, {"MW": (2, 60), "kW": (2000, 60000)}),
        "heating_value": q(r, {"MJ/kg": (40, 52)}),
        "efficiency": {"value": rounded(r.uniform(75, 92)), "unit": "%"},
    },
    "A fired heater absorbs {duty} with a thermal efficiency of {efficiency}. The fuel's lower heating value is {heating_value}. How much fuel does it burn?",
    "What fuel flow does a furnace need for a process duty of {duty} at {efficiency} efficiency, burning a fuel of heating value {heating_value}?",
    "Furnace: absorbed duty {duty}, efficiency {efficiency} (LHV basis), LHV {heating_value}. Fuel rate?",
)
