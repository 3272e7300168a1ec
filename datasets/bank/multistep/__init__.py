"""The multi-step validation set (``datasets/multistep.jsonl``).

Every problem needs two to four calculation steps chained together: a property look-up,
a pipe's bore from its schedule, a pressure drop or a duty that the asked number then
depends on. The kinds use the process set's categories, one topic file each, and reuse
its machinery (``bank.core``) and some of its helpers; ``values`` holds the units and
designations engineers write (gpm, psig, °F, lb/h, NPS 4 schedule 40, DN 100). Each
record names its gold chain of PEOA tools (``tools``, in order) and ``steps``, the
number of calculation steps (a property look-up counts as one).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from bank.core import Kind, drawn, topic_kinds
from bank.multistep.values import ItemRandom
from bank.process import CATEGORIES
from bank.process import KINDS as PROCESS_KINDS

__all__ = ["CATEGORIES", "ID_PREFIX", "KINDS", "MAX_STEPS", "MIN_STEPS", "build_records"]

ID_PREFIX = "ms"
MIN_STEPS, MAX_STEPS = 2, 4


#: Every kind of the set; within a category, in the order its topic file registers them
#: (that order, with each kind's key as its seed, fixes the records).
KINDS: list[Kind] = topic_kinds("bank.multistep", CATEGORIES)  # no units problems


def record_id(key: str, n: int) -> str:
    """``ms-<kind>-NNN``: the kind's key with its slash as a dash, numbered from 001."""
    return f"{ID_PREFIX}-{key.replace('/', '-')}-{n + 1:03d}"


def build_records() -> Iterator[dict[str, Any]]:
    """Draw, word and solve every item of every kind, in a fixed order."""
    shared = {k.key for k in KINDS} & {k.key for k in PROCESS_KINDS}
    if shared:  # a kind key is also a seed: never draw the same inputs as process.jsonl
        raise ValueError(f"kind {sorted(shared)[0]!r} is also a kind of the process set")
    for item in drawn(KINDS, CATEGORIES, bank="multi-step", seed=ItemRandom):
        if not MIN_STEPS <= len(item.tools) <= MAX_STEPS:
            raise ValueError(f"{item.kind.key} names {len(item.tools)} tools, not 2 to 4")
        record = item.common_fields(record_id(item.kind.key, item.n))
        record["tools"] = list(item.tools)
        record["kind"] = item.kind.key
        record["steps"] = len(item.tools)
        yield record
