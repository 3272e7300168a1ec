"""Multi-step kinds: properties (thermo 0.6 / chemicals 1.5 recommended methods)."""

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
    val,
)
from bank.lookups import LIQUIDS, _chemical, _tsat

KINDS: list[Kind] = []
kind = registrar(KINDS)


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
