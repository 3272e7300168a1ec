"""Grounding's repairs against fillings known to be right.

Every rule in :mod:`peoa.experts.grounding` was added for a slip the base model made.
Each has its own test; this one holds them all to the opposite promise: a filling that
copies the task exactly is left as it is. The programmatic teacher's problem bank gives
such fillings for every tool it covers, each in every wording, with the arguments the
question was written from.
"""

from __future__ import annotations

import random
from typing import Any

import pytest

from peoa.distill.templates import TEMPLATES, Problem
from peoa.experts.grounding import ground_arguments
from peoa.tools import get_registry

SEEDS = range(3)


def _problems() -> list[Problem]:
    problems = []
    for template in TEMPLATES.values():
        for wording in range(len(template.wordings)):
            for seed in SEEDS:
                problems.append(template.sample(random.Random(seed), wording=wording))
    return problems


def _numbers(arguments: dict[str, Any]) -> list[float]:
    return [
        value["value"] if isinstance(value, dict) else value
        for value in arguments.values()
        if isinstance(value, dict | int | float) and not isinstance(value, bool)
    ]


PROBLEMS = [
    problem
    for problem in _problems()
    # Two arguments drawn with the same number ("one number, one argument" then rightly
    # has nothing to tell them apart by) are left out; with three significant figures
    # that is rare.
    if len(set(_numbers(problem.arguments))) == len(_numbers(problem.arguments))
]


def test_the_bank_covers_many_tools_in_every_wording() -> None:
    assert len({p.tool for p in PROBLEMS}) == len(TEMPLATES)
    assert len(PROBLEMS) >= 0.95 * len(TEMPLATES) * len(SEEDS) * 2


@pytest.mark.parametrize("problem", PROBLEMS, ids=lambda p: f"{p.template}-{p.question[:30]}")
def test_grounding_leaves_a_filling_that_copies_the_task_as_it_is(problem: Problem) -> None:
    tool = get_registry().get(problem.tool)
    for source in (problem.question, f"{problem.question}\n{problem.sub_task()}"):
        grounded = ground_arguments(tool, problem.arguments, source)
        assert grounded.arguments == problem.arguments, grounded.notes
        assert grounded.notes == []
        assert (grounded.unwritten, grounded.misplaced, grounded.unused) == ([], [], [])
        assert not grounded.made_up
