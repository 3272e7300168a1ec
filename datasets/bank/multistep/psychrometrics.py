"""Multi-step kinds: psychrometrics (CoolProp 8 HAPropsSI, ASHRAE RP-1485)."""

from __future__ import annotations

import random
from typing import Any

from bank.core import (
    Kind,
    Out,
    Val,
    out,
    pick,
    registrar,
    sig,
    val,
)
from bank.lookups import _humid
from bank.multistep.values import (
    temperature,
)

KINDS: list[Kind] = []
kind = registrar(KINDS)


_HA = "CoolProp 8 HAPropsSI (Herrmann, Kretzschmar and Gatley, ASHRAE RP-1485)"
_BAROMETER = [
    Val(101.325, "kPa", "kPa"),
    Val(14.696, "psi", "psia"),
    Val(97.0, "kPa", "kPa"),
    Val(94.5, "kPa", "kPa"),
]


def _draw_heater(rng: random.Random) -> dict[str, Any]:
    T1 = temperature(rng, -5, 20)
    return {
        "V": val(
            rng,
            [
                ("m**3/hour", "m³/h", 3000, 40000),
                ("foot**3/minute", "cubic feet per minute", 2000, 24000),
                ("foot**3/minute", "CFM", 2000, 24000),
            ],
        ),
        "T1": T1,
        "RH": round(rng.uniform(30, 90)),
        "T2": Val(
            T1.value + round(rng.uniform(15, 35) * (1.8 if T1.unit == "degF" else 1)),
            T1.unit,
            T1.label,
        ),
        "P": pick(rng, _BAROMETER),
        "out": out(rng, [("kW", "kW"), ("Btu/hour", "Btu/h")]),
    }


@kind(
    "psychrometrics/air_heater_duty",
    "psychrometrics",
    "W",
    ("humid_air_properties", "humid_air_properties"),
    _HA + "; dry-air flow from the inlet specific volume; Q = m_da (h2 - h1) at constant "
    "humidity ratio",
    count=4,
    rel_tol=0.02,
    draw=_draw_heater,
    wordings=(
        """An air-handling unit heats {V} of outdoor air (volume measured at the inlet
          state) from {T1} and {RH}% relative humidity to {T2}, at a barometric pressure of
          {P}. No moisture is added. What is the heating-coil duty, in {out}?""",
        """A preheat coil takes {V} of air at {T1}, {RH}% RH ({P}) and warms it to {T2}
          without changing its moisture content. The flow is given at inlet conditions.
          Find the coil load in {out} from the moist-air enthalpies.""",
        """How much heat ({out}) does it take to warm {V} (at the inlet state) of moist air
          from {T1} to {T2}? Inlet relative humidity {RH}%, pressure {P}, sensible heating
          only.""",
        """Sensible heating of {V} of air, entering at {T1} with {RH}% relative humidity,
          to a supply temperature of {T2}; total pressure {P}; volumetric flow referred to
          the entering air. Heater duty in {out}?""",
    ),
)
def _(V: Val, T1: Val, RH: float, T2: Val, P: Val, out: Out) -> float:
    from CoolProp.HumidAirProp import HAPropsSI

    p, t1 = P.to("Pa"), T1.to("K")
    W = _humid("W", t1, p, RH / 100)
    h1 = _humid("H", t1, p, RH / 100)
    m_da = V.to("m**3/s") / _humid("Vda", t1, p, RH / 100)
    h2 = float(HAPropsSI("H", "T", T2.to("K"), "P", p, "W", W))
    return m_da * (h2 - h1)


def _draw_mix_air(rng: random.Random) -> dict[str, Any]:
    flow = pick(rng, [("kg/hour", "kg of dry air per hour"), ("lb/hour", "lb of dry air per hour")])
    total = rng.uniform(3000, 30000) * (2.2 if flow[0] == "lb/hour" else 1)
    share = rng.uniform(0.2, 0.6)
    return {
        "To": temperature(rng, 26, 38),
        "RHo": round(rng.uniform(35, 70)),
        "mo": Val(sig(total * share), flow[0], flow[1]),
        "Tr": temperature(rng, 21, 27),
        "RHr": round(rng.uniform(35, 60)),
        "mr": Val(sig(total * (1 - share)), flow[0], flow[1]),
        "P": pick(rng, _BAROMETER),
    }


@kind(
    "psychrometrics/mixed_air_dew_point",
    "psychrometrics",
    "K",
    ("humid_air_properties", "humid_air_properties", "humid_air_properties"),
    _HA + "; adiabatic mixing on a dry-air basis (W and h mass-weighted), dew point at the "
    "mixed humidity ratio",
    count=4,
    rel_tol=0.003,
    draw=_draw_mix_air,
    wordings=(
        """An air handler mixes {mo} of outdoor air at {To} and {RHo}% relative humidity
          with {mr} of return air at {Tr} and {RHr}% RH, at {P}. What is the dew point of
          the mixed air, in °C?""",
        """Outdoor air ({To}, {RHo}% RH, {mo}) and recirculated air ({Tr}, {RHr}% RH,
          {mr}) meet in a mixing box at {P}. Find the humidity ratio of each stream, mix
          them adiabatically and give the dew-point temperature of the mixture in °C.""",
        """Two moist-air streams at {P} are mixed: {mo} at {To} with {RHo}% relative
          humidity, and {mr} at {Tr} with {RHr}%. Below what surface temperature, in °C,
          will the mixed stream condense water?""",
        """What dew point (°C) does the mixed air of a ventilation unit have, if it
          combines {mr} of room air at {Tr}/{RHr}% RH with {mo} of fresh air at
          {To}/{RHo}% RH? Barometric pressure {P}; adiabatic mixing.""",
    ),
)
def _(To: Val, RHo: float, mo: Val, Tr: Val, RHr: float, mr: Val, P: Val) -> float:
    from CoolProp.HumidAirProp import HAPropsSI

    p = P.to("Pa")
    a, b = mo.to("kg/s"), mr.to("kg/s")
    Wo, Wr = _humid("W", To.to("K"), p, RHo / 100), _humid("W", Tr.to("K"), p, RHr / 100)
    ho, hr = _humid("H", To.to("K"), p, RHo / 100), _humid("H", Tr.to("K"), p, RHr / 100)
    W = (a * Wo + b * Wr) / (a + b)
    h = (a * ho + b * hr) / (a + b)
    T = float(HAPropsSI("T", "H", h, "W", W, "P", p))
    return float(HAPropsSI("D", "T", T, "P", p, "W", W))
