"""Readers turn a file into a stream of text blocks (and tables), never the whole file at once.

Supported: Markdown (``.md``, ``.markdown``; YAML front matter becomes document
metadata), plain text (``.txt``, ``.text``, ``.rst``), PDF (pypdf, page by page), CSV
(``.csv``, ``.tsv``) and XLSX (openpyxl in read-only mode, one table per sheet).
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peoa.graph.errors import (
    BinaryFileError,
    EmptyFileError,
    UnreadableFileError,
    UnsupportedFileError,
)

__all__ = [
    "SUPPORTED_SUFFIXES",
    "Block",
    "Source",
    "TableData",
    "open_source",
    "row_text",
]

_TEXT = {
    ".txt": "text",
    ".text": "text",
    ".rst": "text",
    ".md": "markdown",
    ".markdown": "markdown",
}
_TABLE = {".csv": "csv", ".tsv": "csv", ".xlsx": "xlsx"}
SUPPORTED_SUFFIXES = frozenset({*_TEXT, *_TABLE, ".pdf"})

_ROWS_PER_BLOCK = 20
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")


@dataclass
class TableData:
    """A table: its name, column names and a lazy stream of rows."""

    name: str
    columns: list[str]
    rows: Iterator[list[Any]]


@dataclass(frozen=True)
class Block:
    """A paragraph-sized piece of text with where it came from."""

    text: str
    section: str = ""
    page: int | None = None
    table: TableData | None = None
    rows: tuple[tuple[int, list[Any]], ...] = ()


@dataclass
class Source:
    """An opened, checked file: metadata now, blocks and tables on demand."""

    path: Path
    format: str
    size_bytes: int
    content_hash: str
    title: str
    metadata: dict[str, Any] = field(default_factory=dict)

    def blocks(self) -> Iterator[Block]:
        """Text blocks in document order (tables yield row groups as blocks too)."""
        if self.format == "markdown":
            yield from _markdown_blocks(self.path)
        elif self.format == "text":
            yield from _text_blocks(self.path)
        elif self.format == "pdf":
            yield from _pdf_blocks(self.path)
        else:
            for table in self.tables():
                yield from _table_blocks(table)

    def tables(self) -> Iterator[TableData]:
        if self.format == "csv":
            yield _csv_table(self.path)
        elif self.format == "xlsx":
            yield from _xlsx_tables(self.path)


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for piece in iter(lambda: handle.read(1 << 20), b""):
            digest.update(piece)
    return digest.hexdigest()


def _check_text(path: Path) -> None:
    with path.open("rb") as handle:
        head = handle.read(8192)
    if b"\x00" in head:
        raise BinaryFileError(
            f"{path} looks binary (it contains NUL bytes); ingest text, PDF, CSV or XLSX files"
        )
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the 8 KiB boundary is fine; anything else is not.
        if error.start < len(head) - 4:
            raise BinaryFileError(
                f"{path} is not UTF-8 text (bad byte at offset {error.start}); convert it to UTF-8"
            ) from None


def open_source(path: Path) -> Source:
    """Check ``path`` and describe it, or raise a one-line :class:`IngestError`."""
    path = Path(path)
    if not path.exists():
        raise UnreadableFileError(f"{path} does not exist; check the path")
    if path.is_dir():
        raise UnsupportedFileError(
            f"{path} is a directory; pass the files in it or the directory to 'peoa ingest'"
        )
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        known = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise UnsupportedFileError(
            f"{path}: files of type {suffix or '(none)'!r} are not supported; use one of {known}"
        )
    if not os.access(path, os.R_OK):
        raise UnreadableFileError(f"{path} is not readable; check its permissions")
    try:
        size = path.stat().st_size
        if size == 0:
            raise EmptyFileError(f"{path} is empty; nothing to ingest")
        if suffix in _TEXT or suffix in (".csv", ".tsv"):
            _check_text(path)
        content_hash = _hash_file(path)
    except OSError as error:
        raise UnreadableFileError(
            f"{path} cannot be read ({error.strerror or error}); check the file"
        ) from None
    fmt = _TEXT.get(suffix) or _TABLE.get(suffix) or "pdf"
    metadata: dict[str, Any] = {}
    if fmt == "markdown":
        metadata = _front_matter(path)
    elif fmt == "pdf":
        metadata = _pdf_check(path)
    elif fmt == "xlsx":
        _xlsx_check(path)
    title = str(metadata.get("title") or path.stem.replace("_", " ").replace("-", " "))
    return Source(path, fmt, size, content_hash, title, metadata)


# ------------------------------------------------------------------ text, markdown


def _paragraphs(lines: Iterator[str]) -> Iterator[str]:
    buffer: list[str] = []
    for line in lines:
        if line.strip():
            buffer.append(line.rstrip())
        elif buffer:
            yield "\n".join(buffer)
            buffer = []
    if buffer:
        yield "\n".join(buffer)


def _lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8", errors="replace") as handle:
        yield from handle


def _text_blocks(path: Path) -> Iterator[Block]:
    for paragraph in _paragraphs(_lines(path)):
        yield Block(paragraph)


def _front_matter(path: Path) -> dict[str, Any]:
    import yaml

    lines = _lines(path)
    first = next(lines, "")
    if first.strip() != "---":
        return {}
    body = []
    for line in lines:
        if line.strip() in ("---", "..."):
            break
        body.append(line)
        if len(body) > 500:  # not front matter after all
            return {}
    try:
        data = yaml.safe_load("".join(body))
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def _markdown_blocks(path: Path) -> Iterator[Block]:
    lines = _lines(path)
    first = next(lines, None)
    if first is None:
        return
    if first.strip() == "---":  # front matter, already parsed by _front_matter
        for line in lines:
            if line.strip() in ("---", "..."):
                break
        first = None
    headings: list[tuple[int, str]] = []
    fenced = False
    buffer: list[str] = []

    def flush() -> Iterator[Block]:
        text = "\n".join(buffer).strip()
        buffer.clear()
        if text:
            yield Block(text, " > ".join(title for _, title in headings))

    for raw in _chain([first] if first is not None else [], lines):
        line = raw.rstrip("\n")
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            buffer.append(line)
            continue
        match = None if fenced else _HEADING.match(line)
        if match:
            yield from flush()
            level = len(match.group(1))
            while headings and headings[-1][0] >= level:
                headings.pop()
            headings.append((level, match.group(2).strip()))
        elif not line.strip() and not fenced:
            yield from flush()
        else:
            buffer.append(line)
    yield from flush()


def _chain(first: list[str], rest: Iterator[str]) -> Iterator[str]:
    yield from first
    yield from rest


# ------------------------------------------------------------------------ PDF


def _reason(error: BaseException) -> str:
    """One line about a parser's error: damaged files make parsers raise almost anything."""
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0][:200]}" if text else type(error).__name__


def _pdf_reader(path: Path) -> Any:
    from pypdf import PdfReader

    try:
        reader = PdfReader(str(path))
        encrypted = reader.is_encrypted
    except Exception as error:  # a damaged PDF can raise any type from pypdf or zlib
        raise UnreadableFileError(
            f"{path} is not a readable PDF ({_reason(error)}); check the file"
        ) from None
    if encrypted:
        raise UnreadableFileError(f"{path} is an encrypted PDF; decrypt it first")
    return reader


def _pdf_check(path: Path) -> dict[str, Any]:
    reader = _pdf_reader(path)
    title = None
    try:
        title = reader.metadata.title if reader.metadata else None
    except Exception:  # pypdf raises many types on odd metadata; the title is optional
        title = None
    try:
        pages = len(reader.pages)
    except Exception as error:  # a damaged page tree
        raise UnreadableFileError(
            f"{path} is not a readable PDF ({_reason(error)}); check the file"
        ) from None
    return {"title": title, "pages": pages} if title else {"pages": pages}


def _pdf_blocks(path: Path) -> Iterator[Block]:
    reader = _pdf_reader(path)
    try:
        pages = list(reader.pages)
    except Exception as error:  # a damaged page tree
        raise UnreadableFileError(f"{path}: its pages cannot be read ({_reason(error)})") from None
    for number, page in enumerate(pages, start=1):
        try:
            text = page.extract_text() or ""
        except Exception as error:  # pypdf's errors on damaged pages vary by version
            raise UnreadableFileError(
                f"{path}: page {number} cannot be read ({_reason(error)})"
            ) from None
        for paragraph in _paragraphs(iter(text.splitlines())):
            yield Block(paragraph, f"page {number}", number)


# --------------------------------------------------------------------- tables


def _csv_table(path: Path) -> TableData:
    handle = path.open(encoding="utf-8", errors="replace", newline="")
    sample = handle.read(4096)
    handle.seek(0)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    with contextlib.suppress(csv.Error):
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    reader = csv.reader(handle, delimiter=delimiter)
    header = next(reader, None)
    if not header:
        handle.close()
        raise EmptyFileError(f"{path} has no header row; nothing to ingest")
    columns = [name.strip() or f"column {i + 1}" for i, name in enumerate(header)]

    def rows() -> Iterator[list[Any]]:
        try:
            for row in reader:
                if any(cell.strip() for cell in row):
                    yield row
        finally:
            handle.close()

    return TableData(path.stem, columns, rows())


def _xlsx_check(path: Path) -> None:
    import openpyxl

    try:
        book = openpyxl.load_workbook(str(path), read_only=True, data_only=True)
        book.close()
    except Exception as error:  # zip, XML and openpyxl errors of a damaged workbook
        raise UnreadableFileError(
            f"{path} is not a readable XLSX workbook ({_reason(error)})"
        ) from None


def _xlsx_tables(path: Path) -> Iterator[TableData]:
    import openpyxl

    book = openpyxl.load_workbook(str(path), read_only=True, data_only=True)
    try:
        for sheet in book.worksheets:
            rows = _xlsx_rows(path, sheet.iter_rows(values_only=True))
            header = next(rows, None)
            if not header or all(cell is None for cell in header):
                continue
            columns = [
                str(name).strip() if name is not None else f"column {i + 1}"
                for i, name in enumerate(header)
            ]
            data = (list(row) for row in rows if any(cell not in (None, "") for cell in row))
            yield TableData(sheet.title, columns, data)
    finally:
        book.close()


def _xlsx_rows(path: Path, rows: Iterator[Any]) -> Iterator[Any]:
    """``rows`` with a damaged sheet's parser errors turned into one-line errors."""
    try:
        yield from rows
    except Exception as error:  # the sheet's XML is read lazily, row by row
        raise UnreadableFileError(
            f"{path}: a worksheet cannot be read ({_reason(error)})"
        ) from None


def row_text(columns: list[str], row: list[Any]) -> str:
    """A row as ``column: value`` pairs, the form that embeds and reads well."""
    return "; ".join(
        f"{name}: {value}"
        for name, value in zip(columns, row, strict=False)
        if value not in (None, "")
    )


def _table_blocks(table: TableData) -> Iterator[Block]:
    """Groups of rows; each block carries its rows so the writer can store ``Row`` nodes."""
    group: list[tuple[int, list[Any]]] = []

    def block() -> Block:
        text = "\n".join(row_text(table.columns, row) for _, row in group)
        return Block(text, f"table {table.name}", None, table, tuple(group))

    for index, row in enumerate(table.rows):
        group.append((index, row))
        if len(group) == _ROWS_PER_BLOCK:
            yield block()
            group = []
    if group:
        yield block()
