"""Dev-set problems: reactors."""

from __future__ import annotations

import math

from bank.core import Kind
from bank.dev.shared import registrar

PROBLEMS: list[Kind] = []
problem = registrar(PROBLEMS)


@problem(
    "reactors-001",
    "reactors",
    "m**3",
    ("reactor_cstr",),
    """A liquid-phase first-order reaction A → B (k = {k} min⁻¹) runs isothermally in a
         CSTR fed at {v0} m³/h. What reactor volume gives {X} conversion, in m³?""",
    k=0.15,
    v0=6.0,
    X=0.85,
)
def _(k: float, v0: float, X: float) -> float:
    from scipy.optimize import brentq

    v = v0 / 60  # m3/min, to match k
    # Design equation V = F_A0 X / (-r_A(X)) solved as a root to stay general in the rate law.
    return brentq(lambda V: V * k * (1 - X) - v * X, 0.0, 1e6, xtol=1e-14)


@problem(
    "reactors-002",
    "reactors",
    "m**3",
    ("reactor_pfr",),
    """A liquid-phase second-order reaction 2A → products, rate −rA = k CA² with k = {k}
         L/(mol·min), is carried out in an isothermal PFR. Feed: {v0} L/min at CA0 = {CA0}
         mol/L. What PFR volume gives {X} conversion, in m³?""",
    k=0.05,
    v0=10.0,
    CA0=2.0,
    X=0.9,
)
def _(k: float, v0: float, CA0: float, X: float) -> float:
    from scipy.integrate import quad

    FA0 = v0 * CA0
    V_L, _err = quad(lambda x: FA0 / (k * (CA0 * (1 - x)) ** 2), 0.0, X, epsabs=1e-12)
    return V_L / 1e3


@problem(
    "reactors-003",
    "reactors",
    "m**3",
    ("reactor_pfr",),
    """The gas-phase first-order reaction A → 2B (k = {k} s⁻¹) runs in an isothermal,
         isobaric PFR fed with pure A at {v0} m³/s. Accounting for the volume change, what
         reactor volume gives {X} conversion, in m³?""",
    k=0.5,
    v0=0.02,
    X=0.8,
)
def _(k: float, v0: float, X: float) -> float:
    from scipy.integrate import quad

    eps = 1.0  # y_A0 * delta = 1 * (2 - 1)
    V, _err = quad(lambda x: v0 * (1 + eps * x) / (k * (1 - x)), 0.0, X, epsabs=1e-12)
    return V


@problem(
    "reactors-004",
    "reactors",
    "1/s",
    (),
    """A rate constant is {k1} s⁻¹ at {T1} K and the activation energy is {Ea} kJ/mol.
         What is the rate constant at {T2} K, in s⁻¹?""",
    k1=0.012,
    T1=350.0,
    Ea=75.0,
    T2=380.0,
)
def _(k1: float, T1: float, Ea: float, T2: float) -> float:
    from scipy.constants import R

    return k1 * math.exp(-Ea * 1e3 / R * (1 / T2 - 1 / T1))


@problem(
    "reactors-005",
    "reactors",
    "kPa",
    ("ergun_pressure_drop",),
    """Gas (density {rho} kg/m³, viscosity {mu_uPas} µPa·s) flows through a packed bed
         {L} m deep of {dp_mm} mm spheres with a voidage of {eps}, at a superficial velocity
         of {vs} m/s. Using the Ergun equation, what is the pressure drop in kPa?""",
    rho=1.2,
    mu_uPas=18.0,
    L=3.0,
    dp_mm=5.0,
    eps=0.4,
    vs=0.3,
)
def _(rho: float, mu_uPas: float, L: float, dp_mm: float, eps: float, vs: float) -> float:
    from fluids import dP_packed_bed

    return (
        float(
            dP_packed_bed(
                dp=dp_mm / 1e3, voidage=eps, vs=vs, rho=rho, mu=mu_uPas / 1e6, L=L, Method="Ergun"
            )
        )
        / 1e3
    )


@problem(
    "reactors-006",
    "reactors",
    "K",
    ("adiabatic_temperature_rise",),
    """An exothermic liquid-phase reaction (ΔHr = {dH} kJ/mol of A) is run adiabatically
         with CA0 = {CA0} kmol/m³, feed density {rho} kg/m³ and heat capacity {cp} kJ/(kg·K).
         The feed enters at {T0} K. What is the outlet temperature at {X} conversion, in K?""",
    dH=-80.0,
    CA0=2.0,
    rho=900.0,
    cp=3.5,
    T0=320.0,
    X=0.9,
)
def _(dH: float, CA0: float, rho: float, cp: float, T0: float, X: float) -> float:
    return T0 + (-dH * 1e3) * (CA0 * 1e3) * X / (rho * cp * 1e3)


@problem(
    "reactors-007",
    "reactors",
    "dimensionless",
    ("equilibrium_constant", "equilibrium_conversion"),
    """For the liquid-phase isomerisation A ⇌ B the equilibrium constant is {K1} at {T1} K
         and the standard heat of reaction is {dH} kJ/mol (constant). What is the equilibrium
         conversion of pure A at {T2} K (van 't Hoff)?""",
    K1=8.0,
    T1=298.15,
    dH=-40.0,
    T2=350.0,
)
def _(K1: float, T1: float, dH: float, T2: float) -> float:
    from scipy.constants import R
    from scipy.optimize import brentq

    K2 = K1 * math.exp(-dH * 1e3 / R * (1 / T2 - 1 / T1))
    return brentq(lambda X: X / (1 - X) - K2, 0.0, 1 - 1e-15, xtol=1e-15)
