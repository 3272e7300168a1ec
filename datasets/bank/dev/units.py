"""Dev-set problems: units."""

from __future__ import annotations

from bank.core import Kind
from bank.dev.shared import _q, registrar

PROBLEMS: list[Kind] = []
problem = registrar(PROBLEMS)


@problem(
    "units-001",
    "units",
    "kPa",
    ("unit_convert",),
    """A pressure gauge on a separator reads {Pg} psig. Local atmospheric pressure is
         {Patm} psia. What is the absolute pressure in the separator, in kPa?""",
    Pg=150.0,
    Patm=14.696,
)
def _(Pg: float, Patm: float) -> float:
    return _q(Pg + Patm, "psi").to("kPa").magnitude


@problem(
    "units-002",
    "units",
    "W/(m**2*K)",
    ("unit_convert",),
    """A vendor quotes an overall heat-transfer coefficient of {U} Btu/(h·ft²·°F) for a
         condenser. Express it in W/(m²·K).""",
    U=120.0,
)
def _(U: float) -> float:
    return _q(U, "Btu/(hour*foot**2*delta_degF)").to("W/(m**2*K)").magnitude


@problem(
    "units-003",
    "units",
    "m**3/hour",
    ("unit_convert",),
    """A centrifugal pump is rated for {Q} US gallons per minute. What is that flow in
         m³/h?""",
    Q=350.0,
)
def _(Q: float) -> float:
    return _q(Q, "gallon/minute").to("m**3/hour").magnitude


@problem(
    "units-004",
    "units",
    "K",
    ("unit_convert",),
    """The outlet of a fired heater is at {T} °F. What is this temperature in kelvin?""",
    T=662.0,
)
def _(T: float) -> float:
    return _q(T, "degF").to("K").magnitude


@problem(
    "units-005",
    "units",
    "mPa*s",
    ("unit_convert",),
    """A lube oil has a kinematic viscosity of {nu} cSt and a density of {rho} kg/m³ at
         the operating temperature. What is its dynamic viscosity in mPa·s (cP)?""",
    nu=45.0,
    rho=870.0,
)
def _(nu: float, rho: float) -> float:
    return (_q(nu, "centistokes") * _q(rho, "kg/m**3")).to("mPa*s").magnitude
