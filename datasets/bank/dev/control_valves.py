"""Dev-set problems: control valves (IEC 60534-2-1)."""

from __future__ import annotations

from bank.core import Kind
from bank.dev.shared import registrar

PROBLEMS: list[Kind] = []
problem = registrar(PROBLEMS)


_LIQ_VALVE = dict(rho=998.2, Psat_kPa=2.34, Pc_MPa=22.064, mu_mPas=1.0, FL=0.9, Fd=0.46)


@problem(
    "control_valves-001",
    "control_valves",
    "m**3/(hour*bar**0.5)",
    ("control_valve_liquid",),
    """Size a globe control valve (IEC 60534) for {Q} m³/h of water: density {rho} kg/m³,
         vapour pressure {Psat_kPa} kPa, critical pressure {Pc_MPa} MPa, viscosity {mu_mPas}
         mPa·s. Inlet pressure {P1} bar absolute, outlet {P2} bar absolute, FL = {FL},
         Fd = {Fd}, valve the same size as the line. What Kv is required?""",
    Q=40.0,
    P1=6.0,
    P2=4.5,
    **_LIQ_VALVE,
)
def _(
    Q: float,
    P1: float,
    P2: float,
    rho: float,
    Psat_kPa: float,
    Pc_MPa: float,
    mu_mPas: float,
    FL: float,
    Fd: float,
) -> float:
    from fluids import size_control_valve_l

    return float(
        size_control_valve_l(
            rho=rho,
            Psat=Psat_kPa * 1e3,
            Pc=Pc_MPa * 1e6,
            mu=mu_mPas / 1e3,
            P1=P1 * 1e5,
            P2=P2 * 1e5,
            Q=Q / 3600,
            FL=FL,
            Fd=Fd,
        )
    )


@problem(
    "control_valves-002",
    "control_valves",
    "gallon/(minute*psi**0.5)",
    ("control_valve_liquid", "flow_coefficient_convert"),
    """A line-size control valve passes {Q} m³/h of water (density {rho} kg/m³, vapour
         pressure {Psat_kPa} kPa, critical pressure {Pc_MPa} MPa, viscosity {mu_mPas} mPa·s)
         from {P1} bar absolute to {P2} bar absolute; FL = {FL}, Fd = {Fd}. What US flow
         coefficient Cv does IEC 60534 require?""",
    Q=90.0,
    P1=8.0,
    P2=6.0,
    **_LIQ_VALVE,
)
def _(
    Q: float,
    P1: float,
    P2: float,
    rho: float,
    Psat_kPa: float,
    Pc_MPa: float,
    mu_mPas: float,
    FL: float,
    Fd: float,
) -> float:
    from fluids import Kv_to_Cv, size_control_valve_l

    Kv = size_control_valve_l(
        rho=rho,
        Psat=Psat_kPa * 1e3,
        Pc=Pc_MPa * 1e6,
        mu=mu_mPas / 1e3,
        P1=P1 * 1e5,
        P2=P2 * 1e5,
        Q=Q / 3600,
        FL=FL,
        Fd=Fd,
    )
    return float(Kv_to_Cv(Kv))


@problem(
    "control_valves-003",
    "control_valves",
    "m**3/(hour*bar**0.5)",
    ("control_valve_gas",),
    """A control valve (IEC 60534) must pass {Qn} Nm³/h (0 °C, 1 atm) of natural gas:
         molar mass {MW} g/mol, inlet temperature {T} K, viscosity {mu_uPas} µPa·s, k =
         {gamma}, Z = {Z}. Inlet {P1} bar absolute, outlet {P2} bar absolute. Valve factors
         xT = {xT}, FL = {FL}, Fd = {Fd}; no reducers. What Kv is required?""",
    Qn=5000.0,
    MW=18.0,
    T=300.0,
    mu_uPas=11.0,
    gamma=1.3,
    Z=0.95,
    P1=20.0,
    P2=15.0,
    xT=0.7,
    FL=0.9,
    Fd=1.0,
)
def _(
    Qn: float,
    MW: float,
    T: float,
    mu_uPas: float,
    gamma: float,
    Z: float,
    P1: float,
    P2: float,
    xT: float,
    FL: float,
    Fd: float,
) -> float:
    from fluids import size_control_valve_g

    return float(
        size_control_valve_g(
            T=T,
            MW=MW,
            mu=mu_uPas / 1e6,
            gamma=gamma,
            Z=Z,
            P1=P1 * 1e5,
            P2=P2 * 1e5,
            Q=Qn / 3600,
            FL=FL,
            Fd=Fd,
            xT=xT,
        )
    )


@problem(
    "control_valves-004",
    "control_valves",
    "m**3/(hour*bar**0.5)",
    ("control_valve_liquid",),
    """Hot water at {Q} m³/h (density {rho} kg/m³, vapour pressure {Psat_kPa} kPa,
         critical pressure {Pc_MPa} MPa, viscosity {mu_mPas} mPa·s) is let down from {P1} bar
         absolute to {P2} bar absolute through a control valve with FL = {FL} and Fd =
         {Fd}, no reducers. Check for choked flow per IEC 60534 and give the required Kv.""",
    Q=60.0,
    rho=965.3,
    Psat_kPa=70.1,
    Pc_MPa=22.064,
    mu_mPas=0.315,
    P1=10.0,
    P2=2.0,
    FL=0.9,
    Fd=0.46,
)
def _(
    Q: float,
    rho: float,
    Psat_kPa: float,
    Pc_MPa: float,
    mu_mPas: float,
    P1: float,
    P2: float,
    FL: float,
    Fd: float,
) -> float:
    from fluids import size_control_valve_l

    return float(
        size_control_valve_l(
            rho=rho,
            Psat=Psat_kPa * 1e3,
            Pc=Pc_MPa * 1e6,
            mu=mu_mPas / 1e3,
            P1=P1 * 1e5,
            P2=P2 * 1e5,
            Q=Q / 3600,
            FL=FL,
            Fd=Fd,
        )
    )
