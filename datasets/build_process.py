"""Build PEOA's process-engineering evaluation set, ``datasets/process.jsonl``.

Each *problem kind* below is a small generator: a function that draws physically sensible
inputs (each in a unit an engineer would write, from a fixed per-item seed), several
wordings of the question, and a solver that computes the reference answer independently
of PEOA -- straight from the field libraries (fluids, ht, thermo, chemicals, CoolProp,
cantera, scipy) or from the textbook formula written out here. PEOA's own tool wrappers
are never called, so the dataset does not test a tool against itself.

Run from the repository root::

    .venv/bin/python datasets/build_process.py            # writes datasets/process.jsonl
    .venv/bin/python datasets/build_process.py OUT.jsonl  # writes elsewhere

The output is deterministic: every item draws from ``random.Random("<kind>:<n>")``.
"""

from __future__ import annotations

import math
import random
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the bank is a sibling folder

from bank.core import (
    GOLD_TOOLS,
    P_ATM,
    R_GAS,
    G,
    Kind,
    Num,
    Out,
    Val,
    as_sentence,
    as_shown,
    out,
    pick,
    reference_answer,
    registrar,
    retry,
    sig,
    uni,
    val,
    with_inputs,
)
from bank.lookups import LIQUIDS, _chemical, _coolprop, _darcy, _humid, _psat, _tsat
from bank.menus import DENS_LIQ, Q_LIQ, VISC_LIQ, liquid_service, t_c

from peoa.evaluation.dataset import write_jsonl

__all__ = ["CATEGORIES", "KINDS", "Kind", "Num", "Val", "build_records", "write_dataset"]

#: The toolkit's sixteen topics (``peoa tools list``); every category has items.
CATEGORIES: tuple[str, ...] = (
    "units",
    "properties",
    "steam",
    "psychrometrics",
    "pipe_flow",
    "pumps",
    "compressors",
    "flow_measurement",
    "control_valves",
    "relief_devices",
    "heat_exchangers",
    "heat_transfer",
    "vle",
    "distillation",
    "reactors",
    "balances",
)

ID_PREFIX = "proc"

KINDS: list[Kind] = []
kind = registrar(KINDS)


# =======================================================================================
# units  (pint; conversion factors of NIST SP 811)

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


# =======================================================================================
# properties  (thermo 0.6 / chemicals 1.5 recommended methods; CoolProp for gases)


def _draw_psat(rng: random.Random) -> dict[str, Any]:
    name = pick(rng, list(LIQUIDS))
    Tb = _chemical(LIQUIDS[name]).Tb
    T_C = round(rng.uniform(Tb - 273.15 - 45, Tb - 273.15 + 25))
    return {
        "name": name,
        "T": Val(float(T_C), "degC", "°C"),
        "out": out(rng, [("kPa", "kPa"), ("bar", "bar"), ("psi", "psia"), ("mmHg", "mmHg")]),
    }


@kind(
    "properties/vapour_pressure",
    "properties",
    "Pa",
    ("vapor_pressure",),
    "thermo.Chemical(...).VaporPressure (recommended DIPPR/Wagner correlations)",
    count=4,
    rel_tol=0.02,
    draw=_draw_psat,
    wordings=(
        """What is the vapour pressure of {name} at {T}, in {out}?""",
        """A storage tank holds {name} at {T}. Estimate the pure-component vapour pressure
          in {out} for the breathing-loss calculation.""",
        """Find the saturation pressure of pure {name} at {T}. Answer in {out}.""",
        """For a vacuum-distillation check, how high is the vapour pressure of {name}
          at {T}? Give it in {out}.""",
    ),
)
def _(name: str, T: Val, out: Out) -> float:
    return _psat(LIQUIDS[name], T.to("K"))


def _draw_tboil(rng: random.Random) -> dict[str, Any]:
    name = pick(rng, [n for n in LIQUIDS if n != "water"])
    return {
        "name": name,
        "P": val(rng, [("kPa", "kPa", 20, 400), ("bar", "bar", 0.2, 4), ("psi", "psi", 3, 60)]),
    }


@kind(
    "properties/boiling_temperature",
    "properties",
    "K",
    ("saturation_temperature",),
    "thermo.Chemical(...).VaporPressure.solve_property (inverse of the recommended "
    "vapour-pressure correlation)",
    count=3,
    rel_tol=0.005,
    draw=_draw_tboil,
    wordings=(
        """At what temperature does pure {name} boil at {P} absolute? Give the answer in
          °C.""",
        """A column condenser on {name} runs at {P} absolute. What is the saturation
          temperature of pure {name} there, in kelvin?""",
        """Estimate the boiling point of {name} at a pressure of {P} (absolute), in
          °C.""",
    ),
)
def _(name: str, P: Val) -> float:
    return _tsat(LIQUIDS[name], P.to("Pa"))


def _draw_rhol(rng: random.Random) -> dict[str, Any]:
    name = pick(rng, list(LIQUIDS))
    return {
        "name": name,
        "T": Val(float(round(rng.uniform(5, 60))), "degC", "°C"),
        "out": out(rng, [("kg/m**3", "kg/m³"), ("lb/ft**3", "lb/ft³"), ("g/cm**3", "g/cm³")]),
    }


@kind(
    "properties/liquid_density",
    "properties",
    "kg/m**3",
    ("density",),
    "thermo.Chemical(...).VolumeLiquid at (T, 1 atm) and molar mass (recommended methods)",
    count=3,
    rel_tol=0.02,
    draw=_draw_rhol,
    wordings=(
        """What is the density of liquid {name} at {T} and atmospheric pressure, in
          {out}?""",
        """A tank gauge needs the density of {name} at {T} (1 atm). Give it in {out}.""",
        """Estimate the liquid density of pure {name} at {T}, in {out}.""",
    ),
)
def _(name: str, T: Val, out: Out) -> float:
    chem = _chemical(LIQUIDS[name])
    return chem.MW / 1e3 / float(chem.VolumeLiquid(T.to("K"), P_ATM))


_GASES = {
    "nitrogen": "Nitrogen",
    "carbon dioxide": "CarbonDioxide",
    "methane": "Methane",
    "air": "Air",
    "hydrogen": "Hydrogen",
    "argon": "Argon",
}


def _draw_rhog(rng: random.Random) -> dict[str, Any]:
    return {
        "gas": pick(rng, list(_GASES)),
        "T": val(rng, t_c(0, 150)),
        "P": val(
            rng,
            [
                ("bar", "bar absolute", 1, 40),
                ("MPa", "MPa absolute", 0.2, 4),
                ("psi", "psia", 15, 600),
            ],
        ),
    }


@kind(
    "properties/gas_density",
    "properties",
    "kg/m**3",
    ("density",),
    "CoolProp 8 PropsSI('D', ...) with the reference (multiparameter) equation of state",
    count=4,
    rel_tol=0.02,
    draw=_draw_rhog,
    wordings=(
        """What is the density of {gas} at {T} and {P}, in kg/m³? Account for real-gas
          behaviour.""",
        """A compressor suction line carries {gas} at {P} and {T}. What is the gas
          density in kg/m³ (real gas, not ideal)?""",
        """Calculate the actual density of {gas} gas at {T}, {P}, in kg/m³.""",
        """I need the density of {gas} at {P} and {T} to size a vessel nozzle. Give it in
          kg/m³ including non-ideality.""",
    ),
)
def _(gas: str, T: Val, P: Val) -> float:
    return _coolprop("D", "T", T.to("K"), "P", P.to("Pa"), _GASES[gas])


def _draw_hvap(rng: random.Random) -> dict[str, Any]:
    return {
        "name": pick(rng, list(LIQUIDS)),
        "out": out(rng, [("kJ/kg", "kJ/kg"), ("kJ/mol", "kJ/mol"), ("Btu/lb", "Btu/lb")]),
    }


@kind(
    "properties/latent_heat",
    "properties",
    None,
    ("heat_of_vaporization",),
    "thermo.Chemical(...).EnthalpyVaporization at the normal boiling point (recommended "
    "method) and chemicals molar mass",
    count=3,
    rel_tol=0.03,
    draw=_draw_hvap,
    wordings=(
        """What is the latent heat of vaporisation of {name} at its normal boiling point,
          in {out}?""",
        """A reboiler vaporises pure {name} at 1 atm. How much heat does each unit of
          vapour take, i.e. the enthalpy of vaporisation at the normal boiling point, in
          {out}?""",
        """Give the heat of vaporisation of {name} at its atmospheric boiling point in
          {out}.""",
    ),
)
def _(name: str, out: Out) -> float:
    chem = _chemical(LIQUIDS[name])
    Hv = float(chem.EnthalpyVaporization(chem.Tb))  # J/mol
    if out.unit == "kJ/mol":
        return Hv / 1e3
    return Val(Hv / (chem.MW / 1e3), "J/kg", "").to(out.unit)


def _draw_critical(rng: random.Random) -> dict[str, Any]:
    return {
        "name": pick(
            rng,
            [
                "propane",
                "n-butane",
                "ethylene",
                "carbon dioxide",
                "ammonia",
                "benzene",
                "toluene",
                "methanol",
                "n-hexane",
                "chlorine",
            ],
        ),
        "prop": (prop := pick(rng, ["temperature", "pressure"])),
        "out": Out("K", "K") if prop == "temperature" else Out("bar", "bar"),
    }


_CRIT_CAS = {
    "propane": "74-98-6",
    "n-butane": "106-97-8",
    "ethylene": "74-85-1",
    "carbon dioxide": "124-38-9",
    "ammonia": "7664-41-7",
    "benzene": "71-43-2",
    "toluene": "108-88-3",
    "methanol": "67-56-1",
    "n-hexane": "110-54-3",
    "chlorine": "7782-50-5",
}


@kind(
    "properties/critical",
    "properties",
    None,
    ("critical_properties",),
    "chemicals.critical.Tc / Pc (IUPAC / CRC recommended data)",
    count=3,
    rel_tol=0.01,
    draw=_draw_critical,
    wordings=(
        """What is the critical {prop} of {name}, in {out}?""",
        """For a corresponding-states estimate I need the critical {prop} of {name}. What
          is it, in {out}?""",
        """Look up the critical {prop} of {name} and give it in {out}.""",
    ),
)
def _(name: str, prop: str, out: Out) -> float:
    from chemicals.critical import Pc, Tc

    if prop == "temperature":
        return float(Tc(_CRIT_CAS[name]))
    return float(Pc(_CRIT_CAS[name])) / 1e5


def _draw_mix_mw(rng: random.Random) -> dict[str, Any]:
    a, b, c = rng.sample(["methane", "ethane", "propane", "nitrogen", "carbon dioxide"], 3)
    y1, y2 = uni(rng, 0.4, 0.8, 2), 0.0
    y2 = sig((1 - y1) * rng.uniform(0.3, 0.7), 2)
    y3 = sig(1 - y1 - y2, 2)
    return {
        "a": a,
        "b": b,
        "c": c,
        "y1": y1,
        "y2": y2,
        "y3": y3,
        "T": val(rng, t_c(10, 80)),
        "P": val(rng, [("bar", "bar absolute", 1, 10), ("kPa", "kPa absolute", 100, 1000)]),
    }


_MW_CAS = {
    "methane": "74-82-8",
    "ethane": "74-84-0",
    "propane": "74-98-6",
    "nitrogen": "7727-37-9",
    "carbon dioxide": "124-38-9",
}


@kind(
    "properties/mixture_gas_density",
    "properties",
    "kg/m**3",
    ("mixture_properties",),
    "chemicals.elements molecular weights; ideal-gas law rho = P M / (R T)",
    count=3,
    rel_tol=0.005,
    draw=_draw_mix_mw,
    wordings=(
        """A fuel gas is {y1} {a}, {y2} {b} and {y3} {c} by mole. Treating it as an ideal
          gas, what is its density at {T} and {P}, in kg/m³?""",
        """Estimate the ideal-gas density, in kg/m³, of a mixture of {a} ({y1} mole
          fraction), {b} ({y2}) and {c} ({y3}) at {P} and {T}.""",
        """What density (kg/m³) does the ideal-gas law give for a gas of mole fractions
          {a} {y1}, {b} {y2}, {c} {y3} at {T} and {P}?""",
    ),
)
def _(a: str, b: str, c: str, y1: float, y2: float, y3: float, T: Val, P: Val) -> float:
    from chemicals import MW

    M = sum(y * MW(_MW_CAS[n]) for y, n in ((y1, a), (y2, b), (y3, c))) / 1e3
    return P.to("Pa") * M / (R_GAS * T.to("K"))


# =======================================================================================
# steam  (CoolProp 8, IAPWS-95)

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


# =======================================================================================
# psychrometrics  (CoolProp 8 HAPropsSI, ASHRAE RP-1485 real-gas moist air)

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


# =======================================================================================
# pipe flow  (fluids 1.3)


def _draw_re(rng: random.Random) -> dict[str, Any]:
    return {
        "Q": val(rng, Q_LIQ),
        "D": val(rng, [("mm", "mm", 40, 300), ("inch", "in", 1.5, 12)]),
        **liquid_service(rng),
    }


@kind(
    "pipe_flow/reynolds",
    "pipe_flow",
    "",
    ("reynolds_number",),
    "Re = rho V D / mu with V = 4Q/(pi D^2) (fluids.core.Reynolds)",
    count=4,
    rel_tol=0.005,
    draw=_draw_re,
    wordings=(
        """{liquid} (density {rho}, viscosity {mu}) flows at {Q} through a pipe of {D}
          inside diameter. What is the Reynolds number?""",
        """Is the flow turbulent? Compute the Reynolds number for {Q} of {liquid} in a
          line with {D} bore; the liquid has a density of {rho} and a viscosity of {mu}.""",
        """Find Re for {liquid} ({rho}, {mu}) at a rate of {Q} in a {D} ID pipe.""",
        """A transfer line of {D} internal diameter carries {Q} of {liquid}. With density
          {rho} and dynamic viscosity {mu}, what Reynolds number does the flow have?""",
    ),
)
def _(Q: Val, D: Val, rho: Val, mu: Val, liquid: str) -> float:
    d = D.to("m")
    V = Q.to("m**3/s") / (math.pi * d**2 / 4)
    return rho.to("kg/m**3") * V * d / mu.to("Pa*s")


def _draw_colebrook(rng: random.Random) -> dict[str, Any]:
    return {
        "Re": float(round(uni(rng, 8000, 2e6, 3))),
        "D": Val(uni(rng, 25, 400), "mm", "mm"),
        "eps": pick(
            rng,
            [
                Val(0.045, "mm", "mm"),
                Val(0.15, "mm", "mm"),
                Val(0.0015, "mm", "mm"),
                Val(0.26, "mm", "mm"),
            ],
        ),
        "pipe": pick(rng, ["a commercial-steel pipe", "a line", "a process pipe"]),
    }


@kind(
    "pipe_flow/colebrook",
    "pipe_flow",
    "",
    ("friction_factor",),
    "Colebrook (1939) equation solved exactly (fluids.friction.friction_factor, "
    "Method='Colebrook')",
    count=3,
    rel_tol=0.005,
    draw=_draw_colebrook,
    wordings=(
        """Using the Colebrook equation, what is the Darcy friction factor at Re = {Re:.0f}
          in {pipe} of {D} inside diameter with an absolute roughness of {eps}?""",
        """Find the Darcy (Moody) friction factor from Colebrook-White for flow at a
          Reynolds number of {Re:.0f}; the pipe bore is {D} and its roughness {eps}.""",
        """Solve the Colebrook equation for the Darcy friction factor: Re = {Re:.0f}, D =
          {D}, ε = {eps}.""",
    ),
)
def _(Re: float, D: Val, eps: Val, pipe: str) -> float:
    return _darcy(Re, eps.to("m") / D.to("m"))


def _pipe_dp(
    Q: float, D: float, L: float, rough: float, rho: float, mu: float, K: float = 0.0
) -> float:
    """Darcy-Weisbach plus fittings [Pa] (fluids.core.Reynolds, K_from_f, dP_from_K)."""
    from fluids import K_from_f, Reynolds, dP_from_K

    V = Q / (math.pi * D**2 / 4)
    fd = _darcy(Reynolds(V=V, D=D, rho=rho, mu=mu), rough / D)
    return float(dP_from_K(K_from_f(fd=fd, L=L, D=D) + K, rho=rho, V=V))


def _draw_dp(rng: random.Random) -> dict[str, Any]:
    return {
        "Q": val(rng, Q_LIQ),
        "D": val(rng, [("mm", "mm", 50, 250), ("inch", "in", 2, 10)]),
        "L": val(rng, [("m", "m", 20, 800), ("foot", "ft", 60, 2600)]),
        "eps": Val(0.046, "mm", "mm"),
        "rho": val(rng, DENS_LIQ),
        "mu": val(rng, VISC_LIQ),
        "K": sig(rng.uniform(0, 12), 2),
        "out": out(rng, [("kPa", "kPa"), ("bar", "bar"), ("psi", "psi")]),
    }


_DP = retry(_draw_dp, lambda d: 0.3 < d["Q"].to("m**3/s") / (math.pi * d["D"].to("m") ** 2 / 4) < 4)


@kind(
    "pipe_flow/pressure_drop",
    "pipe_flow",
    "Pa",
    ("pipe_pressure_drop",),
    "Darcy-Weisbach with Colebrook friction factor and fitting K values (fluids.core."
    "K_from_f, dP_from_K; Crane TP-410)",
    count=5,
    rel_tol=0.02,
    draw=_DP,
    wordings=(
        """A liquid (density {rho}, viscosity {mu}) flows at {Q} through {L} of horizontal
          steel pipe, {D} ID, roughness {eps}. The fittings add a total K of {K}. What is the
          pressure drop, in {out}? Use Darcy-Weisbach with a Colebrook friction factor.""",
        """Estimate the frictional pressure loss, in {out}, for {Q} of a liquid with
          density {rho} and viscosity {mu} in {L} of {D} bore pipe (ε = {eps}); fittings
          and valves sum to K = {K}. Colebrook friction factor, level pipe.""",
        """What pressure drop ({out}) does a {L} run of {D} ID pipe, roughness {eps}, with
          fittings totalling K = {K}, cause at {Q}? Fluid density {rho}, viscosity {mu};
          horizontal; Darcy-Weisbach/Colebrook.""",
        """Darcy-Weisbach check: {Q} of liquid (ρ = {rho}, μ = {mu}) through {L} of pipe,
          {D} inside diameter, absolute roughness {eps}, plus minor losses K = {K}, no
          elevation change. Pressure drop in {out}?""",
    ),
)
def _(Q: Val, D: Val, L: Val, eps: Val, rho: Val, mu: Val, K: float, out: Out) -> float:
    return _pipe_dp(
        Q.to("m**3/s"), D.to("m"), L.to("m"), eps.to("m"), rho.to("kg/m**3"), mu.to("Pa*s"), K
    )


def _draw_gravity(rng: random.Random) -> dict[str, Any]:
    return {
        "dz": val(rng, [("m", "m", 3, 30), ("foot", "ft", 10, 100)]),
        "L": Val(uni(rng, 30, 400), "m", "m"),
        "D": Val(uni(rng, 50, 200), "mm", "mm"),
        "eps": Val(0.046, "mm", "mm"),
        "K": sig(rng.uniform(1.5, 8), 2),
        "rho": Val(998.0, "kg/m**3", "kg/m³"),
        "mu": Val(1.0, "mPa*s", "mPa·s"),
        "out": out(rng, [("m**3/hour", "m³/h"), ("L/s", "L/s")]),
    }


@kind(
    "pipe_flow/gravity_flow",
    "pipe_flow",
    "m**3/s",
    ("flow_from_head",),
    "Energy balance rho g dz = dP(Q) solved for Q with Darcy-Weisbach, Colebrook and K "
    "values (fluids + scipy.optimize.brentq)",
    count=3,
    rel_tol=0.02,
    draw=_draw_gravity,
    wordings=(
        """Water (density {rho}, viscosity {mu}) drains by gravity between two open tanks
          whose levels differ by {dz}, through {L} of steel pipe, {D} ID, roughness {eps}.
          Entrance, exit and fittings add up to K = {K}. What is the flow rate in {out}?""",
        """Two atmospheric tanks are connected by {L} of {D} bore pipe (ε = {eps}) with
          minor losses K = {K}. The upper liquid surface is {dz} above the lower one. How
          much water ({rho}, {mu}) flows, in {out}?""",
        """What gravity flow, in {out}, does a level difference of {dz} drive through a
          {D} ID line {L} long with roughness {eps} and total fitting K = {K}? Water:
          {rho}, {mu}; both vessels vented.""",
    ),
)
def _(dz: Val, L: Val, D: Val, eps: Val, K: float, rho: Val, mu: Val, out: Out) -> float:
    from scipy.optimize import brentq

    r, m = rho.to("kg/m**3"), mu.to("Pa*s")

    def residual(Q: float) -> float:
        return _pipe_dp(Q, D.to("m"), L.to("m"), eps.to("m"), r, m, K) - r * G * dz.to("m")

    return brentq(residual, 1e-7, 5.0, xtol=1e-14, rtol=1e-13)


def _draw_schedule(rng: random.Random) -> dict[str, Any]:
    nps, sch = pick(
        rng,
        [
            (2, "40"),
            (3, "40"),
            (4, "40"),
            (4, "80"),
            (6, "40"),
            (6, "80"),
            (8, "40"),
            (10, "40"),
            (12, "STD"),
            (3, "160"),
            (2, "80"),
            (8, "XS"),
            (16, "10"),
        ],
    )
    return {"NPS": nps, "sch": sch, "out": out(rng, [("mm", "mm"), ("inch", "in")])}


@kind(
    "pipe_flow/schedule",
    "pipe_flow",
    "m",
    ("pipe_schedule",),
    "ASME B36.10M dimensions (fluids.piping.nearest_pipe)",
    count=3,
    rel_tol=0.002,
    draw=_draw_schedule,
    wordings=(
        """What is the inside diameter of NPS {NPS} schedule {sch} steel pipe, in
          {out}?""",
        """A line is specified as {NPS}-inch schedule {sch} (ASME B36.10). What bore does
          it have, in {out}?""",
        """Give the internal diameter of {NPS}" Sch {sch} carbon-steel pipe in {out}.""",
    ),
)
def _(NPS: int, sch: str, out: Out) -> float:
    from fluids import nearest_pipe

    return float(nearest_pipe(NPS=NPS, schedule=sch)[1])


def _draw_laminar(rng: random.Random) -> dict[str, Any]:
    return {
        "Q": val(rng, [("m**3/hour", "m³/h", 1, 20), ("L/min", "L/min", 15, 300)]),
        "D": Val(uni(rng, 40, 150), "mm", "mm"),
        "L": Val(uni(rng, 10, 200), "m", "m"),
        "rho": Val(uni(rng, 860, 960), "kg/m**3", "kg/m³"),
        "mu": val(rng, [("Pa*s", "Pa·s", 0.2, 2.0), ("cP", "cP", 200, 2000)]),
        "oil": pick(
            rng,
            [
                "a heavy fuel oil",
                "a lube-oil base stock",
                "a bitumen blend",
                "glycerol",
                "a polymer solution",
            ],
        ),
    }


_LAMINAR = retry(
    _draw_laminar,
    lambda d: (
        d["rho"].to("kg/m**3")
        * d["Q"].to("m**3/s")
        * 4
        / (math.pi * d["D"].to("m") * d["mu"].to("Pa*s"))
        < 1500
    ),
)


@kind(
    "pipe_flow/laminar",
    "pipe_flow",
    "Pa",
    ("pipe_pressure_drop",),
    "Hagen-Poiseuille, dP = 128 mu L Q / (pi D^4) (laminar, f = 64/Re)",
    count=3,
    rel_tol=0.005,
    draw=with_inputs(_LAMINAR, out=Out("kPa", "kPa")),
    wordings=(
        """{oil} (density {rho}, viscosity {mu}) is pumped at {Q} through {L} of {D} ID
          pipe. The flow is laminar. What is the frictional pressure drop in kPa?""",
        """Compute the pressure loss, in kPa, for laminar flow of {Q} of {oil} (ρ = {rho},
          μ = {mu}) through a straight {D} bore pipe {L} long.""",
        """How much pressure (kPa) is lost to friction when {oil} with a viscosity of {mu}
          and a density of {rho} flows at {Q} in {L} of pipe with an internal diameter of
          {D}? Check that the flow is laminar.""",
    ),
)
def _(Q: Val, D: Val, L: Val, rho: Val, mu: Val, oil: str, out: Out) -> float:
    return 128 * mu.to("Pa*s") * L.to("m") * Q.to("m**3/s") / (math.pi * D.to("m") ** 4)


def _draw_velocity(rng: random.Random) -> dict[str, Any]:
    nps, sch = pick(
        rng,
        [(2, "40"), (3, "40"), (4, "40"), (6, "40"), (8, "40"), (4, "80"), (6, "80"), (10, "40")],
    )
    return {"NPS": nps, "sch": sch, "Q": val(rng, Q_LIQ)}


_VELOCITY = retry(
    _draw_velocity,
    lambda d: 0.3 < d["Q"].to("m**3/s") / (math.pi * (0.0254 * d["NPS"]) ** 2 / 4) < 5,
)


@kind(
    "pipe_flow/velocity",
    "pipe_flow",
    "m/s",
    ("pipe_schedule",),
    "V = 4 Q / (pi Di^2) with Di from ASME B36.10M (fluids.piping.nearest_pipe)",
    count=3,
    rel_tol=0.005,
    draw=_VELOCITY,
    wordings=(
        """What is the mean liquid velocity, in m/s, when {Q} flows through NPS {NPS}
          schedule {sch} pipe?""",
        """A pump discharge line is {NPS}-inch Sch {sch}. At {Q}, what is the average
          velocity in the line (m/s)?""",
        """Check the line velocity: {Q} in {NPS}" schedule {sch} steel pipe. Answer in
          m/s.""",
    ),
)
def _(NPS: int, sch: str, Q: Val) -> float:
    from fluids import nearest_pipe

    Di = float(nearest_pipe(NPS=NPS, schedule=sch)[1])
    return Q.to("m**3/s") / (math.pi * Di**2 / 4)


# =======================================================================================
# pumps


def _draw_head(rng: random.Random) -> dict[str, Any]:
    unit, label, lo, hi = pick(
        rng,
        [
            (
                "bar",
                "barg",
                0.2,
                3,
            ),
            ("psi", "psig", 3, 40),
            ("kPa", "kPag", 20, 300),
        ],
    )
    Ps = Val(uni(rng, lo, hi), unit, label)
    Pd = Val(sig(Ps.value + rng.uniform(2, 12) * hi / 3), unit, label)
    return {
        "Ps": Ps,
        "Pd": Pd,
        **liquid_service(rng),
        "out": out(rng, [("m", "m"), ("foot", "ft")]),
    }


@kind(
    "pumps/head",
    "pumps",
    "m",
    ("pump_head",),
    "H = (Pd - Ps) / (rho g)",
    count=4,
    rel_tol=0.005,
    draw=_draw_head,
    wordings=(
        """A pump handling {liquid} (density {rho}) has suction and discharge gauges
          reading {Ps} and {Pd}, at the same elevation, with equal line sizes. What total
          head does it develop, in {out} of liquid?""",
        """During a field test the suction pressure is {Ps} and the discharge pressure
          {Pd}. The liquid is {liquid} with a density of {rho}; gauges are level and the
          nozzles are the same size. Compute the pump head in {out}.""",
        """What differential head (in {out}) corresponds to a pressure rise from {Ps} to
          {Pd} across a pump moving {liquid} of density {rho}? Neglect velocity and elevation
          differences.""",
        """Convert the pressure rise of a pump, {Ps} suction to {Pd} discharge, into head
          in {out} for {liquid} ({rho}).""",
    ),
)
def _(Ps: Val, Pd: Val, rho: Val, mu: Val, liquid: str, out: Out) -> float:
    return (Pd.to("Pa") - Ps.to("Pa")) / (rho.to("kg/m**3") * G)


def _draw_power(rng: random.Random) -> dict[str, Any]:
    return {
        "Q": val(rng, Q_LIQ),
        "H": val(rng, [("m", "m", 15, 150), ("foot", "ft", 50, 500)]),
        "rho": val(rng, DENS_LIQ),
        "eta": uni(rng, 0.55, 0.85, 2),
        "out": out(rng, [("kW", "kW"), ("hp", "hp")]),
    }


@kind(
    "pumps/brake_power",
    "pumps",
    "W",
    ("pump_power",),
    "P = rho g Q H / eta",
    count=4,
    rel_tol=0.005,
    draw=_draw_power,
    wordings=(
        """A centrifugal pump delivers {Q} of liquid (density {rho}) against a total head
          of {H}. Its efficiency is {eta}. What shaft power does it need, in {out}?""",
        """What brake power, in {out}, must the driver supply to a pump moving {Q} at a
          head of {H}? Liquid density {rho}, pump efficiency {eta}.""",
        """Size the driver: {Q} of product with a density of {rho}, total dynamic head
          {H}, pump efficiency {eta}. Shaft power in {out}?""",
        """Estimate the power absorbed by a pump with an efficiency of {eta} that raises
          {Q} of liquid ({rho}) through {H} of head. Give it in {out}.""",
    ),
)
def _(Q: Val, H: Val, rho: Val, eta: float, out: Out) -> float:
    return rho.to("kg/m**3") * G * Q.to("m**3/s") * H.to("m") / eta


def _draw_npsh(rng: random.Random) -> dict[str, Any]:
    return {
        "T": Val(float(round(rng.uniform(20, 90))), "degC", "°C"),
        "Patm": Val(uni(rng, 95, 101.3, 4), "kPa", "kPa"),
        "z": val(rng, [("m", "m", -3, 5), ("foot", "ft", -10, 16)]),
        "hf": Val(uni(rng, 0.2, 1.5, 2), "m", "m"),
    }


@kind(
    "pumps/npsha",
    "pumps",
    "m",
    ("npsh_available", "steam_saturation"),
    "NPSHa = (P_surface - P_v)/(rho g) + z - h_f with water density and vapour pressure "
    "from CoolProp (IAPWS-95)",
    count=4,
    rel_tol=0.02,
    draw=retry(_draw_npsh, lambda d: d["z"].value != 0),
    wordings=(
        """A pump draws water at {T} from an open tank; atmospheric pressure is {Patm}.
          The liquid surface is {z} above the pump suction centreline (negative means
          below), and suction-line friction is {hf}. Using IAPWS water properties, what is
          the NPSH available, in m?""",
        """Water at {T} is taken from a vented sump at {Patm} barometric pressure. Static
          height of the liquid level over the impeller eye: {z} (a negative value is a
          suction lift). Suction losses: {hf}. Compute NPSHa in metres.""",
        """What net positive suction head is available to a pump lifting {T} water out of
          an atmospheric tank ({Patm})? Level relative to pump centreline: {z}; friction
          loss in the suction line {hf}. Answer in m.""",
        """Check cavitation margin: water at {T}, open tank at {Patm}, liquid level {z}
          relative to the suction centreline, suction head loss {hf}. NPSH available
          (m)?""",
    ),
)
def _(T: Val, Patm: Val, z: Val, hf: Val) -> float:
    t = T.to("K")
    Pv = _coolprop("P", "T", t, "Q", 0, "Water")
    rho = _coolprop("D", "T", t, "P", Patm.to("Pa"), "Water")
    return (Patm.to("Pa") - Pv) / (rho * G) + z.to("m") - hf.to("m")


def _draw_affinity(rng: random.Random) -> dict[str, Any]:
    N1 = float(pick(rng, [1450, 1480, 2900, 2950, 1750, 3550, 980]))
    N2 = float(round(N1 * rng.uniform(0.7, 1.2) / 10) * 10)
    what = pick(rng, ["flow", "head", "power"])
    x1 = {
        "flow": val(rng, Q_LIQ),
        "head": Val(uni(rng, 20, 120), "m", "m"),
        "power": Val(uni(rng, 5, 250), "kW", "kW"),
    }[what]
    return {"N1": N1, "N2": N2, "what": what, "x1": x1}


@kind(
    "pumps/affinity",
    "pumps",
    None,
    ("pump_affinity",),
    "Pump affinity laws at constant impeller diameter: Q ~ N, H ~ N^2, P ~ N^3",
    count=4,
    rel_tol=0.005,
    draw=_draw_affinity,
    wordings=(
        """A centrifugal pump at {N1:.0f} rpm has a {what} of {x1}. A VFD changes the
          speed to {N2:.0f} rpm. By the affinity laws, what is the new {what}? Give it in
          the same unit.""",
        """At {N1:.0f} rpm the pump's {what} is {x1}. Estimate the {what} at {N2:.0f} rpm
          with the same impeller (affinity laws, same unit).""",
        """Using the pump affinity laws, scale a {what} of {x1} from {N1:.0f} rpm to
          {N2:.0f} rpm (same impeller and system curve point). Answer in the same unit.""",
    ),
)
def _(N1: float, N2: float, what: str, x1: Val) -> tuple[float, str]:
    power = {"flow": 1, "head": 2, "power": 3}[what]
    return x1.value * (N2 / N1) ** power, x1.unit


def _draw_ns(rng: random.Random) -> dict[str, Any]:
    return {
        "N": float(pick(rng, [1450, 2900, 1750, 3550, 980])),
        "Q": Val(uni(rng, 0.01, 0.5), "m**3/s", "m³/s"),
        "H": Val(uni(rng, 10, 150), "m", "m"),
    }


@kind(
    "pumps/specific_speed",
    "pumps",
    "rpm*m**0.75/s**0.5",
    ("pump_specific_speed",),
    "Ns = N Q^0.5 / H^0.75 (metric: rpm, m3/s, m) at the best-efficiency point",
    count=2,
    rel_tol=0.005,
    draw=_draw_ns,
    wordings=(
        """What is the specific speed Ns = N·Q^0.5/H^0.75 of a pump whose best-efficiency
          point is {Q} at {H} head, running at {N:.0f} rpm? Use rpm, m³/s and m.""",
        """A pump at {N:.0f} rpm has its BEP at {Q} and {H}. Compute its specific speed in
          metric units (N in rpm, Q in m³/s, H in m).""",
        """Find the metric specific speed (rpm·(m³/s)^0.5/m^0.75) of a single-stage pump:
          {N:.0f} rpm, {Q}, {H} at best efficiency.""",
    ),
)
def _(N: float, Q: Val, H: Val) -> float:
    return N * Q.value**0.5 / H.value**0.75


def _draw_motor(rng: random.Random) -> dict[str, Any]:
    return {"P": val(rng, [("kW", "kW", 3, 300), ("hp", "hp", 4, 400)])}


_MOTOR = retry(
    _draw_motor,
    lambda d: (
        min(
            abs(d["P"].to("hp") / s - 1)
            for s in (
                1,
                1.5,
                2,
                3,
                5,
                7.5,
                10,
                15,
                20,
                25,
                30,
                40,
                50,
                60,
                75,
                100,
                125,
                150,
                200,
                250,
                300,
                350,
                400,
                450,
                500,
            )
        )
        > 0.01
    ),
)


@kind(
    "pumps/motor",
    "pumps",
    "W",
    ("motor_size",),
    "Next standard NEMA MG-1 motor rating (fluids.motor.motor_round_size)",
    count=3,
    rel_tol=0.001,
    draw=with_inputs(_MOTOR, out=Out("hp", "hp")),
    wordings=(
        """A pump needs {P} of shaft power. What is the smallest standard NEMA motor rating
          that covers it, in hp?""",
        """Select the next standard (NEMA) electric motor size for a shaft power of {P}.
          Give the rating in hp.""",
        """The brake power of a compressor is {P}. Which standard NEMA motor size, in hp,
          is the first one at or above it?""",
    ),
)
def _(P: Val, out: Out) -> float:
    from fluids import motor_round_size

    return float(motor_round_size(P.to("W")))


def _draw_system(rng: random.Random) -> dict[str, Any]:
    return {
        "Q": Val(uni(rng, 20, 150), "m**3/hour", "m³/h"),
        "dz": Val(uni(rng, 5, 40), "m", "m"),
        "L": Val(uni(rng, 50, 600), "m", "m"),
        "D": Val(float(pick(rng, [102.3, 128.2, 154.1, 202.7])), "mm", "mm"),
        "eps": Val(0.046, "mm", "mm"),
        "K": sig(rng.uniform(3, 15), 2),
        "dP": Val(uni(rng, 0, 3, 2), "bar", "bar"),
        "eta": uni(rng, 0.6, 0.8, 2),
    }


@kind(
    "pumps/system_power",
    "pumps",
    "W",
    ("pipe_pressure_drop", "pump_head", "pump_power"),
    "System head = static + Darcy-Weisbach/Colebrook friction (fluids) + pressure "
    "difference; P = rho g Q H / eta",
    count=3,
    rel_tol=0.02,
    draw=with_inputs(_draw_system, out=Out("kW", "kW")),
    wordings=(
        """Water (density 998 kg/m³, viscosity 1.0 mPa·s) is pumped at {Q} from a tank to a
          vessel whose pressure is {dP} higher, {dz} above the tank level, through {L} of
          pipe, {D} ID, roughness {eps}, fittings K = {K}. Pump efficiency {eta}. What shaft
          power is required, in kW?""",
        """Find the pump shaft power (kW) for a water transfer: {Q}, static lift {dz},
          destination pressure {dP} above the source, line {L} long with {D} bore and
          ε = {eps}, minor losses K = {K}, efficiency {eta}. Water: 998 kg/m³,
          1.0 mPa·s.""",
        """A cooling-water pump must move {Q} (998 kg/m³, 1.0 mPa·s) up {dz} into a vessel
          at {dP} more than the suction vessel, through {L} of {D} ID steel pipe
          (roughness {eps}) with fittings totalling K = {K}. With a pump efficiency of
          {eta}, what power does the motor deliver to the shaft, in kW?""",
    ),
)
def _(Q: Val, dz: Val, L: Val, D: Val, eps: Val, K: float, dP: Val, eta: float, out: Out) -> float:
    rho, mu = 998.0, 1.0e-3
    q = Q.to("m**3/s")
    H = dz.to("m") + (dP.to("Pa") + _pipe_dp(q, D.to("m"), L.to("m"), eps.to("m"), rho, mu, K)) / (
        rho * G
    )
    return rho * G * q * H / eta


# =======================================================================================
# compressors and compressible flow (ideal gas, constant k)

_GASK = [
    ("air", 28.96, 1.4),
    ("nitrogen", 28.01, 1.4),
    ("natural gas", 18.2, 1.28),
    ("carbon dioxide", 44.01, 1.29),
    ("hydrogen", 2.016, 1.41),
    ("propane", 44.1, 1.13),
    ("methane", 16.04, 1.31),
]


def _draw_comp(rng: random.Random) -> dict[str, Any]:
    gas, MW, k = pick(rng, _GASK)
    P1 = val(rng, [("bar", "bar absolute", 1, 20), ("kPa", "kPa absolute", 100, 2000)])
    return {
        "gas": gas,
        "MW": MW,
        "k": k,
        "P1": P1,
        "P2": Val(sig(P1.value * rng.uniform(1.8, 4.5)), P1.unit, P1.label),
        "T1": val(rng, [("degC", "°C", 10, 50), ("K", "K", 285, 320)]),
        "eta": uni(rng, 0.7, 0.85, 2),
        "m": val(rng, [("kg/s", "kg/s", 0.5, 20), ("kg/hour", "kg/h", 2000, 60000)]),
    }


@kind(
    "compressors/discharge_temperature",
    "compressors",
    "K",
    ("compressor_power_isentropic",),
    "Ideal gas, constant k: T2 = T1 [1 + ((P2/P1)^((k-1)/k) - 1)/eta_s]",
    count=4,
    rel_tol=0.005,
    draw=_draw_comp,
    wordings=(
        """{gas} (k = {k}) is compressed from {P1} and {T1} to {P2} in a compressor with an
          isentropic efficiency of {eta}. What is the actual discharge temperature in °C?
          Treat the gas as ideal with constant k.""",
        """What discharge temperature (°C) do you expect from a single-stage compressor
          taking {gas} at {T1}, {P1} up to {P2}? k = {k}, isentropic efficiency {eta},
          ideal gas.""",
        """Estimate the outlet temperature, in K, of an adiabatic compressor: ideal gas
          with k = {k} ({gas}), suction {P1} / {T1}, discharge {P2}, η_s = {eta}.""",
        """A compressor raises {gas} from {P1} to {P2}. Inlet temperature {T1}, ratio of
          specific heats {k}, isentropic efficiency {eta}. Find the discharge temperature
          in °C (ideal gas).""",
    ),
)
def _(gas: str, MW: float, k: float, P1: Val, P2: Val, T1: Val, eta: float, m: Val) -> float:
    r = P2.to("Pa") / P1.to("Pa")
    return T1.to("K") * (1 + (r ** ((k - 1) / k) - 1) / eta)


@kind(
    "compressors/isentropic_power",
    "compressors",
    "W",
    ("compressor_power_isentropic",),
    "Ideal gas, constant k: W = m cp T1 ((P2/P1)^((k-1)/k) - 1) / eta_s, cp = k R/((k-1) M)",
    count=4,
    rel_tol=0.005,
    draw=with_inputs(_draw_comp, out=Out("kW", "kW")),
    wordings=(
        """A compressor handles {m} of {gas} (molar mass {MW} g/mol, k = {k}) from {P1}
          and {T1} to {P2}. The isentropic efficiency is {eta}. Assuming an ideal gas, what
          gas power does it need, in kW?""",
        """What power, in kW, must be delivered to the gas to compress {m} of {gas}
          (M = {MW} g/mol, k = {k}) from {P1}, {T1} to {P2} with η_s = {eta}? Ideal gas,
          Z = 1.""",
        """Estimate the compression power (kW) for {gas}: flow {m}, suction {P1} at {T1},
          discharge {P2}, k = {k}, molar mass {MW} g/mol, isentropic efficiency {eta}.""",
        """Size the driver of a {gas} compressor: {m}, {P1} → {P2}, inlet {T1}, k = {k},
          M = {MW} g/mol, isentropic efficiency {eta}, ideal gas. Power in kW?""",
    ),
)
def _(
    gas: str, MW: float, k: float, P1: Val, P2: Val, T1: Val, eta: float, m: Val, out: Out
) -> float:
    cp = k / (k - 1) * R_GAS / (MW / 1e3)
    r = P2.to("Pa") / P1.to("Pa")
    return m.to("kg/s") * cp * T1.to("K") * (r ** ((k - 1) / k) - 1) / eta


def _draw_poly(rng: random.Random) -> dict[str, Any]:
    inputs = _draw_comp(rng)
    inputs["eta"] = uni(rng, 0.72, 0.86, 2)
    inputs["Z"] = uni(rng, 0.92, 1.0, 2)
    return inputs


@kind(
    "compressors/polytropic",
    "compressors",
    "W",
    ("compressor_power_polytropic",),
    "Polytropic compression: (n-1)/n = (k-1)/(k eta_p); W = m Z R T1/M n/(n-1) "
    "((P2/P1)^((n-1)/n) - 1) / eta_p",
    count=4,
    rel_tol=0.005,
    draw=with_inputs(_draw_poly, out=Out("kW", "kW")),
    wordings=(
        """A centrifugal compressor with a polytropic efficiency of {eta} compresses {m} of
          {gas} (M = {MW} g/mol, k = {k}, average Z = {Z}) from {P1}, {T1} to {P2}. What is
          the gas power in kW?""",
        """Using the polytropic method (η_p = {eta}), find the power in kW to compress {m}
          of {gas} from {P1} and {T1} to {P2}. Molar mass {MW} g/mol, k = {k}, Z =
          {Z}.""",
        """What gas power (kW) does a compressor need for {m} of {gas}, {P1} to {P2},
          suction {T1}? Polytropic efficiency {eta}, k = {k}, Z = {Z}, M = {MW} g/mol.""",
    ),
)
def _(
    gas: str, MW: float, k: float, P1: Val, P2: Val, T1: Val, eta: float, m: Val, Z: float, out: Out
) -> float:
    n_ratio = (k - 1) / (k * eta)  # (n-1)/n
    r = P2.to("Pa") / P1.to("Pa")
    head = Z * R_GAS * T1.to("K") / (MW / 1e3) / n_ratio * (r**n_ratio - 1)
    return m.to("kg/s") * head / eta


def _draw_choked(rng: random.Random) -> dict[str, Any]:
    gas, _MW, k = pick(rng, _GASK)
    return {
        "gas": gas,
        "k": k,
        "P0": val(rng, [("bar", "bar absolute", 2, 60), ("psi", "psia", 30, 900)]),
        "out": out(rng, [("bar", "bar absolute"), ("kPa", "kPa absolute"), ("psi", "psia")]),
    }


@kind(
    "compressors/critical_pressure",
    "compressors",
    "Pa",
    ("choked_flow",),
    "Critical (sonic) pressure ratio P*/P0 = (2/(k+1))^(k/(k-1)) for an ideal gas",
    count=3,
    rel_tol=0.003,
    draw=_draw_choked,
    wordings=(
        """{gas} (k = {k}) discharges from a vessel at {P0} through a small orifice. Below
          what downstream pressure, in {out}, is the flow choked?""",
        """What is the critical (sonic) pressure, in {out}, for an ideal gas with k = {k}
          ({gas}) expanding from a stagnation pressure of {P0}?""",
        """A relief line carries {gas} (k = {k}) from {P0}. Compute the critical flow
          pressure P* in {out} (isentropic ideal gas).""",
    ),
)
def _(gas: str, k: float, P0: Val, out: Out) -> float:
    return P0.to("Pa") * (2 / (k + 1)) ** (k / (k - 1))


def _draw_stag(rng: random.Random) -> dict[str, Any]:
    gas, MW, k = pick(rng, _GASK[:4])
    return {
        "gas": gas,
        "MW": MW,
        "k": k,
        "T": val(rng, t_c(0, 300)),
        "V": Val(uni(rng, 80, 300), "m/s", "m/s"),
    }


@kind(
    "compressors/stagnation",
    "compressors",
    "K",
    ("stagnation_properties",),
    "T0 = T + V^2/(2 cp), cp = k R / ((k-1) M)",
    count=3,
    rel_tol=0.003,
    draw=_draw_stag,
    wordings=(
        """{gas} (M = {MW} g/mol, k = {k}) flows at {V} with a static temperature of {T}.
          What is its stagnation (total) temperature in K?""",
        """A thermometer in a {V} stream of {gas} would read the total temperature. If
          the static temperature is {T}, k = {k} and M = {MW} g/mol, what is that total
          temperature, in °C?""",
        """Compute the stagnation temperature (K) of {gas} moving at {V}, static
          temperature {T}; ideal gas, k = {k}, molar mass {MW} g/mol.""",
    ),
)
def _(gas: str, MW: float, k: float, T: Val, V: Val) -> float:
    cp = k / (k - 1) * R_GAS / (MW / 1e3)
    return T.to("K") + V.to("m/s") ** 2 / (2 * cp)


def _draw_weymouth(rng: random.Random) -> dict[str, Any]:
    P1 = uni(rng, 30, 80)
    return {
        "SG": uni(rng, 0.58, 0.7, 2),
        "T": Val(uni(rng, 5, 30), "degC", "°C"),
        "L": Val(uni(rng, 10, 150), "km", "km"),
        "D": Val(uni(rng, 150, 600), "mm", "mm"),
        "P1": Val(P1, "bar", "bar absolute"),
        "P2": Val(sig(P1 * rng.uniform(0.5, 0.9)), "bar", "bar absolute"),
        "E": uni(rng, 0.85, 0.95, 2),
    }


@kind(
    "compressors/weymouth",
    "compressors",
    "m**3/s",
    ("gas_pipeline_flow",),
    "Weymouth gas pipeline equation (fluids.compressible.Weymouth), standard conditions "
    "15.55 °C and 101.325 kPa",
    count=3,
    rel_tol=0.01,
    draw=with_inputs(_draw_weymouth, out=Out("m**3/hour", "m³/h")),
    wordings=(
        """Natural gas (specific gravity {SG}) flows through {L} of pipeline with an
          inside diameter of {D} at an average temperature of {T}. Inlet {P1}, outlet {P2},
          pipeline efficiency {E}, Z = 1. By the Weymouth equation, what is the flow at
          standard conditions (288.7 K, 101.325 kPa), in m³/h?""",
        """Using Weymouth, estimate the standard volumetric flow (m³/h at 288.7 K and
          101.325 kPa) through a {D} ID, {L} gas line: SG {SG}, {T} average, {P1} in, {P2}
          out, efficiency factor {E}, compressibility 1.""",
        """What capacity, in standard m³/h (288.7 K, 1 atm), does the Weymouth equation
          give for a gas pipeline {L} long, {D} bore, from {P1} to {P2}? Gas SG {SG},
          flowing temperature {T}, E = {E}, Z = 1.""",
    ),
)
def _(SG: float, T: Val, L: Val, D: Val, P1: Val, P2: Val, E: float, out: Out) -> float:
    from fluids import Weymouth

    return float(
        Weymouth(
            SG=SG,
            Tavg=T.to("K"),
            L=L.to("m"),
            D=D.to("m"),
            P1=P1.to("Pa"),
            P2=P2.to("Pa"),
            Ts=288.7,
            Ps=P_ATM,
            Zavg=1.0,
            E=E,
        )
    )


def _draw_weymouth_outlet(rng: random.Random) -> dict[str, Any]:
    from fluids import Weymouth

    d = _draw_weymouth(rng)
    Q = Weymouth(
        SG=d["SG"],
        Tavg=d["T"].to("K"),
        L=d["L"].to("m"),
        D=d["D"].to("m"),
        P1=d["P1"].to("Pa"),
        P2=d["P2"].to("Pa"),
        Ts=288.7,
        Ps=P_ATM,
        E=d["E"],
    )
    d["Q"] = Val(sig(Q * 3600 * 24 / 1e6), "m**3/day", "million standard m³/d", 1e6)
    del d["P2"]
    return d


@kind(
    "compressors/weymouth_outlet",
    "compressors",
    "Pa",
    ("gas_pipeline_outlet_pressure",),
    "Weymouth gas pipeline equation solved for the outlet pressure "
    "(fluids.compressible.Weymouth with P2 unknown), standard conditions 288.7 K and "
    "101.325 kPa",
    count=3,
    rel_tol=0.01,
    draw=with_inputs(_draw_weymouth_outlet, out=Out("bar", "bar")),
    wordings=(
        """A gas pipeline {L} long with a {D} inside diameter and an efficiency of {E}
          must carry {Q} (standard conditions 288.7 K, 101.325 kPa) of gas with specific
          gravity {SG}. The inlet pressure is {P1} and the average temperature {T}; take
          Z = 1. By Weymouth, what is the outlet pressure in bar absolute?""",
        """What delivery pressure (bar absolute) remains at the end of a {L}, {D} ID gas
          line fed at {P1}, when it transports {Q} (288.7 K, 1 atm) of gas of SG {SG} at
          {T}? Use the Weymouth equation with E = {E} and Z = 1.""",
        """Weymouth outlet pressure: flow {Q} at standard conditions (288.7 K,
          101.325 kPa), SG {SG}, line length {L}, bore {D}, inlet {P1}, mean temperature
          {T}, efficiency {E}, Z = 1. Answer in bar absolute.""",
    ),
)
def _(SG: float, T: Val, L: Val, D: Val, P1: Val, E: float, Q: Val, out: Out) -> float:
    from fluids import Weymouth

    return float(
        Weymouth(
            SG=SG,
            Tavg=T.to("K"),
            L=L.to("m"),
            D=D.to("m"),
            P1=P1.to("Pa"),
            Q=Q.to("m**3/s"),
            Ts=288.7,
            Ps=P_ATM,
            Zavg=1.0,
            E=E,
        )
    )


# =======================================================================================
# flow measurement  (ISO 5167 through fluids.flow_meter)

_ISO = "ISO 5167-1..4:2003 (fluids.flow_meter.differential_pressure_meter_solver)"
_LIQ_METER = [
    ("water", 998.0, 1.0),
    ("a light oil", 850.0, 3.0),
    ("condensate", 720.0, 0.5),
    ("a brine", 1150.0, 1.4),
    ("methanol", 790.0, 0.55),
]
_TAPS = {"flange": "flange", "corner": "corner", "D": "D and D/2"}


def _draw_orifice(rng: random.Random) -> dict[str, Any]:
    liquid, rho, mu = pick(rng, _LIQ_METER)
    D = float(pick(rng, [52.5, 77.9, 102.3, 154.1, 202.7]))
    beta = uni(rng, 0.35, 0.7, 2)
    return {
        "liquid": liquid,
        "rho": Val(rho, "kg/m**3", "kg/m³"),
        "mu": Val(mu, "mPa*s", "mPa·s"),
        "D": Val(D, "mm", "mm"),
        "d": Val(sig(D * beta), "mm", "mm"),
        "taps": (taps := pick(rng, list(_TAPS))),
        "tap_text": _TAPS[taps],
        "dP": val(rng, [("kPa", "kPa", 5, 80), ("mbar", "mbar", 50, 800)]),
        "P1": Val(uni(rng, 2, 15), "bar", "bar absolute"),
        "out": out(rng, [("kg/s", "kg/s"), ("m**3/hour", "m³/h"), ("kg/hour", "kg/h")]),
    }


def _meter(
    d: dict[str, Any], meter: str, m: float | None = None, bore: bool = False, dp: bool = False
) -> float:
    from fluids import differential_pressure_meter_solver

    P1 = d["P1"].to("Pa")
    kwargs: dict[str, Any] = dict(
        D=d["D"].to("m"),
        rho=d["rho"].to("kg/m**3"),
        mu=d["mu"].to("Pa*s"),
        k=1.3,
        P1=P1,
        meter_type=meter,
        epsilon_specified=1.0,
    )
    if meter == "ISO 5167 orifice":
        kwargs["taps"] = d["taps"]
    if not bore:
        kwargs["D2"] = d["d"].to("m")
    if m is not None:
        kwargs["m"] = m
    if not dp:
        kwargs["P2"] = P1 - d["dP"].to("Pa")
    return float(differential_pressure_meter_solver(**kwargs))


def _mass_or_volume(m: float, rho: Val, out: Out) -> float:
    if out.unit == "m**3/hour":
        return m / rho.to("kg/m**3")
    return m


@kind(
    "flow_measurement/orifice_flow",
    "flow_measurement",
    None,
    ("flow_meter_flow",),
    _ISO + "; Reader-Harris/Gallagher discharge coefficient",
    count=5,
    rel_tol=0.01,
    draw=_draw_orifice,
    wordings=(
        """An ISO 5167 sharp-edged orifice plate with {tap_text} taps and a {d} bore sits in a
          {D} ID line carrying {liquid} (density {rho}, viscosity {mu}). The transmitter
          reads {dP} at {P1} upstream. What is the flow, in {out}?""",
        """Calculate the flow rate of {liquid} ({rho}, {mu}) through a square-edged orifice
          ({d} bore, {tap_text} tappings) in a {D} pipe; differential pressure {dP}, upstream
          pressure {P1}. Give it in {out} (ISO 5167-2).""",
        """A flow orifice of {d} in a {D} bore pipe, {tap_text} taps, measures {dP} on
          {liquid} with density {rho} and viscosity {mu}, line pressure {P1}. What flow (in
          {out}) does ISO 5167 give?""",
        """What does the orifice meter read? {liquid}, ρ = {rho}, μ = {mu}; pipe ID {D},
          orifice bore {d}, {tap_text} pressure taps, ΔP = {dP}, P1 = {P1}. Answer in {out} by
          ISO 5167-2.""",
    ),
)
def _(out: Out, **d: Any) -> tuple[float, str]:
    m = _meter(d, "ISO 5167 orifice")
    if out.unit == "m**3/hour":
        return m / d["rho"].to("kg/m**3") * 3600, out.unit
    return Val(m, "kg/s", "").to(out.unit), out.unit


@kind(
    "flow_measurement/venturi_flow",
    "flow_measurement",
    None,
    ("flow_meter_flow",),
    _ISO + "; machined convergent venturi tube, C = 0.995",
    count=3,
    rel_tol=0.01,
    draw=_draw_orifice,
    wordings=(
        """A machined convergent venturi tube (ISO 5167-4) with a {d} throat is installed
          in a {D} line carrying {liquid} (density {rho}, viscosity {mu}). The measured
          differential is {dP} at {P1} upstream. What is the flow in {out}?""",
        """What flow of {liquid} ({rho}, {mu}) passes a machined venturi ({D} inlet, {d}
          throat) that shows {dP} of differential pressure at {P1}? Give it in {out}
          (ISO 5167-4).""",
        """Compute the flow, in {out}, through an ISO 5167-4 machined convergent venturi:
          pipe {D}, throat {d}, ΔP = {dP}, upstream {P1}; fluid {liquid} with density {rho}
          and viscosity {mu}.""",
    ),
)
def _(out: Out, **d: Any) -> tuple[float, str]:
    m = _meter(d, "machined convergent venturi tube")
    if out.unit == "m**3/hour":
        return m / d["rho"].to("kg/m**3") * 3600, out.unit
    return Val(m, "kg/s", "").to(out.unit), out.unit


def _draw_orifice_dp(rng: random.Random) -> dict[str, Any]:
    d = _draw_orifice(rng)
    m = _meter(d, "ISO 5167 orifice")
    d["m"] = Val(sig(m * 3600), "kg/hour", "kg/h")
    d["out"] = out(rng, [("kPa", "kPa"), ("mbar", "mbar")])
    del d["dP"]
    return d


@kind(
    "flow_measurement/orifice_dp",
    "flow_measurement",
    "Pa",
    ("flow_meter_dp",),
    _ISO + "; Reader-Harris/Gallagher discharge coefficient",
    count=4,
    rel_tol=0.01,
    draw=_draw_orifice_dp,
    wordings=(
        """What differential pressure, in {out}, will an ISO 5167 orifice ({d} bore,
          {tap_text} taps) in a {D} pipe show when {m} of {liquid} (density {rho}, viscosity
          {mu}) flows at {P1}?""",
        """Range the DP transmitter: an orifice plate with a {d} bore and {tap_text} tappings
          in a {D} ID line passes {m} of {liquid} ({rho}, {mu}), upstream {P1}. Expected
          differential in {out}?""",
        """Predict the orifice differential ({out}) for {m} of {liquid}: pipe {D}, bore
          {d}, {tap_text} taps, ρ = {rho}, μ = {mu}, P1 = {P1}, ISO 5167-2.""",
    ),
)
def _(m: Val, **d: Any) -> float:
    d.pop("out")
    return d["P1"].to("Pa") - _meter(d, "ISO 5167 orifice", m=m.to("kg/s"), dp=True)


def _draw_bore(rng: random.Random) -> dict[str, Any]:
    d = _draw_orifice(rng)
    m = _meter(d, "ISO 5167 orifice")
    d["m"] = Val(sig(m * 3600), "kg/hour", "kg/h")
    d["dP"] = Val(float(round(d["dP"].to("kPa"))), "kPa", "kPa")
    d["out"] = Out("mm", "mm")
    return d


@kind(
    "flow_measurement/orifice_bore",
    "flow_measurement",
    "m",
    ("flow_meter_bore",),
    _ISO + "; bore solved from the Reader-Harris/Gallagher equation",
    count=3,
    rel_tol=0.01,
    draw=_draw_bore,
    wordings=(
        """Size an orifice plate: {m} of {liquid} (density {rho}, viscosity {mu}) at {P1}
          in a {D} ID pipe should give {dP} of differential pressure with {tap_text} taps. What
          bore diameter is needed, in mm?""",
        """What bore (mm) must an ISO 5167 orifice with {tap_text} taps have in a {D} line so
          that a flow of {m} of {liquid} ({rho}, {mu}, {P1}) produces {dP}?""",
        """Calculate the orifice bore in mm for a design flow of {m}, design differential
          {dP}, pipe {D}, {tap_text} taps, fluid {liquid} with ρ = {rho} and μ = {mu}, upstream
          {P1}.""",
    ),
)
def _(m: Val, out: Out, d: Val, **rest: Any) -> float:
    return _meter({**rest}, "ISO 5167 orifice", m=m.to("kg/s"), bore=True)


def _draw_gas_orifice(rng: random.Random) -> dict[str, Any]:
    D = float(pick(rng, [102.3, 154.1, 202.7, 254.5]))
    P1 = uni(rng, 10, 60)
    T = uni(rng, 280, 320)
    MW, k = pick(rng, [(17.5, 1.3), (19.0, 1.28), (28.96, 1.4)])
    return {
        "D": Val(D, "mm", "mm"),
        "d": Val(sig(D * rng.uniform(0.35, 0.65)), "mm", "mm"),
        "P1": Val(P1, "bar", "bar absolute"),
        "dP": Val(uni(rng, 10, 60), "kPa", "kPa"),
        "T": Val(T, "K", "K"),
        "MW": MW,
        "k": k,
        "mu": Val(uni(rng, 10, 18), "micropascal*second", "µPa·s"),
        "taps": (taps := pick(rng, list(_TAPS))),
        "tap_text": _TAPS[taps],
    }


@kind(
    "flow_measurement/gas_orifice",
    "flow_measurement",
    "kg/s",
    ("flow_meter_flow",),
    _ISO + " with the ISO 5167-2 expansibility factor; ideal-gas upstream density",
    count=3,
    rel_tol=0.01,
    draw=_draw_gas_orifice,
    wordings=(
        """A gas (molar mass {MW} g/mol, k = {k}, viscosity {mu}) flows through an ISO 5167
          orifice with a {d} bore and {tap_text} taps in a {D} line. Upstream conditions are {P1}
          and {T} (ideal gas); the differential pressure is {dP}. What is the mass flow, in
          kg/s? Include the expansibility factor.""",
        """Compute the mass flow (kg/s) through an orifice meter on a gas line: pipe {D},
          bore {d}, {tap_text} taps, ΔP = {dP}, P1 = {P1}, T1 = {T}, M = {MW} g/mol, k = {k},
          μ = {mu}. Take the density from the ideal-gas law and use the ISO 5167-2
          expansibility.""",
        """What gas flow (kg/s) does an orifice plate read when it shows {dP}? Bore {d},
          line ID {D}, {tap_text} tappings, upstream {P1} and {T}, gas M = {MW} g/mol, k = {k},
          viscosity {mu}; ideal gas, ISO 5167-2 with expansibility.""",
    ),
)
def _(
    D: Val, d: Val, P1: Val, dP: Val, T: Val, MW: float, k: float, mu: Val, taps: str, tap_text: str
) -> float:
    from fluids import differential_pressure_meter_solver

    p1 = P1.to("Pa")
    rho = p1 * MW / 1e3 / (R_GAS * T.to("K"))
    return float(
        differential_pressure_meter_solver(
            D=D.to("m"),
            D2=d.to("m"),
            rho=rho,
            mu=mu.to("Pa*s"),
            k=k,
            P1=p1,
            P2=p1 - dP.to("Pa"),
            meter_type="ISO 5167 orifice",
            taps=taps,
        )
    )


# =======================================================================================
# control valves  (IEC 60534-2-1 through fluids.control_valve)

_IEC = "IEC 60534-2-1:2011 (fluids.control_valve.size_control_valve_l/_g)"


def _draw_valve_l(rng: random.Random) -> dict[str, Any]:
    T = float(round(rng.uniform(15, 120)))
    P1 = uni(rng, 4, 25)
    rho = _coolprop("D", "T", T + 273.15, "P", P1 * 1e5, "Water")
    return {
        "Q": val(rng, [("m**3/hour", "m³/h", 10, 300), ("gallon/minute", "US gpm", 45, 1300)]),
        "T": Val(T, "degC", "°C"),
        "rho": Val(sig(rho, 4), "kg/m**3", "kg/m³"),
        "Pv": Val(sig(_coolprop("P", "T", T + 273.15, "Q", 0, "Water") / 1e3), "kPa", "kPa"),
        "mu": Val(
            sig(_coolprop("V", "T", T + 273.15, "P", P1 * 1e5, "Water") * 1e3), "mPa*s", "mPa·s"
        ),
        "P1": Val(P1, "bar", "bar absolute"),
        "P2": Val(sig(P1 * rng.uniform(0.3, 0.85)), "bar", "bar absolute"),
        "FL": pick(rng, [0.9, 0.85, 0.8]),
        "Fd": pick(rng, [0.46, 0.42, 1.0]),
        "out": out(rng, [("Kv", "Kv"), ("Cv", "Cv")]),
    }


@kind(
    "control_valves/liquid",
    "control_valves",
    None,
    ("control_valve_liquid",),
    _IEC + "; choked and viscous corrections included; Cv = Kv/0.865 (fluids.Kv_to_Cv)",
    count=5,
    rel_tol=0.01,
    draw=_draw_valve_l,
    wordings=(
        """Size a control valve for {Q} of water at {T} (density {rho}, vapour pressure
          {Pv}, critical pressure 22.064 MPa, viscosity {mu}). Inlet {P1}, outlet {P2}.
          Valve FL = {FL}, Fd = {Fd}, line-size valve (no reducers). What {out} is required
          per IEC 60534?""",
        """What flow coefficient ({out}) does IEC 60534-2-1 require for a valve passing
          {Q} of water from {P1} to {P2}? Water at {T}: ρ = {rho}, p_v = {Pv}, p_c = 22.064
          MPa, μ = {mu}. Valve style modifier Fd = {Fd}, liquid recovery factor FL = {FL},
          Fp = 1. Check for choked flow.""",
        """A level control valve lets {Q} of {T} water (density {rho}, vapour pressure
          {Pv}, viscosity {mu}; critical pressure 22.064 MPa) down from {P1} to {P2}. With
          FL = {FL} and Fd = {Fd} and no fittings, find the required {out} (IEC 60534).""",
        """IEC 60534 liquid sizing: water at {T}, {Q}; P1 = {P1}, P2 = {P2}; ρ = {rho},
          Pv = {Pv}, Pc = 22.064 MPa, μ = {mu}; FL = {FL}, Fd = {Fd}, valve size equals
          pipe size. Required {out}?""",
    ),
)
def _(
    Q: Val, T: Val, rho: Val, Pv: Val, mu: Val, P1: Val, P2: Val, FL: float, Fd: float, out: Out
) -> tuple[float, str]:
    from fluids import Kv_to_Cv, size_control_valve_l

    Kv = float(
        size_control_valve_l(
            rho=rho.to("kg/m**3"),
            Psat=Pv.to("Pa"),
            Pc=22.064e6,
            mu=mu.to("Pa*s"),
            P1=P1.to("Pa"),
            P2=P2.to("Pa"),
            Q=Q.to("m**3/s"),
            FL=FL,
            Fd=Fd,
        )
    )
    if out.unit == "Cv":
        return float(Kv_to_Cv(Kv)), "gallon/(minute*psi**0.5)"
    return Kv, "m**3/(hour*bar**0.5)"


def _draw_valve_g(rng: random.Random) -> dict[str, Any]:
    gas, MW, k = pick(
        rng,
        [
            ("natural gas", 18.0, 1.3),
            ("nitrogen", 28.01, 1.4),
            ("air", 28.96, 1.4),
            ("carbon dioxide", 44.01, 1.29),
        ],
    )
    P1 = uni(rng, 5, 40)
    return {
        "gas": gas,
        "MW": MW,
        "k": k,
        "Qn": Val(uni(rng, 500, 20000), "m**3/hour", "Nm³/h"),
        "T": Val(uni(rng, 280, 340), "K", "K"),
        "Z": uni(rng, 0.9, 1.0, 2),
        "mu": Val(uni(rng, 11, 19), "micropascal*second", "µPa·s"),
        "P1": Val(P1, "bar", "bar absolute"),
        "P2": Val(sig(P1 * rng.uniform(0.4, 0.9)), "bar", "bar absolute"),
        "xT": pick(rng, [0.7, 0.72, 0.6]),
        "FL": 0.9,
        "Fd": pick(rng, [1.0, 0.46]),
    }


@kind(
    "control_valves/gas",
    "control_valves",
    "m**3/(hour*bar**0.5)",
    ("control_valve_gas",),
    _IEC + "; flow given at 0 °C and 1 atm",
    count=4,
    rel_tol=0.01,
    draw=_draw_valve_g,
    wordings=(
        """A control valve must pass {Qn} (0 °C, 1 atm) of {gas}: molar mass {MW} g/mol,
          k = {k}, Z = {Z}, viscosity {mu}, inlet temperature {T}. Inlet {P1}, outlet {P2}.
          Valve factors xT = {xT}, FL = {FL}, Fd = {Fd}; no reducers. What Kv does IEC
          60534 require?""",
        """Find the Kv of a gas control valve (IEC 60534-2-1): {gas}, {Qn} at normal
          conditions (0 °C, 101.325 kPa), M = {MW} g/mol, γ = {k}, Z = {Z}, μ = {mu},
          T1 = {T}, P1 = {P1}, P2 = {P2}, xT = {xT}, FL = {FL}, Fd = {Fd}, Fp = 1.""",
        """What Kv is needed to let down {Qn} (0 °C, 1 atm) of {gas} from {P1} to {P2} at
          {T}? Gas data: molar mass {MW} g/mol, k = {k}, compressibility {Z}, viscosity
          {mu}. Valve: xT = {xT}, FL = {FL}, Fd = {Fd}, line-size. Check for choked
          flow.""",
    ),
)
def _(
    gas: str,
    MW: float,
    k: float,
    Qn: Val,
    T: Val,
    Z: float,
    mu: Val,
    P1: Val,
    P2: Val,
    xT: float,
    FL: float,
    Fd: float,
) -> float:
    from fluids import size_control_valve_g

    return float(
        size_control_valve_g(
            T=T.to("K"),
            MW=MW,
            mu=mu.to("Pa*s"),
            gamma=k,
            Z=Z,
            P1=P1.to("Pa"),
            P2=P2.to("Pa"),
            Q=Qn.to("m**3/s"),
            FL=FL,
            Fd=Fd,
            xT=xT,
        )
    )


def _draw_kv(rng: random.Random) -> dict[str, Any]:
    if rng.random() < 0.5:
        return {
            "x": Val(uni(rng, 1, 600), "Kv", "m³/h at 1 bar"),
            "frm": "Kv",
            "to": "Cv",
            "out": Out("gallon/(minute*psi**0.5)", "US gpm at 1 psi"),
        }
    return {
        "x": Val(uni(rng, 1, 700), "Cv", "US gpm at 1 psi"),
        "frm": "Cv",
        "to": "Kv",
        "out": Out("m**3/(hour*bar**0.5)", "m³/h at 1 bar"),
    }


@kind(
    "control_valves/kv_cv",
    "control_valves",
    None,
    ("flow_coefficient_convert",),
    "Kv = 0.865 Cv (fluids.control_valve.Kv_to_Cv / Cv_to_Kv)",
    count=3,
    rel_tol=0.003,
    draw=_draw_kv,
    wordings=(
        """A valve data sheet gives {frm} = {x}. What is the equivalent {to} ({out})?""",
        """Convert a valve flow coefficient of {frm} {x} to {to}, in {out}.""",
        """The vendor quotes the rated capacity as {frm} {x}. Our sizing sheet uses {to};
          what value should be entered ({out})?""",
    ),
)
def _(x: Val, frm: str, to: str, out: Out) -> tuple[float, str]:
    from fluids import Cv_to_Kv, Kv_to_Cv

    if frm == "Kv":
        return float(Kv_to_Cv(x.value)), out.unit
    return float(Cv_to_Kv(x.value)), out.unit


def _draw_basic(rng: random.Random) -> dict[str, Any]:
    liquid, sg_lo, sg_hi = pick(
        rng,
        [
            ("a light hydrocarbon", 0.6, 0.7),
            ("water", 1.0, 1.0),
            ("an amine solution", 1.0, 1.05),
            ("a solvent", 0.8, 0.9),
        ],
    )
    return {
        "Q": val(rng, [("m**3/hour", "m³/h", 5, 200)]),
        "SG": uni(rng, sg_lo, sg_hi, 2),
        "dP": val(rng, [("bar", "bar", 0.3, 5), ("kPa", "kPa", 30, 500)]),
        "liquid": liquid,
    }


@kind(
    "control_valves/basic_kv",
    "control_valves",
    "m**3/(hour*bar**0.5)",
    ("control_valve_liquid",),
    "Turbulent non-choked liquid sizing Kv = Q sqrt(SG / dP) "
    "(IEC 60534-2-1 eq. 1 with N1 = 1, Fp = 1)",
    count=3,
    rel_tol=0.005,
    draw=_draw_basic,
    wordings=(
        """For turbulent, non-choked flow, what Kv does a valve need to pass {Q} of
          {liquid} (specific gravity {SG}) with a pressure drop of {dP}?""",
        """A quick valve check: {Q} of {liquid}, SG = {SG}, ΔP across the valve = {dP}.
          Using Kv = Q·sqrt(SG/ΔP) (no choking, no fittings), what is the required Kv?""",
        """Compute the liquid flow coefficient Kv (m³/h at 1 bar) for {Q} of {liquid}
          with a relative density of {SG} and a valve pressure drop of {dP}, assuming fully
          turbulent, non-flashing flow.""",
    ),
)
def _(Q: Val, SG: float, dP: Val, liquid: str) -> float:
    return Q.to("m**3/hour") * math.sqrt(SG / dP.to("bar"))


def _draw_installed(rng: random.Random) -> dict[str, Any]:
    return {
        "Kv": uni(rng, 5, 400),
        "SG": uni(rng, 0.7, 1.2, 2),
        "dP": val(rng, [("bar", "bar", 0.3, 5), ("psi", "psi", 5, 70)]),
        "out": out(rng, [("m**3/hour", "m³/h"), ("gallon/minute", "US gpm")]),
    }


@kind(
    "control_valves/installed_flow",
    "control_valves",
    "m**3/hour",
    (),
    "Turbulent non-choked liquid flow Q = Kv sqrt(dP / SG) (IEC 60534-2-1 eq. 1)",
    count=3,
    rel_tol=0.005,
    draw=_draw_installed,
    wordings=(
        """A fully open valve has Kv = {Kv}. What flow of a liquid with specific gravity
          {SG} will it pass at a pressure drop of {dP}, in {out}? Assume turbulent,
          non-choked flow.""",
        """How much liquid (SG {SG}) goes through a valve of Kv {Kv} when the differential
          is {dP}? Non-flashing turbulent flow; give the flow in {out}.""",
        """Estimate the capacity, in {out}, of a control valve with Kv = {Kv} handling a
          liquid of relative density {SG} at ΔP = {dP} (no choking).""",
    ),
)
def _(Kv: float, SG: float, dP: Val, out: Out) -> float:
    return Kv * math.sqrt(dP.to("bar") / SG)


# =======================================================================================
# relief devices  (API 520 Part I / API 526 through fluids.safety_valve)

_API = "API 520 Part I 10th ed. (fluids.safety_valve.API520_A_g/_A_l/_A_steam)"


def _draw_relief_gas(rng: random.Random) -> dict[str, Any]:
    gas, MW, k = pick(
        rng,
        [
            ("propane", 44.1, 1.13),
            ("natural gas", 18.5, 1.27),
            ("hydrogen", 2.016, 1.41),
            ("nitrogen", 28.01, 1.4),
            ("ethylene", 28.05, 1.24),
            ("a hydrocarbon vapour", 58.0, 1.1),
        ],
    )
    return {
        "gas": gas,
        "MW": MW,
        "k": k,
        "m": val(rng, [("kg/hour", "kg/h", 1000, 60000), ("lb/hour", "lb/h", 2000, 130000)]),
        "T": val(rng, [("degC", "°C", 30, 250), ("K", "K", 300, 520)]),
        "Z": uni(rng, 0.85, 1.0, 2),
        "Pset": val(rng, [("bar", "barg", 3, 40), ("psi", "psig", 50, 600)]),
        "over": pick(rng, [10, 16, 21]),
        "Patm": Val(1.01325, "bar", "bar"),
        "out": out(rng, [("mm**2", "mm²"), ("inch**2", "in²"), ("cm**2", "cm²")]),
    }


def _relief_gas_area(d: dict[str, Any]) -> float:
    from fluids import API520_A_g

    P1 = d["Pset"].to("Pa") * (1 + d["over"] / 100) + d["Patm"].to("Pa")
    return float(
        API520_A_g(
            m=d["m"].to("kg/s"),
            T=d["T"].to("K"),
            Z=d["Z"],
            MW=d["MW"],
            k=d["k"],
            P1=P1,
            P2=d["Patm"].to("Pa"),
            Kd=0.975,
            Kb=1,
            Kc=1,
        )
    )


@kind(
    "relief_devices/gas_area",
    "relief_devices",
    "m**2",
    ("relief_valve_gas",),
    _API + "; critical flow",
    count=6,
    rel_tol=0.01,
    draw=_draw_relief_gas,
    wordings=(
        """A relief valve must discharge {m} of {gas} (molar mass {MW} g/mol, k = {k},
          Z = {Z}) at a relieving temperature of {T}. Set pressure {Pset}, allowable
          overpressure {over}%, discharge to atmosphere ({Patm}). Using API 520 Part I with
          Kd = 0.975, Kb = Kc = 1, what effective discharge area is required, in {out}?""",
        """Size a conventional PSV for a fire or blocked-outlet case: {gas}, {m}, M = {MW}
          g/mol, k = {k}, Z = {Z}, T = {T}; set at {Pset} with {over}% overpressure; back
          pressure atmospheric ({Patm}). API 520 (Kd 0.975, Kb 1, Kc 1). Required area in
          {out}?""",
        """What is the minimum API 520 effective orifice area ({out}) for relieving {m} of
          {gas} vapour? Properties: molar mass {MW} g/mol, cp/cv {k}, compressibility {Z},
          relieving temperature {T}. Set pressure {Pset}, overpressure {over}%, outlet to
          atmosphere at {Patm}; Kd = 0.975, no rupture disk, conventional valve.""",
        """API 520 gas sizing: W = {m}, {gas} (M {MW} g/mol, k {k}, Z {Z}), T = {T}, set
          {Pset} + {over}% overpressure, atmospheric discharge ({Patm}), Kd = 0.975,
          Kb = Kc = 1. Required effective area in {out}?""",
    ),
)
def _(out: Out, **d: Any) -> float:
    return _relief_gas_area(d)


_API526 = (
    0.110,
    0.196,
    0.307,
    0.503,
    0.785,
    1.287,
    1.838,
    2.853,
    3.60,
    4.34,
    6.38,
    11.05,
    16.0,
    26.0,
)  # in^2, letters D..T


def _ok_orifice(d: dict[str, Any]) -> bool:
    need = Val(_relief_gas_area(d), "m**2", "").to("inch**2")
    return need < 26.0 and all(abs(need / a - 1) > 0.03 for a in _API526)


@kind(
    "relief_devices/api526",
    "relief_devices",
    "inch**2",
    ("relief_valve_gas", "api526_orifice"),
    _API + "; API 526 standard effective orifice areas (fluids.safety_valve.API526_A_sq_inch)",
    count=4,
    rel_tol=0.001,
    draw=retry(with_inputs(_draw_relief_gas, out=Out("inch**2", "in²")), _ok_orifice),
    wordings=(
        """For a gas relief case of {m} of {gas} (M = {MW} g/mol, k = {k}, Z = {Z},
          relieving temperature {T}), set pressure {Pset}, {over}% overpressure, discharge to
          atmosphere ({Patm}), Kd = 0.975 and Kb = Kc = 1: size by API 520, select the
          smallest API 526 standard orifice that is large enough, and give that orifice's
          effective area in in².""",
        """Which API 526 orifice letter fits a PSV relieving {m} of {gas} (molar mass
          {MW} g/mol, k = {k}, Z = {Z}, {T}) set at {Pset} with {over}% overpressure into
          atmosphere ({Patm})? API 520 with Kd 0.975, Kb = Kc = 1. Report the selected
          orifice's effective area in in².""",
        """Select the API 526 standard orifice for: {gas}, {m}, M {MW} g/mol, k {k},
          Z {Z}, relieving temperature {T}, set pressure {Pset}, overpressure {over}%,
          atmospheric outlet ({Patm}), Kd = 0.975. What effective area (in²) does the chosen
          orifice have?""",
    ),
)
def _(out: Out, **d: Any) -> float:
    need = Val(_relief_gas_area(d), "m**2", "").to("inch**2")
    return next(a for a in _API526 if a >= need)


def _draw_relief_liq(rng: random.Random) -> dict[str, Any]:
    return {
        "Q": val(rng, [("m**3/hour", "m³/h", 10, 300), ("gallon/minute", "US gpm", 45, 1300)]),
        "rho": val(rng, DENS_LIQ),
        "Pset": val(rng, [("bar", "barg", 5, 40), ("psi", "psig", 70, 600)]),
        "Patm": Val(1.01325, "bar", "bar"),
        "out": out(rng, [("mm**2", "mm²"), ("inch**2", "in²")]),
    }


@kind(
    "relief_devices/liquid_area",
    "relief_devices",
    "m**2",
    ("relief_valve_liquid",),
    _API + "; liquid service, 10% overpressure",
    count=4,
    rel_tol=0.01,
    draw=_draw_relief_liq,
    wordings=(
        """A thermal/blocked-outlet relief valve in liquid service must pass {Q} of a liquid
          with density {rho}. Set pressure {Pset}, 10% overpressure, discharge to atmosphere
          ({Patm}). With API 520 (certified liquid valve, Kd = 0.65, Kw = Kc = Kv = 1), what
          effective area is needed, in {out}?""",
        """Size a liquid PSV: {Q}, density {rho}, set at {Pset}, 10% accumulation, outlet
          to atmosphere ({Patm}), Kd = 0.65, no back-pressure, viscosity or rupture-disk
          correction. Required area in {out}?""",
        """What API 520 Part I area ({out}) does a relief valve need to relieve {Q} of a
          liquid (ρ = {rho}) at {Pset} set pressure plus 10% overpressure into the
          atmosphere ({Patm})? Kd = 0.65 and all correction factors 1.""",
    ),
)
def _(Q: Val, rho: Val, Pset: Val, Patm: Val, out: Out) -> float:
    from fluids import API520_A_l

    r = rho.to("kg/m**3")
    P1 = Pset.to("Pa") * 1.1 + Patm.to("Pa")
    return float(
        API520_A_l(
            m=Q.to("m**3/s") * r,
            rho=r,
            P1=P1,
            P2=Patm.to("Pa"),
            overpressure=1.1,
            Kd=0.65,
            Kc=1.0,
            Kw=1.0,
            Kv=1.0,
        )
    )


def _draw_relief_steam(rng: random.Random) -> dict[str, Any]:
    return {
        "m": val(rng, [("kg/hour", "kg/h", 2000, 60000), ("tonne/hour", "t/h", 2, 60)]),
        "Pset": val(rng, [("bar", "barg", 5, 60), ("psi", "psig", 70, 900)]),
        "over": pick(rng, [3, 10]),
        "Patm": Val(1.01325, "bar", "bar"),
        "out": out(rng, [("mm**2", "mm²"), ("inch**2", "in²"), ("cm**2", "cm²")]),
    }


@kind(
    "relief_devices/steam_area",
    "relief_devices",
    "m**2",
    ("relief_valve_steam", "steam_saturation"),
    _API + "; Napier equation with KN and KSH (saturated: KSH = 1); saturation "
    "temperature from CoolProp IAPWS-95",
    count=4,
    rel_tol=0.01,
    draw=_draw_relief_steam,
    wordings=(
        """A safety valve on a steam drum must relieve {m} of saturated steam. Set pressure
          {Pset}, {over}% overpressure, atmospheric pressure {Patm}. Using API 520 Part I
          (10th ed.) with Kd = 0.975 and Kb = Kc = 1, what effective area is required, in
          {out}?""",
        """Size a boiler safety valve for {m} of dry saturated steam, set at {Pset} with
          {over}% accumulation (atmosphere {Patm}). API 520 steam equation, Kd = 0.975,
          Kb = Kc = 1. Required area in {out}?""",
        """What API 520 orifice area ({out}) does a saturated-steam PSV need for {m} at a
          set pressure of {Pset} plus {over}% overpressure? Barometric pressure {Patm};
          Kd 0.975; no back-pressure or rupture-disk correction.""",
    ),
)
def _(m: Val, Pset: Val, over: int, Patm: Val, out: Out) -> float:
    from fluids import API520_A_steam

    P1 = Pset.to("Pa") * (1 + over / 100) + Patm.to("Pa")
    T = _coolprop("T", "P", P1, "Q", 1, "Water")
    return float(API520_A_steam(m=m.to("kg/s"), T=T, P1=P1, Kd=0.975, Kb=1, Kc=1, edition="10E"))


# =======================================================================================
# heat exchangers  (ht 1.2)


def _draw_terminal(rng: random.Random) -> dict[str, Any]:
    Thi = uni(rng, 90, 250)
    Tho = sig(Thi - rng.uniform(20, 0.6 * (Thi - 20)))
    Tci = uni(rng, 15, 40)
    Tco = sig(Tci + rng.uniform(10, 0.8 * (Tho - Tci)))
    return {
        "Thi": Val(Thi, "degC", "°C"),
        "Tho": Val(Tho, "degC", "°C"),
        "Tci": Val(Tci, "degC", "°C"),
        "Tco": Val(Tco, "degC", "°C"),
        "flow": pick(rng, ["counter-current", "co-current"]),
    }


_TERMINAL = retry(
    _draw_terminal,
    lambda d: (
        d["Tho"].value - d["Tco"].value > 3
        and abs((d["Thi"].value - d["Tco"].value) - (d["Tho"].value - d["Tci"].value)) > 1
    ),
)


@kind(
    "heat_exchangers/lmtd",
    "heat_exchangers",
    "K",
    ("hx_lmtd",),
    "Log-mean temperature difference (ht.core.LMTD)",
    count=4,
    rel_tol=0.003,
    draw=_TERMINAL,
    wordings=(
        """In a {flow} heat exchanger the hot stream cools from {Thi} to {Tho} while the
          cold stream heats from {Tci} to {Tco}. What is the log-mean temperature
          difference, in K?""",
        """Find the LMTD (K) of a {flow} exchanger with hot inlet {Thi}, hot outlet {Tho},
          cold inlet {Tci} and cold outlet {Tco}.""",
        """A product cooler runs {flow}: product {Thi} → {Tho}, cooling water {Tci} →
          {Tco}. Compute the log-mean temperature difference in K.""",
        """What mean temperature driving force (LMTD, in K) applies to a {flow} unit with
          terminal temperatures hot {Thi}/{Tho} and cold {Tci}/{Tco}?""",
    ),
)
def _(Thi: Val, Tho: Val, Tci: Val, Tco: Val, flow: str) -> float:
    from ht import LMTD

    return float(
        LMTD(
            Thi.to("K"),
            Tho.to("K"),
            Tci.to("K"),
            Tco.to("K"),
            counterflow=flow == "counter-current",
        )
    )


def _draw_ffactor(rng: random.Random) -> dict[str, Any]:
    d = _TERMINAL(rng)
    d.pop("flow")
    return d


def _f_ok(d: dict[str, Any]) -> bool:
    from ht import F_LMTD_Fakheri

    try:
        F = F_LMTD_Fakheri(d["Thi"].value, d["Tho"].value, d["Tci"].value, d["Tco"].value, 1)
    except (ValueError, ZeroDivisionError):
        return False
    return 0.78 < F < 0.99


@kind(
    "heat_exchangers/f_factor",
    "heat_exchangers",
    "",
    ("hx_lmtd",),
    "LMTD correction factor for one shell pass and an even number of tube passes "
    "(ht.core.F_LMTD_Fakheri, exact Bowman form)",
    count=3,
    rel_tol=0.005,
    draw=retry(_draw_ffactor, _f_ok),
    wordings=(
        """A 1-shell-pass, 2-tube-pass exchanger cools a stream from {Thi} to {Tho} with a
          coolant heated from {Tci} to {Tco}. What is the LMTD correction factor F?""",
        """Compute the F correction factor for a TEMA E shell (one shell pass, two or more
          tube passes) with hot {Thi} → {Tho} and cold {Tci} → {Tco}.""",
        """What F factor applies to the counter-current LMTD of a 1-2 shell-and-tube
          exchanger whose terminal temperatures are hot in {Thi}, hot out {Tho}, cold in
          {Tci}, cold out {Tco}?""",
    ),
)
def _(Thi: Val, Tho: Val, Tci: Val, Tco: Val) -> float:
    from ht import F_LMTD_Fakheri

    return float(F_LMTD_Fakheri(Thi.value, Tho.value, Tci.value, Tco.value, shells=1))


def _draw_duty(rng: random.Random) -> dict[str, Any]:
    T1 = uni(rng, 10, 150)
    return {
        "m": val(
            rng,
            [
                ("kg/s", "kg/s", 0.5, 30),
                ("kg/hour", "kg/h", 2000, 100000),
                ("lb/hour", "lb/h", 4000, 200000),
            ],
        ),
        "cp": val(
            rng,
            [
                ("kJ/(kg*K)", "kJ/(kg·K)", 1.8, 4.2),
                ("Btu/(lb*delta_degF)", "Btu/(lb·°F)", 0.43, 1.0),
            ],
        ),
        "T1": Val(T1, "degC", "°C"),
        "T2": Val(sig(T1 + rng.uniform(10, 80)), "degC", "°C"),
        "stream": pick(
            rng, ["crude oil", "a glycol solution", "feed water", "a solvent", "a reactor effluent"]
        ),
        "out": out(rng, [("kW", "kW"), ("MW", "MW"), ("Btu/hour", "Btu/h")]),
    }


@kind(
    "heat_exchangers/duty",
    "heat_exchangers",
    "W",
    ("hx_duty",),
    "Q = m cp (T2 - T1)",
    count=3,
    rel_tol=0.003,
    draw=_draw_duty,
    wordings=(
        """{m} of {stream} (cp = {cp}) is heated from {T1} to {T2}. What is the heat duty,
          in {out}?""",
        """What duty ({out}) does a preheater need to warm {stream} from {T1} to {T2} at
          {m}? Specific heat {cp}.""",
        """Compute the sensible heat load in {out} for {stream}: flow {m}, heat capacity
          {cp}, inlet {T1}, outlet {T2}.""",
    ),
)
def _(m: Val, cp: Val, T1: Val, T2: Val, stream: str, out: Out) -> float:
    return m.to("kg/s") * cp.to("J/(kg*K)") * (T2.to("K") - T1.to("K"))


def _draw_area(rng: random.Random) -> dict[str, Any]:
    d = _TERMINAL(rng)
    d["flow"] = "counter-current"
    d["m"] = Val(uni(rng, 1, 30), "kg/s", "kg/s")
    d["cp"] = Val(uni(rng, 3.9, 4.19), "kJ/(kg*K)", "kJ/(kg·K)")
    d["U"] = val(
        rng,
        [
            ("W/(m**2*K)", "W/(m²·K)", 250, 1500),
            ("Btu/(hour*foot**2*delta_degF)", "Btu/(h·ft²·°F)", 45, 260),
        ],
    )
    return d


@kind(
    "heat_exchangers/area",
    "heat_exchangers",
    "m**2",
    ("hx_duty", "hx_lmtd", "hx_area"),
    "A = Q / (U dT_lm) with Q = m cp (Tco - Tci), counter-current LMTD (ht.core.LMTD)",
    count=4,
    rel_tol=0.005,
    draw=_draw_area,
    wordings=(
        """A counter-current exchanger heats {m} of water (cp = {cp}) from {Tci} to {Tco}
          with a hot stream that cools from {Thi} to {Tho}. The overall coefficient is {U}.
          What heat-transfer area is needed, in m²?""",
        """Size a double-pipe exchanger (pure counterflow): cold side {m} of water, cp
          {cp}, {Tci} → {Tco}; hot side {Thi} → {Tho}; U = {U}. Required area in m²?""",
        """What area (m²) must a counter-current cooler have if it heats {m} of cooling
          water (cp {cp}) from {Tci} to {Tco} while the process stream drops from {Thi} to
          {Tho}, with an overall heat-transfer coefficient of {U}?""",
        """Heat-exchanger design: duty set by {m} of water, cp = {cp}, warmed {Tci} to
          {Tco}; hot fluid {Thi} in, {Tho} out; counterflow; U = {U}. Find A in m².""",
    ),
)
def _(Thi: Val, Tho: Val, Tci: Val, Tco: Val, flow: str, m: Val, cp: Val, U: Val) -> float:
    from ht import LMTD

    Q = m.to("kg/s") * cp.to("J/(kg*K)") * (Tco.to("K") - Tci.to("K"))
    return Q / (U.to("W/(m**2*K)") * float(LMTD(Thi.value, Tho.value, Tci.value, Tco.value)))


_NTU_TYPES = {
    "counterflow": "a counterflow exchanger",
    "parallel": "a parallel-flow exchanger",
    "crossflow": "a crossflow exchanger with both streams unmixed",
    "crossflow, mixed Cmin": "a crossflow exchanger with the Cmin stream mixed",
    "S&T": "a shell-and-tube exchanger with one shell pass",
}


def _draw_eff(rng: random.Random) -> dict[str, Any]:
    kind = pick(rng, list(_NTU_TYPES))
    return {
        "NTU": uni(rng, 0.3, 4, 2),
        "Cr": uni(rng, 0.1, 0.95, 2),
        "type": kind,
        "t": _NTU_TYPES[kind],
    }


def _ht_subtype(t: str) -> dict[str, Any]:
    if t == "S&T":
        return {"subtype": "S&T", "n_shell_tube": 1}
    return {"subtype": t}


@kind(
    "heat_exchangers/effectiveness",
    "heat_exchangers",
    "",
    ("hx_effectiveness_from_ntu",),
    "epsilon-NTU relations (ht.hx.effectiveness_from_NTU; Incropera table 11.3)",
    count=3,
    rel_tol=0.005,
    draw=_draw_eff,
    wordings=(
        """What is the effectiveness of {t} with NTU = {NTU} and a capacity ratio
          Cmin/Cmax = {Cr}?""",
        """For {t}, NTU = {NTU} and Cr = {Cr}. Compute the thermal effectiveness.""",
        """Given NTU {NTU} and heat-capacity-rate ratio {Cr}, find ε for {t}.""",
    ),
)
def _(NTU: float, Cr: float, type: str, t: str) -> float:
    from ht import effectiveness_from_NTU

    return float(effectiveness_from_NTU(NTU, Cr, **_ht_subtype(type)))


@kind(
    "heat_exchangers/ntu",
    "heat_exchangers",
    "",
    ("hx_ntu_from_effectiveness",),
    "epsilon-NTU relations inverted (ht.hx.NTU_from_effectiveness)",
    count=3,
    rel_tol=0.005,
    draw=lambda rng: {
        "eff": uni(rng, 0.3, 0.75, 2),
        "Cr": uni(rng, 0.1, 0.8, 2),
        "type": (k := pick(rng, ["counterflow", "parallel", "S&T"])),
        "t": _NTU_TYPES[k],
    },
    wordings=(
        """How many transfer units (NTU) does {t} need to reach an effectiveness of {eff}
          when Cmin/Cmax = {Cr}?""",
        """Find the NTU required for ε = {eff} at a capacity ratio of {Cr} in {t}.""",
        """A retrofit must achieve a thermal effectiveness of {eff}; Cr = {Cr}; the unit
          is {t}. What NTU is needed?""",
    ),
)
def _(eff: float, Cr: float, type: str, t: str) -> float:
    from ht import NTU_from_effectiveness

    return float(NTU_from_effectiveness(eff, Cr, **_ht_subtype(type)))


def _draw_rating(rng: random.Random) -> dict[str, Any]:
    return {
        "mh": Val(uni(rng, 1, 10), "kg/s", "kg/s"),
        "cph": Val(uni(rng, 2.0, 2.6), "kJ/(kg*K)", "kJ/(kg·K)"),
        "Thi": Val(uni(rng, 100, 200), "degC", "°C"),
        "mc": Val(uni(rng, 1, 10), "kg/s", "kg/s"),
        "cpc": Val(4.18, "kJ/(kg*K)", "kJ/(kg·K)"),
        "Tci": Val(uni(rng, 15, 35), "degC", "°C"),
        "UA": val(rng, [("kW/K", "kW/K", 5, 60), ("W/K", "W/K", 5000, 60000)]),
        "ask": pick(
            rng, ["duty", "hot-stream outlet temperature", "cold-stream outlet temperature"]
        ),
    }


@kind(
    "heat_exchangers/rating",
    "heat_exchangers",
    None,
    ("hx_rating_ntu",),
    "Counterflow epsilon-NTU rating (ht.hx.effectiveness_from_NTU) and energy balances",
    count=4,
    rel_tol=0.005,
    draw=_draw_rating,
    wordings=(
        """An existing counterflow exchanger has UA = {UA}. Oil ({mh}, cp {cph}) enters at
          {Thi}; water ({mc}, cp {cpc}) enters at {Tci}. Using the ε-NTU method, what is the
          {ask}? Give a duty in kW and temperatures in °C.""",
        """Rate a counterflow unit with UA {UA}: hot side {mh} at {Thi} (cp {cph}), cold
          side {mc} at {Tci} (cp {cpc}). Find the {ask} (duty in kW, temperatures in °C) by
          ε-NTU.""",
        """With ε-NTU, predict the {ask} of a counter-current cooler: UA = {UA}; hot oil
          {mh}, cp {cph}, inlet {Thi}; cooling water {mc}, cp {cpc}, inlet {Tci}. (kW for the
          duty, °C for a temperature.)""",
    ),
)
def _(
    mh: Val, cph: Val, Thi: Val, mc: Val, cpc: Val, Tci: Val, UA: Val, ask: str
) -> tuple[float, str]:
    from ht import effectiveness_from_NTU

    Ch, Cc = mh.to("kg/s") * cph.to("J/(kg*K)"), mc.to("kg/s") * cpc.to("J/(kg*K)")
    Cmin, Cmax = min(Ch, Cc), max(Ch, Cc)
    eff = float(effectiveness_from_NTU(UA.to("W/K") / Cmin, Cmin / Cmax, "counterflow"))
    Q = eff * Cmin * (Thi.to("K") - Tci.to("K"))
    if ask == "duty":
        return Q / 1e3, "kW"
    if ask.startswith("hot"):
        return Thi.to("K") - Q / Ch, "K"
    return Tci.to("K") + Q / Cc, "K"


def _draw_u(rng: random.Random) -> dict[str, Any]:
    Do = float(pick(rng, [19.05, 25.4, 31.75]))
    t = float(pick(rng, [1.65, 2.11, 2.77]))
    return {
        "hi": Val(uni(rng, 800, 6000), "W/(m**2*K)", "W/(m²·K)"),
        "ho": Val(uni(rng, 300, 3000), "W/(m**2*K)", "W/(m²·K)"),
        "Rfi": Val(pick(rng, [0.0001, 0.0002, 0.00035]), "m**2*K/W", "m²·K/W"),
        "Rfo": Val(pick(rng, [0.0001, 0.0002, 0.00018]), "m**2*K/W", "m²·K/W"),
        "Do": Val(Do, "mm", "mm"),
        "Di": Val(sig(Do - 2 * t, 4), "mm", "mm"),
        "kw": Val(pick(rng, [16.0, 45.0, 50.0, 385.0]), "W/(m*K)", "W/(m·K)"),
    }


@kind(
    "heat_exchangers/overall_u",
    "heat_exchangers",
    "W/(m**2*K)",
    ("hx_overall_u",),
    "1/Uo = 1/ho + Rfo + Do ln(Do/Di)/(2 kw) + Rfi Do/Di + Do/(Di hi) (Kern; Sinnott eq. 12.2)",
    count=3,
    rel_tol=0.003,
    draw=_draw_u,
    wordings=(
        """A tube of {Do} OD and {Di} ID (wall conductivity {kw}) has film coefficients
          {hi} inside and {ho} outside, and fouling resistances {Rfi} inside and {Rfo}
          outside. What is the overall coefficient based on the outside area, in
          W/(m²·K)?""",
        """Compute Uo (referred to the outside tube area) for: hi = {hi}, ho = {ho},
          Rf,i = {Rfi}, Rf,o = {Rfo}, tube {Do} × {Di} (OD × ID), wall k = {kw}.""",
        """What overall heat-transfer coefficient, based on the outer surface, results from
          an inside film of {hi}, an outside film of {ho}, fouling of {Rfi} (inside) and
          {Rfo} (outside), and a tube wall with k = {kw}, OD {Do}, ID {Di}?""",
    ),
)
def _(hi: Val, ho: Val, Rfi: Val, Rfo: Val, Do: Val, Di: Val, kw: Val) -> float:
    do, di = Do.to("m"), Di.to("m")
    R = (
        1 / ho.value
        + Rfo.value
        + do * math.log(do / di) / (2 * kw.value)
        + Rfi.value * do / di
        + do / (di * hi.value)
    )
    return 1 / R


# =======================================================================================
# heat-transfer correlations  (ht 1.2, fluids 1.3)


def _draw_tube(rng: random.Random) -> dict[str, Any]:
    fluid = pick(
        rng,
        [
            ("water", 992.0, 0.653, 0.631, 4178.0),
            ("water", 998.0, 1.0, 0.598, 4182.0),
            ("a light oil", 850.0, 3.5, 0.135, 2000.0),
            ("ethylene glycol-water", 1050.0, 2.4, 0.42, 3500.0),
        ],
    )
    name, rho, mu, k, cp = fluid
    return {
        "fluid": name,
        "rho": Val(rho, "kg/m**3", "kg/m³"),
        "mu": Val(mu, "mPa*s", "mPa·s"),
        "k": Val(k, "W/(m*K)", "W/(m·K)"),
        "cp": Val(cp, "J/(kg*K)", "J/(kg·K)"),
        "V": Val(uni(rng, 0.8, 3), "m/s", "m/s"),
        "D": Val(uni(rng, 12, 40), "mm", "mm"),
        "mode": pick(rng, ["heated", "cooled"]),
    }


_TUBE = retry(
    _draw_tube,
    lambda d: d["rho"].value * d["V"].value * d["D"].to("m") / d["mu"].to("Pa*s") > 10000,
)


@kind(
    "heat_transfer/dittus_boelter",
    "heat_transfer",
    "W/(m**2*K)",
    ("reynolds_number", "nu_dittus_boelter"),
    "Dittus-Boelter Nu = 0.023 Re^0.8 Pr^n, n = 0.4 heating / 0.3 cooling "
    "(ht.conv_internal.turbulent_Dittus_Boelter)",
    count=4,
    rel_tol=0.005,
    draw=_TUBE,
    wordings=(
        """{fluid} flows at {V} inside a tube of {D} inside diameter and is being {mode}.
          Properties: density {rho}, viscosity {mu}, conductivity {k}, cp {cp}. Using
          Dittus-Boelter, what is the inside film coefficient in W/(m²·K)?""",
        """Estimate h (W/(m²·K)) on the tube side with the Dittus-Boelter correlation:
          {fluid} being {mode}, velocity {V}, tube ID {D}; ρ = {rho}, μ = {mu}, k = {k},
          cp = {cp}.""",
        """What tube-side heat-transfer coefficient, in W/(m²·K), does Dittus-Boelter give
          for {fluid} ({mode}) at {V} in {D} bore tubes? Fluid data: density {rho},
          viscosity {mu}, thermal conductivity {k}, specific heat {cp}.""",
        """Dittus-Boelter: fluid {fluid}, {mode} by the wall, V = {V}, Di = {D}, ρ {rho},
          μ {mu}, k {k}, cp {cp}. Find the film coefficient (W/(m²·K)).""",
    ),
)
def _(fluid: str, rho: Val, mu: Val, k: Val, cp: Val, V: Val, D: Val, mode: str) -> float:
    from fluids import Prandtl, Reynolds
    from ht import turbulent_Dittus_Boelter

    d, m = D.to("m"), mu.to("Pa*s")
    Nu = turbulent_Dittus_Boelter(
        Re=Reynolds(V=V.value, D=d, rho=rho.value, mu=m),
        Pr=Prandtl(Cp=cp.value, k=k.value, mu=m),
        heating=mode == "heated",
    )
    return float(Nu) * k.value / d


@kind(
    "heat_transfer/gnielinski",
    "heat_transfer",
    "W/(m**2*K)",
    ("nu_gnielinski",),
    "Gnielinski (1976) with the Petukhov friction factor f = (0.790 ln Re - 1.64)^-2 "
    "(ht.conv_internal.turbulent_Gnielinski)",
    count=3,
    rel_tol=0.005,
    draw=_TUBE,
    wordings=(
        """Using the Gnielinski correlation with the Petukhov friction factor
          f = (0.790 ln Re − 1.64)⁻², what is the film coefficient for {fluid} at {V} in a
          smooth tube of {D} ID? ρ = {rho}, μ = {mu}, k = {k}, cp = {cp}. Answer in
          W/(m²·K).""",
        """Compute the inside heat-transfer coefficient (W/(m²·K)) by Gnielinski for
          {fluid} flowing at {V} through a {D} smooth tube (density {rho}, viscosity {mu},
          conductivity {k}, heat capacity {cp}); use f = (0.790 ln Re − 1.64)⁻².""",
        """What h does Gnielinski's equation (Petukhov f = (0.790 ln Re − 1.64)⁻²) predict,
          in W/(m²·K), for {fluid} in {D} bore tubing at a velocity of {V}? Properties:
          {rho}, {mu}, {k}, {cp}.""",
    ),
)
def _(fluid: str, rho: Val, mu: Val, k: Val, cp: Val, V: Val, D: Val, mode: str) -> float:
    from fluids import Prandtl, Reynolds
    from ht import turbulent_Gnielinski

    d, m = D.to("m"), mu.to("Pa*s")
    Re = Reynolds(V=V.value, D=d, rho=rho.value, mu=m)
    fd = (0.790 * math.log(Re) - 1.64) ** -2
    Nu = turbulent_Gnielinski(Re=Re, Pr=Prandtl(Cp=cp.value, k=k.value, mu=m), fd=fd)
    return float(Nu) * k.value / d


def _draw_cross(rng: random.Random) -> dict[str, Any]:
    return {
        "V": Val(uni(rng, 2, 25), "m/s", "m/s"),
        "D": Val(uni(rng, 10, 60), "mm", "mm"),
        "rho": Val(1.16, "kg/m**3", "kg/m³"),
        "mu": Val(18.5, "micropascal*second", "µPa·s"),
        "k": Val(0.0263, "W/(m*K)", "W/(m·K)"),
        "Pr": 0.707,
    }


@kind(
    "heat_transfer/zukauskas",
    "heat_transfer",
    "W/(m**2*K)",
    ("nu_cylinder_zukauskas",),
    "Zukauskas (1972) single cylinder in cross flow, Nu = C Re^m Pr^n "
    "(ht.conv_external.Nu_cylinder_Zukauskas)",
    count=3,
    rel_tol=0.02,
    draw=_draw_cross,
    wordings=(
        """Air at {V} flows across a single tube of {D} OD. Air: density {rho}, viscosity
          {mu}, conductivity {k}, Pr = {Pr}. Neglecting the wall-Prandtl correction, what is
          the average outside coefficient by Zukauskas, in W/(m²·K)?""",
        """A thermowell of {D} diameter sits in an air duct where the velocity is {V}.
          With ρ = {rho}, μ = {mu}, k = {k}, Pr = {Pr} and no Pr_w correction, estimate h
          from the Zukauskas correlation (W/(m²·K)).""",
        """What convective coefficient (W/(m²·K)) does Zukauskas give for air crossing a
          {D} cylinder at {V}? Air data: {rho}, {mu}, k {k}, Pr {Pr}; ignore (Pr/Pr_w).""",
    ),
)
def _(V: Val, D: Val, rho: Val, mu: Val, k: Val, Pr: float) -> float:
    from fluids import Reynolds
    from ht import Nu_cylinder_Zukauskas

    d = D.to("m")
    Re = Reynolds(V=V.value, D=d, rho=rho.value, mu=mu.to("Pa*s"))
    return float(Nu_cylinder_Zukauskas(Re=Re, Pr=Pr)) * k.value / d


def _draw_plate(rng: random.Random) -> dict[str, Any]:
    Tinf = uni(rng, 10, 30)
    return {
        "L": Val(uni(rng, 0.2, 3), "m", "m"),
        "Tw": Val(sig(Tinf + rng.uniform(15, 80)), "degC", "°C"),
        "Tinf": Val(Tinf, "degC", "°C"),
        "nu": Val(1.7e-5, "m**2/s", "m²/s"),
        "k": Val(0.027, "W/(m*K)", "W/(m·K)"),
        "Pr": 0.71,
    }


@kind(
    "heat_transfer/natural_convection",
    "heat_transfer",
    "W/(m**2*K)",
    ("nu_natural_convection",),
    "Churchill and Chu (1975) vertical plate, all Ra (ht.conv_free_immersed."
    "Nu_vertical_plate_Churchill); ideal-gas beta = 1/T_film",
    count=3,
    rel_tol=0.005,
    draw=_draw_plate,
    wordings=(
        """A vertical plate {L} tall at {Tw} stands in still air at {Tinf}. Air at the film
          temperature: ν = {nu}, k = {k}, Pr = {Pr}; β = 1/T_film (ideal gas). Using
          Churchill-Chu, what is the average natural-convection coefficient in W/(m²·K)?""",
        """Estimate the free-convection h (W/(m²·K)) on the vertical wall of an uninsulated
          tank, {L} high, surface {Tw}, ambient still air {Tinf}. Take ν = {nu}, k = {k},
          Pr = {Pr}, β from the film temperature as an ideal gas; Churchill-Chu
          correlation.""",
        """Churchill-Chu vertical plate: height {L}, wall {Tw}, air {Tinf}, kinematic
          viscosity {nu}, conductivity {k}, Pr {Pr}, β = 1/T_film. Average h in W/(m²·K)?""",
    ),
)
def _(L: Val, Tw: Val, Tinf: Val, nu: Val, k: Val, Pr: float) -> float:
    from fluids import Grashof
    from ht import Nu_vertical_plate_Churchill

    beta = 1 / ((Tw.to("K") + Tinf.to("K")) / 2)
    Gr = Grashof(L=L.value, beta=beta, T1=Tw.to("K"), T2=Tinf.to("K"), nu=nu.value)
    return float(Nu_vertical_plate_Churchill(Pr=Pr, Gr=Gr)) * k.value / L.value


def _draw_cond(rng: random.Random) -> dict[str, Any]:
    P = uni(rng, 1.2, 10)
    Ts = _coolprop("T", "P", P * 1e5, "Q", 1, "Water")
    return {
        "P": Val(P, "bar", "bar absolute"),
        "Tsat": Val(sig(Ts - 273.15, 4), "degC", "°C"),
        "dT": Val(uni(rng, 3, 20, 2), "delta_degC", "K"),
        "L": Val(uni(rng, 0.2, 2), "m", "m"),
        "rhol": Val(sig(_coolprop("D", "P", P * 1e5, "Q", 0, "Water"), 4), "kg/m**3", "kg/m³"),
        "rhog": Val(sig(_coolprop("D", "P", P * 1e5, "Q", 1, "Water")), "kg/m**3", "kg/m³"),
        "mul": Val(sig(_coolprop("V", "P", P * 1e5, "Q", 0, "Water") * 1e3), "mPa*s", "mPa·s"),
        "kl": Val(sig(_coolprop("L", "P", P * 1e5, "Q", 0, "Water")), "W/(m*K)", "W/(m·K)"),
        "hfg": Val(
            sig(
                (
                    _coolprop("H", "P", P * 1e5, "Q", 1, "Water")
                    - _coolprop("H", "P", P * 1e5, "Q", 0, "Water")
                )
                / 1e3,
                4,
            ),
            "kJ/kg",
            "kJ/kg",
        ),
    }


@kind(
    "heat_transfer/condensation",
    "heat_transfer",
    "W/(m**2*K)",
    ("h_condensation_nusselt",),
    "Nusselt (1916) laminar film condensation on a vertical plate (ht.condensation."
    "Nusselt_laminar)",
    count=3,
    rel_tol=0.005,
    draw=_draw_cond,
    wordings=(
        """Saturated steam at {P} ({Tsat}) condenses on a vertical surface {L} high whose
          temperature is {dT} below saturation. Condensate: ρ = {rhol}, μ = {mul}, k = {kl};
          vapour density {rhog}; latent heat {hfg}. By Nusselt's laminar film theory, what
          is the average condensing coefficient, in W/(m²·K)?""",
        """Estimate the mean condensation coefficient (W/(m²·K)) for steam at {Tsat}
          ({P}) on a vertical plate of height {L} with a wall subcooling of {dT}. Liquid
          density {rhol}, viscosity {mul}, conductivity {kl}; vapour density {rhog}; h_fg
          {hfg}. Use the Nusselt laminar-film result.""",
        """Nusselt film condensation: steam at {P}, Tsat {Tsat}, plate height {L}, wall
          {dT} colder than Tsat, ρ_l {rhol}, ρ_v {rhog}, μ_l {mul}, k_l {kl}, h_fg {hfg}.
          Average h in W/(m²·K)?""",
    ),
)
def _(
    P: Val, Tsat: Val, dT: Val, L: Val, rhol: Val, rhog: Val, mul: Val, kl: Val, hfg: Val
) -> float:
    from ht import Nusselt_laminar

    Ts = Tsat.to("K")
    return float(
        Nusselt_laminar(
            Tsat=Ts,
            Tw=Ts - dT.value,
            rhog=rhog.value,
            rhol=rhol.value,
            kl=kl.value,
            mul=mul.to("Pa*s"),
            Hvap=hfg.to("J/kg"),
            L=L.value,
            angle=90.0,
        )
    )


def _draw_zuber(rng: random.Random) -> dict[str, Any]:
    P = uni(rng, 1.0, 20)
    p = P * 1e5
    return {
        "P": Val(P, "bar", "bar absolute"),
        "rhol": Val(sig(_coolprop("D", "P", p, "Q", 0, "Water"), 4), "kg/m**3", "kg/m³"),
        "rhog": Val(sig(_coolprop("D", "P", p, "Q", 1, "Water")), "kg/m**3", "kg/m³"),
        "sigma": Val(sig(_coolprop("I", "P", p, "Q", 0, "Water")), "N/m", "N/m"),
        "hfg": Val(
            sig(
                (_coolprop("H", "P", p, "Q", 1, "Water") - _coolprop("H", "P", p, "Q", 0, "Water"))
                / 1e3,
                4,
            ),
            "kJ/kg",
            "kJ/kg",
        ),
        "K": pick(rng, [0.131, 0.149]),
    }


@kind(
    "heat_transfer/zuber_chf",
    "heat_transfer",
    "W/m**2",
    ("critical_heat_flux_zuber",),
    "Zuber (1958) critical heat flux q = K hfg rho_v^0.5 [sigma g (rho_l - rho_v)]^0.25 "
    "(ht.boiling_nucleic.Zuber)",
    count=3,
    rel_tol=0.005,
    draw=with_inputs(_draw_zuber, out=Out("kW/m**2", "kW/m²")),
    wordings=(
        """What is the critical heat flux for pool boiling of water at {P}, by Zuber with
          K = {K}? Saturated liquid density {rhol}, vapour density {rhog}, surface tension
          {sigma}, latent heat {hfg}. Answer in kW/m².""",
        """Estimate the peak nucleate-boiling heat flux (kW/m²) of water at {P} from
          Zuber's correlation (constant {K}): ρ_l = {rhol}, ρ_v = {rhog}, σ = {sigma},
          h_fg = {hfg}.""",
        """A kettle reboiler boils water at {P}. Using Zuber's CHF equation with K = {K}
          and ρ_l {rhol}, ρ_v {rhog}, σ {sigma}, h_fg {hfg}, what maximum heat flux, in
          kW/m², should not be exceeded?""",
    ),
)
def _(P: Val, rhol: Val, rhog: Val, sigma: Val, hfg: Val, K: float, out: Out) -> float:
    from ht import Zuber

    return float(
        Zuber(sigma=sigma.value, Hvap=hfg.to("J/kg"), rhol=rhol.value, rhog=rhog.value, K=K)
    )


_COOPER = [
    ("water", 18.015, 220.64),
    ("propane", 44.1, 42.48),
    ("ammonia", 17.03, 113.33),
    ("R-134a", 102.03, 40.59),
    ("n-pentane", 72.15, 33.7),
]


def _draw_cooper(rng: random.Random) -> dict[str, Any]:
    name, MW, Pc = pick(rng, _COOPER)
    return {
        "name": name,
        "MW": MW,
        "Pc": Val(Pc, "bar", "bar"),
        "P": Val(sig(Pc * rng.uniform(0.02, 0.3)), "bar", "bar absolute"),
        "q": Val(uni(rng, 10, 100), "kW/m**2", "kW/m²"),
        "Rp": Val(1.0, "micrometer", "µm"),
    }


@kind(
    "heat_transfer/cooper",
    "heat_transfer",
    "W/(m**2*K)",
    ("h_boiling_cooper",),
    "Cooper (1984) nucleate pool boiling h = 55 pr^(0.12 - 0.2 log10 Rp) (-log10 pr)^-0.55 "
    "M^-0.5 q^0.67 (ht.boiling_nucleic.Cooper)",
    count=3,
    rel_tol=0.005,
    draw=_draw_cooper,
    wordings=(
        """{name} (molar mass {MW} g/mol, critical pressure {Pc}) boils on a surface at
          {P} with a heat flux of {q}. The surface roughness Rp is {Rp}. What is the
          nucleate-boiling coefficient by Cooper's correlation, in W/(m²·K)?""",
        """Estimate the pool-boiling heat-transfer coefficient (W/(m²·K)) of {name} at {P}
          (Pc = {Pc}, M = {MW} g/mol) for q = {q}, Rp = {Rp}, using Cooper (1984).""",
        """Cooper correlation: fluid {name}, M {MW} g/mol, Pc {Pc}, P {P}, heat flux {q},
          roughness {Rp}. Boiling h in W/(m²·K)?""",
    ),
)
def _(name: str, MW: float, Pc: Val, P: Val, q: Val, Rp: Val) -> float:
    from ht import Cooper

    return float(Cooper(P=P.to("Pa"), Pc=Pc.to("Pa"), MW=MW, q=q.to("W/m**2"), Rp=Rp.to("m")))


# =======================================================================================
# vapour-liquid equilibrium and flash

_RAOULT = (
    "Raoult's law with thermo 0.6 recommended vapour pressures (thermo.Chemical(...).VaporPressure)"
)
_PAIRS = [
    ("benzene", "toluene"),
    ("n-hexane", "n-heptane"),
    ("methanol", "water"),
    ("acetone", "water"),
    ("cyclohexane", "toluene"),
    ("benzene", "n-heptane"),
]


def _draw_bubble(rng: random.Random) -> dict[str, Any]:
    a, b = pick(rng, _PAIRS)
    Tb = (_chemical(LIQUIDS[a]).Tb + _chemical(LIQUIDS[b]).Tb) / 2 - 273.15
    return {
        "a": a,
        "b": b,
        "x": uni(rng, 0.1, 0.9, 2),
        "T": Val(float(round(Tb + rng.uniform(-15, 10))), "degC", "°C"),
        "out": out(rng, [("kPa", "kPa"), ("bar", "bar"), ("mmHg", "mmHg")]),
    }


@kind(
    "vle/bubble_pressure",
    "vle",
    "Pa",
    ("vle_bubble_point", "vapor_pressure"),
    _RAOULT,
    count=4,
    rel_tol=0.02,
    draw=_draw_bubble,
    wordings=(
        """A liquid mixture of {x} mole fraction {a} and the rest {b} is at {T}. Assuming
          Raoult's law, what is its bubble-point pressure, in {out}?""",
        """At what pressure ({out}) does a liquid of {a} and {b} with {x} mole fraction {a} start to boil at
          {T}? Ideal solution (Raoult's law).""",
        """Compute the bubble pressure in {out} of a liquid containing {x} {a} (mole
          fraction) in {b} at {T}, ideal liquid and vapour.""",
        """A drum holds saturated liquid {a}-{b} ({x} mole fraction {a}) at {T}. Using
          Raoult's law, what pressure ({out}) is it at?""",
    ),
)
def _(a: str, b: str, x: float, T: Val, out: Out) -> float:
    t = T.to("K")
    return x * _psat(LIQUIDS[a], t) + (1 - x) * _psat(LIQUIDS[b], t)


@kind(
    "vle/dew_pressure",
    "vle",
    "Pa",
    ("vle_dew_point", "vapor_pressure"),
    _RAOULT,
    count=3,
    rel_tol=0.02,
    draw=_draw_bubble,
    wordings=(
        """A vapour of {x} mole fraction {a} and the rest {b} is at {T}. Assuming Raoult's
          law, at what pressure does it begin to condense (dew-point pressure), in
          {out}?""",
        """Find the dew-point pressure, in {out}, of a {a}-{b} vapour with {x} mole fraction {a} at
          {T} (ideal mixture).""",
        """What is the dew pressure ({out}) at {T} of a vapour containing {x} {a} in {b} by
          mole? Use Raoult's law.""",
    ),
)
def _(a: str, b: str, x: float, T: Val, out: Out) -> float:
    t = T.to("K")
    return 1 / (x / _psat(LIQUIDS[a], t) + (1 - x) / _psat(LIQUIDS[b], t))


def _draw_bubble_t(rng: random.Random) -> dict[str, Any]:
    a, b = pick(rng, _PAIRS)
    x = uni(rng, 0.1, 0.9, 2)
    return {
        "a": a,
        "b": b,
        "x": x,
        "xb": sig(1 - x, 2),
        "P": val(
            rng, [("kPa", "kPa", 50, 300), ("bar", "bar", 0.5, 3), ("mmHg", "mmHg", 400, 2200)]
        ),
    }


@kind(
    "vle/bubble_temperature",
    "vle",
    "K",
    ("vle_bubble_point", "vapor_pressure"),
    _RAOULT + "; solved with scipy.optimize.brentq",
    count=4,
    rel_tol=0.003,
    draw=_draw_bubble_t,
    wordings=(
        """At {P}, what is the bubble-point temperature of a liquid with {x} mole fraction
          {a} and the rest {b}? Assume Raoult's law and give the answer in °C.""",
        """A reboiler at {P} boils a liquid mixture of {a} and {b} with {x} mole fraction {a}. What is the boiling
          (bubble) temperature in °C for an ideal solution?""",
        """Find the bubble temperature, in K, of {x} {a} / {xb} {b} (mole fractions)
          at {P}, ideal VLE.""",
        """Using Raoult's law, at what temperature (°C) does a liquid of {x} mole fraction
          {a} in {b} start to boil under {P}?""",
    ),
)
def _(a: str, b: str, x: float, P: Val, xb: float) -> float:
    from scipy.optimize import brentq

    p = P.to("Pa")

    def residual(T: float) -> float:
        return x * _psat(LIQUIDS[a], T) + (1 - x) * _psat(LIQUIDS[b], T) - p

    return brentq(residual, 220.0, 520.0, xtol=1e-10)


def _draw_rr(rng: random.Random) -> dict[str, Any]:
    n = pick(rng, [3, 4])
    comps = rng.sample(["methane", "ethane", "propane", "n-butane", "n-pentane", "n-hexane"], n)
    comps.sort(key=["methane", "ethane", "propane", "n-butane", "n-pentane", "n-hexane"].index)
    raw = [rng.uniform(0.1, 1) for _ in comps]
    z = [sig(r / sum(raw), 2) for r in raw]
    z[-1] = sig(1 - sum(z[:-1]), 2)
    K = sorted((uni(rng, 0.05, 8, 2) for _ in comps), reverse=True)
    text_z = ", ".join(f"{c} {zi}" for c, zi in zip(comps, z, strict=True))
    text_K = ", ".join(f"{c} {Ki}" for c, Ki in zip(comps, K, strict=True))
    return {
        "z": z,
        "K": K,
        "comps": comps,
        "zs": text_z,
        "Ks": text_K,
        "P": val(rng, [("bar", "bar absolute", 5, 40)]),
        "T": val(rng, [("degC", "°C", -20, 60)]),
    }


def _rr_ok(d: dict[str, Any]) -> bool:
    from chemicals import Rachford_Rice_solution

    if abs(sum(d["z"]) - 1) > 1e-9 or min(d["z"]) <= 0:
        return False
    try:
        V = Rachford_Rice_solution(zs=d["z"], Ks=d["K"])[0]
    except Exception:
        return False
    return 0.1 < V < 0.9


_RR = retry(_draw_rr, _rr_ok)


@kind(
    "vle/rachford_rice",
    "vle",
    "",
    ("flash_rachford_rice",),
    "Rachford-Rice equation (chemicals.rachford_rice.Rachford_Rice_solution)",
    count=3,
    rel_tol=0.005,
    draw=_RR,
    wordings=(
        """A feed with mole fractions {zs} is flashed at {T} and {P}, where the K-values
          are {Ks}. Solving the Rachford-Rice equation, what fraction of the feed is
          vaporised (V/F)?""",
        """Flash calculation with known K-values: feed {zs}; K = {Ks} at the drum
          conditions ({P}, {T}). What is the vapour fraction V/F?""",
        """Given z ({zs}) and equilibrium ratios ({Ks}) in a separator at {P} and {T},
          find the molar vapour fraction from Rachford-Rice.""",
    ),
)
def _(z: list[float], K: list[float], comps: list[str], zs: str, Ks: str, P: Val, T: Val) -> float:
    from chemicals import Rachford_Rice_solution

    return float(Rachford_Rice_solution(zs=z, Ks=K)[0])


@kind(
    "vle/flash_liquid_composition",
    "vle",
    "",
    ("flash_rachford_rice",),
    "Rachford-Rice equation; x_i = z_i / (1 + V/F (K_i - 1)) (chemicals.rachford_rice)",
    count=2,
    rel_tol=0.005,
    draw=_RR,
    wordings=(
        """A feed ({zs}, mole fractions) is flashed at {P} and {T}; K-values: {Ks}. What is
          the mole fraction of {comps[0]} in the liquid leaving the drum?""",
        """After an isothermal flash with K = {Ks} of a feed {zs}, what liquid mole
          fraction of {comps[0]} results? ({P}, {T})""",
        """Compute x for {comps[0]} in the equilibrium liquid of a flash: feed {zs},
          K-values {Ks}, drum at {P}/{T}.""",
    ),
)
def _(z: list[float], K: list[float], comps: list[str], zs: str, Ks: str, P: Val, T: Val) -> float:
    from chemicals import Rachford_Rice_solution

    return float(Rachford_Rice_solution(zs=z, Ks=K)[1][0])


def _draw_tp(rng: random.Random) -> dict[str, Any]:
    a, b = pick(rng, _PAIRS[:2] + _PAIRS[4:])
    z = uni(rng, 0.3, 0.7, 2)
    P = Val(float(round(rng.uniform(80, 200))), "kPa", "kPa")
    Tbub = _BUBBLE_T(a, b, z, P.to("Pa"))
    Tdew = _DEW_T(a, b, z, P.to("Pa"))
    T = Val(sig(Tbub + rng.uniform(0.3, 0.7) * (Tdew - Tbub) - 273.15, 4), "degC", "°C")
    return {"a": a, "b": b, "z": z, "P": P, "T": T}


def _BUBBLE_T(a: str, b: str, x: float, p: float) -> float:
    from scipy.optimize import brentq

    return brentq(
        lambda T: x * _psat(LIQUIDS[a], T) + (1 - x) * _psat(LIQUIDS[b], T) - p,
        220.0,
        520.0,
        xtol=1e-10,
    )


def _DEW_T(a: str, b: str, y: float, p: float) -> float:
    from scipy.optimize import brentq

    return brentq(
        lambda T: p * (y / _psat(LIQUIDS[a], T) + (1 - y) / _psat(LIQUIDS[b], T)) - 1,
        220.0,
        520.0,
        xtol=1e-10,
    )


@kind(
    "vle/tp_flash",
    "vle",
    "",
    ("flash_tp",),
    _RAOULT + "; K_i = Psat_i/P and the Rachford-Rice equation",
    count=3,
    rel_tol=0.03,
    draw=_draw_tp,
    wordings=(
        """A feed of {z} mole fraction {a} and the rest {b} is flashed at
          {T} and {P}. Assuming Raoult's law, what fraction of the feed leaves as vapour
          (V/F)?""",
        """Isothermal flash of a {a}/{b} mixture ({z} mole fraction {a}) at {P} and {T}, ideal VLE:
          compute the vapour fraction V/F.""",
        """What molar vapour fraction results from flashing a liquid of {z} {a} in {b} at
          {T}, {P}? Use K_i = Psat_i/P.""",
    ),
)
def _(a: str, b: str, z: float, P: Val, T: Val) -> float:
    from chemicals import Rachford_Rice_solution

    t, p = T.to("K"), P.to("Pa")
    Ks = [_psat(LIQUIDS[a], t) / p, _psat(LIQUIDS[b], t) / p]
    return float(Rachford_Rice_solution(zs=[z, 1 - z], Ks=Ks)[0])


_PR_GASES = [
    ("methane", 190.564, 45.992, 0.01142),
    ("ethane", 305.32, 48.72, 0.0995),
    ("nitrogen", 126.2, 33.98, 0.0372),
    ("carbon dioxide", 304.13, 73.77, 0.2239),
    ("propane", 369.83, 42.48, 0.1521),
]


def _draw_pr(rng: random.Random) -> dict[str, Any]:
    name, Tc, Pc, w = pick(rng, _PR_GASES)
    T = sig(Tc * rng.uniform(1.1, 2.0))
    return {
        "name": name,
        "Tc": Tc,
        "Pc": Pc,
        "w": w,
        "T": Val(T, "K", "K"),
        "P": Val(sig(Pc * rng.uniform(0.1, 1.5)), "bar", "bar absolute"),
    }


@kind(
    "vle/pr_z",
    "vle",
    "",
    ("flash_eos",),
    "Peng-Robinson (1976) equation of state, vapour root (thermo.eos.PR)",
    count=3,
    rel_tol=0.005,
    draw=_draw_pr,
    wordings=(
        """{name} (Tc = {Tc} K, Pc = {Pc} bar, ω = {w}) is at {T} and {P}. What is its
          compressibility factor Z from the Peng-Robinson equation of state?""",
        """Compute the Peng-Robinson Z factor of {name} gas at {P} and {T}; critical
          constants Tc {Tc} K, Pc {Pc} bar, acentric factor {w}.""",
        """Using Peng-Robinson with Tc = {Tc} K, Pc = {Pc} bar and ω = {w}, find Z for
          {name} at {T}, {P}.""",
    ),
)
def _(name: str, Tc: float, Pc: float, w: float, T: Val, P: Val) -> float:
    from thermo.eos import PR

    eos = PR(Tc=Tc, Pc=Pc * 1e5, omega=w, T=T.to("K"), P=P.to("Pa"))
    return float(eos.Z_g if hasattr(eos, "Z_g") else eos.Z_l)


# =======================================================================================
# distillation  (shortcut methods written out here)


def _fenske(alpha: float, xD: float, xB: float) -> float:
    return math.log(xD / (1 - xD) * (1 - xB) / xB) / math.log(alpha)


def _underwood(alpha: float, zF: float, xD: float, q: float) -> float:
    from scipy.optimize import brentq

    a, z, x = (alpha, 1.0), (zF, 1 - zF), (xD, 1 - xD)
    theta = brentq(
        lambda t: sum(ai * zi / (ai - t) for ai, zi in zip(a, z, strict=True)) - (1 - q),
        1 + 1e-9,
        alpha - 1e-9,
        xtol=1e-14,
    )
    return sum(ai * xi / (ai - theta) for ai, xi in zip(a, x, strict=True)) - 1


def _molokanov(Nmin: float, R: float, Rmin: float) -> float:
    X = (R - Rmin) / (R + 1)
    Y = 1 - math.exp((1 + 54.4 * X) / (11 + 117.2 * X) * (X - 1) / math.sqrt(X))
    return (Y + Nmin) / (1 - Y)


def _draw_col(rng: random.Random) -> dict[str, Any]:
    return {
        "alpha": uni(rng, 1.5, 4, 3),
        "zF": uni(rng, 0.3, 0.6, 2),
        "xD": uni(rng, 0.9, 0.995, 3),
        "xB": uni(rng, 0.005, 0.08, 2),
        "factor": uni(rng, 1.15, 1.6, 2),
        "q": (q := pick(rng, [1.0, 0.0, 0.5])),
        "q_text": _QTEXT[q],
        "sys": pick(
            rng,
            [
                "a benzene-toluene",
                "a propylene-propane",
                "an iC4-nC4",
                "a methanol-water",
                "a binary",
            ],
        ),
    }


_QTEXT = {
    1.0: "saturated liquid (q = 1)",
    0.0: "saturated vapour (q = 0)",
    0.5: "half vaporised (q = 0.5)",
}


@kind(
    "distillation/fenske",
    "distillation",
    "",
    ("fenske_min_stages",),
    "Fenske (1932) N_min = ln[(xD/(1-xD)) ((1-xB)/xB)] / ln(alpha)",
    count=3,
    rel_tol=0.003,
    draw=_draw_col,
    wordings=(
        """{sys} column must produce a distillate with {xD} mole fraction light key and a
          bottoms with {xB}. The relative volatility is constant at {alpha}. What is the
          minimum number of theoretical stages (Fenske)?""",
        """With α = {alpha}, how many equilibrium stages at total reflux are needed to go
          from xB = {xB} to xD = {xD} (light key, binary)? Use Fenske.""",
        """Fenske: relative volatility {alpha}, distillate {xD} and bottoms {xB} (light-key
          mole fractions). Compute N_min for {sys} split.""",
    ),
)
def _(alpha: float, xD: float, xB: float, **_: Any) -> float:
    return _fenske(alpha, xD, xB)


def _draw_recovery(rng: random.Random) -> dict[str, Any]:
    return {
        "alpha": uni(rng, 1.4, 3.5, 3),
        "rLK": uni(rng, 0.95, 0.995, 3),
        "rHK": uni(rng, 0.95, 0.995, 3),
        "LK": pick(rng, ["n-butane", "propylene", "toluene", "ethylbenzene"]),
        "HK": pick(rng, ["n-pentane", "propane", "p-xylene", "styrene"]),
    }


@kind(
    "distillation/fenske_recovery",
    "distillation",
    "",
    ("fenske_min_stages",),
    "Fenske with recoveries: N_min = ln[(r_LK/(1-r_LK)) (r_HK/(1-r_HK))] / ln(alpha_LK,HK)",
    count=2,
    rel_tol=0.003,
    draw=_draw_recovery,
    wordings=(
        """A multicomponent column recovers {rLK} of the light key ({LK}) in the
          distillate and {rHK} of the heavy key ({HK}) in the bottoms. The key relative
          volatility is {alpha}. What is the minimum number of stages by Fenske?""",
        """Fenske with fractional recoveries: LK recovery to the top {rLK}, HK recovery to
          the bottom {rHK}, α(LK/HK) = {alpha}. Find N_min.""",
        """How many theoretical stages at total reflux separate {LK} (light key, {rLK}
          recovered overhead) from {HK} (heavy key, {rHK} recovered in the bottoms) if
          α = {alpha}?""",
    ),
)
def _(alpha: float, rLK: float, rHK: float, LK: str, HK: str) -> float:
    return math.log(rLK / (1 - rLK) * rHK / (1 - rHK)) / math.log(alpha)


def _underwood_ok(d: dict[str, Any]) -> bool:
    try:
        return _underwood(d["alpha"], d["zF"], d["xD"], d["q"]) > 0.1
    except ValueError:
        return False


@kind(
    "distillation/underwood",
    "distillation",
    "",
    ("underwood_min_reflux",),
    "Underwood (1948) equations for a binary with constant alpha (root solved with "
    "scipy.optimize.brentq)",
    count=4,
    rel_tol=0.003,
    draw=retry(_draw_col, _underwood_ok),
    wordings=(
        """A {q_text} binary feed with {zF} mole fraction light key is separated into a
          distillate of {xD}; relative volatility {alpha}. What is the minimum reflux ratio
          from the Underwood equations?""",
        """Find R_min by Underwood for {sys} separation: feed zF = {zF} as {q_text},
          distillate xD = {xD}, α = {alpha}.""",
        """What is the minimum reflux ratio (Underwood) when the feed ({zF} light key) is
          {q_text}, the top product is {xD} light key and α = {alpha}?""",
        """Underwood minimum reflux: α {alpha}, zF {zF}, xD {xD}, feed condition
          {q_text}.""",
    ),
)
def _(
    alpha: float, zF: float, xD: float, xB: float, factor: float, q: float, sys: str, q_text: str
) -> float:
    return _underwood(alpha, zF, xD, q)


def _draw_gill(rng: random.Random) -> dict[str, Any]:
    Rmin = uni(rng, 0.8, 3)
    return {"Nmin": uni(rng, 5, 20), "Rmin": Rmin, "R": sig(Rmin * rng.uniform(1.1, 1.8))}


@kind(
    "distillation/gilliland",
    "distillation",
    "",
    ("gilliland_stages",),
    "Gilliland correlation in Molokanov's form (1972)",
    count=3,
    rel_tol=0.01,
    draw=_draw_gill,
    wordings=(
        """A column needs {Nmin} stages at total reflux and has a minimum reflux ratio of
          {Rmin}. It will run at R = {R}. Using the Gilliland correlation in Molokanov's
          form, how many theoretical stages are required?""",
        """Gilliland (Molokanov equation): N_min = {Nmin}, R_min = {Rmin}, R = {R}. Find
          the number of theoretical stages N.""",
        """Estimate the stage count at an operating reflux of {R} for a separation with
          R_min = {Rmin} and N_min = {Nmin}; use Molokanov's fit of the Gilliland
          correlation.""",
    ),
)
def _(Nmin: float, Rmin: float, R: float) -> float:
    return _molokanov(Nmin, R, Rmin)


@kind(
    "distillation/fug",
    "distillation",
    "",
    ("fenske_min_stages", "underwood_min_reflux", "gilliland_stages"),
    "Fenske + Underwood + Gilliland (Molokanov form) written out",
    count=3,
    rel_tol=0.01,
    draw=retry(lambda rng: {**_draw_col(rng), "q": 1.0, "q_text": _QTEXT[1.0]}, _underwood_ok),
    wordings=(
        """{sys} column (constant relative volatility {alpha}) takes a saturated-liquid
          feed with {zF} mole fraction light key and makes a distillate of {xD} and a
          bottoms of {xB}. The reflux ratio is {factor} times the minimum. Using Fenske,
          Underwood and Gilliland (Molokanov form), how many theoretical stages are
          needed?""",
        """Shortcut design (FUG): α = {alpha}, saturated-liquid feed zF = {zF}, xD = {xD},
          xB = {xB}, R = {factor} R_min. Gilliland in Molokanov's form. Number of
          theoretical stages?""",
        """Estimate the theoretical stages for {sys} split by the Fenske-Underwood-Gilliland
          method: relative volatility {alpha}, bubble-point feed at {zF}, products {xD}
          (top) and {xB} (bottom), operating reflux {factor} × minimum; use the Molokanov
          equation.""",
    ),
)
def _(
    alpha: float, zF: float, xD: float, xB: float, factor: float, q: float, sys: str, q_text: str
) -> float:
    Rmin = _underwood(alpha, zF, xD, 1.0)
    return _molokanov(_fenske(alpha, xD, xB), factor * Rmin, Rmin)


def _draw_alpha(rng: random.Random) -> dict[str, Any]:
    a, b = pick(rng, _PAIRS)
    Tb = (_chemical(LIQUIDS[a]).Tb + _chemical(LIQUIDS[b]).Tb) / 2 - 273.15
    return {"a": a, "b": b, "T": Val(float(round(Tb + rng.uniform(-10, 10))), "degC", "°C")}


@kind(
    "distillation/relative_volatility",
    "distillation",
    "",
    ("relative_volatility",),
    _RAOULT + "; alpha = Psat_a / Psat_b",
    count=3,
    rel_tol=0.02,
    draw=_draw_alpha,
    wordings=(
        """Assuming Raoult's law, what is the relative volatility of {a} to {b} at
          {T}?""",
        """For an ideal {a}/{b} system, estimate α({a}/{b}) at {T} from the pure-component
          vapour pressures.""",
        """What relative volatility of {a} with respect to {b} should a shortcut design
          at {T} use, if the mixture is ideal?""",
    ),
)
def _(a: str, b: str, T: Val) -> float:
    t = T.to("K")
    return _psat(LIQUIDS[a], t) / _psat(LIQUIDS[b], t)


def _mccabe(alpha: float, zF: float, xD: float, xB: float, R: float) -> float:
    """Stages stepped from the top (total condenser), feed q = 1, fractional last stage."""
    ym = lambda x: R / (R + 1) * x + xD / (R + 1)  # noqa: E731
    xq = zF
    yq = ym(xq)
    ys = lambda x: xB + (yq - xB) / (xq - xB) * (x - xB)  # noqa: E731
    x, y, n = xD, xD, 0.0
    while True:
        x_new = y / (alpha - (alpha - 1) * y)  # equilibrium
        if x_new <= xB:
            return n + (x - xB) / (x - x_new)
        n += 1
        x = x_new
        y = ym(x) if x > xq else ys(x)


def _draw_mt(rng: random.Random) -> dict[str, Any]:
    d = _draw_col(rng)
    Rmin = _underwood(d["alpha"], d["zF"], d["xD"], 1.0)
    d["R"] = sig(Rmin * d["factor"])
    return d


def _mt_ok(d: dict[str, Any]) -> bool:
    if not _underwood_ok({**d, "q": 1.0}):
        return False
    stages = _mccabe(d["alpha"], d["zF"], d["xD"], d["xB"], d["R"])
    return stages < 60 and 0.15 < stages % 1 < 0.85


@kind(
    "distillation/mccabe_thiele",
    "distillation",
    "",
    ("mccabe_thiele_stages",),
    "McCabe-Thiele stepping from the top with constant alpha, total condenser, "
    "saturated-liquid feed, optimal feed location; partial reboiler counted as a stage",
    count=3,
    rel_tol=0.001,
    draw=retry(_draw_mt, _mt_ok),
    wordings=(
        """A binary with constant relative volatility {alpha} is fed as saturated liquid
          ({zF} mole fraction light component). Distillate {xD}, bottoms {xB}, reflux ratio
          {R}, total condenser. Stepping off stages by McCabe-Thiele from the top with the
          feed at the optimal stage, how many whole equilibrium stages (including the
          partial reboiler) are needed?""",
        """McCabe-Thiele: α = {alpha}, zF = {zF} (q = 1), xD = {xD}, xB = {xB}, R = {R}.
          Count the theoretical stages, reboiler included, rounding a fractional last stage
          up to a whole stage.""",
        """How many equilibrium stages, counting the reboiler and rounding up, does a
          graphical McCabe-Thiele construction give for: relative volatility {alpha},
          saturated-liquid feed at {zF}, products {xD} and {xB}, reflux ratio {R}, optimal
          feed location?""",
    ),
)
def _(alpha: float, zF: float, xD: float, xB: float, R: float, **_: Any) -> float:
    return float(math.ceil(_mccabe(alpha, zF, xD, xB, R)))


# =======================================================================================
# reactors and kinetics  (design equations written out; fluids for Ergun)


def _draw_first(rng: random.Random) -> dict[str, Any]:
    k = val(
        rng,
        [
            ("1/minute", "min⁻¹", 0.02, 0.8),
            ("1/hour", "h⁻¹", 1, 40),
            ("1/second", "s⁻¹", 0.0005, 0.01),
        ],
    )
    return {
        "k": k,
        "v0": val(rng, [("m**3/hour", "m³/h", 1, 50), ("L/minute", "L/min", 20, 800)]),
        "X": uni(rng, 0.5, 0.97, 2),
        "out": out(rng, [("m**3", "m³"), ("L", "L"), ("gallon", "US gal")]),
    }


@kind(
    "reactors/cstr_first_order",
    "reactors",
    "m**3",
    ("reactor_cstr",),
    "CSTR design equation, first order: V = v0 X / (k (1 - X)) (Fogler ch. 5)",
    count=3,
    rel_tol=0.003,
    draw=_draw_first,
    wordings=(
        """A liquid-phase first-order reaction A → B (k = {k}) runs isothermally in a CSTR
          fed at {v0}. What reactor volume gives {X} conversion, in {out}?""",
        """What CSTR volume ({out}) is needed to convert {X} of A in an irreversible
          first-order liquid reaction with rate constant {k}, at a feed rate of {v0}?""",
        """Size a continuous stirred tank for {X} conversion: first-order kinetics,
          k = {k}, constant-density feed {v0}. Volume in {out}?""",
    ),
)
def _(k: Val, v0: Val, X: float, out: Out) -> float:
    return v0.to("m**3/s") * X / (k.to("1/s") * (1 - X))


@kind(
    "reactors/pfr_first_order",
    "reactors",
    "m**3",
    ("reactor_pfr",),
    "PFR design equation, first order, constant density: V = (v0/k) ln(1/(1 - X))",
    count=3,
    rel_tol=0.003,
    draw=_draw_first,
    wordings=(
        """The liquid-phase first-order reaction A → B (k = {k}) is carried out in an
          isothermal plug-flow reactor fed at {v0}. What volume gives {X} conversion, in
          {out}?""",
        """What tubular (plug-flow) reactor volume, in {out}, achieves {X} conversion of A
          for a first-order reaction with k = {k} and a constant-density feed of {v0}?""",
        """PFR sizing: first order, k = {k}, v0 = {v0}, target conversion {X}, liquid
          phase. Volume in {out}?""",
    ),
)
def _(k: Val, v0: Val, X: float, out: Out) -> float:
    return v0.to("m**3/s") / k.to("1/s") * math.log(1 / (1 - X))


def _draw_second(rng: random.Random) -> dict[str, Any]:
    return {
        "k": val(
            rng,
            [
                ("L/(mol*minute)", "L/(mol·min)", 0.01, 0.5),
                ("m**3/(kmol*hour)", "m³/(kmol·h)", 0.5, 30),
            ],
        ),
        "CA0": val(rng, [("mol/L", "mol/L", 0.5, 4), ("kmol/m**3", "kmol/m³", 0.5, 4)]),
        "v0": val(rng, [("L/minute", "L/min", 5, 200), ("m**3/hour", "m³/h", 0.3, 12)]),
        "X": uni(rng, 0.5, 0.95, 2),
        "type": (reactor := pick(rng, ["CSTR", "PFR"])),
        "out": out(rng, [("m**3", "m³"), ("L", "L")]),
        GOLD_TOOLS: ("reactor_cstr",) if reactor == "CSTR" else ("reactor_pfr",),
    }


@kind(
    "reactors/second_order",
    "reactors",
    "m**3",
    ("reactor_cstr", "reactor_pfr"),
    "Second order, constant density: CSTR V = v0 X / (k CA0 (1-X)^2); PFR V = v0 X / (k CA0 (1-X))",
    count=4,
    rel_tol=0.003,
    draw=_draw_second,
    wordings=(
        """A liquid-phase reaction 2A → products with rate −rA = k·CA² (k = {k}) runs in an
          isothermal {type}. Feed: {v0} at CA0 = {CA0}. What {type} volume gives {X}
          conversion, in {out}?""",
        """Second-order kinetics (−rA = k CA², k = {k}), CA0 = {CA0}, volumetric feed {v0},
          constant density. Find the {type} volume ({out}) for X = {X}.""",
        """What volume, in {out}, must an isothermal {type} have to reach {X} conversion
          of A when the rate is k CA² with k = {k}? The feed is {v0} of A at {CA0}.""",
    ),
)
def _(k: Val, CA0: Val, v0: Val, X: float, type: str, out: Out) -> float:
    kc = k.to("m**3/(mol*s)") * CA0.to("mol/m**3")  # pseudo-first-order rate [1/s]
    v = v0.to("m**3/s")
    if type == "CSTR":
        return v * X / (kc * (1 - X) ** 2)
    return v * X / (kc * (1 - X))


def _draw_arrhenius(rng: random.Random) -> dict[str, Any]:
    T1 = uni(rng, 300, 450)
    return {
        "k1": Val(uni(rng, 0.001, 0.5), "1/s", "s⁻¹"),
        "T1": Val(T1, "K", "K"),
        "Ea": val(rng, [("kJ/mol", "kJ/mol", 40, 150), ("kcal/mol", "kcal/mol", 10, 35)]),
        "T2": Val(sig(T1 + rng.uniform(10, 60)), "K", "K"),
    }


@kind(
    "reactors/arrhenius",
    "reactors",
    "1/s",
    (),
    "Arrhenius k2 = k1 exp[-Ea/R (1/T2 - 1/T1)]",
    count=3,
    rel_tol=0.003,
    draw=_draw_arrhenius,
    wordings=(
        """A rate constant is {k1} at {T1}, and the activation energy is {Ea}. What is the
          rate constant at {T2}, in s⁻¹?""",
        """The kinetics lab measured k = {k1} at {T1}. With an activation energy of {Ea},
          estimate k at {T2} (s⁻¹).""",
        """Using the Arrhenius equation with Ea = {Ea}, scale k = {k1} from {T1} to
          {T2}. Answer in s⁻¹.""",
    ),
)
def _(k1: Val, T1: Val, Ea: Val, T2: Val) -> float:
    return k1.value * math.exp(-Ea.to("J/mol") / R_GAS * (1 / T2.value - 1 / T1.value))


def _draw_ergun(rng: random.Random) -> dict[str, Any]:
    gas = rng.random() < 0.6
    return {
        "rho": Val(uni(rng, 1, 30), "kg/m**3", "kg/m³")
        if gas
        else Val(uni(rng, 700, 1000), "kg/m**3", "kg/m³"),
        "mu": Val(uni(rng, 12, 30), "micropascal*second", "µPa·s")
        if gas
        else Val(uni(rng, 0.5, 5), "mPa*s", "mPa·s"),
        "L": Val(uni(rng, 1, 8), "m", "m"),
        "dp": Val(uni(rng, 2, 12), "mm", "mm"),
        "eps": uni(rng, 0.35, 0.45, 2),
        "vs": Val(uni(rng, 0.1, 1.0) if gas else uni(rng, 0.005, 0.05), "m/s", "m/s"),
        "fluid": "gas" if gas else "liquid",
        "out": out(rng, [("kPa", "kPa"), ("bar", "bar")]),
    }


@kind(
    "reactors/ergun",
    "reactors",
    "Pa",
    ("ergun_pressure_drop",),
    "Ergun (1952) equation (fluids.packed_bed.dP_packed_bed, Method='Ergun')",
    count=3,
    rel_tol=0.005,
    draw=_draw_ergun,
    wordings=(
        """A {fluid} (density {rho}, viscosity {mu}) flows through a packed bed {L} deep of
          {dp} spheres with a voidage of {eps}, at a superficial velocity of {vs}. Using the
          Ergun equation, what is the pressure drop, in {out}?""",
        """Estimate the bed pressure drop ({out}) of a fixed-bed reactor: {L} of {dp}
          spherical catalyst, void fraction {eps}, {fluid} at a superficial velocity of {vs}
          with ρ = {rho} and μ = {mu}. Use Ergun.""",
        """What does the Ergun equation give for the pressure drop, in {out}, across {L}
          of packing ({dp} spheres, ε = {eps}) for a {fluid} flowing at {vs} superficial
          (ρ {rho}, μ {mu})?""",
    ),
)
def _(rho: Val, mu: Val, L: Val, dp: Val, eps: float, vs: Val, fluid: str, out: Out) -> float:
    from fluids import dP_packed_bed

    return float(
        dP_packed_bed(
            dp=dp.to("m"),
            voidage=eps,
            vs=vs.value,
            rho=rho.value,
            mu=mu.to("Pa*s"),
            L=L.value,
            Method="Ergun",
        )
    )


def _draw_adiabatic(rng: random.Random) -> dict[str, Any]:
    return {
        "dH": Val(-uni(rng, 30, 150), "kJ/mol", "kJ/mol"),
        "CA0": Val(uni(rng, 0.5, 3), "kmol/m**3", "kmol/m³"),
        "rho": Val(uni(rng, 800, 1100), "kg/m**3", "kg/m³"),
        "cp": Val(uni(rng, 2, 4.2), "kJ/(kg*K)", "kJ/(kg·K)"),
        "T0": val(rng, [("K", "K", 290, 360), ("degC", "°C", 20, 90)]),
        "X": uni(rng, 0.5, 1.0, 2),
    }


@kind(
    "reactors/adiabatic",
    "reactors",
    "K",
    ("adiabatic_temperature_rise",),
    "Adiabatic energy balance T = T0 + (-dHr) CA0 X / (rho cp)",
    count=3,
    rel_tol=0.003,
    draw=_draw_adiabatic,
    wordings=(
        """An exothermic liquid-phase reaction (ΔHr = {dH} of A reacted) is run adiabatically with
          CA0 = {CA0}, feed density {rho} and heat capacity {cp}. The feed enters at {T0}.
          What is the outlet temperature at {X} conversion, in K?""",
        """What temperature (°C) leaves an adiabatic reactor converting {X} of A? Feed at
          {T0}, CA0 {CA0}, ΔHr {dH} (per mol of A), solution density {rho}, cp {cp}
          (constant).""",
        """Adiabatic temperature check for a runaway study: feed {T0}, {CA0} of A, heat of
          reaction {dH}, ρ = {rho}, cp = {cp}, conversion {X}. Outlet temperature in K?""",
    ),
)
def _(dH: Val, CA0: Val, rho: Val, cp: Val, T0: Val, X: float) -> float:
    return T0.to("K") + (-dH.to("J/mol")) * CA0.to("mol/m**3") * X / (rho.value * cp.to("J/(kg*K)"))


def _draw_vant(rng: random.Random) -> dict[str, Any]:
    return {
        "K1": uni(rng, 0.5, 50),
        "T1": Val(298.15, "K", "K"),
        "dH": Val(sig(rng.choice([-1, 1]) * rng.uniform(10, 80)), "kJ/mol", "kJ/mol"),
        "T2": Val(uni(rng, 320, 600), "K", "K"),
    }


@kind(
    "reactors/vant_hoff",
    "reactors",
    "",
    ("equilibrium_constant",),
    "Integrated van 't Hoff equation with constant dH: ln(K2/K1) = -dH/R (1/T2 - 1/T1)",
    count=2,
    rel_tol=0.003,
    draw=_draw_vant,
    wordings=(
        """A reaction has an equilibrium constant of {K1} at {T1}; its standard heat of
          reaction is {dH} (take it as constant). What is K at {T2}?""",
        """Using the van 't Hoff equation with ΔH° = {dH}, extrapolate K = {K1} at {T1} to
          {T2}.""",
        """What equilibrium constant applies at {T2} if K = {K1} at {T1} and ΔH°rxn =
          {dH}, independent of temperature?""",
    ),
)
def _(K1: float, T1: Val, dH: Val, T2: Val) -> float:
    return K1 * math.exp(-dH.to("J/mol") / R_GAS * (1 / T2.value - 1 / T1.value))


def _draw_eqconv(rng: random.Random) -> dict[str, Any]:
    rxn = pick(rng, ["A ⇌ B", "A + B ⇌ C + D"])
    ratio = float(pick(rng, [1.0, 1.5, 2.0]))
    feed = "pure A" if rxn == "A ⇌ B" else f"{ratio:g} mol of B per mol of A and no products"
    return {"K": uni(rng, 0.2, 20), "rxn": rxn, "ratio": ratio, "feed": feed}


@kind(
    "reactors/equilibrium_conversion",
    "reactors",
    "",
    ("equilibrium_conversion",),
    "Equilibrium extent from K = prod x_i^nu_i for an ideal solution (scipy brentq)",
    count=3,
    rel_tol=0.003,
    draw=_draw_eqconv,
    wordings=(
        """For the liquid-phase reaction {rxn} the equilibrium constant (ideal solution,
          activities equal to mole fractions) is {K}. Starting from {feed}, what is the
          equilibrium conversion of A?""",
        """Find the equilibrium conversion of A for {rxn} with K = {K} (ideal liquid
          solution). The feed is {feed}.""",
        """What fraction of A reacts at equilibrium in {rxn}, K = {K}, ideal liquid, when
          the reactor is charged with {feed}?""",
    ),
)
def _(K: float, rxn: str, ratio: float, feed: str) -> float:
    from scipy.optimize import brentq

    if rxn == "A ⇌ B":
        return K / (1 + K)
    return brentq(lambda X: X * X - K * (1 - X) * (ratio - X), 0.0, 1.0 - 1e-15, xtol=1e-15)


# =======================================================================================
# mass and energy balances


_LIQUID_FUELS = ("methanol", "ethanol", "n-octane")
_FUELS = {
    "methane": "74-82-8",
    "ethane": "74-84-0",
    "propane": "74-98-6",
    "n-butane": "106-97-8",
    "hydrogen": "1333-74-0",
    "methanol": "67-56-1",
    "ethanol": "64-17-5",
    "n-octane": "111-65-9",
    "carbon monoxide": "630-08-0",
}


def _draw_fuel(rng: random.Random) -> dict[str, Any]:
    fuel = pick(rng, list(_FUELS))
    state = "liquid" if fuel in _LIQUID_FUELS else "gaseous"
    return {
        "fuel": fuel,
        "state": state,
        "hv": pick(rng, ["higher", "lower"]),
        "out": out(rng, [("MJ/kg", "MJ/kg"), ("kJ/mol", "kJ/mol"), ("Btu/lb", "Btu/lb")]),
    }


@kind(
    "balances/heating_value",
    "balances",
    None,
    ("heat_of_combustion",),
    "chemicals.combustion.combustion_data with standard heats of formation "
    "(chemicals.reaction.Hfg, Hfl for liquid fuels)",
    count=4,
    rel_tol=0.01,
    draw=_draw_fuel,
    wordings=(
        """What is the {hv} heating value of {state} {fuel} at 25 °C, in {out}, from
          standard heats of formation?""",
        """A burner fires {state} {fuel}. Compute its {hv} heating value (standard state,
          25 °C) in {out}.""",
        """From heats of formation, how much heat does complete combustion of {state}
          {fuel} release at 25 °C on a {hv}-heating-value basis? Give it in {out}.""",
    ),
)
def _(fuel: str, state: str, hv: str, out: Out) -> tuple[float, str]:
    from chemicals import MW, Hfg, Hfl
    from chemicals.combustion import combustion_data
    from chemicals.identifiers import search_chemical

    cas = _FUELS[fuel]
    formula = search_chemical(cas).formula
    Hf = Hfg(cas)
    if fuel in _LIQUID_FUELS:  # liquid fuels: the liquid's formation enthalpy
        Hf = Hfl(cas)
    data = combustion_data(formula=formula, Hf=Hf)
    value = -(data.HHV if hv == "higher" else data.LHV)  # J/mol
    if out.unit == "kJ/mol":
        return value / 1e3, "kJ/mol"
    return Val(value / (MW(cas) / 1e3), "J/kg", "").to(out.unit), out.unit


_REACTIONS = [
    ("CO + H2O(g) → CO2 + H2", {"630-08-0": 1, "7732-18-5": 1}, {"124-38-9": 1, "1333-74-0": 1}),
    ("CH4 + H2O(g) → CO + 3 H2", {"74-82-8": 1, "7732-18-5": 1}, {"630-08-0": 1, "1333-74-0": 3}),
    ("N2 + 3 H2 → 2 NH3", {"7727-37-9": 1, "1333-74-0": 3}, {"7664-41-7": 2}),
    ("C2H4 + H2 → C2H6", {"74-85-1": 1, "1333-74-0": 1}, {"74-84-0": 1}),
    ("CO + 2 H2 → CH3OH(g)", {"630-08-0": 1, "1333-74-0": 2}, {"67-56-1": 1}),
    ("2 SO2 + O2 → 2 SO3", {"7446-09-5": 2, "7782-44-7": 1}, {"7446-11-9": 2}),
    ("C2H6 → C2H4 + H2", {"74-84-0": 1}, {"74-85-1": 1, "1333-74-0": 1}),
    (
        "CO2 + 4 H2 → CH4 + 2 H2O(g)",
        {"124-38-9": 1, "1333-74-0": 4},
        {"74-82-8": 1, "7732-18-5": 2},
    ),
]


@kind(
    "balances/heat_of_reaction",
    "balances",
    "J/mol",
    ("heat_of_reaction",),
    "Hess's law with ideal-gas standard heats of formation (chemicals.reaction.Hfg)",
    count=4,
    rel_tol=0.01,
    draw=lambda rng: {
        "i": (i := rng.randrange(len(_REACTIONS))),
        "rxn": _REACTIONS[i][0],
        "out": out(rng, [("kJ/mol", "kJ/mol"), ("kcal/mol", "kcal/mol")]),
    },
    wordings=(
        """What is the standard heat of reaction at 25 °C of {rxn}, in {out} (per mole of
          reaction as written), from standard heats of formation (all species gaseous)?""",
        """Using ideal-gas heats of formation at 298.15 K, compute ΔH°rxn for {rxn} in
          {out}.""",
        """Is {rxn} exothermic? Give its standard enthalpy of reaction at 25 °C in {out}
          (gas phase, per mole of reaction as written).""",
    ),
)
def _(i: int, rxn: str, out: Out) -> float:
    from chemicals import Hfg

    _name, reactants, products = _REACTIONS[i]
    return sum(n * Hfg(c) for c, n in products.items()) - sum(
        n * Hfg(c) for c, n in reactants.items()
    )


def _draw_flame(rng: random.Random) -> dict[str, Any]:
    return {
        "fuel": pick(rng, ["CH4", "C3H8", "H2", "C2H6"]),
        "phi": pick(rng, [0.7, 0.8, 0.9, 1.0]),
        "T0": Val(298.15, "K", "K"),
        "P": Val(101.325, "kPa", "kPa"),
    }


@kind(
    "balances/flame_temperature",
    "balances",
    "K",
    ("adiabatic_flame_temperature",),
    "Cantera 3 HP equilibrium with GRI-Mech 3.0 (air as O2:N2 = 1:3.76)",
    count=3,
    rel_tol=0.01,
    draw=_draw_flame,
    wordings=(
        """{fuel} burns in air (O₂:N₂ = 1:3.76) at an equivalence ratio of {phi}, with
          reactants at {T0} and {P}. Assuming chemical equilibrium of the products (GRI-Mech
          3.0), what is the adiabatic flame temperature in K?""",
        """Estimate the constant-pressure adiabatic flame temperature (K) of {fuel}-air,
          φ = {phi}, reactants at {T0} and {P}, including dissociation (equilibrium
          products, GRI-Mech 3.0).""",
        """What equilibrium adiabatic flame temperature, in K, does a {fuel}/air mixture
          with equivalence ratio {phi} reach, starting from {T0} and {P}? Air is 1 O₂ to
          3.76 N₂.""",
    ),
)
def _(fuel: str, phi: float, T0: Val, P: Val) -> float:
    import cantera as ct

    gas = ct.Solution("gri30.yaml")
    gas.TP = T0.value, P.to("Pa")
    gas.set_equivalence_ratio(phi, fuel, {"O2": 1.0, "N2": 3.76})
    gas.equilibrate("HP")
    return float(gas.T)


def _draw_mix(rng: random.Random) -> dict[str, Any]:
    return {
        "F1": val(rng, [("kg/hour", "kg/h", 500, 10000), ("tonne/hour", "t/h", 0.5, 10)]),
        "w1": uni(rng, 5, 60, 2),
        "F2": val(rng, [("kg/hour", "kg/h", 500, 10000)]),
        "w2": uni(rng, 1, 30, 2),
        "solute": pick(rng, ["NaOH", "sulfuric acid", "ethanol", "sugar", "salt"]),
    }


@kind(
    "balances/mixing",
    "balances",
    "percent",
    ("mass_balance",),
    "Steady-state component balance of a mixer",
    count=3,
    rel_tol=0.003,
    draw=_draw_mix,
    wordings=(
        """{F1} of a {w1:g} wt% {solute} solution is mixed with {F2} of a {w2:g} wt% {solute}
          solution. What is the {solute} concentration of the product, in wt%?""",
        """Two streams meet in a mixing tee: {F1} at {w1:g} wt% {solute} and {F2} at {w2:g} wt%.
          Find the mixed-stream concentration (wt%).""",
        """A blending tank receives {F1} containing {w1:g} wt% {solute} and {F2} containing
          {w2:g} wt% {solute}. At steady state, what is the outlet mass fraction of {solute}, in
          wt%?""",
    ),
)
def _(F1: Val, w1: float, F2: Val, w2: float, solute: str) -> float:
    a, b = F1.to("kg/hour"), F2.to("kg/hour")
    return (a * w1 + b * w2) / (a + b)


def _draw_evap(rng: random.Random) -> dict[str, Any]:
    w0 = uni(rng, 2, 20, 2)
    return {
        "F": val(rng, [("kg/hour", "kg/h", 1000, 50000), ("tonne/hour", "t/h", 1, 50)]),
        "w0": w0,
        "w1": sig(w0 * rng.uniform(2, 5), 2),
        "what": pick(
            rng,
            [
                "an aqueous salt solution",
                "a sugar juice",
                "a caustic liquor",
                "a milk concentrate",
                "a fruit juice",
            ],
        ),
        "out": out(rng, [("kg/hour", "kg/h"), ("tonne/hour", "t/h")]),
    }


@kind(
    "balances/evaporator",
    "balances",
    "kg/hour",
    ("mass_balance",),
    "Steady-state solute and total balances of an evaporator",
    count=3,
    rel_tol=0.003,
    draw=retry(_draw_evap, lambda d: d["w1"] < 70),
    wordings=(
        """An evaporator concentrates {F} of {what} from {w0:g} wt% to {w1:g} wt% solids. No
          solids leave with the vapour. How much water is evaporated, in {out}?""",
        """What evaporation rate ({out}) is needed to take {F} of {what} from {w0:g} wt% to
          {w1:g} wt% dissolved solids?""",
        """A concentrator is fed {F} of {what} at {w0:g} wt% solids and must deliver {w1:g} wt%.
          Find the vapour (water) removed in {out}.""",
    ),
)
def _(F: Val, w0: float, w1: float, what: str, out: Out) -> float:
    f = F.to("kg/hour")
    return f - f * w0 / w1


def _draw_recycle(rng: random.Random) -> dict[str, Any]:
    return {
        "F": Val(uni(rng, 50, 500), "kmol/hour", "kmol/h"),
        "yI": uni(rng, 0.005, 0.03, 2),
        "Xp": uni(rng, 0.1, 0.4, 2),
        "yIr": uni(rng, 0.05, 0.2, 2),
    }


def _recycle_ok(d: dict[str, Any]) -> bool:
    try:
        _recycle(d["F"].to("kmol/hour"), d["yI"], d["Xp"], d["yIr"])
    except ValueError:
        return False
    return True


@kind(
    "balances/recycle_purge",
    "balances",
    "kmol/hour",
    ("mass_balance",),
    "Steady-state balances with recycle and purge solved with scipy.optimize.fsolve",
    count=3,
    rel_tol=0.003,
    draw=retry(_draw_recycle, _recycle_ok),
    wordings=(
        """A fresh feed of {F} contains {yI} mole fraction inert I; the rest is A. A reactor
          converts {Xp} of the A it receives into B (single pass). B is removed completely;
          unreacted A and all of I are recycled, with a purge taken from the recycle so that
          the recycle holds {yIr} mole fraction I. What is the total reactor feed rate
          (fresh feed plus recycle), in kmol/h?""",
        """Recycle loop with purge: fresh feed {F} (A with {yI} inert), single-pass
          conversion of A {Xp}, product B separated completely, the unreacted gas recycled
          with a purge; the recycle contains {yIr} inert. Find the reactor inlet flow in
          kmol/h.""",
        """An A → B process takes {F} of fresh feed containing {yI} mole fraction inerts.
          Per pass {Xp} of the A fed to the reactor converts; all B is removed downstream;
          the remaining A and inerts return to the reactor except a purge, set so the
          recycle is {yIr} inert. What is the combined reactor feed, kmol/h?""",
    ),
)
def _(F: Val, yI: float, Xp: float, yIr: float) -> float:
    return sum(_recycle(F.to("kmol/hour"), yI, Xp, yIr)[:2])


def _recycle(f: float, yI: float, Xp: float, yIr: float) -> tuple[float, float, float]:
    """Reactor-inlet A and I [kmol/h] and the purge split fraction, from the balances.

    Solved numerically (scipy.optimize.fsolve) from the three balance equations: A around
    the mixer, I around the loop, and the recycle composition.
    """
    from scipy.optimize import fsolve

    def equations(u: list[float]) -> list[float]:
        A_in, I_in, s = u
        A_out = (1 - Xp) * A_in
        return [
            A_in - f * (1 - yI) - (1 - s) * A_out,
            I_in - f * yI - (1 - s) * I_in,
            I_in - yIr * (A_out + I_in),
        ]

    # start from the no-purge limit of the A balance so fsolve lands on the physical root
    A0 = f * (1 - yI) / Xp
    A_in, I_in, s = fsolve(equations, [A0, yIr / (1 - yIr) * (1 - Xp) * A0, 0.05], xtol=1e-13)
    if max(abs(r) for r in equations([A_in, I_in, s])) > 1e-6 * f or not 0 < s < 1:
        raise ValueError("recycle balance did not converge to a physical solution")
    return float(A_in), float(I_in), float(s)


def _draw_comb_air(rng: random.Random) -> dict[str, Any]:
    return {
        "fuel": pick(rng, ["methane", "propane", "ethane", "n-butane"]),
        "excess": float(pick(rng, [5, 10, 15, 20, 25, 30])),
        "basis": pick(rng, ["kg air per kg fuel", "mol air per mol fuel"]),
    }


_CnH = {"methane": (1, 4), "ethane": (2, 6), "propane": (3, 8), "n-butane": (4, 10)}


@kind(
    "balances/combustion_air",
    "balances",
    "",
    ("heat_of_combustion",),
    "Combustion stoichiometry CnHm + (n + m/4) O2; air 20.95 mol% O2, molar masses from "
    "chemicals.elements",
    count=3,
    rel_tol=0.005,
    draw=_draw_comb_air,
    wordings=(
        """{fuel} burns completely with {excess:g}% excess air (air: 20.95 mol% O₂, rest
          treated as N₂ with molar mass 28.013, O₂ 31.999 g/mol). How much air is supplied,
          in {basis}?""",
        """A furnace fires {fuel} with {excess:g}% excess air. Using 20.95 mol% O₂ in air
          (balance N₂, M = 28.013; O₂ 31.999 g/mol), what is the air-to-fuel ratio in
          {basis}?""",
        """Compute the combustion air requirement ({basis}) for {fuel} at {excess:g}% excess
          air, complete combustion, air = 20.95% O₂ + 79.05% N₂ by mole (M_O2 31.999,
          M_N2 28.013 g/mol).""",
    ),
)
def _(fuel: str, excess: float, basis: str) -> float:
    from chemicals import MW

    n, m = _CnH[fuel]
    o2 = (n + m / 4) * (1 + excess / 100)
    air_mol = o2 / 0.2095
    if basis.startswith("mol"):
        return air_mol
    M_air = 0.2095 * 31.999 + 0.7905 * 28.013
    return air_mol * M_air / MW(_FUELS[fuel])


def build_records() -> Iterator[dict[str, Any]]:
    """Draw, word and solve every item of every kind, in a fixed order."""
    keys = [k.key for k in KINDS]
    duplicates = [key for key, n in Counter(keys).items() if n > 1]
    if duplicates:
        raise ValueError(f"duplicate problem kind {duplicates[0]!r} in build_process.py")
    numbers: Counter[str] = Counter()
    for item in sorted(KINDS, key=lambda k: CATEGORIES.index(k.category)):
        for n in range(item.count):
            rng = random.Random(f"{item.key}:{n}")
            inputs = item.draw(rng)
            tools = inputs.pop(GOLD_TOOLS, item.tools)
            wording = item.wordings[n % len(item.wordings)]
            try:
                answer, unit = reference_answer(item, inputs)
            except Exception as error:
                raise RuntimeError(f"{item.key} #{n} failed: {error!r}") from error
            numbers[item.category] += 1
            record: dict[str, Any] = {
                "id": f"{ID_PREFIX}-{item.category}-{numbers[item.category]:03d}",
                "category": item.category,
                "question": as_sentence(wording.format(**as_shown(inputs))),
                "answer": answer,
                "unit": unit,
                "rel_tol": item.rel_tol,
                "source": item.source,
            }
            if tools:
                record["tools"] = list(tools)
            record["kind"] = item.key
            yield record


def write_dataset(path: Path) -> int:
    """Write the dataset as JSONL to ``path``; return the number of problems written."""
    return write_jsonl(path, build_records())


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else Path(__file__).with_name("process.jsonl")
    count = write_dataset(target)
    print(f"wrote {count} problems to {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
