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
import subprocess
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.reliability.items import conversion_items
from tests.reliability.serving import PEOA, neo4j_env, running_server

_ITEMS = 16


def _lines(path: Path) -> list[str]:
    return path.read_text().splitlines() if path.exists() else []


@pytest.mark.reliability  # starts a server and kills it; about a minute
def test_killed_server_evaluation_is_finished_by_eval_resume(
    neo4j_driver: Any, settings: Any, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "PEOA_DATA_DIR": str(data), **neo4j_env(settings)}
    env.pop("PEOA_NEO4J__OWNER_PID", None)
    with running_server(env, tmp_path / "serve.log") as (server, base):
        started = httpx.post(
            f"{base}/v1/eval", json={"items": conversion_items(_ITEMS)}, timeout=30
        )
        assert started.status_code == 202, started.text
        results = Path(started.json()["results_path"])
        deadline = time.monotonic() + 300
        while len(_lines(results)) < 3:
            assert server.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        server.send_signal(signal.SIGKILL)
        server.wait(30)
    before = _lines(results)
    assert 3 <= len(before) < _ITEMS, f"the kill came too late: {len(before)} records"

    dataset = tmp_path / "items.jsonl"
    dataset.write_text("".join(json.dumps(item) + "\n" for item in conversion_items(_ITEMS)))
    resumed = subprocess.run(
        [*PEOA, "eval", str(dataset), "--out", str(results.parent),
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
    ids = sorted(json.loads(line)["id"] for line in after)
    assert ids == [item["id"] for item in conversion_items(_ITEMS)]  # each once, none lost
    records = [json.loads(line) for line in after]
    assert all(r["status"] == "answered" and r["correct"] for r in records), records
    summary = json.loads(resumed.stdout)
    assert (summary["items"], summary["accuracy"]) == (_ITEMS, 1.0)
