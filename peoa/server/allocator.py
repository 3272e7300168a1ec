"""Keep a long-running server's native memory from growing with its worker threads.

glibc's malloc gives each thread that allocates its own arena, up to eight per core,
and keeps what it frees there for reuse by that arena only. A server whose worker
threads take turns running a model (llama.cpp, the embedder, pint, numpy) then holds
several copies of their peak buffers. Measured on ``peoa serve`` (2 cores, six waves of
10 concurrent model solves, RELIABILITY.md "Where the memory goes"): with glibc's
default the resident memory rose by about 24 MB a wave after the first; with two
arenas it did not move.
"""

from __future__ import annotations

import ctypes
import os
import sys

__all__ = ["limit_malloc_arenas"]

_M_ARENA_MAX = -8  # glibc <malloc.h>


def limit_malloc_arenas(count: int = 2) -> bool:
    """Ask glibc for at most ``count`` malloc arenas; whether it took the setting.

    Nothing is changed where ``MALLOC_ARENA_MAX`` is set (glibc reads the user's own
    choice at start) or where the C library has no ``mallopt`` (macOS, musl, Windows).
    Arenas made before the call stay; later threads share the ``count`` arenas.
    """
    if os.environ.get("MALLOC_ARENA_MAX") or not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(_M_ARENA_MAX, count))
