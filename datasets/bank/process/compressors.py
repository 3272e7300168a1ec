"""Process-set kinds: compressors and compressible flow (ideal gas, constant k)."""

from __future__ import annotations

import random
from typing import Any

from bank.core import (
    P_ATM,
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
    with_inputs,
)
from bank.menus import t_c

KINDS: list[Kind] = []
kind = registrar(KINDS)


_GASK = [
    ("air", 28.96, 1.4),
    ("nitrogen", 28.01, 1.4),
    ("natural gas", 18.2, 1.28),
    ("carbon dioxide", 44.01, 1.29),
    ("hydrogen", 2.016, 1.41),
    ("propane", 44.1, 1.13),
    ("methane", 16.04, 1.31),
]


def _draw_comp(rng: random.Random) -> dict[str, Any]:
    gas, MW, k = pick(rng, _GASK)
    P1 = val(rng, [("bar", "bar absolute", 1, 20), ("kPa", "kPa absolute", 100, 2000)])
    return {
        "gas": gas,
        "MW": MW,
        "k": k,
        "P1": P1,
        "P2": Val(sig(P1.value * rng.uniform(1.8, 4.5)), P1.unit, P1.label),
        "T1": val(rng, [("degC", "°C", 10, 50), ("K", "K", 285, 320)]),
        "eta": uni(rng, 0.7, 0.85, 2),
        "m": val(rng, [("kg/s", "kg/s", 0.5, 20), ("kg/hour", "kg/h", 2000, 60000)]),
    }


@kind(
    "compressors/discharge_temperature",
    "compressors",
    "K",
    ("compressor_power_isentropic",),
    "Ideal gas, constant k: T2 = T1 [1 + ((P2/P1)^((k-1)/k) - 1)/eta_s]",
    count=4,
    rel_tol=0.005,
    draw=_draw_comp,
    wordings=(
        """{gas} (k = {k}) is compressed from {P1} and {T1} to {P2} in a compressor with an
          isentropic efficiency of {eta}. What is the actual discharge temperature in °C?
          Treat the gas as ideal with constant k.""",
        """What discharge temperature (°C) do you expect from a single-stage compressor
          taking {gas} at {T1}, {P1} up to {P2}? k = {k}, isentropic efficiency {eta},
          ideal gas.""",
        """Estimate the outlet temperature, in K, of an adiabatic compressor: ideal gas
          with k = {k} ({gas}), suction {P1} / {T1}, discharge {P2}, η_s = {eta}.""",
        """A compressor raises {gas} from {P1} to {P2}. Inlet temperature {T1}, ratio of
          specific heats {k}, isentropic efficiency {eta}. Find the discharge temperature
          in °C (ideal gas).""",
    ),
)
def _(gas: str, MW: float, k: float, P1: Val, P2: Val, T1: Val, eta: float, m: Val) -> float:
    r = P2.to("Pa") / P1.to("Pa")
    return T1.to("K") * (1 + (r ** ((k - 1) / k) - 1) / eta)


@kind(
    "compressors/isentropic_power",
    "compressors",
    "W",
    ("compressor_power_isentropic",),
    "Ideal gas, constant k: W = m cp T1 ((P2/P1)^((k-1)/k) - 1) / eta_s, cp = k R/((k-1) M)",
    count=4,
    rel_tol=0.005,
    draw=with_inputs(_draw_comp, out=Out("kW", "kW")),
    wordings=(
        """A compressor handles {m} of {gas} (molar mass {MW} g/mol, k = {k}) from {P1}
          and {T1} to {P2}. The isentropic efficiency is {eta}. Assuming an ideal gas, what
          gas power does it need, in kW?""",
        """What power, in kW, must be delivered to the gas to compress {m} of {gas}
          (M = {MW} g/mol, k = {k}) from {P1}, {T1} to {P2} with η_s = {eta}? Ideal gas,
          Z = 1.""",
        """Estimate the compression power (kW) for {gas}: flow {m}, suction {P1} at {T1},
          discharge {P2}, k = {k}, molar mass {MW} g/mol, isentropic efficiency {eta}.""",
        """Size the driver of a {gas} compressor: {m}, {P1} → {P2}, inlet {T1}, k = {k},
          M = {MW} g/mol, isentropic efficiency {eta}, ideal gas. Power in kW?""",
    ),
)
def _(
    gas: str, MW: float, k: float, P1: Val, P2: Val, T1: Val, eta: float, m: Val, out: Out
) -> float:
    cp = k / (k - 1) * R_GAS / (MW / 1e3)
    r = P2.to("Pa") / P1.to("Pa")
    return m.to("kg/s") * cp * T1.to("K") * (r ** ((k - 1) / k) - 1) / eta


def _draw_poly(rng: random.Random) -> dict[str, Any]:
    inputs = _draw_comp(rng)
    inputs["eta"] = uni(rng, 0.72, 0.86, 2)
    inputs["Z"] = uni(rng, 0.92, 1.0, 2)
    return inputs


@kind(
    "compressors/polytropic",
    "compressors",
    "W",
    ("compressor_power_polytropic",),
    "Polytropic compression: (n-1)/n = (k-1)/(k eta_p); W = m Z R T1/M n/(n-1) "
    "((P2/P1)^((n-1)/n) - 1) / eta_p",
    count=4,
    rel_tol=0.005,
    draw=with_inputs(_draw_poly, out=Out("kW", "kW")),
    wordings=(
        """A centrifugal compressor with a polytropic efficiency of {eta} compresses {m} of
          {gas} (M = {MW} g/mol, k = {k}, average Z = {Z}) from {P1}, {T1} to {P2}. What is
          the gas power in kW?""",
        """Using the polytropic method (η_p = {eta}), find the power in kW to compress {m}
          of {gas} from {P1} and {T1} to {P2}. Molar mass {MW} g/mol, k = {k}, Z =
          {Z}.""",
        """What gas power (kW) does a compressor need for {m} of {gas}, {P1} to {P2},
          suction {T1}? Polytropic efficiency {eta}, k = {k}, Z = {Z}, M = {MW} g/mol.""",
    ),
)
def _(
    gas: str, MW: float, k: float, P1: Val, P2: Val, T1: Val, eta: float, m: Val, Z: float, out: Out
) -> float:
    n_ratio = (k - 1) / (k * eta)  # (n-1)/n
    r = P2.to("Pa") / P1.to("Pa")
    head = Z * R_GAS * T1.to("K") / (MW / 1e3) / n_ratio * (r**n_ratio - 1)
    return m.to("kg/s") * head / eta


def _draw_choked(rng: random.Random) -> dict[str, Any]:
    gas, _MW, k = pick(rng, _GASK)
    return {
        "gas": gas,
        "k": k,
        "P0": val(rng, [("bar", "bar absolute", 2, 60), ("psi", "psia", 30, 900)]),
        "out": out(rng, [("bar", "bar absolute"), ("kPa", "kPa absolute"), ("psi", "psia")]),
    }


@kind(
    "compressors/critical_pressure",
    "compressors",
    "Pa",
    ("choked_flow",),
    "Critical (sonic) pressure ratio P*/P0 = (2/(k+1))^(k/(k-1)) for an ideal gas",
    count=3,
    rel_tol=0.003,
    draw=_draw_choked,
    wordings=(
        """{gas} (k = {k}) discharges from a vessel at {P0} through a small orifice. Below
          what downstream pressure, in {out}, is the flow choked?""",
        """What is the critical (sonic) pressure, in {out}, for an ideal gas with k = {k}
          ({gas}) expanding from a stagnation pressure of {P0}?""",
        """A relief line carries {gas} (k = {k}) from {P0}. Compute the critical flow
          pressure P* in {out} (isentropic ideal gas).""",
    ),
)
def _(gas: str, k: float, P0: Val, out: Out) -> float:
    return P0.to("Pa") * (2 / (k + 1)) ** (k / (k - 1))


def _draw_stag(rng: random.Random) -> dict[str, Any]:
    gas, MW, k = pick(rng, _GASK[:4])
    return {
        "gas": gas,
        "MW": MW,
        "k": k,
        "T": val(rng, t_c(0, 300)),
        "V": Val(uni(rng, 80, 300), "m/s", "m/s"),
    }


@kind(
    "compressors/stagnation",
    "compressors",
    "K",
    ("stagnation_properties",),
    "T0 = T + V^2/(2 cp), cp = k R / ((k-1) M)",
    count=3,
    rel_tol=0.003,
    draw=_draw_stag,
    wordings=(
        """{gas} (M = {MW} g/mol, k = {k}) flows at {V} with a static temperature of {T}.
          What is its stagnation (total) temperature in K?""",
        """A thermometer in a {V} stream of {gas} would read the total temperature. If
          the static temperature is {T}, k = {k} and M = {MW} g/mol, what is that total
          temperature, in °C?""",
        """Compute the stagnation temperature (K) of {gas} moving at {V}, static
          temperature {T}; ideal gas, k = {k}, molar mass {MW} g/mol.""",
    ),
)
def _(gas: str, MW: float, k: float, T: Val, V: Val) -> float:
    cp = k / (k - 1) * R_GAS / (MW / 1e3)
    return T.to("K") + V.to("m/s") ** 2 / (2 * cp)


def _draw_weymouth(rng: random.Random) -> dict[str, Any]:
    P1 = uni(rng, 30, 80)
    return {
        "SG": uni(rng, 0.58, 0.7, 2),
        "T": Val(uni(rng, 5, 30), "degC", "°C"),
        "L": Val(uni(rng, 10, 150), "km", "km"),
        "D": Val(uni(rng, 150, 600), "mm", "mm"),
        "P1": Val(P1, "bar", "bar absolute"),
        "P2": Val(sig(P1 * rng.uniform(0.5, 0.9)), "bar", "bar absolute"),
        "E": uni(rng, 0.85, 0.95, 2),
    }


@kind(
    "compressors/weymouth",
    "compressors",
    "m**3/s",
    ("gas_pipeline_flow",),
    "Weymouth gas pipeline equation (fluids.compressible.Weymouth), standard conditions "
    "15.55 °C and 101.325 kPa",
    count=3,
    rel_tol=0.01,
    draw=with_inputs(_draw_weymouth, out=Out("m**3/hour", "m³/h")),
    wordings=(
        """Natural gas (specific gravity {SG}) flows through {L} of pipeline with an
          inside diameter of {D} at an average temperature of {T}. Inlet {P1}, outlet {P2},
          pipeline efficiency {E}, Z = 1. By the Weymouth equation, what is the flow at
          standard conditions (288.7 K, 101.325 kPa), in m³/h?""",
        """Using Weymouth, estimate the standard volumetric flow (m³/h at 288.7 K and
          101.325 kPa) through a {D} ID, {L} gas line: SG {SG}, {T} average, {P1} in, {P2}
          out, efficiency factor {E}, compressibility 1.""",
        """What capacity, in standard m³/h (288.7 K, 1 atm), does the Weymouth equation
          give for a gas pipeline {L} long, {D} bore, from {P1} to {P2}? Gas SG {SG},
          flowing temperature {T}, E = {E}, Z = 1.""",
    ),
)
def _(SG: float, T: Val, L: Val, D: Val, P1: Val, P2: Val, E: float, out: Out) -> float:
    from fluids import Weymouth

    return float(
        Weymouth(
            SG=SG,
            Tavg=T.to("K"),
            L=L.to("m"),
            D=D.to("m"),
            P1=P1.to("Pa"),
            P2=P2.to("Pa"),
            Ts=288.7,
            Ps=P_ATM,
            Zavg=1.0,
            E=E,
        )
    )


def _draw_weymouth_outlet(rng: random.Random) -> dict[str, Any]:
    from fluids import Weymouth

    d = _draw_weymouth(rng)
    Q = Weymouth(
        SG=d["SG"],
        Tavg=d["T"].to("K"),
        L=d["L"].to("m"),
        D=d["D"].to("m"),
        P1=d["P1"].to("Pa"),
        P2=d["P2"].to("Pa"),
        Ts=288.7,
        Ps=P_ATM,
        E=d["E"],
    )
    d["Q"] = Val(sig(Q * 3600 * 24 / 1e6), "m**3/day", "million standard m³/d", 1e6)
    del d["P2"]
    return d


@kind(
    "compressors/weymouth_outlet",
    "compressors",
    "Pa",
    ("gas_pipeline_outlet_pressure",),
    "Weymouth gas pipeline equation solved for the outlet pressure "
    "(fluids.compressible.Weymouth with P2 unknown), standard conditions 288.7 K and "
    "101.325 kPa",
    count=3,
    rel_tol=0.01,
    draw=with_inputs(_draw_weymouth_outlet, out=Out("bar", "bar")),
    wordings=(
        """A gas pipeline {L} long with a {D} inside diameter and an efficiency of {E}
          must carry {Q} (standard conditions 288.7 K, 101.325 kPa) of gas with specific
          gravity {SG}. The inlet pressure is {P1} and the average temperature {T}; take
          Z = 1. By Weymouth, what is the outlet pressure in bar absolute?""",
        """What delivery pressure (bar absolute) remains at the end of a {L}, {D} ID gas
          line fed at {P1}, when it transports {Q} (288.7 K, 1 atm) of gas of SG {SG} at
          {T}? Use the Weymouth equation with E = {E} and Z = 1.""",
        """Weymouth outlet pressure: flow {Q} at standard conditions (288.7 K,
          101.325 kPa), SG {SG}, line length {L}, bore {D}, inlet {P1}, mean temperature
          {T}, efficiency {E}, Z = 1. Answer in bar absolute.""",
    ),
)
def _(SG: float, T: Val, L: Val, D: Val, P1: Val, E: float, Q: Val, out: Out) -> float:
    from fluids import Weymouth

    return float(
        Weymouth(
            SG=SG,
            Tavg=T.to("K"),
            L=L.to("m"),
            D=D.to("m"),
            P1=P1.to("Pa"),
            Q=Q.to("m**3/s"),
            Ts=288.7,
            Ps=P_ATM,
            Zavg=1.0,
            E=E,
        )
    )
