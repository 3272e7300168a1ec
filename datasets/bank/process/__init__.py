"""The process-engineering evaluation set (``datasets/process.jsonl``).

One topic file per category of the toolkit; each registers its kinds in a ``KINDS`` of
its own, and ``KINDS`` here collects them in ``CATEGORIES`` order. Every solver computes
its answer independently of PEOA -- straight from the field libraries (fluids, ht, thermo,
chemicals, CoolProp, cantera, scipy) or from the textbook formula written out in the
topic file -- so the dataset does not test a tool against itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from bank.core import Kind, drawn, topic_kinds

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


#: Every kind of the set; within a category, in the order its topic file registers them
#: (that order, with each kind's key as its seed, fixes the records and their ids).
KINDS: list[Kind] = topic_kinds("bank.process", CATEGORIES)


def build_records() -> Iterator[dict[str, Any]]:
    """Draw, word and solve every item of every kind, in a fixed order."""
    for item in drawn(KINDS, CATEGORIES, bank="process"):
        category = item.kind.category
        record = item.common_fields(f"{ID_PREFIX}-{category}-{item.number:03d}")
        if item.tools:
            record["tools"] = list(item.tools)
        record["kind"] = item.kind.key
        yield record
