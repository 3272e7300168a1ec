"""One problem, solved the way PEOA solves it, with a teacher in the models' seats.

The question is read and planned (:mod:`peoa.reading`, :mod:`peoa.planning`); the real
:class:`~peoa.agent.action_generator.ActionGenerator` chooses among the tied best plans,
and the real :class:`~peoa.experts.calculation.CalculationExpert` runs the steps,
choosing among rival values where the words leave a choice. Those are the only model
decisions (``choose_plan``, ``choose_value``), and every one goes to a
:class:`TeacherSeat`, an :class:`~peoa.llm.LLM` that asks the teacher and records the
request (the exact messages and JSON schema the runtime built) with the reply. The
records are the training examples, so they always match the prompts PEOA sends.

An episode is then verified: every recorded reply must be valid JSON that fits its
schema (else the episode is *malformed*), the plan must end in the problem's tool and
output, and its answer must equal the reference answer (else the episode *failed
verification*). Only verified episodes become training data.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

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

Kind = Literal["choose_plan", "choose_value"]
Answerer = Callable[[Kind, GenerationRequest], str]

ROLE_OF: dict[Kind, str] = {"choose_plan": "action_generator", "choose_value": "calculation"}


def call_kind(schema: dict[str, Any] | None, seat: str) -> Kind:
    """Which decision a request asks for, told by its seat.

    >>> call_kind({"properties": {"value": {"enum": ["m1"]}}}, "calculation")
    'choose_value'
    """
    return "choose_plan" if seat == "action_generator" else "choose_value"


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
    plan: str = ""  # the plan run, as "tool → tool.output"
    status: Literal["verified", "malformed", "failed"] = "failed"
    reason: str = ""


def _close(a: float | None, b: float, rel: float = 1e-6) -> bool:
    return a is not None and math.isclose(a, b, rel_tol=rel, abs_tol=1e-12)


class EpisodeRunner:
    """Runs problems through PEOA's planner, action generator and calculation expert."""

    def __init__(self, registry: ToolRegistry | None = None) -> None:
        from peoa.agent.definitions import load_definitions
        from peoa.experts.registry import discover_manifests
        from peoa.planning import Planner, QuantityGraph

        self.registry = registry or get_registry()
        self.meta, self.definition = load_definitions()
        self.manifests = discover_manifests()
        if "calculation" not in self.manifests:
            from peoa.distill.errors import DistillError

            raise DistillError(
                "no 'calculation' expert is installed (experts/calculation/expert.toml): "
                "distillation runs problems through it"
            )
        self.planner = Planner(self.registry, QuantityGraph.from_registry(self.registry))

    def reference(self, problem: Problem) -> float:
        """The problem's answer, straight from the registry."""
        result = self.registry.run(problem.tool, problem.arguments)
        return float(result.outputs[problem.target].value)

    def solve(self, problem: Problem, generator_llm: LLM, expert_llm: LLM,
              adapter: str | None = None) -> tuple[str, ExpertResult | None]:  # fmt: skip
        """Plan and run ``problem`` with these models in the seats; the plan run and the
        last step's result (``None`` when no plan reaches the asked quantity)."""
        from peoa.agent.action_generator import ActionGenerator
        from peoa.experts.calculation import CalculationExpert
        from peoa.planning import tied_plans
        from peoa.reading import read_question

        reading = read_question(problem.question)
        plans = self.planner.plan(reading)
        if not plans:
            return "", None
        tied = tied_plans(plans, self.meta.limits.plan_choices)
        definition = self.definition.model_copy(update={"adapter": adapter or ""})
        chosen = ActionGenerator(generator_llm, definition).choose_plan(reading, tied)[0] if len(
            tied
        ) > 1 else 0  # fmt: skip
        plan = tied[chosen]
        # The value choice is taught (and measured) whether or not the runtime turns it on.
        calculation = self.manifests["calculation"]
        options = {**calculation.options, "choose_rivals": True}
        manifest = calculation.model_copy(update={"adapter": adapter, "options": options})
        expert = CalculationExpert(manifest, llm=expert_llm, registry=self.registry)
        prior: dict[int, Any] = {}
        result: ExpertResult | None = None
        for step in plan.steps:
            result = expert.run(ExpertTask(question=reading.text, sub_task=step.sub_task,
                                           reading=reading, step=step, prior=prior))  # fmt: skip
            if not result.ok:
                break
            prior[step.index] = result.outputs
        return plan.describe(), result

    # -- one episode ---------------------------------------------------------------------
    def run(self, problem: Problem, answer: Answerer) -> Episode:
        """Solve ``problem`` with ``answer`` in every model seat, then verify the episode."""
        try:
            reference = self.reference(problem)
        except Exception as error:  # the drawn inputs lie outside the tool's validity range
            return Episode(problem=problem, reference=math.nan, status="failed",
                           reason=f"no reference answer: {type(error).__name__}")  # fmt: skip
        episode = Episode(problem=problem, reference=reference)
        generator_seat = TeacherSeat("action_generator", answer)
        expert_seat = TeacherSeat("calculation", answer)
        try:
            episode.plan, result = self.solve(problem, generator_seat, expert_seat)
        except Exception as error:  # a malformed reply breaks the runtime in many ways
            episode.examples = generator_seat.examples + expert_seat.examples
            episode.status, episode.reason = "malformed", f"{type(error).__name__}: {error}"
            return episode
        episode.examples = [*generator_seat.examples, *expert_seat.examples]
        return self.verify(episode, result)

    def verify(self, episode: Episode, result: ExpertResult | None) -> Episode:
        """Mark ``episode`` verified only if every reply is well formed, the plan ends in
        the problem's tool and output, and its answer is the reference answer."""
        problem = episode.problem
        for example in episode.examples:
            wrong = schema_errors(example.completion, example.schema)
            if wrong is not None:
                episode.status, episode.reason = "malformed", f"{example.kind}: {wrong}"
                return episode
        if result is None:
            episode.status, episode.reason = "failed", "no plan reaches the asked quantity"
            return episode
        if not result.ok:
            episode.status, episode.reason = "failed", result.error or "a step failed"
            return episode
        if not episode.plan.endswith(f"{problem.tool}.{problem.target}"):
            episode.status, episode.reason = "failed", f"the plan run was {episode.plan}"
            return episode
        episode.answer = result.answer.value if result.answer is not None else None
        if not _close(episode.answer, episode.reference):
            episode.status = "failed"
            episode.reason = (
                f"answer {episode.answer} differs from the reference {episode.reference:.6g}"
            )
            return episode
        episode.status, episode.reason = "verified", ""
        return episode
