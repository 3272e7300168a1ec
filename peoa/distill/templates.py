"""The programmatic teacher's problem bank: one parametrised template per tool.

A :class:`Template` knows which tool solves it, which of the tool's outputs is the
answer, how to draw physically sensible inputs (each in a unit picked at random from
the units an engineer writes), and several wordings of the question. A wording is the
unit of the train/validation/test split, so a test question's phrasing is never seen
in training (:func:`split_of`).

Values are drawn in the unit they are written in and rounded to three significant
figures, so the number in the question and the number in the tool call are the same
text: the student learns to copy, never to convert.

>>> import random
>>> template = TEMPLATES["reynolds_number"]
>>> problem = template.sample(random.Random(0), wording=0)
>>> problem.tool, problem.target
('reynolds_number', 'Re')
>>> sorted(problem.arguments)
['density', 'diameter', 'velocity', 'viscosity']
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "TEMPLATES",
    "Problem",
    "Template",
    "render",
    "split_of",
]

Split = Literal["train", "validation", "test"]
Sampler = Callable[[random.Random], dict[str, Any]]


def _round(x: float, digits: int = 3) -> float:
    value = float(f"{x:.{digits}g}")
    return int(value) if value.is_integer() and abs(value) < 1e6 else value


def q(rng: random.Random, ranges: Mapping[str, tuple[float, float]]) -> dict[str, Any]:
    """A quantity ``{"value", "unit"}``: a unit drawn from ``ranges``, a value in its range."""
    unit = rng.choice(list(ranges))
    low, high = ranges[unit]
    return {"value": _round(rng.uniform(low, high)), "unit": unit}


def num(rng: random.Random, low: float, high: float, digits: int = 3) -> float:
    """A plain number in ``[low, high]`` rounded to ``digits`` significant figures."""
    return _round(rng.uniform(low, high), digits)


def render(value: Any) -> str:
    """An argument as the question writes it.

    >>> render({"value": 1.5, "unit": "m^3/h"}), render(0.25), render(["water", "ethanol"])
    ('1.5 m^3/h', '0.25', 'water and ethanol')
    """
    if isinstance(value, dict) and "value" in value:
        unit = value.get("unit") or ""
        return f"{value['value']:g} {unit}".strip() if unit != "%" else f"{value['value']:g} %"
    if isinstance(value, float | int) and not isinstance(value, bool):
        return f"{value:g}"
    if isinstance(value, list):
        items = [render(v) for v in value]
        return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
    return str(value)


@dataclass(frozen=True)
class Problem:
    """One drawn problem: its question, the tool call that solves it, and the answer's name."""

    template: str  # "<tool>/<wording index>"
    category: str
    tool: str
    target: str
    task: str  # what is computed, e.g. "the Reynolds number"
    question: str
    arguments: dict[str, Any]

    def sub_task(self, limit: int = 240) -> str:
        """The action generator's sub-task: what to compute with every given value."""
        values = "; ".join(f"{k} = {render(v)}" for k, v in self.arguments.items())
        text = f"Compute {self.task} with {values}"
        if len(text) > limit:
            text = f"Compute {self.task}: " + "; ".join(render(v) for v in self.arguments.values())
        return text[:limit]


@dataclass(frozen=True)
class Template:
    """A family of problems that one tool solves, worded several ways."""

    tool: str
    target: str
    task: str
    sample_arguments: Sampler
    wordings: tuple[str, ...]
    category: str = ""
    extra: Mapping[str, Callable[[dict[str, Any]], str]] = field(default_factory=dict)

    def sample(self, rng: random.Random, wording: int | None = None) -> Problem:
        arguments = self.sample_arguments(rng)
        index = rng.randrange(len(self.wordings)) if wording is None else wording
        fields = {k: render(v) for k, v in arguments.items()}
        fields.update({k: f(arguments) for k, f in self.extra.items()})
        return Problem(
            template=f"{self.tool}/{index}",
            category=self.category,
            tool=self.tool,
            target=self.target,
            task=self.task,
            question=self.wordings[index].format(**fields),
            arguments=arguments,
        )


def split_of(template_id: str) -> Split:
    """The split of a template id ``"<tool>/<wording>"``: one wording of each tool for
    test, one for validation, the rest for training; which one is fixed by a hash of
    the tool's name, so the assignment never depends on the seed.

    >>> sorted({split_of(f"reynolds_number/{i}") for i in range(4)})
    ['test', 'train', 'validation']
    """
    tool, _, index = template_id.rpartition("/")
    count = len(TEMPLATES[tool].wordings)
    offset = zlib.crc32(tool.encode()) % count
    position = (int(index) - offset) % count
    if position == 0:
        return "test"
    if position == 1 and count >= 4:
        return "validation"
    return "train"


# -- units an engineer writes, with sensible ranges in each --------------------------------
T_WARM = {"°C": (15, 90), "K": (290, 360), "°F": (60, 190)}
T_HOT = {"°C": (100, 250), "K": (380, 520), "°F": (220, 480)}
VELOCITY = {"m/s": (0.5, 4.0), "ft/s": (1.5, 12.0)}
DIAMETER = {"mm": (25, 300), "m": (0.025, 0.3), "in": (1, 12)}
LENGTH = {"m": (10, 500), "ft": (30, 1500)}
DENSITY_LIQ = {"kg/m^3": (700, 1200), "lb/ft^3": (44, 75), "g/cm^3": (0.7, 1.2)}
VISC_LIQ = {"mPa*s": (0.3, 20), "cP": (0.3, 20), "Pa*s": (0.0003, 0.02)}
VOLFLOW = {"m^3/h": (5, 200), "L/s": (1.5, 55), "gpm": (20, 900)}
MASSFLOW = {"kg/s": (0.5, 20), "kg/h": (1800, 72000), "lb/h": (4000, 150000)}
PRESSURE = {"bar": (1.5, 20), "kPa": (150, 2000), "psia": (22, 290), "barg": (0.5, 19)}
DP = {"kPa": (10, 500), "bar": (0.1, 5), "psi": (1.5, 70)}
HEAD = {"m": (5, 120), "ft": (16, 400)}
POWER = {"kW": (50, 2000), "MW": (0.05, 2), "W": (50000, 2000000)}
HTC = {"W/(m^2*K)": (50, 3000), "BTU/(h*ft^2*degF)": (10, 500)}
CP = {"kJ/(kg*K)": (1.8, 4.2), "J/(kg*K)": (1800, 4200)}
CONDUCTIVITY = {"W/(m*K)": (0.1, 0.7)}
LIQUIDS = ("water", "ethanol", "methanol", "benzene", "toluene", "acetone", "n-hexane",
           "n-heptane", "acetic acid", "isopropanol")  # fmt: skip
BINARIES = (("benzene", "toluene"), ("methanol", "water"), ("n-hexane", "n-heptane"),
            ("acetone", "water"), ("ethanol", "water"), ("pentane", "hexane"))  # fmt: skip
FUELS = ("methane", "ethane", "propane", "n-butane", "hydrogen", "methanol", "ethanol")


def _fractions(rng: random.Random, n: int) -> list[float]:
    raw = [rng.uniform(0.15, 1.0) for _ in range(n)]
    parts = [round(r / sum(raw), 2) for r in raw[:-1]]
    return [*parts, round(1 - sum(parts), 2)]


def _k_values(rng: random.Random, n: int) -> list[float]:
    # at least one K above and one below 1, so the feed really splits
    values = [num(rng, 1.5, 6.0), num(rng, 0.1, 0.7)]
    values += [num(rng, 0.2, 4.0) for _ in range(n - 2)]
    return values


def _hx_temperatures(rng: random.Random) -> dict[str, Any]:
    unit = rng.choice(["°C", "K", "°F"])
    shift = {"°C": 0.0, "K": 273.15, "°F": None}[unit]
    hot_in = rng.uniform(120, 200)
    hot_out = hot_in - rng.uniform(30, 70)
    cold_in = rng.uniform(15, 40)
    cold_out = cold_in + rng.uniform(20, max(21.0, hot_out - cold_in - 10))

    def conv(t: float) -> dict[str, Any]:
        value = t * 9 / 5 + 32 if shift is None else t + shift
        return {"value": _round(value, 4), "unit": unit}

    return {"T_hot_in": conv(hot_in), "T_hot_out": conv(hot_out),
            "T_cold_in": conv(cold_in), "T_cold_out": conv(cold_out)}  # fmt: skip


def _t(tool: str, category: str, target: str, task: str, sampler: Sampler, *wordings: str,
       extra: Mapping[str, Callable[[dict[str, Any]], str]] | None = None) -> Template:  # fmt: skip
    return Template(tool, target, task, sampler, tuple(wordings), category, extra or {})


_BANK: tuple[Template, ...] = (
    # -- units -----------------------------------------------------------------------
    _t(
        "unit_convert",
        "units",
        "value",
        "the converted value",
        lambda r: (
            lambda pair: {"value": num(r, *pair[2]), "from_unit": pair[0], "to_unit": pair[1]}
        )(
            r.choice(
                [
                    ("psi", "kPa", (10, 500)),
                    ("gpm", "m^3/h", (20, 900)),
                    ("lb/h", "kg/s", (1000, 90000)),
                    ("BTU/h", "kW", (1e4, 5e6)),
                    ("ft", "m", (3, 3000)),
                    ("degF", "degC", (40, 600)),
                    ("bar", "psi", (1, 100)),
                    ("kg/m^3", "lb/ft^3", (1, 1500)),
                    ("cP", "Pa*s", (0.2, 300)),
                    ("hp", "kW", (1, 800)),
                    ("m^3/h", "L/s", (1, 500)),
                    ("kJ/kg", "BTU/lb", (50, 3000)),
                ]
            )
        ),
        "Convert {value} {from_unit} to {to_unit}.",
        "What is {value} {from_unit} expressed in {to_unit}?",
        "A datasheet gives {value} {from_unit}. How much is that in {to_unit}?",
        "Express a reading of {value} {from_unit} in {to_unit}.",
    ),
    # -- properties ------------------------------------------------------------------
    _t(
        "density",
        "properties",
        "rho",
        "the density",
        lambda r: {
            "chemical": r.choice(LIQUIDS),
            "temperature": q(r, {"°C": (10, 50), "K": (285, 320)}),
        },
        "What is the density of liquid {chemical} at {temperature}?",
        "Find the density of {chemical} at {temperature} and atmospheric pressure.",
        "A tank holds {chemical} at {temperature}. Estimate its density.",
        "Density of {chemical} at a temperature of {temperature}?",
    ),
    _t(
        "viscosity",
        "properties",
        "mu",
        "the dynamic viscosity",
        lambda r: {
            "chemical": r.choice(LIQUIDS),
            "temperature": q(r, {"°C": (10, 50), "K": (285, 320)}),
        },
        "What is the dynamic viscosity of liquid {chemical} at {temperature}?",
        "Estimate the viscosity of {chemical} at {temperature}.",
        "A line carries {chemical} at {temperature}. What viscosity should be used for it?",
        "Give the viscosity of {chemical} at a temperature of {temperature}.",
    ),
    _t(
        "vapor_pressure",
        "properties",
        "Psat",
        "the vapour pressure",
        lambda r: {
            "chemical": r.choice(LIQUIDS),
            "temperature": q(r, {"°C": (10, 70), "K": (285, 340)}),
        },
        "What is the vapour pressure of {chemical} at {temperature}?",
        "Find the saturation pressure of {chemical} at {temperature}.",
        "A storage tank of {chemical} sits at {temperature}. What is its vapor pressure?",
        "Vapour pressure of {chemical} at {temperature}?",
    ),
    _t(
        "heat_capacity",
        "properties",
        "Cp",
        "the heat capacity",
        lambda r: {
            "chemical": r.choice(LIQUIDS),
            "temperature": q(r, {"°C": (10, 50), "K": (285, 320)}),
        },
        "What is the specific heat capacity of liquid {chemical} at {temperature}?",
        "Find Cp of {chemical} at {temperature}.",
        "Estimate the heat capacity of {chemical} held at {temperature}.",
        "Specific heat of {chemical} at {temperature}?",
    ),
    _t(
        "saturation_temperature",
        "properties",
        "Tsat",
        "the saturation temperature",
        lambda r: {
            "chemical": r.choice(LIQUIDS),
            "pressure": q(r, {"kPa": (50, 400), "bar": (0.5, 4), "atm": (0.5, 4)}),
        },
        "At what temperature does {chemical} boil at {pressure}?",
        "Find the saturation temperature of {chemical} at {pressure}.",
        "What is the boiling point of {chemical} under a pressure of {pressure}?",
        "A column operates at {pressure}. What is the boiling temperature of pure {chemical} there?",
    ),
    # -- pipe flow -------------------------------------------------------------------
    _t(
        "reynolds_number",
        "pipe_flow",
        "Re",
        "the Reynolds number",
        lambda r: {
            "velocity": q(r, VELOCITY),
            "diameter": q(r, DIAMETER),
            "density": q(r, DENSITY_LIQ),
            "viscosity": q(r, VISC_LIQ),
        },
        "A liquid with density {density} and viscosity {viscosity} flows at {velocity} in a pipe of {diameter} inner diameter. What is the Reynolds number?",
        "Calculate Re for flow at {velocity} through a {diameter} pipe; the fluid has density {density} and viscosity {viscosity}.",
        "Is the flow turbulent? Fluid: density {density}, viscosity {viscosity}; velocity {velocity}; pipe ID {diameter}. Give the Reynolds number.",
        "Find the Reynolds number: D = {diameter}, V = {velocity}, rho = {density}, mu = {viscosity}.",
    ),
    _t(
        "friction_factor",
        "pipe_flow",
        "fd",
        "the Darcy friction factor",
        lambda r: {"Re": num(r, 5000, 500000), "relative_roughness": num(r, 0.00001, 0.005)},
        "What is the Darcy friction factor at Re = {Re} and relative roughness {relative_roughness}?",
        "Find the friction factor for turbulent pipe flow with a Reynolds number of {Re} and e/D = {relative_roughness}.",
        "Estimate the Darcy friction factor (Colebrook) for Re {Re}, relative roughness {relative_roughness}.",
        "Flow in a pipe has Re = {Re}; the relative roughness is {relative_roughness}. Friction factor?",
    ),
    _t(
        "pipe_pressure_drop",
        "pipe_flow",
        "dP",
        "the pressure drop",
        lambda r: {
            "diameter": q(r, DIAMETER),
            "length": q(r, LENGTH),
            "density": q(r, DENSITY_LIQ),
            "viscosity": q(r, VISC_LIQ),
            "volumetric_flow": q(r, VOLFLOW),
        },
        "What is the frictional pressure drop for {volumetric_flow} of liquid (density {density}, viscosity {viscosity}) through {length} of pipe with {diameter} inner diameter?",
        "Calculate the pressure drop in a {length} long line of {diameter} ID carrying {volumetric_flow} of a fluid with density {density} and viscosity {viscosity}.",
        "A pipeline of length {length} and diameter {diameter} transports {volumetric_flow}. Fluid density {density}, viscosity {viscosity}. Find the pressure loss.",
        "Pressure drop? Pipe: {diameter} ID, {length} long. Flow: {volumetric_flow}. Fluid: rho = {density}, mu = {viscosity}.",
    ),
    # -- pumps -----------------------------------------------------------------------
    _t(
        "pump_power",
        "pumps",
        "brake_power",
        "the pump brake power",
        lambda r: {
            "density": q(r, DENSITY_LIQ),
            "volumetric_flow": q(r, VOLFLOW),
            "head": q(r, HEAD),
            "efficiency": {"value": _round(r.uniform(55, 85)), "unit": "%"},
        },
        "A pump delivers {volumetric_flow} of liquid (density {density}) against a head of {head} with an efficiency of {efficiency}. What brake power does it need?",
        "Find the shaft power of a pump moving {volumetric_flow} against {head} of head; fluid density {density}; pump efficiency {efficiency}.",
        "What is the brake power for pumping {volumetric_flow} of a liquid of density {density} through a total head of {head} at {efficiency} efficiency?",
        "Pump sizing: flow {volumetric_flow}, head {head}, density {density}, efficiency {efficiency}. Brake power?",
    ),
    _t(
        "pump_head",
        "pumps",
        "head",
        "the pump head",
        lambda r: {"density": q(r, DENSITY_LIQ), "pressure_rise": q(r, DP)},
        "A pump raises the pressure of a liquid of density {density} by {pressure_rise}. What head does it develop?",
        "What pump head corresponds to a pressure rise of {pressure_rise} for a fluid with density {density}?",
        "Convert a differential pressure of {pressure_rise} across a pump into head; the liquid density is {density}.",
        "Pump head for dP = {pressure_rise} and rho = {density}?",
    ),
    _t(
        "npsh_available",
        "pumps",
        "NPSHa",
        "the NPSH available",
        lambda r: {
            "surface_pressure": q(r, {"kPa": (95, 300), "bar": (0.95, 3)}),
            "vapor_pressure": q(r, {"kPa": (2, 40)}),
            "density": q(r, DENSITY_LIQ),
            "static_head": q(r, {"m": (0.5, 6)}),
            "friction_loss": q(r, {"m": (0.2, 2)}),
        },
        "A pump draws from a vessel at {surface_pressure}; the liquid (density {density}) has a vapour pressure of {vapor_pressure}. The liquid level is {static_head} above the pump and suction line losses are {friction_loss}. What is the NPSH available?",
        "Find NPSHa: surface pressure {surface_pressure}, vapor pressure {vapor_pressure}, density {density}, static head {static_head}, suction friction loss {friction_loss}.",
        "Calculate the net positive suction head available for a suction vessel at {surface_pressure}, liquid vapour pressure {vapor_pressure}, density {density}, elevation {static_head} and friction losses of {friction_loss}.",
        "What NPSH is available to a pump fed from a tank at {surface_pressure} with {static_head} of static head and {friction_loss} of line loss? Liquid density {density}, vapour pressure {vapor_pressure}.",
    ),
    _t(
        "pump_affinity",
        "pumps",
        "head",
        "the new pump head",
        lambda r: {
            "flow": q(r, VOLFLOW),
            "head": q(r, HEAD),
            "speed_1": q(r, {"rpm": (1450, 3600)}),
            "speed_2": q(r, {"rpm": (1000, 3000)}),
        },
        "A pump gives {flow} at {head} of head when running at {speed_1}. What head will it give at {speed_2}?",
        "Using the affinity laws, find the head of a pump slowed from {speed_1} to {speed_2}; at the original speed it delivers {flow} against {head}.",
        "A centrifugal pump rated {flow} and {head} at {speed_1} is driven by a VFD at {speed_2}. New head?",
        "Affinity laws: Q1 = {flow}, H1 = {head}, N1 = {speed_1}, N2 = {speed_2}. Find H2.",
    ),
    # -- compressors -----------------------------------------------------------------
    _t(
        "compressor_power_isentropic",
        "compressors",
        "power",
        "the compressor power",
        lambda r: {
            "T1": q(r, {"°C": (10, 40), "K": (283, 313)}),
            "P1": q(r, {"bar": (1, 5), "kPa": (100, 500)}),
            "P2": q(r, {"bar": (6, 20), "kPa": (600, 2000)}),
            "k": num(r, 1.28, 1.4),
            "efficiency": {"value": _round(r.uniform(70, 85)), "unit": "%"},
            "mass_flow": q(r, {"kg/s": (0.5, 10), "kg/h": (1800, 36000)}),
            "molar_mass": q(r, {"g/mol": (16, 44)}),
        },
        "Gas (molar mass {molar_mass}, k = {k}) enters a compressor at {T1} and {P1} and leaves at {P2}. For {mass_flow} and an isentropic efficiency of {efficiency}, what power is needed?",
        "Find the shaft power to compress {mass_flow} of gas with molar mass {molar_mass} from {P1} and {T1} to {P2}; heat capacity ratio {k}; isentropic efficiency {efficiency}.",
        "Compressor duty: inlet {P1}, {T1}; outlet {P2}; flow {mass_flow}; MW {molar_mass}; k {k}; efficiency {efficiency}. What power?",
        "What power does a compressor draw when it raises {mass_flow} of a gas (M = {molar_mass}, cp/cv = {k}) from {P1} to {P2}, suction temperature {T1}, at {efficiency} isentropic efficiency?",
    ),
    _t(
        "choked_flow",
        "compressors",
        "P_critical",
        "the critical (choking) pressure",
        lambda r: {
            "P1": q(r, {"bar": (2, 30), "kPa": (200, 3000), "psia": (30, 400)}),
            "k": num(r, 1.1, 1.67),
        },
        "Gas with k = {k} flows from a vessel at {P1}. Below what downstream pressure is the flow choked?",
        "Find the critical pressure for choked flow of a gas with heat capacity ratio {k} from an upstream pressure of {P1}.",
        "What is the choking pressure at the throat for upstream pressure {P1} and k = {k}?",
        "Critical flow: P1 = {P1}, gamma = {k}. Critical pressure?",
    ),
    # -- flow measurement ------------------------------------------------------------
    _t(
        "flow_meter_flow",
        "flow_measurement",
        "mass_flow",
        "the mass flow through the orifice",
        lambda r: (
            lambda d: {
                "pipe_diameter": {"value": d, "unit": "mm"},
                "bore_diameter": {"value": _round(d * r.uniform(0.4, 0.7)), "unit": "mm"},
                "P1": q(r, {"bar": (2, 10), "kPa": (200, 1000)}),
                "differential_pressure": q(r, {"kPa": (5, 60), "mbar": (50, 600)}),
                "density": q(r, DENSITY_LIQ),
                "viscosity": q(r, VISC_LIQ),
            }
        )(_round(r.uniform(50, 300))),
        "An orifice plate with a {bore_diameter} bore in a {pipe_diameter} pipe shows a differential pressure of {differential_pressure}. Upstream pressure {P1}; liquid density {density}, viscosity {viscosity}. What is the mass flow?",
        "Find the flow through an orifice meter: pipe {pipe_diameter}, bore {bore_diameter}, dP {differential_pressure}, P1 {P1}, density {density}, viscosity {viscosity}.",
        "What mass flow gives a {differential_pressure} reading across a {bore_diameter} orifice in a {pipe_diameter} line? The liquid has density {density} and viscosity {viscosity}; upstream pressure is {P1}.",
        "Orifice flow measurement (ISO 5167): D = {pipe_diameter}, d = {bore_diameter}, dP = {differential_pressure}, P1 = {P1}, rho = {density}, mu = {viscosity}. Mass flow?",
    ),
    # -- control valves --------------------------------------------------------------
    _t(
        "control_valve_liquid",
        "control_valves",
        "Kv",
        "the valve flow coefficient Kv",
        lambda r: {
            "volumetric_flow": q(r, VOLFLOW),
            "P1": q(r, {"bar": (6, 15)}),
            "P2": q(r, {"bar": (2, 5)}),
            "density": q(r, {"kg/m^3": (800, 1000)}),
            "vapor_pressure": q(r, {"kPa": (2, 30)}),
            "critical_pressure": q(r, {"bar": (40, 221)}),
            "viscosity": q(r, {"mPa*s": (0.5, 3), "cP": (0.5, 3)}),
        },
        "Size a control valve for {volumetric_flow} of liquid: inlet {P1}, outlet {P2}, density {density}, vapour pressure {vapor_pressure}, critical pressure {critical_pressure}, viscosity {viscosity}. What Kv is needed?",
        "What Kv does a valve need to pass {volumetric_flow} with {P1} upstream and {P2} downstream? Liquid density {density}, viscosity {viscosity}, vapor pressure {vapor_pressure}, critical pressure {critical_pressure}.",
        "Find the liquid-service flow coefficient (IEC 60534) for Q = {volumetric_flow}, P1 = {P1}, P2 = {P2}, rho = {density}, Pv = {vapor_pressure}, Pc = {critical_pressure}, mu = {viscosity}.",
        "A level control valve passes {volumetric_flow}; pressures are {P1} in and {P2} out; the liquid has density {density}, viscosity {viscosity}, vapour pressure {vapor_pressure} and critical pressure {critical_pressure}. Required Kv?",
    ),
    # -- relief ----------------------------------------------------------------------
    _t(
        "relief_valve_gas",
        "relief_devices",
        "area",
        "the required relief orifice area",
        lambda r: {
            "mass_flow": q(r, {"kg/h": (1000, 50000), "kg/s": (0.3, 14), "lb/h": (2000, 100000)}),
            "temperature": q(r, {"°C": (20, 200), "K": (293, 473)}),
            "relieving_pressure": q(r, {"bar": (5, 40), "kPa": (500, 4000), "psia": (70, 600)}),
            "molar_mass": q(r, {"g/mol": (16, 60)}),
            "k": num(r, 1.1, 1.4),
        },
        "A relief valve must pass {mass_flow} of gas (molar mass {molar_mass}, k = {k}) at {temperature} and a relieving pressure of {relieving_pressure}. What orifice area is required?",
        "Size a gas PSV per API 520: W = {mass_flow}, T = {temperature}, P1 = {relieving_pressure}, M = {molar_mass}, k = {k}. Required area?",
        "Find the effective discharge area for relieving {mass_flow} of vapour with molecular weight {molar_mass} and k {k}, at {relieving_pressure} and {temperature}.",
        "What relief area is needed for a gas flow of {mass_flow} at {temperature}, relieving pressure {relieving_pressure}, molar mass {molar_mass}, heat capacity ratio {k}?",
    ),
    _t(
        "relief_valve_liquid",
        "relief_devices",
        "area",
        "the required liquid relief area",
        lambda r: {
            "mass_flow": q(r, {"kg/h": (5000, 100000), "kg/s": (1, 30)}),
            "density": q(r, DENSITY_LIQ),
            "set_pressure": q(r, {"bar": (5, 30), "barg": (4, 29), "psig": (60, 400)}),
        },
        "A liquid relief valve set at {set_pressure} must pass {mass_flow} of liquid with density {density}. What area is required?",
        "Size a PSV in liquid service (API 520): flow {mass_flow}, density {density}, set pressure {set_pressure}.",
        "What orifice area does a thermal relief valve need to discharge {mass_flow} of a liquid of density {density} with a set pressure of {set_pressure}?",
        "Liquid relief: W = {mass_flow}, rho = {density}, Pset = {set_pressure}. Required area?",
    ),
    # -- heat exchangers -------------------------------------------------------------
    _t(
        "hx_lmtd",
        "heat_exchangers",
        "LMTD",
        "the log-mean temperature difference",
        _hx_temperatures,
        "A counter-current exchanger cools a hot stream from {T_hot_in} to {T_hot_out} while heating a cold stream from {T_cold_in} to {T_cold_out}. What is the LMTD?",
        "Find the log-mean temperature difference: hot side {T_hot_in} in, {T_hot_out} out; cold side {T_cold_in} in, {T_cold_out} out.",
        "What LMTD should be used for an exchanger with hot inlet {T_hot_in}, hot outlet {T_hot_out}, cold inlet {T_cold_in} and cold outlet {T_cold_out}?",
        "Terminal temperatures {T_hot_in} -> {T_hot_out} (hot) and {T_cold_in} -> {T_cold_out} (cold), countercurrent. Log-mean temperature difference?",
    ),
    _t(
        "hx_duty",
        "heat_exchangers",
        "Q_abs",
        "the heat duty",
        lambda r: {
            "mass_flow": q(r, MASSFLOW),
            "specific_heat": q(r, CP),
            "T_in": q(r, {"°C": (20, 40)}),
            "T_out": q(r, {"°C": (60, 95)}),
        },
        "What duty is needed to heat {mass_flow} of liquid with heat capacity {specific_heat} from {T_in} to {T_out}?",
        "Find the heat load for {mass_flow} of a stream (cp {specific_heat}) heated from {T_in} to {T_out}.",
        "A heater warms {mass_flow} from {T_in} to {T_out}; the fluid's specific heat is {specific_heat}. What is the heat duty?",
        "Sensible heat: m = {mass_flow}, cp = {specific_heat}, T1 = {T_in}, T2 = {T_out}. Duty?",
    ),
    _t(
        "hx_area",
        "heat_exchangers",
        "A",
        "the heat-transfer area",
        lambda r: {
            "duty": q(r, POWER),
            "U": q(r, HTC),
            "LMTD": q(r, {"K": (10, 60), "°C": (10, 60)}),
        },
        "An exchanger must transfer {duty} with an overall coefficient of {U} and an LMTD of {LMTD}. What area is needed?",
        "Find the required heat-transfer area for Q = {duty}, U = {U}, LMTD = {LMTD}.",
        "What surface does a cooler need for a duty of {duty} when U is {U} and the mean temperature difference is {LMTD}?",
        "Area of a heat exchanger with duty {duty}, overall U {U}, log-mean temperature difference {LMTD}?",
    ),
    _t(
        "hx_overall_u",
        "heat_exchangers",
        "U_outer",
        "the overall heat-transfer coefficient",
        lambda r: {"h_inner": q(r, HTC), "h_outer": q(r, HTC)},
        "The tube-side film coefficient is {h_inner} and the shell-side one is {h_outer}. What is the overall heat-transfer coefficient (thin wall, clean)?",
        "Find U from film coefficients h_i = {h_inner} and h_o = {h_outer}.",
        "Combine an inside coefficient of {h_inner} with an outside coefficient of {h_outer} into an overall U.",
        "Overall coefficient for film coefficients {h_inner} (inside) and {h_outer} (outside)?",
    ),
    _t(
        "hx_ntu_from_effectiveness",
        "heat_exchangers",
        "NTU",
        "the number of transfer units",
        lambda r: {"effectiveness": num(r, 0.3, 0.8, 2), "Cr": num(r, 0.2, 0.9, 2)},
        "A counterflow exchanger must reach an effectiveness of {effectiveness} with a capacity ratio of {Cr}. How many transfer units are needed?",
        "Find NTU for effectiveness {effectiveness} and Cr = {Cr}.",
        "What NTU gives an effectiveness of {effectiveness} when Cmin/Cmax = {Cr}?",
        "epsilon = {effectiveness}, Cr = {Cr}: number of transfer units?",
    ),
    # -- heat transfer ---------------------------------------------------------------
    _t(
        "nu_dittus_boelter",
        "heat_transfer",
        "h",
        "the film coefficient",
        lambda r: {
            "diameter": q(r, {"mm": (10, 50)}),
            "thermal_conductivity": q(r, CONDUCTIVITY),
            "Re": num(r, 12000, 200000),
            "Pr": num(r, 1, 20),
        },
        "Water flows in a {diameter} tube with Re = {Re} and Pr = {Pr}; its thermal conductivity is {thermal_conductivity}. What is the heat-transfer coefficient (Dittus-Boelter)?",
        "Find the tube-side film coefficient from Re {Re}, Pr {Pr}, tube diameter {diameter} and k = {thermal_conductivity}.",
        "Estimate h inside a tube of {diameter} ID for turbulent flow, Reynolds {Re}, Prandtl {Pr}, fluid conductivity {thermal_conductivity}.",
        "Dittus-Boelter: D = {diameter}, k = {thermal_conductivity}, Re = {Re}, Pr = {Pr}. Heat-transfer coefficient?",
    ),
    _t(
        "nu_gnielinski",
        "heat_transfer",
        "Nu",
        "the Nusselt number",
        lambda r: {
            "diameter": q(r, {"mm": (10, 50)}),
            "thermal_conductivity": q(r, CONDUCTIVITY),
            "Re": num(r, 5000, 200000),
            "Pr": num(r, 0.7, 20),
        },
        "Use the Gnielinski correlation to find the Nusselt number for Re = {Re}, Pr = {Pr} in a {diameter} tube (fluid k = {thermal_conductivity}).",
        "What Nusselt number does Gnielinski give at a Reynolds number of {Re} and Prandtl number of {Pr}? Tube {diameter}, conductivity {thermal_conductivity}.",
        "Turbulent tube flow: Re {Re}, Pr {Pr}, D {diameter}, k {thermal_conductivity}. Nu by Gnielinski?",
        "Find Nu (Gnielinski) for a {diameter} pipe, Re {Re}, Pr {Pr}, k {thermal_conductivity}.",
    ),
    # -- VLE -------------------------------------------------------------------------
    _t(
        "flash_rachford_rice",
        "vle",
        "vapor_fraction",
        "the vapour fraction",
        lambda r: (lambda n: {"z": _fractions(r, n), "K": _k_values(r, n)})(r.choice([2, 3])),
        "A feed with mole fractions {z} is flashed where the K-values are {K}. What fraction is vaporised?",
        "Solve the Rachford-Rice equation for z = {z} and K = {K}.",
        "Find the vapour fraction V/F of a flash drum: feed composition {z}, equilibrium ratios {K}.",
        "Isothermal flash with K-values {K} for a feed of composition {z}: vapor fraction?",
    ),
    _t(
        "vle_bubble_point",
        "vle",
        "P",
        "the bubble-point pressure",
        lambda r: (
            lambda pair: {
                "components": list(pair),
                "x": _fractions(r, 2),
                "temperature": q(r, {"°C": (40, 90), "K": (313, 363)}),
            }
        )(r.choice(BINARIES)),
        "What is the bubble-point pressure of a liquid of {components} with mole fractions {x} at {temperature}?",
        "Find the bubble pressure at {temperature} for a mixture of {components}, x = {x}.",
        "A liquid mixture ({components}; composition {x}) is held at {temperature}. At what pressure does it start to boil?",
        "Bubble point pressure: components {components}, liquid mole fractions {x}, temperature {temperature}?",
    ),
    # -- distillation ----------------------------------------------------------------
    _t(
        "fenske_min_stages",
        "distillation",
        "N_min",
        "the minimum number of stages",
        lambda r: {
            "alpha": num(r, 1.3, 4.0),
            "xD_light": num(r, 0.9, 0.99, 2),
            "xB_light": num(r, 0.01, 0.1, 2),
        },
        "A binary column makes a distillate with {xD_light} light key and a bottoms with {xB_light}; the relative volatility is {alpha}. What is the minimum number of stages?",
        "Find N_min by the Fenske equation: alpha = {alpha}, xD = {xD_light}, xB = {xB_light}.",
        "How many theoretical stages at total reflux are needed to go from {xB_light} to {xD_light} light component at a relative volatility of {alpha}?",
        "Fenske: relative volatility {alpha}, distillate purity {xD_light}, bottoms light-key fraction {xB_light}. Minimum stages?",
    ),
    _t(
        "gilliland_stages",
        "distillation",
        "N",
        "the number of stages",
        lambda r: (
            lambda rmin: {
                "N_min": num(r, 5, 20),
                "R_min": rmin,
                "R": _round(rmin * r.uniform(1.15, 2.0)),
            }
        )(num(r, 0.8, 3.0)),
        "A column needs {N_min} stages at total reflux and has a minimum reflux ratio of {R_min}. How many stages at a reflux ratio of {R}?",
        "Use Gilliland's correlation: N_min = {N_min}, R_min = {R_min}, R = {R}. Number of stages?",
        "Find the theoretical stages for operating reflux {R} when the minimum reflux is {R_min} and the minimum stages are {N_min}.",
        "Stages by Gilliland at R = {R} (Rmin = {R_min}, Nmin = {N_min})?",
    ),
    # -- reactors --------------------------------------------------------------------
    _t(
        "ergun_pressure_drop",
        "reactors",
        "pressure_drop",
        "the packed-bed pressure drop",
        lambda r: {
            "particle_diameter": q(r, {"mm": (2, 10)}),
            "voidage": num(r, 0.35, 0.5, 2),
            "superficial_velocity": q(r, {"m/s": (0.05, 1.0)}),
            "density": q(r, {"kg/m^3": (1, 10)}),
            "viscosity": q(r, {"Pa*s": (1.5e-5, 3e-5), "cP": (0.015, 0.03)}),
            "length": q(r, {"m": (1, 8)}),
        },
        "Gas (density {density}, viscosity {viscosity}) flows at a superficial velocity of {superficial_velocity} through a {length} bed of {particle_diameter} particles with voidage {voidage}. What is the pressure drop?",
        "Find the Ergun pressure drop: dp = {particle_diameter}, epsilon = {voidage}, u = {superficial_velocity}, rho = {density}, mu = {viscosity}, L = {length}.",
        "What pressure loss does a packed bed {length} deep cause? Particles {particle_diameter}, void fraction {voidage}, gas velocity {superficial_velocity}, gas density {density}, viscosity {viscosity}.",
        "Packed bed: particle size {particle_diameter}, porosity {voidage}, bed length {length}; gas at {superficial_velocity}, {density}, {viscosity}. Pressure drop?",
    ),
    _t(
        "adiabatic_temperature_rise",
        "reactors",
        "temperature",
        "the adiabatic outlet temperature",
        lambda r: {
            "inlet_temperature": q(r, {"K": (300, 500), "°C": (30, 220)}),
            "heat_of_reaction": {"value": -_round(r.uniform(20, 150)), "unit": "kJ/mol"},
            "conversion": num(r, 0.3, 0.95, 2),
            "sum_theta_cp": q(r, {"J/(mol*K)": (80, 400)}),
        },
        "A feed enters an adiabatic reactor at {inlet_temperature}. The heat of reaction is {heat_of_reaction} and sum(theta_i Cp_i) is {sum_theta_cp}. What is the outlet temperature at conversion {conversion}?",
        "Find the adiabatic reactor exit temperature: T0 = {inlet_temperature}, dHrx = {heat_of_reaction}, X = {conversion}, sum theta Cp = {sum_theta_cp}.",
        "What temperature does an adiabatic reactor reach at {conversion} conversion, with inlet {inlet_temperature}, heat of reaction {heat_of_reaction} and feed heat capacity sum {sum_theta_cp}?",
        "Adiabatic energy balance: inlet {inlet_temperature}, conversion {conversion}, dH_rxn {heat_of_reaction}, sum theta*Cp {sum_theta_cp}. Outlet T?",
    ),
    # -- balances --------------------------------------------------------------------
    _t(
        "heat_of_combustion",
        "balances",
        "LHV_mass",
        "the lower heating value per kg",
        lambda r: {"fuel": r.choice(FUELS)},
        "What is the lower heating value of {fuel} per kilogram?",
        "Find the LHV of {fuel} on a mass basis.",
        "How much heat does burning one kg of {fuel} release (lower heating value)?",
        "Net heating value of {fuel}, per kg?",
    ),
    # -- psychrometrics and steam ----------------------------------------------------
    _t(
        "humid_air_properties",
        "psychrometrics",
        "humidity_ratio",
        "the humidity ratio",
        lambda r: {
            "dry_bulb": q(r, {"°C": (15, 40), "°F": (60, 100)}),
            "relative_humidity": {"value": _round(r.uniform(20, 90)), "unit": "%"},
        },
        "Air is at {dry_bulb} and {relative_humidity} relative humidity. What is its humidity ratio?",
        "Find the moisture content (kg water per kg dry air) of air at {dry_bulb} dry bulb and {relative_humidity} RH.",
        "What humidity ratio does ambient air at {dry_bulb} with a relative humidity of {relative_humidity} have?",
        "Psychrometrics: dry bulb {dry_bulb}, RH {relative_humidity}. Humidity ratio?",
    ),
    _t(
        "steam_saturation",
        "steam",
        "T_sat",
        "the saturation temperature of steam",
        lambda r: {"pressure": q(r, {"bar": (1.5, 40), "kPa": (150, 4000), "psia": (22, 580)})},
        "At what temperature does water boil at {pressure}?",
        "Find the saturation temperature of steam at {pressure}.",
        "What is the temperature of saturated steam at a pressure of {pressure}?",
        "Steam tables: Tsat at {pressure}?",
    ),
    _t(
        "steam_properties",
        "steam",
        "enthalpy",
        "the specific enthalpy of steam",
        lambda r: {"temperature": q(r, {"°C": (250, 500)}), "pressure": q(r, {"bar": (1, 20)})},
        "What is the specific enthalpy of superheated steam at {pressure} and {temperature}?",
        "Find the enthalpy of steam at {temperature} and {pressure}.",
        "Superheated steam leaves a boiler at {pressure} and {temperature}. What is its enthalpy?",
        "Steam at {pressure}, {temperature}: specific enthalpy?",
    ),
    # -- thermodynamics: states, devices, cycles ---------------------------------------
    _t(
        "fluid_state",
        "thermodynamics",
        "entropy",
        "the specific entropy of a fluid",
        lambda r: {
            "fluid": r.choice(("R134a", "ammonia", "nitrogen", "carbon dioxide", "propane")),
            "pressure": q(r, {"bar": (2, 20), "kPa": (200, 2000)}),
            "temperature": q(r, {"°C": (60, 150)}),
        },
        "What is the specific entropy of {fluid} at {pressure} and {temperature}?",
        "Find the entropy of superheated {fluid} vapour at {temperature} and {pressure}.",
        "{fluid} gas at {pressure}, {temperature}: specific entropy?",
    ),
    _t(
        "mixture_state",
        "thermodynamics",
        "density",
        "the density of a gas mixture",
        lambda r: {
            "components": ["methane", "ethane", "propane"],
            "z": _fractions(r, 3),
            "pressure": q(r, {"bar": (20, 70), "MPa": (2, 7)}),
            "temperature": q(r, {"°C": (10, 50)}),
        },
        "A natural gas of {components} with mole fractions {z} is at {pressure} and {temperature}. What is its density?",
        "Find the density of a gas mixture of {components} (mole fractions {z}) at {temperature} and {pressure}.",
    ),
    _t(
        "throttling_valve",
        "thermodynamics",
        "quality_out",
        "the quality after the valve",
        lambda r: {
            "fluid": r.choice(("R134a", "ammonia", "R22", "propane")),
            "P1": q(r, {"MPa": (0.9, 1.4), "bar": (9, 14)}),
            "P2": q(r, {"kPa": (150, 300)}),
            "quality_in": 0,
        },
        "Saturated liquid {fluid} at {P1} is throttled to {P2}. What is the quality after throttling?",
        "An expansion valve drops saturated liquid {fluid} from {P1} to {P2}. Find the vapour fraction at the valve exit.",
        "{fluid}, saturated liquid at {P1}, expands through a throttling valve to {P2}. Exit quality?",
    ),
    _t(
        "nozzle_or_diffuser",
        "thermodynamics",
        "V2",
        "the nozzle exit velocity",
        lambda r: {
            "fluid": "steam",
            "P1": q(r, {"MPa": (2, 4)}),
            "T1": q(r, {"°C": (350, 450)}),
            "V1": q(r, {"m/s": (20, 60)}),
            "P2": q(r, {"MPa": (1.0, 1.8)}),
        },
        "Steam at {P1} and {T1} enters an adiabatic nozzle at {V1} and leaves at {P2}. What is the exit velocity?",
        "Find the velocity at the exit of a nozzle expanding steam from {P1}, {T1} (inlet velocity {V1}) to {P2}, isentropically.",
        "Isentropic steam nozzle: inlet {P1}, {T1}, {V1}; outlet pressure {P2}. Exit velocity?",
    ),
    _t(
        "mixing_chamber",
        "thermodynamics",
        "T_out",
        "the mixed outlet temperature",
        lambda r: {
            "fluid": "water",
            "pressure": q(r, {"kPa": (150, 400)}),
            "T1": q(r, {"°C": (10, 30)}),
            "mass_flow_1": q(r, {"kg/s": (1, 5)}),
            "T2": q(r, {"°C": (60, 90)}),
            "mass_flow_2": q(r, {"kg/s": (0.5, 3)}),
        },
        "In a mixing chamber at {pressure}, {mass_flow_1} of water at {T1} mixes with {mass_flow_2} of water at {T2}. What is the temperature of the mixture?",
        "Cold water ({mass_flow_1}, {T1}) and hot water ({mass_flow_2}, {T2}) mix adiabatically at {pressure}. Find the exit temperature.",
        "Adiabatic mixing of water at {pressure}: stream 1 {mass_flow_1} at {T1}, stream 2 {mass_flow_2} at {T2}. Mixture temperature?",
    ),
    _t(
        "fluid_heat_duty",
        "thermodynamics",
        "heat_duty",
        "the boiler heat input",
        lambda r: {
            "fluid": "water",
            "P1": q(r, {"MPa": (2, 12)}),
            "T1": q(r, {"°C": (40, 120)}),
            "T2": q(r, {"°C": (400, 550)}),
            "mass_flow": q(r, {"kg/s": (5, 50)}),
        },
        "Feedwater at {P1} and {T1} enters a boiler at {mass_flow} and leaves as superheated steam at {T2}. What is the rate of heat transfer in the boiler?",
        "How much heat must a steam generator supply to take {mass_flow} of water at {P1}, {T1} to steam at {T2} at the same pressure?",
        "Boiler: {mass_flow} of water in at {P1}, {T1}; out at {T2}. Heat duty?",
    ),
    _t(
        "two_stream_energy_balance",
        "thermodynamics",
        "cold_mass_flow",
        "the cooling water flow",
        lambda r: {
            "hot_fluid": r.choice(("R134a", "ammonia")),
            "cold_fluid": "water",
            "hot_pressure": q(r, {"MPa": (1.0, 1.4)}),
            "hot_T_in": q(r, {"°C": (60, 80)}),
            "hot_T_out": q(r, {"°C": (20, 30)}),
            "hot_mass_flow": q(r, {"kg/min": (3, 12)}),
            "cold_pressure": q(r, {"kPa": (200, 400)}),
            "cold_T_in": q(r, {"°C": (10, 14)}),
            "cold_T_out": q(r, {"°C": (18, 25)}),
        },
        "{hot_fluid} at {hot_pressure} and {hot_T_in} ({hot_mass_flow}) is cooled in a condenser to {hot_T_out} by cooling water at {cold_pressure} that warms from {cold_T_in} to {cold_T_out}. What mass flow of cooling water is needed?",
        "A water-cooled condenser takes {hot_mass_flow} of {hot_fluid} from {hot_pressure}, {hot_T_in} to {hot_T_out}; the water ({cold_pressure}) rises from {cold_T_in} to {cold_T_out}. Find the water flow rate.",
    ),
    _t(
        "reversible_compression_work",
        "thermodynamics",
        "work_specific",
        "the reversible compression work",
        lambda r: {
            "gas": r.choice(("air", "nitrogen", "helium", "methane")),
            "process": "isothermal",
            "P1": q(r, {"kPa": (90, 120)}),
            "T1": q(r, {"K": (280, 320)}),
            "P2": q(r, {"kPa": (500, 1200)}),
        },
        "{gas} is compressed reversibly and isothermally from {P1} and {T1} to {P2}. What is the work input per kg?",
        "Find the specific work of an isothermal, reversible compression of {gas} from {P1} to {P2} at {T1}.",
        "Reversible isothermal compressor on {gas}: {P1}, {T1} to {P2}. Work per unit mass?",
    ),
    _t(
        "carnot_limits",
        "thermodynamics",
        "efficiency",
        "the Carnot efficiency",
        lambda r: {
            "T_hot": q(r, {"°C": (300, 900), "K": (600, 1200)}),
            "T_cold": q(r, {"°C": (10, 40)}),
        },
        "A heat engine works between a source at {T_hot} and a sink at {T_cold}. What is the highest thermal efficiency it can have?",
        "What is the Carnot efficiency of an engine receiving heat at {T_hot} and rejecting it at {T_cold}?",
        "Reversible engine, {T_hot} source, {T_cold} sink: maximum efficiency?",
    ),
    _t(
        "rankine_cycle",
        "cycles",
        "thermal_efficiency",
        "the Rankine cycle efficiency",
        lambda r: {
            "boiler_pressure": q(r, {"MPa": (3, 15)}),
            "turbine_inlet_temperature": q(r, {"°C": (400, 600)}),
            "condenser_pressure": q(r, {"kPa": (8, 75)}),
        },
        "A steam power plant runs on the ideal Rankine cycle: steam enters the turbine at {boiler_pressure} and {turbine_inlet_temperature}, and the condenser pressure is {condenser_pressure}. What is the thermal efficiency?",
        "Find the thermal efficiency of a simple ideal Rankine cycle with a boiler at {boiler_pressure}, turbine inlet {turbine_inlet_temperature} and condenser at {condenser_pressure}.",
        "Ideal Rankine: {boiler_pressure}, {turbine_inlet_temperature} at the turbine inlet; {condenser_pressure} condenser. Cycle efficiency?",
    ),
    _t(
        "rankine_regenerative_cycle",
        "cycles",
        "thermal_efficiency",
        "the regenerative cycle efficiency",
        lambda r: {
            "boiler_pressure": q(r, {"MPa": (8, 15)}),
            "turbine_inlet_temperature": q(r, {"°C": (450, 600)}),
            "heater_pressure": q(r, {"MPa": (0.4, 1.5)}),
            "condenser_pressure": q(r, {"kPa": (8, 20)}),
        },
        "An ideal regenerative Rankine cycle has one open feedwater heater at {heater_pressure}. Steam enters the turbine at {boiler_pressure} and {turbine_inlet_temperature}; the condenser is at {condenser_pressure}. What is the thermal efficiency?",
        "Steam at {boiler_pressure}, {turbine_inlet_temperature} expands in a turbine with a bleed at {heater_pressure} to an open feedwater heater and exhausts to a condenser at {condenser_pressure}. Find the cycle efficiency.",
    ),
    _t(
        "brayton_cycle",
        "cycles",
        "thermal_efficiency",
        "the Brayton cycle efficiency",
        lambda r: {
            "pressure_ratio": num(r, 6, 16, 2),
            "T1": q(r, {"K": (290, 310)}),
            "T3": q(r, {"K": (1100, 1500)}),
        },
        "A gas-turbine plant works on the ideal Brayton cycle with a pressure ratio of {pressure_ratio}. Air enters the compressor at {T1} and the turbine at {T3}. What is the thermal efficiency?",
        "Find the thermal efficiency of an ideal Brayton cycle: compressor inlet {T1}, turbine inlet {T3}, pressure ratio {pressure_ratio}.",
        "Brayton cycle, rp = {pressure_ratio}, T1 = {T1}, T3 = {T3}: efficiency?",
    ),
    _t(
        "refrigeration_cycle",
        "cycles",
        "cop_refrigerator",
        "the refrigerator's COP",
        lambda r: {
            "refrigerant": r.choice(("R134a", "ammonia", "R22")),
            "evaporator_pressure": q(r, {"kPa": (120, 250)}),
            "condenser_pressure": q(r, {"MPa": (0.8, 1.2)}),
        },
        "A refrigerator uses {refrigerant} on the ideal vapour-compression cycle between {evaporator_pressure} and {condenser_pressure}. What is its COP?",
        "Find the coefficient of performance of an ideal vapor-compression refrigeration cycle with {refrigerant}, evaporator at {evaporator_pressure}, condenser at {condenser_pressure}.",
        "Ideal refrigeration cycle, {refrigerant}, {evaporator_pressure} / {condenser_pressure}: COP?",
    ),
    # -- stoichiometry, ideal gases, compressible and open-channel flow, costs ---------
    _t(
        "molar_mass",
        "stoichiometry",
        "MW",
        "the molar mass",
        lambda r: {
            "formula": r.choice(
                (
                    "H2SO4",
                    "CaCO3",
                    "NaOH",
                    "C6H12O6",
                    "HNO3",
                    "NH4NO3",
                    "Ca(OH)2",
                    "Na2CO3",
                    "KMnO4",
                    "C2H5OH",
                )
            )
        },
        "What is the molar mass of {formula}?",
        "Calculate the molecular weight of {formula}.",
        "Molar mass of {formula} in g/mol?",
    ),
    _t(
        "element_mass_fraction",
        "stoichiometry",
        "mass_fraction",
        "the mass fraction of an element",
        lambda r: r.choice(
            (
                {"formula": "H2SO4", "element": "oxygen"},
                {"formula": "CaCO3", "element": "calcium"},
                {"formula": "C6H12O6", "element": "carbon"},
                {"formula": "NH4NO3", "element": "nitrogen"},
                {"formula": "KMnO4", "element": "manganese"},
                {"formula": "NaOH", "element": "sodium"},
            )
        ),
        "What is the mass fraction of {element} in {formula}?",
        "Find the weight percent of {element} in {formula}.",
    ),
    _t(
        "combustion_air",
        "stoichiometry",
        "air_fuel_ratio_mass",
        "the air-fuel ratio",
        lambda r: {
            "fuel": r.choice(("methane", "propane", "butane", "octane", "ethane", "ethanol")),
            "excess_air": {"value": _round(r.uniform(5, 60)), "unit": "%"},
        },
        "{fuel} burns with {excess_air} excess air. What is the air-fuel ratio by mass?",
        "Find the mass air-fuel ratio for the complete combustion of {fuel} with {excess_air} excess air.",
        "Combustion of {fuel}, {excess_air} excess air: air to fuel ratio (kg air per kg fuel)?",
    ),
    _t(
        "composition_convert",
        "stoichiometry",
        "MW",
        "the average molar mass",
        lambda r: (
            lambda x: {
                "components": list(
                    r.choice(
                        (
                            ("methane", "ethane"),
                            ("nitrogen", "oxygen"),
                            ("methanol", "water"),
                            ("propane", "butane"),
                        )
                    )
                ),
                "mole_fractions": [
                    {"value": x, "unit": "mol%"},
                    {"value": _round(100 - x), "unit": "mol%"},
                ],
            }
        )(_round(r.uniform(20, 80), 2)),
        "A mixture is {mole_fractions} of {components}, in that order. What is its average molar mass?",
        "Find the mean molecular weight of a gas of {mole_fractions} ({components} respectively).",
    ),
    _t(
        "ideal_gas_state",
        "properties",
        "density",
        "the ideal-gas density",
        lambda r: {
            "gas": r.choice(("air", "nitrogen", "carbon dioxide", "methane", "oxygen")),
            "pressure": q(r, {"kPa": (90, 600), "bar": (1, 6)}),
            "temperature": q(r, {"°C": (0, 150), "K": (280, 420)}),
        },
        "What is the density of {gas} at {pressure} and {temperature}, treating it as an ideal gas?",
        "Find the ideal-gas density of {gas} at {temperature} and {pressure}.",
        "{gas} as a perfect gas at {pressure}, {temperature}: density?",
    ),
    _t(
        "isentropic_flow",
        "compressors",
        "P_P0",
        "the static to stagnation pressure ratio",
        lambda r: {"Mach": num(r, 0.2, 3.0, 2), "k": r.choice((1.4, 1.3, 1.67))},
        "A gas with k = {k} flows isentropically at Mach {Mach}. What is the ratio of static to stagnation pressure?",
        "Find P/P0 for isentropic flow at a Mach number of {Mach} (k = {k}).",
    ),
    _t(
        "antoine_vapor_pressure",
        "vle",
        "vapor_pressure",
        "the Antoine vapour pressure",
        lambda r: {
            "A": num(r, 6.8, 7.2, 5),
            "B": num(r, 1100, 1500, 5),
            "C": num(r, 200, 235, 4),
            "temperature": q(r, {"°C": (20, 90)}),
            "pressure_unit": "mmHg",
            "temperature_unit": "degC",
        },
        "Antoine constants A = {A}, B = {B}, C = {C} (log10, P in mmHg, T in °C). What is the vapour pressure at {temperature}?",
        "With the Antoine equation log10 P = A - B/(T + C), A = {A}, B = {B}, C = {C} (mmHg, °C), find the vapour pressure at {temperature}.",
    ),
    _t(
        "pump_energy_cost",
        "pumps",
        "yearly_cost",
        "the yearly energy cost",
        lambda r: {
            "shaft_power": q(r, {"kW": (5, 200)}),
            "motor_efficiency": {"value": _round(r.uniform(88, 96)), "unit": "%"},
            "operating_hours": {"value": _round(r.uniform(4000, 8760)), "unit": "h"},
            "electricity_price": num(r, 0.05, 0.25, 2),
        },
        "A pump takes {shaft_power} of shaft power and runs {operating_hours} a year. Its motor is {motor_efficiency} efficient and power costs {electricity_price} per kWh. What is the yearly energy cost?",
        "Find the annual electricity cost of a {shaft_power} pump (motor efficiency {motor_efficiency}) running {operating_hours} per year at {electricity_price} per kWh.",
    ),
    _t(
        "open_channel_flow",
        "pipe_flow",
        "volumetric_flow",
        "the channel flow",
        lambda r: {
            "width": q(r, {"m": (0.5, 5)}),
            "depth": q(r, {"m": (0.2, 1.5)}),
            "slope": num(r, 0.0002, 0.005, 2),
            "manning_n": num(r, 0.011, 0.03, 2),
        },
        "A rectangular channel {width} wide carries water at a uniform depth of {depth}. The bed slope is {slope} and Manning's n is {manning_n}. What is the flow rate?",
        "Find the discharge of a rectangular open channel: width {width}, flow depth {depth}, slope {slope}, n = {manning_n}.",
    ),
    _t(
        "condensate_flash",
        "steam",
        "flash_flow",
        "the flash steam flow",
        lambda r: {
            "pressure_in": q(r, {"bar": (6, 20), "psia": (90, 290)}),
            "pressure_out": q(r, {"bar": (1.05, 4), "kPa": (105, 400)}),
            "mass_flow": q(r, {"kg/h": (1000, 20000), "t/h": (1, 20)}),
        },
        "Saturated condensate at {pressure_in} ({mass_flow}) is let down to a flash vessel at {pressure_out}. How much flash steam forms?",
        "What mass flow of low-pressure flash steam is recovered when {mass_flow} of condensate saturated at {pressure_in} flashes to {pressure_out}?",
        "Condensate from steam traps, {mass_flow} of saturated liquid at {pressure_in}, flashes at {pressure_out}. Flash steam flow?",
    ),
    _t(
        "ideal_gas_heat_capacity",
        "compressors",
        "cp",
        "the ideal-gas specific heat cp",
        lambda r: {
            "k": num(r, 1.1, 1.67),
            "molar_mass": q(r, {"g/mol": (2, 80), "kg/kmol": (2, 80)}),
        },
        "An ideal gas has k = {k} and a molar mass of {molar_mass}. What is its cp?",
        "Find the specific heat at constant pressure of an ideal gas with heat capacity ratio {k} and molecular weight {molar_mass}.",
        "Gas with cp/cv = {k} and M = {molar_mass}: constant-pressure specific heat, treating it as ideal?",
    ),
    _t(
        "fired_heater_fuel",
        "balances",
        "fuel_mass_flow",
        "the fuel flow",
        lambda r: {
            "duty": q(r, {"MW": (2, 60), "kW": (2000, 60000)}),
            "heating_value": q(r, {"MJ/kg": (40, 52)}),
            "efficiency": {"value": _round(r.uniform(75, 92)), "unit": "%"},
        },
        "A fired heater absorbs {duty} with a thermal efficiency of {efficiency}. The fuel's lower heating value is {heating_value}. How much fuel does it burn?",
        "What fuel flow does a furnace need for a process duty of {duty} at {efficiency} efficiency, burning a fuel of heating value {heating_value}?",
        "Furnace: absorbed duty {duty}, efficiency {efficiency} (LHV basis), LHV {heating_value}. Fuel rate?",
    ),
    _t(
        "air_heating_coil",
        "psychrometrics",
        "duty",
        "the coil duty",
        lambda r: {
            "volumetric_flow": q(r, {"m^3/h": (2000, 40000), "CFM": (1000, 20000)}),
            "T_in": q(r, {"°C": (0, 18)}),
            "relative_humidity": {"value": _round(r.uniform(30, 80)), "unit": "%"},
            "T_out": q(r, {"°C": (25, 45)}),
        },
        "A heating coil warms {volumetric_flow} of air (at the inlet state) from {T_in} and {relative_humidity} relative humidity to {T_out}. No moisture is added. What is its duty?",
        "Sensible heating of {volumetric_flow} of moist air entering at {T_in} with {relative_humidity} RH, leaving at {T_out}: coil load?",
        "How much heat does it take to warm {volumetric_flow} of air measured at the inlet from {T_in} ({relative_humidity} RH) to {T_out}?",
    ),
)

#: The templates by tool name.
TEMPLATES: dict[str, Template] = {t.tool: t for t in _BANK}
