"""The default knowledge: PEOA's own notes in ``knowledge/`` and the tool registry.

Bundled documents get sources ``bundled:knowledge/<path>``, so their ids are the same on
every machine; a note removed from the bundle is removed from the graph on the next run.
"""

from __future__ import annotations

from pathlib import Path

from neo4j import Driver

from peoa.graph.ingest import FileReport, Ingestor, IngestReport, expand_paths
from peoa.graph.store import delete_document
from peoa.paths import resource_dir

__all__ = ["BUNDLED_PREFIX", "bundled_files", "ingest_bundled"]

BUNDLED_PREFIX = "bundled:knowledge/"


def bundled_files(folder: Path | None = None) -> list[tuple[Path, str]]:
    """Each bundled note with its stable source name."""
    folder = folder or resource_dir("knowledge")
    return [
        (path, BUNDLED_PREFIX + path.relative_to(folder).as_posix())
        for path in expand_paths([folder])
    ]


def _stale(driver: Driver, keep: set[str], database: str | None) -> list[str]:
    records, _, _ = driver.execute_query(
        "MATCH (d:Document) WHERE d.source STARTS WITH $prefix RETURN d.source AS source",
        prefix=BUNDLED_PREFIX,
        database_=database,
    )
    return [r["source"] for r in records if r["source"] not in keep]


def ingest_bundled(
    ingestor: Ingestor, *, tools: bool = True, folder: Path | None = None
) -> IngestReport:
    """Ingest the bundled notes (and the tool documentation); unchanged ones are skipped."""
    files = bundled_files(folder)
    reports: list[FileReport] = ingestor.ingest_many([(path, name) for path, name in files])
    for source in _stale(ingestor.driver, {name for _, name in files}, ingestor.database):
        removed = delete_document(ingestor.driver, source, ingestor.database)
        reports.append(
            FileReport(
                path=source,
                status="updated",
                document_id=removed.document_id,
                orphans_removed=removed.orphans_removed,
                message="removed: no longer in the bundled knowledge base",
            )
        )
    if tools:
        from peoa.graph.tools_loader import load_tools

        reports.append(load_tools(ingestor))
    return IngestReport(files=reports)
