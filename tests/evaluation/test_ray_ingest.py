"""``peoa ingest --backend ray``: each document a Ray task, the same transaction as locally."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from neo4j import Driver

from peoa.graph import migrate
from peoa.graph.ingest import document_id
from peoa.graph.ray_ingest import ingest_on_ray


def test_documents_are_ingested_by_ray_tasks_idempotently(
    ray_local: Any, neo4j_driver: Driver, settings: Any, tmp_path: Path
) -> None:
    migrate(neo4j_driver)
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "npsh.md").write_text(
        "# NPSH margin\n\nThe net positive suction head available must exceed the NPSH "
        "required by the pump, with a margin of at least 0.5 m of liquid.\n"
    )
    (notes / "fouling.md").write_text(
        "# Fouling factors\n\nCooling-tower water on the tube side of a shell-and-tube "
        "exchanger typically adds a fouling resistance of 0.00035 m2 K/W.\n"
    )
    paths = [notes / "npsh.md", notes / "fouling.md", notes / "missing.md"]
    reports = ingest_on_ray(paths, settings)
    assert [r.status for r in reports] == ["ingested", "ingested", "error"]
    assert reports[0].path == str(paths[0]) and reports[0].chunks >= 1
    assert "missing.md" in (reports[2].message or "")
    # Same document ids as a local ingest (keyed on the resolved path).
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (d:Document {id: $id})-[:HAS_CHUNK]->(c:Chunk) RETURN d.name AS name, count(c) AS n",
        id=document_id(str(paths[0].resolve())),
    )
    assert records and records[0]["name"] == "npsh.md" and records[0]["n"] >= 1
    again = ingest_on_ray(paths[:2], settings)
    assert [r.status for r in again] == ["unchanged", "unchanged"]
