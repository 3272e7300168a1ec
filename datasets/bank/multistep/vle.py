"""Multi-step kinds: vapour-liquid equilibrium."""

from __future__ import annotations

import random
from typing import Any

from bank.core import (
    Kind,
    Val,
    pick,
    registrar,
    retry,
    uni,
    val,
)
from bank.process.vle import _BUBBLE_T, _DEW_T, _PAIRS

KINDS: list[Kind] = []
kind = registrar(KINDS)


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
