"""``GET /v1/retrieve?q=&k=&mode=``: passages from the knowledge graph, with provenance."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from starlette.concurrency import run_in_threadpool

from peoa.graph.retrieve import Mode, RetrieverResult, make_retriever
from peoa.server.deps import AssistantDep, require_api_key

__all__ = ["router"]

router = APIRouter(
    prefix="/v1/retrieve", tags=["documents"], dependencies=[Depends(require_api_key)]
)


@router.get("", response_model=RetrieverResult)
async def retrieve(
    assistant: AssistantDep,
    q: Annotated[str, Query(min_length=1, max_length=4000, description="What to look for.")],
    k: Annotated[int, Query(ge=1, le=100)] = 5,
    mode: Annotated[Mode, Query(description="vector, fulltext, hybrid or graph.")] = "hybrid",
) -> RetrieverResult:
    """The ``k`` best passages for ``q``."""

    def search() -> RetrieverResult:
        retriever = make_retriever(
            mode, assistant.driver, assistant.embedder, database=assistant.settings.neo4j.database
        )
        return retriever.search(q, k)

    return await run_in_threadpool(search)
