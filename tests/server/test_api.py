"""PEOA's own HTTP API on a real uvicorn server with the real Assistant."""

from __future__ import annotations

import ipaddress
import json
import socket
import time
import uuid
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from peoa.evaluation import score_answer
from peoa.server import ServerSettings, create_app
from tests.server.conftest import LiveServer, serving
from tests.server.questions import DEMO_FLOW, pump_question

QUESTION, ANSWER_W = pump_question(DEMO_FLOW)


def _client(live: LiveServer) -> httpx.Client:
    return httpx.Client(base_url=live.url, timeout=900)


# -- health and errors (no model call) ------------------------------------------------------
def test_healthz_checks_neo4j_and_models(live: LiveServer) -> None:
    with _client(live) as client:
        response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200, body
    assert body["status"] == "ready" and body["neo4j"] == "ok"
    assert body["models"]["action_generator"].startswith("ok")
    assert body["models"]["embedder"] == "ok"
    assert body["auth_required"] is False


def test_invalid_json_is_400_with_one_detail(live: LiveServer) -> None:
    with _client(live) as client:
        response = client.post(
            "/v1/solve", content=b'{"question": ', headers={"content-type": "application/json"}
        )
    assert response.status_code == 400
    assert "not valid JSON" in response.json()["detail"]


def test_wrong_content_type_is_415(live: LiveServer) -> None:
    with _client(live) as client:
        form = client.post("/v1/solve", data={"question": QUESTION})
        text = client.post(
            "/v1/chat/completions", content=b"hello", headers={"content-type": "text/plain"}
        )
        upload = client.post("/v1/ingest", json={"files": ["notes.md"]})
    for response in (form, text):
        assert response.status_code == 415
        assert "application/json" in response.json()["detail"]
    assert upload.status_code == 415
    assert "multipart/form-data" in upload.json()["detail"]


def test_schema_errors_are_422_with_one_detail(live: LiveServer) -> None:
    with _client(live) as client:
        missing = client.post("/v1/solve", json={})
        extra = client.post("/v1/solve", json={"question": "x", "temperature": 3})
        bad_k = client.get("/v1/retrieve", params={"q": "pump", "k": 0})
    assert missing.status_code == 422 and "question" in missing.json()["detail"]
    assert extra.status_code == 422 and "temperature" in extra.json()["detail"]
    assert bad_k.status_code == 422 and "k" in bad_k.json()["detail"]


def test_unknown_thread_is_404(live: LiveServer) -> None:
    unknown = f"nope-{uuid.uuid4().hex}"
    with _client(live) as client:
        solve = client.post("/v1/solve", json={"question": QUESTION, "thread_id": unknown})
        history = client.get(f"/v1/threads/{unknown}")
        created = client.post("/v1/threads").json()["id"]
        fresh = client.get(f"/v1/threads/{created}")
    assert solve.status_code == 404 and unknown in solve.json()["detail"]
    assert history.status_code == 404
    assert fresh.status_code == 200 and fresh.json() == {"id": created, "turns": []}


def test_unknown_model_chunk_and_eval_are_404(live: LiveServer) -> None:
    with _client(live) as client:
        model = client.post(
            "/v1/chat/completions",
            json={"model": "gpt-4o", "messages": [{"role": "user", "content": "hi"}]},
        )
        chunk = client.get("/v1/chunks/chunk:does-not-exist")
        job = client.get("/v1/eval/does-not-exist")
    assert model.status_code == 404 and "peoa" in model.json()["detail"]
    assert chunk.status_code == 404
    assert job.status_code == 404


# -- uploads and retrieval ------------------------------------------------------------------
def test_oversized_upload_is_413_with_the_limit(server_assistant: Any) -> None:
    app = create_app(ServerSettings(max_upload_mb=0.01, web_chat=False), assistant=server_assistant)
    limit = int(0.01 * 1024 * 1024)
    with serving(app) as server, httpx.Client(base_url=server.url, timeout=60) as client:
        declared = client.post("/v1/ingest", files={"files": ("big.md", b"# x\n" + b"a" * 20_000)})

        def chunked() -> Any:  # no Content-Length: the server must count
            yield b"--b\r\nContent-Disposition: form-data; name=files; filename=big.md\r\n\r\n"
            for _ in range(40):
                yield b"a" * 1000
            yield b"\r\n--b--\r\n"

        streamed = client.post(
            "/v1/ingest",
            content=chunked(),
            headers={"content-type": "multipart/form-data; boundary=b"},
        )
        small = client.post(
            "/v1/ingest", files={"files": ("tiny.md", b"# Tiny\n\nA small note.\n")}
        )
    for response in (declared, streamed):
        assert response.status_code == 413
        assert str(limit) in response.json()["detail"]
    assert small.status_code == 200, small.text


def test_upload_then_retrieve_and_open_the_chunk(live: LiveServer, tmp_path: Any) -> None:
    marker = f"Quorvex{uuid.uuid4().hex[:8]}"
    document = (
        f"# {marker} cooling loop\n\n"
        f"The {marker} loop circulates 12 kg/s of glycol through a plate heat exchanger; "
        "its approach temperature is 3 K.\n"
    ).encode()
    with _client(live) as client:
        first = client.post("/v1/ingest", files={"files": ("loop notes.md", document)})
        again = client.post("/v1/ingest", files={"files": ("loop notes.md", document)})
        found = client.get("/v1/retrieve", params={"q": marker, "k": 3, "mode": "fulltext"})
        hybrid = client.get("/v1/retrieve", params={"q": f"{marker} glycol loop", "mode": "hybrid"})
        assert found.status_code == 200, found.text
        hit = found.json()["items"][0]
        chunk = client.get(f"/v1/chunks/{hit['chunk_id']}")
    assert first.status_code == 200
    assert first.json()["files"][0]["status"] == "ingested"
    assert first.json()["files"][0]["path"] == "loop notes.md"
    assert again.json()["files"][0]["status"] == "unchanged"
    assert marker in hit["text"] and hit["source"] == "upload:loop notes.md"
    assert any(marker in item["text"] for item in hybrid.json()["items"])
    assert chunk.status_code == 200 and chunk.json()["text"] == hit["text"]


def test_unsupported_upload_is_reported(live: LiveServer) -> None:
    with _client(live) as client:
        response = client.post("/v1/ingest", files={"files": ("data.bin", b"\x00\x01\x02")})
    report = response.json()["files"][0]
    assert response.status_code == 200
    assert report["status"] == "error" and report["message"]


# -- auth -----------------------------------------------------------------------------------
def test_auth_keys_hash_and_rate_limit(server_assistant: Any) -> None:
    app = create_app(ServerSettings(require_auth=True, web_chat=False), assistant=server_assistant)
    keys = app.state.peoa.keys
    record, key = keys.create(rate_per_minute=3, name="test")
    assert key not in keys.path.read_text()  # only the salted hash is stored
    assert key.split(".", 1)[1] not in keys.path.read_text()
    client = TestClient(app)
    good = {"Authorization": f"Bearer {key}"}
    assert client.get("/healthz").status_code in {200, 503}  # never asks for a key
    missing = client.get("/v1/models")
    wrong = client.get("/v1/models", headers={"Authorization": f"Bearer {key[:-2]}xx"})
    assert missing.status_code == 401 and "API key" in missing.json()["detail"]
    assert missing.headers["www-authenticate"] == "Bearer"
    assert wrong.status_code == 401
    assert [client.get("/v1/models", headers=good).status_code for _ in range(3)] == [200] * 3
    limited = client.get("/v1/models", headers=good)
    assert limited.status_code == 429 and "3 requests per minute" in limited.json()["detail"]
    assert int(limited.headers["retry-after"]) >= 1
    keys.revoke(record.id)
    assert client.get("/v1/models", headers=good).status_code == 401


def test_auth_on_leaves_only_healthz_open(server_assistant: Any) -> None:
    app = create_app(ServerSettings(require_auth=True, web_chat=False), assistant=server_assistant)
    _, key = app.state.peoa.keys.create(rate_per_minute=1000)
    client = TestClient(app)
    for path in ("/docs", "/redoc", "/openapi.json"):
        refused = client.get(path)
        assert refused.status_code == 401, path
        assert refused.headers["www-authenticate"].startswith("Basic")  # the browser prompts
    # A browser signs in with any name and the key as password; scripts send a Bearer key.
    schema = client.get("/openapi.json", auth=("engineer", key))
    assert schema.status_code == 200 and "/v1/solve" in schema.json()["paths"]
    docs = client.get("/docs", headers={"Authorization": f"Bearer {key}"})
    assert docs.status_code == 200 and "/openapi.json" in docs.text
    assert client.get("/docs", auth=("engineer", "peoa-wrong.key")).status_code == 401
    # Every operation in the schema but /healthz refuses a request without a key.
    opened = []
    for path, operations in schema.json()["paths"].items():
        url = path.replace("{", "").replace("}", "")  # a placeholder value for each parameter
        for method in operations:
            if client.request(method.upper(), url).status_code != 401:
                opened.append(f"{method.upper()} {path}")
    assert opened == ["GET /healthz"]


def test_docs_are_open_when_auth_is_off(live: LiveServer) -> None:
    with _client(live) as client:
        assert client.get("/openapi.json").status_code == 200
        assert client.get("/docs").status_code == 200


def _non_loopback_address() -> str | None:
    """An address of this machine other than loopback (a UDP connect sends nothing)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if ipaddress.ip_address(address).is_loopback else address


def test_binding_beyond_loopback_requires_keys(server_assistant: Any) -> None:
    address = _non_loopback_address()
    if address is None:
        pytest.skip("this machine has no non-loopback address to bind")
    app = create_app(ServerSettings(host=address, web_chat=False), assistant=server_assistant)
    _, key = app.state.peoa.keys.create(rate_per_minute=10)
    with serving(app, host=address) as server, httpx.Client(base_url=server.url) as client:
        assert client.get("/healthz").status_code == 200
        assert client.get("/v1/models").status_code == 401
        assert client.get("/v1/retrieve", params={"q": "pump"}).status_code == 401
        ok = client.get("/v1/models", headers={"Authorization": f"Bearer {key}"})
        assert ok.status_code == 200


def test_cors_is_off_unless_origins_are_given(server_assistant: Any) -> None:
    preflight = {
        "Origin": "https://plant.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
    }
    closed = TestClient(create_app(ServerSettings(web_chat=False), assistant=server_assistant))
    assert (
        "access-control-allow-origin" not in closed.options("/v1/solve", headers=preflight).headers
    )
    opened = TestClient(
        create_app(
            ServerSettings(web_chat=False, cors_origins=["https://plant.example"]),
            assistant=server_assistant,
        )
    )
    answer = opened.options("/v1/solve", headers=preflight)
    assert answer.headers["access-control-allow-origin"] == "https://plant.example"


# -- evaluation jobs ------------------------------------------------------------------------
def test_eval_runs_in_the_background_with_a_status(live: LiveServer) -> None:
    # A blank question ends at the first node, before any model call, so the job is quick.
    item = {"id": "x1", "category": "blank", "question": " ", "answer": 1.0, "unit": "m"}
    with _client(live) as client:
        started = client.post("/v1/eval", json={"items": [item]})
        assert started.status_code == 202, started.text
        job = started.json()
        deadline = time.monotonic() + 600
        while job["state"] in {"queued", "running"} and time.monotonic() < deadline:
            time.sleep(0.5)
            job = client.get(f"/v1/eval/{job['id']}").json()
        unknown = client.post("/v1/eval", json={"dataset": "no_such_set"})
    assert job["state"] == "completed", job
    assert job["done"] == 1 and job["correct"] == 0
    assert job["summary"]["items"] == 1
    assert unknown.status_code == 404 and "dev" in unknown.json()["detail"]


# -- solving (model calls) ------------------------------------------------------------------
def _events(response: httpx.Response) -> list[tuple[str, dict[str, Any]]]:
    events, kind = [], None
    for line in response.iter_lines():
        if line.startswith("event: "):
            kind = line.removeprefix("event: ")
        elif line.startswith("data: ") and kind is not None:
            events.append((kind, json.loads(line.removeprefix("data: "))))
    return events


def test_solve_returns_a_solution_and_remembers_the_thread(live: LiveServer) -> None:
    with _client(live) as client:
        response = client.post("/v1/solve", json={"question": QUESTION})
        assert response.status_code == 200, response.text
        solution = response.json()
        history = client.get(f"/v1/threads/{solution['thread_id']}").json()
    assert solution["status"] == "answered", solution["text"]
    assert score_answer(solution["answer"], solution["unit"], ANSWER_W, "W", 0.02)[0]
    assert [turn["question"] for turn in history["turns"]] == [QUESTION]


def test_stream_sends_steps_then_the_solution(live: LiveServer) -> None:
    question, watts = QUESTION, ANSWER_W
    with (
        _client(live) as client,
        client.stream("POST", "/v1/solve/stream", json={"question": question}) as response,
    ):
        assert response.headers["content-type"].startswith("text/event-stream")
        events = _events(response)
    kinds = [kind for kind, _ in events]
    assert kinds[0] == "thread" and kinds[-1] == "final"
    assert "plan" in kinds and "step" in kinds
    assert kinds.index("plan") < kinds.index("step") < kinds.index("final")
    final = events[-1][1]
    assert final["thread_id"] == events[0][1]["thread_id"]
    assert score_answer(final["answer"], final["unit"], watts, "W", 0.02)[0], final["text"]


def test_client_disconnect_cancels_the_solve(live: LiveServer) -> None:
    # A calculation is solved in well under a second; a knowledge answer is written by the
    # model for seconds after its plan event, so the hang-up lands while the solve runs.
    question = "Why does cavitation damage a pump impeller, and how does an NPSH margin prevent it?"
    thread_id = None
    with (
        _client(live) as client,
        client.stream("POST", "/v1/solve/stream", json={"question": question}) as response,
    ):
        kind = None
        for line in response.iter_lines():
            if line.startswith("event: "):
                kind = line.removeprefix("event: ")
            elif kind == "thread" and line.startswith("data: "):
                thread_id = json.loads(line.removeprefix("data: "))["thread_id"]
            elif kind == "plan":
                break  # hang up after the first step event
    assert thread_id is not None
    run = live.state.runs.latest(thread_id)
    assert run is not None and run.wait(timeout=900)
    assert run.state == "cancelled"
    assert live.state.assistant.history(thread_id) == []  # the turn never finished
