"""The text side of the source viewer: a re-parsed document (DOCX, HTML, Markdown, text) shown
as plain text with bold headings, the cited passage highlighted and scrolled into view.

Loading and locating the passage are plain Python (assistant/core/source_location.py) and run
on a worker thread. Chunk offsets index into the document's canonical text, which is exactly
the text shown here, so a citation's char_start..char_end is the highlight; when the file has
changed since ingest, the passage is searched for instead.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QTextEdit

from assistant.core.source_location import PassageSpan, TextSource

# A fixed amber with near-black text reads the same in light and dark palettes.
HIGHLIGHT_BACKGROUND = QColor("#ffd54f")
HIGHLIGHT_FOREGROUND = QColor("#1a1a1a")
# Above this many characters only an excerpt around the passage is laid out: QTextDocument
# needs ~1.5 s to lay out 1.5 M characters on the UI thread.
EXCERPT_LIMIT = 250_000
EXCERPT_CONTEXT = 60_000
# Where a located passage is placed: this share of the view's height from the top.
READING_LINE = 0.2


class _Utf16Index:
    """Python string offsets to QTextDocument positions (UTF-16 units)."""

    def __init__(self, text: str):
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def __call__(self, pos: int) -> int:
        return pos + bisect.bisect_left(self._astral, pos) if self._astral else pos


class TextSourceView(QTextBrowser):
    """Read-only text with one highlighted span that stays in view until the user scrolls."""

    resized = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setUndoRedoEnabled(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAccessibleName("Source text")
        self._highlight: QTextCursor | None = None
        self._pinned = False
        self.verticalScrollBar().actionTriggered.connect(self._unpin)

    # -- content -------------------------------------------------------------------------------
    def show_source(self, source: TextSource, span: PassageSpan) -> bool:
        """Show the document (or an excerpt around a passage in a very long one), highlight the
        span and scroll to it. Returns True when an excerpt is shown."""
        text, base = source.text, 0
        excerpt = len(text) > EXCERPT_LIMIT
        if excerpt:
            base, stop = _excerpt_bounds(source, span)
            text = text[base:stop]
        doc = self._new_document(text)
        to_qt = _Utf16Index(text)
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        for start, end in source.headings:
            if start >= base and end <= base + len(text):
                cursor.setPosition(to_qt(start - base))
                cursor.setPosition(to_qt(end - base), QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(bold)
        cursor.endEditBlock()
        self._install(doc, to_qt(span.start - base), to_qt(span.end - base))
        return excerpt

    def show_passage(self, passage: str) -> None:
        """Only the stored passage, all of it highlighted (the file is missing or changed)."""
        doc = self._new_document(passage)
        self._install(doc, 0, doc.characterCount() - 1)

    def show_message(self, message: str) -> None:
        self._highlight = None
        self._pinned = False
        self.setExtraSelections([])
        self._replace_document(self._new_document(message))

    def _new_document(self, text: str) -> QTextDocument:
        doc = QTextDocument(self)
        doc.setUndoRedoEnabled(False)
        doc.setDefaultFont(self.font())
        doc.setPlainText(text)
        return doc

    def _replace_document(self, doc: QTextDocument) -> None:
        old = self.document()
        # Ours are parented to the view; Qt itself deletes the editor's initial document.
        ours = old is not None and old is not doc and old.parent() is self
        self.setDocument(doc)
        if ours:
            old.deleteLater()

    def _install(self, doc: QTextDocument, start: int, end: int) -> None:
        self._replace_document(doc)
        highlight = QTextCursor(doc)
        highlight.setPosition(start)
        highlight.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = highlight
        fmt = QTextCharFormat()
        fmt.setBackground(HIGHLIGHT_BACKGROUND)
        fmt.setForeground(HIGHLIGHT_FOREGROUND)
        selection.format = fmt
        self.setExtraSelections([selection])
        self._highlight = highlight
        caret = QTextCursor(doc)
        caret.setPosition(start)
        self.setTextCursor(caret)
        self._pinned = True
        self.scroll_to_highlight()

    # -- what tests and screen readers can ask -------------------------------------------------
    def highlighted_text(self) -> str:
        if self._highlight is None:
            return ""
        return self._highlight.selectedText().replace("\u2029", "\n")

    def highlight_start(self) -> int | None:
        """Document position where the highlight starts."""
        return None if self._highlight is None else self._highlight.selectionStart()

    def highlight_visible(self) -> bool:
        """True when the start of the highlight is inside the viewport."""
        if self._highlight is None:
            return False
        caret = QTextCursor(self._highlight)
        caret.setPosition(self._highlight.selectionStart())
        rect = self.cursorRect(caret)
        return self.viewport().rect().intersects(rect)

    # -- scrolling -----------------------------------------------------------------------------
    def scroll_to_highlight(self) -> None:
        if self._highlight is None:
            return
        caret = QTextCursor(self._highlight)
        caret.setPosition(self._highlight.selectionStart())
        self.setTextCursor(caret)
        self.ensureCursorVisible()
        bar = self.verticalScrollBar()
        top = self.cursorRect(caret).top()
        bar.setValue(bar.value() + top - int(self.viewport().height() * READING_LINE))

    def _unpin(self, _action: int) -> None:
        self._pinned = False

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self._pinned:
            self.scroll_to_highlight()
        self.resized.emit()


def _excerpt_bounds(source: TextSource, span: PassageSpan) -> tuple[int, int]:
    """Block-aligned bounds of an excerpt around the passage."""
    starts = source.block_starts
    lo = max(0, span.start - EXCERPT_CONTEXT)
    hi = min(len(source.text), span.end + EXCERPT_CONTEXT)
    i = max(0, bisect.bisect_right(starts, lo) - 1)
    j = bisect.bisect_right(starts, hi)
    stop = starts[j] - 2 if j < len(starts) else len(source.text)  # before the "\n\n"
    return starts[i], max(stop, span.end)
