"""OpenAI's chat API, so any OpenAI client can use PEOA as a model named ``peoa``.

* ``GET /v1/models`` lists ``peoa``.
* ``POST /v1/chat/completions``: the last user message is the question. The
  conversation is the thread named by the ``X-PEOA-Thread`` header or, failing that,
  the ``user`` field (created on first use); without either, each request is a new
  thread. Earlier messages are given to PEOA as context when its thread has no turns
  of its own yet (a client that keeps the history itself, as most chat UIs do).
* With ``stream: true`` the steps arrive as ``reasoning_content`` deltas (chat UIs
  show them as the model's reasoning) and the answer as ``content``. Asked while the
  server is starting, the first such delta says so and the answer follows once the
  models are loaded.
* The full Solution rides along as an extra ``peoa`` field of the completion (and of
  the last chunk when streaming); OpenAI clients keep unknown fields.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any, Literal

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from peoa.server.deps import StateDep, assistant_when_ready, require_api_key, require_json
from peoa.server.render import describe_event, event_title, solution_markdown
from peoa.server.runs import SolveRun
from peoa.server.schemas import THREAD_ID_PATTERN
from peoa.server.solving import open_run, resolve_thread
from peoa.server.state import STARTING_MESSAGE, ServerState

__all__ = ["MODEL_NAME", "ChatCompletionRequest", "router"]

MODEL_NAME = "peoa"
_CREATED = int(time.time())
_CONTEXT_TURNS = 3

router = APIRouter(prefix="/v1", tags=["openai"], dependencies=[Depends(require_api_key)])


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")

    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: str | list[dict[str, Any]] | None = None

    def text(self) -> str:
        if isinstance(self.content, list):
            return "\n".join(
                str(part.get("text", "")) for part in self.content if part.get("type") == "text"
            )
        return self.content or ""


class ChatCompletionRequest(BaseModel):
    """The fields PEOA uses; sampling options (temperature, …) are accepted and ignored,
    since PEOA's decoding is fixed by its configuration."""

    model_config = ConfigDict(extra="allow")

    model: str
    messages: list[ChatMessage] = Field(min_length=1)
    stream: bool = False
    stream_options: dict[str, Any] | None = None
    user: str | None = Field(None, max_length=256)


def _thread_name(header: str | None, user: str | None) -> str | None:
    name = header or user
    if name is None:
        return None
    if re.fullmatch(THREAD_ID_PATTERN, name):
        return name
    return "user-" + hashlib.sha256(name.encode()).hexdigest()[:32]


def _question(messages: list[ChatMessage], with_context: bool) -> str:
    users = [i for i, m in enumerate(messages) if m.role == "user"]
    if not users:
        raise HTTPException(400, "the messages contain no user message to answer")
    last = users[-1]
    question = messages[last].text().strip()
    if not question:
        raise HTTPException(400, "the last user message is empty")
    if not with_context:
        return question
    earlier: list[str] = []
    for message in messages[:last]:
        if message.role == "user":
            earlier.append(f"Earlier question: {message.text().strip()[:400]}")
        elif message.role == "assistant":
            earlier.append(f"Earlier answer: {message.text().strip()[:300]}")
    kept = earlier[-2 * _CONTEXT_TURNS :]
    return ("\n".join(kept) + "\n\n" + question) if kept else question


def _usage(solution: dict[str, Any]) -> dict[str, int]:
    usage = solution.get("usage") or {}
    prompt, completion = int(usage.get("prompt_tokens", 0)), int(usage.get("completion_tokens", 0))
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
    }


def _content(solution: dict[str, Any]) -> str:
    return solution_markdown(solution, chunk_url=None).removeprefix("## ")


@router.get("/models")
def list_models() -> dict[str, Any]:
    """The one model this server offers."""
    return {
        "object": "list",
        "data": [{"id": MODEL_NAME, "object": "model", "created": _CREATED, "owned_by": "peoa"}],
    }


@router.get("/models/{model}")
def get_model(model: str) -> dict[str, Any]:
    if model != MODEL_NAME:
        raise HTTPException(
            404, f"model {model!r} does not exist; this server offers {MODEL_NAME!r}"
        )
    return {"id": MODEL_NAME, "object": "model", "created": _CREATED, "owned_by": "peoa"}


@router.post("/chat/completions", dependencies=[Depends(require_json)], response_model=None)
async def chat_completions(
    body: ChatCompletionRequest,
    request: Request,
    state: StateDep,
    x_peoa_thread: str | None = Header(None, max_length=256),
) -> dict[str, Any] | StreamingResponse:
    """OpenAI's chat completion, answered by PEOA (streaming with ``stream: true``).

    Asked while the server is starting, a stream says so at once (a reasoning delta
    "PEOA is starting: loading the models…") and answers once they are loaded; without
    streaming the request waits for them (503 after ``startup_wait_s``)."""
    if body.model != MODEL_NAME:
        raise HTTPException(404, f"model {body.model!r} does not exist; use {MODEL_NAME!r}")
    _question(body.messages, with_context=False)  # a request without a question: 400 now
    name = _thread_name(x_peoa_thread, body.user)
    include_usage = bool((body.stream_options or {}).get("include_usage"))
    if body.stream and not state.loaded.is_set():
        # A named thread is created on first use and a new one needs no model, so the
        # thread is known now, for the header, before the models are.
        thread_id = resolve_thread(state, name, create=True)
        completion_id = f"chatcmpl-{uuid.uuid4().hex}"
        return StreamingResponse(
            _chunks_after_startup(
                request, state, body, name, thread_id, completion_id, include_usage
            ),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-cache", "X-PEOA-Thread": thread_id},
        )
    assistant = await assistant_when_ready(state)
    thread_id = resolve_thread(state, name, create=True)
    run = _open(state, assistant, body, name, thread_id)
    completion_id = f"chatcmpl-{run.id}"
    if body.stream:
        return StreamingResponse(
            _chunks(request, run, completion_id, include_usage),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-cache", "X-PEOA-Thread": thread_id},
        )
    solution: dict[str, Any] | None = None
    async for event in run.events():
        if await request.is_disconnected():
            break
        if event.kind == "final":
            solution = event.data
    if solution is None:
        raise HTTPException(499, "the client went away; the solve was cancelled")
    return {
        "id": completion_id,
        "object": "chat.completion",
        "created": int(time.time()),
        "model": MODEL_NAME,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": _content(solution)},
                "finish_reason": "stop",
                "logprobs": None,
            }
        ],
        "usage": _usage(solution),
        "peoa": solution,
    }


def _open(
    state: ServerState,
    assistant: Any,
    body: ChatCompletionRequest,
    name: str | None,
    thread_id: str,
) -> SolveRun:
    """The run answering the last user message, with the earlier ones as context when
    the thread has no turns of its own."""
    fresh = name is None or not assistant.history(thread_id)
    question = _question(body.messages, with_context=fresh)
    return open_run(state, assistant, question, thread_id)


def _chunk(
    completion_id: str, delta: dict[str, Any], finish: str | None = None, **extra: Any
) -> str:
    payload = {
        "id": completion_id,
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": MODEL_NAME,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}],
        **extra,
    }
    return f"data: {json.dumps(payload, default=str)}\n\n"


def _failure(message: str, kind: str = "server_error") -> str:
    return f"data: {json.dumps({'error': {'message': message, 'type': kind}})}\n\n"


async def _chunks_after_startup(
    request: Request,
    state: ServerState,
    body: ChatCompletionRequest,
    name: str | None,
    thread_id: str,
    completion_id: str,
    include_usage: bool,
) -> AsyncIterator[str]:
    """The stream of a question asked while starting: say so, wait, then answer."""
    yield _chunk(completion_id, {"role": "assistant", "content": ""})
    yield _chunk(completion_id, {"reasoning_content": f"**{STARTING_MESSAGE}**\n\n"})
    try:
        assistant = await assistant_when_ready(state)
        run = _open(state, assistant, body, name, thread_id)
    except HTTPException as error:  # the response has begun: the refusal is a chunk
        yield _failure(str(error.detail), "service_unavailable")
        return
    async for piece in _chunks(request, run, completion_id, include_usage, opened=True):
        yield piece


async def _chunks(
    request: Request,
    run: SolveRun,
    completion_id: str,
    include_usage: bool,
    *,
    opened: bool = False,
) -> AsyncIterator[str]:
    if not opened:  # the first chunk names the role, once
        yield _chunk(completion_id, {"role": "assistant", "content": ""})
    solution: dict[str, Any] | None = None
    try:
        async for event in run.events():
            if await request.is_disconnected():
                return  # leaving cancels the run
            if event.kind == "final":
                solution = event.data
                continue
            body = describe_event(event.kind, event.data)
            text = f"**{event_title(event.kind, event.data)}**" + (f"\n{body}" if body else "")
            yield _chunk(completion_id, {"reasoning_content": text + "\n\n"})
    except Exception as error:
        yield _failure(f"the solve failed: {type(error).__name__}: {error}")
        return
    if solution is None:
        return
    yield _chunk(completion_id, {"content": _content(solution)})
    yield _chunk(completion_id, {}, "stop", peoa=solution)
    if include_usage:
        usage_chunk = {
            "id": completion_id,
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": MODEL_NAME,
            "choices": [],
            "usage": _usage(solution),
        }
        yield f"data: {json.dumps(usage_chunk)}\n\n"
    yield "data: [DONE]\n\n"
