"""llama-cpp-python's OpenAI-compatible server, loading its model as PEOA does.

Tests start it as ``python -m tests._llama_server <server arguments>``. On a CPU with
Intel AMX, llama.cpp's repacked weights crash every batched decode; PEOA loads models
without those buffers there (:func:`peoa.llm.llama.amx_safe_loading`), and so does this
server, so the HTTP transport is all that differs from the local backend.
"""

from __future__ import annotations

import runpy

from peoa.llm.llama import amx_safe_loading

if __name__ == "__main__":
    with amx_safe_loading():
        runpy.run_module("llama_cpp.server", run_name="__main__", alter_sys=True)
