"""One problem, solved the way PEOA solves it, with a teacher in the models' seats.

The real :class:`~peoa.agent.action_generator.ActionGenerator` and the real
:class:`~peoa.experts.calculation.CalculationExpert` run the problem; every model call
they make goes to a :class:`TeacherSeat`, an :class:`~peoa.llm.LLM` that asks the
teacher for the completion and records the request (the exact messages and JSON
schema the runtime built) with the teacher's reply. Those records are the training
examples, so they always match the prompts PEOA really sends.

An episode is then verified: every recorded reply must be valid JSON that fits its
schema (else the episode is *malformed*), the tool call is run again through the
registry, and its answer must equal the reference answer of the problem (else the
episode *failed verification*). Only verified episodes become training data.
"""

from __future__ import annotations

import json
import math
import types
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from peoa.distill.templates import Problem
from peoa.experts.base import ExpertResult, ExpertTask
from peoa.llm.base import LLM, Delta, GenerationRequest, Usage
from peoa.tools import ToolRegistry, get_registry

__all__ = [
    "Episode",
    "EpisodeRunner",
    "Example",
    "Kind",
    "TeacherSeat",
    "call_kind",
    "schema_errors",
]

Kind = Literal["next_step", "choose_tool", "fill_arguments", "choose_output"]
Answerer = Callable[[Kind, GenerationRequest], str]

_EXPERT_CHOICES = 4  # the calculation expert's default max_candidates

ROLE_OF: dict[Kind, str] = {
    "next_step": "action_generator",
    "choose_tool": "calculation",
    "fill_arguments": "calculation",
    "choose_output": "calculation",
}


def call_kind(schema: dict[str, Any] | None, seat: str) -> Kind:
    """Which decision a request asks for, told by its schema.

    >>> call_kind({"properties": {"tool": {"enum": ["a"]}}}, "calculation")
    'choose_tool'
    """
    if seat == "action_generator":
        return "next_step"
    props = (schema or {}).get("properties", {})
    if set(props) == {"tool"}:
        return "choose_tool"
    if set(props) == {"output"}:
        return "choose_output"
    return "fill_arguments"


_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
}


def schema_errors(text: str, schema: dict[str, Any] | None) -> str | None:
    """Why ``text`` is not a JSON object fitting ``schema`` (top level), or ``None``.

    Checks what a grammar-constrained decoder guarantees: JSON, an object, the
    required keys, no unknown keys when forbidden, enums and primitive types. Deeper
    argument checks are the tool registry's job.

    >>> schema_errors('{"tool": "x"}', {"properties": {"tool": {"enum": ["y"]}}})
    "'tool' = 'x' is not one of ['y']"
    >>> schema_errors('{"tool": "y"', None)
    'not JSON'
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return "not JSON"
    if not isinstance(data, dict):
        return "not a JSON object"
    if schema is None:
        return None
    props: dict[str, Any] = schema.get("properties", {})
    missing = [k for k in schema.get("required", []) if k not in data]
    if missing:
        return f"missing {', '.join(missing)}"
    if schema.get("additionalProperties") is False:
        extra = [k for k in data if k not in props]
        if extra:
            return f"unknown keys {', '.join(extra)}"
    for key, value in data.items():
        spec = props.get(key, {})
        if "enum" in spec and value not in spec["enum"]:
            return f"{key!r} = {value!r} is not one of {spec['enum']}"
        kind = spec.get("type")
        if isinstance(kind, str) and kind in _TYPES and not _TYPES[kind](value):
            return f"{key!r} is not of type {kind}"
        if kind == "string" and "maxLength" in spec and len(value) > spec["maxLength"]:
            return f"{key!r} is longer than {spec['maxLength']} characters"
    return None


@dataclass
class Example:
    """One model call of an episode: the request as the runtime built it and the reply."""

    kind: Kind
    messages: list[dict[str, str]]
    completion: str
    schema: dict[str, Any] | None

    @property
    def role(self) -> str:
        return ROLE_OF[self.kind]


class TeacherSeat(LLM):
    """An :class:`LLM` whose replies come from a teacher; it records every call."""

    def __init__(self, seat: str, answer: Answerer) -> None:
        super().__init__(f"teacher-seat:{seat}")
        self.seat = seat
        self.answer = answer
        self.examples: list[Example] = []

    def _generate(self, request: GenerationRequest, stream: bool) -> Iterator[Delta]:
        kind = call_kind(request.json_schema, self.seat)
        text = self.answer(kind, request)
        self.examples.append(
            Example(
                kind=kind,
                messages=[m.model_dump() for m in request.messages],
                completion=text,
                schema=request.json_schema,
            )
        )
        yield Delta(text=text, usage=Usage(), finish_reason="stop")


@dataclass
class Episode:
    """A problem run through the action generator and the calculation expert."""

    problem: Problem
    reference: float
    examples: list[Example] = field(default_factory=list)
    answer: float | None = None
    status: Literal["verified", "malformed", "failed"] = "failed"
    reason: str = ""
    tool_hint: bool = True


def _close(a: float | None, b: float, rel: float = 1e-6) -> bool:
    return a is not None and math.isclose(a, b, rel_tol=rel, abs_tol=1e-12)


class EpisodeRunner:
    """Runs problems through PEOA's own action generator and calculation expert.

    ``candidates(question, gold_tool)`` gives the tool hits the action generator sees
    (dicts with ``name``, ``description``, ``score``); by default the tools whose
    documentation is nearest to the question by the configured embedder, the way the
    graph's vector index finds them, with the gold tool put in when retrieval misses it.
    """

    def __init__(
        self,
        registry: ToolRegistry | None = None,
        *,
        candidates: Callable[[str, str], list[dict[str, Any]]] | None = None,
        k: int | None = None,
    ) -> None:
        from peoa.agent.definitions import load_definitions
        from peoa.experts.registry import discover_manifests

        self.registry = registry or get_registry()
        self.meta, self.definition = load_definitions()
        self.manifests = discover_manifests()
        if "calculation" not in self.manifests:
            from peoa.distill.errors import DistillError

            raise DistillError(
                "no 'calculation' expert is installed (experts/calculation/expert.toml): "
                "distillation runs problems through it"
            )
        self.k = k or self.meta.limits.tool_candidates
        self._candidates = candidates or self._nearest
        self._vectors: np.ndarray | None = None
        self._names: list[str] = []

    # -- candidate tools, as the graph's vector search gives them ------------------------
    def _nearest(self, question: str, gold: str) -> list[dict[str, Any]]:
        from peoa.graph.tools_loader import tool_text
        from peoa.llm import get_embedder

        embedder = get_embedder()
        if self._vectors is None:
            tools = self.registry.list()
            self._names = [t.name for t in tools]
            vectors = np.asarray(embedder.embed([tool_text(t.doc()) for t in tools]))
            self._vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
        query = np.asarray(embedder.embed_query(question))
        scores = self._vectors @ (query / np.linalg.norm(query))
        order = [int(i) for i in np.argsort(-scores)[: self.k]]
        gold_index = self._names.index(gold)
        # The calculation expert chooses among the first few candidates only, so the gold
        # tool goes among them, at a position fixed by the question. Always: a templated
        # question reads so much like its tool's documentation that retrieval ranks the
        # gold tool first, and a student trained on that learns to take the first tool
        # (the first adapter did, and failed on the dev set's real retrieval order).
        if gold_index in order:
            order.remove(gold_index)
        order.insert(zlib.crc32(question.encode()) % _EXPERT_CHOICES, gold_index)
        order = order[: self.k]
        return [
            {
                "name": self._names[i],
                "description": self.registry.get(self._names[i]).description,
                "score": float(scores[i]),
            }
            for i in order
        ]

    def _experts(self) -> dict[str, Any]:
        # The action generator reads only each expert's manifest.
        return {n: types.SimpleNamespace(manifest=m) for n, m in self.manifests.items()}

    def reference(self, problem: Problem) -> float:
        """The problem's answer, straight from the registry."""
        result = self.registry.run(problem.tool, problem.arguments)
        return float(result.outputs[problem.target].value)

    # -- one episode ---------------------------------------------------------------------
    def run(self, problem: Problem, answer: Answerer, *, tool_hint: bool = True) -> Episode:
        """Solve ``problem`` with ``answer`` in every model seat, then verify the episode."""
        from peoa.agent.action_generator import ActionGenerator
        from peoa.agent.solution import StepRecord
        from peoa.experts.calculation import CalculationExpert

        try:
            reference = self.reference(problem)
        except Exception as error:  # the drawn inputs lie outside the tool's validity range
            return Episode(
                problem=problem, reference=math.nan, tool_hint=tool_hint, status="failed",
                reason=f"no reference answer: {type(error).__name__}",
            )  # fmt: skip
        episode = Episode(problem=problem, reference=reference, tool_hint=tool_hint)
        generator_seat = TeacherSeat("action_generator", answer)
        expert_seat = TeacherSeat("calculation", answer)
        generator = ActionGenerator(generator_seat, self.definition, self._experts())  # type: ignore[arg-type]
        expert = CalculationExpert(
            self.manifests["calculation"], llm=expert_seat, registry=self.registry
        )
        hits = self._candidates(problem.question, problem.tool)
        try:
            step, _ = generator.next_step(problem.question, [], hits)
            result: ExpertResult | None = None
            if step.action == "call_expert" and step.expert == "calculation":
                task = ExpertTask(
                    question=problem.question,
                    sub_task=step.sub_task or problem.question,
                    tool_hint=(step.tool if step.tool != "none" else None) if tool_hint else None,
                    candidate_tools=[h["name"] for h in hits],
                )
                result = expert.run(task)
                record = StepRecord(
                    index=1, expert="calculation", sub_task=task.sub_task, result=result,
                    valid=result.ok,
                    validation_errors=[] if result.ok else [result.error or "failed"],
                )  # fmt: skip
                final, _ = generator.next_step(problem.question, [record.summary()], hits)
                if final.action == "final_answer" and final.answer_step == 1 and result.ok:
                    episode.answer = result.answer.value if result.answer else None
        except Exception as error:  # a malformed reply breaks the runtime in many ways
            episode.examples = generator_seat.examples + expert_seat.examples
            episode.status, episode.reason = "malformed", f"{type(error).__name__}: {error}"
            return episode
        episode.examples = _ordered(generator_seat.examples, expert_seat.examples)
        return self.verify(episode, result)

    def verify(self, episode: Episode, result: ExpertResult | None) -> Episode:
        """Mark ``episode`` verified only if every reply is well formed and the tool
        call, run again, reproduces the reference answer."""
        for example in episode.examples:
            problem = schema_errors(example.completion, example.schema)
            if problem is not None:
                episode.status, episode.reason = "malformed", f"{example.kind}: {problem}"
                return episode
        if result is None or not result.ok or not result.tool_calls:
            episode.status = "failed"
            episode.reason = (
                "no successful expert step"
                if result is None
                else (result.error or "the expert step failed")
            )
            return episode
        if episode.answer is None:
            episode.status, episode.reason = "failed", "the action generator did not finish"
            return episode
        call = result.tool_calls[-1]
        try:
            again = self.registry.run(call.tool, call.arguments)
        except Exception as error:
            episode.status, episode.reason = "failed", f"re-run failed: {error}"
            return episode
        rerun = [
            float(v.value)
            for v in again.outputs.values()
            if isinstance(v.value, int | float) and not isinstance(v.value, bool)
        ]
        if not any(_close(v, episode.answer) for v in rerun):
            episode.status, episode.reason = (
                "failed",
                "re-running the tool call gives another answer",
            )
            return episode
        if not _close(episode.answer, episode.reference):
            episode.status = "failed"
            episode.reason = (
                f"answer {episode.answer:.6g} differs from the reference {episode.reference:.6g}"
            )
            return episode
        episode.status, episode.reason = "verified", ""
        return episode


def _ordered(generator: Sequence[Example], expert: Sequence[Example]) -> list[Example]:
    """Calls in the order they happened: plan, the expert's calls, then the finish."""
    return [*generator[:1], *expert, *generator[1:]]
