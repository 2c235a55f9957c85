"""`SourceViewer`: the source of a citation, with the supporting passage highlighted and in view.

Three modes:
- "pdf": the PDF itself (QPdfView, every page, fit to width), on the cited page, with the quote
  (or the passage) found by QPdfSearchModel and highlighted; if the text cannot be found there,
  the cited page with a note.
- "text": DOCX, HTML, Markdown and text files re-parsed into the same canonical text the chunks
  were cut from, with char_start..char_end highlighted; if the file changed since ingest, the
  passage is searched for instead.
- "missing": the file is gone, moved or no longer contains the passage: the approved passage as
  stored, highlighted, with a note.

Next/Previous (Alt+Right/Alt+Left) move through an answer's citations. Parsed documents are
cached by (path, mtime, size) so moving between citations of one document does not re-parse.
Parsing runs on the `Workers` read pool when one is given (a 3 MB HTML file takes ~10 s to
parse); PDFs load on the UI thread (QPdfDocument.load of a 100-page PDF takes ~30 ms).
"""

from __future__ import annotations

import html
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from assistant.answering.answer import Citation
from assistant.core.source_location import TextSource, load_text_source, locate_passage
from assistant.ui.pdf_view import PdfSourceView
from assistant.ui.text_view import TextSourceView
from assistant.ui.workers import Workers

PDF, TEXT, MISSING = "pdf", "text", "missing"

MISSING_NOTE = (
    "The file has changed or moved since it was approved; showing the approved passage as stored."
)
MOVED_NOTE = (
    "The file has changed since it was approved; the cited passage was found at a new place "
    "in the current file."
)
EXCERPT_NOTE = (
    "Showing the part of this long document around the passage; Open original shows it all."
)
_LINE_SUFFIXES = {".md", ".markdown", ".txt", ".text"}
_TEXT_CACHE_SIZE = 8
_PDF_CACHE_SIZE = 3

FileKey = tuple[str, int, int]  # (path, mtime_ns, size)


@dataclass(slots=True)
class _Parsed:
    key: FileKey
    source: TextSource | None
    error: str = ""


def _parse_job(path: str, key: FileKey) -> _Parsed:
    """Runs on a worker: parse the file; failures are results, not exceptions."""
    try:
        return _Parsed(key, load_text_source(path))
    except Exception as exc:  # a parser bug must not take the viewer down with it
        return _Parsed(key, None, str(exc) or type(exc).__name__)


def _unreadable(reason: str) -> str:
    return f"The file could not be read ({reason}); showing the approved passage as stored."


def locator(citation: Citation) -> str:
    """Where the passage is: pages for PDFs, paragraphs or lines for other formats."""
    if citation.source.page_start:
        return citation.pages_label
    unit = (
        "line"
        if Path(citation.source.source_path).suffix.lower() in _LINE_SUFFIXES
        else "paragraph"
    )
    a, b = citation.source.position_start, citation.source.position_end
    if not a:
        return ""
    return f"{unit}s {a}–{b}" if b and b != a else f"{unit} {a}"


class SourceViewer(QWidget):
    citation_changed = Signal(int)  # index (in the list given to set_citations) now shown
    shown = Signal(str)  # the mode, once the current citation is fully on screen

    def __init__(self, workers: Workers | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Source viewer")
        self._workers = workers
        self._citations: list[Citation] = []
        self._index = -1
        self._mode = MISSING
        self._loading = False
        self._waiting_for: FileKey | None = None
        self._pdf_highlight = ""
        self._text_cache: OrderedDict[FileKey, TextSource] = OrderedDict()
        self._pdf_cache: OrderedDict[FileKey, QPdfDocument] = OrderedDict()
        self._jobs: dict[int, object] = {}
        self.parse_count = 0  # files parsed (tests check the cache with it)
        # Replaceable (tests, or an app that wants to open files its own way).
        self.open_url = QDesktopServices.openUrl

        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.header.setAccessibleName("Citation details")

        self.previous_button = QPushButton("◀ Previous")
        self.previous_button.setAccessibleName("Previous citation")
        self.previous_button.setToolTip("Previous citation (Alt+Left)")
        self.previous_button.clicked.connect(self.previous_citation)
        self.next_button = QPushButton("Next ▶")
        self.next_button.setAccessibleName("Next citation")
        self.next_button.setToolTip("Next citation (Alt+Right)")
        self.next_button.clicked.connect(self.next_citation)
        self.position_label = QLabel()
        self.position_label.setAccessibleName("Citation position")
        # PDF zoom: fit to the pane's width by default; 100 % is the page's printed size.
        self.zoom_out_button = QPushButton("−")
        self.zoom_out_button.setAccessibleName("Zoom out")
        self.zoom_out_button.setToolTip("Zoom out (Ctrl+minus)")
        self.zoom_in_button = QPushButton("+")
        self.zoom_in_button.setAccessibleName("Zoom in")
        self.zoom_in_button.setToolTip("Zoom in (Ctrl+plus)")
        self.fit_button = QPushButton("Fit width")
        self.fit_button.setAccessibleName("Fit the page to the width")
        self.fit_button.setToolTip("Fit width (Ctrl+0)")
        self.actual_button = QPushButton("100 %")
        self.actual_button.setAccessibleName("Show the page at its printed size")
        self.actual_button.setToolTip("Printed size (Ctrl+1)")
        self.zoom_buttons = (
            self.zoom_out_button,
            self.zoom_in_button,
            self.fit_button,
            self.actual_button,
        )
        self.open_button = QPushButton("Open original")
        self.open_button.setAccessibleName("Open the original file")
        self.open_button.clicked.connect(self.open_original)

        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setFrameShape(QFrame.Shape.StyledPanel)
        self.note.setAccessibleName("Viewer note")
        self.note.hide()

        self.pdf_view = PdfSourceView()
        self.text_view = TextSourceView()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.text_view)
        self.stack.addWidget(self.pdf_view)

        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addWidget(self.position_label)
        nav.addWidget(self.next_button)
        nav.addStretch(1)
        nav.addWidget(self.open_button)
        # Zoom on a row of its own, shown with a PDF: the pane stays narrow enough to sit
        # beside the chat.
        zoom = QHBoxLayout()
        zoom.addStretch(1)
        for button in self.zoom_buttons:
            button.setAutoDefault(False)
            zoom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(nav)
        layout.addLayout(zoom)
        layout.addWidget(self.note)
        layout.addWidget(self.stack, 1)
        QWidget.setTabOrder(self.previous_button, self.next_button)
        QWidget.setTabOrder(self.next_button, self.open_button)
        QWidget.setTabOrder(self.open_button, self.text_view)
        QWidget.setTabOrder(self.text_view, self.pdf_view)

        self.zoom_out_button.clicked.connect(self.pdf_view.zoom_out)
        self.zoom_in_button.clicked.connect(self.pdf_view.zoom_in)
        self.fit_button.clicked.connect(self.pdf_view.fit_width)
        self.actual_button.clicked.connect(lambda: self.pdf_view.set_zoom(1.0))
        keys_and_slots = (
            ("Alt+Right", self.next_citation),
            ("Alt+Left", self.previous_citation),
            ("Ctrl++", self.pdf_view.zoom_in),
            ("Ctrl+=", self.pdf_view.zoom_in),
            ("Ctrl+-", self.pdf_view.zoom_out),
            ("Ctrl+0", self.pdf_view.fit_width),
            ("Ctrl+1", lambda: self.pdf_view.set_zoom(1.0)),
        )
        for keys, slot in keys_and_slots:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._show_nothing()

    # -- public API ----------------------------------------------------------------------------
    def set_citations(self, citations: list[Citation], current: int = 0) -> None:
        """An answer's citations; shows `current`."""
        self._citations = list(citations)
        if not self._citations:
            self._index = -1
            self._show_nothing()
            return
        self._go(max(0, min(current, len(self._citations) - 1)))

    def show_citation(self, citation: Citation) -> None:
        """Show one citation: moves to it if it is one of the current answer's citations,
        otherwise it becomes the only one."""
        for i, known in enumerate(self._citations):
            if known is citation:
                self._go(i)
                return
        for i, known in enumerate(self._citations):
            if known == citation:
                self._go(i)
                return
        self._citations = [citation]
        self._go(0)

    def next_citation(self) -> None:
        if len(self._citations) > 1:
            self._go((self._index + 1) % len(self._citations))

    def previous_citation(self) -> None:
        if len(self._citations) > 1:
            self._go((self._index - 1) % len(self._citations))

    def open_original(self) -> None:
        citation = self.current_citation()
        if citation and Path(citation.source.source_path).is_file():
            self.open_url(QUrl.fromLocalFile(str(Path(citation.source.source_path).resolve())))

    def current_citation(self) -> Citation | None:
        return self._citations[self._index] if 0 <= self._index < len(self._citations) else None

    def current_index(self) -> int:
        return self._index

    def mode(self) -> str:
        """One of "pdf", "text" or "missing" (also "missing" before any citation is shown)."""
        return self._mode

    def is_loading(self) -> bool:
        return self._loading

    def current_page(self) -> int | None:
        """The 1-based PDF page in view (at the reading line, where a found passage is
        placed); None outside PDF mode."""
        return self.pdf_view.page_at_reading_line() if self._mode == PDF else None

    def highlighted_text(self) -> str:
        if self._mode == PDF:
            return self._pdf_highlight
        return self.text_view.highlighted_text()

    def note_text(self) -> str:
        return self.note.text() if not self.note.isHidden() else ""

    # -- showing -------------------------------------------------------------------------------
    def _go(self, index: int) -> None:
        self._index = index
        self._show_current()
        self.citation_changed.emit(index)

    def _show_current(self) -> None:
        citation = self.current_citation()
        if citation is None:
            self._show_nothing()
            return
        self._waiting_for = None
        self._loading = False
        self._update_header(citation)
        path = Path(citation.source.source_path)
        try:
            stat = path.stat() if citation.source.source_path else None
        except OSError:
            stat = None
        exists = stat is not None and path.is_file()
        self.open_button.setEnabled(exists)
        self.open_button.setToolTip(str(path) if exists else f"File not found: {path}")
        if not exists:
            self._show_missing(citation, MISSING_NOTE)
            return
        key: FileKey = (str(path), stat.st_mtime_ns, stat.st_size)
        if path.suffix.lower() == ".pdf":
            self._show_pdf(citation, key)
        else:
            self._show_text(citation, key)

    def _show_nothing(self) -> None:
        self._waiting_for = None
        self._mode = MISSING
        self._loading = False
        self._pdf_highlight = ""
        self.header.setText("<b>No citation selected</b>")
        self.position_label.setText("")
        self.previous_button.setEnabled(False)
        self.next_button.setEnabled(False)
        self.open_button.setEnabled(False)
        self.text_view.show_message("Choose a citation in an answer to see its source here.")
        self.stack.setCurrentWidget(self.text_view)
        for button in self.zoom_buttons:
            button.setVisible(False)
        self._set_note("")

    def _update_header(self, c: Citation) -> None:
        details = [f"version {c.source.version}"]
        if c.source.section:
            details.append(html.escape(c.source.section))
        if where := locator(c):
            details.append(where)
        approved = c.source.approved_at[:10] if c.source.approved_at else ""
        details.append(f"approved {approved}" if approved else "approval date not recorded")
        self.header.setText(
            f"<b>[{c.number}] {html.escape(c.source.title)}</b><br>{' · '.join(details)}"
            f"<br><small>{html.escape(c.source.source_name)}</small>"
        )
        self.header.setToolTip(c.source.source_path)
        total = len(self._citations)
        self.position_label.setText(f"Citation {self._index + 1} of {total}")
        self.previous_button.setEnabled(total > 1)
        self.next_button.setEnabled(total > 1)

    def _set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def _finish(self, mode: str, note: str) -> None:
        self._mode = mode
        self._loading = False
        self._set_note(note)
        view = self.pdf_view if mode == PDF else self.text_view
        self.stack.setCurrentWidget(view)
        for button in self.zoom_buttons:
            button.setVisible(mode == PDF)
        highlighted = self.highlighted_text()
        view.setAccessibleDescription(
            f"Cited passage: {highlighted[:500]}" if highlighted else note
        )
        self.shown.emit(mode)

    def _show_missing(self, citation: Citation, note: str) -> None:
        self._pdf_highlight = ""
        self.text_view.show_passage(citation.passage)
        self._finish(MISSING, note)

    # -- PDF -----------------------------------------------------------------------------------
    def _show_pdf(self, citation: Citation, key: FileKey) -> None:
        doc, error = self._pdf_document(key)
        if doc is None:
            self._show_missing(citation, _unreadable(f"could not open the PDF: {error}"))
            return
        self.pdf_view.set_pdf(doc)
        self.stack.setCurrentWidget(self.pdf_view)
        first = citation.source.page_start or 1
        last = citation.source.page_end or first
        texts = [q for q in citation.quotes if q.strip()] + [citation.passage]
        match = self.pdf_view.locate(texts, first, last)
        if match is not None:
            # a quote running across a page break is highlighted on both pages
            self._pdf_highlight = match.full_text()
            self.pdf_view.show_match(match)
            self._finish(PDF, "")
            return
        page = min(max(first, 1), doc.pageCount())
        self._pdf_highlight = ""
        self.pdf_view.show_page(page)
        self._finish(PDF, f"Passage not located exactly; showing page {page}.")

    def _pdf_document(self, key: FileKey) -> tuple[QPdfDocument | None, str]:
        doc = self._pdf_cache.get(key)
        if doc is not None:
            self._pdf_cache.move_to_end(key)
            return doc, ""
        doc = QPdfDocument(self)
        error = doc.load(key[0])
        if error != QPdfDocument.Error.None_ or doc.status() != QPdfDocument.Status.Ready:
            doc.deleteLater()
            return None, getattr(error, "name", str(error)).rstrip("_").lower() or "error"
        self._pdf_cache[key] = doc
        current = self.pdf_view.document()
        for old_key in list(self._pdf_cache):
            if len(self._pdf_cache) <= _PDF_CACHE_SIZE:
                break
            old = self._pdf_cache[old_key]
            if old is current or old is doc:
                continue
            del self._pdf_cache[old_key]
            old.close()
            old.deleteLater()
        return doc, ""

    # -- text formats --------------------------------------------------------------------------
    def _show_text(self, citation: Citation, key: FileKey) -> None:
        source = self._text_cache.get(key)
        if source is not None:
            self._text_cache.move_to_end(key)
            self._render_text(citation, source)
            return
        if self._workers is None:
            parsed = _parse_job(key[0], key)
            self._on_parsed(parsed)
            return
        self._loading = True
        self._waiting_for = key
        self._pdf_highlight = ""
        self._mode = TEXT
        self.text_view.show_message(f"Loading {Path(key[0]).name}…")
        self.stack.setCurrentWidget(self.text_view)
        self._set_note("")
        job = self._workers.read(
            "viewer: parse source",
            _parse_job,
            key[0],
            key,
            on_done=self._on_parsed,
            on_error=self._on_parse_failed,
        )
        self._jobs[job.id] = job

    @Slot(object)
    def _on_parsed(self, parsed: _Parsed) -> None:
        self._forget_finished_jobs()
        self.parse_count += 1
        if parsed.source is not None:
            self._text_cache[parsed.key] = parsed.source
            while len(self._text_cache) > _TEXT_CACHE_SIZE:
                self._text_cache.popitem(last=False)
        if self._workers is not None:
            if self._waiting_for != parsed.key:
                return  # the user moved on; the result stays in the cache
            self._waiting_for = None
        citation = self.current_citation()
        if citation is None:
            return
        if parsed.source is None:
            self._show_missing(
                citation,
                _unreadable(parsed.error),
            )
            return
        self._render_text(citation, parsed.source)

    @Slot(object)
    def _on_parse_failed(self, exc: BaseException) -> None:
        self._forget_finished_jobs()
        citation = self.current_citation()
        if self._waiting_for is None or citation is None:
            return
        self._waiting_for = None
        self._show_missing(citation, _unreadable(str(exc)))

    def _forget_finished_jobs(self) -> None:
        for job_id, job in list(self._jobs.items()):
            if job.done.is_set():
                del self._jobs[job_id]

    def _render_text(self, citation: Citation, source: TextSource) -> None:
        self._pdf_highlight = ""
        span = locate_passage(
            source.text, citation.passage, citation.source.char_start, citation.source.char_end
        )
        if span is None:
            self._show_missing(citation, MISSING_NOTE)
            return
        self.stack.setCurrentWidget(self.text_view)
        excerpt = self.text_view.show_source(source, span)
        notes = [] if span.exact else [MOVED_NOTE]
        if excerpt:
            notes.append(EXCERPT_NOTE)
        self._finish(TEXT, " ".join(notes))
