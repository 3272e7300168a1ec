"""Versioned Cypher migrations from ``graph_schema/migrations``, applied idempotently.

Each file ``NNNN_name.cypher`` holds statements separated by ``;``. Applied files are
recorded as ``(:_Migration {version, name, checksum})`` and the graph's schema version
as ``(:SchemaVersion {id: 'peoa'})``. The statements themselves use ``IF NOT EXISTS``,
so re-running a migration on a graph that lost its bookkeeping nodes is harmless.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from pathlib import Path

from neo4j import Driver
from pydantic import BaseModel

from peoa.exceptions import ConfigError
from peoa.graph.schema import load_schema, schema_dir

__all__ = ["Migration", "MigrationReport", "discover", "migrate", "schema_version"]

_FILE = re.compile(r"^(\d{4})_([\w-]+)\.cypher$")


class Migration(BaseModel):
    version: int
    name: str
    checksum: str
    statements: list[str]


class MigrationReport(BaseModel):
    applied: list[str]
    skipped: list[str]
    schema_version: int
    migration_version: int


def _statements(text: str) -> list[str]:
    lines = [line for line in text.splitlines() if not line.strip().startswith("//")]
    return [part.strip() for part in "\n".join(lines).split(";") if part.strip()]


def discover(folder: Path | None = None) -> list[Migration]:
    """The migration files in version order; gaps or duplicates are configuration errors."""
    folder = folder or schema_dir() / "migrations"
    found: list[Migration] = []
    for path in sorted(folder.glob("*.cypher")):
        match = _FILE.match(path.name)
        if not match:
            raise ConfigError(f"migration file {path.name} must be named NNNN_name.cypher")
        text = path.read_text(encoding="utf-8")
        found.append(
            Migration(
                version=int(match.group(1)),
                name=path.stem,
                checksum=hashlib.sha256(text.encode()).hexdigest(),
                statements=_statements(text),
            )
        )
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise ConfigError(f"migrations in {folder} must be numbered 0001, 0002, ... without gaps")
    return found


def schema_version(driver: Driver, database: str | None = None) -> int:
    """The migration version recorded in the graph (0 for a fresh graph)."""
    records, _, _ = driver.execute_query(
        "OPTIONAL MATCH (v:SchemaVersion {id: 'peoa'}) RETURN v.migration AS version",
        database_=database,
    )
    return int(records[0]["version"] or 0)


def migrate(driver: Driver, database: str | None = None) -> MigrationReport:
    """Apply every migration the graph has not recorded, then wait for the indexes."""
    applied: list[str] = []
    skipped: list[str] = []
    migrations = discover()
    with driver.session(database=database) as session:
        done = {
            record["version"]: record["checksum"]
            for record in session.run(
                "MATCH (m:_Migration) RETURN m.version AS version, m.checksum AS checksum"
            )
        }
        for migration in migrations:
            if done.get(migration.version) == migration.checksum:
                skipped.append(migration.name)
                continue
            # Schema statements cannot share a transaction with data writes.
            for statement in migration.statements:
                session.run(statement).consume()
            session.run(
                "MERGE (m:_Migration {version: $version}) "
                "SET m.name = $name, m.checksum = $checksum, m.applied_at = $now",
                version=migration.version,
                name=migration.name,
                checksum=migration.checksum,
                now=datetime.now(UTC).isoformat(),
            ).consume()
            applied.append(migration.name)
        session.run("CALL db.awaitIndexes(300)").consume()
        last = migrations[-1].version if migrations else 0
        version = load_schema().version
        session.run(
            "MERGE (v:SchemaVersion {id: 'peoa'}) SET v.migration = $last, v.schema = $schema",
            last=last,
            schema=version,
        ).consume()
    return MigrationReport(
        applied=applied, skipped=skipped, schema_version=version, migration_version=last
    )
