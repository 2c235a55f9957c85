"""Words to know: the medical terms a handout cannot avoid, each with its everyday meaning.

A meaning is only ever taken from the approved sources: a heading or sentence that pairs the
plain words with the term ("Low Blood Glucose (Hypoglycemia)"), or a sentence that defines it
("Insulin is a hormone that..."), in the handout's own passages or, failing them, in another
approved passage found for the term (cited in the footer). A handout never explains a term
from general knowledge: a medical term the sources do not explain is listed for the
clinician by the quality check instead (`medical_terms`). The product's lay-word table
(knowledge/clinical_vocabulary.py), read the other way round, only tells which words are
medical terms.
"""

from __future__ import annotations

import re
from functools import cache

from assistant.handouts.handout import GlossaryEntry
from knowledge.clinical_vocabulary import LAY_TERMS

FROM_SOURCE = "the source document"
# "Everyday words (Term)": the source names the medical term after its plain words.
PAIRED = re.compile(r"\b((?:[A-Za-z]+ ){0,3}[A-Za-z]+) \(([A-Za-z][a-z]{6,})\)")


DEFINES = re.compile(
    r"^(?:An? |The )?([A-Z][a-z]{5,}) (?:is|are|means) ((?:a|an|the|when|how|what) [^.]{8,140})\."
)


@cache
def medical_words() -> frozenset[str]:
    """Single words the lay table maps everyday phrases to ("hypoglycemia", "naloxone")."""
    # A word the table also lists as an everyday word ("exercise") is no medical term.
    everyday = {word for lay in LAY_TERMS for word in lay.lower().split()}
    words = set()
    for medical in LAY_TERMS.values():
        for alternative in medical.split(";"):
            word = alternative.strip().lower()
            if " " not in word and len(word) >= 8 and word not in everyday:
                words.add(word)
    return frozenset(words)


def medical_terms(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]+", text)} & medical_words()


def source_meanings(texts: list[str]) -> dict[str, str]:
    meanings: dict[str, str] = {}
    for text in texts:
        for plain, term in PAIRED.findall(text):
            if plain.lower() != term.lower():
                meanings.setdefault(term.lower(), plain.lower())
        for line in text.splitlines():
            for term, meaning in DEFINES.findall(line.strip()):
                meanings.setdefault(term.lower(), meaning.strip())
    return meanings


def meaning_elsewhere(term: str, passages) -> GlossaryEntry | None:
    """The term explained by another approved passage (the library's own heading "Low Blood
    Glucose (Hypoglycemia)" elsewhere in the booklet), cited to that passage; None when no
    passage found for the term explains it."""
    for passage in passages:
        meaning = source_meanings([passage.text, passage.source.section]).get(term)
        if meaning:
            return GlossaryEntry(term, meaning, passage.source.label(), passage.source)
    return None


def glossary_for(
    handout_text: str, sources: list[str], cited: tuple[GlossaryEntry, ...] = ()
) -> tuple[GlossaryEntry, ...]:
    """An entry for each term the handout's text uses that its sources explain; then each
    `cited` entry (a meaning found in another approved passage) whose term the text uses and
    the sources leave unexplained."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", handout_text)}
    own = tuple(
        GlossaryEntry(term, meaning, FROM_SOURCE)
        for term, meaning in sorted(source_meanings(sources).items())
        if term in words
    )
    defined = {g.term for g in own}
    return own + tuple(g for g in cited if g.term in words and g.term not in defined)
