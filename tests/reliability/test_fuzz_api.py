"""Hostile HTTP payloads: every answer is a 4xx (or 503 while no Assistant is loaded)
with one JSON ``detail`` line, never a 500.

The app runs without its Assistant (the lifespan is not started), so a payload that
passes validation stops at the "not ready" 503 instead of starting a real solve: what
is fuzzed here is the request parsing and validation in front of the models.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from peoa.server import ServerSettings, create_app
from tests.reliability._fuzz import FUZZ

json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=10,
)
message = st.fixed_dictionaries(
    {
        "role": st.sampled_from(["user", "system", "assistant", "tool", "root"])
        | st.text(max_size=6)
    },
    optional={"content": st.text(max_size=40) | json_value},
)
BODIES = {
    "/v1/solve": st.fixed_dictionaries(
        {},
        optional={
            "question": st.text(max_size=50) | json_value,
            "thread_id": st.text(max_size=20) | json_value,
        },
    ),
    "/v1/solve/stream": st.fixed_dictionaries(
        {}, optional={"question": st.text(max_size=50) | json_value, "thread_id": json_value}
    ),
    "/v1/chat/completions": st.fixed_dictionaries(
        {},
        optional={
            "model": st.text(max_size=10) | json_value,
            "messages": st.lists(message, max_size=3) | json_value,
            "stream": json_value,
            "user": json_value,
        },
    ),
    "/v1/eval": st.fixed_dictionaries(
        {}, optional={"dataset": json_value, "items": json_value, "limit": json_value}
    ),
}
CONTENT_TYPES = ["application/json", "text/plain", "", "application/x-www-form-urlencoded", "multipart/form-data"]  # fmt: skip


@pytest.fixture(scope="module")
def client() -> TestClient:
    # Not used as a context manager: the lifespan (which loads the models) never runs.
    return TestClient(create_app(ServerSettings(host="127.0.0.1")), raise_server_exceptions=False)


def _check(answer: Any) -> None:
    assert answer.status_code != 500 and answer.status_code < 600, answer.text
    if answer.status_code >= 400:
        detail = answer.json()["detail"]
        assert isinstance(detail, str) and detail.strip() and "\n" not in detail, detail
        assert "Traceback" not in detail


@st.composite
def requests_(draw: st.DrawFn) -> tuple[str, bytes, str]:
    path = draw(st.sampled_from(sorted(BODIES)))
    how = draw(st.integers(0, 3))
    if how == 0:
        body = draw(st.binary(max_size=200))
    elif how == 1:
        body = json.dumps(draw(json_value)).encode()
    else:
        body = json.dumps(draw(BODIES[path])).encode()
    kind = "application/json" if how >= 2 else draw(st.sampled_from(CONTENT_TYPES))
    return path, body, kind


@FUZZ
@given(requests_())
def test_fuzz_json_endpoints(client: TestClient, case: tuple[str, bytes, str]) -> None:
    path, body, kind = case
    headers = {"Content-Type": kind} if kind else {}
    _check(client.post(path, content=body, headers=headers))


@FUZZ
@given(
    st.text(max_size=60),
    st.text(max_size=60),
    st.binary(max_size=300),
    st.sampled_from(["files", "file", "", "documents"]),
)
def test_fuzz_ingest_uploads(
    client: TestClient, filename: str, path_part: str, data: bytes, field: str
) -> None:
    name = filename or "x"
    try:
        files = {field or "files": (name, data, "application/octet-stream")}
        answer = client.post("/v1/ingest", files=files)
    except (UnicodeEncodeError, ValueError):
        return  # the client itself cannot encode this filename; nothing reached the server
    _check(answer)
    # Path and query parameters of the read endpoints.
    part = quote(path_part, safe="")
    for url in (
        f"/v1/threads/{part}",
        f"/v1/chunks/{part}",
        f"/v1/eval/{part}",
        "/v1/retrieve",
    ):
        try:
            _check(client.get(url, params={"q": path_part, "k": filename, "mode": filename}))
        except ValueError:
            continue  # an URL the client refuses to build


def test_oversized_and_deep_bodies(client: TestClient) -> None:
    _check(client.post("/v1/solve", json={"question": "x" * 100_000}))
    deep = "[" * 50_000 + "]" * 50_000
    _check(client.post("/v1/solve", content=deep, headers={"Content-Type": "application/json"}))
    _check(
        client.post(
            "/v1/chat/completions",
            content='{"model": "peoa", "messages": ' + deep + "}",
            headers={"Content-Type": "application/json"},
        )
    )
