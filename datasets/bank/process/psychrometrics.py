"""Process-set kinds: psychrometrics (CoolProp 8 HAPropsSI, ASHRAE RP-1485 real-gas moist air)."""

from __future__ import annotations

import random
from typing import Any

from bank.core import (
    Kind,
    Out,
    Val,
    pick,
    registrar,
    sig,
    uni,
    val,
    with_inputs,
)
from bank.lookups import _humid

KINDS: list[Kind] = []
kind = registrar(KINDS)


_HA = "CoolProp 8 HAPropsSI (Herrmann, Kretzschmar and Gatley, ASHRAE RP-1485)"


def _draw_air(rng: random.Random) -> dict[str, Any]:
    return {
        "T": val(rng, [("degC", "°C", 15, 45), ("degF", "°F", 60, 110)]),
        "RH": round(rng.uniform(20, 90)),
        "P": pick(
            rng,
            [
                Val(101.325, "kPa", "kPa"),
                Val(uni(rng, 85, 100), "kPa", "kPa"),
                Val(14.7, "psi", "psia"),
            ],
        ),
    }


@kind(
    "psychrometrics/humidity_ratio",
    "psychrometrics",
    "",
    ("humid_air_properties",),
    _HA,
    count=4,
    rel_tol=0.02,
    draw=_draw_air,
    wordings=(
        """Outdoor air is at {T} dry bulb and {RH}% relative humidity, at a pressure of
          {P}. What is its humidity ratio, in kg of water per kg of dry air?""",
        """What is the moisture content (kg water / kg dry air) of air at {T}, {RH}%
          RH and {P}?""",
        """A dryer takes in ambient air at {T} and {RH}% relative humidity ({P}). How
          much water vapour does it carry per kg of dry air (kg/kg)?""",
        """Find the absolute humidity ratio W, in kg/kg dry air, of moist air at {P},
          {T} dry-bulb, {RH}% relative humidity.""",
    ),
)
def _(T: Val, RH: float, P: Val) -> float:
    return _humid("W", T.to("K"), P.to("Pa"), RH / 100)


@kind(
    "psychrometrics/dew_point",
    "psychrometrics",
    "K",
    ("humid_air_properties",),
    _HA,
    count=3,
    rel_tol=0.003,
    draw=_draw_air,
    wordings=(
        """What is the dew-point temperature of air at {T} and {RH}% relative humidity,
          at {P}? Give it in °C.""",
        """Instrument air is at {T}, {RH}% RH and {P}. Below what surface temperature,
          in °C, will water condense from it?""",
        """Compute the dew point, in °C, of moist air at {P}, dry bulb {T}, relative
          humidity {RH}%.""",
    ),
)
def _(T: Val, RH: float, P: Val) -> float:
    return _humid("D", T.to("K"), P.to("Pa"), RH / 100)


@kind(
    "psychrometrics/wet_bulb",
    "psychrometrics",
    "K",
    ("humid_air_properties",),
    _HA,
    count=3,
    rel_tol=0.003,
    draw=_draw_air,
    wordings=(
        """What is the thermodynamic wet-bulb temperature of air at {T} dry bulb and
          {RH}% relative humidity, {P}? Give it in °C.""",
        """A cooling tower sees inlet air at {T} and {RH}% RH at {P}. What is the
          (thermodynamic) wet-bulb temperature, in °C, that limits the cold-water
          temperature?""",
        """Find the adiabatic-saturation (wet-bulb) temperature, in °C, of air at {P},
          {T}, {RH}% relative humidity.""",
    ),
)
def _(T: Val, RH: float, P: Val) -> float:
    return _humid("B", T.to("K"), P.to("Pa"), RH / 100)


@kind(
    "psychrometrics/enthalpy",
    "psychrometrics",
    "J/kg",
    ("humid_air_properties",),
    _HA + " (enthalpy per kg dry air, dry air and liquid water at 0 °C as reference)",
    count=3,
    rel_tol=0.02,
    draw=with_inputs(_draw_air, out=Out("kJ/kg", "kJ/kg")),
    wordings=(
        """What is the specific enthalpy of moist air at {T}, {RH}% relative humidity and
          {P}, in kJ per kg of dry air?""",
        """Air at {T} and {RH}% RH ({P}) enters a cooling coil. What is its enthalpy in
          kJ/kg dry air (ASHRAE reference state)?""",
        """Give the enthalpy of humid air per kg of dry air, in kJ/kg, at {P}, {T} dry
          bulb and {RH}% relative humidity.""",
    ),
)
def _(T: Val, RH: float, P: Val, out: Out) -> float:
    return _humid("H", T.to("K"), P.to("Pa"), RH / 100)


def _draw_rh(rng: random.Random) -> dict[str, Any]:
    T = uni(rng, 18, 40)
    return {
        "T": Val(T, "degC", "°C"),
        "Td": Val(sig(T - rng.uniform(3, 18)), "degC", "°C"),
        "P": Val(101.325, "kPa", "kPa"),
    }


@kind(
    "psychrometrics/relative_humidity",
    "psychrometrics",
    "percent",
    ("humid_air_properties",),
    _HA,
    count=3,
    rel_tol=0.02,
    draw=_draw_rh,
    wordings=(
        """Air at {T} dry bulb has a dew point of {Td} at {P}. What is its relative
          humidity, in %?""",
        """A chilled-mirror hygrometer reads a dew point of {Td} in a room at {T} ({P}).
          What relative humidity (%) is that?""",
        """Find the relative humidity, in percent, of air at {P} whose dry-bulb and
          dew-point temperatures are {T} and {Td}.""",
    ),
)
def _(T: Val, Td: Val, P: Val) -> float:
    from CoolProp.HumidAirProp import HAPropsSI

    return 100 * float(HAPropsSI("R", "T", T.to("K"), "P", P.to("Pa"), "D", Td.to("K")))


def _draw_coil(rng: random.Random) -> dict[str, Any]:
    return {
        "V": val(rng, [("m**3/hour", "m³/h", 2000, 30000), ("m**3/s", "m³/s", 0.5, 8)]),
        "T1": Val(uni(rng, 26, 38), "degC", "°C"),
        "RH1": round(rng.uniform(50, 85)),
        "T2": Val(uni(rng, 10, 15), "degC", "°C"),
        "P": Val(101.325, "kPa", "kPa"),
    }


@kind(
    "psychrometrics/coil_condensate",
    "psychrometrics",
    "kg/s",
    ("humid_air_properties",),
    _HA + "; water balance m_da (W1 - W2) with m_da from the inlet specific volume per kg dry air",
    count=3,
    rel_tol=0.02,
    draw=with_inputs(_draw_coil, out=Out("kg/hour", "kg/h")),
    wordings=(
        """A cooling coil takes {V} of air (measured at inlet conditions) at {T1} and
          {RH1}% RH and cools it to saturation at {T2}, at {P}. How much condensate does it
          drain, in kg/h?""",
        """An air handler cools {V} of outside air (volume at the inlet state: {T1},
          {RH1}% RH, {P}) to {T2} saturated. What is the condensate flow in kg/h?""",
        """Moist air, {V} at {T1} and {RH1}% relative humidity ({P}), leaves a chiller
          coil saturated at {T2}. Compute the water removed, kg/h.""",
    ),
)
def _(V: Val, T1: Val, RH1: float, T2: Val, P: Val, out: Out) -> float:
    p = P.to("Pa")
    W1 = _humid("W", T1.to("K"), p, RH1 / 100)
    v_da = _humid("Vda", T1.to("K"), p, RH1 / 100)  # m3 per kg dry air
    W2 = _humid("W", T2.to("K"), p, 1.0)
    return V.to("m**3/s") / v_da * (W1 - W2)
