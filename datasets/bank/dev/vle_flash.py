"""Dev-set problems: VLE and flash."""

from __future__ import annotations

import math

from bank.core import Kind
from bank.dev.shared import registrar
from bank.lookups import _psat

PROBLEMS: list[Kind] = []
problem = registrar(PROBLEMS)


@problem(
    "vle_flash-001",
    "vle_flash",
    "kPa",
    ("vle_bubble_point", "vapor_pressure"),
    """A liquid of {xB} mole fraction benzene and the rest toluene is at {T_C} °C.
         Assuming Raoult's law, what is its bubble-point pressure in kPa?""",
    xB=0.4,
    T_C=90.0,
)
def _(xB: float, T_C: float) -> float:
    T = T_C + 273.15
    return (xB * _psat("benzene", T) + (1 - xB) * _psat("toluene", T)) / 1e3


@problem(
    "vle_flash-002",
    "vle_flash",
    "degC",
    ("vle_dew_point",),
    """A vapour of {yB} mole fraction benzene and the rest toluene is at {P_kPa} kPa.
         Assuming Raoult's law, what is its dew-point temperature in °C?""",
    yB=0.5,
    P_kPa=101.325,
)
def _(yB: float, P_kPa: float) -> float:
    from scipy.optimize import brentq

    P = P_kPa * 1e3

    def residual(T: float) -> float:
        return P * (yB / _psat("benzene", T) + (1 - yB) / _psat("toluene", T)) - 1

    return brentq(residual, 330.0, 400.0, xtol=1e-12) - 273.15


@problem(
    "vle_flash-003",
    "vle_flash",
    "dimensionless",
    ("flash_rachford_rice",),
    """A three-component feed with mole fractions z = {z} is flashed at conditions where
         the equilibrium ratios are K = {K}. Solving the Rachford-Rice equation, what fraction
         of the feed leaves as vapour (V/F)?""",
    z=[0.3, 0.4, 0.3],
    K=[3.2, 1.1, 0.25],
)
def _(z: list[float], K: list[float]) -> float:
    from chemicals import Rachford_Rice_solution

    return float(Rachford_Rice_solution(zs=z, Ks=K)[0])


@problem(
    "vle_flash-004",
    "vle_flash",
    "dimensionless",
    ("flash_eos",),
    """Methane (Tc = {Tc} K, Pc = {Pc_bar} bar, ω = {omega}) is at {T} K and {P_bar} bar.
         What is its compressibility factor Z from the Peng-Robinson equation of state?""",
    Tc=190.564,
    Pc_bar=45.992,
    omega=0.0115,
    T=300.0,
    P_bar=50.0,
)
def _(Tc: float, Pc_bar: float, omega: float, T: float, P_bar: float) -> float:
    from thermo.eos import PR

    return float(PR(Tc=Tc, Pc=Pc_bar * 1e5, omega=omega, T=T, P=P_bar * 1e5).Z_g)


@problem(
    "vle_flash-005",
    "vle_flash",
    "kPa",
    ("vapor_pressure",),
    """An ethanol(1)-water(2) liquid with x1 = {x1} is at {T_C} °C. Activity coefficients
         follow the van Laar model with ln γ1 = A12 (1 + A12 x1 / (A21 x2))^-2 and
         ln γ2 = A21 (1 + A21 x2 / (A12 x1))^-2, A12 = {A12}, A21 = {A21}. Using modified
         Raoult's law, what is the bubble-point pressure in kPa?""",
    rel_tol=0.03,
    x1=0.3,
    T_C=70.0,
    A12=1.6798,
    A21=0.9227,
)
def _(x1: float, T_C: float, A12: float, A21: float) -> float:
    T, x2 = T_C + 273.15, 1 - x1
    g1 = math.exp(A12 * (1 + A12 * x1 / (A21 * x2)) ** -2)
    g2 = math.exp(A21 * (1 + A21 * x2 / (A12 * x1)) ** -2)
    return (x1 * g1 * _psat("ethanol", T) + x2 * g2 * _psat("water", T)) / 1e3
