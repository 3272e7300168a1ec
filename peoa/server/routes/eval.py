"""``POST /v1/eval`` starts an evaluation in the background; ``GET /v1/eval/{id}`` reports it."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel, Field

from peoa.evaluation import DatasetItem, load_dataset
from peoa.paths import resource_dir
from peoa.server.deps import AssistantDep, StateDep, require_api_key, require_json
from peoa.server.evaljobs import EvalJob

__all__ = ["EvalRequest", "router"]


class EvalRequest(BaseModel):
    """``POST /v1/eval``: a bundled dataset by name, or the items themselves."""

    dataset: str | None = Field(
        "dev", pattern=r"^[A-Za-z0-9_-]{1,64}$", description="A dataset under datasets/."
    )
    items: list[DatasetItem] | None = Field(
        None, max_length=10_000, description="Items to evaluate instead of a bundled dataset."
    )
    limit: int | None = Field(None, ge=1, le=10_000, description="Only the first N items.")
    ids: list[str] | None = Field(None, description="Only these item ids.")


router = APIRouter(prefix="/v1/eval", tags=["evaluation"], dependencies=[Depends(require_api_key)])


def _items(body: EvalRequest) -> tuple[list[DatasetItem], str]:
    if body.items is not None:
        items, name = list(body.items), "inline"
    else:
        path = resource_dir("datasets") / f"{body.dataset}.jsonl"
        if not path.is_file():
            known = sorted(p.stem for p in resource_dir("datasets").glob("*.jsonl"))
            raise HTTPException(
                404, f"no bundled dataset {body.dataset!r}; known: {', '.join(known)}"
            )
        items, _ = load_dataset(path)
        name = str(body.dataset)
    if body.ids is not None:
        wanted = set(body.ids)
        items = [item for item in items if item.id in wanted]
    if body.limit is not None:
        items = items[: body.limit]
    if not items:
        raise HTTPException(400, "the evaluation has no items: check 'ids' and 'limit'")
    return items, name


@router.post("", response_model=EvalJob, status_code=202, dependencies=[Depends(require_json)])
def start_eval(body: EvalRequest, state: StateDep, assistant: AssistantDep) -> EvalJob:
    """Start a job; poll ``GET /v1/eval/{id}`` for its progress and summary."""
    if state.evals.running() >= state.evals.max_running:
        raise HTTPException(
            429, f"{state.evals.max_running} evaluations are running already; wait for one"
        )
    items, name = _items(body)
    return state.evals.start(assistant, items, name)


@router.get("/{job_id}", response_model=EvalJob)
def eval_status(job_id: str, state: StateDep) -> EvalJob:
    """The job's state, progress (done/total, correct) and, when finished, its summary."""
    job = state.evals.get(job_id)
    if job is None:
        raise HTTPException(404, f"unknown evaluation id {job_id!r}")
    return job
