"""Build PEOA's multi-step validation set, ``datasets/multistep.jsonl``.

Every problem here needs two to four calculation steps chained together: a property
look-up, a pipe's bore from its schedule, a pressure drop or a duty that the asked number
then depends on. Each *problem kind* is a generator in the manner of
``datasets/build_process.py`` (whose helpers it reuses): a draw of physically sensible
inputs written in the units engineers use (gpm, psig, °F, lb/h, NPS 4 schedule 40, DN 100,
water at 60 °C), several wordings, and a solver that computes the reference answer
independently of PEOA -- from the field libraries (fluids, ht, thermo, chemicals,
CoolProp, scipy) or the textbook formula written out here. PEOA's own tool wrappers are
never called.

Each record names its gold chain of PEOA tools (``tools``, in order) and ``steps``, the
number of calculation steps (a property look-up counts as one).

Run from the repository root::

    .venv/bin/python datasets/build_multistep.py            # writes datasets/multistep.jsonl
    .venv/bin/python datasets/build_multistep.py OUT.jsonl  # writes elsewhere

The output is deterministic: every item draws from ``random.Random("<kind>:<n>")``.
"""

from __future__ import annotations

import math
import random
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the bank is a sibling folder

from bank.core import (
    GOLD_TOOLS,
    P_ATM,
    R_GAS,
    G,
    Kind,
    Out,
    Val,
    as_sentence,
    as_shown,
    out,
    pick,
    reference_answer,
    registrar,
    retry,
    sig,
    uni,
    val,
)
from bank.lookups import LIQUIDS, _chemical, _coolprop, _humid, _psat, _tsat
from bank.menus import liquid_service
from bank.process import CATEGORIES
from bank.process import KINDS as PROCESS_KINDS
from bank.process.compressors import _GASK
from bank.process.distillation import _fenske, _molokanov, _underwood
from bank.process.flow_measurement import _TAPS
from bank.process.pipe_flow import _pipe_dp
from bank.process.relief_devices import _API526
from bank.process.vle import _BUBBLE_T, _DEW_T, _PAIRS

from peoa.evaluation.dataset import write_jsonl

__all__ = ["CATEGORIES", "KINDS", "MAX_STEPS", "MIN_STEPS", "build_records", "write_dataset"]

ID_PREFIX = "ms"
MIN_STEPS, MAX_STEPS = 2, 4
PSI = 6894.757293168361  # Pa per psi
T_60F = (60 - 32) / 1.8 + 273.15  # [K]


# ---------------------------------------------------------------------------------------
# problem kinds (the same machinery as build_process, in a registry of its own)

KINDS: list[Kind] = []
kind = registrar(KINDS)


# ---------------------------------------------------------------------------------------
# values as engineers write them

FLOW_LIQ = [
    ("m**3/hour", "m³/h", 10, 250),
    ("m**3/hour", "cubic metres per hour", 10, 250),
    ("gallon/minute", "US gpm", 45, 1100),
    ("gallon/minute", "US gallons per minute", 45, 1100),
    ("L/minute", "L/min", 150, 4000),
    ("L/minute", "litres per minute", 150, 4000),
]
GAUGE = [  # (pint unit, label, low, high, barometer)
    ("psi", "psig", 40, 400, Val(14.7, "psi", "psia")),
    ("psi", "pounds per square inch gauge", 40, 400, Val(14.7, "psi", "psia")),
    ("bar", "barg", 3, 28, Val(1.013, "bar", "bar")),
    ("bar", "bar gauge", 3, 28, Val(1.013, "bar", "bar")),
    ("kPa", "kPa gauge", 300, 2800, Val(101.3, "kPa", "kPa")),
]
MASS_FLOW = [
    ("kg/hour", "kg/h", 5000, 80000),
    ("lb/hour", "lb/h", 11000, 176000),
    ("tonne/hour", "t/h", 5, 80),
    ("kg/s", "kg/s", 1.4, 22),
]
CP_LIQ = [
    ("kJ/(kg*K)", "kJ/(kg·K)", 1.9, 2.9),
    ("Btu/(lb*delta_degF)", "Btu/(lb·°F)", 0.45, 0.69),
]
U_MENU = [
    ("W/(m**2*K)", "W/(m²·K)", 250, 1200),
    ("Btu/(hour*foot**2*delta_degF)", "Btu/(h·ft²·°F)", 44, 210),
]
AREA_OUT = [
    ("m**2", "m²"),
    ("foot**2", "ft²"),
    ("m**2", "square metres"),
    ("foot**2", "square feet"),
]


class ItemRandom(random.Random):
    """``random.Random("<kind>:<n>")`` (the same stream) that also knows the item number."""

    def __init__(self, key: str, number: int) -> None:
        super().__init__(f"{key}:{number}")
        self.number = number


def turn(rng: random.Random, options: Sequence[Any]) -> Any:
    """Item n of a kind takes option n mod len(options), so every option shows up in a
    kind's few items; a plain random pick when the generator is not an ``ItemRandom``."""
    number = getattr(rng, "number", None)
    return options[number % len(options)] if number is not None else pick(rng, options)


def temperature(rng: random.Random, low_c: float, high_c: float) -> Val:
    """A whole-degree temperature, given in °C or (a third of the time) in °F."""
    c = round(rng.uniform(low_c, high_c))
    if rng.random() < 1 / 3:
        label = pick(rng, ["°F", "degrees Fahrenheit"])
        return Val(float(round(c * 1.8 + 32)), "degF", label)
    return Val(float(c), "degC", pick(rng, ["°C", "degrees Celsius"]))


def gauge(rng: random.Random, scale: float = 1.0) -> tuple[Val, Val]:
    """A gauge pressure (its range times ``scale``) and the barometer reading to add."""
    unit, label, low, high, atm = pick(rng, GAUGE)
    return Val(uni(rng, low * scale, high * scale), unit, label), atm


def absolute(P: Val, atm: Val) -> float:
    """[Pa] from a gauge reading and its barometer."""
    return P.to("Pa") + atm.to("Pa")


def gauge_like(P_abs: float, like: Val, atm: Val) -> Val:
    """An absolute pressure [Pa] written as a gauge reading in the unit of ``like``."""
    return Val(sig(Val(P_abs - atm.to("Pa"), "Pa", "").to(like.unit)), like.unit, like.label)


_DN = {1.5: 40, 2: 50, 3: 80, 4: 100, 6: 150, 8: 200, 10: 250, 12: 300}


@dataclass(frozen=True)
class Pipe:
    """A steel pipe by designation, printed as an engineer writes it (NPS, inch or DN)."""

    nps: float
    schedule: str
    style: int

    def __format__(self, spec: str) -> str:
        n = f"{self.nps:g}"
        return (
            f"NPS {n} schedule {self.schedule}",
            f"{n}-inch schedule {self.schedule}",
            f'{n}" Sch {self.schedule}',
            f"DN {_DN[self.nps]} schedule {self.schedule}",
        )[self.style]

    @property
    def di(self) -> float:
        """Inside diameter [m], ASME B36.10M (fluids.piping.nearest_pipe)."""
        from fluids import nearest_pipe

        return float(nearest_pipe(NPS=self.nps, schedule=self.schedule)[1])


def pipe(rng: random.Random, sizes: Sequence[tuple[float, str]] | None = None) -> Pipe:
    sizes = sizes or [
        (2, "40"),
        (3, "40"),
        (4, "40"),
        (6, "40"),
        (8, "40"),
        (10, "40"),
        (3, "80"),
        (4, "80"),
        (6, "80"),
        (8, "XS"),
        (12, "STD"),
    ]
    nps, schedule = pick(rng, sizes)
    return Pipe(nps, schedule, rng.randrange(4))


def velocity(Q: Val, D: float) -> float:
    return Q.to("m**3/s") / (math.pi * D**2 / 4)


# ---------------------------------------------------------------------------------------
# property look-ups (no PEOA code)


@cache
def _liquid(name: str, T: float, P: float = P_ATM) -> dict[str, float]:
    """Density, viscosity, conductivity and heat capacity of a pure liquid (thermo 0.6
    ``Chemical``, which takes CoolProp's reference equations where CoolProp has the fluid)."""
    from thermo import Chemical

    chem = Chemical(LIQUIDS[name], T=T, P=P)
    return {"rho": chem.rho, "mu": chem.mu, "k": chem.k, "cp": chem.Cp, "MW": chem.MW}


_NAMED_LIQUIDS = {  # display name -> usable range of liquid temperature [°C] at 1 atm
    "water": (5, 90),
    "ethanol": (5, 60),
    "methanol": (5, 50),
    "toluene": (5, 90),
    "benzene": (10, 65),
    "n-heptane": (5, 80),
    "n-hexane": (5, 50),
}


# =======================================================================================
# pipe flow


def _draw_re_schedule(rng: random.Random) -> dict[str, Any]:
    return {"Q": val(rng, FLOW_LIQ), "pipe": pipe(rng), **liquid_service(rng)}


@kind(
    "pipe_flow/reynolds_schedule",
    "pipe_flow",
    "",
    ("pipe_schedule", "pipe_velocity", "reynolds_number"),
    "Inside diameter from ASME B36.10M (fluids.piping.nearest_pipe); V = 4Q/(pi Di^2); "
    "Re = rho V Di / mu",
    count=4,
    rel_tol=0.01,
    draw=retry(_draw_re_schedule, lambda d: 0.3 < velocity(d["Q"], d["pipe"].di) < 4.5),
    wordings=(
        """{Q} of {liquid} (density {rho}, viscosity {mu}) flows in {pipe} carbon-steel
          pipe. What is the Reynolds number of the flow?""",
        """A transfer line is {pipe}. It carries {liquid} at {Q}; the liquid's density is
          {rho} and its dynamic viscosity {mu}. Find the Reynolds number, using the pipe's
          actual inside diameter.""",
        """Is the flow in a {pipe} line turbulent? Work out the Reynolds number (a pure
          number) for {liquid} flowing at {Q}, density {rho}, viscosity {mu}.""",
        """Compute Re for {liquid} ({rho}, {mu}) pumped at a rate of {Q} through
          {pipe} steel pipe (inside diameter per ASME B36.10M).""",
    ),
)
def _(Q: Val, pipe: Pipe, rho: Val, mu: Val, liquid: str) -> float:
    D = pipe.di
    return rho.to("kg/m**3") * velocity(Q, D) * D / mu.to("Pa*s")


def _draw_re_named(rng: random.Random) -> dict[str, Any]:
    name = pick(rng, list(_NAMED_LIQUIDS))
    return {
        "name": name,
        "T": temperature(rng, *_NAMED_LIQUIDS[name]),
        "Q": val(rng, FLOW_LIQ),
        "D": val(
            rng,
            [
                ("mm", "mm", 40, 250),
                ("inch", "in", 1.6, 10),
                ("inch", "inches", 1.6, 10),
            ],
        ),
    }


@kind(
    "pipe_flow/reynolds_named_liquid",
    "pipe_flow",
    "",
    ("pure_properties", "pipe_velocity", "reynolds_number"),
    "Liquid density and viscosity at T and 1 atm from thermo 0.6 Chemical (CoolProp "
    "reference equations); V = 4Q/(pi D^2); Re = rho V D / mu",
    count=4,
    rel_tol=0.05,
    draw=retry(_draw_re_named, lambda d: 0.3 < velocity(d["Q"], d["D"].to("m")) < 4.5),
    wordings=(
        """{name} at {T} flows at {Q} through a pipe of {D} inside diameter. What is the
          Reynolds number? Look up the liquid's density and viscosity at that temperature
          (atmospheric pressure).""",
        """Pure {name} is pumped at {Q} and {T} in a line with a bore of {D}. Using its
          density and viscosity at {T}, find the Reynolds number.""",
        """What Reynolds number does liquid {name} reach when {Q} of it, at {T}, passes
          through a pipe with an inside diameter of {D}? Take the properties of the pure
          liquid at 1 atm.""",
        """A {D} bore line carries {Q} of {name} at a temperature of {T}. Estimate the flow
          Reynolds number from the liquid's properties at that temperature.""",
    ),
)
def _(name: str, T: Val, Q: Val, D: Val) -> float:
    props = _liquid(name, T.to("K"))
    d = D.to("m")
    return props["rho"] * velocity(Q, d) * d / props["mu"]


# =======================================================================================
# pumps


def _draw_pump_line(rng: random.Random) -> dict[str, Any]:
    return {
        "Q": val(rng, FLOW_LIQ),
        "pipe": pipe(rng, [(3, "40"), (4, "40"), (6, "40"), (8, "40"), (4, "80"), (6, "80")]),
        "L": val(
            rng, [("m", "m", 40, 600), ("foot", "ft", 130, 2000), ("foot", "feet", 130, 2000)]
        ),
        "eps": pick(rng, [Val(0.046, "mm", "mm"), Val(0.0018, "inch", "in")]),
        "K": sig(rng.uniform(2, 12), 2),
        "dz": val(rng, [("m", "m", 4, 40), ("foot", "ft", 13, 130), ("foot", "feet", 13, 130)]),
        "eta": uni(rng, 0.55, 0.82, 2),
        **liquid_service(rng),
        "out": out(rng, [("kW", "kW"), ("hp", "hp"), ("hp", "horsepower")]),
    }


@kind(
    "pumps/brake_power_with_friction",
    "pumps",
    "W",
    ("pipe_schedule", "pipe_pressure_drop", "pump_power"),
    "Pipe bore from ASME B36.10M (fluids.piping.nearest_pipe); Darcy-Weisbach with the "
    "Colebrook friction factor and fitting K (fluids); P = Q (dP_friction + rho g dz) / eta",
    count=4,
    rel_tol=0.02,
    draw=retry(_draw_pump_line, lambda d: 0.5 < velocity(d["Q"], d["pipe"].di) < 3.5),
    wordings=(
        """A centrifugal pump moves {Q} of {liquid} (density {rho}, viscosity {mu}) from an
          atmospheric tank to another atmospheric tank whose liquid level is {dz} higher.
          The line is {L} of {pipe} commercial steel (roughness {eps}) with fittings
          totalling K = {K}. The pump efficiency is {eta}. What brake power does the pump
          need, in {out}? Use Darcy-Weisbach with a Colebrook friction factor.""",
        """Size the pump driver: {liquid} at {Q}, static lift {dz} between two open
          tanks, {L} of {pipe} pipe with an absolute roughness of {eps}, minor losses
          K = {K}; density {rho}, viscosity {mu}; pump efficiency {eta}. Shaft power in
          {out} (friction by Darcy-Weisbach and Colebrook)?""",
        """{L} of {pipe} steel line (ε = {eps}, fittings K = {K}) connects a vented supply
          tank to a vented receiver {dz} above it. How much shaft power, in {out}, does a
          pump with an efficiency of {eta} need to deliver {Q} of {liquid} with a density
          of {rho} and a viscosity of {mu}? Colebrook friction factor.""",
        """What is the brake power ({out}) of a pump transferring {Q} of {liquid} (ρ = {rho},
          μ = {mu}) up {dz} between open tanks through {L} of {pipe} pipe? Roughness {eps},
          sum of fitting K values {K}, pump efficiency {eta}; Darcy-Weisbach/Colebrook for
          the friction loss.""",
    ),
)
def _(
    Q: Val,
    pipe: Pipe,
    L: Val,
    eps: Val,
    K: float,
    dz: Val,
    eta: float,
    rho: Val,
    mu: Val,
    liquid: str,
    out: Out,
) -> float:
    q, r = Q.to("m**3/s"), rho.to("kg/m**3")
    friction = _pipe_dp(q, pipe.di, L.to("m"), eps.to("m"), r, mu.to("Pa*s"), K)
    return q * (friction + r * G * dz.to("m")) / eta


_NPSH_LIQUIDS = (
    "benzene",
    "toluene",
    "methanol",
    "ethanol",
    "n-hexane",
    "n-heptane",
    "cyclohexane",
)


def _draw_npsh_named(rng: random.Random) -> dict[str, Any]:
    name = pick(rng, _NPSH_LIQUIDS)
    Tb = _chemical(LIQUIDS[name]).Tb - 273.15
    atm = pick(rng, [Val(101.3, "kPa", "kPa"), Val(uni(rng, 95, 101, 3), "kPa", "kPa")])
    if rng.random() < 0.5:
        Pg = val(rng, [("kPa", "kPa gauge", 2, 30), ("psi", "psig", 0.3, 4)])
        tank = f"a tank blanketed with nitrogen at {Pg} (barometric pressure {atm})"
        Ps = Pg.to("Pa") + atm.to("Pa")
    else:
        tank = f"a tank vented to the atmosphere (barometric pressure {atm})"
        Ps = atm.to("Pa")
    return {
        "name": name,
        "T": temperature(rng, 10, Tb - 10),
        "tank": tank,
        "Ps": Ps,
        "z": val(rng, [("m", "m", 0.5, 4), ("foot", "ft", 1.6, 13)]),
        "hf": val(rng, [("m", "m", 0.3, 1.5), ("foot", "ft", 1, 5)]),
        "out": out(rng, [("m", "m"), ("foot", "ft"), ("m", "metres of liquid")]),
    }


def _npsha(name: str, T: Val, Ps: float, z: Val, hf: Val, **_: Any) -> float:
    t = T.to("K")
    rho = _liquid(name, t)["rho"]
    return (Ps - _psat(LIQUIDS[name], t)) / (rho * G) + z.to("m") - hf.to("m")


@kind(
    "pumps/npsha_named_liquid",
    "pumps",
    "m",
    ("vapor_pressure", "density", "npsh_available"),
    "NPSHa = (P_surface - P_v)/(rho g) + z - h_f; vapour pressure from thermo's recommended "
    "correlation, liquid density from thermo 0.6 Chemical (CoolProp)",
    count=4,
    rel_tol=0.03,
    draw=retry(_draw_npsh_named, lambda d: _npsha(**d) > 1.0),
    wordings=(
        """A pump takes {name} at {T} from {tank}. The liquid level is {z} above the pump
          suction centreline and the suction line loses {hf} to friction. Looking up the
          vapour pressure and density of {name} at {T}, what NPSH is available, in
          {out}?""",
        """What net positive suction head is available, in {out}, to a pump drawing pure
          {name} at {T} out of {tank}? Static head of liquid over the impeller eye: {z};
          suction friction loss: {hf}.""",
        """Check a pump for cavitation margin: liquid {name} at {T}, supplied from {tank},
          level {z} above the pump centreline, suction losses {hf}. Find the NPSH available
          in {out} using the liquid's vapour pressure and density at {T}.""",
        """{name} at {T} flows by gravity from {tank} to a pump {z} below the liquid level;
          the suction piping costs {hf} of head. Compute the NPSHa in {out}.""",
    ),
)
def _(out: Out, **d: Any) -> float:
    return _npsha(**d)


# =======================================================================================
# compressors (ideal gas, constant k)


def _draw_comp(rng: random.Random) -> dict[str, Any]:
    gas, MW, k = pick(rng, _GASK)
    P1 = val(rng, [("bar", "bar absolute", 1, 20), ("kPa", "kPa absolute", 100, 2000)])
    return {
        "gas": gas,
        "MW": MW,
        "k": k,
        "P1": P1,
        "P2": Val(sig(P1.value * rng.uniform(1.8, 4.5)), P1.unit, P1.label),
        "T1": val(rng, [("degC", "°C", 10, 50), ("degF", "°F", 50, 120)]),
        "eta": uni(rng, 0.7, 0.85, 2),
        "m": val(rng, [("kg/s", "kg/s", 0.5, 20), ("kg/hour", "kg/h", 2000, 60000)]),
        "Tc": val(rng, [("degC", "°C", 30, 45), ("degF", "°F", 90, 115)]),
        "out": out(rng, [("kW", "kW"), ("Btu/hour", "Btu/h")]),
    }


def _t2(k: float, P1: Val, P2: Val, T1: Val, eta: float) -> float:
    return T1.to("K") * (1 + ((P2.to("Pa") / P1.to("Pa")) ** ((k - 1) / k) - 1) / eta)


@kind(
    "compressors/aftercooler_duty",
    "compressors",
    "W",
    ("compressor_power_isentropic", "hx_duty"),
    "Ideal gas, constant k: T2 = T1 [1 + ((P2/P1)^((k-1)/k) - 1)/eta_s]; aftercooler "
    "Q = m cp (T2 - T_out) with cp = k R / ((k-1) M)",
    count=4,
    rel_tol=0.01,
    draw=retry(
        _draw_comp,
        lambda d: _t2(d["k"], d["P1"], d["P2"], d["T1"], d["eta"]) - d["Tc"].to("K") > 20,
    ),
    wordings=(
        """A compressor takes {m} of {gas} (molar mass {MW} g/mol, k = {k}) from {P1} and
          {T1} to {P2} with an isentropic efficiency of {eta}. An aftercooler then cools
          the gas to {Tc}. Treating the gas as ideal with constant k, what is the
          aftercooler duty, in {out}?""",
        """{gas} at {P1}, {T1} is compressed to {P2} (η_s = {eta}, k = {k},
          M = {MW} g/mol), {m}. How much heat, in {out}, must the aftercooler remove to
          bring the discharge down to {Tc}? Ideal gas, cp from k.""",
        """Size an aftercooler: it cools the discharge of a {gas} compressor ({m}; suction
          {P1} and {T1}; discharge pressure {P2}; isentropic efficiency {eta}) to {Tc}.
          With k = {k} and a molar mass of {MW} g/mol (ideal gas), what duty is needed in
          {out}?""",
        """What is the cooling load ({out}) of the aftercooler that takes compressed {gas}
          down to {Tc}? The compressor handles {m} from {P1}/{T1} to {P2}, isentropic
          efficiency {eta}; gas ideal with k = {k}, M = {MW} g/mol.""",
    ),
)
def _(
    gas: str,
    MW: float,
    k: float,
    P1: Val,
    P2: Val,
    T1: Val,
    eta: float,
    m: Val,
    Tc: Val,
    out: Out,
) -> float:
    cp = k / (k - 1) * R_GAS / (MW / 1e3)
    return m.to("kg/s") * cp * (_t2(k, P1, P2, T1, eta) - Tc.to("K"))


_STD_FLOWS = [  # (pint unit, label, low, high, scale, T_std [K], P_std [Pa], reference text)
    (
        "foot**3/minute",
        "SCFM",
        800,
        20000,
        1.0,
        T_60F,
        14.696 * PSI,
        "standard cubic feet per minute at 60 °F and 14.696 psia",
    ),
    ("m**3/hour", "Nm³/h", 1500, 30000, 1.0, 273.15, P_ATM, "normal m³/h at 0 °C and 101.325 kPa"),
    (
        "foot**3/day",
        "MMSCFD",
        1,
        30,
        1e6,
        T_60F,
        14.696 * PSI,
        "million standard cubic feet per day at 60 °F and 14.696 psia",
    ),
]


def _std_flow(rng: random.Random) -> dict[str, Any]:
    unit, label, low, high, scale, T_std, P_std, ref = turn(rng, _STD_FLOWS)
    return {
        "Qs": Val(uni(rng, low, high), unit, label, scale),
        "ref": ref,
        "Ts": T_std,
        "Pstd": P_std,
    }


def _molar_flow(Qs: Val, Ts: float, Pstd: float) -> float:
    """[mol/s] of an ideal gas from its standard volumetric flow."""
    return Pstd * Qs.to("m**3/s") / (R_GAS * Ts)


def _draw_std_comp(rng: random.Random) -> dict[str, Any]:
    gas, MW, k = pick(rng, [g for g in _GASK if g[0] != "hydrogen"])
    P1, atm = gauge(rng, 0.1)
    return {
        "gas": gas,
        "MW": MW,
        "k": k,
        **_std_flow(rng),
        "P1": P1,
        "P2": gauge_like(absolute(P1, atm) * rng.uniform(2.2, 4.5), P1, atm),
        "atm": atm,
        "T1": temperature(rng, 10, 45),
        "eta": uni(rng, 0.7, 0.85, 2),
        "out": out(rng, [("kW", "kW"), ("hp", "hp"), ("hp", "horsepower")]),
    }


@kind(
    "compressors/standard_flow_power",
    "compressors",
    "W",
    ("unit_convert", "compressor_power_isentropic"),
    "Standard volume to moles by the ideal-gas law at the stated reference conditions; "
    "W = m cp T1 ((P2/P1)^((k-1)/k) - 1) / eta_s, cp = k R/((k-1) M), absolute pressures",
    count=4,
    rel_tol=0.01,
    draw=_draw_std_comp,
    wordings=(
        """A compressor handles {Qs} ({ref}) of {gas} (molar mass {MW} g/mol, k = {k}). It
          takes suction at {P1} and {T1} and discharges at {P2}; the barometer reads {atm}.
          With an isentropic efficiency of {eta} and ideal-gas behaviour, what gas power
          does it need, in {out}?""",
        """Find the isentropic-method compression power ({out}) for {Qs} of {gas}, where the
          flow is in {ref}. Suction {P1}, {T1}; discharge {P2}; atmospheric pressure {atm};
          k = {k}, M = {MW} g/mol, η_s = {eta}; ideal gas.""",
        """What power, in {out}, must be put into the gas to raise {gas} from {P1} to {P2}
          (local barometer {atm})? Flow {Qs} ({ref}), inlet temperature {T1}, ratio of
          specific heats {k}, molar mass {MW} g/mol, isentropic efficiency {eta}.""",
        """A {gas} booster: throughput {Qs} ({ref}), suction {T1} at {P1}, discharge
          {P2}, site atmospheric pressure {atm}. Treat the gas as ideal (k = {k},
          M = {MW} g/mol); isentropic efficiency {eta}. Gas power in {out}?""",
    ),
)
def _(
    gas: str,
    MW: float,
    k: float,
    Qs: Val,
    ref: str,
    Ts: float,
    Pstd: float,
    P1: Val,
    P2: Val,
    atm: Val,
    T1: Val,
    eta: float,
    out: Out,
) -> float:
    m = _molar_flow(Qs, Ts, Pstd) * MW / 1e3
    cp = k / (k - 1) * R_GAS / (MW / 1e3)
    r = absolute(P2, atm) / absolute(P1, atm)
    return m * cp * T1.to("K") * (r ** ((k - 1) / k) - 1) / eta


# =======================================================================================
# steam  (CoolProp 8, IAPWS-95)


def _draw_turbine(rng: random.Random) -> dict[str, Any]:
    P1 = val(
        rng,
        [
            ("bar", "bar absolute", 20, 120),
            ("MPa", "MPa absolute", 2, 12),
            ("psi", "psia", 300, 1700),
        ],
    )
    Tsat = _coolprop("T", "P", P1.to("Pa"), "Q", 1, "Water") - 273.15
    T1_c = round(min(Tsat + rng.uniform(60, 220), 560))
    if rng.random() < 1 / 3:
        T1 = Val(float(round(T1_c * 1.8 + 32)), "degF", "°F")
    else:
        T1 = Val(float(T1_c), "degC", "°C")
    return {
        "P1": P1,
        "T1": T1,
        "P2": val(rng, [("bar", "bar absolute", 0.1, 6), ("kPa", "kPa absolute", 10, 600)]),
        "eta": uni(rng, 0.65, 0.88, 2),
        "m": val(
            rng,
            [
                ("tonne/hour", "t/h", 5, 150),
                ("kg/hour", "kg/h", 5000, 150000),
                ("lb/hour", "lb/h", 11000, 330000),
            ],
        ),
        "out": out(rng, [("kW", "kW"), ("MW", "MW"), ("hp", "hp")]),
    }


@kind(
    "steam/turbine_power",
    "steam",
    "W",
    ("steam_properties", "steam_properties"),
    "CoolProp 8 PropsSI for Water (IAPWS-95): h1, s1 at the inlet, h2s at (P2, s1); "
    "W = m eta_s (h1 - h2s)",
    count=4,
    rel_tol=0.01,
    draw=_draw_turbine,
    wordings=(
        """A steam turbine receives {m} of steam at {P1} and {T1} and exhausts at {P2}. Its
          isentropic efficiency is {eta}. Using the steam tables, what power does it
          develop, in {out}?""",
        """What shaft power ({out}) does a turbine produce from {m} of superheated steam
          entering at {T1} and {P1} and leaving at {P2}, if the isentropic efficiency is
          {eta}? Use IAPWS steam properties.""",
        """Estimate the output, in {out}, of a back-pressure or condensing turbine: inlet
          steam {P1}, {T1}; exhaust pressure {P2}; steam rate {m}; isentropic efficiency
          {eta}. Take the inlet state and the isentropic exhaust state from the steam
          tables.""",
        """Steam ({m}) expands in a turbine from {P1}/{T1} to {P2} with η_s = {eta}. How
          much power does the turbine deliver, in {out}?""",
    ),
)
def _(P1: Val, T1: Val, P2: Val, eta: float, m: Val, out: Out) -> float:
    p1, t1 = P1.to("Pa"), T1.to("K")
    h1 = _coolprop("H", "P", p1, "T", t1, "Water")
    s1 = _coolprop("S", "P", p1, "T", t1, "Water")
    h2s = _coolprop("H", "P", P2.to("Pa"), "S", s1, "Water")
    return m.to("kg/s") * eta * (h1 - h2s)


# =======================================================================================
# psychrometrics  (CoolProp 8 HAPropsSI, ASHRAE RP-1485)

_HA = "CoolProp 8 HAPropsSI (Herrmann, Kretzschmar and Gatley, ASHRAE RP-1485)"
_BAROMETER = [
    Val(101.325, "kPa", "kPa"),
    Val(14.696, "psi", "psia"),
    Val(97.0, "kPa", "kPa"),
    Val(94.5, "kPa", "kPa"),
]


def _draw_heater(rng: random.Random) -> dict[str, Any]:
    T1 = temperature(rng, -5, 20)
    return {
        "V": val(
            rng,
            [
                ("m**3/hour", "m³/h", 3000, 40000),
                ("foot**3/minute", "cubic feet per minute", 2000, 24000),
                ("foot**3/minute", "CFM", 2000, 24000),
            ],
        ),
        "T1": T1,
        "RH": round(rng.uniform(30, 90)),
        "T2": Val(
            T1.value + round(rng.uniform(15, 35) * (1.8 if T1.unit == "degF" else 1)),
            T1.unit,
            T1.label,
        ),
        "P": pick(rng, _BAROMETER),
        "out": out(rng, [("kW", "kW"), ("Btu/hour", "Btu/h")]),
    }


@kind(
    "psychrometrics/air_heater_duty",
    "psychrometrics",
    "W",
    ("humid_air_properties", "humid_air_properties"),
    _HA + "; dry-air flow from the inlet specific volume; Q = m_da (h2 - h1) at constant "
    "humidity ratio",
    count=4,
    rel_tol=0.02,
    draw=_draw_heater,
    wordings=(
        """An air-handling unit heats {V} of outdoor air (volume measured at the inlet
          state) from {T1} and {RH}% relative humidity to {T2}, at a barometric pressure of
          {P}. No moisture is added. What is the heating-coil duty, in {out}?""",
        """A preheat coil takes {V} of air at {T1}, {RH}% RH ({P}) and warms it to {T2}
          without changing its moisture content. The flow is given at inlet conditions.
          Find the coil load in {out} from the moist-air enthalpies.""",
        """How much heat ({out}) does it take to warm {V} (at the inlet state) of moist air
          from {T1} to {T2}? Inlet relative humidity {RH}%, pressure {P}, sensible heating
          only.""",
        """Sensible heating of {V} of air, entering at {T1} with {RH}% relative humidity,
          to a supply temperature of {T2}; total pressure {P}; volumetric flow referred to
          the entering air. Heater duty in {out}?""",
    ),
)
def _(V: Val, T1: Val, RH: float, T2: Val, P: Val, out: Out) -> float:
    from CoolProp.HumidAirProp import HAPropsSI

    p, t1 = P.to("Pa"), T1.to("K")
    W = _humid("W", t1, p, RH / 100)
    h1 = _humid("H", t1, p, RH / 100)
    m_da = V.to("m**3/s") / _humid("Vda", t1, p, RH / 100)
    h2 = float(HAPropsSI("H", "T", T2.to("K"), "P", p, "W", W))
    return m_da * (h2 - h1)


def _draw_mix_air(rng: random.Random) -> dict[str, Any]:
    flow = pick(rng, [("kg/hour", "kg of dry air per hour"), ("lb/hour", "lb of dry air per hour")])
    total = rng.uniform(3000, 30000) * (2.2 if flow[0] == "lb/hour" else 1)
    share = rng.uniform(0.2, 0.6)
    return {
        "To": temperature(rng, 26, 38),
        "RHo": round(rng.uniform(35, 70)),
        "mo": Val(sig(total * share), flow[0], flow[1]),
        "Tr": temperature(rng, 21, 27),
        "RHr": round(rng.uniform(35, 60)),
        "mr": Val(sig(total * (1 - share)), flow[0], flow[1]),
        "P": pick(rng, _BAROMETER),
    }


@kind(
    "psychrometrics/mixed_air_dew_point",
    "psychrometrics",
    "K",
    ("humid_air_properties", "humid_air_properties", "humid_air_properties"),
    _HA + "; adiabatic mixing on a dry-air basis (W and h mass-weighted), dew point at the "
    "mixed humidity ratio",
    count=4,
    rel_tol=0.003,
    draw=_draw_mix_air,
    wordings=(
        """An air handler mixes {mo} of outdoor air at {To} and {RHo}% relative humidity
          with {mr} of return air at {Tr} and {RHr}% RH, at {P}. What is the dew point of
          the mixed air, in °C?""",
        """Outdoor air ({To}, {RHo}% RH, {mo}) and recirculated air ({Tr}, {RHr}% RH,
          {mr}) meet in a mixing box at {P}. Find the humidity ratio of each stream, mix
          them adiabatically and give the dew-point temperature of the mixture in °C.""",
        """Two moist-air streams at {P} are mixed: {mo} at {To} with {RHo}% relative
          humidity, and {mr} at {Tr} with {RHr}%. Below what surface temperature, in °C,
          will the mixed stream condense water?""",
        """What dew point (°C) does the mixed air of a ventilation unit have, if it
          combines {mr} of room air at {Tr}/{RHr}% RH with {mo} of fresh air at
          {To}/{RHo}% RH? Barometric pressure {P}; adiabatic mixing.""",
    ),
)
def _(To: Val, RHo: float, mo: Val, Tr: Val, RHr: float, mr: Val, P: Val) -> float:
    from CoolProp.HumidAirProp import HAPropsSI

    p = P.to("Pa")
    a, b = mo.to("kg/s"), mr.to("kg/s")
    Wo, Wr = _humid("W", To.to("K"), p, RHo / 100), _humid("W", Tr.to("K"), p, RHr / 100)
    ho, hr = _humid("H", To.to("K"), p, RHo / 100), _humid("H", Tr.to("K"), p, RHr / 100)
    W = (a * Wo + b * Wr) / (a + b)
    h = (a * ho + b * hr) / (a + b)
    T = float(HAPropsSI("T", "H", h, "W", W, "P", p))
    return float(HAPropsSI("D", "T", T, "P", p, "W", W))


# =======================================================================================
# vapour-liquid equilibrium

_IDEAL_PAIRS = [pair for pair in _PAIRS if "water" not in pair]


def _draw_condensing(rng: random.Random) -> dict[str, Any]:
    a, b = pick(rng, _IDEAL_PAIRS)
    return {
        "a": a,
        "b": b,
        "y": uni(rng, 0.2, 0.8, 2),
        "P": val(
            rng,
            [
                ("kPa", "kPa absolute", 60, 300),
                ("bar", "bar absolute", 0.6, 3),
                ("psi", "psia", 9, 45),
                ("mmHg", "mmHg", 450, 2200),
            ],
        ),
    }


def _condensing_range(a: str, b: str, y: float, P: Val) -> float:
    p = P.to("Pa")
    return _DEW_T(a, b, y, p) - _BUBBLE_T(a, b, y, p)


@kind(
    "vle/condensing_range",
    "vle",
    "K",
    ("vle_dew_point", "vle_bubble_point"),
    "Raoult's law with thermo 0.6 recommended vapour pressures; dew and bubble "
    "temperatures solved with scipy.optimize.brentq",
    count=4,
    rel_tol=0.05,
    draw=retry(_draw_condensing, lambda d: _condensing_range(**d) > 3),
    wordings=(
        """A vapour of {y} mole fraction {a} and the rest {b} is totally condensed at a
          constant {P}. Assuming Raoult's law, over what temperature range does it condense,
          i.e. its dew point minus its bubble point, in K?""",
        """In a total condenser at {P}, a {a}/{b} vapour ({y} mole fraction {a}) starts to
          condense at its dew point and is all liquid at its bubble point. How many kelvin
          separate the two (ideal VLE)?""",
        """For a mixture of {a} ({y} mole fraction) and {b} at {P}, compute the dew-point
          and bubble-point temperatures with Raoult's law and report the difference
          (dew − bubble) in K.""",
        """What is the condensation temperature glide, in K, of a {a}-{b} vapour with
          {y} mole fraction {a} at {P}? Take the glide as dew point minus bubble point for
          an ideal mixture.""",
    ),
)
def _(a: str, b: str, y: float, P: Val) -> float:
    return _condensing_range(a, b, y, P)


# =======================================================================================
# distillation


def _draw_fug(rng: random.Random) -> dict[str, Any]:
    a, b = pick(rng, _IDEAL_PAIRS)
    Tb = (_chemical(LIQUIDS[a]).Tb + _chemical(LIQUIDS[b]).Tb) / 2 - 273.15
    return {
        "a": a,
        "b": b,
        "T": Val(float(round(Tb + rng.uniform(-5, 5))), "degC", "°C"),
        "zF": uni(rng, 0.3, 0.6, 2),
        "xD": uni(rng, 0.9, 0.99, 3),
        "xB": uni(rng, 0.01, 0.08, 2),
        "factor": uni(rng, 1.2, 1.6, 2),
    }


def _alpha(a: str, b: str, T: Val) -> float:
    t = T.to("K")
    return _psat(LIQUIDS[a], t) / _psat(LIQUIDS[b], t)


def _fug_ok(d: dict[str, Any]) -> bool:
    alpha = _alpha(d["a"], d["b"], d["T"])
    try:
        return alpha > 1.4 and _underwood(alpha, d["zF"], d["xD"], 1.0) > 0.1
    except ValueError:
        return False


@kind(
    "distillation/fug_from_vapour_pressures",
    "distillation",
    "",
    ("relative_volatility", "fenske_min_stages", "underwood_min_reflux", "gilliland_stages"),
    "alpha = Psat_a/Psat_b (Raoult, thermo 0.6 vapour pressures); Fenske; Underwood for a "
    "binary (scipy brentq); Gilliland in Molokanov's form",
    count=4,
    rel_tol=0.03,
    draw=retry(_draw_fug, _fug_ok),
    wordings=(
        """A column separates {a} from {b}. The feed is saturated liquid with {zF} mole
          fraction {a}; the distillate must hold {xD} and the bottoms {xB} mole fraction
          {a}. Take the relative volatility as the ratio of the pure-component vapour
          pressures at the average column temperature of {T} (ideal mixture). With a
          reflux ratio of {factor} times the minimum, how many theoretical stages does the
          Fenske-Underwood-Gilliland method give (Gilliland in Molokanov's form)?""",
        """Shortcut design of a {a}/{b} splitter: bubble-point feed, zF = {zF}; xD = {xD};
          xB = {xB} (mole fractions of {a}); average column temperature {T}, where α is
          Psat({a})/Psat({b}) by Raoult's law; R = {factor} × R_min. Estimate N by Fenske,
          Underwood and the Molokanov form of Gilliland.""",
        """How many theoretical stages are needed to split a saturated-liquid feed of
          {zF} mole fraction {a} in {b} into a top product of {xD} and a bottom product of
          {xB}, at {factor} times the minimum reflux? Evaluate α from the vapour pressures
          at {T} (ideal solution), then apply Fenske, Underwood and Gilliland
          (Molokanov).""",
        """FUG estimate for {a}-{b}: feed {zF} ({a} mole fraction, saturated liquid),
          distillate {xD}, bottoms {xB}, operating reflux {factor} R_min. Use a constant
          relative volatility equal to the vapour-pressure ratio at {T}, and the Molokanov
          equation for Gilliland. Number of theoretical stages?""",
    ),
)
def _(a: str, b: str, T: Val, zF: float, xD: float, xB: float, factor: float) -> float:
    alpha = _alpha(a, b, T)
    Rmin = _underwood(alpha, zF, xD, 1.0)
    return _molokanov(_fenske(alpha, xD, xB), factor * Rmin, Rmin)


# =======================================================================================
# reactors

#: (equation, key reactant, feed text template or None for a pure feed, dH and dG at
#: 298.15 K [kJ/mol] from thermo's ideal-gas formation data, temperature range [K])
_EQUILIBRIA = [
    ("CO + H2O ⇌ CO2 + H2", "CO", "{r:g} mol of steam per mol of CO", (550, 800)),
    ("CO2 + H2 ⇌ CO + H2O", "CO2", "{r:g} mol of H2 per mol of CO2", (900, 1200)),
    ("n-C4H10 ⇌ i-C4H10", "n-butane", None, (320, 560)),
    ("cyclohexane ⇌ methylcyclopentane", "cyclohexane", None, (380, 650)),
]
_EQ_SPECIES = {
    0: (("carbon monoxide", "water"), ("carbon dioxide", "hydrogen")),
    1: (("carbon dioxide", "hydrogen"), ("carbon monoxide", "water")),
    2: (("butane",), ("isobutane",)),
    3: (("cyclohexane",), ("methylcyclopentane",)),
}


@cache
def _reaction_data(i: int) -> tuple[float, float]:
    """Standard dH and dG of reaction i at 298.15 K [kJ/mol], three significant figures."""
    from thermo import Chemical

    reactants, products = _EQ_SPECIES[i]
    dH = sum(Chemical(n).Hfgm for n in products) - sum(Chemical(n).Hfgm for n in reactants)
    dG = sum(Chemical(n).Gfgm for n in products) - sum(Chemical(n).Gfgm for n in reactants)
    return sig(dH / 1e3), sig(dG / 1e3)


def _draw_equilibrium(rng: random.Random) -> dict[str, Any]:
    i = rng.randrange(len(_EQUILIBRIA))
    rxn, key, feed, (lo, hi) = _EQUILIBRIA[i]
    dH, dG = _reaction_data(i)
    r = float(pick(rng, [1.0, 1.5, 2.0, 3.0])) if feed else 0.0
    T_K = round(rng.uniform(lo, hi))
    T = Val(float(T_K), "K", "K") if rng.random() < 0.5 else Val(float(T_K - 273), "degC", "°C")
    return {
        "rxn": rxn,
        "key": key,
        "r": r,
        "feed": feed.format(r=r) + " and no products" if feed else f"pure {key}",
        "dH": Val(dH, "kJ/mol", "kJ/mol"),
        "dG": Val(dG, "kJ/mol", "kJ/mol"),
        "T": T,
    }


def _equilibrium_conversion(dH: Val, dG: Val, T: Val, r: float, **_: Any) -> float:
    from scipy.optimize import brentq

    T0 = 298.15
    K = math.exp(-dG.to("J/mol") / (R_GAS * T0) - dH.to("J/mol") / R_GAS * (1 / T.to("K") - 1 / T0))
    if not r:  # A ⇌ B
        return K / (1 + K)
    return brentq(lambda X: X * X - K * (1 - X) * (r - X), 0.0, 1.0 - 1e-15, xtol=1e-15)


@kind(
    "reactors/equilibrium_conversion_at_T",
    "reactors",
    "",
    ("equilibrium_constant", "equilibrium_conversion"),
    "K(298.15 K) = exp(-dG/(R T0)); van 't Hoff with constant dH to T; equilibrium extent "
    "of a gas reaction with no change in moles (K = prod y_i^nu_i, scipy brentq); dH and "
    "dG from thermo's ideal-gas formation data",
    count=4,
    rel_tol=0.01,
    draw=retry(_draw_equilibrium, lambda d: 0.1 < _equilibrium_conversion(**d) < 0.95),
    wordings=(
        """For the gas-phase reaction {rxn}, ΔH°298 = {dH} and ΔG°298 = {dG}. Taking ΔH° as
          constant, find the equilibrium constant at {T} and then the equilibrium conversion
          of {key} for a feed of {feed}. What is that conversion?""",
        """A reactor runs {rxn} in the gas phase at {T} with a feed of {feed}. Standard
          data at 25 °C: ΔH° = {dH}, ΔG° = {dG}; assume ΔH° does not vary with temperature
          (van 't Hoff). What fraction of the {key} is converted at equilibrium?""",
        """What equilibrium conversion of {key} can {rxn} reach at {T}? The feed is {feed};
          ΔH°rxn = {dH} and ΔG°rxn = {dG} at 298.15 K, ΔH° constant; ideal gases.""",
        """Equilibrium check: {rxn} (gas), feed {feed}, reactor temperature {T}. From
          ΔG°298 = {dG} and ΔH°298 = {dH} (constant), compute K at {T} and the equilibrium
          conversion of {key}.""",
    ),
)
def _(rxn: str, key: str, r: float, feed: str, dH: Val, dG: Val, T: Val) -> float:
    return _equilibrium_conversion(dH, dG, T, r)


_BED_GASES = {
    "nitrogen": "Nitrogen",
    "air": "Air",
    "methane": "Methane",
    "hydrogen": "Hydrogen",
    "carbon dioxide": "CarbonDioxide",
}


def _draw_bed(rng: random.Random) -> dict[str, Any]:
    return {
        "gas": pick(rng, list(_BED_GASES)),
        "T": temperature(rng, 20, 300),
        "P": val(rng, [("bar", "bar absolute", 3, 30), ("psi", "psia", 45, 430)]),
        "m": val(rng, [("kg/hour", "kg/h", 500, 30000), ("lb/hour", "lb/h", 1100, 66000)]),
        "Dbed": val(rng, [("m", "m", 0.6, 3), ("foot", "ft", 2, 10)]),
        "L": val(rng, [("m", "m", 1, 6), ("foot", "ft", 3, 20)]),
        "dp": val(rng, [("mm", "mm", 3, 12), ("inch", "in", 0.125, 0.5)]),
        "eps": uni(rng, 0.36, 0.45, 2),
        "out": out(rng, [("kPa", "kPa"), ("bar", "bar"), ("psi", "psi")]),
    }


def _bed_state(gas: str, T: Val, P: Val, m: Val, Dbed: Val, **_: Any) -> tuple[float, float, float]:
    """Density, viscosity and superficial velocity of the gas at the bed inlet."""
    fluid, t, p = _BED_GASES[gas], T.to("K"), P.to("Pa")
    rho = _coolprop("D", "T", t, "P", p, fluid)
    mu = _coolprop("V", "T", t, "P", p, fluid)
    return rho, mu, m.to("kg/s") / (rho * math.pi * Dbed.to("m") ** 2 / 4)


def _bed_dp(d: dict[str, Any]) -> float:
    from fluids import dP_packed_bed

    rho, mu, vs = _bed_state(**d)
    return float(
        dP_packed_bed(
            dp=d["dp"].to("m"),
            voidage=d["eps"],
            vs=vs,
            rho=rho,
            mu=mu,
            L=d["L"].to("m"),
            Method="Ergun",
        )
    )


@kind(
    "reactors/packed_bed_gas",
    "reactors",
    "Pa",
    ("pure_properties", "pipe_velocity", "ergun_pressure_drop"),
    "Gas density and viscosity from CoolProp 8 (reference equations of state); superficial "
    "velocity m/(rho A); Ergun (1952) (fluids.packed_bed.dP_packed_bed, Method='Ergun')",
    count=4,
    rel_tol=0.03,
    draw=retry(
        _draw_bed,
        lambda d: 0.1 < _bed_state(**d)[2] < 1.5 and 2e3 < _bed_dp(d) < 0.1 * d["P"].to("Pa"),
    ),
    wordings=(
        """{m} of {gas} at {T} and {P} flows down through a fixed catalyst bed of {Dbed}
          inside diameter, packed {L} deep with {dp} spheres at a voidage of {eps}. Using the
          gas's density and viscosity at the inlet conditions and the Ergun equation, what is
          the pressure drop across the bed, in {out}?""",
        """Estimate the Ergun pressure drop ({out}) of a packed reactor: {gas} feed {m} at
          {P} and {T}; vessel ID {Dbed}; bed depth {L}; spherical particles of {dp}; void
          fraction {eps}. Take the gas properties at the inlet state.""",
        """A {Dbed} diameter adsorber holds {L} of {dp} beads (voidage {eps}). What pressure
          loss, in {out}, does {m} of {gas} at {T}, {P} cause? Find the superficial velocity
          first, then apply Ergun.""",
        """What is the bed ΔP in {out} for {gas} ({m}, inlet {T} and {P}) through {L} of
          packing made of {dp} spheres, ε = {eps}, in a vessel of {Dbed} internal diameter?
          Ergun equation, properties at inlet conditions.""",
    ),
)
def _(out: Out, **d: Any) -> float:
    return _bed_dp(d)


# =======================================================================================
# mass and energy balances

_FUEL_CAS = {
    "methane": ("74-82-8", "CH4"),
    "ethane": ("74-84-0", "C2H6"),
    "propane": ("74-98-6", "C3H8"),
    "n-butane": ("106-97-8", "C4H10"),
    "hydrogen": ("1333-74-0", "H2"),
}


def _lhv(fuel: str) -> float:
    """Lower heating value [J/kg] from ideal-gas heats of formation (chemicals 1.5)."""
    from chemicals import MW, Hfg
    from chemicals.combustion import combustion_data

    cas, formula = _FUEL_CAS[fuel]
    return -combustion_data(formula=formula, Hf=Hfg(cas)).LHV / (MW(cas) / 1e3)


def _draw_heater_fuel(rng: random.Random) -> dict[str, Any]:
    T1 = rng.uniform(120, 260)
    T2 = T1 + rng.uniform(60, 160)
    if rng.random() < 0.4:
        temps = (
            Val(float(round(T1 * 1.8 + 32)), "degF", "°F"),
            Val(float(round(T2 * 1.8 + 32)), "degF", "°F"),
        )
    else:
        temps = (Val(float(round(T1)), "degC", "°C"), Val(float(round(T2)), "degC", "°C"))
    return {
        "m": val(rng, MASS_FLOW[:3]),
        "cp": val(rng, CP_LIQ),
        "T1": temps[0],
        "T2": temps[1],
        "eta": uni(rng, 0.75, 0.92, 2),
        "fuel": pick(rng, list(_FUEL_CAS)),
        "stream": pick(
            rng,
            [
                "crude oil",
                "a vacuum residue",
                "a hot-oil loop",
                "a reboiler circulation",
                "a reformer feed",
            ],
        ),
        "out": out(rng, [("kg/hour", "kg/h"), ("lb/hour", "lb/h")]),
    }


@kind(
    "balances/furnace_fuel",
    "balances",
    "kg/s",
    ("hx_duty", "heat_of_combustion"),
    "Absorbed duty Q = m cp (T2 - T1); fuel = Q / (eta LHV) with the LHV from ideal-gas "
    "heats of formation (chemicals.combustion.combustion_data)",
    count=4,
    rel_tol=0.02,
    draw=_draw_heater_fuel,
    wordings=(
        """A fired heater raises {m} of {stream} (cp = {cp}) from {T1} to {T2}. It burns
          pure {fuel} with a thermal efficiency of {eta} on the lower heating value. How
          much fuel does it burn, in {out}?""",
        """What {fuel} firing rate, in {out}, does a furnace need to heat {stream} at {m}
          from {T1} to {T2}? Specific heat {cp}; furnace efficiency {eta} (LHV basis); take
          the LHV from standard heats of formation at 25 °C.""",
        """Fuel consumption check: the furnace on {stream} ({m}, heat capacity {cp}) heats it
          from {T1} to {T2}, fired with {fuel} gas; efficiency {eta} based on LHV. Give the
          fuel flow in {out}.""",
        """Heating {m} of {stream} with cp {cp} from {T1} to {T2} in a {fuel}-fired heater
          of {eta} efficiency (lower heating value basis): what fuel flow is required, in
          {out}?""",
    ),
)
def _(m: Val, cp: Val, T1: Val, T2: Val, eta: float, fuel: str, stream: str, out: Out) -> float:
    Q = m.to("kg/s") * cp.to("J/(kg*K)") * (T2.to("K") - T1.to("K"))
    return Q / (eta * _lhv(fuel))


def _draw_evap_steam(rng: random.Random) -> dict[str, Any]:
    w0 = uni(rng, 3, 15, 2)
    if rng.random() < 0.5:
        Ps, atm = gauge(rng, 0.2)
        steam = f"saturated steam at {Ps} (barometer {atm})"
        ps = absolute(Ps, atm)
    else:
        Ps = val(rng, [("bar", "bar absolute", 2, 7), ("kPa", "kPa absolute", 200, 700)])
        steam = f"dry saturated steam at {Ps}"
        ps = Ps.to("Pa")
    return {
        "F": val(rng, [("kg/hour", "kg/h", 2000, 40000), ("tonne/hour", "t/h", 2, 40)]),
        "w0": w0,
        "w1": sig(w0 * rng.uniform(2, 4.5), 2),
        "Pe": val(rng, [("kPa", "kPa absolute", 15, 90), ("bar", "bar absolute", 0.15, 0.9)]),
        "steam": steam,
        "ps": ps,
        "what": pick(
            rng,
            [
                "a sugar solution",
                "a salt solution",
                "a caustic liquor",
                "a fruit juice",
                "a black liquor",
            ],
        ),
        "out": out(rng, [("kg/hour", "kg/h"), ("tonne/hour", "t/h"), ("lb/hour", "lb/h")]),
    }


def _hfg(p: float) -> float:
    return _coolprop("H", "P", p, "Q", 1, "Water") - _coolprop("H", "P", p, "Q", 0, "Water")


@kind(
    "balances/evaporator_steam",
    "balances",
    "kg/s",
    ("mass_balance", "steam_saturation", "steam_saturation"),
    "Solute balance E = F (1 - w0/w1); energy balance S h_fg(P_steam) = E h_fg(P_evaporator) "
    "with h_fg from CoolProp 8 (IAPWS-95)",
    count=4,
    rel_tol=0.01,
    draw=retry(_draw_evap_steam, lambda d: d["w1"] < 65 and d["ps"] > 2 * d["Pe"].to("Pa")),
    wordings=(
        """A single-effect evaporator concentrates {F} of {what} from {w0:g} wt% to {w1:g}
          wt% solids. It boils at {Pe} and is heated with {steam}. The feed enters at its
          boiling point, there is no boiling-point rise, the condensate leaves saturated
          and heat losses are negligible. How much heating steam does it use, in {out}?""",
        """What steam consumption ({out}) does an evaporator need to take {F} of {what} from
          {w0:g} to {w1:g} wt% dissolved solids? The liquor boils at {Pe} (feed already at
          its boiling point, no elevation of the boiling point); heating medium {steam},
          condensing to saturated liquid; no losses.""",
        """{what} ({F}, {w0:g} wt% solids) is concentrated to {w1:g} wt% in an evaporator
          operating at {Pe}. Heating is by {steam}. Assuming the feed enters at the boiling
          temperature, no boiling-point elevation, saturated condensate and no heat loss,
          find the steam flow in {out}.""",
        """Evaporator balance: feed {F} of {what} at {w0:g} wt%, product {w1:g} wt%, vapour
          space {Pe}, steam supply {steam}. Feed at its boiling point, water-like boiling
          temperature, condensate saturated, adiabatic. Steam required, in {out}?""",
    ),
)
def _(F: Val, w0: float, w1: float, Pe: Val, steam: str, ps: float, what: str, out: Out) -> float:
    E = F.to("kg/s") * (1 - w0 / w1)
    return E * _hfg(Pe.to("Pa")) / _hfg(ps)


# =======================================================================================
# heat exchangers  (ht 1.2)


def _draw_hx(rng: random.Random) -> dict[str, Any]:
    Thi = rng.uniform(110, 250)
    Tho = Thi - rng.uniform(30, 0.6 * (Thi - 40))
    Tci = rng.uniform(15, 40)
    Tco = Tci + rng.uniform(10, 0.8 * (Tho - Tci))
    us = rng.random() < 0.4
    temps = [
        Val(float(round(t * 1.8 + 32)), "degF", "°F") if us else Val(sig(t), "degC", "°C")
        for t in (Thi, Tho, Tci, Tco)
    ]
    return {
        "Thi": temps[0],
        "Tho": temps[1],
        "Tci": temps[2],
        "Tco": temps[3],
        "m": val(rng, MASS_FLOW[1:2] if us else MASS_FLOW[::2]),
        "cp": val(rng, CP_LIQ[1:] if us else CP_LIQ[:1]),
        "U": val(rng, U_MENU[1:] if us else U_MENU[:1]),
        "shell": (shell := rng.random() < 0.6),
        "arrangement": "a 1-2 shell-and-tube exchanger (one shell pass, two tube passes)"
        if shell
        else "a counter-current double-pipe exchanger",
        "stream": pick(
            rng,
            ["a hot oil", "a product stream", "a reactor effluent", "a lean solvent", "a gas oil"],
        ),
        "out": out(rng, AREA_OUT[1::2] if us else AREA_OUT[::2]),
    }


def _hx_f(d: dict[str, Any]) -> float:
    from ht import F_LMTD_Fakheri

    if not d["shell"]:
        return 1.0
    T = [d[k].to("K") for k in ("Thi", "Tho", "Tci", "Tco")]
    try:
        return float(F_LMTD_Fakheri(*T, shells=1))
    except (ValueError, ZeroDivisionError):
        return 0.0


def _hx_ok(d: dict[str, Any]) -> bool:
    Thi, Tho, Tci, Tco = (d[k].to("K") for k in ("Thi", "Tho", "Tci", "Tco"))
    terminal = Tho - Tci > 8 and Thi - Tco > 8 and abs((Thi - Tco) - (Tho - Tci)) > 1
    return terminal and (0.8 < _hx_f(d) <= 1.0)


@kind(
    "heat_exchangers/area_from_stream",
    "heat_exchangers",
    "m**2",
    ("hx_duty", "hx_lmtd", "hx_area"),
    "Q = m cp (Thi - Tho); counter-current LMTD (ht.core.LMTD) with the 1-2 correction "
    "factor F (ht.core.F_LMTD_Fakheri); A = Q / (U F LMTD)",
    count=4,
    rel_tol=0.01,
    draw=retry(_draw_hx, _hx_ok),
    wordings=(
        """{m} of {stream} (cp = {cp}) is cooled from {Thi} to {Tho} in {arrangement}. The
          cooling medium enters at {Tci} and leaves at {Tco}. With an overall heat-transfer
          coefficient of {U}, what heat-transfer area is required, in {out}?""",
        """Size {arrangement}: hot side {stream}, {m}, specific heat {cp}, {Thi} in and
          {Tho} out; cold side {Tci} in, {Tco} out; U = {U}. Work out the duty, the mean
          temperature difference and the area in {out}.""",
        """What area ({out}) does {arrangement} need to cool {m} of {stream} with a heat
          capacity of {cp} from {Thi} to {Tho}, while the coolant warms from {Tci} to
          {Tco}? The overall coefficient is {U}.""",
        """Exchanger design check: {stream} at {m} (cp {cp}) enters at {Thi} and must leave
          at {Tho}; coolant {Tci} → {Tco}; U {U}; the unit is {arrangement}. Required
          surface in {out}?""",
    ),
)
def _(
    Thi: Val,
    Tho: Val,
    Tci: Val,
    Tco: Val,
    m: Val,
    cp: Val,
    U: Val,
    shell: bool,
    arrangement: str,
    stream: str,
    out: Out,
) -> float:
    from ht import LMTD

    T = [x.to("K") for x in (Thi, Tho, Tci, Tco)]
    Q = m.to("kg/s") * cp.to("J/(kg*K)") * (T[0] - T[1])
    F = _hx_f({"shell": shell, "Thi": Thi, "Tho": Tho, "Tci": Tci, "Tco": Tco})
    return Q / (U.to("W/(m**2*K)") * F * float(LMTD(*T)))


_HEATED = {  # stream -> specific heat range [kJ/(kg K)]
    "boiler feed water": (4.18, 4.25),
    "a crude-oil charge": (1.9, 2.3),
    "a solvent": (1.7, 2.2),
    "a glycol-water solution": (3.3, 3.7),
    "a reactor feed": (2.0, 3.0),
}


def _draw_steam_heater(rng: random.Random) -> dict[str, Any]:
    if rng.random() < 0.6:
        Ps, atm = gauge(rng, 0.35)
        steam = f"saturated steam at {Ps} (atmospheric pressure {atm})"
        ps = absolute(Ps, atm)
    else:
        Ps = val(rng, [("bar", "bar absolute", 2, 12), ("psi", "psia", 30, 175)])
        steam = f"saturated steam at {Ps}"
        ps = Ps.to("Pa")
    Ts = _coolprop("T", "P", ps, "Q", 1, "Water") - 273.15
    T1 = rng.uniform(10, 60)
    T2 = T1 + rng.uniform(0.3, 0.85) * (Ts - 10 - T1)
    us = rng.random() < 0.4
    temps = [
        Val(float(round(t * 1.8 + 32)), "degF", "°F") if us else Val(float(round(t)), "degC", "°C")
        for t in (T1, T2)
    ]
    stream = pick(rng, list(_HEATED))
    cp = uni(rng, *_HEATED[stream])
    return {
        "steam": steam,
        "ps": ps,
        "T1": temps[0],
        "T2": temps[1],
        "m": val(rng, MASS_FLOW[1:2] if us else MASS_FLOW[::2]),
        "cp": Val(sig(cp * 0.238846), "Btu/(lb*delta_degF)", "Btu/(lb·°F)")
        if us
        else Val(cp, "kJ/(kg*K)", "kJ/(kg·K)"),
        "U": val(rng, U_MENU[1:] if us else U_MENU[:1]),
        "stream": stream,
        "out": out(rng, AREA_OUT[1::2] if us else AREA_OUT[::2]),
    }


def _steam_heater_ok(d: dict[str, Any]) -> bool:
    Ts = _coolprop("T", "P", d["ps"], "Q", 1, "Water")
    return Ts - d["T2"].to("K") > 8 and d["T2"].to("K") - d["T1"].to("K") > 10


@kind(
    "heat_exchangers/steam_heater_area",
    "heat_exchangers",
    "m**2",
    ("steam_saturation", "hx_duty", "hx_lmtd", "hx_area"),
    "Condensing temperature from CoolProp 8 (IAPWS-95); Q = m cp (T2 - T1); LMTD with an "
    "isothermal hot side (ht.core.LMTD); A = Q / (U LMTD)",
    count=4,
    rel_tol=0.01,
    draw=retry(_draw_steam_heater, _steam_heater_ok),
    wordings=(
        """A heater warms {m} of {stream} (cp = {cp}) from {T1} to {T2} with {steam}
          condensing on the shell side. The overall coefficient is {U}. What heat-transfer
          area is needed, in {out}?""",
        """{steam} condenses in a heater that raises {stream} ({m}, specific heat {cp})
          from {T1} to {T2}. U = {U}. Find the steam's condensing temperature, the duty and
          the LMTD, and give the required area in {out}.""",
        """What surface ({out}) must a steam heater have to take {m} of {stream} from {T1}
          to {T2}, heated by {steam}? Heat capacity of the stream {cp}; overall
          coefficient {U}; condensate leaves at the saturation temperature.""",
        """Steam heater sizing: process side {stream}, {m}, cp {cp}, {T1} → {T2}; heating
          medium {steam}; U {U}. Required area in {out}?""",
    ),
)
def _(
    steam: str, ps: float, T1: Val, T2: Val, m: Val, cp: Val, U: Val, stream: str, out: Out
) -> float:
    from ht import LMTD

    Ts = _coolprop("T", "P", ps, "Q", 1, "Water")
    t1, t2 = T1.to("K"), T2.to("K")
    Q = m.to("kg/s") * cp.to("J/(kg*K)") * (t2 - t1)
    return Q / (U.to("W/(m**2*K)") * float(LMTD(Ts, Ts, t1, t2)))


# =======================================================================================
# heat transfer


def _draw_db(rng: random.Random) -> dict[str, Any]:
    name = pick(rng, ["water", "water", "ethanol", "methanol", "toluene", "n-heptane"])
    lo, hi = _NAMED_LIQUIDS[name]
    return {
        "name": name,
        "T": temperature(rng, lo + 5, hi),
        "Q": val(
            rng,
            [
                ("gallon/minute", "US gpm", 5, 120),
                ("L/minute", "L/min", 20, 450),
                ("m**3/hour", "m³/h", 1.2, 27),
            ],
        ),
        "D": val(rng, [("mm", "mm", 12, 50), ("inch", "in", 0.5, 2)]),
        "mode": pick(rng, ["heated", "cooled"]),
    }


def _db_state(name: str, T: Val, Q: Val, D: Val, **_: Any) -> tuple[dict[str, float], float]:
    props = _liquid(name, T.to("K"))
    d = D.to("m")
    return props, props["rho"] * velocity(Q, d) * d / props["mu"]


@kind(
    "heat_transfer/dittus_boelter_named",
    "heat_transfer",
    "W/(m**2*K)",
    ("pure_properties", "pipe_velocity", "nu_dittus_boelter"),
    "Liquid properties at the bulk temperature from thermo 0.6 Chemical (CoolProp); "
    "Dittus-Boelter Nu = 0.023 Re^0.8 Pr^n, n = 0.4 heated / 0.3 cooled "
    "(ht.conv_internal.turbulent_Dittus_Boelter)",
    count=4,
    rel_tol=0.05,
    draw=retry(
        _draw_db,
        lambda d: _db_state(**d)[1] > 10000 and 0.5 < velocity(d["Q"], d["D"].to("m")) < 4,
    ),
    wordings=(
        """{Q} of {name} at a bulk temperature of {T} flows through a tube of {D} inside
          diameter and is being {mode}. With the liquid's properties at {T}, what is the
          tube-side film coefficient by Dittus-Boelter, in W/(m²·K)?""",
        """Estimate the inside heat-transfer coefficient (W/(m²·K)) for {name} being {mode}
          in a {D} ID tube: flow {Q}, bulk temperature {T}. Look up density, viscosity,
          thermal conductivity and heat capacity at {T} and use Dittus-Boelter.""",
        """What film coefficient, in W/(m²·K), does the Dittus-Boelter correlation give for
          {name} ({mode}) flowing at {Q} through tubing with a bore of {D}? The bulk liquid
          is at {T}; take the pure liquid's properties there.""",
        """Dittus-Boelter for {name} at {T}: volumetric flow {Q}, tube ID {D}, fluid
          {mode} by the wall. Find the velocity and Reynolds number first, then h in
          W/(m²·K).""",
    ),
)
def _(name: str, T: Val, Q: Val, D: Val, mode: str) -> float:
    from fluids import Prandtl
    from ht import turbulent_Dittus_Boelter

    props, Re = _db_state(name, T, Q, D)
    Pr = Prandtl(Cp=props["cp"], k=props["k"], mu=props["mu"])
    Nu = turbulent_Dittus_Boelter(Re=Re, Pr=Pr, heating=mode == "heated")
    return float(Nu) * props["k"] / D.to("m")


# =======================================================================================
# flow measurement  (ISO 5167 through fluids.flow_meter)


def _draw_orifice_named(rng: random.Random) -> dict[str, Any]:
    name = pick(rng, ["water", "water", "ethanol", "toluene", "methanol"])
    lo, hi = _NAMED_LIQUIDS[name]
    line = pipe(rng, [(2, "40"), (3, "40"), (4, "40"), (6, "40"), (8, "40"), (4, "80"), (6, "80")])
    bore_mm = line.di * 1e3 * rng.uniform(0.35, 0.7)
    return {
        "name": name,
        "T": temperature(rng, lo, hi),
        "pipe": line,
        "d": pick(
            rng,
            [Val(sig(bore_mm), "mm", "mm"), Val(sig(bore_mm / 25.4), "inch", "in")],
        ),
        "taps": (taps := pick(rng, list(_TAPS))),
        "tap_text": _TAPS[taps],
        "dP": val(
            rng,
            [("kPa", "kPa", 5, 80), ("psi", "psi", 0.8, 11), ("mbar", "mbar", 50, 800)],
        ),
        "P1": val(rng, [("bar", "bar absolute", 2, 15), ("psi", "psia", 30, 220)]),
        "out": out(
            rng,
            [("m**3/hour", "m³/h"), ("gallon/minute", "US gpm"), ("kg/hour", "kg/h")],
        ),
    }


@kind(
    "flow_measurement/orifice_named_liquid",
    "flow_measurement",
    None,
    ("pipe_schedule", "pure_properties", "flow_meter_flow"),
    "Pipe bore from ASME B36.10M (fluids.piping.nearest_pipe); liquid properties from thermo "
    "0.6 Chemical (CoolProp); ISO 5167-2 orifice with the Reader-Harris/Gallagher discharge "
    "coefficient (fluids.flow_meter.differential_pressure_meter_solver)",
    count=4,
    rel_tol=0.02,
    draw=_draw_orifice_named,
    wordings=(
        """An ISO 5167 square-edged orifice plate with a {d} bore and {tap_text} taps is
          fitted in a {pipe} line carrying {name} at {T}. The DP transmitter reads {dP};
          the upstream pressure is {P1}. Using the liquid's density and viscosity at {T},
          what is the flow, in {out}?""",
        """What flow of {name} ({T}) passes an orifice meter in {pipe} pipe? Bore {d},
          {tap_text} tappings, differential pressure {dP}, line pressure {P1}. Give the
          answer in {out} (ISO 5167-2; look up the liquid properties).""",
        """A flow orifice ({d} bore, {tap_text} taps) in {pipe} pipe measures {dP} on
          {name} at {T}, {P1} upstream. Find the flow rate in {out}, taking the pipe's
          inside diameter from its schedule.""",
        """Orifice reading to flow: liquid {name} at {T}; pipe {pipe}; orifice bore {d};
          {tap_text} pressure taps; ΔP = {dP}; P1 = {P1}. Flow in {out} by ISO 5167?""",
    ),
)
def _(
    name: str,
    T: Val,
    pipe: Pipe,
    d: Val,
    taps: str,
    tap_text: str,
    dP: Val,
    P1: Val,
    out: Out,
) -> tuple[float, str]:
    from fluids import differential_pressure_meter_solver

    props = _liquid(name, T.to("K"))
    p1 = P1.to("Pa")
    m = float(
        differential_pressure_meter_solver(
            D=pipe.di,
            D2=d.to("m"),
            P1=p1,
            P2=p1 - dP.to("Pa"),
            rho=props["rho"],
            mu=props["mu"],
            k=1.3,
            meter_type="ISO 5167 orifice",
            taps=taps,
            epsilon_specified=1.0,
        )
    )
    if out.unit == "kg/hour":
        return m * 3600, out.unit
    return Val(m / props["rho"], "m**3/s", "").to(out.unit), out.unit


# =======================================================================================
# control valves  (IEC 60534-2-1 through fluids.control_valve)

_CV = "gallon/(minute*psi**0.5)"
_KV = "m**3/(hour*bar**0.5)"


def _draw_cv_gauges(rng: random.Random) -> dict[str, Any]:
    liquid, lo, hi = pick(
        rng,
        [
            ("water", 1.0, 1.0),
            ("a light hydrocarbon", 0.6, 0.7),
            ("an amine solution", 1.0, 1.05),
            ("a solvent", 0.8, 0.9),
            ("a brine", 1.1, 1.2),
        ],
    )
    us = rng.random() < 0.6
    if us:
        P1 = val(rng, [("psi", "psig", 60, 300), ("psi", "pounds per square inch gauge", 60, 300)])
        dP = uni(rng, 5, 0.5 * P1.value)
    else:
        P1 = val(rng, [("bar", "barg", 4, 20), ("bar", "bar gauge", 4, 20)])
        dP = uni(rng, 0.35, 0.5 * P1.value)
    return {
        "liquid": liquid,
        "SG": uni(rng, lo, hi, 2),
        "Q": val(rng, FLOW_LIQ[2:4] if us else FLOW_LIQ[:2]),
        "P1": P1,
        "P2": Val(sig(P1.value - dP), P1.unit, P1.label),
        "out": pick(rng, [Out(_CV, "Cv"), Out(_CV, "Cv (US gpm at 1 psi)"), Out(_KV, "Kv")]),
    }


@kind(
    "control_valves/cv_from_gauges",
    "control_valves",
    None,
    ("pressure_difference", "control_valve_liquid"),
    "Turbulent non-choked liquid sizing Kv = Q sqrt(SG/dP) (IEC 60534-2-1 eq. 1, N1 = 1, "
    "Fp = 1) with dP = P1 - P2; Cv = Kv/0.865 (fluids.Kv_to_Cv)",
    count=4,
    rel_tol=0.01,
    draw=_draw_cv_gauges,
    wordings=(
        """A control valve passes {Q} of {liquid} (specific gravity {SG}). The upstream gauge
          reads {P1} and the downstream gauge {P2}. For turbulent, non-choked flow with no
          reducers, what {out} does the valve need?""",
        """Size a liquid control valve: {Q} of {liquid}, SG = {SG}, inlet pressure {P1},
          outlet pressure {P2}. Assume fully turbulent, non-flashing flow and a line-size
          valve. Required {out}?""",
        """What flow coefficient ({out}) is required to let {Q} of {liquid} with a relative
          density of {SG} down from {P1} to {P2}? Non-choked turbulent flow, Fp = 1.""",
        """Valve sizing from field readings: {Q} of {liquid} (SG {SG}), pressure before the
          valve {P1}, after it {P2}. Turbulent and not choked; find the {out}.""",
    ),
)
def _(liquid: str, SG: float, Q: Val, P1: Val, P2: Val, out: Out) -> tuple[float, str]:
    from fluids import Kv_to_Cv

    dP_bar = Val(P1.value - P2.value, P1.unit, "").to("bar")
    Kv = Q.to("m**3/hour") * math.sqrt(SG / dP_bar)
    return (float(Kv_to_Cv(Kv)), _CV) if out.unit == _CV else (Kv, _KV)


def _draw_valve_water(rng: random.Random) -> dict[str, Any]:
    T = temperature(rng, 20, 150)
    P1, atm = gauge(rng, 0.9)
    return {
        "T": T,
        "Q": val(rng, FLOW_LIQ[:4]),
        "P1": P1,
        "P2": Val(sig(P1.value * rng.uniform(0.3, 0.85)), P1.unit, P1.label),
        "atm": atm,
        "FL": pick(rng, [0.9, 0.85, 0.8]),
        "Fd": pick(rng, [0.46, 0.42, 1.0]),
        "out": pick(rng, [Out(_CV, "Cv"), Out(_KV, "Kv")]),
    }


def _valve_water_props(T: Val, P1: Val, atm: Val) -> tuple[float, float, float]:
    t, p1 = T.to("K"), absolute(P1, atm)
    return (
        _coolprop("D", "T", t, "P", p1, "Water"),
        _coolprop("V", "T", t, "P", p1, "Water"),
        _coolprop("P", "T", t, "Q", 0, "Water"),
    )


def _valve_water_ok(d: dict[str, Any]) -> bool:
    _rho, _mu, Pv = _valve_water_props(d["T"], d["P1"], d["atm"])
    p1, p2 = absolute(d["P1"], d["atm"]), absolute(d["P2"], d["atm"])
    FF = 0.96 - 0.28 * math.sqrt(Pv / 22.064e6)
    choked = d["FL"] ** 2 * (p1 - FF * Pv)
    return p2 > 1.2 * Pv and abs((p1 - p2) / choked - 1) > 0.05


@kind(
    "control_valves/water_valve_lookup",
    "control_valves",
    None,
    ("steam_saturation", "pure_properties", "control_valve_liquid"),
    "IEC 60534-2-1:2011 (fluids.control_valve.size_control_valve_l), choked and viscous "
    "corrections included; water density, viscosity and vapour pressure from CoolProp 8 "
    "(IAPWS-95); Cv = Kv/0.865",
    count=4,
    rel_tol=0.02,
    draw=retry(_draw_valve_water, _valve_water_ok),
    wordings=(
        """A control valve handles {Q} of water at {T}. Inlet pressure {P1}, outlet {P2};
          atmospheric pressure {atm}. Valve factors FL = {FL} and Fd = {Fd}; line-size valve.
          Looking up the water's density, viscosity and vapour pressure at {T} (critical
          pressure 22.064 MPa), what {out} does IEC 60534 require?""",
        """Size a hot-water valve to IEC 60534-2-1: {Q} at {T}, {P1} upstream, {P2}
          downstream (barometer {atm}), FL {FL}, Fd {Fd}, no reducers. Take the water
          properties from the steam tables (p_c = 22.064 MPa) and check for choked flow.
          Required {out}?""",
        """What {out} is needed to pass {Q} of {T} water from {P1} to {P2}? The local
          atmospheric pressure is {atm}. Use IEC 60534 with FL = {FL}, Fd = {Fd} and Fp = 1,
          with density, viscosity and vapour pressure of water at {T} (critical pressure
          22.064 MPa).""",
        """IEC 60534 liquid sizing with a property look-up: water at {T}, flow {Q}, inlet
          {P1}, outlet {P2}, barometer {atm}; valve FL {FL}, Fd {Fd}; valve the size of the
          line; water's critical pressure 22.064 MPa. Find the {out}.""",
    ),
)
def _(
    T: Val, Q: Val, P1: Val, P2: Val, atm: Val, FL: float, Fd: float, out: Out
) -> tuple[float, str]:
    from fluids import Kv_to_Cv, size_control_valve_l

    rho, mu, Pv = _valve_water_props(T, P1, atm)
    Kv = float(
        size_control_valve_l(
            rho=rho,
            Psat=Pv,
            Pc=22.064e6,
            mu=mu,
            P1=absolute(P1, atm),
            P2=absolute(P2, atm),
            Q=Q.to("m**3/s"),
            FL=FL,
            Fd=Fd,
        )
    )
    return (float(Kv_to_Cv(Kv)), _CV) if out.unit == _CV else (Kv, _KV)


# =======================================================================================
# relief devices  (API 520 Part I / API 526 through fluids.safety_valve)

_API = "API 520 Part I 10th ed. (fluids.safety_valve.API520_A_g/_A_l)"


def _draw_relief_named(rng: random.Random) -> dict[str, Any]:
    name = pick(rng, ["water", "toluene", "benzene", "methanol", "ethanol", "n-heptane", "acetone"])
    Tb = _chemical(LIQUIDS[name]).Tb - 273.15
    Pset, atm = gauge(rng)
    return {
        "name": name,
        "T": temperature(rng, 15, Tb - 15),
        "Q": val(rng, FLOW_LIQ),
        "Pset": Pset,
        "atm": atm,
        "out": out(rng, [("mm**2", "mm²"), ("inch**2", "in²"), ("cm**2", "cm²")]),
    }


@kind(
    "relief_devices/liquid_area_named",
    "relief_devices",
    "m**2",
    ("density", "flow_rates", "relief_valve_liquid"),
    _API + "; liquid service, 10% overpressure, Kd = 0.65, Kw = Kc = Kv = 1; liquid "
    "density at the relieving temperature from thermo 0.6 Chemical (CoolProp)",
    count=4,
    rel_tol=0.02,
    draw=_draw_relief_named,
    wordings=(
        """A relief valve protects a pump discharge against blocked outlet: it must pass
          {Q} of {name} at {T}. Set pressure {Pset}, 10% overpressure, discharge to
          atmosphere ({atm}). Using API 520 for a certified liquid valve (Kd = 0.65, no
          back-pressure, viscosity or rupture-disk correction) and the density of {name}
          at {T}, what effective area is required, in {out}?""",
        """Size a liquid PSV for {Q} of {name} at a relieving temperature of {T}: set at
          {Pset}, 10% accumulation, outlet to atmosphere ({atm}), Kd 0.65, Kw = Kc = Kv = 1.
          Convert the flow to mass flow with the liquid's density, then give the API 520
          area in {out}.""",
        """What API 520 Part I orifice area ({out}) does a thermal-relief or blocked-outlet
          valve need to relieve {Q} of liquid {name} ({T})? Set pressure {Pset} plus 10%
          overpressure; atmospheric back pressure {atm}; Kd = 0.65; correction factors
          1.""",
        """Liquid relief: {name} at {T}, required capacity {Q}, set {Pset}, overpressure
          10%, barometer {atm}, discharge to atmosphere, certified Kd 0.65, no viscosity
          correction. Required effective area in {out}?""",
    ),
)
def _(name: str, T: Val, Q: Val, Pset: Val, atm: Val, out: Out) -> float:
    from fluids import API520_A_l

    rho = _liquid(name, T.to("K"))["rho"]
    return float(
        API520_A_l(
            m=Q.to("m**3/s") * rho,
            rho=rho,
            P1=Pset.to("Pa") * 1.1 + atm.to("Pa"),
            P2=atm.to("Pa"),
            overpressure=1.1,
            Kd=0.65,
            Kc=1.0,
            Kw=1.0,
            Kv=1.0,
        )
    )


def _draw_relief_std(rng: random.Random) -> dict[str, Any]:
    gas, MW, k = pick(
        rng,
        [
            ("natural gas", 18.5, 1.27),
            ("nitrogen", 28.01, 1.4),
            ("methane", 16.04, 1.31),
            ("ethylene", 28.05, 1.24),
            ("hydrogen", 2.016, 1.41),
            ("air", 28.96, 1.4),
        ],
    )
    Pset, atm = gauge(rng)
    return {
        "gas": gas,
        "MW": MW,
        "k": k,
        **_std_flow(rng),
        "T": temperature(rng, 30, 200),
        "Z": uni(rng, 0.88, 1.0, 2),
        "Pset": Pset,
        "over": pick(rng, [10, 16, 21]),
        "atm": atm,
    }


def _relief_std_area(d: dict[str, Any]) -> float:
    """Required effective area [in^2]."""
    from fluids import API520_A_g

    m = _molar_flow(d["Qs"], d["Ts"], d["Pstd"]) * d["MW"] / 1e3
    area = API520_A_g(
        m=m,
        T=d["T"].to("K"),
        Z=d["Z"],
        MW=d["MW"],
        k=d["k"],
        P1=d["Pset"].to("Pa") * (1 + d["over"] / 100) + d["atm"].to("Pa"),
        P2=d["atm"].to("Pa"),
        Kd=0.975,
        Kb=1,
        Kc=1,
    )
    return Val(float(area), "m**2", "").to("inch**2")


def _api526_ok(d: dict[str, Any]) -> bool:
    need = _relief_std_area(d)
    return 0.2 < need < 25 and all(abs(need / a - 1) > 0.03 for a in _API526)


@kind(
    "relief_devices/api526_standard_flow",
    "relief_devices",
    "inch**2",
    ("unit_convert", "relieving_pressure", "relief_valve_gas", "api526_orifice"),
    _API + "; critical flow, Kd = 0.975, Kb = Kc = 1; standard volume to mass by the "
    "ideal-gas law; API 526 standard effective orifice areas (letters D to T)",
    count=4,
    rel_tol=0.001,
    draw=retry(_draw_relief_std, _api526_ok),
    wordings=(
        """A PSV on a {gas} line must relieve {Qs} ({ref}). Gas data: molar mass {MW} g/mol,
          k = {k}, Z = {Z}; relieving temperature {T}. Set pressure {Pset}, allowable
          overpressure {over}%, discharge to atmosphere ({atm}). Size it by API 520
          (Kd = 0.975, Kb = Kc = 1) and pick the smallest API 526 orifice that is large
          enough. What is that orifice's effective area, in in²?""",
        """Which API 526 orifice does a relief valve need for {Qs} of {gas} (flow in {ref})?
          M = {MW} g/mol, k = {k}, Z = {Z}, T = {T}; set {Pset} with {over}% overpressure;
          atmospheric outlet, barometer {atm}; API 520 with Kd 0.975. Report the selected
          orifice's effective area in in².""",
        """Relief sizing from a standard flow: {gas}, {Qs} ({ref}), molar mass {MW} g/mol,
          cp/cv {k}, compressibility {Z}, relieving at {T}. Set pressure {Pset}, {over}%
          overpressure, discharge to atmosphere at {atm}. Convert the flow to mass flow,
          size per API 520 (Kd = 0.975, conventional valve, no rupture disk), then select
          the API 526 letter. Its effective area in in²?""",
        """Select the API 526 standard orifice for a gas relief case: {Qs} ({ref}) of {gas}
          (M {MW} g/mol, k {k}, Z {Z}), {T}, set pressure {Pset} + {over}%, vented to
          atmosphere ({atm}), Kd = 0.975, Kb = Kc = 1. Give the chosen orifice's effective
          area in in².""",
    ),
)
def _(**d: Any) -> float:
    need = _relief_std_area(d)
    return next(a for a in _API526 if a >= need)


# =======================================================================================
# properties  (thermo 0.6 / chemicals 1.5 recommended methods)


def _draw_vaporiser(rng: random.Random) -> dict[str, Any]:
    return {
        "name": pick(rng, [n for n in LIQUIDS if n != "water"]),
        "m": val(
            rng,
            [
                ("kg/hour", "kg/h", 1000, 30000),
                ("lb/hour", "lb/h", 2200, 66000),
                ("tonne/hour", "t/h", 1, 30),
            ],
        ),
        "P": val(
            rng,
            [
                ("kPa", "kPa absolute", 50, 500),
                ("bar", "bar absolute", 0.5, 5),
                ("psi", "psia", 8, 70),
            ],
        ),
        "out": out(rng, [("kW", "kW"), ("MW", "MW"), ("Btu/hour", "Btu/h")]),
    }


@kind(
    "properties/vaporiser_duty",
    "properties",
    "W",
    ("saturation_temperature", "heat_of_vaporization"),
    "Boiling temperature from thermo's recommended vapour-pressure correlation (inverted), "
    "enthalpy of vaporisation there from thermo 0.6 Chemical.EnthalpyVaporization; "
    "Q = m dHvap / M",
    count=4,
    rel_tol=0.03,
    draw=_draw_vaporiser,
    wordings=(
        """A vaporiser turns {m} of saturated liquid {name} into saturated vapour at
          {P}. Find the boiling temperature of {name} at that pressure and its latent heat
          there; what duty does the vaporiser need, in {out}?""",
        """How much heat, in {out}, is needed to boil off {m} of pure {name} at {P}
          (saturated liquid in, saturated vapour out)? Use the enthalpy of vaporisation at
          the boiling temperature for that pressure.""",
        """A thermosiphon reboiler vaporises {m} of {name} at a column base pressure of
          {P}. What is the reboiler duty ({out}), taking the latent heat of {name} at its
          saturation temperature at {P}?""",
        """Duty of a {name} evaporator: {m} vaporised at {P}, feed saturated liquid,
          product saturated vapour. Give the duty in {out}.""",
    ),
)
def _(name: str, m: Val, P: Val, out: Out) -> float:
    chem = _chemical(LIQUIDS[name])
    T = _tsat(LIQUIDS[name], P.to("Pa"))
    return m.to("kg/s") * float(chem.EnthalpyVaporization(T)) / (chem.MW / 1e3)


# =======================================================================================
# rendering


def record_id(key: str, n: int) -> str:
    """``ms-<kind>-NNN``: the kind's key with its slash as a dash, numbered from 001."""
    return f"{ID_PREFIX}-{key.replace('/', '-')}-{n + 1:03d}"


def build_records() -> Iterator[dict[str, Any]]:
    """Draw, word and solve every item of every kind, in a fixed order."""
    keys = [k.key for k in KINDS]
    duplicates = [key for key, n in Counter(keys).items() if n > 1]
    if duplicates:
        raise ValueError(f"duplicate problem kind {duplicates[0]!r} in build_multistep.py")
    shared = set(keys) & {k.key for k in PROCESS_KINDS}
    if shared:  # a kind key is also a seed: never draw the same inputs as process.jsonl
        raise ValueError(f"kind {sorted(shared)[0]!r} is also a kind of the process set")
    for item in sorted(KINDS, key=lambda k: CATEGORIES.index(k.category)):
        for n in range(item.count):
            rng = ItemRandom(item.key, n)
            inputs = item.draw(rng)
            tools = tuple(inputs.pop(GOLD_TOOLS, item.tools))
            if not MIN_STEPS <= len(tools) <= MAX_STEPS:
                raise ValueError(f"{item.key} names {len(tools)} tools, not 2 to 4")
            wording = item.wordings[n % len(item.wordings)]
            try:
                answer, unit = reference_answer(item, inputs)
            except Exception as error:
                raise RuntimeError(f"{item.key} #{n} failed: {error!r}") from error
            yield {
                "id": record_id(item.key, n),
                "category": item.category,
                "question": as_sentence(wording.format(**as_shown(inputs))),
                "answer": answer,
                "unit": unit,
                "rel_tol": item.rel_tol,
                "source": item.source,
                "tools": list(tools),
                "kind": item.key,
                "steps": len(tools),
            }


def write_dataset(path: Path) -> int:
    """Write the dataset as JSONL to ``path``; return the number of problems written."""
    return write_jsonl(path, build_records())


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else Path(__file__).with_name("multistep.jsonl")
    count = write_dataset(target)
    print(f"wrote {count} problems to {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
