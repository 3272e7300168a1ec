"""Build PEOA's multi-step validation set, ``datasets/multistep.jsonl``.

Every problem here needs two to four calculation steps chained together: a property
look-up, a pipe's bore from its schedule, a pressure drop or a duty that the asked number
then depends on. The problems come from the problem bank, ``datasets/bank/multistep/``
(one topic file per category), whose kinds work like the process set's: a draw of
physically sensible inputs written in the units engineers use (gpm, psig, °F, lb/h,
NPS 4 schedule 40, DN 100, water at 60 °C), several wordings, and a solver that computes
the reference answer independently of PEOA -- from the field libraries (fluids, ht,
thermo, chemicals, CoolProp, scipy) or the textbook formula written out there. PEOA's own
tool wrappers are never called.

Each record names its gold chain of PEOA tools (``tools``, in order) and ``steps``, the
number of calculation steps (a property look-up counts as one).

Run from the repository root::

    .venv/bin/python datasets/build_multistep.py            # writes datasets/multistep.jsonl
    .venv/bin/python datasets/build_multistep.py OUT.jsonl  # writes elsewhere

The output is deterministic: every item draws from ``random.Random("<kind>:<n>")``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the bank is a sibling folder

from bank.multistep import CATEGORIES, KINDS, MAX_STEPS, MIN_STEPS, build_records

from peoa.evaluation.dataset import write_jsonl

__all__ = ["CATEGORIES", "KINDS", "MAX_STEPS", "MIN_STEPS", "build_records", "write_dataset"]


def write_dataset(path: Path) -> int:
    """Write the dataset as JSONL to ``path``; return the number of problems written."""
    return write_jsonl(path, build_records())


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else Path(__file__).with_name("multistep.jsonl")
    count = write_dataset(target)
    print(f"wrote {count} problems to {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
