"""Secrets never show up in anything PEOA writes or prints.

With a real Neo4j password, a distinctive ``OPENAI_API_KEY``, a real server API key and
a distinctive wrong password and key, this runs what a user runs — CLI commands
(``config show --json``, ``models list``, ``retrieve``, ``ingest``, ``ask --json`` with
its trace, ``eval`` with its report, ``tools run``), error paths (wrong Neo4j password,
an OpenAI-compatible endpoint that echoes the key back), and ``peoa serve`` with its
HTTP answers and logs — then greps every output and every file under the data,
cache and output folders, plus the managed Neo4j's own logs, for the secrets.
"""

from __future__ import annotations

import json
import os
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.reliability.serving import PEOA, running_server

OPENAI_KEY = "sk-peoa-leakcheck-5d2b8e71f0a94c3e"
WRONG_PASSWORD = "PeoaWrongPw-leakcheck-7c1f9e2a"
WRONG_API_KEY = "peoa-deadbeef.leakcheck-wrong-secret-93b1"
_CONVERT = '{"value": 5, "from_unit": "bar", "to_unit": "kPa"}'


class _Echo(BaseHTTPRequestHandler):
    """An OpenAI-compatible endpoint that rejects every key and quotes it back in full."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = json.dumps(
            {
                "error": {
                    "message": f"Incorrect API key provided: {self.headers.get('Authorization')}",
                    "type": "invalid_request_error",
                    "code": "invalid_api_key",
                }
            }
        ).encode()
        self.send_response(401)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture()
def echo_endpoint() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), _Echo)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/v1"
    server.shutdown()


class _Record:
    """Everything PEOA printed or answered, labelled by where it came from."""

    def __init__(self) -> None:
        self.outputs: list[tuple[str, str]] = []

    def add(self, where: str, text: str) -> None:
        self.outputs.append((where, text))

    def run(self, label: str, args: list[str], env: dict[str, str], **kw: Any) -> Any:
        done = subprocess.run(
            [*PEOA, *args], env=env, capture_output=True, text=True, timeout=900, **kw
        )
        self.add(f"{label} stdout", done.stdout)
        self.add(f"{label} stderr", done.stderr)
        return done


def _files(*roots: Path) -> Iterator[tuple[str, str]]:
    for root in roots:
        if not root.exists():
            continue
        for path in root.rglob("*"):
            if path.is_file() and path.name != "password":  # the 0600 store of the secret
                yield str(path), path.read_bytes().decode("utf-8", errors="replace")


def _leaks(secrets: dict[str, str], sources: Iterator[tuple[str, str]]) -> list[str]:
    found = []
    for where, text in sources:
        for name, value in secrets.items():
            if value in text:
                found.append(f"{name} in {where}")
    return found


@pytest.mark.reliability  # several CLI processes that each load the models: minutes
def test_no_secret_in_anything_peoa_writes(
    neo4j_driver: Any, settings: Any, tmp_path: Path, echo_endpoint: str
) -> None:
    from peoa.neo4j_server import ManagedNeo4j

    if settings.managed_neo4j:
        managed = ManagedNeo4j(settings)
        uri, password = managed.uri, managed.password()
        neo4j_home = managed.home
    else:
        uri, password = settings.neo4j.uri, settings.neo4j.password.get_secret_value()
        neo4j_home = tmp_path / "no-managed-neo4j"
    data, cache, out = tmp_path / "data", tmp_path / "cache", tmp_path / "out"
    env = {
        **os.environ,
        "PEOA_DATA_DIR": str(data),
        "PEOA_CACHE_DIR": str(cache),
        "NEO4J_URI": uri,
        "NEO4J_PASSWORD": password,
        "OPENAI_API_KEY": OPENAI_KEY,
        "PEOA_LLM__N_THREADS": "1",
    }
    env.pop("PEOA_NEO4J__OWNER_PID", None)
    record = _Record()
    doc = tmp_path / "docs" / "leakcheck.md"
    doc.parent.mkdir()
    doc.write_text("# Leak check\n\nA centrifugal pump moves water; head is 30 m.\n")
    dataset = tmp_path / "tiny.jsonl"
    dataset.write_text(
        json.dumps(
            {
                "id": "leak-1",
                "category": "units",
                "question": "Convert 5 bar to kPa.",
                "answer": 500.0,
                "unit": "kPa",
                "rel_tol": 0.01,
                "source": "leak check",
                "tools": ["unit_convert"],
            }
        )
        + "\n"
    )

    shown = record.run("config show", ["config", "show", "--json"], env)
    assert shown.returncode == 0, shown.stderr
    masked = json.loads(shown.stdout)
    assert masked["neo4j"]["password"] not in (None, password)
    assert masked["openai"]["api_key"] not in (None, OPENAI_KEY)
    for label, args in [
        ("models list", ["models", "list", "--json"]),
        ("neo4j status", ["neo4j", "status", "--json"]),
        ("tools run", ["tools", "run", "unit_convert", "--args", _CONVERT, "--json"]),
        ("ingest", ["ingest", str(doc), "--json"]),
        ("retrieve", ["retrieve", "centrifugal pump head", "--json"]),
        ("ask", ["ask", "Convert 5 bar to kPa", "--json"]),
        ("eval", ["eval", str(dataset), "--out", str(out / "eval"), "--json"]),
    ]:
        done = record.run(label, args, env)
        assert done.returncode in (0, 1), (label, done.stderr[-2000:])
        assert "Traceback" not in done.stderr, (label, done.stderr[-2000:])
    assert (out / "eval" / "results.jsonl").exists()

    # Error paths: the wrong Neo4j password, and an endpoint that quotes the key back.
    wrong = {**env, "NEO4J_PASSWORD": WRONG_PASSWORD}
    refused = record.run("wrong password", ["retrieve", "pump", "--json"], wrong)
    assert refused.returncode != 0 and "NEO4J_PASSWORD" in refused.stderr, refused.stderr
    echoed = {
        **env,
        "OPENAI_BASE_URL": echo_endpoint,
        "PEOA_MODELS__ACTION_GENERATOR": "openai:gpt-4o",
        "PEOA_MODELS__CALCULATION": "openai:gpt-4o",
        "PEOA_MODELS__KNOWLEDGE": "openai:gpt-4o",
    }
    failed = record.run(
        "ask via echoing endpoint", ["ask", "Convert 5 bar to kPa", "--json"], echoed
    )
    assert "Traceback" not in failed.stderr, failed.stderr[-2000:]

    # The server: a real key, a wrong key, its answers and its logs.
    created = subprocess.run(
        [*PEOA, "serve", "keys", "create", "--json"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    api_key = json.loads(created.stdout)["key"]  # shown once, by design; not checked here
    log = tmp_path / "serve.log"
    with running_server(env, log, "--require-auth", "--no-web-chat") as (_server, base):
        good = {"Authorization": f"Bearer {api_key}"}
        bad = {"Authorization": f"Bearer {WRONG_API_KEY}"}
        with httpx.Client(base_url=base, timeout=600) as client:
            calls = [
                ("GET", "/healthz", None, good),
                ("GET", "/v1/retrieve?q=pump+head", None, good),
                ("POST", "/v1/solve", {"question": "Convert 5 bar to kPa"}, good),
                (
                    "POST",
                    "/v1/chat/completions",
                    {"model": "peoa", "messages": [{"role": "user", "content": "5 bar in kPa?"}]},
                    good,
                ),
                ("POST", "/v1/solve", {"question": "Convert 5 bar to kPa"}, bad),
                ("POST", "/v1/solve", {"question": ""}, good),
            ]
            for method, path, body, headers in calls:
                answer = client.request(method, path, json=body, headers=headers)
                assert answer.status_code < 500, (path, answer.text)
                record.add(f"HTTP {method} {path} ({answer.status_code})", answer.text)
                record.add(f"HTTP {method} {path} headers", str(dict(answer.headers)))
    record.add("serve log", log.read_text())

    secrets = {
        "Neo4j password": password,
        "wrong Neo4j password": WRONG_PASSWORD,
        "OPENAI_API_KEY": OPENAI_KEY,
        "API key": api_key,
        "API key secret": api_key.split(".", 1)[1],
        "wrong API key": WRONG_API_KEY,
    }
    outputs = iter(record.outputs)
    leaks = _leaks(secrets, outputs) + _leaks(
        secrets, _files(data, cache, out, neo4j_home / "logs")
    )
    assert leaks == []
    # The grep looked at something: every command answered and the folders filled up.
    assert len(record.outputs) >= 30
    assert any(True for _ in _files(data)) and any(True for _ in _files(out))


def test_endpoint_error_that_quotes_the_key_is_redacted(echo_endpoint: str) -> None:
    """Found by the full test above: an upstream 401 quoting the key reached the message."""
    from peoa.exceptions import ModelError
    from peoa.llm.openai_compat import OpenAICompatibleLLM

    llm = OpenAICompatibleLLM("openai:gpt-4o", "gpt-4o", base_url=echo_endpoint, api_key=OPENAI_KEY)
    with pytest.raises(ModelError) as caught:
        llm.chat([{"role": "user", "content": "hi"}])
    message = str(caught.value)
    assert OPENAI_KEY not in message and "<OPENAI_API_KEY>" in message
    assert "OPENAI_API_KEY" in message and "\n" not in message
