"""Turn a file into a `ParsedDocument`, choosing the parser from the file's real content.

The extension is a hint, never trusted alone: a PDF renamed to .txt is parsed as a PDF, and a
binary file named .txt is refused with a clear reason.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from knowledge.document import ParsedDocument
from knowledge.errors import (
    CorruptFile,
    EmptyFile,
    FileTooLarge,
    IngestError,
    NoTextFound,
    UnsupportedFormat,
)
from knowledge.parsing.checklist import clean_checklists
from knowledge.parsing.sniff import sniff_format

# A line of a text or Markdown file longer than this is not prose (a data dump, minified code,
# base64): a 5 MB single-line file once became 4,500 chunks of noise. HTML is parsed as markup,
# where one long line is normal.
MAX_LINE_CHARS = 100_000
_LINE_FORMATS = ("text", "markdown")

SUPPORTED_SUFFIXES = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
}


def _parser_for(fmt: str) -> Callable[[Path], ParsedDocument]:
    # Imported lazily: a PDF-only batch never pays for lxml or python-docx start-up.
    if fmt == "pdf":
        from knowledge.parsing.pdf import parse_pdf

        return parse_pdf
    if fmt == "docx":
        from knowledge.parsing.docx import parse_docx

        return parse_docx
    if fmt == "html":
        from knowledge.parsing.html import parse_html

        return parse_html
    if fmt == "markdown":
        from knowledge.parsing.markdown import parse_markdown

        return parse_markdown
    if fmt == "text":
        from knowledge.parsing.text import parse_text

        return parse_text
    raise UnsupportedFormat(f"no parser for format {fmt!r}")


def detect_format(path: Path, max_bytes: int) -> str:
    """Check size and content, and return the format name; raise an IngestError otherwise."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from exc
    if size == 0:
        raise EmptyFile("file is empty (0 bytes)")
    if size > max_bytes:
        raise FileTooLarge(
            f"file is {_megabytes(size)} MB, over the {_megabytes(max_bytes)} MB limit "
            "(setting ingest.max_file_mb)"
        )
    try:
        with path.open("rb") as fh:
            head = fh.read(8192)
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from exc
    return sniff_format(head, path.suffix.lower(), SUPPORTED_SUFFIXES)


def _check_line_lengths(path: Path, limit: int = MAX_LINE_CHARS) -> None:
    try:
        with path.open("rb") as fh:
            longest = max((len(line) for line in fh), default=0)
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from exc
    if longest > limit:
        raise FileTooLarge(
            f"a line of {longest:,} characters, over the {limit:,} a line a document's text "
            "has: this looks like data or code, not a policy; not read"
        )


def _megabytes(n: int) -> str:
    # Three significant digits: with a fixed ".0f" a 0.01 MB limit read "over the 0 MB limit",
    # and a 48 kB file over it "file is 0.0 MB".
    return f"{n / 1e6:.0f}" if n >= 10_000_000 else f"{n / 1e6:.3g}"


def parse_file(path: Path, max_bytes: int = 200_000_000) -> ParsedDocument:
    """Parse one file. Raises an IngestError subclass with a one-line reason on failure."""
    fmt = detect_format(path, max_bytes)
    if fmt in _LINE_FORMATS:
        _check_line_lengths(path)
    try:
        doc = _parser_for(fmt)(path)
    except IngestError:
        raise
    except Exception as exc:  # noqa: BLE001 - a parser choking on one file must not stop a batch
        raise CorruptFile(f"could not be read as {fmt}: {type(exc).__name__}") from exc
    doc.blocks = clean_checklists(doc.blocks, renumber_pages=doc.format == "pdf")
    if not any(block.text.strip() for block in doc.blocks):
        if fmt == "pdf":
            raise NoTextFound(
                "no extractable text: this looks like a scanned (image-only) PDF; "
                "run it through OCR first and ingest the searchable PDF"
            )
        raise NoTextFound("no text found in the file")
    return doc
