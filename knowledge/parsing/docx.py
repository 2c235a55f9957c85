"""DOCX parser (python-docx).

Body paragraphs and tables are read in document order, so a table appears where it sits in
the text. Headings come from paragraph styles (Heading 1-9, Title, styles based on them, or an
explicit outline level); list items from list styles or Word numbering. `position` is the
1-based ordinal of the paragraph or table among the body's children, empty paragraphs
included, so it stays stable whatever we decide to skip.
"""

from __future__ import annotations

import re
import zipfile
from datetime import datetime
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from knowledge.document import Block, BlockKind, ParsedDocument
from knowledge.errors import CorruptFile, FileTooLarge, IngestError
from knowledge.parsing.hygiene import clean_block, fallback_title, push_heading, table_text

# What a Word file may unpack to. A 500-page policy's XML is a few tens of MB; a ZIP bomb (1 MB
# that unpacks to 420 MB of XML) is stopped while it is being counted, before python-docx
# would read it whole into memory.
MAX_UNPACKED_BYTES = 150_000_000
_READ = 1 << 20

_HEADING_STYLE = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)
_METADATA_FIELDS = ("author", "subject", "keywords", "category", "language", "last_modified_by")


def parse_docx(path: Path) -> ParsedDocument:
    _check_container(path)
    try:
        document = docx.Document(str(path))
        blocks = _blocks(document)
        props = document.core_properties
        meta = _metadata(props)
        declared_title = props.title
    except Exception as exc:  # python-docx and lxml raise many types; report one clear reason
        raise CorruptFile(f"not a valid DOCX file: {_reason(exc)}") from exc
    first_heading = next((b.text for b in blocks if b.kind is BlockKind.HEADING), None)
    first_text = blocks[0].text if blocks else None
    title = fallback_title(declared_title, first_heading, first_text, path.stem)
    return ParsedDocument(title=title, format="docx", blocks=blocks, metadata=meta)


def _check_container(path: Path) -> None:
    """Fail early, with a precise reason, on damaged ZIPs and ZIPs that are not Word files."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            _check_unpacked_size(archive)
    except IngestError:
        raise
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from exc
    except Exception as exc:  # BadZipFile, EOFError, ValueError...: all mean a broken ZIP
        raise CorruptFile(
            "not a valid DOCX file: the ZIP container is damaged or truncated"
        ) from exc
    if "word/document.xml" not in names:
        raise CorruptFile("not a valid DOCX file: the archive has no word/document.xml")


def _check_unpacked_size(archive: zipfile.ZipFile, limit: int = MAX_UNPACKED_BYTES) -> None:
    """Count what the archive's XML (what python-docx reads into memory; pictures are not
    parsed) unpacks to, a megabyte at a time, since the sizes its directory declares can lie;
    stop at the limit."""
    xml = [i for i in archive.infolist() if i.filename.lower().endswith((".xml", ".rels"))]
    if sum(info.file_size for info in xml) > limit:  # declared: no unpacking needed
        raise _too_large(limit)
    total = 0
    for info in xml:
        with archive.open(info) as member:
            while chunk := member.read(_READ):
                total += len(chunk)
                if total > limit:
                    raise _too_large(limit)


def _too_large(limit: int) -> FileTooLarge:
    return FileTooLarge(
        f"the DOCX's text unpacks to more than {limit // 1_000_000} MB: it is not a document a "
        'library holds (a compressed "ZIP bomb" looks like this); not read'
    )


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text and text[0] else type(exc).__name__


def _blocks(document: WordDocument) -> list[Block]:
    blocks: list[Block] = []
    headings: list[tuple[int, str]] = []
    section: tuple[str, ...] = ()
    for ordinal, item in enumerate(document.iter_inner_content(), start=1):
        if isinstance(item, Table):
            text = _table_text(item)
            if text:
                blocks.append(Block(text, BlockKind.TABLE, section, position=ordinal))
            continue
        text = clean_block(item.text)
        if not text:
            continue
        level = _heading_level(item)
        if level:
            section = push_heading(headings, level, text)
            blocks.append(Block(text, BlockKind.HEADING, section, position=ordinal, level=level))
        else:
            kind = BlockKind.LIST_ITEM if _is_list_item(item) else BlockKind.PARAGRAPH
            blocks.append(Block(text, kind, section, position=ordinal))
    return blocks


def _style_chain(paragraph: Paragraph):
    """The paragraph's style followed by the styles it is based on (custom headings)."""
    style = paragraph.style
    seen = 0
    while style is not None and seen < 10:  # guard against a cyclic based-on chain
        yield style
        style = style.base_style
        seen += 1


def _heading_level(paragraph: Paragraph) -> int:
    for style in _style_chain(paragraph):
        name = (style.name or "").strip()
        match = _HEADING_STYLE.match(name)
        if match:
            return int(match.group(1))
        if name.lower() == "title":
            return 1
    # Some generators mark headings only with a direct outline level (0-based, 9 = body text).
    ppr = paragraph._p.pPr
    outline = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
    if outline is not None:
        value = outline.get(qn("w:val"), "")
        if value.isdigit() and int(value) < 9:
            return int(value) + 1
    return 0


def _is_list_item(paragraph: Paragraph) -> bool:
    ppr = paragraph._p.pPr
    if ppr is not None and ppr.numPr is not None:
        return True
    for style in _style_chain(paragraph):
        if (style.name or "").lower().startswith("list"):
            return True
        style_ppr = style.element.pPr
        if style_ppr is not None and style_ppr.numPr is not None:
            return True
    return False


def _table_text(table: Table) -> str:
    rows: list[list[str]] = []
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            # A cell spanning several grid columns is returned once per column: keep one.
            if cell._tc is not previous:
                cells.append(cell.text)
            previous = cell._tc
        rows.append(cells)
    return table_text(rows)


def _metadata(props) -> dict[str, str]:
    meta: dict[str, str] = {}
    for name in _METADATA_FIELDS:
        value = clean_block(str(getattr(props, name, "") or ""))
        if value:
            meta[name] = value
    for name in ("created", "modified"):
        value = getattr(props, name, None)
        if isinstance(value, datetime):
            meta[name] = value.isoformat()
    return meta
