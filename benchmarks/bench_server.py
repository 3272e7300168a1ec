"""HTTP against the Python API: time to the first step event and end-to-end latency.

The same Assistant answers the same question through ``Assistant.stream`` / ``solve``
and through ``POST /v1/solve/stream`` / ``POST /v1/solve`` on a uvicorn server on
127.0.0.1 in the same process. Each round runs all four, and the rounds alternate
which side goes first (A B B A, then B A A B), so drift on a shared machine and the
model's cache of the previous prompt favour neither side; the figures are medians.
Every run starts a new thread (no run sees another's memory) and forgets the cached
question embedding, so the first step event costs what it costs for a new question.
Target: HTTP adds ≤ 5 %. ``PEOA_BENCH_SERVER_REPEATS`` sets the rounds (default 6).
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import uvicorn

from benchmarks.harness import Measurement

QUESTION = (  # the demo's question
    "A centrifugal pump delivers 20 m3/h of water (density 998 kg/m3) against a total "
    "head of 35 m. The pump efficiency is 70 %. What brake power does the pump need?"
)
REPEATS = int(os.environ.get("PEOA_BENCH_SERVER_REPEATS", "6"))


class Run:
    """One timed solve: time to the first step event, the whole wall time, and the
    solve's own latency as the worker measured it (``usage.latency_s``)."""

    def __init__(self, first: float | None, total: float, inner: float) -> None:
        self.first, self.total, self.inner = first, total, inner


def _forget_query_vectors() -> None:
    from peoa.graph.retrieve import _cached_vector

    _cached_vector.cache_clear()


def _python_stream(assistant: Any) -> Run:
    _forget_query_vectors()
    start = time.perf_counter()
    first, inner = None, 0.0
    for event in assistant.stream(QUESTION, thread_id=uuid.uuid4().hex):
        if first is None:
            first = time.perf_counter() - start
        if event.kind == "final":
            inner = event.data["usage"]["latency_s"]
    return Run(first, time.perf_counter() - start, inner)


def _python_solve(assistant: Any) -> Run:
    _forget_query_vectors()
    start = time.perf_counter()
    solution = assistant.solve(QUESTION)
    return Run(None, time.perf_counter() - start, solution.usage.latency_s)


def _http_stream(client: httpx.Client) -> Run:
    _forget_query_vectors()
    start = time.perf_counter()
    first, inner = None, 0.0
    with client.stream("POST", "/v1/solve/stream", json={"question": QUESTION}) as response:
        response.raise_for_status()
        kind = None
        for line in response.iter_lines():
            if line.startswith("event: "):
                kind = line.removeprefix("event: ")
                if first is None and kind != "thread":
                    first = time.perf_counter() - start
            elif kind == "final" and line.startswith("data: "):
                # the Solution, parsed as a client would
                inner = json.loads(line.removeprefix("data: "))["usage"]["latency_s"]
    return Run(first, time.perf_counter() - start, inner)


def _http_solve(client: httpx.Client) -> Run:
    _forget_query_vectors()
    start = time.perf_counter()
    response = client.post("/v1/solve", json={"question": QUESTION}).raise_for_status()
    inner = response.json()["usage"]["latency_s"]
    return Run(None, time.perf_counter() - start, inner)


def run() -> list[Measurement]:
    from peoa.server import ServerSettings, create_app
    from peoa.server.app import build_assistant

    assistant = build_assistant()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app(ServerSettings(web_chat=False), assistant=assistant)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    runs: dict[str, list[Run]] = {
        n: [] for n in ("py_stream", "http_stream", "py_solve", "http_solve")
    }
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=3600) as client:
            sides: dict[str, Callable[[], Run]] = {
                "py_stream": lambda: _python_stream(assistant),
                "http_stream": lambda: _http_stream(client),
                "py_solve": lambda: _python_solve(assistant),
                "http_solve": lambda: _http_solve(client),
            }
            sides["py_stream"]()  # warm the models, caches and both code paths once
            sides["http_stream"]()
            for round_ in range(REPEATS):
                order = ["py_stream", "http_stream", "http_solve", "py_solve"]
                for name in order if round_ % 2 == 0 else order[::-1]:
                    runs[name].append(sides[name]())
    finally:
        server.should_exit = True
        thread.join(30)
        assistant.close()

    def median(name: str, field: str = "total") -> float:
        return statistics.median(getattr(r, field) for r in runs[name])

    def overhead(http: str, python: str, field: str = "total") -> float:
        return 100.0 * (median(http, field) / median(python, field) - 1.0)

    # Wall time outside the solve itself: the transport's share, and the Python API's own.
    outside = {
        name: statistics.median(r.total - r.inner for r in items) for name, items in runs.items()
    }
    spread = {name: (min(r.total for r in items), max(r.total for r in items))
              for name, items in runs.items()}  # fmt: skip
    notes = (
        f"median of {REPEATS} rounds (A B B A / B A A B), question {QUESTION!r}, uvicorn on "
        f"127.0.0.1; median solve latency inside the worker: "
        + ", ".join(f"{n} {median(n, 'inner'):.3f} s" for n in runs)
        + "; median wall time outside it: "
        + ", ".join(f"{n} {1000 * v:.1f} ms" for n, v in outside.items())
        + "; wall time range: "
        + ", ".join(f"{n} {lo:.2f}-{hi:.2f} s" for n, (lo, hi) in spread.items())
    )
    return [
        Measurement(
            benchmark="server", metric="time to first step event over SSE", unit="s",
            value=median("http_stream", "first"), baseline_name="Assistant.stream",
            baseline=median("py_stream", "first"), better="lower", notes=notes,
        ),
        Measurement(
            benchmark="server", metric="end-to-end latency, POST /v1/solve", unit="s",
            value=median("http_solve"), baseline_name="Assistant.solve",
            baseline=median("py_solve"), better="lower", notes=notes,
        ),
        Measurement(
            benchmark="server", metric="end-to-end latency, POST /v1/solve/stream", unit="s",
            value=median("http_stream"), baseline_name="Assistant.stream",
            baseline=median("py_stream"), better="lower", notes=notes,
        ),
        Measurement(
            benchmark="server", metric="HTTP overhead, first step event", unit="%",
            value=overhead("http_stream", "py_stream", "first"), better="lower", target=5.0,
            notes=notes,
        ),
        Measurement(
            benchmark="server", metric="HTTP overhead, end to end (solve)", unit="%",
            value=overhead("http_solve", "py_solve"), better="lower", target=5.0, notes=notes,
        ),
        Measurement(
            benchmark="server", metric="HTTP overhead, end to end (stream)", unit="%",
            value=overhead("http_stream", "py_stream"), better="lower", target=5.0, notes=notes,
        ),
    ]  # fmt: skip
