"""A Ray worker runs on the driver's configuration, not on the one it inherited.

Ray workers inherit the environment their node started in; a ``PEOA_NEO4J__PORT``
there (the test session sets one) won over the driver's settings, and a worker wrote
to another Neo4j than the driver's.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from peoa.config import get_settings, load_settings
from peoa.workers import adopt_settings, settings_env


@pytest.fixture
def restored_environment() -> Iterator[None]:
    saved = dict(os.environ)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)
        get_settings.cache_clear()


@pytest.mark.usefixtures("restored_environment")
def test_a_worker_adopts_the_drivers_settings_over_inherited_variables() -> None:
    driver = load_settings(neo4j={"port": 7999, "heap": "384m"}, models={"calculation": "x"})
    os.environ["PEOA_NEO4J__PORT"] = "7111"  # inherited by the worker
    os.environ["PEOA_NEO4J__PAGECACHE"] = "2g"
    os.environ["NEO4J_URI"] = "bolt://elsewhere:7687"
    adopt_settings(settings_env(driver))
    worker = get_settings()
    assert worker.neo4j.port == 7999 and worker.neo4j.heap == "384m"
    assert worker.neo4j.pagecache == driver.neo4j.pagecache
    assert worker.neo4j.uri is None
    assert worker.models.calculation == "x"
