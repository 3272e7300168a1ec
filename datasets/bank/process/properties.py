"""Process-set kinds: properties (thermo 0.6 / chemicals 1.5 recommended methods; CoolProp for gases)."""

from __future__ import annotations

import random
from typing import Any

from bank.core import (
    P_ATM,
    R_GAS,
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
from bank.lookups import LIQUIDS, _chemical, _coolprop, _psat, _tsat
from bank.menus import t_c

KINDS: list[Kind] = []
kind = registrar(KINDS)


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
