"""Process-set kinds: pipe flow (fluids 1.3)."""

from __future__ import annotations

import math
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
    with_inputs,
)
from bank.lookups import _darcy
from bank.menus import DENS_LIQ, Q_LIQ, VISC_LIQ, liquid_service

KINDS: list[Kind] = []
kind = registrar(KINDS)


def _draw_re(rng: random.Random) -> dict[str, Any]:
    return {
        "Q": val(rng, Q_LIQ),
        "D": val(rng, [("mm", "mm", 40, 300), ("inch", "in", 1.5, 12)]),
        **liquid_service(rng),
    }


@kind(
    "pipe_flow/reynolds",
    "pipe_flow",
    "",
    ("reynolds_number",),
    "Re = rho V D / mu with V = 4Q/(pi D^2) (fluids.core.Reynolds)",
    count=4,
    rel_tol=0.005,
    draw=_draw_re,
    wordings=(
        """{liquid} (density {rho}, viscosity {mu}) flows at {Q} through a pipe of {D}
          inside diameter. What is the Reynolds number?""",
        """Is the flow turbulent? Compute the Reynolds number for {Q} of {liquid} in a
          line with {D} bore; the liquid has a density of {rho} and a viscosity of {mu}.""",
        """Find Re for {liquid} ({rho}, {mu}) at a rate of {Q} in a {D} ID pipe.""",
        """A transfer line of {D} internal diameter carries {Q} of {liquid}. With density
          {rho} and dynamic viscosity {mu}, what Reynolds number does the flow have?""",
    ),
)
def _(Q: Val, D: Val, rho: Val, mu: Val, liquid: str) -> float:
    d = D.to("m")
    V = Q.to("m**3/s") / (math.pi * d**2 / 4)
    return rho.to("kg/m**3") * V * d / mu.to("Pa*s")


def _draw_colebrook(rng: random.Random) -> dict[str, Any]:
    return {
        "Re": float(round(uni(rng, 8000, 2e6, 3))),
        "D": Val(uni(rng, 25, 400), "mm", "mm"),
        "eps": pick(
            rng,
            [
                Val(0.045, "mm", "mm"),
                Val(0.15, "mm", "mm"),
                Val(0.0015, "mm", "mm"),
                Val(0.26, "mm", "mm"),
            ],
        ),
        "pipe": pick(rng, ["a commercial-steel pipe", "a line", "a process pipe"]),
    }


@kind(
    "pipe_flow/colebrook",
    "pipe_flow",
    "",
    ("friction_factor",),
    "Colebrook (1939) equation solved exactly (fluids.friction.friction_factor, "
    "Method='Colebrook')",
    count=3,
    rel_tol=0.005,
    draw=_draw_colebrook,
    wordings=(
        """Using the Colebrook equation, what is the Darcy friction factor at Re = {Re:.0f}
          in {pipe} of {D} inside diameter with an absolute roughness of {eps}?""",
        """Find the Darcy (Moody) friction factor from Colebrook-White for flow at a
          Reynolds number of {Re:.0f}; the pipe bore is {D} and its roughness {eps}.""",
        """Solve the Colebrook equation for the Darcy friction factor: Re = {Re:.0f}, D =
          {D}, ε = {eps}.""",
    ),
)
def _(Re: float, D: Val, eps: Val, pipe: str) -> float:
    return _darcy(Re, eps.to("m") / D.to("m"))


def _pipe_dp(
    Q: float, D: float, L: float, rough: float, rho: float, mu: float, K: float = 0.0
) -> float:
    """Darcy-Weisbach plus fittings [Pa] (fluids.core.Reynolds, K_from_f, dP_from_K)."""
    from fluids import K_from_f, Reynolds, dP_from_K

    V = Q / (math.pi * D**2 / 4)
    fd = _darcy(Reynolds(V=V, D=D, rho=rho, mu=mu), rough / D)
    return float(dP_from_K(K_from_f(fd=fd, L=L, D=D) + K, rho=rho, V=V))


def _draw_dp(rng: random.Random) -> dict[str, Any]:
    return {
        "Q": val(rng, Q_LIQ),
        "D": val(rng, [("mm", "mm", 50, 250), ("inch", "in", 2, 10)]),
        "L": val(rng, [("m", "m", 20, 800), ("foot", "ft", 60, 2600)]),
        "eps": Val(0.046, "mm", "mm"),
        "rho": val(rng, DENS_LIQ),
        "mu": val(rng, VISC_LIQ),
        "K": sig(rng.uniform(0, 12), 2),
        "out": out(rng, [("kPa", "kPa"), ("bar", "bar"), ("psi", "psi")]),
    }


_DP = retry(_draw_dp, lambda d: 0.3 < d["Q"].to("m**3/s") / (math.pi * d["D"].to("m") ** 2 / 4) < 4)


@kind(
    "pipe_flow/pressure_drop",
    "pipe_flow",
    "Pa",
    ("pipe_pressure_drop",),
    "Darcy-Weisbach with Colebrook friction factor and fitting K values (fluids.core."
    "K_from_f, dP_from_K; Crane TP-410)",
    count=5,
    rel_tol=0.02,
    draw=_DP,
    wordings=(
        """A liquid (density {rho}, viscosity {mu}) flows at {Q} through {L} of horizontal
          steel pipe, {D} ID, roughness {eps}. The fittings add a total K of {K}. What is the
          pressure drop, in {out}? Use Darcy-Weisbach with a Colebrook friction factor.""",
        """Estimate the frictional pressure loss, in {out}, for {Q} of a liquid with
          density {rho} and viscosity {mu} in {L} of {D} bore pipe (ε = {eps}); fittings
          and valves sum to K = {K}. Colebrook friction factor, level pipe.""",
        """What pressure drop ({out}) does a {L} run of {D} ID pipe, roughness {eps}, with
          fittings totalling K = {K}, cause at {Q}? Fluid density {rho}, viscosity {mu};
          horizontal; Darcy-Weisbach/Colebrook.""",
        """Darcy-Weisbach check: {Q} of liquid (ρ = {rho}, μ = {mu}) through {L} of pipe,
          {D} inside diameter, absolute roughness {eps}, plus minor losses K = {K}, no
          elevation change. Pressure drop in {out}?""",
    ),
)
def _(Q: Val, D: Val, L: Val, eps: Val, rho: Val, mu: Val, K: float, out: Out) -> float:
    return _pipe_dp(
        Q.to("m**3/s"), D.to("m"), L.to("m"), eps.to("m"), rho.to("kg/m**3"), mu.to("Pa*s"), K
    )


def _draw_gravity(rng: random.Random) -> dict[str, Any]:
    return {
        "dz": val(rng, [("m", "m", 3, 30), ("foot", "ft", 10, 100)]),
        "L": Val(uni(rng, 30, 400), "m", "m"),
        "D": Val(uni(rng, 50, 200), "mm", "mm"),
        "eps": Val(0.046, "mm", "mm"),
        "K": sig(rng.uniform(1.5, 8), 2),
        "rho": Val(998.0, "kg/m**3", "kg/m³"),
        "mu": Val(1.0, "mPa*s", "mPa·s"),
        "out": out(rng, [("m**3/hour", "m³/h"), ("L/s", "L/s")]),
    }


@kind(
    "pipe_flow/gravity_flow",
    "pipe_flow",
    "m**3/s",
    ("flow_from_head",),
    "Energy balance rho g dz = dP(Q) solved for Q with Darcy-Weisbach, Colebrook and K "
    "values (fluids + scipy.optimize.brentq)",
    count=3,
    rel_tol=0.02,
    draw=_draw_gravity,
    wordings=(
        """Water (density {rho}, viscosity {mu}) drains by gravity between two open tanks
          whose levels differ by {dz}, through {L} of steel pipe, {D} ID, roughness {eps}.
          Entrance, exit and fittings add up to K = {K}. What is the flow rate in {out}?""",
        """Two atmospheric tanks are connected by {L} of {D} bore pipe (ε = {eps}) with
          minor losses K = {K}. The upper liquid surface is {dz} above the lower one. How
          much water ({rho}, {mu}) flows, in {out}?""",
        """What gravity flow, in {out}, does a level difference of {dz} drive through a
          {D} ID line {L} long with roughness {eps} and total fitting K = {K}? Water:
          {rho}, {mu}; both vessels vented.""",
    ),
)
def _(dz: Val, L: Val, D: Val, eps: Val, K: float, rho: Val, mu: Val, out: Out) -> float:
    from scipy.optimize import brentq

    r, m = rho.to("kg/m**3"), mu.to("Pa*s")

    def residual(Q: float) -> float:
        return _pipe_dp(Q, D.to("m"), L.to("m"), eps.to("m"), r, m, K) - r * G * dz.to("m")

    return brentq(residual, 1e-7, 5.0, xtol=1e-14, rtol=1e-13)


def _draw_schedule(rng: random.Random) -> dict[str, Any]:
    nps, sch = pick(
        rng,
        [
            (2, "40"),
            (3, "40"),
            (4, "40"),
            (4, "80"),
            (6, "40"),
            (6, "80"),
            (8, "40"),
            (10, "40"),
            (12, "STD"),
            (3, "160"),
            (2, "80"),
            (8, "XS"),
            (16, "10"),
        ],
    )
    return {"NPS": nps, "sch": sch, "out": out(rng, [("mm", "mm"), ("inch", "in")])}


@kind(
    "pipe_flow/schedule",
    "pipe_flow",
    "m",
    ("pipe_schedule",),
    "ASME B36.10M dimensions (fluids.piping.nearest_pipe)",
    count=3,
    rel_tol=0.002,
    draw=_draw_schedule,
    wordings=(
        """What is the inside diameter of NPS {NPS} schedule {sch} steel pipe, in
          {out}?""",
        """A line is specified as {NPS}-inch schedule {sch} (ASME B36.10). What bore does
          it have, in {out}?""",
        """Give the internal diameter of {NPS}" Sch {sch} carbon-steel pipe in {out}.""",
    ),
)
def _(NPS: int, sch: str, out: Out) -> float:
    from fluids import nearest_pipe

    return float(nearest_pipe(NPS=NPS, schedule=sch)[1])


def _draw_laminar(rng: random.Random) -> dict[str, Any]:
    return {
        "Q": val(rng, [("m**3/hour", "m³/h", 1, 20), ("L/min", "L/min", 15, 300)]),
        "D": Val(uni(rng, 40, 150), "mm", "mm"),
        "L": Val(uni(rng, 10, 200), "m", "m"),
        "rho": Val(uni(rng, 860, 960), "kg/m**3", "kg/m³"),
        "mu": val(rng, [("Pa*s", "Pa·s", 0.2, 2.0), ("cP", "cP", 200, 2000)]),
        "oil": pick(
            rng,
            [
                "a heavy fuel oil",
                "a lube-oil base stock",
                "a bitumen blend",
                "glycerol",
                "a polymer solution",
            ],
        ),
    }


_LAMINAR = retry(
    _draw_laminar,
    lambda d: (
        d["rho"].to("kg/m**3")
        * d["Q"].to("m**3/s")
        * 4
        / (math.pi * d["D"].to("m") * d["mu"].to("Pa*s"))
        < 1500
    ),
)


@kind(
    "pipe_flow/laminar",
    "pipe_flow",
    "Pa",
    ("pipe_pressure_drop",),
    "Hagen-Poiseuille, dP = 128 mu L Q / (pi D^4) (laminar, f = 64/Re)",
    count=3,
    rel_tol=0.005,
    draw=with_inputs(_LAMINAR, out=Out("kPa", "kPa")),
    wordings=(
        """{oil} (density {rho}, viscosity {mu}) is pumped at {Q} through {L} of {D} ID
          pipe. The flow is laminar. What is the frictional pressure drop in kPa?""",
        """Compute the pressure loss, in kPa, for laminar flow of {Q} of {oil} (ρ = {rho},
          μ = {mu}) through a straight {D} bore pipe {L} long.""",
        """How much pressure (kPa) is lost to friction when {oil} with a viscosity of {mu}
          and a density of {rho} flows at {Q} in {L} of pipe with an internal diameter of
          {D}? Check that the flow is laminar.""",
    ),
)
def _(Q: Val, D: Val, L: Val, rho: Val, mu: Val, oil: str, out: Out) -> float:
    return 128 * mu.to("Pa*s") * L.to("m") * Q.to("m**3/s") / (math.pi * D.to("m") ** 4)


def _draw_velocity(rng: random.Random) -> dict[str, Any]:
    nps, sch = pick(
        rng,
        [(2, "40"), (3, "40"), (4, "40"), (6, "40"), (8, "40"), (4, "80"), (6, "80"), (10, "40")],
    )
    return {"NPS": nps, "sch": sch, "Q": val(rng, Q_LIQ)}


_VELOCITY = retry(
    _draw_velocity,
    lambda d: 0.3 < d["Q"].to("m**3/s") / (math.pi * (0.0254 * d["NPS"]) ** 2 / 4) < 5,
)


@kind(
    "pipe_flow/velocity",
    "pipe_flow",
    "m/s",
    ("pipe_schedule",),
    "V = 4 Q / (pi Di^2) with Di from ASME B36.10M (fluids.piping.nearest_pipe)",
    count=3,
    rel_tol=0.005,
    draw=_VELOCITY,
    wordings=(
        """What is the mean liquid velocity, in m/s, when {Q} flows through NPS {NPS}
          schedule {sch} pipe?""",
        """A pump discharge line is {NPS}-inch Sch {sch}. At {Q}, what is the average
          velocity in the line (m/s)?""",
        """Check the line velocity: {Q} in {NPS}" schedule {sch} steel pipe. Answer in
          m/s.""",
    ),
)
def _(NPS: int, sch: str, Q: Val) -> float:
    from fluids import nearest_pipe

    Di = float(nearest_pipe(NPS=NPS, schedule=sch)[1])
    return Q.to("m**3/s") / (math.pi * Di**2 / 4)
