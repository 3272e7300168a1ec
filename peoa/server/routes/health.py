"""``GET /healthz``: is Neo4j answering and do the models load? No key needed.

200 when both hold, 503 otherwise; the body says which part failed. A model that
loaded once is not loaded again (llama.cpp keeps it), so the check stays cheap.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from peoa.server.deps import StateDep
from peoa.server.schemas import HealthOut

__all__ = ["router"]

router = APIRouter(tags=["health"])


def _models(assistant: Any) -> dict[str, str]:
    found: dict[str, Any] = {"action_generator": assistant.generator.llm}
    for name, expert in assistant.experts.items():
        llm = getattr(expert, "llm", None)
        if llm is not None:
            found[f"expert:{name}"] = llm
    status: dict[str, str] = {}
    for role, llm in found.items():
        load = getattr(llm, "model", None)
        try:
            if callable(load):
                load()  # opens the GGUF file once; cached afterwards
            status[role] = f"ok ({llm.name})"
        except Exception as error:
            status[role] = f"error: {type(error).__name__}: {error}"
    try:
        assistant.embedder.embed_query("health")
        status["embedder"] = "ok"
    except Exception as error:
        status["embedder"] = f"error: {type(error).__name__}: {error}"
    return status


def _neo4j(assistant: Any) -> str:
    try:
        assistant.driver.verify_connectivity()
        return "ok"
    except Exception as error:
        return f"error: {type(error).__name__}: {error}"


@router.get("/healthz", response_model=HealthOut, responses={503: {"model": HealthOut}})
async def healthz(state: StateDep) -> Any:
    """Neo4j and the models; 503 with the failing part when one does not answer."""
    assistant = state.assistant
    if assistant is None:
        why = state.startup_error or "still loading"
        body = HealthOut(
            status="starting" if state.startup_error is None else "degraded",
            neo4j="unknown",
            models={"assistant": why},
            auth_required=state.settings.auth_required,
        )
        return JSONResponse(body.model_dump(), status_code=503)
    neo4j = await run_in_threadpool(_neo4j, assistant)
    models = await run_in_threadpool(_models, assistant)
    healthy = neo4j == "ok" and all(v.startswith("ok") for v in models.values())
    body = HealthOut(
        status="ok" if healthy else "degraded",
        neo4j=neo4j,
        models=models,
        auth_required=state.settings.auth_required,
    )
    return JSONResponse(body.model_dump(), status_code=200 if healthy else 503)
