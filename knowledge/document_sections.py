"""Sections about the document rather than the practice it sets out.

What a document is for, whom it covers, who wrote it, its references: a question about what
to do is answered elsewhere, and their sentences ("This procedure tells staff what to do…")
only echo the question's words. The answer's sentence choice weighs them less
(assistant/answering/extractive.py); a patient handout quotes them only from the passage
that leads it (assistant/handouts/extractive_handout.py). Sections that cite others (a
reference list, affiliations, disclosures) are quoted by neither.
"""

from __future__ import annotations

import re

ABOUT_THE_DOCUMENT = re.compile(
    r"\b(?:purpose|scope|acknowledg\w*|references|corresponding author|"
    r"affiliations?|disclosures?|conflicts? of interest|suggested citation|abbreviations|"
    r"contents|document control|review history)\b",
    re.I,
)


def about_the_document(section_path: str) -> bool:
    """By the last heading of a section path ("Sharps Procedure > 2. Scope")."""
    return bool(ABOUT_THE_DOCUMENT.search(section_path.rsplit(" > ", 1)[-1]))


# Sections that list other works and people: a reference list, the authors' affiliations,
# their disclosures. Nothing in them is for a patient to read.
CITING_OTHERS = re.compile(
    r"\b(?:references|bibliography|works cited|corresponding author|affiliations?|"
    r"disclosures?|conflicts? of interest|suggested citation|acknowledg\w*)\b",
    re.I,
)


def cites_others(section_path: str) -> bool:
    """By the last heading of a section path ("Guideline > References")."""
    return bool(CITING_OTHERS.search(section_path.rsplit(" > ", 1)[-1]))
