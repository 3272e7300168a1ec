"""Process-set kinds: pumps."""

from __future__ import annotations

import random
from typing import Any

from bank.core import (
    G,
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
    with_inputs,
)
from bank.lookups import _coolprop
from bank.menus import DENS_LIQ, Q_LIQ, liquid_service
from bank.process.pipe_flow import _pipe_dp

KINDS: list[Kind] = []
kind = registrar(KINDS)


def _draw_head(rng: random.Random) -> dict[str, Any]:
    unit, label, lo, hi = pick(
        rng,
        [
            (
                "bar",
                "barg",
                0.2,
                3,
            ),
            ("psi", "psig", 3, 40),
            ("kPa", "kPag", 20, 300),
        ],
    )
    Ps = Val(uni(rng, lo, hi), unit, label)
    Pd = Val(sig(Ps.value + rng.uniform(2, 12) * hi / 3), unit, label)
    return {
        "Ps": Ps,
        "Pd": Pd,
        **liquid_service(rng),
        "out": out(rng, [("m", "m"), ("foot", "ft")]),
    }


@kind(
    "pumps/head",
    "pumps",
    "m",
    ("pump_head",),
    "H = (Pd - Ps) / (rho g)",
    count=4,
    rel_tol=0.005,
    draw=_draw_head,
    wordings=(
        """A pump handling {liquid} (density {rho}) has suction and discharge gauges
          reading {Ps} and {Pd}, at the same elevation, with equal line sizes. What total
          head does it develop, in {out} of liquid?""",
        """During a field test the suction pressure is {Ps} and the discharge pressure
          {Pd}. The liquid is {liquid} with a density of {rho}; gauges are level and the
          nozzles are the same size. Compute the pump head in {out}.""",
        """What differential head (in {out}) corresponds to a pressure rise from {Ps} to
          {Pd} across a pump moving {liquid} of density {rho}? Neglect velocity and elevation
          differences.""",
        """Convert the pressure rise of a pump, {Ps} suction to {Pd} discharge, into head
          in {out} for {liquid} ({rho}).""",
    ),
)
def _(Ps: Val, Pd: Val, rho: Val, mu: Val, liquid: str, out: Out) -> float:
    return (Pd.to("Pa") - Ps.to("Pa")) / (rho.to("kg/m**3") * G)


def _draw_power(rng: random.Random) -> dict[str, Any]:
    return {
        "Q": val(rng, Q_LIQ),
        "H": val(rng, [("m", "m", 15, 150), ("foot", "ft", 50, 500)]),
        "rho": val(rng, DENS_LIQ),
        "eta": uni(rng, 0.55, 0.85, 2),
        "out": out(rng, [("kW", "kW"), ("hp", "hp")]),
    }


@kind(
    "pumps/brake_power",
    "pumps",
    "W",
    ("pump_power",),
    "P = rho g Q H / eta",
    count=4,
    rel_tol=0.005,
    draw=_draw_power,
    wordings=(
        """A centrifugal pump delivers {Q} of liquid (density {rho}) against a total head
          of {H}. Its efficiency is {eta}. What shaft power does it need, in {out}?""",
        """What brake power, in {out}, must the driver supply to a pump moving {Q} at a
          head of {H}? Liquid density {rho}, pump efficiency {eta}.""",
        """Size the driver: {Q} of product with a density of {rho}, total dynamic head
          {H}, pump efficiency {eta}. Shaft power in {out}?""",
        """Estimate the power absorbed by a pump with an efficiency of {eta} that raises
          {Q} of liquid ({rho}) through {H} of head. Give it in {out}.""",
    ),
)
def _(Q: Val, H: Val, rho: Val, eta: float, out: Out) -> float:
    return rho.to("kg/m**3") * G * Q.to("m**3/s") * H.to("m") / eta


def _draw_npsh(rng: random.Random) -> dict[str, Any]:
    return {
        "T": Val(float(round(rng.uniform(20, 90))), "degC", "°C"),
        "Patm": Val(uni(rng, 95, 101.3, 4), "kPa", "kPa"),
        "z": val(rng, [("m", "m", -3, 5), ("foot", "ft", -10, 16)]),
        "hf": Val(uni(rng, 0.2, 1.5, 2), "m", "m"),
    }


@kind(
    "pumps/npsha",
    "pumps",
    "m",
    ("npsh_available", "steam_saturation"),
    "NPSHa = (P_surface - P_v)/(rho g) + z - h_f with water density and vapour pressure "
    "from CoolProp (IAPWS-95)",
    count=4,
    rel_tol=0.02,
    draw=retry(_draw_npsh, lambda d: d["z"].value != 0),
    wordings=(
        """A pump draws water at {T} from an open tank; atmospheric pressure is {Patm}.
          The liquid surface is {z} above the pump suction centreline (negative means
          below), and suction-line friction is {hf}. Using IAPWS water properties, what is
          the NPSH available, in m?""",
        """Water at {T} is taken from a vented sump at {Patm} barometric pressure. Static
          height of the liquid level over the impeller eye: {z} (a negative value is a
          suction lift). Suction losses: {hf}. Compute NPSHa in metres.""",
        """What net positive suction head is available to a pump lifting {T} water out of
          an atmospheric tank ({Patm})? Level relative to pump centreline: {z}; friction
          loss in the suction line {hf}. Answer in m.""",
        """Check cavitation margin: water at {T}, open tank at {Patm}, liquid level {z}
          relative to the suction centreline, suction head loss {hf}. NPSH available
          (m)?""",
    ),
)
def _(T: Val, Patm: Val, z: Val, hf: Val) -> float:
    t = T.to("K")
    Pv = _coolprop("P", "T", t, "Q", 0, "Water")
    rho = _coolprop("D", "T", t, "P", Patm.to("Pa"), "Water")
    return (Patm.to("Pa") - Pv) / (rho * G) + z.to("m") - hf.to("m")


def _draw_affinity(rng: random.Random) -> dict[str, Any]:
    N1 = float(pick(rng, [1450, 1480, 2900, 2950, 1750, 3550, 980]))
    N2 = float(round(N1 * rng.uniform(0.7, 1.2) / 10) * 10)
    what = pick(rng, ["flow", "head", "power"])
    x1 = {
        "flow": val(rng, Q_LIQ),
        "head": Val(uni(rng, 20, 120), "m", "m"),
        "power": Val(uni(rng, 5, 250), "kW", "kW"),
    }[what]
    return {"N1": N1, "N2": N2, "what": what, "x1": x1}


@kind(
    "pumps/affinity",
    "pumps",
    None,
    ("pump_affinity",),
    "Pump affinity laws at constant impeller diameter: Q ~ N, H ~ N^2, P ~ N^3",
    count=4,
    rel_tol=0.005,
    draw=_draw_affinity,
    wordings=(
        """A centrifugal pump at {N1:.0f} rpm has a {what} of {x1}. A VFD changes the
          speed to {N2:.0f} rpm. By the affinity laws, what is the new {what}? Give it in
          the same unit.""",
        """At {N1:.0f} rpm the pump's {what} is {x1}. Estimate the {what} at {N2:.0f} rpm
          with the same impeller (affinity laws, same unit).""",
        """Using the pump affinity laws, scale a {what} of {x1} from {N1:.0f} rpm to
          {N2:.0f} rpm (same impeller and system curve point). Answer in the same unit.""",
    ),
)
def _(N1: float, N2: float, what: str, x1: Val) -> tuple[float, str]:
    power = {"flow": 1, "head": 2, "power": 3}[what]
    return x1.value * (N2 / N1) ** power, x1.unit


def _draw_ns(rng: random.Random) -> dict[str, Any]:
    return {
        "N": float(pick(rng, [1450, 2900, 1750, 3550, 980])),
        "Q": Val(uni(rng, 0.01, 0.5), "m**3/s", "m³/s"),
        "H": Val(uni(rng, 10, 150), "m", "m"),
    }


@kind(
    "pumps/specific_speed",
    "pumps",
    "rpm*m**0.75/s**0.5",
    ("pump_specific_speed",),
    "Ns = N Q^0.5 / H^0.75 (metric: rpm, m3/s, m) at the best-efficiency point",
    count=2,
    rel_tol=0.005,
    draw=_draw_ns,
    wordings=(
        """What is the specific speed Ns = N·Q^0.5/H^0.75 of a pump whose best-efficiency
          point is {Q} at {H} head, running at {N:.0f} rpm? Use rpm, m³/s and m.""",
        """A pump at {N:.0f} rpm has its BEP at {Q} and {H}. Compute its specific speed in
          metric units (N in rpm, Q in m³/s, H in m).""",
        """Find the metric specific speed (rpm·(m³/s)^0.5/m^0.75) of a single-stage pump:
          {N:.0f} rpm, {Q}, {H} at best efficiency.""",
    ),
)
def _(N: float, Q: Val, H: Val) -> float:
    return N * Q.value**0.5 / H.value**0.75


def _draw_motor(rng: random.Random) -> dict[str, Any]:
    return {"P": val(rng, [("kW", "kW", 3, 300), ("hp", "hp", 4, 400)])}


_MOTOR = retry(
    _draw_motor,
    lambda d: (
        min(
            abs(d["P"].to("hp") / s - 1)
            for s in (
                1,
                1.5,
                2,
                3,
                5,
                7.5,
                10,
                15,
                20,
                25,
                30,
                40,
                50,
                60,
                75,
                100,
                125,
                150,
                200,
                250,
                300,
                350,
                400,
                450,
                500,
            )
        )
        > 0.01
    ),
)


@kind(
    "pumps/motor",
    "pumps",
    "W",
    ("motor_size",),
    "Next standard NEMA MG-1 motor rating (fluids.motor.motor_round_size)",
    count=3,
    rel_tol=0.001,
    draw=with_inputs(_MOTOR, out=Out("hp", "hp")),
    wordings=(
        """A pump needs {P} of shaft power. What is the smallest standard NEMA motor rating
          that covers it, in hp?""",
        """Select the next standard (NEMA) electric motor size for a shaft power of {P}.
          Give the rating in hp.""",
        """The brake power of a compressor is {P}. Which standard NEMA motor size, in hp,
          is the first one at or above it?""",
    ),
)
def _(P: Val, out: Out) -> float:
    from fluids import motor_round_size

    return float(motor_round_size(P.to("W")))


def _draw_system(rng: random.Random) -> dict[str, Any]:
    return {
        "Q": Val(uni(rng, 20, 150), "m**3/hour", "m³/h"),
        "dz": Val(uni(rng, 5, 40), "m", "m"),
        "L": Val(uni(rng, 50, 600), "m", "m"),
        "D": Val(float(pick(rng, [102.3, 128.2, 154.1, 202.7])), "mm", "mm"),
        "eps": Val(0.046, "mm", "mm"),
        "K": sig(rng.uniform(3, 15), 2),
        "dP": Val(uni(rng, 0, 3, 2), "bar", "bar"),
        "eta": uni(rng, 0.6, 0.8, 2),
    }


@kind(
    "pumps/system_power",
    "pumps",
    "W",
    ("pipe_pressure_drop", "pump_head", "pump_power"),
    "System head = static + Darcy-Weisbach/Colebrook friction (fluids) + pressure "
    "difference; P = rho g Q H / eta",
    count=3,
    rel_tol=0.02,
    draw=with_inputs(_draw_system, out=Out("kW", "kW")),
    wordings=(
        """Water (density 998 kg/m³, viscosity 1.0 mPa·s) is pumped at {Q} from a tank to a
          vessel whose pressure is {dP} higher, {dz} above the tank level, through {L} of
          pipe, {D} ID, roughness {eps}, fittings K = {K}. Pump efficiency {eta}. What shaft
          power is required, in kW?""",
        """Find the pump shaft power (kW) for a water transfer: {Q}, static lift {dz},
          destination pressure {dP} above the source, line {L} long with {D} bore and
          ε = {eps}, minor losses K = {K}, efficiency {eta}. Water: 998 kg/m³,
          1.0 mPa·s.""",
        """A cooling-water pump must move {Q} (998 kg/m³, 1.0 mPa·s) up {dz} into a vessel
          at {dP} more than the suction vessel, through {L} of {D} ID steel pipe
          (roughness {eps}) with fittings totalling K = {K}. With a pump efficiency of
          {eta}, what power does the motor deliver to the shaft, in kW?""",
    ),
)
def _(Q: Val, dz: Val, L: Val, D: Val, eps: Val, K: float, dP: Val, eta: float, out: Out) -> float:
    rho, mu = 998.0, 1.0e-3
    q = Q.to("m**3/s")
    H = dz.to("m") + (dP.to("Pa") + _pipe_dp(q, D.to("m"), L.to("m"), eps.to("m"), rho, mu, K)) / (
        rho * G
    )
    return rho * G * q * H / eta
