"""datasets/multistep.jsonl: problems of two to four chained steps, reproducible and new.

``datasets/build_multistep.py`` computes every answer from the field libraries (never
through PEOA's tools); these tests check that the committed file is exactly what the
script builds, that every item names a real chain of PEOA tools, and that no item is a
near-copy of another evaluation set's.
"""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from peoa.evaluation.dataset import DatasetItem, load_dataset
from peoa.evaluation.scoring import score_answer, unit_problem
from peoa.paths import resource_dir
from peoa.tools import get_registry
from peoa.tools.quantity import ureg
from tests.datasets._helpers import load_script

#: Normalised texts at least this similar (rapidfuzz ratio, 0-100) count as near-duplicates.
NEAR_DUPLICATE = 95.0
OTHER_SETS = ("dev", "process", "maths")


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    return load_script("build_multistep")


@pytest.fixture(scope="module")
def items() -> list[DatasetItem]:
    items, problems = load_dataset(resource_dir("datasets") / "multistep.jsonl", strict=True)
    assert not problems
    return items


def _extra(item: DatasetItem, key: str) -> object:
    return (item.model_extra or {})[key]


def test_build_script_reproduces_the_committed_file(
    builder: ModuleType, items: list[DatasetItem], tmp_path: Path
) -> None:
    fresh = tmp_path / "multistep.jsonl"
    assert builder.write_dataset(fresh) == len(items)
    committed = resource_dir("datasets") / "multistep.jsonl"
    assert fresh.read_bytes() == committed.read_bytes(), (
        "datasets/multistep.jsonl differs from what datasets/build_multistep.py builds now; "
        "a library version may have changed an answer: rebuild and review the diff"
    )


def test_size_and_spread(builder: ModuleType, items: list[DatasetItem]) -> None:
    assert len(items) >= 80
    categories = Counter(item.category for item in items)
    assert set(categories) <= set(builder.CATEGORIES)
    assert len(categories) >= 12, categories
    assert sum(_extra(item, "steps") >= 3 for item in items) >= 20
    kinds = Counter(_extra(item, "kind") for item in items)
    assert all(4 <= n <= 8 for n in kinds.values()), kinds


def test_ids_and_questions_are_unique(items: list[DatasetItem]) -> None:
    assert len({item.id for item in items}) == len(items)
    assert len({item.question for item in items}) == len(items), "a question appears twice"
    for item in items:
        kind = str(_extra(item, "kind"))
        assert item.id.startswith(f"ms-{kind.replace('/', '-')}-"), item.id
        assert item.category == kind.split("/")[0], item.id


def test_every_item_chains_two_to_four_registered_tools(items: list[DatasetItem]) -> None:
    registry = get_registry()
    for item in items:
        tools = item.tools or []
        assert 2 <= len(tools) <= 4, item.id
        assert all(name in registry for name in tools), (item.id, tools)
        steps = _extra(item, "steps")
        assert isinstance(steps, int) and 2 <= steps <= 4, item.id
        assert steps == len(tools), item.id


def test_units_answers_tolerances_and_sources(items: list[DatasetItem]) -> None:
    for item in items:
        assert unit_problem(item.unit) is None, (item.id, item.unit)
        base = ureg.Quantity(item.answer, item.unit).to_base_units()
        assert math.isfinite(base.magnitude) and item.answer > 0, item.id
        assert 1e-4 <= item.rel_tol <= 0.05, item.id
        assert item.source, item.id
        assert len(item.question) > 80, item.id
        # the scorer must accept the reference answer restated in SI base units
        unit = "" if base.dimensionless else format(base.units, "~")
        assert score_answer(base.magnitude, unit, item.answer, item.unit, item.rel_tol) == (
            True,
            True,
        ), item.id


def test_no_item_is_a_near_duplicate_of_another_evaluation_set(
    items: list[DatasetItem],
) -> None:
    others = []
    for name in OTHER_SETS:
        found, _ = load_dataset(resource_dir("datasets") / f"{name}.jsonl")
        others += [default_process(item.question) for item in found]
    hits = [
        (item.id, best[1])
        for item in items
        if (
            best := process.extractOne(
                default_process(item.question),
                others,
                scorer=fuzz.ratio,
                score_cutoff=NEAR_DUPLICATE,
            )
        )
    ]
    assert not hits, hits


def test_each_problem_kind_is_worded_several_ways(
    builder: ModuleType, items: list[DatasetItem]
) -> None:
    per_kind = Counter(_extra(item, "kind") for item in items)
    for kind in builder.KINDS:
        assert len(set(kind.wordings)) >= 3, kind.key
        assert per_kind[kind.key] == kind.count, kind.key
