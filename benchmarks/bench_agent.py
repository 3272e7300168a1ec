"""End-to-end solve time on dev problems, and how much of it is orchestration.

The issue's targets, with the default offline models on a 2-core CPU: median
end-to-end time per dev problem ≤ 20 s, and orchestration overhead ≤ 5 % of it.
Orchestration overhead is all the time outside model calls and tool calls (LangGraph,
retrieval of candidate tools, validation, the checkpointer, the experts' own Python),
read from each solve's trace: ``latency - model time - tool time``, the model time
including the action generator's calls.

The figures come from per-item records in the format ``peoa eval`` writes
(``results.jsonl``), so a dev-set evaluation already run serves as the benchmark's
input without solving the set twice: set ``PEOA_BENCH_AGENT_RESULTS`` to that file.
Without it, the benchmark solves ``PEOA_BENCH_AGENT_ITEMS`` dev problems (default 6,
one per category in turn) through the same evaluation runner.
"""

from __future__ import annotations

import os
import statistics
import tempfile
from pathlib import Path

from benchmarks.harness import Measurement
from peoa.evaluation import load_dataset
from peoa.evaluation.runner import ItemRecord, evaluate, read_records
from peoa.paths import resource_dir


def _solve_some(count: int) -> list[ItemRecord]:
    from peoa.agent import Assistant

    items, _ = load_dataset(resource_dir("datasets") / "dev.jsonl")
    by_category: dict[str, list] = {}
    for item in items:
        by_category.setdefault(item.category, []).append(item)
    chosen = [group[0] for group in by_category.values()][:count]
    assistant = Assistant()
    assistant.find_tools("warm up the graph connection", 1)
    try:
        with tempfile.TemporaryDirectory(prefix="peoa-bench-agent-") as folder:
            return evaluate(chosen, assistant.solve, Path(folder) / "results.jsonl")
    finally:
        assistant.close()


def figures(records: list[ItemRecord]) -> list[Measurement]:
    """The benchmark's measurements from per-item evaluation records."""
    timed = [r for r in records if r.latency_s > 0 and r.status != "error"]
    if not timed:
        raise ValueError("no timed records: every item errored or none was given")
    if not any(r.model_time_s for r in timed):
        raise ValueError(
            "the records carry no model timings (written before peoa eval recorded them): "
            "run peoa eval again"
        )
    totals = [r.latency_s for r in timed]
    outside = [max(r.latency_s - r.model_time_s - r.tool_time_s, 0.0) for r in timed]
    e2e = sum(totals)
    shares = [o / t for o, t in zip(outside, totals, strict=True)]
    correct = sum(r.correct for r in timed)
    note = f"{len(timed)} dev problems, {correct} correct"
    source = os.environ.get("PEOA_BENCH_AGENT_RESULTS")
    if source:
        note += f"; from {source}"
    return [
        Measurement(
            benchmark="agent", metric="median end-to-end time per dev problem", unit="s",
            value=statistics.median(totals), better="lower", target=20.0,
            notes=f"{note}; p90 {statistics.quantiles(totals, n=10)[-1]:.1f} s"
            if len(totals) > 1 else note,
        ),
        Measurement(
            benchmark="agent", metric="orchestration overhead (outside models and tools)",
            unit="fraction", value=sum(outside) / e2e, better="lower", target=0.05,
            notes="total time not in model or tool calls over total end-to-end time; "
            f"per-problem median {statistics.median(shares):.3f}",
        ),
        Measurement(
            benchmark="agent", metric="model time", unit="fraction",
            value=sum(r.model_time_s for r in timed) / e2e, better="higher",
            notes=f"tool calls: {sum(r.tool_time_s for r in timed) / e2e:.4f} of e2e",
        ),
    ]  # fmt: skip


def run() -> list[Measurement]:
    source = os.environ.get("PEOA_BENCH_AGENT_RESULTS")
    if source:
        records = list(read_records(Path(source)).values())
    else:
        records = _solve_some(int(os.environ.get("PEOA_BENCH_AGENT_ITEMS", "6")))
    return figures(records)
