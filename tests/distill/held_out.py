"""The shipped adapters' names and the exact requests their roles make on a held-out
problem, for the tests that run them."""

from __future__ import annotations

from peoa.distill.episodes import EpisodeRunner
from peoa.distill.generate import draw_problems
from peoa.distill.teachers import ProgrammaticTeacher
from peoa.distill.templates import TEMPLATES, split_of

SHIPPED = "calculation-smollm2-135m-lora"
SHIPPED_ACTION_GENERATOR = "action_generator-smollm2-135m-lora"


def held_out_request(kind: str) -> tuple[list[dict[str, str]], dict]:
    """The exact request of ``kind`` (the calculation expert's ``choose_tool`` or
    ``fill_arguments``, the action generator's ``next_step``) for a test-wording problem."""
    problem = next(
        p for p in draw_problems(4 * len(TEMPLATES), seed=11) if split_of(p.template) == "test"
    )
    others = [n for n in ("unit_convert", "pump_power", "density", "hx_lmtd") if n != problem.tool]
    runner = EpisodeRunner(
        candidates=lambda _q, gold: [
            {"name": n, "description": "", "score": 0.0} for n in [*others[:2], gold, others[2]]
        ]
    )
    episode = runner.run(problem, ProgrammaticTeacher().answerer(problem), tool_hint=False)
    example = next(e for e in episode.examples if e.kind == kind)
    return example.messages, example.schema
