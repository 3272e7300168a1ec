"""PEOA's own Neo4j, and what happens when a Neo4j cannot be reached."""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import pytest

from peoa.config import load_settings
from peoa.exceptions import Neo4jError, Neo4jUnavailable
from peoa.neo4j_server import ManagedNeo4j, open_driver


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture()
def own_server(tmp_path: Path, settings):  # type: ignore[no-untyped-def]
    """A second managed server with its own data directory and port."""
    own = load_settings(data_dir=tmp_path / "data", neo4j={"port": _free_port()})
    server = ManagedNeo4j(own)
    yield own, server
    server.stop()


def test_data_survives_stop_and_start(own_server) -> None:  # type: ignore[no-untyped-def]
    own, server = own_server
    status = server.start()
    assert status.running and status.pid is not None
    with open_driver(own) as driver:
        driver.execute_query("MERGE (:Probe {id: 'persisted', value: 42})")
    assert server.stop() is True
    assert server.status().running is False
    with pytest.raises(Neo4jUnavailable, match="peoa neo4j start"):
        open_driver(own, start=False)
    server.start()
    with open_driver(own) as driver:
        records, _, _ = driver.execute_query(
            "MATCH (p:Probe {id: 'persisted'}) RETURN p.value AS v"
        )
    assert [r["v"] for r in records] == [42]


def test_start_is_a_no_op_when_running_and_password_is_private(own_server) -> None:  # type: ignore[no-untyped-def]
    _, server = own_server
    first = server.start()
    second = server.start()
    assert first.pid == second.pid
    mode = stat.S_IMODE(os.stat(server.password_file).st_mode)
    assert mode == 0o600


def test_session_server_is_the_configured_one(neo4j_driver, settings) -> None:  # type: ignore[no-untyped-def]
    records, _, _ = neo4j_driver.execute_query(
        "CALL dbms.components() YIELD versions, edition RETURN versions[0] AS v, edition"
    )
    assert records[0]["v"] == settings.neo4j.version or not settings.managed_neo4j
    assert records[0]["edition"] == "community" or not settings.managed_neo4j


def test_port_in_use_is_explained(tmp_path: Path) -> None:
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        own = load_settings(data_dir=tmp_path / "data", neo4j={"port": port})
        with pytest.raises(
            Neo4jError, match=rf"port {port} .* in use.*PEOA_NEO4J__PORT.*NEO4J_URI"
        ):
            ManagedNeo4j(own).start()


def test_missing_java_is_explained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH on which there is no java
    own = load_settings(data_dir=tmp_path / "data", neo4j={"port": _free_port()})
    with pytest.raises(Neo4jError, match=r"Java 17 .*install.*NEO4J_URI.*docker"):
        ManagedNeo4j(own).start()


def test_unreachable_uri_is_one_line_without_traceback(peoa_cli, isolated_dirs) -> None:  # type: ignore[no-untyped-def]
    env = {**isolated_dirs, "NEO4J_URI": f"bolt://127.0.0.1:{_free_port()}", "NEO4J_PASSWORD": "x"}
    result = peoa_cli("neo4j", "status", env=env)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("peoa: error: cannot reach Neo4j at bolt://127.0.0.1:")
    assert "NEO4J_URI" in result.stderr
    assert result.stderr.strip().count("\n") == 0


def test_wrong_password_names_the_fix(neo4j_driver, settings, peoa_cli, isolated_dirs) -> None:  # type: ignore[no-untyped-def]
    uri = settings.neo4j.uri or ManagedNeo4j(settings).uri
    env = {**isolated_dirs, "NEO4J_URI": uri, "NEO4J_PASSWORD": "definitely-wrong"}
    result = peoa_cli("neo4j", "status", env=env)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "refused the credentials" in result.stderr
    assert "NEO4J_PASSWORD" in result.stderr
    assert "definitely-wrong" not in result.stderr


def test_external_uri_without_password_is_explained(tmp_path: Path) -> None:
    own = load_settings(data_dir=tmp_path / "data", neo4j={"uri": "bolt://127.0.0.1:1"})
    with pytest.raises(Neo4jUnavailable, match="NEO4J_PASSWORD is not"):
        open_driver(own)
