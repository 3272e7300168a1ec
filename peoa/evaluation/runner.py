"""Run PEOA over datasets: one JSONL record per item, resumable, and a summary."""

from __future__ import annotations

import json
import statistics
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from peoa.evaluation.dataset import DatasetItem
from peoa.evaluation.scoring import score_answer

__all__ = ["ItemRecord", "Summary", "evaluate", "summarise"]


class ItemRecord(BaseModel):
    """What happened to one dataset item."""

    id: str
    category: str
    status: str  # answered / clarification / failed / error
    answer: float | None = None
    unit: str | None = None
    reference: float
    reference_unit: str
    correct: bool = False
    unit_ok: bool = False
    steps: int = 0
    revisions: int = 0
    tools: list[str] = []
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_s: float = 0.0
    error: str | None = None


class Summary(BaseModel):
    items: int
    accuracy: float
    per_category: dict[str, float]
    unit_correctness: float
    execution_success: float  # items that ended with a checked answer
    repair_rate: float  # of items that needed a revision, how many ended correct
    latency_p50_s: float
    latency_p95_s: float
    prompt_tokens: int
    completion_tokens: int


Solver = Callable[[str], Any]  # question -> Solution


def _record(item: DatasetItem, solver: Solver) -> ItemRecord:
    start = time.perf_counter()
    base = {"id": item.id, "category": item.category, "reference": item.answer,
            "reference_unit": item.unit}  # fmt: skip
    try:
        solution = solver(item.question)
    except Exception as error:  # one item's crash must not stop the run
        return ItemRecord(status="error", error=f"{type(error).__name__}: {error}",
                          latency_s=time.perf_counter() - start, **base)  # fmt: skip
    correct, unit_ok = score_answer(
        solution.answer, solution.unit, item.answer, item.unit, item.rel_tol
    )
    return ItemRecord(
        status=solution.status,
        answer=solution.answer,
        unit=solution.unit,
        correct=correct,
        unit_ok=unit_ok,
        steps=len({s.index for s in solution.steps}),
        revisions=solution.usage.revisions,
        tools=[c.tool for s in solution.steps for c in s.result.tool_calls],
        prompt_tokens=solution.usage.prompt_tokens,
        completion_tokens=solution.usage.completion_tokens,
        latency_s=time.perf_counter() - start,
        error=None if solution.status == "answered" else solution.text[:300],
        **base,
    )


def evaluate(
    items: Iterable[DatasetItem],
    solver: Solver,
    out: Path,
    *,
    resume: bool = False,
    on_item: Callable[[ItemRecord], None] | None = None,
) -> list[ItemRecord]:
    """Solve each item, appending one JSON line per item to ``out``.

    With ``resume``, items already in ``out`` are skipped, so an interrupted run
    finishes without repeating work.
    """
    done: dict[str, ItemRecord] = {}
    if resume and out.exists():
        for line in out.read_text().splitlines():
            if line.strip():
                record = ItemRecord.model_validate_json(line)
                done[record.id] = record
    elif out.exists():
        out.unlink()
    out.parent.mkdir(parents=True, exist_ok=True)
    records = []
    with out.open("a", encoding="utf-8") as sink:
        for item in items:
            if item.id in done:
                records.append(done[item.id])
                continue
            record = _record(item, solver)
            sink.write(record.model_dump_json() + "\n")
            sink.flush()  # a kill loses at most the item in flight
            records.append(record)
            if on_item:
                on_item(record)
    return records


def _quantile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q * 100) - 1]


def summarise(records: list[ItemRecord]) -> Summary:
    n = len(records) or 1
    by_category: dict[str, list[bool]] = defaultdict(list)
    for record in records:
        by_category[record.category].append(record.correct)
    repaired = [r for r in records if r.revisions > 0]
    latencies = [r.latency_s for r in records]
    return Summary(
        items=len(records),
        accuracy=sum(r.correct for r in records) / n,
        per_category={c: sum(v) / len(v) for c, v in sorted(by_category.items())},
        unit_correctness=sum(r.unit_ok for r in records) / n,
        execution_success=sum(r.status == "answered" for r in records) / n,
        repair_rate=(sum(r.correct for r in repaired) / len(repaired)) if repaired else 0.0,
        latency_p50_s=_quantile(latencies, 0.5),
        latency_p95_s=_quantile(latencies, 0.95),
        prompt_tokens=sum(r.prompt_tokens for r in records),
        completion_tokens=sum(r.completion_tokens for r in records),
    )


def write_summary(summary: Summary, path: Path) -> None:
    path.write_text(json.dumps(summary.model_dump(), indent=2))
