"""datasets/dev.jsonl: every line well formed, every answer reproduced by the libraries."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pint
import pytest

from tests.datasets._helpers import dev_records, load_builder

REQUIRED = {
    "id": str,
    "category": str,
    "question": str,
    "answer": float,
    "unit": str,
    "rel_tol": float,
}
OPTIONAL = {"source": str, "tools": list}

builder = load_builder()
RECORDS = dev_records()
UREG = pint.UnitRegistry()


def test_dataset_is_large_enough_and_spread_over_categories() -> None:
    assert len(RECORDS) >= 60
    counts = {c: sum(r["category"] == c for r in RECORDS) for c in builder.CATEGORIES}
    assert all(n >= 3 for n in counts.values()), counts


def test_ids_are_unique() -> None:
    ids = [r["id"] for r in RECORDS]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_line_is_valid(record: dict[str, Any]) -> None:
    for key, kind in REQUIRED.items():
        assert key in record, f"missing {key}"
        value = record[key]
        if kind is float:
            assert isinstance(value, int | float) and not isinstance(value, bool), key
            assert math.isfinite(value), key
        else:
            assert isinstance(value, kind), key
    for key, kind in OPTIONAL.items():
        if key in record:
            assert isinstance(record[key], kind), key
    assert set(record) <= set(REQUIRED) | set(OPTIONAL), set(record) - set(REQUIRED)
    assert record["category"] in builder.CATEGORIES
    assert record["rel_tol"] > 0
    assert len(record["question"]) > 30
    assert all(isinstance(t, str) and t for t in record.get("tools", []))
    # the unit must be one pint understands, and the answer must convert through it
    quantity = UREG.Quantity(record["answer"], record["unit"])
    assert math.isfinite(quantity.to_base_units().magnitude)


def test_rebuilding_reproduces_every_stored_answer(tmp_path: Path) -> None:
    """Re-run every computation with the field libraries and compare with the file."""
    fresh = tmp_path / "dev.jsonl"
    assert builder.write_dataset(fresh) == len(RECORDS)
    rebuilt = {r["id"]: r for r in dev_records(fresh)}
    assert set(rebuilt) == {r["id"] for r in RECORDS}
    for stored in RECORDS:
        again = rebuilt[stored["id"]]
        assert again["question"] == stored["question"], stored["id"]
        assert again["unit"] == stored["unit"], stored["id"]
        assert math.isclose(again["answer"], stored["answer"], rel_tol=1e-9), (
            stored["id"],
            again["answer"],
            stored["answer"],
        )


def test_builder_rejects_a_duplicate_id() -> None:
    duplicate = builder.PROBLEMS[0]
    builder.PROBLEMS.append(duplicate)
    try:
        with pytest.raises(ValueError, match="duplicate problem id"):
            list(builder.build_records())
    finally:
        builder.PROBLEMS.pop()
