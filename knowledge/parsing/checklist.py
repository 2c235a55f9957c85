"""Form noise of checklists, cleaned when a document is parsed (not when it is shown).

Assessment checklists (the CDC outpatient guide's Appendix A, audit forms) print an answer
column beside every item: "Yes No", "Yes No Yes No", "N/A". Extracted as text these land as
blocks of their own or at the end of the item, and an answer quoting them reads as rubble
("i. Upon hire, prior to provision of care ii. Annually Yes No Yes No"). Here blocks made of
answer choices only are dropped, a trailing run of "Yes No" is cut, and roman-numeral items
run together on one line are put on lines of their own.
"""

from __future__ import annotations

import re
from dataclasses import replace

from knowledge.document import Block

_CHOICE = r"(?:Yes|No|N/?A|Not\s+applicable|Unknown|Partially|Met|Not\s+met)"
# A block of answer choices only, with any check-box glyphs (O, ☐, □) before them.
# (Choices may stand in table cells: "Yes | No".)
_CHOICES_ONLY = re.compile(rf"^(?:[O☐□○]?[\s|]*{_CHOICE}[\s|]*)+$", re.I)
# A trailing run of the answer column: at least one "Yes No" pair, then any more choices.
_TRAILING = re.compile(
    rf"(?:[\s|]+[O☐□○]?\s*Yes[\s|]+[O☐□○]?\s*No\b(?:[\s|]+[O☐□○]?\s*{_CHOICE}\b)*)+\s*$"
)
# The answer column printed before its item: "Yes | No If yes, date of last inspection:".
_LEADING = re.compile(r"^(?:[O☐□○]?\s*(?:Yes|No)\b[\s|]*){2,}(?=\S)")
_ROMAN = r"(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)"
_STARTS_WITH_ROMAN = re.compile(rf"^{_ROMAN}\.\s")
# The next roman item run on after the previous one: "… of care ii. Annually".
_RUN_ON_ROMAN = re.compile(rf"(?<=\S)\s+(?={_ROMAN}\.\s+[A-Z])")


def clean_checklists(blocks: list[Block], renumber_pages: bool = False) -> list[Block]:
    """The blocks without checklist noise. `renumber_pages` (PDF): a block's position is its
    index on its page, counted again over the blocks kept."""
    out: list[Block] = []
    for block in blocks:
        text = block.text.strip()
        if _CHOICES_ONLY.match(text):
            continue
        cleaned = _LEADING.sub("", _TRAILING.sub("", text))
        if _STARTS_WITH_ROMAN.match(cleaned):
            cleaned = _RUN_ON_ROMAN.sub("\n", cleaned)
        if not cleaned.strip():
            continue
        out.append(block if cleaned == text else replace(block, text=cleaned))
    return _renumbered(out) if renumber_pages and len(out) < len(blocks) else out


def _renumbered(blocks: list[Block]) -> list[Block]:
    on_page: dict[int | None, int] = {}
    out = []
    for block in blocks:
        on_page[block.page] = on_page.get(block.page, 0) + 1
        position = on_page[block.page]
        out.append(block if block.position == position else replace(block, position=position))
    return out
