"""Neo4j SIGKILLed under PEOA: during an ingestion (local and on Ray), and during a solve.

Each test runs its own managed Neo4j (a temporary data directory, a free port, the
same ``ManagedNeo4j`` the session fixtures use) so killing it never disturbs the
session server. The ingestion and ``ask`` tests drive PEOA through its real CLI in a
subprocess; the mid-solve tests run ``Assistant.solve`` in this process, with the real
models, and kill the server from inside the solve, right before its retrieval.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from peoa.agent import Assistant
from peoa.config import Settings, load_settings
from peoa.evaluation import score_answer
from peoa.exceptions import PeoaError
from peoa.graph.chunking import chunk_blocks
from peoa.graph.ingest import document_id
from peoa.graph.readers import open_source
from peoa.neo4j_server import ManagedNeo4j, open_driver

pytestmark = pytest.mark.reliability

_PEOA = [sys.executable, "-m", "peoa"]
_WORDS = (
    "pump impeller cavitation NPSH head flow rate viscosity water ethanol benzene "
    "heat exchanger shell tube fouling LMTD duty reboiler condenser distillation column "
    "tray packing reflux ratio relief valve pressure drop pipe roughness Reynolds number "
    "friction factor compressor isentropic efficiency steam turbine boiler feedwater "
    "temperature kelvin bar kPa density enthalpy entropy vapour liquid equilibrium"
).split()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _write_documents(folder: Path, count: int = 10, paragraphs: int = 60) -> list[Path]:
    """``count`` distinct markdown notes of about 30 chunks each (seeded, so re-runnable)."""
    rng = random.Random(9)
    folder.mkdir()
    paths = []
    for number in range(count):
        lines = [f"# Operating note {number}", ""]
        for paragraph in range(paragraphs):
            if paragraph % 10 == 0:
                lines += [f"## Section {paragraph // 10} of note {number}", ""]
            words = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(40, 80)))
            lines += [f"Paragraph {paragraph} of note {number}: {words}.", ""]
        path = folder / f"note_{number:02d}.md"
        path.write_text("\n".join(lines))
        paths.append(path)
    return paths


def _expected_chunks(paths: list[Path]) -> dict[str, int]:
    """What the chunker makes of each file with the ingestor's defaults."""
    return {
        document_id(str(p.resolve())): sum(
            1 for _ in chunk_blocks(open_source(p).blocks(), max_chars=1000, overlap=150)
        )
        for p in paths
    }


def _env(settings: Settings, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"NEO4J_URI", "NEO4J_PASSWORD", "PEOA_NEO4J__OWNER_PID"}
    }
    env.update(
        PEOA_DATA_DIR=str(settings.data_dir),
        PEOA_NEO4J__PORT=str(settings.neo4j.port),
        COLUMNS="200",
        **extra,
    )
    return env


def _integrity(driver: Driver) -> dict[str, object]:
    """Per document: its committed chunk count; plus everything that would be half-written."""
    run = driver.execute_query
    docs, _, _ = run(
        "MATCH (d:Document) OPTIONAL MATCH (d)-[:HAS_CHUNK]->(c:Chunk) "
        "WITH d, count(c) AS n, count(DISTINCT c.position) AS positions "
        "OPTIONAL MATCH (d)-[:HAS_CHUNK]->(a:Chunk)-[:NEXT]->(b:Chunk)<-[:HAS_CHUNK]-(d) "
        "RETURN d.id AS id, d.content_hash AS hash, d.chunk_count AS declared, n, positions, "
        "count(b) AS links"
    )
    orphans, _, _ = run("MATCH (c:Chunk) WHERE NOT (:Document)-[:HAS_CHUNK]->(c) RETURN count(c)")
    return {
        "chunks": {r["id"]: r["n"] for r in docs},
        "broken": [
            dict(r)
            for r in docs
            if r["hash"] is None
            or r["n"] == 0
            or r["declared"] != r["n"]
            or r["positions"] != r["n"]
            or r["links"] != r["n"] - 1
        ],
        "orphan_chunks": orphans[0][0],
    }


@pytest.fixture()
def own_neo4j(tmp_path: Path) -> Iterator[Settings]:
    """A managed Neo4j of this test's own, stopped (or killed) afterwards."""
    settings = load_settings(
        data_dir=tmp_path / "data", neo4j={"port": _free_port(), "owner_pid": os.getpid()}
    )
    server = ManagedNeo4j(settings)
    server.start()
    try:
        yield settings
    finally:
        pid = server.status().pid
        try:
            server.stop()
        except Exception:  # already killed and never restarted, or stuck: make sure it is gone
            if pid is not None:
                with_suppressed_kill(pid)


def with_suppressed_kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


def _kill_jvm(settings: Settings) -> int:
    pid = ManagedNeo4j(settings).status().pid
    assert pid is not None, "the test's Neo4j is not running"
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1].split()[0]
        except (OSError, IndexError):
            break
        if state == "Z":
            break
        time.sleep(0.1)
    return pid


def _one_line_error(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert "Traceback" not in stderr, stderr[-3000:]
    assert len(lines) == 1, stderr[-3000:]
    assert lines[0].startswith("peoa: error: "), lines
    return lines[0]


def test_neo4j_killed_during_ingestion_then_rerun_completes(
    tmp_path: Path, own_neo4j: Settings
) -> None:
    paths = _write_documents(tmp_path / "notes")
    expected = _expected_chunks(paths)
    assert min(expected.values()) >= 20, expected
    command = [*_PEOA, "ingest", str(tmp_path / "notes"), "--json"]
    first = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(own_neo4j),
    )
    try:
        # Kill once some document is committed and the ingestion is still going.
        with open_driver(own_neo4j, start=False) as driver:
            deadline = time.monotonic() + 300
            committed = 0
            while time.monotonic() < deadline and first.poll() is None:
                records, _, _ = driver.execute_query(
                    "MATCH (d:Document) WHERE d.content_hash IS NOT NULL RETURN count(d) AS n"
                )
                committed = records[0]["n"]
                if committed >= 1:
                    break
                time.sleep(0.1)
            assert first.poll() is None, "the ingestion ended before Neo4j could be killed"
            assert committed >= 1, "no document was committed within 300 s"
            _kill_jvm(own_neo4j)
        stdout, stderr = first.communicate(timeout=300)
    finally:
        if first.poll() is None:
            first.kill()
    assert first.returncode == 1, (first.returncode, stdout[-2000:], stderr[-2000:])
    message = _one_line_error(stderr)
    assert "Neo4j" in message and "again" in message, message

    # Restart: Neo4j recovers its store; what was committed is whole, nothing is half-written.
    ManagedNeo4j(own_neo4j).start()
    with open_driver(own_neo4j, start=False) as driver:
        after_kill = _integrity(driver)
    assert after_kill["broken"] == [] and after_kill["orphan_chunks"] == 0, after_kill
    survived = after_kill["chunks"]
    assert isinstance(survived, dict) and 1 <= len(survived) < len(paths), survived
    assert all(expected[doc] == n for doc, n in survived.items()), (survived, expected)

    second = subprocess.run(
        command, capture_output=True, text=True, env=_env(own_neo4j), timeout=600
    )
    assert second.returncode == 0, second.stderr[-3000:]
    report = json.loads(second.stdout)
    statuses = {Path(f["path"]).name: f["status"] for f in report["files"]}
    assert sorted(statuses.values()).count("unchanged") == len(survived), statuses
    assert set(statuses.values()) == {"unchanged", "ingested"}, statuses
    with open_driver(own_neo4j, start=False) as driver:
        final = _integrity(driver)
    assert final["broken"] == [] and final["orphan_chunks"] == 0, final
    assert final["chunks"] == expected


def test_solve_with_neo4j_killed_fails_in_one_line(tmp_path: Path, own_neo4j: Settings) -> None:
    """``peoa ask`` started after the configured Neo4j server was SIGKILLed.

    The server is named by ``NEO4J_URI`` (an external server: PEOA must not start one),
    so the solve cannot retrieve its tools and must say so on one line.
    """
    server = ManagedNeo4j(own_neo4j)
    uri, password = server.uri, server.password()
    _kill_jvm(own_neo4j)
    result = subprocess.run(
        [*_PEOA, "ask", "Convert 5 bar to kPa", "--json"],
        capture_output=True,
        text=True,
        env=_env(own_neo4j, NEO4J_URI=uri, NEO4J_PASSWORD=password),
        timeout=600,
    )
    assert result.returncode == 1, (result.returncode, result.stdout[-2000:], result.stderr[-2000:])
    message = _one_line_error(result.stderr)
    assert "Neo4j" in message and uri in message, message
    assert password not in result.stderr + result.stdout


class _KilledBeforeRetrieval(Assistant):
    """The real Assistant; ``before_retrieval`` (once) runs inside the solve's retrieval."""

    before_retrieval: Callable[[], object] | None = None

    def find_tools(self, question: str, k: int) -> list[dict[str, Any]]:
        hook, self.before_retrieval = self.before_retrieval, None
        if hook is not None:
            hook()
        return super().find_tools(question, k)


def _warm(assistant: Assistant) -> None:
    """Open the driver and load the tool documentation, so the kill hits a live connection."""
    assert assistant.find_tools("Convert 5 bar to kPa", 3), "no tools in the fresh graph"


def _answers_500_kpa(solution: Any) -> bool:
    scored = score_answer(solution.answer, solution.unit, 500.0, "kPa", 1e-6)
    return solution.status == "answered" and scored == (True, True)


def test_neo4j_killed_mid_solve_fails_in_one_line_then_the_thread_goes_on(
    tmp_path: Path, own_neo4j: Settings
) -> None:
    """An external server (``NEO4J_URI``) killed during a solve and not back in time.

    The driver retries for its retry window, PEOA reconnects once, then the solve ends
    with one line and the thread's memory keeps no part of the turn. Once the server is
    back, the same Assistant answers on the same thread.
    """
    server = ManagedNeo4j(own_neo4j)
    external = load_settings(
        data_dir=tmp_path / "client",
        neo4j={"uri": server.uri, "password": server.password()},
    )
    assistant = _KilledBeforeRetrieval(external)
    try:
        _warm(assistant)
        assistant.before_retrieval = lambda: _kill_jvm(own_neo4j)
        started = time.monotonic()
        with pytest.raises(PeoaError) as caught:
            assistant.solve("Convert 5 bar to kPa", thread_id="killed")
        waited = time.monotonic() - started
        message = str(caught.value)
        assert "\n" not in message and "Neo4j" in message and server.uri in message, message
        assert server.password() not in message
        assert assistant.history("killed") == []  # nothing of the failed turn is kept
        print(f"failed after {waited:.1f} s: {message}")

        server.start()
        solution = assistant.solve("Convert 5 bar to kPa", thread_id="killed")
        assert solution.candidate_tools, "retrieval did not work after the restart"
        assert _answers_500_kpa(solution), (solution.status, solution.answer, solution.unit)
        assert [t["question"] for t in assistant.history("killed")] == ["Convert 5 bar to kPa"]
    finally:
        assistant.close()


def test_managed_neo4j_killed_mid_solve_is_restarted_and_the_solve_answers(
    own_neo4j: Settings,
) -> None:
    """PEOA's own server killed during a solve: the retry starts it again and the solve goes on."""
    assistant = _KilledBeforeRetrieval(own_neo4j)
    try:
        _warm(assistant)
        killed: list[int] = []
        assistant.before_retrieval = lambda: killed.append(_kill_jvm(own_neo4j))
        solution = assistant.solve("Convert 5 bar to kPa", thread_id="restarted")
        assert killed, "the hook did not run inside the solve"
        now = ManagedNeo4j(own_neo4j).status().pid
        assert now is not None and now != killed[0], "Neo4j was not started again"
        assert solution.candidate_tools, "the retried retrieval found no tools"
        assert _answers_500_kpa(solution), (solution.status, solution.answer, solution.unit)
        assert len(assistant.history("restarted")) == 1
    finally:
        assistant.close()


def test_neo4j_killed_during_ray_ingestion_stops_the_batch_then_rerun_completes(
    tmp_path: Path, own_neo4j: Settings
) -> None:
    """``ingest --backend ray``: the same stop, integrity and re-run as the local ingestion."""
    ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'peoa[ray]')")
    from peoa.graph import migrate
    from peoa.graph.errors import ConnectionLostError
    from peoa.graph.ray_ingest import ingest_on_ray

    paths = _write_documents(tmp_path / "notes", count=6)
    expected = _expected_chunks(paths)
    with open_driver(own_neo4j, start=False) as driver:
        migrate(driver)
    started_here = not ray.is_initialized()
    if started_here:  # one CPU: one document at a time, the rest queued as tasks
        ray.init(num_cpus=1, include_dashboard=False, log_to_driver=False)
    outcome: dict[str, Any] = {}

    def ingest() -> None:
        try:
            outcome["reports"] = ingest_on_ray(paths, own_neo4j)
        except BaseException as error:  # handed to the test thread
            outcome["error"] = error

    batch = threading.Thread(target=ingest)
    try:
        batch.start()
        with open_driver(own_neo4j, start=False) as driver:
            deadline = time.monotonic() + 300
            committed = 0
            while time.monotonic() < deadline and batch.is_alive():
                records, _, _ = driver.execute_query(
                    "MATCH (d:Document) WHERE d.content_hash IS NOT NULL RETURN count(d) AS n"
                )
                committed = records[0]["n"]
                if committed >= 1:
                    break
                time.sleep(0.1)
            assert batch.is_alive(), f"the ingestion ended before Neo4j could be killed: {outcome}"
            assert committed >= 1, "no document was committed within 300 s"
            _kill_jvm(own_neo4j)
        batch.join(timeout=300)
        assert not batch.is_alive(), "the Ray batch did not stop within 300 s of the kill"
        error = outcome.get("error")
        assert isinstance(error, ConnectionLostError), outcome
        message = str(error)
        assert "\n" not in message and "Neo4j" in message and "again" in message, message
        print(message)

        ManagedNeo4j(own_neo4j).start()
        with open_driver(own_neo4j, start=False) as driver:
            after_kill = _integrity(driver)
        assert after_kill["broken"] == [] and after_kill["orphan_chunks"] == 0, after_kill
        survived = after_kill["chunks"]
        assert isinstance(survived, dict) and 1 <= len(survived) < len(paths), survived
        assert all(expected[doc] == n for doc, n in survived.items()), (survived, expected)
        assert f"{len(survived)} file(s) of this batch were done" in message, message

        reports = ingest_on_ray(paths, own_neo4j)
        statuses = [r.status for r in reports]
        assert statuses.count("unchanged") == len(survived), statuses
        assert set(statuses) == {"unchanged", "ingested"}, statuses
        with open_driver(own_neo4j, start=False) as driver:
            final = _integrity(driver)
        assert final["broken"] == [] and final["orphan_chunks"] == 0, final
        assert final["chunks"] == expected
    finally:
        batch.join(timeout=600)
        if started_here:
            ray.shutdown()
