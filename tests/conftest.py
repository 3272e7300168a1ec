"""Session-wide fixtures: a real Neo4j and the real local models, set up once.

Tests never touch the user's own graph: they run PEOA's managed Neo4j from a
temporary data directory on a free port (or the server ``NEO4J_URI`` names, when
set). Model files are shared with the user's data directory so they are fetched
only once per machine.
"""

from __future__ import annotations

import os
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import platformdirs
import pytest
from neo4j import Driver

_SESSION_DIR = Path(tempfile.mkdtemp(prefix="peoa-tests-"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def pytest_configure(config: pytest.Config) -> None:
    # Set before anything reads the settings, so every code path sees the same ones.
    os.environ.setdefault("PEOA_MODELS_DIR", str(platformdirs.user_data_path("peoa") / "models"))
    os.environ["PEOA_DATA_DIR"] = str(_SESSION_DIR / "data")
    os.environ.setdefault("PEOA_CACHE_DIR", str(platformdirs.user_cache_path("peoa")))
    if not os.environ.get("NEO4J_URI"):
        os.environ["PEOA_NEO4J__PORT"] = str(_free_port())
        # The session's server stops itself if this run is killed before its teardown.
        os.environ["PEOA_NEO4J__OWNER_PID"] = str(os.getpid())
    from peoa.config import get_settings

    get_settings.cache_clear()


@pytest.fixture(scope="session")
def settings():  # type: ignore[no-untyped-def]
    """The test session's settings (temporary data dir, shared models)."""
    from peoa.config import get_settings

    return get_settings()


@pytest.fixture(scope="session")
def neo4j_driver(settings) -> Iterator[Driver]:  # type: ignore[no-untyped-def]
    """A driver to a real Neo4j, started once per test session and stopped after it."""
    from peoa.neo4j_server import ManagedNeo4j, open_driver

    driver = open_driver(settings)
    yield driver
    driver.close()
    if settings.managed_neo4j:
        ManagedNeo4j(settings).stop()


@pytest.fixture()
def empty_graph(neo4j_driver: Driver) -> Driver:
    """The session's Neo4j with every node removed (schema and indexes stay)."""
    # CALL ... IN TRANSACTIONS needs an auto-commit transaction, hence session.run.
    with neo4j_driver.session() as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS").consume()
    return neo4j_driver
