"""Build PEOA's development dataset, ``datasets/dev.jsonl``, from the field libraries.

Every problem is written here as a question template, its input values and a function
that computes the reference answer with fluids, ht, thermo, chemicals, CoolProp, cantera,
pint or scipy. Nothing in the dataset is typed in by hand: re-running this script (and
``tests/datasets/test_dev_dataset.py`` does) reproduces every stored answer.

Run from the repository root::

    .venv/bin/python datasets/build_dev.py            # writes datasets/dev.jsonl
    .venv/bin/python datasets/build_dev.py OUT.jsonl  # writes elsewhere
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from peoa.evaluation.dataset import write_jsonl

__all__ = ["CATEGORIES", "PROBLEMS", "Problem", "build_records", "write_dataset"]

CATEGORIES: tuple[str, ...] = (
    "units",
    "properties",
    "pipe_flow",
    "pumps",
    "compressors",
    "flow_measurement",
    "control_valves",
    "relief",
    "heat_exchangers",
    "heat_transfer",
    "vle_flash",
    "distillation",
    "reactors",
    "balances",
    "psychrometrics_steam",
)

G = 9.80665  # standard gravity [m/s^2]; CODATA value as used by fluids and scipy
P_ATM = 101325.0  # [Pa]
SIGNIFICANT_DIGITS = 6
DEFAULT_SOURCE = "PEOA dev set; answer computed by datasets/build_dev.py"


@dataclass(frozen=True)
class Problem:
    """One dataset item before rendering: a template, its inputs and its solver."""

    id: str
    category: str
    template: str
    inputs: Mapping[str, Any]
    compute: Callable[..., float]
    unit: str
    tools: tuple[str, ...]
    rel_tol: float = 0.02
    source: str = DEFAULT_SOURCE
    notes: str = field(default="", compare=False)

    def question(self) -> str:
        return self.template.format(**self.inputs)

    def answer(self) -> float:
        value = float(self.compute(**self.inputs))
        if not math.isfinite(value):
            raise ValueError(f"problem {self.id} computed a non-finite answer {value!r}")
        return float(f"{value:.{SIGNIFICANT_DIGITS}g}")


PROBLEMS: list[Problem] = []


def problem(
    pid: str,
    category: str,
    unit: str,
    tools: tuple[str, ...],
    template: str,
    rel_tol: float = 0.02,
    source: str = DEFAULT_SOURCE,
    **inputs: Any,
) -> Callable[[Callable[..., float]], Callable[..., float]]:
    """Register the decorated function as the solver of one problem."""

    def register(fn: Callable[..., float]) -> Callable[..., float]:
        PROBLEMS.append(
            Problem(pid, category, " ".join(template.split()), inputs, fn, unit, tools,
                    rel_tol, source)
        )
        return fn

    return register


# ---------------------------------------------------------------------------------------
# shared helpers (library look-ups only; no correlations are written here)


@cache
def _ureg() -> Any:
    import pint

    return pint.UnitRegistry()


def _q(value: float, unit: str) -> Any:
    return _ureg().Quantity(value, unit)


@cache
def _psat_model(name: str) -> Any:
    from thermo import Chemical

    return Chemical(name).VaporPressure


def _psat(name: str, T: float) -> float:
    """Vapour pressure [Pa] from thermo's default (recommended) correlation."""
    return float(_psat_model(name)(T))


def _coolprop(output: str, name1: str, v1: float, name2: str, v2: float, fluid: str) -> float:
    from CoolProp.CoolProp import PropsSI

    return float(PropsSI(output, name1, v1, name2, v2, fluid))


def _humid_air(output: str, T: float, P: float, RH: float) -> float:
    from CoolProp.HumidAirProp import HAPropsSI

    return float(HAPropsSI(output, "T", T, "P", P, "R", RH))


def _darcy(Re: float, eD: float) -> float:
    from fluids import friction_factor

    return float(friction_factor(Re=Re, eD=eD, Method="Colebrook"))


def _pipe_dP(Q: float, D: float, L: float, rough: float, rho: float, mu: float,
             K: float = 0.0) -> float:
    """Frictional plus fitting pressure drop [Pa] of a liquid in a round pipe."""
    from fluids import K_from_f, Reynolds, dP_from_K

    V = Q / (math.pi * D**2 / 4)
    fd = _darcy(Reynolds(V=V, D=D, rho=rho, mu=mu), rough / D)
    return float(dP_from_K(K_from_f(fd=fd, L=L, D=D) + K, rho=rho, V=V))


# ---------------------------------------------------------------------------------------
# units

@problem("units-001", "units", "kPa", ("unit_convert",),
         """A pressure gauge on a separator reads {Pg} psig. Local atmospheric pressure is
         {Patm} psia. What is the absolute pressure in the separator, in kPa?""",
         Pg=150.0, Patm=14.696)
def _(Pg: float, Patm: float) -> float:
    return _q(Pg + Patm, "psi").to("kPa").magnitude


@problem("units-002", "units", "W/(m**2*K)", ("unit_convert",),
         """A vendor quotes an overall heat-transfer coefficient of {U} Btu/(h·ft²·°F) for a
         condenser. Express it in W/(m²·K).""",
         U=120.0)
def _(U: float) -> float:
    return _q(U, "Btu/(hour*foot**2*delta_degF)").to("W/(m**2*K)").magnitude


@problem("units-003", "units", "m**3/hour", ("unit_convert",),
         """A centrifugal pump is rated for {Q} US gallons per minute. What is that flow in
         m³/h?""",
         Q=350.0)
def _(Q: float) -> float:
    return _q(Q, "gallon/minute").to("m**3/hour").magnitude


@problem("units-004", "units", "K", ("unit_convert",),
         """The outlet of a fired heater is at {T} °F. What is this temperature in kelvin?""",
         T=662.0)
def _(T: float) -> float:
    return _q(T, "degF").to("K").magnitude


@problem("units-005", "units", "mPa*s", ("unit_convert",),
         """A lube oil has a kinematic viscosity of {nu} cSt and a density of {rho} kg/m³ at
         the operating temperature. What is its dynamic viscosity in mPa·s (cP)?""",
         nu=45.0, rho=870.0)
def _(nu: float, rho: float) -> float:
    return (_q(nu, "centistokes") * _q(rho, "kg/m**3")).to("mPa*s").magnitude


# ---------------------------------------------------------------------------------------
# properties

@problem("properties-001", "properties", "kg/m**3", ("density", "steam_properties"),
         """What is the density of liquid water at {T_C} °C and {P_kPa} kPa absolute, in
         kg/m³? Use the IAPWS-95 formulation.""",
         T_C=60.0, P_kPa=101.325)
def _(T_C: float, P_kPa: float) -> float:
    return _coolprop("D", "T", T_C + 273.15, "P", P_kPa * 1e3, "Water")


@problem("properties-002", "properties", "kPa", ("vapor_pressure",),
         """What is the vapour pressure of benzene at {T_C} °C, in kPa?""",
         T_C=80.0)
def _(T_C: float) -> float:
    return _psat("benzene", T_C + 273.15) / 1e3


@problem("properties-003", "properties", "micropascal*second", ("viscosity", "pure_properties"),
         """Estimate the dynamic viscosity of methane gas at {T_C} °C and {P_bar} bar
         absolute, in µPa·s.""",
         T_C=25.0, P_bar=1.0)
def _(T_C: float, P_bar: float) -> float:
    return _coolprop("V", "T", T_C + 273.15, "P", P_bar * 1e5, "Methane") * 1e6


@problem("properties-004", "properties", "kg/m**3", ("density",),
         """What is the density of dry air at {T} K and {P_bar} bar absolute, in kg/m³?""",
         T=300.0, P_bar=2.0)
def _(T: float, P_bar: float) -> float:
    return _coolprop("D", "T", T, "P", P_bar * 1e5, "Air")


@problem("properties-005", "properties", "J/(kg*K)", ("heat_capacity",),
         """What is the isobaric heat capacity of liquid ethanol at {T_C} °C, in J/(kg·K)?""",
         rel_tol=0.05, T_C=25.0)
def _(T_C: float) -> float:
    from thermo import Chemical

    return float(Chemical("ethanol", T=T_C + 273.15).Cpl)


@problem("properties-006", "properties", "K", ("saturation_temperature",),
         """At what temperature does propane boil at {P_bar} bar absolute? Give the
         saturation temperature in kelvin.""",
         P_bar=10.0)
def _(P_bar: float) -> float:
    return _coolprop("T", "P", P_bar * 1e5, "Q", 0, "Propane")


# ---------------------------------------------------------------------------------------
# pipe flow

@problem("pipe_flow-001", "pipe_flow", "dimensionless", ("reynolds_number",),
         """Water (density {rho} kg/m³, viscosity {mu_mPas} mPa·s) flows at {Q} m³/h through a
         pipe of {D_mm} mm inside diameter. What is the Reynolds number?""",
         rho=998.2, mu_mPas=1.002, Q=15.0, D_mm=52.5)
def _(rho: float, mu_mPas: float, Q: float, D_mm: float) -> float:
    from fluids import Reynolds

    D = D_mm / 1e3
    V = Q / 3600 / (math.pi * D**2 / 4)
    return float(Reynolds(V=V, D=D, rho=rho, mu=mu_mPas / 1e3))


@problem("pipe_flow-002", "pipe_flow", "dimensionless", ("friction_factor",),
         """Using the Colebrook equation, what is the Darcy friction factor for flow at a
         Reynolds number of {Re:.0f} in a commercial-steel pipe of {D_mm} mm inside diameter
         with an absolute roughness of {eps_mm} mm?""",
         Re=120000.0, D_mm=102.3, eps_mm=0.046)
def _(Re: float, D_mm: float, eps_mm: float) -> float:
    return _darcy(Re, eps_mm / D_mm)


@problem("pipe_flow-003", "pipe_flow", "dimensionless", ("friction_factor",),
         """Using the Churchill (1977) correlation, which covers laminar, transitional and
         turbulent flow, what is the Darcy friction factor at Re = {Re:.0f} and relative
         roughness ε/D = {eD}?""",
         Re=5000.0, eD=0.0002)
def _(Re: float, eD: float) -> float:
    from fluids import friction_factor

    return float(friction_factor(Re=Re, eD=eD, Method="Churchill_1977"))


@problem("pipe_flow-004", "pipe_flow", "kPa", ("pipe_pressure_drop",),
         """Water at {Q} m³/h (density {rho} kg/m³, viscosity {mu_mPas} mPa·s) flows through
         {L} m of straight, horizontal commercial-steel pipe with {D_mm} mm inside diameter
         and {eps_mm} mm roughness. What is the frictional pressure drop in kPa? Use the
         Darcy-Weisbach equation with a Colebrook friction factor.""",
         Q=25.0, rho=998.2, mu_mPas=1.002, L=80.0, D_mm=102.3, eps_mm=0.046)
def _(Q: float, rho: float, mu_mPas: float, L: float, D_mm: float, eps_mm: float) -> float:
    return _pipe_dP(Q / 3600, D_mm / 1e3, L, eps_mm / 1e3, rho, mu_mPas / 1e3) / 1e3


@problem("pipe_flow-005", "pipe_flow", "kPa", ("pipe_pressure_drop",),
         """Water at {Q} m³/h (density {rho} kg/m³, viscosity {mu_mPas} mPa·s) flows through
         {L} m of commercial-steel pipe ({D_mm} mm ID, roughness {eps_mm} mm) containing
         {n_elb} standard 90° elbows with K = {K_elb} each, {n_gate} fully open gate valves
         with K = {K_gate} each and one swing check valve with K = {K_chk}. Elevation does
         not change. What is the total pressure drop in kPa (Colebrook friction factor)?""",
         Q=40.0, rho=998.2, mu_mPas=1.002, L=60.0, D_mm=102.3, eps_mm=0.046,
         n_elb=6, K_elb=0.3, n_gate=2, K_gate=0.15, K_chk=2.0)
def _(Q: float, rho: float, mu_mPas: float, L: float, D_mm: float, eps_mm: float,
      n_elb: int, K_elb: float, n_gate: int, K_gate: float, K_chk: float) -> float:
    K = n_elb * K_elb + n_gate * K_gate + K_chk
    return _pipe_dP(Q / 3600, D_mm / 1e3, L, eps_mm / 1e3, rho, mu_mPas / 1e3, K) / 1e3


@problem("pipe_flow-006", "pipe_flow", "mm", ("pipe_schedule",),
         """What is the inside diameter of NPS {NPS} schedule {sch} steel pipe (ASME B36.10),
         in mm?""",
         NPS=6, sch="80")
def _(NPS: int, sch: str) -> float:
    from fluids import nearest_pipe

    return float(nearest_pipe(NPS=NPS, schedule=sch)[1]) * 1e3


@problem("pipe_flow-007", "pipe_flow", "m**3/hour", ("flow_from_head",),
         """Water (density {rho} kg/m³, viscosity {mu_mPas} mPa·s) drains by gravity from an
         open tank to an open tank whose liquid level is {dz} m lower, through {L} m of
         commercial-steel pipe with {D_mm} mm inside diameter and {eps_mm} mm roughness. The
         entrance, exit and fittings add up to K = {K}. What is the flow rate in m³/h?""",
         rho=998.2, mu_mPas=1.002, dz=12.0, L=150.0, D_mm=77.9, eps_mm=0.046, K=4.5)
def _(rho: float, mu_mPas: float, dz: float, L: float, D_mm: float, eps_mm: float,
      K: float) -> float:
    from scipy.optimize import brentq

    D, rough, mu = D_mm / 1e3, eps_mm / 1e3, mu_mPas / 1e3

    def residual(Q: float) -> float:
        return _pipe_dP(Q, D, L, rough, rho, mu, K) - rho * G * dz

    return brentq(residual, 1e-6, 1.0, xtol=1e-14, rtol=1e-13) * 3600


# ---------------------------------------------------------------------------------------
# pumps

@problem("pumps-001", "pumps", "m", ("pump_head",),
         """A water pump (density {rho} kg/m³) has a suction gauge reading {Ps} barg and a
         discharge gauge reading {Pd} barg. Both gauges are at the same elevation and the
         suction and discharge lines have the same diameter. What is the pump's total
         differential head, in metres of liquid?""",
         rho=998.0, Ps=0.8, Pd=7.2)
def _(rho: float, Ps: float, Pd: float) -> float:
    from fluids import head_from_P

    return float(head_from_P((Pd - Ps) * 1e5, rho))


@problem("pumps-002", "pumps", "kW", ("pump_power",),
         """A pump delivers {Q} m³/h of a hydrocarbon liquid (density {rho} kg/m³) against a
         total head of {H} m. The pump efficiency is {eta}. What brake (shaft) power does it
         need, in kW?""",
         Q=60.0, rho=850.0, H=45.0, eta=0.72)
def _(Q: float, rho: float, H: float, eta: float) -> float:
    from fluids import P_from_head

    return float(P_from_head(H, rho)) * Q / 3600 / eta / 1e3


@problem("pumps-003", "pumps", "m", ("npsh_available", "steam_saturation"),
         """A pump takes water at {T_C} °C from an open tank at {Patm_kPa} kPa atmospheric
         pressure. The liquid level is {z} m above the pump suction centreline and the
         suction line loses {hf} m of head to friction. Using water's density and vapour
         pressure at {T_C} °C from IAPWS-95, what is the available NPSH in metres?""",
         T_C=70.0, Patm_kPa=101.325, z=2.5, hf=0.6)
def _(T_C: float, Patm_kPa: float, z: float, hf: float) -> float:
    T = T_C + 273.15
    Pv = _coolprop("P", "T", T, "Q", 0, "Water")
    rho = _coolprop("D", "T", T, "P", Patm_kPa * 1e3, "Water")
    return (Patm_kPa * 1e3 - Pv) / (rho * G) + z - hf


@problem("pumps-004", "pumps", "kW", ("pump_affinity",),
         """A centrifugal pump running at {N1} rpm absorbs {P1} kW. By the affinity laws, what
         power will it absorb at {N2} rpm with the same impeller and system?""",
         N1=1450.0, P1=22.0, N2=1750.0)
def _(N1: float, P1: float, N2: float) -> float:
    return P1 * (N2 / N1) ** 3


@problem("pumps-005", "pumps", "rpm*m**0.75/s**0.5", ("pump_specific_speed",),
         """A pump's best efficiency point is {Q} m³/s at {H} m head running at {n} rpm. What
         is its specific speed n·√Q/H^0.75 (n in rpm, Q in m³/s, H in m)?""",
         Q=0.05, H=60.0, n=2950.0)
def _(Q: float, H: float, n: float) -> float:
    from fluids import specific_speed

    return float(specific_speed(Q=Q, H=H, n=n))


@problem("pumps-006", "pumps", "kW", ("pipe_pressure_drop", "pump_power"),
         """A pump transfers {Q} m³/h of water (density {rho} kg/m³, viscosity {mu_mPas}
         mPa·s) from an open tank to another open tank whose level is {dz} m higher, through
         {L} m of commercial-steel pipe with {D_mm} mm inside diameter and {eps_mm} mm
         roughness; entrance, exit and fittings add up to K = {K}. With a pump efficiency of
         {eta}, what shaft power is needed, in kW? Use a Colebrook friction factor.""",
         Q=30.0, rho=998.2, mu_mPas=1.002, dz=15.0, L=120.0, D_mm=77.9, eps_mm=0.046,
         K=6.0, eta=0.68)
def _(Q: float, rho: float, mu_mPas: float, dz: float, L: float, D_mm: float,
      eps_mm: float, K: float, eta: float) -> float:
    dP = _pipe_dP(Q / 3600, D_mm / 1e3, L, eps_mm / 1e3, rho, mu_mPas / 1e3, K)
    return (dP + rho * G * dz) * Q / 3600 / eta / 1e3


# ---------------------------------------------------------------------------------------
# compressors and compressible flow

@problem("compressors-001", "compressors", "degC", ("compressor_power_isentropic",),
         """Air (k = {k}) is compressed from {P1} bar absolute and {T1_C} °C to {P2} bar
         absolute in a compressor with an isentropic efficiency of {eta}. Treating air as an
         ideal gas, what is the actual discharge temperature in °C?""",
         k=1.4, P1=1.0, T1_C=20.0, P2=3.5, eta=0.78)
def _(k: float, P1: float, T1_C: float, P2: float, eta: float) -> float:
    from fluids import isentropic_T_rise_compression

    return float(isentropic_T_rise_compression(T1_C + 273.15, P1, P2, k, eta)) - 273.15


@problem("compressors-002", "compressors", "kW", ("compressor_power_isentropic",),
         """A compressor takes {m} kg/s of air (molar mass {M} g/mol, k = {k}) at {T1} K and
         {P1} bar absolute and delivers it at {P2} bar absolute. The isentropic efficiency is
         {eta}. Assuming ideal gas (Z = 1), what gas power is needed, in kW?""",
         m=1.5, M=28.96, k=1.4, T1=300.0, P1=1.0, P2=4.0, eta=0.8)
def _(m: float, M: float, k: float, T1: float, P1: float, P2: float, eta: float) -> float:
    from fluids import isentropic_work_compression

    w = isentropic_work_compression(T1=T1, k=k, Z=1.0, P1=P1 * 1e5, P2=P2 * 1e5, eta=eta)
    return float(w) * (m * 1e3 / M) / 1e3


@problem("compressors-003", "compressors", "dimensionless", ("compressor_power_polytropic",),
         """A natural-gas compressor has a polytropic efficiency of {eta_p}; the gas has a heat
         capacity ratio k = {k}. What is the polytropic exponent n of the compression?""",
         eta_p=0.76, k=1.27)
def _(eta_p: float, k: float) -> float:
    from fluids import polytropic_exponent

    return float(polytropic_exponent(k=k, eta_p=eta_p))


@problem("compressors-004", "compressors", "m**3/hour", ("gas_pipeline_flow",),
         """Using the Weymouth equation, what standard volumetric flow (at {Ts} K and
         {Ps_kPa} kPa) will a {L_km} km natural-gas pipeline of {D_mm} mm inside diameter
         carry with an inlet pressure of {P1} bar absolute and an outlet pressure of {P2} bar
         absolute? Gas specific gravity {SG}, average temperature {Tavg} K, average
         compressibility {Z}, pipeline efficiency {E}. Give the answer in standard m³/h.""",
         rel_tol=0.03, Ts=288.7, Ps_kPa=101.325, L_km=50.0, D_mm=300.0, P1=60.0, P2=40.0,
         SG=0.65, Tavg=288.7, Z=0.9, E=0.92)
def _(Ts: float, Ps_kPa: float, L_km: float, D_mm: float, P1: float, P2: float, SG: float,
      Tavg: float, Z: float, E: float) -> float:
    from fluids import Weymouth

    return float(Weymouth(SG=SG, Tavg=Tavg, L=L_km * 1e3, D=D_mm / 1e3, P1=P1 * 1e5,
                          P2=P2 * 1e5, Ts=Ts, Ps=Ps_kPa * 1e3, Zavg=Z, E=E)) * 3600


@problem("compressors-005", "compressors", "bar", ("choked_flow",),
         """Air (k = {k}) discharges through a nozzle from a vessel at {P0} bar absolute. Below
         what downstream pressure, in bar absolute, does the flow become choked?""",
         k=1.4, P0=8.0)
def _(k: float, P0: float) -> float:
    from fluids import P_critical_flow

    return float(P_critical_flow(P0 * 1e5, k)) / 1e5


@problem("compressors-006", "compressors", "K", ("stagnation_properties",),
         """Air flows at {V} m/s with a static temperature of {T} K. Taking cp = {cp}
         J/(kg·K), what is its stagnation (total) temperature in kelvin?""",
         V=250.0, T=300.0, cp=1005.0)
def _(V: float, T: float, cp: float) -> float:
    from fluids import T_stagnation_ideal

    return float(T_stagnation_ideal(T=T, V=V, Cp=cp))


# ---------------------------------------------------------------------------------------
# flow measurement (ISO 5167)

@problem("flow_measurement-001", "flow_measurement", "kg/s", ("flow_meter_flow",),
         """An ISO 5167 square-edged orifice plate with flange taps, bore {d_mm} mm, is
         installed in a pipe of {D_mm} mm inside diameter carrying water (density {rho}
         kg/m³, viscosity {mu_mPas} mPa·s). The differential pressure is {dP_kPa} kPa at an
         upstream pressure of {P1_kPa} kPa absolute. What is the mass flow rate in kg/s?""",
         d_mm=50.0, D_mm=102.3, rho=998.2, mu_mPas=1.002, dP_kPa=25.0, P1_kPa=500.0)
def _(d_mm: float, D_mm: float, rho: float, mu_mPas: float, dP_kPa: float,
      P1_kPa: float) -> float:
    from fluids import differential_pressure_meter_solver

    return float(differential_pressure_meter_solver(
        D=D_mm / 1e3, D2=d_mm / 1e3, rho=rho, mu=mu_mPas / 1e3, k=1.33,
        P1=P1_kPa * 1e3, P2=(P1_kPa - dP_kPa) * 1e3, meter_type="ISO 5167 orifice",
        taps="flange", epsilon_specified=1.0))


@problem("flow_measurement-002", "flow_measurement", "dimensionless", ("flow_meter_dp",),
         """What is the Reader-Harris/Gallagher (ISO 5167-2) discharge coefficient of a
         corner-tapped orifice with a {d_mm} mm bore in a {D_mm} mm pipe passing {m} kg/s of
         water (density {rho} kg/m³, viscosity {mu_mPas} mPa·s)?""",
         d_mm=60.0, D_mm=150.0, m=12.0, rho=998.2, mu_mPas=1.002)
def _(d_mm: float, D_mm: float, m: float, rho: float, mu_mPas: float) -> float:
    from fluids import C_Reader_Harris_Gallagher

    return float(C_Reader_Harris_Gallagher(D=D_mm / 1e3, Do=d_mm / 1e3, rho=rho,
                                           mu=mu_mPas / 1e3, m=m, taps="corner"))


@problem("flow_measurement-003", "flow_measurement", "m**3/hour", ("flow_meter_flow",),
         """A machined convergent venturi tube (ISO 5167-4) with a {d_mm} mm throat sits in a
         {D_mm} mm line carrying water (density {rho} kg/m³, viscosity {mu_mPas} mPa·s). The
         measured differential pressure is {dP_kPa} kPa at {P1_kPa} kPa absolute upstream.
         What is the volumetric flow in m³/h?""",
         d_mm=50.0, D_mm=100.0, rho=998.2, mu_mPas=1.002, dP_kPa=20.0, P1_kPa=300.0)
def _(d_mm: float, D_mm: float, rho: float, mu_mPas: float, dP_kPa: float,
      P1_kPa: float) -> float:
    from fluids import differential_pressure_meter_solver

    m = differential_pressure_meter_solver(
        D=D_mm / 1e3, D2=d_mm / 1e3, rho=rho, mu=mu_mPas / 1e3, k=1.33, P1=P1_kPa * 1e3,
        P2=(P1_kPa - dP_kPa) * 1e3, meter_type="machined convergent venturi tube",
        epsilon_specified=1.0)
    return float(m) / rho * 3600


@problem("flow_measurement-004", "flow_measurement", "dimensionless", ("flow_meter_flow",),
         """Natural gas (k = {k}) flows through an orifice plate of {d_mm} mm bore in a
         {D_mm} mm pipe. Upstream pressure is {P1} bar absolute and the downstream tap reads
         {P2} bar absolute. What is the ISO 5167-2 expansibility factor ε?""",
         k=1.3, d_mm=120.0, D_mm=200.0, P1=10.0, P2=9.6)
def _(k: float, d_mm: float, D_mm: float, P1: float, P2: float) -> float:
    from fluids import orifice_expansibility

    return float(orifice_expansibility(D=D_mm / 1e3, Do=d_mm / 1e3, P1=P1 * 1e5,
                                       P2=P2 * 1e5, k=k))


@problem("flow_measurement-005", "flow_measurement", "kg/s", ("flow_meter_flow",),
         """An ISA 1932 flow nozzle (ISO 5167-3) with a {d_mm} mm throat in a {D_mm} mm pipe
         measures water (density {rho} kg/m³, viscosity {mu_mPas} mPa·s). The differential
         pressure is {dP_kPa} kPa at {P1_kPa} kPa absolute upstream. What is the mass flow in
         kg/s?""",
         d_mm=80.0, D_mm=154.1, rho=998.2, mu_mPas=1.002, dP_kPa=15.0, P1_kPa=400.0)
def _(d_mm: float, D_mm: float, rho: float, mu_mPas: float, dP_kPa: float,
      P1_kPa: float) -> float:
    from fluids import differential_pressure_meter_solver

    return float(differential_pressure_meter_solver(
        D=D_mm / 1e3, D2=d_mm / 1e3, rho=rho, mu=mu_mPas / 1e3, k=1.33, P1=P1_kPa * 1e3,
        P2=(P1_kPa - dP_kPa) * 1e3, meter_type="ISA 1932 nozzle", epsilon_specified=1.0))


# ---------------------------------------------------------------------------------------
# control valves (IEC 60534-2-1)

_LIQ_VALVE = dict(rho=998.2, Psat_kPa=2.34, Pc_MPa=22.064, mu_mPas=1.0, FL=0.9, Fd=0.46)


@problem("control_valves-001", "control_valves", "m**3/(hour*bar**0.5)", ("control_valve_liquid",),
         """Size a globe control valve (IEC 60534) for {Q} m³/h of water: density {rho} kg/m³,
         vapour pressure {Psat_kPa} kPa, critical pressure {Pc_MPa} MPa, viscosity {mu_mPas}
         mPa·s. Inlet pressure {P1} bar absolute, outlet {P2} bar absolute, FL = {FL},
         Fd = {Fd}, valve the same size as the line. What Kv is required?""",
         Q=40.0, P1=6.0, P2=4.5, **_LIQ_VALVE)
def _(Q: float, P1: float, P2: float, rho: float, Psat_kPa: float, Pc_MPa: float,
      mu_mPas: float, FL: float, Fd: float) -> float:
    from fluids import size_control_valve_l

    return float(size_control_valve_l(rho=rho, Psat=Psat_kPa * 1e3, Pc=Pc_MPa * 1e6,
                                      mu=mu_mPas / 1e3, P1=P1 * 1e5, P2=P2 * 1e5,
                                      Q=Q / 3600, FL=FL, Fd=Fd))


@problem("control_valves-002", "control_valves", "gallon/(minute*psi**0.5)",
         ("control_valve_liquid", "flow_coefficient_convert"),
         """A line-size control valve passes {Q} m³/h of water (density {rho} kg/m³, vapour
         pressure {Psat_kPa} kPa, critical pressure {Pc_MPa} MPa, viscosity {mu_mPas} mPa·s)
         from {P1} bar absolute to {P2} bar absolute; FL = {FL}, Fd = {Fd}. What US flow
         coefficient Cv does IEC 60534 require?""",
         Q=90.0, P1=8.0, P2=6.0, **_LIQ_VALVE)
def _(Q: float, P1: float, P2: float, rho: float, Psat_kPa: float, Pc_MPa: float,
      mu_mPas: float, FL: float, Fd: float) -> float:
    from fluids import Kv_to_Cv, size_control_valve_l

    Kv = size_control_valve_l(rho=rho, Psat=Psat_kPa * 1e3, Pc=Pc_MPa * 1e6,
                              mu=mu_mPas / 1e3, P1=P1 * 1e5, P2=P2 * 1e5, Q=Q / 3600,
                              FL=FL, Fd=Fd)
    return float(Kv_to_Cv(Kv))


@problem("control_valves-003", "control_valves", "m**3/(hour*bar**0.5)", ("control_valve_gas",),
         """A control valve (IEC 60534) must pass {Qn} Nm³/h (0 °C, 1 atm) of natural gas:
         molar mass {MW} g/mol, inlet temperature {T} K, viscosity {mu_uPas} µPa·s, k =
         {gamma}, Z = {Z}. Inlet {P1} bar absolute, outlet {P2} bar absolute. Valve factors
         xT = {xT}, FL = {FL}, Fd = {Fd}; no reducers. What Kv is required?""",
         Qn=5000.0, MW=18.0, T=300.0, mu_uPas=11.0, gamma=1.3, Z=0.95, P1=20.0, P2=15.0,
         xT=0.7, FL=0.9, Fd=1.0)
def _(Qn: float, MW: float, T: float, mu_uPas: float, gamma: float, Z: float, P1: float,
      P2: float, xT: float, FL: float, Fd: float) -> float:
    from fluids import size_control_valve_g

    return float(size_control_valve_g(T=T, MW=MW, mu=mu_uPas / 1e6, gamma=gamma, Z=Z,
                                      P1=P1 * 1e5, P2=P2 * 1e5, Q=Qn / 3600, FL=FL, Fd=Fd,
                                      xT=xT))


@problem("control_valves-004", "control_valves", "m**3/(hour*bar**0.5)", ("control_valve_liquid",),
         """Hot water at {Q} m³/h (density {rho} kg/m³, vapour pressure {Psat_kPa} kPa,
         critical pressure {Pc_MPa} MPa, viscosity {mu_mPas} mPa·s) is let down from {P1} bar
         absolute to {P2} bar absolute through a control valve with FL = {FL} and Fd =
         {Fd}, no reducers. Check for choked flow per IEC 60534 and give the required Kv.""",
         Q=60.0, rho=965.3, Psat_kPa=70.1, Pc_MPa=22.064, mu_mPas=0.315, P1=10.0, P2=2.0,
         FL=0.9, Fd=0.46)
def _(Q: float, rho: float, Psat_kPa: float, Pc_MPa: float, mu_mPas: float, P1: float,
      P2: float, FL: float, Fd: float) -> float:
    from fluids import size_control_valve_l

    return float(size_control_valve_l(rho=rho, Psat=Psat_kPa * 1e3, Pc=Pc_MPa * 1e6,
                                      mu=mu_mPas / 1e3, P1=P1 * 1e5, P2=P2 * 1e5,
                                      Q=Q / 3600, FL=FL, Fd=Fd))


# ---------------------------------------------------------------------------------------
# relief devices (API 520 / 526)

_RELIEF_GAS = dict(m_kgh=5000.0, T=373.0, Z=0.95, MW=44.0, k=1.2, Pset=10.0, over=10.0,
                   Patm=1.01325)


def _api520_gas_area(m_kgh: float, T: float, Z: float, MW: float, k: float, Pset: float,
                     over: float, Patm: float) -> float:
    from fluids import API520_A_g

    P1 = (Pset * (1 + over / 100) + Patm) * 1e5
    return float(API520_A_g(m=m_kgh / 3600, T=T, Z=Z, MW=MW, k=k, P1=P1, P2=Patm * 1e5,
                            Kd=0.975, Kb=1.0, Kc=1.0))


@problem("relief-001", "relief", "mm**2", ("relief_valve_gas",),
         """A relief valve protects a vessel against a gas release of {m_kgh} kg/h (molar mass
         {MW} g/mol, k = {k}, Z = {Z}) at a relieving temperature of {T} K. Set pressure is
         {Pset} barg with {over}% overpressure; it discharges to atmosphere ({Patm} bar).
         Using API 520 Part I with Kd = 0.975 and Kb = Kc = 1, what is the minimum effective
         discharge area in mm²?""",
         **_RELIEF_GAS)
def _(**kw: float) -> float:
    return _api520_gas_area(**kw) * 1e6


@problem("relief-002", "relief", "inch**2", ("relief_valve_gas", "api526_orifice"),
         """For a gas relief case of {m_kgh} kg/h (molar mass {MW} g/mol, k = {k}, Z = {Z},
         relieving temperature {T} K), set pressure {Pset} barg, {over}% overpressure,
         discharge to atmosphere ({Patm} bar), Kd = 0.975 and Kb = Kc = 1: size by API 520,
         select the smallest API 526 standard orifice that is large enough, and give that
         orifice's effective area in in².""",
         **_RELIEF_GAS)
def _(**kw: float) -> float:
    from fluids import API526_A_sq_inch

    need = _q(_api520_gas_area(**kw), "m**2").to("inch**2").magnitude
    return float(next(a for a in API526_A_sq_inch if a >= need))


@problem("relief-003", "relief", "mm**2", ("relief_valve_liquid",),
         """A conventional relief valve on a water line must pass {m} kg/s (density {rho}
         kg/m³). Set pressure {Pset} barg, {over}% overpressure, discharge to atmosphere
         ({Patm} bar). Using API 520 Part I for liquids with Kd = 0.65 and Kw = Kc = Kv = 1,
         what is the required effective area in mm²?""",
         m=20.0, rho=998.0, Pset=8.0, over=10.0, Patm=1.01325)
def _(m: float, rho: float, Pset: float, over: float, Patm: float) -> float:
    from fluids import API520_A_l

    P1 = (Pset * (1 + over / 100) + Patm) * 1e5
    return float(API520_A_l(m=m, rho=rho, P1=P1, P2=Patm * 1e5, overpressure=over / 100,
                            Kd=0.65, Kc=1.0, Kw=1.0, Kv=1.0)) * 1e6


@problem("relief-004", "relief", "mm**2", ("relief_valve_steam", "steam_saturation"),
         """A safety valve on a steam drum must relieve {m_kgh} kg/h of saturated steam. Set
         pressure is {Pset} barg with {over}% overpressure and atmospheric pressure is {Patm}
         bar. Take the steam temperature as the saturation temperature at the relieving
         pressure (IAPWS-95). Using API 520 Part I (10th edition) with Kd = 0.975 and
         Kb = Kc = 1, what is the required effective area in mm²?""",
         m_kgh=10000.0, Pset=15.0, over=10.0, Patm=1.01325)
def _(m_kgh: float, Pset: float, over: float, Patm: float) -> float:
    from fluids import API520_A_steam

    P1 = (Pset * (1 + over / 100) + Patm) * 1e5
    T = _coolprop("T", "P", P1, "Q", 1, "Water")
    return float(API520_A_steam(m=m_kgh / 3600, T=T, P1=P1, Kd=0.975, Kb=1.0, Kc=1.0,
                                edition="10E")) * 1e6


# ---------------------------------------------------------------------------------------
# heat exchangers

@problem("heat_exchangers-001", "heat_exchangers", "K", ("hx_lmtd",),
         """In a counter-current exchanger the hot stream is cooled from {Thi} °C to {Tho} °C
         and the cold stream is heated from {Tci} °C to {Tco} °C. What is the log-mean
         temperature difference, in K?""",
         Thi=150.0, Tho=90.0, Tci=30.0, Tco=70.0)
def _(Thi: float, Tho: float, Tci: float, Tco: float) -> float:
    from ht import LMTD

    return float(LMTD(Thi, Tho, Tci, Tco, counterflow=True))


@problem("heat_exchangers-002", "heat_exchangers", "dimensionless", ("hx_lmtd",),
         """A shell-and-tube exchanger with one shell pass and two (or an even number of) tube
         passes cools a hot fluid from {Thi} °C to {Tho} °C while heating a cold fluid from
         {Tci} °C to {Tco} °C. What is the LMTD correction factor F?""",
         Thi=150.0, Tho=90.0, Tci=30.0, Tco=80.0)
def _(Thi: float, Tho: float, Tci: float, Tco: float) -> float:
    from ht import F_LMTD_Fakheri

    return float(F_LMTD_Fakheri(Thi, Tho, Tci, Tco, shells=1))


@problem("heat_exchangers-003", "heat_exchangers", "m**2", ("hx_duty", "hx_lmtd", "hx_area"),
         """A 1-shell-pass, 2-tube-pass exchanger heats {mc} kg/s of water (cp {cp} J/(kg·K))
         from {Tci} °C to {Tco} °C with a hot oil that cools from {Thi} °C to {Tho} °C. The
         overall coefficient is {U} W/(m²·K). What heat-transfer area is required, in m²
         (LMTD method with the F correction)?""",
         mc=10.0, cp=4180.0, Tci=30.0, Tco=70.0, Thi=150.0, Tho=90.0, U=450.0)
def _(mc: float, cp: float, Tci: float, Tco: float, Thi: float, Tho: float, U: float) -> float:
    from ht import LMTD, F_LMTD_Fakheri

    Q = mc * cp * (Tco - Tci)
    return Q / (U * F_LMTD_Fakheri(Thi, Tho, Tci, Tco, shells=1) * LMTD(Thi, Tho, Tci, Tco))


@problem("heat_exchangers-004", "heat_exchangers", "kW", ("hx_rating_ntu",),
         """In a counter-flow exchanger the hot stream has a heat-capacity rate of {Ch} W/K and
         enters at {Thi} °C; the cold stream has {Cc} W/K and enters at {Tci} °C. UA is {UA}
         W/K. Using the ε-NTU method, what is the heat duty in kW?""",
         Ch=4000.0, Thi=140.0, Cc=6000.0, Tci=25.0, UA=8000.0)
def _(Ch: float, Thi: float, Cc: float, Tci: float, UA: float) -> float:
    from ht import effectiveness_from_NTU

    Cmin, Cmax = min(Ch, Cc), max(Ch, Cc)
    eff = effectiveness_from_NTU(NTU=UA / Cmin, Cr=Cmin / Cmax, subtype="counterflow")
    return float(eff) * Cmin * (Thi - Tci) / 1e3


@problem("heat_exchangers-005", "heat_exchangers", "W/(m**2*K)", ("hx_overall_u",),
         """A heat-exchanger tube has an inside film coefficient of {hi} W/(m²·K) and an outside film coefficient of {ho} W/(m²·K).
         Inside and outside fouling resistances are each {Rf} m²·K/W and the wall is {t_mm}
         mm of steel with k = {kw} W/(m·K). Treating the wall as a flat plate (area ratio 1),
         what is the overall heat-transfer coefficient U in W/(m²·K)?""",
         hi=1500.0, ho=2500.0, Rf=0.0002, t_mm=2.0, kw=45.0)
def _(hi: float, ho: float, Rf: float, t_mm: float, kw: float) -> float:
    import numpy as np

    resistances = np.array([1 / hi, Rf, t_mm / 1e3 / kw, Rf, 1 / ho])
    return float(1 / resistances.sum())


@problem("heat_exchangers-006", "heat_exchangers", "degC", ("hx_rating_ntu",),
         """A shell-and-tube exchanger with one shell pass and two tube passes has UA = {UA}
         W/K. Hot water ({Ch} W/K) enters at {Thi} °C and cold water ({Cc} W/K) enters at
         {Tci} °C. Using the ε-NTU method, at what temperature does the cold water leave, in
         °C?""",
         UA=15000.0, Ch=10000.0, Thi=90.0, Cc=12000.0, Tci=20.0)
def _(UA: float, Ch: float, Thi: float, Cc: float, Tci: float) -> float:
    from ht import effectiveness_from_NTU

    Cmin, Cmax = min(Ch, Cc), max(Ch, Cc)
    eff = effectiveness_from_NTU(NTU=UA / Cmin, Cr=Cmin / Cmax, subtype="S&T",
                                 n_shell_tube=1)
    return Tci + float(eff) * Cmin * (Thi - Tci) / Cc


# ---------------------------------------------------------------------------------------
# heat-transfer correlations

@problem("heat_transfer-001", "heat_transfer", "W/(m**2*K)",
         ("reynolds_number", "nu_dittus_boelter"),
         """Water is heated while flowing at {V} m/s inside a tube of {D_mm} mm inside
         diameter. Bulk properties: density {rho} kg/m³, viscosity {mu_mPas} mPa·s, thermal
         conductivity {k} W/(m·K), cp {cp} J/(kg·K). Using Dittus-Boelter (Nu = 0.023 Re^0.8
         Pr^0.4), what is the inside film coefficient in W/(m²·K)?""",
         V=1.5, D_mm=25.0, rho=992.0, mu_mPas=0.653, k=0.631, cp=4178.0)
def _(V: float, D_mm: float, rho: float, mu_mPas: float, k: float, cp: float) -> float:
    from fluids import Prandtl, Reynolds
    from ht import turbulent_Dittus_Boelter

    D, mu = D_mm / 1e3, mu_mPas / 1e3
    Nu = turbulent_Dittus_Boelter(Re=Reynolds(V=V, D=D, rho=rho, mu=mu),
                                  Pr=Prandtl(Cp=cp, k=k, mu=mu), heating=True)
    return float(Nu) * k / D


@problem("heat_transfer-002", "heat_transfer", "dimensionless", ("nu_gnielinski",),
         """For turbulent flow in a smooth tube at Re = {Re:.0f} and Pr = {Pr}, what is the
         Nusselt number from the Gnielinski correlation, with the Darcy friction factor from
         the Colebrook equation for a smooth pipe?""",
         rel_tol=0.03, Re=20000.0, Pr=4.0)
def _(Re: float, Pr: float) -> float:
    from ht import turbulent_Gnielinski

    return float(turbulent_Gnielinski(Re=Re, Pr=Pr, fd=_darcy(Re, 0.0)))


@problem("heat_transfer-003", "heat_transfer", "W/(m**2*K)", ("nu_cylinder_zukauskas",),
         """Air at {V} m/s flows across a single {D_mm} mm outside-diameter tube. Air
         properties: density {rho} kg/m³, viscosity {mu_uPas} µPa·s, thermal conductivity
         {k} W/(m·K), Pr = {Pr}. Neglecting the wall Prandtl-number correction, what is the
         average outside coefficient from the Zukauskas correlation, in W/(m²·K)?""",
         rel_tol=0.05, V=10.0, D_mm=25.0, rho=1.16, mu_uPas=18.5, k=0.0263, Pr=0.707)
def _(V: float, D_mm: float, rho: float, mu_uPas: float, k: float, Pr: float) -> float:
    from fluids import Reynolds
    from ht import Nu_cylinder_Zukauskas

    D = D_mm / 1e3
    Nu = Nu_cylinder_Zukauskas(Re=Reynolds(V=V, D=D, rho=rho, mu=mu_uPas / 1e6), Pr=Pr)
    return float(Nu) * k / D


@problem("heat_transfer-004", "heat_transfer", "W/(m**2*K)", ("nu_natural_convection",),
         """A vertical plate {L} m tall at {Tw} °C stands in still air at {Tinf} °C. Air at the
         film temperature: kinematic viscosity {nu} m²/s, thermal conductivity {k} W/(m·K),
         Pr = {Pr}; treat air as an ideal gas (β = 1/T_film). Using the Churchill-Chu
         correlation, what is the average natural-convection coefficient in W/(m²·K)?""",
         rel_tol=0.03, L=0.5, Tw=60.0, Tinf=20.0, nu=1.70e-5, k=0.0271, Pr=0.7)
def _(L: float, Tw: float, Tinf: float, nu: float, k: float, Pr: float) -> float:
    from fluids import Grashof
    from ht import Nu_vertical_plate_Churchill

    beta = 1 / ((Tw + Tinf) / 2 + 273.15)
    Gr = Grashof(L=L, beta=beta, T1=Tw, T2=Tinf, nu=nu)
    return float(Nu_vertical_plate_Churchill(Pr=Pr, Gr=Gr)) * k / L


@problem("heat_transfer-005", "heat_transfer", "W/(m**2*K)", ("h_condensation_nusselt",),
         """Saturated steam at {Tsat} K condenses on a vertical plate {L} m high held at {Tw}
         K. Condensate properties: density {rhol} kg/m³, viscosity {mul_mPas} mPa·s, thermal
         conductivity {kl} W/(m·K); vapour density {rhog} kg/m³; latent heat {Hvap_kJ} kJ/kg.
         Using Nusselt's laminar film theory, what is the average condensing coefficient in
         W/(m²·K)?""",
         rel_tol=0.03, Tsat=373.15, L=0.3, Tw=363.15, rhol=961.0, mul_mPas=0.282, kl=0.68,
         rhog=0.6, Hvap_kJ=2257.0)
def _(Tsat: float, L: float, Tw: float, rhol: float, mul_mPas: float, kl: float, rhog: float,
      Hvap_kJ: float) -> float:
    from ht import Nusselt_laminar

    return float(Nusselt_laminar(Tsat=Tsat, Tw=Tw, rhog=rhog, rhol=rhol, kl=kl,
                                 mul=mul_mPas / 1e3, Hvap=Hvap_kJ * 1e3, L=L, angle=90.0))


# ---------------------------------------------------------------------------------------
# VLE and flash

@problem("vle_flash-001", "vle_flash", "kPa", ("vle_bubble_point", "vapor_pressure"),
         """A liquid of {xB} mole fraction benzene and the rest toluene is at {T_C} °C.
         Assuming Raoult's law, what is its bubble-point pressure in kPa?""",
         xB=0.4, T_C=90.0)
def _(xB: float, T_C: float) -> float:
    T = T_C + 273.15
    return (xB * _psat("benzene", T) + (1 - xB) * _psat("toluene", T)) / 1e3


@problem("vle_flash-002", "vle_flash", "degC", ("vle_dew_point",),
         """A vapour of {yB} mole fraction benzene and the rest toluene is at {P_kPa} kPa.
         Assuming Raoult's law, what is its dew-point temperature in °C?""",
         yB=0.5, P_kPa=101.325)
def _(yB: float, P_kPa: float) -> float:
    from scipy.optimize import brentq

    P = P_kPa * 1e3

    def residual(T: float) -> float:
        return P * (yB / _psat("benzene", T) + (1 - yB) / _psat("toluene", T)) - 1

    return brentq(residual, 330.0, 400.0, xtol=1e-12) - 273.15


@problem("vle_flash-003", "vle_flash", "dimensionless", ("flash_rachford_rice",),
         """A three-component feed with mole fractions z = {z} is flashed at conditions where
         the equilibrium ratios are K = {K}. Solving the Rachford-Rice equation, what fraction
         of the feed leaves as vapour (V/F)?""",
         z=[0.3, 0.4, 0.3], K=[3.2, 1.1, 0.25])
def _(z: list[float], K: list[float]) -> float:
    from chemicals import Rachford_Rice_solution

    return float(Rachford_Rice_solution(zs=z, Ks=K)[0])


@problem("vle_flash-004", "vle_flash", "dimensionless", ("flash_eos",),
         """Methane (Tc = {Tc} K, Pc = {Pc_bar} bar, ω = {omega}) is at {T} K and {P_bar} bar.
         What is its compressibility factor Z from the Peng-Robinson equation of state?""",
         Tc=190.564, Pc_bar=45.992, omega=0.0115, T=300.0, P_bar=50.0)
def _(Tc: float, Pc_bar: float, omega: float, T: float, P_bar: float) -> float:
    from thermo.eos import PR

    return float(PR(Tc=Tc, Pc=Pc_bar * 1e5, omega=omega, T=T, P=P_bar * 1e5).Z_g)


@problem("vle_flash-005", "vle_flash", "kPa", ("vapor_pressure",),
         """An ethanol(1)-water(2) liquid with x1 = {x1} is at {T_C} °C. Activity coefficients
         follow the van Laar model with ln γ1 = A12 (1 + A12 x1 / (A21 x2))^-2 and
         ln γ2 = A21 (1 + A21 x2 / (A12 x1))^-2, A12 = {A12}, A21 = {A21}. Using modified
         Raoult's law, what is the bubble-point pressure in kPa?""",
         rel_tol=0.03, x1=0.3, T_C=70.0, A12=1.6798, A21=0.9227)
def _(x1: float, T_C: float, A12: float, A21: float) -> float:
    T, x2 = T_C + 273.15, 1 - x1
    g1 = math.exp(A12 * (1 + A12 * x1 / (A21 * x2)) ** -2)
    g2 = math.exp(A21 * (1 + A21 * x2 / (A12 * x1)) ** -2)
    return (x1 * g1 * _psat("ethanol", T) + x2 * g2 * _psat("water", T)) / 1e3


# ---------------------------------------------------------------------------------------
# distillation

def _underwood_rmin_binary(alpha: float, zF: float, xD: float, q: float) -> float:
    from scipy.optimize import brentq

    a, z, x = (alpha, 1.0), (zF, 1 - zF), (xD, 1 - xD)

    def feed(theta: float) -> float:
        return sum(ai * zi / (ai - theta) for ai, zi in zip(a, z, strict=True)) - (1 - q)

    theta = brentq(feed, 1 + 1e-9, alpha - 1e-9, xtol=1e-14)
    return sum(ai * xi / (ai - theta) for ai, xi in zip(a, x, strict=True)) - 1


def _fenske(alpha: float, xD: float, xB: float) -> float:
    return math.log(xD / (1 - xD) * (1 - xB) / xB) / math.log(alpha)


def _gilliland_molokanov(Nmin: float, R: float, Rmin: float) -> float:
    X = (R - Rmin) / (R + 1)
    Y = 1 - math.exp((1 + 54.4 * X) / (11 + 117.2 * X) * (X - 1) / math.sqrt(X))
    return (Y + Nmin) / (1 - Y)


@problem("distillation-001", "distillation", "dimensionless", ("relative_volatility",),
         """Assuming Raoult's law, what is the relative volatility of benzene to toluene at
         {T_C} °C?""",
         T_C=95.0)
def _(T_C: float) -> float:
    T = T_C + 273.15
    return _psat("benzene", T) / _psat("toluene", T)


@problem("distillation-002", "distillation", "dimensionless", ("fenske_min_stages",),
         """A binary column must produce a distillate with {xD} mole fraction light key and a
         bottoms with {xB}. The relative volatility is constant at {alpha}. What is the
         minimum number of theoretical stages at total reflux (Fenske)?""",
         xD=0.98, xB=0.02, alpha=2.45)
def _(xD: float, xB: float, alpha: float) -> float:
    return _fenske(alpha, xD, xB)


@problem("distillation-003", "distillation", "dimensionless", ("underwood_min_reflux",),
         """A saturated-liquid binary feed (q = 1) with {zF} mole fraction light key is
         separated into a distillate of {xD}; relative volatility {alpha}. What is the
         minimum reflux ratio from the Underwood equations?""",
         zF=0.45, xD=0.98, alpha=2.45)
def _(zF: float, xD: float, alpha: float) -> float:
    return _underwood_rmin_binary(alpha, zF, xD, 1.0)


@problem("distillation-004", "distillation", "dimensionless", ("gilliland_stages",),
         """A column needs {Nmin} stages at total reflux and has a minimum reflux ratio of
         {Rmin}. It will run at R = {R}. Using the Gilliland correlation in Molokanov's form,
         how many theoretical stages are required?""",
         rel_tol=0.05, Nmin=8.5, Rmin=1.2, R=1.5)
def _(Nmin: float, Rmin: float, R: float) -> float:
    return _gilliland_molokanov(Nmin, R, Rmin)


@problem("distillation-005", "distillation", "dimensionless",
         ("fenske_min_stages", "underwood_min_reflux", "gilliland_stages"),
         """A benzene-toluene column (constant relative volatility {alpha}) takes a
         saturated-liquid feed with {zF} mole fraction benzene and makes a distillate of {xD}
         and a bottoms of {xB} benzene. The reflux ratio is {factor} times the minimum. Using
         Fenske, Underwood and Gilliland (Molokanov form), how many theoretical stages are
         needed?""",
         rel_tol=0.05, alpha=2.45, zF=0.45, xD=0.98, xB=0.02, factor=1.3)
def _(alpha: float, zF: float, xD: float, xB: float, factor: float) -> float:
    Rmin = _underwood_rmin_binary(alpha, zF, xD, 1.0)
    return _gilliland_molokanov(_fenske(alpha, xD, xB), factor * Rmin, Rmin)


# ---------------------------------------------------------------------------------------
# reactors

@problem("reactors-001", "reactors", "m**3", ("reactor_cstr",),
         """A liquid-phase first-order reaction A → B (k = {k} min⁻¹) runs isothermally in a
         CSTR fed at {v0} m³/h. What reactor volume gives {X} conversion, in m³?""",
         k=0.15, v0=6.0, X=0.85)
def _(k: float, v0: float, X: float) -> float:
    from scipy.optimize import brentq

    v = v0 / 60  # m3/min, to match k
    # Design equation V = F_A0 X / (-r_A(X)) solved as a root to stay general in the rate law.
    return brentq(lambda V: V * k * (1 - X) - v * X, 0.0, 1e6, xtol=1e-14)


@problem("reactors-002", "reactors", "m**3", ("reactor_pfr",),
         """A liquid-phase second-order reaction 2A → products, rate −rA = k CA² with k = {k}
         L/(mol·min), is carried out in an isothermal PFR. Feed: {v0} L/min at CA0 = {CA0}
         mol/L. What PFR volume gives {X} conversion, in m³?""",
         k=0.05, v0=10.0, CA0=2.0, X=0.9)
def _(k: float, v0: float, CA0: float, X: float) -> float:
    from scipy.integrate import quad

    FA0 = v0 * CA0
    V_L, _err = quad(lambda x: FA0 / (k * (CA0 * (1 - x)) ** 2), 0.0, X, epsabs=1e-12)
    return V_L / 1e3


@problem("reactors-003", "reactors", "m**3", ("reactor_pfr",),
         """The gas-phase first-order reaction A → 2B (k = {k} s⁻¹) runs in an isothermal,
         isobaric PFR fed with pure A at {v0} m³/s. Accounting for the volume change, what
         reactor volume gives {X} conversion, in m³?""",
         k=0.5, v0=0.02, X=0.8)
def _(k: float, v0: float, X: float) -> float:
    from scipy.integrate import quad

    eps = 1.0  # y_A0 * delta = 1 * (2 - 1)
    V, _err = quad(lambda x: v0 * (1 + eps * x) / (k * (1 - x)), 0.0, X, epsabs=1e-12)
    return V


@problem("reactors-004", "reactors", "1/s", (),
         """A rate constant is {k1} s⁻¹ at {T1} K and the activation energy is {Ea} kJ/mol.
         What is the rate constant at {T2} K, in s⁻¹?""",
         k1=0.012, T1=350.0, Ea=75.0, T2=380.0)
def _(k1: float, T1: float, Ea: float, T2: float) -> float:
    from scipy.constants import R

    return k1 * math.exp(-Ea * 1e3 / R * (1 / T2 - 1 / T1))


@problem("reactors-005", "reactors", "kPa", ("ergun_pressure_drop",),
         """Gas (density {rho} kg/m³, viscosity {mu_uPas} µPa·s) flows through a packed bed
         {L} m deep of {dp_mm} mm spheres with a voidage of {eps}, at a superficial velocity
         of {vs} m/s. Using the Ergun equation, what is the pressure drop in kPa?""",
         rho=1.2, mu_uPas=18.0, L=3.0, dp_mm=5.0, eps=0.4, vs=0.3)
def _(rho: float, mu_uPas: float, L: float, dp_mm: float, eps: float, vs: float) -> float:
    from fluids import dP_packed_bed

    return float(dP_packed_bed(dp=dp_mm / 1e3, voidage=eps, vs=vs, rho=rho, mu=mu_uPas / 1e6,
                               L=L, Method="Ergun")) / 1e3


@problem("reactors-006", "reactors", "K", ("adiabatic_temperature_rise",),
         """An exothermic liquid-phase reaction (ΔHr = {dH} kJ/mol of A) is run adiabatically
         with CA0 = {CA0} kmol/m³, feed density {rho} kg/m³ and heat capacity {cp} kJ/(kg·K).
         The feed enters at {T0} K. What is the outlet temperature at {X} conversion, in K?""",
         dH=-80.0, CA0=2.0, rho=900.0, cp=3.5, T0=320.0, X=0.9)
def _(dH: float, CA0: float, rho: float, cp: float, T0: float, X: float) -> float:
    return T0 + (-dH * 1e3) * (CA0 * 1e3) * X / (rho * cp * 1e3)


@problem("reactors-007", "reactors", "dimensionless",
         ("equilibrium_constant", "equilibrium_conversion"),
         """For the liquid-phase isomerisation A ⇌ B the equilibrium constant is {K1} at {T1} K
         and the standard heat of reaction is {dH} kJ/mol (constant). What is the equilibrium
         conversion of pure A at {T2} K (van 't Hoff)?""",
         K1=8.0, T1=298.15, dH=-40.0, T2=350.0)
def _(K1: float, T1: float, dH: float, T2: float) -> float:
    from scipy.constants import R
    from scipy.optimize import brentq

    K2 = K1 * math.exp(-dH * 1e3 / R * (1 / T2 - 1 / T1))
    return brentq(lambda X: X / (1 - X) - K2, 0.0, 1 - 1e-15, xtol=1e-15)


# ---------------------------------------------------------------------------------------
# mass and energy balances

@problem("balances-001", "balances", "MJ/kg", ("heat_of_combustion",),
         """What is the lower heating value (net heat of combustion) of methane at 25 °C, in
         MJ/kg, from standard heats of formation?""",
         formula="CH4", cas="74-82-8")
def _(formula: str, cas: str) -> float:
    from chemicals import Hfg
    from chemicals.combustion import combustion_data

    data = combustion_data(formula=formula, Hf=Hfg(cas))
    return -data.LHV / data.MW / 1e3


@problem("balances-002", "balances", "K", ("adiabatic_flame_temperature",),
         """Methane burns with a stoichiometric amount of air (21% O₂, 79% N₂ by mole) at
         {T0} K and {P_kPa} kPa. Assuming chemical equilibrium of the products (GRI-Mech
         3.0), what is the adiabatic flame temperature in K?""",
         T0=298.15, P_kPa=101.325)
def _(T0: float, P_kPa: float) -> float:
    import cantera as ct

    gas = ct.Solution("gri30.yaml")
    gas.TPX = T0, P_kPa * 1e3, {"CH4": 1.0, "O2": 2.0, "N2": 2.0 * 79 / 21}
    gas.equilibrate("HP")
    return float(gas.T)


@problem("balances-003", "balances", "kJ/mol", ("heat_of_reaction",),
         """What is the standard heat of reaction at 25 °C of the water-gas shift reaction
         CO + H2O(g) → CO2 + H2, in kJ/mol, from standard heats of formation?""",
         reactants={"630-08-0": 1, "7732-18-5": 1}, products={"124-38-9": 1, "1333-74-0": 1})
def _(reactants: dict[str, int], products: dict[str, int]) -> float:
    from chemicals import Hfg

    def total(side: dict[str, int]) -> float:
        return sum(n * (Hfg(cas) or 0.0) for cas, n in side.items())

    return (total(products) - total(reactants)) / 1e3


@problem("balances-004", "balances", "kmol/hour", ("mass_balance",),
         """A fresh feed of {F} kmol/h contains {yI} mole fraction inert I; the rest is A. A
         reactor converts {Xp} of the A it receives into B (single pass). B is removed
         completely; unreacted A and all of I are recycled, with a purge taken from the
         recycle so that the recycle holds {yIr} mole fraction I. What is the total reactor
         feed rate (fresh feed plus recycle), in kmol/h?""",
         F=100.0, yI=0.01, Xp=0.2, yIr=0.10)
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


@problem("balances-005", "balances", "degC", ("steam_properties",),
         """{m1} kg/s of water at {T1} °C mixes adiabatically with {m2} kg/s of water at {T2}
         °C at {P_kPa} kPa. Using IAPWS-95 enthalpies, what is the temperature of the mixed
         stream in °C?""",
         m1=2.0, T1=80.0, m2=3.0, T2=20.0, P_kPa=101.325)
def _(m1: float, T1: float, m2: float, T2: float, P_kPa: float) -> float:
    P = P_kPa * 1e3
    h = (m1 * _coolprop("H", "T", T1 + 273.15, "P", P, "Water")
         + m2 * _coolprop("H", "T", T2 + 273.15, "P", P, "Water")) / (m1 + m2)
    return _coolprop("T", "H", h, "P", P, "Water") - 273.15


@problem("balances-006", "balances", "kg/hour", ("mass_balance",),
         """An evaporator concentrates {F} kg/h of an aqueous salt solution from {w0} wt% to
         {w1} wt% salt. No salt leaves with the vapour. How much water is evaporated, in
         kg/h?""",
         F=1000.0, w0=10.0, w1=25.0)
def _(F: float, w0: float, w1: float) -> float:
    import numpy as np

    # Unknowns [product P, vapour V]: total balance P + V = F, salt balance w1 P = w0 F.
    A = np.array([[1.0, 1.0], [w1 / 100, 0.0]])
    b = np.array([F, w0 / 100 * F])
    return float(np.linalg.solve(A, b)[1])


# ---------------------------------------------------------------------------------------
# psychrometrics and steam

_AIR = dict(T_C=30.0, RH=60.0, P_kPa=101.325)


@problem("psychrometrics_steam-001", "psychrometrics_steam", "g/kg", ("humid_air_properties",),
         """Moist air is at {T_C} °C dry-bulb and {RH}% relative humidity at {P_kPa} kPa. What
         is its humidity ratio in grams of water per kilogram of dry air?""",
         **_AIR)
def _(T_C: float, RH: float, P_kPa: float) -> float:
    return _humid_air("W", T_C + 273.15, P_kPa * 1e3, RH / 100) * 1e3


@problem("psychrometrics_steam-002", "psychrometrics_steam", "degC", ("humid_air_properties",),
         """What is the dew-point temperature, in °C, of air at {T_C} °C dry-bulb and {RH}%
         relative humidity at {P_kPa} kPa?""",
         **_AIR)
def _(T_C: float, RH: float, P_kPa: float) -> float:
    return _humid_air("D", T_C + 273.15, P_kPa * 1e3, RH / 100) - 273.15


@problem("psychrometrics_steam-003", "psychrometrics_steam", "degC", ("humid_air_properties",),
         """What is the thermodynamic wet-bulb temperature, in °C, of air at {T_C} °C dry-bulb
         and {RH}% relative humidity at {P_kPa} kPa?""",
         **_AIR)
def _(T_C: float, RH: float, P_kPa: float) -> float:
    return _humid_air("B", T_C + 273.15, P_kPa * 1e3, RH / 100) - 273.15


@problem("psychrometrics_steam-004", "psychrometrics_steam", "kJ/kg", ("steam_properties",),
         """What is the specific enthalpy of superheated steam at {P_bar} bar absolute and
         {T_C} °C, in kJ/kg (IAPWS reference state: saturated liquid at the triple point)?""",
         P_bar=10.0, T_C=250.0)
def _(P_bar: float, T_C: float) -> float:
    return _coolprop("H", "P", P_bar * 1e5, "T", T_C + 273.15, "Water") / 1e3


@problem("psychrometrics_steam-005", "psychrometrics_steam", "degC", ("steam_saturation",),
         """A steam header runs at {Pg} barg; atmospheric pressure is {Patm} bar. What is the
         saturation temperature of the steam, in °C?""",
         Pg=5.0, Patm=1.01325)
def _(Pg: float, Patm: float) -> float:
    return _coolprop("T", "P", (Pg + Patm) * 1e5, "Q", 1, "Water") - 273.15


@problem("psychrometrics_steam-006", "psychrometrics_steam", "kW", ("steam_saturation",),
         """A heater condenses {m_th} t/h of dry saturated steam at {P_bar} bar absolute to
         saturated liquid at the same pressure. What heat does it release, in kW?""",
         m_th=2.0, P_bar=4.0)
def _(m_th: float, P_bar: float) -> float:
    P = P_bar * 1e5
    dh = _coolprop("H", "P", P, "Q", 1, "Water") - _coolprop("H", "P", P, "Q", 0, "Water")
    return m_th * 1e3 / 3600 * dh / 1e3


# ---------------------------------------------------------------------------------------


def build_records() -> Iterator[dict[str, Any]]:
    """Render every problem into a dataset record, computing its answer."""
    seen: set[str] = set()
    for item in PROBLEMS:
        if item.id in seen:
            raise ValueError(f"duplicate problem id {item.id!r} in build_dev.py")
        if item.category not in CATEGORIES:
            raise ValueError(f"problem {item.id} has unknown category {item.category!r}")
        seen.add(item.id)
        record: dict[str, Any] = {
            "id": item.id,
            "category": item.category,
            "question": item.question(),
            "answer": item.answer(),
            "unit": item.unit,
            "rel_tol": item.rel_tol,
            "source": item.source,
        }
        if item.tools:  # gold tools are optional: some steps have no dedicated tool
            record["tools"] = list(item.tools)
        yield record


def write_dataset(path: Path) -> int:
    """Write the dataset as JSONL to ``path``; return the number of problems written."""
    return write_jsonl(path, build_records())


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else Path(__file__).with_name("dev.jsonl")
    count = write_dataset(out)
    print(f"wrote {count} problems to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
