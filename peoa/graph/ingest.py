"""Ingestion: file → blocks → overlapping chunks → embeddings + entities → one transaction.

A document's id comes from where it lives (its resolved path, or ``bundled:`` plus its
path inside the bundled knowledge base); its ``content_hash`` is the sha256 of its
bytes. Ingesting a file whose hash the graph already holds changes nothing. A changed
file is rewritten in one transaction: old chunks, tables and their mentions go, new ones
come, and entities left without any mention are removed. Chunks are produced, embedded
and written in batches, so a huge file never sits in memory whole, and any failure
(including Neo4j going away) rolls the whole document back.
"""

from __future__ import annotations

import copy
import hashlib
import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from itertools import islice, pairwise
from pathlib import Path
from typing import Any, Literal

from neo4j import Driver, Transaction
from neo4j.exceptions import DriverError, Neo4jError, ServiceUnavailable, SessionExpired
from pydantic import BaseModel, Field

from peoa.exceptions import PeoaError
from peoa.graph.chunking import ChunkText, chunk_blocks
from peoa.graph.errors import ConnectionLostError, EmptyFileError, IngestError
from peoa.graph.extract import Entity, Extraction, Extractor
from peoa.graph.readers import SUPPORTED_SUFFIXES, Block, Source, open_source
from peoa.graph.store import (
    clear_document_content,
    remove_orphans,
    stale_candidates,
    write_entities,
    write_mentions,
    write_relations,
)
from peoa.llm import Embedder

__all__ = [
    "LOST_CONNECTION",
    "DocumentMeta",
    "FileReport",
    "IngestReport",
    "Ingestor",
    "Progress",
    "batch_stopped",
    "connection_lost",
    "document_id",
    "expand_paths",
]

Progress = Callable[[str, int], None]
"""Called as ``progress(source, chunks_written)`` after every written batch."""

Status = Literal["ingested", "updated", "unchanged", "error"]


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def document_id(source: str) -> str:
    """The stable id of the document found at ``source``.

    >>> document_id("bundled:knowledge/pumps.md")[:4]
    'doc:'
    """
    return f"doc:{_digest(source)}"


class DocumentMeta(BaseModel):
    id: str
    source: str
    name: str
    format: str
    title: str
    content_hash: str
    size_bytes: int = 0
    kind: str = "file"
    metadata: dict[str, Any] = Field(default_factory=dict)


class FileReport(BaseModel):
    path: str
    status: Status
    document_id: str | None = None
    chunks: int = 0
    entities: int = 0
    orphans_removed: int = 0
    seconds: float = 0.0
    message: str | None = None


class IngestReport(BaseModel):
    files: list[FileReport]

    @property
    def failed(self) -> list[FileReport]:
        return [f for f in self.files if f.status == "error"]

    def summary(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for item in self.files:
            counts[item.status] = counts.get(item.status, 0) + 1
        counts["chunks"] = sum(f.chunks for f in self.files)
        return counts


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the supported files under directories (sorted, hidden skipped)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            found.append(path)
    return found


def _batched(items: Iterator[ChunkText], size: int) -> Iterator[list[ChunkText]]:
    while batch := list(islice(items, size)):
        yield batch


class Ingestor:
    """Writes documents into the graph. Reuse one instance for a batch of files."""

    def __init__(
        self,
        driver: Driver,
        embedder: Embedder,
        *,
        extractor: Extractor | None = None,
        llm_extractor: Any = None,
        database: str | None = None,
        batch_size: int = 64,
        max_chars: int = 1000,
        overlap: int = 150,
        progress: Progress | None = None,
    ) -> None:
        self.driver = driver
        self.embedder = embedder
        self.extractor = extractor or Extractor()
        self.llm_extractor = llm_extractor
        self.database = database
        self.batch_size = batch_size
        self.max_chars = max_chars
        self.overlap = overlap
        self.progress = progress
        self._embedded: set[str] = set()  # entity ids known to carry an embedding
        self._cache: dict[str, Any] = {}  # text -> vector, filled by _prefetch
        self._found: dict[str, Extraction] = {}  # chunk text -> entities, from _prefetch
        self._hashes: dict[str, str | None] = {}  # document id -> stored hash, from _prefetch

    # --------------------------------------------------------------- public API
    def ingest_paths(self, paths: Iterable[Path]) -> IngestReport:
        """Ingest every file (directories expanded); a bad file never stops the batch."""
        return IngestReport(files=self.ingest_many([(path, None) for path in expand_paths(paths)]))

    def ingest_many(self, items: Sequence[tuple[Path, str | None]]) -> list[FileReport]:
        """Ingest ``(path, source)`` pairs, each document in its own transaction.

        Small files are embedded together ahead of their writes: MiniLM is several times
        faster on one batch of 64 chunks than on sixteen batches of four.
        """
        reports: list[FileReport] = []
        group: list[tuple[Path, str | None]] = []
        expected = 0
        for path, source in [*items, (Path(), "")]:  # the sentinel flushes the last group
            size = _size(path) if source != "" else 0
            if group and (
                source == "" or expected >= _GROUP_BATCHES * self.batch_size or size > _PREFETCH
            ):
                try:
                    self._prefetch(group)
                except ConnectionLostError as error:
                    raise batch_stopped(str(error), reports) from None
                for p, s in group:
                    reports.append(self._ingest_or_stop(p, s, reports))
                self._cache.clear()
                self._found.clear()
                self._hashes.clear()
                group, expected = [], 0
            if source == "":
                break
            if size > _PREFETCH:
                reports.append(self._ingest_or_stop(path, source, reports))  # streamed alone
                continue
            group.append((path, source))
            expected += 1 + size // max(1, self.max_chars - self.overlap)
        return reports

    def _ingest_or_stop(
        self, path: Path, source: str | None, done: Sequence[FileReport]
    ) -> FileReport:
        """Ingest one file of a batch; a lost Neo4j stops the batch with one clear error.

        Every file after it would fail the same way, each only after the driver's retries.
        """
        report = self.ingest_file(path, source=source)
        if connection_lost(report):
            raise batch_stopped(report.message or LOST_CONNECTION, done)
        return report

    def _prefetch(self, group: Sequence[tuple[Path, str | None]]) -> None:
        texts: list[str] = []
        names: set[str] = set()
        for path, source in group:
            try:
                opened = open_source(Path(path))
            except PeoaError:
                continue  # ingest_file reports it
            doc_id = document_id(source or str(Path(path).resolve()))
            self._hashes[doc_id] = self._existing_hash(doc_id)
            if self._hashes[doc_id] == opened.content_hash:
                continue
            for chunk in chunk_blocks(
                opened.blocks(), max_chars=self.max_chars, overlap=self.overlap
            ):
                texts.append(chunk.embedding_text())
                if chunk.text not in self._found:
                    self._found[chunk.text] = self.extractor.extract(chunk.text)
                for entity in self._found[chunk.text].entities:
                    if entity.id not in self._embedded:
                        names.add(entity.name)
        # Names and chunks are embedded apart: in one call, the batch where the longest
        # names meet the shortest chunks pads every name to a chunk's length (about a
        # second of encoding on the bundled notes, timed alone).
        chunk_texts = list(dict.fromkeys(texts))
        for wanted in (chunk_texts, sorted(names - set(chunk_texts))):
            if wanted:
                self._cache.update(zip(wanted, self.embedder.embed(wanted), strict=True))

    def _embed(self, texts: Sequence[str]) -> Any:
        """Embeddings of ``texts``, from the prefetch cache where possible."""
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        fresh = dict(zip(missing, self.embedder.embed(missing), strict=True)) if missing else {}
        return [self._cache[t] if t in self._cache else fresh[t] for t in texts]

    def ingest_file(self, path: Path, *, source: str | None = None) -> FileReport:
        """Ingest one file; errors become a report with a one-line message."""
        start = time.perf_counter()
        try:
            opened = open_source(Path(path))
            key = source or str(Path(path).resolve())
            meta = DocumentMeta(
                id=document_id(key),
                source=key,
                name=Path(path).name,
                format=opened.format,
                title=opened.title,
                content_hash=opened.content_hash,
                size_bytes=opened.size_bytes,
                metadata=_jsonable(opened.metadata),
            )
            report = self.ingest_blocks(meta, self._blocks(opened))
        except PeoaError as error:
            report = FileReport(path=str(path), status="error", message=str(error))
        report.path = str(path)
        report.seconds = round(time.perf_counter() - start, 3)
        return report

    def ingest_blocks(
        self,
        meta: DocumentMeta,
        blocks: Iterator[Block],
        after: Callable[[Transaction, dict[int, str]], None] | None = None,
    ) -> FileReport:
        """Write one document from its blocks in a single transaction.

        ``after(tx, chunk_ids_by_position)`` runs inside the transaction before it commits
        (the tool loader uses it to add ``Tool`` nodes).
        """
        # The prefetch of a batch read the stored hash a moment ago; one round trip less.
        existing = (
            self._hashes.pop(meta.id) if meta.id in self._hashes else self._existing_hash(meta.id)
        )
        if existing == meta.content_hash:
            return FileReport(path=meta.source, status="unchanged", document_id=meta.id)
        try:
            with self.driver.session(database=self.database) as session:
                tx = session.begin_transaction()
                try:
                    chunks, entities, orphans, embedded = self._write(
                        tx, meta, blocks, after, replace=existing is not None
                    )
                    tx.commit()
                finally:
                    if not tx.closed():
                        tx.rollback()
        except (ServiceUnavailable, SessionExpired, DriverError, OSError) as error:
            raise ConnectionLostError(
                f"{meta.source}: {LOST_CONNECTION} ({_first_line(error)}); "
                "nothing of this document was written, run the ingestion again"
            ) from None
        except Neo4jError as error:
            raise IngestError(
                f"{meta.source}: Neo4j refused the write ({_first_line(error)}); nothing of "
                "this document was written; run 'peoa graph migrate' and try again"
            ) from None
        self._embedded |= embedded
        return FileReport(
            path=meta.source,
            status="ingested" if existing is None else "updated",
            document_id=meta.id,
            chunks=chunks,
            entities=entities,
            orphans_removed=orphans,
        )

    # ---------------------------------------------------------------- internals
    def _blocks(self, opened: Source) -> Iterator[Block]:
        yield from opened.blocks()

    def _existing_hash(self, doc_id: str) -> str | None:
        """The stored document's content hash; ``None`` when there is no such document
        (``""`` for one without a hash, which is replaced like any changed document)."""
        try:
            records, _, _ = self.driver.execute_query(
                "OPTIONAL MATCH (d:Document {id: $id}) "
                "RETURN CASE WHEN d IS NULL THEN null ELSE coalesce(d.content_hash, '') END "
                "AS hash",
                id=doc_id,
                database_=self.database,
            )
        except (ServiceUnavailable, SessionExpired, DriverError, OSError) as error:
            raise ConnectionLostError(
                f"{LOST_CONNECTION} ({_first_line(error)}); run the ingestion again"
            ) from None
        return records[0]["hash"]

    def _write(
        self,
        tx: Transaction,
        meta: DocumentMeta,
        blocks: Iterator[Block],
        after: Callable[[Transaction, dict[int, str]], None] | None,
        *,
        replace: bool = True,
    ) -> tuple[int, int, int, set[str]]:
        # A document new to the graph has nothing to clear: three round trips less.
        candidates = stale_candidates(tx, meta.id) if replace else []
        if replace:
            clear_document_content(tx, meta.id)
        tx.run(
            "MERGE (d:Document {id: $id}) "
            "SET d.source = $source, d.name = $name, d.format = $format, d.title = $title, "
            "d.size_bytes = $size, d.kind = $kind, d.metadata = $metadata, "
            "d.tools = $tools, d.content_hash = null",
            id=meta.id,
            source=meta.source,
            name=meta.name,
            format=meta.format,
            title=meta.title,
            size=meta.size_bytes,
            kind=meta.kind,
            metadata=json.dumps(meta.metadata, default=str),
            tools=_names(meta.metadata.get("tools")),
        ).consume()
        previous: str | None = None
        written = 0
        entity_ids: set[str] = set()
        embedded: set[str] = set()
        positions: dict[int, str] = {}
        tables: dict[str, dict[str, Any]] = {}
        chunk_stream = chunk_blocks(blocks, max_chars=self.max_chars, overlap=self.overlap)
        for batch in _batched(chunk_stream, self.batch_size):
            ids = [
                f"chunk:{_digest(meta.id, meta.content_hash, str(c.position), c.text)}"
                for c in batch
            ]
            positions.update({c.position: cid for c, cid in zip(batch, ids, strict=True)})
            vectors = self._embed([c.embedding_text() for c in batch])
            tx.run(
                "MATCH (d:Document {id: $doc}) "
                "UNWIND $rows AS r MERGE (c:Chunk {id: r.id}) "
                "SET c.document_id = $doc, c.text = r.text, c.position = r.position, "
                "c.page = r.page, c.section = r.section, c.embedding = r.embedding "
                "MERGE (d)-[:HAS_CHUNK]->(c)",
                doc=meta.id,
                rows=[
                    {
                        "id": cid,
                        "text": c.text,
                        "position": c.position,
                        "page": c.page,
                        "section": c.section,
                        "embedding": vector.tolist(),
                    }
                    for c, cid, vector in zip(batch, ids, vectors, strict=True)
                ],
            ).consume()
            chain = ([previous] if previous else []) + ids
            tx.run(
                "UNWIND $pairs AS p MATCH (a:Chunk {id: p[0]}) MATCH (b:Chunk {id: p[1]}) "
                "MERGE (a)-[:NEXT]->(b)",
                pairs=[[a, b] for a, b in pairwise(chain)],
            ).consume()
            previous = ids[-1]
            extractions = [self._extract(c) for c in batch]
            embedded |= self._write_entities(tx, extractions)
            write_mentions(
                tx,
                [
                    {"chunk": cid, "entity": eid, "count": count}
                    for cid, found in zip(ids, extractions, strict=True)
                    for eid, count in found.counts.items()
                    if count > 0
                ],
            )
            write_relations(
                tx,
                {(r.source, r.type, r.target) for found in extractions for r in found.relations},
            )
            for found in extractions:
                entity_ids.update(e.id for e in found.entities)
            self._write_rows(tx, meta.id, batch, tables)
            written += len(batch)
            if self.progress is not None:
                self.progress(meta.source, written)
        if written == 0:
            raise EmptyFileError(f"{meta.source} holds no text that could be extracted")
        if after is not None:
            after(tx, positions)
        orphans = remove_orphans(tx, candidates)
        tx.run(
            "MATCH (d:Document {id: $id}) "
            "SET d.content_hash = $hash, d.chunk_count = $chunks, d.ingested_at = $now",
            id=meta.id,
            hash=meta.content_hash,
            chunks=written,
            now=datetime.now(UTC).isoformat(),
        ).consume()
        return written, len(entity_ids), orphans, embedded

    def _extract(self, chunk: ChunkText) -> Extraction:
        # The prefetch extracted it already, to embed the entity names in its batch.
        found = self._found.get(chunk.text) or self.extractor.extract(chunk.text)
        if self.llm_extractor is not None:
            found = copy.deepcopy(found)  # the LLM pass extends it in place
            self.llm_extractor.extend(chunk.text, found)
        return found

    def _write_entities(self, tx: Transaction, extractions: Sequence[Extraction]) -> set[str]:
        unique: dict[str, Entity] = {}
        for found in extractions:
            for entity in found.entities:
                unique.setdefault(entity.id, entity)
        if not unique:
            return set()
        # Entities this ingestor has not written yet carry their vector; the graph keeps
        # the one it has (write_entities sets it only where missing). The prefetch
        # embedded these names with the chunks, so no round trip asks which are known.
        missing = [eid for eid in unique if eid not in self._embedded]
        vectors = self._embed([unique[eid].name for eid in missing]) if missing else []
        by_id = {eid: vector.tolist() for eid, vector in zip(missing, vectors, strict=True)}
        write_entities(
            tx,
            [
                {
                    "id": e.id,
                    "label": e.label,
                    "name": e.name,
                    "props": e.properties,
                    "aliases": " | ".join(e.aliases),
                    "embedding": by_id.get(e.id),
                }
                for e in unique.values()
            ],
        )
        return set(unique)

    def _write_rows(
        self,
        tx: Transaction,
        doc_id: str,
        batch: Sequence[ChunkText],
        tables: dict[str, dict[str, Any]],
    ) -> None:
        for chunk in batch:
            block = chunk.block
            if block is None or block.table is None:
                continue
            table = block.table
            table_id = f"table:{_digest(doc_id, table.name)}"
            if table_id not in tables:
                tables[table_id] = {"rows": 0}
                tx.run(
                    "MATCH (d:Document {id: $doc}) MERGE (t:Table {id: $id}) "
                    "SET t.document_id = $doc, t.name = $name, t.columns = $columns "
                    "MERGE (d)-[:HAS_TABLE]->(t)",
                    doc=doc_id,
                    id=table_id,
                    name=table.name,
                    columns=table.columns,
                ).consume()
            tx.run(
                "MATCH (t:Table {id: $table}) UNWIND $rows AS r "
                "MERGE (row:Row {id: r.id}) SET row.table_id = $table, row.index = r.index, "
                "row.values = r.values MERGE (row)-[:BELONGS]->(t) "
                "WITH t, count(*) AS n SET t.row_count = coalesce(t.row_count, 0) + n",
                table=table_id,
                rows=[
                    {
                        "id": f"row:{_digest(table_id, str(index))}",
                        "index": index,
                        "values": json.dumps(
                            dict(zip(table.columns, values, strict=False)), default=str
                        ),
                    }
                    for index, values in block.rows
                ],
            ).consume()


def _names(value: Any) -> list[str]:
    """The tool names a note's front matter lists (``tools: [a, b]``)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(v) for v in value if isinstance(v, str | int)]
    return []


# Every report of a file that Neo4j's going away stopped says this (see connection_lost).
LOST_CONNECTION = "the connection to Neo4j was lost"
_PREFETCH = 1 << 20  # files above 1 MiB are streamed batch by batch, never held whole
# Small files are embedded together, up to this many batches' worth of chunks: one
# encode call sorts all their texts by length, so little of it is padding.
_GROUP_BATCHES = 8


def _size(path: Path) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0


def connection_lost(report: FileReport) -> bool:
    """Whether ``report`` is a file that failed because Neo4j went away (the batch stops)."""
    return report.status == "error" and LOST_CONNECTION in (report.message or "")


def batch_stopped(message: str, done: Sequence[FileReport]) -> ConnectionLostError:
    """The one error that ends a batch whose Neo4j went away, with what was kept and the fix."""
    written = sum(1 for r in done if r.status != "error")
    cause = message.split("; ", 1)[0]
    return ConnectionLostError(
        f"{cause}; {written} file(s) of this batch were done before it and nothing is left "
        "half-written: start Neo4j ('peoa neo4j start') and run the ingestion again "
        "(files already written are skipped)"
    )


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0][:300] if text else type(error).__name__


def _jsonable(data: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(data, default=str))
