"""The graph commands end to end through the real CLI (same Neo4j as the fixtures)."""

from __future__ import annotations

import json
from pathlib import Path

from neo4j import Driver
from typer.testing import CliRunner

from peoa.cli.main import app

from .conftest import count

runner = CliRunner()


def _json(args: list[str]) -> tuple[int, object]:
    result = runner.invoke(app, args)
    try:
        return result.exit_code, json.loads(result.stdout)
    except json.JSONDecodeError:
        raise AssertionError(result.output) from None


def test_migrate_ingest_retrieve_stats_delete(graph: Driver, docs: Path) -> None:
    code, data = _json(["graph", "migrate", "--json"])
    assert code == 0 and data["applied"] == [] and data["migration_version"] >= 3  # type: ignore[index]

    code, data = _json(["ingest", str(docs / "pumps.md"), str(docs / "notes.docx"), "--json"])
    assert code == 1  # one file failed, and the report says which
    files = {Path(f["path"]).name: f for f in data["files"]}  # type: ignore[index]
    assert files["pumps.md"]["status"] == "ingested"
    assert files["notes.docx"]["status"] == "error"
    assert "not supported" in files["notes.docx"]["message"]

    code, data = _json(["ingest", str(docs / "pumps.md"), "--json"])
    assert code == 0 and data["files"][0]["status"] == "unchanged"  # type: ignore[index]

    code, data = _json(["retrieve", "pump cavitation and NPSH", "--k", "2", "--json"])
    assert code == 0
    items = data["items"]  # type: ignore[index]
    assert 1 <= len(items) <= 2
    assert {"chunk_id", "score", "document_id", "source", "section", "page"} <= set(items[0])
    code, data = _json(["retrieve", "pump", "--mode", "graph", "--json"])
    assert code == 0 and data["mode"] == "graph"  # type: ignore[index]

    code, data = _json(["graph", "stats", "--json"])
    assert code == 0 and data["documents"] == 1  # type: ignore[index]

    code, data = _json(["graph", "delete", "pumps.md", "--json"])
    assert code == 0 and data["chunks"] > 0  # type: ignore[index]
    assert count(graph, "MATCH (d:Document) RETURN count(d)") == 0

    result = runner.invoke(app, ["graph", "delete", "pumps.md"])
    assert result.exit_code != 0


def test_bad_mode_is_a_usage_error(graph: Driver) -> None:
    result = runner.invoke(app, ["retrieve", "pump", "--mode", "psychic"])
    assert result.exit_code != 0
