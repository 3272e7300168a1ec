"""Multi-step kinds: flow measurement (ISO 5167 through fluids.flow_meter)."""

from __future__ import annotations

import random
from typing import Any

from bank.core import (
    Kind,
    Out,
    Val,
    out,
    pick,
    registrar,
    sig,
    val,
)
from bank.lookups import _liquid
from bank.multistep.values import (
    _NAMED_LIQUIDS,
    Pipe,
    pipe,
    temperature,
)
from bank.process.flow_measurement import _TAPS

KINDS: list[Kind] = []
kind = registrar(KINDS)


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
