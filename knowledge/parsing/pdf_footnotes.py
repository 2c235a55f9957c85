"""Page footnotes out of the way of the sentence they interrupt.

A Word export puts each page's footnotes at its foot, in content order between the last line
of the page and the first line of the next. When a sentence runs over the page break, its two
halves came out with the footnotes between them: "…high intrasubject variability / 16 21 CFR
320.25 … / (greater than or equal to 30 percent)…", so the sentence was never whole in a
chunk and the footnote text sat in the middle of the passage a clinician reads. The footnotes
are kept (they are part of the document), but moved to just after that sentence ends.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from knowledge.parsing.pdf_lines import Line

# A footnote opens with its number or mark...
_MARK = re.compile(r"^\s*(\d{1,3}|[*†‡§])\s*\S")
# ...set smaller than the footnote text (a superscript): without that test, a table of
# servings in small type ("1 3-inch cookie") or a page of references looked like footnotes.
_SUPERSCRIPT = 0.85
# How much smaller than the body text footnote lines are (points).
_SMALLER = 1.0
# A sentence ends, perhaps with its own footnote mark: "…narrow therapeutic index.1"
_SENTENCE_END = re.compile(r"[.?!:]\d{0,3}[\"')\]]?\s*$")


def footnote_start(lines: list[Line], body_size: float) -> int:
    """Index of the first line of the page's footnotes (len(lines) when it has none): the
    trailing run of lines smaller than the body text, opening with a superscript mark, all
    below the page's last body line."""
    start = len(lines)
    while start > 0 and max(lines[start - 1].size, lines[start - 1].end_size) < (
        body_size - _SMALLER
    ):
        start -= 1
    notes, body = lines[start:], lines[:start]
    first = notes[0] if notes else None
    if first is None or not _MARK.match(first.text) or first.size >= _SUPERSCRIPT * first.end_size:
        return len(lines)
    if body and min(n.top for n in notes) < max(b.top for b in body):
        return len(lines)  # not at the foot of the page: a box or a figure caption
    return start


def in_reading_order(
    pages: list[list[Line]], body_size: float, runs_on: Callable[[Line], bool]
) -> list[Line]:
    """Every page's lines in one list, each page's footnotes moved to where the sentence that
    runs over its page break ends (at the latest, the end of the next page). `runs_on` is the
    parser's rule for whether a paragraph continues from a line over a break."""
    ordered: list[Line] = []
    pending: list[Line] = []
    for lines in pages:
        start = footnote_start(lines, body_size)
        body, notes = lines[:start], lines[start:]
        for line in body:
            ordered.append(line)
            if pending and _SENTENCE_END.search(line.text):
                ordered += pending
                pending = []
        ordered += pending  # no sentence end on this whole page: do not carry them further
        pending = notes
        if not body or not runs_on(body[-1]):
            ordered += pending
            pending = []
    return ordered + pending
