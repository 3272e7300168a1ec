"""Shorthands for calling registered tools the way a model does (JSON arguments)."""

from __future__ import annotations

from typing import Any

from peoa.tools import ToolResult, get_registry

__all__ = ["call", "q"]


def q(value: float, unit: str) -> dict[str, Any]:
    """A quantity argument as a model writes it."""
    return {"value": value, "unit": unit}


def call(name: str, **arguments: Any) -> ToolResult:
    """Run tool ``name`` through the process-wide registry."""
    return get_registry().run(name, arguments)
