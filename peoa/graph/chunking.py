"""Overlapping chunks that stay inside one section and remember its heading.

Blocks (paragraphs) of the same section are packed into chunks of at most
``max_chars``; the next chunk of that section starts with the last sentences of the
previous one (about ``overlap`` characters), so a fact cut at a boundary is whole in
one of them. A new section always starts a new chunk. Table blocks are one chunk each.

>>> from peoa.graph.readers import Block
>>> blocks = [Block("A. " * 300, "Intro"), Block("Short one.", "Pumps")]
>>> chunks = list(chunk_blocks(iter(blocks), max_chars=400, overlap=60))
>>> [c.section for c in chunks][-1], all(len(c.text) <= 400 for c in chunks)
('Pumps', True)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from peoa.graph.readers import Block

__all__ = ["ChunkText", "chunk_blocks"]

_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+")


@dataclass(frozen=True)
class ChunkText:
    text: str
    section: str
    page: int | None
    position: int
    block: Block | None = None  # set for table chunks, which carry their rows

    def embedding_text(self) -> str:
        """What is embedded: the heading path, then the text."""
        return f"{self.section}\n{self.text}" if self.section else self.text


def _pieces(text: str, max_chars: int) -> Iterator[str]:
    """Split an over-long paragraph at sentence ends, then at spaces, then hard."""
    if len(text) <= max_chars:
        yield text
        return
    current = ""
    for sentence in _SENTENCE_END.split(text):
        while len(sentence) > max_chars:
            cut = sentence.rfind(" ", 0, max_chars)
            cut = cut if cut > max_chars // 2 else max_chars
            head, sentence = sentence[:cut], sentence[cut:].lstrip()
            if current:
                yield current
                current = ""
            yield head
        if current and len(current) + 1 + len(sentence) > max_chars:
            yield current
            current = sentence
        else:
            current = f"{current} {sentence}" if current else sentence
    if current:
        yield current


def _tail(text: str, overlap: int) -> str:
    """The last whole sentences of ``text`` that fit in ``overlap`` characters."""
    if overlap <= 0:
        return ""
    sentences = _SENTENCE_END.split(text)
    tail = ""
    for sentence in reversed(sentences):
        candidate = f"{sentence} {tail}".strip()
        if len(candidate) > overlap:
            break
        tail = candidate
    return tail


def chunk_blocks(
    blocks: Iterator[Block], *, max_chars: int = 1000, overlap: int = 150
) -> Iterator[ChunkText]:
    """Pack ``blocks`` into overlapping chunks, lazily (constant memory for huge files)."""
    if overlap >= max_chars // 2:
        raise ValueError("overlap must be less than half of max_chars")
    position = 0
    section: str | None = None
    page: int | None = None
    current = ""
    carried = False  # current holds only the overlap of the previous chunk

    def emit(text: str, block: Block | None = None) -> ChunkText:
        nonlocal position
        chunk = ChunkText(text, section or "", page, position, block)
        position += 1
        return chunk

    for block in blocks:
        if block.rows:
            if current and not carried:
                yield emit(current)
            current, carried = "", False
            section, page = block.section, block.page
            yield emit(block.text, block)
            continue
        if block.section != section or block.page != page:
            if current and not carried:
                yield emit(current)
            current, carried = "", False
            section, page = block.section, block.page
        for piece in _pieces(block.text, max_chars - overlap):
            joined = f"{current}\n\n{piece}" if current else piece
            if len(joined) <= max_chars:
                current, carried = joined, False
                continue
            if not carried:
                yield emit(current)
            tail = _tail(current, overlap)
            current = f"{tail}\n\n{piece}" if tail else piece
            carried = False
    if current and not carried:
        yield emit(current)
