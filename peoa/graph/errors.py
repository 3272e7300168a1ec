"""Errors of the knowledge layer; each message is one line that says how to fix it."""

from __future__ import annotations

from peoa.exceptions import Neo4jError, PeoaError

__all__ = [
    "BinaryFileError",
    "ConnectionLostError",
    "DocumentNotFoundError",
    "EmptyFileError",
    "GraphError",
    "GraphUnavailableError",
    "IngestError",
    "QueryRejectedError",
    "UnreadableFileError",
    "UnsupportedFileError",
]


class GraphError(PeoaError):
    """The knowledge graph refused an operation."""


class GraphUnavailableError(GraphError, Neo4jError):
    """Neo4j could not be reached for a read (a retrieval); nothing was changed.

    A :class:`~peoa.exceptions.Neo4jError` too, so the server answers 503, not 400.
    """


class IngestError(GraphError):
    """A file could not be ingested; the rest of a batch goes on."""


class ConnectionLostError(IngestError):
    """Neo4j went away during an ingestion; a batch stops at the document it was writing."""


class UnsupportedFileError(IngestError):
    """The file's type is not one PEOA ingests."""


class UnreadableFileError(IngestError):
    """The file is missing, not readable, or corrupt."""


class EmptyFileError(IngestError):
    """The file holds no text to ingest."""


class BinaryFileError(IngestError):
    """A text-format file holds binary data."""


class DocumentNotFoundError(GraphError):
    """No document in the graph matches the given id, path or name."""


class QueryRejectedError(GraphError):
    """A retrieval query or a generated Cypher statement was refused."""
