"""Process-set kinds: steam (CoolProp 8, IAPWS-95)."""

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
    uni,
    val,
    with_inputs,
)
from bank.lookups import _coolprop
from bank.menus import t_c

KINDS: list[Kind] = []
kind = registrar(KINDS)


_IAPWS = "CoolProp 8 PropsSI for Water (IAPWS-95 formulation)"
P_STEAM = [
    ("bar", "bar absolute", 1.5, 60),
    ("kPa", "kPa absolute", 150, 6000),
    ("psi", "psia", 20, 900),
    ("MPa", "MPa absolute", 0.15, 6),
]


def _steam_pressure(rng: random.Random) -> dict[str, Any]:
    return {
        "P": val(rng, P_STEAM),
        "use": pick(
            rng,
            [
                "a steam header",
                "a boiler drum",
                "a reboiler's steam side",
                "a turbine extraction",
                "a deaerator",
            ],
        ),
    }


@kind(
    "steam/tsat",
    "steam",
    "K",
    ("steam_saturation",),
    _IAPWS,
    count=4,
    rel_tol=0.003,
    draw=_steam_pressure,
    wordings=(
        """What is the saturation temperature of water at {P}? Give it in °C.""",
        """{use} operates at {P}. At what temperature, in °C, does the steam condense
          there?""",
        """Find the boiling temperature of water at {P}, in kelvin.""",
        """Steam at {P} feeds {use}. What is its saturation temperature in °C?""",
    ),
)
def _(P: Val, use: str) -> float:
    return _coolprop("T", "P", P.to("Pa"), "Q", 1, "Water")


def _draw_psat_water(rng: random.Random) -> dict[str, Any]:
    return {
        "T": val(rng, t_c(60, 260)),
        "out": out(rng, [("kPa", "kPa"), ("bar", "bar"), ("psi", "psia")]),
    }


@kind(
    "steam/psat",
    "steam",
    "Pa",
    ("steam_saturation",),
    _IAPWS,
    count=3,
    rel_tol=0.003,
    draw=_draw_psat_water,
    wordings=(
        """What is the saturation pressure of water at {T}, in {out}?""",
        """Hot water at {T} must be kept liquid. What is the minimum (saturation) pressure
          at that temperature, in {out}?""",
        """From the steam tables, the vapour pressure of water at {T} is how many
          {out}?""",
    ),
)
def _(T: Val, out: Out) -> float:
    return _coolprop("P", "T", T.to("K"), "Q", 0, "Water")


def _draw_superheated(rng: random.Random) -> dict[str, Any]:
    P = val(rng, [("bar", "bar absolute", 2, 80), ("MPa", "MPa absolute", 0.2, 8)])
    Tsat = _coolprop("T", "P", P.to("Pa"), "Q", 1, "Water") - 273.15
    T = Val(float(round(Tsat + rng.uniform(30, 250))), "degC", "°C")
    prop, o = pick(
        rng,
        [
            ("specific enthalpy", ("kJ/kg", "kJ/kg")),
            ("specific entropy", ("kJ/(kg*K)", "kJ/(kg·K)")),
            ("specific volume", ("m**3/kg", "m³/kg")),
        ],
    )
    return {"P": P, "T": T, "prop": prop, "out": Out(*o)}


@kind(
    "steam/superheated",
    "steam",
    None,
    ("steam_properties",),
    _IAPWS + " (reference state: saturated liquid at the triple point)",
    count=4,
    rel_tol=0.005,
    draw=_draw_superheated,
    wordings=(
        """What is the {prop} of superheated steam at {P} and {T}, in {out}?""",
        """A turbine inlet receives steam at {P}, {T}. Find its {prop} in {out} (IAPWS
          steam tables).""",
        """Using the steam tables, give the {prop} of steam at {T} and {P}, in {out}.""",
        """Steam leaves a superheater at {T} and {P}. What is its {prop}, in {out}?""",
    ),
)
def _(P: Val, T: Val, prop: str, out: Out) -> float:
    key = {
        "specific enthalpy": ("H", "J/kg"),
        "specific entropy": ("S", "J/(kg*K)"),
        "specific volume": ("D", ""),
    }[prop]
    value = _coolprop(key[0], "P", P.to("Pa"), "T", T.to("K"), "Water")
    if key[0] == "D":
        return 1 / value
    return Val(value, key[1], "").to(out.unit)


@kind(
    "steam/latent_heat",
    "steam",
    "J/kg",
    ("steam_saturation",),
    _IAPWS,
    count=3,
    rel_tol=0.005,
    draw=lambda rng: {
        "P": val(rng, P_STEAM),
        "out": out(rng, [("kJ/kg", "kJ/kg"), ("Btu/lb", "Btu/lb")]),
    },
    wordings=(
        """How much latent heat does steam give up when it condenses at {P}? Give the
          enthalpy of vaporisation in {out}.""",
        """What is the enthalpy of vaporisation h_fg of water at {P}, in {out}?""",
        """A heater condenses saturated steam at {P} to saturated liquid. What heat is
          released per unit mass of steam, in {out}?""",
    ),
)
def _(P: Val, out: Out) -> float:
    p = P.to("Pa")
    return _coolprop("H", "P", p, "Q", 1, "Water") - _coolprop("H", "P", p, "Q", 0, "Water")


def _draw_wet(rng: random.Random) -> dict[str, Any]:
    return {
        "P": val(rng, [("bar", "bar absolute", 1.2, 40), ("kPa", "kPa absolute", 20, 100)]),
        "x": uni(rng, 0.80, 0.98, 2),
    }


@kind(
    "steam/wet_enthalpy",
    "steam",
    "J/kg",
    ("steam_properties",),
    _IAPWS,
    count=3,
    rel_tol=0.005,
    draw=with_inputs(_draw_wet, out=Out("kJ/kg", "kJ/kg")),
    wordings=(
        """Wet steam at {P} has a dryness fraction of {x}. What is its specific enthalpy,
          in kJ/kg?""",
        """The exhaust of a turbine is at {P} with a quality of {x}. Find the specific
          enthalpy of the exhaust in kJ/kg.""",
        """A steam-water mixture at {P} is {x} vapour by mass. What is its enthalpy per
          kg, in kJ/kg (IAPWS reference state)?""",
    ),
)
def _(P: Val, x: float, out: Out) -> float:
    return _coolprop("H", "P", P.to("Pa"), "Q", x, "Water")


def _draw_flash(rng: random.Random) -> dict[str, Any]:
    P1 = val(rng, [("bar", "bar absolute", 6, 40), ("psi", "psia", 90, 600)])
    P2 = Val(uni(rng, 1.05, 4.0), "bar", "bar absolute")
    return {
        "P1": P1,
        "P2": P2,
        "m": val(rng, [("kg/hour", "kg/h", 500, 20000), ("tonne/hour", "t/h", 0.5, 20)]),
    }


@kind(
    "steam/flash_steam",
    "steam",
    "kg/s",
    ("steam_saturation",),
    _IAPWS + "; isenthalpic flash: x = (h_f1 - h_f2) / h_fg2",
    count=3,
    rel_tol=0.01,
    draw=with_inputs(_draw_flash, out=Out("kg/hour", "kg/h")),
    wordings=(
        """{m} of saturated condensate at {P1} is let down into a flash vessel at {P2}.
          How much flash steam is produced, in kg/h?""",
        """Condensate leaves steam traps as saturated liquid at {P1}, {m} in total, and
          is flashed to {P2}. What mass flow of low-pressure steam is recovered, in kg/h?""",
        """Saturated water at {P1} ({m}) flashes adiabatically to {P2}. What steam flow,
          in kg/h, leaves the flash drum?""",
    ),
)
def _(P1: Val, P2: Val, m: Val, out: Out) -> float:
    p1, p2 = P1.to("Pa"), P2.to("Pa")
    hf1 = _coolprop("H", "P", p1, "Q", 0, "Water")
    hf2 = _coolprop("H", "P", p2, "Q", 0, "Water")
    hg2 = _coolprop("H", "P", p2, "Q", 1, "Water")
    return m.to("kg/s") * (hf1 - hf2) / (hg2 - hf2)
