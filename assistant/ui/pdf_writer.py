"""HTML to an A4 PDF with Qt's rich text (QTextDocument + QPdfWriter): fonts are embedded."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument


def rich_text(html_text: str, base_point_size: float | None = None) -> QTextDocument:
    """The HTML as a Qt document. Qt sizes <h1>/<h2> from the document's default font (2× and
    1.5×) whatever the style sheet says: `base_point_size` sets that font."""
    document = QTextDocument()
    if base_point_size:
        font = QFont(document.defaultFont())
        font.setPointSizeF(base_point_size)
        document.setDefaultFont(font)
    document.setHtml(html_text)
    return document


def write_pdf(
    html_text: str, path: Path, title: str = "", base_point_size: float | None = None
) -> None:
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(writer.pageLayout().margins(), QPageLayout.Unit.Millimeter)
    writer.setResolution(96)  # lay out at screen resolution so fonts keep their sizes
    writer.setCreator("clinassist")
    if title:
        writer.setTitle(title)
    document = rich_text(html_text, base_point_size)
    document.setPageSize(writer.pageLayout().paintRectPixels(96).size().toSizeF())
    document.print_(writer)
