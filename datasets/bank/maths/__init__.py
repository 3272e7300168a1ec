"""The engineering-mathematics evaluation set (``datasets/maths.jsonl``).

Problems in the spirit of MathComp, each set in a process-engineering context: one topic
file per category, each registering its kinds in a ``KINDS`` of its own; ``KINDS`` here
collects them in ``CATEGORIES`` order. Every answer is computed with numpy, scipy or sympy
from inputs drawn with a fixed per-item seed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from bank.core import Kind, drawn
from bank.maths import (
    eigen,
    integration,
    interpolation,
    linear,
    newton,
    ode,
    optimisation,
    regression,
    roots,
    series,
)

__all__ = ["CATEGORIES", "ID_PREFIX", "KINDS", "build_records"]

CATEGORIES: tuple[str, ...] = (
    "maths/roots",
    "maths/ode",
    "maths/integration",
    "maths/linear",
    "maths/regression",
    "maths/optimisation",
    "maths/interpolation",
    "maths/newton",
    "maths/eigen",
    "maths/series",
)

ID_PREFIX = "math"

_TOPICS = (
    roots,
    ode,
    integration,
    linear,
    regression,
    optimisation,
    interpolation,
    newton,
    eigen,
    series,
)  # in CATEGORIES order

#: Every kind of the set; within a category, in the order its topic file registers them
KINDS: list[Kind] = [kind for topic in _TOPICS for kind in topic.KINDS]


def build_records() -> Iterator[dict[str, Any]]:
    """Draw, word and solve every item of every kind, in a fixed order."""
    for item in drawn(KINDS, CATEGORIES, bank="maths"):
        short = item.kind.category.split("/")[1]  # "maths/roots" numbers as "math-roots-001"
        record = item.common_fields(f"{ID_PREFIX}-{short}-{item.number:03d}")
        if item.tools:
            record["tools"] = list(item.tools)
        record["kind"] = item.kind.key
        yield record
