"""The kernel layers hold on their own, without the audit hook.

Each test starts a bare interpreter that applies only ``_confine.confine`` and then
makes the forbidden system call directly, as code that got past the hook would.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from peoa.sandbox import _confine
from peoa.sandbox.policy import kernel_read_paths
from tests.sandbox.conftest import Outside

CONFINE_DIR = Path(_confine.__file__).parent


def _confined(body: str, workdir: Path) -> subprocess.CompletedProcess[str]:
    script = textwrap.dedent(
        f"""
        import json, os, socket, sys
        sys.path.insert(0, {str(CONFINE_DIR)!r})
        import _confine
        layers = _confine.confine({kernel_read_paths()!r}, [{str(workdir)!r}])
        print(json.dumps(layers), flush=True)
        """
    ) + textwrap.dedent(body)
    return subprocess.run(
        [sys.executable, "-I", "-c", script],
        capture_output=True, text=True, timeout=60, cwd=workdir,
    )  # fmt: skip


def _layer(proc: subprocess.CompletedProcess[str], name: str) -> None:
    import json

    layers = json.loads(proc.stdout.splitlines()[0])
    if not layers.get(name, "").startswith("on"):
        pytest.skip(f"{name} is {layers.get(name)} on this kernel")


def test_network_namespace_blocks_connect_to_host_loopback(
    outside: Outside, tmp_path: Path
) -> None:
    # Sockets are refused by seccomp too, so leave seccomp off to reach connect().
    script = textwrap.dedent(
        f"""
        import json, socket, sys
        sys.path.insert(0, {str(CONFINE_DIR)!r})
        import _confine
        print(json.dumps(_confine.confine([], [], landlock=False, seccomp=False)), flush=True)
        try:
            socket.create_connection(("127.0.0.1", {outside.port}), timeout=2)
            print("CONNECTED")
        except OSError as exc:
            print("refused", exc.errno)
        """
    )
    proc = subprocess.run([sys.executable, "-I", "-c", script], capture_output=True, text=True,
                          timeout=60)  # fmt: skip
    _layer(proc, "network_namespace")
    assert "CONNECTED" not in proc.stdout
    assert "refused" in proc.stdout
    assert not outside.connection_arrived()


def test_seccomp_refuses_sockets(outside: Outside, tmp_path: Path) -> None:
    proc = _confined(
        f"""
        try:
            socket.create_connection(("127.0.0.1", {outside.port}), timeout=2)
            print("CONNECTED")
        except PermissionError:
            print("EPERM")
        """,
        tmp_path,
    )
    _layer(proc, "seccomp")
    assert proc.stdout.splitlines()[-1] == "EPERM"
    assert not outside.connection_arrived()


def test_seccomp_kills_fork(tmp_path: Path) -> None:
    proc = _confined("os.fork()\nprint('FORKED')", tmp_path)
    _layer(proc, "seccomp")
    assert proc.returncode == -signal.SIGSYS
    assert "FORKED" not in proc.stdout


def test_seccomp_allows_threads(tmp_path: Path) -> None:
    proc = _confined(
        "import threading\nt = threading.Thread(target=print, args=('THREAD',))\nt.start()\nt.join()",
        tmp_path,
    )
    _layer(proc, "seccomp")
    assert proc.returncode == 0, proc.stderr
    assert "THREAD" in proc.stdout


def test_landlock_refuses_files_outside(outside: Outside, tmp_path: Path) -> None:
    workdir = tmp_path / "work"
    workdir.mkdir()
    proc = _confined(
        f"""
        open("inside.txt", "w").write("ok")
        for path in ({str(outside.secret_file)!r}, "/etc/passwd"):
            try:
                open(path).read()
                print("READ", path)
            except PermissionError:
                print("denied", path)
        try:
            open({str(outside.marker)!r}, "w")
            print("WROTE")
        except PermissionError:
            print("denied write")
        """,
        workdir,
    )
    _layer(proc, "landlock")
    assert proc.returncode == 0, proc.stderr
    assert "READ" not in proc.stdout
    assert "WROTE" not in proc.stdout
    assert (workdir / "inside.txt").read_text() == "ok"
    assert not outside.marker.exists()


def test_seccomp_program_is_whole_instructions() -> None:
    for arch in ("x86_64", "aarch64"):
        assert len(_confine.seccomp_program(arch)) % 8 == 0
