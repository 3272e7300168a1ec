"""The process-engineering evaluation set (``datasets/process.jsonl``).

One topic file per category of the toolkit; each registers its kinds in a ``KINDS`` of
its own, and ``KINDS`` here collects them in ``CATEGORIES`` order. Every solver computes
its answer independently of PEOA -- straight from the field libraries (fluids, ht, thermo,
chemicals, CoolProp, cantera, scipy) or from the textbook formula written out in the
topic file -- so the dataset does not test a tool against itself.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from typing import Any

from bank.core import GOLD_TOOLS, Kind, as_sentence, as_shown, reference_answer
from bank.process import (
    balances,
    compressors,
    control_valves,
    distillation,
    flow_measurement,
    heat_exchangers,
    heat_transfer,
    pipe_flow,
    properties,
    psychrometrics,
    pumps,
    reactors,
    relief_devices,
    steam,
    units,
    vle,
)

__all__ = ["CATEGORIES", "ID_PREFIX", "KINDS", "build_records"]

#: The toolkit's sixteen topics (``peoa tools list``); every category has items.
CATEGORIES: tuple[str, ...] = (
    "units",
    "properties",
    "steam",
    "psychrometrics",
    "pipe_flow",
    "pumps",
    "compressors",
    "flow_measurement",
    "control_valves",
    "relief_devices",
    "heat_exchangers",
    "heat_transfer",
    "vle",
    "distillation",
    "reactors",
    "balances",
)

ID_PREFIX = "proc"

_TOPICS = {
    "units": units,
    "properties": properties,
    "steam": steam,
    "psychrometrics": psychrometrics,
    "pipe_flow": pipe_flow,
    "pumps": pumps,
    "compressors": compressors,
    "flow_measurement": flow_measurement,
    "control_valves": control_valves,
    "relief_devices": relief_devices,
    "heat_exchangers": heat_exchangers,
    "heat_transfer": heat_transfer,
    "vle": vle,
    "distillation": distillation,
    "reactors": reactors,
    "balances": balances,
}

#: Every kind of the set; within a category, in the order its topic file registers them
#: (that order, with each kind's key as its seed, fixes the records and their ids).
KINDS: list[Kind] = [item for category in CATEGORIES for item in _TOPICS[category].KINDS]


def build_records() -> Iterator[dict[str, Any]]:
    """Draw, word and solve every item of every kind, in a fixed order."""
    keys = [k.key for k in KINDS]
    duplicates = [key for key, n in Counter(keys).items() if n > 1]
    if duplicates:
        raise ValueError(f"duplicate problem kind {duplicates[0]!r} in the process bank")
    numbers: Counter[str] = Counter()
    for item in sorted(KINDS, key=lambda k: CATEGORIES.index(k.category)):
        for n in range(item.count):
            rng = random.Random(f"{item.key}:{n}")
            inputs = item.draw(rng)
            tools = inputs.pop(GOLD_TOOLS, item.tools)
            wording = item.wordings[n % len(item.wordings)]
            try:
                answer, unit = reference_answer(item, inputs)
            except Exception as error:
                raise RuntimeError(f"{item.key} #{n} failed: {error!r}") from error
            numbers[item.category] += 1
            record: dict[str, Any] = {
                "id": f"{ID_PREFIX}-{item.category}-{numbers[item.category]:03d}",
                "category": item.category,
                "question": as_sentence(wording.format(**as_shown(inputs))),
                "answer": answer,
                "unit": unit,
                "rel_tol": item.rel_tol,
                "source": item.source,
            }
            if tools:
                record["tools"] = list(tools)
            record["kind"] = item.key
            yield record
