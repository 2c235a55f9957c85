"""Export the open conversation to Markdown or PDF (with its citations)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from assistant.core.conversation_export import conversation_html, conversation_markdown
from assistant.ui.pdf_writer import write_pdf


def _content(window):
    if window.conversation_id is None:
        QMessageBox.information(window, "Export", "Open or start a conversation first.")
        return None
    store = window.store
    return store.get(window.conversation_id), store.exchanges(window.conversation_id)


def export_markdown(window, path: str | None = None) -> Path | None:
    content = _content(window)
    if content is None:
        return None
    if path is None:
        path, _ = QFileDialog.getSaveFileName(
            window, "Export as Markdown", "conversation.md", "Markdown (*.md)"
        )
    if not path:
        return None
    Path(path).write_text(conversation_markdown(*content), encoding="utf-8")
    window.status_label.setText(f"Exported to {path}")
    return Path(path)


def export_pdf(window, path: str | None = None) -> Path | None:
    content = _content(window)
    if content is None:
        return None
    if path is None:
        path, _ = QFileDialog.getSaveFileName(
            window, "Export as PDF", "conversation.pdf", "PDF (*.pdf)"
        )
    if not path:
        return None
    write_pdf(conversation_html(*content), Path(path))
    window.status_label.setText(f"Exported to {path}")
    return Path(path)
