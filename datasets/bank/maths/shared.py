"""What the maths kinds share: their ``kind`` decorator and how they print lists and tables."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import Any

from bank.core import Kind
from bank.core import registrar as core_registrar

__all__ = ["fmt", "matrix_text", "registrar"]

Solver = Callable[..., float]


def fmt(values: Sequence[float]) -> str:
    return ", ".join(f"{v:g}" for v in values)


def matrix_text(rows: Sequence[Sequence[float]]) -> str:
    return "[" + "; ".join(" ".join(f"{v:g}" for v in row) for row in rows) + "]"


def registrar(kinds: list[Kind]) -> Callable[..., Callable[[Solver], Solver]]:
    """The maths set's ``kind`` decorator on core's registrar: the category is ``maths/``
    plus the key's first part, and gold tools are optional (most items have none)."""
    register = core_registrar(kinds)

    def kind(
        key: str,
        unit: str,
        source: str,
        *,
        count: int,
        rel_tol: float,
        draw: Callable[[random.Random], dict[str, Any]],
        wordings: Sequence[str],
        tools: tuple[str, ...] = (),
    ) -> Callable[[Solver], Solver]:
        category = "maths/" + key.split("/")[0]
        return register(
            key,
            category,
            unit,
            tools,
            source,
            count=count,
            rel_tol=rel_tol,
            draw=draw,
            wordings=wordings,
        )

    return kind
