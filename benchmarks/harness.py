"""The benchmark contract and runner behind ``make bench``.

Each ``benchmarks/bench_*.py`` defines ``run() -> list[Measurement]``. A measurement
reports PEOA's figure next to a baseline taken in the same process on the same
inputs, so machines of different speeds compare by ratio, not by absolute time.
The runner writes ``bench-results/results.json`` and ``bench-results/results.md``.
"""

from __future__ import annotations

import importlib
import json
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

__all__ = ["Measurement", "best_of", "main"]


class Measurement(BaseModel):
    """One benchmark figure against its same-run baseline."""

    benchmark: str
    metric: str
    unit: str
    value: float
    baseline_name: str | None = None
    baseline: float | None = None
    # "higher": value/baseline must reach target; "lower": value must stay at or under target.
    better: Literal["higher", "lower"] = "higher"
    target: float | None = None
    notes: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        return self.value / self.baseline

    @property
    def met(self) -> bool | None:
        if self.target is None:
            return None
        if self.better == "higher":
            figure = self.ratio if self.baseline is not None else self.value
            return figure is not None and figure >= self.target
        return self.value <= self.target


def best_of(repeats: int, func: Callable[[], object]) -> float:
    """Smallest wall time of ``repeats`` calls, in seconds (the least disturbed run)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:.4g}"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out_dir = Path("bench-results")
    selected = set(argv)
    modules = sorted(Path(__file__).parent.glob("bench_*.py"))
    results: list[Measurement] = []
    failures: list[str] = []
    for path in modules:
        name = path.stem
        if selected and name not in selected and name.removeprefix("bench_") not in selected:
            continue
        print(f"== {name}", flush=True)
        try:
            measured = importlib.import_module(f"benchmarks.{name}").run()
        except Exception:
            failures.append(name)
            traceback.print_exc()
            continue
        for item in measured:
            print(f"   {item.metric}: {_fmt(item.value)} {item.unit} ratio={_fmt(item.ratio)}")
        results.extend(measured)
    out_dir.mkdir(exist_ok=True)
    payload = [m.model_dump() | {"ratio": m.ratio, "met": m.met} for m in results]
    (out_dir / "results.json").write_text(json.dumps(payload, indent=2))
    lines = [
        "| benchmark | metric | PEOA | baseline | ratio | target | met |",
        "|---|---|---|---|---|---|---|",
    ]
    for m in results:
        base = f"{_fmt(m.baseline)} ({m.baseline_name})" if m.baseline is not None else ""
        target = (
            "" if m.target is None else ("≥ " if m.better == "higher" else "≤ ") + _fmt(m.target)
        )
        met = {True: "yes", False: "no", None: ""}[m.met]
        lines.append(
            f"| {m.benchmark} | {m.metric} [{m.unit}] | {_fmt(m.value)} | {base} | "
            f"{_fmt(m.ratio)} | {target} | {met} |"
        )
    (out_dir / "results.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    if failures:
        print(f"benchmarks that crashed: {', '.join(failures)}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
