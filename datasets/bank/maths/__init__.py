"""The engineering-mathematics evaluation set (``datasets/maths.jsonl``).

Problems in the spirit of MathComp, each set in a process-engineering context: one topic
file per category, each registering its kinds in a ``KINDS`` of its own; ``KINDS`` here
collects them in ``CATEGORIES`` order. Every answer is computed with numpy, scipy or sympy
from inputs drawn with a fixed per-item seed.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from typing import Any

from bank.core import Kind, as_sentence, as_shown, reference_answer
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
    keys = [k.key for k in KINDS]
    duplicates = [key for key, n in Counter(keys).items() if n > 1]
    if duplicates:
        raise ValueError(f"duplicate problem kind {duplicates[0]!r} in the maths bank")
    numbers: Counter[str] = Counter()
    for item in sorted(KINDS, key=lambda k: CATEGORIES.index(k.category)):
        for n in range(item.count):
            rng = random.Random(f"{item.key}:{n}")
            inputs = item.draw(rng)
            answer, unit = reference_answer(item, inputs)
            numbers[item.category] += 1
            short = item.category.split("/")[1]
            wording = item.wordings[n % len(item.wordings)]
            record: dict[str, Any] = {
                "id": f"{ID_PREFIX}-{short}-{numbers[item.category]:03d}",
                "category": item.category,
                "question": as_sentence(wording.format(**as_shown(inputs))),
                "answer": answer,
                "unit": unit,
                "rel_tol": item.rel_tol,
                "source": item.source,
            }
            if item.tools:
                record["tools"] = list(item.tools)
            record["kind"] = item.key
            yield record
