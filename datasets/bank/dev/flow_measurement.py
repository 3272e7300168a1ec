"""Dev-set problems: flow measurement (ISO 5167)."""

from __future__ import annotations

from bank.core import Kind
from bank.dev.shared import registrar

PROBLEMS: list[Kind] = []
problem = registrar(PROBLEMS)


@problem(
    "flow_measurement-001",
    "flow_measurement",
    "kg/s",
    ("flow_meter_flow",),
    """An ISO 5167 square-edged orifice plate with flange taps, bore {d_mm} mm, is
         installed in a pipe of {D_mm} mm inside diameter carrying water (density {rho}
         kg/m³, viscosity {mu_mPas} mPa·s). The differential pressure is {dP_kPa} kPa at an
         upstream pressure of {P1_kPa} kPa absolute. What is the mass flow rate in kg/s?""",
    d_mm=50.0,
    D_mm=102.3,
    rho=998.2,
    mu_mPas=1.002,
    dP_kPa=25.0,
    P1_kPa=500.0,
)
def _(d_mm: float, D_mm: float, rho: float, mu_mPas: float, dP_kPa: float, P1_kPa: float) -> float:
    from fluids import differential_pressure_meter_solver

    return float(
        differential_pressure_meter_solver(
            D=D_mm / 1e3,
            D2=d_mm / 1e3,
            rho=rho,
            mu=mu_mPas / 1e3,
            k=1.33,
            P1=P1_kPa * 1e3,
            P2=(P1_kPa - dP_kPa) * 1e3,
            meter_type="ISO 5167 orifice",
            taps="flange",
            epsilon_specified=1.0,
        )
    )


@problem(
    "flow_measurement-002",
    "flow_measurement",
    "dimensionless",
    ("flow_meter_dp",),
    """What is the Reader-Harris/Gallagher (ISO 5167-2) discharge coefficient of a
         corner-tapped orifice with a {d_mm} mm bore in a {D_mm} mm pipe passing {m} kg/s of
         water (density {rho} kg/m³, viscosity {mu_mPas} mPa·s)?""",
    d_mm=60.0,
    D_mm=150.0,
    m=12.0,
    rho=998.2,
    mu_mPas=1.002,
)
def _(d_mm: float, D_mm: float, m: float, rho: float, mu_mPas: float) -> float:
    from fluids import C_Reader_Harris_Gallagher

    return float(
        C_Reader_Harris_Gallagher(
            D=D_mm / 1e3, Do=d_mm / 1e3, rho=rho, mu=mu_mPas / 1e3, m=m, taps="corner"
        )
    )


@problem(
    "flow_measurement-003",
    "flow_measurement",
    "m**3/hour",
    ("flow_meter_flow",),
    """A machined convergent venturi tube (ISO 5167-4) with a {d_mm} mm throat sits in a
         {D_mm} mm line carrying water (density {rho} kg/m³, viscosity {mu_mPas} mPa·s). The
         measured differential pressure is {dP_kPa} kPa at {P1_kPa} kPa absolute upstream.
         What is the volumetric flow in m³/h?""",
    d_mm=50.0,
    D_mm=100.0,
    rho=998.2,
    mu_mPas=1.002,
    dP_kPa=20.0,
    P1_kPa=300.0,
)
def _(d_mm: float, D_mm: float, rho: float, mu_mPas: float, dP_kPa: float, P1_kPa: float) -> float:
    from fluids import differential_pressure_meter_solver

    m = differential_pressure_meter_solver(
        D=D_mm / 1e3,
        D2=d_mm / 1e3,
        rho=rho,
        mu=mu_mPas / 1e3,
        k=1.33,
        P1=P1_kPa * 1e3,
        P2=(P1_kPa - dP_kPa) * 1e3,
        meter_type="machined convergent venturi tube",
        epsilon_specified=1.0,
    )
    return float(m) / rho * 3600


@problem(
    "flow_measurement-004",
    "flow_measurement",
    "dimensionless",
    ("flow_meter_flow",),
    """Natural gas (k = {k}) flows through an orifice plate of {d_mm} mm bore in a
         {D_mm} mm pipe. Upstream pressure is {P1} bar absolute and the downstream tap reads
         {P2} bar absolute. What is the ISO 5167-2 expansibility factor ε?""",
    k=1.3,
    d_mm=120.0,
    D_mm=200.0,
    P1=10.0,
    P2=9.6,
)
def _(k: float, d_mm: float, D_mm: float, P1: float, P2: float) -> float:
    from fluids import orifice_expansibility

    return float(orifice_expansibility(D=D_mm / 1e3, Do=d_mm / 1e3, P1=P1 * 1e5, P2=P2 * 1e5, k=k))


@problem(
    "flow_measurement-005",
    "flow_measurement",
    "kg/s",
    ("flow_meter_flow",),
    """An ISA 1932 flow nozzle (ISO 5167-3) with a {d_mm} mm throat in a {D_mm} mm pipe
         measures water (density {rho} kg/m³, viscosity {mu_mPas} mPa·s). The differential
         pressure is {dP_kPa} kPa at {P1_kPa} kPa absolute upstream. What is the mass flow in
         kg/s?""",
    d_mm=80.0,
    D_mm=154.1,
    rho=998.2,
    mu_mPas=1.002,
    dP_kPa=15.0,
    P1_kPa=400.0,
)
def _(d_mm: float, D_mm: float, rho: float, mu_mPas: float, dP_kPa: float, P1_kPa: float) -> float:
    from fluids import differential_pressure_meter_solver

    return float(
        differential_pressure_meter_solver(
            D=D_mm / 1e3,
            D2=d_mm / 1e3,
            rho=rho,
            mu=mu_mPas / 1e3,
            k=1.33,
            P1=P1_kPa * 1e3,
            P2=(P1_kPa - dP_kPa) * 1e3,
            meter_type="ISA 1932 nozzle",
            epsilon_specified=1.0,
        )
    )
