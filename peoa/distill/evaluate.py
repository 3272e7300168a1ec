"""``peoa distill evaluate``: the base model against base + adapter on the held-back split.

Both run inside PEOA's own runtime with llama.cpp and schema-constrained decoding,
exactly as at inference, on the test problems of a generated data set (whose
wordings training never saw):

* **calculation**: the real calculation expert with the student in its seat, given the
  teacher's sub-task and the retrieved candidate tools;
* **action_generator**: the real action generator proposes the first step, then, shown
  the verified result of that step, must declare the final answer.

Metrics, as fractions: ``tool_accuracy`` (the right tool), ``argument_match`` (the
arguments, after unit normalisation by the registry, equal the reference's; for the
action generator: its sub-task carries every number of the problem), ``json_valid``
(model replies that parsed), ``end_to_end`` (the right answer; for the action
generator: right expert and tool, every number passed on, and the final answer
declared on the right step), and ``tokens_per_s`` (completion tokens per second of
model time).
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from peoa.distill.episodes import EpisodeRunner
from peoa.distill.errors import DistillError
from peoa.distill.generate import load_split
from peoa.distill.templates import Problem
from peoa.llm.base import LLM, StructuredOutputError
from peoa.tools import ToolRegistry

__all__ = ["EvalReport", "Metrics", "evaluate", "evaluate_model", "held_back_problems"]


class Metrics(BaseModel):
    """Scores of one model (with or without adapter) on the held-back problems."""

    model: str
    adapter: str | None
    problems: int
    tool_accuracy: float
    argument_match: float
    json_valid: float
    end_to_end: float
    tokens_per_s: float
    seconds: float


class EvalReport(BaseModel):
    role: str
    data: str
    base: Metrics
    adapter: Metrics | None = None

    def registry_metrics(self) -> dict[str, float]:
        """Base and adapter scores, flat, for the adapter's registry entry."""
        out = {"test_problems": float(self.base.problems)}
        for label, metrics in (("base", self.base), ("adapter", self.adapter)):
            if metrics is None:
                continue
            for key in ("tool_accuracy", "argument_match", "json_valid", "end_to_end"):
                out[f"{label}_{key}"] = round(getattr(metrics, key), 4)
            out[f"{label}_tokens_per_s"] = round(metrics.tokens_per_s, 1)
        return out

    def gains(self) -> dict[str, float]:
        """Adapter minus base, in percentage points (tokens/s as a ratio)."""
        if self.adapter is None:
            return {}
        out = {
            key: 100 * (getattr(self.adapter, key) - getattr(self.base, key))
            for key in ("tool_accuracy", "argument_match", "json_valid", "end_to_end")
        }
        out["tokens_per_s_ratio"] = (
            self.adapter.tokens_per_s / self.base.tokens_per_s if self.base.tokens_per_s else 0.0
        )
        return out


def held_back_problems(
    data: Path, role: str, limit: int | None = None
) -> list[tuple[Problem, bool]]:
    """The distinct problems of the test split (with their tool-hint flag)."""
    seen: dict[str, tuple[Problem, bool]] = {}
    for record in load_split(data, "test", role):
        p = record["problem"]
        if p["question"] in seen:
            continue
        problem = Problem(
            template=record["template"], category=record["category"], tool=p["tool"],
            target=p["target"], task=p["task"], question=p["question"], arguments=p["arguments"],
        )  # fmt: skip
        seen[p["question"]] = (problem, bool(record.get("tool_hint", True)))
    problems = list(seen.values())
    if not problems:
        raise DistillError(f"{data}/test.jsonl holds no {role!r} problems to evaluate on")
    return problems[:limit] if limit else problems


def _normalised(
    registry: ToolRegistry, tool: str, arguments: dict[str, Any]
) -> dict[str, Any] | None:
    try:
        _, inputs, _ = registry.get(tool).validate(arguments)
    except Exception:
        return None
    return {k: v.value for k, v in inputs.items()}


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, int | float) and isinstance(b, int | float):
        return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-12)
    return a == b


_NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d[\d,]*\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def _numbers_in_text(text: str) -> list[float]:
    """Every number written in ``text``.

    >>> _numbers_in_text("40 m^3/h at 1.2e5 Pa, 1,000 kg")
    [40.0, 3.0, 120000.0, 1000.0]
    """
    return [float(m.group().replace(",", "")) for m in _NUMBER.finditer(text)]


def _numbers_of(value: Any) -> list[float]:
    if isinstance(value, dict) and "value" in value:
        return [float(value["value"])]
    if isinstance(value, (bool, str)):
        return []
    if isinstance(value, int | float):
        return [float(value)]
    if isinstance(value, list):
        return [n for v in value for n in _numbers_of(v)]
    return []


def evaluate_model(
    role: str,
    llm: LLM,
    adapter: str | None,
    problems: list[tuple[Problem, bool]],
    runner: EpisodeRunner,
    progress: Callable[[int, int], None] | None = None,
) -> Metrics:
    """Score ``llm`` (with ``adapter``, a GGUF path, or none) on ``problems``."""
    from peoa.agent.action_generator import ActionGenerator
    from peoa.agent.solution import StepRecord
    from peoa.experts.base import ExpertTask
    from peoa.experts.calculation import CalculationExpert

    registry = runner.registry
    tool_ok = args_ok = e2e_ok = 0
    calls = valid = 0
    tokens = 0
    model_time = 0.0
    start = time.perf_counter()
    for index, (problem, hint) in enumerate(problems, start=1):
        if progress:
            progress(index, len(problems))
        hits = runner._candidates(problem.question, problem.tool)
        if role == "calculation":
            manifest = runner.manifests["calculation"].model_copy(update={"adapter": adapter})
            expert = CalculationExpert(manifest, llm=llm, registry=registry)
            task = ExpertTask(
                question=problem.question, sub_task=problem.sub_task(),
                tool_hint=problem.tool if hint else None,
                candidate_tools=[h["name"] for h in hits],
            )  # fmt: skip
            result = expert.run(task)
            for call in result.llm_calls:
                calls += 1
                valid += "(invalid JSON)" not in call.purpose
                tokens += call.completion_tokens
                model_time += call.latency_s
            chosen = result.tool_calls[0].tool if result.tool_calls else None
            if chosen == problem.tool:
                tool_ok += 1
                gold = _normalised(registry, problem.tool, problem.arguments)
                got = _normalised(registry, chosen, result.tool_calls[-1].arguments)
                if (
                    got is not None
                    and gold is not None
                    and set(got) == set(gold)
                    and all(_same(got[k], gold[k]) for k in gold)
                ):
                    args_ok += 1
            reference = runner.reference(problem)
            if (
                result.ok
                and result.answer is not None
                and math.isclose(result.answer.value, reference, rel_tol=1e-4, abs_tol=1e-12)
            ):
                e2e_ok += 1
            continue
        definition = runner.definition.model_copy(update={"adapter": adapter or ""})
        generator = ActionGenerator(llm, definition, runner._experts())  # type: ignore[arg-type]
        try:
            step, call = generator.next_step(problem.question, [], hits)
        except StructuredOutputError:
            calls += 1
            continue
        calls += 1
        valid += 1
        tokens += call.completion_tokens
        model_time += call.latency_s
        right_tool = step.action == "call_expert" and step.tool == problem.tool
        tool_ok += right_tool
        wanted = [n for v in problem.arguments.values() for n in _numbers_of(v)]
        said = _numbers_in_text(step.sub_task)
        carried = all(any(math.isclose(w, s, rel_tol=1e-9) for s in said) for w in wanted)
        args_ok += carried
        result_line = _history_line(runner, problem, StepRecord)
        try:
            final, call2 = generator.next_step(problem.question, [result_line], hits)
            calls += 1
            valid += 1
            tokens += call2.completion_tokens
            model_time += call2.latency_s
            finished = final.action == "final_answer" and final.answer_step == 1
        except StructuredOutputError:
            calls += 1
            finished = False
        e2e_ok += right_tool and step.expert == "calculation" and carried and finished
    n = len(problems)
    return Metrics(
        model=llm.name,
        adapter=adapter,
        problems=n,
        tool_accuracy=tool_ok / n,
        argument_match=args_ok / n,
        json_valid=valid / calls if calls else 0.0,
        end_to_end=e2e_ok / n,
        tokens_per_s=tokens / model_time if model_time > 0 else 0.0,
        seconds=time.perf_counter() - start,
    )


def _history_line(runner: EpisodeRunner, problem: Problem, step_record: Any) -> str:
    """The history line of a correctly solved first step, as the meta-agent writes it."""
    from peoa.experts.base import ExpertResult, Quantity

    result = runner.registry.run(problem.tool, problem.arguments)
    outputs = {
        k: Quantity(value=float(v.value), unit=v.unit or "")
        for k, v in result.outputs.items()
        if v.unit is not None and isinstance(v.value, int | float) and not isinstance(v.value, bool)
    }
    expert_result = ExpertResult(
        expert="calculation", sub_task=problem.sub_task(), ok=True,
        answer=outputs.get(problem.target), outputs=outputs,
    )  # fmt: skip
    record = step_record(
        index=1, expert="calculation", sub_task=problem.sub_task(), result=expert_result, valid=True
    )
    return record.summary()


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
    problems = held_back_problems(data, role, limit)

    def report(label: str) -> Callable[[int, int], None] | None:
        return (lambda i, n: progress(label, i, n)) if progress else None

    base_metrics = evaluate_model(role, llm, None, problems, runner, report("base"))
    adapter_metrics = None
    if adapter:
        path = str(resolve_adapter(adapter))
        adapter_metrics = evaluate_model(role, llm, path, problems, runner, report("adapter"))
        adapter_metrics.adapter = adapter
    return EvalReport(role=role, data=str(data), base=base_metrics, adapter=adapter_metrics)
