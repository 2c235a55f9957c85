"""Markdown parser (markdown-it-py, CommonMark plus GitHub tables).

The token stream is flattened into blocks; inline markup is reduced to the words a reader sees
(link text kept, URLs and emphasis markers dropped). `position` is the 1-based source line
where the block starts, counted in the original file, front matter included.
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from knowledge.document import Block, BlockKind, ParsedDocument
from knowledge.errors import CorruptFile
from knowledge.parsing.hygiene import (
    clean_block,
    fallback_title,
    keep_lines,
    push_heading,
    table_text,
)
from knowledge.parsing.text import read_text_file

_FRONT_MATTER_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
_FRONT_MATTER_FIELDS = ("title", "author", "date", "description", "version", "lang")
_HTML_TAG = re.compile(r"<!--.*?-->|<[^>]+>", re.DOTALL)


def parse_markdown(path: Path) -> ParsedDocument:
    source = read_text_file(path)
    meta, source = _split_front_matter(source)
    try:
        tokens = MarkdownIt("commonmark").enable("table").parse(source)
    except Exception as exc:  # markdown-it never should fail; never leak its exception
        raise CorruptFile(f"could not parse Markdown: {exc}") from exc
    blocks = _Builder().run(tokens)
    first_heading = next((b.text for b in blocks if b.kind is BlockKind.HEADING), None)
    first_text = blocks[0].text if blocks else None
    title = fallback_title(meta.pop("title", None), first_heading, first_text, path.stem)
    return ParsedDocument(
        title=title, format="markdown", blocks=blocks, position_unit="line", metadata=meta
    )


def _split_front_matter(source: str) -> tuple[dict[str, str], str]:
    """Take simple `key: value` fields out of a leading --- YAML --- block.

    The block is blanked rather than removed so that line numbers still match the file.
    Only flat scalar fields are read: a full YAML parser is not worth a dependency here.
    """
    lines = source.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, source
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in {"---", "..."}), None)
    if end is None:
        return {}, source
    matches = [m for m in map(_FRONT_MATTER_KEY.match, lines[1:end]) if m]
    if not matches:
        return {}, source  # a leading thematic break, not front matter
    meta: dict[str, str] = {}
    for match in matches:
        if match.group(1).lower() in _FRONT_MATTER_FIELDS:
            value = clean_block(match.group(2).strip("'\""))
            if value:
                meta[match.group(1).lower()] = value
    return meta, "\n" * end + "\n" + "\n".join(lines[end + 1 :])


class _Builder:
    """Walks block tokens, tracking list/quote nesting and the heading path."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.headings: list[tuple[int, str]] = []
        self.section: tuple[str, ...] = ()
        self.list_depth = 0

    def run(self, tokens: list[Token]) -> list[Block]:
        i = 0
        while i < len(tokens):
            i = self._step(tokens, i)
        return self.blocks

    def _step(self, tokens: list[Token], i: int) -> int:
        """Handle the token at i; return the index of the next token to look at."""
        token = tokens[i]
        if token.type == "heading_open":
            level = int(token.tag[1])
            text = clean_block(_inline_text(tokens[i + 1]))
            if text:
                self.section = push_heading(self.headings, level, text)
                self._add(text, BlockKind.HEADING, token, level)
            return i + 3
        if token.type == "paragraph_open":
            kind = BlockKind.LIST_ITEM if self.list_depth else BlockKind.PARAGRAPH
            self._add(clean_block(_inline_text(tokens[i + 1])), kind, token)
            return i + 3
        if token.type in {"bullet_list_open", "ordered_list_open"}:
            self.list_depth += 1
        elif token.type in {"bullet_list_close", "ordered_list_close"}:
            self.list_depth -= 1
        elif token.type in {"fence", "code_block"}:
            # Code keeps its line structure: joining a listing into one line would garble it.
            self._add(keep_lines(token.content), BlockKind.PARAGRAPH, token)
        elif token.type == "html_block":
            self._add(clean_block(_HTML_TAG.sub(" ", token.content)), BlockKind.PARAGRAPH, token)
        elif token.type == "table_open":
            return self._table(tokens, i)
        return i + 1

    def _table(self, tokens: list[Token], i: int) -> int:
        """Collect rows up to table_close into one TABLE block (header row comes first)."""
        start = tokens[i]
        rows: list[list[str]] = []
        i += 1
        while tokens[i].type != "table_close":
            if tokens[i].type == "tr_open":
                rows.append([])
            elif tokens[i].type == "inline":
                rows[-1].append(_inline_text(tokens[i]))
            i += 1
        self._add(table_text(rows), BlockKind.TABLE, start)
        return i + 1

    def _add(self, text: str, kind: BlockKind, token: Token, level: int = 0) -> None:
        if not text:
            return
        line = token.map[0] + 1 if token.map else 0
        self.blocks.append(Block(text, kind, self.section, position=line, level=level))


def _inline_text(token: Token) -> str:
    """Plain text of an inline token: words only, no URLs, markers or raw HTML."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in {"text", "code_inline"}:
            parts.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)  # the alt text is the image's words
    return "".join(parts)
