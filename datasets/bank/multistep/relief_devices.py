"""Multi-step kinds: relief devices (API 520 Part I / API 526 through fluids.safety_valve)."""

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
)
from bank.lookups import LIQUIDS, _chemical, _liquid
from bank.multistep.compressors import _molar_flow, _std_flow
from bank.multistep.values import (
    FLOW_LIQ,
    gauge,
    temperature,
)
from bank.process.relief_devices import _API526

KINDS: list[Kind] = []
kind = registrar(KINDS)


_API = "API 520 Part I 10th ed. (fluids.safety_valve.API520_A_g/_A_l)"


def _draw_relief_named(rng: random.Random) -> dict[str, Any]:
    name = pick(rng, ["water", "toluene", "benzene", "methanol", "ethanol", "n-heptane", "acetone"])
    Tb = _chemical(LIQUIDS[name]).Tb - 273.15
    Pset, atm = gauge(rng)
    return {
        "name": name,
        "T": temperature(rng, 15, Tb - 15),
        "Q": val(rng, FLOW_LIQ),
        "Pset": Pset,
        "atm": atm,
        "out": out(rng, [("mm**2", "mm²"), ("inch**2", "in²"), ("cm**2", "cm²")]),
    }


@kind(
    "relief_devices/liquid_area_named",
    "relief_devices",
    "m**2",
    ("density", "flow_rates", "relief_valve_liquid"),
    _API + "; liquid service, 10% overpressure, Kd = 0.65, Kw = Kc = Kv = 1; liquid "
    "density at the relieving temperature from thermo 0.6 Chemical (CoolProp)",
    count=4,
    rel_tol=0.02,
    draw=_draw_relief_named,
    wordings=(
        """A relief valve protects a pump discharge against blocked outlet: it must pass
          {Q} of {name} at {T}. Set pressure {Pset}, 10% overpressure, discharge to
          atmosphere ({atm}). Using API 520 for a certified liquid valve (Kd = 0.65, no
          back-pressure, viscosity or rupture-disk correction) and the density of {name}
          at {T}, what effective area is required, in {out}?""",
        """Size a liquid PSV for {Q} of {name} at a relieving temperature of {T}: set at
          {Pset}, 10% accumulation, outlet to atmosphere ({atm}), Kd 0.65, Kw = Kc = Kv = 1.
          Convert the flow to mass flow with the liquid's density, then give the API 520
          area in {out}.""",
        """What API 520 Part I orifice area ({out}) does a thermal-relief or blocked-outlet
          valve need to relieve {Q} of liquid {name} ({T})? Set pressure {Pset} plus 10%
          overpressure; atmospheric back pressure {atm}; Kd = 0.65; correction factors
          1.""",
        """Liquid relief: {name} at {T}, required capacity {Q}, set {Pset}, overpressure
          10%, barometer {atm}, discharge to atmosphere, certified Kd 0.65, no viscosity
          correction. Required effective area in {out}?""",
    ),
)
def _(name: str, T: Val, Q: Val, Pset: Val, atm: Val, out: Out) -> float:
    from fluids import API520_A_l

    rho = _liquid(name, T.to("K"))["rho"]
    return float(
        API520_A_l(
            m=Q.to("m**3/s") * rho,
            rho=rho,
            P1=Pset.to("Pa") * 1.1 + atm.to("Pa"),
            P2=atm.to("Pa"),
            overpressure=1.1,
            Kd=0.65,
            Kc=1.0,
            Kw=1.0,
            Kv=1.0,
        )
    )


def _draw_relief_std(rng: random.Random) -> dict[str, Any]:
    gas, MW, k = pick(
        rng,
        [
            ("natural gas", 18.5, 1.27),
            ("nitrogen", 28.01, 1.4),
            ("methane", 16.04, 1.31),
            ("ethylene", 28.05, 1.24),
            ("hydrogen", 2.016, 1.41),
            ("air", 28.96, 1.4),
        ],
    )
    Pset, atm = gauge(rng)
    return {
        "gas": gas,
        "MW": MW,
        "k": k,
        **_std_flow(rng),
        "T": temperature(rng, 30, 200),
        "Z": uni(rng, 0.88, 1.0, 2),
        "Pset": Pset,
        "over": pick(rng, [10, 16, 21]),
        "atm": atm,
    }


def _relief_std_area(d: dict[str, Any]) -> float:
    """Required effective area [in^2]."""
    from fluids import API520_A_g

    m = _molar_flow(d["Qs"], d["Ts"], d["Pstd"]) * d["MW"] / 1e3
    area = API520_A_g(
        m=m,
        T=d["T"].to("K"),
        Z=d["Z"],
        MW=d["MW"],
        k=d["k"],
        P1=d["Pset"].to("Pa") * (1 + d["over"] / 100) + d["atm"].to("Pa"),
        P2=d["atm"].to("Pa"),
        Kd=0.975,
        Kb=1,
        Kc=1,
    )
    return Val(float(area), "m**2", "").to("inch**2")


def _api526_ok(d: dict[str, Any]) -> bool:
    need = _relief_std_area(d)
    return 0.2 < need < 25 and all(abs(need / a - 1) > 0.03 for a in _API526)


@kind(
    "relief_devices/api526_standard_flow",
    "relief_devices",
    "inch**2",
    ("unit_convert", "relieving_pressure", "relief_valve_gas", "api526_orifice"),
    _API + "; critical flow, Kd = 0.975, Kb = Kc = 1; standard volume to mass by the "
    "ideal-gas law; API 526 standard effective orifice areas (letters D to T)",
    count=4,
    rel_tol=0.001,
    draw=retry(_draw_relief_std, _api526_ok),
    wordings=(
        """A PSV on a {gas} line must relieve {Qs} ({ref}). Gas data: molar mass {MW} g/mol,
          k = {k}, Z = {Z}; relieving temperature {T}. Set pressure {Pset}, allowable
          overpressure {over}%, discharge to atmosphere ({atm}). Size it by API 520
          (Kd = 0.975, Kb = Kc = 1) and pick the smallest API 526 orifice that is large
          enough. What is that orifice's effective area, in in²?""",
        """Which API 526 orifice does a relief valve need for {Qs} of {gas} (flow in {ref})?
          M = {MW} g/mol, k = {k}, Z = {Z}, T = {T}; set {Pset} with {over}% overpressure;
          atmospheric outlet, barometer {atm}; API 520 with Kd 0.975. Report the selected
          orifice's effective area in in².""",
        """Relief sizing from a standard flow: {gas}, {Qs} ({ref}), molar mass {MW} g/mol,
          cp/cv {k}, compressibility {Z}, relieving at {T}. Set pressure {Pset}, {over}%
          overpressure, discharge to atmosphere at {atm}. Convert the flow to mass flow,
          size per API 520 (Kd = 0.975, conventional valve, no rupture disk), then select
          the API 526 letter. Its effective area in in²?""",
        """Select the API 526 standard orifice for a gas relief case: {Qs} ({ref}) of {gas}
          (M {MW} g/mol, k {k}, Z {Z}), {T}, set pressure {Pset} + {over}%, vented to
          atmosphere ({atm}), Kd = 0.975, Kb = Kc = 1. Give the chosen orifice's effective
          area in in².""",
    ),
)
def _(**d: Any) -> float:
    need = _relief_std_area(d)
    return next(a for a in _API526 if a >= need)
