"""Heading-aware chunking sized for the embedding model's window.

A document's canonical text is its blocks joined by blank lines; every chunk is an exact slice
of it (so char offsets point at the very text a viewer highlights). Chunks never cross a
section or a document, prefer to end at a paragraph boundary, split long paragraphs at
sentences, keep tables whole where they fit (repeating the header row when they do not), and
carry the previous chunk's last sentence over as overlap.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from knowledge.analysis import sentence_spans
from knowledge.document import Block, BlockKind, ParsedDocument
from knowledge.embedding import TokenCounter

BLOCK_SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class ChunkingOptions:
    max_tokens: int = 200  # leaves room for the title/section prefix inside 256
    min_tokens: int = 100  # below this a chunk keeps filling across paragraphs
    overlap_tokens: int = 40


@dataclass(slots=True)
class Chunk:
    id: str
    index: int
    text: str
    section: tuple[str, ...]
    page_start: int | None
    page_end: int | None
    position_start: int
    position_end: int
    char_start: int
    char_end: int
    token_count: int


@dataclass(slots=True)
class _Unit:
    """A sentence (or table row group) with its place in the canonical text."""

    start: int
    end: int
    tokens: int
    block: Block
    block_start: bool = False


@dataclass(slots=True)
class _Draft:
    units: list[_Unit] = field(default_factory=list)

    @property
    def tokens(self) -> int:
        return sum(u.tokens for u in self.units)


def canonical_text(doc: ParsedDocument) -> tuple[str, list[int]]:
    """The document's text and each block's start offset in it."""
    starts, pos = [], 0
    for block in doc.blocks:
        starts.append(pos)
        pos += len(block.text) + len(BLOCK_SEPARATOR)
    return BLOCK_SEPARATOR.join(b.text for b in doc.blocks), starts


def _split_block(block: Block, start: int, max_tokens: int, count) -> list[tuple[int, int]]:
    """Spans (absolute offsets) of a block's pieces: sentences, or row groups for tables."""
    text = block.text
    if block.kind == BlockKind.TABLE:
        pieces = [m.span() for m in re.finditer(r"[^\n]+", text)]
    else:
        pieces = sentence_spans(text)
    spans = []
    for a, b in pieces:
        spans.extend(_split_long(text, a, b, max_tokens, count))
    return [(start + a, start + b) for a, b in spans if b > a]


def _split_long(text: str, a: int, b: int, max_tokens: int, count) -> list[tuple[int, int]]:
    """A sentence longer than the window is cut at word boundaries."""
    if count([text[a:b]])[0] <= max_tokens:
        return [(a, b)]
    words = [m.span() for m in re.finditer(r"\S+", text[a:b])]
    word_tokens = count([text[a + s : a + e] for s, e in words])
    spans: list[tuple[int, int]] = []
    piece_start, piece_end, piece_tokens = words[0][0], words[0][1], 0
    for (s, e), n in zip(words, word_tokens, strict=True):
        if piece_tokens + n > max_tokens and piece_tokens:
            spans.append((a + piece_start, a + piece_end))
            piece_start, piece_tokens = s, 0
        piece_tokens += n
        piece_end = e
    spans.append((a + piece_start, a + piece_end))
    return spans


def _sections(doc: ParsedDocument, starts: list[int]) -> Iterator[list[tuple[Block, int]]]:
    """Consecutive blocks that share a section path; headings only open a section."""
    group: list[tuple[Block, int]] = []
    current: tuple[str, ...] | None = None
    for block, start in zip(doc.blocks, starts, strict=True):
        if block.kind == BlockKind.HEADING or block.section != current:
            if group:
                yield group
            group, current = [], block.section
            if block.kind == BlockKind.HEADING:
                continue
        group.append((block, start))
    if group:
        yield group


def _units(group: list[tuple[Block, int]], text: str, opts: ChunkingOptions, count) -> list[_Unit]:
    spans: list[tuple[int, int, Block, bool]] = []
    for block, start in group:
        for i, (a, b) in enumerate(_split_block(block, start, opts.max_tokens, count)):
            spans.append((a, b, block, i == 0))
    tokens = count([text[a:b] for a, b, _, _ in spans]) if spans else []
    return [
        _Unit(a, b, n, block, first) for (a, b, block, first), n in zip(spans, tokens, strict=True)
    ]


def _block_tokens(units: list[_Unit], i: int) -> int:
    block = units[i].block
    total = 0
    while i < len(units) and units[i].block is block:
        total += units[i].tokens
        i += 1
    return total


def _pack(units: list[_Unit], opts: ChunkingOptions) -> list[list[_Unit]]:
    drafts: list[_Draft] = [_Draft()]
    for i, unit in enumerate(units):
        draft = drafts[-1]
        fits = draft.tokens + unit.tokens <= opts.max_tokens
        # Prefer to end at a paragraph boundary once the chunk is big enough.
        whole_block_fits = draft.tokens + _block_tokens(units, i) <= opts.max_tokens
        boundary_cut = unit.block_start and draft.tokens >= opts.min_tokens and not whole_block_fits
        if draft.units and (not fits or boundary_cut):
            drafts.append(_Draft(_overlap(draft, unit, opts)))
        drafts[-1].units.append(unit)
    return [d.units for d in drafts if d.units]


def _overlap(previous: _Draft, next_unit: _Unit, opts: ChunkingOptions) -> list[_Unit]:
    """The previous chunk's last sentence, when it is short, in the same paragraph, and still
    leaves room for the next sentence (a chunk over max_tokens would be cut by the model)."""
    last = previous.units[-1]
    same_block = last.block is next_unit.block
    room = last.tokens + next_unit.tokens <= opts.max_tokens
    if len(previous.units) > 1 and same_block and last.tokens <= opts.overlap_tokens and room:
        return [last]
    return []


def chunk_document(
    doc: ParsedDocument,
    count_tokens: TokenCounter,
    id_seed: str,
    options: ChunkingOptions | None = None,
) -> list[Chunk]:
    """Split a parsed document into chunks. `id_seed` (the file's sha256) makes ids stable."""
    opts = options or ChunkingOptions()
    text, starts = canonical_text(doc)
    chunks: list[Chunk] = []
    for group in _sections(doc, starts):
        section = group[0][0].section
        for units in _pack(_units(group, text, opts, count_tokens), opts):
            chunks.append(_make_chunk(text, units, section, len(chunks), id_seed))
    return chunks


def _make_chunk(text: str, units: list[_Unit], section, index: int, seed: str) -> Chunk:
    start, end = units[0].start, units[-1].end
    body = text[start:end]
    digest = hashlib.sha256(f"{seed}\x00{index}\x00{body}".encode()).hexdigest()[:32]
    pages = [u.block.page for u in units if u.block.page is not None]
    last_pages = [u.block.last_page for u in units if u.block.last_page is not None]
    return Chunk(
        id=digest,
        index=index,
        text=body,
        section=section,
        page_start=min(pages) if pages else None,
        page_end=max(last_pages) if last_pages else None,
        position_start=units[0].block.position,
        position_end=units[-1].block.position,
        char_start=start,
        char_end=end,
        token_count=sum(u.tokens for u in units),
    )


def embedding_text(title: str, section: tuple[str, ...], text: str) -> str:
    """What the model embeds: the chunk with its title and section as context.

    The context comes first and is kept short, so that truncation at the model's window can
    only cut the end of a long chunk, never the context that disambiguates it.
    """
    context = " > ".join((title, *section[-2:]))[:160]
    return f"{context}\n{text}"
