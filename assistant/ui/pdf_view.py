"""The PDF side of the source viewer: QPdfView (all pages, fit to width) that finds the cited
text with QPdfSearchModel, highlights it and scrolls it into view.

Finding the text: the parser's text and PDFium's differ (line breaks, hyphenation marks, soft
hyphens, ligatures), so a quote is first aligned with the page's own text on letters and digits
only; the page's characters for that span then become the search string, which PDFium is sure to
find (it matches across line breaks). Candidates go from the whole quote down to 6-word windows
of it, then the passage; the first hit on a cited page wins.

QtPdf facts this relies on (PySide6 6.11): `resultsOnPage(page)` searches that page
synchronously (~18 ms a page); the model also searches all pages on a timer in the background;
`setCurrentSearchResultIndex` takes a document-wide index, and computing it searches every
earlier page, so it is counted a page per event-loop turn; `jump()` scrolls to the top of the
page and ignores the location, so the exact scroll position is computed here with the view's
own page layout; the navigator's current page is not reliable after a resize, so the page in view
is computed here too. `setDocument` costs ~2.6 ms a page the first time (PDFium reads every page
size for the layout): ~260 ms for a 100-page PDF, against ~25 ms for `QPdfDocument.load`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfLink, QPdfSearchModel
from PySide6.QtPdfWidgets import QPdfView

from assistant.ui.text_view import READING_LINE

_MIN_FOLDED = 12  # a candidate shorter than this (letters and digits) is not distinctive
ZOOM_STEP = 1.25
ZOOM_RANGE = (0.25, 4.0)  # of the page's printed size
_WINDOWS = (10, 8, 6)


# -- matching (no Qt) --------------------------------------------------------------------------
def fold(text: str) -> tuple[str, list[int]]:
    """Lower-case letters and digits only (accents and ligatures decomposed), with each folded
    character's index in `text`."""
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if ch.isascii():
            if ch.isalnum():
                chars.append(ch.lower())
                index.append(i)
            continue
        for c in unicodedata.normalize("NFKD", ch):
            if c.isalnum():
                chars.append(c.lower())
                index.append(i)
    return "".join(chars), index


def candidate_phrases(texts: list[str]) -> list[str]:
    """Search candidates, best first: each text whole, its halves, then 10/8/6-word windows
    from its start, middle and end."""
    out: list[str] = []
    for text in texts:
        words = text.split()
        if not words:
            continue
        spans = [(0, len(words))]
        if len(words) > 16:
            half = len(words) // 2
            spans += [(0, half), (half, len(words))]
        for n in _WINDOWS:
            if len(words) > n:
                for start in (0, (len(words) - n) // 2, len(words) - n):
                    spans.append((start, start + n))
        for a, b in spans:
            phrase = " ".join(words[a:b])
            if phrase not in out:
                out.append(phrase)
    return out


def clean_pdf_text(text: str) -> str:
    """PDFium page text as a person reads it: hyphenation marks resolved, lines joined."""
    text = re.sub("\ufffe\\s*", "-", text)
    text = text.replace("\u00ad", "")
    return " ".join(text.split())


@dataclass(slots=True)
class PdfMatch:
    page: int  # 1-based
    search_string: str
    index_on_page: int  # among the search model's results on that page
    rects: list[QRectF] = field(default_factory=list)  # in page points
    text: str = ""  # the highlighted text
    # The rest of the quote when it runs across a page break: (order, page, rects in page
    # points, text), order < 0 before the match and > 0 after it. Painted by the view itself
    # (the search model highlights one string only).
    extra: list[tuple[int, int, list[QRectF], str]] = field(default_factory=list)

    def full_text(self) -> str:
        """The highlighted text in reading order, across the page break."""
        parts = sorted([(0, self.text), *((order, text) for order, _, _, text in self.extra)])
        return " ".join(text for _, text in parts)


class PdfSourceView(QPdfView):
    """Multi-page, fit-to-width PDF view with one located passage kept in view."""

    resized = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setPageMode(QPdfView.PageMode.MultiPage)
        self.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Source document pages")
        self.search = QPdfSearchModel(self)
        self.setSearchModel(self.search)
        self._page_texts: dict[int, tuple[str, str, list[int]]] = {}
        self._pin: tuple[int, float | None] | None = None  # (page, top in points)
        self.match: PdfMatch | None = None  # what is highlighted
        self._index_timer = QTimer(self)
        self._index_timer.setInterval(0)
        self._index_timer.timeout.connect(self._count_step)
        self._index_target: tuple[int, int] | None = None  # (page 0-based, index on page)
        self._index_page = 0
        self._index_total = 0
        self.verticalScrollBar().actionTriggered.connect(self._unpin)
        self._resolution = QGuiApplication.primaryScreen().logicalDotsPerInch() / 72.0

    # -- document ------------------------------------------------------------------------------
    def set_pdf(self, doc: QPdfDocument) -> None:
        self._index_timer.stop()
        self.setCurrentSearchResultIndex(-1)
        if self.document() is not doc:
            self._page_texts.clear()
            self.search.setSearchString("")
            self.search.setDocument(doc)
            self.setDocument(doc)

    def clear_highlight(self) -> None:
        self.match = None
        self._index_timer.stop()
        self.setCurrentSearchResultIndex(-1)
        self.search.setSearchString("")

    # -- locating ------------------------------------------------------------------------------
    def locate(self, texts: list[str], first_page: int, last_page: int) -> PdfMatch | None:
        """Find the first candidate phrase of `texts` on pages first..last (1-based)."""
        doc = self.document()
        if doc is None or doc.pageCount() == 0:
            return None
        count = doc.pageCount()
        pages = [p for p in range(first_page, max(first_page, last_page) + 1) if 1 <= p <= count]
        direct_tries = 0
        for phrase in candidate_phrases(texts):
            folded, _ = fold(phrase)
            if len(folded) < _MIN_FOLDED:
                continue
            aligned = False
            for page in pages:
                raw, page_folded, index = self._page_text(page)
                k = page_folded.find(folded)
                if k < 0:
                    continue
                aligned = True
                a, b = index[k], index[k + len(folded) - 1] + 1
                own = " ".join(raw[a:b].split())
                match = self._search(own, page, (a, b)) or self._search(phrase, page)
                if match:
                    match.text = clean_pdf_text(raw[a:b])
                    match.extra = self._continuation(texts, phrase, page)
                    return match
            # Not in PDFium's page text as letters: let PDFium's own matching try a few.
            if not aligned and direct_tries < 6 and len(phrase.split()) <= max(_WINDOWS):
                direct_tries += 1
                for page in pages:
                    match = self._search(phrase, page)
                    if match:
                        match.text = phrase
                        return match
        return None

    def _continuation(self, texts: list[str], phrase: str, page: int):
        """Where the quote goes on across a page break: the longest head (3 words or more) of
        the words before `phrase` found on the page before, else the longest tail of the
        words after it on the page after; and the words between that and the match, on the
        match's own page."""
        source = next((t for t in texts if phrase in t), "")
        if not source:
            return []
        at = source.index(phrase)
        before, after = source[:at].split(), source[at + len(phrase) :].split()
        heads = [before[:end] for end in range(len(before), 2, -1)]
        head = self._first_on(page - 1, heads)
        if head is not None:
            between = self._first_on(page, [before[len(head[1]) :]])
            return [(-2, page - 1, *head[0])] + ([(-1, page, *between[0])] if between else [])
        tails = [after[start:] for start in range(len(after) - 2)]
        tail = self._first_on(page + 1, tails)
        if tail is not None:
            between = self._first_on(page, [after[: len(after) - len(tail[1])]])
            return ([(1, page, *between[0])] if between else []) + [(2, page + 1, *tail[0])]
        return []

    def _first_on(self, page: int, candidates: list[list[str]]):
        """((rects, text), words) of the first candidate found on the page, or None."""
        doc = self.document()
        if not 1 <= page <= doc.pageCount():
            return None
        raw, page_folded, index = self._page_text(page)
        for words in candidates:
            folded, _ = fold(" ".join(words))
            k = page_folded.find(folded) if len(folded) >= _MIN_FOLDED else -1
            if k >= 0:
                a, b = index[k], index[k + len(folded) - 1] + 1
                selection = doc.getSelectionAtIndex(page - 1, a, b - a)
                rects = [polygon.boundingRect() for polygon in selection.bounds()]
                if rects:
                    return (rects, clean_pdf_text(raw[a:b])), words
        return None

    def _page_text(self, page: int) -> tuple[str, str, list[int]]:
        if page not in self._page_texts:
            raw = self.document().getAllText(page - 1).text()
            folded, index = fold(raw)
            self._page_texts[page] = (raw, folded, index)
        return self._page_texts[page]

    def _search(self, string: str, page: int, span: tuple[int, int] | None = None):
        if not string.strip():
            return None
        if self.search.searchString() != string:
            self.search.setSearchString(string)
        results: list[QPdfLink] = self.search.resultsOnPage(page - 1)
        if not results:
            return None
        best = 0
        if span is not None and len(results) > 1:
            # The same words twice on the page: take the result at the aligned characters.
            selection = self.document().getSelectionAtIndex(page - 1, span[0], span[1] - span[0])
            target = selection.boundingRectangle().topLeft()
            best = min(
                range(len(results)),
                key=lambda i: _distance(results[i].rectangles(), target),
            )
        return PdfMatch(page, string, best, list(results[best].rectangles()))

    # -- highlighting and scrolling ------------------------------------------------------------
    def show_match(self, match: PdfMatch) -> None:
        """Highlight the match (the search model's string is already set) and scroll to it."""
        if self.search.searchString() != match.search_string:
            self.search.setSearchString(match.search_string)
        self.match = match
        top = min((r.top() for r in match.rects), default=0.0)
        self._pin = (match.page, top)
        self._jump(match.page, top)
        # The view wants a document-wide result index: count earlier pages' results a page
        # per event-loop turn (each page costs a PDFium search) instead of freezing the UI.
        self._index_target = (match.page - 1, match.index_on_page)
        self._index_page, self._index_total = 0, 0
        self._index_timer.start()

    def show_page(self, page: int) -> None:
        self.clear_highlight()
        self._pin = (page, None)
        self._jump(page, None)

    def _count_step(self) -> None:
        if self._index_target is None:
            self._index_timer.stop()
            return
        target_page, on_page = self._index_target
        if self._index_page < target_page:
            self._index_total += len(self.search.resultsOnPage(self._index_page))
            self._index_page += 1
            return
        self._index_timer.stop()
        self.setCurrentSearchResultIndex(self._index_total + on_page)
        self.viewport().update()

    def _jump(self, page: int, top: float | None) -> None:
        doc = self.document()
        if doc is None or not 1 <= page <= doc.pageCount():
            return
        location = QPointF(0.0, top or 0.0)
        self.pageNavigator().jump(page - 1, location, self.pageNavigator().currentZoom())
        geometry = self.page_geometry(page - 1)
        if top is None:
            y = geometry.top() - self.documentMargins().top()
        else:
            scale = geometry.width() / doc.pagePointSize(page - 1).width()
            y = geometry.top() + top * scale - self.viewport().height() * READING_LINE
        self.verticalScrollBar().setValue(round(y))

    def repin(self) -> None:
        if self._pin is not None:
            self._jump(*self._pin)

    def _unpin(self, _action: int) -> None:
        self._pin = None

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self.match is None or not self.match.extra:
            return
        painter = QPainter(self.viewport())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 214, 0, 110))  # the search highlight's yellow
        dx, dy = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        for _, page, rects, _ in self.match.extra:
            geometry = self.page_geometry(page - 1)
            width = self.document().pagePointSize(page - 1).width()
            if geometry.isEmpty() or not width:
                continue
            scale = geometry.width() / width
            for r in rects:
                x, y = (
                    geometry.left() + r.left() * scale - dx,
                    geometry.top() + r.top() * scale - dy,
                )
                painter.drawRect(QRectF(x, y, r.width() * scale, r.height() * scale))
        painter.end()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.repin()
        self.resized.emit()

    # -- zoom ----------------------------------------------------------------------------------
    def zoom(self) -> float:
        """The current scale against the page's printed size (1.0 = 100 %)."""
        if self.zoomMode() == QPdfView.ZoomMode.Custom:
            return self.zoomFactor()
        rects, doc = self._page_rects(), self.document()
        if not rects or doc is None or not doc.pagePointSize(0).width():
            return 1.0
        return rects[0].width() / (doc.pagePointSize(0).width() * self._resolution)

    def set_zoom(self, factor: float) -> None:
        """A fixed scale (1.0: the page at its printed size), the located passage kept in view."""
        low, high = ZOOM_RANGE
        self.setZoomMode(QPdfView.ZoomMode.Custom)
        self.setZoomFactor(min(high, max(low, factor)))
        self.repin()

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def fit_width(self) -> None:
        self.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.repin()

    # -- geometry (mirrors QPdfView's multi-page layout: fit to width, or a fixed zoom) -------
    def _page_rects(self) -> list[QRectF]:
        doc = self.document()
        if doc is None:
            return []
        margins = self.documentMargins()
        width = self.viewport().width() - margins.left() - margins.right()
        custom = self.zoomMode() == QPdfView.ZoomMode.Custom
        rects, y = [], margins.top()
        sizes = [
            QSizeF(doc.pagePointSize(p) * self._resolution).toSize() for p in range(doc.pageCount())
        ]
        for size in sizes:
            if custom:
                fitted = QSizeF(size * self.zoomFactor()).toSize()
            else:
                fitted = size * (width / size.width()) if size.width() else QSize(size)
            rects.append(QRectF(margins.left(), y, fitted.width(), fitted.height()))
            y += fitted.height() + self.pageSpacing()
        return rects

    def page_geometry(self, page: int) -> QRectF:
        """Page rectangle (0-based page) in scroll coordinates."""
        rects = self._page_rects()
        return rects[page] if 0 <= page < len(rects) else QRectF()

    def page_at_reading_line(self) -> int | None:
        """1-based page under the reading line (where a located passage is placed)."""
        rects = self._page_rects()
        if not rects:
            return None
        y = self.verticalScrollBar().value() + self.viewport().height() * READING_LINE
        for page, rect in enumerate(rects):
            if y < rect.bottom() + self.pageSpacing():
                return page + 1
        return len(rects)

    def match_visible(self, match: PdfMatch) -> bool:
        """True when the match's first rectangle is inside the viewport."""
        if not match.rects:
            return False
        geometry = self.page_geometry(match.page - 1)
        scale = geometry.width() / self.document().pagePointSize(match.page - 1).width()
        top = geometry.top() + match.rects[0].top() * scale - self.verticalScrollBar().value()
        return 0 <= top <= self.viewport().height()


def _distance(rects: list[QRectF], point: QPointF) -> float:
    if not rects:
        return float("inf")
    corner = rects[0].topLeft()
    return abs(corner.x() - point.x()) + abs(corner.y() - point.y())
