"""The planner over the process-wide tool registry, built once for the planning tests."""

from __future__ import annotations

import pytest

from peoa.planning import Planner, QuantityGraph
from peoa.tools import get_registry


@pytest.fixture(scope="session")
def planner() -> Planner:
    registry = get_registry()
    return Planner(registry, QuantityGraph.from_registry(registry))
