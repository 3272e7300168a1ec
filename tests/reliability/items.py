"""Evaluation items that the real toolkit answers without a model: plain conversions."""

from __future__ import annotations

from typing import Any


def conversion_items(count: int) -> list[dict[str, Any]]:
    """``count`` items "Convert N bar to kPa." (ids ``conv-00`` ...), with their answers."""
    return [
        {
            "id": f"conv-{n:02d}",
            "category": "units",
            "question": f"Convert {n + 1} bar to kPa.",
            "answer": (n + 1) * 100.0,
            "unit": "kPa",
        }
        for n in range(count)
    ]
