"""What the solve endpoints share: thread checks, opening a run, SSE framing."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from typing import Any

from fastapi import HTTPException, Request

from peoa.agent.solution import StepEvent
from peoa.server.runs import SolveRun, ThreadBusyError, TooManyRunsError
from peoa.server.state import ServerState

__all__ = ["open_run", "resolve_thread", "sse", "sse_events"]


def resolve_thread(state: ServerState, thread_id: str | None, *, create: bool = False) -> str:
    """A new thread id when none is given; 404 for one the server does not know
    (unless ``create``, for clients such as OpenAI's that name their own threads)."""
    if thread_id is None:
        thread_id = uuid.uuid4().hex
        state.add_thread(thread_id)
        return thread_id
    if not state.thread_exists(thread_id):
        if create:
            state.add_thread(thread_id)
            return thread_id
        raise HTTPException(
            404,
            f"unknown thread id {thread_id!r}: omit thread_id to start a new conversation, "
            "or create one with POST /v1/threads",
        )
    return thread_id


def open_run(state: ServerState, assistant: Any, question: str, thread_id: str) -> SolveRun:
    try:
        return state.runs.open(assistant, question, thread_id)
    except ThreadBusyError:
        raise HTTPException(
            409, f"thread {thread_id!r} is already solving a question; wait for its answer"
        ) from None
    except TooManyRunsError as error:
        raise HTTPException(
            503,
            f"the server is solving {error} questions already; retry shortly",
            headers={"Retry-After": "5"},
        ) from None


def sse(event: str, data: Any) -> str:
    """One server-sent event."""
    return f"event: {event}\ndata: {json.dumps(data, default=str)}\n\n"


async def sse_events(request: Request, run: SolveRun) -> AsyncIterator[str]:
    """The run's step events as SSE; a disconnected client cancels the run."""
    yield sse("thread", {"thread_id": run.thread_id, "run_id": run.id})
    try:
        async for event in run.events():
            if await request.is_disconnected():
                break  # leaving the iteration cancels the run
            yield sse(event.kind, _jsonable(event))
    except Exception as error:
        yield sse("error", {"detail": f"the solve failed: {type(error).__name__}: {error}"})
    finally:
        if run.active:
            run.cancel()


def _jsonable(event: StepEvent) -> dict[str, Any]:
    return event.model_dump(mode="json")["data"]
