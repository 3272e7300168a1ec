"""The server's malloc-arena limit, checked in fresh processes through glibc's own report."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")

# Eight threads allocate at the same time; glibc's malloc_info then lists its arenas.
_PROBE = textwrap.dedent(
    """
    import ctypes, sys, threading
    from peoa.server.allocator import limit_malloc_arenas

    took = limit_malloc_arenas(2) if sys.argv[1] == "limit" else False
    together = threading.Barrier(8)

    def work() -> None:
        blocks = [bytearray(100_000) for _ in range(20)]  # below the mmap threshold
        together.wait()
        del blocks

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    libc = ctypes.CDLL(None)
    libc.fopen.restype = ctypes.c_void_p
    libc.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    libc.malloc_info.argtypes = [ctypes.c_int, ctypes.c_void_p]
    libc.fclose.argtypes = [ctypes.c_void_p]
    out = libc.fopen(sys.argv[2].encode(), b"w")
    libc.malloc_info(0, out)
    libc.fclose(out)
    print(took)
    """
)


def _arenas(mode: str, tmp_path: Path, **env: str) -> tuple[str, int]:
    report = tmp_path / f"{mode}.xml"
    environ = {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"} | env
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, mode, str(report)],
        capture_output=True, text=True, check=True, env=environ, timeout=120,
    )  # fmt: skip
    return done.stdout.strip(), report.read_text().count("<heap nr=")


def test_the_limit_keeps_threads_to_two_arenas(tmp_path: Path) -> None:
    took, limited = _arenas("limit", tmp_path)
    assert took == "True"
    assert limited <= 2
    _, default = _arenas("default", tmp_path)
    assert default > limited  # without it, each thread that allocates gets its own


def test_a_users_own_malloc_arena_max_is_left_alone(tmp_path: Path) -> None:
    took, arenas = _arenas("limit", tmp_path, MALLOC_ARENA_MAX="4")
    assert took == "False"
    assert 2 < arenas <= 4  # glibc applied the user's 4, not our 2
