"""Run PEOA over datasets: one JSONL record per item, resumable, concurrent, and a summary.

Items run on a thread pool (``concurrency`` in flight) or on any other *mapper*
(:mod:`peoa.evaluation.ray_backend` runs them as Ray tasks). Records are appended to
the results file as they finish, so a kill loses at most the items in flight, and
``resume`` skips every item already recorded.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from peoa.evaluation.dataset import DatasetItem
from peoa.evaluation.metrics import ndcg_at_k, quantile, recall_at_k, wilson_interval
from peoa.evaluation.scoring import score_answer, unit_problem

__all__ = [
    "TOOL_KS",
    "ItemRecord",
    "Mapper",
    "Summary",
    "evaluate",
    "make_record",
    "summarise",
    "tool_ranking",
    "write_summary",
]

TOOL_KS = (1, 3, 5)  # the k of tool-selection recall@k and NDCG@k

Outcome = Literal[
    "correct", "wrong_value", "wrong_unit", "bad_unit", "no_answer", "clarification", "error"
]


class ItemRecord(BaseModel):
    """What happened to one dataset item."""

    id: str
    category: str
    status: str  # answered / clarification / failed / error
    outcome: Outcome = "no_answer"  # the error type the report plots
    answer: float | None = None
    unit: str | None = None
    reference: float
    reference_unit: str
    correct: bool = False
    unit_ok: bool = False
    steps: int = 0
    revisions: int = 0
    tools: list[str] = []  # tools called, in order
    candidate_tools: list[str] = []  # tools retrieved for the question, best first
    gold_tools: list[str] | None = None
    gold_steps: int | None = (
        None  # calculation steps the item needs (its "steps", or its gold tools)
    )
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_s: float = 0.0
    # Where the time went, from the solution's trace: model calls, tool calls, and the
    # wall time of the expert steps (which hold those calls); the rest of latency_s is
    # the meta-agent's own (retrieval of candidate tools, graph, validation, memory).
    model_time_s: float = 0.0
    tool_time_s: float = 0.0
    steps_time_s: float = 0.0
    error: str | None = None


class Summary(BaseModel):
    items: int
    accuracy: float
    accuracy_ci95: tuple[float, float] = (0.0, 1.0)  # Wilson score interval
    confident_wrong: float = 0.0  # share answered with a number that is wrong
    per_category: dict[str, float]
    # accuracy by the number of calculation steps an item needs ("1", "2", …), for items
    # that say (a "steps" field, or their gold tools)
    per_steps: dict[str, float] = {}
    unit_correctness: float
    execution_success: float  # items that ended with a checked answer
    repair_rate: float  # of items that needed a revision, how many ended correct
    revised_items: int = 0
    latency_p50_s: float
    latency_p95_s: float
    prompt_tokens: int
    completion_tokens: int
    errors: dict[str, int] = {}  # outcome -> count
    tool_items: int = 0  # items with gold tools
    tool_recall: dict[str, float] | None = None  # "@k" -> mean recall@k
    tool_ndcg: dict[str, float] | None = None  # "@k" -> mean NDCG@k


Solver = Callable[[str], Any]  # question -> Solution (or anything with its fields)
Mapper = Callable[[list[DatasetItem]], Iterator[ItemRecord]]  # records in finishing order


def tool_ranking(tools: list[str], candidates: list[str]) -> list[str]:
    """The agent's tool ranking for an item: tools it called, then the retrieved rest.

    >>> tool_ranking(["pump_power"], ["pipe_velocity", "pump_power", "reynolds"])
    ['pump_power', 'pipe_velocity', 'reynolds']
    """
    return list(dict.fromkeys([*tools, *candidates]))


def _outcome(status: str, correct: bool, unit_ok: bool, answer: float | None) -> Outcome:
    if status == "clarification":
        return "clarification"
    if answer is None:
        return "no_answer"
    if correct:
        return "correct"
    return "wrong_value" if unit_ok else "wrong_unit"


def gold_steps(item: DatasetItem) -> int | None:
    """How many calculation steps ``item`` needs: its ``steps`` field, else its gold tools.

    >>> gold_steps(DatasetItem(id="a", category="c", question="q", answer=1, unit="m",
    ...                        tools=["pipe_velocity", "reynolds_number"]))
    2
    """
    steps = (item.model_extra or {}).get("steps")
    if isinstance(steps, int) and not isinstance(steps, bool) and steps > 0:
        return steps
    return len(item.tools) if item.tools else None


def make_record(item: DatasetItem, solver: Solver) -> ItemRecord:
    """Solve one item and score it; a crash becomes a record with ``status="error"``."""
    start = time.perf_counter()
    base: dict[str, Any] = {"id": item.id, "category": item.category, "reference": item.answer,
            "reference_unit": item.unit, "gold_tools": item.tools,
            "gold_steps": gold_steps(item)}  # fmt: skip
    try:
        solution = solver(item.question)
    except Exception as error:  # one item's crash must not stop the run
        return ItemRecord(status="error", outcome="error",
                          error=f"{type(error).__name__}: {error}",
                          latency_s=time.perf_counter() - start, **base)  # fmt: skip
    latency = time.perf_counter() - start
    correct, unit_ok = score_answer(
        solution.answer, solution.unit, item.answer, item.unit, item.rel_tol
    )
    outcome = _outcome(solution.status, correct, unit_ok, solution.answer)
    failure = None if solution.status == "answered" else (solution.text or solution.status)[:300]
    if solution.answer is not None and not unit_ok:
        problem = unit_problem(solution.unit or "")
        if problem is not None:  # reported, not just scored wrong
            outcome, failure = "bad_unit", problem
    return ItemRecord(
        status=solution.status,
        outcome=outcome,
        answer=solution.answer,
        unit=solution.unit,
        correct=correct,
        unit_ok=unit_ok,
        steps=len({s.index for s in solution.steps}),
        revisions=solution.usage.revisions,
        tools=[c.tool for s in solution.steps for c in s.result.tool_calls],
        candidate_tools=list(getattr(solution, "candidate_tools", []) or []),
        prompt_tokens=solution.usage.prompt_tokens,
        completion_tokens=solution.usage.completion_tokens,
        latency_s=latency,
        model_time_s=solution.usage.model_time_s,
        tool_time_s=solution.usage.tool_time_s,
        steps_time_s=_steps_time(solution.steps),
        error=failure,
        **base,
    )


def _steps_time(steps: Iterable[Any]) -> float:
    """Wall time of the expert steps, overlapping ones counted once."""
    spans = sorted(
        (s.started_at, s.finished_at)
        for s in steps
        if getattr(s, "started_at", None) is not None and getattr(s, "finished_at", None)
    )
    total, end = 0.0, float("-inf")
    for start, finish in spans:
        if finish > end:
            total += finish - max(start, end)
            end = finish
    return total


def _thread_mapper(solver: Solver, concurrency: int) -> Mapper:
    def run(items: list[DatasetItem]) -> Iterator[ItemRecord]:
        if concurrency <= 1:
            for item in items:
                yield make_record(item, solver)
            return
        with ThreadPoolExecutor(concurrency, thread_name_prefix="peoa-eval") as pool:
            futures = [pool.submit(make_record, item, solver) for item in items]
            for future in as_completed(futures):
                yield future.result()

    return run


def read_records(path: Path) -> dict[str, ItemRecord]:
    """The records already in a results file, by item id (a torn last line is ignored)."""
    done: dict[str, ItemRecord] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            try:
                record = ItemRecord.model_validate_json(line)
            except ValueError:
                continue  # the line a kill cut short: that item runs again
            done[record.id] = record
    return done


def _drop_torn_tail(path: Path) -> None:
    """Cut a last line a kill left unfinished, so the next record starts on its own line."""
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        with path.open("r+b") as handle:
            handle.truncate(data.rfind(b"\n") + 1)


def evaluate(
    items: Iterable[DatasetItem],
    solver: Solver | None,
    out: Path,
    *,
    resume: bool = False,
    on_item: Callable[[ItemRecord], None] | None = None,
    concurrency: int = 1,
    mapper: Mapper | None = None,
) -> list[ItemRecord]:
    """Solve each item, appending one JSON line per item to ``out``; records in item order.

    ``concurrency`` items are in flight at once (threads sharing ``solver``); a
    ``mapper`` replaces the thread pool (``solver`` is then unused). With ``resume``,
    items already in ``out`` are skipped, so an interrupted run finishes without
    repeating work.
    """
    items = list(items)
    done = read_records(out) if resume else {}
    if not resume and out.exists():
        out.unlink()
    elif out.exists():
        _drop_torn_tail(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    todo = [item for item in items if item.id not in done]
    if mapper is None:
        if solver is None:
            raise ValueError("evaluate needs a solver or a mapper")
        mapper = _thread_mapper(solver, concurrency)
    try:
        with out.open("a", encoding="utf-8") as sink:
            # Mappers yield in this thread, so the file has one writer.
            for record in mapper(todo) if todo else iter(()):
                sink.write(record.model_dump_json() + "\n")
                sink.flush()  # a kill loses at most the items in flight
                done[record.id] = record
                if on_item:
                    on_item(record)
    except OSError as error:  # a full disk, a quota, a read-only folder
        from peoa.evaluation.dataset import DatasetError

        raise DatasetError(
            f"cannot write results to {out} ({error.strerror or error}); the {len(done)} "
            "results written so far are kept: free space and re-run with --resume"
        ) from None
    return [done[item.id] for item in items if item.id in done]


def _tool_scores(records: list[ItemRecord]) -> tuple[int, dict[str, float], dict[str, float]]:
    scored = [r for r in records if r.gold_tools]
    recall: dict[str, float] = {}
    ndcg: dict[str, float] = {}
    for k in TOOL_KS:
        rankings = [(tool_ranking(r.tools, r.candidate_tools), r.gold_tools or []) for r in scored]
        recall[f"@{k}"] = sum(recall_at_k(rank, gold, k) for rank, gold in rankings) / len(scored)
        ndcg[f"@{k}"] = sum(ndcg_at_k(rank, gold, k) for rank, gold in rankings) / len(scored)
    return len(scored), recall, ndcg


def summarise(records: list[ItemRecord]) -> Summary:
    n = len(records) or 1
    by_category: dict[str, list[bool]] = defaultdict(list)
    by_steps: dict[str, list[bool]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    for record in records:
        by_category[record.category].append(record.correct)
        if record.gold_steps:
            by_steps[str(record.gold_steps)].append(record.correct)
        errors[record.outcome] += 1
    repaired = [r for r in records if r.revisions > 0]
    latencies = [r.latency_s for r in records]
    tool_items = sum(1 for r in records if r.gold_tools)
    recall = ndcg = None
    if tool_items:
        tool_items, recall, ndcg = _tool_scores(records)
    return Summary(
        items=len(records),
        accuracy=sum(r.correct for r in records) / n,
        accuracy_ci95=wilson_interval(sum(r.correct for r in records), len(records)),
        confident_wrong=sum(r.outcome in ("wrong_value", "wrong_unit") for r in records) / n,
        per_category={c: sum(v) / len(v) for c, v in sorted(by_category.items())},
        per_steps={
            k: sum(v) / len(v) for k, v in sorted(by_steps.items(), key=lambda kv: int(kv[0]))
        },
        unit_correctness=sum(r.unit_ok for r in records) / n,
        execution_success=sum(r.status == "answered" for r in records) / n,
        repair_rate=(sum(r.correct for r in repaired) / len(repaired)) if repaired else 0.0,
        revised_items=len(repaired),
        latency_p50_s=quantile(latencies, 0.5),
        latency_p95_s=quantile(latencies, 0.95),
        prompt_tokens=sum(r.prompt_tokens for r in records),
        completion_tokens=sum(r.completion_tokens for r in records),
        errors=dict(sorted(errors.items())),
        tool_items=tool_items,
        tool_recall=recall,
        tool_ndcg=ndcg,
    )


def write_summary(summary: Summary | dict[str, Any], path: Path) -> None:
    data = summary.model_dump() if isinstance(summary, Summary) else summary
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2))
