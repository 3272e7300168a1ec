"""What the dev problems share: their ``problem`` decorator, pint quantities and a pipe's
pressure drop.

A dev problem is one fixed item: a core ``Kind`` whose draw always gives the same inputs
(``count`` 1), whose one wording is the question template and whose key is the item's id.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from functools import cache
from typing import Any

from bank.core import Kind, with_inputs
from bank.lookups import _darcy

__all__ = ["DEFAULT_SOURCE", "_pipe_dP", "_q", "registrar"]

DEFAULT_SOURCE = "PEOA dev set; answer computed by datasets/build_dev.py"

Solver = Callable[..., float]


def _nothing_drawn(rng: random.Random) -> dict[str, Any]:
    return {}


def registrar(problems: list[Kind]) -> Callable[..., Callable[[Solver], Solver]]:
    """A ``problem`` decorator that registers fixed problems in ``problems``."""

    def problem(
        pid: str,
        category: str,
        unit: str,
        tools: tuple[str, ...],
        template: str,
        rel_tol: float = 0.02,
        source: str = DEFAULT_SOURCE,
        **inputs: Any,
    ) -> Callable[[Solver], Solver]:
        """Register the decorated function as the solver of problem ``pid``; ``inputs``
        fill the template and are the solver's keyword arguments."""

        def register(fn: Solver) -> Solver:
            draw = with_inputs(_nothing_drawn, **inputs)
            wording = " ".join(template.split())
            problems.append(
                Kind(pid, category, unit, tools, source, rel_tol, 1, draw, (wording,), fn)
            )
            return fn

        return register

    return problem


@cache
def _ureg() -> Any:
    import pint

    return pint.UnitRegistry()


def _q(value: float, unit: str) -> Any:
    return _ureg().Quantity(value, unit)


def _pipe_dP(
    Q: float, D: float, L: float, rough: float, rho: float, mu: float, K: float = 0.0
) -> float:
    """Frictional plus fitting pressure drop [Pa] of a liquid in a round pipe."""
    from fluids import K_from_f, Reynolds, dP_from_K

    V = Q / (math.pi * D**2 / 4)
    fd = _darcy(Reynolds(V=V, D=D, rho=rho, mu=mu), rough / D)
    return float(dP_from_K(K_from_f(fd=fd, L=L, D=D) + K, rho=rho, V=V))
