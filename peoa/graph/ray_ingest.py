"""``peoa ingest --backend ray``: each document is a Ray task.

A task receives the file's bytes (so workers need no shared file system), writes
them under the file's own name in a scratch folder and runs the ordinary
per-document transaction, :meth:`~peoa.graph.ingest.Ingestor.ingest_file`, with the
document's source key taken on the driver. The document id, content hash and
idempotence are therefore exactly those of a local ingest. Each worker opens one
driver and one embedder and reuses them for every document it receives.

As locally, a lost Neo4j stops the batch: the tasks not yet finished are cancelled
(their transactions never commit) and one :class:`~peoa.graph.errors.ConnectionLostError`
says how many files were done and that a re-run skips them.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from peoa.config import Settings
from peoa.exceptions import Neo4jError, PeoaError
from peoa.graph.ingest import LOST_CONNECTION, FileReport, batch_stopped, connection_lost

__all__ = ["ingest_on_ray"]

_ingestors: dict[str, Any] = {}  # per worker process: settings -> Ingestor


def _worker_ingestor(llm: bool) -> Any:
    from peoa.config import get_settings

    settings = get_settings()
    key = f"{llm}:{settings.model_dump_json()}"
    if key not in _ingestors:
        from peoa.graph import Ingestor
        from peoa.llm import get_embedder
        from peoa.neo4j_server import open_driver

        extractor = None
        if llm:
            from peoa.graph.llm_extract import LLMExtractor

            extractor = LLMExtractor.from_config()
        driver = open_driver(settings, start=False)  # the driver's side started it
        _ingestors[key] = Ingestor(
            driver, get_embedder(), llm_extractor=extractor, database=settings.neo4j.database
        )
    return _ingestors[key]


def _ingest_document(
    name: str, data: bytes, source: str, llm: bool, env: dict[str, str]
) -> dict[str, Any]:
    """The Ray task: one document, one transaction, in a worker."""
    from peoa.workers import adopt_settings

    adopt_settings(env)  # the driver's configuration, not the worker's inherited one
    with tempfile.TemporaryDirectory(prefix="peoa-ingest-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        report = _worker_ingestor(llm).ingest_file(path, source=source)
    return report.model_dump()


def ingest_on_ray(
    paths: Sequence[Path],
    settings: Settings,
    *,
    address: str | None = None,
    llm: bool = False,
    max_in_flight: int = 8,
    on_report: Callable[[FileReport], None] | None = None,
) -> list[FileReport]:
    """Ingest ``paths`` as Ray tasks; reports in the order of ``paths``.

    The schema must already be migrated (the caller does it once). A file that
    cannot be read on the driver is reported as an error without a task.
    """
    from peoa.workers import import_ray, settings_env

    ray = import_ray()
    if not ray.is_initialized():
        ray.init(address=address, include_dashboard=False, log_to_driver=False)
    env = settings_env(settings)
    task = ray.remote(_ingest_document).options(num_cpus=1, max_retries=0)
    reports: dict[int, FileReport] = {}

    def submit() -> Iterator[tuple[int, Any]]:
        for index, path in enumerate(paths):
            try:
                data = Path(path).read_bytes()
            except OSError as error:
                reports[index] = FileReport(path=str(path), status="error",
                                            message=f"cannot read {path}: {error.strerror}")  # fmt: skip
                continue
            source = str(Path(path).resolve())  # the key a local ingest uses
            yield index, task.remote(Path(path).name, data, source, llm, env)

    pending: dict[Any, int] = {}
    for index, ref in submit():
        pending[ref] = index
        while len(pending) >= max(1, max_in_flight):
            _collect(ray, pending, reports, paths, on_report)
    while pending:
        _collect(ray, pending, reports, paths, on_report)
    return [reports[i] for i in sorted(reports)]


def _collect(
    ray: Any,
    pending: dict[Any, int],
    reports: dict[int, FileReport],
    paths: Sequence[Path],
    on_report: Callable[[FileReport], None] | None,
) -> None:
    done, _ = ray.wait(list(pending), num_returns=1)
    index = pending.pop(done[0])
    report = _report(ray, done[0], paths[index])
    reports[index] = report
    if on_report:
        on_report(report)
    if connection_lost(report):
        # Every later document would fail the same way, each after the driver's retries.
        _cancel(ray, pending, reports, paths)
        finished = [reports[i] for i in sorted(reports) if i != index]
        raise batch_stopped(report.message or LOST_CONNECTION, finished)


def _report(ray: Any, ref: Any, path: Path) -> FileReport:
    """A task's report; a worker that could not reach Neo4j at all reports a lost connection."""
    try:
        report = FileReport.model_validate(ray.get(ref))
    except ray.exceptions.RayTaskError as error:
        cause = getattr(error, "cause", None)
        if not isinstance(cause, PeoaError):
            raise
        lost = isinstance(cause, Neo4jError)  # e.g. the worker could not reach it at all
        message = f"{path}: {LOST_CONNECTION} ({cause})" if lost else f"{path}: {cause}"
        report = FileReport(path=str(path), status="error", message=message)
    report.path = str(path)
    return report


def _cancel(
    ray: Any, pending: dict[Any, int], reports: dict[int, FileReport], paths: Sequence[Path]
) -> None:
    """Cancel the unfinished tasks; keep the reports of those that finished anyway."""
    for ref in pending:
        ray.cancel(ref)
    for ref, index in pending.items():
        try:
            report = _report(ray, ref, paths[index])
        except (ray.exceptions.TaskCancelledError, ray.exceptions.RayTaskError):
            continue  # cancelled before it committed: nothing of it was written
        if report.status != "error":
            reports[index] = report
    pending.clear()
