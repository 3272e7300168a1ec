"""Dev-set problems: relief devices (API 520 / 526)."""

from __future__ import annotations

from bank.core import Kind
from bank.dev.shared import _q, registrar
from bank.lookups import _coolprop

PROBLEMS: list[Kind] = []
problem = registrar(PROBLEMS)


_RELIEF_GAS = dict(
    m_kgh=5000.0, T=373.0, Z=0.95, MW=44.0, k=1.2, Pset=10.0, over=10.0, Patm=1.01325
)


def _api520_gas_area(
    m_kgh: float, T: float, Z: float, MW: float, k: float, Pset: float, over: float, Patm: float
) -> float:
    from fluids import API520_A_g

    P1 = (Pset * (1 + over / 100) + Patm) * 1e5
    return float(
        API520_A_g(
            m=m_kgh / 3600, T=T, Z=Z, MW=MW, k=k, P1=P1, P2=Patm * 1e5, Kd=0.975, Kb=1.0, Kc=1.0
        )
    )


@problem(
    "relief-001",
    "relief",
    "mm**2",
    ("relief_valve_gas",),
    """A relief valve protects a vessel against a gas release of {m_kgh} kg/h (molar mass
         {MW} g/mol, k = {k}, Z = {Z}) at a relieving temperature of {T} K. Set pressure is
         {Pset} barg with {over}% overpressure; it discharges to atmosphere ({Patm} bar).
         Using API 520 Part I with Kd = 0.975 and Kb = Kc = 1, what is the minimum effective
         discharge area in mm²?""",
    **_RELIEF_GAS,
)
def _(**kw: float) -> float:
    return _api520_gas_area(**kw) * 1e6


@problem(
    "relief-002",
    "relief",
    "inch**2",
    ("relief_valve_gas", "api526_orifice"),
    """For a gas relief case of {m_kgh} kg/h (molar mass {MW} g/mol, k = {k}, Z = {Z},
         relieving temperature {T} K), set pressure {Pset} barg, {over}% overpressure,
         discharge to atmosphere ({Patm} bar), Kd = 0.975 and Kb = Kc = 1: size by API 520,
         select the smallest API 526 standard orifice that is large enough, and give that
         orifice's effective area in in².""",
    **_RELIEF_GAS,
)
def _(**kw: float) -> float:
    from fluids import API526_A_sq_inch

    need = _q(_api520_gas_area(**kw), "m**2").to("inch**2").magnitude
    return float(next(a for a in API526_A_sq_inch if a >= need))


@problem(
    "relief-003",
    "relief",
    "mm**2",
    ("relief_valve_liquid",),
    """A conventional relief valve on a water line must pass {m} kg/s (density {rho}
         kg/m³). Set pressure {Pset} barg, {over}% overpressure, discharge to atmosphere
         ({Patm} bar). Using API 520 Part I for liquids with Kd = 0.65 and Kw = Kc = Kv = 1,
         what is the required effective area in mm²?""",
    m=20.0,
    rho=998.0,
    Pset=8.0,
    over=10.0,
    Patm=1.01325,
)
def _(m: float, rho: float, Pset: float, over: float, Patm: float) -> float:
    from fluids import API520_A_l

    P1 = (Pset * (1 + over / 100) + Patm) * 1e5
    return (
        float(
            API520_A_l(
                m=m,
                rho=rho,
                P1=P1,
                P2=Patm * 1e5,
                overpressure=over / 100,
                Kd=0.65,
                Kc=1.0,
                Kw=1.0,
                Kv=1.0,
            )
        )
        * 1e6
    )


@problem(
    "relief-004",
    "relief",
    "mm**2",
    ("relief_valve_steam", "steam_saturation"),
    """A safety valve on a steam drum must relieve {m_kgh} kg/h of saturated steam. Set
         pressure is {Pset} barg with {over}% overpressure and atmospheric pressure is {Patm}
         bar. Take the steam temperature as the saturation temperature at the relieving
         pressure (IAPWS-95). Using API 520 Part I (10th edition) with Kd = 0.975 and
         Kb = Kc = 1, what is the required effective area in mm²?""",
    m_kgh=10000.0,
    Pset=15.0,
    over=10.0,
    Patm=1.01325,
)
def _(m_kgh: float, Pset: float, over: float, Patm: float) -> float:
    from fluids import API520_A_steam

    P1 = (Pset * (1 + over / 100) + Patm) * 1e5
    T = _coolprop("T", "P", P1, "Q", 1, "Water")
    return (
        float(API520_A_steam(m=m_kgh / 3600, T=T, P1=P1, Kd=0.975, Kb=1.0, Kc=1.0, edition="10E"))
        * 1e6
    )
