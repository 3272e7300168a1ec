"""``GET /v1/solutions/{id}/sheet``: the calculation sheet of an answer, as Markdown, HTML
or PDF.

Every Solution has an ``id`` (returned by ``POST /v1/solve``, the stream's ``final`` event,
the web chat's and the OpenAI-compatible route's solves alike). It names the thread the
question was asked in, so the answer is read back from that thread's memory (the
Assistant's checkpointer): no second store to keep, bound or lose on a restart, and an
answer is fetchable for as long as its thread is remembered.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import Response

from peoa.agent.solution import SOLUTION_ID_SEPARATOR, Solution
from peoa.server.deps import AssistantDep, require_api_key

__all__ = ["find_solution", "router"]

router = APIRouter(
    prefix="/v1/solutions", tags=["solutions"], dependencies=[Depends(require_api_key)]
)

SheetFormat = Literal["md", "html", "pdf"]
_MEDIA_TYPES: dict[str, str] = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
}


def find_solution(checkpointer: Any, solution_id: str) -> Solution | None:
    """The Solution ``solution_id`` from its thread's checkpoints, newest first; ``None``
    when the id names no thread, or an answer the thread does not hold."""
    thread_id, separator, _ = solution_id.rpartition(SOLUTION_ID_SEPARATOR)
    if not separator or not thread_id:
        return None
    for saved in checkpointer.list({"configurable": {"thread_id": thread_id}}):
        found = saved.checkpoint.get("channel_values", {}).get("solution")
        if isinstance(found, dict) and found.get("id") == solution_id:
            return Solution.model_validate(found)
    return None


def _render(solution: Solution, format: SheetFormat) -> str | bytes:
    from peoa.agent.sheet import sheet_html, sheet_markdown, sheet_pdf

    if format == "pdf":
        return sheet_pdf(solution)
    if format == "html":
        return sheet_html(solution)
    return sheet_markdown(solution)


@router.get(
    "/{solution_id}/sheet",
    response_class=Response,
    responses={
        200: {
            "description": "The sheet, as a file to save (Content-Disposition names it).",
            "content": {kind.split(";")[0]: {} for kind in _MEDIA_TYPES.values()},
        },
        404: {"description": "No answer with this id."},
    },
)
def solution_sheet(
    solution_id: Annotated[str, Path(min_length=1, max_length=300)],
    assistant: AssistantDep,
    format: Annotated[
        SheetFormat, Query(description="md (Markdown), html (one offline page) or pdf")
    ] = "md",
) -> Response:
    """The calculation sheet of an answer: the given data, assumptions, each step with its
    inputs and outputs, figures, the result and the references."""
    # A plain ``def``: FastAPI runs it in its thread pool, as reading the checkpoints and
    # drawing the figures block.
    solution = find_solution(assistant.checkpointer, solution_id)
    if solution is None:
        raise HTTPException(
            404,
            f"unknown solution id {solution_id!r}: use the 'id' of an answer from "
            "POST /v1/solve (the answer is kept as long as its thread is)",
        )
    name = re.sub(r"[^A-Za-z0-9_-]", "", solution_id.rpartition(SOLUTION_ID_SEPARATOR)[2])
    return Response(
        content=_render(solution, format),
        media_type=_MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="peoa-sheet-{name}.{format}"'},
    )
