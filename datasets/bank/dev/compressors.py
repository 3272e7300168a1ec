"""Dev-set problems: compressors and compressible flow."""

from __future__ import annotations

from bank.core import Kind
from bank.dev.shared import registrar

PROBLEMS: list[Kind] = []
problem = registrar(PROBLEMS)


@problem(
    "compressors-001",
    "compressors",
    "degC",
    ("compressor_power_isentropic",),
    """Air (k = {k}) is compressed from {P1} bar absolute and {T1_C} °C to {P2} bar
         absolute in a compressor with an isentropic efficiency of {eta}. Treating air as an
         ideal gas, what is the actual discharge temperature in °C?""",
    k=1.4,
    P1=1.0,
    T1_C=20.0,
    P2=3.5,
    eta=0.78,
)
def _(k: float, P1: float, T1_C: float, P2: float, eta: float) -> float:
    from fluids import isentropic_T_rise_compression

    return float(isentropic_T_rise_compression(T1_C + 273.15, P1, P2, k, eta)) - 273.15


@problem(
    "compressors-002",
    "compressors",
    "kW",
    ("compressor_power_isentropic",),
    """A compressor takes {m} kg/s of air (molar mass {M} g/mol, k = {k}) at {T1} K and
         {P1} bar absolute and delivers it at {P2} bar absolute. The isentropic efficiency is
         {eta}. Assuming ideal gas (Z = 1), what gas power is needed, in kW?""",
    m=1.5,
    M=28.96,
    k=1.4,
    T1=300.0,
    P1=1.0,
    P2=4.0,
    eta=0.8,
)
def _(m: float, M: float, k: float, T1: float, P1: float, P2: float, eta: float) -> float:
    from fluids import isentropic_work_compression

    w = isentropic_work_compression(T1=T1, k=k, Z=1.0, P1=P1 * 1e5, P2=P2 * 1e5, eta=eta)
    return float(w) * (m * 1e3 / M) / 1e3


@problem(
    "compressors-003",
    "compressors",
    "dimensionless",
    ("compressor_power_polytropic",),
    """A natural-gas compressor has a polytropic efficiency of {eta_p}; the gas has a heat
         capacity ratio k = {k}. What is the polytropic exponent n of the compression?""",
    eta_p=0.76,
    k=1.27,
)
def _(eta_p: float, k: float) -> float:
    from fluids import polytropic_exponent

    return float(polytropic_exponent(k=k, eta_p=eta_p))


@problem(
    "compressors-004",
    "compressors",
    "m**3/hour",
    ("gas_pipeline_flow",),
    """Using the Weymouth equation, what standard volumetric flow (at {Ts} K and
         {Ps_kPa} kPa) will a {L_km} km natural-gas pipeline of {D_mm} mm inside diameter
         carry with an inlet pressure of {P1} bar absolute and an outlet pressure of {P2} bar
         absolute? Gas specific gravity {SG}, average temperature {Tavg} K, average
         compressibility {Z}, pipeline efficiency {E}. Give the answer in standard m³/h.""",
    rel_tol=0.03,
    Ts=288.7,
    Ps_kPa=101.325,
    L_km=50.0,
    D_mm=300.0,
    P1=60.0,
    P2=40.0,
    SG=0.65,
    Tavg=288.7,
    Z=0.9,
    E=0.92,
)
def _(
    Ts: float,
    Ps_kPa: float,
    L_km: float,
    D_mm: float,
    P1: float,
    P2: float,
    SG: float,
    Tavg: float,
    Z: float,
    E: float,
) -> float:
    from fluids import Weymouth

    return (
        float(
            Weymouth(
                SG=SG,
                Tavg=Tavg,
                L=L_km * 1e3,
                D=D_mm / 1e3,
                P1=P1 * 1e5,
                P2=P2 * 1e5,
                Ts=Ts,
                Ps=Ps_kPa * 1e3,
                Zavg=Z,
                E=E,
            )
        )
        * 3600
    )


@problem(
    "compressors-005",
    "compressors",
    "bar",
    ("choked_flow",),
    """Air (k = {k}) discharges through a nozzle from a vessel at {P0} bar absolute. Below
         what downstream pressure, in bar absolute, does the flow become choked?""",
    k=1.4,
    P0=8.0,
)
def _(k: float, P0: float) -> float:
    from fluids import P_critical_flow

    return float(P_critical_flow(P0 * 1e5, k)) / 1e5


@problem(
    "compressors-006",
    "compressors",
    "K",
    ("stagnation_properties",),
    """Air flows at {V} m/s with a static temperature of {T} K. Taking cp = {cp}
         J/(kg·K), what is its stagnation (total) temperature in kelvin?""",
    V=250.0,
    T=300.0,
    cp=1005.0,
)
def _(V: float, T: float, cp: float) -> float:
    from fluids import T_stagnation_ideal

    return float(T_stagnation_ideal(T=T, V=V, Cp=cp))
