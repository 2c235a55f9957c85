"""SourceViewer with real files: the demo pack (one file per format) and a real two-column
guideline PDF, cited through chunks that came out of a real ingest."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from fakes import HashEmbedder, word_counter
from PySide6.QtCore import QModelIndex, Qt, QUrl
from PySide6.QtGui import QColor, QFontDatabase, QImage, QPalette

from assistant.answering.answer import Citation
from assistant.ui.pdf_view import candidate_phrases, clean_pdf_text, fold
from assistant.ui.text_view import EXCERPT_LIMIT
from assistant.ui.viewer import EXCERPT_NOTE, MISSING_NOTE, MOVED_NOTE, SourceViewer, locator
from assistant.ui.workers import Workers
from knowledge.analysis import sentence_spans
from knowledge.base import KnowledgeBase
from knowledge.catalog import DocumentVersion
from knowledge.chunking import chunk_document
from knowledge.ingest import IngestOptions
from knowledge.parsing import parse_file
from knowledge.provenance import Provenance
from knowledge.store import StoredChunk

REPO = Path(__file__).resolve().parents[3]
DEMO = REPO / "assets" / "demo"
FONTS = REPO / "assets" / "fonts"
CDC_GUIDELINE = REPO.parent / "shared" / "corpus" / "cdc-opioid-prescribing-guideline-2022.pdf"
DEMO_FILES = [
    "falls-prevention.pdf",
    "hand-hygiene.md",
    "sharps-injury.html",
    "patient-identification.docx",
    "opioid-safety.txt",
]


# -- building citations from real chunks -------------------------------------------------------
def citation_from(
    chunk: StoredChunk, version: DocumentVersion, number: int = 1, quotes: list[str] | None = None
) -> Citation:
    source = Provenance.of_stored(chunk.id, chunk.metadata, version)
    return Citation(number, source, chunk.text, list(quotes or []))


def relocated(citation: Citation, path: Path) -> Citation:
    """The citation with its source file somewhere else."""
    return replace(citation, source=replace(citation.source, source_path=str(path)))


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


class Ingested:
    """Chunks and catalog versions of ingested files, by file name."""

    def __init__(self, kb: KnowledgeBase, paths: list[Path]):
        results = [e.result for e in kb.ingest(paths, IngestOptions(approve=True)) if e.result]
        self.versions: dict[str, DocumentVersion] = {}
        self.chunks: dict[str, list[StoredChunk]] = {}
        for result in results:
            assert result.version_id, f"{result.path}: {result.status} {result.reason}"
            version = kb.version(result.version_id)
            self.versions[result.path.name] = version
            self.chunks[result.path.name] = kb.chunks_of(version.version_id)

    def citation(self, name: str, index: int, number: int = 1, quotes=None) -> Citation:
        chunk = self.chunks[name][index]
        return citation_from(chunk, self.versions[name], number, quotes)

    def find(self, name: str, words: str, number: int = 1, quote: bool = True) -> Citation:
        """The citation of the chunk containing `words`, quoting the sentence they are in."""
        for chunk in self.chunks[name]:
            if words in chunk.text:
                quotes = [s for s in sentences(chunk.text) if words in s] if quote else []
                return citation_from(chunk, self.versions[name], number, quotes[:1])
        raise AssertionError(f"{words!r} not in any chunk of {name}")


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Ingested:
    home = tmp_path_factory.mktemp("viewer-kb")
    kb = KnowledgeBase(home, embedder=HashEmbedder(), count_tokens=word_counter)
    return Ingested(kb, [DEMO / name for name in DEMO_FILES])


@pytest.fixture(scope="module")
def guideline(tmp_path_factory) -> Ingested:
    if not CDC_GUIDELINE.is_file():
        pytest.skip(f"shared corpus file not found: {CDC_GUIDELINE}")
    home = tmp_path_factory.mktemp("viewer-kb-cdc")
    kb = KnowledgeBase(home, embedder=HashEmbedder(), count_tokens=word_counter)
    return Ingested(kb, [CDC_GUIDELINE])


@pytest.fixture(scope="module", autouse=True)
def bundled_font(qapp):
    """Without a font, offscreen text renders as empty boxes."""
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        assert QFontDatabase.addApplicationFont(str(FONTS / name)) >= 0


@pytest.fixture
def viewer(qtbot):
    widget = SourceViewer()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def folded(text: str) -> str:
    return fold(text)[0]


def wait_current_result(qtbot, viewer: SourceViewer, page: int) -> None:
    """The framed ("current") search result is set once earlier pages are counted."""
    view = viewer.pdf_view

    def framed():
        index = view.currentSearchResultIndex()
        assert index >= 0
        assert view.search.resultAtIndex(index).page() == page - 1

    qtbot.waitUntil(framed, timeout=10_000)


# -- PDF ---------------------------------------------------------------------------------------
def test_pdf_opens_on_the_cited_page_with_the_quote_highlighted(viewer, demo, qtbot):
    citation = demo.find("falls-prevention.pdf", "return to observations every 15 minutes")
    assert citation.source.page_start == 3
    viewer.show_citation(citation)

    assert viewer.mode() == "pdf"
    assert viewer.current_page() == 3
    assert viewer.note_text() == ""
    quote = citation.quotes[0]
    assert folded(quote) in folded(viewer.highlighted_text())
    assert viewer.pdf_view.match_visible(viewer.pdf_view.match)
    # The search model holds the highlighted text, found on page 3 (0-based 2) only there.
    results = viewer.pdf_view.search.resultsOnPage(2)
    assert len(results) == 1
    wait_current_result(qtbot, viewer, 3)


def test_pdf_table_row_is_found_on_its_page(viewer, demo, qtbot):
    citation = demo.find("falls-prevention.pdf", "Every 15 minutes", quote=False)
    row = next(line for line in citation.passage.splitlines() if "Every 15 minutes" in line)
    citation.quotes = [row]
    viewer.show_citation(citation)

    assert viewer.current_page() == 3
    assert "Every 15 minutes" in viewer.highlighted_text()
    assert "First hour" in viewer.highlighted_text()
    wait_current_result(qtbot, viewer, 3)


def test_pdf_without_quotes_highlights_the_passage(viewer, demo):
    citation = demo.find(
        "falls-prevention.pdf", "Neurological observations are started", quote=False
    )
    assert citation.quotes == []
    viewer.show_citation(citation)

    assert viewer.mode() == "pdf"
    assert viewer.current_page() == citation.source.page_start
    highlighted = folded(viewer.highlighted_text())
    assert folded(" ".join(citation.passage.split()[:12])) in highlighted


@pytest.mark.slow
def test_two_column_guideline_paragraph_is_found_and_shown(viewer, guideline, qtbot):
    name = CDC_GUIDELINE.name
    # A recommendation paragraph in the two-column body, deep in the document.
    citation = guideline.find(name, "No differences were found across 16 trials between opioids")
    assert citation.source.page_start and citation.source.page_start > 60
    quote = citation.quotes[0]
    assert len(quote.split()) > 20  # runs over several lines of a column

    viewer.show_citation(citation)  # how long it takes: benchmarks/viewer.py

    assert viewer.mode() == "pdf"
    assert viewer.current_page() == citation.source.page_start
    assert folded(quote) in folded(viewer.highlighted_text())
    assert viewer.pdf_view.match_visible(viewer.pdf_view.match)
    wait_current_result(qtbot, viewer, citation.source.page_start)


@pytest.mark.slow
def test_guideline_quotes_with_line_end_hyphens_are_found(viewer, guideline):
    """PDFium marks a hyphen at a line end with U+FFFE; the parser joined those words."""
    name = CDC_GUIDELINE.name
    citation = guideline.find(name, "Benzodiazepines and opioids both cause central nervous")
    viewer.show_citation(citation)

    assert viewer.current_page() == citation.source.page_start
    assert folded(citation.quotes[0]) in folded(viewer.highlighted_text())
    assert "opioid-induced" in viewer.highlighted_text()


def test_pdf_passage_not_found_shows_the_page_with_a_note(viewer, demo):
    other = demo.citation("hand-hygiene.md", 3)
    pdf = demo.citation("falls-prevention.pdf", 0)
    citation = replace(
        pdf, source=replace(pdf.source, page_start=2, page_end=2), passage=other.passage, quotes=[]
    )
    viewer.show_citation(citation)

    assert viewer.mode() == "pdf"
    assert viewer.current_page() == 2
    assert viewer.highlighted_text() == ""
    assert viewer.note_text() == "Passage not located exactly; showing page 2."


def test_pdf_highlight_stays_in_view_after_a_resize(viewer, demo, qtbot):
    citation = demo.find("falls-prevention.pdf", "return to observations every 15 minutes")
    viewer.show_citation(citation)
    viewer.resize(600, 500)
    qtbot.waitUntil(lambda: viewer.pdf_view.viewport().width() < 600)
    assert viewer.current_page() == 3
    assert viewer.pdf_view.match_visible(viewer.pdf_view.match)


# -- text formats ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name",
    ["hand-hygiene.md", "sharps-injury.html", "patient-identification.docx", "opioid-safety.txt"],
)
def test_text_formats_highlight_exactly_the_passage(viewer, demo, name):
    chunks = demo.chunks[name]
    index = len(chunks) - 2  # late in the document: it has to scroll
    citation = demo.citation(name, index)
    viewer.show_citation(citation)

    assert viewer.mode() == "text"
    assert viewer.note_text() == ""
    assert viewer.highlighted_text() == citation.passage
    assert viewer.text_view.highlight_visible()
    assert viewer.text_view.verticalScrollBar().value() > 0
    assert viewer.text_view.textCursor().position() == viewer.text_view.highlight_start()
    assert viewer.current_page() is None


def test_header_names_title_version_section_locator_and_approval(viewer, demo):
    pdf = demo.find("falls-prevention.pdf", "return to observations every 15 minutes", number=2)
    viewer.set_citations([demo.citation("hand-hygiene.md", 2), pdf], current=1)
    header = viewer.header.text()
    version = demo.versions["falls-prevention.pdf"]
    assert version.title in header
    assert f"version {version.version}" in header
    assert "p. 3" in header
    assert version.approved_at[:10] in header
    assert pdf.source.section.split(" > ")[-1] in header
    assert viewer.position_label.text() == "Citation 2 of 2"

    md = demo.citation("hand-hygiene.md", 2)
    assert locator(md).startswith("line")
    assert locator(demo.citation("sharps-injury.html", 2)).startswith("paragraph")


# -- navigation --------------------------------------------------------------------------------
def test_next_and_previous_cycle_through_the_citations(viewer, demo, qtbot):
    citations = [
        demo.find("falls-prevention.pdf", "return to observations every 15 minutes", 1),
        demo.citation("hand-hygiene.md", 3, 2),
        demo.citation("opioid-safety.txt", 4, 3),
    ]
    seen: list[int] = []
    viewer.citation_changed.connect(seen.append)
    viewer.set_citations(citations, current=0)
    assert viewer.mode() == "pdf"

    qtbot.mouseClick(viewer.next_button, Qt.MouseButton.LeftButton)
    assert viewer.current_index() == 1
    assert viewer.mode() == "text"
    assert viewer.highlighted_text() == citations[1].passage
    qtbot.mouseClick(viewer.next_button, Qt.MouseButton.LeftButton)
    assert viewer.highlighted_text() == citations[2].passage
    qtbot.mouseClick(viewer.next_button, Qt.MouseButton.LeftButton)  # wraps round
    assert viewer.current_index() == 0
    assert viewer.current_page() == 3
    qtbot.mouseClick(viewer.previous_button, Qt.MouseButton.LeftButton)
    assert viewer.current_index() == 2
    assert seen == [0, 1, 2, 0, 2]

    # Keyboard: Alt+Right / Alt+Left from inside the viewer.
    viewer.activateWindow()
    viewer.text_view.setFocus()
    qtbot.waitUntil(lambda: viewer.text_view.hasFocus())
    qtbot.keyClick(viewer.text_view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert viewer.current_index() == 0
    qtbot.keyClick(viewer.pdf_view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert viewer.current_index() == 2

    # show_citation of one of them moves there, keeping the list.
    viewer.show_citation(citations[1])
    assert viewer.current_index() == 1
    assert viewer.position_label.text() == "Citation 2 of 3"


def test_parsed_documents_are_cached_between_citations(viewer, demo):
    name = "patient-identification.docx"
    citations = [demo.citation(name, i, i + 1) for i in (1, 3, 5)]
    viewer.set_citations(citations)
    viewer.next_citation()
    viewer.next_citation()
    viewer.previous_citation()
    assert viewer.parse_count == 1
    assert viewer.highlighted_text() == citations[1].passage


def test_single_citation_disables_navigation(viewer, demo):
    viewer.show_citation(demo.citation("opioid-safety.txt", 1))
    assert not viewer.next_button.isEnabled()
    assert not viewer.previous_button.isEnabled()
    viewer.next_citation()
    assert viewer.current_index() == 0


# -- missing, moved and changed files ----------------------------------------------------------
def test_missing_file_shows_the_stored_passage_with_a_note(viewer, demo, tmp_path):
    citation = relocated(demo.citation("hand-hygiene.md", 3), tmp_path / "gone" / "hand-hygiene.md")
    viewer.show_citation(citation)

    assert viewer.mode() == "missing"
    assert viewer.note_text() == MISSING_NOTE
    assert viewer.highlighted_text() == citation.passage
    assert not viewer.open_button.isEnabled()


def test_moved_pdf_shows_the_stored_passage(viewer, demo, tmp_path):
    moved = tmp_path / "falls-prevention.pdf"
    shutil.copy(DEMO / "falls-prevention.pdf", moved)
    citation = relocated(
        demo.find("falls-prevention.pdf", "return to observations every 15 minutes"), moved
    )
    viewer.show_citation(citation)
    assert viewer.mode() == "pdf"
    moved.rename(tmp_path / "elsewhere.pdf")
    viewer.show_citation(replace(citation))  # shown again, e.g. from the history

    assert viewer.mode() == "missing"
    assert viewer.current_page() is None
    assert viewer.note_text() == MISSING_NOTE
    assert viewer.highlighted_text() == citation.passage
    assert not viewer.open_button.isEnabled()


def test_changed_file_falls_back_to_searching_for_the_passage(viewer, demo, tmp_path):
    copy = tmp_path / "opioid-safety.txt"
    original = (DEMO / "opioid-safety.txt").read_text(encoding="utf-8")
    copy.write_text("A NEW PARAGRAPH ADDED AFTER APPROVAL.\n\n" + original, encoding="utf-8")
    citation = relocated(demo.citation("opioid-safety.txt", 5), copy)
    viewer.show_citation(citation)

    assert viewer.mode() == "text"
    assert viewer.note_text() == MOVED_NOTE
    assert viewer.highlighted_text() == citation.passage
    assert viewer.text_view.highlight_visible()


def test_changed_passage_shows_the_stored_text(viewer, demo, tmp_path):
    copy = tmp_path / "hand-hygiene.md"
    citation = relocated(demo.citation("hand-hygiene.md", 4), copy)
    first_sentence = sentences(citation.passage)[0]
    text = (DEMO / "hand-hygiene.md").read_text(encoding="utf-8")
    assert first_sentence in text
    copy.write_text(text.replace(first_sentence, "This sentence was rewritten."), encoding="utf-8")
    viewer.show_citation(citation)

    assert viewer.mode() == "missing"
    assert viewer.note_text() == MISSING_NOTE
    assert viewer.highlighted_text() == citation.passage
    assert viewer.open_button.isEnabled()  # the file is there, just different


def test_open_original_opens_the_file(viewer, demo):
    opened: list[QUrl] = []
    viewer.open_url = opened.append
    citation = demo.citation("sharps-injury.html", 1)
    viewer.show_citation(citation)
    viewer.open_button.click()
    assert opened == [QUrl.fromLocalFile(str(Path(citation.source.source_path).resolve()))]


# -- background parsing and long documents -----------------------------------------------------
def test_parsing_runs_on_the_worker_pool_when_given(qtbot, demo):
    workers = Workers()
    try:
        widget = SourceViewer(workers)
        qtbot.addWidget(widget)
        widget.resize(800, 600)
        widget.show()
        first = demo.citation("patient-identification.docx", 2, 1)
        second = demo.citation("sharps-injury.html", 2, 2)
        with qtbot.waitSignal(widget.shown, timeout=10_000) as shown:
            widget.set_citations([first, second])
            assert widget.is_loading()
        assert shown.args == ["text"]
        assert widget.highlighted_text() == first.passage

        # Moving on before the parse finishes: only the latest citation is shown.
        with qtbot.waitSignal(widget.shown, timeout=10_000):
            widget.next_citation()
            widget.previous_citation()  # the docx is cached: shown at once
            widget.next_citation()
        assert widget.current_index() == 1
        qtbot.waitUntil(lambda: not widget.is_loading(), timeout=10_000)
        assert widget.highlighted_text() == second.passage
    finally:
        assert workers.shutdown()


def test_long_document_shows_an_excerpt_around_the_passage(viewer, tmp_path):
    path = tmp_path / "long-policy.txt"
    paragraphs = [
        f"Paragraph {i}: staff record observation {i} on the chart and escalate any change "
        f"to the nurse in charge, who reviews the plan for patient {i} within the hour."
        for i in range(2600)
    ]
    path.write_text("LONG POLICY\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    parsed = parse_file(path)
    chunks = chunk_document(parsed, word_counter, "seed")
    chunk = chunks[-3]
    citation = Citation(
        number=1,
        passage=chunk.text,
        source=Provenance(
            chunk_id=chunk.id,
            doc_id="long-policy",
            version_id="v1",
            version=1,
            title="Long Policy",
            source_name=path.name,
            source_path=str(path),
            section=" > ".join(chunk.section),
            page_start=None,
            page_end=None,
            position_start=chunk.position_start,
            position_end=chunk.position_end,
            char_start=chunk.char_start,
            char_end=chunk.char_end,
            approved_at="2026-01-02T10:00:00+00:00",
        ),
    )
    assert chunk.char_end > EXCERPT_LIMIT
    viewer.show_citation(citation)

    assert viewer.mode() == "text"
    assert viewer.note_text() == EXCERPT_NOTE
    assert viewer.highlighted_text() == citation.passage
    assert viewer.text_view.highlight_visible()


# -- rendering ---------------------------------------------------------------------------------
def _ink(image: QImage, left: int, top: int, right: int, bottom: int) -> int:
    """Pixels in the box that are clearly not white (text, highlight)."""
    count = 0
    for y in range(top, bottom, 3):
        for x in range(left, right, 3):
            color = image.pixelColor(x, y)
            if color.red() + color.green() + color.blue() < 600:
                count += 1
    return count


def test_viewer_renders_to_a_png_with_visible_content(viewer, demo, qtbot, tmp_path):
    citation = demo.find("falls-prevention.pdf", "return to observations every 15 minutes")
    viewer.show_citation(citation)
    view = viewer.pdf_view
    box = view.geometry()

    def page_rendered():
        image = viewer.grab().toImage()
        # Inside the page area (left half of the view, which is white paper plus text).
        assert (
            _ink(image, box.left() + 40, box.top() + 20, box.center().x(), box.bottom() - 20) > 50
        )

    qtbot.waitUntil(page_rendered, timeout=10_000)
    out = tmp_path / "viewer-pdf.png"
    assert viewer.grab().save(str(out))
    image = QImage(str(out))
    assert not image.isNull()
    assert _ink(image, 0, 0, image.width(), image.height()) > 200

    viewer.show_citation(demo.citation("hand-hygiene.md", 3))
    out = tmp_path / "viewer-text.png"
    assert viewer.grab().save(str(out))
    image = QImage(str(out))
    text_box = viewer.text_view.geometry()
    assert _ink(image, text_box.left(), text_box.top(), text_box.right(), text_box.bottom()) > 100
    # The highlight colour is there: amber pixels.
    amber = QColor("#ffd54f")
    found = any(
        image.pixelColor(x, y) == amber
        for y in range(text_box.top(), text_box.bottom(), 2)
        for x in range(text_box.left(), text_box.right(), 4)
    )
    assert found


def test_highlight_readable_in_a_dark_palette(qtbot, demo):
    widget = SourceViewer()
    qtbot.addWidget(widget)
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#202020"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#e0e0e0"))
    widget.setPalette(palette)
    widget.resize(800, 600)
    widget.show()
    citation = demo.citation("opioid-safety.txt", 3)
    widget.show_citation(citation)
    selection = widget.text_view.extraSelections()[0]
    assert selection.format.foreground().color().lightness() < 80
    assert selection.format.background().color().lightness() > 150


# -- matching helpers --------------------------------------------------------------------------
def test_fold_and_candidates():
    text, index = fold("Long\ufffe-term ﬁrst, Café!")
    assert text == "longtermfirstcafe"
    assert index[0] == 0
    phrases = candidate_phrases(["one two three four five six seven eight nine ten eleven twelve"])
    assert phrases[0].startswith("one two") and phrases[0].endswith("twelve")
    assert "one two three four five six seven eight nine ten" in phrases
    assert len(phrases) == len(set(phrases))
    assert clean_pdf_text("opioid\ufffe\r\nrelated  harm\r\n") == "opioid-related harm"


def test_search_model_row_count_needs_an_index(viewer, demo):
    """Documents the PySide6 call shape: rowCount takes a QModelIndex."""
    viewer.show_citation(
        demo.find("falls-prevention.pdf", "return to observations every 15 minutes")
    )
    assert viewer.pdf_view.search.rowCount(QModelIndex()) >= 1


@pytest.mark.slow
def test_pdf_zoom_in_out_fit_width_and_printed_size(viewer, guideline, qtbot):
    viewer.set_citations([guideline.find(CDC_GUIDELINE.name, "Opioid therapy has an important")])
    qtbot.waitUntil(lambda: viewer.mode() == "pdf", timeout=10_000)
    pdf = viewer.pdf_view
    fitted = pdf.zoom()
    assert all(button.isVisible() for button in viewer.zoom_buttons)
    qtbot.keyClick(viewer, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert pdf.zoom() == pytest.approx(fitted * 1.25, rel=0.01)
    qtbot.keyClick(viewer, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(viewer, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert pdf.zoom() == pytest.approx(fitted / 1.25, rel=0.01)
    viewer.actual_button.click()
    assert pdf.zoom() == pytest.approx(1.0)
    viewer.fit_button.click()
    assert pdf.zoom() == pytest.approx(fitted, rel=0.01)
    # the cited page stays in view at any zoom
    pdf.set_zoom(2.0)
    assert pdf.page_at_reading_line() == viewer.current_citation().source.page_start


@pytest.mark.slow
def test_a_quote_across_a_page_break_is_highlighted_on_both_pages(viewer, guideline, qtbot):
    quote = (
        "Data from death investigations in 18 states during 2003–2014 indicate that "
        "approximately 9% of suicide decedents had evidence of having chronic pain at the time "
        "of death; however, this is likely an underestimate because of the limitations of the "
        "underlying data sources used in the study (16)."
    )
    citation = guideline.find(CDC_GUIDELINE.name, "Data from death investigations")
    citation.quotes = [quote]
    viewer.set_citations([citation])
    qtbot.waitUntil(lambda: viewer.mode() == "pdf", timeout=10_000)
    match = viewer.pdf_view.match
    assert {match.page} | {page for _, page, _, _ in match.extra} == {3, 4}
    assert all(rects for _, _, rects, _ in match.extra)
    highlighted = " ".join(viewer.highlighted_text().split())
    assert folded(highlighted) == folded(quote)  # the whole quote, in order, nothing else
