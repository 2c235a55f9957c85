"""Evidence cards as HTML, for the chat and the exported conversation alike.

Everything from a document is escaped: it is data, never markup. A run of table rows is drawn
as a table and every other line as a paragraph, in the passage's order; the sentences an
answer relies on are marked (class "mark"); the header's short section path carries the full
path as its title.
"""

from __future__ import annotations

import html
import re

from assistant.answering.answer import RELATED, Answer, Citation
from assistant.answering.evidence_layout import (
    ITEM,
    ROW,
    CardLine,
    card_header,
    card_lines,
    short_section,
)

_MARKER = re.compile(r"\[(\d+)\]")


def _markers(escaped: str, links: bool, count: int = 0) -> str:
    replacement = (
        r'<a class="cite" href="cite:\1">[\1]</a>' if links else r'<b class="cite">[\1]</b>'
    )
    return _MARKER.sub(replacement, escaped, count=count)


def cards_html(answer: Answer, links: bool = False) -> str:
    """The lead line (a value's sentence, or the related-passages note), then each cited
    passage whole as a card. `links`: markers and headers link to `cite:n` (the chat)."""
    out = []
    if answer.summary:
        css = "related" if answer.outcome == RELATED else "summary"
        out.append(f'<p class="{css}">{_markers(html.escape(answer.summary), links)}</p>')
    out += [card_html(c, links) for c in answer.citations]
    return "\n".join(out)


def card_html(citation: Citation, links: bool = False) -> str:
    header = _markers(html.escape(card_header(citation)), links, count=1)
    section = short_section(citation.source.section, title=citation.source.title)
    if section and section != citation.source.section:
        # The full section path on hover (the chat view shows a character's tooltip).
        full = html.escape(citation.source.section, quote=True)
        header = header.replace(
            html.escape(section), f'<span title="{full}">{html.escape(section)}</span>', 1
        )
    body = _lines_html(card_lines(citation.passage, citation.quotes))
    return (
        '<table class="card" width="100%" cellspacing="0" cellpadding="6">'
        f'<tr><td class="card-head">{header}</td></tr><tr><td>{body}</td></tr></table>'
    )


def _lines_html(lines: list[CardLine]) -> str:
    """A run of table rows becomes a table; every other line a paragraph, in order."""
    out: list[str] = []
    rows: list[CardLine] = []
    for line in [*lines, None]:
        if line is not None and line.kind == ROW:
            rows.append(line)
            continue
        if rows:
            out.append(_rows_html(rows))
            rows = []
        if line is not None:
            css = ' class="item"' if line.kind == ITEM else ""
            out.append(f"<p{css}>{_marked(line)}</p>")
    return "".join(out)


def _rows_html(rows: list[CardLine]) -> str:
    body = "".join(
        "<tr>" + "".join(f"<td>{_marked_cell(row, cell)}</td>" for cell in row.cells()) + "</tr>"
        for row in rows
    )
    return f'<table border="1" cellspacing="0" cellpadding="3">{body}</table>'


def _marked_cell(row: CardLine, cell: str) -> str:
    marked = bool(row.marks)  # a row is marked as a whole: its cells read together
    return f'<span class="mark">{html.escape(cell)}</span>' if marked else html.escape(cell)


def _marked(line: CardLine) -> str:
    return "".join(
        f'<span class="mark">{html.escape(text)}</span>' if marked else html.escape(text)
        for text, marked in line.pieces()
    )
