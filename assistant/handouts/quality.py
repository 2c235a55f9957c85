"""The quality panel: the PEMAT-P style items a program can judge, each pass or fail with why.

PEMAT-P (AHRQ) scores understandability and actionability by hand; the items here are the
ones text can show: a grade at or under the target, action steps present, when to get help,
one idea per section (each under a heading of its own), medical terms explained, numbers
given with what they measure, short sentences, active voice, short sections, and space for
pictures beside the amounts a patient must measure (the pictures themselves are the
clinician's to add: assistant/handouts/pictures.py). The score is the share of judged items
passed; PEMAT counts 70 % as understandable/actionable.
"""

from __future__ import annotations

import re

from assistant.handouts.glossary import medical_terms
from assistant.handouts.handout import DO, HELP, GlossaryEntry, HandoutSection, QualityCheck
from assistant.handouts.pictures import wanted
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
# A unit ends where its letters do: "1%" and "37°C" end in a sign, where \b finds no edge.
EXPLAINED = re.compile(
    rf"\b\d+(?:[.,/]\d+)?(?:\s*(?:or|to|-|–)\s*\d+)?\s*\(?\s*(?:[a-z]+\s+){{0,2}}(?:{UNITS})"
    rf"(?![A-Za-z])"
    rf"|\b(?:{UNITS})\s+\d",
    re.I,
)


# A number followed by a noun counts things ("4 vegetables", "3 fruits"): clear. One followed
# by one of these words, or by nothing, leaves the reader to know what it measures.
NOT_A_NOUN = frozenset(
    """a an and are as at above below but by for from higher if in is less lower more of or on
    over plus than that the to under was were with""".split()
)
COUNTED = re.compile(r"\b\d+(?:[.,/]\d+)?\s+([a-z]+)", re.I)
# Clock times ("08:00", "5 pm"), years ("in 2018") and phone or pager numbers ("bleep 4455")
# say what they are.
SELF_EXPLAINED = re.compile(
    r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)"
    r"|\b(?:in|during|since|until|by|from|before|after)\s+(?:19|20)\d{2}\b"
    r"|\b(?:ext(?:ension)?|bleep|pager|phone|tel|call|dial|number)\.?\s*:?\s*\d[\d -]{2,}",
    re.I,
)


def bare_numbers(text: str) -> list[str]:
    """Numbers given without what they measure: "below 70" leaves the reader to know it is a
    blood glucose reading in mg/dL; "15 minutes" and "4 vegetables" do not."""
    bare = []
    for line in text.splitlines():
        clear = [m.span() for m in SELF_EXPLAINED.finditer(line)]
        for match in NUMBER.finditer(line):
            if any(a <= match.start() < b for a, b in clear):
                continue
            around = line[max(0, match.start() - 12) : match.end() + 32]
            counted = COUNTED.match(line, match.start())
            if counted and counted.group(1).lower() not in NOT_A_NOUN:
                continue
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
            else "the sources chosen do not say when to call or come back: the printed "
            "handout leaves a space for you to write it in",
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
        one_idea_per_section(sections),
        QualityCheck(
            "Short sections",
            longest <= SECTION_LINES,
            f"the longest section has {longest} points (at most {SECTION_LINES}; a list is one)",
        ),
        visual_aids(sections),
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


def one_idea_per_section(sections: tuple[HandoutSection, ...]) -> QualityCheck:
    """Each heading covers one subject: the lines under it come from one part of the sources,
    or each part has its source's own heading. Fails for a part whose source heading is no
    use to a patient (none, or a report's long title) in a section that mixes parts."""
    mixed = [(s.heading, s.parts()) for s in sections]
    mixed = [(heading, parts) for heading, parts in mixed if len(parts) > 1]
    unmarked = [heading for heading, parts in mixed if any(not sub for sub, _ in parts)]
    split = [f"{heading}: {len(parts)} parts" for heading, parts in mixed]
    if unmarked:
        return QualityCheck(
            "One idea per section",
            False,
            "lines from several parts of the sources share one heading, some without a "
            "heading of their own: " + ", ".join(unmarked),
        )
    under = f", or split under the sources' own headings ({'; '.join(split)})" if split else ""
    return QualityCheck(
        "One idea per section", True, "each section is from one part of the sources" + under
    )


def visual_aids(sections: tuple[HandoutSection, ...]) -> QualityCheck:
    """Judged where a step shows an amount or size to measure (a picture makes it clearer):
    passed when the handout leaves a marked space for one. The pictures are the clinician's to
    add; with no such step the item is shown, not judged."""
    name = "Visual aids (space for pictures)"
    needed = wanted(sections)
    marked = [line.picture for s in sections for line in s.lines if line.picture]
    if not needed:
        return QualityCheck(
            name,
            False,
            "not judged: no step shows an amount or size to measure; add a picture by hand "
            "where one would help",
            judged=False,
        )
    if not marked:
        return QualityCheck(
            name,
            False,
            f"{len(needed)} step(s) show an amount a picture would make clearer "
            f"({'; '.join(needed[:3])}); no space is left for one",
        )
    more = len(needed) - len(marked)
    return QualityCheck(
        name,
        True,
        f"space left for {len(marked)} picture(s): {'; '.join(marked)}"
        + (f" ({more} more amount(s) without one)" if more else "")
        + "; draw or stick them in before giving the handout",
    )


def score(items: tuple[QualityCheck, ...]) -> float:
    """The share of the judged items passed."""
    judged = [c for c in items if c.judged]
    return sum(c.passed for c in judged) / len(judged) if judged else 0.0
