"""Decide a file's format from its first bytes, with the extension as a tie-breaker."""

from __future__ import annotations

import zipfile

from knowledge.errors import UnsupportedFormat

_BINARY_SIGNATURES = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "a legacy Office file (.doc/.xls); save it as .docx or PDF",
    b"\x7fELF": "a program (ELF binary)",
    b"MZ": "a Windows program",
    b"\x1f\x8b": "a gzip archive",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
}


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        # UTF-16 text has NULs too; python decoding of a BOM-less UTF-16 file is a guess we
        # do not make: clinicians' text exports are UTF-8 or Latin-1 in practice.
        return not head.startswith((b"\xff\xfe", b"\xfe\xff"))
    return False


def _is_html(head: bytes) -> bool:
    start = head.lstrip()[:512].lower()
    return start.startswith((b"<!doctype html", b"<html")) or b"<html" in start[:256]


def sniff_format(head: bytes, suffix: str, supported: dict[str, str]) -> str:
    """Return the parser name for these leading bytes; raise UnsupportedFormat with a reason."""
    # pdfium accepts a PDF header anywhere in the first 1024 bytes, but only a file named .pdf
    # gets that leeway: a text note that quotes "%PDF-1.7" near its top is still text.
    if head.startswith(b"%PDF-") or (suffix == ".pdf" and b"%PDF-" in head[:1024]):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if suffix == ".docx" or _zip_is_docx_hint(head):
            return "docx"
        raise UnsupportedFormat("a ZIP archive, not a supported document; unpack it first")
    for signature, what in _BINARY_SIGNATURES.items():
        if head.startswith(signature):
            raise UnsupportedFormat(f"this is {what}, not a supported document")
    claimed = supported.get(suffix)
    if claimed in {"pdf", "docx"}:
        raise UnsupportedFormat(
            f"named {suffix} but the content is not a {claimed.upper()} file "
            "(wrong extension, or the file is damaged)"
        )
    if _looks_binary(head):
        raise UnsupportedFormat("binary content, not a text document")
    if claimed == "html" or _is_html(head):
        return "html"
    if claimed in {"markdown", "text"}:
        return claimed
    raise UnsupportedFormat(
        f"unsupported file type {suffix or '(no extension)'}; "
        "supported: PDF, DOCX, HTML, Markdown, TXT"
    )


def _zip_is_docx_hint(head: bytes) -> bool:
    # The first local file header of a .docx usually names [Content_Types].xml or word/.
    return b"[Content_Types].xml" in head or b"word/" in head


def is_docx_archive(path) -> bool:
    """Full check used by the DOCX parser: a ZIP that contains word/document.xml."""
    try:
        with zipfile.ZipFile(path) as zf:
            return "word/document.xml" in zf.namelist()
    except (zipfile.BadZipFile, OSError):
        return False
