"""Dev-set problems: pumps."""

from __future__ import annotations

from bank.core import G, Kind
from bank.dev.shared import _pipe_dP, registrar
from bank.lookups import _coolprop

PROBLEMS: list[Kind] = []
problem = registrar(PROBLEMS)


@problem(
    "pumps-001",
    "pumps",
    "m",
    ("pump_head",),
    """A water pump (density {rho} kg/m³) has a suction gauge reading {Ps} barg and a
         discharge gauge reading {Pd} barg. Both gauges are at the same elevation and the
         suction and discharge lines have the same diameter. What is the pump's total
         differential head, in metres of liquid?""",
    rho=998.0,
    Ps=0.8,
    Pd=7.2,
)
def _(rho: float, Ps: float, Pd: float) -> float:
    from fluids import head_from_P

    return float(head_from_P((Pd - Ps) * 1e5, rho))


@problem(
    "pumps-002",
    "pumps",
    "kW",
    ("pump_power",),
    """A pump delivers {Q} m³/h of a hydrocarbon liquid (density {rho} kg/m³) against a
         total head of {H} m. The pump efficiency is {eta}. What brake (shaft) power does it
         need, in kW?""",
    Q=60.0,
    rho=850.0,
    H=45.0,
    eta=0.72,
)
def _(Q: float, rho: float, H: float, eta: float) -> float:
    from fluids import P_from_head

    return float(P_from_head(H, rho)) * Q / 3600 / eta / 1e3


@problem(
    "pumps-003",
    "pumps",
    "m",
    ("npsh_available", "steam_saturation"),
    """A pump takes water at {T_C} °C from an open tank at {Patm_kPa} kPa atmospheric
         pressure. The liquid level is {z} m above the pump suction centreline and the
         suction line loses {hf} m of head to friction. Using water's density and vapour
         pressure at {T_C} °C from IAPWS-95, what is the available NPSH in metres?""",
    T_C=70.0,
    Patm_kPa=101.325,
    z=2.5,
    hf=0.6,
)
def _(T_C: float, Patm_kPa: float, z: float, hf: float) -> float:
    T = T_C + 273.15
    Pv = _coolprop("P", "T", T, "Q", 0, "Water")
    rho = _coolprop("D", "T", T, "P", Patm_kPa * 1e3, "Water")
    return (Patm_kPa * 1e3 - Pv) / (rho * G) + z - hf


@problem(
    "pumps-004",
    "pumps",
    "kW",
    ("pump_affinity",),
    """A centrifugal pump running at {N1} rpm absorbs {P1} kW. By the affinity laws, what
         power will it absorb at {N2} rpm with the same impeller and system?""",
    N1=1450.0,
    P1=22.0,
    N2=1750.0,
)
def _(N1: float, P1: float, N2: float) -> float:
    return P1 * (N2 / N1) ** 3


@problem(
    "pumps-005",
    "pumps",
    "rpm*m**0.75/s**0.5",
    ("pump_specific_speed",),
    """A pump's best efficiency point is {Q} m³/s at {H} m head running at {n} rpm. What
         is its specific speed n·√Q/H^0.75 (n in rpm, Q in m³/s, H in m)?""",
    Q=0.05,
    H=60.0,
    n=2950.0,
)
def _(Q: float, H: float, n: float) -> float:
    from fluids import specific_speed

    return float(specific_speed(Q=Q, H=H, n=n))


@problem(
    "pumps-006",
    "pumps",
    "kW",
    ("pipe_pressure_drop", "pump_power"),
    """A pump transfers {Q} m³/h of water (density {rho} kg/m³, viscosity {mu_mPas}
         mPa·s) from an open tank to another open tank whose level is {dz} m higher, through
         {L} m of commercial-steel pipe with {D_mm} mm inside diameter and {eps_mm} mm
         roughness; entrance, exit and fittings add up to K = {K}. With a pump efficiency of
         {eta}, what shaft power is needed, in kW? Use a Colebrook friction factor.""",
    Q=30.0,
    rho=998.2,
    mu_mPas=1.002,
    dz=15.0,
    L=120.0,
    D_mm=77.9,
    eps_mm=0.046,
    K=6.0,
    eta=0.68,
)
def _(
    Q: float,
    rho: float,
    mu_mPas: float,
    dz: float,
    L: float,
    D_mm: float,
    eps_mm: float,
    K: float,
    eta: float,
) -> float:
    dP = _pipe_dP(Q / 3600, D_mm / 1e3, L, eps_mm / 1e3, rho, mu_mPas / 1e3, K)
    return (dP + rho * G * dz) * Q / 3600 / eta / 1e3
