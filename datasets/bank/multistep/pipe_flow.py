"""Multi-step kinds: pipe flow."""

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
from bank.menus import liquid_service
from bank.multistep.values import (
    _NAMED_LIQUIDS,
    FLOW_LIQ,
    Pipe,
    pipe,
    temperature,
    velocity,
)

KINDS: list[Kind] = []
kind = registrar(KINDS)


def _draw_re_schedule(rng: random.Random) -> dict[str, Any]:
    return {"Q": val(rng, FLOW_LIQ), "pipe": pipe(rng), **liquid_service(rng)}


@kind(
    "pipe_flow/reynolds_schedule",
    "pipe_flow",
    "",
    ("pipe_schedule", "pipe_velocity", "reynolds_number"),
    "Inside diameter from ASME B36.10M (fluids.piping.nearest_pipe); V = 4Q/(pi Di^2); "
    "Re = rho V Di / mu",
    count=4,
    rel_tol=0.01,
    draw=retry(_draw_re_schedule, lambda d: 0.3 < velocity(d["Q"], d["pipe"].di) < 4.5),
    wordings=(
        """{Q} of {liquid} (density {rho}, viscosity {mu}) flows in {pipe} carbon-steel
          pipe. What is the Reynolds number of the flow?""",
        """A transfer line is {pipe}. It carries {liquid} at {Q}; the liquid's density is
          {rho} and its dynamic viscosity {mu}. Find the Reynolds number, using the pipe's
          actual inside diameter.""",
        """Is the flow in a {pipe} line turbulent? Work out the Reynolds number (a pure
          number) for {liquid} flowing at {Q}, density {rho}, viscosity {mu}.""",
        """Compute Re for {liquid} ({rho}, {mu}) pumped at a rate of {Q} through
          {pipe} steel pipe (inside diameter per ASME B36.10M).""",
    ),
)
def _(Q: Val, pipe: Pipe, rho: Val, mu: Val, liquid: str) -> float:
    D = pipe.di
    return rho.to("kg/m**3") * velocity(Q, D) * D / mu.to("Pa*s")


def _draw_re_named(rng: random.Random) -> dict[str, Any]:
    name = pick(rng, list(_NAMED_LIQUIDS))
    return {
        "name": name,
        "T": temperature(rng, *_NAMED_LIQUIDS[name]),
        "Q": val(rng, FLOW_LIQ),
        "D": val(
            rng,
            [
                ("mm", "mm", 40, 250),
                ("inch", "in", 1.6, 10),
                ("inch", "inches", 1.6, 10),
            ],
        ),
    }


@kind(
    "pipe_flow/reynolds_named_liquid",
    "pipe_flow",
    "",
    ("pure_properties", "pipe_velocity", "reynolds_number"),
    "Liquid density and viscosity at T and 1 atm from thermo 0.6 Chemical (CoolProp "
    "reference equations); V = 4Q/(pi D^2); Re = rho V D / mu",
    count=4,
    rel_tol=0.05,
    draw=retry(_draw_re_named, lambda d: 0.3 < velocity(d["Q"], d["D"].to("m")) < 4.5),
    wordings=(
        """{name} at {T} flows at {Q} through a pipe of {D} inside diameter. What is the
          Reynolds number? Look up the liquid's density and viscosity at that temperature
          (atmospheric pressure).""",
        """Pure {name} is pumped at {Q} and {T} in a line with a bore of {D}. Using its
          density and viscosity at {T}, find the Reynolds number.""",
        """What Reynolds number does liquid {name} reach when {Q} of it, at {T}, passes
          through a pipe with an inside diameter of {D}? Take the properties of the pure
          liquid at 1 atm.""",
        """A {D} bore line carries {Q} of {name} at a temperature of {T}. Estimate the flow
          Reynolds number from the liquid's properties at that temperature.""",
    ),
)
def _(name: str, T: Val, Q: Val, D: Val) -> float:
    props = _liquid(name, T.to("K"))
    d = D.to("m")
    return props["rho"] * velocity(Q, d) * d / props["mu"]
