"""``POST /v1/solve`` (one JSON answer) and ``POST /v1/solve/stream`` (server-sent events).

The stream sends ``event: thread`` first (the thread id), then one event per step
(``plan``, ``step``, ``validation``, ``revision``) and ``final`` with the Solution;
``error`` replaces ``final`` if the solve crashed. Asked while the server is starting,
the stream opens with ``event: starting`` (``{"detail": "PEOA is starting: loading the
models…"}``) and goes on as above once the models are loaded; if they fail to load, or
take longer than ``startup_wait_s``, ``error`` follows instead. ``POST /v1/solve`` waits
as long, then answers or gives 503 with the reason.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import StreamingResponse

from peoa.agent.solution import Solution
from peoa.server.deps import (
    AssistantDep,
    StateDep,
    assistant_when_ready,
    require_api_key,
    require_json,
)
from peoa.server.schemas import SolveRequest
from peoa.server.solving import open_run, resolve_thread, sse, sse_events
from peoa.server.state import STARTING_MESSAGE, ServerState

__all__ = ["router"]

router = APIRouter(prefix="/v1/solve", tags=["solve"], dependencies=[Depends(require_api_key)])

_SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}


@router.post("", response_model=Solution, dependencies=[Depends(require_json)])
async def solve(
    body: SolveRequest, request: Request, state: StateDep, assistant: AssistantDep
) -> Solution:
    """Solve a question and return the Solution (number, unit, steps, citations)."""
    thread_id = resolve_thread(state, body.thread_id)
    run = open_run(state, assistant, body.question, thread_id)
    solution: Solution | None = None
    async for event in run.events():
        if await request.is_disconnected():
            break  # the run is cancelled as we leave
        if event.kind == "final":
            solution = Solution.model_validate(event.data)
    if solution is None:
        raise HTTPException(499, "the client went away; the solve was cancelled")
    return solution


@router.post(
    "/stream",
    dependencies=[Depends(require_json)],
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}}},
)
async def solve_stream(body: SolveRequest, request: Request, state: StateDep) -> StreamingResponse:
    """Stream the steps as server-sent events; the last one (``final``) is the Solution."""
    if not state.loaded.is_set():  # say so at once, then wait for the models in the stream
        return StreamingResponse(
            _after_startup(request, state, body),
            media_type="text/event-stream",
            headers=_SSE_HEADERS,
        )
    assistant = await assistant_when_ready(state)  # 503 at once if loading failed
    thread_id = resolve_thread(state, body.thread_id)
    run = open_run(state, assistant, body.question, thread_id)
    return StreamingResponse(
        sse_events(request, run), media_type="text/event-stream", headers=_SSE_HEADERS
    )


async def _after_startup(
    request: Request, state: ServerState, body: SolveRequest
) -> AsyncIterator[str]:
    """The stream of a question asked while starting: ``starting``, then the solve."""
    yield sse("starting", {"detail": STARTING_MESSAGE})
    try:
        assistant = await assistant_when_ready(state)
        # The thread is checked only now: a stored one is known once the Assistant is.
        thread_id = resolve_thread(state, body.thread_id)
        run = open_run(state, assistant, body.question, thread_id)
    except HTTPException as error:  # the response has begun: the refusal is an event
        yield sse("error", {"detail": error.detail, "status": error.status_code})
        return
    async for chunk in sse_events(request, run):
        yield chunk
