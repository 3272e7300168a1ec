"""``POST /v1/threads`` makes a conversation id; ``GET /v1/threads/{id}`` lists its turns."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path

from peoa.server.deps import AssistantDep, StateDep, require_api_key
from peoa.server.schemas import THREAD_ID_PATTERN, ThreadOut

__all__ = ["router"]

router = APIRouter(prefix="/v1/threads", tags=["threads"], dependencies=[Depends(require_api_key)])

ThreadId = Annotated[str, Path(pattern=THREAD_ID_PATTERN)]


@router.post("", response_model=ThreadOut, status_code=201)
def create_thread(state: StateDep) -> ThreadOut:
    """A new, empty conversation."""
    thread_id = uuid.uuid4().hex
    state.add_thread(thread_id)
    return ThreadOut(id=thread_id)


@router.get("/{thread_id}", response_model=ThreadOut)
def get_thread(thread_id: ThreadId, state: StateDep, assistant: AssistantDep) -> ThreadOut:
    """The turns of a conversation so far: question, answer, unit, status."""
    if not state.thread_exists(thread_id):
        raise HTTPException(
            404, f"unknown thread id {thread_id!r}; create one with POST /v1/threads"
        )
    return ThreadOut(id=thread_id, turns=assistant.history(thread_id))
