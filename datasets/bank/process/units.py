"""Process-set kinds: units (pint; conversion factors of NIST SP 811)."""

from __future__ import annotations

import random
from typing import Any

from bank.core import (
    P_ATM,
    Kind,
    Out,
    Val,
    out,
    pick,
    registrar,
    sig,
    uni,
    val,
)

KINDS: list[Kind] = []
kind = registrar(KINDS)


_PINT = "pint 0.25 default unit registry (NIST SP 811 conversion factors)"

_CONVERSIONS = [  # (what, from pint, from label, low, high, to pint, to label)
    (
        "a heat-transfer coefficient quoted by a vendor",
        "Btu/(hour*foot**2*delta_degF)",
        "Btu/(h·ft²·°F)",
        20,
        300,
        "W/(m**2*K)",
        "W/(m²·K)",
    ),
    ("the duty of a reboiler", "Btu/hour", "Btu/h", 2e6, 5e7, "kW", "kW"),
    ("the duty of a cooling-water system", "kcal/hour", "kcal/h", 1e5, 5e6, "kW", "kW"),
    (
        "a heat flux through a furnace tube",
        "Btu/(hour*foot**2)",
        "Btu/(h·ft²)",
        5000,
        40000,
        "kW/m**2",
        "kW/m²",
    ),
    (
        "the heat capacity of a hydrocarbon liquid",
        "Btu/(lb*delta_degF)",
        "Btu/(lb·°F)",
        0.4,
        0.65,
        "kJ/(kg*K)",
        "kJ/(kg·K)",
    ),
    (
        "the thermal conductivity of an insulation",
        "Btu/(hour*foot*delta_degF)",
        "Btu/(h·ft·°F)",
        0.02,
        0.09,
        "W/(m*K)",
        "W/(m·K)",
    ),
    ("the density of a crude oil", "lb/ft**3", "lb/ft³", 50, 60, "kg/m**3", "kg/m³"),
    ("the power of a compressor driver", "hp", "hp (mechanical)", 100, 5000, "kW", "kW"),
    ("a crude throughput", "oil_barrel/day", "barrels per day", 5000, 150000, "m**3/hour", "m³/h"),
    ("a latent heat", "Btu/lb", "Btu/lb", 150, 1000, "kJ/kg", "kJ/kg"),
]


def _draw_conversion(rng: random.Random) -> dict[str, Any]:
    what, fu, fl, lo, hi, tu, tl = pick(rng, _CONVERSIONS)
    return {"what": what, "x": Val(uni(rng, lo, hi), fu, fl), "out": Out(tu, tl)}


@kind(
    "units/convert",
    "units",
    None,
    ("unit_convert",),
    _PINT,
    count=6,
    rel_tol=0.002,
    draw=_draw_conversion,
    wordings=(
        """A data sheet gives {what} as {x}. Convert it to {out}.""",
        """I am transferring {what} from an old US design package into our SI calculation.
          The package says {x}. What is that in {out}?""",
        """Express {x} ({what}) in {out}.""",
        """For the design basis, {what} is {x}. Restate the value in {out}.""",
    ),
)
def _(what: str, x: Val, out: Out) -> float:
    return x.to(out.unit)


def _draw_gauge(rng: random.Random) -> dict[str, Any]:
    unit, label, lo, hi, atm_label, atm = pick(
        rng,
        [
            ("psi", "psig", 5, 600, "psia", 14.696),
            ("bar", "barg", 0.3, 40, "bar", 1.01325),
            ("kPa", "kPag", 30, 4000, "kPa", 101.325),
        ],
    )
    atm = sig(atm * uni(rng, 0.93, 1.0), 4)
    return {
        "Pg": Val(uni(rng, lo, hi), unit, label),
        "atm": Val(atm, unit, atm_label),
        "where": pick(
            rng,
            ["a flash drum", "a steam header", "a reactor", "a separator", "a nitrogen receiver"],
        ),
        "out": out(
            rng,
            [
                ("kPa", "kPa absolute"),
                ("bar", "bar absolute"),
                ("psi", "psia"),
                ("MPa", "MPa absolute"),
            ],
        ),
    }


@kind(
    "units/gauge",
    "units",
    "Pa",
    ("unit_convert",),
    _PINT,
    count=5,
    rel_tol=0.002,
    draw=_draw_gauge,
    wordings=(
        """The pressure gauge on {where} reads {Pg}. Local atmospheric pressure is {atm}.
          What is the absolute pressure, in {out}?""",
        """At a site where the barometer reads {atm}, {where} operates at {Pg}. Give the
          absolute operating pressure in {out}.""",
        """Convert a gauge reading of {Pg} on {where} to absolute pressure in {out}; the
          local atmospheric pressure is {atm}.""",
    ),
)
def _(Pg: Val, atm: Val, where: str, out: Out) -> float:
    return Pg.to("Pa") + atm.to("Pa")


def _draw_temperature(rng: random.Random) -> dict[str, Any]:
    x = val(rng, [("degF", "°F", -40, 1500), ("degC", "°C", -50, 900), ("degR", "°R", 420, 1900)])
    choices = [o for o in [("K", "kelvin"), ("degC", "°C"), ("degF", "°F")] if o[0] != x.unit]
    return {
        "x": x,
        "out": out(rng, choices),
        "what": pick(
            rng,
            [
                "a furnace outlet",
                "a cryogenic line",
                "a reactor bed",
                "a product rundown",
                "a flue-gas stack",
            ],
        ),
    }


@kind(
    "units/temperature",
    "units",
    "K",
    ("unit_convert",),
    _PINT,
    count=4,
    rel_tol=0.002,
    draw=_draw_temperature,
    wordings=(
        """The temperature of {what} is recorded as {x}. What is it in {out}?""",
        """Convert {x}, the temperature at {what}, to {out}.""",
        """A thermocouple at {what} shows {x}. Express this temperature in {out}.""",
    ),
)
def _(x: Val, out: Out, what: str) -> float:
    return x.to("K")


def _draw_viscosity(rng: random.Random) -> dict[str, Any]:
    return {
        "nu": Val(uni(rng, 2, 400), "centistokes", "cSt"),
        "rho": val(rng, [("kg/m**3", "kg/m³", 780, 980), ("g/cm**3", "g/cm³", 0.78, 0.98)]),
        "fluid": pick(
            rng, ["a lube oil", "a gas oil", "a fuel oil", "a glycol solution", "a vegetable oil"]
        ),
        "out": out(rng, [("mPa*s", "mPa·s"), ("centipoise", "cP"), ("Pa*s", "Pa·s")]),
    }


@kind(
    "units/viscosity",
    "units",
    "Pa*s",
    ("unit_convert",),
    _PINT + "; dynamic viscosity = kinematic viscosity x density",
    count=3,
    rel_tol=0.002,
    draw=_draw_viscosity,
    wordings=(
        """The kinematic viscosity of {fluid} is {nu} and its density {rho} at the operating
          temperature. What is its dynamic viscosity in {out}?""",
        """A lab report lists {fluid} at {nu} with a density of {rho}. What dynamic
          viscosity, in {out}, should go into the pressure-drop calculation?""",
        """Convert {nu} to dynamic viscosity in {out} for {fluid} of density {rho}.""",
    ),
)
def _(nu: Val, rho: Val, fluid: str, out: Out) -> float:
    return nu.to("m**2/s") * rho.to("kg/m**3")


def _draw_std_gas(rng: random.Random) -> dict[str, Any]:
    return {
        "Q": Val(uni(rng, 5, 300), "foot**3/day", "MMSCFD", 1e6),
        "out": out(rng, [("m**3/hour", "Nm³/h"), ("m**3/day", "Nm³/d")]),
    }


@kind(
    "units/standard_gas",
    "units",
    "m**3/s",
    ("unit_convert",),
    _PINT + "; ideal-gas change of reference conditions (60 °F, 14.696 psia -> 0 °C, 101.325 kPa)",
    count=3,
    rel_tol=0.003,
    draw=_draw_std_gas,
    wordings=(
        """A gas plant processes {Q} of natural gas, referred to 60 °F and 14.696 psia.
          Treating the gas as ideal, what is that flow in {out}, referred to 0 °C and
          101.325 kPa?""",
        """Convert {Q} (standard conditions 60 °F, 14.696 psia) to {out} at normal
          conditions (0 °C, 1 atm), assuming ideal-gas behaviour.""",
        """Our European partner reports gas in {out} (0 °C, 101.325 kPa). Express a
          pipeline flow of {Q} (60 °F, 14.696 psia), ideal gas, in their unit.""",
    ),
)
def _(Q: Val, out: Out) -> float:
    T_std, P_std = (60 - 32) / 1.8 + 273.15, 14.696 * 6894.757293168361
    return Q.to("m**3/s") * (P_std / P_ATM) * (273.15 / T_std)
