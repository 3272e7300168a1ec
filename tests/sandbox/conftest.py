"""Fixtures for the sandbox tests: things outside the sandbox that escapes would touch."""

from __future__ import annotations

import secrets
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
# The escape programs must only ever run inside the sandbox.
collect_ignore_glob = ["escape_corpus/*"]


@dataclass
class Outside:
    """Targets outside the sandbox's working directory, and how to tell they were hit."""

    secret_file: Path
    secret: str
    marker: Path
    victim: Path
    listener: socket.socket

    @property
    def port(self) -> int:
        return self.listener.getsockname()[1]

    def fill(self, code: str) -> str:
        return (
            code.replace("__SECRET_FILE__", str(self.secret_file))
            .replace("__MARKER__", str(self.marker))
            .replace("__VICTIM__", str(self.victim))
            .replace("__REPO_FILE__", str(REPO_ROOT / "pyproject.toml"))
            .replace("__PORT__", str(self.port))
        )

    def connection_arrived(self) -> bool:
        try:
            conn, _ = self.listener.accept()
        except BlockingIOError:
            return False
        conn.close()
        return True


@pytest.fixture
def outside(tmp_path: Path) -> Iterator[Outside]:
    secret = secrets.token_hex(16)
    secret_file = tmp_path / "secret.txt"
    secret_file.write_text(f"token,{secret}\n")
    victim = tmp_path / "victim" / "keep.txt"
    victim.parent.mkdir()
    victim.write_text("keep me")
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.setblocking(False)
    try:
        yield Outside(secret_file, secret, tmp_path / "escaped_marker", victim, listener)
    finally:
        listener.close()
