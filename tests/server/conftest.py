"""A real PEOA server for the HTTP tests: the real Assistant (models, Neo4j), real uvicorn.

One Assistant and one server on 127.0.0.1 serve the whole session, since loading the
models and the tool documentation is the slow part; tests that need other server
settings (auth, small upload limit) build their own app around the same Assistant.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest
import uvicorn

from peoa.server import ServerSettings, create_app


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


@dataclass
class LiveServer:
    url: str
    app: Any

    @property
    def state(self) -> Any:
        return self.app.state.peoa


@contextmanager
def serving(app: Any, host: str = "127.0.0.1") -> Iterator[LiveServer]:
    """Run ``app`` under uvicorn in a thread until the block ends."""
    port = free_port(host)
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 300
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"uvicorn did not start on {host}:{port}")
        time.sleep(0.05)
    try:
        yield LiveServer(url=f"http://{host}:{port}", app=app)
    finally:
        server.should_exit = True
        thread.join(30)


@pytest.fixture(scope="session")
def server_assistant(neo4j_driver: Any) -> Iterator[Any]:
    """The real Assistant, with its graph connection and tool documentation loaded."""
    from peoa.server.app import build_assistant

    assistant = build_assistant()
    yield assistant
    assistant.close()


@pytest.fixture(scope="session")
def live(server_assistant: Any) -> Iterator[LiveServer]:
    """PEOA served on 127.0.0.1 with its default settings (no keys on loopback)."""
    app = create_app(ServerSettings(host="127.0.0.1"), assistant=server_assistant)
    with serving(app) as server:
        yield server
