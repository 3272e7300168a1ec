"""Multi-step kinds: pumps."""

from __future__ import annotations

import random
from typing import Any

from bank.core import (
    G,
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
from bank.lookups import LIQUIDS, _chemical, _liquid, _psat
from bank.menus import liquid_service
from bank.multistep.values import (
    FLOW_LIQ,
    Pipe,
    pipe,
    temperature,
    velocity,
)
from bank.process.pipe_flow import _pipe_dp

KINDS: list[Kind] = []
kind = registrar(KINDS)


def _draw_pump_line(rng: random.Random) -> dict[str, Any]:
    return {
        "Q": val(rng, FLOW_LIQ),
        "pipe": pipe(rng, [(3, "40"), (4, "40"), (6, "40"), (8, "40"), (4, "80"), (6, "80")]),
        "L": val(
            rng, [("m", "m", 40, 600), ("foot", "ft", 130, 2000), ("foot", "feet", 130, 2000)]
        ),
        "eps": pick(rng, [Val(0.046, "mm", "mm"), Val(0.0018, "inch", "in")]),
        "K": sig(rng.uniform(2, 12), 2),
        "dz": val(rng, [("m", "m", 4, 40), ("foot", "ft", 13, 130), ("foot", "feet", 13, 130)]),
        "eta": uni(rng, 0.55, 0.82, 2),
        **liquid_service(rng),
        "out": out(rng, [("kW", "kW"), ("hp", "hp"), ("hp", "horsepower")]),
    }


@kind(
    "pumps/brake_power_with_friction",
    "pumps",
    "W",
    ("pipe_schedule", "pipe_pressure_drop", "pump_power"),
    "Pipe bore from ASME B36.10M (fluids.piping.nearest_pipe); Darcy-Weisbach with the "
    "Colebrook friction factor and fitting K (fluids); P = Q (dP_friction + rho g dz) / eta",
    count=4,
    rel_tol=0.02,
    draw=retry(_draw_pump_line, lambda d: 0.5 < velocity(d["Q"], d["pipe"].di) < 3.5),
    wordings=(
        """A centrifugal pump moves {Q} of {liquid} (density {rho}, viscosity {mu}) from an
          atmospheric tank to another atmospheric tank whose liquid level is {dz} higher.
          The line is {L} of {pipe} commercial steel (roughness {eps}) with fittings
          totalling K = {K}. The pump efficiency is {eta}. What brake power does the pump
          need, in {out}? Use Darcy-Weisbach with a Colebrook friction factor.""",
        """Size the pump driver: {liquid} at {Q}, static lift {dz} between two open
          tanks, {L} of {pipe} pipe with an absolute roughness of {eps}, minor losses
          K = {K}; density {rho}, viscosity {mu}; pump efficiency {eta}. Shaft power in
          {out} (friction by Darcy-Weisbach and Colebrook)?""",
        """{L} of {pipe} steel line (ε = {eps}, fittings K = {K}) connects a vented supply
          tank to a vented receiver {dz} above it. How much shaft power, in {out}, does a
          pump with an efficiency of {eta} need to deliver {Q} of {liquid} with a density
          of {rho} and a viscosity of {mu}? Colebrook friction factor.""",
        """What is the brake power ({out}) of a pump transferring {Q} of {liquid} (ρ = {rho},
          μ = {mu}) up {dz} between open tanks through {L} of {pipe} pipe? Roughness {eps},
          sum of fitting K values {K}, pump efficiency {eta}; Darcy-Weisbach/Colebrook for
          the friction loss.""",
    ),
)
def _(
    Q: Val,
    pipe: Pipe,
    L: Val,
    eps: Val,
    K: float,
    dz: Val,
    eta: float,
    rho: Val,
    mu: Val,
    liquid: str,
    out: Out,
) -> float:
    q, r = Q.to("m**3/s"), rho.to("kg/m**3")
    friction = _pipe_dp(q, pipe.di, L.to("m"), eps.to("m"), r, mu.to("Pa*s"), K)
    return q * (friction + r * G * dz.to("m")) / eta


_NPSH_LIQUIDS = (
    "benzene",
    "toluene",
    "methanol",
    "ethanol",
    "n-hexane",
    "n-heptane",
    "cyclohexane",
)


def _draw_npsh_named(rng: random.Random) -> dict[str, Any]:
    name = pick(rng, _NPSH_LIQUIDS)
    Tb = _chemical(LIQUIDS[name]).Tb - 273.15
    atm = pick(rng, [Val(101.3, "kPa", "kPa"), Val(uni(rng, 95, 101, 3), "kPa", "kPa")])
    if rng.random() < 0.5:
        Pg = val(rng, [("kPa", "kPa gauge", 2, 30), ("psi", "psig", 0.3, 4)])
        tank = f"a tank blanketed with nitrogen at {Pg} (barometric pressure {atm})"
        Ps = Pg.to("Pa") + atm.to("Pa")
    else:
        tank = f"a tank vented to the atmosphere (barometric pressure {atm})"
        Ps = atm.to("Pa")
    return {
        "name": name,
        "T": temperature(rng, 10, Tb - 10),
        "tank": tank,
        "Ps": Ps,
        "z": val(rng, [("m", "m", 0.5, 4), ("foot", "ft", 1.6, 13)]),
        "hf": val(rng, [("m", "m", 0.3, 1.5), ("foot", "ft", 1, 5)]),
        "out": out(rng, [("m", "m"), ("foot", "ft"), ("m", "metres of liquid")]),
    }


def _npsha(name: str, T: Val, Ps: float, z: Val, hf: Val, **_: Any) -> float:
    t = T.to("K")
    rho = _liquid(name, t)["rho"]
    return (Ps - _psat(LIQUIDS[name], t)) / (rho * G) + z.to("m") - hf.to("m")


@kind(
    "pumps/npsha_named_liquid",
    "pumps",
    "m",
    ("vapor_pressure", "density", "npsh_available"),
    "NPSHa = (P_surface - P_v)/(rho g) + z - h_f; vapour pressure from thermo's recommended "
    "correlation, liquid density from thermo 0.6 Chemical (CoolProp)",
    count=4,
    rel_tol=0.03,
    draw=retry(_draw_npsh_named, lambda d: _npsha(**d) > 1.0),
    wordings=(
        """A pump takes {name} at {T} from {tank}. The liquid level is {z} above the pump
          suction centreline and the suction line loses {hf} to friction. Looking up the
          vapour pressure and density of {name} at {T}, what NPSH is available, in
          {out}?""",
        """What net positive suction head is available, in {out}, to a pump drawing pure
          {name} at {T} out of {tank}? Static head of liquid over the impeller eye: {z};
          suction friction loss: {hf}.""",
        """Check a pump for cavitation margin: liquid {name} at {T}, supplied from {tank},
          level {z} above the pump centreline, suction losses {hf}. Find the NPSH available
          in {out} using the liquid's vapour pressure and density at {T}.""",
        """{name} at {T} flows by gravity from {tank} to a pump {z} below the liquid level;
          the suction piping costs {hf} of head. Compute the NPSHa in {out}.""",
    ),
)
def _(out: Out, **d: Any) -> float:
    return _npsha(**d)
