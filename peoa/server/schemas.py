"""Request and response bodies of PEOA's own endpoints (OpenAI's live in routes/openai.py)."""

from __future__ import annotations

from typing import Any, Literal

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
    """``GET /healthz``: whether PEOA can answer, and which part fails if it cannot."""

    status: Literal["starting", "ready", "degraded", "failed"] = Field(
        description="starting: the models, Neo4j and the tool documentation are still "
        "loading (questions wait for them); ready: everything answers; degraded: loaded, "
        "but a part below fails now; failed: loading failed (see detail), restart needed."
    )
    detail: str | None = Field(None, description="What is loading, or why it failed.")
    neo4j: str = Field(description='"ok", "unknown" (not yet checked) or "error: ..."')
    models: dict[str, str] = Field(description='Each model role: "ok (name)" or "error: ..."')
    loading_s: float = Field(
        description="Seconds the loading took, or has taken so far while starting."
    )
    auth_required: bool
