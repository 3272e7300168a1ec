"""Build PEOA's engineering-mathematics evaluation set, ``datasets/maths.jsonl``.

A hundred problems in the spirit of MathComp: root finding, ODE integration, quadrature,
linear systems, regression, optimisation, interpolation, Newton iteration, eigenvalues and
series, each set in a process-engineering context. The kinds live in the problem bank
(``datasets/bank/maths/``, one file per category); every answer is computed there with
numpy, scipy or sympy from inputs drawn with a fixed per-item seed, so re-running this
script reproduces the file exactly.

Run from the repository root::

    .venv/bin/python datasets/build_maths.py            # writes datasets/maths.jsonl
    .venv/bin/python datasets/build_maths.py OUT.jsonl  # writes elsewhere
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the bank is a sibling folder

from bank.core import Kind, Num
from bank.maths import CATEGORIES, KINDS, build_records

from peoa.evaluation.dataset import write_jsonl

__all__ = ["CATEGORIES", "KINDS", "Kind", "Num", "build_records", "write_dataset"]


def write_dataset(path: Path) -> int:
    """Write the dataset as JSONL to ``path``; return the number of problems written."""
    return write_jsonl(path, build_records())


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else Path(__file__).with_name("maths.jsonl")
    count = write_dataset(target)
    print(f"wrote {count} problems to {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
