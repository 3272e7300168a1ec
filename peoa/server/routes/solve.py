"""``POST /v1/solve`` (one JSON answer) and ``POST /v1/solve/stream`` (server-sent events).

The stream sends ``event: thread`` first (the thread id), then one event per step
(``plan``, ``step``, ``validation``, ``revision``) and ``final`` with the Solution;
``error`` replaces ``final`` if the solve crashed.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import StreamingResponse

from peoa.agent.solution import Solution
from peoa.server.deps import AssistantDep, StateDep, require_api_key, require_json
from peoa.server.schemas import SolveRequest
from peoa.server.solving import open_run, resolve_thread, sse_events

__all__ = ["router"]

router = APIRouter(prefix="/v1/solve", tags=["solve"], dependencies=[Depends(require_api_key)])


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
async def solve_stream(
    body: SolveRequest, request: Request, state: StateDep, assistant: AssistantDep
) -> StreamingResponse:
    """Stream the steps as server-sent events; the last one (``final``) is the Solution."""
    thread_id = resolve_thread(state, body.thread_id)
    run = open_run(state, assistant, body.question, thread_id)
    return StreamingResponse(
        sse_events(request, run),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
