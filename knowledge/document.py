"""What a parser produces: a document as an ordered list of text blocks with provenance.

Every parser (PDF, DOCX, HTML, Markdown, text) returns a `ParsedDocument`. The chunker only
sees blocks, so it never needs to know which format a document came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE = "table"


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of text in reading order.

    `section` is the heading path in force at this block (outermost first); a heading block's
    own section includes itself. `page` is the 1-based physical page for paginated formats
    (PDF) and None otherwise. `position` is a stable locator inside the source that a viewer
    can scroll to: the paragraph number (DOCX, HTML) or the 1-based source line (Markdown,
    text); for PDF it is the block's index on its page.
    """

    text: str
    kind: BlockKind = BlockKind.PARAGRAPH
    section: tuple[str, ...] = ()
    page: int | None = None
    position: int = 0
    level: int = 0  # heading level (1 = top) for heading blocks; 0 otherwise
    end_page: int | None = None  # set when a PDF paragraph runs on to a later page

    @property
    def last_page(self) -> int | None:
        return self.end_page or self.page


@dataclass(slots=True)
class ParsedDocument:
    """A parsed file. `format` is one of: pdf, docx, html, markdown, text."""

    title: str
    format: str
    blocks: list[Block]
    page_count: int | None = None
    # The locator unit for `Block.position` outside PDFs: "paragraph" or "line".
    position_unit: str = "paragraph"
    metadata: dict[str, str] = field(default_factory=dict)
    # PDF: the label printed on a page where it is not its physical number ("44" on page 46,
    # "iv" on page 4): citations name both, so a clinician finds the page on paper.
    page_labels: dict[int, str] = field(default_factory=dict)

    @property
    def text_length(self) -> int:
        return sum(len(b.text) for b in self.blocks)
