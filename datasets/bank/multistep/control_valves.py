"""Multi-step kinds: control valves (IEC 60534-2-1 through fluids.control_valve)."""

from __future__ import annotations

import math
import random
from typing import Any

from bank.core import (
    Kind,
    Out,
    Val,
    pick,
    registrar,
    retry,
    sig,
    uni,
    val,
)
from bank.lookups import _coolprop
from bank.multistep.values import (
    FLOW_LIQ,
    absolute,
    gauge,
    temperature,
)

KINDS: list[Kind] = []
kind = registrar(KINDS)


_CV = "gallon/(minute*psi**0.5)"
_KV = "m**3/(hour*bar**0.5)"


def _draw_cv_gauges(rng: random.Random) -> dict[str, Any]:
    liquid, lo, hi = pick(
        rng,
        [
            ("water", 1.0, 1.0),
            ("a light hydrocarbon", 0.6, 0.7),
            ("an amine solution", 1.0, 1.05),
            ("a solvent", 0.8, 0.9),
            ("a brine", 1.1, 1.2),
        ],
    )
    us = rng.random() < 0.6
    if us:
        P1 = val(rng, [("psi", "psig", 60, 300), ("psi", "pounds per square inch gauge", 60, 300)])
        dP = uni(rng, 5, 0.5 * P1.value)
    else:
        P1 = val(rng, [("bar", "barg", 4, 20), ("bar", "bar gauge", 4, 20)])
        dP = uni(rng, 0.35, 0.5 * P1.value)
    return {
        "liquid": liquid,
        "SG": uni(rng, lo, hi, 2),
        "Q": val(rng, FLOW_LIQ[2:4] if us else FLOW_LIQ[:2]),
        "P1": P1,
        "P2": Val(sig(P1.value - dP), P1.unit, P1.label),
        "out": pick(rng, [Out(_CV, "Cv"), Out(_CV, "Cv (US gpm at 1 psi)"), Out(_KV, "Kv")]),
    }


@kind(
    "control_valves/cv_from_gauges",
    "control_valves",
    None,
    ("pressure_difference", "control_valve_liquid"),
    "Turbulent non-choked liquid sizing Kv = Q sqrt(SG/dP) (IEC 60534-2-1 eq. 1, N1 = 1, "
    "Fp = 1) with dP = P1 - P2; Cv = Kv/0.865 (fluids.Kv_to_Cv)",
    count=4,
    rel_tol=0.01,
    draw=_draw_cv_gauges,
    wordings=(
        """A control valve passes {Q} of {liquid} (specific gravity {SG}). The upstream gauge
          reads {P1} and the downstream gauge {P2}. For turbulent, non-choked flow with no
          reducers, what {out} does the valve need?""",
        """Size a liquid control valve: {Q} of {liquid}, SG = {SG}, inlet pressure {P1},
          outlet pressure {P2}. Assume fully turbulent, non-flashing flow and a line-size
          valve. Required {out}?""",
        """What flow coefficient ({out}) is required to let {Q} of {liquid} with a relative
          density of {SG} down from {P1} to {P2}? Non-choked turbulent flow, Fp = 1.""",
        """Valve sizing from field readings: {Q} of {liquid} (SG {SG}), pressure before the
          valve {P1}, after it {P2}. Turbulent and not choked; find the {out}.""",
    ),
)
def _(liquid: str, SG: float, Q: Val, P1: Val, P2: Val, out: Out) -> tuple[float, str]:
    from fluids import Kv_to_Cv

    dP_bar = Val(P1.value - P2.value, P1.unit, "").to("bar")
    Kv = Q.to("m**3/hour") * math.sqrt(SG / dP_bar)
    return (float(Kv_to_Cv(Kv)), _CV) if out.unit == _CV else (Kv, _KV)


def _draw_valve_water(rng: random.Random) -> dict[str, Any]:
    T = temperature(rng, 20, 150)
    P1, atm = gauge(rng, 0.9)
    return {
        "T": T,
        "Q": val(rng, FLOW_LIQ[:4]),
        "P1": P1,
        "P2": Val(sig(P1.value * rng.uniform(0.3, 0.85)), P1.unit, P1.label),
        "atm": atm,
        "FL": pick(rng, [0.9, 0.85, 0.8]),
        "Fd": pick(rng, [0.46, 0.42, 1.0]),
        "out": pick(rng, [Out(_CV, "Cv"), Out(_KV, "Kv")]),
    }


def _valve_water_props(T: Val, P1: Val, atm: Val) -> tuple[float, float, float]:
    t, p1 = T.to("K"), absolute(P1, atm)
    return (
        _coolprop("D", "T", t, "P", p1, "Water"),
        _coolprop("V", "T", t, "P", p1, "Water"),
        _coolprop("P", "T", t, "Q", 0, "Water"),
    )


def _valve_water_ok(d: dict[str, Any]) -> bool:
    _rho, _mu, Pv = _valve_water_props(d["T"], d["P1"], d["atm"])
    p1, p2 = absolute(d["P1"], d["atm"]), absolute(d["P2"], d["atm"])
    FF = 0.96 - 0.28 * math.sqrt(Pv / 22.064e6)
    choked = d["FL"] ** 2 * (p1 - FF * Pv)
    return p2 > 1.2 * Pv and abs((p1 - p2) / choked - 1) > 0.05


@kind(
    "control_valves/water_valve_lookup",
    "control_valves",
    None,
    ("steam_saturation", "pure_properties", "control_valve_liquid"),
    "IEC 60534-2-1:2011 (fluids.control_valve.size_control_valve_l), choked and viscous "
    "corrections included; water density, viscosity and vapour pressure from CoolProp 8 "
    "(IAPWS-95); Cv = Kv/0.865",
    count=4,
    rel_tol=0.02,
    draw=retry(_draw_valve_water, _valve_water_ok),
    wordings=(
        """A control valve handles {Q} of water at {T}. Inlet pressure {P1}, outlet {P2};
          atmospheric pressure {atm}. Valve factors FL = {FL} and Fd = {Fd}; line-size valve.
          Looking up the water's density, viscosity and vapour pressure at {T} (critical
          pressure 22.064 MPa), what {out} does IEC 60534 require?""",
        """Size a hot-water valve to IEC 60534-2-1: {Q} at {T}, {P1} upstream, {P2}
          downstream (barometer {atm}), FL {FL}, Fd {Fd}, no reducers. Take the water
          properties from the steam tables (p_c = 22.064 MPa) and check for choked flow.
          Required {out}?""",
        """What {out} is needed to pass {Q} of {T} water from {P1} to {P2}? The local
          atmospheric pressure is {atm}. Use IEC 60534 with FL = {FL}, Fd = {Fd} and Fp = 1,
          with density, viscosity and vapour pressure of water at {T} (critical pressure
          22.064 MPa).""",
        """IEC 60534 liquid sizing with a property look-up: water at {T}, flow {Q}, inlet
          {P1}, outlet {P2}, barometer {atm}; valve FL {FL}, Fd {Fd}; valve the size of the
          line; water's critical pressure 22.064 MPa. Find the {out}.""",
    ),
)
def _(
    T: Val, Q: Val, P1: Val, P2: Val, atm: Val, FL: float, Fd: float, out: Out
) -> tuple[float, str]:
    from fluids import Kv_to_Cv, size_control_valve_l

    rho, mu, Pv = _valve_water_props(T, P1, atm)
    Kv = float(
        size_control_valve_l(
            rho=rho,
            Psat=Pv,
            Pc=22.064e6,
            mu=mu,
            P1=absolute(P1, atm),
            P2=absolute(P2, atm),
            Q=Q.to("m**3/s"),
            FL=FL,
            Fd=Fd,
        )
    )
    return (float(Kv_to_Cv(Kv)), _CV) if out.unit == _CV else (Kv, _KV)
