"""Process-set kinds: heat-transfer correlations (ht 1.2, fluids 1.3)."""

from __future__ import annotations

import math
import random
from typing import Any

from bank.core import (
    Kind,
    Out,
    Val,
    pick,
    registrar,
    retry,
    sig,
    uni,
    with_inputs,
)
from bank.lookups import _coolprop

KINDS: list[Kind] = []
kind = registrar(KINDS)


def _draw_tube(rng: random.Random) -> dict[str, Any]:
    fluid = pick(
        rng,
        [
            ("water", 992.0, 0.653, 0.631, 4178.0),
            ("water", 998.0, 1.0, 0.598, 4182.0),
            ("a light oil", 850.0, 3.5, 0.135, 2000.0),
            ("ethylene glycol-water", 1050.0, 2.4, 0.42, 3500.0),
        ],
    )
    name, rho, mu, k, cp = fluid
    return {
        "fluid": name,
        "rho": Val(rho, "kg/m**3", "kg/m³"),
        "mu": Val(mu, "mPa*s", "mPa·s"),
        "k": Val(k, "W/(m*K)", "W/(m·K)"),
        "cp": Val(cp, "J/(kg*K)", "J/(kg·K)"),
        "V": Val(uni(rng, 0.8, 3), "m/s", "m/s"),
        "D": Val(uni(rng, 12, 40), "mm", "mm"),
        "mode": pick(rng, ["heated", "cooled"]),
    }


_TUBE = retry(
    _draw_tube,
    lambda d: d["rho"].value * d["V"].value * d["D"].to("m") / d["mu"].to("Pa*s") > 10000,
)


@kind(
    "heat_transfer/dittus_boelter",
    "heat_transfer",
    "W/(m**2*K)",
    ("reynolds_number", "nu_dittus_boelter"),
    "Dittus-Boelter Nu = 0.023 Re^0.8 Pr^n, n = 0.4 heating / 0.3 cooling "
    "(ht.conv_internal.turbulent_Dittus_Boelter)",
    count=4,
    rel_tol=0.005,
    draw=_TUBE,
    wordings=(
        """{fluid} flows at {V} inside a tube of {D} inside diameter and is being {mode}.
          Properties: density {rho}, viscosity {mu}, conductivity {k}, cp {cp}. Using
          Dittus-Boelter, what is the inside film coefficient in W/(m²·K)?""",
        """Estimate h (W/(m²·K)) on the tube side with the Dittus-Boelter correlation:
          {fluid} being {mode}, velocity {V}, tube ID {D}; ρ = {rho}, μ = {mu}, k = {k},
          cp = {cp}.""",
        """What tube-side heat-transfer coefficient, in W/(m²·K), does Dittus-Boelter give
          for {fluid} ({mode}) at {V} in {D} bore tubes? Fluid data: density {rho},
          viscosity {mu}, thermal conductivity {k}, specific heat {cp}.""",
        """Dittus-Boelter: fluid {fluid}, {mode} by the wall, V = {V}, Di = {D}, ρ {rho},
          μ {mu}, k {k}, cp {cp}. Find the film coefficient (W/(m²·K)).""",
    ),
)
def _(fluid: str, rho: Val, mu: Val, k: Val, cp: Val, V: Val, D: Val, mode: str) -> float:
    from fluids import Prandtl, Reynolds
    from ht import turbulent_Dittus_Boelter

    d, m = D.to("m"), mu.to("Pa*s")
    Nu = turbulent_Dittus_Boelter(
        Re=Reynolds(V=V.value, D=d, rho=rho.value, mu=m),
        Pr=Prandtl(Cp=cp.value, k=k.value, mu=m),
        heating=mode == "heated",
    )
    return float(Nu) * k.value / d


@kind(
    "heat_transfer/gnielinski",
    "heat_transfer",
    "W/(m**2*K)",
    ("nu_gnielinski",),
    "Gnielinski (1976) with the Petukhov friction factor f = (0.790 ln Re - 1.64)^-2 "
    "(ht.conv_internal.turbulent_Gnielinski)",
    count=3,
    rel_tol=0.005,
    draw=_TUBE,
    wordings=(
        """Using the Gnielinski correlation with the Petukhov friction factor
          f = (0.790 ln Re − 1.64)⁻², what is the film coefficient for {fluid} at {V} in a
          smooth tube of {D} ID? ρ = {rho}, μ = {mu}, k = {k}, cp = {cp}. Answer in
          W/(m²·K).""",
        """Compute the inside heat-transfer coefficient (W/(m²·K)) by Gnielinski for
          {fluid} flowing at {V} through a {D} smooth tube (density {rho}, viscosity {mu},
          conductivity {k}, heat capacity {cp}); use f = (0.790 ln Re − 1.64)⁻².""",
        """What h does Gnielinski's equation (Petukhov f = (0.790 ln Re − 1.64)⁻²) predict,
          in W/(m²·K), for {fluid} in {D} bore tubing at a velocity of {V}? Properties:
          {rho}, {mu}, {k}, {cp}.""",
    ),
)
def _(fluid: str, rho: Val, mu: Val, k: Val, cp: Val, V: Val, D: Val, mode: str) -> float:
    from fluids import Prandtl, Reynolds
    from ht import turbulent_Gnielinski

    d, m = D.to("m"), mu.to("Pa*s")
    Re = Reynolds(V=V.value, D=d, rho=rho.value, mu=m)
    fd = (0.790 * math.log(Re) - 1.64) ** -2
    Nu = turbulent_Gnielinski(Re=Re, Pr=Prandtl(Cp=cp.value, k=k.value, mu=m), fd=fd)
    return float(Nu) * k.value / d


def _draw_cross(rng: random.Random) -> dict[str, Any]:
    return {
        "V": Val(uni(rng, 2, 25), "m/s", "m/s"),
        "D": Val(uni(rng, 10, 60), "mm", "mm"),
        "rho": Val(1.16, "kg/m**3", "kg/m³"),
        "mu": Val(18.5, "micropascal*second", "µPa·s"),
        "k": Val(0.0263, "W/(m*K)", "W/(m·K)"),
        "Pr": 0.707,
    }


@kind(
    "heat_transfer/zukauskas",
    "heat_transfer",
    "W/(m**2*K)",
    ("nu_cylinder_zukauskas",),
    "Zukauskas (1972) single cylinder in cross flow, Nu = C Re^m Pr^n "
    "(ht.conv_external.Nu_cylinder_Zukauskas)",
    count=3,
    rel_tol=0.02,
    draw=_draw_cross,
    wordings=(
        """Air at {V} flows across a single tube of {D} OD. Air: density {rho}, viscosity
          {mu}, conductivity {k}, Pr = {Pr}. Neglecting the wall-Prandtl correction, what is
          the average outside coefficient by Zukauskas, in W/(m²·K)?""",
        """A thermowell of {D} diameter sits in an air duct where the velocity is {V}.
          With ρ = {rho}, μ = {mu}, k = {k}, Pr = {Pr} and no Pr_w correction, estimate h
          from the Zukauskas correlation (W/(m²·K)).""",
        """What convective coefficient (W/(m²·K)) does Zukauskas give for air crossing a
          {D} cylinder at {V}? Air data: {rho}, {mu}, k {k}, Pr {Pr}; ignore (Pr/Pr_w).""",
    ),
)
def _(V: Val, D: Val, rho: Val, mu: Val, k: Val, Pr: float) -> float:
    from fluids import Reynolds
    from ht import Nu_cylinder_Zukauskas

    d = D.to("m")
    Re = Reynolds(V=V.value, D=d, rho=rho.value, mu=mu.to("Pa*s"))
    return float(Nu_cylinder_Zukauskas(Re=Re, Pr=Pr)) * k.value / d


def _draw_plate(rng: random.Random) -> dict[str, Any]:
    Tinf = uni(rng, 10, 30)
    return {
        "L": Val(uni(rng, 0.2, 3), "m", "m"),
        "Tw": Val(sig(Tinf + rng.uniform(15, 80)), "degC", "°C"),
        "Tinf": Val(Tinf, "degC", "°C"),
        "nu": Val(1.7e-5, "m**2/s", "m²/s"),
        "k": Val(0.027, "W/(m*K)", "W/(m·K)"),
        "Pr": 0.71,
    }


@kind(
    "heat_transfer/natural_convection",
    "heat_transfer",
    "W/(m**2*K)",
    ("nu_natural_convection",),
    "Churchill and Chu (1975) vertical plate, all Ra (ht.conv_free_immersed."
    "Nu_vertical_plate_Churchill); ideal-gas beta = 1/T_film",
    count=3,
    rel_tol=0.005,
    draw=_draw_plate,
    wordings=(
        """A vertical plate {L} tall at {Tw} stands in still air at {Tinf}. Air at the film
          temperature: ν = {nu}, k = {k}, Pr = {Pr}; β = 1/T_film (ideal gas). Using
          Churchill-Chu, what is the average natural-convection coefficient in W/(m²·K)?""",
        """Estimate the free-convection h (W/(m²·K)) on the vertical wall of an uninsulated
          tank, {L} high, surface {Tw}, ambient still air {Tinf}. Take ν = {nu}, k = {k},
          Pr = {Pr}, β from the film temperature as an ideal gas; Churchill-Chu
          correlation.""",
        """Churchill-Chu vertical plate: height {L}, wall {Tw}, air {Tinf}, kinematic
          viscosity {nu}, conductivity {k}, Pr {Pr}, β = 1/T_film. Average h in W/(m²·K)?""",
    ),
)
def _(L: Val, Tw: Val, Tinf: Val, nu: Val, k: Val, Pr: float) -> float:
    from fluids import Grashof
    from ht import Nu_vertical_plate_Churchill

    beta = 1 / ((Tw.to("K") + Tinf.to("K")) / 2)
    Gr = Grashof(L=L.value, beta=beta, T1=Tw.to("K"), T2=Tinf.to("K"), nu=nu.value)
    return float(Nu_vertical_plate_Churchill(Pr=Pr, Gr=Gr)) * k.value / L.value


def _draw_cond(rng: random.Random) -> dict[str, Any]:
    P = uni(rng, 1.2, 10)
    Ts = _coolprop("T", "P", P * 1e5, "Q", 1, "Water")
    return {
        "P": Val(P, "bar", "bar absolute"),
        "Tsat": Val(sig(Ts - 273.15, 4), "degC", "°C"),
        "dT": Val(uni(rng, 3, 20, 2), "delta_degC", "K"),
        "L": Val(uni(rng, 0.2, 2), "m", "m"),
        "rhol": Val(sig(_coolprop("D", "P", P * 1e5, "Q", 0, "Water"), 4), "kg/m**3", "kg/m³"),
        "rhog": Val(sig(_coolprop("D", "P", P * 1e5, "Q", 1, "Water")), "kg/m**3", "kg/m³"),
        "mul": Val(sig(_coolprop("V", "P", P * 1e5, "Q", 0, "Water") * 1e3), "mPa*s", "mPa·s"),
        "kl": Val(sig(_coolprop("L", "P", P * 1e5, "Q", 0, "Water")), "W/(m*K)", "W/(m·K)"),
        "hfg": Val(
            sig(
                (
                    _coolprop("H", "P", P * 1e5, "Q", 1, "Water")
                    - _coolprop("H", "P", P * 1e5, "Q", 0, "Water")
                )
                / 1e3,
                4,
            ),
            "kJ/kg",
            "kJ/kg",
        ),
    }


@kind(
    "heat_transfer/condensation",
    "heat_transfer",
    "W/(m**2*K)",
    ("h_condensation_nusselt",),
    "Nusselt (1916) laminar film condensation on a vertical plate (ht.condensation."
    "Nusselt_laminar)",
    count=3,
    rel_tol=0.005,
    draw=_draw_cond,
    wordings=(
        """Saturated steam at {P} ({Tsat}) condenses on a vertical surface {L} high whose
          temperature is {dT} below saturation. Condensate: ρ = {rhol}, μ = {mul}, k = {kl};
          vapour density {rhog}; latent heat {hfg}. By Nusselt's laminar film theory, what
          is the average condensing coefficient, in W/(m²·K)?""",
        """Estimate the mean condensation coefficient (W/(m²·K)) for steam at {Tsat}
          ({P}) on a vertical plate of height {L} with a wall subcooling of {dT}. Liquid
          density {rhol}, viscosity {mul}, conductivity {kl}; vapour density {rhog}; h_fg
          {hfg}. Use the Nusselt laminar-film result.""",
        """Nusselt film condensation: steam at {P}, Tsat {Tsat}, plate height {L}, wall
          {dT} colder than Tsat, ρ_l {rhol}, ρ_v {rhog}, μ_l {mul}, k_l {kl}, h_fg {hfg}.
          Average h in W/(m²·K)?""",
    ),
)
def _(
    P: Val, Tsat: Val, dT: Val, L: Val, rhol: Val, rhog: Val, mul: Val, kl: Val, hfg: Val
) -> float:
    from ht import Nusselt_laminar

    Ts = Tsat.to("K")
    return float(
        Nusselt_laminar(
            Tsat=Ts,
            Tw=Ts - dT.value,
            rhog=rhog.value,
            rhol=rhol.value,
            kl=kl.value,
            mul=mul.to("Pa*s"),
            Hvap=hfg.to("J/kg"),
            L=L.value,
            angle=90.0,
        )
    )


def _draw_zuber(rng: random.Random) -> dict[str, Any]:
    P = uni(rng, 1.0, 20)
    p = P * 1e5
    return {
        "P": Val(P, "bar", "bar absolute"),
        "rhol": Val(sig(_coolprop("D", "P", p, "Q", 0, "Water"), 4), "kg/m**3", "kg/m³"),
        "rhog": Val(sig(_coolprop("D", "P", p, "Q", 1, "Water")), "kg/m**3", "kg/m³"),
        "sigma": Val(sig(_coolprop("I", "P", p, "Q", 0, "Water")), "N/m", "N/m"),
        "hfg": Val(
            sig(
                (_coolprop("H", "P", p, "Q", 1, "Water") - _coolprop("H", "P", p, "Q", 0, "Water"))
                / 1e3,
                4,
            ),
            "kJ/kg",
            "kJ/kg",
        ),
        "K": pick(rng, [0.131, 0.149]),
    }


@kind(
    "heat_transfer/zuber_chf",
    "heat_transfer",
    "W/m**2",
    ("critical_heat_flux_zuber",),
    "Zuber (1958) critical heat flux q = K hfg rho_v^0.5 [sigma g (rho_l - rho_v)]^0.25 "
    "(ht.boiling_nucleic.Zuber)",
    count=3,
    rel_tol=0.005,
    draw=with_inputs(_draw_zuber, out=Out("kW/m**2", "kW/m²")),
    wordings=(
        """What is the critical heat flux for pool boiling of water at {P}, by Zuber with
          K = {K}? Saturated liquid density {rhol}, vapour density {rhog}, surface tension
          {sigma}, latent heat {hfg}. Answer in kW/m².""",
        """Estimate the peak nucleate-boiling heat flux (kW/m²) of water at {P} from
          Zuber's correlation (constant {K}): ρ_l = {rhol}, ρ_v = {rhog}, σ = {sigma},
          h_fg = {hfg}.""",
        """A kettle reboiler boils water at {P}. Using Zuber's CHF equation with K = {K}
          and ρ_l {rhol}, ρ_v {rhog}, σ {sigma}, h_fg {hfg}, what maximum heat flux, in
          kW/m², should not be exceeded?""",
    ),
)
def _(P: Val, rhol: Val, rhog: Val, sigma: Val, hfg: Val, K: float, out: Out) -> float:
    from ht import Zuber

    return float(
        Zuber(sigma=sigma.value, Hvap=hfg.to("J/kg"), rhol=rhol.value, rhog=rhog.value, K=K)
    )


_COOPER = [
    ("water", 18.015, 220.64),
    ("propane", 44.1, 42.48),
    ("ammonia", 17.03, 113.33),
    ("R-134a", 102.03, 40.59),
    ("n-pentane", 72.15, 33.7),
]


def _draw_cooper(rng: random.Random) -> dict[str, Any]:
    name, MW, Pc = pick(rng, _COOPER)
    return {
        "name": name,
        "MW": MW,
        "Pc": Val(Pc, "bar", "bar"),
        "P": Val(sig(Pc * rng.uniform(0.02, 0.3)), "bar", "bar absolute"),
        "q": Val(uni(rng, 10, 100), "kW/m**2", "kW/m²"),
        "Rp": Val(1.0, "micrometer", "µm"),
    }


@kind(
    "heat_transfer/cooper",
    "heat_transfer",
    "W/(m**2*K)",
    ("h_boiling_cooper",),
    "Cooper (1984) nucleate pool boiling h = 55 pr^(0.12 - 0.2 log10 Rp) (-log10 pr)^-0.55 "
    "M^-0.5 q^0.67 (ht.boiling_nucleic.Cooper)",
    count=3,
    rel_tol=0.005,
    draw=_draw_cooper,
    wordings=(
        """{name} (molar mass {MW} g/mol, critical pressure {Pc}) boils on a surface at
          {P} with a heat flux of {q}. The surface roughness Rp is {Rp}. What is the
          nucleate-boiling coefficient by Cooper's correlation, in W/(m²·K)?""",
        """Estimate the pool-boiling heat-transfer coefficient (W/(m²·K)) of {name} at {P}
          (Pc = {Pc}, M = {MW} g/mol) for q = {q}, Rp = {Rp}, using Cooper (1984).""",
        """Cooper correlation: fluid {name}, M {MW} g/mol, Pc {Pc}, P {P}, heat flux {q},
          roughness {Rp}. Boiling h in W/(m²·K)?""",
    ),
)
def _(name: str, MW: float, Pc: Val, P: Val, q: Val, Rp: Val) -> float:
    from ht import Cooper

    return float(Cooper(P=P.to("Pa"), Pc=Pc.to("Pa"), MW=MW, q=q.to("W/m**2"), Rp=Rp.to("m")))
