"""Text clean-up shared by every parser: Unicode normalisation, whitespace, hyphenation."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_SOFT_HYPHEN = "\u00ad"
# A hyphen at the end of a line, followed by the rest of the word on the next line.
_LINE_END_HYPHEN = re.compile(r"(\w+)[-\u2010\u2011][ \t]*\n\s*(\w+)")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def normalize(text: str) -> str:
    """NFKC (ligatures, full-width forms), no control characters, single spaces per line."""
    text = unicodedata.normalize("NFKC", text.replace(_SOFT_HYPHEN, ""))
    text = _CONTROL.sub("", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(lines)


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Whole words of the bundled model's WordPiece vocabulary (~20k common English words)."""
    try:
        from knowledge.embedding import bundled_model_dir

        lines = (bundled_model_dir() / "vocab.txt").read_text(encoding="utf-8").splitlines()
    except (ImportError, OSError):
        return frozenset()
    return frozenset(w for w in lines if w.isalpha() and not w.startswith("##"))


def _dehyphenate(match: re.Match[str]) -> str:
    left, right = match.group(1), match.group(2)
    words = english_words()
    if not right[0].islower():
        return f"{left}-{right}"  # "COVID-19", "follow-Up": a real hyphen
    if (left + right).lower() in words:
        return left + right  # "substi-tute"
    if left.lower() in words and right.lower() in words:
        return f"{left}-{right}"  # "follow-up", "well-being"
    return left + right  # a rare word broken at the line end ("pharmaco-logic")


def join_lines(text: str) -> str:
    """Repair line-end hyphenation with a dictionary, then fold hard line breaks into spaces."""
    text = _LINE_END_HYPHEN.sub(_dehyphenate, text)
    return " ".join(part.strip() for part in text.split("\n") if part.strip())


def clean_block(text: str) -> str:
    """normalize + join_lines: the standard treatment for a paragraph of extracted text."""
    return join_lines(normalize(text))


# --- Helpers shared by the DOCX, HTML, Markdown and text parsers -------------------------------

# Decoded text with more than this share of control or replacement characters is binary data.
_BINARY_RATIO = 0.03
_BAD_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
# WHATWG: pages declaring Latin-1 or ASCII are really Windows-1252 in practice.
_CHARSET_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
}


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Bytes to str without ever raising: BOM, declared charset, UTF-8, then Windows-1252."""
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    candidates = [_CHARSET_ALIASES.get(declared.lower(), declared)] if declared else []
    for codec in [*candidates, "utf-8"]:
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    # UTF-8 with a few damaged bytes: keep it as UTF-8 rather than turn every accent into
    # mojibake, provided well-formed multi-byte characters outnumber the bad bytes (in real
    # Windows-1252 text, byte pairs that happen to form valid UTF-8 are very rare).
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    if sum(1 for ch in lenient if ord(ch) > 0x7F) - bad > bad:
        return lenient
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # maps every byte; binary shows up as control chars


def looks_binary(text: str) -> bool:
    """True when decoded text is mostly not text (NULs, control bytes, replacement chars)."""
    if not text:
        return False
    return len(_BAD_CHARS.findall(text)) > _BINARY_RATIO * len(text)


def push_heading(path: list[tuple[int, str]], level: int, text: str) -> tuple[str, ...]:
    """Update a heading stack in place for a new heading; return the new section path."""
    while path and path[-1][0] >= level:
        path.pop()
    path.append((level, text))
    return tuple(title for _, title in path)


def table_text(rows: list[list[str]]) -> str:
    """Rows of raw cell text -> one table string: cells joined by " | ", one row per line."""
    lines = []
    for row in rows:
        cells = [clean_block(cell) for cell in row]
        while cells and not cells[-1]:
            cells.pop()  # trailing empty cells carry no alignment information
        if cells:
            # A leading empty cell shows as "| x": the pipe keeps the column alignment.
            lines.append(" | ".join(cells).strip())
    return "\n".join(lines)


def keep_lines(text: str) -> str:
    """Normalise code or preformatted text but keep its line structure; drop blank lines."""
    return "\n".join(line for line in normalize(text).split("\n") if line)


def fallback_title(
    declared: str | None, first_heading: str | None, first_text: str | None, stem: str
) -> str:
    """Title precedence: metadata, first heading, first non-empty line, then the file name."""
    for candidate in (declared, first_heading):
        cleaned = clean_block(candidate or "")
        if cleaned:
            return cleaned
    for line in normalize(first_text or "").splitlines():
        if line:
            return line if len(line) <= 200 else line[:200].rsplit(" ", 1)[0] + "…"
    return stem
