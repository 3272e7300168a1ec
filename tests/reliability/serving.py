"""A real ``peoa serve`` process on loopback, for the reliability tests that need one."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

PEOA = [sys.executable, "-m", "peoa"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_server(
    env: Mapping[str, str], log: Path, *options: str, ready_s: float = 600
) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """``peoa serve`` with ``options`` on a free port, its output in ``log``: yields the
    process and its base URL once ``/healthz`` answers; stops it afterwards (a test may
    have killed it already)."""
    port = free_port()
    with log.open("w") as sink:
        server = subprocess.Popen(
            [*PEOA, "serve", "--port", str(port), *options],
            env=dict(env),
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + ready_s
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.5)
        yield server, base
    finally:
        if server.poll() is None:
            server.terminate()
            try:
                server.wait(60)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(30)


def neo4j_env(settings: Any) -> dict[str, str]:
    """``NEO4J_URI`` and ``NEO4J_PASSWORD`` of the test session's server, for a server
    process of its own (which must not take the session's managed Neo4j as its own)."""
    if settings.managed_neo4j:
        from peoa.neo4j_server import ManagedNeo4j

        managed = ManagedNeo4j(settings)
        return {"NEO4J_URI": managed.uri, "NEO4J_PASSWORD": managed.password()}
    return {
        "NEO4J_URI": settings.neo4j.uri,
        "NEO4J_PASSWORD": settings.neo4j.password.get_secret_value(),
    }
