"""``GET /healthz``: is PEOA loaded, is Neo4j answering, do the models load? No key needed.

The server answers it within seconds of starting, while the Assistant loads in the
background. The status, and the HTTP code a load balancer acts on:

* ``starting`` (503, ``Retry-After``): still loading; questions asked now wait for it;
* ``ready`` (200): loaded, and Neo4j and every model answer;
* ``degraded`` (503): loaded, but a part fails now; the body says which;
* ``failed`` (503): loading failed; ``detail`` says why (restart once it is fixed).

A model that loaded once is not loaded again (llama.cpp keeps it), so the check stays
cheap.
"""

from __future__ import annotations

import time
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from peoa.server.deps import StateDep
from peoa.server.schemas import HealthOut
from peoa.server.state import STARTING_MESSAGE

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
    """200 with status "ready" when PEOA answers questions; 503 otherwise, with status
    "starting" (loading, retry), "degraded" (a part fails; the body says which) or
    "failed" (loading failed; ``detail`` says why)."""
    phase = state.phase
    if phase != "ready":
        took = state.loading_took
        loading_s = took if took is not None else time.monotonic() - state.loading_since
        starting = phase == "starting"
        detail = (
            f"{STARTING_MESSAGE.removesuffix('…')}, Neo4j and the tool documentation "
            f"({loading_s:.0f} s so far)"
            if starting
            else f"PEOA failed to start: {state.startup_error}"
        )
        body = HealthOut(
            status=phase,
            detail=detail,
            neo4j="unknown",
            models={"assistant": "loading" if starting else f"error: {state.startup_error}"},
            loading_s=round(loading_s, 3),
            auth_required=state.settings.auth_required,
        )
        headers = {"Retry-After": "5"} if starting else None
        return JSONResponse(body.model_dump(), status_code=503, headers=headers)
    assistant = state.assistant
    neo4j = await run_in_threadpool(_neo4j, assistant)
    models = await run_in_threadpool(_models, assistant)
    healthy = neo4j == "ok" and all(v.startswith("ok") for v in models.values())
    body = HealthOut(
        status="ready" if healthy else "degraded",
        neo4j=neo4j,
        models=models,
        loading_s=round(state.loading_took or 0.0, 3),
        auth_required=state.settings.auth_required,
    )
    return JSONResponse(body.model_dump(), status_code=200 if healthy else 503)
