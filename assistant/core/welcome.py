"""The empty chat's welcome: three example questions drawn from the documents that are loaded.

A new user does not know what the library holds. Each example names a live document and one of
its sections ("What does the Falls Prevention Policy say about neurological observations after
a fall?"), so asking it shows an answer with its evidence. Sections that every policy has
(purpose, scope, definitions, references…) are passed over, and no two examples come from one
document. Nothing here is generated beyond that template: the words are the documents' own.
"""

from __future__ import annotations

import re

# Sections that say nothing about practice.
_GENERIC = re.compile(
    r"\b(?:purpose|scope|introduction|background|definitions?|glossary|references?|contents|"
    r"acknowledg|appendix|abbreviations?|summary|overview|responsibilit|review|version|"
    r"document control|contact|authors?|disclaimer|foreword|preface|index|table of)\b",
    re.I,
)
_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[A-Z]\.|[IVX]+\.)\s+")


def example_questions(sections_by_title: dict[str, list[str]], limit: int = 3) -> list[str]:
    """`sections_by_title`: each live document's title and its section paths in document
    order. One question per document, for up to `limit` documents, in the order given."""
    out = []
    for title, sections in sections_by_title.items():
        topic = _topic(title, sections)
        if topic:
            out.append(f"What does the {title} say about {topic}?")
        if len(out) == limit:
            break
    return out


def _topic(title: str, sections: list[str]) -> str:
    """A practical section of the document, as words that read inside a sentence: the middle
    one of its usable sections (the first are often preliminaries)."""
    usable = []
    for path in dict.fromkeys(sections):  # in order, once each
        heading = _NUMBERING.sub("", path.split(" > ")[-1]).strip(" :.")
        words = heading.split()
        if (
            2 <= len(words) <= 9
            and heading.lower() != title.lower()
            and not _GENERIC.search(heading)
            and not heading.isupper()
            and "|" not in heading
        ):
            usable.append(heading)
    if not usable:
        return ""
    heading = usable[len(usable) // 2]
    return heading[0].lower() + heading[1:] if not heading[:2].isupper() else heading
