"""Build PEOA's process-engineering evaluation set, ``datasets/process.jsonl``.

The problems come from the problem bank, ``datasets/bank/process/`` (one topic file per
category). Each *problem kind* there is a small generator: a function that draws
physically sensible inputs (each in a unit an engineer would write, from a fixed per-item
seed), several wordings of the question, and a solver that computes the reference answer
independently of PEOA -- straight from the field libraries (fluids, ht, thermo,
chemicals, CoolProp, cantera, scipy) or from the textbook formula written out there.
PEOA's own tool wrappers are never called, so the dataset does not test a tool against
itself.

Run from the repository root::

    .venv/bin/python datasets/build_process.py            # writes datasets/process.jsonl
    .venv/bin/python datasets/build_process.py OUT.jsonl  # writes elsewhere

The output is deterministic: every item draws from ``random.Random("<kind>:<n>")``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the bank is a sibling folder

from bank.core import Kind, Num, Val
from bank.process import CATEGORIES, KINDS, build_records

from peoa.evaluation.dataset import write_jsonl

__all__ = ["CATEGORIES", "KINDS", "Kind", "Num", "Val", "build_records", "write_dataset"]


def write_dataset(path: Path) -> int:
    """Write the dataset as JSONL to ``path``; return the number of problems written."""
    return write_jsonl(path, build_records())


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else Path(__file__).with_name("process.jsonl")
    count = write_dataset(target)
    print(f"wrote {count} problems to {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
