"""PDF parsing with pypdfium2: text by page, in reading order, with headings and sections.

pdfium returns each page's text in content-stream order, which for the layouts we see
(InDesign, Word exports, two-column MMWR) is column order. We split it into lines, measure each
line from a few sampled characters (position, effective font size, weight), drop running
headers and footers, rebuild paragraphs from line spacing, and take the section path from the
PDF outline when it has one, or from font-size headings when it does not.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from knowledge.document import Block, BlockKind, ParsedDocument
from knowledge.errors import CorruptFile, EncryptedFile
from knowledge.parsing.hygiene import join_lines, normalize
from knowledge.parsing.pdf_footnotes import in_reading_order
from knowledge.parsing.pdf_lines import (
    _BULLET,
    CELL_SEPARATOR,
    Line,
    body_style,
    page_lines,
    strip_running_lines,
)
from knowledge.parsing.pdf_outline import SectionTracker, read_outline


def _style_changes(prev: Line, line: Line) -> bool:
    """Whether the text style changes between two lines enough to start a new paragraph.

    Lines that touch in style run on: this line opens in the style the last one ended in (an
    italic title running over the break), opens like the last one did (the last one merely
    ended on a bold word: "have **one** / of the following"), or ends in the style the last
    one ended in (it only opens with an emphasis).
    """
    if line.start_key in (prev.end_key, prev.start_key) or line.end_key == prev.end_key:
        return False
    # Only the face changes within one family (roman to italic), at the same size and weight,
    # in the middle of a sentence: an italic title that fills a line of its own ("Another tool
    # is the / Infection Prevention Checklist for Outpatient Settings / (Appendix A), ...") is
    # still the same paragraph. A change of typeface (Garamond body, Helvetica heading) is not.
    same_look = (
        line.size == prev.end_size
        and line.bold == prev.end_bold
        and _same_family(line.font, prev.end_font)
    )
    return not same_look or _ends_sentence(prev)


def _same_family(a: str, b: str) -> bool:
    # "AGaramondPro-Regular" / "AGaramondPro-Italic"; "TimesNewRomanPSMT" / "TimesNewRomanPS-It"
    base_a, base_b = a.split("-")[0], b.split("-")[0]
    return bool(base_a and base_b) and (base_a.startswith(base_b) or base_b.startswith(base_a))


def _ends_sentence(line: Line) -> bool:
    return line.text.rstrip().endswith((".", ":", "?", "!"))


def _runs_on(prev: Line) -> bool:
    """Whether a paragraph can run on from this line to the next page or column.

    Not after a finished sentence, and not from bold text: short bold lines at the foot of a
    page (a cover's "April 2022 / Clinical Pharmacology") are headings or labels, not a
    sentence cut by the break.
    """
    return not _ends_sentence(prev) and not (prev.bold and prev.end_bold)


def _starts_item(prev: Line, line: Line) -> bool:
    """Whether a line that opens with a bullet or enumerator really starts a list item.

    A symbol bullet always does. "2)" or "3." at the start of a line can also be an inline
    enumeration wrapped there ("Standard Precautions include: 1) hand hygiene, / 2) use of
    personal protective equipment"): it starts an item only after a finished sentence or
    clause, under another enumerated line, or when it hangs left of the line before.
    """
    if not _ENUMERATOR.match(line.text) or line.page != prev.page or line.top < prev.top:
        return True  # a symbol bullet, or an enumerator at the top of a page or column
    return (
        prev.text.rstrip().endswith((".", ":", ";", "?", "!"))
        or bool(_ANY_ENUMERATOR.match(prev.text))
        or line.x0 < prev.x0 - 4
    )


_ENUMERATOR = re.compile(r"^\s*(\d{1,2}[.)]|[a-z][.)])\s+")
_ANY_ENUMERATOR = re.compile(r"^\s*([•▪◦●○■□–\-*]|(\d{1,2}|[A-Za-z]|[ivxIVX]{1,4})[.)])\s+")


def _starts_new_paragraph(prev: Line, line: Line, leading: float = 0.0) -> bool:
    """`leading` is the line spacing so far in the paragraph `prev` ends (0 when unknown)."""
    if _style_changes(prev, line):
        return True
    # A bullet starts an item, also at the top of a page or column: checked first so that a
    # list running on to the next page keeps its items apart.
    if _BULLET.match(line.text) and _starts_item(prev, line):
        return True
    if line.page != prev.page:
        # A paragraph may run on across a page break unless the last one ended a sentence.
        return not _runs_on(prev)
    gap = line.top - prev.top
    if gap < 0 and line.x0 > prev.x0 + _COLUMN_SHIFT:
        # Up and to the right: the top of the next column. Like a page break, a paragraph runs
        # on unless the last line ended a sentence (two-column MMWR pages otherwise cut every
        # paragraph, and the sentence across the break, in two).
        return not _runs_on(prev)
    if gap < 0 or gap > max(prev.height, line.height) * 1.5:
        return True  # back up the page (a box, a figure), or blank space between paragraphs
    if leading and gap > leading * 1.3:
        # Extra space, less than a blank line, between paragraphs in the same style (MMWR's
        # back-page notices): it used to be caught only when the styles happened to differ.
        return True
    # An indented first line after a line that ended a sentence.
    return line.x0 > prev.x0 + 8 and prev.text.rstrip().endswith((".", ":"))


# How far right (points) the next line must start to count as the next column.
_COLUMN_SHIFT = 100


@dataclass(slots=True)
class _Para:
    lines: list[Line]
    text: str = ""
    heading: bool = False


_DOT_LEADER = re.compile(r"\.{4,}|(\. ){4,}")
# A heading starts with a capital, a Roman or letter numeral ("II. ", "B. ", "a. Peak ..."), or
# a section number ("2. Pilot Study", "5.1 When to assess"): numbered headings at body size
# were missed, so their outline entry only took effect at the end of the page.
_HEADING_START = re.compile(
    r"^([A-Z]|[IVX]+\.\s|[A-Za-z]\.\s+[A-Z]|\d{1,2}(\.\d{1,2})*\.?\s+[A-Z])"
)


def _looks_like_heading(para: _Para, body: tuple[str, float]) -> bool:
    first = para.lines[0]
    text = para.text
    if not re.search(r"[A-Za-z]{2}", text) or len(text) > 150 or _DOT_LEADER.search(text):
        return False  # no words, too long, or a table-of-contents entry ("II. BACKGROUND ....2")
    if any(ln.font != ln.end_font or ln.bold != ln.end_bold for ln in para.lines):
        # Mixed typefaces: running text that opens with an emphasised phrase, not a heading.
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
        if paras and not _starts_new_paragraph(
            paras[-1].lines[-1], line, _leading(paras[-1].lines)
        ):
            paras[-1].lines.append(line)
        else:
            paras.append(_Para([line]))
    lexicon = _lexicon(lines)
    for para in paras:
        # A table row (cells marked " | ") keeps a line of its own; other lines run on.
        rows = _row_groups(para.lines)
        para.text = "\n".join(
            join_lines(_repair_breaks(normalize("\n".join(ln.text for ln in group)), lexicon))
            for group in rows
        ).strip()
        para.heading = CELL_SEPARATOR not in para.text and _looks_like_heading(para, body)
    return [p for p in paras if p.text]


def _row_groups(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped so that each line with table cells starts a group of its own (a cell
    wrapped onto the next line stays with its row)."""
    groups: list[list[Line]] = []
    for line in lines:
        if groups and CELL_SEPARATOR in line.text and _wrapped_first_cell(groups[-1]):
            groups[-1].append(line)  # "1 to 2 hours after the / start of a meal | < 180"
        elif not groups or CELL_SEPARATOR in line.text:
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def _wrapped_first_cell(group: list[Line]) -> bool:
    """A single line without cells or a sentence end, just before a row: the start of the
    row's first cell, wrapped."""
    text = group[0].text.strip()
    return (
        len(group) == 1
        and CELL_SEPARATOR not in text
        and not text.endswith((".", ":", ";", "?", "!"))
    )


def _leading(lines: list[Line]) -> float:
    """Line spacing between the last two lines of a paragraph, if they share a column."""
    if len(lines) < 2:
        return 0.0
    before, last = lines[-2], lines[-1]
    gap = last.top - before.top
    same_column = before.page == last.page and abs(before.x0 - last.x0) < _COLUMN_SHIFT
    return gap if same_column and gap > 0 else 0.0


@dataclass(slots=True)
class _Lexicon:
    words: set[str]  # lower-case words of the document
    compounds: set[tuple[str, str]]  # neighbouring parts of hyphenated words ("meta", "analysis")


def _lexicon(lines: list[Line]) -> _Lexicon:
    """What the document writes outside line-end breaks, to decide how to mend a break.

    The pieces around a break ("organi-" / "zations") are left out: counted as words, they made
    every broken word look like a compound of two known words, and the hyphen was kept
    ("organi-zations", "manage-ment").
    """
    kept: list[str] = []
    broken_before = False
    for text in normalize("\n".join(line.text for line in lines)).lower().split("\n"):
        broken_after = text.endswith(_HYPHENS)
        if broken_after:
            text = re.sub(r"[a-z0-9]*[-\u2010\u2011]$", "", text)
        if broken_before:
            text = re.sub(r"^[a-z0-9]+", "", text)
        kept.append(text)
        broken_before = broken_after
    text = "\n".join(kept)
    compounds: set[tuple[str, str]] = set()
    for compound in re.findall(r"[a-z]+(?:[-\u2010\u2011][a-z]+)+", text):
        parts = re.split(r"[-\u2010\u2011]", compound)
        compounds.update(zip(parts, parts[1:], strict=False))
    return _Lexicon(set(re.findall(r"[a-z]{2,}", text)), compounds)


_HYPHENS = ("-", "\u2010", "\u2011")
_LINE_BREAK_HYPHEN = re.compile(r"([A-Za-z0-9]+)[-\u2010\u2011]\n([A-Za-z0-9]+)")
# "short- and long-term": a hyphen left hanging before a conjunction keeps its space.
_SUSPENDED = {"and", "or", "nor", "to", "versus", "vs"}


def _repair_breaks(text: str, lexicon: _Lexicon) -> str:
    """Mend words hyphenated at a line end, using how the document writes them elsewhere.

    Replaces hygiene.repair_hyphenation for PDFs, whose rule (join unless both halves are
    words, and always join after a two-letter half) made "quality-of-/life" "qualityoflife" and
    "guideline-/concordant" "guidelineconcordant", and left "DOSE-/DUMPING" as "DOSE- DUMPING".
    """

    def mend(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        low_left, low_right = left.lower(), right.lower()
        if low_right in _SUSPENDED:
            return f"{left}- {right}"
        if not right[0].islower() or not left.isalpha():
            return f"{left}-{right}"  # "COVID-/19", "Transmission-/Based", "75-/mg"
        if low_left + low_right in lexicon.words:
            return left + right  # "manage-/ment": the document writes "management"
        if (low_left, low_right) in lexicon.compounds:
            return f"{left}-{right}"  # "meta-/analysis" is written so elsewhere
        if low_left in lexicon.words or low_right in lexicon.words:
            return f"{left}-{right}"  # a compound of known words: "guideline-/concordant"
        return left + right  # "organi-/zations": neither half is a word of the document

    return _LINE_BREAK_HYPHEN.sub(mend, text)


def _heading_levels(paras: list[_Para]) -> dict[float, int]:
    sizes = sorted({p.lines[0].size for p in paras if p.heading}, reverse=True)
    return {size: min(i + 1, 6) for i, size in enumerate(sizes)}


def _open(path: Path) -> pdfium.PdfDocument:
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise EncryptedFile(
                "the PDF is password-protected; save an unprotected copy and ingest that"
            ) from exc
        raise CorruptFile(f"not a readable PDF (damaged or truncated): {exc}") from exc
    if _truncated(pdf, path):
        pdf.close()
        raise CorruptFile(
            "the PDF is incomplete: the file ends early (an interrupted download or copy?); "
            "get a complete copy and ingest that"
        )
    return pdf


def _truncated(pdf: pdfium.PdfDocument, path: Path) -> bool:
    """Whether pdfium only opened the file by piecing together what is left of a cut-off PDF.

    pdfium rebuilds a missing cross-reference table from the objects that survive and then
    shows pages whose content is gone as blank pages, without any error (the opioid guideline
    cut to 97% of its bytes opens with all 100 pages, pages 77-78 empty). Parsing that would
    store part of a document as if it were all of it. A rebuilt table alone is common and
    harmless in complete files, so a file is refused only when its end-of-file marker is
    missing as well.
    """
    if pdfium_c.FPDF_DocumentHasValidCrossReferenceTable(pdf.raw):
        return False
    with path.open("rb") as fh:
        fh.seek(0, 2)
        fh.seek(max(0, fh.tell() - 2048))
        return b"%%EOF" not in fh.read()


def _title(pdf: pdfium.PdfDocument, paras: list[_Para], path: Path) -> str:
    meta_title = normalize(pdf.get_metadata_dict().get("Title", "") or "").strip()
    if len(meta_title) > 3 and not re.search(r"\.(docx?|indd|pdf)$|^untitled", meta_title, re.I):
        return meta_title
    first_heading = next((p.text for p in paras if p.heading and len(p.text) > 3), "")
    return first_heading or path.stem.replace("_", " ").replace("-", " ")


def _page_labels(pdf: pdfium.PdfDocument) -> dict[int, str]:
    """Printed page labels that differ from the physical page number (1-based keys)."""
    labels = {}
    for index in range(len(pdf)):
        label = normalize(pdf.get_page_label(index) or "").strip()
        if label and label != str(index + 1):
            labels[index + 1] = label[:20]
    return labels


def parse_pdf(path: Path) -> ParsedDocument:
    pdf = _open(path)
    try:
        pages: list[list[Line]] = []
        heights: list[float] = []
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                heights.append(page.get_height())
                pages.append(page_lines(page, index + 1))
            except pdfium.PdfiumError as exc:
                raise CorruptFile(f"page {index + 1} cannot be read: {exc}") from exc
            finally:
                page.close()
        pages = strip_running_lines(pages, heights)
        body = body_style(pages)
        paras = _paragraphs(in_reading_order(pages, body[1], _runs_on), body)
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
            page_labels=_page_labels(pdf),
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
        if para.heading or (len(text) <= 150 and tracker.is_pending_title(text)):
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
