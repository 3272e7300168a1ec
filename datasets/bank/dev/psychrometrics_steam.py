"""Dev-set problems: psychrometrics and steam."""

from __future__ import annotations

from bank.core import Kind
from bank.dev.shared import registrar
from bank.lookups import _coolprop, _humid

PROBLEMS: list[Kind] = []
problem = registrar(PROBLEMS)


_AIR = dict(T_C=30.0, RH=60.0, P_kPa=101.325)


@problem(
    "psychrometrics_steam-001",
    "psychrometrics_steam",
    "g/kg",
    ("humid_air_properties",),
    """Moist air is at {T_C} °C dry-bulb and {RH}% relative humidity at {P_kPa} kPa. What
         is its humidity ratio in grams of water per kilogram of dry air?""",
    **_AIR,
)
def _(T_C: float, RH: float, P_kPa: float) -> float:
    return _humid("W", T_C + 273.15, P_kPa * 1e3, RH / 100) * 1e3


@problem(
    "psychrometrics_steam-002",
    "psychrometrics_steam",
    "degC",
    ("humid_air_properties",),
    """What is the dew-point temperature, in °C, of air at {T_C} °C dry-bulb and {RH}%
         relative humidity at {P_kPa} kPa?""",
    **_AIR,
)
def _(T_C: float, RH: float, P_kPa: float) -> float:
    return _humid("D", T_C + 273.15, P_kPa * 1e3, RH / 100) - 273.15


@problem(
    "psychrometrics_steam-003",
    "psychrometrics_steam",
    "degC",
    ("humid_air_properties",),
    """What is the thermodynamic wet-bulb temperature, in °C, of air at {T_C} °C dry-bulb
         and {RH}% relative humidity at {P_kPa} kPa?""",
    **_AIR,
)
def _(T_C: float, RH: float, P_kPa: float) -> float:
    return _humid("B", T_C + 273.15, P_kPa * 1e3, RH / 100) - 273.15


@problem(
    "psychrometrics_steam-004",
    "psychrometrics_steam",
    "kJ/kg",
    ("steam_properties",),
    """What is the specific enthalpy of superheated steam at {P_bar} bar absolute and
         {T_C} °C, in kJ/kg (IAPWS reference state: saturated liquid at the triple point)?""",
    P_bar=10.0,
    T_C=250.0,
)
def _(P_bar: float, T_C: float) -> float:
    return _coolprop("H", "P", P_bar * 1e5, "T", T_C + 273.15, "Water") / 1e3


@problem(
    "psychrometrics_steam-005",
    "psychrometrics_steam",
    "degC",
    ("steam_saturation",),
    """A steam header runs at {Pg} barg; atmospheric pressure is {Patm} bar. What is the
         saturation temperature of the steam, in °C?""",
    Pg=5.0,
    Patm=1.01325,
)
def _(Pg: float, Patm: float) -> float:
    return _coolprop("T", "P", (Pg + Patm) * 1e5, "Q", 1, "Water") - 273.15


@problem(
    "psychrometrics_steam-006",
    "psychrometrics_steam",
    "kW",
    ("steam_saturation",),
    """A heater condenses {m_th} t/h of dry saturated steam at {P_bar} bar absolute to
         saturated liquid at the same pressure. What heat does it release, in kW?""",
    m_th=2.0,
    P_bar=4.0,
)
def _(m_th: float, P_bar: float) -> float:
    P = P_bar * 1e5
    dh = _coolprop("H", "P", P, "Q", 1, "Water") - _coolprop("H", "P", P, "Q", 0, "Water")
    return m_th * 1e3 / 3600 * dh / 1e3
