"""HTML to an A4 PDF with Qt's rich text (QTextDocument + QPdfWriter): fonts are embedded."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument


def write_pdf(html_text: str, path: Path, title: str = "") -> None:
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(writer.pageLayout().margins(), QPageLayout.Unit.Millimeter)
    writer.setResolution(96)  # lay out at screen resolution so fonts keep their sizes
    writer.setCreator("clinassist")
    if title:
        writer.setTitle(title)
    document = QTextDocument()
    document.setHtml(html_text)
    document.setPageSize(writer.pageLayout().paintRectPixels(96).size().toSizeF())
    document.print_(writer)
