"""``POST /v1/ingest``: upload documents (multipart, field ``files``) into the graph.

Each upload is written to a temporary file that keeps its name's suffix (the readers
go by it), ingested, and deleted. Its document id comes from ``upload:<file name>``, so
uploading a changed file of the same name updates that document instead of adding one.
Bodies over the server's limit are refused with 413 before they are read
(:class:`peoa.server.limits.BodyLimit`).
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, HTTPException, UploadFile
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from peoa.graph.ingest import FileReport, Progress
from peoa.server.deps import AssistantDep, require_api_key, require_multipart

__all__ = ["IngestOut", "ingest_uploads", "router"]

router = APIRouter(prefix="/v1/ingest", tags=["documents"], dependencies=[Depends(require_api_key)])

_UNSAFE = re.compile(r"[^A-Za-z0-9._ -]+")


class IngestOut(BaseModel):
    files: list[FileReport]
    summary: dict[str, int]


def safe_name(name: str | None) -> str:
    """The base name of an upload with anything odd replaced.

    >>> safe_name("../../etc/pump data?.md")
    'pump data_.md'
    """
    base = Path((name or "upload").replace("\\", "/")).name
    return _UNSAFE.sub("_", base).strip() or "upload"


def ingest_uploads(
    assistant: Any, uploads: list[tuple[str, Path]], progress: Progress | None = None
) -> list[FileReport]:
    """Ingest ``(name, temporary path)`` pairs with the Assistant's driver and embedder."""
    from peoa.graph import Ingestor

    ingestor = Ingestor(
        assistant.driver,
        assistant.embedder,
        database=assistant.settings.neo4j.database,
        progress=progress,
    )
    reports = []
    for name, path in uploads:
        report = ingestor.ingest_file(path, source=f"upload:{name}")
        report.path = name
        reports.append(report)
    return reports


@router.post("", response_model=IngestOut, dependencies=[Depends(require_multipart)])
async def ingest(
    files: Annotated[list[UploadFile], File(description="Documents: md, txt, pdf, csv, xlsx.")],
    assistant: AssistantDep,
) -> IngestOut:
    """Ingest the uploaded documents; each gets a report (ingested, updated, unchanged, error)."""
    if not files:
        raise HTTPException(400, "no file was uploaded; send multipart field 'files'")
    with tempfile.TemporaryDirectory(prefix="peoa-upload-") as folder:
        uploads = []
        for number, upload in enumerate(files):
            name = safe_name(upload.filename)
            target = Path(folder) / str(number) / name  # the graph shows the original name
            target.parent.mkdir()
            with target.open("wb") as sink:
                await run_in_threadpool(shutil.copyfileobj, upload.file, sink)
            uploads.append((name, target))
        reports = await run_in_threadpool(ingest_uploads, assistant, uploads)
    summary: dict[str, int] = {}
    for report in reports:
        summary[report.status] = summary.get(report.status, 0) + 1
    summary["chunks"] = sum(r.chunks for r in reports)
    return IngestOut(files=reports, summary=summary)
