"""PDF parsing with pypdfium2: text by page, in reading order, with headings and sections.

pdfium returns each page's text in content-stream order, which for the layouts we see
(InDesign, Word exports, two-column MMWR) is column order. We split it into lines, measure each
line from a few sampled characters (position, effective font size, weight), drop running
headers and footers, rebuild paragraphs from line spacing, and take the section path from the
PDF outline when it has one, or from font-size headings when it does not.
"""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from knowledge.document import Block, BlockKind, ParsedDocument
from knowledge.errors import CorruptFile, EncryptedFile
from knowledge.parsing.hygiene import join_lines, normalize, repair_hyphenation
from knowledge.parsing.pdf_outline import SectionTracker, read_outline

_LINE = re.compile(r"[^\r\n]+")
_BULLET = re.compile(r"^\s*([•▪◦●○■□–\-*]|\d{1,2}[.)]|[a-z][.)])\s+")
# Share of the page height treated as header/footer band.
_MARGIN_BAND = 0.09


@dataclass(slots=True)
class Line:
    text: str
    page: int  # 1-based
    x0: float
    top: float  # distance from the top of the page, in points
    height: float
    size: float  # effective font size in points
    font: str
    bold: bool

    @property
    def style(self) -> tuple[str, float]:
        return (self.font, self.size)


_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi|[-,]bd\b|-bd", re.I)


def _effective_size(textpage_raw, index: int) -> float:
    # Many PDFs (InDesign) set font size 1 and scale with the text matrix: multiply back.
    matrix = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFText_GetMatrix(textpage_raw, index, ctypes.byref(matrix))
    scale = abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
    return round(pdfium_c.FPDFText_GetFontSize(textpage_raw, index) * (scale or 1.0), 1)


def _font(textpage_raw, index: int) -> tuple[str, bool]:
    buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    pdfium_c.FPDFText_GetFontInfo(textpage_raw, index, buffer, 128, ctypes.byref(flags))
    name = buffer.value.decode("latin-1", "replace").split("+")[-1]
    weight = pdfium_c.FPDFText_GetFontWeight(textpage_raw, index)
    return name, weight >= 600 or bool(_BOLD_NAME.search(name))


def _page_lines(page, page_number: int) -> list[Line]:
    textpage = page.get_textpage()
    try:
        # pdfium marks a hyphen it joined at a line end as U+FFFE: restore the break so the
        # hyphenation repair decides, with the document's vocabulary, whether to keep it.
        text = textpage.get_text_range()
        page_height = page.get_height()
        lines = []
        for match in _LINE.finditer(text):
            content = match.group()
            stripped = content.lstrip()
            if not stripped.strip():
                continue
            first = match.start() + (len(content) - len(stripped))
            left, bottom, _right, top = textpage.get_charbox(first, loose=True)
            font, bold = _font(textpage.raw, first)
            lines.append(
                Line(
                    text=content.replace("\ufffe", "-\n"),
                    page=page_number,
                    x0=left,
                    top=page_height - top,
                    height=max(top - bottom, 1.0),
                    size=_effective_size(textpage.raw, first),
                    font=font,
                    bold=bold,
                )
            )
        return lines
    finally:
        textpage.close()


def _running_key(line: Line) -> str:
    # Page numbers and dates change from page to page; the rest of a running header does not.
    return re.sub(r"\d+", "#", normalize(line.text)).strip().lower()


def _strip_running_lines(pages: list[list[Line]], heights: list[float]) -> list[list[Line]]:
    """Remove lines in the top/bottom band that repeat on many pages, and bare page numbers."""

    def in_band(line: Line, height: float) -> bool:
        return line.top < height * _MARGIN_BAND or line.top > height * (1 - _MARGIN_BAND)

    counts: Counter[str] = Counter()
    for lines, height in zip(pages, heights, strict=True):
        counts.update({_running_key(ln) for ln in lines if in_band(ln, height)})
    threshold = max(3, int(0.3 * len(pages)))
    kept_pages = []
    for lines, height in zip(pages, heights, strict=True):
        kept = [
            line
            for line in lines
            if not in_band(line, height)
            or (counts[_running_key(line)] < threshold and not _PAGE_NUMBER.fullmatch(line.text))
        ]
        kept_pages.append(kept)
    return kept_pages


_PAGE_NUMBER = re.compile(r"\s*(page\s*)?\d{1,4}(\s*(of|/)\s*\d{1,4})?\s*", re.I)


def _body_style(pages: list[list[Line]]) -> tuple[str, float]:
    styles: Counter[tuple[str, float]] = Counter()
    for lines in pages:
        for line in lines:
            styles[line.style] += len(line.text)
    return styles.most_common(1)[0][0] if styles else ("", 10.0)


def _starts_new_paragraph(prev: Line, line: Line) -> bool:
    if line.style != prev.style or line.bold != prev.bold:
        return True
    if line.page != prev.page:
        # A paragraph may run on across a page break unless the last one ended a sentence.
        return prev.text.rstrip().endswith((".", ":", "?", "!"))
    gap = line.top - prev.top
    if gap < 0 or gap > max(prev.height, line.height) * 1.5:
        return True  # new column, or blank space between paragraphs
    if _BULLET.match(line.text):
        return True
    # An indented first line after a line that ended a sentence.
    return line.x0 > prev.x0 + 8 and prev.text.rstrip().endswith((".", ":"))


@dataclass(slots=True)
class _Para:
    lines: list[Line]
    text: str = ""
    heading: bool = False


_HEADING_START = re.compile(r"^([A-Z]|[IVX]+\.\s|[A-Z]\.\s)")


def _looks_like_heading(para: _Para, body: tuple[str, float]) -> bool:
    first = para.lines[0]
    text = para.text
    if not re.search(r"[A-Za-z]{2}", text) or len(text) > 150:
        return False
    if first.size >= body[1] * 1.2:
        return True
    # At body size a heading differs in weight or typeface, is short, and reads like a title.
    styled = first.bold or first.font != body[0]
    return (
        styled
        and first.size >= body[1] * 0.98
        and len(para.lines) <= 2
        and len(text) <= 90
        and bool(_HEADING_START.match(text))
        and not text.endswith((".", ",", ";", ":"))
    )


def _paragraphs(lines: list[Line], body: tuple[str, float]) -> list[_Para]:
    paras: list[_Para] = []
    for line in lines:
        if paras and not _starts_new_paragraph(paras[-1].lines[-1], line):
            paras[-1].lines.append(line)
        else:
            paras.append(_Para([line]))
    vocabulary = _vocabulary(lines)
    for para in paras:
        raw = normalize("\n".join(line.text for line in para.lines))
        para.text = join_lines(repair_hyphenation(raw, vocabulary))
        para.heading = _looks_like_heading(para, body)
    return [p for p in paras if p.text]


def _vocabulary(lines: list[Line]) -> set[str]:
    words: set[str] = set()
    for line in lines:
        words.update(re.findall(r"[a-z]{2,}", line.text.lower()))
    return words


def _heading_levels(paras: list[_Para]) -> dict[float, int]:
    sizes = sorted({p.lines[0].size for p in paras if p.heading}, reverse=True)
    return {size: min(i + 1, 6) for i, size in enumerate(sizes)}


def _open(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise EncryptedFile(
                "the PDF is password-protected; save an unprotected copy and ingest that"
            ) from exc
        raise CorruptFile(f"not a readable PDF (damaged or truncated): {exc}") from exc


def _title(pdf: pdfium.PdfDocument, paras: list[_Para], path: Path) -> str:
    meta_title = normalize(pdf.get_metadata_dict().get("Title", "") or "").strip()
    if len(meta_title) > 3 and not re.search(r"\.(docx?|indd|pdf)$|^untitled", meta_title, re.I):
        return meta_title
    first_heading = next((p.text for p in paras if p.heading and len(p.text) > 3), "")
    return first_heading or path.stem.replace("_", " ").replace("-", " ")


def parse_pdf(path: Path) -> ParsedDocument:
    pdf = _open(path)
    try:
        pages: list[list[Line]] = []
        heights: list[float] = []
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                heights.append(page.get_height())
                pages.append(_page_lines(page, index + 1))
            except pdfium.PdfiumError as exc:
                raise CorruptFile(f"page {index + 1} cannot be read: {exc}") from exc
            finally:
                page.close()
        pages = _strip_running_lines(pages, heights)
        body = _body_style(pages)
        paras = _paragraphs([line for lines in pages for line in lines], body)
        levels = _heading_levels(paras)
        tracker = SectionTracker(read_outline(pdf))
        blocks = _blocks(paras, levels, tracker)
        return ParsedDocument(
            title=_title(pdf, paras, path),
            format="pdf",
            blocks=blocks,
            page_count=len(pdf),
            position_unit="block",
            metadata={k: normalize(v) for k, v in pdf.get_metadata_dict().items() if v},
        )
    finally:
        pdf.close()


def _blocks(paras: list[_Para], levels: dict[float, int], tracker: SectionTracker) -> list[Block]:
    blocks: list[Block] = []
    position_on_page: Counter[int] = Counter()
    for para in paras:
        text = para.text
        if not text:
            continue
        page = para.lines[0].page
        tracker.advance_to_page(page)
        kind = BlockKind.PARAGRAPH
        level = 0
        if para.heading:
            kind, level = BlockKind.HEADING, levels.get(para.lines[0].size, 6)
            tracker.on_heading(text, level)
        elif _BULLET.match(para.lines[0].text):
            kind = BlockKind.LIST_ITEM
        position_on_page[page] += 1
        blocks.append(
            Block(
                text=text,
                kind=kind,
                section=tracker.path,
                page=page,
                position=position_on_page[page],
                level=level,
            )
        )
        # A paragraph that runs on to the next page starts on one page and ends on the next;
        # the chunk's page range must include both.
        if para.lines[-1].page != page:
            blocks[-1] = replace(blocks[-1], end_page=para.lines[-1].page)
    return blocks
