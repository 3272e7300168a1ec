"""Never train on evaluation items: distillation data stays away from every evaluation set."""

from __future__ import annotations

import json
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from peoa.distill.episodes import EpisodeRunner
from peoa.distill.generate import _dev_questions, draw_problems, generate, load_split
from peoa.paths import resource_dir

#: Normalised texts at least this similar (rapidfuzz ratio, 0-100) count as near-duplicates.
NEAR_DUPLICATE = 95.0
EVAL_SETS = ("dev", "process", "maths", "multistep")


def _evaluation_questions() -> list[str]:
    questions = []
    for name in EVAL_SETS:
        path = resource_dir("datasets") / f"{name}.jsonl"
        lines = path.read_text(encoding="utf-8").splitlines()
        questions += [json.loads(line)["question"] for line in lines if line.strip()]
    return questions


def _near_duplicates(questions: list[str], against: list[str]) -> list[tuple[str, str, float]]:
    choices = [default_process(q) for q in against]
    hits = []
    for question in questions:
        best = process.extractOne(
            default_process(question), choices, scorer=fuzz.ratio, score_cutoff=NEAR_DUPLICATE
        )
        if best is not None:
            hits.append((question, against[best[2]], best[1]))
    return hits


def test_generator_excludes_every_evaluation_set_by_default() -> None:
    # the default exclusion list is every datasets/*.jsonl, so it holds all four sets
    assert sorted(_dev_questions(None)) == sorted(_evaluation_questions())


def test_generated_trajectories_hold_no_evaluation_item(tmp_path: Path) -> None:
    evaluation = _evaluation_questions()
    generate("all", 6, "programmatic", tmp_path, seed=0, runner=EpisodeRunner())
    questions = {
        row["problem"]["question"]
        for split in ("train", "validation", "test")
        for row in load_split(tmp_path, split)
    }
    assert questions, "the sample produced no trajectories"
    assert not _near_duplicates(sorted(questions), evaluation)


def test_template_bank_has_no_near_duplicate_of_an_evaluation_item() -> None:
    # a wider sample of what generation could draw, across seeds, every template and wording
    drawn = {p.question for seed in range(3) for p in draw_problems(400, seed=seed)}
    assert not _near_duplicates(sorted(drawn), _evaluation_questions())


def test_a_copied_evaluation_item_would_be_caught() -> None:
    # the checker itself: a re-worded copy differing only in case and spacing is flagged
    question = _evaluation_questions()[100]
    assert _near_duplicates(["  " + question.upper() + " "], _evaluation_questions())
