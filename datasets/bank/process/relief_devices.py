"""Process-set kinds: relief devices (API 520 Part I / API 526 through fluids.safety_valve)."""

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
    retry,
    uni,
    val,
    with_inputs,
)
from bank.lookups import _coolprop
from bank.menus import DENS_LIQ

KINDS: list[Kind] = []
kind = registrar(KINDS)


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
