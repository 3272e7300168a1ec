"""``GET /v1/chunks/{id}``: the passage a citation points to."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path
from starlette.concurrency import run_in_threadpool

from peoa.server.deps import AssistantDep, require_api_key
from peoa.server.schemas import ChunkOut

__all__ = ["fetch_chunk", "router"]

router = APIRouter(prefix="/v1/chunks", tags=["documents"], dependencies=[Depends(require_api_key)])

_QUERY = (
    "MATCH (c:Chunk {id: $id}) OPTIONAL MATCH (d:Document)-[:HAS_CHUNK]->(c) "
    "RETURN c.id AS id, c.text AS text, c.section AS section, c.page AS page, "
    "c.position AS position, d.id AS document_id, d.title AS document, d.source AS source"
)


def fetch_chunk(assistant: Any, chunk_id: str) -> ChunkOut | None:
    """The chunk ``chunk_id`` and its document, or None."""
    records, _, _ = assistant.driver.execute_query(
        _QUERY, id=chunk_id, database_=assistant.settings.neo4j.database, routing_="r"
    )
    return ChunkOut(**dict(records[0])) if records else None


@router.get("/{chunk_id}", response_model=ChunkOut)
async def get_chunk(
    chunk_id: Annotated[str, Path(min_length=1, max_length=200)], assistant: AssistantDep
) -> ChunkOut:
    """The chunk's text, section, page and document."""
    chunk = await run_in_threadpool(fetch_chunk, assistant, chunk_id)
    if chunk is None:
        raise HTTPException(404, f"no chunk has id {chunk_id!r}; it may have been re-ingested")
    return chunk
