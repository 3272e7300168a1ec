"""A real ``peoa serve`` SIGKILLed while it runs an evaluation (``POST /v1/eval``), then
``peoa eval --resume`` on the job's folder finishes it without repeating work.

The items are plain conversions ("Convert 3 bar to kPa."): the server's own Assistant
solves them through its scope gate, router and calculation expert with the real
``unit_convert`` tool, in well under a second each, so a kill lands mid-run. The
runner-level version, which also counts the questions asked, is
``test_faults.py::test_killed_evaluation_resumes_without_repeating_work``.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

_ITEMS = 16


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _items() -> list[dict[str, Any]]:
    return [
        {
            "id": f"conv-{n:02d}",
            "category": "units",
            "question": f"Convert {n + 1} bar to kPa.",
            "answer": (n + 1) * 100.0,
            "unit": "kPa",
        }
        for n in range(_ITEMS)
    ]


def _lines(path: Path) -> list[str]:
    return path.read_text().splitlines() if path.exists() else []


@pytest.mark.reliability  # starts a server and kills it; about a minute
def test_killed_server_evaluation_is_finished_by_eval_resume(
    neo4j_driver: Any, settings: Any, tmp_path: Path
) -> None:
    from peoa.neo4j_server import ManagedNeo4j

    if settings.managed_neo4j:
        managed = ManagedNeo4j(settings)
        uri, password = managed.uri, managed.password()
    else:
        uri, password = settings.neo4j.uri, settings.neo4j.password.get_secret_value()
    data = tmp_path / "data"
    env = {**os.environ, "PEOA_DATA_DIR": str(data), "NEO4J_URI": uri, "NEO4J_PASSWORD": password}
    env.pop("PEOA_NEO4J__OWNER_PID", None)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path / "serve.log"
    with log.open("w") as sink:
        server = subprocess.Popen(
            [sys.executable, "-m", "peoa", "serve", "--port", str(port)],
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.5)
        started = httpx.post(f"{base}/v1/eval", json={"items": _items()}, timeout=30)
        assert started.status_code == 202, started.text
        results = Path(started.json()["results_path"])
        deadline = time.monotonic() + 300
        while len(_lines(results)) < 3:
            assert server.poll() is None and time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.05)
        server.send_signal(signal.SIGKILL)
        server.wait(30)
    finally:
        if server.poll() is None:
            server.kill()
    before = _lines(results)
    assert 3 <= len(before) < _ITEMS, f"the kill came too late: {len(before)} records"

    dataset = tmp_path / "items.jsonl"
    dataset.write_text("".join(json.dumps(item) + "\n" for item in _items()))
    resumed = subprocess.run(
        [sys.executable, "-m", "peoa", "eval", str(dataset), "--out", str(results.parent),
         "--resume", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )  # fmt: skip
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    after = _lines(results)
    kept = [line for line in before if line.strip().endswith("}")]  # a torn tail is dropped
    assert after[: len(kept)] == kept  # the server's finished records, unchanged
    ids = [json.loads(line)["id"] for line in after]
    assert sorted(ids) == [item["id"] for item in _items()]  # each item once, none lost
    records = [json.loads(line) for line in after]
    assert all(r["status"] == "answered" and r["correct"] for r in records), records
    summary = json.loads(resumed.stdout)
    assert (summary["items"], summary["accuracy"]) == (_ITEMS, 1.0)
