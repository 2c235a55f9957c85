"""Plain-text parser: paragraphs split on blank lines, with conservative heading detection.

Plain text has no markup, so structure is guessed from a few unambiguous conventions only:
a short line underlined with === or ---, a short ALL-CAPS line standing alone, or a numbered
heading ("1.2 Scope") standing alone. Anything doubtful stays a paragraph: a false heading
would put the following text under a wrong section, which is worse than no section at all.
`position` is the 1-based source line where a block starts.
"""

from __future__ import annotations

import re
from pathlib import Path

from knowledge.document import Block, BlockKind, ParsedDocument
from knowledge.errors import IngestError, UnsupportedFormat
from knowledge.parsing.hygiene import (
    clean_block,
    decode_text,
    fallback_title,
    looks_binary,
    push_heading,
)

_UNDERLINE = re.compile(r"^(=+|-+)$")
# "2 Scope", "1.2 Scope", "1.2. Scope" but not "1. Scope", which is usually a list item.
_NUMBERED_HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,4}\.?|\d{1,2})\s+([A-Z][^.!?;:,]*)$")
_BULLET = re.compile(r"^\s*([-*\u2022\u25aa\u25e6\u2023\u2013]\s+|\d{1,3}[.)]\s+|[a-z]\)\s+)")
_GLYPH_BULLET = re.compile(r"^\s*[-*\u2022\u25aa\u25e6\u2023\u2013]\s+")
_MAX_HEADING_CHARS = 70
_MAX_HEADING_WORDS = 10


def read_text_file(path: Path) -> str:
    """Read and decode a text-like file; refuse binary content with a clear reason."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from exc
    text = decode_text(data)
    if looks_binary(text):
        raise UnsupportedFormat("binary content, not a text document")
    # Normalise line endings so line numbers match what an editor shows.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_text(path: Path) -> ParsedDocument:
    lines = read_text_file(path).split("\n")
    blocks: list[Block] = []
    headings: list[tuple[int, str]] = []
    section: tuple[str, ...] = ()
    for start, group in _paragraphs(lines):
        for line_no, kind, level, raw in _classify(start, group):
            text = clean_block(raw)
            if not text:
                continue
            if kind is BlockKind.HEADING:
                section = push_heading(headings, level, text)
            blocks.append(Block(text, kind, section, position=line_no, level=level))
    first_heading = next((b.text for b in blocks if b.kind is BlockKind.HEADING), None)
    first_line = next((line for line in lines if line.strip()), None)
    title = fallback_title(None, first_heading, first_line, path.stem)
    return ParsedDocument(title=title, format="text", blocks=blocks, position_unit="line")


def _paragraphs(lines: list[str]) -> list[tuple[int, list[str]]]:
    """Runs of non-blank lines, each with its 1-based starting line number."""
    groups: list[tuple[int, list[str]]] = []
    current: list[str] = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            if not current:
                groups.append((number, current))
            current.append(line)
        else:
            current = []
    return groups


def _classify(start: int, group: list[str]) -> list[tuple[int, BlockKind, int, str]]:
    """Turn one paragraph group into (line, kind, level, raw text) blocks."""
    # Setext style: "Title" then "=====" (level 1) or "-----" (level 2).
    if len(group) >= 2 and _UNDERLINE.match(group[1].strip()) and _is_short(group[0]):
        level = 1 if group[1].strip().startswith("=") else 2
        head = [(start, BlockKind.HEADING, level, group[0])]
        rest = group[2:]
        return head + (_classify(start + 2, rest) if rest else [])
    if len(group) == 1 and not _GLYPH_BULLET.match(group[0]):
        level = _heading_level(group[0].strip())
        if level:
            return [(start, BlockKind.HEADING, level, group[0])]
    if _BULLET.match(group[0]):
        return _list_items(start, group)
    return [(start, BlockKind.PARAGRAPH, 0, "\n".join(group))]


def _heading_level(line: str) -> int:
    """Heading level for a line standing alone, or 0 when it should stay a paragraph."""
    if not _is_short(line):
        return 0
    numbered = _NUMBERED_HEADING.match(line)
    if numbered:
        return numbered.group(1).rstrip(".").count(".") + 1
    letters = [ch for ch in line if ch.isalpha()]
    # ALL CAPS with real words and no sentence punctuation: "INDICATIONS AND USAGE".
    if len(letters) >= 4 and all(ch.isupper() for ch in letters) and line[-1] not in ".;,!?":
        return 1
    return 0


def _is_short(line: str) -> bool:
    line = line.strip()
    return 0 < len(line) <= _MAX_HEADING_CHARS and len(line.split()) <= _MAX_HEADING_WORDS


def _list_items(start: int, group: list[str]) -> list[tuple[int, BlockKind, int, str]]:
    """Split a group at each bullet line; indented or unmarked lines continue the item."""
    items: list[tuple[int, BlockKind, int, str]] = []
    for offset, line in enumerate(group):
        if _BULLET.match(line) or not items:
            # Glyph bullets are markup; numbers and letters are kept as they carry order.
            items.append((start + offset, BlockKind.LIST_ITEM, 0, _GLYPH_BULLET.sub("", line)))
        else:
            line_no, kind, level, text = items[-1]
            items[-1] = (line_no, kind, level, text + "\n" + line)
    return items
