"""Multi-step kinds: compressors (ideal gas, constant k)."""

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
    retry,
    sig,
    uni,
    val,
)
from bank.multistep.values import (
    PSI,
    T_60F,
    absolute,
    gauge,
    gauge_like,
    temperature,
    turn,
)
from bank.process.compressors import _GASK

KINDS: list[Kind] = []
kind = registrar(KINDS)


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
