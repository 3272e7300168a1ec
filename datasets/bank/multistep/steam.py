"""Multi-step kinds: steam (CoolProp 8, IAPWS-95)."""

from __future__ import annotations

import random
from typing import Any

from bank.core import (
    Kind,
    Out,
    Val,
    out,
    registrar,
    uni,
    val,
)
from bank.lookups import _coolprop

KINDS: list[Kind] = []
kind = registrar(KINDS)


def _draw_turbine(rng: random.Random) -> dict[str, Any]:
    P1 = val(
        rng,
        [
            ("bar", "bar absolute", 20, 120),
            ("MPa", "MPa absolute", 2, 12),
            ("psi", "psia", 300, 1700),
        ],
    )
    Tsat = _coolprop("T", "P", P1.to("Pa"), "Q", 1, "Water") - 273.15
    T1_c = round(min(Tsat + rng.uniform(60, 220), 560))
    if rng.random() < 1 / 3:
        T1 = Val(float(round(T1_c * 1.8 + 32)), "degF", "°F")
    else:
        T1 = Val(float(T1_c), "degC", "°C")
    return {
        "P1": P1,
        "T1": T1,
        "P2": val(rng, [("bar", "bar absolute", 0.1, 6), ("kPa", "kPa absolute", 10, 600)]),
        "eta": uni(rng, 0.65, 0.88, 2),
        "m": val(
            rng,
            [
                ("tonne/hour", "t/h", 5, 150),
                ("kg/hour", "kg/h", 5000, 150000),
                ("lb/hour", "lb/h", 11000, 330000),
            ],
        ),
        "out": out(rng, [("kW", "kW"), ("MW", "MW"), ("hp", "hp")]),
    }


@kind(
    "steam/turbine_power",
    "steam",
    "W",
    ("steam_properties", "steam_properties"),
    "CoolProp 8 PropsSI for Water (IAPWS-95): h1, s1 at the inlet, h2s at (P2, s1); "
    "W = m eta_s (h1 - h2s)",
    count=4,
    rel_tol=0.01,
    draw=_draw_turbine,
    wordings=(
        """A steam turbine receives {m} of steam at {P1} and {T1} and exhausts at {P2}. Its
          isentropic efficiency is {eta}. Using the steam tables, what power does it
          develop, in {out}?""",
        """What shaft power ({out}) does a turbine produce from {m} of superheated steam
          entering at {T1} and {P1} and leaving at {P2}, if the isentropic efficiency is
          {eta}? Use IAPWS steam properties.""",
        """Estimate the output, in {out}, of a back-pressure or condensing turbine: inlet
          steam {P1}, {T1}; exhaust pressure {P2}; steam rate {m}; isentropic efficiency
          {eta}. Take the inlet state and the isentropic exhaust state from the steam
          tables.""",
        """Steam ({m}) expands in a turbine from {P1}/{T1} to {P2} with η_s = {eta}. How
          much power does the turbine deliver, in {out}?""",
    ),
)
def _(P1: Val, T1: Val, P2: Val, eta: float, m: Val, out: Out) -> float:
    p1, t1 = P1.to("Pa"), T1.to("K")
    h1 = _coolprop("H", "P", p1, "T", t1, "Water")
    s1 = _coolprop("S", "P", p1, "T", t1, "Water")
    h2s = _coolprop("H", "P", P2.to("Pa"), "S", s1, "Water")
    return m.to("kg/s") * eta * (h1 - h2s)
