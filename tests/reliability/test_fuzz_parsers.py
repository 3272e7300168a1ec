"""Hostile documents and datasets: parsed, or refused with a one-line ``PeoaError``.

Readers (Markdown, text, CSV, XLSX, PDF) get random bytes, random text, and valid
files with random bytes flipped or cut off; every block they yield then goes through
the chunker, as ingestion does. The dataset loader gets random JSONL. Sizes follow
``PEOA_FUZZ_PROFILE`` (``_fuzz.py``).
"""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfWriter

from peoa.evaluation.dataset import load_dataset
from peoa.exceptions import PeoaError
from peoa.graph.chunking import chunk_blocks
from peoa.graph.readers import open_source
from tests.reliability._fuzz import FUZZ

_WORK = Path(tempfile.mkdtemp(prefix="peoa-fuzz-"))


def _valid_xlsx() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["fluid", "density kg/m3", "viscosity mPa*s"])
    sheet.append(["water", 998.2, 1.002])
    sheet.append(["ethanol", 789.0, 1.2])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _valid_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_metadata({"/Title": "Pump notes"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


SEEDS = {
    ".md": b"---\ntitle: Pumps\n---\n# Pumps\n\nHead is 30 m.\n\n## NPSH\n\nKeep margin.\n",
    ".txt": b"Water at 20 degC has a density of 998 kg/m3.\n\nViscosity 1.0 mPa*s.\n",
    ".csv": b"fluid,density,viscosity\nwater,998.2,1.002\nethanol,789,1.2\n",
    ".xlsx": _valid_xlsx(),
    ".pdf": _valid_pdf(),
}


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, bytes]:
    suffix = draw(st.sampled_from(sorted(SEEDS)))
    how = draw(st.integers(0, 3))
    if how == 0:
        return suffix, draw(st.binary(max_size=2048))
    if how == 1:
        return suffix, draw(st.text(max_size=2048)).encode("utf-8", "surrogatepass")
    seed = bytearray(SEEDS[suffix])
    if how == 2:  # flip bytes of a valid file
        for _ in range(draw(st.integers(1, 20))):
            seed[draw(st.integers(0, len(seed) - 1))] = draw(st.integers(0, 255))
        return suffix, bytes(seed)
    return suffix, bytes(seed[: draw(st.integers(0, len(seed)))])  # cut short


def _read(suffix: str, data: bytes, name: str = "doc") -> None:
    path = _WORK / f"{name}{suffix}"
    path.write_bytes(data)
    try:
        source = open_source(path)
        for chunk in chunk_blocks(source.blocks()):
            assert isinstance(chunk.text, str)
    except PeoaError as error:
        message = str(error).strip()
        assert message and "\n" not in message, repr(message)


@FUZZ
@given(documents())
def test_fuzz_document_readers(case: tuple[str, bytes]) -> None:
    _read(*case)


@pytest.mark.parametrize("suffix", sorted(SEEDS))
def test_valid_seeds_are_read(suffix: str) -> None:
    """The mutation seeds themselves parse, so the fuzzing starts from real files."""
    path = _WORK / f"seed{suffix}"
    path.write_bytes(SEEDS[suffix])
    source = open_source(path)
    list(chunk_blocks(source.blocks()))


line_values = st.recursive(
    st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
item_like = st.fixed_dictionaries(
    {
        "id": st.text(max_size=10) | st.integers(),
        "category": st.text(max_size=10),
        "question": st.text(max_size=40),
        "answer": st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=5),
        "unit": st.sampled_from(["kPa", "m^3/h", "", "furlong", "1e999", "kg/m3"])
        | st.text(max_size=8),
    },
    optional={"rel_tol": st.floats(), "tools": line_values, "source": st.text(max_size=5)},
)
lines = st.one_of(
    item_like.map(json.dumps),
    line_values.map(lambda v: json.dumps(v, allow_nan=True)),
    st.text(max_size=80),
)


@FUZZ
@given(st.lists(lines, max_size=6), st.booleans())
def test_fuzz_dataset_loader(rows: list[str], strict: bool) -> None:
    path = _WORK / "dataset.jsonl"
    text = "\n".join(rows)
    path.write_text(text, "utf-8")
    try:
        items, problems = load_dataset(path, strict=strict)
    except PeoaError as error:
        assert strict and "\n" not in str(error).strip()
        return
    assert len(items) + len(problems) <= len(text.splitlines())
    for problem in problems:
        assert problem.line >= 1 and problem.message.strip()


def test_deeply_nested_dataset_line_is_a_clear_error() -> None:
    path = _WORK / "deep.jsonl"
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n")
    items, problems = load_dataset(path)
    assert items == [] and len(problems) == 1 and problems[0].line == 1


def test_deeply_nested_markdown_and_huge_line() -> None:
    _read(".md", b"#" * 7 + b" x\n" + b">" * 200_000 + b"\n" + b"a" * 3_000_000, "deep")
    _read(".csv", b"a," * 100_000 + b"\n" + b'"' * 10_001 + b"\n", "wide")
