"""Stand-ins for a solver's output, for the runner's own logic (resume, order, scoring).

They test the evaluation's bookkeeping, never a model: tests of PEOA's answers use
the real Assistant (see test_real_models.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from peoa.agent.solution import RunUsage, Solution, StepRecord
from peoa.evaluation import DatasetItem
from peoa.experts.base import ExpertResult, ToolCall


def item(id_: str, answer: float, unit: str, **extra: object) -> DatasetItem:
    return DatasetItem(id=id_, category=str(extra.pop("category", "units")),
                       question=f"question {id_}?", answer=answer, unit=unit, **extra)  # fmt: skip


def solution(answer: float | None, unit: str | None, *, tools: tuple[str, ...] = (),
             candidates: tuple[str, ...] = (), revisions: int = 0,
             status: str = "answered") -> Solution:  # fmt: skip
    calls = [ToolCall(tool=t, arguments={}) for t in tools]
    steps = [StepRecord(index=1, expert="calculation", sub_task="s",
                        result=ExpertResult(expert="calculation", sub_task="s", ok=True,
                                            tool_calls=calls))]  # fmt: skip
    return Solution(question="q", thread_id="t", status=status, answer=answer, unit=unit,  # type: ignore[arg-type]
                    steps=steps, candidate_tools=list(candidates),
                    usage=RunUsage(revisions=revisions, prompt_tokens=10, completion_tokens=5))  # fmt: skip


def write_jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n")
    return path
