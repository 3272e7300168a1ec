"""HTTP against the Python API: time to the first step event and end-to-end latency.

The same Assistant answers the same question through ``Assistant.stream`` / ``solve``
and through ``POST /v1/solve/stream`` / ``POST /v1/solve`` on a uvicorn server on
127.0.0.1 in the same process. Runs alternate between the two sides and the best of
each is kept, so a disturbance on a shared machine hurts neither side more. Every
run starts a new thread, so no run sees another's memory. Target: HTTP adds ≤ 5 %.
``PEOA_BENCH_SERVER_REPEATS`` sets the number of rounds (default 3).
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable

import httpx
import uvicorn

from benchmarks.harness import Measurement

QUESTION = (  # the demo's question
    "A centrifugal pump delivers 20 m3/h of water (density 998 kg/m3) against a total "
    "head of 35 m. The pump efficiency is 70 %. What brake power does the pump need?"
)
REPEATS = int(os.environ.get("PEOA_BENCH_SERVER_REPEATS", "3"))


def _python_first_and_total(assistant: object) -> tuple[float, float]:
    start = time.perf_counter()
    first = None
    for _event in assistant.stream(QUESTION, thread_id=uuid.uuid4().hex):  # type: ignore[attr-defined]
        if first is None:
            first = time.perf_counter() - start
    return float(first or 0.0), time.perf_counter() - start


def _http_first_and_total(client: httpx.Client) -> tuple[float, float]:
    start = time.perf_counter()
    first = None
    with client.stream("POST", "/v1/solve/stream", json={"question": QUESTION}) as response:
        response.raise_for_status()
        for line in response.iter_lines():
            if first is None and line.startswith("event: ") and line != "event: thread":
                first = time.perf_counter() - start
            if line.startswith("data: ") and '"status"' in line:
                json.loads(line.removeprefix("data: "))  # the Solution, parsed as a client would
    return float(first or 0.0), time.perf_counter() - start


def _timed(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


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
    best: dict[str, float] = {}

    def keep(name: str, value: float) -> None:
        best[name] = min(best.get(name, float("inf")), value)

    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=3600) as client:
            _python_first_and_total(assistant)  # warm the models and caches once
            for _ in range(REPEATS):
                first, total = _python_first_and_total(assistant)
                keep("py_first", first)
                keep("py_stream", total)
                first, total = _http_first_and_total(client)
                keep("http_first", first)
                keep("http_stream", total)
                keep("py_solve", _timed(lambda: assistant.solve(QUESTION)))
                keep(
                    "http_solve",
                    _timed(
                        lambda: (
                            client.post("/v1/solve", json={"question": QUESTION})
                            .raise_for_status()
                            .json()
                        )
                    ),
                )
    finally:
        server.should_exit = True
        thread.join(30)
        assistant.close()

    def overhead(http: str, python: str) -> float:
        return 100.0 * (best[http] / best[python] - 1.0)

    notes = f"best of {REPEATS}, question {QUESTION!r}, uvicorn on 127.0.0.1"
    return [
        Measurement(
            benchmark="server", metric="time to first step event over SSE", unit="s",
            value=best["http_first"], baseline_name="Assistant.stream", baseline=best["py_first"],
            better="lower", notes=notes,
        ),
        Measurement(
            benchmark="server", metric="end-to-end latency, POST /v1/solve", unit="s",
            value=best["http_solve"], baseline_name="Assistant.solve", baseline=best["py_solve"],
            better="lower", notes=notes,
        ),
        Measurement(
            benchmark="server", metric="HTTP overhead, first step event", unit="%",
            value=overhead("http_first", "py_first"), better="lower", target=5.0, notes=notes,
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
