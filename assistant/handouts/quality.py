"""The quality panel: the PEMAT-P style items a program can judge, each pass or fail with why.

PEMAT-P (AHRQ) scores understandability and actionability by hand; the items here are the
ones text can show: a grade at or under the target, action steps present, when to get help,
medical terms explained, numbers given with what they measure, short sentences, active voice,
short sections, and whether there are visual aids (a text-only handout never has them, and
says so: it is shown but not judged). The score is the share of judged items passed; PEMAT
counts 70 % as understandable/actionable.
"""

from __future__ import annotations

import re

from assistant.handouts.glossary import medical_terms
from assistant.handouts.handout import DO, HELP, GlossaryEntry, HandoutSection, QualityCheck
from assistant.handouts.readability import Readability

LONG_SENTENCE_SHARE = 0.20
PASSIVE_SHARE = 0.20
SECTION_LINES = 10
UNITS = (
    r"minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|times?|seconds?|mg|mcg|g|grams?|"
    r"kg|ml|mL|l|ounces?|oz|cups?|tablespoons?|teaspoons?|tablets?|pills?|pieces?|servings?|"
    r"units?|%|percent|mg/dL|mmol/L|degrees?|°[CF]?|inches|feet|pounds?|lbs?|steps?|glasses?|"
    r"doses?|drops?|puffs?|sprays?|meals?|snacks?|mmHg|calories|carbohydrates?|years old"
)
NUMBER = re.compile(r"\b\d+(?:[.,/]\d+)?\b")
# A number (or a range "3 or 4") followed within two words by a unit ("4 glucose tablets").
EXPLAINED = re.compile(
    rf"\b\d+(?:[.,/]\d+)?(?:\s*(?:or|to|-|–)\s*\d+)?\s*\(?\s*(?:[a-z]+\s+){{0,2}}(?:{UNITS})\b"
    rf"|\b(?:{UNITS})\s+\d",
    re.I,
)


def bare_numbers(text: str) -> list[str]:
    """Numbers given without what they measure: "below 70" leaves the reader to know it is a
    blood glucose reading in mg/dL; "15 minutes" does not."""
    bare = []
    for line in text.splitlines():
        for match in NUMBER.finditer(line):
            around = line[max(0, match.start() - 12) : match.end() + 32]
            if not EXPLAINED.search(around):
                bare.append(match.group())
    return bare


def checks(
    sections: tuple[HandoutSection, ...],
    glossary: tuple[GlossaryEntry, ...],
    readability: Readability,
    target_grade: float,
) -> tuple[QualityCheck, ...]:
    text = "\n".join(line.text for s in sections for line in s.lines)
    kinds = {s.kind for s in sections if s.lines}
    defined = {g.term for g in glossary}
    undefined = sorted(medical_terms(text) - defined)
    bare = bare_numbers(text)
    # A section's points: each sentence, and a list as one point with its lead-in.
    longest = max((sum(not line.step for line in s.lines) for s in sections), default=0)
    out = [
        QualityCheck(
            "Reading grade at or below the target",
            readability.grade <= target_grade,
            f"grade {readability.grade:g} against a target of {target_grade:g}",
        ),
        QualityCheck(
            "Action steps present",
            DO in kinds,
            "a 'What to do' section with steps" if DO in kinds else "no step the patient can take",
        ),
        QualityCheck(
            "Says when to get help",
            HELP in kinds,
            "a 'When to get help' section"
            if HELP in kinds
            else "the sources chosen do not say when to call or come back",
        ),
        QualityCheck(
            "Medical terms explained",
            not undefined,
            "every medical term is in 'Words to know'"
            if not undefined
            else "not explained by the sources: " + ", ".join(undefined),
        ),
        QualityCheck(
            "Numbers say what they measure",
            not bare,
            "each number has its unit"
            if not bare
            else "number(s) without a unit: " + ", ".join(dict.fromkeys(bare)),
        ),
        QualityCheck(
            "Short sentences",
            readability.long_sentence_share <= LONG_SENTENCE_SHARE,
            f"{readability.long_sentences} of {readability.sentences} sentences over 15 words",
        ),
        QualityCheck(
            "Short sections",
            longest <= SECTION_LINES,
            f"the longest section has {longest} points (at most {SECTION_LINES}; a list is one)",
        ),
        QualityCheck(
            "Visual aids",
            False,
            "not judged: the handout is text only; add a picture or diagram by hand where one "
            "would help",
            judged=False,
        ),
    ]
    if readability.language == "en":
        out.insert(
            6,
            QualityCheck(
                "Active voice",
                readability.passive_share <= PASSIVE_SHARE,
                f"{readability.passive_sentences} of {readability.sentences} sentences passive",
            ),
        )
    return tuple(out)


def score(items: tuple[QualityCheck, ...]) -> float:
    """The share of the judged items passed."""
    judged = [c for c in items if c.judged]
    return sum(c.passed for c in judged) / len(judged) if judged else 0.0
