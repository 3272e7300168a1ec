"""Build PEOA's development dataset, ``datasets/dev.jsonl``, from the field libraries.

Every problem is written in the problem bank (``datasets/bank/dev/``, one file per
category) as a question template, its input values and a function that computes the
reference answer with fluids, ht, thermo, chemicals, CoolProp, cantera, pint or scipy.
Nothing in the dataset is typed in by hand: re-running this script (and
``tests/datasets/test_dev_dataset.py`` does) reproduces every stored answer.

Run from the repository root::

    .venv/bin/python datasets/build_dev.py            # writes datasets/dev.jsonl
    .venv/bin/python datasets/build_dev.py OUT.jsonl  # writes elsewhere
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the bank is a sibling folder

from bank.dev import CATEGORIES, PROBLEMS, build_records

from peoa.evaluation.dataset import write_jsonl

__all__ = ["CATEGORIES", "PROBLEMS", "build_records", "write_dataset"]


def write_dataset(path: Path) -> int:
    """Write the dataset as JSONL to ``path``; return the number of problems written."""
    return write_jsonl(path, build_records())


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else Path(__file__).with_name("dev.jsonl")
    count = write_dataset(target)
    print(f"wrote {count} problems to {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
