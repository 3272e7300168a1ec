"""Multi-step kinds: heat exchangers (ht 1.2)."""

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
    sig,
    uni,
    val,
)
from bank.lookups import _coolprop
from bank.multistep.values import (
    AREA_OUT,
    CP_LIQ,
    MASS_FLOW,
    U_MENU,
    absolute,
    gauge,
)

KINDS: list[Kind] = []
kind = registrar(KINDS)


def _draw_hx(rng: random.Random) -> dict[str, Any]:
    Thi = rng.uniform(110, 250)
    Tho = Thi - rng.uniform(30, 0.6 * (Thi - 40))
    Tci = rng.uniform(15, 40)
    Tco = Tci + rng.uniform(10, 0.8 * (Tho - Tci))
    us = rng.random() < 0.4
    temps = [
        Val(float(round(t * 1.8 + 32)), "degF", "°F") if us else Val(sig(t), "degC", "°C")
        for t in (Thi, Tho, Tci, Tco)
    ]
    return {
        "Thi": temps[0],
        "Tho": temps[1],
        "Tci": temps[2],
        "Tco": temps[3],
        "m": val(rng, MASS_FLOW[1:2] if us else MASS_FLOW[::2]),
        "cp": val(rng, CP_LIQ[1:] if us else CP_LIQ[:1]),
        "U": val(rng, U_MENU[1:] if us else U_MENU[:1]),
        "shell": (shell := rng.random() < 0.6),
        "arrangement": "a 1-2 shell-and-tube exchanger (one shell pass, two tube passes)"
        if shell
        else "a counter-current double-pipe exchanger",
        "stream": pick(
            rng,
            ["a hot oil", "a product stream", "a reactor effluent", "a lean solvent", "a gas oil"],
        ),
        "out": out(rng, AREA_OUT[1::2] if us else AREA_OUT[::2]),
    }


def _hx_f(d: dict[str, Any]) -> float:
    from ht import F_LMTD_Fakheri

    if not d["shell"]:
        return 1.0
    T = [d[k].to("K") for k in ("Thi", "Tho", "Tci", "Tco")]
    try:
        return float(F_LMTD_Fakheri(*T, shells=1))
    except (ValueError, ZeroDivisionError):
        return 0.0


def _hx_ok(d: dict[str, Any]) -> bool:
    Thi, Tho, Tci, Tco = (d[k].to("K") for k in ("Thi", "Tho", "Tci", "Tco"))
    terminal = Tho - Tci > 8 and Thi - Tco > 8 and abs((Thi - Tco) - (Tho - Tci)) > 1
    return terminal and (0.8 < _hx_f(d) <= 1.0)


@kind(
    "heat_exchangers/area_from_stream",
    "heat_exchangers",
    "m**2",
    ("hx_duty", "hx_lmtd", "hx_area"),
    "Q = m cp (Thi - Tho); counter-current LMTD (ht.core.LMTD) with the 1-2 correction "
    "factor F (ht.core.F_LMTD_Fakheri); A = Q / (U F LMTD)",
    count=4,
    rel_tol=0.01,
    draw=retry(_draw_hx, _hx_ok),
    wordings=(
        """{m} of {stream} (cp = {cp}) is cooled from {Thi} to {Tho} in {arrangement}. The
          cooling medium enters at {Tci} and leaves at {Tco}. With an overall heat-transfer
          coefficient of {U}, what heat-transfer area is required, in {out}?""",
        """Size {arrangement}: hot side {stream}, {m}, specific heat {cp}, {Thi} in and
          {Tho} out; cold side {Tci} in, {Tco} out; U = {U}. Work out the duty, the mean
          temperature difference and the area in {out}.""",
        """What area ({out}) does {arrangement} need to cool {m} of {stream} with a heat
          capacity of {cp} from {Thi} to {Tho}, while the coolant warms from {Tci} to
          {Tco}? The overall coefficient is {U}.""",
        """Exchanger design check: {stream} at {m} (cp {cp}) enters at {Thi} and must leave
          at {Tho}; coolant {Tci} → {Tco}; U {U}; the unit is {arrangement}. Required
          surface in {out}?""",
    ),
)
def _(
    Thi: Val,
    Tho: Val,
    Tci: Val,
    Tco: Val,
    m: Val,
    cp: Val,
    U: Val,
    shell: bool,
    arrangement: str,
    stream: str,
    out: Out,
) -> float:
    from ht import LMTD

    T = [x.to("K") for x in (Thi, Tho, Tci, Tco)]
    Q = m.to("kg/s") * cp.to("J/(kg*K)") * (T[0] - T[1])
    F = _hx_f({"shell": shell, "Thi": Thi, "Tho": Tho, "Tci": Tci, "Tco": Tco})
    return Q / (U.to("W/(m**2*K)") * F * float(LMTD(*T)))


_HEATED = {  # stream -> specific heat range [kJ/(kg K)]
    "boiler feed water": (4.18, 4.25),
    "a crude-oil charge": (1.9, 2.3),
    "a solvent": (1.7, 2.2),
    "a glycol-water solution": (3.3, 3.7),
    "a reactor feed": (2.0, 3.0),
}


def _draw_steam_heater(rng: random.Random) -> dict[str, Any]:
    if rng.random() < 0.6:
        Ps, atm = gauge(rng, 0.35)
        steam = f"saturated steam at {Ps} (atmospheric pressure {atm})"
        ps = absolute(Ps, atm)
    else:
        Ps = val(rng, [("bar", "bar absolute", 2, 12), ("psi", "psia", 30, 175)])
        steam = f"saturated steam at {Ps}"
        ps = Ps.to("Pa")
    Ts = _coolprop("T", "P", ps, "Q", 1, "Water") - 273.15
    T1 = rng.uniform(10, 60)
    T2 = T1 + rng.uniform(0.3, 0.85) * (Ts - 10 - T1)
    us = rng.random() < 0.4
    temps = [
        Val(float(round(t * 1.8 + 32)), "degF", "°F") if us else Val(float(round(t)), "degC", "°C")
        for t in (T1, T2)
    ]
    stream = pick(rng, list(_HEATED))
    cp = uni(rng, *_HEATED[stream])
    return {
        "steam": steam,
        "ps": ps,
        "T1": temps[0],
        "T2": temps[1],
        "m": val(rng, MASS_FLOW[1:2] if us else MASS_FLOW[::2]),
        "cp": Val(sig(cp * 0.238846), "Btu/(lb*delta_degF)", "Btu/(lb·°F)")
        if us
        else Val(cp, "kJ/(kg*K)", "kJ/(kg·K)"),
        "U": val(rng, U_MENU[1:] if us else U_MENU[:1]),
        "stream": stream,
        "out": out(rng, AREA_OUT[1::2] if us else AREA_OUT[::2]),
    }


def _steam_heater_ok(d: dict[str, Any]) -> bool:
    Ts = _coolprop("T", "P", d["ps"], "Q", 1, "Water")
    return Ts - d["T2"].to("K") > 8 and d["T2"].to("K") - d["T1"].to("K") > 10


@kind(
    "heat_exchangers/steam_heater_area",
    "heat_exchangers",
    "m**2",
    ("steam_saturation", "hx_duty", "hx_lmtd", "hx_area"),
    "Condensing temperature from CoolProp 8 (IAPWS-95); Q = m cp (T2 - T1); LMTD with an "
    "isothermal hot side (ht.core.LMTD); A = Q / (U LMTD)",
    count=4,
    rel_tol=0.01,
    draw=retry(_draw_steam_heater, _steam_heater_ok),
    wordings=(
        """A heater warms {m} of {stream} (cp = {cp}) from {T1} to {T2} with {steam}
          condensing on the shell side. The overall coefficient is {U}. What heat-transfer
          area is needed, in {out}?""",
        """{steam} condenses in a heater that raises {stream} ({m}, specific heat {cp})
          from {T1} to {T2}. U = {U}. Find the steam's condensing temperature, the duty and
          the LMTD, and give the required area in {out}.""",
        """What surface ({out}) must a steam heater have to take {m} of {stream} from {T1}
          to {T2}, heated by {steam}? Heat capacity of the stream {cp}; overall
          coefficient {U}; condensate leaves at the saturation temperature.""",
        """Steam heater sizing: process side {stream}, {m}, cp {cp}, {T1} → {T2}; heating
          medium {steam}; U {U}. Required area in {out}?""",
    ),
)
def _(
    steam: str, ps: float, T1: Val, T2: Val, m: Val, cp: Val, U: Val, stream: str, out: Out
) -> float:
    from ht import LMTD

    Ts = _coolprop("T", "P", ps, "Q", 1, "Water")
    t1, t2 = T1.to("K"), T2.to("K")
    Q = m.to("kg/s") * cp.to("J/(kg*K)") * (t2 - t1)
    return Q / (U.to("W/(m**2*K)") * float(LMTD(Ts, Ts, t1, t2)))
