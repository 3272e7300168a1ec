"""Evaluation datasets: malformed lines are reported with their line numbers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peoa.evaluation import DatasetError, load_dataset, score_answer
from peoa.paths import resource_dir


def _write(path: Path, rows: list[object]) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n")
    return path


GOOD = {
    "id": "a",
    "category": "units",
    "question": "q?",
    "answer": 1.0,
    "unit": "kPa",
    "rel_tol": 0.02,
}


def test_bad_lines_are_skipped_with_their_numbers(tmp_path: Path) -> None:
    path = _write(tmp_path / "d.jsonl", [GOOD, "{oops", {**GOOD, "id": "b", "unit": "blorps"},
                                         {**GOOD, "id": "a"}, {**GOOD, "id": "c", "rel_tol": -1}])  # fmt: skip
    items, problems = load_dataset(path)
    assert [i.id for i in items] == ["a"]
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [
        (2, "not JSON"), (3, "unit"), (4, "duplicate id 'a'"), (5, "rel_tol"),
    ]  # fmt: skip
    assert "pint" in problems[1].message


def test_strict_fails_fast(tmp_path: Path) -> None:
    path = _write(tmp_path / "d.jsonl", [GOOD, "{oops"])
    with pytest.raises(DatasetError, match=r"d\.jsonl:2: not JSON"):
        load_dataset(path, strict=True)


def test_missing_dataset_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="does not exist"):
        load_dataset(tmp_path / "nope.jsonl")


def test_the_dev_set_loads_cleanly() -> None:
    items, problems = load_dataset(resource_dir("datasets") / "dev.jsonl")
    assert problems == [] and len(items) >= 60


def test_scoring_converts_units_with_pint() -> None:
    assert score_answer(2.72, "kW", 2720.0, "W", 0.01) == (True, True)
    assert score_answer(300.0, "K", 26.85, "degC", 0.01) == (True, True)
    assert score_answer(1.0, "kW", 2720.0, "W", 0.01) == (False, True)
    assert score_answer(None, None, 1.0, "W", 0.01) == (False, False)
