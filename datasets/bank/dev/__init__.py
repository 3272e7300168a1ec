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

from bank.core import Kind, reference_answer
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


def build_records() -> Iterator[dict[str, Any]]:
    """Render every problem into a dataset record, computing its answer."""
    seen: set[str] = set()
    for item in PROBLEMS:
        if item.key in seen:
            raise ValueError(f"duplicate problem id {item.key!r} in the dev bank")
        if item.category not in CATEGORIES:
            raise ValueError(f"problem {item.key} has unknown category {item.category!r}")
        seen.add(item.key)
        inputs = item.draw(random.Random(item.key))
        answer, unit = reference_answer(item, inputs)
        record: dict[str, Any] = {
            "id": item.key,
            "category": item.category,
            # the inputs print as written (no shortest form): "150.0 psig" stays as it was
            "question": item.wordings[0].format(**inputs),
            "answer": answer,
            "unit": unit,
            "rel_tol": item.rel_tol,
            "source": item.source,
        }
        if item.tools:  # gold tools are optional: some steps have no dedicated tool
            record["tools"] = list(item.tools)
        yield record
