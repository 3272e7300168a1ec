"""``peoa distill evaluate``: the base model against base + adapter on the held-back split.

Both run inside PEOA's own runtime with llama.cpp and schema-constrained decoding,
exactly as at inference, on the test split of a generated data set (whose wordings
training never saw):

* **choice accuracy, per decision type**: each held-back decision (``choose_plan`` for
  the action generator, ``choose_value`` for the calculation expert) is asked of the
  model with the exact messages and schema the runtime built, and its reply is compared
  with the teacher's (verified) one;
* **end to end**: the test problems are solved again with the model in its role's seat
  (the teacher's choices in the other), and the answer must be the reference answer.

The report also gives the **ranking's** choice accuracy: how often the first option
(the planner's best ranked plan, the binder's first value) is the teacher's choice.
That is what PEOA runs without a model (``plan_choice = "rank"``), so a student earns
its seat only by beating it.

Also ``json_valid`` (replies that parsed) and ``tokens_per_s`` (completion tokens per
second of model time).
"""

from __future__ import annotations

import json
import math
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from peoa.distill.episodes import EpisodeRunner, TeacherSeat
from peoa.distill.errors import DistillError
from peoa.distill.generate import load_split
from peoa.distill.templates import Problem
from peoa.llm.base import LLM, StructuredOutputError

__all__ = [
    "EvalReport",
    "Metrics",
    "evaluate",
    "evaluate_model",
    "held_back_problems",
    "ranking_accuracy",
]


class Metrics(BaseModel):
    """Scores of one model (with or without adapter) on the held-back split."""

    model: str
    adapter: str | None
    problems: int
    decisions: dict[str, int]  # held-back decisions per type
    choice_accuracy: dict[str, float]  # per decision type: replies equal to the teacher's
    json_valid: float
    end_to_end: float
    tokens_per_s: float
    seconds: float


class EvalReport(BaseModel):
    role: str
    data: str
    base: Metrics
    adapter: Metrics | None = None
    ranking: dict[str, float] = {}  # per decision type: the first option is the teacher's

    def registry_metrics(self) -> dict[str, float]:
        """Base and adapter scores, flat, for the adapter's registry entry."""
        out = {"test_problems": float(self.base.problems)}
        for label, metrics in (("base", self.base), ("adapter", self.adapter)):
            if metrics is None:
                continue
            for kind, accuracy in metrics.choice_accuracy.items():
                out[f"{label}_{kind}_accuracy"] = round(accuracy, 4)
            out[f"{label}_json_valid"] = round(metrics.json_valid, 4)
            out[f"{label}_end_to_end"] = round(metrics.end_to_end, 4)
            out[f"{label}_tokens_per_s"] = round(metrics.tokens_per_s, 1)
        for kind, accuracy in self.ranking.items():
            out[f"ranking_{kind}_accuracy"] = round(accuracy, 4)
        return out

    def base_rows(self) -> dict[str, float]:
        """The base model's scores, by the names :meth:`gains` uses."""
        return _rows(self.base)

    def adapter_rows(self) -> dict[str, float]:
        return _rows(self.adapter) if self.adapter is not None else {}

    def gains(self) -> dict[str, float]:
        """Adapter minus base, in percentage points (tokens/s as a ratio)."""
        if self.adapter is None:
            return {}
        out = {
            f"{kind}_accuracy": 100 * (self.adapter.choice_accuracy.get(kind, 0.0) - accuracy)
            for kind, accuracy in self.base.choice_accuracy.items()
        }
        out["end_to_end"] = 100 * (self.adapter.end_to_end - self.base.end_to_end)
        out["tokens_per_s_ratio"] = (
            self.adapter.tokens_per_s / self.base.tokens_per_s if self.base.tokens_per_s else 0.0
        )
        return out


def _rows(metrics: Metrics) -> dict[str, float]:
    rows = {f"{kind}_accuracy": accuracy for kind, accuracy in metrics.choice_accuracy.items()}
    return rows | {"json_valid": metrics.json_valid, "end_to_end": metrics.end_to_end,
                   "tokens_per_s": metrics.tokens_per_s}  # fmt: skip


def ranking_accuracy(records: list[dict[str, Any]]) -> dict[str, float]:
    """Per decision type, how often the first option of the reply's enum is the
    teacher's choice (what the ranking alone would choose).

    >>> schema = {"properties": {"plan": {"enum": ["p1", "p2"]}}}
    >>> rows = [{"kind": "choose_plan", "schema": schema,
    ...          "messages": [{"role": "assistant", "content": '{"plan": "p1"}'}]},
    ...         {"kind": "choose_plan", "schema": schema,
    ...          "messages": [{"role": "assistant", "content": '{"plan": "p2"}'}]}]
    >>> ranking_accuracy(rows)
    {'choose_plan': 0.5}
    """
    right: dict[str, int] = defaultdict(int)
    asked: dict[str, int] = defaultdict(int)
    for record in records:
        ((key, prop),) = record["schema"]["properties"].items()
        gold = json.loads(record["messages"][-1]["content"])[key]
        asked[record["kind"]] += 1
        right[record["kind"]] += gold == prop["enum"][0]
    return {kind: right[kind] / n for kind, n in asked.items()}


def held_back_problems(data: Path, role: str, limit: int | None = None) -> list[Problem]:
    """The distinct problems of the test split."""
    seen: dict[str, Problem] = {}
    for record in load_split(data, "test", role):
        p = record["problem"]
        seen.setdefault(p["question"], Problem(
            template=record["template"], category=record["category"], tool=p["tool"],
            target=p["target"], task=p["task"], question=p["question"], arguments=p["arguments"],
        ))  # fmt: skip
    problems = list(seen.values())
    if not problems:
        raise DistillError(f"{data}/test.jsonl holds no {role!r} problems to evaluate on")
    return problems[:limit] if limit else problems


def evaluate_model(
    role: str,
    llm: LLM,
    adapter: str | None,
    data: Path,
    runner: EpisodeRunner,
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Metrics:
    """Score ``llm`` (with ``adapter``, a GGUF path, or none) on the held-back split."""
    from peoa.distill.teachers import ProgrammaticTeacher

    records = load_split(data, "test", role)
    records = records[: limit * 4] if limit else records
    problems = held_back_problems(data, role, limit)
    start = time.perf_counter()
    right: dict[str, int] = defaultdict(int)
    asked: dict[str, int] = defaultdict(int)
    valid = tokens = 0
    model_time = 0.0
    total = len(records) + len(problems)
    for index, record in enumerate(records, start=1):
        if progress:
            progress(index, total)
        messages, gold = record["messages"][:-1], json.loads(record["messages"][-1]["content"])
        asked[record["kind"]] += 1
        try:
            reply, completion = llm.structured(messages, record["schema"], max_tokens=32,
                                               adapter=adapter)  # fmt: skip
        except StructuredOutputError:
            continue
        valid += 1
        tokens += completion.usage.completion_tokens
        model_time += completion.latency_s
        right[record["kind"]] += reply == gold
    solved = 0
    teacher = ProgrammaticTeacher()
    for index, problem in enumerate(problems, start=len(records) + 1):
        if progress:
            progress(index, total)
        seat = TeacherSeat(role, teacher.answerer(problem))
        generator, expert = (llm, seat) if role == "action_generator" else (seat, llm)
        try:
            plan, result = runner.solve(problem, generator, expert, adapter)
        except Exception:  # the model's reply broke the run: not solved
            continue
        reference = runner.reference(problem)
        answer = result.answer if result is not None and result.ok else None
        solved += bool(
            plan.endswith(f"{problem.tool}.{problem.target}")
            and answer is not None
            and math.isclose(answer.value, reference, rel_tol=1e-4, abs_tol=1e-12)
        )
    return Metrics(
        model=llm.name,
        adapter=adapter,
        problems=len(problems),
        decisions=dict(asked),
        choice_accuracy={kind: right[kind] / n for kind, n in asked.items()},
        json_valid=valid / len(records) if records else 0.0,
        end_to_end=solved / len(problems),
        tokens_per_s=tokens / model_time if model_time > 0 else 0.0,
        seconds=time.perf_counter() - start,
    )


def evaluate(
    role: str,
    base: str,
    data: Path,
    *,
    adapter: str | None = None,
    limit: int | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> EvalReport:
    """Compare ``base`` with ``base`` + ``adapter`` (a registered name or a GGUF path)."""
    from peoa.config import get_settings
    from peoa.llm.adapters import resolve_adapter
    from peoa.llm.factory import llm_for
    from peoa.llm.models import resolve

    if role not in ("calculation", "action_generator"):
        raise DistillError(
            f"evaluation covers the roles calculation and action_generator, not {role!r}"
        )
    settings = get_settings()
    llm = llm_for(resolve(base, settings), settings)
    runner = EpisodeRunner()

    def report(label: str) -> Callable[[int, int], None] | None:
        return (lambda i, n: progress(label, i, n)) if progress else None

    base_metrics = evaluate_model(role, llm, None, data, runner, limit, report("base"))
    adapter_metrics = None
    if adapter:
        path = str(resolve_adapter(adapter))
        adapter_metrics = evaluate_model(role, llm, path, data, runner, limit, report("adapter"))
        adapter_metrics.adapter = adapter
    records = load_split(data, "test", role)
    ranking = ranking_accuracy(records[: limit * 4] if limit else records)
    return EvalReport(
        role=role, data=str(data), base=base_metrics, adapter=adapter_metrics, ranking=ranking
    )
