"""The chat's own widgets: the question box, the conversation view, the sources list."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTextBrowser,
    QToolTip,
)

from assistant.answering.answer import Citation


class QuestionBox(QPlainTextEdit):
    """Enter sends, Shift+Enter starts a new line."""

    submitted = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setPlaceholderText(
            "Ask about your hospital's approved policies and guidelines…  "
            "(Enter to send, Shift+Enter for a new line)"
        )
        self.setAccessibleName("Question")
        self.setAccessibleDescription("Type a question; press Enter to send it.")
        self.setTabChangesFocus(True)
        self.setMaximumHeight(90)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.send()
            return
        super().keyPressEvent(event)

    def send(self) -> None:
        text = self.toPlainText().strip()
        if text and not self.isReadOnly():
            self.submitted.emit(text)
            self.clear()


class ChatView(QTextBrowser):
    """The conversation. Streaming text is buffered and painted every 40 ms, not per token."""

    link_activated = Signal(str)
    FLUSH_MS = 40

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(lambda url: self.link_activated.emit(url.toString()))
        self.setAccessibleName("Conversation")
        # Read-only: an undo stack would only record every streamed insert and make the final
        # re-render pay for discarding it.
        self.document().setUndoRedoEnabled(False)
        self._pending: list[str] = []
        self._flush = QTimer(self)
        self._flush.setInterval(self.FLUSH_MS)
        self._flush.timeout.connect(self._flush_pending)
        self.repaints = 0  # streaming flushes, for tests of the batching

    def viewportEvent(self, event) -> bool:  # noqa: N802 - Qt API
        # A card's short section path carries its full path as a tooltip (title="…"), which
        # QTextBrowser keeps on the characters but does not show by itself.
        if event.type() == QEvent.Type.ToolTip:
            cursor = self.cursorForPosition(event.pos())
            tip = cursor.charFormat().toolTip()
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def show_conversation(self, html_text: str, anchor: str = "") -> None:
        """Show the HTML, scrolled to the end, or to `anchor` (the latest question, so a long
        answer is read from its start: its badge and first card)."""
        self._flush.stop()
        self._pending.clear()
        self.setHtml(html_text)
        self.moveCursor(QTextCursor.MoveOperation.End)
        self.ensureCursorVisible()
        if anchor:
            self.scrollToAnchor(anchor)

    def begin_stream(self, html_before: str, status: str) -> None:
        self.show_conversation(html_before)
        self.append_status(status)
        self._flush.start()

    def append_status(self, text: str) -> None:
        cursor = self.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertHtml(f"<p><i>{text}</i></p><p></p>")
        self.setTextCursor(cursor)

    def stream(self, delta: str) -> None:
        self._pending.append(delta)

    def _flush_pending(self) -> None:
        if not self._pending:
            return
        text, self._pending = "".join(self._pending), []
        cursor = self.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(text)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.repaints += 1


class SourcesPanel(QListWidget):
    """Each cited passage: number, title, version, section, page and approval date."""

    citation_chosen = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName("Sources")
        self.setWordWrap(True)
        self.citations: list[Citation] = []
        self.currentRowChanged.connect(self._chosen)

    def show_citations(self, citations: list[Citation]) -> None:
        self.blockSignals(True)
        self.clear()
        self.citations = list(citations)
        for c in self.citations:
            approved = f" · approved {c.source.approved_at[:10]}" if c.source.approved_at else ""
            item = QListWidgetItem(
                f"[{c.number}] {c.source.title} (v{c.source.version})\n"
                f"{c.source.section or c.source.source_name}"
                f"{' · ' + c.pages_label if c.pages_label else ''}{approved}"
            )
            item.setToolTip(c.passage[:600])
            self.addItem(item)
        self.blockSignals(False)

    def choose(self, number: int) -> None:
        for row, c in enumerate(self.citations):
            if c.number == number:
                if self.currentRow() == row:
                    self.citation_chosen.emit(number)  # re-show it even if already current
                else:
                    self.setCurrentRow(row)  # emits through currentRowChanged
                return

    def _chosen(self, row: int) -> None:
        if 0 <= row < len(self.citations):
            self.citation_chosen.emit(self.citations[row].number)
