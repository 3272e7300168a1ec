"""Evaluation throughput: problems per minute at concurrency 1, 2 and 4.

The baseline is a plain sequential loop over ``Assistant.solve`` on the same
items in the same process; each runner figure is a ratio against it. The items are
simple one-tool questions from ``datasets/dev.jsonl`` (unit conversions), so the
benchmark finishes in minutes; ``PEOA_BENCH_EVAL_ITEMS`` sets how many (default 4).
A first solve warms the models, the graph connection and the tool index.

Local models run one generation at a time per loaded model file, so concurrency
overlaps model time with retrieval, tools and validation rather than multiplying
model throughput.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from benchmarks.harness import Measurement
from peoa.evaluation import evaluate, load_dataset
from peoa.paths import resource_dir


def run() -> list[Measurement]:
    from langgraph.checkpoint.memory import InMemorySaver

    from peoa.agent import Assistant

    count = int(os.environ.get("PEOA_BENCH_EVAL_ITEMS", "4"))
    items, _ = load_dataset(resource_dir("datasets") / "dev.jsonl")
    chosen = [i for i in items if i.category == "units"][:count]
    assistant = Assistant(checkpointer=InMemorySaver())
    try:
        assistant.solve(chosen[0].question)  # warm-up, not timed

        start = time.perf_counter()
        for item in chosen:
            assistant.solve(item.question)
        sequential = len(chosen) / (time.perf_counter() - start) * 60

        measured = []
        with tempfile.TemporaryDirectory(prefix="peoa-bench-eval-") as folder:
            for concurrency in (1, 2, 4):
                out = Path(folder) / f"c{concurrency}.jsonl"
                start = time.perf_counter()
                records = evaluate(chosen, assistant.solve, out, concurrency=concurrency)
                rate = len(chosen) / (time.perf_counter() - start) * 60
                correct = sum(r.correct for r in records)
                measured.append(
                    Measurement(
                        benchmark="eval",
                        metric=f"throughput at concurrency {concurrency}",
                        unit="problems/min",
                        value=rate,
                        baseline_name="sequential Assistant.solve loop",
                        baseline=sequential,
                        better="higher",
                        # The runner must not cost throughput; gains above 1 depend on
                        # how much of a solve is not model time.
                        target=0.95 if concurrency == 1 else None,
                        notes=f"{len(chosen)} dev unit-conversion problems, {correct} correct",
                    )
                )
    finally:
        assistant.close()
    return measured
