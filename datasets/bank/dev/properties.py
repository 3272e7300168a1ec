"""Dev-set problems: properties."""

from __future__ import annotations

from bank.core import Kind
from bank.dev.shared import registrar
from bank.lookups import _coolprop, _psat

PROBLEMS: list[Kind] = []
problem = registrar(PROBLEMS)


@problem(
    "properties-001",
    "properties",
    "kg/m**3",
    ("density", "steam_properties"),
    """What is the density of liquid water at {T_C} °C and {P_kPa} kPa absolute, in
         kg/m³? Use the IAPWS-95 formulation.""",
    T_C=60.0,
    P_kPa=101.325,
)
def _(T_C: float, P_kPa: float) -> float:
    return _coolprop("D", "T", T_C + 273.15, "P", P_kPa * 1e3, "Water")


@problem(
    "properties-002",
    "properties",
    "kPa",
    ("vapor_pressure",),
    """What is the vapour pressure of benzene at {T_C} °C, in kPa?""",
    T_C=80.0,
)
def _(T_C: float) -> float:
    return _psat("benzene", T_C + 273.15) / 1e3


@problem(
    "properties-003",
    "properties",
    "micropascal*second",
    ("viscosity", "pure_properties"),
    """Estimate the dynamic viscosity of methane gas at {T_C} °C and {P_bar} bar
         absolute, in µPa·s.""",
    T_C=25.0,
    P_bar=1.0,
)
def _(T_C: float, P_bar: float) -> float:
    return _coolprop("V", "T", T_C + 273.15, "P", P_bar * 1e5, "Methane") * 1e6


@problem(
    "properties-004",
    "properties",
    "kg/m**3",
    ("density",),
    """What is the density of dry air at {T} K and {P_bar} bar absolute, in kg/m³?""",
    T=300.0,
    P_bar=2.0,
)
def _(T: float, P_bar: float) -> float:
    return _coolprop("D", "T", T, "P", P_bar * 1e5, "Air")


@problem(
    "properties-005",
    "properties",
    "J/(kg*K)",
    ("heat_capacity",),
    """What is the isobaric heat capacity of liquid ethanol at {T_C} °C, in J/(kg·K)?""",
    rel_tol=0.05,
    T_C=25.0,
)
def _(T_C: float) -> float:
    from thermo import Chemical

    return float(Chemical("ethanol", T=T_C + 273.15).Cpl)


@problem(
    "properties-006",
    "properties",
    "K",
    ("saturation_temperature",),
    """At what temperature does propane boil at {P_bar} bar absolute? Give the
         saturation temperature in kelvin.""",
    P_bar=10.0,
)
def _(P_bar: float) -> float:
    return _coolprop("T", "P", P_bar * 1e5, "Q", 0, "Propane")
