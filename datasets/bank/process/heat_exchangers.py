"""Process-set kinds: heat exchangers (ht 1.2)."""

from __future__ import annotations

import math
import random
from typing import Any

from bank.core import (
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

KINDS: list[Kind] = []
kind = registrar(KINDS)


def _draw_terminal(rng: random.Random) -> dict[str, Any]:
    Thi = uni(rng, 90, 250)
    Tho = sig(Thi - rng.uniform(20, 0.6 * (Thi - 20)))
    Tci = uni(rng, 15, 40)
    Tco = sig(Tci + rng.uniform(10, 0.8 * (Tho - Tci)))
    return {
        "Thi": Val(Thi, "degC", "°C"),
        "Tho": Val(Tho, "degC", "°C"),
        "Tci": Val(Tci, "degC", "°C"),
        "Tco": Val(Tco, "degC", "°C"),
        "flow": pick(rng, ["counter-current", "co-current"]),
    }


_TERMINAL = retry(
    _draw_terminal,
    lambda d: (
        d["Tho"].value - d["Tco"].value > 3
        and abs((d["Thi"].value - d["Tco"].value) - (d["Tho"].value - d["Tci"].value)) > 1
    ),
)


@kind(
    "heat_exchangers/lmtd",
    "heat_exchangers",
    "K",
    ("hx_lmtd",),
    "Log-mean temperature difference (ht.core.LMTD)",
    count=4,
    rel_tol=0.003,
    draw=_TERMINAL,
    wordings=(
        """In a {flow} heat exchanger the hot stream cools from {Thi} to {Tho} while the
          cold stream heats from {Tci} to {Tco}. What is the log-mean temperature
          difference, in K?""",
        """Find the LMTD (K) of a {flow} exchanger with hot inlet {Thi}, hot outlet {Tho},
          cold inlet {Tci} and cold outlet {Tco}.""",
        """A product cooler runs {flow}: product {Thi} → {Tho}, cooling water {Tci} →
          {Tco}. Compute the log-mean temperature difference in K.""",
        """What mean temperature driving force (LMTD, in K) applies to a {flow} unit with
          terminal temperatures hot {Thi}/{Tho} and cold {Tci}/{Tco}?""",
    ),
)
def _(Thi: Val, Tho: Val, Tci: Val, Tco: Val, flow: str) -> float:
    from ht import LMTD

    return float(
        LMTD(
            Thi.to("K"),
            Tho.to("K"),
            Tci.to("K"),
            Tco.to("K"),
            counterflow=flow == "counter-current",
        )
    )


def _draw_ffactor(rng: random.Random) -> dict[str, Any]:
    d = _TERMINAL(rng)
    d.pop("flow")
    return d


def _f_ok(d: dict[str, Any]) -> bool:
    from ht import F_LMTD_Fakheri

    try:
        F = F_LMTD_Fakheri(d["Thi"].value, d["Tho"].value, d["Tci"].value, d["Tco"].value, 1)
    except (ValueError, ZeroDivisionError):
        return False
    return 0.78 < F < 0.99


@kind(
    "heat_exchangers/f_factor",
    "heat_exchangers",
    "",
    ("hx_lmtd",),
    "LMTD correction factor for one shell pass and an even number of tube passes "
    "(ht.core.F_LMTD_Fakheri, exact Bowman form)",
    count=3,
    rel_tol=0.005,
    draw=retry(_draw_ffactor, _f_ok),
    wordings=(
        """A 1-shell-pass, 2-tube-pass exchanger cools a stream from {Thi} to {Tho} with a
          coolant heated from {Tci} to {Tco}. What is the LMTD correction factor F?""",
        """Compute the F correction factor for a TEMA E shell (one shell pass, two or more
          tube passes) with hot {Thi} → {Tho} and cold {Tci} → {Tco}.""",
        """What F factor applies to the counter-current LMTD of a 1-2 shell-and-tube
          exchanger whose terminal temperatures are hot in {Thi}, hot out {Tho}, cold in
          {Tci}, cold out {Tco}?""",
    ),
)
def _(Thi: Val, Tho: Val, Tci: Val, Tco: Val) -> float:
    from ht import F_LMTD_Fakheri

    return float(F_LMTD_Fakheri(Thi.value, Tho.value, Tci.value, Tco.value, shells=1))


def _draw_duty(rng: random.Random) -> dict[str, Any]:
    T1 = uni(rng, 10, 150)
    return {
        "m": val(
            rng,
            [
                ("kg/s", "kg/s", 0.5, 30),
                ("kg/hour", "kg/h", 2000, 100000),
                ("lb/hour", "lb/h", 4000, 200000),
            ],
        ),
        "cp": val(
            rng,
            [
                ("kJ/(kg*K)", "kJ/(kg·K)", 1.8, 4.2),
                ("Btu/(lb*delta_degF)", "Btu/(lb·°F)", 0.43, 1.0),
            ],
        ),
        "T1": Val(T1, "degC", "°C"),
        "T2": Val(sig(T1 + rng.uniform(10, 80)), "degC", "°C"),
        "stream": pick(
            rng, ["crude oil", "a glycol solution", "feed water", "a solvent", "a reactor effluent"]
        ),
        "out": out(rng, [("kW", "kW"), ("MW", "MW"), ("Btu/hour", "Btu/h")]),
    }


@kind(
    "heat_exchangers/duty",
    "heat_exchangers",
    "W",
    ("hx_duty",),
    "Q = m cp (T2 - T1)",
    count=3,
    rel_tol=0.003,
    draw=_draw_duty,
    wordings=(
        """{m} of {stream} (cp = {cp}) is heated from {T1} to {T2}. What is the heat duty,
          in {out}?""",
        """What duty ({out}) does a preheater need to warm {stream} from {T1} to {T2} at
          {m}? Specific heat {cp}.""",
        """Compute the sensible heat load in {out} for {stream}: flow {m}, heat capacity
          {cp}, inlet {T1}, outlet {T2}.""",
    ),
)
def _(m: Val, cp: Val, T1: Val, T2: Val, stream: str, out: Out) -> float:
    return m.to("kg/s") * cp.to("J/(kg*K)") * (T2.to("K") - T1.to("K"))


def _draw_area(rng: random.Random) -> dict[str, Any]:
    d = _TERMINAL(rng)
    d["flow"] = "counter-current"
    d["m"] = Val(uni(rng, 1, 30), "kg/s", "kg/s")
    d["cp"] = Val(uni(rng, 3.9, 4.19), "kJ/(kg*K)", "kJ/(kg·K)")
    d["U"] = val(
        rng,
        [
            ("W/(m**2*K)", "W/(m²·K)", 250, 1500),
            ("Btu/(hour*foot**2*delta_degF)", "Btu/(h·ft²·°F)", 45, 260),
        ],
    )
    return d


@kind(
    "heat_exchangers/area",
    "heat_exchangers",
    "m**2",
    ("hx_duty", "hx_lmtd", "hx_area"),
    "A = Q / (U dT_lm) with Q = m cp (Tco - Tci), counter-current LMTD (ht.core.LMTD)",
    count=4,
    rel_tol=0.005,
    draw=_draw_area,
    wordings=(
        """A counter-current exchanger heats {m} of water (cp = {cp}) from {Tci} to {Tco}
          with a hot stream that cools from {Thi} to {Tho}. The overall coefficient is {U}.
          What heat-transfer area is needed, in m²?""",
        """Size a double-pipe exchanger (pure counterflow): cold side {m} of water, cp
          {cp}, {Tci} → {Tco}; hot side {Thi} → {Tho}; U = {U}. Required area in m²?""",
        """What area (m²) must a counter-current cooler have if it heats {m} of cooling
          water (cp {cp}) from {Tci} to {Tco} while the process stream drops from {Thi} to
          {Tho}, with an overall heat-transfer coefficient of {U}?""",
        """Heat-exchanger design: duty set by {m} of water, cp = {cp}, warmed {Tci} to
          {Tco}; hot fluid {Thi} in, {Tho} out; counterflow; U = {U}. Find A in m².""",
    ),
)
def _(Thi: Val, Tho: Val, Tci: Val, Tco: Val, flow: str, m: Val, cp: Val, U: Val) -> float:
    from ht import LMTD

    Q = m.to("kg/s") * cp.to("J/(kg*K)") * (Tco.to("K") - Tci.to("K"))
    return Q / (U.to("W/(m**2*K)") * float(LMTD(Thi.value, Tho.value, Tci.value, Tco.value)))


_NTU_TYPES = {
    "counterflow": "a counterflow exchanger",
    "parallel": "a parallel-flow exchanger",
    "crossflow": "a crossflow exchanger with both streams unmixed",
    "crossflow, mixed Cmin": "a crossflow exchanger with the Cmin stream mixed",
    "S&T": "a shell-and-tube exchanger with one shell pass",
}


def _draw_eff(rng: random.Random) -> dict[str, Any]:
    kind = pick(rng, list(_NTU_TYPES))
    return {
        "NTU": uni(rng, 0.3, 4, 2),
        "Cr": uni(rng, 0.1, 0.95, 2),
        "type": kind,
        "t": _NTU_TYPES[kind],
    }


def _ht_subtype(t: str) -> dict[str, Any]:
    if t == "S&T":
        return {"subtype": "S&T", "n_shell_tube": 1}
    return {"subtype": t}


@kind(
    "heat_exchangers/effectiveness",
    "heat_exchangers",
    "",
    ("hx_effectiveness_from_ntu",),
    "epsilon-NTU relations (ht.hx.effectiveness_from_NTU; Incropera table 11.3)",
    count=3,
    rel_tol=0.005,
    draw=_draw_eff,
    wordings=(
        """What is the effectiveness of {t} with NTU = {NTU} and a capacity ratio
          Cmin/Cmax = {Cr}?""",
        """For {t}, NTU = {NTU} and Cr = {Cr}. Compute the thermal effectiveness.""",
        """Given NTU {NTU} and heat-capacity-rate ratio {Cr}, find ε for {t}.""",
    ),
)
def _(NTU: float, Cr: float, type: str, t: str) -> float:
    from ht import effectiveness_from_NTU

    return float(effectiveness_from_NTU(NTU, Cr, **_ht_subtype(type)))


@kind(
    "heat_exchangers/ntu",
    "heat_exchangers",
    "",
    ("hx_ntu_from_effectiveness",),
    "epsilon-NTU relations inverted (ht.hx.NTU_from_effectiveness)",
    count=3,
    rel_tol=0.005,
    draw=lambda rng: {
        "eff": uni(rng, 0.3, 0.75, 2),
        "Cr": uni(rng, 0.1, 0.8, 2),
        "type": (k := pick(rng, ["counterflow", "parallel", "S&T"])),
        "t": _NTU_TYPES[k],
    },
    wordings=(
        """How many transfer units (NTU) does {t} need to reach an effectiveness of {eff}
          when Cmin/Cmax = {Cr}?""",
        """Find the NTU required for ε = {eff} at a capacity ratio of {Cr} in {t}.""",
        """A retrofit must achieve a thermal effectiveness of {eff}; Cr = {Cr}; the unit
          is {t}. What NTU is needed?""",
    ),
)
def _(eff: float, Cr: float, type: str, t: str) -> float:
    from ht import NTU_from_effectiveness

    return float(NTU_from_effectiveness(eff, Cr, **_ht_subtype(type)))


def _draw_rating(rng: random.Random) -> dict[str, Any]:
    return {
        "mh": Val(uni(rng, 1, 10), "kg/s", "kg/s"),
        "cph": Val(uni(rng, 2.0, 2.6), "kJ/(kg*K)", "kJ/(kg·K)"),
        "Thi": Val(uni(rng, 100, 200), "degC", "°C"),
        "mc": Val(uni(rng, 1, 10), "kg/s", "kg/s"),
        "cpc": Val(4.18, "kJ/(kg*K)", "kJ/(kg·K)"),
        "Tci": Val(uni(rng, 15, 35), "degC", "°C"),
        "UA": val(rng, [("kW/K", "kW/K", 5, 60), ("W/K", "W/K", 5000, 60000)]),
        "ask": pick(
            rng, ["duty", "hot-stream outlet temperature", "cold-stream outlet temperature"]
        ),
    }


@kind(
    "heat_exchangers/rating",
    "heat_exchangers",
    None,
    ("hx_rating_ntu",),
    "Counterflow epsilon-NTU rating (ht.hx.effectiveness_from_NTU) and energy balances",
    count=4,
    rel_tol=0.005,
    draw=_draw_rating,
    wordings=(
        """An existing counterflow exchanger has UA = {UA}. Oil ({mh}, cp {cph}) enters at
          {Thi}; water ({mc}, cp {cpc}) enters at {Tci}. Using the ε-NTU method, what is the
          {ask}? Give a duty in kW and temperatures in °C.""",
        """Rate a counterflow unit with UA {UA}: hot side {mh} at {Thi} (cp {cph}), cold
          side {mc} at {Tci} (cp {cpc}). Find the {ask} (duty in kW, temperatures in °C) by
          ε-NTU.""",
        """With ε-NTU, predict the {ask} of a counter-current cooler: UA = {UA}; hot oil
          {mh}, cp {cph}, inlet {Thi}; cooling water {mc}, cp {cpc}, inlet {Tci}. (kW for the
          duty, °C for a temperature.)""",
    ),
)
def _(
    mh: Val, cph: Val, Thi: Val, mc: Val, cpc: Val, Tci: Val, UA: Val, ask: str
) -> tuple[float, str]:
    from ht import effectiveness_from_NTU

    Ch, Cc = mh.to("kg/s") * cph.to("J/(kg*K)"), mc.to("kg/s") * cpc.to("J/(kg*K)")
    Cmin, Cmax = min(Ch, Cc), max(Ch, Cc)
    eff = float(effectiveness_from_NTU(UA.to("W/K") / Cmin, Cmin / Cmax, "counterflow"))
    Q = eff * Cmin * (Thi.to("K") - Tci.to("K"))
    if ask == "duty":
        return Q / 1e3, "kW"
    if ask.startswith("hot"):
        return Thi.to("K") - Q / Ch, "K"
    return Tci.to("K") + Q / Cc, "K"


def _draw_u(rng: random.Random) -> dict[str, Any]:
    Do = float(pick(rng, [19.05, 25.4, 31.75]))
    t = float(pick(rng, [1.65, 2.11, 2.77]))
    return {
        "hi": Val(uni(rng, 800, 6000), "W/(m**2*K)", "W/(m²·K)"),
        "ho": Val(uni(rng, 300, 3000), "W/(m**2*K)", "W/(m²·K)"),
        "Rfi": Val(pick(rng, [0.0001, 0.0002, 0.00035]), "m**2*K/W", "m²·K/W"),
        "Rfo": Val(pick(rng, [0.0001, 0.0002, 0.00018]), "m**2*K/W", "m²·K/W"),
        "Do": Val(Do, "mm", "mm"),
        "Di": Val(sig(Do - 2 * t, 4), "mm", "mm"),
        "kw": Val(pick(rng, [16.0, 45.0, 50.0, 385.0]), "W/(m*K)", "W/(m·K)"),
    }


@kind(
    "heat_exchangers/overall_u",
    "heat_exchangers",
    "W/(m**2*K)",
    ("hx_overall_u",),
    "1/Uo = 1/ho + Rfo + Do ln(Do/Di)/(2 kw) + Rfi Do/Di + Do/(Di hi) (Kern; Sinnott eq. 12.2)",
    count=3,
    rel_tol=0.003,
    draw=_draw_u,
    wordings=(
        """A tube of {Do} OD and {Di} ID (wall conductivity {kw}) has film coefficients
          {hi} inside and {ho} outside, and fouling resistances {Rfi} inside and {Rfo}
          outside. What is the overall coefficient based on the outside area, in
          W/(m²·K)?""",
        """Compute Uo (referred to the outside tube area) for: hi = {hi}, ho = {ho},
          Rf,i = {Rfi}, Rf,o = {Rfo}, tube {Do} × {Di} (OD × ID), wall k = {kw}.""",
        """What overall heat-transfer coefficient, based on the outer surface, results from
          an inside film of {hi}, an outside film of {ho}, fouling of {Rfi} (inside) and
          {Rfo} (outside), and a tube wall with k = {kw}, OD {Do}, ID {Di}?""",
    ),
)
def _(hi: Val, ho: Val, Rfi: Val, Rfo: Val, Do: Val, Di: Val, kw: Val) -> float:
    do, di = Do.to("m"), Di.to("m")
    R = (
        1 / ho.value
        + Rfo.value
        + do * math.log(do / di) / (2 * kw.value)
        + Rfi.value * do / di
        + do / (di * hi.value)
    )
    return 1 / R
