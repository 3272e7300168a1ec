"""Ingestion on a real Neo4j: idempotence, updates, deletion, bad files, rollback."""

from __future__ import annotations

import hashlib
import tracemalloc
from pathlib import Path

import pytest
from neo4j import Driver

from peoa.graph import Ingestor, delete_document, document_id, graph_stats
from peoa.graph.chunking import chunk_blocks
from peoa.graph.errors import DocumentNotFoundError
from peoa.graph.readers import open_source
from peoa.llm import Embedder
from peoa.neo4j_server import open_driver

from .conftest import count


def fingerprint(driver: Driver) -> str:
    """A hash of every node's labels and properties and every relationship."""
    nodes, _, _ = driver.execute_query(
        "MATCH (n) WHERE NOT n:_Migration AND NOT n:SchemaVersion "
        "RETURN labels(n) AS l, properties(n) AS p"
    )
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, properties(r) AS p, b.id AS b"
    )
    rows = sorted(repr((sorted(r["l"]), sorted(r["p"].items()))) for r in nodes)
    rows += sorted(repr((r["a"], r["t"], sorted(r["p"].items()), r["b"])) for r in rels)
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()


GOOD = ["distillation.md", "heat_exchangers.txt", "pumps.md", "properties.csv"]


def test_ingest_fixture_documents(ingestor: Ingestor, graph: Driver, docs: Path) -> None:
    report = ingestor.ingest_paths([docs / name for name in GOOD])
    assert [f.status for f in report.files] == ["ingested"] * 4, report
    stats = graph_stats(graph)
    assert stats.documents == 4
    assert stats.chunks == sum(f.chunks for f in report.files)
    # headings are kept as the chunk's section path
    records, _, _ = graph.execute_query(
        "MATCH (c:Chunk) WHERE c.text CONTAINS 'cavitates' RETURN c.section AS s"
    )
    assert records[0]["s"] == "Centrifugal pumps > Net positive suction head"
    # chunks are chained and embedded with 384 dimensions
    assert count(graph, "MATCH (c:Chunk) WHERE size(c.embedding) = 384 RETURN count(c)") == (
        stats.chunks
    )
    assert stats.relationships["NEXT"] == stats.chunks - stats.documents
    # entities: chemicals by CAS, vocabulary, units through pint
    records, _, _ = graph.execute_query("MATCH (e:Chemical) RETURN e.cas AS cas")
    cas = {r["cas"] for r in records}
    assert {"71-43-2", "108-88-3", "7732-18-5", "74-82-8"} <= cas
    assert count(graph, "MATCH (:Correlation {name: 'fenske equation'}) RETURN count(*)") == 1
    assert count(graph, "MATCH (:Unit {name: 'kilopascal'}) RETURN count(*)") == 1
    assert (
        count(
            graph,
            "MATCH (:Correlation {name: 'fenske equation'})-[:COMPUTES]->"
            "(:Property {name: 'number of stages'}) RETURN count(*)",
        )
        == 1
    )
    # the CSV became a table of rows
    assert stats.tables == 1 and stats.rows == 5
    records, _, _ = graph.execute_query(
        "MATCH (r:Row)-[:BELONGS]->(t:Table) WHERE r.index = 3 RETURN r.values AS v, t.columns AS c"
    )
    assert '"chemical": "benzene"' in records[0]["v"]
    assert records[0]["c"][0] == "chemical"
    # front matter became the document title
    assert (
        count(graph, "MATCH (d:Document {title: 'Centrifugal pump sizing'}) RETURN count(d)") == 1
    )


def test_reingesting_the_same_files_changes_nothing(
    ingestor: Ingestor, graph: Driver, docs: Path
) -> None:
    ingestor.ingest_paths([docs / name for name in GOOD])
    before = fingerprint(graph)
    again = ingestor.ingest_paths([docs / name for name in GOOD])
    assert {f.status for f in again.files} == {"unchanged"}
    assert fingerprint(graph) == before
    # a fresh ingestor (no caches) agrees
    fresh = Ingestor(graph, ingestor.embedder, batch_size=4, max_chars=400, overlap=80)
    assert {f.status for f in fresh.ingest_paths([docs]).files} <= {"unchanged", "error"}
    assert fingerprint(graph) == before
    records, _, _ = graph.execute_query(
        "MATCH (d:Document {id: $id}) RETURN d.content_hash AS h",
        id=document_id(str((docs / "pumps.md").resolve())),
    )
    assert records[0]["h"] == hashlib.sha256((docs / "pumps.md").read_bytes()).hexdigest()


def test_a_changed_file_replaces_its_chunks_and_stale_mentions(
    ingestor: Ingestor, graph: Driver, docs: Path
) -> None:
    path = docs / "pumps.md"
    ingestor.ingest_file(path)
    old_ids = {r["id"] for r in graph.execute_query("MATCH (c:Chunk) RETURN c.id AS id").records}
    assert count(graph, "MATCH (e:Equipment {name: 'impeller'}) RETURN count(e)") == 1
    path.write_text(
        "# Positive displacement pumps\n\nA positive displacement pump delivers a nearly "
        "constant flow of glycerol whatever the discharge pressure; a relief valve protects it.\n"
    )
    report = ingestor.ingest_file(path)
    assert report.status == "updated"
    records = graph.execute_query("MATCH (c:Chunk) RETURN c.id AS id, c.text AS text").records
    assert not ({r["id"] for r in records} & old_ids)
    assert any("glycerol" in r["text"] for r in records)
    assert not any("cavitates" in r["text"] for r in records)
    # the impeller was only mentioned by the old text: the entity went with it
    assert count(graph, "MATCH (e:Equipment {name: 'impeller'}) RETURN count(e)") == 0
    assert count(graph, "MATCH (e:Chemical {cas: '56-81-5'}) RETURN count(e)") == 1
    assert count(graph, "MATCH (d:Document) RETURN count(d)") == 1


def test_a_batch_replaces_a_changed_file_too(ingestor: Ingestor, graph: Driver, docs: Path) -> None:
    # A batch reads each stored hash once, ahead of embedding, and a new document skips
    # the clearing: a changed one must still be cleared.
    path = docs / "pumps.md"
    first = ingestor.ingest_paths([path, docs / "distillation.md"])
    assert [f.status for f in first.files] == ["ingested", "ingested"]
    path.write_text("# Gear pumps\n\nA gear pump moves glycerol between its meshing teeth.\n")
    again = ingestor.ingest_paths([path, docs / "distillation.md"])
    assert [f.status for f in again.files] == ["updated", "unchanged"]
    texts = [
        r["t"]
        for r in graph.execute_query(
            "MATCH (:Document {id: $id})-[:HAS_CHUNK]->(c) RETURN c.text AS t",
            id=first.files[0].document_id,
        ).records
    ]
    assert len(texts) == 1 and "gear pump" in texts[0]
    assert count(graph, "MATCH (c:Chunk) WHERE c.text CONTAINS 'cavitates' RETURN count(c)") == 0


def test_a_document_left_without_its_hash_is_replaced(
    ingestor: Ingestor, graph: Driver, docs: Path
) -> None:
    path = docs / "pumps.md"
    report = ingestor.ingest_file(path)
    graph.execute_query(
        "MATCH (d:Document {id: $id}) SET d.content_hash = null", id=report.document_id
    )
    chunks = count(graph, "MATCH (c:Chunk) RETURN count(c)")
    again = ingestor.ingest_paths([path])
    assert again.files[0].status == "updated"
    assert count(graph, "MATCH (c:Chunk) RETURN count(c)") == chunks


def test_delete_removes_the_document_and_its_orphans_only(
    ingestor: Ingestor, graph: Driver, docs: Path
) -> None:
    ingestor.ingest_paths([docs / "pumps.md", docs / "heat_exchangers.txt"])
    # water is mentioned by both documents; impeller only by pumps.md
    shared = "MATCH (e:Chemical {cas: '7732-18-5'}) RETURN count(e)"
    assert count(graph, shared) == 1
    report = delete_document(graph, str(docs / "pumps.md"))
    assert report.chunks > 0 and report.orphans_removed > 0
    assert count(graph, "MATCH (d:Document {name: 'pumps.md'}) RETURN count(d)") == 0
    assert (
        count(graph, "MATCH (c:Chunk {document_id: $id}) RETURN count(c)", id=report.document_id)
        == 0
    )
    assert count(graph, "MATCH (e:Equipment {name: 'impeller'}) RETURN count(e)") == 0
    assert count(graph, shared) == 1
    # no entity is left that nothing mentions (except relation targets of mentioned ones)
    assert (
        count(
            graph,
            "MATCH (e:Entity) WHERE NOT (e)<-[:MENTIONS]-() "
            "AND NOT EXISTS { MATCH (e)--(o:Entity) WHERE (o)<-[:MENTIONS]-() } RETURN count(e)",
        )
        == 0
    )
    with pytest.raises(DocumentNotFoundError, match="no document"):
        delete_document(graph, str(docs / "pumps.md"))
    # deleting by name works too
    delete_document(graph, "heat_exchangers.txt")
    assert count(graph, "MATCH (n) WHERE n:Document OR n:Chunk OR n:Entity RETURN count(n)") == 0


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("empty.md", "is empty"),
        ("binary.txt", "looks binary"),
        ("notes.docx", "not supported"),
        ("missing.md", "does not exist"),
    ],
)
def test_bad_files_get_a_clear_message_and_the_batch_goes_on(
    ingestor: Ingestor, graph: Driver, docs: Path, name: str, fragment: str
) -> None:
    report = ingestor.ingest_paths([docs / name, docs / "distillation.md"])
    bad, good = report.files
    assert bad.status == "error" and fragment in (bad.message or "")
    assert "\n" not in (bad.message or "")
    assert good.status == "ingested"


def test_unreadable_and_corrupt_files(ingestor: Ingestor, docs: Path) -> None:
    latin = docs / "latin1.txt"
    latin.write_bytes("Druckverlust in der Rohrleitung: \xe4\xf6\xfc ".encode("latin-1") * 10)
    fake_pdf = docs / "broken.pdf"
    fake_pdf.write_bytes(b"%PDF-1.4 this is not really a pdf")
    fake_xlsx = docs / "broken.xlsx"
    fake_xlsx.write_bytes(b"PK\x03\x04 not a workbook")
    report = ingestor.ingest_paths([latin, fake_pdf, fake_xlsx])
    messages = [f.message or "" for f in report.files]
    assert [f.status for f in report.files] == ["error"] * 3
    assert "not UTF-8" in messages[0]
    assert "PDF" in messages[1]
    assert "XLSX" in messages[2]


def test_pdf_and_xlsx_are_ingested(ingestor: Ingestor, graph: Driver, docs: Path) -> None:
    import openpyxl
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "pipes"
    sheet.append(["nominal size", "schedule", "inner diameter [mm]"])
    sheet.append(["2 in", "40", 52.5])
    sheet.append(["4 in", "40", 102.3])
    book.save(docs / "pipes.xlsx")

    writer = PdfWriter()
    page = writer.add_blank_page(width=612, height=792)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
    )
    stream = DecodedStreamObject()
    stream.set_data(
        b"BT /F1 12 Tf 72 700 Td (Ammonia is compressed in a centrifugal compressor.) Tj ET"
    )
    page[NameObject("/Contents")] = writer._add_object(stream)
    with (docs / "note.pdf").open("wb") as handle:
        writer.write(handle)

    report = ingestor.ingest_paths([docs / "pipes.xlsx", docs / "note.pdf"])
    assert [f.status for f in report.files] == ["ingested", "ingested"], report
    assert count(graph, "MATCH (t:Table {name: 'pipes'})<-[:BELONGS]-(r:Row) RETURN count(r)") == 2
    records, _, _ = graph.execute_query(
        "MATCH (c:Chunk) WHERE c.text CONTAINS 'Ammonia' RETURN c.page AS page, c.section AS s"
    )
    assert records[0]["page"] == 1 and records[0]["s"] == "page 1"
    assert count(graph, "MATCH (:Chemical {cas: '7664-41-7'}) RETURN count(*)") == 1


class _Boom(RuntimeError):
    pass


def test_a_failure_mid_document_leaves_nothing_half_written(
    graph: Driver, ingestor: Ingestor, docs: Path
) -> None:
    long_doc = docs / "long.md"
    long_doc.write_text(
        "# Relief valves\n\n"
        + "\n\n".join(
            f"Paragraph {i}: the relief valve on drum {i} is sized per API 520." for i in range(40)
        )
    )

    def explode(source: str, written: int) -> None:
        if written >= 4:  # after the first batch of chunks has been written
            raise _Boom("disk on fire")

    failing = Ingestor(
        graph, ingestor.embedder, batch_size=4, max_chars=200, overlap=40, progress=explode
    )
    with pytest.raises(_Boom):
        failing.ingest_file(long_doc)
    assert fingerprint(graph) == fingerprint_empty(graph)
    report = ingestor.ingest_file(long_doc)
    assert report.status == "ingested" and report.chunks > 4


def fingerprint_empty(graph: Driver) -> str:
    assert count(graph, "MATCH (n) WHERE n:Document OR n:Chunk OR n:Entity RETURN count(n)") == 0
    return fingerprint(graph)


def test_neo4j_going_away_rolls_back_and_a_rerun_completes(
    graph: Driver, ingestor: Ingestor, settings: object, docs: Path
) -> None:
    ingestor.ingest_file(docs / "distillation.md")
    before = fingerprint(graph)
    path = docs / "pumps.md"
    own = open_driver(settings)  # type: ignore[arg-type]

    def cut(source: str, written: int) -> None:
        own.close()  # the connection under the open transaction goes away

    doomed = Ingestor(own, ingestor.embedder, batch_size=1, max_chars=300, overlap=50, progress=cut)
    report = doomed.ingest_file(path)
    assert report.status == "error"
    assert "nothing of this document was written" in (report.message or "")
    assert fingerprint(graph) == before
    # an update that fails keeps the previous version whole
    path2 = docs / "distillation.md"
    path2.write_text(path2.read_text() + "\n\nA new paragraph about the Kirkbride equation.\n")
    own = open_driver(settings)  # type: ignore[arg-type]
    doomed = Ingestor(own, ingestor.embedder, batch_size=1, max_chars=300, overlap=50, progress=cut)
    assert doomed.ingest_file(path2).status == "error"
    assert fingerprint(graph) == before
    assert ingestor.ingest_file(path).status == "ingested"
    assert ingestor.ingest_file(path2).status == "updated"


def test_huge_files_are_streamed(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    paragraph = "The pressure drop across the orifice plate depends on the beta ratio. " * 5
    with big.open("w") as handle:
        for section in range(400):
            handle.write(f"## Section {section}\n\n")
            for _ in range(40):
                handle.write(paragraph + "\n\n")
    size = big.stat().st_size
    assert size > 5_000_000
    source = open_source(big)
    tracemalloc.start()
    chunks = sum(1 for _ in chunk_blocks(source.blocks(), max_chars=1000, overlap=150))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert chunks > 5_000
    assert peak < size / 20  # a small, bounded window of the file, never the whole of it


def test_an_empty_graph_retrieves_nothing(graph: Driver, embedder: Embedder) -> None:
    from peoa.graph.retrieve import GraphRetriever

    assert GraphRetriever(graph, embedder).search("pump head", k=3).items == []
