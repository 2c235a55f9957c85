"""Where a handout leaves space for a picture: beside a step that shows an amount to measure.

PEMAT-P asks for visual aids wherever they make content easier to understand or act on; the
clearest case on a handout is an amount the patient must measure or count ("1/2 cup (4
ounces) of any fruit juice", "3 or 4 glucose tablets") or a size told by comparison ("the size
of your fist"). No picture comes from the approved documents' text and none is invented: the
handout marks the spot and names what it is for, and the clinician draws or sticks in the
picture. A handout with many amounts gets a few spaces, the first ones, so the page stays
short.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.handouts.handout import DO, HELP, HandoutSection

MAX_PICTURES = 3
MAX_CAPTION_WORDS = 10
# Household measures a patient counts or pours: the units a picture of the amount shows.
HOUSEHOLD = (
    r"cups?|ounces?|oz|tablespoons?|teaspoons?|tbsp|tsp|tablets?|pills?|capsules?|pieces?|"
    r"slices?|servings?|glass(?:es)?|handfuls?|inch(?:es)?|puffs?|drops?|scoops?|spoonfuls?"
)
NUMBER = r"(?:\d+(?:[./]\d+)?|one|two|three|four|five|six|half an?|a half)"
AMOUNT = re.compile(
    rf"\b{NUMBER}(?:\s*(?:or|to|-|–)\s*{NUMBER})?\s+(?:[a-z]+\s+){{0,2}}?(?:{HOUSEHOLD})\b"
    r"(?:\s*\([^()]{1,30}\))?"  # "1/2 cup (4 ounces)"
    r"(?:\s+of\s+[^.,;:!?()—–]+)?",  # "... of any fruit juice" (to a dash or a stop)
    re.I,
)
COMPARISON = re.compile(
    r"\b(?:about |roughly )?the size of (?:a|an|your|two|one) [a-z]+(?: [a-z]+)?", re.I
)


def picture_subject(text: str) -> str:
    """What a picture beside this line would show, or "" when it shows no amount or size."""
    match = AMOUNT.search(text) or COMPARISON.search(text)
    if not match:
        return ""
    words = match.group().strip().split()
    return " ".join(words[:MAX_CAPTION_WORDS])


def with_pictures(sections: tuple[HandoutSection, ...], space: bool) -> tuple:
    """The sections with a picture space marked on the first lines that would use one (what
    to do and when to get help: the parts a patient acts on). Without `space`, nothing is
    marked and the quality check names what would have had one."""
    if not space:
        return tuple(
            replace(s, lines=tuple(replace(ln, picture="") for ln in s.lines)) for s in sections
        )
    left = MAX_PICTURES
    out = []
    for section in sections:
        lines = []
        for line in section.lines:
            subject = picture_subject(line.text) if section.kind in (DO, HELP) else ""
            lines.append(replace(line, picture=subject if subject and left > 0 else ""))
            left -= bool(subject and left > 0)
        out.append(replace(section, lines=tuple(lines)))
    return tuple(out)


def wanted(sections: tuple[HandoutSection, ...]) -> list[str]:
    """Every line of the parts a patient acts on that a picture would make clearer."""
    return [
        subject
        for section in sections
        if section.kind in (DO, HELP)
        for subject in (picture_subject(line.text) for line in section.lines)
        if subject
    ]


__all__ = ["picture_subject", "with_pictures", "wanted", "MAX_PICTURES"]
