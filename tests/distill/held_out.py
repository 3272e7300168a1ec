"""The shipped adapters' names, and the exact requests PEOA's roles make on a
held-out problem, for the tests that run them."""

from __future__ import annotations

from peoa.distill.episodes import EpisodeRunner
from peoa.distill.generate import draw_problems
from peoa.distill.teachers import ProgrammaticTeacher
from peoa.distill.templates import TEMPLATES, split_of

SHIPPED = "calculation-smollm2-135m-lora"
SHIPPED_ACTION_GENERATOR = "action_generator-smollm2-135m-lora"
# The action generator's adapter of the default base model (choose_plan decisions).
DEFAULT_ACTION_GENERATOR = "action_generator-qwen2.5-coder-0.5b-choose"


def held_out_request(kind: str) -> tuple[list[dict[str, str]], dict]:
    """The exact request of ``kind`` (the action generator's ``choose_plan``, the
    calculation expert's ``choose_value``) for a test-wording problem."""
    runner = EpisodeRunner()
    for problem in draw_problems(8 * len(TEMPLATES), seed=11):
        if split_of(problem.template) != "test":
            continue
        episode = runner.run(problem, ProgrammaticTeacher().answerer(problem))
        example = next((e for e in episode.examples if e.kind == kind), None)
        if example is not None:
            return example.messages, example.schema  # type: ignore[return-value]
    raise LookupError(f"no held-out problem asks for {kind}")
