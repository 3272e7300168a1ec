"""Request and response bodies of PEOA's own endpoints (OpenAI's live in routes/openai.py)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "THREAD_ID_PATTERN",
    "ChunkOut",
    "HealthOut",
    "SolveRequest",
    "ThreadOut",
]

THREAD_ID_PATTERN = r"^[A-Za-z0-9_.:-]{1,128}$"


class SolveRequest(BaseModel):
    """A question, optionally continuing a thread."""

    model_config = ConfigDict(extra="forbid")

    question: str = Field(min_length=1, max_length=8000)
    thread_id: str | None = Field(
        None,
        pattern=THREAD_ID_PATTERN,
        description="A thread from POST /v1/threads or an earlier answer; omit for a new one.",
    )


class ThreadOut(BaseModel):
    id: str
    turns: list[dict[str, Any]] = []


class ChunkOut(BaseModel):
    """A stored passage, as a citation points to it."""

    id: str
    text: str
    section: str | None = None
    page: int | None = None
    position: int | None = None
    document_id: str | None = None
    document: str | None = None
    source: str | None = None


class HealthOut(BaseModel):
    status: str  # "ok" or "degraded"
    neo4j: str
    models: dict[str, str]
    auth_required: bool
