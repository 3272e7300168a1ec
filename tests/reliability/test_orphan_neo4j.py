"""A managed Neo4j started with an owner pid stops itself when that owner is killed.

This is what keeps a killed ``pytest`` run from leaving its session server behind
(``tests/conftest.py`` sets ``PEOA_NEO4J__OWNER_PID`` to the pytest process).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from peoa.config import load_settings
from peoa.neo4j_server import ManagedNeo4j, open_driver

# The owner: starts its own managed server with itself as owner, writes a node,
# reports the launcher's pid, then waits to be killed.
_OWNER = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from peoa.config import load_settings
    from peoa.neo4j_server import ManagedNeo4j, open_driver

    own = load_settings(
        data_dir=Path(sys.argv[1]), neo4j={"port": int(sys.argv[2]), "owner_pid": os.getpid()}
    )
    status = ManagedNeo4j(own).start()
    with open_driver(own, start=False) as driver:
        driver.execute_query("MERGE (:Probe {id: 'owned', value: 7})")
    print("LAUNCHER", status.pid, flush=True)
    time.sleep(3600)
    """
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}").exists() and "Z" not in _state(pid)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1].split()[0]
    except (OSError, IndexError):
        return "Z"


def test_server_stops_cleanly_when_its_owner_is_killed(tmp_path: Path) -> None:
    data, port = tmp_path / "data", _free_port()
    owner = subprocess.Popen(
        [sys.executable, "-c", _OWNER, str(data), str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "PEOA_NEO4J__OWNER_PID"},
    )
    launcher_pid = None
    try:
        assert owner.stdout is not None
        line = owner.stdout.readline()
        assert line.startswith("LAUNCHER "), (line, owner.stderr.read() if owner.stderr else "")
        launcher_pid = int(line.split()[1])
        assert _alive(launcher_pid)
        owner.send_signal(signal.SIGKILL)  # the way a killed pytest run ends: no teardown
        owner.wait(30)
        deadline = time.monotonic() + 120
        while _alive(launcher_pid) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert not _alive(launcher_pid), "the managed Neo4j outlived its owner"
        log = (data / "neo4j" / "logs" / "launcher.log").read_text(errors="replace")
        assert f"owner process {owner.pid} ended; stopping" in log
        # A clean shutdown: the store opens again without recovery problems and kept the node.
        again = load_settings(data_dir=data, neo4j={"port": port})
        server = ManagedNeo4j(again)
        try:
            server.start()
            with open_driver(again, start=False) as driver:
                records, _, _ = driver.execute_query(
                    "MATCH (p:Probe {id: 'owned'}) RETURN p.value AS v"
                )
            assert [r["v"] for r in records] == [7]
        finally:
            server.stop()
    finally:
        if owner.poll() is None:
            owner.kill()
        if launcher_pid is not None and _alive(launcher_pid):
            os.kill(launcher_pid, signal.SIGKILL)
