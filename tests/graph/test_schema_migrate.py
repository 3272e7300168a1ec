"""The schema file and the migrations, on a real Neo4j."""

from __future__ import annotations

from neo4j import Driver

from peoa.graph import load_schema, migrate, schema_version
from peoa.graph.migrate import discover

from .conftest import count


def _drop_everything(driver: Driver) -> None:
    with driver.session() as session:
        session.run("MATCH (n) DETACH DELETE n").consume()
        for record in list(session.run("SHOW CONSTRAINTS YIELD name RETURN name")):
            session.run(f"DROP CONSTRAINT `{record['name']}` IF EXISTS").consume()
        for record in list(
            session.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name")
        ):
            session.run(f"DROP INDEX `{record['name']}` IF EXISTS").consume()


def _schema_objects(driver: Driver) -> set[tuple[str, str]]:
    records, _, _ = driver.execute_query("SHOW INDEXES YIELD name, type RETURN name, type")
    return {(r["name"], r["type"]) for r in records}


def test_schema_declares_the_issue_labels_and_relationships() -> None:
    schema = load_schema()
    for label in ("Document", "Chunk", "Tool", "Table", "Row"):
        assert label in schema.labels
    assert set(schema.entity_labels) == {
        "Chemical", "Equipment", "UnitOperation", "Property", "Correlation", "Standard", "Unit"
    }  # fmt: skip
    assert schema.allows("HAS_CHUNK", "Document", "Chunk")
    assert schema.allows("NEXT", "Chunk", "Chunk")
    assert schema.allows("IMPLEMENTS", "Tool", "Standard")
    assert schema.allows("BELONGS", "Row", "Table")
    assert not schema.allows("BELONGS", "Table", "Row")
    assert schema.embedding_dimensions == 384
    assert len(schema.vocabulary["Equipment"]) > 20


def test_migration_from_an_empty_database_then_a_no_op(neo4j_driver: Driver) -> None:
    _drop_everything(neo4j_driver)
    assert schema_version(neo4j_driver) == 0
    first = migrate(neo4j_driver)
    assert first.applied == [m.name for m in discover()]
    assert first.migration_version == len(discover()) == schema_version(neo4j_driver)
    objects = _schema_objects(neo4j_driver)
    for name, kind in [
        ("chunk_embedding", "VECTOR"),
        ("entity_embedding", "VECTOR"),
        ("tool_embedding", "VECTOR"),
        ("chunk_text", "FULLTEXT"),
        ("entity_text", "FULLTEXT"),
        ("document_id", "RANGE"),
    ]:
        assert (name, kind) in objects
    records, _, _ = neo4j_driver.execute_query(
        "SHOW VECTOR INDEXES YIELD name, options WHERE name = 'chunk_embedding' RETURN options"
    )
    config = records[0]["options"]["indexConfig"]
    assert config["vector.dimensions"] == 384
    assert config["vector.similarity_function"].lower() == "cosine"
    records, _, _ = neo4j_driver.execute_query(
        "SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties, type RETURN *"
    )
    unique = {(r["labelsOrTypes"][0], r["properties"][0]) for r in records}
    assert {("Document", "id"), ("Chunk", "id"), ("Entity", "id"), ("Tool", "id")} <= unique

    migrations = count(neo4j_driver, "MATCH (m:_Migration) RETURN count(m)")
    second = migrate(neo4j_driver)
    assert second.applied == []
    assert len(second.skipped) == len(discover())
    assert _schema_objects(neo4j_driver) == objects
    assert count(neo4j_driver, "MATCH (m:_Migration) RETURN count(m)") == migrations
    assert count(neo4j_driver, "MATCH (v:SchemaVersion) RETURN count(v)") == 1
