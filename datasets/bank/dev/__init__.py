"""The development set (``datasets/dev.jsonl``): fixed problems, four to seven per topic.

Each problem is a question template, its input values and a function that computes the
reference answer with the field libraries (fluids, ht, thermo, chemicals, CoolProp,
cantera, pint, scipy); nothing is typed in by hand. One topic file per category, each
registering its problems in a ``PROBLEMS`` of its own; ``PROBLEMS`` here collects them in
``CATEGORIES`` order, which is the order of the file.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

from bank.core import Kind, drawn
from bank.dev import (
    balances,
    compressors,
    control_valves,
    distillation,
    flow_measurement,
    heat_exchangers,
    heat_transfer,
    pipe_flow,
    properties,
    psychrometrics_steam,
    pumps,
    reactors,
    relief,
    units,
    vle_flash,
)

__all__ = ["CATEGORIES", "PROBLEMS", "build_records"]

CATEGORIES: tuple[str, ...] = (
    "units",
    "properties",
    "pipe_flow",
    "pumps",
    "compressors",
    "flow_measurement",
    "control_valves",
    "relief",
    "heat_exchangers",
    "heat_transfer",
    "vle_flash",
    "distillation",
    "reactors",
    "balances",
    "psychrometrics_steam",
)

_TOPICS = (
    units,
    properties,
    pipe_flow,
    pumps,
    compressors,
    flow_measurement,
    control_valves,
    relief,
    heat_exchangers,
    heat_transfer,
    vle_flash,
    distillation,
    reactors,
    balances,
    psychrometrics_steam,
)  # in CATEGORIES order

#: Every problem of the set, each a core ``Kind`` with one fixed draw; its key is its id
PROBLEMS: list[Kind] = [problem for topic in _TOPICS for problem in topic.PROBLEMS]


def _fixed_random(key: str, n: int) -> random.Random:
    """A dev problem's one draw is seeded by its id alone (its inputs are fixed anyway)."""
    return random.Random(key)


def _as_written(template: str, inputs: dict[str, Any]) -> str:
    """The template filled with the inputs as written (no shortest form, no capital):
    "150.0 psig" stays as it was."""
    return template.format(**inputs)


def build_records() -> Iterator[dict[str, Any]]:
    """Render every problem into a dataset record, computing its answer."""
    for problem in PROBLEMS:
        if problem.category not in CATEGORIES:
            raise ValueError(f"problem {problem.key} has unknown category {problem.category!r}")
    items = drawn(
        PROBLEMS,
        CATEGORIES,
        bank="dev",
        seed=_fixed_random,
        question=_as_written,
        noun="problem id",
    )
    for item in items:
        record = item.common_fields(item.kind.key)
        if item.tools:  # gold tools are optional: some steps have no dedicated tool
            record["tools"] = list(item.tools)
        yield record
