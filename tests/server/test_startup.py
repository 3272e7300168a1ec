"""A server that is ready at once: it answers while the Assistant loads in the background.

The app is built with a builder that waits for the test to open a gate before building
the real Assistant (real models, real Neo4j), so the test holds the server in its
"starting" phase for as long as it needs and then lets it load for real.
"""

from __future__ import annotations

import json
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx

from peoa.config import Neo4jSettings, get_settings
from peoa.evaluation import score_answer
from peoa.server import ServerSettings, create_app
from peoa.server.app import build_assistant
from peoa.server.state import STARTING_MESSAGE
from tests.server.conftest import free_port, serving
from tests.server.questions import conversion_question

Event = tuple[str, dict[str, Any]]


def gated(build: Callable[[], Any]) -> tuple[threading.Event, Callable[[], Any]]:
    """A builder that starts ``build`` only once the returned gate is set."""
    gate = threading.Event()

    def builder() -> Any:
        if not gate.wait(600):
            raise RuntimeError("the test never let the Assistant load")
        return build()

    return gate, builder


def stream_into(url: str, question: str, events: queue.Queue[Event]) -> None:
    """POST /v1/solve/stream and put each server-sent event on ``events`` as it comes."""
    with (
        httpx.Client(base_url=url, timeout=900) as client,
        client.stream("POST", "/v1/solve/stream", json={"question": question}) as response,
    ):
        assert response.status_code == 200, response.read()
        kind = ""
        for line in response.iter_lines():
            if line.startswith("event: "):
                kind = line.removeprefix("event: ")
            elif line.startswith("data: "):
                events.put((kind, json.loads(line.removeprefix("data: "))))
    events.put(("end", {}))


def drain(events: queue.Queue[Event]) -> list[Event]:
    """Every event until the stream ends."""
    found: list[Event] = []
    while (item := events.get(timeout=900))[0] != "end":
        found.append(item)
    return found


def test_healthz_says_starting_then_ready_and_a_question_waits(server_assistant: Any) -> None:
    gate, builder = gated(build_assistant)
    app = create_app(ServerSettings(host="127.0.0.1", web_chat=False), builder=builder)
    question, kpa = conversion_question(7)
    with serving(app) as live, httpx.Client(base_url=live.url, timeout=900) as client:
        starting = client.get("/healthz")
        body = starting.json()
        assert starting.status_code == 503, body
        assert body["status"] == "starting" and body["models"] == {"assistant": "loading"}
        assert body["neo4j"] == "unknown" and "Retry-After" in starting.headers

        events: queue.Queue[Event] = queue.Queue()
        with ThreadPoolExecutor(2) as pool:
            streamed = pool.submit(stream_into, live.url, question, events)
            solved = pool.submit(client.post, "/v1/solve", json={"question": question})
            # The stream says at once that PEOA is starting; the plain solve waits.
            assert events.get(timeout=60) == ("starting", {"detail": STARTING_MESSAGE})
            time.sleep(1.0)
            assert not solved.done(), "a question asked while starting must wait, not fail"
            assert events.empty()

            gate.set()
            answer = solved.result(timeout=900)
            rest = drain(events)
            streamed.result()
        assert answer.status_code == 200, answer.text
        for solution in (answer.json(), rest[-1][1]):
            assert score_answer(solution["answer"], solution["unit"], kpa, "kPa", 1e-6)[0], solution
        kinds = [kind for kind, _ in rest]
        assert kinds[0] == "thread" and kinds[-1] == "final", kinds

        ready = client.get("/healthz")
        body = ready.json()
        assert ready.status_code == 200, body
        assert body["status"] == "ready" and body["neo4j"] == "ok"
        assert body["models"]["embedder"] == "ok" and body["loading_s"] > 0


def test_a_question_gets_a_clear_503_while_starting_or_after_a_failed_start(
    neo4j_driver: Any,
) -> None:
    # A real startup failure: the Assistant is built against a Neo4j that is not there.
    nowhere = f"bolt://127.0.0.1:{free_port()}"
    unreachable = get_settings().model_copy(
        update={"neo4j": Neo4jSettings(uri=nowhere, password="unused")}
    )
    gate, builder = gated(lambda: build_assistant(unreachable))
    settings = ServerSettings(host="127.0.0.1", web_chat=False, startup_wait_s=0.3)
    app = create_app(settings, builder=builder)
    question = conversion_question(3)[0]
    with serving(app) as live, httpx.Client(base_url=live.url, timeout=120) as client:
        # Still starting after the short wait: 503, say so, retry later.
        waited = client.post("/v1/solve", json={"question": question})
        assert waited.status_code == 503, waited.text
        assert "still starting" in waited.json()["detail"] and "Retry-After" in waited.headers
        chat = client.post(
            "/v1/chat/completions",
            json={"model": "peoa", "messages": [{"role": "user", "content": question}]},
        )
        assert chat.status_code == 503 and "still starting" in chat.json()["detail"]
        events: queue.Queue[Event] = queue.Queue()
        stream_into(live.url, question, events)
        (first, _), (second, error) = drain(events)
        assert (first, second) == ("starting", "error")
        assert error["status"] == 503 and "still starting" in error["detail"]

        gate.set()  # the load now runs, and fails
        deadline = time.monotonic() + 120
        while (health := client.get("/healthz")).json()["status"] == "starting":
            assert time.monotonic() < deadline, "the failed load was never reported"
            time.sleep(0.2)
        body = health.json()
        assert health.status_code == 503, body
        assert body["status"] == "failed" and nowhere in body["detail"]
        assert body["models"]["assistant"].startswith("error:")

        failed = client.post("/v1/solve", json={"question": question})
        assert failed.status_code == 503
        detail = failed.json()["detail"]
        assert detail.startswith("PEOA failed to start:") and nowhere in detail
