"""Section paths for PDFs: from the document outline (bookmarks) when it is usable, otherwise
from headings recognised by font size."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import pypdfium2 as pdfium

from knowledge.parsing.hygiene import normalize


@dataclass(frozen=True, slots=True)
class OutlineEntry:
    level: int  # 0 = top
    title: str
    page: int  # 1-based


def read_outline(pdf: pdfium.PdfDocument, max_entries: int = 2000) -> list[OutlineEntry]:
    """The outline, or [] when it is missing or only holds junk (Word's "_GoBack" bookmark)."""
    entries = []
    try:
        for bookmark in pdf.get_toc(max_depth=8):
            title = " ".join(normalize(bookmark.get_title() or "").split())
            dest = bookmark.get_dest()
            index = dest.get_index() if dest is not None else None
            if not title or title.startswith("_") or index is None or index < 0:
                continue
            entries.append(OutlineEntry(bookmark.level, title, index + 1))
            if len(entries) >= max_entries:
                break
    except pdfium.PdfiumError:
        return []
    return entries if len(entries) >= 2 else []


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())


def _same_heading(a: str, b: str) -> bool:
    ka, kb = _key(a), _key(b)
    if len(ka) < 4 or len(kb) < 4:
        return ka == kb
    return ka.startswith(kb) or kb.startswith(ka)


class SectionTracker:
    """Keeps the heading path in force while blocks are visited in reading order.

    With an outline, an entry takes effect at the heading that matches its title on its target
    page, or at the end of that page if no heading matches (the destination still says the
    section starts there). Headings that are not in the outline become a sub-section under the
    current outline entry. Without an outline, headings form the path by their level.
    """

    def __init__(self, outline: list[OutlineEntry]):
        self._by_page: dict[int, list[OutlineEntry]] = defaultdict(list)
        for entry in outline:
            self._by_page[entry.page].append(entry)
        self._use_outline = bool(outline)
        self._outline_path: list[str] = []
        self._local: list[tuple[int, str]] = []  # (level, title) headings outside the outline
        self._page = 0
        self._pending: list[OutlineEntry] = []

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(self._outline_path) + tuple(title for _, title in self._local)

    def advance_to_page(self, page: int) -> None:
        while self._page < page:
            self._apply(self._pending)
            self._page += 1
            self._pending = list(self._by_page.get(self._page, ()))

    def on_heading(self, text: str, level: int) -> None:
        if self._use_outline:
            for i, entry in enumerate(self._pending):
                if _same_heading(entry.title, text):
                    self._apply(self._pending[: i + 1])
                    self._pending = self._pending[i + 1 :]
                    return
        self._local = [(lvl, title) for lvl, title in self._local if lvl < level]
        self._local.append((level, text))

    def _apply(self, entries: list[OutlineEntry]) -> None:
        for entry in entries:
            del self._outline_path[entry.level :]
            self._outline_path.append(entry.title)
            self._local = []
