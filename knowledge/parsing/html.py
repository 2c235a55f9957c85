"""HTML parser (BeautifulSoup over lxml).

Site chrome (navigation, banners, footers, scripts, cookie notices, screen-reader-only icon
labels) is skipped; when the page has a <main> or <article>, only that is read. Headings h1-h6
define the section path. Text is gathered in one recursive walk: inline content accumulates
until a block-level element starts or ends, so text sitting loose in a <div> is not lost.
`position` is the 1-based ordinal of the block in the output (there is no better stable
locator in HTML).
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup
from bs4.element import NavigableString, PreformattedString, Tag

from knowledge.document import Block, BlockKind, ParsedDocument
from knowledge.errors import CorruptFile, IngestError
from knowledge.parsing.hygiene import (
    clean_block,
    decode_text,
    fallback_title,
    keep_lines,
    push_heading,
    table_text,
)

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# fmt: off
_DROP_TAGS = {
    "nav", "header", "footer", "aside", "script", "style", "noscript", "form", "button", "svg",
    "iframe", "template", "head", "select", "textarea", "object", "embed", "canvas", "map",
}
# fmt: on
_DROP_ROLES = {"navigation", "banner", "contentinfo", "search", "dialog", "alertdialog"}
_BOILERPLATE = re.compile(
    r"(?:^|[\s_-])(?:breadcrumbs?|cookies?|skip|share|sharing|social|menu|navbar"
    r"|sr-only|visually-hidden|screen-reader-text)(?:$|[\s_-])",
    re.IGNORECASE,
)
# fmt: off
_BLOCK_TAGS = {
    "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "hgroup", "hr", "html", "legend", "li",
    "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul", *_HEADINGS,
}
# fmt: on
_NON_WORD = re.compile(r"\W+")
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)


def parse_html(path: Path) -> ParsedDocument:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from exc
    declared = _CHARSET.search(data[:4096])
    text = decode_text(data, declared.group(1).decode("ascii") if declared else None)
    try:
        soup = BeautifulSoup(text, "lxml")
        walker = _Walker()
        for root in _content_roots(soup):
            walker.visit(root)
        walker.flush()
    except RecursionError as exc:
        raise CorruptFile("HTML is nested too deeply to read") from exc
    except Exception as exc:  # bs4/lxml failures: one clear reason, never a raw traceback
        raise CorruptFile(f"could not parse HTML: {exc}") from exc
    blocks = walker.blocks
    meta = _metadata(soup)
    first_heading = next((b.text for b in blocks if b.kind is BlockKind.HEADING), None)
    first_text = blocks[0].text if blocks else None
    title = fallback_title(meta.pop("title", None), first_heading, first_text, path.stem)
    return ParsedDocument(title=title, format="html", blocks=blocks, metadata=meta)


def _content_roots(soup: BeautifulSoup) -> list[Tag]:
    """<main> if present, else the outermost <article>s, else the whole body.

    One pass over the tree by hand: bs4's find()/find_all() are an order of magnitude slower
    and would dominate the time on large pages.
    """
    articles: list[Tag] = []
    for tag in _tags(soup):
        if tag.name == "main" or tag.get("role") == "main":
            return [tag]
        if tag.name == "article" and not any(p.name == "article" for p in tag.parents):
            articles.append(tag)
    if articles:
        return articles
    body = soup.body
    return [body if body is not None else soup]


def _tags(node: Tag):
    return (d for d in node.descendants if isinstance(d, Tag))


def _is_boilerplate(tag: Tag) -> bool:
    name = tag.name
    if name == "header":
        # An article's own <header> usually holds its title; only the site banner goes.
        if tag.find_parent(["article", "main"]) is None:
            return True
    elif name in _DROP_TAGS:
        return True
    attrs = tag.attrs
    if not attrs:
        return False
    if attrs.get("role") in _DROP_ROLES or "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    if "display:none" in str(attrs.get("style", "")).replace(" ", "").lower():
        return True
    classes = attrs.get("class") or []
    marker = " ".join(classes if isinstance(classes, list) else [classes])
    marker += " " + str(attrs.get("id", ""))
    return bool(marker.strip()) and _BOILERPLATE.search(marker) is not None


def _gather(
    node: Tag,
    parts: list[str],
    deferred: list[Tag] | None = None,
    anchors: list[str] | None = None,
) -> None:
    """Append the visible text under node to parts; block edges become line breaks.

    With `deferred`, nested lists and tables are not read but collected, so a list item's
    own words stay separate from its sub-items. With `anchors`, the text of links to this
    same page is also copied there (see `_is_page_nav`).
    """
    for child in node.children:
        if isinstance(child, NavigableString):
            if not isinstance(child, PreformattedString):  # comments, doctypes, CDATA
                parts.append(str(child))
            continue
        if not isinstance(child, Tag) or _is_boilerplate(child):
            continue
        if child.name == "br":
            parts.append("\n")
        elif deferred is not None and child.name in {"ul", "ol", "table"}:
            deferred.append(child)
        elif anchors is not None and _is_in_page_link(child):
            start = len(parts)
            _gather(child, parts, deferred)
            anchors.extend(parts[start:])
        elif child.name in _BLOCK_TAGS:
            parts.append("\n")
            _gather(child, parts, deferred, anchors)
            parts.append("\n")
        else:
            _gather(child, parts, deferred, anchors)


def _is_in_page_link(tag: Tag) -> bool:
    return tag.name == "a" and str(tag.get("href", "")).startswith("#")


def _is_page_nav(text: str, anchors: list[str]) -> bool:
    """True when all the words of a block are links within this page: a jump menu such as
    "Table 1", "Figure 2" or "[ Top of page | Top of report ]", not content.
    """
    return bool(anchors) and _NON_WORD.sub("", text) == _NON_WORD.sub("", "".join(anchors))


def _text(node: Tag) -> str:
    parts: list[str] = []
    _gather(node, parts)
    return "".join(parts)


class _Walker:
    """Emits blocks in reading order while tracking the heading path."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.inline: list[str] = []  # loose inline text waiting for a block boundary
        self.anchors: list[str] = []  # the part of `inline` that is in-page link text
        self.headings: list[tuple[int, str]] = []
        self.section: tuple[str, ...] = ()

    def visit(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if not isinstance(child, PreformattedString):
                    self.inline.append(str(child))
            elif isinstance(child, Tag) and not _is_boilerplate(child):
                self._element(child)

    def _element(self, tag: Tag) -> None:
        name = tag.name
        if name == "br":
            self.inline.append("\n")
            return
        if _is_in_page_link(tag):
            start = len(self.inline)
            _gather(tag, self.inline)
            self.anchors.extend(self.inline[start:])
            return
        if name not in _BLOCK_TAGS:
            self.visit(tag)  # inline element: its text joins the current run
            return
        self.flush()
        if name in _HEADINGS:
            self._heading(tag, _HEADINGS[name])
        elif name == "table" and not _is_layout_table(tag):
            self._table(tag)
        elif name == "li":
            deferred: list[Tag] = []
            parts: list[str] = []
            anchors: list[str] = []
            _gather(tag, parts, deferred, anchors)
            text = clean_block("".join(parts))
            if not _is_page_nav(text, anchors):
                self.emit(text, BlockKind.LIST_ITEM)
            for nested in deferred:
                self._element(nested)
        elif name == "pre":
            self.emit(keep_lines(tag.get_text()), BlockKind.PARAGRAPH)
        else:
            self.visit(tag)
            self.flush()

    def _heading(self, tag: Tag, level: int) -> None:
        text = clean_block(_text(tag))
        if text:
            self.section = push_heading(self.headings, level, text)
            self.emit(text, BlockKind.HEADING, level)

    def _table(self, table: Tag) -> None:
        """A data table: its caption as a paragraph, then one TABLE block, header rows first."""
        groups: dict[str, list[list[str]]] = {"thead": [], "tbody": [], "tfoot": []}
        for part in table.children:
            if not isinstance(part, Tag) or _is_boilerplate(part):
                continue
            if part.name == "caption":
                self.emit(clean_block(_text(part)), BlockKind.PARAGRAPH)
            elif part.name == "tr":
                groups["tbody"].append(_row_cells(part))
            elif part.name in groups:
                rows = (r for r in part.children if isinstance(r, Tag) and r.name == "tr")
                groups[part.name].extend(_row_cells(row) for row in rows)
        self.emit(table_text(groups["thead"] + groups["tbody"] + groups["tfoot"]), BlockKind.TABLE)

    def flush(self) -> None:
        """Turn pending loose inline text into a paragraph."""
        text = clean_block("".join(self.inline))
        if text and not _is_page_nav(text, self.anchors):
            self.emit(text, BlockKind.PARAGRAPH)
        self.inline, self.anchors = [], []

    def emit(self, text: str, kind: BlockKind, level: int = 0) -> None:
        if not text:
            return
        position = len(self.blocks) + 1
        self.blocks.append(Block(text, kind, self.section, position=position, level=level))


def _row_cells(row: Tag) -> list[str]:
    cells = (c for c in row.children if isinstance(c, Tag) and c.name in {"th", "td"})
    return [_text(cell) for cell in cells if not _is_boilerplate(cell)]


def _is_layout_table(table: Tag) -> bool:
    """Tables used for page layout hold nested tables or headings: read them as containers."""
    if table.get("role") in {"presentation", "none"}:
        return True
    for tag in _tags(table):
        if tag.name == "table":
            return True
        if tag.name in _HEADINGS and not any(p.name == "caption" for p in tag.parents):
            return True
    return False


def _metadata(soup: BeautifulSoup) -> dict[str, str]:
    meta: dict[str, str] = {}
    # Search <head> only: a find() over a multi-megabyte body costs seconds.
    head = soup.head if soup.head is not None else soup
    title_tag = head.find("title")
    title = title_tag.get_text() if isinstance(title_tag, Tag) else ""
    og_title = head.find("meta", attrs={"property": "og:title"})
    if not title.strip() and isinstance(og_title, Tag):
        title = str(og_title.get("content", ""))
    if clean_block(title):
        meta["title"] = clean_block(title)
    for key, attrs in (
        ("author", {"name": "author"}),
        ("description", {"name": "description"}),
        ("keywords", {"name": "keywords"}),
        ("site", {"property": "og:site_name"}),
    ):
        tag = head.find("meta", attrs=attrs)
        if isinstance(tag, Tag) and clean_block(str(tag.get("content", ""))):
            meta[key] = clean_block(str(tag.get("content", "")))
    lang = soup.html.get("lang") if soup.html else None
    if lang:
        meta["language"] = str(lang)
    return meta
