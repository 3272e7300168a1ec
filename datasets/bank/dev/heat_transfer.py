"""Dev-set problems: heat-transfer correlations."""

from __future__ import annotations

from bank.core import Kind
from bank.dev.shared import registrar
from bank.lookups import _darcy

PROBLEMS: list[Kind] = []
problem = registrar(PROBLEMS)


@problem(
    "heat_transfer-001",
    "heat_transfer",
    "W/(m**2*K)",
    ("reynolds_number", "nu_dittus_boelter"),
    """Water is heated while flowing at {V} m/s inside a tube of {D_mm} mm inside
         diameter. Bulk properties: density {rho} kg/m³, viscosity {mu_mPas} mPa·s, thermal
         conductivity {k} W/(m·K), cp {cp} J/(kg·K). Using Dittus-Boelter (Nu = 0.023 Re^0.8
         Pr^0.4), what is the inside film coefficient in W/(m²·K)?""",
    V=1.5,
    D_mm=25.0,
    rho=992.0,
    mu_mPas=0.653,
    k=0.631,
    cp=4178.0,
)
def _(V: float, D_mm: float, rho: float, mu_mPas: float, k: float, cp: float) -> float:
    from fluids import Prandtl, Reynolds
    from ht import turbulent_Dittus_Boelter

    D, mu = D_mm / 1e3, mu_mPas / 1e3
    Nu = turbulent_Dittus_Boelter(
        Re=Reynolds(V=V, D=D, rho=rho, mu=mu), Pr=Prandtl(Cp=cp, k=k, mu=mu), heating=True
    )
    return float(Nu) * k / D


@problem(
    "heat_transfer-002",
    "heat_transfer",
    "dimensionless",
    ("nu_gnielinski",),
    """For turbulent flow in a smooth tube at Re = {Re:.0f} and Pr = {Pr}, what is the
         Nusselt number from the Gnielinski correlation, with the Darcy friction factor from
         the Colebrook equation for a smooth pipe?""",
    rel_tol=0.03,
    Re=20000.0,
    Pr=4.0,
)
def _(Re: float, Pr: float) -> float:
    from ht import turbulent_Gnielinski

    return float(turbulent_Gnielinski(Re=Re, Pr=Pr, fd=_darcy(Re, 0.0)))


@problem(
    "heat_transfer-003",
    "heat_transfer",
    "W/(m**2*K)",
    ("nu_cylinder_zukauskas",),
    """Air at {V} m/s flows across a single {D_mm} mm outside-diameter tube. Air
         properties: density {rho} kg/m³, viscosity {mu_uPas} µPa·s, thermal conductivity
         {k} W/(m·K), Pr = {Pr}. Neglecting the wall Prandtl-number correction, what is the
         average outside coefficient from the Zukauskas correlation, in W/(m²·K)?""",
    rel_tol=0.05,
    V=10.0,
    D_mm=25.0,
    rho=1.16,
    mu_uPas=18.5,
    k=0.0263,
    Pr=0.707,
)
def _(V: float, D_mm: float, rho: float, mu_uPas: float, k: float, Pr: float) -> float:
    from fluids import Reynolds
    from ht import Nu_cylinder_Zukauskas

    D = D_mm / 1e3
    Nu = Nu_cylinder_Zukauskas(Re=Reynolds(V=V, D=D, rho=rho, mu=mu_uPas / 1e6), Pr=Pr)
    return float(Nu) * k / D


@problem(
    "heat_transfer-004",
    "heat_transfer",
    "W/(m**2*K)",
    ("nu_natural_convection",),
    """A vertical plate {L} m tall at {Tw} °C stands in still air at {Tinf} °C. Air at the
         film temperature: kinematic viscosity {nu} m²/s, thermal conductivity {k} W/(m·K),
         Pr = {Pr}; treat air as an ideal gas (β = 1/T_film). Using the Churchill-Chu
         correlation, what is the average natural-convection coefficient in W/(m²·K)?""",
    rel_tol=0.03,
    L=0.5,
    Tw=60.0,
    Tinf=20.0,
    nu=1.70e-5,
    k=0.0271,
    Pr=0.7,
)
def _(L: float, Tw: float, Tinf: float, nu: float, k: float, Pr: float) -> float:
    from fluids import Grashof
    from ht import Nu_vertical_plate_Churchill

    beta = 1 / ((Tw + Tinf) / 2 + 273.15)
    Gr = Grashof(L=L, beta=beta, T1=Tw, T2=Tinf, nu=nu)
    return float(Nu_vertical_plate_Churchill(Pr=Pr, Gr=Gr)) * k / L


@problem(
    "heat_transfer-005",
    "heat_transfer",
    "W/(m**2*K)",
    ("h_condensation_nusselt",),
    """Saturated steam at {Tsat} K condenses on a vertical plate {L} m high held at {Tw}
         K. Condensate properties: density {rhol} kg/m³, viscosity {mul_mPas} mPa·s, thermal
         conductivity {kl} W/(m·K); vapour density {rhog} kg/m³; latent heat {Hvap_kJ} kJ/kg.
         Using Nusselt's laminar film theory, what is the average condensing coefficient in
         W/(m²·K)?""",
    rel_tol=0.03,
    Tsat=373.15,
    L=0.3,
    Tw=363.15,
    rhol=961.0,
    mul_mPas=0.282,
    kl=0.68,
    rhog=0.6,
    Hvap_kJ=2257.0,
)
def _(
    Tsat: float,
    L: float,
    Tw: float,
    rhol: float,
    mul_mPas: float,
    kl: float,
    rhog: float,
    Hvap_kJ: float,
) -> float:
    from ht import Nusselt_laminar

    return float(
        Nusselt_laminar(
            Tsat=Tsat,
            Tw=Tw,
            rhog=rhog,
            rhol=rhol,
            kl=kl,
            mul=mul_mPas / 1e3,
            Hvap=Hvap_kJ * 1e3,
            L=L,
            angle=90.0,
        )
    )
