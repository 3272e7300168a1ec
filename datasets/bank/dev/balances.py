"""Dev-set problems: mass and energy balances."""

from __future__ import annotations

from bank.core import Kind
from bank.dev.shared import registrar
from bank.lookups import _coolprop

PROBLEMS: list[Kind] = []
problem = registrar(PROBLEMS)


@problem(
    "balances-001",
    "balances",
    "MJ/kg",
    ("heat_of_combustion",),
    """What is the lower heating value (net heat of combustion) of methane at 25 °C, in
         MJ/kg, from standard heats of formation?""",
    formula="CH4",
    cas="74-82-8",
)
def _(formula: str, cas: str) -> float:
    from chemicals import Hfg
    from chemicals.combustion import combustion_data

    data = combustion_data(formula=formula, Hf=Hfg(cas))
    return -data.LHV / data.MW / 1e3


@problem(
    "balances-002",
    "balances",
    "K",
    ("adiabatic_flame_temperature",),
    """Methane burns with a stoichiometric amount of air (21% O₂, 79% N₂ by mole) at
         {T0} K and {P_kPa} kPa. Assuming chemical equilibrium of the products (GRI-Mech
         3.0), what is the adiabatic flame temperature in K?""",
    T0=298.15,
    P_kPa=101.325,
)
def _(T0: float, P_kPa: float) -> float:
    import cantera as ct

    gas = ct.Solution("gri30.yaml")
    gas.TPX = T0, P_kPa * 1e3, {"CH4": 1.0, "O2": 2.0, "N2": 2.0 * 79 / 21}
    gas.equilibrate("HP")
    return float(gas.T)


@problem(
    "balances-003",
    "balances",
    "kJ/mol",
    ("heat_of_reaction",),
    """What is the standard heat of reaction at 25 °C of the water-gas shift reaction
         CO + H2O(g) → CO2 + H2, in kJ/mol, from standard heats of formation?""",
    reactants={"630-08-0": 1, "7732-18-5": 1},
    products={"124-38-9": 1, "1333-74-0": 1},
)
def _(reactants: dict[str, int], products: dict[str, int]) -> float:
    from chemicals import Hfg

    def total(side: dict[str, int]) -> float:
        return sum(n * (Hfg(cas) or 0.0) for cas, n in side.items())

    return (total(products) - total(reactants)) / 1e3


@problem(
    "balances-004",
    "balances",
    "kmol/hour",
    ("mass_balance",),
    """A fresh feed of {F} kmol/h contains {yI} mole fraction inert I; the rest is A. A
         reactor converts {Xp} of the A it receives into B (single pass). B is removed
         completely; unreacted A and all of I are recycled, with a purge taken from the
         recycle so that the recycle holds {yIr} mole fraction I. What is the total reactor
         feed rate (fresh feed plus recycle), in kmol/h?""",
    F=100.0,
    yI=0.01,
    Xp=0.2,
    yIr=0.10,
)
def _(F: float, yI: float, Xp: float, yIr: float) -> float:
    from scipy.optimize import fsolve

    def equations(u: list[float]) -> list[float]:
        A_in, I_in, s = u  # reactor-inlet A and I [kmol/h], purge split fraction [-]
        A_out = (1 - Xp) * A_in
        return [
            A_in - F * (1 - yI) - (1 - s) * A_out,
            I_in - F * yI - (1 - s) * I_in,
            I_in - yIr * (A_out + I_in),
        ]

    A_in, I_in, _s = fsolve(equations, [400.0, 30.0, 0.05], xtol=1e-14)
    return float(A_in + I_in)


@problem(
    "balances-005",
    "balances",
    "degC",
    ("steam_properties",),
    """{m1} kg/s of water at {T1} °C mixes adiabatically with {m2} kg/s of water at {T2}
         °C at {P_kPa} kPa. Using IAPWS-95 enthalpies, what is the temperature of the mixed
         stream in °C?""",
    m1=2.0,
    T1=80.0,
    m2=3.0,
    T2=20.0,
    P_kPa=101.325,
)
def _(m1: float, T1: float, m2: float, T2: float, P_kPa: float) -> float:
    P = P_kPa * 1e3
    h = (
        m1 * _coolprop("H", "T", T1 + 273.15, "P", P, "Water")
        + m2 * _coolprop("H", "T", T2 + 273.15, "P", P, "Water")
    ) / (m1 + m2)
    return _coolprop("T", "H", h, "P", P, "Water") - 273.15


@problem(
    "balances-006",
    "balances",
    "kg/hour",
    ("mass_balance",),
    """An evaporator concentrates {F} kg/h of an aqueous salt solution from {w0} wt% to
         {w1} wt% salt. No salt leaves with the vapour. How much water is evaporated, in
         kg/h?""",
    F=1000.0,
    w0=10.0,
    w1=25.0,
)
def _(F: float, w0: float, w1: float) -> float:
    import numpy as np

    # Unknowns [product P, vapour V]: total balance P + V = F, salt balance w1 P = w0 F.
    A = np.array([[1.0, 1.0], [w1 / 100, 0.0]])
    b = np.array([F, w0 / 100 * F])
    return float(np.linalg.solve(A, b)[1])
