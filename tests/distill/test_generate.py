"""Trajectory generation: verification, malformed teacher output, split by template."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest

from peoa.distill.episodes import EpisodeRunner, schema_errors
from peoa.distill.generate import draw_problems, generate, load_split
from peoa.distill.teachers import LLMTeacher, ProgrammaticTeacher
from peoa.distill.templates import TEMPLATES, split_of
from peoa.llm.base import LLM, Delta, GenerationRequest, Usage
from peoa.tools import get_registry


@pytest.fixture(scope="module")
def runner() -> EpisodeRunner:
    return EpisodeRunner()


def test_every_template_draws_problems_the_tools_solve() -> None:
    registry = get_registry()
    for problem in draw_problems(2 * len(TEMPLATES), seed=3):
        result = registry.run(problem.tool, problem.arguments)
        assert isinstance(result.outputs[problem.target].value, int | float), problem.template


def test_programmatic_trajectories_verify_and_record_the_two_decisions(
    runner: EpisodeRunner,
) -> None:
    teacher = ProgrammaticTeacher()
    episodes = [runner.run(p, teacher.answerer(p)) for p in draw_problems(60, seed=1)]
    verified = [e for e in episodes if e.status == "verified"]
    assert len(verified) >= 0.8 * len(episodes), [e.reason for e in episodes if e not in verified]
    kinds = {x.kind for e in verified for x in e.examples}
    assert kinds == {"choose_plan", "choose_value"}
    for episode in verified:
        assert episode.plan.endswith(f"{episode.problem.tool}.{episode.problem.target}")
        for example in episode.examples:
            enum = next(iter(example.schema["properties"].values()))["enum"]
            assert next(iter(json.loads(example.completion).values())) in enum


def test_a_value_choice_takes_the_value_the_template_wrote(runner: EpisodeRunner) -> None:
    teacher = ProgrammaticTeacher()
    checked = 0
    for problem in draw_problems(80, seed=2):
        episode = runner.run(problem, teacher.answerer(problem))
        for example in episode.examples:
            if example.kind != "choose_value" or episode.status != "verified":
                continue
            prompt = example.messages[-1]["content"]
            argument = re.search(r'Input "([^"]+)"', prompt).group(1)  # type: ignore[union-attr]
            chosen = json.loads(example.completion)["value"]
            line = next(x for x in prompt.splitlines() if x.startswith(f"- {chosen}:"))
            gold = problem.arguments[argument]
            assert float(line.split(":")[1].split()[0]) == float(gold["value"])
            checked += 1
    assert checked >= 3


def test_generate_writes_split_by_template_with_datasheet(runner: EpisodeRunner, tmp_path) -> None:
    sheet = generate("all", 12, "programmatic", tmp_path, seed=0, runner=runner)
    assert sheet.verified + sheet.failed_verification + sheet.malformed <= 12
    assert sheet.verified > 0 and sheet.teacher == "programmatic" and sheet.seed == 0
    splits = {s: load_split(tmp_path, s) for s in ("train", "validation", "test")}
    assert sum(map(len, splits.values())) == sum(sheet.examples.values())
    wordings = {s: {r["template"] for r in rows} for s, rows in splits.items()}
    assert not wordings["train"] & wordings["test"]
    for split, rows in splits.items():
        for row in rows:
            assert row["split"] == split == split_of(row["template"])
            assert row["messages"][-1]["role"] == "assistant"
            assert schema_errors(row["messages"][-1]["content"], row["schema"]) is None
    assert (tmp_path / "datasheet.md").read_text().startswith("# Distillation data")


class _BrokenTeacherModel(LLM):
    """A teacher that answers every request in a way a decoder without a grammar might."""

    def __init__(self, replies: list[str]) -> None:
        super().__init__("broken-teacher")
        self.replies = replies
        self.calls = 0

    def _generate(self, request: GenerationRequest, stream: bool) -> Iterator[Delta]:
        text = self.replies[self.calls % len(self.replies)]
        self.calls += 1
        yield Delta(text=text, usage=Usage())


@pytest.mark.parametrize(
    "reply",
    ['{"action": "call_expert", "expert": "calc', '{"action": "dance"}', "the answer is 42"],
)
def test_malformed_teacher_output_is_discarded_and_counted(
    runner: EpisodeRunner, tmp_path, reply: str
) -> None:
    teacher = LLMTeacher(_BrokenTeacherModel([reply]))
    sheet = generate(
        "all", 16, teacher, tmp_path, seed=5, runner=runner, dev_path=tmp_path / "none"
    )
    # Every problem that asked the teacher a choice is malformed; the rest needed none.
    assert sheet.malformed >= 3
    assert sum(sheet.examples.values()) == 0
    assert all(not load_split(tmp_path, s) for s in ("train", "validation", "test"))


def test_problems_close_to_the_evaluation_set_are_excluded(runner: EpisodeRunner, tmp_path) -> None:
    problem = draw_problems(1, seed=0)[0]
    dev = tmp_path / "dev.jsonl"
    dev.write_text(json.dumps({"question": problem.question}) + "\n")
    sheet = generate(
        "all", 1, "programmatic", tmp_path / "out", seed=0, runner=runner, dev_path=dev
    )
    assert sheet.excluded_dev_overlap == 1 and sheet.verified == 0


def test_a_problem_without_a_reference_answer_fails_instead_of_stopping(
    runner: EpisodeRunner,
) -> None:
    from dataclasses import replace

    problem = draw_problems(1, seed=0, tools=["reynolds_number"])[0]
    # A negative density is outside the tool's range, so no reference answer exists.
    broken = replace(
        problem, arguments=problem.arguments | {"density": {"value": -1.0, "unit": "kg/m^3"}}
    )
    episode = runner.run(broken, ProgrammaticTeacher().answerer(broken))
    assert episode.status == "failed"
    assert episode.reason.startswith("no reference answer")
    assert not episode.examples
