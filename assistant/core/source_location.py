"""Finding a cited passage in its source file, for the source viewer (Qt-free).

`load_text_source` parses a file (DOCX, HTML, Markdown, text) and builds its canonical text,
the text it was chunked from at ingest (blocks joined by blank lines), so a citation's
char_start..char_end index straight into it; `locate_passage` finds the passage there, or,
when the file changed since ingest, the occurrence nearest its old place. Plain Python: it
runs on a worker thread, and the command line or a test can use it without a window.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from knowledge.chunking import canonical_text
from knowledge.document import BlockKind
from knowledge.parsing import parse_file


@dataclass(slots=True)
class TextSource:
    """A parsed file as the viewer shows it. Built off the UI thread; plain data."""

    path: str
    format: str
    text: str  # the canonical text, as chunked at ingest
    block_starts: list[int]
    headings: list[tuple[int, int]]  # (start, end) of heading blocks in `text`
    position_unit: str


def load_text_source(path: str) -> TextSource:
    """Parse a file and build its canonical text. Raises IngestError (or OSError)."""
    doc = parse_file(Path(path))
    text, starts = canonical_text(doc)
    headings = [
        (start, start + len(block.text))
        for block, start in zip(doc.blocks, starts, strict=True)
        if block.kind == BlockKind.HEADING
    ]
    return TextSource(path, doc.format, text, starts, headings, doc.position_unit)


@dataclass(slots=True)
class PassageSpan:
    start: int
    end: int
    exact: bool  # True: at the citation's own offsets; False: found elsewhere (file changed)


def locate_passage(text: str, passage: str, char_start: int, char_end: int) -> PassageSpan | None:
    """Where the cited passage is in `text`: at its offsets, else the occurrence nearest them
    (exact, then ignoring whitespace differences), else None."""
    if not passage.strip():
        return None
    if 0 <= char_start < char_end <= len(text) and text[char_start:char_end] == passage:
        return PassageSpan(char_start, char_end, True)
    found = [(m.start(), m.start() + len(passage)) for m in _find_all(text, passage)]
    if not found:
        words = passage.split()
        pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
        found = [m.span() for m in pattern.finditer(text)]
    if not found:
        return None
    start, end = min(found, key=lambda span: abs(span[0] - char_start))
    return PassageSpan(start, end, False)


def _find_all(text: str, needle: str):
    return re.finditer(re.escape(needle), text)
