"""PDF lines: each page's text split into measured lines, running headers and footers removed.

pdfium gives a page's text in content-stream order; every line is measured from a few sampled
characters (position, effective font size, font name and weight), so that the paragraph and
heading logic in pdf.py can work from styles and spacing. Lines repeated in the top or bottom
band of most pages (running headers, footers, folios) are dropped here.
"""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

from knowledge.parsing.hygiene import normalize

_LINE = re.compile(r"[^\r\n]+")
_BULLET = re.compile(r"^\s*([•▪◦●○■□–\-*]|\d{1,2}[.)]|[a-z][.)])\s+")
# Share of the page height treated as header/footer band.
_MARGIN_BAND = 0.09
# A gap between two words wider than this many times the font size is a gap between table
# cells (word spaces are about a third of it, justified ones rarely a whole one).
_CELL_GAP = 2.0
CELL_SEPARATOR = " | "
_LABEL = re.compile(r"(?:[IVXivx]{1,5}|[A-Za-z]|\d{1,2}(?:\.\d{1,2})*)[.)]?")


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
    # Style of the line's last letter. A line can open or end with an inline emphasis (an
    # italic title, a bold word): judged by first characters only, such a line started a new
    # paragraph, or even a heading.
    end_size: float = 0.0
    end_font: str = ""
    end_bold: bool = False

    @property
    def style(self) -> tuple[str, float]:
        return (self.font, self.size)

    @property
    def start_key(self) -> tuple[str, float, bool]:
        return (self.font, self.size, self.bold)

    @property
    def end_key(self) -> tuple[str, float, bool]:
        return (self.end_font, self.end_size, self.end_bold)


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


def _last_letter(text: str) -> int:
    # The end style is read from the last letter: trailing punctuation ("—") often comes from
    # a fallback font and a footnote mark ("Industry1") is a smaller superscript.
    for index in range(len(text) - 1, -1, -1):
        if text[index].isalpha():
            return index
    return len(text.rstrip()) - 1


def page_lines(page, page_number: int) -> list[Line]:
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        page_height = page.get_height()
        lines = []
        for match in _LINE.finditer(text):
            # pdfium reports a hyphen at a line end that it considers a word break as U+FFFE
            # and runs the next physical line on without a line break. Split there, so that each
            # Line is one physical line with its own position: measured as one line, the pair
            # looked like a paragraph gap to the next line and the paragraph was cut in two
            # mid-sentence. The hyphen is restored so that the hyphenation repair decides, with
            # the document's vocabulary, whether to keep it.
            pieces = match.group().split("\ufffe")
            offset = match.start()
            for number, piece in enumerate(pieces):
                start, offset = offset, offset + len(piece) + 1
                stripped = piece.lstrip()
                if not stripped.strip():
                    continue
                first = start + (len(piece) - len(stripped))
                last = start + _last_letter(piece)
                left, bottom, _right, top = textpage.get_charbox(first, loose=True)
                font, bold = _font(textpage.raw, first)
                end_font, end_bold = _font(textpage.raw, last)
                size = _effective_size(textpage.raw, first)
                end_size = _effective_size(textpage.raw, last)
                piece = _with_cells(textpage, start, piece, size)
                lines.append(
                    Line(
                        text=piece + "-" if number < len(pieces) - 1 else piece,
                        page=page_number,
                        x0=left,
                        top=page_height - top,
                        height=max(top - bottom, 1.0),
                        size=size,
                        font=font,
                        bold=bold,
                        end_size=end_size,
                        end_font=end_font,
                        end_bold=end_bold,
                    )
                )
        return lines
    finally:
        textpage.close()


def _with_cells(textpage, start: int, piece: str, size: float) -> str:
    """The line with wide gaps between words (table cells side by side) marked " | ", so a
    table row reads as a row: "First hour (0-1 hours) | Every 15 minutes"."""
    if " " not in piece.strip() or size <= 0:
        return piece
    out, last, cells = [], 0, 0
    for match in re.finditer(r"(?<=\S) +(?=\S)", piece):
        if _LABEL.fullmatch(piece[: match.start()].strip()):
            continue  # "II.   BACKGROUND": a numbered heading's tab, not a table
        before = textpage.get_charbox(start + match.start() - 1, loose=False)
        after = textpage.get_charbox(start + match.end(), loose=False)
        if after[0] - before[2] > _CELL_GAP * size and abs(after[1] - before[1]) < size:
            out.append(piece[last : match.start()])
            last = match.end()
            cells += 1
    if not cells:
        return piece
    out.append(piece[last:])
    return CELL_SEPARATOR.join(out)


def _running_key(line: Line) -> str:
    # Page numbers and dates change from page to page; the rest of a running header does not.
    # Spacing and punctuation are ignored too: the same footer is typeset "Version 2.3- September
    # 2016" on some pages and "Version 2.3 - September 2016" on others, and each variant alone
    # fell under the repeat threshold, so the footer stayed in the text of those pages.
    return re.sub(r"[^a-z#]+", "", re.sub(r"\d+", "#", normalize(line.text).lower()))


def strip_running_lines(pages: list[list[Line]], heights: list[float]) -> list[list[Line]]:
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
            if not (in_band(line, height) and counts[_running_key(line)] >= threshold)
            and not _is_folio(line, lines, height, in_band(line, height))
        ]
        kept_pages.append(kept)
    return kept_pages


_PAGE_NUMBER = re.compile(r"\s*(page\s*)?(\d{1,4}|[ivx]{1,6})(\s*(of|/)\s*\d{1,4})?\s*", re.I)


def _is_folio(line: Line, lines: list[Line], height: float, banded: bool) -> bool:
    """A bare page number ("12", "Page 3 of 4", "iv").

    Inside the header/footer band that is enough. Some layouts (the NIDDK booklet) print the
    folio well above the band; there a bare number still counts when it is the page's lowest or
    highest line and alone on its baseline, so that a number in a table row is never taken.
    """
    if not _PAGE_NUMBER.fullmatch(line.text):
        return False
    if banded:
        return True
    others = [ln for ln in lines if ln is not line]
    if any(abs(ln.top - line.top) < line.height / 2 for ln in others):
        return False
    lowest = all(ln.top < line.top for ln in others) and line.top > height * 0.75
    highest = all(ln.top > line.top for ln in others) and line.top < height * 0.25
    return lowest or highest


def body_style(pages: list[list[Line]]) -> tuple[str, float]:
    styles: Counter[tuple[str, float]] = Counter()
    for lines in pages:
        for line in lines:
            styles[line.style] += len(line.text)
    return styles.most_common(1)[0][0] if styles else ("", 10.0)
