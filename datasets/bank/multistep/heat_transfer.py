"""Multi-step kinds: heat transfer."""

from __future__ import annotations

import random
from typing import Any

from bank.core import (
    Kind,
    Val,
    pick,
    registrar,
    retry,
    val,
)
from bank.lookups import _liquid
from bank.multistep.values import (
    _NAMED_LIQUIDS,
    temperature,
    velocity,
)

KINDS: list[Kind] = []
kind = registrar(KINDS)


def _draw_db(rng: random.Random) -> dict[str, Any]:
    name = pick(rng, ["water", "water", "ethanol", "methanol", "toluene", "n-heptane"])
    lo, hi = _NAMED_LIQUIDS[name]
    return {
        "name": name,
        "T": temperature(rng, lo + 5, hi),
        "Q": val(
            rng,
            [
                ("gallon/minute", "US gpm", 5, 120),
                ("L/minute", "L/min", 20, 450),
                ("m**3/hour", "m³/h", 1.2, 27),
            ],
        ),
        "D": val(rng, [("mm", "mm", 12, 50), ("inch", "in", 0.5, 2)]),
        "mode": pick(rng, ["heated", "cooled"]),
    }


def _db_state(name: str, T: Val, Q: Val, D: Val, **_: Any) -> tuple[dict[str, float], float]:
    props = _liquid(name, T.to("K"))
    d = D.to("m")
    return props, props["rho"] * velocity(Q, d) * d / props["mu"]


@kind(
    "heat_transfer/dittus_boelter_named",
    "heat_transfer",
    "W/(m**2*K)",
    ("pure_properties", "pipe_velocity", "nu_dittus_boelter"),
    "Liquid properties at the bulk temperature from thermo 0.6 Chemical (CoolProp); "
    "Dittus-Boelter Nu = 0.023 Re^0.8 Pr^n, n = 0.4 heated / 0.3 cooled "
    "(ht.conv_internal.turbulent_Dittus_Boelter)",
    count=4,
    rel_tol=0.05,
    draw=retry(
        _draw_db,
        lambda d: _db_state(**d)[1] > 10000 and 0.5 < velocity(d["Q"], d["D"].to("m")) < 4,
    ),
    wordings=(
        """{Q} of {name} at a bulk temperature of {T} flows through a tube of {D} inside
          diameter and is being {mode}. With the liquid's properties at {T}, what is the
          tube-side film coefficient by Dittus-Boelter, in W/(m²·K)?""",
        """Estimate the inside heat-transfer coefficient (W/(m²·K)) for {name} being {mode}
          in a {D} ID tube: flow {Q}, bulk temperature {T}. Look up density, viscosity,
          thermal conductivity and heat capacity at {T} and use Dittus-Boelter.""",
        """What film coefficient, in W/(m²·K), does the Dittus-Boelter correlation give for
          {name} ({mode}) flowing at {Q} through tubing with a bore of {D}? The bulk liquid
          is at {T}; take the pure liquid's properties there.""",
        """Dittus-Boelter for {name} at {T}: volumetric flow {Q}, tube ID {D}, fluid
          {mode} by the wall. Find the velocity and Reynolds number first, then h in
          W/(m²·K).""",
    ),
)
def _(name: str, T: Val, Q: Val, D: Val, mode: str) -> float:
    from fluids import Prandtl
    from ht import turbulent_Dittus_Boelter

    props, Re = _db_state(name, T, Q, D)
    Pr = Prandtl(Cp=props["cp"], k=props["k"], mu=props["mu"])
    Nu = turbulent_Dittus_Boelter(Re=Re, Pr=Pr, heating=mode == "heated")
    return float(Nu) * props["k"] / D.to("m")
