"""How an evidence card reads: a cited passage shown whole, line by line, with the sentences
that answer the question marked, under a header a clinician can find on paper.

Plain functions over plain data (no Qt, no Markdown): the chat, the CLI, the exports and the
answer's own `text` are all laid out from these, so they show the same content. A line keeps
its kind (a table row, a list item, a lead-in, running text) so each shell can draw a table as
a table and a list as a list without guessing again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.answering.answer import Citation, ClosestDocument

TEXT, ITEM, ROW, LEAD_IN = "text", "item", "row", "lead-in"

# A list item's label: a bullet, "1." / "1)" / "(1)", "a." / "(a)", a roman numeral "iv.".
_ITEM = re.compile(r"^(?:[-•*▪◦●–]|\(?\d{1,2}[.)]|\(?[a-zA-Z][.)]|\(?[ivxIVX]{1,4}[.)])\s+")


@dataclass(slots=True)
class CardLine:
    text: str
    kind: str = TEXT
    # (start, end) offsets into `text` of the sentences the answer relies on
    marks: list[tuple[int, int]] = field(default_factory=list)

    def cells(self) -> list[str]:
        return [cell.strip() for cell in self.text.split(" | ")]

    def pieces(self) -> list[tuple[str, bool]]:
        """The line as (text, marked) runs, in order."""
        out, at = [], 0
        for start, end in self.marks:
            if start > at:
                out.append((self.text[at:start], False))
            out.append((self.text[start:end], True))
            at = end
        if at < len(self.text):
            out.append((self.text[at:], False))
        return out


def line_kind(line: str) -> str:
    if " | " in line:
        return ROW
    if _ITEM.match(line):
        return ITEM
    if line.rstrip().endswith(":"):
        return LEAD_IN
    return TEXT


def card_lines(passage: str, quotes: list[str]) -> list[CardLine]:
    """The passage's lines (blank lines dropped), each with the parts of `quotes` it holds."""
    spans = _quote_spans(passage, quotes)
    lines: list[CardLine] = []
    at = 0
    for raw in passage.split("\n"):
        start, at = at, at + len(raw) + 1
        stripped = raw.strip()
        if not stripped:
            continue
        offset = start + (len(raw) - len(raw.lstrip()))
        end = offset + len(stripped)
        marks = [
            (max(a, offset) - offset, min(b, end) - offset)
            for a, b in spans
            if a < end and b > offset
        ]
        lines.append(CardLine(stripped, line_kind(stripped), marks))
    return lines


def _quote_spans(passage: str, quotes: list[str]) -> list[tuple[int, int]]:
    spans = []
    for quote in quotes:
        index = passage.find(quote.strip())
        if index >= 0 and quote.strip():
            spans.append((index, index + len(quote.strip())))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def short_section(section: str, levels: int = 2, title: str = "") -> str:
    """The last `levels` parts of a section path, shouted headings in sentence case:
    "GUIDE … > FUNDAMENTAL ELEMENTS … > Hand Hygiene" reads "Fundamental elements … > Hand
    Hygiene". A part that only repeats the document's title is left out (the header names
    the document already). The full path stays on the citation (hover, Sources pane)."""
    parts = [p.strip() for p in section.split(" > ") if p.strip()]
    if title and parts and parts[0].casefold() == title.casefold():
        parts = parts[1:]
    return " > ".join(_sentence_case(p) for p in parts[-levels:])


def _sentence_case(part: str) -> str:
    letters = [c for c in part if c.isalpha()]
    if len(letters) < 4 or any(c.islower() for c in letters):
        return part  # mixed case is the author's; short all-caps parts are acronyms
    words = part.lower().split(" ")
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def where_label(item: Citation | ClosestDocument) -> str:
    """Title (vN) — short section — page: where a passage is, in one line."""
    where = item.source
    parts = [f"{where.title} (v{where.version})"]
    section = short_section(where.section, title=where.title)
    if section:
        parts.append(section)
    if item.pages_label:  # a closest document names its first page only
        parts.append(item.pages_label)
    return " — ".join(parts)


def card_header(citation: Citation) -> str:
    """[n] Title (vN) — short section — page."""
    return f"[{citation.number}] {where_label(citation)}"


def card_text(citation: Citation) -> str:
    lines = [card_header(citation)] + [
        line.text for line in card_lines(citation.passage, citation.quotes)
    ]
    return "\n".join(lines)


def cards_text(summary: str, citations: list[Citation]) -> str:
    """The answer's text when it is laid out as evidence cards: the summary line (if any),
    then each card, header first. This is what `ask` prints and `--json` gives as "text"."""
    blocks = ([summary] if summary else []) + [card_text(c) for c in citations]
    return "\n\n".join(blocks)
