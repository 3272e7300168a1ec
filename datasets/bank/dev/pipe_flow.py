"""Dev-set problems: pipe flow."""

from __future__ import annotations

import math

from bank.core import G, Kind
from bank.dev.shared import _pipe_dP, registrar
from bank.lookups import _darcy

PROBLEMS: list[Kind] = []
problem = registrar(PROBLEMS)


@problem(
    "pipe_flow-001",
    "pipe_flow",
    "dimensionless",
    ("reynolds_number",),
    """Water (density {rho} kg/m³, viscosity {mu_mPas} mPa·s) flows at {Q} m³/h through a
         pipe of {D_mm} mm inside diameter. What is the Reynolds number?""",
    rho=998.2,
    mu_mPas=1.002,
    Q=15.0,
    D_mm=52.5,
)
def _(rho: float, mu_mPas: float, Q: float, D_mm: float) -> float:
    from fluids import Reynolds

    D = D_mm / 1e3
    V = Q / 3600 / (math.pi * D**2 / 4)
    return float(Reynolds(V=V, D=D, rho=rho, mu=mu_mPas / 1e3))


@problem(
    "pipe_flow-002",
    "pipe_flow",
    "dimensionless",
    ("friction_factor",),
    """Using the Colebrook equation, what is the Darcy friction factor for flow at a
         Reynolds number of {Re:.0f} in a commercial-steel pipe of {D_mm} mm inside diameter
         with an absolute roughness of {eps_mm} mm?""",
    Re=120000.0,
    D_mm=102.3,
    eps_mm=0.046,
)
def _(Re: float, D_mm: float, eps_mm: float) -> float:
    return _darcy(Re, eps_mm / D_mm)


@problem(
    "pipe_flow-003",
    "pipe_flow",
    "dimensionless",
    ("friction_factor",),
    """Using the Churchill (1977) correlation, which covers laminar, transitional and
         turbulent flow, what is the Darcy friction factor at Re = {Re:.0f} and relative
         roughness ε/D = {eD}?""",
    Re=5000.0,
    eD=0.0002,
)
def _(Re: float, eD: float) -> float:
    from fluids import friction_factor

    return float(friction_factor(Re=Re, eD=eD, Method="Churchill_1977"))


@problem(
    "pipe_flow-004",
    "pipe_flow",
    "kPa",
    ("pipe_pressure_drop",),
    """Water at {Q} m³/h (density {rho} kg/m³, viscosity {mu_mPas} mPa·s) flows through
         {L} m of straight, horizontal commercial-steel pipe with {D_mm} mm inside diameter
         and {eps_mm} mm roughness. What is the frictional pressure drop in kPa? Use the
         Darcy-Weisbach equation with a Colebrook friction factor.""",
    Q=25.0,
    rho=998.2,
    mu_mPas=1.002,
    L=80.0,
    D_mm=102.3,
    eps_mm=0.046,
)
def _(Q: float, rho: float, mu_mPas: float, L: float, D_mm: float, eps_mm: float) -> float:
    return _pipe_dP(Q / 3600, D_mm / 1e3, L, eps_mm / 1e3, rho, mu_mPas / 1e3) / 1e3


@problem(
    "pipe_flow-005",
    "pipe_flow",
    "kPa",
    ("pipe_pressure_drop",),
    """Water at {Q} m³/h (density {rho} kg/m³, viscosity {mu_mPas} mPa·s) flows through
         {L} m of commercial-steel pipe ({D_mm} mm ID, roughness {eps_mm} mm) containing
         {n_elb} standard 90° elbows with K = {K_elb} each, {n_gate} fully open gate valves
         with K = {K_gate} each and one swing check valve with K = {K_chk}. Elevation does
         not change. What is the total pressure drop in kPa (Colebrook friction factor)?""",
    Q=40.0,
    rho=998.2,
    mu_mPas=1.002,
    L=60.0,
    D_mm=102.3,
    eps_mm=0.046,
    n_elb=6,
    K_elb=0.3,
    n_gate=2,
    K_gate=0.15,
    K_chk=2.0,
)
def _(
    Q: float,
    rho: float,
    mu_mPas: float,
    L: float,
    D_mm: float,
    eps_mm: float,
    n_elb: int,
    K_elb: float,
    n_gate: int,
    K_gate: float,
    K_chk: float,
) -> float:
    K = n_elb * K_elb + n_gate * K_gate + K_chk
    return _pipe_dP(Q / 3600, D_mm / 1e3, L, eps_mm / 1e3, rho, mu_mPas / 1e3, K) / 1e3


@problem(
    "pipe_flow-006",
    "pipe_flow",
    "mm",
    ("pipe_schedule",),
    """What is the inside diameter of NPS {NPS} schedule {sch} steel pipe (ASME B36.10),
         in mm?""",
    NPS=6,
    sch="80",
)
def _(NPS: int, sch: str) -> float:
    from fluids import nearest_pipe

    return float(nearest_pipe(NPS=NPS, schedule=sch)[1]) * 1e3


@problem(
    "pipe_flow-007",
    "pipe_flow",
    "m**3/hour",
    ("flow_from_head",),
    """Water (density {rho} kg/m³, viscosity {mu_mPas} mPa·s) drains by gravity from an
         open tank to an open tank whose liquid level is {dz} m lower, through {L} m of
         commercial-steel pipe with {D_mm} mm inside diameter and {eps_mm} mm roughness. The
         entrance, exit and fittings add up to K = {K}. What is the flow rate in m³/h?""",
    rho=998.2,
    mu_mPas=1.002,
    dz=12.0,
    L=150.0,
    D_mm=77.9,
    eps_mm=0.046,
    K=4.5,
)
def _(
    rho: float, mu_mPas: float, dz: float, L: float, D_mm: float, eps_mm: float, K: float
) -> float:
    from scipy.optimize import brentq

    D, rough, mu = D_mm / 1e3, eps_mm / 1e3, mu_mPas / 1e3

    def residual(Q: float) -> float:
        return _pipe_dP(Q, D, L, rough, rho, mu, K) - rho * G * dz

    return brentq(residual, 1e-6, 1.0, xtol=1e-14, rtol=1e-13) * 3600
