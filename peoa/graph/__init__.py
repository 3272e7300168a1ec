"""The property-graph knowledge layer: schema, migrations, ingestion and retrieval on Neo4j.

>>> from peoa.graph import load_schema
>>> "Tool" in load_schema().labels
True
"""

from peoa.graph.errors import (
    BinaryFileError,
    DocumentNotFoundError,
    EmptyFileError,
    GraphError,
    IngestError,
    QueryRejectedError,
    UnreadableFileError,
    UnsupportedFileError,
)
from peoa.graph.extract import Extractor
from peoa.graph.ingest import FileReport, Ingestor, IngestReport, document_id
from peoa.graph.migrate import MigrationReport, migrate, schema_version
from peoa.graph.schema import GraphSchema, load_schema
from peoa.graph.store import DeleteReport, GraphStats, delete_document, graph_stats

__all__ = [
    "BinaryFileError",
    "DeleteReport",
    "DocumentNotFoundError",
    "EmptyFileError",
    "Extractor",
    "FileReport",
    "GraphError",
    "GraphSchema",
    "GraphStats",
    "IngestError",
    "IngestReport",
    "Ingestor",
    "MigrationReport",
    "QueryRejectedError",
    "UnreadableFileError",
    "UnsupportedFileError",
    "delete_document",
    "document_id",
    "graph_stats",
    "load_schema",
    "migrate",
    "schema_version",
]
