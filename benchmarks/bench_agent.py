"""End-to-end solve time on dev problems, and how much of it is orchestration.

Orchestration overhead is all the time outside model calls and tool calls
(LangGraph, validation, retrieval of candidate tools, checkpointing), as a share
of end-to-end time. ``PEOA_BENCH_AGENT_ITEMS`` sets how many dev problems to run
(default 6, one per category in turn).
"""

from __future__ import annotations

import os
import statistics
import time

from benchmarks.harness import Measurement
from peoa.evaluation import load_dataset, score_answer
from peoa.paths import resource_dir


def run() -> list[Measurement]:
    from peoa.agent import Assistant

    count = int(os.environ.get("PEOA_BENCH_AGENT_ITEMS", "6"))
    items, _ = load_dataset(resource_dir("datasets") / "dev.jsonl")
    by_category: dict[str, list] = {}
    for item in items:
        by_category.setdefault(item.category, []).append(item)
    chosen = [group[0] for group in by_category.values()][:count]
    assistant = Assistant()
    assistant.find_tools("warm up the graph connection", 1)
    totals, overheads, correct = [], [], 0
    try:
        for item in chosen:
            start = time.perf_counter()
            solution = assistant.solve(item.question)
            elapsed = time.perf_counter() - start
            inside = solution.usage.model_time_s + solution.usage.tool_time_s
            totals.append(elapsed)
            overheads.append(max(elapsed - inside, 0.0) / elapsed)
            correct += score_answer(
                solution.answer, solution.unit, item.answer, item.unit, item.rel_tol
            )[0]
    finally:
        assistant.close()
    note = f"{len(chosen)} dev problems, {correct} correct"
    return [
        Measurement(
            benchmark="agent", metric="median end-to-end time per dev problem", unit="s",
            value=statistics.median(totals), better="lower", target=20.0, notes=note,
        ),
        Measurement(
            benchmark="agent", metric="orchestration overhead (outside models and tools)",
            unit="fraction", value=statistics.median(overheads), better="lower", target=0.05,
            notes="time not spent in model or tool calls, over end-to-end time",
        ),
    ]  # fmt: skip
