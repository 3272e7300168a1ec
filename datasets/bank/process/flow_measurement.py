"""Process-set kinds: flow measurement (ISO 5167 through fluids.flow_meter)."""

from __future__ import annotations

import random
from typing import Any

from bank.core import (
    R_GAS,
    Kind,
    Out,
    Val,
    out,
    pick,
    registrar,
    sig,
    uni,
    val,
)

KINDS: list[Kind] = []
kind = registrar(KINDS)


_ISO = "ISO 5167-1..4:2003 (fluids.flow_meter.differential_pressure_meter_solver)"
_LIQ_METER = [
    ("water", 998.0, 1.0),
    ("a light oil", 850.0, 3.0),
    ("condensate", 720.0, 0.5),
    ("a brine", 1150.0, 1.4),
    ("methanol", 790.0, 0.55),
]
_TAPS = {"flange": "flange", "corner": "corner", "D": "D and D/2"}


def _draw_orifice(rng: random.Random) -> dict[str, Any]:
    liquid, rho, mu = pick(rng, _LIQ_METER)
    D = float(pick(rng, [52.5, 77.9, 102.3, 154.1, 202.7]))
    beta = uni(rng, 0.35, 0.7, 2)
    return {
        "liquid": liquid,
        "rho": Val(rho, "kg/m**3", "kg/m³"),
        "mu": Val(mu, "mPa*s", "mPa·s"),
        "D": Val(D, "mm", "mm"),
        "d": Val(sig(D * beta), "mm", "mm"),
        "taps": (taps := pick(rng, list(_TAPS))),
        "tap_text": _TAPS[taps],
        "dP": val(rng, [("kPa", "kPa", 5, 80), ("mbar", "mbar", 50, 800)]),
        "P1": Val(uni(rng, 2, 15), "bar", "bar absolute"),
        "out": out(rng, [("kg/s", "kg/s"), ("m**3/hour", "m³/h"), ("kg/hour", "kg/h")]),
    }


def _meter(
    d: dict[str, Any], meter: str, m: float | None = None, bore: bool = False, dp: bool = False
) -> float:
    from fluids import differential_pressure_meter_solver

    P1 = d["P1"].to("Pa")
    kwargs: dict[str, Any] = dict(
        D=d["D"].to("m"),
        rho=d["rho"].to("kg/m**3"),
        mu=d["mu"].to("Pa*s"),
        k=1.3,
        P1=P1,
        meter_type=meter,
        epsilon_specified=1.0,
    )
    if meter == "ISO 5167 orifice":
        kwargs["taps"] = d["taps"]
    if not bore:
        kwargs["D2"] = d["d"].to("m")
    if m is not None:
        kwargs["m"] = m
    if not dp:
        kwargs["P2"] = P1 - d["dP"].to("Pa")
    return float(differential_pressure_meter_solver(**kwargs))


def _mass_or_volume(m: float, rho: Val, out: Out) -> float:
    if out.unit == "m**3/hour":
        return m / rho.to("kg/m**3")
    return m


@kind(
    "flow_measurement/orifice_flow",
    "flow_measurement",
    None,
    ("flow_meter_flow",),
    _ISO + "; Reader-Harris/Gallagher discharge coefficient",
    count=5,
    rel_tol=0.01,
    draw=_draw_orifice,
    wordings=(
        """An ISO 5167 sharp-edged orifice plate with {tap_text} taps and a {d} bore sits in a
          {D} ID line carrying {liquid} (density {rho}, viscosity {mu}). The transmitter
          reads {dP} at {P1} upstream. What is the flow, in {out}?""",
        """Calculate the flow rate of {liquid} ({rho}, {mu}) through a square-edged orifice
          ({d} bore, {tap_text} tappings) in a {D} pipe; differential pressure {dP}, upstream
          pressure {P1}. Give it in {out} (ISO 5167-2).""",
        """A flow orifice of {d} in a {D} bore pipe, {tap_text} taps, measures {dP} on
          {liquid} with density {rho} and viscosity {mu}, line pressure {P1}. What flow (in
          {out}) does ISO 5167 give?""",
        """What does the orifice meter read? {liquid}, ρ = {rho}, μ = {mu}; pipe ID {D},
          orifice bore {d}, {tap_text} pressure taps, ΔP = {dP}, P1 = {P1}. Answer in {out} by
          ISO 5167-2.""",
    ),
)
def _(out: Out, **d: Any) -> tuple[float, str]:
    m = _meter(d, "ISO 5167 orifice")
    if out.unit == "m**3/hour":
        return m / d["rho"].to("kg/m**3") * 3600, out.unit
    return Val(m, "kg/s", "").to(out.unit), out.unit


@kind(
    "flow_measurement/venturi_flow",
    "flow_measurement",
    None,
    ("flow_meter_flow",),
    _ISO + "; machined convergent venturi tube, C = 0.995",
    count=3,
    rel_tol=0.01,
    draw=_draw_orifice,
    wordings=(
        """A machined convergent venturi tube (ISO 5167-4) with a {d} throat is installed
          in a {D} line carrying {liquid} (density {rho}, viscosity {mu}). The measured
          differential is {dP} at {P1} upstream. What is the flow in {out}?""",
        """What flow of {liquid} ({rho}, {mu}) passes a machined venturi ({D} inlet, {d}
          throat) that shows {dP} of differential pressure at {P1}? Give it in {out}
          (ISO 5167-4).""",
        """Compute the flow, in {out}, through an ISO 5167-4 machined convergent venturi:
          pipe {D}, throat {d}, ΔP = {dP}, upstream {P1}; fluid {liquid} with density {rho}
          and viscosity {mu}.""",
    ),
)
def _(out: Out, **d: Any) -> tuple[float, str]:
    m = _meter(d, "machined convergent venturi tube")
    if out.unit == "m**3/hour":
        return m / d["rho"].to("kg/m**3") * 3600, out.unit
    return Val(m, "kg/s", "").to(out.unit), out.unit


def _draw_orifice_dp(rng: random.Random) -> dict[str, Any]:
    d = _draw_orifice(rng)
    m = _meter(d, "ISO 5167 orifice")
    d["m"] = Val(sig(m * 3600), "kg/hour", "kg/h")
    d["out"] = out(rng, [("kPa", "kPa"), ("mbar", "mbar")])
    del d["dP"]
    return d


@kind(
    "flow_measurement/orifice_dp",
    "flow_measurement",
    "Pa",
    ("flow_meter_dp",),
    _ISO + "; Reader-Harris/Gallagher discharge coefficient",
    count=4,
    rel_tol=0.01,
    draw=_draw_orifice_dp,
    wordings=(
        """What differential pressure, in {out}, will an ISO 5167 orifice ({d} bore,
          {tap_text} taps) in a {D} pipe show when {m} of {liquid} (density {rho}, viscosity
          {mu}) flows at {P1}?""",
        """Range the DP transmitter: an orifice plate with a {d} bore and {tap_text} tappings
          in a {D} ID line passes {m} of {liquid} ({rho}, {mu}), upstream {P1}. Expected
          differential in {out}?""",
        """Predict the orifice differential ({out}) for {m} of {liquid}: pipe {D}, bore
          {d}, {tap_text} taps, ρ = {rho}, μ = {mu}, P1 = {P1}, ISO 5167-2.""",
    ),
)
def _(m: Val, **d: Any) -> float:
    d.pop("out")
    return d["P1"].to("Pa") - _meter(d, "ISO 5167 orifice", m=m.to("kg/s"), dp=True)


def _draw_bore(rng: random.Random) -> dict[str, Any]:
    d = _draw_orifice(rng)
    m = _meter(d, "ISO 5167 orifice")
    d["m"] = Val(sig(m * 3600), "kg/hour", "kg/h")
    d["dP"] = Val(float(round(d["dP"].to("kPa"))), "kPa", "kPa")
    d["out"] = Out("mm", "mm")
    return d


@kind(
    "flow_measurement/orifice_bore",
    "flow_measurement",
    "m",
    ("flow_meter_bore",),
    _ISO + "; bore solved from the Reader-Harris/Gallagher equation",
    count=3,
    rel_tol=0.01,
    draw=_draw_bore,
    wordings=(
        """Size an orifice plate: {m} of {liquid} (density {rho}, viscosity {mu}) at {P1}
          in a {D} ID pipe should give {dP} of differential pressure with {tap_text} taps. What
          bore diameter is needed, in mm?""",
        """What bore (mm) must an ISO 5167 orifice with {tap_text} taps have in a {D} line so
          that a flow of {m} of {liquid} ({rho}, {mu}, {P1}) produces {dP}?""",
        """Calculate the orifice bore in mm for a design flow of {m}, design differential
          {dP}, pipe {D}, {tap_text} taps, fluid {liquid} with ρ = {rho} and μ = {mu}, upstream
          {P1}.""",
    ),
)
def _(m: Val, out: Out, d: Val, **rest: Any) -> float:
    return _meter({**rest}, "ISO 5167 orifice", m=m.to("kg/s"), bore=True)


def _draw_gas_orifice(rng: random.Random) -> dict[str, Any]:
    D = float(pick(rng, [102.3, 154.1, 202.7, 254.5]))
    P1 = uni(rng, 10, 60)
    T = uni(rng, 280, 320)
    MW, k = pick(rng, [(17.5, 1.3), (19.0, 1.28), (28.96, 1.4)])
    return {
        "D": Val(D, "mm", "mm"),
        "d": Val(sig(D * rng.uniform(0.35, 0.65)), "mm", "mm"),
        "P1": Val(P1, "bar", "bar absolute"),
        "dP": Val(uni(rng, 10, 60), "kPa", "kPa"),
        "T": Val(T, "K", "K"),
        "MW": MW,
        "k": k,
        "mu": Val(uni(rng, 10, 18), "micropascal*second", "µPa·s"),
        "taps": (taps := pick(rng, list(_TAPS))),
        "tap_text": _TAPS[taps],
    }


@kind(
    "flow_measurement/gas_orifice",
    "flow_measurement",
    "kg/s",
    ("flow_meter_flow",),
    _ISO + " with the ISO 5167-2 expansibility factor; ideal-gas upstream density",
    count=3,
    rel_tol=0.01,
    draw=_draw_gas_orifice,
    wordings=(
        """A gas (molar mass {MW} g/mol, k = {k}, viscosity {mu}) flows through an ISO 5167
          orifice with a {d} bore and {tap_text} taps in a {D} line. Upstream conditions are {P1}
          and {T} (ideal gas); the differential pressure is {dP}. What is the mass flow, in
          kg/s? Include the expansibility factor.""",
        """Compute the mass flow (kg/s) through an orifice meter on a gas line: pipe {D},
          bore {d}, {tap_text} taps, ΔP = {dP}, P1 = {P1}, T1 = {T}, M = {MW} g/mol, k = {k},
          μ = {mu}. Take the density from the ideal-gas law and use the ISO 5167-2
          expansibility.""",
        """What gas flow (kg/s) does an orifice plate read when it shows {dP}? Bore {d},
          line ID {D}, {tap_text} tappings, upstream {P1} and {T}, gas M = {MW} g/mol, k = {k},
          viscosity {mu}; ideal gas, ISO 5167-2 with expansibility.""",
    ),
)
def _(
    D: Val, d: Val, P1: Val, dP: Val, T: Val, MW: float, k: float, mu: Val, taps: str, tap_text: str
) -> float:
    from fluids import differential_pressure_meter_solver

    p1 = P1.to("Pa")
    rho = p1 * MW / 1e3 / (R_GAS * T.to("K"))
    return float(
        differential_pressure_meter_solver(
            D=D.to("m"),
            D2=d.to("m"),
            rho=rho,
            mu=mu.to("Pa*s"),
            k=k,
            P1=p1,
            P2=p1 - dP.to("Pa"),
            meter_type="ISO 5167 orifice",
            taps=taps,
        )
    )
