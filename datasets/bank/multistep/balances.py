"""Multi-step kinds: mass and energy balances."""

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
    CP_LIQ,
    MASS_FLOW,
    absolute,
    gauge,
)

KINDS: list[Kind] = []
kind = registrar(KINDS)


_FUEL_CAS = {
    "methane": ("74-82-8", "CH4"),
    "ethane": ("74-84-0", "C2H6"),
    "propane": ("74-98-6", "C3H8"),
    "n-butane": ("106-97-8", "C4H10"),
    "hydrogen": ("1333-74-0", "H2"),
}


def _lhv(fuel: str) -> float:
    """Lower heating value [J/kg] from ideal-gas heats of formation (chemicals 1.5)."""
    from chemicals import MW, Hfg
    from chemicals.combustion import combustion_data

    cas, formula = _FUEL_CAS[fuel]
    return -combustion_data(formula=formula, Hf=Hfg(cas)).LHV / (MW(cas) / 1e3)


def _draw_heater_fuel(rng: random.Random) -> dict[str, Any]:
    T1 = rng.uniform(120, 260)
    T2 = T1 + rng.uniform(60, 160)
    if rng.random() < 0.4:
        temps = (
            Val(float(round(T1 * 1.8 + 32)), "degF", "°F"),
            Val(float(round(T2 * 1.8 + 32)), "degF", "°F"),
        )
    else:
        temps = (Val(float(round(T1)), "degC", "°C"), Val(float(round(T2)), "degC", "°C"))
    return {
        "m": val(rng, MASS_FLOW[:3]),
        "cp": val(rng, CP_LIQ),
        "T1": temps[0],
        "T2": temps[1],
        "eta": uni(rng, 0.75, 0.92, 2),
        "fuel": pick(rng, list(_FUEL_CAS)),
        "stream": pick(
            rng,
            [
                "crude oil",
                "a vacuum residue",
                "a hot-oil loop",
                "a reboiler circulation",
                "a reformer feed",
            ],
        ),
        "out": out(rng, [("kg/hour", "kg/h"), ("lb/hour", "lb/h")]),
    }


@kind(
    "balances/furnace_fuel",
    "balances",
    "kg/s",
    ("hx_duty", "heat_of_combustion"),
    "Absorbed duty Q = m cp (T2 - T1); fuel = Q / (eta LHV) with the LHV from ideal-gas "
    "heats of formation (chemicals.combustion.combustion_data)",
    count=4,
    rel_tol=0.02,
    draw=_draw_heater_fuel,
    wordings=(
        """A fired heater raises {m} of {stream} (cp = {cp}) from {T1} to {T2}. It burns
          pure {fuel} with a thermal efficiency of {eta} on the lower heating value. How
          much fuel does it burn, in {out}?""",
        """What {fuel} firing rate, in {out}, does a furnace need to heat {stream} at {m}
          from {T1} to {T2}? Specific heat {cp}; furnace efficiency {eta} (LHV basis); take
          the LHV from standard heats of formation at 25 °C.""",
        """Fuel consumption check: the furnace on {stream} ({m}, heat capacity {cp}) heats it
          from {T1} to {T2}, fired with {fuel} gas; efficiency {eta} based on LHV. Give the
          fuel flow in {out}.""",
        """Heating {m} of {stream} with cp {cp} from {T1} to {T2} in a {fuel}-fired heater
          of {eta} efficiency (lower heating value basis): what fuel flow is required, in
          {out}?""",
    ),
)
def _(m: Val, cp: Val, T1: Val, T2: Val, eta: float, fuel: str, stream: str, out: Out) -> float:
    Q = m.to("kg/s") * cp.to("J/(kg*K)") * (T2.to("K") - T1.to("K"))
    return Q / (eta * _lhv(fuel))


def _draw_evap_steam(rng: random.Random) -> dict[str, Any]:
    w0 = uni(rng, 3, 15, 2)
    if rng.random() < 0.5:
        Ps, atm = gauge(rng, 0.2)
        steam = f"saturated steam at {Ps} (barometer {atm})"
        ps = absolute(Ps, atm)
    else:
        Ps = val(rng, [("bar", "bar absolute", 2, 7), ("kPa", "kPa absolute", 200, 700)])
        steam = f"dry saturated steam at {Ps}"
        ps = Ps.to("Pa")
    return {
        "F": val(rng, [("kg/hour", "kg/h", 2000, 40000), ("tonne/hour", "t/h", 2, 40)]),
        "w0": w0,
        "w1": sig(w0 * rng.uniform(2, 4.5), 2),
        "Pe": val(rng, [("kPa", "kPa absolute", 15, 90), ("bar", "bar absolute", 0.15, 0.9)]),
        "steam": steam,
        "ps": ps,
        "what": pick(
            rng,
            [
                "a sugar solution",
                "a salt solution",
                "a caustic liquor",
                "a fruit juice",
                "a black liquor",
            ],
        ),
        "out": out(rng, [("kg/hour", "kg/h"), ("tonne/hour", "t/h"), ("lb/hour", "lb/h")]),
    }


def _hfg(p: float) -> float:
    return _coolprop("H", "P", p, "Q", 1, "Water") - _coolprop("H", "P", p, "Q", 0, "Water")


@kind(
    "balances/evaporator_steam",
    "balances",
    "kg/s",
    ("mass_balance", "steam_saturation", "steam_saturation"),
    "Solute balance E = F (1 - w0/w1); energy balance S h_fg(P_steam) = E h_fg(P_evaporator) "
    "with h_fg from CoolProp 8 (IAPWS-95)",
    count=4,
    rel_tol=0.01,
    draw=retry(_draw_evap_steam, lambda d: d["w1"] < 65 and d["ps"] > 2 * d["Pe"].to("Pa")),
    wordings=(
        """A single-effect evaporator concentrates {F} of {what} from {w0:g} wt% to {w1:g}
          wt% solids. It boils at {Pe} and is heated with {steam}. The feed enters at its
          boiling point, there is no boiling-point rise, the condensate leaves saturated
          and heat losses are negligible. How much heating steam does it use, in {out}?""",
        """What steam consumption ({out}) does an evaporator need to take {F} of {what} from
          {w0:g} to {w1:g} wt% dissolved solids? The liquor boils at {Pe} (feed already at
          its boiling point, no elevation of the boiling point); heating medium {steam},
          condensing to saturated liquid; no losses.""",
        """{what} ({F}, {w0:g} wt% solids) is concentrated to {w1:g} wt% in an evaporator
          operating at {Pe}. Heating is by {steam}. Assuming the feed enters at the boiling
          temperature, no boiling-point elevation, saturated condensate and no heat loss,
          find the steam flow in {out}.""",
        """Evaporator balance: feed {F} of {what} at {w0:g} wt%, product {w1:g} wt%, vapour
          space {Pe}, steam supply {steam}. Feed at its boiling point, water-like boiling
          temperature, condensate saturated, adiabatic. Steam required, in {out}?""",
    ),
)
def _(F: Val, w0: float, w1: float, Pe: Val, steam: str, ps: float, what: str, out: Out) -> float:
    E = F.to("kg/s") * (1 - w0 / w1)
    return E * _hfg(Pe.to("Pa")) / _hfg(ps)
