"""Process-set kinds: control valves (IEC 60534-2-1 through fluids.control_valve)."""

from __future__ import annotations

import math
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
    uni,
    val,
)
from bank.lookups import _coolprop

KINDS: list[Kind] = []
kind = registrar(KINDS)


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
