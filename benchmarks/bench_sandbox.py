"""Sandbox start-to-result time against a bare ``python -c`` started the same way.

Issue 4's target: p50 ≤ 300 ms for a trivial script. The baseline is a plain
``subprocess.run([python, "-c", ...])`` in the same run, so the ratio shows what
the confinement (namespaces, Landlock, seccomp, the audit hook) and the result
channel cost on top of starting an interpreter.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable

from benchmarks.harness import Measurement
from peoa.sandbox import run_python

__all__ = ["run"]

_RUNS = 40


def _times(func: Callable[[], object], runs: int) -> list[float]:
    func()  # warm the page cache and the parent's imports
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        out.append(time.perf_counter() - start)
    return out


def _p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] * 1000


def _sandbox(code: str) -> Callable[[], object]:
    def call() -> object:
        result = run_python(code)
        if not result.ok:
            raise RuntimeError(f"the benchmark script failed in the sandbox: {result.error}")
        return result.result

    return call


def _bare(code: str) -> Callable[[], object]:
    return lambda: subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


def run() -> list[Measurement]:
    trivial_box = _times(_sandbox("result = 6 * 7"), _RUNS)
    trivial_bare = _times(_bare("print(6 * 7)"), _RUNS)
    numpy_box = _times(_sandbox("import numpy as np\nresult = float(np.arange(10).sum())"), 10)
    numpy_bare = _times(_bare("import numpy as np\nprint(float(np.arange(10).sum()))"), 10)
    return [
        Measurement(
            benchmark="sandbox",
            metric="start-to-result p50, trivial script",
            unit="ms",
            value=_p(trivial_box, 50),
            baseline_name="bare python -c",
            baseline=_p(trivial_bare, 50),
            better="lower",
            target=300.0,
            notes=(
                f"p90 {_p(trivial_box, 90):.1f} ms vs {_p(trivial_bare, 90):.1f} ms; "
                f"{_RUNS} runs each"
            ),
        ),
        Measurement(
            benchmark="sandbox",
            metric="start-to-result p50, numpy script",
            unit="ms",
            value=_p(numpy_box, 50),
            baseline_name="bare python -c",
            baseline=_p(numpy_bare, 50),
            better="lower",
            notes="numpy is imported lazily, under the audit hook; 10 runs each",
        ),
    ]
