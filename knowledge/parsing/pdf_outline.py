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
    # Depth in the PDF's tree -> (title, level we give it). Authoring tools sometimes nest a
    # numbered sibling under the one before it (the 2022 CDC opioid guideline has
    # "Recommendation 2" as a child of "Recommendation 1"), which would put every chunk of
    # Recommendation 2 under "Recommendation 1 > Recommendation 2". An entry whose title has
    # the same shape as its parent's except for the numbers is taken as the parent's sibling.
    parents: dict[int, tuple[str, int]] = {}
    try:
        for bookmark in pdf.get_toc(max_depth=8):
            title = " ".join(normalize(bookmark.get_title() or "").split())
            dest = bookmark.get_dest()
            index = dest.get_index() if dest is not None else None
            if not title or title.startswith("_") or index is None or index < 0:
                continue
            depth = bookmark.level
            parent = parents.get(depth - 1)
            level = parent[1] + 1 if parent else 0
            if parent and _numbered_sibling(parent[0], title):
                level = parent[1]
            parents = {d: v for d, v in parents.items() if d < depth}
            parents[depth] = (title, level)
            entries.append(OutlineEntry(level, title, index + 1))
            if len(entries) >= max_entries:
                break
    except pdfium.PdfiumError:
        return []
    return entries if len(entries) >= 2 else []


def _numbered_sibling(parent: str, title: str) -> bool:
    shape = re.compile(r"\d+")
    return bool(shape.search(title)) and shape.sub("#", parent) == shape.sub("#", title)


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

    def is_pending_title(self, text: str) -> bool:
        """Whether this text is, word for word, an outline entry due on the current page.

        Lets the parser treat a line typeset like body text ("a. Peak exposure" in a Word
        export) as the heading the outline says it is, so the section starts there and not at
        the end of the page.
        """
        key = _key(text)
        return len(key) >= 4 and any(_key(entry.title) == key for entry in self._pending)

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
